//! Every task of the shipped content, alone, through the real UI: once done as asked (its
//! success path) and once given up (its failing path), each outcome measured.

use std::sync::Arc;

use egui::{Key, Modifiers};
use repere_engine::content::mailbox::MailGoal;
use repere_engine::content::task::BrowserGoal;
use repere_engine::content::{Content, TaskKind};
use repere_engine::session::Screen;
use repere_kiosk::i18n::tr;
use repere_kiosk::replay::{Replayer, Step};

use super::{config, content};

pub(super) fn key(key: &str) -> Step {
    Step::ClickKey { key: key.into(), nth: None }
}

pub(super) fn press(key: Key) -> Step {
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
    at_task_in(content, "fr")
}

/// A kiosk on the task's screen, in `language`.
pub(super) fn at_task_in(content: &Arc<Content>, language: &str) -> Replayer {
    let mut replayer = Replayer::new(content, config(), Some(language));
    let name = content.language(language).unwrap().name.clone();
    replayer.steps(&[key("attract.touch"), Step::Click { label: name, nth: None }]).unwrap();
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
        TaskKind::Webmail { mailbox, goal } => webmail_success(content, mailbox, goal),
    }
}

/// The webmail's success path: the visitor at ease reads the card and does as asked.
fn webmail_success(content: &Content, mailbox: &str, goal: &MailGoal) -> Vec<Step> {
    let mailbox = content.mailbox(mailbox).unwrap();
    let open = |id: &str| key(&mailbox.message(id).unwrap().subject);
    match goal {
        MailGoal::Opened(id) => vec![open(id)],
        MailGoal::AttachmentOpened(id) => {
            let document = mailbox.message(id).unwrap().attachment.as_deref().unwrap();
            let name = content.documents.get(document).unwrap().name.clone();
            vec![open(id), Step::Click { label: name, nth: None }]
        }
        // The keyboard types in the reply's text at once; the address and subject are filled.
        MailGoal::Replied { message, text } => {
            vec![open(message), key("webmail.reply"), Step::Type(text.clone()), key("webmail.send")]
        }
        MailGoal::Sent(asked) => {
            let mut steps = vec![key("webmail.new"), Step::Type(asked.to.clone()), press(Key::Enter)];
            for (field, text) in [("webmail.subject", &asked.subject), ("webmail.body", &asked.body)] {
                if let Some(text) = text {
                    steps.extend([key(field), Step::Type(text.clone()), press(Key::Enter)]);
                }
            }
            if let Some(document) = &asked.attachment {
                let name = content.documents.get(document).unwrap().name.clone();
                steps.extend([key("webmail.attach"), Step::Click { label: name, nth: None }]);
            }
            steps.push(key("webmail.send"));
            steps
        }
        MailGoal::Reported(id) => vec![open(id), key("webmail.report")],
    }
}

/// A webmail task not done as asked, kindly: another message opened (a miss), a message not
/// yet as asked (a kind note, said aloud, and a new attempt), a scam's link followed (the
/// task ends not done, explained aloud).
#[test]
fn every_webmail_task_fails_kindly() {
    let content = content();
    let mut seen = 0;
    for index in 0..content.tasks.len() {
        let TaskKind::Webmail { mailbox, goal } = &content.tasks[index].kind else {
            continue;
        };
        seen += 1;
        let only = with_only(&content, index);
        let id = only.tasks[0].id.clone();
        let mailbox = content.mailbox(mailbox).unwrap();
        let other = mailbox.messages.iter().find(|m| !m.suspicious && !goal_names(goal, &m.id)).unwrap();
        let mut replayer = at_task(&only);
        let steps = match goal {
            MailGoal::Opened(_) | MailGoal::AttachmentOpened(_) => {
                vec![key(&other.subject), key("webmail.back"), key("task.skip")]
            }
            MailGoal::Replied { message, .. } => {
                let subject = &mailbox.message(message).unwrap().subject;
                vec![key(subject), key("webmail.reply"), Step::Type("Non".into()), key("webmail.send")]
            }
            MailGoal::Sent(_) => {
                vec![key("webmail.new"), Step::Type("personne@nulle-part.fr".into()), key("webmail.send")]
            }
            MailGoal::Reported(id) => {
                let subject = &mailbox.message(id).unwrap().subject;
                let link = mailbox.message(id).unwrap().link.clone().unwrap();
                vec![key(subject), key(&link), Step::ExpectKey("webmail.trap.title".into())]
            }
        };
        replayer.steps(&steps).unwrap_or_else(|err| panic!("{id}: {err}"));
        match goal {
            MailGoal::Replied { .. } | MailGoal::Sent(_) => {
                let note =
                    if matches!(goal, MailGoal::Sent(_)) { "webmail.note.to" } else { "webmail.note.body" };
                replayer.steps(&[Step::ExpectKey(note.into())]).unwrap_or_else(|err| panic!("{id}: {err}"));
                assert_eq!(replayer.app().last_spoken(), ["task.retry.say"], "{id}: said kindly");
                replayer.steps(&[key("task.skip")]).unwrap();
            }
            MailGoal::Reported(_) => {
                assert_eq!(replayer.app().last_spoken(), ["webmail.trap.say"], "{id}: explained aloud");
                replayer.steps(&[key("common.continue")]).unwrap();
            }
            MailGoal::Opened(_) | MailGoal::AttachmentOpened(_) => {}
        }
        let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
        assert!(!outcome.success, "{id}: {outcome:?}");
        match goal {
            MailGoal::Opened(_) => assert_eq!(outcome.misses, 1, "{id}: another message first"),
            MailGoal::AttachmentOpened(_) => assert_eq!(outcome.misses, 0, "{id}: reading is no mistake"),
            MailGoal::Replied { .. } | MailGoal::Sent(_) => assert_eq!(outcome.attempts, 2, "{id}"),
            MailGoal::Reported(_) => assert!(!outcome.skipped, "{id}: ended, not skipped"),
        }
        assert_eq!(replayer.app().session().screen(), Screen::Result, "{id}");
    }
    assert_eq!(seen, 6, "six webmail tasks");
}

/// True when the goal is about this message.
fn goal_names(goal: &MailGoal, id: &str) -> bool {
    match goal {
        MailGoal::Opened(g) | MailGoal::AttachmentOpened(g) | MailGoal::Reported(g) => g == id,
        MailGoal::Replied { message, .. } => message == id,
        MailGoal::Sent(_) => false,
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
