# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_authctl_global_optspecs
    string join \n database= config= session-file= no-input json q/quiet v/verbose h/help V/version
end

function __fish_authctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_authctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_authctl_using_subcommand
    set -l cmd (__fish_authctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c authctl -n "__fish_authctl_needs_command" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_needs_command" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_needs_command" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_needs_command" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_needs_command" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_needs_command" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_needs_command" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_needs_command" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "createsuperuser" -d 'Create a staff superuser, like Django\'s `manage.py createsuperuser`'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "signup" -d 'Create a regular active user, like Django\'s UserCreationForm'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "login" -d 'Log in: check the password, set last_login and start a session kept in the session file'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "logout" -d 'End this session and remove the session file; not being logged in is fine'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "whoami" -d 'Print the logged-in user; exit 1 if there is no valid session'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "passwd" -d 'Change the logged-in user\'s password; other sessions of the user end'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "reset-request" -d 'Email a password reset token to the active users with this address'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "reset-confirm" -d 'Set a new password with a reset token (UIDB64 TOKEN, or the whole reset link)'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "users" -d 'The admin: list, show, change, delete users, set passwords, import and export'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "groups" -d 'Groups: create, rename, delete, members, and the permissions they give'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "perms" -d 'Permissions: what exists, what a user has and why, and custom ones'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "log" -d 'The event log: what happened to which account, by whom, newest first'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "verify" -d 'Check a username and password; exit 0 if valid, 1 if not, printing nothing'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "checkpassword" -d 'Answer the checkpassword interface (Dovecot, qmail): on success, run PROG in its place'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "mail" -d 'The outbox of reset emails: list what waits, or send it now'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "config" -d 'Settings: write a Django project\'s as an authctl config file'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "completions" -d 'Print a shell completion script, or write all of them with --out-dir'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "man" -d 'Print the man page, or write one page per subcommand with --out-dir'
complete -c authctl -n "__fish_authctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l username -d 'Username [env: DJANGO_SUPERUSER_USERNAME, with --no-input]' -r
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l email -d 'Email address [env: DJANGO_SUPERUSER_EMAIL, with --no-input]' -r
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l password-file -d 'Read the password from a file holding exactly one line' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l field -d 'A value for a column of a custom user model (repeatable) [env: DJANGO_SUPERUSER_<NAME>, with --no-input]; see "Custom user models"' -r
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l password-stdin -d 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l skip-validation -d 'Do not run the password validators (the password is still required to be non-blank)'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l if-missing -d 'If the user exists, change nothing and exit 0'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l update -d 'If the user exists, make it an active superuser and set the email and password given'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand createsuperuser" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l username -d 'Username (asked for on a terminal when missing)' -r
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l email -d 'Email address' -r
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l first-name -d 'First name' -r
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l last-name -d 'Last name' -r
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l field -d 'A value for a column of a custom user model (repeatable); see "Custom user models"' -r
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l password-file -d 'Read the password from a file holding exactly one line' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l password-stdin -d 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand signup" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand signup" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand signup" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand signup" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand signup" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand login" -l username -d 'Username (asked for on a terminal when missing)' -r
complete -c authctl -n "__fish_authctl_using_subcommand login" -l password-file -d 'Read the password from a file holding exactly one line' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand login" -l group -d 'The user must be in this group (repeatable; all must hold)' -r
complete -c authctl -n "__fish_authctl_using_subcommand login" -l perm -d 'The user must have this permission, app_label.codename, by Django\'s rules (repeatable)' -r
complete -c authctl -n "__fish_authctl_using_subcommand login" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand login" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand login" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand login" -l password-stdin -d 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
complete -c authctl -n "__fish_authctl_using_subcommand login" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand login" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand login" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand login" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand login" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand login" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l all -d 'End every session of the user, not only this one'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand logout" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -l password-file -d 'Read the old then the new password from a file holding exactly two lines' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -l password-stdin -d 'Read the old then the new password from standard input (two lines)'
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand passwd" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -l email -d 'The account\'s email address (asked for on a terminal when missing)' -r
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand reset-request" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -l password-file -d 'Read the password from a file holding exactly one line' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -l password-stdin -d 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand reset-confirm" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "list" -d 'List users as a table, or JSON Lines with --json'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "show" -d 'Show every field of one user, how the password is stored, and its session count'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "set" -d 'Change a user\'s names, email, username or flags'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "delete" -d 'Delete users (asks first on a terminal; --yes in scripts)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "set-password" -d 'Set a user\'s password without the old one, like Django\'s changepassword'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "import" -d 'Create or update users from JSON Lines or CSV, all or nothing'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "sessions" -d 'List a user\'s sessions: id, created, expires (never the key)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "logout" -d 'End a user\'s sessions, or one of them with --session'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "unlock" -d 'Forget failed logins and lift locks, for usernames (known or not) or --all'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "grant" -d 'Give a user permissions directly (app_label.codename, as Django writes them)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "revoke" -d 'Take permissions given directly away from a user'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "export" -d 'Write every user as JSON Lines or CSV, in the format import reads'
complete -c authctl -n "__fish_authctl_using_subcommand users; and not __fish_seen_subcommand_from list show set delete set-password import sessions logout unlock grant revoke export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l search -d 'Only users whose username, email or names contain TEXT (ignoring case)' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N users' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l offset -d 'Skip the first N matching users' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l group -d 'Only members of this group' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l perm -d 'Only users with this permission (app_label.codename), by Django\'s rules' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l active -d 'Only active users'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l inactive -d 'Only inactive users'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l staff -d 'Only staff users'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l superuser -d 'Only superusers'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l with-hashes -d 'Include the password hashes'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l with-hashes -d 'Include the password hash'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l username -d 'Rename the user (case-insensitively unique, like signup)' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l email -d 'New email address' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l first-name -d 'New first name' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l last-name -d 'New last name' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l field -d 'A value for a column of a custom user model (repeatable); see "Custom user models"' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l active -d 'Allow the user to log in'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l inactive -d 'Stop the user logging in (ends the user\'s sessions)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l staff -d 'Give access to the Django admin'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l no-staff -d 'Take away access to the Django admin'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l superuser -d 'Give every permission'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l no-superuser -d 'Take away superuser status'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l unusable-password -d 'Make the password unusable (ends the user\'s sessions)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l missing-ok -d 'A username that does not exist is not an error'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l password-file -d 'Read the password from a file holding exactly one line' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l password-stdin -d 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l skip-validation -d 'Do not run the password validators'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l hash -d 'What is read is an encoded Django hash (as `users export --with-hashes` writes), stored as it is once authctl can check it and the site\'s hashers include it'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from set-password" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l format -d 'Input format [default: csv for a .csv file, else jsonl]' -r -f -a "jsonl\t''
csv\t''"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l on-conflict -d 'What to do with a username that exists' -r -f -a "fail\t''
skip\t''
update\t''"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l dry-run -d 'Print what each row would do and write nothing'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l skip-validation -d 'Do not run the password validators on plain passwords'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l create-groups -d 'Create the groups the rows name that do not exist yet'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l progress -d 'Show a progress bar on stderr, even when it is not a terminal'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l no-progress -d 'Never show a progress bar [default: shown when stderr is a terminal]'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from sessions" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from sessions" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from sessions" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from sessions" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from sessions" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from sessions" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from sessions" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from sessions" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from sessions" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -l session -d 'End only this session (its id, as users sessions lists it)' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l all -d 'Every username with failed logins or a lock'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from grant" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from grant" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from grant" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from grant" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from grant" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from grant" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from revoke" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from revoke" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from revoke" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from revoke" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l format -d 'Output format [default: csv for an --output ending in .csv, else jsonl]' -r -f -a "jsonl\t''
csv\t''"
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l output -d 'Write to this file (mode 0600) instead of standard output (- is standard output)' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l with-hashes -d 'Include the password hashes (as password_hash), so an import restores the passwords'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l progress -d 'Show a progress bar on stderr, even when it is not a terminal'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l no-progress -d 'Never show a progress bar [default: shown when stderr is a terminal]'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users as a table, or JSON Lines with --json'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show every field of one user, how the password is stored, and its session count'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a user\'s names, email, username or flags'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete users (asks first on a terminal; --yes in scripts)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "set-password" -d 'Set a user\'s password without the old one, like Django\'s changepassword'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "import" -d 'Create or update users from JSON Lines or CSV, all or nothing'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "sessions" -d 'List a user\'s sessions: id, created, expires (never the key)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "logout" -d 'End a user\'s sessions, or one of them with --session'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Forget failed logins and lift locks, for usernames (known or not) or --all'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Give a user permissions directly (app_label.codename, as Django writes them)'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Take permissions given directly away from a user'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every user as JSON Lines or CSV, in the format import reads'
complete -c authctl -n "__fish_authctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "list" -d 'List the groups with their member and permission counts'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "show" -d 'Show a group\'s members and permissions'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "create" -d 'Create a group'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "rename" -d 'Rename a group'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "delete" -d 'Delete groups with their memberships and permissions (asks first on a terminal)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "add" -d 'Add users to a group; those already in it are left as they are'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "remove" -d 'Remove users from a group; those not in it are left as they are'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "grant" -d 'Give a group permissions (app_label.codename)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "revoke" -d 'Take permissions away from a group'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and not __fish_seen_subcommand_from list show create rename delete add remove grant revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from rename" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from rename" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from rename" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from rename" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from rename" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from rename" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from add" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from add" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from add" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from add" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from remove" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from remove" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from remove" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from remove" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from grant" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from grant" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from grant" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from grant" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from grant" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from grant" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from revoke" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from revoke" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from revoke" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from revoke" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the groups with their member and permission counts'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a group\'s members and permissions'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a group'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a group'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete groups with their memberships and permissions (asks first on a terminal)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add users to a group; those already in it are left as they are'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove users from a group; those not in it are left as they are'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Give a group permissions (app_label.codename)'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Take permissions away from a group'
complete -c authctl -n "__fish_authctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -f -a "list" -d 'List the permissions that exist, or a user\'s effective ones and where each comes from'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -f -a "create" -d 'Create a custom permission, as a Django data migration would'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and not __fish_seen_subcommand_from list create help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -l app -d 'Only this app\'s permissions' -r
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -l user -d 'A user\'s effective permissions, each with where it comes from (direct, a group, superuser)' -r
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -l model -d 'The model it is for (its content type is created if needed)' -r
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -l name -d 'What it allows, as Django shows it ("Can run a deploy")' -r
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the permissions that exist, or a user\'s effective ones and where each comes from'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a custom permission, as a Django data migration would'
complete -c authctl -n "__fish_authctl_using_subcommand perms; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand log" -l user -d 'Only events about this username' -r
complete -c authctl -n "__fish_authctl_using_subcommand log" -l event -d 'Only this event (user_created, login_failed, locked, password_changed, and so on)' -r
complete -c authctl -n "__fish_authctl_using_subcommand log" -l since -d 'Only events at or after this time (YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS], UTC)' -r
complete -c authctl -n "__fish_authctl_using_subcommand log" -l until -d 'Only events at or before this time' -r
complete -c authctl -n "__fish_authctl_using_subcommand log" -l limit -d 'Show at most N events' -r
complete -c authctl -n "__fish_authctl_using_subcommand log" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand log" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand log" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand log" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand log" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand log" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand log" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand log" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand log" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l username -d 'Username (asked for on a terminal when missing)' -r
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l username-env -d 'Take the username from this environment variable (the password never comes from one)' -r
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l password-file -d 'Read the password from a file holding exactly one line' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l credentials-file -d 'Read the username from the first line of this file and the password from the second (OpenVPN\'s auth-user-pass-verify via-file)' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l serve -d 'Keep running and answer one request per line of standard input, with the database opened once: `squid` (Squid\'s basic-auth helper protocol) or `lines` (USERNAME, a tab, PASSWORD; answered OK, ERR or BH)' -r -f -a "squid\t''
lines\t''"
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l group -d 'The user must be in this group (repeatable; all must hold)' -r
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l perm -d 'The user must have this permission, app_label.codename, by Django\'s rules (repeatable)' -r
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l password-stdin -d 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l credentials-stdin -d 'Read the username then the password, one line each, from standard input (Apache mod_authnz_external\'s pipe)'
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l pam -d 'Answer PAM\'s pam_exec: the username from PAM_USER, the password on standard input (expose_authtok); with PAM_TYPE=account, whether the account is active and not locked'
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand verify" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand verify" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand verify" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand verify" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand verify" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -l home -d 'Set HOME for PROG to this path, `{username}` replaced by the account\'s username (left unset for a username that could leave the directory)' -r
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -l group -d 'The user must be in this group (repeatable; all must hold)' -r
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -l perm -d 'The user must have this permission, app_label.codename, by Django\'s rules (repeatable)' -r
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c authctl -n "__fish_authctl_using_subcommand checkpassword" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -f -a "list" -d 'List the reset emails waiting to be sent, with their attempts and last error'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -f -a "flush" -d 'Send the reset emails that are due (a cron job can run this to retry deferred ones)'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and not __fish_seen_subcommand_from list flush help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from list" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from list" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from list" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from list" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -l all -d 'Send every waiting email now, including those deferred until later'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -l background -d 'Run as the sender reset-request starts: silent, and retrying deferred emails for email.retry_for seconds'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from flush" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the reset emails waiting to be sent, with their attempts and last error'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "flush" -d 'Send the reset emails that are due (a cron job can run this to retry deferred ones)'
complete -c authctl -n "__fish_authctl_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -f -a "from-django" -d 'Read a Django project\'s settings through its own Python and write them as authctl config'
complete -c authctl -n "__fish_authctl_using_subcommand config; and not __fish_seen_subcommand_from from-django help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -l python -d 'The project\'s Python [default: .venv/bin/python or venv/bin/python in the project, else python3]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -l settings -d 'The settings module [default: DJANGO_SETTINGS_MODULE, else the one manage.py sets]' -r
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -l project -d 'The project\'s directory, where manage.py is [default: the current directory]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -l write -d 'Write the config to this file (mode 0600) instead of standard output' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from from-django" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "from-django" -d 'Read a Django project\'s settings through its own Python and write them as authctl config'
complete -c authctl -n "__fish_authctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l out-dir -d 'Write the scripts for every shell into DIR instead' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand man" -l out-dir -d 'Write authctl.1 and a page for every subcommand into DIR' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand man" -l database -d 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]' -r
complete -c authctl -n "__fish_authctl_using_subcommand man" -l config -d 'TOML config file [env: AUTHCTL_CONFIG]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand man" -l session-file -d 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]' -r -F
complete -c authctl -n "__fish_authctl_using_subcommand man" -l no-input -d 'Never prompt; missing input is an error (exit 2)'
complete -c authctl -n "__fish_authctl_using_subcommand man" -l json -d 'Print a machine-readable JSON result on stdout'
complete -c authctl -n "__fish_authctl_using_subcommand man" -s q -l quiet -d 'Print nothing on success'
complete -c authctl -n "__fish_authctl_using_subcommand man" -s v -l verbose -d 'Explain more on stderr (reasons for denials, hash upgrades)'
complete -c authctl -n "__fish_authctl_using_subcommand man" -s h -l help -d 'Print help'
complete -c authctl -n "__fish_authctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "createsuperuser" -d 'Create a staff superuser, like Django\'s `manage.py createsuperuser`'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "signup" -d 'Create a regular active user, like Django\'s UserCreationForm'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "login" -d 'Log in: check the password, set last_login and start a session kept in the session file'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "logout" -d 'End this session and remove the session file; not being logged in is fine'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "whoami" -d 'Print the logged-in user; exit 1 if there is no valid session'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "passwd" -d 'Change the logged-in user\'s password; other sessions of the user end'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "reset-request" -d 'Email a password reset token to the active users with this address'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "reset-confirm" -d 'Set a new password with a reset token (UIDB64 TOKEN, or the whole reset link)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "users" -d 'The admin: list, show, change, delete users, set passwords, import and export'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "groups" -d 'Groups: create, rename, delete, members, and the permissions they give'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "perms" -d 'Permissions: what exists, what a user has and why, and custom ones'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "log" -d 'The event log: what happened to which account, by whom, newest first'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "verify" -d 'Check a username and password; exit 0 if valid, 1 if not, printing nothing'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "checkpassword" -d 'Answer the checkpassword interface (Dovecot, qmail): on success, run PROG in its place'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "mail" -d 'The outbox of reset emails: list what waits, or send it now'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "config" -d 'Settings: write a Django project\'s as an authctl config file'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "completions" -d 'Print a shell completion script, or write all of them with --out-dir'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "man" -d 'Print the man page, or write one page per subcommand with --out-dir'
complete -c authctl -n "__fish_authctl_using_subcommand help; and not __fish_seen_subcommand_from createsuperuser signup login logout whoami passwd reset-request reset-confirm users groups perms log verify checkpassword mail config completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "list" -d 'List users as a table, or JSON Lines with --json'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "show" -d 'Show every field of one user, how the password is stored, and its session count'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "set" -d 'Change a user\'s names, email, username or flags'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "delete" -d 'Delete users (asks first on a terminal; --yes in scripts)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "set-password" -d 'Set a user\'s password without the old one, like Django\'s changepassword'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "import" -d 'Create or update users from JSON Lines or CSV, all or nothing'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "sessions" -d 'List a user\'s sessions: id, created, expires (never the key)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "logout" -d 'End a user\'s sessions, or one of them with --session'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "unlock" -d 'Forget failed logins and lift locks, for usernames (known or not) or --all'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "grant" -d 'Give a user permissions directly (app_label.codename, as Django writes them)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "revoke" -d 'Take permissions given directly away from a user'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "export" -d 'Write every user as JSON Lines or CSV, in the format import reads'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'List the groups with their member and permission counts'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "show" -d 'Show a group\'s members and permissions'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "create" -d 'Create a group'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "rename" -d 'Rename a group'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete" -d 'Delete groups with their memberships and permissions (asks first on a terminal)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "add" -d 'Add users to a group; those already in it are left as they are'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "remove" -d 'Remove users from a group; those not in it are left as they are'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "grant" -d 'Give a group permissions (app_label.codename)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "revoke" -d 'Take permissions away from a group'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from perms" -f -a "list" -d 'List the permissions that exist, or a user\'s effective ones and where each comes from'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from perms" -f -a "create" -d 'Create a custom permission, as a Django data migration would'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "list" -d 'List the reset emails waiting to be sent, with their attempts and last error'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "flush" -d 'Send the reset emails that are due (a cron job can run this to retry deferred ones)'
complete -c authctl -n "__fish_authctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "from-django" -d 'Read a Django project\'s settings through its own Python and write them as authctl config'
