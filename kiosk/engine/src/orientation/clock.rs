//! The kiosk's local time, for opening hours: the system clock or a fixed instant (`--now`),
//! in the deployment's time zone.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};
use chrono_tz::Tz;

/// Tells the local date and time of the kiosk.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KioskClock {
    zone: Tz,
    fixed: Option<DateTime<FixedOffset>>,
}

impl KioskClock {
    /// A clock in `zone` (an IANA name such as `Europe/Paris`), fixed at `fixed` (RFC 3339)
    /// when given, so that results are deterministic.
    pub fn new(zone: &str, fixed: Option<&str>) -> Result<Self, String> {
        let zone: Tz =
            zone.parse().map_err(|_| format!("{zone:?} is not an IANA time zone like Europe/Paris"))?;
        let fixed = fixed
            .map(|text| {
                DateTime::parse_from_rfc3339(text)
                    .map_err(|err| format!("--now {text:?} is not an RFC 3339 date-time ({err})"))
            })
            .transpose()?;
        Ok(Self { zone, fixed })
    }

    /// The local date and time now.
    pub fn now(&self) -> NaiveDateTime {
        match self.fixed {
            Some(fixed) => fixed.with_timezone(&self.zone).naive_local(),
            None => Utc::now().with_timezone(&self.zone).naive_local(),
        }
    }

    /// True when the time was fixed (`--now`).
    pub fn is_fixed(&self) -> bool {
        self.fixed.is_some()
    }
}

/// True for a time zone the kiosk knows.
pub fn is_time_zone(name: &str) -> bool {
    name.parse::<Tz>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_instant_is_read_in_the_kiosk_zone() {
        let clock = KioskClock::new("Europe/Paris", Some("2026-11-23T09:30:00Z")).unwrap();
        assert_eq!(clock.now().to_string(), "2026-11-23 10:30:00", "UTC+1 in winter");
        assert!(KioskClock::new("Mars/Olympus", None).is_err(), "unknown zone");
        assert!(KioskClock::new("Europe/Paris", Some("monday")).is_err(), "bad instant");
    }
}
