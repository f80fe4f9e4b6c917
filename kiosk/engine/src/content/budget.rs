//! Time budgets of the hands-on part (`[[budget]]` in `flow.toml`): a kind of visitor, how
//! they answer and whether they do the tasks, and the most minutes the adaptive path may take
//! them. Checked at load by walking the engine's own session, so a change of the flow, the
//! early stops or a task's typical time that breaks a budget stops start-up.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::config::IdleTimes;
use crate::content::Content;
use crate::problem::Problem;
use crate::profile::AnswerValue;
use crate::session::{Command, Screen, Session};
use crate::vocabulary::AnswerShape;

/// Whether the visitor of a budget does the tasks.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TasksDone {
    /// Every task presented is done as asked, in its typical time for the budget's level.
    All,
    /// Every task presented is given up ("I don't know, skip").
    None,
}

/// One time budget.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TimeBudget {
    /// Who, in words ("never touched a mouse").
    pub visitor: String,
    /// Their answers: question id → answer ids (`yes`/`no` for yes/no questions); the other
    /// questions are skipped.
    #[serde(default)]
    pub answers: BTreeMap<String, Vec<String>>,
    /// Whether they do the tasks.
    pub does: TasksDone,
    /// The level whose typical times are summed.
    pub level: String,
    /// The most minutes the tasks presented may take, in typical times.
    pub max_minutes: f32,
    /// The line of the `[[budget]]` in `flow.toml`.
    #[serde(skip)]
    pub line: usize,
}

/// The tasks the adaptive path presented to a budget's visitor, and their typical minutes.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetWalk {
    /// Task ids, in order.
    pub presented: Vec<String>,
    /// Sum of their typical times for the budget's level, in minutes.
    pub minutes: f32,
}

/// A visit that never ends would be a content bug; the walk stops after this many steps.
const MAX_STEPS: usize = 1000;

impl TimeBudget {
    /// Walks a visit of this visitor through the session, as the kiosk would run it.
    pub fn walk(&self, content: &Content) -> BudgetWalk {
        let idle = IdleTimes { warning_after_seconds: f64::MAX, wipe_after_warning_seconds: f64::MAX };
        let mut now = 0.0;
        let mut session = Session::new(crate::REFERENCE_LANGUAGE, idle, now);
        for command in
            [Command::Start, Command::ChooseLanguage(crate::REFERENCE_LANGUAGE.to_owned()), Command::Continue]
        {
            session.apply(command, content, now);
        }
        session.apply(Command::AnswerUrgent(false), content, now);
        let mut presented: Vec<String> = Vec::new();
        let mut seconds = 0.0;
        for _ in 0..MAX_STEPS {
            now += 1.0;
            match session.screen() {
                Screen::Question(index) => {
                    let command = content
                        .questions
                        .get(index)
                        .and_then(|q| self.answer_to(&q.id, q.shape))
                        .map_or(Command::SkipQuestion, Command::Answer);
                    session.apply(command, content, now);
                }
                Screen::Task(index) => {
                    let Some(task) = content.tasks.get(index) else { break };
                    let typical = task.typical_for(&self.level);
                    presented.push(task.id.clone());
                    seconds += typical;
                    now += f64::from(typical);
                    let command = match self.does {
                        TasksDone::All => Command::TaskDone,
                        TasksDone::None => Command::SkipTask,
                    };
                    session.apply(command, content, now);
                }
                _ => break,
            }
        }
        BudgetWalk { presented, minutes: seconds / 60.0 }
    }

    /// The answer given to `question`, in the shape the session records.
    fn answer_to(&self, question: &str, shape: AnswerShape) -> Option<AnswerValue> {
        let values = self.answers.get(question)?;
        Some(match shape {
            AnswerShape::YesNo => AnswerValue::YesNo(values.first().is_some_and(|v| v == "yes")),
            AnswerShape::One => AnswerValue::One(values.first()?.clone()),
            AnswerShape::Many => AnswerValue::Many(values.clone()),
            AnswerShape::Postcode => AnswerValue::Postcode(values.first()?.clone()),
        })
    }
}

/// Budgets whose visitor the adaptive path keeps longer than allowed, or that name an unknown
/// level or question.
pub fn budget_problems(content: &Content) -> Vec<Problem> {
    let path = &content.flow.shown_path;
    let mut problems = Vec::new();
    for budget in &content.flow.budgets {
        let at = |message: String| Problem::at(path, Some(budget.line), message);
        if content.scoring.level(&budget.level).is_none() {
            problems.push(at(format!("budget {:?}: unknown level {:?}", budget.visitor, budget.level)));
            continue;
        }
        if let Some(question) = budget.answers.keys().find(|q| !content.questions.iter().any(|k| &k.id == *q))
        {
            problems.push(at(format!("budget {:?}: no question {question:?} in the flow", budget.visitor)));
            continue;
        }
        let walk = budget.walk(content);
        if walk.minutes > budget.max_minutes {
            problems.push(at(format!(
                "budget {:?}: the adaptive path presents {} tasks, {:.1} min in typical times for {}, over {} min",
                budget.visitor,
                walk.presented.len(),
                walk.minutes,
                budget.level,
                budget.max_minutes
            )));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk_of(content: &Content, visitor: &str) -> BudgetWalk {
        let budget = content.flow.budgets.iter().find(|b| b.visitor.starts_with(visitor)).unwrap();
        budget.walk(content)
    }

    #[test]
    fn the_shipped_budgets_hold_on_the_adaptive_path() {
        let content = Content::builtin().unwrap();
        let never = walk_of(&content, "never touched a mouse");
        assert_eq!(never.presented, ["mouse.click_big", "mouse.click_small"], "two misses end the test");
        assert!(never.minutes <= 5.0, "{}", never.minutes);
        let expert = walk_of(&content, "autonomous: says so");
        assert!(expert.presented.len() < content.tasks.len() / 2, "a short path: {:?}", expert.presented);
        let silent = walk_of(&content, "autonomous who skipped");
        assert_eq!(
            silent.presented.len(),
            content.tasks.len() - skipped_as_shown(&content),
            "{:?}",
            silent.presented
        );
        assert!(silent.minutes <= 12.0, "{}", silent.minutes);
        assert!(budget_problems(&content).is_empty());
    }

    /// Tasks left out once a domain is shown after its first perfect tasks.
    fn skipped_as_shown(content: &Content) -> usize {
        let shown_after = content.flow.adaptive.domain_shown_after_perfect as usize;
        crate::vocabulary::Domain::ALL
            .iter()
            .map(|d| content.tasks.iter().filter(|t| t.domain == *d).count().saturating_sub(shown_after))
            .sum()
    }

    #[test]
    fn a_budget_the_path_exceeds_is_located() {
        let mut content = Content::builtin().unwrap();
        let budget =
            content.flow.budgets.iter_mut().find(|b| b.visitor.starts_with("autonomous who")).unwrap();
        budget.max_minutes = 1.0;
        let line = budget.line;
        let problems = budget_problems(&content);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(line));
        assert!(problems[0].message.contains("over 1 min"), "{}", problems[0]);
    }
}
