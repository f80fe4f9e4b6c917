//! Writing a message: To, Subject and a multi-line text, the card with what to write (never
//! the visitor's own data), "attach a document", "send". Touching a field shows the kiosk's
//! keyboard under a one-row view of that field (the whole form and the keyboard do not fit
//! together); "Confirm" hides it again. Typed text is Latin: it runs left to right.

use egui::{Sense, Ui, vec2};
use repere_engine::content::mailbox::{MailGoal, Unlike};

use super::{Action, Draft, Mail, MailField};
use crate::exercises::ExerciseState;
use crate::exercises::type_text::keyboard_words;
use crate::screens::reading_column;
use crate::screens::{View, reading_row};
use crate::theme::{Look, MIN_TARGET, TextKind};
use crate::widgets::bidi_layout::{self, LineAlign};
use crate::widgets::keyboard::{keyboard_ui, mark_caret, physical_keys};
use crate::widgets::{ButtonKind, big_button, icon_button, text_block, text_galley, text_line};

/// A line of the card: what it is (i18n key) and the Latin text to write.
struct CardLine {
    label: &'static str,
    value: String,
    field: Option<MailField>,
}

/// What the card gives to write, from the task's goal.
fn card(view: &View<'_>, goal: &MailGoal) -> Vec<CardLine> {
    let line = |label, value: &str, field| CardLine { label, value: value.to_owned(), field };
    match goal {
        MailGoal::Replied { text, .. } => vec![line("webmail.body", text, Some(MailField::Body))],
        MailGoal::Sent(asked) => {
            let mut lines = vec![line("webmail.to", &asked.to, Some(MailField::To))];
            lines.extend(
                asked.subject.as_deref().map(|s| line("webmail.subject", s, Some(MailField::Subject))),
            );
            lines.extend(asked.body.as_deref().map(|b| line("webmail.body", b, Some(MailField::Body))));
            let document = asked.attachment.as_deref().and_then(|d| view.content.documents.get(d));
            lines.extend(document.map(|d| line("webmail.card_attachment", &d.name, None)));
            lines
        }
        MailGoal::Opened(_) | MailGoal::AttachmentOpened(_) | MailGoal::Reported(_) => Vec::new(),
    }
}

fn field_key(field: MailField) -> &'static str {
    match field {
        MailField::To => "webmail.to",
        MailField::Subject => "webmail.subject",
        MailField::Body => "webmail.body",
    }
}

fn value(draft: &Draft, field: MailField) -> &str {
    match field {
        MailField::To => &draft.to,
        MailField::Subject => &draft.subject,
        MailField::Body => &draft.body,
    }
}

/// The message being written: the form, or one field and the keyboard.
pub fn compose_ui(
    ui: &mut Ui,
    view: &View<'_>,
    mail: &Mail<'_>,
    state: &ExerciseState,
    draft: &Draft,
    actions: &mut Vec<Action>,
) {
    let card = card(view, mail.goal);
    match state.mail.typing {
        Some(field) => typing_ui(ui, view, &card, state, draft, field, actions),
        None => form_ui(ui, view, &card, state, draft, actions),
    }
}

/// One row (what the card says for this field, the field, "send"), then the keyboard.
fn typing_ui(
    ui: &mut Ui,
    view: &View<'_>,
    card: &[CardLine],
    state: &ExerciseState,
    draft: &Draft,
    field: MailField,
    actions: &mut Vec<Action>,
) {
    let look = view.look;
    let latin = look.latin();
    let mut presses = physical_keys(ui);
    let row_width = ui.available_width();
    reading_row(ui, look, |ui| {
        let spacing = ui.spacing().item_spacing.x;
        let mut card_width = 0.0;
        if let Some(line) = card.iter().find(|l| l.field == Some(field)) {
            let frame = egui::Frame::new().fill(look.palette.caption).inner_margin(6).corner_radius(8);
            let shown = frame.show(ui, |ui| {
                // One line, so that the row leaves the keyboard its room.
                reading_row(ui, look, |ui| {
                    reading_column(ui, look, |ui| {
                        ui.add_space(8.0);
                        text_line(ui, look, &view.tr("webmail.card"), TextKind::Small);
                    });
                    text_line(ui, &latin, &line.value, TextKind::Body);
                });
            });
            card_width = shown.response.rect.width() + spacing;
        }
        let send = view.tr("webmail.send");
        let send_width = 180.0;
        let width = (row_width - card_width - send_width - 2.0 * spacing).max(200.0);
        if mail_field(ui, look, &view.tr(field_key(field)), value(draft, field), 1, true, width).clicked() {
            actions.push(Action::Focus(field));
        }
        if big_button(ui, look, &send, Some("📤"), ButtonKind::Primary, vec2(send_width, MIN_TARGET))
            .clicked()
        {
            actions.push(Action::Send);
        }
    });
    ui.add_space(4.0);
    presses.extend(keyboard_ui(ui, look, &keyboard_words(view), state.shift));
    actions.extend(presses.into_iter().map(Action::Key));
}

/// The whole message: cancel, attach, send; a kind note after a message not yet as asked;
/// the fields beside the card.
fn form_ui(
    ui: &mut Ui,
    view: &View<'_>,
    card: &[CardLine],
    state: &ExerciseState,
    draft: &Draft,
    actions: &mut Vec<Action>,
) {
    let look = view.look;
    reading_row(ui, look, |ui| {
        if icon_button(ui, look, "✖", &view.tr("webmail.discard"), MIN_TARGET).clicked() {
            actions.push(Action::Discard);
        }
        let attach = view.tr("webmail.attach");
        if big_button(ui, look, &attach, Some("📎"), ButtonKind::Secondary, vec2(0.0, MIN_TARGET)).clicked()
        {
            actions.push(Action::Attach);
        }
        let send = view.tr("webmail.send");
        if big_button(ui, look, &send, Some("📤"), ButtonKind::Primary, vec2(180.0, MIN_TARGET)).clicked() {
            actions.push(Action::Send);
        }
    });
    ui.add_space(8.0);
    if let Some(unlike) = state.mail.note {
        let note = match unlike {
            Unlike::To => "webmail.note.to",
            Unlike::Subject => "webmail.note.subject",
            Unlike::Body => "webmail.note.body",
            Unlike::Attachment => "webmail.note.attachment",
            Unlike::NotTheReply | Unlike::NotAsked => "webmail.note.reply",
        };
        egui::Frame::new().fill(look.palette.caption).inner_margin(8).corner_radius(8).show(ui, |ui| {
            ui.set_width(ui.available_width());
            text_block(ui, look, &view.tr(note), TextKind::Body, LineAlign::Start);
        });
        ui.add_space(6.0);
    }
    let total = ui.available_width();
    let fields_width = if card.is_empty() { total } else { (total * 0.6).floor() };
    reading_row(ui, look, |ui| {
        ui.allocate_ui(vec2(fields_width, ui.available_height()), |ui| {
            reading_column(ui, look, |ui| fields_ui(ui, view, draft, fields_width, actions));
        });
        if !card.is_empty() {
            ui.add_space(8.0);
            card_ui(ui, view, card);
        }
    });
}

fn fields_ui(ui: &mut Ui, view: &View<'_>, draft: &Draft, width: f32, actions: &mut Vec<Action>) {
    let look = view.look;
    for (field, lines) in [(MailField::To, 1), (MailField::Subject, 1), (MailField::Body, 3)] {
        if mail_field(ui, look, &view.tr(field_key(field)), value(draft, field), lines, false, width)
            .clicked()
        {
            actions.push(Action::Focus(field));
        }
        ui.add_space(4.0);
    }
    let attached = draft.attachment.as_deref().and_then(|d| view.content.documents.get(d));
    if let Some(document) = attached {
        reading_row(ui, look, |ui| {
            reading_column(ui, look, |ui| {
                ui.add_space(18.0);
                reading_row(ui, look, |ui| {
                    text_line(ui, look, &view.tr("webmail.attached"), TextKind::Body);
                    text_line(ui, look, &document.picture, TextKind::Body);
                    text_line(ui, &look.latin(), &document.name, TextKind::Button);
                });
            });
            if icon_button(ui, look, "✖", &view.tr("webmail.remove_attachment"), MIN_TARGET).clicked() {
                actions.push(Action::RemoveAttachment);
            }
        });
    }
}

/// The card: what to write, given to the visitor (never their own data).
fn card_ui(ui: &mut Ui, view: &View<'_>, card: &[CardLine]) {
    let look = view.look;
    egui::Frame::new().fill(look.palette.caption).inner_margin(12).corner_radius(12).show(ui, |ui| {
        ui.set_width(ui.available_width());
        reading_column(ui, look, |ui| {
            text_block(ui, look, &view.tr("webmail.card"), TextKind::Button, LineAlign::Start);
            for line in card {
                ui.add_space(6.0);
                text_block(ui, look, &view.tr(line.label), TextKind::Small, LineAlign::Start);
                text_block(ui, &look.latin(), &line.value, TextKind::Body, LineAlign::Start);
            }
        });
    });
}

/// A field of the message: its name on the reading side, the text typed (Latin, left to
/// right, on `lines` lines; the end stays in view), a caret when the keyboard types in it.
/// Its accessible name is the field's name, its value the text.
fn mail_field(
    ui: &mut Ui,
    look: &Look,
    label: &str,
    current: &str,
    lines: usize,
    focused: bool,
    width: f32,
) -> egui::Response {
    let palette = look.palette;
    let line_height = look.size(TextKind::Body) * 1.35;
    let height = (line_height * lines as f32 + 16.0).max(MIN_TARGET);
    let (rect, response) =
        ui.allocate_exact_size(vec2(width.min(ui.available_width()), height), Sense::click());
    let painter = ui.painter();
    let stroke =
        if focused { egui::Stroke::new(3.0, palette.accent) } else { egui::Stroke::new(2.0, palette.border) };
    painter.rect(rect, egui::CornerRadius::same(8), palette.surface, stroke, egui::StrokeKind::Inside);
    let name = text_galley(ui, look, label, TextKind::Small, palette.border, f32::INFINITY, LineAlign::Start);
    let name_room = name.size.x + 20.0;
    let name_x = if look.rtl { rect.max.x - 10.0 - name.size.x } else { rect.min.x + 10.0 };
    let name_y = if lines == 1 { rect.center().y - name.size.y / 2.0 } else { rect.min.y + 8.0 };
    bidi_layout::paint(painter, egui::pos2(name_x, name_y), &name, palette.border);

    let text_rect = if look.rtl {
        egui::Rect::from_min_max(rect.min + vec2(10.0, 4.0), rect.max - vec2(name_room, 4.0))
    } else {
        egui::Rect::from_min_max(rect.min + vec2(name_room, 4.0), rect.max - vec2(10.0, 4.0))
    };
    let shown = if focused { format!("{current}|") } else { current.to_owned() };
    let wrap = if lines == 1 { f32::INFINITY } else { text_rect.width() };
    let laid = text_galley(ui, &look.latin(), &shown, TextKind::Body, palette.text, wrap, LineAlign::Start);
    // The end of a long text stays in view: the start slides out on the left, or up.
    let x = if laid.size.x > text_rect.width() { text_rect.max.x - laid.size.x } else { text_rect.min.x };
    let y = if lines == 1 {
        text_rect.center().y - laid.size.y / 2.0
    } else if laid.size.y > text_rect.height() {
        text_rect.max.y - laid.size.y
    } else {
        text_rect.min.y + 4.0
    };
    bidi_layout::paint(&painter.with_clip_rect(text_rect), egui::pos2(x, y), &laid, palette.text);

    let label = label.to_owned();
    let value = current.to_owned();
    response.widget_info(|| {
        let role = if lines == 1 { egui::Role::TextInput } else { egui::Role::MultilineTextInput };
        let mut info = egui::WidgetInfo::labeled(role, true, &label);
        info.current_text_value = Some(value.clone());
        info
    });
    if focused {
        mark_caret(ui, &response, current.chars().count());
    }
    response
}
