//! A simulated webmail on a simulated mailbox (`scenarios/mailboxes/`): the inbox, a message
//! and its attachment, reply, a new message typed on the kiosk's keyboard (or a real one)
//! with a document from the visitor's folder attached, the bin and "report a scam". Nothing
//! is sent and a scam's link goes nowhere. The UI collects [`Action`]s; [`apply`] turns them
//! into the next state and the task's events, after the pass.

mod compose;
mod inbox;

use egui::{Rect, Sense, Ui};
use repere_engine::content::Mailbox;
use repere_engine::content::mailbox::{MailGoal, SentMail, Unlike};
use repere_engine::session::{Command, TaskEvent};

use super::ExerciseState;
use crate::app::AppCommand;
use crate::i18n::{tr, tr_with};
use crate::screens::View;
use crate::widgets::document_picker::{Picked, document_picker};
use crate::widgets::keyboard::KeyPress;
use crate::widgets::typing::{KeyEffect, apply_key};

/// Longest text a field of the webmail takes, in characters.
const LONGEST_FIELD: usize = 120;

/// What the webmail shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum MailView {
    /// The list of messages.
    #[default]
    Inbox,
    /// A message (its id).
    Message(String),
    /// The document attached to a message (the message's id).
    Attachment(String),
    /// The message being written.
    Compose,
}

/// A field of the message being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailField {
    /// The recipient's address.
    To,
    /// The subject.
    Subject,
    /// The text.
    Body,
}

/// The message being written (memory only, gone with the task).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The message it answers, for a reply.
    pub reply_to: Option<String>,
    /// The recipient's address.
    pub to: String,
    /// The subject.
    pub subject: String,
    /// The text.
    pub body: String,
    /// The attached document's id.
    pub attachment: Option<String>,
}

impl Draft {
    fn field_mut(&mut self, field: MailField) -> &mut String {
        match field {
            MailField::To => &mut self.to,
            MailField::Subject => &mut self.subject,
            MailField::Body => &mut self.body,
        }
    }
}

/// What the webmail remembers during its task (reset for each task).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MailState {
    /// What is on show.
    pub view: MailView,
    /// Messages opened (their unread mark is gone).
    pub opened: Vec<String>,
    /// Messages put in the bin or reported (out of the inbox).
    pub binned: Vec<String>,
    /// The message being written.
    pub draft: Option<Draft>,
    /// The field the keyboard types in, while it is shown.
    pub typing: Option<MailField>,
    /// The documents folder is open, to attach one.
    pub picking: bool,
    /// After a message sent not as asked: what to check (said kindly).
    pub note: Option<Unlike>,
    /// The scam's link was followed: the kind explanation is on show.
    pub trapped: bool,
}

impl MailState {
    /// A prompt to speak now that the state went from `before` to this one.
    pub fn to_say(&self, before: &Self) -> Option<&'static str> {
        (self.trapped && !before.trapped).then_some("webmail.trap.say")
    }
}

/// What the visitor did in the webmail during a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open a message of the inbox.
    Open(String),
    /// Back to the inbox.
    Inbox,
    /// Open a message's attachment.
    OpenAttachment(String),
    /// Reply to a message.
    Reply(String),
    /// Write a new message.
    NewMessage,
    /// Put a message in the bin.
    Bin(String),
    /// Report a message as a scam.
    Report(String),
    /// Put the binned messages back in the inbox.
    PutBack,
    /// Follow a scam's link.
    FollowLink,
    /// Go on after the scam's explanation.
    ContinueAfterTrap,
    /// Type in this field (shows the keyboard).
    Focus(MailField),
    /// A key of the keyboard (on screen or real).
    Key(KeyPress),
    /// Open the documents folder.
    Attach,
    /// The documents folder's answer.
    Picked(Picked),
    /// Remove the attached document.
    RemoveAttachment,
    /// Send the message.
    Send,
    /// Give up the message.
    Discard,
}

/// The task's mailbox and goal, and the visitor's language.
pub struct Mail<'a> {
    /// The mailbox.
    pub mailbox: &'a Mailbox,
    /// What the visitor is asked to do.
    pub goal: &'a MailGoal,
    /// The visit's language.
    pub language: &'a str,
}

/// The webmail exercise.
pub fn webmail_ui(
    ui: &mut Ui,
    view: &View<'_>,
    area: Rect,
    mail: &Mail<'_>,
    state: &ExerciseState,
    commands: &mut Vec<AppCommand>,
) {
    let mut inner = ui.new_child(egui::UiBuilder::new().max_rect(area.shrink(10.0)));
    inner.set_clip_rect(area);
    let frame_label = view.tr("webmail.frame");
    let frame = inner.interact(area, inner.scope_id().with("webmail_frame"), Sense::hover());
    frame.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Window, true, &frame_label));

    let mut actions = Vec::new();
    let here = &state.mail;
    if here.trapped {
        inbox::trap_ui(&mut inner, view, &mut actions);
    } else {
        match &here.view {
            MailView::Inbox => inbox::inbox_ui(&mut inner, view, mail, here, &mut actions),
            MailView::Message(id) => {
                if let Some(message) = mail.mailbox.message(id) {
                    inbox::message_ui(&mut inner, view, message, &mut actions);
                }
            }
            MailView::Attachment(id) => {
                let attached = mail.mailbox.message(id).and_then(|m| m.attachment.as_deref());
                if let Some(document) = attached.and_then(|d| view.content.documents.get(d)) {
                    inbox::document_ui(&mut inner, view, document, &mut actions);
                }
            }
            MailView::Compose => {
                if let Some(draft) = &here.draft {
                    compose::compose_ui(&mut inner, view, mail, state, draft, &mut actions);
                }
            }
        }
    }
    if here.picking {
        let folder = view.content.documents.folder();
        if let Some(picked) = document_picker(ui.ctx(), view.look, mail.language, &folder) {
            actions.push(Action::Picked(picked));
        }
    }

    let mut next = state.clone();
    for action in actions {
        commands.extend(apply(action, mail, &mut next));
    }
    if next != *state {
        commands.push(AppCommand::Exercise(next));
    }
}

/// Applies one action to the state; returns the task's events.
pub fn apply(action: Action, mail: &Mail<'_>, next: &mut ExerciseState) -> Vec<AppCommand> {
    let event = |e: TaskEvent| AppCommand::Session(Command::Task(e));
    let done = AppCommand::Session(Command::TaskDone);
    let state = &mut next.mail;
    match action {
        Action::Open(id) => {
            if !state.opened.contains(&id) {
                state.opened.push(id.clone());
            }
            state.view = MailView::Message(id.clone());
            match mail.goal {
                MailGoal::Opened(goal) if *goal == id => return vec![done],
                // Another message than the one asked: a step beside the way.
                MailGoal::Opened(_) => return vec![event(TaskEvent::Miss)],
                _ => {}
            }
        }
        Action::Inbox => state.view = MailView::Inbox,
        Action::OpenAttachment(id) => {
            state.view = MailView::Attachment(id.clone());
            if *mail.goal == MailGoal::AttachmentOpened(id) {
                return vec![done];
            }
        }
        Action::Reply(id) => {
            let Some(message) = mail.mailbox.message(&id) else {
                return Vec::new();
            };
            // As in real webmails: the sender's address and "Re: subject" are filled in.
            let subject = tr(mail.language, &message.subject);
            state.draft = Some(Draft {
                reply_to: Some(id),
                to: message.from.clone(),
                subject: tr_with(mail.language, "webmail.reply_subject", &[("subject", &subject)]),
                ..Draft::default()
            });
            state.view = MailView::Compose;
            state.typing = Some(MailField::Body);
            state.note = None;
        }
        Action::NewMessage => {
            state.draft = Some(Draft::default());
            state.view = MailView::Compose;
            state.typing = Some(MailField::To);
            state.note = None;
        }
        Action::Bin(id) | Action::Report(id) => {
            state.binned.push(id.clone());
            state.view = MailView::Inbox;
            return if *mail.goal == MailGoal::Reported(id) {
                vec![done]
            } else {
                vec![event(TaskEvent::Miss)]
            };
        }
        Action::PutBack => state.binned.clear(),
        Action::FollowLink => state.trapped = true,
        Action::ContinueAfterTrap => return vec![AppCommand::Session(Command::TaskNotDone)],
        Action::Focus(field) => state.typing = Some(field),
        Action::Key(press) => {
            let (Some(field), Some(draft)) = (state.typing, state.draft.as_mut()) else {
                return Vec::new();
            };
            match apply_key(&press, draft.field_mut(field), &mut next.shift, LONGEST_FIELD) {
                KeyEffect::Edited => next.tried = false,
                KeyEffect::Confirm => state.typing = None,
                KeyEffect::Shift | KeyEffect::Nothing => {}
            }
        }
        Action::Attach => {
            state.picking = true;
            state.typing = None;
        }
        Action::Picked(picked) => {
            state.picking = false;
            if let (Picked::Document(id), Some(draft)) = (picked, state.draft.as_mut()) {
                draft.attachment = Some(id);
                next.tried = false;
            }
        }
        Action::RemoveAttachment => {
            if let Some(draft) = state.draft.as_mut() {
                draft.attachment = None;
            }
        }
        Action::Send => return send(mail, next),
        Action::Discard => {
            state.draft = None;
            state.typing = None;
            state.note = None;
            state.view = MailView::Inbox;
        }
    }
    Vec::new()
}

/// Sends the draft: the message asked ends the task; one not yet as asked stays, with a kind
/// word on what to check; a message the task does not ask for is sent, a step beside the way.
fn send(mail: &Mail<'_>, next: &mut ExerciseState) -> Vec<AppCommand> {
    let state = &mut next.mail;
    let Some(draft) = &state.draft else {
        return Vec::new();
    };
    let sent = SentMail {
        reply_to: draft.reply_to.as_deref(),
        to: &draft.to,
        subject: &draft.subject,
        body: &draft.body,
        attachment: draft.attachment.as_deref(),
    };
    match mail.goal.check_sent(&sent) {
        Ok(()) => vec![AppCommand::Session(Command::TaskDone)],
        Err(Unlike::NotAsked) => {
            state.draft = None;
            state.typing = None;
            state.view = MailView::Inbox;
            vec![AppCommand::Session(Command::Task(TaskEvent::Miss))]
        }
        Err(unlike) => {
            state.note = Some(unlike);
            state.typing = None;
            next.tried = true;
            vec![AppCommand::Session(Command::Task(TaskEvent::Attempt))]
        }
    }
}

#[cfg(test)]
mod tests {
    use repere_engine::content::Content;

    use super::*;

    fn content() -> Content {
        Content::builtin().unwrap()
    }

    fn run(content: &Content, task: &str, actions: Vec<Action>) -> (ExerciseState, Vec<AppCommand>) {
        let task = content.tasks.iter().find(|t| t.id == task).unwrap();
        let repere_engine::content::TaskKind::Webmail { mailbox, goal } = &task.kind else {
            panic!("{} is not a webmail task", task.id);
        };
        let mail = Mail { mailbox: content.mailbox(mailbox).unwrap(), goal, language: "fr" };
        let mut state = ExerciseState::default();
        let mut commands = Vec::new();
        for action in actions {
            commands.extend(apply(action, &mail, &mut state));
        }
        (state, commands)
    }

    fn typed(text: &str) -> Action {
        Action::Key(KeyPress::Insert(text.to_owned()))
    }

    const DONE: AppCommand = AppCommand::Session(Command::TaskDone);
    const MISS: AppCommand = AppCommand::Session(Command::Task(TaskEvent::Miss));
    const ATTEMPT: AppCommand = AppCommand::Session(Command::Task(TaskEvent::Attempt));

    #[test]
    fn opening_another_message_first_is_a_miss() {
        let content = content();
        let (state, commands) = run(
            &content,
            "email.open",
            vec![Action::Open("lunch".into()), Action::Inbox, Action::Open("workshop".into())],
        );
        assert_eq!(commands, [MISS, DONE]);
        assert_eq!(state.mail.opened, ["lunch", "workshop"], "unread marks gone");
    }

    #[test]
    fn a_reply_is_filled_in_as_in_a_webmail_and_checked() {
        let content = content();
        let (state, commands) = run(
            &content,
            "email.reply",
            vec![Action::Open("lunch".into()), Action::Reply("lunch".into()), typed("Oui, je")],
        );
        let draft = state.mail.draft.clone().unwrap();
        assert_eq!(
            (draft.to.as_str(), draft.subject.as_str()),
            ("sophie.martin@mail-exemple.fr", "Re : Repas de dimanche")
        );
        assert_eq!(draft.body, "Oui, je", "the keyboard types in the text at once");
        assert!(commands.is_empty(), "{commands:?}");
        let (state, commands) = run(
            &content,
            "email.reply",
            vec![
                Action::Reply("lunch".into()),
                typed("Oui, je"),
                Action::Send,
                typed("ignored: the note is on show, no field is typed in"),
                Action::Focus(MailField::Body),
                typed(" viens."),
                Action::Send,
            ],
        );
        assert_eq!(commands, [ATTEMPT, DONE]);
        assert!(!state.tried, "typing again clears the kind note's trigger");
    }

    #[test]
    fn a_new_message_says_what_to_check_and_an_attachment_is_chosen() {
        let content = content();
        let (state, commands) = run(
            &content,
            "email.attach",
            vec![
                Action::NewMessage,
                typed("contact@asso-belleville.fr"),
                Action::Key(KeyPress::Confirm),
                Action::Send,
            ],
        );
        assert_eq!(commands, [ATTEMPT]);
        assert_eq!((state.mail.note, state.tried, state.mail.typing), (Some(Unlike::Attachment), true, None));
        let (_, commands) = run(
            &content,
            "email.attach",
            vec![
                Action::NewMessage,
                typed("contact@asso-belleville.fr"),
                Action::Attach,
                Action::Picked(Picked::Document("photo".into())),
                Action::Send,
                Action::Attach,
                Action::Picked(Picked::Cancelled),
                Action::Attach,
                Action::Picked(Picked::Document("attestation".into())),
                Action::Send,
            ],
        );
        assert_eq!(commands, [ATTEMPT, DONE], "another document, then the right one");
    }

    #[test]
    fn the_scam_is_reported_and_an_honest_message_binned_is_a_miss() {
        let content = content();
        let (state, commands) = run(
            &content,
            "email.suspicious",
            vec![
                Action::Open("pharmacy".into()),
                Action::Bin("pharmacy".into()),
                Action::Report("phishing".into()),
            ],
        );
        assert_eq!(commands, [MISS, DONE]);
        assert_eq!(state.mail.binned, ["pharmacy", "phishing"]);
        let (state, commands) = run(
            &content,
            "email.suspicious",
            vec![Action::Open("phishing".into()), Action::FollowLink, Action::ContinueAfterTrap],
        );
        assert_eq!(commands, [AppCommand::Session(Command::TaskNotDone)]);
        assert_eq!(state.mail.to_say(&MailState::default()), Some("webmail.trap.say"), "explained aloud");
    }

    #[test]
    fn a_message_sent_in_a_task_that_does_not_ask_for_one_is_a_miss() {
        let content = content();
        let (state, commands) =
            run(&content, "email.open", vec![Action::NewMessage, typed("a@b.fr"), Action::Send]);
        assert_eq!(commands, [MISS]);
        assert_eq!((state.mail.view, state.mail.draft), (MailView::Inbox, None));
    }
}
