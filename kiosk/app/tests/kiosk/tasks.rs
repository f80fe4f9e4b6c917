//! Every task of the shipped content, alone, through the real UI: once done as asked (its
//! success path) and once given up (its failing path), each outcome measured.

use std::sync::Arc;

use egui::{Key, Modifiers};
use repere_engine::content::mailbox::MailGoal;
use repere_engine::content::site::{FieldInput, Site, WebForm};
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

/// The content with only the task `id` in the flow.
pub(super) fn with_task(content: &Content, id: &str) -> Arc<Content> {
    with_only(content, content.tasks.iter().position(|t| t.id == id).unwrap())
}

/// What a visitor at ease does for each kind of task.
pub(super) fn success_path(content: &Content) -> Vec<Step> {
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
                BrowserGoal::Downloaded(file) => {
                    let page = site.page_offering(file).unwrap();
                    let mut steps: Vec<Step> =
                        links_to(site, start, &page.id).iter().map(|l| key(l)).collect();
                    steps.push(key(&page.downloads.iter().find(|d| &d.file == file).unwrap().label));
                    steps
                }
                BrowserGoal::Submitted(form) => {
                    let page = site.page_with_form(form).unwrap();
                    let mut steps: Vec<Step> =
                        links_to(site, start, &page.id).iter().map(|l| key(l)).collect();
                    steps.extend(fill_form(content, page.form.as_ref().unwrap()));
                    steps
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

/// The labels of the links that lead from `from` to `to` (fewest first).
pub(super) fn links_to(site: &Site, from: &str, to: &str) -> Vec<String> {
    let mut paths: Vec<(String, Vec<String>)> = vec![(from.to_owned(), Vec::new())];
    let mut seen = vec![from.to_owned()];
    while !paths.is_empty() {
        let mut next = Vec::new();
        for (page, labels) in paths {
            if page == to {
                return labels;
            }
            for link in &site.page(&page).unwrap().links {
                if !seen.contains(&link.to) {
                    seen.push(link.to.clone());
                    next.push((link.to.clone(), [labels.clone(), vec![link.label.clone()]].concat()));
                }
            }
        }
        paths = next;
    }
    panic!("no links lead from {from} to {to}")
}

/// What a visitor at ease does on a form: each field not right at the start filled with the
/// value asked, then the send button.
pub(super) fn fill_form(content: &Content, form: &WebForm) -> Vec<Step> {
    let mut steps = Vec::new();
    for field in form.fields.iter().filter(|f| !f.accepts(&f.initial())) {
        match &field.input {
            FieldInput::Date { .. } => {
                let date = field.shown_expected().unwrap().replace('/', "");
                steps.extend([key("browser.form.day"), Step::Type(date), press(Key::Enter)]);
            }
            FieldInput::Text { expected, prefilled } => {
                steps.push(key(&field.label));
                steps.extend(prefilled.chars().map(|_| press(Key::Backspace)));
                steps.extend([Step::Type(expected.clone()), press(Key::Enter)]);
            }
            FieldInput::Choice { options, expected, .. } => {
                steps.extend([key(&field.label), key(&options[*expected])]);
            }
            FieldInput::Checkbox { .. } => steps.push(key(&field.label)),
            FieldInput::File { expected } => {
                let name = content.documents.get(expected).unwrap().name.clone();
                steps.extend([key("browser.form.choose_file"), Step::Click { label: name, nth: None }]);
            }
        }
    }
    steps.push(key(&form.send));
    steps
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

/// The site and the form of a task that asks to send a form.
fn form_of(content: &Content) -> Option<(&Site, &WebForm)> {
    let TaskKind::Browser { site, goal: BrowserGoal::Submitted(form), .. } = &content.tasks[0].kind else {
        return None;
    };
    let site = content.site(site).unwrap();
    Some((site, site.page_with_form(form).unwrap().form.as_ref().unwrap()))
}

#[test]
fn a_form_sent_wrong_shows_and_says_its_error_then_is_accepted_once_fixed() {
    let content = content();
    let mut forms = 0;
    for task in &content.tasks {
        let only = with_task(&content, &task.id);
        let Some((site, form)) = form_of(&only) else { continue };
        forms += 1;
        let TaskKind::Browser { start, .. } = &only.tasks[0].kind else { unreachable!() };
        let page = site.page_with_form(&form.id).unwrap();
        let wrong = form.wrong_fields(repere_engine::content::site::FormField::initial);
        let mut replayer = at_task(&only);
        let returned = matches!(&only.tasks[0].kind, TaskKind::Browser { returned: true, .. });
        let said: Vec<String> = [only.tasks[0].say.clone()]
            .into_iter()
            .chain(returned.then(|| wrong.iter().map(|f| f.error.clone())).into_iter().flatten())
            .collect();
        assert_eq!(replayer.app().last_spoken(), said, "{}: a form come back says its errors", task.id);
        let mut steps: Vec<Step> = links_to(site, start, &page.id).iter().map(|l| key(l)).collect();
        steps.extend([key(&form.send), Step::ExpectKey(wrong[0].error.clone())]);
        replayer.steps(&steps).unwrap_or_else(|err| panic!("{}: {err}", task.id));
        assert_eq!(
            replayer.app().last_spoken(),
            [wrong[0].error.clone()],
            "{}: the error is read aloud",
            task.id
        );
        assert!(replayer.app().session().outcomes().is_empty(), "{}: not sent yet", task.id);
        replayer.steps(&fill_form(&only, form)).unwrap_or_else(|err| panic!("{}: {err}", task.id));
        let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
        assert!(outcome.success && outcome.misses == 1, "{}: {outcome:?}", task.id);
    }
    assert!(forms >= 4, "date, list, checkbox, error: {forms}");
}

#[test]
fn a_date_is_typed_with_or_without_separators() {
    let only = with_task(&content(), "procedure.date");
    for typed in ["14/3/1985", "14.03.1985", "1403 1985"] {
        let mut replayer = at_task(&only);
        let steps = [
            key("browser.form.day"),
            Step::Type(typed.into()),
            press(Key::Enter),
            key("site.moncompte.form.continue"),
        ];
        replayer.steps(&steps).unwrap();
        let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
        assert!(outcome.success && outcome.misses == 0, "{typed}: {outcome:?}");
    }
    let mut replayer = at_task(&only);
    let steps = [key("browser.form.day"), Step::Type("14031958".into()), press(Key::Enter)];
    replayer.steps(&steps).unwrap();
    replayer.steps(&[key("site.moncompte.form.continue")]).unwrap();
    replayer.steps(&[Step::ExpectKey("site.moncompte.identity.birth_date_error.say".into())]).unwrap();
    replayer.steps(&[key("browser.form.year"), press(Key::Backspace), press(Key::Backspace)]).unwrap();
    replayer
        .steps(&[Step::Type("85".into()), key("task.keyboard.confirm"), key("site.moncompte.form.continue")])
        .unwrap();
    let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
    assert!(outcome.success && outcome.misses == 1, "a year fixed: {outcome:?}");
}

#[test]
fn a_list_is_chosen_with_the_keyboard() {
    let only = with_task(&content(), "procedure.list");
    let mut replayer = at_task(&only);
    replayer.steps(&[key("site.moncompte.situation.field")]).unwrap();
    replayer
        .steps(&[press(Key::ArrowDown), press(Key::ArrowDown), press(Key::ArrowDown), press(Key::Enter)])
        .unwrap();
    let value = replayer.app().ui_state().exercise.form.values.get("situation").cloned();
    assert_eq!(value, Some(repere_engine::content::site::FieldValue::Choice(Some(2))), "the third line");
    replayer.steps(&[key("site.moncompte.form.continue")]).unwrap();
    let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
    assert!(outcome.success && outcome.misses == 0, "{outcome:?}");
}

#[test]
fn a_wrong_turn_and_a_wrong_download_are_misses_and_the_bar_shows_the_file() {
    let only = with_task(&content(), "procedure.certificate");
    let mut replayer = at_task(&only);
    replayer
        .steps(&[
            key("site.moncompte.account.link_payments"),
            key("site.moncompte.account.link_certificates"),
        ])
        .unwrap();
    replayer.steps(&[key("site.moncompte.certificates.family_quotient")]).unwrap();
    replayer
        .steps(&[
            Step::Expect("attestation-quotient-familial.pdf".into()),
            Step::ExpectKey("browser.download.done".into()),
        ])
        .unwrap();
    assert!(replayer.app().session().outcomes().is_empty(), "not the certificate asked");
    replayer.steps(&[key("site.moncompte.certificates.payment")]).unwrap();
    let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
    assert!(
        outcome.success && outcome.misses == 2,
        "the payments page and the other certificate: {outcome:?}"
    );
}

#[test]
fn the_photo_is_refused_and_the_proof_of_address_sent() {
    let content = content();
    let only = with_task(&content, "procedure.upload");
    let name = |id: &str| content.documents.get(id).unwrap().name.clone();
    let mut replayer = at_task(&only);
    replayer.steps(&[key("browser.form.choose_file"), key("documents.cancel")]).unwrap();
    replayer.steps(&[Step::ExpectKey("browser.form.no_file".into())]).unwrap();
    let photo = Step::Click { label: name("photo"), nth: None };
    replayer.steps(&[key("browser.form.choose_file"), photo, key("site.moncompte.form.send")]).unwrap();
    replayer.steps(&[Step::ExpectKey("site.moncompte.proof.field_error.say".into())]).unwrap();
    assert!(replayer.app().session().outcomes().is_empty(), "a photo is not the proof asked");
    let proof = Step::Click { label: name("attestation"), nth: None };
    replayer.steps(&[key("browser.form.choose_file"), proof, Step::Expect(name("attestation"))]).unwrap();
    replayer.steps(&[key("site.moncompte.form.send")]).unwrap();
    let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
    assert!(outcome.success && outcome.misses == 1, "{outcome:?}");
}

#[test]
fn show_me_shows_and_says_the_hint_and_counts_as_help_not_as_failure() {
    let content = content();
    for language in ["fr", "ar"] {
        let only = with_task(&content, "internet.address");
        let hint = only.tasks[0].show.clone().unwrap();
        let mut replayer = at_task_in(&only, language);
        assert!(!replayer.app().ui_state().hint_shown, "no hint before it is asked for");
        replayer.steps(&[key("task.show_me"), Step::ExpectKey(hint.clone())]).unwrap();
        assert_eq!(replayer.app().last_spoken(), [hint], "{language}: the hint is said");
        assert_eq!(replayer.app().session().screen(), Screen::Task(0), "{language}: still on the task");
        replayer.steps(&success_path(&only)).unwrap();
        let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
        assert!(outcome.success && !outcome.skipped && outcome.help == 1, "{language}: {outcome:?}");
        let weight = outcome.weight(only.tasks.first(), &only.scoring);
        assert!(weight > 0.0 && weight < 1.0, "{language}: done with help weighs less: {weight}");
    }

    // Pressed again, the hint is said again and counts again; the next task starts without it.
    let only = with_task(&content, "mouse.click_big");
    let hint = only.tasks[0].show.clone().unwrap();
    let mut replayer = at_task(&only);
    replayer.steps(&[key("task.show_me"), key("toolbar.hear_again")]).unwrap();
    assert_eq!(replayer.app().last_spoken(), [only.tasks[0].say.clone()], "the instruction again");
    assert!(!replayer.app().ui_state().hint_shown, "the instruction is back in the caption");
    replayer.steps(&[key("task.show_me"), Step::ExpectKey(hint.clone())]).unwrap();
    assert_eq!(replayer.app().last_spoken(), [hint], "the hint again");
    replayer.steps(&[key("task.skip")]).unwrap();
    let outcome = replayer.app().session().outcomes().first().cloned().unwrap();
    assert!(outcome.skipped && outcome.help == 3, "twice shown, once heard: {outcome:?}");
    assert!(!replayer.app().ui_state().hint_shown, "the hint ends with its task");
}
