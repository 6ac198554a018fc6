//! A session file's bytes, whoever wrote them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = authctl::session::parse(data, std::path::Path::new("session"));
});
