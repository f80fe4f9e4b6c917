//! A simulated mailbox (`scenarios/mailboxes/*.toml`) for the webmail tasks: the messages of an
//! inbox, and what a webmail task asks the visitor to do with them (its goal). Nothing is sent
//! or fetched: the webmail is drawn by the app, and a suspicious message's link goes nowhere.

use serde::Deserialize;

use crate::problem::{Problem, line_of, toml_problem};
use crate::vocabulary::typeable;

use super::documents::Documents;

/// Longest text a goal asks the visitor to type (address, subject, message), in characters.
pub const LONGEST_TYPED: usize = 80;

/// One received message.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Id, unique in the mailbox, referred to by task goals.
    pub id: String,
    /// The sender's address (Latin, typeable on the kiosk's keyboard).
    pub from: String,
    /// i18n key of the sender's name.
    pub sender: String,
    /// i18n key of the subject.
    pub subject: String,
    /// i18n key of the text.
    pub body: String,
    /// Id of the attached document (`documents.toml`), if any.
    #[serde(default)]
    pub attachment: Option<String>,
    /// i18n key of the words of a link in the text (only in a suspicious message; it goes
    /// nowhere).
    #[serde(default)]
    pub link: Option<String>,
    /// A scam (a fake "your account will be closed"): to report or put in the bin, never to
    /// follow.
    #[serde(default)]
    pub suspicious: bool,
    /// Already read (no unread mark).
    #[serde(default)]
    pub read: bool,
}

/// A simulated inbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mailbox {
    /// Id, referred to by tasks.
    pub id: String,
    /// Messages, newest first (the inbox's order).
    pub messages: Vec<Message>,
    /// The file it came from.
    pub shown_path: String,
}

impl Mailbox {
    /// The message with this id.
    pub fn message(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }

    /// Every i18n key the mailbox uses.
    pub fn keys(&self) -> Vec<&str> {
        self.messages
            .iter()
            .flat_map(|m| {
                [m.sender.as_str(), m.subject.as_str(), m.body.as_str()].into_iter().chain(m.link.as_deref())
            })
            .collect()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MailboxFile {
    id: String,
    message: Vec<toml::Spanned<Message>>,
}

/// Parses and checks one mailbox file; attachments are checked against `documents` when they
/// could be loaded.
pub fn parse_mailbox(path: &str, text: &str, documents: Option<&Documents>) -> Result<Mailbox, Vec<Problem>> {
    let file: MailboxFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let mut problems = Vec::new();
    let ids: Vec<&str> = file.message.iter().map(|m| m.get_ref().id.as_str()).collect();
    for spanned in &file.message {
        let message = spanned.get_ref();
        let line = Some(line_of(text, spanned.span().start));
        if ids.iter().filter(|id| **id == message.id).count() > 1 {
            problems.push(Problem::at(path, line, format!("message id {:?} is used twice", message.id)));
        }
        if let Err(reason) = check_address(&message.from) {
            problems.push(Problem::at(path, line, format!("from {:?}: {reason}", message.from)));
        }
        if message.link.is_some() && !message.suspicious {
            problems.push(Problem::at(
                path,
                line,
                "a link is only for a suspicious message (the webmail opens no page)",
            ));
        }
        if let (Some(attachment), Some(documents)) = (&message.attachment, documents)
            && documents.get(attachment).is_none()
        {
            problems.push(Problem::at(
                path,
                line,
                format!("attachment {attachment:?} is not a document of {}", documents.shown_path),
            ));
        }
    }
    if problems.is_empty() {
        Ok(Mailbox {
            id: file.id,
            messages: file.message.into_iter().map(toml::Spanned::into_inner).collect(),
            shown_path: path.to_owned(),
        })
    } else {
        Err(problems)
    }
}

/// An e-mail address the visitor can type: one `@`, a dot after it, no spaces.
fn check_address(address: &str) -> Result<(), String> {
    if let Some(c) = address.chars().find(|c| !typeable(*c) || *c == ' ') {
        return Err(format!("{c:?} cannot be typed in an address"));
    }
    match address.split_once('@') {
        Some((name, domain)) if !name.is_empty() && domain.contains('.') && !domain.contains('@') => Ok(()),
        _ => Err("not an e-mail address (name@domain.fr)".to_owned()),
    }
}

/// What a webmail task asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailGoal {
    /// Open this message.
    Opened(String),
    /// Open the document attached to this message.
    AttachmentOpened(String),
    /// Reply to this message with this text.
    Replied {
        /// Id of the message to answer.
        message: String,
        /// The text to write (shown on a card; not the visitor's own words).
        text: String,
    },
    /// Send a new message.
    Sent(Outgoing),
    /// Report this suspicious message, or put it in the bin, without following its link.
    Reported(String),
}

/// A message the visitor is asked to write (given on a card, never their own data). What is
/// left out may be anything.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Outgoing {
    /// The recipient's address.
    pub to: String,
    /// The subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// The text.
    #[serde(default)]
    pub body: Option<String>,
    /// Id of a document of the visitor's folder to attach.
    #[serde(default)]
    pub attachment: Option<String>,
}

/// A task file's `goal = { … }`, before it is checked.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct GoalTable {
    opened: Option<String>,
    attachment_opened: Option<String>,
    replied: Option<String>,
    text: Option<String>,
    sent: Option<Outgoing>,
    reported: Option<String>,
}

impl GoalTable {
    /// The goal, or why the table is not one (the texts to type are checked here; message
    /// and document ids once the mailboxes are loaded).
    pub fn into_goal(self) -> Result<MailGoal, String> {
        let given = [
            self.opened.is_some(),
            self.attachment_opened.is_some(),
            self.replied.is_some(),
            self.sent.is_some(),
            self.reported.is_some(),
        ];
        if given.iter().filter(|g| **g).count() != 1 {
            return Err(
                "goal needs exactly one of opened, attachment_opened, replied, sent, reported".to_owned()
            );
        }
        if self.text.is_some() && self.replied.is_none() {
            return Err("goal: text goes with replied only".to_owned());
        }
        if let Some(message) = self.replied {
            let text = self.text.ok_or("goal replied needs the text to write: text = \"…\"")?;
            check_typed("text", &text)?;
            return Ok(MailGoal::Replied { message, text });
        }
        if let Some(sent) = self.sent {
            check_address(&sent.to).map_err(|reason| format!("goal sent.to {:?}: {reason}", sent.to))?;
            for (name, typed) in [("subject", &sent.subject), ("body", &sent.body)] {
                if let Some(typed) = typed {
                    check_typed(&format!("sent.{name}"), typed)?;
                }
            }
            return Ok(MailGoal::Sent(sent));
        }
        let goal = self
            .opened
            .map(MailGoal::Opened)
            .or(self.attachment_opened.map(MailGoal::AttachmentOpened))
            .or(self.reported.map(MailGoal::Reported));
        goal.ok_or_else(|| "goal is empty".to_owned())
    }
}

/// A text the visitor is asked to type: not empty, not too long, typeable.
fn check_typed(name: &str, text: &str) -> Result<(), String> {
    let length = text.trim().chars().count();
    if !(1..=LONGEST_TYPED).contains(&length) {
        return Err(format!("goal {name}: {length} characters (1 to {LONGEST_TYPED})"));
    }
    match text.chars().find(|c| !typeable(*c)) {
        Some(c) => Err(format!("goal {name}: {c:?} cannot be typed on the kiosk's keyboard")),
        None => Ok(()),
    }
}

impl MailGoal {
    /// Every message and document id the goal refers to, each with the check it must pass.
    fn references(&self) -> Vec<Reference<'_>> {
        match self {
            Self::Opened(id) => vec![Reference::Message(id)],
            Self::AttachmentOpened(id) => vec![Reference::MessageWithAttachment(id)],
            Self::Replied { message, .. } => vec![Reference::HonestMessage(message)],
            Self::Reported(id) => vec![Reference::SuspiciousMessage(id)],
            Self::Sent(sent) => sent.attachment.iter().map(|d| Reference::FolderDocument(d)).collect(),
        }
    }

    /// Checks a message the visitor sends against the goal.
    pub fn check_sent(&self, sent: &SentMail<'_>) -> Result<(), Unlike> {
        match self {
            Self::Replied { message, text } => {
                if sent.reply_to != Some(message.as_str()) {
                    Err(Unlike::NotTheReply)
                } else if !same_text(sent.body, text) {
                    Err(Unlike::Body)
                } else {
                    Ok(())
                }
            }
            Self::Sent(asked) => {
                let differs = |asked: &Option<String>, typed: &str| {
                    asked.as_ref().is_some_and(|a| !same_text(typed, a))
                };
                if !same_address(sent.to, &asked.to) {
                    Err(Unlike::To)
                } else if differs(&asked.subject, sent.subject) {
                    Err(Unlike::Subject)
                } else if differs(&asked.body, sent.body) {
                    Err(Unlike::Body)
                } else if asked.attachment.is_some() && asked.attachment.as_deref() != sent.attachment {
                    Err(Unlike::Attachment)
                } else {
                    Ok(())
                }
            }
            Self::Opened(_) | Self::AttachmentOpened(_) | Self::Reported(_) => Err(Unlike::NotAsked),
        }
    }
}

/// A message the visitor sends, as the webmail has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentMail<'a> {
    /// The message it answers, for a reply.
    pub reply_to: Option<&'a str>,
    /// The recipient's address typed.
    pub to: &'a str,
    /// The subject.
    pub subject: &'a str,
    /// The text.
    pub body: &'a str,
    /// The attached document's id.
    pub attachment: Option<&'a str>,
}

/// What is not yet as asked in a message sent (the first thing to check, in the order the
/// visitor fills the message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unlike {
    /// A reply was asked, to another message (or this is a new message).
    NotTheReply,
    /// The recipient's address.
    To,
    /// The subject.
    Subject,
    /// The text.
    Body,
    /// The attached document (missing or another one).
    Attachment,
    /// The task does not ask to send a message.
    NotAsked,
}

/// Two addresses are the same one: case and surrounding spaces do not matter, as in a
/// webmail.
pub fn same_address(typed: &str, asked: &str) -> bool {
    typed.trim().eq_ignore_ascii_case(asked.trim())
}

/// A text typed says what was asked: case, repeated spaces and a final full stop do not
/// matter (a reader would not notice them).
pub fn same_text(typed: &str, asked: &str) -> bool {
    let plain = |text: &str| {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        words.join(" ").trim_end_matches('.').trim_end().to_owned()
    };
    plain(typed) == plain(asked)
}

enum Reference<'a> {
    Message(&'a str),
    MessageWithAttachment(&'a str),
    HonestMessage(&'a str),
    SuspiciousMessage(&'a str),
    FolderDocument(&'a str),
}

/// Problems of a webmail task's mailbox and goal against the loaded mailboxes and documents,
/// located in the task file's `text` (`path`). A mailbox in `refused` (its own file has
/// problems) is not reported again.
pub fn goal_problems(
    path: &str,
    text: &str,
    mailbox: &str,
    goal: &MailGoal,
    mailboxes: &[Mailbox],
    refused: &[String],
    documents: &Documents,
) -> Vec<Problem> {
    // The line naming `id` in quotes, else the goal's line.
    let line_naming = |id: &str| {
        let quoted = format!("\"{id}\"");
        let position = text
            .lines()
            .position(|l| l.contains(&quoted))
            .or_else(|| text.lines().position(|l| l.trim_start().starts_with("goal")));
        position.map(|index| index + 1)
    };
    let Some(found) = mailboxes.iter().find(|m| m.id == mailbox) else {
        if refused.iter().any(|r| r == mailbox) {
            return Vec::new();
        }
        let known: Vec<&str> = mailboxes.iter().map(|m| m.id.as_str()).collect();
        return vec![Problem::at(
            path,
            line_naming(mailbox),
            format!("params.mailbox: no mailbox has id {mailbox:?}; mailboxes: {}", known.join(", ")),
        )];
    };
    let mut problems = Vec::new();
    for reference in goal.references() {
        let (id, wrong) = match reference {
            Reference::FolderDocument(id) => {
                let in_folder = documents.get(id).is_some_and(|d| d.in_folder);
                (id, (!in_folder).then(|| format!("{id:?} is not a document of the visitor's folder")))
            }
            Reference::Message(id)
            | Reference::MessageWithAttachment(id)
            | Reference::HonestMessage(id)
            | Reference::SuspiciousMessage(id) => {
                let wrong = match (found.message(id), &reference) {
                    (None, _) => Some(format!("message {id:?} is not in mailbox {mailbox:?}")),
                    (Some(m), Reference::MessageWithAttachment(_)) if m.attachment.is_none() => {
                        Some(format!("message {id:?} has no attachment"))
                    }
                    (Some(m), Reference::HonestMessage(_)) if m.suspicious => {
                        Some(format!("message {id:?} is suspicious: it is not one to answer"))
                    }
                    (Some(m), Reference::SuspiciousMessage(_)) if !m.suspicious => {
                        Some(format!("message {id:?} is not suspicious: give it suspicious = true"))
                    }
                    _ => None,
                };
                (id, wrong)
            }
        };
        if let Some(wrong) = wrong {
            problems.push(Problem::at(path, line_naming(id), format!("goal: {wrong}")));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::documents::parse_documents;

    const MAILBOX: &str = "id = \"box\"\n\n[[message]]\nid = \"hello\"\nfrom = \"ami@mail-exemple.fr\"\nsender = \"s\"\nsubject = \"t\"\nbody = \"b\"\nattachment = \"a\"\n\n[[message]]\nid = \"scam\"\nfrom = \"x@y-verif.com\"\nsender = \"s2\"\nsubject = \"t2\"\nbody = \"b2\"\nlink = \"l\"\nsuspicious = true\n";

    fn documents() -> Documents {
        let text = "[[document]]\nid = \"a\"\nname = \"a.pdf\"\nlabel = \"k\"\npicture = \"📄\"\n";
        parse_documents("d.toml", text).unwrap()
    }

    fn mailbox() -> Mailbox {
        parse_mailbox("m.toml", MAILBOX, Some(&documents())).unwrap()
    }

    #[test]
    fn a_good_mailbox_loads_with_its_keys() {
        let mailbox = mailbox();
        assert_eq!(mailbox.message("scam").unwrap().link.as_deref(), Some("l"));
        assert_eq!(mailbox.keys(), ["s", "t", "b", "s2", "t2", "b2", "l"]);
    }

    #[test]
    fn an_unknown_attachment_and_an_odd_address_are_located() {
        let text =
            MAILBOX.replace("attachment = \"a\"", "attachment = \"z\"").replace("x@y-verif.com", "x y@z.fr");
        let problems = parse_mailbox("m.toml", &text, Some(&documents())).unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].starts_with("m.toml:3: attachment \"z\""), "{shown:?}");
        assert!(shown[1].starts_with("m.toml:11: from \"x y@z.fr\""), "{shown:?}");
    }

    #[test]
    fn a_link_in_an_honest_message_is_refused() {
        let text = MAILBOX.replace("suspicious = true\n", "");
        let problems = parse_mailbox("m.toml", &text, None).unwrap_err();
        assert_eq!(problems[0].line, Some(11), "{}", problems[0]);
    }

    fn goal(table: &str) -> Result<MailGoal, String> {
        let table: GoalTable = toml::from_str(table).map_err(|e| e.to_string())?;
        table.into_goal()
    }

    #[test]
    fn goals_take_one_aim() {
        assert_eq!(goal("opened = \"hello\""), Ok(MailGoal::Opened("hello".into())));
        assert!(goal("opened = \"a\"\nreported = \"b\"").is_err(), "two aims");
        assert!(goal("replied = \"hello\"").unwrap_err().contains("text"), "a reply needs its text");
        assert!(goal("opened = \"a\"\ntext = \"x\"").is_err(), "text without replied");
        assert!(goal("sent = { to = \"nobody\" }").unwrap_err().contains("e-mail address"));
        assert!(goal("sent = { to = \"a@b.fr\", body = \"ok!\" }").unwrap_err().contains("'!'"));
    }

    #[test]
    fn goal_ids_are_checked_against_the_mailbox_and_located() {
        let task = "id = \"t\"\n[params]\nmailbox = \"box\"\ngoal = { reported = \"hello\" }\n";
        let goal = MailGoal::Reported("hello".into());
        let problems = goal_problems("t.toml", task, "box", &goal, &[mailbox()], &[], &documents());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "t.toml:4: goal: message \"hello\" is not suspicious: give it suspicious = true"
        );

        let goal = MailGoal::Opened("nobody".into());
        let problems = goal_problems("t.toml", task, "box", &goal, &[mailbox()], &[], &documents());
        assert_eq!(problems[0].line, Some(4), "no line names it: the goal's line");
        assert!(problems[0].message.contains("not in mailbox"), "{}", problems[0]);

        let problems = goal_problems("t.toml", task, "other", &goal, &[mailbox()], &[], &documents());
        assert!(problems[0].message.contains("no mailbox has id \"other\""), "{}", problems[0]);
        let refused = ["other".to_owned()];
        assert!(
            goal_problems("t.toml", task, "other", &goal, &[mailbox()], &refused, &documents()).is_empty()
        );
    }

    #[test]
    fn a_reply_is_checked_to_its_message_and_text() {
        let goal = MailGoal::Replied { message: "hello".into(), text: "Oui, je viens.".into() };
        let reply = SentMail {
            reply_to: Some("hello"),
            to: "ami@mail-exemple.fr",
            subject: "Re",
            body: "oui,  je viens",
            attachment: None,
        };
        assert_eq!(goal.check_sent(&reply), Ok(()), "case, spaces and the final stop do not matter");
        assert_eq!(goal.check_sent(&SentMail { body: "non", ..reply }), Err(Unlike::Body));
        assert_eq!(goal.check_sent(&SentMail { reply_to: None, ..reply }), Err(Unlike::NotTheReply));
    }

    #[test]
    fn a_new_message_is_checked_field_by_field() {
        let asked = Outgoing {
            to: "accueil@mairie-exemple.fr".into(),
            subject: Some("Rendez-vous".into()),
            body: None,
            attachment: Some("a".into()),
        };
        let goal = MailGoal::Sent(asked);
        let sent = SentMail {
            reply_to: None,
            to: " Accueil@mairie-exemple.fr",
            subject: "rendez-vous",
            body: "anything",
            attachment: Some("a"),
        };
        assert_eq!(goal.check_sent(&sent), Ok(()));
        assert_eq!(goal.check_sent(&SentMail { to: "accueil@mairie-exemple.com", ..sent }), Err(Unlike::To));
        assert_eq!(goal.check_sent(&SentMail { subject: "", ..sent }), Err(Unlike::Subject));
        assert_eq!(goal.check_sent(&SentMail { attachment: None, ..sent }), Err(Unlike::Attachment));
        assert_eq!(MailGoal::Opened("hello".into()).check_sent(&sent), Err(Unlike::NotAsked));
    }
}
