//! Groups and permissions (issue 13): the commands, Django's rules, authorization in pipelines,
//! and agreement with Django's own `has_perm()` on both databases.

use crate::djproject::{DjangoProject, Kind};
use crate::on_both;
use crate::support::{Backend, PW, Run, Sandbox, django};
use serde_json::{Value, json};

/// A sandbox with alice (in `deployers`, which may run deploys), bob (nothing), root (an
/// active superuser) and sleepy (inactive, in `deployers`).
fn team(backend: Backend) -> Sandbox {
    let sb = Sandbox::on(backend);
    for name in ["alice", "bob", "sleepy"] {
        sb.signup(name, &format!("{name}@example.com"), PW);
    }
    sb.superuser("root", "root@example.com", Some(PW));
    sb.cmd([
        "perms",
        "create",
        "deploy.run_deploy",
        "--model",
        "deployment",
        "--name",
        "Can run a deploy",
    ])
    .run()
    .expect(0)
    .stdout_has("Permission deploy.run_deploy created.");
    sb.cmd(["groups", "create", "deployers"]).run().expect(0);
    sb.cmd(["groups", "grant", "deployers", "deploy.run_deploy"])
        .run()
        .expect(0);
    sb.cmd(["groups", "add", "deployers", "alice", "sleepy"])
        .run()
        .expect(0);
    sb.cmd(["users", "set", "sleepy", "--inactive"])
        .run()
        .expect(0);
    sb
}

fn json_lines(run: &Run) -> Vec<Value> {
    run.expect(0);
    run.json_lines()
}

fn groups_are_created_renamed_listed_and_deleted(backend: Backend) {
    let sb = team(backend);
    sb.cmd(["groups", "create", "deployers"])
        .run()
        .expect(3)
        .stderr_has("Group with this Name already exists.");
    sb.cmd(["groups", "create", "  "])
        .run()
        .expect(3)
        .stderr_has("group name: This field is required.");
    sb.cmd(["groups", "create", "editors"]).run().expect(0);
    let listed = json_lines(&sb.cmd(["--json", "groups", "list"]).run());
    assert_eq!(
        listed,
        [
            json!({"name": "deployers", "members": 2, "permissions": 1}),
            json!({"name": "editors", "members": 0, "permissions": 0}),
        ]
    );
    sb.cmd(["groups", "rename", "editors", "deployers"])
        .run()
        .expect(3);
    sb.cmd(["groups", "rename", "editors", "writers"])
        .run()
        .expect(0);
    let shown = sb.cmd(["--json", "groups", "show", "deployers"]).run();
    shown.expect(0);
    assert_eq!(
        shown.json(),
        json!({"name": "deployers", "members": ["alice", "sleepy"], "permissions": ["deploy.run_deploy"]})
    );
    // Deleting asks on a terminal; a script must say --yes. Its link rows go with it.
    sb.cmd(["groups", "delete", "deployers"]).run().expect(2);
    sb.cmd(["groups", "delete", "deployers", "nosuch", "--yes"])
        .run()
        .expect(3)
        .stderr_has("there is no group named nosuch");
    sb.cmd(["groups", "delete", "deployers", "--yes"])
        .run()
        .expect(0);
    assert_eq!(sb.sql("SELECT count(*) FROM auth_user_groups"), ["0"]);
    assert_eq!(sb.sql("SELECT count(*) FROM auth_group_permissions"), ["0"]);
    assert_eq!(sb.sql("SELECT name FROM auth_group"), ["writers"]);
}

fn changes_are_idempotent_and_all_or_nothing(backend: Backend) {
    let sb = team(backend);
    sb.cmd(["-v", "groups", "add", "deployers", "alice"])
        .run()
        .expect(0)
        .stdout_has("Nothing changed.")
        .stderr_has("alice: already in deployers; nothing to do");
    sb.cmd(["groups", "remove", "deployers", "bob"])
        .run()
        .expect(0)
        .stdout_has("Nothing changed.");
    // One unknown name and nothing is done.
    sb.cmd(["groups", "add", "deployers", "bob", "ghost"])
        .run()
        .expect(3)
        .stderr_has("ghost");
    let members = sb.cmd(["--json", "groups", "show", "deployers"]).run();
    assert_eq!(members.json()["members"], json!(["alice", "sleepy"]));
    // Unknown permissions are named, with the nearest ones.
    sb.cmd(["users", "grant", "bob", "deploy.run_deplyo"])
        .run()
        .expect(3)
        .stderr_has("there is no permission deploy.run_deplyo; did you mean deploy.run_deploy?");
    sb.cmd([
        "users",
        "grant",
        "bob",
        "auth.view_user",
        "deploy.run_deploy",
    ])
    .run()
    .expect(0)
    .stdout_has("Granted auth.view_user, deploy.run_deploy to bob.");
    sb.cmd(["-v", "users", "grant", "bob", "auth.view_user"])
        .run()
        .expect(0)
        .stderr_has("already given to bob");
    sb.cmd(["users", "revoke", "bob", "deploy.run_deploy"])
        .run()
        .expect(0);
    sb.cmd(["users", "revoke", "bob", "deploy.run_deploy"])
        .run()
        .expect(0)
        .stdout_has("Nothing changed.");
    // perms create again changes nothing.
    sb.cmd([
        "perms",
        "create",
        "deploy.run_deploy",
        "--model",
        "deployment",
        "--name",
        "Can run a deploy",
    ])
    .run()
    .expect(0)
    .stdout_has("already exists");
}

fn djangos_rules_decide_what_a_user_has(backend: Backend) {
    let sb = team(backend);
    let perms_of = |name: &str| -> Vec<Value> {
        json_lines(&sb.cmd(["--json", "perms", "list", "--user", name]).run())
    };
    assert_eq!(
        perms_of("alice"),
        [
            json!({"permission": "deploy.run_deploy", "name": "Can run a deploy", "via": ["group:deployers"]})
        ]
    );
    assert_eq!(perms_of("bob"), Vec::<Value>::new());
    assert_eq!(perms_of("sleepy"), Vec::<Value>::new(), "inactive: none");
    let root = perms_of("root");
    let all = json_lines(&sb.cmd(["--json", "perms", "list"]).run());
    assert_eq!(root.len(), all.len(), "a superuser has every permission");
    assert!(root.iter().all(|p| p["via"] == json!(["superuser"])));
    // Direct and through a group at once: both named.
    sb.cmd(["users", "grant", "alice", "deploy.run_deploy"])
        .run()
        .expect(0);
    assert_eq!(
        perms_of("alice")[0]["via"],
        json!(["direct", "group:deployers"])
    );
    let shown = sb.cmd(["--json", "users", "show", "alice"]).run();
    shown.expect(0);
    assert_eq!(shown.json()["groups"], json!(["deployers"]));
    assert_eq!(shown.json()["permissions"], json!(["deploy.run_deploy"]));
    sb.login("alice", PW).expect(0);
    let who = sb.cmd(["--json", "whoami"]).run();
    who.expect(0);
    assert_eq!(who.json()["groups"], json!(["deployers"]));
    // users list keeps members, and holders by Django's rules.
    let names = |args: &[&str]| -> Vec<Value> {
        json_lines(&sb.cmd(["--json", "users", "list"]).args(args).run())
            .into_iter()
            .map(|u| u["username"].clone())
            .collect()
    };
    assert_eq!(names(&["--group", "deployers"]), ["alice", "sleepy"]);
    assert_eq!(names(&["--perm", "deploy.run_deploy"]), ["alice", "root"]);
    sb.cmd(["users", "list", "--perm", "nope.nope"])
        .run()
        .expect(3);
}

on_both!(
    groups_are_created_renamed_listed_and_deleted,
    changes_are_idempotent_and_all_or_nothing,
    djangos_rules_decide_what_a_user_has,
);

/// `verify --group/--perm`: only a right password of an active user who meets every
/// requirement passes; every other case looks the same, whoever asked.
fn authorization_in_pipelines_reveals_nothing(backend: Backend) {
    let sb = team(backend);
    let verify = |user: &str, password: &str, extra: &[&str]| {
        sb.cmd(["verify", "--username", user, "--password-stdin"])
            .args(extra)
            .stdin_line(password)
            .run()
    };
    let need = ["--perm", "deploy.run_deploy", "--group", "deployers"];
    verify("alice", PW, &need).expect(0);
    verify("root", PW, &["--perm", "deploy.run_deploy"]).expect(0);
    let denials = [
        verify("bob", PW, &need),
        verify("ghost", PW, &need),
        verify("alice", "not the password", &need),
        verify("sleepy", PW, &need),
        verify("root", PW, &need),
    ];
    for run in &denials {
        run.expect(1);
        assert_eq!(
            (run.stdout(), run.stderr()),
            (denials[0].stdout(), denials[0].stderr()),
            "a denial looks different: {run:?}"
        );
    }
    let json = |user: &str| {
        sb.cmd(["--json", "verify", "--username", user, "--password-stdin"])
            .args(need)
            .stdin_line(PW)
            .run()
    };
    assert_eq!(
        json("bob").json(),
        json!({"valid": false, "username": "bob"})
    );
    assert_eq!(
        json("ghost").json(),
        json!({"valid": false, "username": "ghost"})
    );
    // A typo in what is required is the caller's mistake, said before anything is checked.
    verify("alice", PW, &["--group", "deployer"])
        .expect(3)
        .stderr_has("there is no group named deployer");
    // login takes the same requirements.
    sb.cmd(["login", "--username", "bob", "--password-stdin"])
        .args(need)
        .stdin_line(PW)
        .run()
        .expect(1);
    sb.cmd(["login", "--username", "alice", "--password-stdin"])
        .args(need)
        .stdin_line(PW)
        .run()
        .expect(0);
}

fn imports_and_exports_carry_memberships(backend: Backend) {
    let sb = team(backend);
    let jsonl = "{\"username\": \"carol\", \"groups\": [\"deployers\", \"auditors\"]}\n";
    sb.cmd(["users", "import", "-", "--format", "jsonl"])
        .stdin(jsonl)
        .run()
        .expect(3)
        .stderr_has("line 1: there is no group named auditors (use --create-groups)");
    sb.cmd([
        "users",
        "import",
        "-",
        "--format",
        "jsonl",
        "--create-groups",
    ])
    .stdin(jsonl)
    .run()
    .expect(0);
    let shown = sb.cmd(["--json", "users", "show", "carol"]).run();
    assert_eq!(shown.json()["groups"], json!(["auditors", "deployers"]));
    // An update sets the groups to exactly those given; CSV separates them with `;`.
    sb.cmd([
        "users",
        "import",
        "-",
        "--format",
        "csv",
        "--on-conflict",
        "update",
    ])
    .stdin("username,groups\ncarol,auditors\n")
    .run()
    .expect(0);
    let shown = sb.cmd(["--json", "users", "show", "carol"]).run();
    assert_eq!(shown.json()["groups"], json!(["auditors"]));
    // Exported and imported into a new database: the same memberships.
    let exported = sb
        .cmd(["users", "export", "--format", "csv", "--with-hashes"])
        .run();
    exported.expect(0);
    assert!(
        exported.stdout().contains("alice,") && exported.stdout().contains(",deployers,"),
        "{exported:?}"
    );
    let fresh = Sandbox::on(backend);
    fresh
        .cmd(["users", "import", "-", "--format", "csv", "--create-groups"])
        .stdin(exported.stdout())
        .run()
        .expect(0);
    let members = fresh.cmd(["--json", "groups", "show", "deployers"]).run();
    members.expect(0);
    assert_eq!(members.json()["members"], json!(["alice", "sleepy"]));
}

on_both!(
    authorization_in_pipelines_reveals_nothing,
    imports_and_exports_carry_memberships,
);

/// Against real Django: what authctl sets, Django's `has_perm()`, `get_all_permissions()` and
/// `user.groups` answer the same; what Django sets, `perms list --user` reads the same; and
/// Django's own permission rows are never altered.
fn django_and_authctl_agree_on_permissions(backend: Backend) {
    let sb = Sandbox::on(backend);
    sb.django_project("admin", "admin@example.com", PW);
    let rows_before = django("permission_rows", json!({"database": sb.database}));
    for name in ["alice", "bob"] {
        sb.signup(name, "", PW);
    }
    // Set up by authctl, read by Django.
    sb.cmd([
        "perms",
        "create",
        "deploy.run_deploy",
        "--model",
        "deployment",
        "--name",
        "Can run a deploy",
    ])
    .run()
    .expect(0);
    sb.cmd(["groups", "create", "editors"]).run().expect(0);
    sb.cmd([
        "groups",
        "grant",
        "editors",
        "auth.change_user",
        "auth.view_user",
    ])
    .run()
    .expect(0);
    sb.cmd(["groups", "add", "editors", "alice"])
        .run()
        .expect(0);
    sb.cmd(["users", "grant", "alice", "deploy.run_deploy"])
        .run()
        .expect(0);
    let check = ["auth.change_user", "deploy.run_deploy", "auth.delete_user"];
    let theirs = django(
        "access",
        json!({"database": sb.database, "username": "alice", "check": check}),
    );
    assert_eq!(theirs["groups"], json!(["editors"]));
    assert_eq!(
        theirs["all_permissions"],
        json!(["auth.change_user", "auth.view_user", "deploy.run_deploy"])
    );
    assert_eq!(
        theirs["has"],
        json!({"auth.change_user": true, "deploy.run_deploy": true, "auth.delete_user": false})
    );
    // Set up by Django, read by authctl.
    django(
        "grant_in_django",
        json!({
            "database": sb.database,
            "permissions": [{"app_label": "reports", "model": "report", "codename": "publish_report", "name": "Can publish reports"}],
            "groups": [{"name": "publishers", "permissions": ["reports.publish_report", "auth.view_group"], "members": ["bob"]}],
            "user_permissions": {"bob": ["auth.add_user"]},
        }),
    );
    let theirs = django(
        "access",
        json!({"database": sb.database, "username": "bob"}),
    );
    let ours: Vec<Value> = sb
        .cmd(["--json", "perms", "list", "--user", "bob"])
        .run()
        .json_lines()
        .into_iter()
        .map(|p| p["permission"].clone())
        .collect();
    assert_eq!(json!(ours), theirs["all_permissions"]);
    // A group deleted by authctl: Django's admin still lists the groups.
    sb.cmd(["groups", "delete", "publishers", "--yes"])
        .run()
        .expect(0);
    let theirs = django(
        "access",
        json!({"database": sb.database, "username": "bob"}),
    );
    assert_eq!(theirs["groups"], json!([]));
    // Django's own rows are as its migrate made them.
    let rows_after = django("permission_rows", json!({"database": sb.database}));
    let before = rows_before.as_array().unwrap();
    assert_eq!(&rows_after.as_array().unwrap()[..before.len()], &before[..]);
}

on_both!(django_and_authctl_agree_on_permissions);

/// A custom user model's own link tables, and the admin after a group is deleted.
fn a_custom_user_models_groups_are_its_own(backend: Backend) {
    let project = DjangoProject::create(Kind::CustomUser, backend);
    let mut sb = Sandbox::new();
    sb.set("AUTHCTL_DATABASE", &project.database);
    project.site(
        "create_superuser",
        json!({"login": "boss", "password": PW, "fields": Kind::CustomUser.required_values("boss")}),
    );
    sb.signup("ann", "ann@example.com", PW);
    sb.cmd(["groups", "create", "viewers"]).run().expect(0);
    sb.cmd(["groups", "grant", "viewers", "accounts.view_customuser"])
        .run()
        .expect(0);
    sb.cmd(["groups", "add", "viewers", "ann"]).run().expect(0);
    let theirs = project.site(
        "access",
        json!({"login": "ann", "check": ["accounts.view_customuser"]}),
    );
    assert_eq!(theirs["groups"], json!(["viewers"]));
    assert_eq!(theirs["has"]["accounts.view_customuser"], true);
    sb.cmd(["groups", "delete", "viewers", "--yes"])
        .run()
        .expect(0);
    let page = project.site(
        "admin_get",
        json!({"login": "boss", "password": PW, "path": "/admin/auth/group/"}),
    );
    assert_eq!(page["status"], 200, "{page}");
    assert_eq!(project.site("check", json!({})), json!({"ok": true}));
}

on_both!(a_custom_user_models_groups_are_its_own);

#[test]
fn a_model_without_permissions_mixin_has_no_groups() {
    let sb = Sandbox::new();
    sb.exec(
        "CREATE TABLE django_migrations (id integer PRIMARY KEY, app varchar(255), \
         name varchar(255), applied datetime);
         CREATE TABLE members_member (id integer PRIMARY KEY AUTOINCREMENT, \
         password varchar(128) NOT NULL, last_login datetime NULL, \
         username varchar(150) NOT NULL UNIQUE);",
    );
    sb.signup("member", "", PW);
    sb.cmd(["groups", "list"])
        .run()
        .expect(3)
        .stderr_has("has no groups or permissions (Django's PermissionsMixin");
    sb.cmd([
        "verify",
        "--username",
        "member",
        "--password-stdin",
        "--perm",
        "x.y",
    ])
    .stdin_line(PW)
    .run()
    .expect(3);
    sb.verify("member", PW).expect(0);
}

/// A new Django project pointed at a database authctl created adopts it: its `migrate` runs
/// cleanly, its checks stay clean, and authctl's users and groups are the site's.
fn a_new_django_project_adopts_an_authctl_database(backend: Backend) {
    let sb = team(backend);
    let project = DjangoProject::create_on(Kind::Tutorial, backend, Some(sb.database.clone()));
    assert_eq!(project.site("check", json!({})), json!({"ok": true}));
    let answer = project.site("authenticate", json!({"login": "alice", "password": PW}));
    assert_eq!(answer["authenticated"], true, "{answer:#}");
    let theirs = project.site(
        "access",
        json!({"login": "alice", "check": ["deploy.run_deploy"]}),
    );
    assert_eq!(theirs["groups"], json!(["deployers"]));
    assert_eq!(theirs["has"]["deploy.run_deploy"], true);
    let page = project.site(
        "admin_get",
        json!({"login": "root", "password": PW, "path": "/admin/auth/group/"}),
    );
    assert_eq!(page["status"], 200, "{page}");
}

on_both!(a_new_django_project_adopts_an_authctl_database);

/// What an outside review found: names that CSV must keep whole, a CSV cell that empties a
/// user's groups, names an import must check, references a delete must respect, a codename on
/// two models.
fn groups_survive_files_and_deletes_keep_references(backend: Backend) {
    let sb = team(backend);
    sb.cmd(["groups", "create", "a;b\\c"]).run().expect(0);
    sb.cmd(["groups", "add", "a;b\\c", "bob"]).run().expect(0);
    let exported = sb.cmd(["users", "export", "--format", "csv"]).run();
    exported.expect(0);
    let fresh = Sandbox::on(backend);
    fresh
        .cmd(["users", "import", "-", "--format", "csv", "--create-groups"])
        .stdin(exported.stdout())
        .run()
        .expect(0);
    let shown = fresh.cmd(["--json", "users", "show", "bob"]).run();
    assert_eq!(shown.json()["groups"], json!(["a;b\\c"]));
    // An empty cell is "no groups", as an exported user without groups writes it.
    fresh
        .cmd([
            "users",
            "import",
            "-",
            "--format",
            "csv",
            "--on-conflict",
            "update",
        ])
        .stdin("username,groups\nbob,\n")
        .run()
        .expect(0);
    let shown = fresh.cmd(["--json", "users", "show", "bob"]).run();
    assert_eq!(shown.json()["groups"], json!([]));
    // Names an import would create are checked as groups create checks them.
    let long = "g".repeat(151);
    fresh
        .cmd([
            "users",
            "import",
            "-",
            "--format",
            "jsonl",
            "--create-groups",
        ])
        .stdin(format!(
            "{}\n",
            json!({"username": "eve", "groups": [long]})
        ))
        .run()
        .expect(3)
        .stderr_has("line 1: group name")
        .stderr_has("at most 150 characters");
    // Another app's rows that point at a group keep it from being deleted.
    sb.exec(
        "CREATE TABLE blog_team (id integer PRIMARY KEY, group_id integer NOT NULL \
         REFERENCES auth_group (id));
         INSERT INTO blog_team (id, group_id) SELECT 1, id FROM auth_group WHERE name = 'deployers';",
    );
    sb.cmd(["groups", "delete", "deployers", "--yes"])
        .run()
        .expect(3)
        .stderr_has("group deployers is still referenced by 1 row(s) of blog_team.group_id");
    assert_eq!(
        sb.sql("SELECT count(*) FROM auth_group WHERE name = 'deployers'"),
        ["1"]
    );
    // One codename on two models of an app: granted together, listed once.
    for model in ["product", "order"] {
        sb.cmd([
            "perms",
            "create",
            "shop.publish",
            "--model",
            model,
            "--name",
            "Can publish",
        ])
        .run()
        .expect(0);
    }
    sb.cmd(["groups", "create", "shop"]).run().expect(0);
    sb.cmd(["groups", "grant", "shop", "shop.publish"])
        .run()
        .expect(0);
    let shown = sb.cmd(["--json", "groups", "show", "shop"]).run();
    assert_eq!(shown.json()["permissions"], json!(["shop.publish"]));
    let listed = json_lines(&sb.cmd(["--json", "groups", "list"]).run());
    assert!(listed.contains(&json!({"name": "shop", "members": 0, "permissions": 1})));
}

on_both!(groups_survive_files_and_deletes_keep_references);

/// A project that swapped in its own user model over a database authctl made has two tables
/// that could hold the users: authctl asks which, rather than manage the stale one.
#[test]
fn a_custom_user_project_over_an_authctl_database_is_ambiguous_until_configured() {
    let mut sb = Sandbox::new();
    sb.signup("alice", "", PW);
    let project =
        DjangoProject::create_on(Kind::CustomUser, Backend::Sqlite, Some(sb.database.clone()));
    sb.cmd(["users", "list"])
        .run()
        .expect(4)
        .stderr_has("several tables that could hold the users (")
        .stderr_has("accounts_customuser")
        .stderr_has("auth_user");
    sb.set("AUTHCTL_USER_MODEL_TABLE", "accounts_customuser");
    sb.signup("bob", "bob@example.com", PW);
    let answer = project.site("authenticate", json!({"login": "bob", "password": PW}));
    assert_eq!(answer["authenticated"], true, "{answer:#}");
}

/// An older authctl database opened read-only is answered from as it is, and the group
/// commands say why they cannot work there.
#[test]
fn an_older_database_that_cannot_be_written_says_why_groups_are_missing() {
    let sb = Sandbox::new();
    crate::support::exec(
        &sb.db,
        r#"CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL, "first_name" varchar(150) NOT NULL);"#,
    );
    let read_only = format!("file:{}?mode=ro", sb.db.display());
    sb.cmd(["--database", &read_only, "groups", "list"])
        .run()
        .expect(4)
        .stderr_has("was made by an earlier authctl and has no group tables yet");
    assert_eq!(
        sb.sql("SELECT count(*) FROM sqlite_master WHERE name = 'auth_group'"),
        ["0"]
    );
}
