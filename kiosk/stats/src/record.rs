//! What one visit leaves in the statistics: a day, a kiosk, a language and, when the visit
//! reached its result, the level, the modality, the status of each domain and the kinds of
//! help recommended with whether a place was found for each. Nothing typed, no answer, no
//! name, no postcode, no time of day.

use chrono::NaiveDate;
use repere_engine::content::levels::MODALITIES;
use repere_engine::content::orientation::HELP_KINDS;
use repere_engine::result::VisitResult;
use repere_engine::scoring::DomainStatus;
use repere_engine::vocabulary::Domain;

/// The level ids of the result contract, rank 1 to 5.
pub const LEVELS: [&str; 5] = ["eloigne", "debutant", "intermediaire", "avance", "autonome"];

/// The statuses of a domain, in the order of [`DomainStatus`].
pub const STATUSES: [DomainStatus; 4] =
    [DomainStatus::NotReached, DomainStatus::NotYet, DomainStatus::Partial, DomainStatus::Mastered];

/// One visit, anonymous.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitRecord {
    /// The day of the visit, in the kiosk's time zone.
    pub day: NaiveDate,
    /// The config's `kiosk_id`.
    pub kiosk: String,
    /// The language of the visit (the last one chosen).
    pub language: String,
    /// What the result said; `None` when the visit ended before its result (stopped, or left
    /// idle), counted as a visit not finished.
    pub outcome: Option<Outcome>,
}

/// What a finished visit's result said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Level id (`eloigne` … `autonome`).
    pub level: String,
    /// `assist`, `train`, `boost` or `none`.
    pub modality: String,
    /// The status of each domain, in the order of [`Domain::ALL`].
    pub domains: [DomainStatus; 6],
    /// Kinds of help recommended, most useful first, each once.
    pub help: Vec<String>,
    /// The kinds of `help` for which no suitable place was found.
    pub help_without_place: Vec<String>,
}

impl VisitRecord {
    /// The record of a visit that reached `result`.
    pub fn finished(day: NaiveDate, kiosk: &str, result: &VisitResult) -> Self {
        let domains = Domain::ALL
            .map(|domain| result.domains.get(&domain).map_or(DomainStatus::NotReached, |found| found.status));
        let mut help: Vec<String> = Vec::new();
        let mut help_without_place: Vec<String> = Vec::new();
        for recommendation in &result.recommendations {
            if !help.contains(&recommendation.kind) {
                help.push(recommendation.kind.clone());
            }
        }
        for kind in &help {
            let placed = result.recommendations.iter().any(|r| r.kind == *kind && r.place.is_some());
            if !placed {
                help_without_place.push(kind.clone());
            }
        }
        Self {
            day,
            kiosk: kiosk.to_owned(),
            language: result.language.clone(),
            outcome: Some(Outcome {
                level: result.level.id.clone(),
                modality: result.modality.clone(),
                domains,
                help,
                help_without_place,
            }),
        }
    }

    /// The record of a visit that ended before its result: its language only.
    pub fn not_finished(day: NaiveDate, kiosk: &str, language: &str) -> Self {
        Self { day, kiosk: kiosk.to_owned(), language: language.to_owned(), outcome: None }
    }
}

/// The letter of a status in the `domains` column.
fn status_letter(status: DomainStatus) -> char {
    match status {
        DomainStatus::NotReached => '-',
        DomainStatus::NotYet => 'n',
        DomainStatus::Partial => 'p',
        DomainStatus::Mastered => 'm',
    }
}

/// The index in [`STATUSES`] of a letter of the `domains` column.
pub(crate) fn status_index(letter: u8) -> Option<usize> {
    match letter {
        b'-' => Some(0),
        b'n' => Some(1),
        b'p' => Some(2),
        b'm' => Some(3),
        _ => None,
    }
}

/// The columns of a record as stored: `domains` is one letter per domain in the order of
/// [`Domain::ALL`] (`m` mastered, `p` partial, `n` not yet, `-` not reached), `help` and
/// `help_without_place` are comma-separated kinds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredOutcome {
    /// Level id.
    pub level: String,
    /// Modality.
    pub modality: String,
    /// Six letters.
    pub domains: String,
    /// Comma-separated kinds.
    pub help: String,
    /// Comma-separated kinds.
    pub help_without_place: String,
}

impl Outcome {
    /// The columns as stored.
    pub fn stored(&self) -> StoredOutcome {
        StoredOutcome {
            level: self.level.clone(),
            modality: self.modality.clone(),
            domains: self.domains.iter().map(|s| status_letter(*s)).collect(),
            help: self.help.join(","),
            help_without_place: self.help_without_place.join(","),
        }
    }
}

/// Index of a modality.
pub(crate) fn modality_index(id: &[u8]) -> Option<usize> {
    MODALITIES.iter().position(|m| m.as_bytes() == id)
}

/// Bit set of the kinds in a comma-separated list (bit `i` = [`HELP_KINDS`]`[i]`); unknown
/// kinds (written by a later version) are left out.
pub(crate) fn help_bits(list: &[u8]) -> u8 {
    list.split(|b| *b == b',')
        .filter_map(|kind| HELP_KINDS.iter().position(|k| k.as_bytes() == kind))
        .fold(0, |bits, i| bits | (1 << i))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use repere_engine::result::{LevelRef, Recommendation};
    use repere_engine::scoring::DomainResult;

    use super::*;

    fn result() -> VisitResult {
        let status = |status| DomainResult { score: 0.5, status, inferred: false };
        let mut domains = BTreeMap::new();
        domains.insert(Domain::Mouse, status(DomainStatus::Mastered));
        domains.insert(Domain::Keyboard, status(DomainStatus::Partial));
        domains.insert(Domain::Internet, status(DomainStatus::NotYet));
        let help = |kind: &str, place: bool| Recommendation {
            kind: kind.to_owned(),
            reason: "typed by nobody".to_owned(),
            place: place.then(|| repere_engine::result::PlaceSummary {
                id: "p".to_owned(),
                name: "Médiathèque".to_owned(),
                address: "1 rue".to_owned(),
                postcode: "16100".to_owned(),
                commune: "Cognac".to_owned(),
                lat: None,
                lon: None,
                phone: None,
                website: None,
                appointment_url: None,
                opening_hours: None,
                open_now: None,
                next_opening: None,
                today_hours: None,
                distance_km: None,
                wheelchair_accessible: None,
                languages: Vec::new(),
                free: None,
                needs: BTreeMap::new(),
                accessibility_url: None,
                kinds: Vec::new(),
                availability: repere_engine::result::Availability::Unknown,
            }),
            offer: None,
        };
        VisitResult {
            version: 1,
            language: "ar".to_owned(),
            level: LevelRef { rank: 2, id: "debutant".to_owned() },
            modality: "train".to_owned(),
            urgent_help_first: false,
            obstacles: vec!["fear".to_owned()],
            french_course: true,
            literacy_support: false,
            domains,
            digcomp: Vec::new(),
            reasons: vec!["a reason".to_owned()],
            recommendations: vec![
                help("digital_workshop", true),
                help("digital_workshop", true),
                help("french_course", false),
                help("equipment", true),
            ],
            can_do: Vec::new(),
            stopped_early: false,
        }
    }

    #[test]
    fn a_finished_visit_keeps_only_the_anonymous_fields() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let record = VisitRecord::finished(day, "cognac-1", &result());
        let outcome = record.outcome.clone().unwrap();
        assert_eq!(record.language, "ar");
        assert_eq!(outcome.help, ["digital_workshop", "french_course", "equipment"], "each kind once");
        assert_eq!(outcome.help_without_place, ["french_course"]);
        let stored = outcome.stored();
        assert_eq!(stored.domains, "mpn---", "missing domains are not reached");
        assert_eq!(stored.help, "digital_workshop,french_course,equipment");
        assert_eq!(help_bits(stored.help_without_place.as_bytes()), 1 << 4);
        let debug = format!("{record:?}");
        for personal in ["Médiathèque", "16100", "typed by nobody", "fear", "a reason"] {
            assert!(!debug.contains(personal), "{personal} must not be recorded: {debug}");
        }
    }
}
