//! The config file's text, read into the typed settings exactly as authctl reads it (the
//! settings types are the binary's, included here by path).
#![no_main]

#[allow(dead_code)]
#[path = "../../../src/settings/options.rs"]
mod options;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(table) = text.parse::<toml::Table>() {
        let _ = toml::Value::Table(table).try_into::<options::Options>();
    }
});
