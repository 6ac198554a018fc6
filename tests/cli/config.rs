use crate::support::Sandbox;

#[test]
fn unknown_key_in_config_file_is_exit_4_naming_it() {
    let sb = Sandbox::new();
    let config = sb.path("config.toml");
    std::fs::write(&config, "[validators]\nmin_lenght = 3\n").unwrap();
    sb.cmd([
        "--config",
        config.to_str().unwrap(),
        "verify",
        "--username",
        "a",
        "--password-stdin",
    ])
    .stdin_line("x")
    .run()
    .expect(4)
    .stderr_has("unknown key `validators.min_lenght`")
    .stderr_has("config.toml");
}

#[test]
fn bad_value_names_key_and_source() {
    let mut sb = Sandbox::new();
    sb.set("AUTHCTL_HASHER", "rot13");
    sb.verify("a", "x")
        .expect(4)
        .stderr_has("`hasher`")
        .stderr_has("AUTHCTL_HASHER");
}

#[test]
fn config_file_settings_apply_and_env_overrides_them() {
    let mut sb = Sandbox::new();
    let config = sb.path("config.toml");
    std::fs::write(&config, "[validators]\nmin_length = 30\n").unwrap();
    sb.set("AUTHCTL_CONFIG", config.to_str().unwrap());
    sb.cmd(["signup", "--username", "a", "--password-stdin"])
        .stdin_line("correct horse battery")
        .run()
        .expect(3)
        .stderr_has("at least 30 characters");
    sb.set("AUTHCTL_VALIDATORS_MIN_LENGTH", "8");
    sb.cmd(["signup", "--username", "a", "--password-stdin"])
        .stdin_line("correct horse battery")
        .run()
        .expect(0);
}

#[test]
fn default_config_file_in_the_platform_config_dir_is_read() {
    let sb = Sandbox::new();
    let dir = sb.dir.path().join("home/config/authctl");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "validators.common = false\nvalidators.min_length = 4\n",
    )
    .unwrap();
    sb.cmd(["signup", "--username", "a", "--password-stdin"])
        .stdin_line("password")
        .run()
        .expect(0);
}

#[test]
fn missing_explicit_config_file_is_exit_4() {
    let sb = Sandbox::new();
    sb.cmd([
        "--config",
        "/nonexistent/authctl.toml",
        "verify",
        "--username",
        "a",
        "--password-stdin",
    ])
    .stdin_line("x")
    .run()
    .expect(4)
    .stderr_has("cannot read config file /nonexistent/authctl.toml");
}

#[test]
fn default_database_lives_in_the_platform_data_dir() {
    let sb = Sandbox::new();
    sb.cmd(["signup", "--username", "a", "--password-stdin"])
        .env_remove("AUTHCTL_DATABASE")
        .stdin_line("correct horse battery")
        .run()
        .expect(0);
    assert!(sb.dir.path().join("home/data/authctl/db.sqlite3").exists());
}

#[test]
fn bad_arguments_are_exit_2() {
    let sb = Sandbox::new();
    sb.cmd(["verify", "--bogus"]).run().expect(2);
    sb.cmd(["frobnicate"]).run().expect(2);
    sb.cmd([
        "verify",
        "--password-stdin",
        "--password-file",
        "x",
        "--username",
        "a",
    ])
    .run()
    .expect(2);
}

#[test]
fn help_and_version_exit_0() {
    let sb = Sandbox::new();
    sb.cmd(["--help"]).run().expect(0);
    let run = sb.cmd(["--version"]).run();
    run.expect(0);
    assert!(run.stdout().starts_with("authctl "), "{run:?}");
}
