//! A `database` setting: SQLite paths and URIs, `sqlite://` and `postgres://` URLs.
#![no_main]

use authctl::store::{Database, Libpq};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(database) = Database::parse(text, &Libpq::default()) {
        let _ = database.shown();
    }
});
