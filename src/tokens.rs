//! Django's `PasswordResetTokenGenerator`: `<base36 timestamp>-<every other hex digit of a
//! salted HMAC-SHA256>` over the user's id, password hash, last login, the timestamp and email;
//! `uidb64`, the urlsafe base64 of the id; and the reset link that carries both. A token is
//! spent as soon as the password or `last_login` changes.

use crate::crypto::{constant_time_eq, salted_hmac_sha256};
use crate::secret::SecretKeys;
use crate::store::User;
use crate::timezone::SiteTime;
use base64::Engine;
use base64::alphabet::URL_SAFE;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use chrono::{DateTime, NaiveDate, Utc};

const KEY_SALT: &str = "django.contrib.auth.tokens.PasswordResetTokenGenerator";

/// Django writes `uidb64` without padding and reads it with or without.
const UIDB64: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Seconds since 2001-01-01 (Django's `_num_seconds(datetime.now())`), both on the site's
/// wall clock.
pub fn timestamp(now: DateTime<Utc>, time: &SiteTime) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(2001, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("valid date");
    (time.wall(now) - epoch).num_seconds()
}

/// Django's `_make_hash_value`: `last_login` without microseconds or zone, as Python prints
/// the datetime the model holds.
fn hash_value(user: &User, timestamp: i64, time: &SiteTime) -> String {
    let login = user
        .last_login
        .map(|t| time.naive(t).format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default();
    format!(
        "{}{}{login}{timestamp}{}",
        user.id, user.password, user.email
    )
}

fn token_at(user: &User, timestamp: i64, secret: &str, time: &SiteTime) -> String {
    let hmac = salted_hmac_sha256(KEY_SALT, &hash_value(user, timestamp, time), secret);
    let short: String = hmac.chars().step_by(2).collect();
    format!("{}-{short}", to_base36(timestamp))
}

pub fn make_token(user: &User, keys: &SecretKeys, now: DateTime<Utc>, time: &SiteTime) -> String {
    token_at(user, timestamp(now, time), keys.current.expose(), time)
}

/// Django's `check_token`: valid for any of the keys, up to and including `timeout` seconds.
pub fn check_token(
    user: &User,
    token: &str,
    keys: &SecretKeys,
    now: DateTime<Utc>,
    timeout: u64,
    time: &SiteTime,
) -> bool {
    let Some((ts_b36, _)) = token.split_once('-') else {
        return false;
    };
    if token.matches('-').count() != 1 {
        return false;
    }
    let Some(ts) = from_base36(ts_b36) else {
        return false;
    };
    if !keys
        .all()
        .any(|key| constant_time_eq(token_at(user, ts, key, time), token))
    {
        return false;
    }
    timestamp(now, time) - ts <= timeout as i64
}

pub fn to_base36(mut n: i64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n <= 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII digits")
}

/// Django's `base36_to_int`, which refuses more than 13 digits.
pub fn from_base36(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 13 {
        return None;
    }
    i64::from_str_radix(s, 36).ok().filter(|n| *n >= 0)
}

/// Django's `urlsafe_base64_encode(force_bytes(pk))`, padding stripped.
pub fn uidb64(id: i64) -> String {
    UIDB64.encode(id.to_string())
}

/// The user id in a `uidb64`, if it decodes to one.
pub fn decode_uidb64(uidb64: &str) -> Option<i64> {
    let bytes = UIDB64.decode(uidb64).ok()?;
    std::str::from_utf8(&bytes).ok()?.parse().ok()
}

/// `UIDB64 TOKEN` as two arguments, or a reset link whose last two path segments are those.
/// Whitespace around them (a trailing CR from an email saved with CRLF lines, a space picked up
/// by a copy) is not part of them; `UIDB64 TOKEN` quoted as one argument is two.
pub fn parse_reset_link(parts: &[String]) -> Option<(String, String)> {
    let parts: Vec<String> = match parts {
        [one] if one.split_whitespace().count() == 2 => {
            one.split_whitespace().map(str::to_string).collect()
        }
        parts => parts.iter().map(|part| part.trim().to_string()).collect(),
    };
    match parts.as_slice() {
        [uidb64, token] => Some((uidb64.clone(), token.clone())),
        [link] if link.contains('/') => {
            let path = link.split(['?', '#']).next().unwrap_or(link);
            let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            match segments.as_slice() {
                [.., uidb64, token] => Some((uidb64.to_string(), token.to_string())),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36_and_uidb64_round_trip() {
        assert_eq!(to_base36(0), "0");
        assert_eq!(to_base36(35), "z");
        assert_eq!(from_base36(&to_base36(820_000_000)), Some(820_000_000));
        assert_eq!(from_base36("zzzzzzzzzzzzzz"), None);
        assert_eq!(from_base36("-1"), None);
        assert_eq!(uidb64(1), "MQ");
        assert_eq!(decode_uidb64("MQ"), Some(1));
        assert_eq!(decode_uidb64("MQ=="), Some(1));
        assert_eq!(decode_uidb64(&uidb64(123456)), Some(123456));
        assert_eq!(decode_uidb64("!!"), None);
    }

    fn parts(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn token_comes_from_two_arguments_or_a_link() {
        let want = Some(("MQ".to_string(), "abc-def".to_string()));
        assert_eq!(parse_reset_link(&parts(&["MQ", "abc-def"])), want);
        assert_eq!(
            parse_reset_link(&parts(&["https://example.com/accounts/reset/MQ/abc-def/"])),
            want
        );
        assert_eq!(
            parse_reset_link(&parts(&["https://example.com/reset/MQ/abc-def?x=1"])),
            want
        );
        assert!(parse_reset_link(&parts(&["MQ"])).is_none());
        // As copied from an email saved with CRLF lines.
        assert_eq!(parse_reset_link(&parts(&[" MQ ", "abc-def\r"])), want);
        assert_eq!(parse_reset_link(&parts(&["MQ abc-def\r\n"])), want);
        assert_eq!(
            parse_reset_link(&parts(&["https://example.com/reset/MQ/abc-def/\r"])),
            want
        );
    }
}
