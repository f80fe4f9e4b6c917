//! The forms and downloads of the simulated browser: the card of values to copy, date, text,
//! drop-down list, checkbox and file fields (a document chosen in the visitor's documents
//! folder), the send button, the error messages next to their
//! fields (shown, and spoken when a sending comes back), the download buttons and the download
//! bar. Everything typed stays in memory for the task only.

use std::collections::BTreeMap;

use egui::{Align, Layout, Rect, Sense, Stroke, StrokeKind, Ui, vec2};
use repere_engine::content::site::{
    DATE_PARTS, FieldInput, FieldValue, FormField, WebForm, WebPage, date_parts,
};
use repere_engine::content::task::BrowserGoal;
use repere_engine::session::{Command, TaskEvent};

use super::ExerciseState;
use super::browser::{Here, open};
use crate::app::AppCommand;
use crate::screens::{View, reading_column, reading_row};
use crate::theme::{Look, MIN_TARGET, TextKind};
use crate::widgets::bidi_layout::{self, LineAlign};
use crate::widgets::document_picker::{Picked, document_picker};
use crate::widgets::keyboard::{KeyPress, mark_caret};
use crate::widgets::typing::{KeyEffect, apply_key};
use crate::widgets::{ButtonKind, big_button, text_block, text_galley, text_line};

/// Height of a field's box, of a list's line and of the checkbox's row: a target.
const ROW: f32 = MIN_TARGET;

/// The i18n keys of a date's parts, in the order of [`DATE_PARTS`].
const DATE_PART_KEYS: [&str; 3] = ["browser.form.day", "browser.form.month", "browser.form.year"];

/// What the visitor did on the page's form and downloads (reset for each task; the values are
/// reset when the page changes, the downloads stay).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormState {
    /// The values entered, by field id (the field's initial value until then).
    pub values: BTreeMap<String, FieldValue>,
    /// The field typed in, with the keyboard on screen.
    pub typing: Option<Typing>,
    /// The drop-down list open.
    pub list: Option<OpenList>,
    /// The fields whose error shows, once the form was sent (`None`: not sent in this task).
    pub errors: Option<Vec<String>>,
    /// The file field whose documents folder is open.
    pub picking: Option<String>,
    /// The files downloaded, the last one shown in the download bar.
    pub downloaded: Vec<String>,
}

/// The field typed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typing {
    /// The field's id.
    pub field: String,
    /// For a date, the part typed: 0 the day, 1 the month, 2 the year.
    pub part: usize,
}

/// A drop-down list open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenList {
    /// The field's id.
    pub field: String,
    /// The option the arrow keys point at.
    pub pointed: Option<usize>,
}

impl FormState {
    /// The state on a newly opened page: the downloads stay, the rest goes.
    #[must_use]
    pub fn on_new_page(&self) -> Box<Self> {
        Box::new(Self { downloaded: self.downloaded.clone(), ..Self::default() })
    }
}

/// The value of a field: what the visitor entered, or what it holds at the start.
fn value_of(state: &ExerciseState, field: &FormField) -> FieldValue {
    state.form.values.get(&field.id).cloned().unwrap_or_else(|| field.initial())
}

/// The fields whose error message shows: after a sending, the fields not right then; before,
/// on a form that comes back from a first sending (the task's start), its fields not right.
fn errors_shown(here: &Here<'_>, form: &WebForm) -> Vec<String> {
    here.state.form.errors.clone().unwrap_or_else(|| {
        if here.task.returned && here.page_id == here.task.start {
            form.wrong_fields(FormField::initial).into_iter().map(|f| f.id.clone()).collect()
        } else {
            Vec::new()
        }
    })
}

/// The state with its form changed.
fn with_form(state: &ExerciseState, change: impl FnOnce(&mut FormState)) -> AppCommand {
    let mut next = state.clone();
    change(&mut next.form);
    AppCommand::Exercise(next)
}

/// The form of a page: its fields (with their errors) and the send button, and beside them the
/// card of the values to copy.
pub(super) fn form_ui(
    ui: &mut Ui,
    view: &View<'_>,
    here: &Here<'_>,
    form: &WebForm,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    let errors = errors_shown(here, form);
    let has_card = form.fields.iter().any(|f| f.shown_expected().is_some());
    // The fields on the reading side, the card on the far side, each in its own part of the
    // page: a wide field never pushes the card out.
    let card_width = if has_card { 400.0 } else { 0.0 };
    let room = ui.available_rect_before_wrap();
    let fields_width = room.width() - card_width - if has_card { 24.0 } else { 0.0 };
    let (fields_rect, card_rect) = if look.rtl {
        (
            Rect::from_min_max(egui::pos2(room.max.x - fields_width, room.min.y), room.max),
            Rect::from_min_max(room.min, egui::pos2(room.min.x + card_width, room.max.y)),
        )
    } else {
        (
            Rect::from_min_max(room.min, egui::pos2(room.min.x + fields_width, room.max.y)),
            Rect::from_min_max(egui::pos2(room.max.x - card_width, room.min.y), room.max),
        )
    };
    let align = if look.rtl { Align::Max } else { Align::Min };
    let column = |rect: Rect| egui::UiBuilder::new().max_rect(rect).layout(Layout::top_down(align));
    let mut fields_ui = ui.new_child(column(fields_rect));
    for field in &form.fields {
        field_ui(&mut fields_ui, view, here, field, commands);
        if errors.contains(&field.id) {
            error_ui(&mut fields_ui, view, &field.error);
        }
        fields_ui.add_space(4.0);
    }
    fields_ui.add_space(4.0);
    let words = view.tr(&form.send);
    if big_button(&mut fields_ui, look, &words, None, ButtonKind::Primary, vec2(220.0, ROW)).clicked() {
        commands.extend(send_form(form, here));
    }
    let mut used = fields_ui.min_rect();
    if has_card {
        let mut card_area = ui.new_child(column(card_rect));
        card_ui(&mut card_area, view, form, card_width);
        used = used.union(card_area.min_rect());
    }
    ui.advance_cursor_after_rect(used);
    if let Some(list) = &here.state.form.list
        && let Some(field) = form.fields.iter().find(|f| f.id == list.field)
    {
        list_keys(ui, here.state, field, list, commands);
    }
    if let Some(field) = &here.state.form.picking {
        let folder = view.content.documents.folder();
        let picked = document_picker(ui.ctx(), look, view.session.language(), &folder);
        if let Some(picked) = picked {
            commands.push(with_form(here.state, |form| {
                if let Picked::Document(id) = picked {
                    form.values.insert(field.clone(), FieldValue::File(Some(id)));
                }
                form.picking = None;
            }));
        }
    }
}

/// The form while the visitor types in one of its fields, on one row so that the keyboard
/// fits below: that field's value to copy, the field (named in its corner), its error.
pub(super) fn typing_ui(
    ui: &mut Ui,
    view: &View<'_>,
    here: &Here<'_>,
    form: &WebForm,
    typing: &Typing,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    let Some(field) = form.fields.iter().find(|f| f.id == typing.field) else {
        return;
    };
    reading_row(ui, look, |ui| {
        if let Some(value) = field.shown_expected() {
            egui::Frame::new().fill(look.palette.caption).inner_margin(8).corner_radius(8).show(ui, |ui| {
                reading_row(ui, look, |ui| {
                    text_line(ui, look, &view.tr("browser.form.card"), TextKind::Small);
                    card_value(ui, view, field, &value, TextKind::Body, false);
                });
            });
            ui.add_space(12.0);
        }
        inputs_ui(ui, view, here, field, commands);
        if errors_shown(here, form).contains(&field.id) {
            ui.add_space(12.0);
            let width = ui.available_width();
            let note = view.tr(&field.error);
            let laid = text_galley(
                ui,
                look,
                &note,
                TextKind::Small,
                look.palette.text,
                width - 24.0,
                LineAlign::Start,
            );
            egui::Frame::new()
                .fill(look.palette.caption)
                .stroke(Stroke::new(3.0, look.palette.accent))
                .inner_margin(6)
                .corner_radius(8)
                .show(ui, |ui| {
                    ui.set_width(laid.size.x.min(width - 12.0));
                    text_block(ui, look, &note, TextKind::Small, LineAlign::Start);
                });
        }
    });
    ui.add_space(4.0);
}

/// The card with the values the visitor copies (never their own data): each field's name,
/// and below it the value.
fn card_ui(ui: &mut Ui, view: &View<'_>, form: &WebForm, width: f32) {
    let look = view.look;
    egui::Frame::new().fill(look.palette.caption).inner_margin(10).corner_radius(8).show(ui, |ui| {
        ui.set_width(width - 20.0);
        reading_column(ui, look, |ui| {
            text_line(ui, look, &view.tr("browser.form.card"), TextKind::Small);
            for field in &form.fields {
                if let Some(value) = field.shown_expected() {
                    ui.add_space(4.0);
                    text_line(ui, look, &view.tr(&field.label), TextKind::Small);
                    card_value(ui, view, field, &value, TextKind::Body, true);
                }
            }
        });
    });
}

/// A value of the card: an option is words of the visitor's language, a document its file's
/// name, a date its named parts (`stacked`: each under its name); the rest is typed Latin.
fn card_value(ui: &mut Ui, view: &View<'_>, field: &FormField, value: &str, kind: TextKind, stacked: bool) {
    match &field.input {
        FieldInput::Choice { .. } => text_line(ui, view.look, &view.tr(value), kind),
        FieldInput::Date { expected, .. } => date_card(ui, view, &date_parts(*expected), kind, stacked),
        FieldInput::File { .. } => text_line(ui, &view.look.latin(), &file_name(view, value), kind),
        _ => text_line(ui, &view.look.latin(), value, kind),
    }
}

/// A date of the card as the form's boxes ask for it: day, month and year, each named, in
/// the boxes' order and direction; each value under its name (`stacked`) or after it (one
/// line, while typing: the keyboard needs the height).
fn date_card(ui: &mut Ui, view: &View<'_>, parts: &[String; 3], kind: TextKind, stacked: bool) {
    let look = view.look;
    reading_row(ui, look, |ui| {
        for (key, part) in DATE_PART_KEYS.iter().zip(parts) {
            let name_and_value = |ui: &mut Ui| {
                text_line(ui, look, &view.tr(key), TextKind::Small);
                text_line(ui, &look.latin(), part, kind);
            };
            if stacked {
                reading_column(ui, look, name_and_value);
            } else {
                reading_row(ui, look, name_and_value);
            }
            ui.add_space(8.0);
        }
    });
}

/// The file name of a document of the folder, by its id.
fn file_name(view: &View<'_>, id: &str) -> String {
    view.content.documents.get(id).map_or_else(|| id.to_owned(), |d| d.name.clone())
}

/// The message next to a field that is not right: kind words, on the reading side.
fn error_ui(ui: &mut Ui, view: &View<'_>, key: &str) {
    let look = view.look;
    egui::Frame::new()
        .fill(look.palette.caption)
        .stroke(Stroke::new(3.0, look.palette.accent))
        .inner_margin(8)
        .corner_radius(8)
        .show(ui, |ui| {
            reading_row(ui, look, |ui| {
                text_line(ui, look, "⚠", TextKind::Body);
                text_block(ui, look, &view.tr(key), TextKind::Body, LineAlign::Start);
            });
        });
}

/// One field: its label, then its input (a box's words are its label).
fn field_ui(
    ui: &mut Ui,
    view: &View<'_>,
    here: &Here<'_>,
    field: &FormField,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    reading_row(ui, look, |ui| {
        if !matches!(field.input, FieldInput::Checkbox { .. }) {
            field_label(ui, look, &view.tr(&field.label));
        }
        inputs_ui(ui, view, here, field, commands);
    });
}

/// The input of a field: a box to tick, a date's three boxes, a text's box, a list.
fn inputs_ui(
    ui: &mut Ui,
    view: &View<'_>,
    here: &Here<'_>,
    field: &FormField,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    let state = here.state;
    let label = view.tr(&field.label);
    let value = value_of(state, field);
    let typing = state.form.typing.as_ref().filter(|t| t.field == field.id);
    match (&field.input, &value) {
        (FieldInput::Checkbox { .. }, FieldValue::Ticked(ticked)) => {
            let pressed = checkbox(ui, look, &label, *ticked).clicked();
            if pressed {
                let ticked = !*ticked;
                commands.push(with_form(state, |form| {
                    form.values.insert(field.id.clone(), FieldValue::Ticked(ticked));
                    form.list = None;
                }));
            }
        }
        (FieldInput::Date { .. }, FieldValue::Date(parts)) => {
            for (index, ((_, length), typed)) in DATE_PARTS.iter().zip(parts).enumerate() {
                let active = typing.is_some_and(|t| t.part == index);
                let part = view.tr(DATE_PART_KEYS[index]);
                // Room for the part's name and its digits side by side.
                let name = text_galley(
                    ui,
                    look,
                    &part,
                    TextKind::Small,
                    look.palette.border,
                    f32::INFINITY,
                    LineAlign::Start,
                );
                let width = name.size.x + 44.0 + 20.0 * *length as f32;
                if entry_box(ui, look, &part, Some(&part), typed, active, width).clicked() {
                    commands.push(start_typing(state, &field.id, index));
                }
            }
        }
        (FieldInput::Text { .. }, FieldValue::Text(typed)) => {
            // While typed in, the box stands alone: its name is in its corner.
            let corner = typing.is_some().then_some(label.as_str());
            if entry_box(ui, look, &label, corner, typed, typing.is_some(), 420.0).clicked() {
                commands.push(start_typing(state, &field.id, 0));
            }
        }
        (FieldInput::Choice { options, .. }, FieldValue::Choice(chosen)) => {
            let open = state.form.list.as_ref().filter(|l| l.field == field.id);
            list_ui(ui, view, state, field, options, *chosen, open, commands);
        }
        (FieldInput::File { .. }, FieldValue::File(chosen)) => {
            let words = view.tr("browser.form.choose_file");
            if big_button(ui, look, &words, Some("📂"), ButtonKind::Secondary, vec2(0.0, ROW)).clicked() {
                commands.push(with_form(state, |form| {
                    form.picking = Some(field.id.clone());
                    form.list = None;
                    form.typing = None;
                }));
            }
            ui.add_space(8.0);
            match chosen {
                Some(id) => middle_line(ui, &look.latin(), &file_name(view, id)),
                None => middle_line(ui, look, &view.tr("browser.form.no_file")),
            }
        }
        // A value of another kind than its field is never stored.
        _ => {}
    }
}

/// A field's label, before its input, as wide as the longest labels so the inputs line up.
fn field_label(ui: &mut Ui, look: &Look, label: &str) {
    let width = 260.0_f32.min(ui.available_width() / 3.0);
    ui.allocate_ui(vec2(width, ROW), |ui| {
        ui.set_min_size(vec2(width, ROW));
        let laid = text_galley(ui, look, label, TextKind::Body, look.palette.text, width, LineAlign::Start);
        let rect = ui.max_rect();
        let x = if look.rtl { rect.max.x - laid.size.x } else { rect.min.x };
        let y = rect.center().y - laid.size.y / 2.0;
        bidi_layout::paint(ui.painter(), egui::pos2(x, y), &laid, look.palette.text);
        let response = ui.allocate_rect(rect, Sense::hover());
        let label = label.to_owned();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    });
}

/// A line of body text, centred on the height of a field's row.
fn middle_line(ui: &mut Ui, look: &Look, text: &str) {
    let layout =
        if look.rtl { Layout::right_to_left(Align::Center) } else { Layout::left_to_right(Align::Center) };
    let width =
        text_galley(ui, look, text, TextKind::Body, look.palette.text, f32::INFINITY, LineAlign::Start)
            .size
            .x;
    ui.allocate_ui_with_layout(vec2(width + 4.0, ROW), layout, |ui| {
        text_line(ui, look, text, TextKind::Body);
    });
}

fn start_typing(state: &ExerciseState, field: &str, part: usize) -> AppCommand {
    with_form(state, |form| {
        form.typing = Some(Typing { field: field.to_owned(), part });
        form.list = None;
    })
}

/// A box showing a typed value (Latin: left to right), named `name`, with `corner` small on its
/// reading side and the value after it, never under it; the box typed in has a thick border
/// and the caret.
fn entry_box(
    ui: &mut Ui,
    look: &Look,
    name: &str,
    corner: Option<&str>,
    value: &str,
    active: bool,
    width: f32,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(vec2(width.min(ui.available_width()), ROW), Sense::click());
    let palette = &look.palette;
    let (stroke, color) = if active { (5.0, palette.accent) } else { (2.0, palette.border) };
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    painter.rect(rect, 8, palette.surface, Stroke::new(stroke, color), StrokeKind::Inside);
    let mut text_rect = rect.shrink2(vec2(10.0, 0.0));
    if let Some(corner) = corner {
        let laid =
            text_galley(ui, look, corner, TextKind::Small, palette.border, f32::INFINITY, LineAlign::Start);
        let x = if look.rtl { rect.max.x - 10.0 - laid.size.x } else { rect.min.x + 10.0 };
        bidi_layout::paint(
            &painter,
            egui::pos2(x, rect.center().y - laid.size.y / 2.0),
            &laid,
            palette.border,
        );
        let room = laid.size.x + 8.0;
        if look.rtl {
            text_rect.max.x -= room;
        } else {
            text_rect.min.x += room;
        }
    }
    let shown = if active { format!("{value}|") } else { value.to_owned() };
    let font = egui::FontId::proportional(look.size(TextKind::Title) * 0.8);
    let galley = painter.layout_no_wrap(shown, font, palette.text);
    // A long value keeps its end (and the caret) in view.
    let x =
        if galley.size().x > text_rect.width() { text_rect.max.x - galley.size().x } else { text_rect.min.x };
    let y = rect.center().y - galley.size().y / 2.0;
    painter.with_clip_rect(text_rect.intersect(painter.clip_rect())).galley(
        egui::pos2(x, y),
        galley,
        palette.text,
    );
    let (name, value) = (name.to_owned(), value.to_owned());
    let caret_at = value.chars().count();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name);
        info.current_text_value = Some(value.clone());
        info
    });
    if active {
        mark_caret(ui, &response, caret_at);
    }
    response
}

/// A big box to tick and its words; the whole row is pressable.
fn checkbox(ui: &mut Ui, look: &Look, label: &str, ticked: bool) -> egui::Response {
    let palette = &look.palette;
    let width = ui.available_width().min(760.0);
    let side = ROW - 4.0;
    let text_width = width - side - 24.0;
    let laid = text_galley(ui, look, label, TextKind::Body, palette.text, text_width, LineAlign::Start);
    // As tall as its words when they wrap (larger text).
    let (rect, response) =
        ui.allocate_exact_size(vec2(width, (ROW + 4.0).max(laid.size.y + 8.0)), Sense::click());
    let box_x = if look.rtl { rect.max.x - side - 4.0 } else { rect.min.x + 4.0 };
    let square = Rect::from_min_size(egui::pos2(box_x, rect.center().y - side / 2.0), vec2(side, side));
    let painter = ui.painter();
    let fill = if ticked { palette.accent } else { palette.surface };
    let stroke = if response.hovered() { 4.0 } else { 3.0 };
    painter.rect(square, 8, fill, Stroke::new(stroke, palette.border), StrokeKind::Inside);
    if ticked {
        let family = egui::FontFamily::Name(crate::fonts::BOLD.into());
        let font = egui::FontId::new(side * 0.7, family);
        painter.text(square.center(), egui::Align2::CENTER_CENTER, "✔", font, palette.on_accent);
    }
    let x = if look.rtl { square.min.x - 16.0 - laid.size.x } else { square.max.x + 16.0 };
    bidi_layout::paint(painter, egui::pos2(x, rect.center().y - laid.size.y / 2.0), &laid, palette.text);
    let label = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, ticked, &label));
    response
}

/// A drop-down list: a box showing the option chosen (or "choose from the list") and an
/// arrow; pressed, its options open below it, over the page, one big line each.
#[expect(clippy::too_many_arguments, reason = "a field, its options and where the visitor is")]
fn list_ui(
    ui: &mut Ui,
    view: &View<'_>,
    state: &ExerciseState,
    field: &FormField,
    options: &[String],
    chosen: Option<usize>,
    open: Option<&OpenList>,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    let palette = &look.palette;
    let width = ui.available_width().min(460.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, ROW), Sense::click());
    let shown =
        chosen.and_then(|c| options.get(c)).map_or_else(|| view.tr("browser.form.choose"), |o| view.tr(o));
    let painter = ui.painter();
    let stroke =
        if open.is_some() { Stroke::new(5.0, palette.accent) } else { Stroke::new(2.0, palette.border) };
    painter.rect(rect, 8, palette.surface, stroke, StrokeKind::Inside);
    // The list's arrow, pointing down when closed, up when open.
    let arrow = egui::pos2(if look.rtl { rect.min.x + 28.0 } else { rect.max.x - 28.0 }, rect.center().y);
    let dy = if open.is_some() { -7.0 } else { 7.0 };
    let points = vec![arrow + vec2(-11.0, -dy), arrow + vec2(11.0, -dy), arrow + vec2(0.0, dy)];
    painter.add(egui::Shape::convex_polygon(points, palette.text, Stroke::NONE));
    let color = if chosen.is_some() { palette.text } else { palette.border };
    let laid = text_galley(ui, look, &shown, TextKind::Body, color, width - 72.0, LineAlign::Start);
    let x = if look.rtl { rect.max.x - 14.0 - laid.size.x } else { rect.min.x + 14.0 };
    bidi_layout::paint(painter, egui::pos2(x, rect.center().y - laid.size.y / 2.0), &laid, color);
    let label = view.tr(&field.label);
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &label);
        info.current_text_value = Some(shown.clone());
        info
    });
    if response.clicked() {
        let list =
            if open.is_some() { None } else { Some(OpenList { field: field.id.clone(), pointed: chosen }) };
        commands.push(with_form(state, |form| {
            form.list = list;
            form.typing = None;
        }));
    }
    let Some(open) = open else {
        return;
    };
    // The options over the page, below the box, as a real drop-down list.
    egui::Area::new(ui.scope_id().with(("list", &field.id)))
        .order(egui::Order::Foreground)
        .fixed_pos(rect.left_bottom() + vec2(0.0, 4.0))
        .movable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(palette.surface)
                .stroke(Stroke::new(2.0, palette.border))
                .corner_radius(8)
                .inner_margin(4)
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing.y = 2.0;
                    for (index, option) in options.iter().enumerate() {
                        let words = view.tr(option);
                        let selected = chosen == Some(index) || open.pointed == Some(index);
                        if list_option(ui, look, &words, selected, width - 8.0).clicked() {
                            commands.push(choose(state, field, index));
                        }
                    }
                });
        });
}

/// One line of an open list.
fn list_option(ui: &mut Ui, look: &Look, words: &str, selected: bool, width: f32) -> egui::Response {
    let palette = &look.palette;
    let (rect, response) = ui.allocate_exact_size(vec2(width, ROW), Sense::click());
    let (fill, color) = if selected || response.hovered() {
        (palette.selected, palette.on_selected)
    } else {
        (palette.surface, palette.text)
    };
    let painter = ui.painter();
    painter.rect_filled(rect, 6, fill);
    let laid = text_galley(ui, look, words, TextKind::Body, color, width - 28.0, LineAlign::Start);
    let x = if look.rtl { rect.max.x - 14.0 - laid.size.x } else { rect.min.x + 14.0 };
    bidi_layout::paint(painter, egui::pos2(x, rect.center().y - laid.size.y / 2.0), &laid, color);
    let words = words.to_owned();
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::ListBoxOption, true, selected, &words));
    response
}

/// The option chosen; the list closes.
fn choose(state: &ExerciseState, field: &FormField, index: usize) -> AppCommand {
    with_form(state, |form| {
        form.values.insert(field.id.clone(), FieldValue::Choice(Some(index)));
        form.list = None;
    })
}

/// An open list by the keyboard: the arrows move, Enter chooses, Escape closes.
fn list_keys(
    ui: &Ui,
    state: &ExerciseState,
    field: &FormField,
    list: &OpenList,
    commands: &mut Vec<AppCommand>,
) {
    let FieldInput::Choice { options, .. } = &field.input else {
        return;
    };
    let last_option = options.len().saturating_sub(1);
    let keys: Vec<egui::Key> = ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Key { key, pressed: true, .. } => Some(*key),
                _ => None,
            })
            .collect()
    });
    // Every key of the frame in order, each from where the previous one left the pointer.
    let mut pointed = list.pointed;
    for key in keys {
        match key {
            egui::Key::ArrowDown | egui::Key::ArrowUp => {
                pointed = Some(match (key, pointed) {
                    (egui::Key::ArrowDown, None) => 0,
                    (egui::Key::ArrowDown, Some(p)) => (p + 1).min(last_option),
                    (_, None) => last_option,
                    (_, Some(p)) => p.saturating_sub(1),
                });
            }
            egui::Key::Enter => {
                if let Some(index) = pointed {
                    commands.push(choose(state, field, index));
                    return;
                }
            }
            egui::Key::Escape => {
                commands.push(with_form(state, |form| form.list = None));
                return;
            }
            _ => {}
        }
    }
    if pointed != list.pointed {
        let list = OpenList { field: field.id.clone(), pointed };
        commands.push(with_form(state, |form| form.list = Some(list)));
    }
}

/// Sends the form: every field right, the page it opens (the goal when this form is the one
/// asked); otherwise each field not right shows its error, the first one is read aloud, and
/// the sending counts as an attempt beside the way.
pub(super) fn send_form(form: &WebForm, here: &Here<'_>) -> Vec<AppCommand> {
    let state = here.state;
    let wrong: Vec<&FormField> = form.wrong_fields(|f| value_of(state, f));
    if let Some(first) = wrong.first() {
        let errors = wrong.iter().map(|f| f.id.clone()).collect();
        // Said last: every other command stops the speech (the visitor acted).
        return vec![
            AppCommand::Session(Command::Task(TaskEvent::Miss)),
            with_form(state, |f| {
                f.errors = Some(errors);
                f.typing = None;
                f.list = None;
            }),
            AppCommand::Say(first.error.clone()),
        ];
    }
    if *here.task.goal == BrowserGoal::Submitted(form.id.clone()) {
        let mut history = here.history.to_vec();
        history.push(here.page_id.to_owned());
        let next = ExerciseState {
            page: Some(form.to.clone()),
            history: Some(history),
            form: state.form.on_new_page(),
            ..state.clone()
        };
        return vec![AppCommand::Session(Command::TaskDone), AppCommand::Exercise(next)];
    }
    open(&form.to, here)
}

/// A key typed in the field being typed in: a text grows or shrinks; a date takes digits, each
/// part moving to the next once full or at a separator (and back when erased empty); Confirm
/// closes the keyboard.
pub(super) fn type_in_field(
    press: KeyPress,
    form: &WebForm,
    typing: &Typing,
    here: &Here<'_>,
) -> Vec<AppCommand> {
    let state = here.state;
    let Some(field) = form.fields.iter().find(|f| f.id == typing.field) else {
        return Vec::new();
    };
    let mut next = state.clone();
    let mut part = typing.part;
    let mut value = value_of(state, field);
    match (press, &mut value) {
        (KeyPress::Shift, _) => next.shift = !next.shift,
        (KeyPress::Confirm, _) => {
            next.form.typing = None;
            return vec![AppCommand::Exercise(next)];
        }
        (press @ (KeyPress::Insert(_) | KeyPress::Erase), FieldValue::Text(typed)) => {
            if apply_key(&press, typed, &mut next.shift, usize::MAX) == KeyEffect::Nothing {
                return Vec::new();
            }
        }
        (KeyPress::Insert(text), FieldValue::Date(parts)) => {
            let last = parts.len() - 1;
            for c in text.chars() {
                if c.is_ascii_digit() {
                    if parts[part].len() == DATE_PARTS[part].1 && part < last {
                        part += 1;
                    }
                    if parts[part].len() < DATE_PARTS[part].1 {
                        parts[part].push(c);
                    }
                    if parts[part].len() == DATE_PARTS[part].1 && part < last {
                        part += 1;
                    }
                } else if "/.- ".contains(c) && !parts[part].is_empty() && part < last {
                    // "14/3/1985": a separator ends a part typed short.
                    part += 1;
                }
            }
        }
        (KeyPress::Erase, FieldValue::Date(parts)) => {
            if parts[part].is_empty() && part > 0 {
                part -= 1;
            }
            parts[part].pop();
        }
        _ => return Vec::new(),
    }
    next.form.values.insert(field.id.clone(), value);
    next.form.typing = Some(Typing { field: field.id.clone(), part });
    vec![AppCommand::Exercise(next)]
}

/// The documents of a page, one download button each with the file's name beside it.
pub(super) fn downloads_ui(
    ui: &mut Ui,
    view: &View<'_>,
    here: &Here<'_>,
    page: &WebPage,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    // Each button with its file's name beside it, centred on the button's height.
    let row =
        if look.rtl { Layout::right_to_left(Align::Center) } else { Layout::left_to_right(Align::Center) };
    for download in &page.downloads {
        ui.allocate_ui_with_layout(vec2(ui.available_width(), 64.0), row, |ui| {
            let words = view.tr(&download.label);
            let button = big_button(ui, look, &words, Some("⬇"), ButtonKind::Secondary, vec2(0.0, 60.0));
            ui.add_space(8.0);
            text_line(ui, &look.latin(), &download.file, TextKind::Small);
            if button.clicked() && !here.banner_open {
                let done = *here.task.goal == BrowserGoal::Downloaded(download.file.clone());
                let event = if done { Command::TaskDone } else { Command::Task(TaskEvent::Miss) };
                commands.push(AppCommand::Session(event));
                commands.push(with_form(here.state, |form| form.downloaded.push(download.file.clone())));
            }
        });
        ui.add_space(4.0);
    }
}

/// The download bar at the bottom of the browser, as real browsers show it: the last file
/// downloaded, marked done.
pub(super) fn download_bar(ui: &mut Ui, view: &View<'_>, area: Rect, state: &ExerciseState) {
    let Some(file) = state.form.downloaded.last() else {
        return;
    };
    let look = view.look;
    let bar = Rect::from_min_max(egui::pos2(area.min.x + 2.0, area.max.y - 62.0), area.max - vec2(2.0, 2.0));
    let mut bar_ui = ui.new_child(egui::UiBuilder::new().max_rect(bar));
    let response = bar_ui.interact(bar, bar_ui.scope_id().with("download_bar"), Sense::hover());
    let name = view.tr("browser.download.bar");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Status, true, &name));
    bar_ui.painter().rect(
        bar,
        10,
        look.palette.surface,
        Stroke::new(2.0, look.palette.border),
        StrokeKind::Inside,
    );
    let mut inside = bar_ui.new_child(egui::UiBuilder::new().max_rect(bar.shrink2(vec2(16.0, 10.0))));
    reading_row(&mut inside, look, |ui| {
        text_line(ui, look, "⬇", TextKind::Body);
        text_line(ui, &look.latin(), file, TextKind::Body);
        ui.add_space(16.0);
        text_line(ui, look, "✔", TextKind::Body);
        text_line(ui, look, &view.tr("browser.download.done"), TextKind::Body);
    });
}
