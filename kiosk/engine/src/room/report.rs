//! What a learner kiosk sends to the facilitator's: the result in short, a first name or
//! pseudonym if the learner gave one, and the time the visit took. Nothing typed in the
//! exercises, no postcode, no place.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::result::{LevelRef, VisitResult};
use crate::scoring::DomainStatus;
use crate::vocabulary::Domain;

/// The longest first name or pseudonym kept, in characters.
pub const NAME_MAX_CHARS: usize = 30;

/// The longest report accepted, in bytes.
pub const REPORT_MAX_BYTES: usize = 8 * 1024;

/// A learner's result as the facilitator's kiosk receives it (JSON, version 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnerReport {
    /// Format version: 1.
    pub version: u32,
    /// A random id of the visit, so that a name given later replaces the same row.
    pub learner: String,
    /// A first name or pseudonym, or none.
    pub name: Option<String>,
    /// Language of the visit.
    pub language: String,
    /// Level.
    pub level: LevelRef,
    /// The six domains' statuses.
    pub domains: BTreeMap<Domain, DomainStatus>,
    /// Brakes the visitor named (`fear`, `equipment`, …).
    pub obstacles: Vec<String>,
    /// Time from "start" to the result, in seconds.
    pub seconds: u32,
}

impl LearnerReport {
    /// The report of `result`, for the visit `learner` that took `seconds`.
    pub fn new(learner: &str, name: Option<&str>, result: &VisitResult, seconds: u32) -> Self {
        let domains = Domain::ALL
            .into_iter()
            .map(|d| (d, result.domains.get(&d).map_or(DomainStatus::NotReached, |r| r.status)))
            .collect();
        Self {
            version: 1,
            learner: learner.to_owned(),
            name: name.map(clean_name).filter(|n| !n.is_empty()),
            language: result.language.clone(),
            level: result.level.clone(),
            domains,
            obstacles: result.obstacles.clone(),
            seconds,
        }
    }

    /// A report read from what a learner kiosk sent; the name is cleaned again (control
    /// characters out, cut to [`NAME_MAX_CHARS`]).
    ///
    /// # Errors
    /// Not a report of version 1, or out of bounds.
    pub fn from_json(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() > REPORT_MAX_BYTES {
            return Err(format!("a report is at most {REPORT_MAX_BYTES} bytes"));
        }
        let mut report: Self =
            serde_json::from_slice(bytes).map_err(|e| format!("not a learner report: {e}"))?;
        if report.version != 1 {
            return Err(format!("report version {} is not 1", report.version));
        }
        if report.learner.is_empty() || report.learner.len() > 64 {
            return Err("learner: an id of 1 to 64 characters".to_owned());
        }
        if !(1..=5).contains(&report.level.rank) {
            return Err(format!("level rank {} is not 1 to 5", report.level.rank));
        }
        report.name = report.name.as_deref().map(clean_name).filter(|n| !n.is_empty());
        for domain in Domain::ALL {
            report.domains.entry(domain).or_insert(DomainStatus::NotReached);
        }
        Ok(report)
    }

    /// The report as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The domains as numbers for distances: not reached 0, not yet 1, partly 2, mastered 3.
    pub fn profile(&self) -> [u8; 6] {
        Domain::ALL.map(|d| match self.domains.get(&d).copied().unwrap_or(DomainStatus::NotReached) {
            DomainStatus::NotReached => 0,
            DomainStatus::NotYet => 1,
            DomainStatus::Partial => 2,
            DomainStatus::Mastered => 3,
        })
    }
}

/// A name as the facilitator sees it: one line, no control characters, trimmed, cut.
fn clean_name(name: &str) -> String {
    let one_line: String = name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    one_line.trim().chars().take(NAME_MAX_CHARS).collect::<String>().trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(rank: u8) -> VisitResult {
        let profile = crate::profile::VisitorProfile::from_json(
            r#"{"language": "ar", "answers": {"obstacles": ["fear"]}, "domains": {"mouse": 1.0, "keyboard": 0.0}}"#,
            &[],
        )
        .unwrap();
        let content = crate::content::Content::builtin().unwrap();
        let mut result = crate::result::simulate(&profile, &content.scoring);
        result.level.rank = rank;
        result
    }

    #[test]
    fn a_report_carries_the_result_in_short_and_round_trips() {
        let result = result(2);
        let report = LearnerReport::new("v1", Some("  Amina\n"), &result, 600);
        assert_eq!(report.name.as_deref(), Some("Amina"), "one line, trimmed");
        assert_eq!(report.domains.len(), 6, "all six domains");
        assert_eq!(report.domains[&Domain::Mouse], DomainStatus::Mastered, "mouse");
        assert_eq!(report.domains[&Domain::Procedure], DomainStatus::NotReached, "not reached");
        assert!(report.obstacles.contains(&"fear".to_owned()), "obstacles");
        assert_eq!(report.obstacles, result.obstacles, "obstacles as in the result");
        assert_eq!(LearnerReport::from_json(report.to_json().as_bytes()), Ok(report), "round trip");
    }

    #[test]
    fn names_are_cut_and_empty_names_are_none() {
        let long = "x".repeat(100);
        let report = LearnerReport::new("v1", Some(&long), &result(2), 1);
        assert_eq!(report.name.map(|n| n.chars().count()), Some(NAME_MAX_CHARS), "cut");
        assert_eq!(LearnerReport::new("v1", Some("   "), &result(2), 1).name, None, "blank");
    }

    #[test]
    fn bad_reports_are_refused() {
        let good = LearnerReport::new("v1", None, &result(2), 1);
        let mut bad_rank = good.clone();
        bad_rank.level.rank = 9;
        assert!(LearnerReport::from_json(bad_rank.to_json().as_bytes()).is_err(), "rank");
        let mut no_id = good.clone();
        no_id.learner.clear();
        assert!(LearnerReport::from_json(no_id.to_json().as_bytes()).is_err(), "id");
        assert!(LearnerReport::from_json(b"{\"version\": 1}").is_err(), "fields");
        assert!(LearnerReport::from_json(&vec![b' '; REPORT_MAX_BYTES + 1]).is_err(), "size");
        let extra = good.to_json().replacen('{', "{\"postcode\": \"16000\", ", 1);
        assert!(LearnerReport::from_json(extra.as_bytes()).is_err(), "nothing more than the report");
    }
}
