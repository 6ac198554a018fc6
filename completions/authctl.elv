
set edit:completion:arg-completer[authctl] = { |@words|
    var index = (count $words)
    set index = (- $index 1)

    put (env _CLAP_IFS="\n" _CLAP_COMPLETE_INDEX=(to-string $index) _AUTHCTL_COMPLETE="elvish" authctl -- $@words) | to-lines
}

