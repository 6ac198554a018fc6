//! `users import` input, as CSV and as JSON Lines, with and without a custom model's columns.
#![no_main]

use authctl::accounts::transfer::{Format, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let extras = ["department".to_string(), "age".to_string()];
    for format in [Format::Csv, Format::Jsonl] {
        let _ = parse(format, text, &[]);
        let _ = parse(format, text, &extras);
    }
});
