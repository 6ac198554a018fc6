//! What a reset link brings in: the arguments or link, the `uidb64`, and the token checked
//! against a user.
#![no_main]

use authctl::secret::SecretKeys;
use authctl::store::User;
use authctl::timezone::SiteTime;
use authctl::tokens;
use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parts: Vec<String> = text.splitn(3, '\n').map(String::from).collect();
    if let Some((uidb64, token)) = tokens::parse_reset_link(&parts) {
        let _ = tokens::decode_uidb64(&uidb64);
        let user = User {
            id: 1,
            password: "pbkdf2_sha256$10$salt$hash".into(),
            last_login: None,
            is_superuser: false,
            username: "u".into(),
            first_name: String::new(),
            last_name: String::new(),
            email: "u@example.com".into(),
            is_staff: false,
            is_active: true,
            date_joined: None,
            extra: Default::default(),
        };
        let keys = SecretKeys {
            current: "a fuzzing key".into(),
            fallbacks: vec!["an older key".into()],
        };
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap();
        let _ = tokens::check_token(&user, &token, &keys, now, 259_200, &SiteTime::default());
    }
    let _ = tokens::from_base36(text);
});
