//! The visit as a state machine. Screens read a [`Session`]; what the visitor does comes back
//! as a [`Command`] applied after the UI pass. Everything here lives in memory only and is
//! dropped at goodbye or on idle.

mod idle;

pub use self::idle::{IdleState, IdleTimer};
use crate::config::IdleTimes;
use crate::content::Content;
use crate::profile::{AnswerValue, Answers};
use crate::result::{VisitResult, build_result};
use crate::scoring::{TaskOutcome, domain_scores};
use crate::vocabulary::Domain;

/// Seconds the goodbye screen stays before the kiosk is ready for the next visitor.
pub const GOODBYE_SECONDS: f64 = 10.0;

/// The screen of the visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// "Touch to start".
    Attract,
    /// Language picker.
    Language,
    /// What the test is; nothing personal is kept.
    Welcome,
    /// "A procedure to do today?"
    Urgent,
    /// Where to get help today.
    UrgentHelp,
    /// A declarative question (index in [`Content::questions`]).
    Question(usize),
    /// A hands-on task (index in [`Content::tasks`]).
    Task(usize),
    /// The result.
    Result,
    /// Thanks; everything is erased.
    Goodbye,
}

impl Screen {
    /// Stable id for scripts (`question.devices`, `task.mouse.click_big`).
    pub fn id(self, content: &Content) -> String {
        match self {
            Self::Attract => "attract".to_owned(),
            Self::Language => "language".to_owned(),
            Self::Welcome => "welcome".to_owned(),
            Self::Urgent => "urgent".to_owned(),
            Self::UrgentHelp => "urgent_help".to_owned(),
            Self::Question(i) => {
                format!("question.{}", content.questions.get(i).map_or("?", |q| q.id.as_str()))
            }
            Self::Task(i) => format!("task.{}", content.tasks.get(i).map_or("?", |t| t.id.as_str())),
            Self::Result => "result".to_owned(),
            Self::Goodbye => "goodbye".to_owned(),
        }
    }
}

/// Something that happened during the current task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskEvent {
    /// A click or tap beside the target, or a wrong key.
    Miss,
    /// A new try after a miss.
    Attempt,
    /// "Hear again" or "show me".
    Help,
}

/// What the visitor asked for during a frame; applied after the UI pass.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Nothing.
    None,
    /// Leave the attract screen.
    Start,
    /// Open the language picker from any screen.
    OpenLanguages,
    /// A language was chosen.
    ChooseLanguage(String),
    /// Go on from an information screen (welcome, help today).
    Continue,
    /// The answer to "a procedure to do today?".
    AnswerUrgent(bool),
    /// The answer to the current question.
    Answer(AnswerValue),
    /// Skip the current question.
    SkipQuestion,
    /// Something happened during the task.
    Task(TaskEvent),
    /// The task is done as asked.
    TaskDone,
    /// The task ended without being done, and not skipped: the visitor did what it warned
    /// against (followed a scam's link); the exercise has explained it kindly.
    TaskNotDone,
    /// "Skip / I don't know".
    SkipTask,
    /// Back to the previous screen, to change an answer.
    Back,
    /// End the visit kindly (goodbye screen).
    Stop,
    /// Wipe everything and return to the attract screen.
    Wipe,
}

/// Counters of the task on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct TaskProgress {
    started_at: f64,
    attempts: u32,
    misses: u32,
    help: u32,
}

/// Everything a visit knows. Nothing here is written anywhere.
#[derive(Clone, Debug)]
pub struct Session {
    screen: Screen,
    history: Vec<Screen>,
    language: String,
    default_language: String,
    answers: Answers,
    postcode: Option<String>,
    outcomes: Vec<TaskOutcome>,
    progress: TaskProgress,
    stopped_early: bool,
    inferred: Vec<Domain>,
    result: Option<VisitResult>,
    entered_at: f64,
    serial: u64,
    idle: IdleTimer,
}

impl Session {
    /// A fresh session on the attract screen.
    pub fn new(default_language: &str, idle: IdleTimes, now: f64) -> Self {
        Self {
            screen: Screen::Attract,
            history: Vec::new(),
            language: default_language.to_owned(),
            default_language: default_language.to_owned(),
            answers: Answers::default(),
            postcode: None,
            outcomes: Vec::new(),
            progress: TaskProgress::default(),
            stopped_early: false,
            inferred: Vec::new(),
            result: None,
            entered_at: now,
            serial: 0,
            idle: IdleTimer::new(idle, now),
        }
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Changes every time a screen is entered (the app speaks the new screen's prompt).
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// When the current screen was entered.
    pub fn entered_at(&self) -> f64 {
        self.entered_at
    }

    /// The visit's language.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// The answers so far.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The postcode typed, if any (memory only).
    pub fn postcode(&self) -> Option<&str> {
        self.postcode.as_deref()
    }

    /// Task outcomes so far.
    pub fn outcomes(&self) -> &[TaskOutcome] {
        &self.outcomes
    }

    /// The result, once on the result screen.
    pub fn result(&self) -> Option<&VisitResult> {
        self.result.as_ref()
    }

    /// True when "back" has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty() && !matches!(self.screen, Screen::Goodbye | Screen::Attract)
    }

    /// The visitor did something: the idle timer restarts.
    pub fn touch(&mut self, now: f64) {
        self.idle.touch(now);
    }

    /// The idle state; the attract and goodbye screens never warn.
    pub fn idle_state(&self, now: f64) -> IdleState {
        match self.screen {
            Screen::Attract | Screen::Goodbye => IdleState::Active,
            _ => self.idle.state(now),
        }
    }

    /// What time alone does at `now`: the wipe after the idle warning or the goodbye screen.
    pub fn tick(&self, now: f64) -> Command {
        let goodbye_over = self.screen == Screen::Goodbye && now - self.entered_at >= GOODBYE_SECONDS;
        if goodbye_over || self.idle_state(now) == IdleState::Expired { Command::Wipe } else { Command::None }
    }

    /// Applies a command.
    pub fn apply(&mut self, command: Command, content: &Content, now: f64) {
        match command {
            Command::None => {}
            Command::Start => self.go(Screen::Language, now),
            Command::OpenLanguages => {
                if self.screen != Screen::Language {
                    self.go(Screen::Language, now);
                }
            }
            Command::ChooseLanguage(code) => {
                if content.language(&code).is_some() {
                    self.language = code;
                }
                // From the attract screen's path the visit begins; from elsewhere it resumes.
                match self.history.last() {
                    Some(Screen::Attract) | None => self.go(Screen::Welcome, now),
                    Some(&previous) => {
                        self.history.pop();
                        self.enter(previous, now);
                    }
                }
            }
            Command::Continue => match self.screen {
                Screen::Welcome => self.go(Screen::Urgent, now),
                Screen::UrgentHelp => self.go_next_question(None, content, now),
                _ => {}
            },
            Command::AnswerUrgent(yes) => {
                self.answers.urgent_procedure = Some(yes);
                if yes {
                    self.go(Screen::UrgentHelp, now);
                } else {
                    self.go_next_question(None, content, now);
                }
            }
            Command::Answer(value) => {
                if let Screen::Question(index) = self.screen {
                    if let Some(question) = content.questions.get(index) {
                        match value {
                            AnswerValue::Postcode(code) => self.postcode = Some(code),
                            value => self.answers.set(&question.id, value),
                        }
                    }
                    self.go_next_question(Some(index), content, now);
                }
            }
            Command::SkipQuestion => {
                if let Screen::Question(index) = self.screen {
                    if let Some(question) = content.questions.get(index) {
                        self.answers.clear(&question.id);
                        if question.id == "postcode" {
                            self.postcode = None;
                        }
                    }
                    self.go_next_question(Some(index), content, now);
                }
            }
            Command::Task(event) => match event {
                TaskEvent::Miss => self.progress.misses += 1,
                TaskEvent::Attempt => self.progress.attempts += 1,
                TaskEvent::Help => self.progress.help += 1,
            },
            Command::TaskDone => self.finish_task(true, false, content, now),
            Command::TaskNotDone => self.finish_task(false, false, content, now),
            Command::SkipTask => self.finish_task(false, true, content, now),
            Command::Back => {
                if self.can_go_back()
                    && let Some(previous) = self.history.pop()
                {
                    self.enter(previous, now);
                }
            }
            Command::Stop => {
                if !matches!(self.screen, Screen::Attract | Screen::Goodbye) {
                    self.go(Screen::Goodbye, now);
                }
            }
            Command::Wipe => {
                let idle = self.idle;
                *self = Self::new(&self.default_language, idle.times(), now);
                self.serial = self.serial.wrapping_add(1);
            }
        }
    }

    fn go(&mut self, screen: Screen, now: f64) {
        if screen != self.screen {
            self.history.push(self.screen);
        }
        self.enter(screen, now);
    }

    fn enter(&mut self, screen: Screen, now: f64) {
        if let Screen::Task(_) = screen {
            // A task entered again (after "back") is measured afresh; its new outcome replaces
            // the old one when it ends.
            self.progress = TaskProgress { started_at: now, attempts: 1, ..TaskProgress::default() };
        }
        if screen != Screen::Result {
            self.result = None;
        }
        self.screen = screen;
        self.entered_at = now;
        self.serial = self.serial.wrapping_add(1);
        self.idle.touch(now);
    }

    fn go_next_question(&mut self, after: Option<usize>, content: &Content, now: f64) {
        let start = after.map_or(0, |i| i + 1);
        let next = (start..content.questions.len()).find(|&i| {
            content.questions[i]
                .ask_if
                .as_ref()
                .is_none_or(|cond| self.answers.has_any(&cond.question, &cond.is))
        });
        match next {
            Some(index) => self.go(Screen::Question(index), now),
            None => self.go_next_task(None, content, now),
        }
    }

    fn finish_task(&mut self, success: bool, skipped: bool, content: &Content, now: f64) {
        let Screen::Task(index) = self.screen else {
            return;
        };
        let Some(task) = content.tasks.get(index) else {
            return;
        };
        self.outcomes.retain(|o| o.task_id != task.id);
        self.outcomes.push(TaskOutcome {
            task_id: task.id.clone(),
            domain: task.domain,
            success,
            seconds: (now - self.progress.started_at) as f32,
            attempts: self.progress.attempts,
            misses: self.progress.misses,
            help: self.progress.help,
            skipped,
        });
        self.go_next_task(Some(index), content, now);
    }

    /// The next task the adaptive path presents, or the result.
    fn go_next_task(&mut self, after: Option<usize>, content: &Content, now: f64) {
        let start = after.map_or(0, |i| i + 1);
        let rules = &content.flow.adaptive;
        let misses_in_a_row = |domain: Domain| {
            self.outcomes.iter().rev().take_while(|o| o.domain == domain).take_while(|o| !o.success).count()
        };
        // The domain is shown once its first tasks were all done at once.
        let shown = |domain: Domain| {
            let first: Vec<&TaskOutcome> = self.outcomes.iter().filter(|o| o.domain == domain).collect();
            let needed = rules.domain_shown_after_perfect as usize;
            first.len() >= needed
                && first[..needed].iter().all(|o| {
                    let task = content.tasks.iter().find(|t| t.id == o.task_id);
                    o.weight(task, &content.scoring) >= 1.0
                })
        };
        let mut next = None;
        for i in start..content.tasks.len() {
            let task = &content.tasks[i];
            let previous_domain = i.checked_sub(1).and_then(|p| content.tasks.get(p)).map(|t| t.domain);
            let entering = previous_domain != Some(task.domain);
            if entering && previous_domain == Some(Domain::Mouse) {
                let scores = domain_scores(&self.outcomes, &content.tasks, &content.scoring);
                let mouse = scores.get(&Domain::Mouse).copied().flatten().unwrap_or(0.0);
                if mouse < rules.stop_test_below_mouse_score {
                    self.stopped_early = true;
                    break;
                }
            }
            if entering && !self.inferred.contains(&task.domain) && self.can_infer(task.domain, content) {
                self.inferred.push(task.domain);
            }
            if self.inferred.contains(&task.domain)
                || shown(task.domain)
                || misses_in_a_row(task.domain) as u32 >= rules.stop_domain_after_misses
            {
                continue;
            }
            next = Some(i);
            break;
        }
        if let Some(index) = next {
            self.go(Screen::Task(index), now);
        } else {
            self.go(Screen::Result, now);
            self.result = Some(self.compute_result(content));
        }
    }

    /// True when an inference rule skips `domain` now (its conditions read the answers and
    /// the domains measured so far).
    fn can_infer(&self, domain: Domain, content: &Content) -> bool {
        let scores = domain_scores(&self.outcomes, &content.tasks, &content.scoring);
        let results = crate::scoring::domain_results(&scores, &self.inferred, &content.scoring);
        content.flow.adaptive.infer.iter().any(|rule| {
            rule.domain == domain.id()
                && rule.all.iter().all(|c| crate::scoring::condition_holds(c, &self.answers, &results))
        })
    }

    /// Puts the visit on `screen` as if the visitor had come to it with what was answered
    /// and done so far: a result screen gets the result of the visit so far. For the layout
    /// test and for showing a text in its screen, which reach every screen without a visit.
    pub fn show(&mut self, screen: Screen, content: &Content, now: f64) {
        self.go(screen, now);
        if screen == Screen::Result {
            self.result = Some(self.compute_result(content));
        }
    }

    /// Completes the result on show with where to go next, from the visitor's postcode when
    /// given (memory only) or the kiosk's location. Done once per result.
    pub fn orient(&mut self, orientation: &crate::orientation::Orientation<'_>) {
        let home = self.postcode.clone().map(|postcode| crate::profile::Home::Postcode { postcode });
        if let Some(result) = self.result.as_mut()
            && result.recommendations.is_empty()
        {
            orientation.complete(result, &self.answers, home.as_ref());
        }
    }

    /// Domains skipped as clearly mastered so far.
    pub fn inferred(&self) -> &[Domain] {
        &self.inferred
    }

    /// The result of the visit so far.
    pub fn compute_result(&self, content: &Content) -> VisitResult {
        let scores = domain_scores(&self.outcomes, &content.tasks, &content.scoring);
        build_result(
            &self.language,
            &self.answers,
            &scores,
            &self.inferred,
            self.stopped_early,
            &content.scoring,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(content: &Content) -> Session {
        let mut session = Session::new("fr", crate::config::Config::default().idle, 0.0);
        for command in [Command::Start, Command::ChooseLanguage("ar".into()), Command::Continue] {
            session.apply(command, content, 1.0);
        }
        session
    }

    #[test]
    fn a_visit_walks_to_the_result_and_is_wiped() {
        let content = Content::builtin().unwrap();
        let mut session = start(&content);
        assert_eq!(session.screen(), Screen::Urgent);
        assert_eq!(session.language(), "ar");
        session.apply(Command::AnswerUrgent(false), &content, 2.0);
        assert_eq!(session.screen(), Screen::Question(0));
        while let Screen::Question(_) = session.screen() {
            session.apply(Command::SkipQuestion, &content, 3.0);
        }
        let mut now = 4.0;
        while let Screen::Task(_) = session.screen() {
            now += 5.0;
            session.apply(Command::TaskDone, &content, now);
        }
        assert_eq!(session.screen(), Screen::Result);
        let result = session.result().unwrap();
        assert_eq!(result.domains[&Domain::Mouse].status.id(), "mastered");
        session.apply(Command::Stop, &content, now);
        assert_eq!(session.screen(), Screen::Goodbye);
        assert_eq!(session.tick(now + GOODBYE_SECONDS), Command::Wipe);
        session.apply(Command::Wipe, &content, now + GOODBYE_SECONDS);
        assert_eq!(session.screen(), Screen::Attract);
        assert_eq!(session.language(), "fr", "back to the kiosk's language");
        assert!(session.outcomes().is_empty() && session.result().is_none(), "nothing kept");
    }

    #[test]
    fn obstacles_are_asked_only_to_those_who_need_help() {
        let content = Content::builtin().unwrap();
        let obstacles = content.questions.iter().position(|q| q.id == "obstacles").unwrap();
        let procedures = content.questions.iter().position(|q| q.id == "procedures_alone").unwrap();
        for (answer, asked) in [("yes", false), ("never", true)] {
            let mut session = start(&content);
            session.apply(Command::AnswerUrgent(false), &content, 2.0);
            while session.screen() != Screen::Question(procedures) {
                session.apply(Command::SkipQuestion, &content, 3.0);
            }
            session.apply(Command::Answer(AnswerValue::One(answer.into())), &content, 4.0);
            assert_eq!(session.screen() == Screen::Question(obstacles), asked, "procedures_alone = {answer}");
        }
    }

    #[test]
    fn an_expert_is_shown_quickly_and_the_rest_inferred() {
        let content = Content::builtin().unwrap();
        let mut session = start(&content);
        session.apply(Command::AnswerUrgent(false), &content, 2.0);
        while let Screen::Question(_) = session.screen() {
            session.apply(Command::SkipQuestion, &content, 3.0);
        }
        session.answers.devices = Some(vec!["computer".into()]);
        session.answers.email = Some("uses".into());
        session.answers.procedures_alone = Some("yes".into());
        session.answers.internet_at_home = Some(true);
        let mut now = 3.0;
        for _ in 0..3 {
            now += 2.0;
            session.apply(Command::TaskDone, &content, now);
        }
        assert_eq!(session.screen(), Screen::Result, "mouse shown after three perfect tasks");
        assert_eq!(
            session.inferred(),
            [Domain::Keyboard, Domain::Internet, Domain::Search, Domain::Email, Domain::Procedure]
        );
        let result = session.result().unwrap();
        assert!(result.domains[&Domain::Keyboard].inferred && !result.domains[&Domain::Mouse].inferred);
        assert_eq!(result.level.id, "autonome");
    }

    #[test]
    fn a_slow_success_keeps_the_domain_measured() {
        let content = Content::builtin().unwrap();
        let mut session = start(&content);
        session.apply(Command::AnswerUrgent(false), &content, 2.0);
        while let Screen::Question(_) = session.screen() {
            session.apply(Command::SkipQuestion, &content, 3.0);
        }
        session.apply(Command::TaskDone, &content, 100.0);
        session.apply(Command::TaskDone, &content, 102.0);
        session.apply(Command::TaskDone, &content, 104.0);
        assert_eq!(session.screen(), Screen::Task(3), "the slow first task: no shortcut, the drag comes");
    }

    #[test]
    fn two_tasks_not_done_in_a_row_end_the_domain() {
        let content = Content::builtin().unwrap();
        let mut session = start(&content);
        session.apply(Command::AnswerUrgent(false), &content, 2.0);
        while let Screen::Question(_) = session.screen() {
            session.apply(Command::SkipQuestion, &content, 3.0);
        }
        session.apply(Command::SkipTask, &content, 10.0);
        assert_eq!(session.screen(), Screen::Task(1));
        session.apply(Command::SkipTask, &content, 20.0);
        assert_eq!(session.screen(), Screen::Result, "the mouse domain ended kindly");
        assert_eq!(session.outcomes().len(), 2);
    }

    #[test]
    fn a_task_ended_not_done_counts_as_not_done_not_skipped() {
        let content = Content::builtin().unwrap();
        let mut session = start(&content);
        session.apply(Command::AnswerUrgent(false), &content, 2.0);
        while let Screen::Question(_) = session.screen() {
            session.apply(Command::SkipQuestion, &content, 3.0);
        }
        session.apply(Command::TaskNotDone, &content, 10.0);
        assert_eq!(session.screen(), Screen::Task(1), "the next task comes");
        let outcome = &session.outcomes()[0];
        assert!(!outcome.success && !outcome.skipped, "{outcome:?}");
    }

    #[test]
    fn back_returns_to_the_previous_answer_and_language_resumes_where_it_was() {
        let content = Content::builtin().unwrap();
        let mut session = start(&content);
        session.apply(Command::AnswerUrgent(false), &content, 2.0);
        session.apply(Command::SkipQuestion, &content, 3.0);
        assert_eq!(session.screen(), Screen::Question(1));
        session.apply(Command::OpenLanguages, &content, 4.0);
        session.apply(Command::ChooseLanguage("en".into()), &content, 5.0);
        assert_eq!((session.screen(), session.language()), (Screen::Question(1), "en"));
        session.apply(Command::Back, &content, 6.0);
        assert_eq!(session.screen(), Screen::Question(0));
        session.apply(Command::Back, &content, 7.0);
        assert_eq!(session.screen(), Screen::Urgent);
    }

    #[test]
    fn the_idle_timer_wipes_but_not_on_the_attract_screen() {
        let content = Content::builtin().unwrap();
        let idle = crate::config::Config::default().idle;
        let session = Session::new("fr", idle, 0.0);
        assert_eq!(session.tick(10_000.0), Command::None, "the attract screen waits forever");
        let session = start(&content);
        let warn = 1.0 + idle.warning_after_seconds;
        assert!(matches!(session.idle_state(warn + 1.0), IdleState::Warning { .. }));
        assert_eq!(session.tick(warn + idle.wipe_after_warning_seconds), Command::Wipe);
    }
}
