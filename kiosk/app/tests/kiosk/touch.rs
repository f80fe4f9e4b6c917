//! Touch works for every kind of task: the events a touch screen sends through egui-winit (a
//! touch, plus the pointer it emulates, then "pointer gone" when the finger lifts).

use egui::{Event, Modifiers, PointerButton, Pos2, TouchDeviceId, TouchId, TouchPhase};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use repere_engine::content::TaskKind;
use repere_engine::content::mailbox::MailGoal;
use repere_kiosk::i18n::tr;
use repere_kiosk::replay::{Replayer, Step};

use super::content;
use super::tasks::{at_task, success_path, with_only};

fn touch(replayer: &mut Replayer, phase: TouchPhase, pos: Pos2) {
    let harness = replayer.harness_mut();
    harness.event(Event::Touch { device_id: TouchDeviceId(1), id: TouchId(1), phase, pos, force: None });
    match phase {
        TouchPhase::Start => {
            harness.event(Event::PointerMoved(pos));
            harness.event(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed: true,
                modifiers: Modifiers::NONE,
            });
        }
        TouchPhase::Move => harness.event(Event::PointerMoved(pos)),
        TouchPhase::End | TouchPhase::Cancel => {
            harness.event(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed: false,
                modifiers: Modifiers::NONE,
            });
            harness.event(Event::PointerGone);
        }
    }
    harness.step();
}

/// The centre of the widget labelled `label`, a pressable one rather than a text that says
/// the same words.
fn centre(replayer: &Replayer, label: &str) -> Pos2 {
    let nodes: Vec<_> = replayer.harness().query_all_by_label(label).collect();
    let pressable = nodes.iter().find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label);
    pressable.or(nodes.first()).unwrap_or_else(|| panic!("no {label:?}")).rect().center()
}

/// Types `text` on the kiosk's keyboard, key by key (shift for a capital).
fn tap_text(replayer: &mut Replayer, text: &str) {
    let fr = |k: &str| tr("fr", k);
    for c in text.chars() {
        if c == ' ' {
            tap(replayer, &fr("task.keyboard.space"));
        } else if c.is_uppercase() {
            tap(replayer, &fr("task.keyboard.shift"));
            tap(replayer, &c.to_string());
        } else {
            tap(replayer, &c.to_string());
        }
    }
}

/// A webmail task done by touch, as the success path does it with a mouse.
fn webmail_by_touch(
    replayer: &mut Replayer,
    content: &repere_engine::content::Content,
    mailbox: &str,
    goal: &MailGoal,
) {
    let fr = |k: &str| tr("fr", k);
    let mailbox = content.mailbox(mailbox).unwrap();
    let subject = |id: &str| fr(&mailbox.message(id).unwrap().subject);
    match goal {
        MailGoal::Opened(id) => tap(replayer, &subject(id)),
        MailGoal::AttachmentOpened(id) => {
            tap(replayer, &subject(id));
            let document = mailbox.message(id).unwrap().attachment.clone().unwrap();
            tap(replayer, &content.documents.get(&document).unwrap().name);
        }
        MailGoal::Replied { message, text } => {
            tap(replayer, &subject(message));
            tap(replayer, &fr("webmail.reply"));
            tap_text(replayer, text);
            tap(replayer, &fr("webmail.send"));
        }
        MailGoal::Sent(asked) => {
            tap(replayer, &fr("webmail.new"));
            tap_text(replayer, &asked.to);
            tap(replayer, &fr("task.keyboard.confirm"));
            for (field, text) in [("webmail.subject", &asked.subject), ("webmail.body", &asked.body)] {
                if let Some(text) = text {
                    tap(replayer, &fr(field));
                    tap_text(replayer, text);
                    tap(replayer, &fr("task.keyboard.confirm"));
                }
            }
            if let Some(document) = &asked.attachment {
                tap(replayer, &fr("webmail.attach"));
                tap(replayer, &content.documents.get(document).unwrap().name);
            }
            tap(replayer, &fr("webmail.send"));
        }
        MailGoal::Reported(id) => {
            tap(replayer, &subject(id));
            tap(replayer, &fr("webmail.report"));
        }
    }
}

fn tap(replayer: &mut Replayer, label: &str) {
    let pos = centre(replayer, label);
    touch(replayer, TouchPhase::Start, pos);
    touch(replayer, TouchPhase::End, pos);
    for _ in 0..3 {
        replayer.harness_mut().step();
    }
}

fn swipe(replayer: &mut Replayer, from: Pos2, to: Pos2) {
    touch(replayer, TouchPhase::Start, from);
    for i in 1..=10 {
        touch(replayer, TouchPhase::Move, from + (to - from) * (i as f32 / 10.0));
    }
    touch(replayer, TouchPhase::End, to);
    for _ in 0..20 {
        replayer.harness_mut().step();
    }
}

#[test]
fn every_task_works_by_touch() {
    let content = content();
    let fr = |k: &str| tr("fr", k);
    for index in 0..content.tasks.len() {
        let only = with_only(&content, index);
        let task = only.tasks[0].clone();
        let mut replayer = at_task(&only);
        match &task.kind {
            TaskKind::ClickTarget { targets, target, .. } => {
                (0..*targets).for_each(|_| tap(&mut replayer, &fr(&target.label)));
            }
            TaskKind::DoubleClick { target, .. } => {
                let pos = centre(&replayer, &fr(&target.label));
                for _ in 0..2 {
                    touch(&mut replayer, TouchPhase::Start, pos);
                    touch(&mut replayer, TouchPhase::End, pos);
                }
            }
            TaskKind::DragDrop { item, destination } => {
                let (from, to) =
                    (centre(&replayer, &fr(&item.label)), centre(&replayer, &fr(&destination.label)));
                swipe(&mut replayer, from, to);
            }
            TaskKind::ScrollFind { list, items, target } => {
                let list = centre(&replayer, &fr(list));
                // The finger pushes the list up to bring the end into view.
                for _ in 0..3 {
                    swipe(&mut replayer, list + egui::vec2(200.0, 150.0), list + egui::vec2(200.0, -150.0));
                }
                tap(&mut replayer, &fr(&items[*target].label));
            }
            TaskKind::TypeText { expected, prefilled, .. } => {
                for _ in prefilled.chars() {
                    tap(&mut replayer, &fr("question.postcode.erase"));
                }
                tap_text(&mut replayer, expected);
                tap(&mut replayer, &fr("task.keyboard.confirm"));
            }
            TaskKind::Webmail { mailbox, goal } => webmail_by_touch(&mut replayer, &content, mailbox, goal),
            // The browser's links, buttons, fields, lists and boxes, pressed with a finger, and
            // what is typed, typed on the screen's keyboard.
            TaskKind::Browser { .. } => {
                for step in success_path(&only) {
                    match step {
                        Step::ClickKey { key, .. } => tap(&mut replayer, &fr(&key)),
                        Step::Click { label, .. } => tap(&mut replayer, &label),
                        Step::Type(text) => tap_text(&mut replayer, &text),
                        Step::Press { key: egui::Key::Enter, .. } => {
                            tap(&mut replayer, &fr("task.keyboard.confirm"));
                        }
                        Step::Press { key: egui::Key::Backspace, .. } => {
                            tap(&mut replayer, &fr("question.postcode.erase"));
                        }
                        other => panic!("{}: no touch for {other:?}", task.id),
                    }
                }
            }
        }
        let outcome = replayer.app().session().outcomes().first().cloned();
        assert!(outcome.as_ref().is_some_and(|o| o.success), "{} by touch: {outcome:?}", task.id);
    }
}
