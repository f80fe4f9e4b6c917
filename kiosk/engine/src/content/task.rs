//! A hands-on task (`scenarios/tasks/<domain>/*.toml`) and the registry of task kinds.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::mailbox::{GoalTable, MailGoal};
use crate::problem::{Problem, line_of, toml_problem};
use crate::vocabulary::Domain;

/// An item with words and an optional pictogram.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Pictured {
    /// i18n key of the words (also the widget's accessible label).
    pub label: String,
    /// One emoji of the bundled symbol font.
    #[serde(default)]
    pub picture: Option<String>,
}

/// What a task asks the visitor to do: one kind per environment widget. Each kind is
/// implemented once in the app and parametrised here.
#[derive(Clone, Debug, PartialEq)]
pub enum TaskKind {
    /// Press one or more round targets, one after the other.
    ClickTarget {
        /// How many targets, shown one at a time in different places.
        targets: u32,
        /// Diameter of a target, in points.
        size: f32,
        /// The target's label.
        target: Pictured,
    },
    /// Open an item with a double click (or a double tap).
    DoubleClick {
        /// Side of the item, in points.
        size: f32,
        /// The item's label.
        target: Pictured,
    },
    /// Drag an item and drop it on a destination.
    DragDrop {
        /// What is dragged.
        item: Pictured,
        /// Where it goes.
        destination: Pictured,
    },
    /// Type a given text in a field (on the screen's keyboard or a real one), then confirm.
    TypeText {
        /// i18n key of the field's label.
        field: String,
        /// The text to type, shown on screen as the model (not the visitor's own data).
        expected: String,
        /// What the field holds at the start (a typo to fix), or empty.
        prefilled: String,
    },
    /// Use a browser on a simulated site: type an address, follow a link, go back, close a
    /// banner, download a document, fill and send a form.
    Browser {
        /// Id of the site (`scenarios/sites/`).
        site: String,
        /// The page shown first.
        start: String,
        /// Pages "before" it, for the back button (oldest first).
        history: Vec<String>,
        /// A cookie banner covers the page at the start.
        banner: bool,
        /// What the visitor is asked to reach.
        goal: BrowserGoal,
        /// A search already made on the start page (its words), or `None`.
        searched: Option<String>,
        /// A question about the page, for the goal `answered`.
        ask: Option<PageQuestion>,
        /// The start page's form comes back from a first sending: the errors of its prefilled
        /// values show next to their fields.
        returned: bool,
    },
    /// Use a webmail on a simulated mailbox: open a message or its attachment, reply, write a
    /// new message (with an attachment from the visitor's documents), report a scam.
    Webmail {
        /// Id of the mailbox (`scenarios/mailboxes/`).
        mailbox: String,
        /// What the visitor is asked to do.
        goal: MailGoal,
    },
    /// Scroll a list to find an item and press it.
    ScrollFind {
        /// i18n key of the list's label.
        list: String,
        /// The items, in order.
        items: Vec<Pictured>,
        /// Index (0-based) of the item to find.
        target: usize,
    },
}

impl TaskKind {
    /// Every kind's id, as written in task files.
    pub const IDS: [&'static str; 7] =
        ["click_target", "double_click", "drag_drop", "scroll_find", "type_text", "browser", "webmail"];

    /// The kind's id.
    pub fn id(&self) -> &'static str {
        match self {
            Self::ClickTarget { .. } => "click_target",
            Self::DoubleClick { .. } => "double_click",
            Self::DragDrop { .. } => "drag_drop",
            Self::ScrollFind { .. } => "scroll_find",
            Self::TypeText { .. } => "type_text",
            Self::Browser { .. } => "browser",
            Self::Webmail { .. } => "webmail",
        }
    }

    /// True when a press beside the targets counts as a miss (pointing tasks; not typing,
    /// where the keyboard has gaps between its keys).
    pub fn counts_presses_beside(&self) -> bool {
        !matches!(self, Self::TypeText { .. } | Self::Browser { .. } | Self::Webmail { .. })
    }

    /// The i18n keys the kind's parameters use.
    pub fn keys(&self) -> Vec<&str> {
        match self {
            Self::ClickTarget { target, .. } | Self::DoubleClick { target, .. } => vec![&target.label],
            Self::DragDrop { item, destination } => vec![&item.label, &destination.label],
            Self::ScrollFind { list, items, .. } => {
                let mut keys = vec![list.as_str()];
                keys.extend(items.iter().map(|item| item.label.as_str()));
                keys
            }
            Self::TypeText { field, .. } => vec![field.as_str()],
            // The site's keys are checked with the site.
            Self::Browser { ask, .. } => ask
                .iter()
                .flat_map(|a| {
                    std::iter::once(a.question.as_str()).chain(a.answers.iter().map(String::as_str))
                })
                .collect(),
            // The mailbox's keys are checked with the mailbox; the texts to type are Latin.
            Self::Webmail { .. } => Vec::new(),
        }
    }

    /// The pictograms the kind's parameters draw.
    pub fn pictures(&self) -> Vec<&str> {
        let all: Vec<&Pictured> = match self {
            Self::ClickTarget { target, .. } | Self::DoubleClick { target, .. } => vec![target],
            Self::DragDrop { item, destination } => vec![item, destination],
            Self::ScrollFind { items, .. } => items.iter().collect(),
            Self::TypeText { .. } | Self::Browser { .. } | Self::Webmail { .. } => Vec::new(),
        };
        all.into_iter().filter_map(|p| p.picture.as_deref()).collect()
    }
}

/// What a browser task asks for.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum BrowserGoal {
    /// Reach this page, by any way.
    Page(String),
    /// Come back to this page with the back button.
    BackTo(String),
    /// Close the banner (accept or refuse).
    BannerClosed(bool),
    /// Make a search on the search page.
    Searched(bool),
    /// Answer the question about the page right.
    Answered(bool),
    /// Download this file (a download of the site).
    Downloaded(String),
    /// Send this form (its id) with every field right.
    Submitted(String),
}

impl BrowserGoal {
    /// The page where the goal is reached: the page to reach or come back to, the page offering
    /// the file or holding the form; `None` for goals reached on any page.
    pub fn page<'a>(&self, site: &'a crate::content::Site) -> Option<&'a str> {
        match self {
            Self::Page(page) | Self::BackTo(page) => site.page(page).map(|p| p.id.as_str()),
            Self::Downloaded(file) => site.page_offering(file).map(|p| p.id.as_str()),
            Self::Submitted(form) => site.page_with_form(form).map(|p| p.id.as_str()),
            Self::BannerClosed(_) | Self::Searched(_) | Self::Answered(_) => None,
        }
    }
}

/// A question about what a page says (to find an answer on a page), with its answers.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PageQuestion {
    /// i18n key of the question.
    pub question: String,
    /// i18n keys of the answers, in order.
    pub answers: Vec<String>,
    /// Index (from 0) of the right answer.
    pub right: usize,
}

/// One hands-on task, loaded and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    /// Unique id (`mouse.click_big`).
    pub id: String,
    /// The domain it measures.
    pub domain: Domain,
    /// What skill it measures, for the deployer (not shown to visitors).
    pub skill: String,
    /// i18n key of the spoken instruction (also its caption).
    pub say: String,
    /// i18n key of the hint given on "Show me" (what to look for and where; spoken and
    /// shown), or `None` when the task file gives none: then "Show me" is not offered.
    pub show: Option<String>,
    /// The environment and its parameters.
    pub kind: TaskKind,
    /// Typical seconds a person of each level takes (level id → seconds); used for the time
    /// budgets and to lower the weight of a slow success.
    pub typical_seconds: BTreeMap<String, f32>,
    /// The file it came from.
    pub shown_path: String,
}

impl Task {
    /// Typical seconds for a person of `level`, or the slowest declared time.
    pub fn typical_for(&self, level: &str) -> f32 {
        self.typical_seconds
            .get(level)
            .copied()
            .unwrap_or_else(|| self.typical_seconds.values().copied().fold(0.0, f32::max))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskFile {
    id: String,
    domain: toml::Spanned<String>,
    kind: toml::Spanned<String>,
    skill: String,
    say: String,
    #[serde(default)]
    show: Option<toml::Spanned<String>>,
    #[serde(default)]
    params: Option<toml::Spanned<toml::Table>>,
    typical_seconds: toml::Spanned<BTreeMap<String, f32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClickTargetParams {
    targets: u32,
    size: f32,
    target: Pictured,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DoubleClickParams {
    size: f32,
    target: Pictured,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DragDropParams {
    item: Pictured,
    destination: Pictured,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeTextParams {
    field: String,
    expected: String,
    #[serde(default)]
    prefilled: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BrowserParams {
    site: String,
    start: String,
    #[serde(default)]
    history: Vec<String>,
    #[serde(default)]
    banner: bool,
    goal: BrowserGoal,
    #[serde(default)]
    searched: Option<String>,
    #[serde(default)]
    ask: Option<PageQuestion>,
    #[serde(default)]
    returned: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WebmailParams {
    mailbox: String,
    goal: GoalTable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScrollFindParams {
    list: String,
    items: Vec<Pictured>,
    target: usize,
}

/// Parses and checks one task file (keys are checked later against the locales).
pub fn parse_task(path: &str, text: &str, level_ids: &[&str]) -> Result<Task, Vec<Problem>> {
    let file: TaskFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let at = |span: std::ops::Range<usize>| Some(line_of(text, span.start));
    let mut problems = Vec::new();

    let domain = Domain::from_id(file.domain.get_ref());
    if domain.is_none() {
        let ids: Vec<&str> = Domain::ALL.iter().map(|d| d.id()).collect();
        problems.push(Problem::at(
            path,
            at(file.domain.span()),
            format!("unknown domain {:?}; domains: {}", file.domain.get_ref(), ids.join(", ")),
        ));
    }

    // With no levels (levels.toml refused), the times cannot be checked against them.
    let known_levels = !level_ids.is_empty();
    for (level, seconds) in file.typical_seconds.get_ref() {
        if known_levels && !level_ids.contains(&level.as_str()) {
            problems.push(Problem::at(
                path,
                at(file.typical_seconds.span()),
                format!("typical_seconds: unknown level {level:?}; levels: {}", level_ids.join(", ")),
            ));
        } else if !(1.0..=900.0).contains(seconds) {
            problems.push(Problem::at(
                path,
                at(file.typical_seconds.span()),
                format!("typical_seconds.{level} = {seconds} is out of range (1 to 900)"),
            ));
        }
    }
    for level in level_ids {
        if !file.typical_seconds.get_ref().contains_key(*level) {
            problems.push(Problem::at(
                path,
                at(file.typical_seconds.span()),
                format!("typical_seconds has no time for level {level:?}"),
            ));
        }
    }

    // The hint is spoken: its key must be one of the spoken keys, which have prompts.
    if let Some(show) = &file.show
        && !crate::content::locale::is_spoken_key(show.get_ref())
    {
        problems.push(Problem::at(
            path,
            at(show.span()),
            format!("show = {:?}: a hint is spoken, its key must end in \".say\"", show.get_ref()),
        ));
    }

    let params_line = file.params.as_ref().map_or(at(file.kind.span()), |p| at(p.span()));
    let params = file.params.map(toml::Spanned::into_inner).unwrap_or_default();
    let kind = parse_kind(path, text, file.kind.get_ref(), at(file.kind.span()), params_line, params);
    let kind = match kind {
        Ok(kind) => Some(kind),
        Err(mut kind_problems) => {
            problems.append(&mut kind_problems);
            None
        }
    };

    match (domain, kind) {
        (Some(domain), Some(kind)) if problems.is_empty() => Ok(Task {
            id: file.id,
            domain,
            skill: file.skill,
            say: file.say,
            show: file.show.map(toml::Spanned::into_inner),
            kind,
            typical_seconds: file.typical_seconds.into_inner(),
            shown_path: path.to_owned(),
        }),
        _ => Err(problems),
    }
}

fn params_of<T: DeserializeOwned>(
    path: &str,
    line: Option<usize>,
    params: toml::Table,
) -> Result<T, Vec<Problem>> {
    // Spans inside a re-deserialised table are lost: report at the [params] line.
    T::deserialize(toml::Value::Table(params))
        .map_err(|err| vec![Problem::at(path, line, format!("params: {}", err.message().trim()))])
}

fn in_range<T: PartialOrd + std::fmt::Display + Copy>(
    path: &str,
    line: Option<usize>,
    name: &str,
    value: T,
    low: T,
    high: T,
    problems: &mut Vec<Problem>,
) {
    if value < low || value > high {
        problems.push(Problem::at(
            path,
            line,
            format!("params.{name} = {value} is out of range ({low} to {high})"),
        ));
    }
}

fn parse_kind(
    path: &str,
    text: &str,
    kind: &str,
    kind_line: Option<usize>,
    params_line: Option<usize>,
    params: toml::Table,
) -> Result<TaskKind, Vec<Problem>> {
    // Re-parse the raw text to find the line of a numeric parameter when it is out of range.
    let line_of_param = |name: &str| {
        text.lines()
            .position(|line| {
                line.trim_start().starts_with(&format!("{name} "))
                    || line.trim_start().starts_with(&format!("{name}="))
            })
            .map(|index| index + 1)
            .or(params_line)
    };
    let mut problems = Vec::new();
    let kind = match kind {
        "click_target" => {
            let p: ClickTargetParams = params_of(path, params_line, params)?;
            in_range(path, line_of_param("targets"), "targets", p.targets, 1, 5, &mut problems);
            in_range(path, line_of_param("size"), "size", p.size, 24.0, 400.0, &mut problems);
            TaskKind::ClickTarget { targets: p.targets, size: p.size, target: p.target }
        }
        "double_click" => {
            let p: DoubleClickParams = params_of(path, params_line, params)?;
            in_range(path, line_of_param("size"), "size", p.size, 48.0, 400.0, &mut problems);
            TaskKind::DoubleClick { size: p.size, target: p.target }
        }
        "drag_drop" => {
            let p: DragDropParams = params_of(path, params_line, params)?;
            TaskKind::DragDrop { item: p.item, destination: p.destination }
        }
        "scroll_find" => {
            let p: ScrollFindParams = params_of(path, params_line, params)?;
            in_range(path, params_line, "items (count)", p.items.len(), 4, 60, &mut problems);
            let target = p.target;
            if target >= p.items.len() {
                problems.push(Problem::at(
                    path,
                    line_of_param("target"),
                    format!(
                        "params.target = {target} but there are {} items (counted from 0)",
                        p.items.len()
                    ),
                ));
            }
            TaskKind::ScrollFind { list: p.list, items: p.items, target }
        }
        "type_text" => {
            let p: TypeTextParams = params_of(path, params_line, params)?;
            let length = p.expected.chars().count();
            in_range(path, line_of_param("expected"), "expected (length)", length, 1, 60, &mut problems);
            for (name, text) in [("expected", &p.expected), ("prefilled", &p.prefilled)] {
                if let Some(c) = text.chars().find(|c| !crate::vocabulary::typeable(*c)) {
                    problems.push(Problem::at(
                        path,
                        line_of_param(name),
                        format!("params.{name}: {c:?} cannot be typed on the kiosk's keyboard"),
                    ));
                }
            }
            if p.prefilled == p.expected {
                problems.push(Problem::at(
                    path,
                    line_of_param("prefilled"),
                    "params.prefilled is already the expected text",
                ));
            }
            TaskKind::TypeText { field: p.field, expected: p.expected, prefilled: p.prefilled }
        }
        "browser" => browser_kind(path, params_line, params, &mut problems)?,
        "webmail" => {
            // Message and document ids are checked once the mailboxes are loaded.
            let p: WebmailParams = params_of(path, params_line, params)?;
            match p.goal.into_goal() {
                Ok(goal) => TaskKind::Webmail { mailbox: p.mailbox, goal },
                Err(reason) => return Err(vec![Problem::at(path, line_of_param("goal"), reason)]),
            }
        }
        other => {
            return Err(vec![Problem::at(
                path,
                kind_line,
                format!("unknown task kind {other:?}; kinds: {}", TaskKind::IDS.join(", ")),
            )]);
        }
    };
    if problems.is_empty() { Ok(kind) } else { Err(problems) }
}

/// The browser kind's parameters (page ids are checked once every site is loaded).
fn browser_kind(
    path: &str,
    params_line: Option<usize>,
    params: toml::Table,
    problems: &mut Vec<Problem>,
) -> Result<TaskKind, Vec<Problem>> {
    let p: BrowserParams = params_of(path, params_line, params)?;
    if p.goal == BrowserGoal::BannerClosed(true) && !p.banner {
        problems.push(Problem::at(path, params_line, "goal banner_closed needs banner = true"));
    }
    match (&p.goal, &p.ask) {
        (BrowserGoal::Answered(true), None) => {
            problems.push(Problem::at(path, params_line, "goal answered needs an ask = { … } question"));
        }
        (_, Some(ask)) if ask.answers.len() < 2 || ask.right >= ask.answers.len() => {
            problems.push(Problem::at(
                path,
                params_line,
                "ask needs two answers or more and right < their number",
            ));
        }
        _ => {}
    }
    if p.goal == BrowserGoal::Searched(true) && p.searched.is_some() {
        problems.push(Problem::at(path, params_line, "goal searched needs a start page not yet searched"));
    }
    Ok(TaskKind::Browser {
        site: p.site,
        start: p.start,
        history: p.history,
        banner: p.banner,
        goal: p.goal,
        searched: p.searched,
        ask: p.ask,
        returned: p.returned,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEVELS: [&str; 2] = ["debutant", "autonome"];

    fn task(kind_and_params: &str) -> String {
        format!(
            "id = \"t\"\ndomain = \"mouse\"\nskill = \"s\"\nsay = \"t.say\"\n{kind_and_params}\n[typical_seconds]\ndebutant = 20\nautonome = 3\n"
        )
    }

    #[test]
    fn a_good_task_loads() {
        let text = task(
            "kind = \"click_target\"\n[params]\ntargets = 1\nsize = 200\ntarget = { label = \"t.target\" }",
        );
        let task = parse_task("t.toml", &text, &LEVELS).unwrap();
        assert_eq!(task.kind.id(), "click_target");
        assert!((task.typical_for("debutant") - 20.0).abs() < f32::EPSILON, "typical time");
    }

    #[test]
    fn a_hint_is_read_and_a_silent_one_located() {
        let click =
            "kind = \"click_target\"\n[params]\ntargets = 1\nsize = 200\ntarget = { label = \"t.target\" }";
        let text = task(click).replacen("say = \"t.say\"\n", "say = \"t.say\"\nshow = \"t.show.say\"\n", 1);
        let task_read = parse_task("t.toml", &text, &LEVELS).unwrap();
        assert_eq!(task_read.show.as_deref(), Some("t.show.say"));
        assert_eq!(parse_task("t.toml", &task(click), &LEVELS).unwrap().show, None, "optional");

        let text = task(click).replacen("say = \"t.say\"\n", "say = \"t.say\"\nshow = \"t.show\"\n", 1);
        let problems = parse_task("t.toml", &text, &LEVELS).unwrap_err();
        assert_eq!(problems[0].line, Some(5), "{}", problems[0]);
        assert!(problems[0].message.contains(".say"), "{}", problems[0]);
    }

    #[test]
    fn an_unknown_kind_is_located() {
        let text = task("kind = \"juggle\"");
        let problems = parse_task("t.toml", &text, &LEVELS).unwrap_err();
        assert_eq!(problems[0].line, Some(5), "{}", problems[0]);
        assert!(problems[0].message.contains("unknown task kind"), "{}", problems[0]);
    }

    #[test]
    fn a_webmail_goal_is_read_and_a_bad_one_located() {
        let text = task(
            "kind = \"webmail\"\n[params]\nmailbox = \"box\"\ngoal = { replied = \"hello\", text = \"Oui.\" }",
        );
        let task_read = parse_task("t.toml", &text, &LEVELS).unwrap();
        let goal = MailGoal::Replied { message: "hello".into(), text: "Oui.".into() };
        assert_eq!(task_read.kind, TaskKind::Webmail { mailbox: "box".into(), goal });

        let text = task("kind = \"webmail\"\n[params]\nmailbox = \"box\"\ngoal = { replied = \"hello\" }");
        let problems = parse_task("t.toml", &text, &LEVELS).unwrap_err();
        assert_eq!(problems[0].line, Some(8), "{}", problems[0]);
        assert!(problems[0].message.contains("text"), "{}", problems[0]);
    }

    #[test]
    fn an_out_of_range_parameter_is_located() {
        let text = task(
            "kind = \"click_target\"\n[params]\ntargets = 1\nsize = 2\ntarget = { label = \"t.target\" }",
        );
        let problems = parse_task("t.toml", &text, &LEVELS).unwrap_err();
        assert_eq!(problems[0].line, Some(8), "{}", problems[0]);
        assert!(problems[0].message.contains("out of range"), "{}", problems[0]);
    }

    #[test]
    fn download_and_form_goals_load() {
        let browser = |goal: &str| {
            task(&format!(
                "kind = \"browser\"\n[params]\nsite = \"s\"\nstart = \"a\"\nreturned = true\ngoal = {goal}"
            ))
        };
        let task = parse_task("t.toml", &browser("{ downloaded = \"paid.pdf\" }"), &LEVELS).unwrap();
        assert!(
            matches!(&task.kind, TaskKind::Browser { goal: BrowserGoal::Downloaded(f), returned: true, .. } if f == "paid.pdf")
        );
        let task = parse_task("t.toml", &browser("{ submitted = \"step\" }"), &LEVELS).unwrap();
        assert!(
            matches!(&task.kind, TaskKind::Browser { goal: BrowserGoal::Submitted(f), .. } if f == "step")
        );
        let problems = parse_task("t.toml", &browser("{ sent = \"step\" }"), &LEVELS).unwrap_err();
        assert!(problems[0].message.contains("unknown variant `sent`"), "{}", problems[0]);
    }
}
