
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'authctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'authctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'authctl' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('createsuperuser', 'createsuperuser', [CompletionResultType]::ParameterValue, 'Create a staff superuser, like Django''s `manage.py createsuperuser`')
            [CompletionResult]::new('signup', 'signup', [CompletionResultType]::ParameterValue, 'Create a regular active user, like Django''s UserCreationForm')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in: check the password, set last_login and start a session kept in the session file')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End this session and remove the session file; not being logged in is fine')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Print the logged-in user; exit 1 if there is no valid session')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change the logged-in user''s password; other sessions of the user end')
            [CompletionResult]::new('reset-request', 'reset-request', [CompletionResultType]::ParameterValue, 'Email a password reset token to the active users with this address')
            [CompletionResult]::new('reset-confirm', 'reset-confirm', [CompletionResultType]::ParameterValue, 'Set a new password with a reset token (UIDB64 TOKEN, or the whole reset link)')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'The admin: list, show, change, delete users, set passwords, import and export')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Groups: create, rename, delete, members, and the permissions they give')
            [CompletionResult]::new('perms', 'perms', [CompletionResultType]::ParameterValue, 'Permissions: what exists, what a user has and why, and custom ones')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The event log: what happened to which account, by whom, newest first')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a username and password; exit 0 if valid, 1 if not, printing nothing')
            [CompletionResult]::new('checkpassword', 'checkpassword', [CompletionResultType]::ParameterValue, 'Answer the checkpassword interface (Dovecot, qmail): on success, run PROG in its place')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'The outbox of reset emails: list what waits, or send it now')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Settings: write a Django project''s as an authctl config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script, or write all of them with --out-dir')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write one page per subcommand with --out-dir')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;createsuperuser' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username [env: DJANGO_SUPERUSER_USERNAME, with --no-input]')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address [env: DJANGO_SUPERUSER_EMAIL, with --no-input]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from a file holding exactly one line')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A value for a column of a custom user model (repeatable) [env: DJANGO_SUPERUSER_<NAME>, with --no-input]; see "Custom user models"')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (exactly one line, trailing CR/LF removed)')
            [CompletionResult]::new('--skip-validation', '--skip-validation', [CompletionResultType]::ParameterName, 'Do not run the password validators (the password is still required to be non-blank)')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'If the user exists, change nothing and exit 0')
            [CompletionResult]::new('--update', '--update', [CompletionResultType]::ParameterName, 'If the user exists, make it an active superuser and set the email and password given')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;signup' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username (asked for on a terminal when missing)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address')
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'First name')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'Last name')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A value for a column of a custom user model (repeatable); see "Custom user models"')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from a file holding exactly one line')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (exactly one line, trailing CR/LF removed)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;login' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username (asked for on a terminal when missing)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from a file holding exactly one line')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The user must be in this group (repeatable; all must hold)')
            [CompletionResult]::new('--perm', '--perm', [CompletionResultType]::ParameterName, 'The user must have this permission, app_label.codename, by Django''s rules (repeatable)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (exactly one line, trailing CR/LF removed)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;logout' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'End every session of the user, not only this one')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;whoami' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;passwd' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the old then the new password from a file holding exactly two lines')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the old then the new password from standard input (two lines)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;reset-request' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The account''s email address (asked for on a terminal when missing)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;reset-confirm' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from a file holding exactly one line')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (exactly one line, trailing CR/LF removed)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users as a table, or JSON Lines with --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every field of one user, how the password is stored, and its session count')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a user''s names, email, username or flags')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete users (asks first on a terminal; --yes in scripts)')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set a user''s password without the old one, like Django''s changepassword')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update users from JSON Lines or CSV, all or nothing')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List a user''s sessions: id, created, expires (never the key)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End a user''s sessions, or one of them with --session')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Forget failed logins and lift locks, for usernames (known or not) or --all')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a user permissions directly (app_label.codename, as Django writes them)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take permissions given directly away from a user')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every user as JSON Lines or CSV, in the format import reads')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;users;list' {
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only users whose username, email or names contain TEXT (ignoring case)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N users')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip the first N matching users')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Only members of this group')
            [CompletionResult]::new('--perm', '--perm', [CompletionResultType]::ParameterName, 'Only users with this permission (app_label.codename), by Django''s rules')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--active', '--active', [CompletionResultType]::ParameterName, 'Only active users')
            [CompletionResult]::new('--inactive', '--inactive', [CompletionResultType]::ParameterName, 'Only inactive users')
            [CompletionResult]::new('--staff', '--staff', [CompletionResultType]::ParameterName, 'Only staff users')
            [CompletionResult]::new('--superuser', '--superuser', [CompletionResultType]::ParameterName, 'Only superusers')
            [CompletionResult]::new('--with-hashes', '--with-hashes', [CompletionResultType]::ParameterName, 'Include the password hashes')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;show' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--with-hashes', '--with-hashes', [CompletionResultType]::ParameterName, 'Include the password hash')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;set' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Rename the user (case-insensitively unique, like signup)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'New email address')
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'New first name')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'New last name')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A value for a column of a custom user model (repeatable); see "Custom user models"')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--active', '--active', [CompletionResultType]::ParameterName, 'Allow the user to log in')
            [CompletionResult]::new('--inactive', '--inactive', [CompletionResultType]::ParameterName, 'Stop the user logging in (ends the user''s sessions)')
            [CompletionResult]::new('--staff', '--staff', [CompletionResultType]::ParameterName, 'Give access to the Django admin')
            [CompletionResult]::new('--no-staff', '--no-staff', [CompletionResultType]::ParameterName, 'Take away access to the Django admin')
            [CompletionResult]::new('--superuser', '--superuser', [CompletionResultType]::ParameterName, 'Give every permission')
            [CompletionResult]::new('--no-superuser', '--no-superuser', [CompletionResultType]::ParameterName, 'Take away superuser status')
            [CompletionResult]::new('--unusable-password', '--unusable-password', [CompletionResultType]::ParameterName, 'Make the password unusable (ends the user''s sessions)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;delete' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--missing-ok', '--missing-ok', [CompletionResultType]::ParameterName, 'A username that does not exist is not an error')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;set-password' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from a file holding exactly one line')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (exactly one line, trailing CR/LF removed)')
            [CompletionResult]::new('--skip-validation', '--skip-validation', [CompletionResultType]::ParameterName, 'Do not run the password validators')
            [CompletionResult]::new('--hash', '--hash', [CompletionResultType]::ParameterName, 'What is read is an encoded Django hash (as `users export --with-hashes` writes), stored as it is once authctl can check it and the site''s hashers include it')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format [default: csv for a .csv file, else jsonl]')
            [CompletionResult]::new('--on-conflict', '--on-conflict', [CompletionResultType]::ParameterName, 'What to do with a username that exists')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what each row would do and write nothing')
            [CompletionResult]::new('--skip-validation', '--skip-validation', [CompletionResultType]::ParameterName, 'Do not run the password validators on plain passwords')
            [CompletionResult]::new('--create-groups', '--create-groups', [CompletionResultType]::ParameterName, 'Create the groups the rows name that do not exist yet')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Show a progress bar on stderr, even when it is not a terminal')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar [default: shown when stderr is a terminal]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;sessions' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;logout' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'End only this session (its id, as users sessions lists it)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;unlock' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every username with failed logins or a lock')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;grant' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;revoke' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: csv for an --output ending in .csv, else jsonl]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (mode 0600) instead of standard output (- is standard output)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--with-hashes', '--with-hashes', [CompletionResultType]::ParameterName, 'Include the password hashes (as password_hash), so an import restores the passwords')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Show a progress bar on stderr, even when it is not a terminal')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar [default: shown when stderr is a terminal]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;users;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users as a table, or JSON Lines with --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every field of one user, how the password is stored, and its session count')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a user''s names, email, username or flags')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete users (asks first on a terminal; --yes in scripts)')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set a user''s password without the old one, like Django''s changepassword')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update users from JSON Lines or CSV, all or nothing')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List a user''s sessions: id, created, expires (never the key)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End a user''s sessions, or one of them with --session')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Forget failed logins and lift locks, for usernames (known or not) or --all')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a user permissions directly (app_label.codename, as Django writes them)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take permissions given directly away from a user')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every user as JSON Lines or CSV, in the format import reads')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;users;help;list' {
            break
        }
        'authctl;users;help;show' {
            break
        }
        'authctl;users;help;set' {
            break
        }
        'authctl;users;help;delete' {
            break
        }
        'authctl;users;help;set-password' {
            break
        }
        'authctl;users;help;import' {
            break
        }
        'authctl;users;help;sessions' {
            break
        }
        'authctl;users;help;logout' {
            break
        }
        'authctl;users;help;unlock' {
            break
        }
        'authctl;users;help;grant' {
            break
        }
        'authctl;users;help;revoke' {
            break
        }
        'authctl;users;help;export' {
            break
        }
        'authctl;users;help;help' {
            break
        }
        'authctl;groups' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the groups with their member and permission counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a group''s members and permissions')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a group')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a group')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete groups with their memberships and permissions (asks first on a terminal)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add users to a group; those already in it are left as they are')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove users from a group; those not in it are left as they are')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a group permissions (app_label.codename)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take permissions away from a group')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;groups;list' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;groups;show' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;groups;create' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;groups;rename' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;groups;delete' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;groups;add' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;groups;remove' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;groups;grant' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;groups;revoke' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;groups;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the groups with their member and permission counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a group''s members and permissions')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a group')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a group')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete groups with their memberships and permissions (asks first on a terminal)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add users to a group; those already in it are left as they are')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove users from a group; those not in it are left as they are')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a group permissions (app_label.codename)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take permissions away from a group')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;groups;help;list' {
            break
        }
        'authctl;groups;help;show' {
            break
        }
        'authctl;groups;help;create' {
            break
        }
        'authctl;groups;help;rename' {
            break
        }
        'authctl;groups;help;delete' {
            break
        }
        'authctl;groups;help;add' {
            break
        }
        'authctl;groups;help;remove' {
            break
        }
        'authctl;groups;help;grant' {
            break
        }
        'authctl;groups;help;revoke' {
            break
        }
        'authctl;groups;help;help' {
            break
        }
        'authctl;perms' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the permissions that exist, or a user''s effective ones and where each comes from')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom permission, as a Django data migration would')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;perms;list' {
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'Only this app''s permissions')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'A user''s effective permissions, each with where it comes from (direct, a group, superuser)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;perms;create' {
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'The model it is for (its content type is created if needed)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'What it allows, as Django shows it ("Can run a deploy")')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;perms;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the permissions that exist, or a user''s effective ones and where each comes from')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom permission, as a Django data migration would')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;perms;help;list' {
            break
        }
        'authctl;perms;help;create' {
            break
        }
        'authctl;perms;help;help' {
            break
        }
        'authctl;log' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only events about this username')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only this event (user_created, login_failed, locked, password_changed, and so on)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events at or after this time (YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS], UTC)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only events at or before this time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N events')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;verify' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username (asked for on a terminal when missing)')
            [CompletionResult]::new('--username-env', '--username-env', [CompletionResultType]::ParameterName, 'Take the username from this environment variable (the password never comes from one)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from a file holding exactly one line')
            [CompletionResult]::new('--credentials-file', '--credentials-file', [CompletionResultType]::ParameterName, 'Read the username from the first line of this file and the password from the second (OpenVPN''s auth-user-pass-verify via-file)')
            [CompletionResult]::new('--serve', '--serve', [CompletionResultType]::ParameterName, 'Keep running and answer one request per line of standard input, with the database opened once: `squid` (Squid''s basic-auth helper protocol) or `lines` (USERNAME, a tab, PASSWORD; answered OK, ERR or BH)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The user must be in this group (repeatable; all must hold)')
            [CompletionResult]::new('--perm', '--perm', [CompletionResultType]::ParameterName, 'The user must have this permission, app_label.codename, by Django''s rules (repeatable)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (exactly one line, trailing CR/LF removed)')
            [CompletionResult]::new('--credentials-stdin', '--credentials-stdin', [CompletionResultType]::ParameterName, 'Read the username then the password, one line each, from standard input (Apache mod_authnz_external''s pipe)')
            [CompletionResult]::new('--pam', '--pam', [CompletionResultType]::ParameterName, 'Answer PAM''s pam_exec: the username from PAM_USER, the password on standard input (expose_authtok); with PAM_TYPE=account, whether the account is active and not locked')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;checkpassword' {
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Set HOME for PROG to this path, `{username}` replaced by the account''s username (left unset for a username that could leave the directory)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The user must be in this group (repeatable; all must hold)')
            [CompletionResult]::new('--perm', '--perm', [CompletionResultType]::ParameterName, 'The user must have this permission, app_label.codename, by Django''s rules (repeatable)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;mail' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the reset emails waiting to be sent, with their attempts and last error')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Send the reset emails that are due (a cron job can run this to retry deferred ones)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;mail;list' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;mail;flush' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Send every waiting email now, including those deferred until later')
            [CompletionResult]::new('--background', '--background', [CompletionResultType]::ParameterName, 'Run as the sender reset-request starts: silent, and retrying deferred emails for email.retry_for seconds')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;mail;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the reset emails waiting to be sent, with their attempts and last error')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Send the reset emails that are due (a cron job can run this to retry deferred ones)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;mail;help;list' {
            break
        }
        'authctl;mail;help;flush' {
            break
        }
        'authctl;mail;help;help' {
            break
        }
        'authctl;config' {
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('from-django', 'from-django', [CompletionResultType]::ParameterValue, 'Read a Django project''s settings through its own Python and write them as authctl config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;config;from-django' {
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'The project''s Python [default: .venv/bin/python or venv/bin/python in the project, else python3]')
            [CompletionResult]::new('--settings', '--settings', [CompletionResultType]::ParameterName, 'The settings module [default: DJANGO_SETTINGS_MODULE, else the one manage.py sets]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project''s directory, where manage.py is [default: the current directory]')
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Write the config to this file (mode 0600) instead of standard output')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;config;help' {
            [CompletionResult]::new('from-django', 'from-django', [CompletionResultType]::ParameterValue, 'Read a Django project''s settings through its own Python and write them as authctl config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;config;help;from-django' {
            break
        }
        'authctl;config;help;help' {
            break
        }
        'authctl;completions' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write the scripts for every shell into DIR instead')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write authctl.1 and a page for every subcommand into DIR')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'TOML config file [env: AUTHCTL_CONFIG]')
            [CompletionResult]::new('--session-file', '--session-file', [CompletionResultType]::ParameterName, 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; missing input is an error (exit 2)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a machine-readable JSON result on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain more on stderr (reasons for denials, hash upgrades)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'authctl;help' {
            [CompletionResult]::new('createsuperuser', 'createsuperuser', [CompletionResultType]::ParameterValue, 'Create a staff superuser, like Django''s `manage.py createsuperuser`')
            [CompletionResult]::new('signup', 'signup', [CompletionResultType]::ParameterValue, 'Create a regular active user, like Django''s UserCreationForm')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in: check the password, set last_login and start a session kept in the session file')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End this session and remove the session file; not being logged in is fine')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Print the logged-in user; exit 1 if there is no valid session')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change the logged-in user''s password; other sessions of the user end')
            [CompletionResult]::new('reset-request', 'reset-request', [CompletionResultType]::ParameterValue, 'Email a password reset token to the active users with this address')
            [CompletionResult]::new('reset-confirm', 'reset-confirm', [CompletionResultType]::ParameterValue, 'Set a new password with a reset token (UIDB64 TOKEN, or the whole reset link)')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'The admin: list, show, change, delete users, set passwords, import and export')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Groups: create, rename, delete, members, and the permissions they give')
            [CompletionResult]::new('perms', 'perms', [CompletionResultType]::ParameterValue, 'Permissions: what exists, what a user has and why, and custom ones')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The event log: what happened to which account, by whom, newest first')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a username and password; exit 0 if valid, 1 if not, printing nothing')
            [CompletionResult]::new('checkpassword', 'checkpassword', [CompletionResultType]::ParameterValue, 'Answer the checkpassword interface (Dovecot, qmail): on success, run PROG in its place')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'The outbox of reset emails: list what waits, or send it now')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Settings: write a Django project''s as an authctl config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script, or write all of them with --out-dir')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write one page per subcommand with --out-dir')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'authctl;help;createsuperuser' {
            break
        }
        'authctl;help;signup' {
            break
        }
        'authctl;help;login' {
            break
        }
        'authctl;help;logout' {
            break
        }
        'authctl;help;whoami' {
            break
        }
        'authctl;help;passwd' {
            break
        }
        'authctl;help;reset-request' {
            break
        }
        'authctl;help;reset-confirm' {
            break
        }
        'authctl;help;users' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users as a table, or JSON Lines with --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every field of one user, how the password is stored, and its session count')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a user''s names, email, username or flags')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete users (asks first on a terminal; --yes in scripts)')
            [CompletionResult]::new('set-password', 'set-password', [CompletionResultType]::ParameterValue, 'Set a user''s password without the old one, like Django''s changepassword')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Create or update users from JSON Lines or CSV, all or nothing')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List a user''s sessions: id, created, expires (never the key)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End a user''s sessions, or one of them with --session')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Forget failed logins and lift locks, for usernames (known or not) or --all')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a user permissions directly (app_label.codename, as Django writes them)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take permissions given directly away from a user')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every user as JSON Lines or CSV, in the format import reads')
            break
        }
        'authctl;help;users;list' {
            break
        }
        'authctl;help;users;show' {
            break
        }
        'authctl;help;users;set' {
            break
        }
        'authctl;help;users;delete' {
            break
        }
        'authctl;help;users;set-password' {
            break
        }
        'authctl;help;users;import' {
            break
        }
        'authctl;help;users;sessions' {
            break
        }
        'authctl;help;users;logout' {
            break
        }
        'authctl;help;users;unlock' {
            break
        }
        'authctl;help;users;grant' {
            break
        }
        'authctl;help;users;revoke' {
            break
        }
        'authctl;help;users;export' {
            break
        }
        'authctl;help;groups' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the groups with their member and permission counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a group''s members and permissions')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a group')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a group')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete groups with their memberships and permissions (asks first on a terminal)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add users to a group; those already in it are left as they are')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove users from a group; those not in it are left as they are')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Give a group permissions (app_label.codename)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Take permissions away from a group')
            break
        }
        'authctl;help;groups;list' {
            break
        }
        'authctl;help;groups;show' {
            break
        }
        'authctl;help;groups;create' {
            break
        }
        'authctl;help;groups;rename' {
            break
        }
        'authctl;help;groups;delete' {
            break
        }
        'authctl;help;groups;add' {
            break
        }
        'authctl;help;groups;remove' {
            break
        }
        'authctl;help;groups;grant' {
            break
        }
        'authctl;help;groups;revoke' {
            break
        }
        'authctl;help;perms' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the permissions that exist, or a user''s effective ones and where each comes from')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom permission, as a Django data migration would')
            break
        }
        'authctl;help;perms;list' {
            break
        }
        'authctl;help;perms;create' {
            break
        }
        'authctl;help;log' {
            break
        }
        'authctl;help;verify' {
            break
        }
        'authctl;help;checkpassword' {
            break
        }
        'authctl;help;mail' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the reset emails waiting to be sent, with their attempts and last error')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Send the reset emails that are due (a cron job can run this to retry deferred ones)')
            break
        }
        'authctl;help;mail;list' {
            break
        }
        'authctl;help;mail;flush' {
            break
        }
        'authctl;help;config' {
            [CompletionResult]::new('from-django', 'from-django', [CompletionResultType]::ParameterValue, 'Read a Django project''s settings through its own Python and write them as authctl config')
            break
        }
        'authctl;help;config;from-django' {
            break
        }
        'authctl;help;completions' {
            break
        }
        'authctl;help;man' {
            break
        }
        'authctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
