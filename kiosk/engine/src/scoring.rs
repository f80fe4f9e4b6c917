//! From task outcomes and answers to domain scores, a level and a modality. One code path
//! serves the live kiosk and `kiosk simulate`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::levels::{Condition, ScoringRules};
use crate::content::task::Task;
use crate::profile::Answers;
use crate::vocabulary::Domain;

/// What happened during one task. Nothing typed is kept here.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskOutcome {
    /// The task.
    pub task_id: String,
    /// Its domain.
    pub domain: Domain,
    /// Done as asked.
    pub success: bool,
    /// Seconds from the instruction to the end of the task.
    pub seconds: f32,
    /// Attempts (1 when right the first time).
    pub attempts: u32,
    /// Clicks or taps beside the target, wrong keys.
    pub misses: u32,
    /// "Hear again" or "show me" during the task.
    pub help: u32,
    /// The visitor pressed "skip / I don't know".
    pub skipped: bool,
}

impl TaskOutcome {
    /// The outcome's weight between 0 and 1: a success is 1, lowered (never below the floor)
    /// by help, retries and slowness; anything else is 0.
    pub fn weight(&self, task: Option<&Task>, rules: &ScoringRules) -> f32 {
        if !self.success || self.skipped {
            return 0.0;
        }
        let w = &rules.weights;
        let retries = self.attempts.saturating_sub(1) + self.misses;
        let mut weight = 1.0 - w.help * self.help as f32 - w.retry * retries as f32;
        if let Some(task) = task
            && self.seconds > task.typical_for("debutant")
        {
            weight -= w.slow;
        }
        weight.clamp(w.floor, 1.0)
    }
}

/// How far a visitor got in a domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainStatus {
    /// The test stopped before the domain.
    NotReached,
    /// Not yet.
    NotYet,
    /// Partly.
    Partial,
    /// Mastered.
    Mastered,
}

impl DomainStatus {
    /// The id used in JSON and in rules.
    pub fn id(self) -> &'static str {
        match self {
            Self::NotReached => "not_reached",
            Self::NotYet => "not_yet",
            Self::Partial => "partial",
            Self::Mastered => "mastered",
        }
    }
}

/// A domain's score and status.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DomainResult {
    /// Weighted score, 0–1 (0 when not reached).
    pub score: f32,
    /// Status from the thresholds.
    pub status: DomainStatus,
    /// True when the adaptive path skipped the domain as clearly mastered.
    pub inferred: bool,
}

/// The score of each domain from a session's outcomes: the mean weight of its outcomes.
pub fn domain_scores(
    outcomes: &[TaskOutcome],
    tasks: &[Task],
    rules: &ScoringRules,
) -> BTreeMap<Domain, Option<f32>> {
    let mut sums: BTreeMap<Domain, (f32, u32)> = BTreeMap::new();
    for outcome in outcomes {
        let task = tasks.iter().find(|t| t.id == outcome.task_id);
        let entry = sums.entry(outcome.domain).or_insert((0.0, 0));
        entry.0 += outcome.weight(task, rules);
        entry.1 += 1;
    }
    Domain::ALL
        .into_iter()
        .map(|domain| {
            let score = sums.get(&domain).map(|(sum, n)| sum / *n as f32);
            (domain, score)
        })
        .collect()
}

/// Status of a score.
pub fn status_of(score: Option<f32>, rules: &ScoringRules) -> DomainStatus {
    match score {
        None => DomainStatus::NotReached,
        Some(s) if s >= rules.status.mastered => DomainStatus::Mastered,
        Some(s) if s >= rules.status.partial => DomainStatus::Partial,
        Some(_) => DomainStatus::NotYet,
    }
}

/// True when `condition` holds for these answers and domain results.
pub fn condition_holds(
    condition: &Condition,
    answers: &Answers,
    domains: &BTreeMap<Domain, DomainResult>,
) -> bool {
    match condition {
        Condition::Domain { domain, status } => Domain::from_id(domain)
            .and_then(|d| domains.get(&d))
            .is_some_and(|r| status.iter().any(|s| s == r.status.id())),
        Condition::Answer { answer, is } => answers.has_any(answer, is),
    }
}

/// Every domain's result from scores, with `inferred` domains mastered.
pub fn domain_results(
    scores: &BTreeMap<Domain, Option<f32>>,
    inferred: &[Domain],
    rules: &ScoringRules,
) -> BTreeMap<Domain, DomainResult> {
    Domain::ALL
        .into_iter()
        .map(|domain| {
            let result = if inferred.contains(&domain) {
                DomainResult { score: 1.0, status: DomainStatus::Mastered, inferred: true }
            } else {
                let score = scores.get(&domain).copied().flatten();
                DomainResult { score: score.unwrap_or(0.0), status: status_of(score, rules), inferred: false }
            };
            (domain, result)
        })
        .collect()
}

/// The level decision: which rule matched, and the domains it saw.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// Level rank (1–5).
    pub rank: u8,
    /// Level id.
    pub level: String,
    /// Modality.
    pub modality: String,
    /// The matched rule's reason.
    pub reason: String,
    /// Every domain's result.
    pub domains: BTreeMap<Domain, DomainResult>,
}

/// Applies the level rules, in order, to the answers and the domain scores. `inferred` lists
/// domains the adaptive path skipped as clearly mastered.
pub fn assess(
    answers: &Answers,
    scores: &BTreeMap<Domain, Option<f32>>,
    inferred: &[Domain],
    rules: &ScoringRules,
) -> Assessment {
    let domains = domain_results(scores, inferred, rules);
    let holds = |condition: &Condition| condition_holds(condition, answers, &domains);
    let matched = rules
        .rules
        .iter()
        .find(|rule| rule.all.iter().all(holds) && (rule.any.is_empty() || rule.any.iter().any(holds)));
    // The last rule has no conditions (checked at load), so a match always exists.
    let (level, modality, reason) = matched.map_or(("autonome", "none", ""), |rule| {
        (rule.level.as_str(), rule.modality.as_str(), rule.reason.as_str())
    });
    Assessment {
        rank: rules.level(level).map_or(5, |l| l.rank),
        level: level.to_owned(),
        modality: modality.to_owned(),
        reason: reason.to_owned(),
        domains,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn outcome(task_id: &str, success: bool, seconds: f32, misses: u32, help: u32) -> TaskOutcome {
        TaskOutcome {
            task_id: task_id.to_owned(),
            domain: Domain::Mouse,
            success,
            seconds,
            attempts: 1,
            misses,
            help,
            skipped: !success,
        }
    }

    /// The "smartphone-only beginner" of scenarios/README.md.
    #[test]
    fn worked_example_smartphone_beginner() {
        let content = Content::builtin().unwrap();
        let outcomes = [
            outcome("mouse.click_big", true, 20.0, 0, 0),
            outcome("mouse.click_small", true, 8.0, 2, 0),
            outcome("mouse.double_click", false, 30.0, 0, 0),
            outcome("mouse.drag_drop", true, 9.0, 0, 0),
            outcome("mouse.scroll_find", true, 10.0, 1, 0),
        ];
        let weights: Vec<f32> = outcomes
            .iter()
            .map(|o| o.weight(content.tasks.iter().find(|t| t.id == o.task_id), &content.scoring))
            .collect();
        let expected = [0.8, 0.8, 0.0, 1.0, 0.9];
        for (w, e) in weights.iter().zip(expected) {
            assert!((w - e).abs() < 1e-5, "weights {weights:?}, expected {expected:?}");
        }
        let scores = domain_scores(&outcomes, &content.tasks, &content.scoring);
        let mouse = scores[&Domain::Mouse].unwrap();
        assert!((mouse - 0.7).abs() < 1e-5, "mouse {mouse}");
        assert_eq!(status_of(Some(mouse), &content.scoring), DomainStatus::Partial);
        let answers = Answers { devices: Some(vec!["smartphone".into()]), ..Answers::default() };
        let assessment = assess(&answers, &scores, &[], &content.scoring);
        assert_eq!((assessment.level.as_str(), assessment.modality.as_str()), ("debutant", "train"));
    }

    #[test]
    fn help_lowers_a_success_but_never_below_the_floor() {
        let content = Content::builtin().unwrap();
        let task = content.tasks.iter().find(|t| t.id == "mouse.click_big");
        let helped = outcome("mouse.click_big", true, 2.0, 0, 1).weight(task, &content.scoring);
        assert!((helped - 0.85).abs() < 1e-5, "{helped}");
        let struggled = outcome("mouse.click_big", true, 200.0, 9, 9).weight(task, &content.scoring);
        assert!((struggled - content.scoring.weights.floor).abs() < 1e-5, "{struggled}");
    }

    #[test]
    fn unreached_domains_never_count_against_the_visitor() {
        let content = Content::builtin().unwrap();
        let mut scores: BTreeMap<Domain, Option<f32>> = Domain::ALL.into_iter().map(|d| (d, None)).collect();
        scores.insert(Domain::Mouse, Some(1.0));
        let expert = Answers {
            email: Some("uses".into()),
            procedures_alone: Some("yes".into()),
            ..Answers::default()
        };
        let assessment = assess(&expert, &scores, &[], &content.scoring);
        assert_eq!(assessment.level, "autonome");
        let afraid = Answers {
            procedures_alone: Some("sometimes".into()),
            obstacles: Some(vec!["fear".into()]),
            ..expert
        };
        assert_eq!(assess(&afraid, &scores, &[], &content.scoring).level, "avance");
    }

    #[test]
    fn inferred_domains_count_as_mastered() {
        let content = Content::builtin().unwrap();
        let scores = BTreeMap::new();
        let assessment = assess(&Answers::default(), &scores, &[Domain::Keyboard], &content.scoring);
        let keyboard = assessment.domains[&Domain::Keyboard];
        assert!(keyboard.inferred && keyboard.status == DomainStatus::Mastered, "{keyboard:?}");
        assert_eq!(assessment.domains[&Domain::Email].status, DomainStatus::NotReached);
    }
}
