//! Django's field and password validators, with Django's messages: usernames
//! (`UnicodeUsernameValidator` + 150 characters), email addresses (`EmailValidator`,
//! `normalize_email`) and the four default password validators.

mod unicode_tables;

use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

pub const USERNAME_MAX: usize = 150;
pub const EMAIL_MAX: usize = 254;
pub const NAME_MAX: usize = 150;

pub const INVALID_USERNAME: &str = "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.";
pub const INVALID_EMAIL: &str = "Enter a valid email address.";
/// Django's `ProhibitNullCharactersValidator`, which every form text field runs.
pub const NULL_CHARACTERS: &str = "Null characters are not allowed.";

fn null_error(value: &str) -> Option<String> {
    value.contains('\0').then(|| NULL_CHARACTERS.to_string())
}

/// A first or last name: at most 150 characters, no NUL.
pub fn name_errors(name: &str) -> Vec<String> {
    null_error(name)
        .into_iter()
        .chain(max_length_message(NAME_MAX, name))
        .collect()
}

/// Django's `AbstractBaseUser.normalize_username`: NFKC, so look-alike forms are one name.
pub fn normalize_username(username: &str) -> String {
    username.nfkc().collect()
}

/// Django's `BaseUserManager.normalize_email`: trims and lower-cases the domain part, and leaves
/// anything without an `@` exactly as it was.
pub fn normalize_email(email: &str) -> String {
    match email.trim().rsplit_once('@') {
        Some((name, domain)) => format!("{name}@{}", domain.to_lowercase()),
        None => email.to_string(),
    }
}

/// Django's `get_default_username` without the database look-up: the login name ASCII-folded
/// (NFKD, non-ASCII and spaces dropped), lower-cased, if that is a valid username.
pub fn default_username(system_name: &str) -> Option<String> {
    let name: String = system_name
        .nfkd()
        .filter(|c| c.is_ascii() && *c != ' ')
        .collect::<String>()
        .to_lowercase();
    (!name.is_empty() && username_errors(&name).is_empty()).then_some(name)
}

/// Django's `MaxLengthValidator` message (lengths in characters, as Python counts them).
pub fn max_length_message(max: usize, value: &str) -> Option<String> {
    let len = value.chars().count();
    (len > max).then(|| format!("Ensure this value has at most {max} characters (it has {len})."))
}

/// Whether `c` is in a table of sorted, non-overlapping inclusive ranges.
fn in_table(ranges: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Python's `str.casefold()`: Unicode's full case folding, as Python 3.11 does it.
pub fn casefold(text: &str) -> String {
    let table = unicode_tables::PYTHON_CASEFOLD;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match table.binary_search_by_key(&(c as u32), |(code, _)| *code) {
            Ok(i) => out.push_str(table[i].1),
            Err(_) => out.push(c),
        }
    }
    out
}

/// Django's `_unicode_ci_compare`: equal after NFKC and case folding.
pub fn unicode_ci_equal(a: &str, b: &str) -> bool {
    casefold(&a.nfkc().collect::<String>()) == casefold(&b.nfkc().collect::<String>())
}

/// Python's `\w` (what Django's username regex and the similarity validator use).
fn is_word_char(c: char) -> bool {
    in_table(unicode_tables::PYTHON_WORD, c)
}

/// The username field's validators, in Django's order; an empty list means valid.
pub fn username_errors(username: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if username.is_empty() {
        errors.push("This field cannot be blank.".to_string());
        return errors;
    }
    if !username
        .chars()
        .all(|c| is_word_char(c) || ".@+-".contains(c))
    {
        errors.push(INVALID_USERNAME.to_string());
    }
    errors.extend(max_length_message(USERNAME_MAX, username));
    errors.extend(null_error(username));
    errors
}

/// Django's `EmailValidator` (an empty address is allowed by the field, not checked here).
pub fn is_valid_email(email: &str) -> bool {
    if email.is_empty() || email.chars().count() > 320 {
        return false;
    }
    let Some((user, domain)) = email.rsplit_once('@') else {
        return false;
    };
    valid_email_user(user) && (domain == "localhost" || valid_email_domain(domain))
}

/// The email field's validators; an empty list means valid.
pub fn email_errors(email: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if email.is_empty() {
        return errors;
    }
    if !is_valid_email(email) {
        errors.push(INVALID_EMAIL.to_string());
    }
    errors.extend(max_length_message(EMAIL_MAX, email));
    errors.extend(null_error(email));
    errors
}

fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-!#$%&'*+/=?^_`{}|~".contains(c)
}

fn valid_email_user(user: &str) -> bool {
    // dot-atom: atoms of atext separated by single dots
    if !user.is_empty()
        && user
            .split('.')
            .all(|atom| !atom.is_empty() && atom.chars().all(is_atext))
    {
        return true;
    }
    // quoted-string: printable ASCII except the quote and backslash, or backslash escapes
    let Some(inner) = user.strip_prefix('"').and_then(|u| u.strip_suffix('"')) else {
        return false;
    };
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        let plain = matches!(c, '\u{1}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '!' | '#'..='[' | ']'..='\u{7f}');
        if plain {
            continue;
        }
        if c != '\\' {
            return false;
        }
        match chars.next() {
            Some('\u{1}'..='\u{9}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{7f}') => {}
            _ => return false,
        }
    }
    true
}

/// Characters Django's domain patterns allow in a label: ASCII letters and digits, the dash,
/// and everything from U+00A1 to U+FFFF.
fn is_label_char(c: char, digits: bool) -> bool {
    c.is_ascii_alphabetic()
        || (digits && c.is_ascii_digit())
        || c == '-'
        || ('\u{a1}'..='\u{ffff}').contains(&c)
}

fn valid_label(label: &str, digits: bool, max: usize) -> bool {
    let len = label.chars().count();
    (1..=max).contains(&len)
        && label.chars().all(|c| is_label_char(c, digits))
        && !label.starts_with('-')
        && !label.ends_with('-')
}

fn valid_email_domain(domain: &str) -> bool {
    if let Some(literal) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        return !literal.is_empty()
            && literal
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
            && (literal.parse::<std::net::Ipv4Addr>().is_ok()
                || literal.parse::<std::net::Ipv6Addr>().is_ok());
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let Some((tld, rest)) = labels.split_last() else {
        return false;
    };
    if rest.is_empty() || !rest.iter().all(|label| valid_label(label, true, 63)) {
        return false;
    }
    let punycode = tld.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
        && (1..=59).contains(&(tld.len() - 4))
        && tld[4..].chars().all(|c| c.is_ascii_alphanumeric());
    punycode || (tld.chars().count() >= 2 && valid_label(tld, false, 63))
}

/// Django's four default password validators and their options.
#[derive(Debug, Clone, PartialEq)]
pub struct PasswordValidators {
    /// `MinimumLengthValidator`'s `min_length`.
    pub min_length: usize,
    /// `UserAttributeSimilarityValidator` on or off.
    pub similarity: bool,
    /// `UserAttributeSimilarityValidator`'s `max_similarity`.
    pub max_similarity: f64,
    /// `CommonPasswordValidator` on or off.
    pub common: bool,
    /// `NumericPasswordValidator` on or off.
    pub numeric: bool,
}

impl Default for PasswordValidators {
    fn default() -> Self {
        PasswordValidators {
            min_length: 8,
            similarity: true,
            max_similarity: 0.7,
            common: true,
            numeric: true,
        }
    }
}

/// The user's attributes the similarity validator compares against.
#[derive(Debug, Clone, Copy, Default)]
pub struct UserAttributes<'a> {
    pub username: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub email: &'a str,
}

/// Django's 20,000 common passwords, lower-cased (see the README for where the list comes from).
static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
});

fn is_python_digit(c: char) -> bool {
    in_table(unicode_tables::PYTHON_DIGITS, c)
}

/// Runs the enabled default validators in Django's order and returns every message.
pub fn password_errors(
    password: &str,
    user: &UserAttributes,
    settings: &PasswordValidators,
) -> Vec<String> {
    // The form field refuses NUL before any password validator sees the value.
    if let Some(error) = null_error(password) {
        return vec![error];
    }
    let mut errors = Vec::new();
    if settings.similarity {
        errors.extend(similarity_error(password, user, settings.max_similarity));
    }
    let len = password.chars().count();
    if len < settings.min_length {
        let noun = if settings.min_length == 1 {
            "character"
        } else {
            "characters"
        };
        errors.push(format!(
            "This password is too short. It must contain at least {} {noun}.",
            settings.min_length
        ));
    }
    if settings.common && COMMON_PASSWORDS.contains(password.to_lowercase().trim()) {
        errors.push("This password is too common.".to_string());
    }
    if settings.numeric && !password.is_empty() && password.chars().all(is_python_digit) {
        errors.push("This password is entirely numeric.".to_string());
    }
    errors
}

/// Django's `UserAttributeSimilarityValidator`.
fn similarity_error(password: &str, user: &UserAttributes, max_similarity: f64) -> Option<String> {
    let password = password.to_lowercase();
    let attributes = [
        (user.username, "username"),
        (user.first_name, "first name"),
        (user.last_name, "last name"),
        (user.email, "email address"),
    ];
    for (value, verbose_name) in attributes {
        if value.is_empty() {
            continue;
        }
        let value = value.to_lowercase();
        let parts = value
            .split(|c: char| !is_word_char(c))
            .chain(std::iter::once(value.as_str()));
        for part in parts {
            if exceeds_maximum_length_ratio(&password, max_similarity, part) {
                continue;
            }
            if quick_ratio(&password, part) >= max_similarity {
                return Some(format!(
                    "The password is too similar to the {verbose_name}."
                ));
            }
        }
    }
    None
}

/// Skips comparing a long password against a much shorter value: Django's shortcut, which also
/// decides which pairs are compared at all.
fn exceeds_maximum_length_ratio(password: &str, max_similarity: f64, value: &str) -> bool {
    let pwd_len = password.chars().count();
    let length_bound_similarity = max_similarity / 2.0 * pwd_len as f64;
    let value_len = value.chars().count();
    pwd_len >= 10 * value_len && (value_len as f64) < length_bound_similarity
}

/// `difflib.SequenceMatcher(a=a, b=b).quick_ratio()`: 2 × the size of the multiset intersection
/// of the characters, over the total length.
fn quick_ratio(a: &str, b: &str) -> f64 {
    let mut available: std::collections::HashMap<char, i64> = std::collections::HashMap::new();
    for c in b.chars() {
        *available.entry(c).or_default() += 1;
    }
    let mut matches = 0usize;
    for c in a.chars() {
        if let Some(n) = available.get_mut(&c) {
            if *n > 0 {
                matches += 1;
            }
            *n -= 1;
        }
    }
    let total = a.chars().count() + b.chars().count();
    if total == 0 {
        1.0
    } else {
        2.0 * matches as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_tables::{PYTHON_DIGITS, PYTHON_WORD};

    #[test]
    fn tables_are_sorted_and_answer_like_python() {
        for table in [PYTHON_DIGITS, PYTHON_WORD] {
            assert!(table.windows(2).all(|w| w[0].1 < w[1].0));
        }
        assert!(
            in_table(PYTHON_WORD, 'a') && in_table(PYTHON_WORD, '_') && in_table(PYTHON_WORD, '東')
        );
        assert!(!in_table(PYTHON_WORD, '-') && !in_table(PYTHON_WORD, ' '));
        // A combining vowel sign: alphabetic to Rust, not a word character to Python.
        assert!(!in_table(PYTHON_WORD, '\u{93f}'));
        assert!(in_table(PYTHON_DIGITS, '²') && !in_table(PYTHON_DIGITS, '½'));
    }

    #[test]
    fn casefold_is_pythons() {
        assert_eq!(casefold("Straße"), "strasse");
        assert_eq!(casefold("ΟΔΟΣ"), "οδοσ");
        assert_eq!(casefold("οδος"), "οδοσ");
        assert_eq!(casefold("İ"), "i\u{307}");
        assert!(unicode_ci_equal(
            "ＡＬＩＣＥ@example.com",
            "alice@EXAMPLE.com"
        ));
        assert!(!unicode_ci_equal("alice@example.com", "alicia@example.com"));
    }

    #[test]
    fn unicode_tables_are_what_their_generator_writes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/validators");
        let run = std::process::Command::new("python3")
            .arg(dir.join("unicode_tables.py"))
            .output()
            .expect("python3 (3.11) runs the Unicode table generator");
        assert!(
            run.status.success(),
            "generator failed: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let written = std::fs::read(dir.join("unicode_tables.rs")).unwrap();
        assert!(
            run.stdout == written,
            "src/validators/unicode_tables.rs is stale: regenerate it with \
             python3 src/validators/unicode_tables.py > src/validators/unicode_tables.rs"
        );
    }

    #[test]
    fn usernames() {
        assert!(username_errors("alice.b+c@d-e_f").is_empty());
        assert!(username_errors("Zoë_東京").is_empty());
        assert_eq!(username_errors("a b"), [INVALID_USERNAME]);
        assert_eq!(username_errors("a\n"), [INVALID_USERNAME]);
        assert_eq!(
            username_errors(&"x".repeat(151)),
            ["Ensure this value has at most 150 characters (it has 151)."]
        );
        assert_eq!(normalize_username("ｅｘａｍｐｌｅ"), "example");
        assert_eq!(
            default_username("Opérateur Un").as_deref(),
            Some("operateurun")
        );
        assert_eq!(default_username("東京"), None);
    }

    #[test]
    fn emails() {
        for ok in [
            "a@b.co",
            "first.last@example.com",
            "x@localhost",
            "\"a!b\"@x.org",
            "u@[127.0.0.1]",
            "u@[::1]",
            "u@xn--bcher-kva.example",
            "u@bücher.de",
        ] {
            assert!(is_valid_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@",
            "@b.co",
            "a@b",
            "a@b.c",
            "a..b@c.de",
            "a@-b.co",
            "a@b.co.",
            "a@b.c0m",
            "a b@c.de",
            "u@[1.2.3]",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
        assert_eq!(normalize_email(" Bob@Example.COM "), "Bob@example.com");
    }

    #[test]
    fn password_messages() {
        let s = PasswordValidators::default();
        let user = UserAttributes {
            username: "alice",
            ..Default::default()
        };
        assert_eq!(
            password_errors("1234", &user, &s),
            [
                "This password is too short. It must contain at least 8 characters.",
                "This password is too common.",
                "This password is entirely numeric."
            ]
        );
        assert_eq!(
            password_errors("ecila1985", &user, &s),
            ["The password is too similar to the username."]
        );
        assert!(password_errors("correct horse battery", &user, &s).is_empty());
        assert_eq!(
            password_errors("correct\0horse battery", &user, &s),
            [NULL_CHARACTERS]
        );
        assert_eq!(name_errors("a\0b"), [NULL_CHARACTERS]);
        assert_eq!(quick_ratio("", ""), 1.0);
    }
}
