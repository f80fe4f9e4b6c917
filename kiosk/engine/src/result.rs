//! The result of a visit (output of `kiosk simulate` and `kiosk replay`, CONTRACTS.md,
//! version 1), built from the answers and the domain scores by one function.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::content::ScoringRules;
use crate::profile::{Answers, VisitorProfile};
use crate::scoring::{DomainResult, DomainStatus, assess};
use crate::vocabulary::Domain;

/// Level rank and id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelRef {
    /// 1–5.
    pub rank: u8,
    /// `eloigne` … `autonome`.
    pub id: String,
}

/// When a place can receive the visitor, for the screen and the slip (not in the JSON, which
/// has `open_now`, `next_opening` and `today_hours`).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Availability {
    /// No hours published, or the hours say "unknown": call before going.
    #[default]
    Unknown,
    /// Hours published in words the kiosk cannot read: shown as published.
    AsPublished(String),
    /// Open now, until this time today.
    OpenNow {
        /// Closing time of the current opening.
        until: Option<NaiveTime>,
    },
    /// Closed now, opens again later today.
    OpensToday {
        /// Opening time.
        at: NaiveTime,
    },
    /// Closed today, opens on a later day.
    OpensLater {
        /// Date and time of the next opening.
        at: NaiveDateTime,
        /// Days from today (1: tomorrow).
        days_ahead: i64,
    },
}

/// A place, with the facts the data gives (`None` for unknown facts, never guessed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceSummary {
    /// Id in the directory (or of the local offer, for an offer with its own address).
    pub id: String,
    /// Name, in normal case when the directory published it in capitals
    /// ([`crate::places::readable_name`]).
    pub name: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// Commune, in normal case when published in capitals.
    pub commune: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Phone, in its country's national format ("05 45 95 35 44"); as published when it
    /// does not parse ([`crate::places::national_phone`]).
    pub phone: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Appointment link.
    pub appointment_url: Option<String>,
    /// Opening hours (OSM syntax).
    pub opening_hours: Option<String>,
    /// Open at `--now`.
    pub open_now: Option<bool>,
    /// Next opening (local time, `YYYY-MM-DDTHH:MM`), when closed now.
    pub next_opening: Option<String>,
    /// Today's opening ranges (`09:00-12:00`), `None` without readable hours.
    pub today_hours: Option<Vec<String>>,
    /// Distance from the visitor or the kiosk.
    pub distance_km: Option<f64>,
    /// True only when the place declares it.
    pub wheelchair_accessible: Option<bool>,
    /// `en` / `other`.
    pub languages: Vec<String>,
    /// Free of charge: `true` when it says so, `false` when it only says it is paid for.
    pub free: Option<bool>,
    /// The visitor's access needs: `true` when the place is known to meet one, `null` when
    /// unknown.
    pub needs: BTreeMap<String, Option<bool>>,
    /// The place's accessibility sheet (acceslibre), if published.
    pub accessibility_url: Option<String>,
    /// Kinds of place (`typologie` values of the schema's vocabulary: `RFS`, `MUNI`,
    /// `BIB`…), named in words by the `place_kind.*` keys; empty when unknown. Absent from
    /// results written before it existed.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// When it can receive the visitor, for the screen and the slip.
    #[serde(skip)]
    pub availability: Availability,
}

impl PlaceSummary {
    /// When the place can receive the visitor, from the facts of the result JSON (which has
    /// no `availability`): what a result read from a file shows at `now`, the clock the
    /// result was made with.
    pub fn restore_availability(&mut self, now: NaiveDateTime) {
        let parse_time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").ok();
        let next = self
            .next_opening
            .as_deref()
            .and_then(|n| NaiveDateTime::parse_from_str(n, "%Y-%m-%dT%H:%M").ok());
        self.availability = match (&self.opening_hours, self.open_now, next) {
            (Some(hours), None, None) if self.today_hours.is_none() => {
                Availability::AsPublished(hours.clone())
            }
            (Some(_), Some(true), _) => Availability::OpenNow {
                until: self.today_hours.iter().flatten().find_map(|range| {
                    let (start, end) = range.split_once('-')?;
                    let (start, end) = (parse_time(start)?, parse_time(end)?);
                    (start <= now.time() && (now.time() < end || end == NaiveTime::MIN)).then_some(end)
                }),
            },
            (Some(_), _, Some(at)) if at.date() == now.date() => Availability::OpensToday { at: at.time() },
            (Some(_), _, Some(at)) => {
                Availability::OpensLater { at, days_ahead: (at.date() - now.date()).num_days() }
            }
            (None, _, _) | (Some(_), _, None) => Availability::Unknown,
        };
    }
}

/// A local offer (`scenarios/local-offers.toml`): a workshop, a French course, a class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferSummary {
    /// Id in the local-offers file.
    pub id: String,
    /// Its name, as the organiser writes it.
    pub name: String,
    /// Weekly schedule (OSM syntax), if any.
    pub schedule: Option<String>,
    /// Next session (local time, `YYYY-MM-DDTHH:MM`).
    pub next_session: Option<String>,
    /// Level ids it suits; empty: every level.
    pub levels: Vec<String>,
    /// Languages spoken besides French.
    pub languages: Vec<String>,
    /// Seats per session.
    pub capacity: Option<u32>,
    /// Phone to register.
    pub phone: Option<String>,
}

/// A kind of help, with a place when one is known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// `help_with_procedures`, `digital_workshop`, `quick_help`, `equipment`,
    /// `french_course`, `literacy`, `self_service`.
    pub kind: String,
    /// Why, in the visitor's language, and how to find one when `place` is `None`.
    pub reason: String,
    /// The place, or `None`.
    pub place: Option<PlaceSummary>,
    /// The local offer this place holds, when the recommendation is one.
    pub offer: Option<OfferSummary>,
}

/// The result of a visit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[expect(clippy::struct_excessive_bools, reason = "the fields of the result contract")]
pub struct VisitResult {
    /// Format version: 1.
    pub version: u32,
    /// Language of the visit.
    pub language: String,
    /// Level.
    pub level: LevelRef,
    /// `assist`, `train`, `boost` or `none`.
    pub modality: String,
    /// A procedure is due today: help today comes first.
    pub urgent_help_first: bool,
    /// Brakes detected.
    pub obstacles: Vec<String>,
    /// At ease in their language, not in French: French courses.
    pub french_course: bool,
    /// French speaker who reads with difficulty: reading support.
    pub literacy_support: bool,
    /// All six domains.
    pub domains: BTreeMap<Domain, DomainResult>,
    /// DigComp 2.2 competences shown (mastered domains).
    pub digcomp: Vec<String>,
    /// Why, for the agent.
    pub reasons: Vec<String>,
    /// Kinds of help and places, most useful first.
    pub recommendations: Vec<Recommendation>,
    /// What the visitor can already do (ids the result screen and the slip put in words:
    /// domain ids, `smartphone`, `email`, `procedures`).
    pub can_do: Vec<String>,
    /// The hands-on part ended early and kindly (basics out of reach today).
    pub stopped_early: bool,
}

/// The recommendations of a kind of help, each with its index in the result, best first.
pub type OfKind<'a> = Vec<(usize, &'a Recommendation)>;

/// Recommendations grouped by kind of help, kinds in the order they first appear: the result
/// screen, the slip and the codes to photograph group them the same way.
pub fn by_kind(recommendations: &[Recommendation]) -> Vec<(&str, OfKind<'_>)> {
    let mut kinds: Vec<(&str, OfKind<'_>)> = Vec::new();
    for (index, recommendation) in recommendations.iter().enumerate() {
        match kinds.iter_mut().find(|(kind, _)| *kind == recommendation.kind) {
            Some((_, of_kind)) => of_kind.push((index, recommendation)),
            None => kinds.push((&recommendation.kind, vec![(index, recommendation)])),
        }
    }
    kinds
}

impl VisitResult {
    /// A result read back from its JSON (`kiosk slip`, `kiosk print`), with the places'
    /// availability restored at `now`.
    ///
    /// # Errors
    /// The text is not a result of version 1.
    pub fn from_json(text: &str, now: NaiveDateTime) -> Result<Self, String> {
        let mut result: Self = serde_json::from_str(text).map_err(|e| format!("not a result: {e}"))?;
        if result.version != 1 {
            return Err(format!("result version {} (this kiosk reads version 1)", result.version));
        }
        for place in result.recommendations.iter_mut().filter_map(|r| r.place.as_mut()) {
            place.restore_availability(now);
        }
        Ok(result)
    }
}

const OBSTACLE_ORDER: [&str; 5] = ["equipment", "fear", "french", "dont_know_how", "no_interest"];

/// Builds the result from answers and domain scores.
pub fn build_result(
    language: &str,
    answers: &Answers,
    scores: &BTreeMap<Domain, Option<f32>>,
    inferred: &[Domain],
    stopped_early: bool,
    rules: &ScoringRules,
) -> VisitResult {
    let assessment = assess(answers, scores, inferred, rules);
    let mut reasons = vec![assessment.reason.clone()];
    let has = |question: &str, value: &str| answers.has_any(question, &[value.to_owned()]);

    let mut obstacles: Vec<&str> = answers
        .values_of("obstacles")
        .unwrap_or_default()
        .into_iter()
        .filter_map(|o| OBSTACLE_ORDER.iter().copied().find(|known| *known == o))
        .collect();
    if has("devices", "none") || has("internet_at_home", "no") {
        obstacles.push("equipment");
        reasons.push("no device or no internet at home".to_owned());
    }
    let french_hard = has("french_reading", "hard") || has("french_reading", "some");
    let allophone = language != crate::REFERENCE_LANGUAGE;
    let french_course = allophone && french_hard;
    if french_course {
        obstacles.push("french");
        reasons.push(format!("takes the test in {language:?} and reads French with difficulty"));
    }
    let literacy_support = !allophone && (has("french_reading", "hard") || has("access_needs", "reading"));
    if literacy_support {
        reasons.push("reads French with difficulty".to_owned());
    }
    if assessment.rank <= 3 {
        obstacles.push("dont_know_how");
    }
    obstacles.sort_by_key(|o| OBSTACLE_ORDER.iter().position(|known| known == o));
    obstacles.dedup();

    let mut digcomp: Vec<String> = assessment
        .domains
        .iter()
        .filter(|(_, r)| r.status == DomainStatus::Mastered)
        .flat_map(|(d, _)| rules.digcomp.get(d.id()).cloned().unwrap_or_default())
        .collect();
    digcomp.sort();
    digcomp.dedup();

    let mut can_do: Vec<String> = assessment
        .domains
        .iter()
        .filter(|(_, r)| matches!(r.status, DomainStatus::Mastered | DomainStatus::Partial))
        .map(|(d, _)| d.id().to_owned())
        .collect();
    // What they said they do, unless the hands-on part already showed it.
    let said = [
        ("devices", "smartphone", "smartphone"),
        ("email", "uses", "email"),
        ("procedures_alone", "yes", "procedures"),
    ];
    for (question, answer, id) in said {
        if has(question, answer) && !can_do.iter().any(|c| c == id) {
            can_do.push(id.to_owned());
        }
    }
    if stopped_early {
        reasons.push("the hands-on part stopped early: the mouse is not yet at ease".to_owned());
    }

    VisitResult {
        version: 1,
        language: language.to_owned(),
        level: LevelRef { rank: assessment.rank, id: assessment.level },
        modality: assessment.modality,
        urgent_help_first: answers.urgent_procedure == Some(true),
        obstacles: obstacles.into_iter().map(str::to_owned).collect(),
        french_course,
        literacy_support,
        domains: assessment.domains,
        digcomp,
        reasons,
        recommendations: Vec::new(),
        can_do,
        stopped_early,
    }
}

/// The result of a profile (`kiosk simulate`).
pub fn simulate(profile: &VisitorProfile, rules: &ScoringRules) -> VisitResult {
    build_result(&profile.language, &profile.answers, &profile.domains, &[], false, rules)
}
