//! How outcomes become a level (`scenarios/levels.toml`): task weights, domain status
//! thresholds, the ordered level rules and the DigComp map.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::problem::{Problem, line_of, toml_problem};
use crate::vocabulary::{Domain, known_question};

/// One of the five shared levels.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LevelInfo {
    /// Id used in JSON (`debutant`).
    pub id: String,
    /// 1 (far from digital) to 5 (autonomous).
    pub rank: u8,
}

/// How much help, retries and slowness lower a success (never below `floor`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TaskWeights {
    /// Lost per "hear again" or "show me" during the task.
    pub help: f32,
    /// Lost per extra attempt or mis-click.
    pub retry: f32,
    /// Lost when slower than the task's typical time for a beginner.
    pub slow: f32,
    /// A success never weighs less than this.
    pub floor: f32,
}

/// Score thresholds of the domain statuses.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StatusThresholds {
    /// At or above: `mastered`.
    pub mastered: f32,
    /// At or above: `partial`; below: `not_yet`.
    pub partial: f32,
}

/// A condition of a level rule.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(untagged, deny_unknown_fields)]
pub enum Condition {
    /// The domain's status is one of these (`not_reached`, `not_yet`, `partial`, `mastered`).
    Domain {
        /// Domain id.
        domain: String,
        /// Statuses that satisfy the condition.
        status: Vec<String>,
    },
    /// The visitor gave one of these answers (yes/no questions answer `yes` or `no`).
    Answer {
        /// Question id.
        answer: String,
        /// Answers that satisfy the condition.
        is: Vec<String>,
    },
}

/// A level rule: the first rule whose conditions hold gives the level and the modality.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LevelRule {
    /// Level id.
    pub level: String,
    /// Support modality: `assist`, `train`, `boost` or `none`.
    pub modality: String,
    /// Why, in one sentence for the agent reading the result.
    pub reason: String,
    /// All of these must hold.
    #[serde(default)]
    pub all: Vec<Condition>,
    /// At least one of these must hold (ignored when empty).
    #[serde(default)]
    pub any: Vec<Condition>,
}

/// The scoring rules.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoringRules {
    /// The five levels, by rank.
    pub levels: Vec<LevelInfo>,
    /// Task weights.
    pub weights: TaskWeights,
    /// Status thresholds.
    pub status: StatusThresholds,
    /// Level rules, in order.
    pub rules: Vec<LevelRule>,
    /// Domain id → DigComp 2.2 competence ids shown when the domain is mastered.
    pub digcomp: BTreeMap<String, Vec<String>>,
}

impl ScoringRules {
    /// Level ids by rank.
    pub fn level_ids(&self) -> Vec<&str> {
        self.levels.iter().map(|level| level.id.as_str()).collect()
    }

    /// The level with this id.
    pub fn level(&self, id: &str) -> Option<&LevelInfo> {
        self.levels.iter().find(|level| level.id == id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelsFile {
    level: Vec<LevelInfo>,
    weights: TaskWeights,
    status: StatusThresholds,
    rule: Vec<toml::Spanned<LevelRule>>,
    digcomp: BTreeMap<String, Vec<String>>,
}

/// Statuses a domain condition may name.
pub const STATUSES: [&str; 4] = ["not_reached", "not_yet", "partial", "mastered"];

/// Modalities a rule may give.
pub const MODALITIES: [&str; 4] = ["assist", "train", "boost", "none"];

/// Parses and checks `scenarios/levels.toml`.
pub fn parse_levels(path: &str, text: &str) -> Result<ScoringRules, Vec<Problem>> {
    let file: LevelsFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let mut problems = Vec::new();
    let expected = ["eloigne", "debutant", "intermediaire", "avance", "autonome"];
    let ids: Vec<&str> = file.level.iter().map(|level| level.id.as_str()).collect();
    if ids != expected || file.level.iter().enumerate().any(|(i, l)| usize::from(l.rank) != i + 1) {
        problems.push(Problem::file(
            path,
            format!("the levels must be, by rank 1 to 5: {}", expected.join(", ")),
        ));
    }
    let w = &file.weights;
    for (name, value) in [("help", w.help), ("retry", w.retry), ("slow", w.slow), ("floor", w.floor)] {
        if !(0.0..=1.0).contains(&value) {
            problems.push(Problem::file(path, format!("weights.{name} = {value} is out of range (0 to 1)")));
        }
    }
    let s = &file.status;
    if !(0.0 < s.partial && s.partial < s.mastered && s.mastered <= 1.0) {
        problems.push(Problem::file(path, "status thresholds must satisfy 0 < partial < mastered ≤ 1"));
    }
    for (index, spanned) in file.rule.iter().enumerate() {
        let line = Some(line_of(text, spanned.span().start));
        let rule = spanned.get_ref();
        if !expected.contains(&rule.level.as_str()) {
            problems.push(Problem::at(path, line, format!("rule gives unknown level {:?}", rule.level)));
        }
        if !MODALITIES.contains(&rule.modality.as_str()) {
            problems.push(Problem::at(
                path,
                line,
                format!("unknown modality {:?}; modalities: {}", rule.modality, MODALITIES.join(", ")),
            ));
        }
        for condition in rule.all.iter().chain(&rule.any) {
            if let Some(message) = condition_problem(condition) {
                problems.push(Problem::at(path, line, message));
            }
        }
        let last = index + 1 == file.rule.len();
        if last && !(rule.all.is_empty() && rule.any.is_empty()) {
            problems.push(Problem::at(
                path,
                line,
                "the last rule must have no conditions, so that every visitor gets a level",
            ));
        }
    }
    if file.rule.is_empty() {
        problems.push(Problem::file(path, "at least one [[rule]] is needed"));
    }
    for domain in file.digcomp.keys() {
        if Domain::from_id(domain).is_none() {
            problems.push(Problem::file(path, format!("digcomp: unknown domain {domain:?}")));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ScoringRules {
        levels: file.level,
        weights: file.weights,
        status: file.status,
        rules: file.rule.into_iter().map(toml::Spanned::into_inner).collect(),
        digcomp: file.digcomp,
    })
}

/// What is wrong with a condition, if anything.
pub fn condition_problem(condition: &Condition) -> Option<String> {
    match condition {
        Condition::Domain { domain, status } => {
            if Domain::from_id(domain).is_none() {
                return Some(format!("condition on unknown domain {domain:?}"));
            }
            status
                .iter()
                .find(|s| !STATUSES.contains(&s.as_str()))
                .map(|s| format!("unknown status {s:?}; statuses: {}", STATUSES.join(", ")))
        }
        Condition::Answer { answer, is } => {
            let Some(known) = known_question(answer) else {
                return Some(format!("condition on unknown question {answer:?}"));
            };
            let yes_no = ["yes", "no"];
            is.iter()
                .find(|value| {
                    let allowed = if known.answers.is_empty() { &yes_no[..] } else { known.answers };
                    !known.open && !allowed.contains(&value.as_str())
                })
                .map(|value| format!("{value:?} is not an answer of {answer:?}"))
        }
    }
}
