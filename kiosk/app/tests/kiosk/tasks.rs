//! Every task of the shipped content, alone, through the real UI: once done as asked (its
//! success path) and once given up (its failing path), each outcome measured.

use std::sync::Arc;

use egui::{Key, Modifiers};
use repere_engine::content::task::BrowserGoal;
use repere_engine::content::{Content, TaskKind};
use repere_engine::session::Screen;
use repere_kiosk::i18n::tr;
use repere_kiosk::replay::{Replayer, Step};

use super::{config, content};

pub(super) fn key(key: &str) -> Step {
    Step::ClickKey { key: key.into(), nth: None }
}

fn press(key: Key) -> Step {
    Step::Press { key, modifiers: Modifiers::NONE }
}

/// The content with only this task in the flow.
pub(super) fn with_only(content: &Content, index: usize) -> Arc<Content> {
    let mut only = content.clone();
    let task = only.tasks.remove(index);
    only.flow.tasks = vec![task.id.clone()];
    only.tasks = vec![task];
    Arc::new(only)
}

/// A kiosk on the task's screen, in French.
pub(super) fn at_task(content: &Arc<Content>) -> Replayer {
    let mut replayer = Replayer::new(content, config(), Some("fr"));
    replayer.steps(&[key("attract.touch"), Step::Click { label: "Français".into(), nth: None }]).unwrap();
    replayer.steps(&[key("welcome.start"), key("common.no")]).unwrap();
    while let Screen::Question(_) = replayer.app().session().screen() {
        replayer.steps(&[key("common.skip")]).unwrap();
    }
    assert_eq!(replayer.app().session().screen(), Screen::Task(0), "the questions lead to the task");
    replayer
}

/// What a visitor at ease does for each kind of task.
fn success_path(content: &Content) -> Vec<Step> {
    let fr = |k: &str| tr("fr", k);
    let task = &content.tasks[0];
    match &task.kind {
        TaskKind::ClickTarget { targets, target, .. } => (0..*targets).map(|_| key(&target.label)).collect(),
        TaskKind::DoubleClick { target, .. } => {
            vec![Step::DoubleClick { label: fr(&target.label), nth: None }]
        }
        TaskKind::DragDrop { item, destination } => {
            vec![Step::Drag { from: fr(&item.label), to: fr(&destination.label) }]
        }
        TaskKind::ScrollFind { list, items, target } => {
            vec![Step::Scroll { on: fr(list), dy: -2000.0 }, key(&items[*target].label)]
        }
        TaskKind::TypeText { expected, prefilled, .. } => {
            let mut steps: Vec<Step> = prefilled.chars().map(|_| press(Key::Backspace)).collect();
            steps.extend([Step::Type(expected.clone()), press(Key::Enter)]);
            steps
        }
        TaskKind::Browser { site, start, goal, ask, .. } => {
            let site = content.site(site).unwrap();
            if let Some(login) = &site.page(start).unwrap().login {
                return vec![
                    key("browser.login.identifier"),
                    Step::Type(login.identifier.clone()),
                    key("browser.login.password"),
                    Step::Type(login.password.clone()),
                    key("browser.login.connect"),
                ];
            }
            match goal {
                BrowserGoal::Page(page) => {
                    let address = site.page(page).unwrap().address.clone();
                    vec![key("browser.address"), Step::Type(address), press(Key::Enter)]
                }
                BrowserGoal::BackTo(_) => vec![key("browser.back")],
                BrowserGoal::BannerClosed(_) => vec![key("browser.banner.refuse")],
                BrowserGoal::Searched(_) => {
                    vec![key("browser.search"), Step::Type("mairie".into()), press(Key::Enter)]
                }
                BrowserGoal::Answered(_) => {
                    let ask = ask.as_ref().unwrap();
                    vec![key(&ask.answers[ask.right])]
                }
            }
        }
    }
}

#[test]
fn every_task_can_be_done_and_given_up() {
    let content = content();
    assert!(content.tasks.len() >= 18, "{} tasks", content.tasks.len());
    for index in 0..content.tasks.len() {
        let only = with_only(&content, index);
        let id = only.tasks[0].id.clone();

        let mut replayer = at_task(&only);
        replayer.steps(&success_path(&only)).unwrap_or_else(|err| panic!("{id}: {err}"));
        let outcome = replayer.app().session().outcomes().first().cloned();
        let outcome = outcome.unwrap_or_else(|| panic!("{id}: the success path did not end the task"));
        assert!(outcome.success && !outcome.skipped, "{id}: {outcome:?}");
        assert_eq!(replayer.app().session().screen(), Screen::Result, "{id}");

        let mut replayer = at_task(&only);
        replayer.steps(&[key("toolbar.hear_again"), key("task.skip")]).unwrap();
        let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
        assert!(!outcome.success && outcome.skipped && outcome.help == 1, "{id}: {outcome:?}");
        let result = replayer.outcome().unwrap();
        assert_eq!(result.domains[&outcome.domain].status.id(), "not_yet", "{id}");
    }
}
