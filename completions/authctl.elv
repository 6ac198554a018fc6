
use builtin;
use str;

set edit:completion:arg-completer[authctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'authctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'authctl'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand createsuperuser 'Create a staff superuser, like Django''s `manage.py createsuperuser`'
            cand signup 'Create a regular active user, like Django''s UserCreationForm'
            cand login 'Log in: check the password, set last_login and start a session kept in the session file'
            cand logout 'End this session and remove the session file; not being logged in is fine'
            cand whoami 'Print the logged-in user; exit 1 if there is no valid session'
            cand passwd 'Change the logged-in user''s password; other sessions of the user end'
            cand reset-request 'Email a password reset token to the active users with this address'
            cand reset-confirm 'Set a new password with a reset token (UIDB64 TOKEN, or the whole reset link)'
            cand users 'The admin: list, show, change, delete users, set passwords, import and export'
            cand groups 'Groups: create, rename, delete, members, and the permissions they give'
            cand perms 'Permissions: what exists, what a user has and why, and custom ones'
            cand log 'The event log: what happened to which account, by whom, newest first'
            cand verify 'Check a username and password; exit 0 if valid, 1 if not, printing nothing'
            cand checkpassword 'Answer the checkpassword interface (Dovecot, qmail): on success, run PROG in its place'
            cand mail 'The outbox of reset emails: list what waits, or send it now'
            cand config 'Settings: write a Django project''s as an authctl config file'
            cand completions 'Print a shell completion script, or write all of them with --out-dir'
            cand man 'Print the man page, or write one page per subcommand with --out-dir'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;createsuperuser'= {
            cand --username 'Username [env: DJANGO_SUPERUSER_USERNAME, with --no-input]'
            cand --email 'Email address [env: DJANGO_SUPERUSER_EMAIL, with --no-input]'
            cand --password-file 'Read the password from a file holding exactly one line'
            cand --field 'A value for a column of a custom user model (repeatable) [env: DJANGO_SUPERUSER_<NAME>, with --no-input]; see "Custom user models"'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --password-stdin 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
            cand --skip-validation 'Do not run the password validators (the password is still required to be non-blank)'
            cand --if-missing 'If the user exists, change nothing and exit 0'
            cand --update 'If the user exists, make it an active superuser and set the email and password given'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;signup'= {
            cand --username 'Username (asked for on a terminal when missing)'
            cand --email 'Email address'
            cand --first-name 'First name'
            cand --last-name 'Last name'
            cand --field 'A value for a column of a custom user model (repeatable); see "Custom user models"'
            cand --password-file 'Read the password from a file holding exactly one line'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --password-stdin 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;login'= {
            cand --username 'Username (asked for on a terminal when missing)'
            cand --password-file 'Read the password from a file holding exactly one line'
            cand --group 'The user must be in this group (repeatable; all must hold)'
            cand --perm 'The user must have this permission, app_label.codename, by Django''s rules (repeatable)'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --password-stdin 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;logout'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --all 'End every session of the user, not only this one'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;whoami'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;passwd'= {
            cand --password-file 'Read the old then the new password from a file holding exactly two lines'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --password-stdin 'Read the old then the new password from standard input (two lines)'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;reset-request'= {
            cand --email 'The account''s email address (asked for on a terminal when missing)'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;reset-confirm'= {
            cand --password-file 'Read the password from a file holding exactly one line'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --password-stdin 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List users as a table, or JSON Lines with --json'
            cand show 'Show every field of one user, how the password is stored, and its session count'
            cand set 'Change a user''s names, email, username or flags'
            cand delete 'Delete users (asks first on a terminal; --yes in scripts)'
            cand set-password 'Set a user''s password without the old one, like Django''s changepassword'
            cand import 'Create or update users from JSON Lines or CSV, all or nothing'
            cand sessions 'List a user''s sessions: id, created, expires (never the key)'
            cand logout 'End a user''s sessions, or one of them with --session'
            cand unlock 'Forget failed logins and lift locks, for usernames (known or not) or --all'
            cand grant 'Give a user permissions directly (app_label.codename, as Django writes them)'
            cand revoke 'Take permissions given directly away from a user'
            cand export 'Write every user as JSON Lines or CSV, in the format import reads'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;users;list'= {
            cand --search 'Only users whose username, email or names contain TEXT (ignoring case)'
            cand --limit 'Show at most N users'
            cand --offset 'Skip the first N matching users'
            cand --group 'Only members of this group'
            cand --perm 'Only users with this permission (app_label.codename), by Django''s rules'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --active 'Only active users'
            cand --inactive 'Only inactive users'
            cand --staff 'Only staff users'
            cand --superuser 'Only superusers'
            cand --with-hashes 'Include the password hashes'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;show'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --with-hashes 'Include the password hash'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;set'= {
            cand --username 'Rename the user (case-insensitively unique, like signup)'
            cand --email 'New email address'
            cand --first-name 'New first name'
            cand --last-name 'New last name'
            cand --field 'A value for a column of a custom user model (repeatable); see "Custom user models"'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --active 'Allow the user to log in'
            cand --inactive 'Stop the user logging in (ends the user''s sessions)'
            cand --staff 'Give access to the Django admin'
            cand --no-staff 'Take away access to the Django admin'
            cand --superuser 'Give every permission'
            cand --no-superuser 'Take away superuser status'
            cand --unusable-password 'Make the password unusable (ends the user''s sessions)'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;delete'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --missing-ok 'A username that does not exist is not an error'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;set-password'= {
            cand --password-file 'Read the password from a file holding exactly one line'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --password-stdin 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
            cand --skip-validation 'Do not run the password validators'
            cand --hash 'What is read is an encoded Django hash (as `users export --with-hashes` writes), stored as it is once authctl can check it and the site''s hashers include it'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;import'= {
            cand --format 'Input format [default: csv for a .csv file, else jsonl]'
            cand --on-conflict 'What to do with a username that exists'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --dry-run 'Print what each row would do and write nothing'
            cand --skip-validation 'Do not run the password validators on plain passwords'
            cand --create-groups 'Create the groups the rows name that do not exist yet'
            cand --progress 'Show a progress bar on stderr, even when it is not a terminal'
            cand --no-progress 'Never show a progress bar [default: shown when stderr is a terminal]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;sessions'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;logout'= {
            cand --session 'End only this session (its id, as users sessions lists it)'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;unlock'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --all 'Every username with failed logins or a lock'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;grant'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;revoke'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;export'= {
            cand --format 'Output format [default: csv for an --output ending in .csv, else jsonl]'
            cand --output 'Write to this file (mode 0600) instead of standard output (- is standard output)'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --with-hashes 'Include the password hashes (as password_hash), so an import restores the passwords'
            cand --progress 'Show a progress bar on stderr, even when it is not a terminal'
            cand --no-progress 'Never show a progress bar [default: shown when stderr is a terminal]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;users;help'= {
            cand list 'List users as a table, or JSON Lines with --json'
            cand show 'Show every field of one user, how the password is stored, and its session count'
            cand set 'Change a user''s names, email, username or flags'
            cand delete 'Delete users (asks first on a terminal; --yes in scripts)'
            cand set-password 'Set a user''s password without the old one, like Django''s changepassword'
            cand import 'Create or update users from JSON Lines or CSV, all or nothing'
            cand sessions 'List a user''s sessions: id, created, expires (never the key)'
            cand logout 'End a user''s sessions, or one of them with --session'
            cand unlock 'Forget failed logins and lift locks, for usernames (known or not) or --all'
            cand grant 'Give a user permissions directly (app_label.codename, as Django writes them)'
            cand revoke 'Take permissions given directly away from a user'
            cand export 'Write every user as JSON Lines or CSV, in the format import reads'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;users;help;list'= {
        }
        &'authctl;users;help;show'= {
        }
        &'authctl;users;help;set'= {
        }
        &'authctl;users;help;delete'= {
        }
        &'authctl;users;help;set-password'= {
        }
        &'authctl;users;help;import'= {
        }
        &'authctl;users;help;sessions'= {
        }
        &'authctl;users;help;logout'= {
        }
        &'authctl;users;help;unlock'= {
        }
        &'authctl;users;help;grant'= {
        }
        &'authctl;users;help;revoke'= {
        }
        &'authctl;users;help;export'= {
        }
        &'authctl;users;help;help'= {
        }
        &'authctl;groups'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the groups with their member and permission counts'
            cand show 'Show a group''s members and permissions'
            cand create 'Create a group'
            cand rename 'Rename a group'
            cand delete 'Delete groups with their memberships and permissions (asks first on a terminal)'
            cand add 'Add users to a group; those already in it are left as they are'
            cand remove 'Remove users from a group; those not in it are left as they are'
            cand grant 'Give a group permissions (app_label.codename)'
            cand revoke 'Take permissions away from a group'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;groups;list'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;groups;show'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;groups;create'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;groups;rename'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;groups;delete'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;groups;add'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;groups;remove'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;groups;grant'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;groups;revoke'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;groups;help'= {
            cand list 'List the groups with their member and permission counts'
            cand show 'Show a group''s members and permissions'
            cand create 'Create a group'
            cand rename 'Rename a group'
            cand delete 'Delete groups with their memberships and permissions (asks first on a terminal)'
            cand add 'Add users to a group; those already in it are left as they are'
            cand remove 'Remove users from a group; those not in it are left as they are'
            cand grant 'Give a group permissions (app_label.codename)'
            cand revoke 'Take permissions away from a group'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;groups;help;list'= {
        }
        &'authctl;groups;help;show'= {
        }
        &'authctl;groups;help;create'= {
        }
        &'authctl;groups;help;rename'= {
        }
        &'authctl;groups;help;delete'= {
        }
        &'authctl;groups;help;add'= {
        }
        &'authctl;groups;help;remove'= {
        }
        &'authctl;groups;help;grant'= {
        }
        &'authctl;groups;help;revoke'= {
        }
        &'authctl;groups;help;help'= {
        }
        &'authctl;perms'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the permissions that exist, or a user''s effective ones and where each comes from'
            cand create 'Create a custom permission, as a Django data migration would'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;perms;list'= {
            cand --app 'Only this app''s permissions'
            cand --user 'A user''s effective permissions, each with where it comes from (direct, a group, superuser)'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;perms;create'= {
            cand --model 'The model it is for (its content type is created if needed)'
            cand --name 'What it allows, as Django shows it ("Can run a deploy")'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;perms;help'= {
            cand list 'List the permissions that exist, or a user''s effective ones and where each comes from'
            cand create 'Create a custom permission, as a Django data migration would'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;perms;help;list'= {
        }
        &'authctl;perms;help;create'= {
        }
        &'authctl;perms;help;help'= {
        }
        &'authctl;log'= {
            cand --user 'Only events about this username'
            cand --event 'Only this event (user_created, login_failed, locked, password_changed, and so on)'
            cand --since 'Only events at or after this time (YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS], UTC)'
            cand --until 'Only events at or before this time'
            cand --limit 'Show at most N events'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;verify'= {
            cand --username 'Username (asked for on a terminal when missing)'
            cand --username-env 'Take the username from this environment variable (the password never comes from one)'
            cand --password-file 'Read the password from a file holding exactly one line'
            cand --credentials-file 'Read the username from the first line of this file and the password from the second (OpenVPN''s auth-user-pass-verify via-file)'
            cand --serve 'Keep running and answer one request per line of standard input, with the database opened once: `squid` (Squid''s basic-auth helper protocol) or `lines` (USERNAME, a tab, PASSWORD; answered OK, ERR or BH)'
            cand --group 'The user must be in this group (repeatable; all must hold)'
            cand --perm 'The user must have this permission, app_label.codename, by Django''s rules (repeatable)'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --password-stdin 'Read the password from standard input (exactly one line, trailing CR/LF removed)'
            cand --credentials-stdin 'Read the username then the password, one line each, from standard input (Apache mod_authnz_external''s pipe)'
            cand --pam 'Answer PAM''s pam_exec: the username from PAM_USER, the password on standard input (expose_authtok); with PAM_TYPE=account, whether the account is active and not locked'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;checkpassword'= {
            cand --home 'Set HOME for PROG to this path, `{username}` replaced by the account''s username (left unset for a username that could leave the directory)'
            cand --group 'The user must be in this group (repeatable; all must hold)'
            cand --perm 'The user must have this permission, app_label.codename, by Django''s rules (repeatable)'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;mail'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the reset emails waiting to be sent, with their attempts and last error'
            cand flush 'Send the reset emails that are due (a cron job can run this to retry deferred ones)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;mail;list'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;mail;flush'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --all 'Send every waiting email now, including those deferred until later'
            cand --background 'Run as the sender reset-request starts: silent, and retrying deferred emails for email.retry_for seconds'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;mail;help'= {
            cand list 'List the reset emails waiting to be sent, with their attempts and last error'
            cand flush 'Send the reset emails that are due (a cron job can run this to retry deferred ones)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;mail;help;list'= {
        }
        &'authctl;mail;help;flush'= {
        }
        &'authctl;mail;help;help'= {
        }
        &'authctl;config'= {
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand from-django 'Read a Django project''s settings through its own Python and write them as authctl config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;config;from-django'= {
            cand --python 'The project''s Python [default: .venv/bin/python or venv/bin/python in the project, else python3]'
            cand --settings 'The settings module [default: DJANGO_SETTINGS_MODULE, else the one manage.py sets]'
            cand --project 'The project''s directory, where manage.py is [default: the current directory]'
            cand --write 'Write the config to this file (mode 0600) instead of standard output'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;config;help'= {
            cand from-django 'Read a Django project''s settings through its own Python and write them as authctl config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;config;help;from-django'= {
        }
        &'authctl;config;help;help'= {
        }
        &'authctl;completions'= {
            cand --out-dir 'Write the scripts for every shell into DIR instead'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;man'= {
            cand --out-dir 'Write authctl.1 and a page for every subcommand into DIR'
            cand --database 'SQLite path or `file:` URI, or a `postgres://` URL [env: AUTHCTL_DATABASE, else DATABASE_URL]'
            cand --config 'TOML config file [env: AUTHCTL_CONFIG]'
            cand --session-file 'Where `login` keeps the session [env: AUTHCTL_SESSION_FILE]'
            cand --no-input 'Never prompt; missing input is an error (exit 2)'
            cand --json 'Print a machine-readable JSON result on stdout'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand --verbose 'Explain more on stderr (reasons for denials, hash upgrades)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'authctl;help'= {
            cand createsuperuser 'Create a staff superuser, like Django''s `manage.py createsuperuser`'
            cand signup 'Create a regular active user, like Django''s UserCreationForm'
            cand login 'Log in: check the password, set last_login and start a session kept in the session file'
            cand logout 'End this session and remove the session file; not being logged in is fine'
            cand whoami 'Print the logged-in user; exit 1 if there is no valid session'
            cand passwd 'Change the logged-in user''s password; other sessions of the user end'
            cand reset-request 'Email a password reset token to the active users with this address'
            cand reset-confirm 'Set a new password with a reset token (UIDB64 TOKEN, or the whole reset link)'
            cand users 'The admin: list, show, change, delete users, set passwords, import and export'
            cand groups 'Groups: create, rename, delete, members, and the permissions they give'
            cand perms 'Permissions: what exists, what a user has and why, and custom ones'
            cand log 'The event log: what happened to which account, by whom, newest first'
            cand verify 'Check a username and password; exit 0 if valid, 1 if not, printing nothing'
            cand checkpassword 'Answer the checkpassword interface (Dovecot, qmail): on success, run PROG in its place'
            cand mail 'The outbox of reset emails: list what waits, or send it now'
            cand config 'Settings: write a Django project''s as an authctl config file'
            cand completions 'Print a shell completion script, or write all of them with --out-dir'
            cand man 'Print the man page, or write one page per subcommand with --out-dir'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'authctl;help;createsuperuser'= {
        }
        &'authctl;help;signup'= {
        }
        &'authctl;help;login'= {
        }
        &'authctl;help;logout'= {
        }
        &'authctl;help;whoami'= {
        }
        &'authctl;help;passwd'= {
        }
        &'authctl;help;reset-request'= {
        }
        &'authctl;help;reset-confirm'= {
        }
        &'authctl;help;users'= {
            cand list 'List users as a table, or JSON Lines with --json'
            cand show 'Show every field of one user, how the password is stored, and its session count'
            cand set 'Change a user''s names, email, username or flags'
            cand delete 'Delete users (asks first on a terminal; --yes in scripts)'
            cand set-password 'Set a user''s password without the old one, like Django''s changepassword'
            cand import 'Create or update users from JSON Lines or CSV, all or nothing'
            cand sessions 'List a user''s sessions: id, created, expires (never the key)'
            cand logout 'End a user''s sessions, or one of them with --session'
            cand unlock 'Forget failed logins and lift locks, for usernames (known or not) or --all'
            cand grant 'Give a user permissions directly (app_label.codename, as Django writes them)'
            cand revoke 'Take permissions given directly away from a user'
            cand export 'Write every user as JSON Lines or CSV, in the format import reads'
        }
        &'authctl;help;users;list'= {
        }
        &'authctl;help;users;show'= {
        }
        &'authctl;help;users;set'= {
        }
        &'authctl;help;users;delete'= {
        }
        &'authctl;help;users;set-password'= {
        }
        &'authctl;help;users;import'= {
        }
        &'authctl;help;users;sessions'= {
        }
        &'authctl;help;users;logout'= {
        }
        &'authctl;help;users;unlock'= {
        }
        &'authctl;help;users;grant'= {
        }
        &'authctl;help;users;revoke'= {
        }
        &'authctl;help;users;export'= {
        }
        &'authctl;help;groups'= {
            cand list 'List the groups with their member and permission counts'
            cand show 'Show a group''s members and permissions'
            cand create 'Create a group'
            cand rename 'Rename a group'
            cand delete 'Delete groups with their memberships and permissions (asks first on a terminal)'
            cand add 'Add users to a group; those already in it are left as they are'
            cand remove 'Remove users from a group; those not in it are left as they are'
            cand grant 'Give a group permissions (app_label.codename)'
            cand revoke 'Take permissions away from a group'
        }
        &'authctl;help;groups;list'= {
        }
        &'authctl;help;groups;show'= {
        }
        &'authctl;help;groups;create'= {
        }
        &'authctl;help;groups;rename'= {
        }
        &'authctl;help;groups;delete'= {
        }
        &'authctl;help;groups;add'= {
        }
        &'authctl;help;groups;remove'= {
        }
        &'authctl;help;groups;grant'= {
        }
        &'authctl;help;groups;revoke'= {
        }
        &'authctl;help;perms'= {
            cand list 'List the permissions that exist, or a user''s effective ones and where each comes from'
            cand create 'Create a custom permission, as a Django data migration would'
        }
        &'authctl;help;perms;list'= {
        }
        &'authctl;help;perms;create'= {
        }
        &'authctl;help;log'= {
        }
        &'authctl;help;verify'= {
        }
        &'authctl;help;checkpassword'= {
        }
        &'authctl;help;mail'= {
            cand list 'List the reset emails waiting to be sent, with their attempts and last error'
            cand flush 'Send the reset emails that are due (a cron job can run this to retry deferred ones)'
        }
        &'authctl;help;mail;list'= {
        }
        &'authctl;help;mail;flush'= {
        }
        &'authctl;help;config'= {
            cand from-django 'Read a Django project''s settings through its own Python and write them as authctl config'
        }
        &'authctl;help;config;from-django'= {
        }
        &'authctl;help;completions'= {
        }
        &'authctl;help;man'= {
        }
        &'authctl;help;help'= {
        }
    ]
    $completions[$command]
}
