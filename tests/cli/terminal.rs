//! Prompts driven through a real pseudo-terminal, as a person at a keyboard would answer them.

use crate::support::{PW, Sandbox};
use rexpect::process::wait::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

/// The sandbox's command on a pseudo-terminal, run by a user whose login name needs folding.
fn spawn(sb: &Sandbox, args: &[&str]) -> PtySession {
    let cmd = sb
        .cmd(args)
        .env("USER", "Opérateur Un")
        .env("LOGNAME", "Opérateur Un");
    spawn_command(cmd.into_command(), Some(20_000)).expect("spawn authctl on a pty")
}

fn exit_code(session: &mut PtySession) -> i32 {
    session.exp_eof().expect("program ends");
    match session.process.wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("authctl did not exit normally: {other:?}"),
    }
}

#[test]
fn createsuperuser_asks_like_django_and_re_asks_only_the_bad_field() {
    let sb = Sandbox::new();
    let mut p = spawn(&sb, &["createsuperuser"]);
    // The default comes from the login name, ASCII-folded and without spaces, like Django's.
    p.exp_string("Username (leave blank to use 'operateurun'): ")
        .unwrap();
    p.send_line("bad name").unwrap();
    p.exp_string("Error: Enter a valid username.").unwrap();
    p.exp_string("Username (leave blank to use 'operateurun'): ")
        .unwrap();
    p.send_line("").unwrap();
    p.exp_string("Email address: ").unwrap();
    p.send_line("not-an-email").unwrap();
    p.exp_string("Error: Enter a valid email address.").unwrap();
    p.exp_string("Email address: ").unwrap();
    p.send_line("ops@Example.com").unwrap();
    p.exp_string("Password: ").unwrap();
    p.send_line("first try 123").unwrap();
    p.exp_string("Password (again): ").unwrap();
    p.send_line("different 456").unwrap();
    p.exp_string("Error: Your passwords didn't match.").unwrap();
    p.exp_string("Password: ").unwrap();
    p.send_line("   ").unwrap();
    p.exp_string("Password (again): ").unwrap();
    p.send_line("   ").unwrap();
    p.exp_string("Error: Blank passwords aren't allowed.")
        .unwrap();
    p.exp_string("Password: ").unwrap();
    p.send_line("1234").unwrap();
    p.exp_string("Password (again): ").unwrap();
    p.send_line("1234").unwrap();
    p.exp_string("This password is too short. It must contain at least 8 characters.")
        .unwrap();
    p.exp_string("This password is too common.").unwrap();
    p.exp_string("This password is entirely numeric.").unwrap();
    p.exp_string("Bypass password validation and create user anyway? [y/N]: ")
        .unwrap();
    p.send_line("n").unwrap();
    p.exp_string("Password: ").unwrap();
    p.send_line("a much better passphrase").unwrap();
    p.exp_string("Password (again): ").unwrap();
    p.send_line("a much better passphrase").unwrap();
    p.exp_string("Superuser created successfully.").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(
        sb.sql("SELECT username, email, is_superuser FROM auth_user"),
        ["operateurun|ops@example.com|1"]
    );
    sb.verify("operateurun", "a much better passphrase")
        .expect(0);
}

#[test]
fn createsuperuser_bypass_keeps_a_weak_password_when_asked() {
    let sb = Sandbox::new();
    let mut p = spawn(
        &sb,
        &[
            "createsuperuser",
            "--username",
            "root2",
            "--email",
            "r@example.com",
        ],
    );
    p.exp_string("Password: ").unwrap();
    p.send_line("root2root").unwrap();
    p.exp_string("Password (again): ").unwrap();
    p.send_line("root2root").unwrap();
    p.exp_string("The password is too similar to the username.")
        .unwrap();
    p.exp_string("[y/N]: ").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("Superuser created successfully.").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    sb.verify("root2", "root2root").expect(0);
}

#[test]
fn createsuperuser_refuses_a_taken_name_and_asks_again() {
    let sb = Sandbox::new();
    sb.superuser("taken", "t@example.com", None);
    let mut p = spawn(&sb, &["createsuperuser", "--email", "x@example.com"]);
    p.exp_string("Username (leave blank to use 'operateurun'): ")
        .unwrap();
    p.send_line("taken").unwrap();
    p.exp_string("Error: That username is already taken.")
        .unwrap();
    p.exp_string("Username (leave blank").unwrap();
    p.send_line("fresh").unwrap();
    p.exp_string("Password: ").unwrap();
    p.send_line("correct horse battery").unwrap();
    p.exp_string("Password (again): ").unwrap();
    p.send_line("correct horse battery").unwrap();
    p.exp_string("Superuser created successfully.").unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn no_input_on_a_terminal_never_prompts() {
    let sb = Sandbox::new();
    let mut p = spawn(
        &sb,
        &["--no-input", "createsuperuser", "--email", "x@example.com"],
    );
    p.exp_string("--no-input was given").unwrap();
    assert_eq!(exit_code(&mut p), 2);
}

#[test]
fn signup_prompts_for_username_and_password_twice() {
    let sb = Sandbox::new();
    let mut p = spawn(&sb, &["signup"]);
    p.exp_string("Username: ").unwrap();
    p.send_line("tty_user").unwrap();
    p.exp_string("Password: ").unwrap();
    p.send_line("correct horse battery").unwrap();
    p.exp_string("Password confirmation: ").unwrap();
    p.send_line("correct horse battery").unwrap();
    p.exp_string("User tty_user created.").unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn signup_mismatched_confirmation_is_djangos_error() {
    let sb = Sandbox::new();
    let mut p = spawn(&sb, &["signup", "--username", "x"]);
    p.exp_string("Password: ").unwrap();
    p.send_line("correct horse battery").unwrap();
    p.exp_string("Password confirmation: ").unwrap();
    p.send_line("correct horse battery!").unwrap();
    // rexpect reads bytes as Latin-1, so match the ASCII part of the curly-apostrophe message.
    p.exp_string("The two password fields didn").unwrap();
    p.exp_string("t match.").unwrap();
    assert_eq!(exit_code(&mut p), 3);
    assert!(
        !sb.db.exists(),
        "a refused signup must not even create the database"
    );
}

#[test]
fn verify_prompts_with_hidden_input() {
    let sb = Sandbox::new();
    sb.signup("v", "", PW);
    let mut p = spawn(&sb, &["verify", "--username", "v"]);
    p.exp_string("Password: ").unwrap();
    p.send_line(PW).unwrap();
    let rest = p.exp_eof().unwrap();
    assert!(!rest.contains(PW), "the password was echoed: {rest:?}");
    match p.process.wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn login_and_passwd_prompt_on_a_terminal() {
    let sb = Sandbox::new();
    sb.signup("t", "", PW);
    let mut p = spawn(&sb, &["login"]);
    p.exp_string("Username: ").unwrap();
    p.send_line("t").unwrap();
    p.exp_string("Password: ").unwrap();
    p.send_line(PW).unwrap();
    p.exp_string("Logged in as t.").unwrap();
    assert_eq!(exit_code(&mut p), 0);

    let mut p = spawn(&sb, &["passwd"]);
    p.exp_string("Old password: ").unwrap();
    p.send_line(PW).unwrap();
    p.exp_string("New password: ").unwrap();
    p.send_line("brand new passphrase").unwrap();
    p.exp_string("New password confirmation: ").unwrap();
    p.send_line("brand new passphrase?").unwrap();
    p.exp_string("The two password fields didn").unwrap();
    assert_eq!(exit_code(&mut p), 3);

    let mut p = spawn(&sb, &["passwd"]);
    p.exp_string("Old password: ").unwrap();
    p.send_line(PW).unwrap();
    p.exp_string("New password: ").unwrap();
    p.send_line("brand new passphrase").unwrap();
    p.exp_string("New password confirmation: ").unwrap();
    p.send_line("brand new passphrase").unwrap();
    p.exp_string("Your password was changed.").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    sb.cmd(["whoami"]).run().expect(0).stdout_is("t\n");
}

#[test]
fn users_delete_asks_before_deleting() {
    let sb = Sandbox::new();
    sb.signup("gone", "", PW);
    let mut p = spawn(&sb, &["users", "delete", "gone"]);
    p.exp_string("Delete 1 user (gone)? Their sessions go too. [y/N]: ")
        .unwrap();
    p.send_line("").unwrap();
    p.exp_string("cancelled; nothing was deleted").unwrap();
    assert_eq!(exit_code(&mut p), 1);
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), ["1"]);
    let mut p = spawn(&sb, &["users", "delete", "gone"]);
    p.exp_string("[y/N]: ").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("Deleted gone.").unwrap();
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user"), ["0"]);
}

#[test]
fn users_set_password_gives_up_after_three_tries_like_changepassword() {
    let sb = Sandbox::new();
    sb.signup("cp", "", PW);
    let mut p = spawn(&sb, &["users", "set-password", "cp"]);
    p.exp_string("Changing password for user 'cp'").unwrap();
    for (first, second) in [
        ("one long passphrase", "two long passphrase"),
        ("short", "short"),
        ("a", "b"),
    ] {
        p.exp_string("Password: ").unwrap();
        p.send_line(first).unwrap();
        p.exp_string("Password (again): ").unwrap();
        p.send_line(second).unwrap();
    }
    p.exp_string("Aborting password change for user 'cp' after 3 attempts")
        .unwrap();
    assert_eq!(exit_code(&mut p), 3);
    sb.verify("cp", PW).expect(0);

    let mut p = spawn(&sb, &["users", "set-password", "cp"]);
    p.exp_string("Password: ").unwrap();
    p.send_line("one long passphrase").unwrap();
    p.exp_string("Password (again): ").unwrap();
    p.send_line("one long passphrase").unwrap();
    p.exp_string("Password changed successfully for user 'cp'")
        .unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn reset_confirm_checks_the_link_then_asks_for_the_new_password_twice() {
    let mut sb = Sandbox::new();
    let maildir = sb.path("mail");
    sb.set("AUTHCTL_SECRET_KEY", "tty reset")
        .set("AUTHCTL_EMAIL_BACKEND", "file")
        .set("AUTHCTL_EMAIL_FILE_DIR", maildir.to_str().unwrap());
    sb.signup("r", "r@example.com", PW);
    let mut p = spawn(&sb, &["reset-confirm", "MQ", "bad-token"]);
    p.exp_string("The password reset link was invalid").unwrap();
    assert_eq!(exit_code(&mut p), 1);
    sb.cmd(["reset-request", "--email", "r@example.com"])
        .run()
        .expect(0);
    sb.wait_for_outbox();
    let mail = std::fs::read_dir(&maildir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let command = crate::reset::command_in(&std::fs::read_to_string(mail).unwrap());
    let args: Vec<&str> = command.iter().map(String::as_str).collect();
    let mut p = spawn(&sb, &args);
    p.exp_string("New password: ").unwrap();
    p.send_line("reset by a person").unwrap();
    p.exp_string("New password confirmation: ").unwrap();
    p.send_line("reset by a person").unwrap();
    p.exp_string("Your password has been set.").unwrap();
    assert_eq!(exit_code(&mut p), 0);
}

#[test]
fn a_password_file_on_a_terminal_still_goes_through_the_validators() {
    let sb = Sandbox::new();
    let file = sb.path("weak");
    std::fs::write(&file, "1234\n").unwrap();
    let mut p = spawn(
        &sb,
        &[
            "createsuperuser",
            "--username",
            "weak",
            "--email",
            "w@example.com",
            "--password-file",
            file.to_str().unwrap(),
        ],
    );
    p.exp_string("This password is too short.").unwrap();
    assert_eq!(exit_code(&mut p), 3);
    // Nothing was written: not even the database file was created.
    assert!(!sb.db.exists());
}

#[test]
fn if_missing_names_the_existing_user_typed_at_the_prompt() {
    let sb = Sandbox::new();
    sb.superuser("kept", "k@example.com", None);
    let mut p = spawn(&sb, &["--json", "createsuperuser", "--if-missing"]);
    p.exp_string("Username (leave blank").unwrap();
    p.send_line("kept").unwrap();
    let json = p.exp_eof().unwrap();
    assert!(json.contains("\"status\":\"unchanged\""), "{json}");
    assert!(json.contains("\"username\":\"kept\""), "{json}");
    assert!(json.contains("\"id\":1"), "{json}");
}

#[test]
fn ctrl_c_at_a_password_prompt_restores_echo_and_cancels() {
    let sb = Sandbox::new();
    sb.signup("c", "", PW);
    // A shell turns echo on (rexpect starts without it), runs authctl, then reports the
    // terminal's echo setting once authctl is gone.
    let shell = sb.shell("stty echo; authctl login --username c; echo \"status=$?\"; stty -a");
    let mut p = spawn_command(shell.into_command(), Some(20_000)).unwrap();
    p.exp_string("Password: ").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("Operation cancelled.").unwrap();
    p.exp_string("status=1").unwrap();
    let settings = p.exp_eof().unwrap();
    assert!(
        settings.contains(" echo ") && !settings.contains("-echo "),
        "echo left off: {settings}"
    );
    assert!(!sb.path("home/state/authctl/session").exists());
}

#[test]
fn without_user_variables_the_default_username_comes_from_the_account() {
    let sb = Sandbox::new();
    // The sandbox passes no USER or LOGNAME: the name comes from the password database.
    let cmd = sb.cmd(["createsuperuser"]).into_command();
    let mut p = spawn_command(cmd, Some(20_000)).unwrap();
    p.exp_string("Username (leave blank to use '").unwrap();
    p.send_control('c').unwrap();
}

#[test]
fn signup_on_a_terminal_refuses_a_taken_name_before_asking_for_a_password() {
    let sb = Sandbox::new();
    sb.signup("taken", "", PW);
    let mut p = spawn(&sb, &["signup", "--username", "TAKEN"]);
    let before = p
        .exp_string("A user with that username already exists.")
        .unwrap();
    assert!(
        !before.contains("Password"),
        "asked for a password first: {before}"
    );
    assert_eq!(exit_code(&mut p), 3);
}

#[test]
fn an_unwritable_standard_error_at_a_prompt_is_exit_4_not_a_panic() {
    let sb = Sandbox::new();
    for redirect in ["2>/dev/full", "2>&-"] {
        let shell = sb.shell(&format!(
            "authctl createsuperuser {redirect}; echo \"status=$?\""
        ));
        let mut p = spawn_command(shell.into_command(), Some(20_000)).unwrap();
        p.exp_string("status=4").unwrap();
        p.exp_eof().unwrap();
    }
    assert!(!sb.db.exists());
}
