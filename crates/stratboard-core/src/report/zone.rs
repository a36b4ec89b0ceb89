//! Which clock the protocol's times are written in. The session records times in UTC (a
//! registration's arrival and leaving, the session's opening); the protocol writes them as
//! the room's local time, which is this computer's time zone ([`Zone::Local`]) unless a
//! caller fixes the offset ([`Zone::Fixed`]: tests, so that goldens do not depend on the
//! machine). The zone is named once in the protocol ("UTC+03:00"), so a paper copy is never
//! ambiguous. A vote's seal keeps its own UTC time: it is matched with the file.

use chrono::{DateTime, FixedOffset, Offset as _, TimeZone as _, Utc};

/// The time zone the protocol writes times in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Zone {
    /// This computer's time zone (with its daylight saving time at each moment).
    #[default]
    Local,
    /// A fixed offset from UTC.
    Fixed(FixedOffset),
}

impl Zone {
    /// `at` as the wall-clock time of this zone.
    pub fn local(self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        let offset = match self {
            Self::Local => chrono::Local
                .offset_from_utc_datetime(&at.naive_utc())
                .fix(),
            Self::Fixed(offset) => offset,
        };
        at.with_timezone(&offset)
    }

    /// The zone's offset at `at` as the protocol names it: "UTC+03:00".
    pub fn name_at(self, at: DateTime<Utc>) -> String {
        format!("UTC{}", self.local(at).format("%:z"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_zone_shifts_and_names_the_offset() {
        let moscow = Zone::Fixed(FixedOffset::east_opt(3 * 3600).expect("a valid offset"));
        let at = DateTime::parse_from_rfc3339("2026-03-12T07:05:00Z")
            .expect("a valid time")
            .with_timezone(&Utc);
        assert_eq!(moscow.local(at).format("%H:%M").to_string(), "10:05");
        assert_eq!(moscow.name_at(at), "UTC+03:00");
        let west = Zone::Fixed(FixedOffset::west_opt(5 * 3600 + 1800).expect("a valid offset"));
        assert_eq!(west.name_at(at), "UTC-05:30");
    }
}
