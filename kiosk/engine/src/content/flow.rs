//! The order of the visit (`scenarios/flow.toml`): which questions, which tasks, and when a
//! domain stops early.

use serde::Deserialize;

use crate::content::budget::TimeBudget;
use crate::content::levels::Condition;
use crate::problem::{Problem, line_of, toml_problem};

/// A domain not presented at all, reported mastered and `inferred`, when its conditions hold
/// as the visit reaches it.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct InferRule {
    /// The domain skipped.
    pub domain: String,
    /// All of these must hold (answers, and statuses of the domains already measured).
    pub all: Vec<Condition>,
}

/// When the test stops a domain or the whole hands-on part early, kindly.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AdaptiveRules {
    /// A domain ends after this many tasks in a row that were not done (skipped or given up).
    pub stop_domain_after_misses: u32,
    /// The hands-on part ends when the mouse domain's score is below this: the basics are out
    /// of reach today and the next domains would only be discouraging.
    pub stop_test_below_mouse_score: f32,
    /// A domain ends early, measured, once its first this many tasks were all done at once
    /// (no help, no miss, not slow): it is clearly mastered.
    pub domain_shown_after_perfect: u32,
    /// Domains skipped as clearly mastered.
    #[serde(default)]
    pub infer: Vec<InferRule>,
}

/// The order of a visit.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// Question ids, in the order asked.
    pub questions: Vec<String>,
    /// Task ids, in the order presented.
    pub tasks: Vec<String>,
    /// Early stops.
    pub adaptive: AdaptiveRules,
    /// The file, for messages.
    pub shown_path: String,
    /// The line of each id in the file, for messages.
    pub lines: std::collections::BTreeMap<String, usize>,
    /// Time budgets of the hands-on part, checked at load.
    pub budgets: Vec<TimeBudget>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlowFile {
    questions: Vec<toml::Spanned<String>>,
    tasks: Vec<toml::Spanned<String>>,
    adaptive: toml::Spanned<AdaptiveRules>,
    #[serde(default)]
    budget: Vec<toml::Spanned<TimeBudget>>,
}

/// Parses `scenarios/flow.toml` (ids are checked against the questions and tasks later).
pub fn parse_flow(path: &str, text: &str) -> Result<Flow, Vec<Problem>> {
    let file: FlowFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let adaptive_line = Some(line_of(text, file.adaptive.span().start));
    let adaptive = file.adaptive.into_inner();
    let mut problems = Vec::new();
    if !(1..=10).contains(&adaptive.stop_domain_after_misses) {
        problems.push(Problem::at(
            path,
            adaptive_line,
            format!(
                "stop_domain_after_misses = {} is out of range (1 to 10)",
                adaptive.stop_domain_after_misses
            ),
        ));
    }
    if !(0.0..=1.0).contains(&adaptive.stop_test_below_mouse_score) {
        problems.push(Problem::at(
            path,
            adaptive_line,
            format!(
                "stop_test_below_mouse_score = {} is out of range (0 to 1)",
                adaptive.stop_test_below_mouse_score
            ),
        ));
    }
    if !(1..=10).contains(&adaptive.domain_shown_after_perfect) {
        problems.push(Problem::at(
            path,
            adaptive_line,
            "domain_shown_after_perfect is out of range (1 to 10)",
        ));
    }
    for rule in &adaptive.infer {
        if crate::vocabulary::Domain::from_id(&rule.domain).is_none() {
            problems.push(Problem::at(
                path,
                adaptive_line,
                format!("infer: unknown domain {:?}", rule.domain),
            ));
        }
        problems.extend(
            rule.all
                .iter()
                .filter_map(crate::content::levels::condition_problem)
                .map(|message| Problem::at(path, adaptive_line, format!("infer: {message}"))),
        );
    }
    let mut budgets = Vec::new();
    for spanned in file.budget {
        let line = line_of(text, spanned.span().start);
        let budget = TimeBudget { line, ..spanned.into_inner() };
        if !(0.5..=60.0).contains(&budget.max_minutes) {
            problems.push(Problem::at(
                path,
                Some(line),
                format!(
                    "budget {:?}: max_minutes = {} is out of range (0.5 to 60)",
                    budget.visitor, budget.max_minutes
                ),
            ));
        }
        budgets.push(budget);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let lines = file
        .questions
        .iter()
        .chain(&file.tasks)
        .map(|id| (id.get_ref().clone(), line_of(text, id.span().start)))
        .collect();
    Ok(Flow {
        questions: file.questions.into_iter().map(toml::Spanned::into_inner).collect(),
        tasks: file.tasks.into_iter().map(toml::Spanned::into_inner).collect(),
        adaptive,
        shown_path: path.to_owned(),
        lines,
        budgets,
    })
}
