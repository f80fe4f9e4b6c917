//! The webmail's reading side: the inbox, a message, its attached document, and the kind
//! explanation after a scam's link was followed.

use egui::{Sense, Ui, vec2};
use repere_engine::content::Document;
use repere_engine::content::mailbox::Message;

use super::{Action, Mail, MailState};
use crate::i18n::tr_with;
use crate::screens::reading_column;
use crate::screens::{View, reading_row};
use crate::theme::{Look, MIN_TARGET, TextKind};
use crate::widgets::bidi_layout::{self, LaidOutText, LineAlign};
use crate::widgets::{ButtonKind, big_button, icon_button, text_block, text_galley, text_line};

/// The arrow back, pointing against the reading direction.
fn back_arrow(look: &Look) -> &'static str {
    if look.rtl { "➡" } else { "⬅" }
}

/// The inbox: "new message", the messages not in the bin (newest first), and the bin's line.
pub fn inbox_ui(ui: &mut Ui, view: &View<'_>, mail: &Mail<'_>, state: &MailState, actions: &mut Vec<Action>) {
    let look = view.look;
    reading_row(ui, look, |ui| {
        let new = view.tr("webmail.new");
        if big_button(ui, look, &new, Some("✏"), ButtonKind::Primary, vec2(0.0, MIN_TARGET)).clicked() {
            actions.push(Action::NewMessage);
        }
        ui.add_space(16.0);
        reading_column(ui, look, |ui| {
            ui.add_space(8.0);
            text_line(ui, look, &view.tr("webmail.inbox"), TextKind::Title);
        });
    });
    ui.add_space(10.0);
    let shown: Vec<&Message> =
        mail.mailbox.messages.iter().filter(|m| !state.binned.contains(&m.id)).collect();
    if shown.is_empty() {
        text_block(ui, look, &view.tr("webmail.empty"), TextKind::Body, LineAlign::Start);
    }
    for message in shown {
        let unread = !message.read && !state.opened.contains(&message.id);
        if message_row(ui, view, message, unread).clicked() {
            actions.push(Action::Open(message.id.clone()));
        }
    }
    if !state.binned.is_empty() {
        ui.add_space(10.0);
        let count = state.binned.len().to_string();
        let in_bin = tr_with(view.session.language(), "webmail.in_bin", &[("count", &count)]);
        reading_row(ui, look, |ui| {
            reading_column(ui, look, |ui| {
                ui.add_space(18.0);
                text_line(ui, look, &in_bin, TextKind::Body);
            });
            let put_back = view.tr("webmail.put_back");
            if big_button(ui, look, &put_back, Some("↩"), ButtonKind::Secondary, vec2(0.0, MIN_TARGET))
                .clicked()
            {
                actions.push(Action::PutBack);
            }
        });
    }
}

/// One message of the list: unread mark, sender, subject and a paper clip for an attachment,
/// from the reading side. Its accessible name is its subject.
fn message_row(ui: &mut Ui, view: &View<'_>, message: &Message, unread: bool) -> egui::Response {
    let look = view.look;
    let palette = look.palette;
    // Unread: a dot and bold words, as webmails show it.
    let kind = if unread { TextKind::Button } else { TextKind::Body };
    let subject = view.tr(&message.subject);
    let width = ui.available_width();
    let (dot, gap, clip) = (20.0, 16.0, 36.0);
    // The sender takes a third at most: on a narrow screen the subject keeps its room.
    let sender_width = (width * 0.32).min(400.0);
    let subject_width = (width - 32.0 - dot - sender_width - clip - 3.0 * gap).max(80.0);
    let sender =
        text_galley(ui, look, &view.tr(&message.sender), kind, palette.text, sender_width, LineAlign::Start);
    let subject_laid = text_galley(ui, look, &subject, kind, palette.text, subject_width, LineAlign::Start);
    // As tall as its words need (larger text wraps them), never less than a target.
    let height = (sender.size.y.max(subject_laid.size.y) + 12.0).max(MIN_TARGET);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    let painter = ui.painter();
    let stroke = if response.hovered() { 3.0 } else { 2.0 };
    painter.rect(
        rect,
        egui::CornerRadius::same(10),
        palette.surface,
        egui::Stroke::new(stroke, palette.border),
        egui::StrokeKind::Inside,
    );
    let inner = rect.shrink2(vec2(16.0, 0.0));
    let lefts = from_reading_side(look, inner, &[dot, sender_width, subject_width, clip], gap);
    let middle = |laid: &LaidOutText| rect.center().y - laid.size.y / 2.0;
    if unread {
        painter.circle_filled(egui::pos2(lefts[0] + dot / 2.0, rect.center().y), 7.0, palette.accent);
    }
    // In right-to-left, a column's text stands against its right edge.
    let start =
        |left: f32, width: f32, laid: &LaidOutText| if look.rtl { left + width - laid.size.x } else { left };
    bidi_layout::paint(
        painter,
        egui::pos2(start(lefts[1], sender_width, &sender), middle(&sender)),
        &sender,
        palette.text,
    );
    let at = egui::pos2(start(lefts[2], subject_width, &subject_laid), middle(&subject_laid));
    bidi_layout::paint(painter, at, &subject_laid, palette.text);
    if message.attachment.is_some() {
        let font = egui::FontId::proportional(look.size(TextKind::Body));
        let centre = egui::pos2(lefts[3] + clip / 2.0, rect.center().y);
        painter.text(centre, egui::Align2::CENTER_CENTER, "📎", font, palette.text);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &subject));
    ui.add_space(4.0);
    response
}

/// The left edge of each column of `widths` in `inner`, laid from the reading side.
fn from_reading_side(look: &Look, inner: egui::Rect, widths: &[f32], gap: f32) -> Vec<f32> {
    let mut x = if look.rtl { inner.max.x } else { inner.min.x };
    widths
        .iter()
        .map(|width| {
            let left = if look.rtl { x - width } else { x };
            x = if look.rtl { x - width - gap } else { x + width + gap };
            left
        })
        .collect()
}

/// A message: back, reply, bin and report; the subject, the sender, the text, the attachment
/// and, in a scam, its link (which goes nowhere).
pub fn message_ui(ui: &mut Ui, view: &View<'_>, message: &Message, actions: &mut Vec<Action>) {
    let look = view.look;
    reading_row(ui, look, |ui| {
        if icon_button(ui, look, back_arrow(look), &view.tr("webmail.back"), MIN_TARGET).clicked() {
            actions.push(Action::Inbox);
        }
        let buttons = [
            ("webmail.reply", "↩", Action::Reply(message.id.clone())),
            ("webmail.bin", "🗑", Action::Bin(message.id.clone())),
            ("webmail.report", "⚠", Action::Report(message.id.clone())),
        ];
        for (key, picture, action) in buttons {
            if big_button(
                ui,
                look,
                &view.tr(key),
                Some(picture),
                ButtonKind::Secondary,
                vec2(0.0, MIN_TARGET),
            )
            .clicked()
            {
                actions.push(action);
            }
        }
    });
    ui.add_space(8.0);
    text_block(ui, look, &view.tr(&message.subject), TextKind::Title, LineAlign::Start);
    reading_row(ui, look, |ui| {
        text_line(ui, look, &view.tr("webmail.from"), TextKind::Body);
        text_line(ui, look, &view.tr(&message.sender), TextKind::Button);
        // The address is Latin: it keeps its order whatever the language.
        text_line(ui, &look.latin(), &message.from, TextKind::Body);
    });
    ui.add_space(8.0);
    text_block(ui, look, &view.tr(&message.body), TextKind::Body, LineAlign::Start);
    ui.add_space(8.0);
    if let Some(document) = message.attachment.as_deref().and_then(|d| view.content.documents.get(d)) {
        reading_row(ui, look, |ui| {
            reading_column(ui, look, |ui| {
                ui.add_space(18.0);
                text_line(ui, look, &view.tr("webmail.attached"), TextKind::Body);
            });
            let open = big_button(
                ui,
                look,
                &document.name,
                Some(&document.picture),
                ButtonKind::Secondary,
                vec2(0.0, MIN_TARGET),
            );
            if open.clicked() {
                actions.push(Action::OpenAttachment(message.id.clone()));
            }
        });
    }
    if let Some(link) = &message.link {
        let words = view.tr(link);
        if big_button(ui, look, &words, Some("🔗"), ButtonKind::Secondary, vec2(0.0, MIN_TARGET)).clicked()
        {
            actions.push(Action::FollowLink);
        }
    }
}

/// The attached document, opened: its pictogram, name, what it is and what it says.
pub fn document_ui(ui: &mut Ui, view: &View<'_>, document: &Document, actions: &mut Vec<Action>) {
    let look = view.look;
    reading_row(ui, look, |ui| {
        if icon_button(ui, look, back_arrow(look), &view.tr("webmail.close_document"), MIN_TARGET).clicked() {
            actions.push(Action::Inbox);
        }
        ui.add_space(12.0);
        reading_column(ui, look, |ui| {
            ui.add_space(12.0);
            reading_row(ui, look, |ui| {
                text_line(ui, look, &document.picture, TextKind::Title);
                text_line(ui, &look.latin(), &document.name, TextKind::Title);
            });
        });
    });
    ui.add_space(12.0);
    egui::Frame::new()
        .fill(look.palette.surface)
        .stroke(egui::Stroke::new(2.0, look.palette.border))
        .inner_margin(24)
        .corner_radius(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            text_block(ui, look, &view.tr(&document.label), TextKind::Title, LineAlign::Start);
            ui.add_space(12.0);
            if let Some(text) = &document.text {
                text_block(ui, look, &view.tr(text), TextKind::Body, LineAlign::Start);
            }
        });
}

/// After a scam's link was followed: what happened and what to do next time, kindly; the
/// task then ends, not done.
pub fn trap_ui(ui: &mut Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    let look = view.look;
    ui.add_space(24.0);
    egui::Frame::new().fill(look.palette.caption).inner_margin(24).corner_radius(12).show(ui, |ui| {
        ui.set_width(ui.available_width());
        reading_row(ui, look, |ui| {
            text_line(ui, look, "⚠", TextKind::Title);
            text_line(ui, look, &view.tr("webmail.trap.title"), TextKind::Title);
        });
        ui.add_space(12.0);
        text_block(ui, look, &view.tr("webmail.trap.say"), TextKind::Body, LineAlign::Start);
        ui.add_space(20.0);
        reading_row(ui, look, |ui| {
            let next = view.tr("common.continue");
            if big_button(ui, look, &next, Some(look.forward()), ButtonKind::Primary, vec2(260.0, MIN_TARGET))
                .clicked()
            {
                actions.push(Action::ContinueAfterTrap);
            }
        });
    });
}
