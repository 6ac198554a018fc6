complete --keep-order --exclusive --command authctl --arguments "(_AUTHCTL_COMPLETE=fish authctl -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
