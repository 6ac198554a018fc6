//! Values people write as text, read the same way wherever they come from (environment
//! variables, CSV cells).

/// A yes/no written as text: true/false, 1/0, yes/no, y/n, on/off, in any case.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "y" | "on" => Some(true),
        "0" | "false" | "no" | "n" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn yes_and_no_in_their_usual_spellings() {
        for yes in ["1", "true", "Yes", " y ", "ON"] {
            assert_eq!(super::parse_bool(yes), Some(true), "{yes}");
        }
        for no in ["0", "FALSE", "no", "n", "off"] {
            assert_eq!(super::parse_bool(no), Some(false), "{no}");
        }
        assert_eq!(super::parse_bool("maybe"), None);
    }
}
