//! Opening hours in OpenStreetMap `opening_hours` syntax (the schema's `horaires`), parsed by
//! the `opening-hours` crate and evaluated at a local date-time the caller provides.

use chrono::{NaiveDateTime, NaiveTime, TimeDelta};
use opening_hours::localization::Country;
use opening_hours::{Context, OpeningHours, RuleKind};

/// How far ahead [`Hours::next_opening`] looks: a place closed for a whole year is as good as
/// closed, and the bound keeps the search short.
const LOOK_AHEAD_DAYS: i64 = 366;

/// A place's opening hours: the text as published, and its parsed form when it parses.
///
/// Every evaluation takes `now` as a naive date-time in the kiosk's time zone (the caller
/// converts from UTC), so results are deterministic for a given `now`. French public
/// holidays are known, so `PH off` works.
#[derive(Clone, Debug, PartialEq)]
pub struct Hours {
    /// The text as published, trimmed.
    raw: String,
    /// The parsed form, `None` when the text does not parse.
    parsed: Option<OpeningHours>,
}

impl Hours {
    /// Parses `raw` (trimmed); unparsable text is kept, with no parsed form.
    pub fn parse(raw: &str) -> Self {
        let raw = raw.trim();
        let parsed = raw
            .parse::<OpeningHours>()
            .ok()
            .map(|hours| hours.with_context(Context::default().with_holidays(Country::FR.holidays())));
        Self { raw: raw.to_owned(), parsed }
    }

    /// The text as published (trimmed), to show when it could not be parsed.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// Whether the text parsed; without it every evaluation answers `None`.
    pub fn is_parsed(&self) -> bool {
        self.parsed.is_some()
    }

    /// Open at `now`? `None` when the hours did not parse or say "unknown" at that time.
    pub fn is_open(&self, now: NaiveDateTime) -> Option<bool> {
        match self.parsed.as_ref()?.state(now).0 {
            RuleKind::Open => Some(true),
            RuleKind::Closed => Some(false),
            RuleKind::Unknown => None,
        }
    }

    /// When the place next opens after `now`: `None` when it is open now, when its state is
    /// unknown, or when it does not open within a year.
    pub fn next_opening(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        if self.is_open(now)? {
            return None;
        }
        let parsed = self.parsed.as_ref()?;
        parsed
            .iter_range(now, now + TimeDelta::days(LOOK_AHEAD_DAYS))
            .find(|range| range.kind == RuleKind::Open)
            .map(|range| range.range.start)
    }

    /// The opening ranges of `now`'s day, in order ("open today 9:00–12:00, 14:00–18:30");
    /// empty when closed all day, `None` when the hours did not parse. A range running to
    /// midnight ends at 00:00.
    pub fn today_ranges(&self, now: NaiveDateTime) -> Option<Vec<(NaiveTime, NaiveTime)>> {
        let parsed = self.parsed.as_ref()?;
        let start = now.date().and_time(NaiveTime::MIN);
        let ranges = parsed
            .iter_range(start, start + TimeDelta::days(1))
            .filter(|range| range.kind == RuleKind::Open)
            .map(|range| (range.range.start.time(), range.range.end.time()))
            .collect();
        Some(ranges)
    }
}
