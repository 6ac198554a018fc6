//! Django's `TIME_ZONE` and `USE_TZ`: which wall clock a site's naive datetimes are on.
//!
//! Django sets the process's `TZ` to `TIME_ZONE`, so the reset token's timestamp
//! (`datetime.now()`) counts local wall-clock seconds. With `USE_TZ = False` it also stores
//! `last_login` and `date_joined` as local wall time (on SQLite, as text without an offset),
//! and the token covers `last_login` in that form. authctl keeps instants in UTC and converts
//! only where Django's naive values are made or read.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};
use jiff::tz::{AmbiguousOffset, TimeZone};

/// A site's zone, read from the system's time-zone database (`/usr/share/zoneinfo`, where
/// Python's `zoneinfo` reads it too) when a setting names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteTime {
    pub zone: TimeZone,
    /// Django's `USE_TZ`: datetimes in the database are instants (true) or local wall time.
    pub use_tz: bool,
}

impl Default for SiteTime {
    /// What `django-admin startproject` writes: `TIME_ZONE = "UTC"`, `USE_TZ = True`.
    fn default() -> SiteTime {
        SiteTime {
            zone: TimeZone::UTC,
            use_tz: true,
        }
    }
}

impl SiteTime {
    /// Reads an IANA zone name as Django's `TIME_ZONE` takes it.
    pub fn zone_named(name: &str) -> Option<TimeZone> {
        match name {
            "UTC" => Some(TimeZone::UTC),
            _ => TimeZone::get(name).ok(),
        }
    }

    /// The wall-clock time Django's `datetime.now()` gives at `now`.
    pub fn wall(&self, now: DateTime<Utc>) -> NaiveDateTime {
        let offset = self.zone.to_offset(timestamp(now)).seconds();
        now.naive_utc() + chrono::Duration::seconds(i64::from(offset))
    }

    /// A model datetime as Django holds it in Python: naive UTC with `USE_TZ` (once made
    /// naive, as the token does), local wall time without.
    pub fn naive(&self, t: DateTime<Utc>) -> NaiveDateTime {
        match self.use_tz {
            true => t.naive_utc(),
            false => self.wall(t),
        }
    }

    /// The instant a naive datetime read from the database stands for. A wall time that a
    /// clock change makes happen twice is taken at its first occurrence, and one that never
    /// happens (skipped by a change) an hour later, as the clock read then.
    pub fn instant(&self, naive: NaiveDateTime) -> DateTime<Utc> {
        if self.use_tz {
            return naive.and_utc();
        }
        let Some(civil) = civil(naive) else {
            return naive.and_utc();
        };
        let offset = match self.zone.to_ambiguous_timestamp(civil).offset() {
            AmbiguousOffset::Unambiguous { offset } => offset,
            // The first occurrence is the one before the clocks went back.
            AmbiguousOffset::Fold { before, .. } => before,
            AmbiguousOffset::Gap { .. } => {
                return self.instant(naive + chrono::Duration::hours(1));
            }
        };
        naive.and_utc() - chrono::Duration::seconds(i64::from(offset.seconds()))
    }
}

fn timestamp(t: DateTime<Utc>) -> jiff::Timestamp {
    // Every instant chrono holds that a site can mean is within jiff's range.
    jiff::Timestamp::from_second(t.timestamp()).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

/// A naive datetime as jiff's civil one (to the second: offsets are whole seconds).
fn civil(t: NaiveDateTime) -> Option<jiff::civil::DateTime> {
    let date: NaiveDate = t.date();
    jiff::civil::DateTime::new(
        i16::try_from(date.year()).ok()?,
        i8::try_from(date.month()).ok()?,
        i8::try_from(date.day()).ok()?,
        i8::try_from(t.hour()).ok()?,
        i8::try_from(t.minute()).ok()?,
        i8::try_from(t.second()).ok()?,
        0,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    #[test]
    fn local_wall_time_round_trips_and_survives_clock_changes() {
        let paris = SiteTime {
            zone: SiteTime::zone_named("Europe/Paris").unwrap(),
            use_tz: false,
        };
        let t = Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).unwrap();
        assert_eq!(paris.naive(t).to_string(), "2026-07-01 12:00:00");
        assert_eq!(paris.instant(paris.naive(t)), t);
        let utc = SiteTime::default();
        assert_eq!(utc.naive(t).to_string(), "2026-07-01 10:00:00");
        assert_eq!(utc.instant(utc.naive(t)), t);
        // 02:30 on the last Sunday of March does not happen in Paris.
        let skipped = chrono::NaiveDate::from_ymd_opt(2026, 3, 29)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert_eq!(
            paris.instant(skipped),
            Utc.with_ymd_and_hms(2026, 3, 29, 1, 30, 0).unwrap()
        );
        assert!(SiteTime::zone_named("Mars/Olympus").is_none());
    }
}
