complete --keep-order --exclusive --command authctl --arguments "(COMPLETE=fish authctl -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
