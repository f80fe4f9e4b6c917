//! Type a given text in a field, on the screen's keyboard (touch kiosks have no other) or on a
//! real keyboard, then confirm. The text typed stays in memory for the task only.

use egui::{Event, Key, Rect, Sense, Ui, vec2};
use repere_engine::session::{Command, TaskEvent};
use repere_engine::vocabulary::{KEYBOARD_ROWS, typeable};

use super::ExerciseState;
use crate::app::AppCommand;
use crate::screens::View;
use crate::theme::{Look, TextKind};
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, icon_button, text_block};

/// Height of a key: above the 48-point minimum, small enough for six rows.
const KEY: f32 = 50.0;

/// What the visitor did to the field this frame.
enum Edit {
    Insert(String),
    Erase,
    Confirm,
}

/// The typing exercise.
#[expect(clippy::too_many_arguments, reason = "one exercise kind's parameters, passed as they are")]
pub fn type_text_ui(
    ui: &mut Ui,
    view: &View<'_>,
    area: Rect,
    field: &str,
    expected: &str,
    prefilled: &str,
    state: &ExerciseState,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    // Typed text is Latin: it always runs left to right, whatever the language.
    let latin = Look { rtl: false, ..*look };
    let current = state.typed.clone().unwrap_or_else(|| prefilled.to_owned());
    let mut edits = physical_keys(ui);

    let mut inner = ui.new_child(egui::UiBuilder::new().max_rect(area.shrink(12.0)));
    inner.set_clip_rect(area);
    let model = view.tr("task.keyboard.model");
    // The model and the field on one row, so that the whole keyboard fits below; the row runs
    // in the reading direction, the keyboard stays a French keyboard.
    crate::screens::reading_row(&mut inner, look, |ui| {
        text_block_fit(ui, look, &model, TextKind::Body);
        text_block_fit(ui, &latin, expected, TextKind::Title);
        ui.add_space(24.0);
        field_ui(ui, view, field, &current, state.tried);
    });
    inner.add_space(6.0);
    keyboard_ui(&mut inner, view, state.shift, &mut edits, commands, state);

    for edit in edits {
        apply(edit, &current, expected, state, commands);
    }
}

/// Text and keys from a real keyboard.
fn physical_keys(ui: &Ui) -> Vec<Edit> {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|event| match event {
                Event::Text(text) => Some(Edit::Insert(text.chars().filter(|c| typeable(*c)).collect())),
                Event::Key { key: Key::Backspace, pressed: true, .. } => Some(Edit::Erase),
                Event::Key { key: Key::Enter, pressed: true, .. } => Some(Edit::Confirm),
                _ => None,
            })
            .collect()
    })
}

/// A short text on one line, as wide as it needs (within a row).
fn text_block_fit(ui: &mut Ui, look: &Look, text: &str, kind: TextKind) {
    let width =
        crate::widgets::text_galley(ui, look, text, kind, look.palette.text, f32::INFINITY, LineAlign::Start)
            .size
            .x;
    ui.allocate_ui(vec2(width + 2.0, 0.0), |ui| text_block(ui, look, text, kind, LineAlign::Start));
}

fn field_ui(ui: &mut Ui, view: &View<'_>, field: &str, current: &str, tried: bool) {
    let look = view.look;
    let label = view.tr(field);
    let height = look.size(TextKind::Title) * 1.4;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width().min(640.0), height), Sense::hover());
    let painter = ui.painter();
    painter.rect(
        rect,
        egui::CornerRadius::same(8),
        look.palette.surface,
        egui::Stroke::new(3.0, look.palette.accent),
        egui::StrokeKind::Inside,
    );
    let font = egui::FontId::proportional(look.size(TextKind::Title));
    let galley = painter.layout_no_wrap(format!("{current}|"), font, look.palette.text);
    let y = rect.center().y - galley.size().y / 2.0;
    painter.galley(egui::pos2(rect.min.x + 12.0, y), galley, look.palette.text);
    // The field's name, small, in its top corner (it is also its accessible label); after a
    // confirmed text that is not yet right, the kind "try again" (also spoken) instead.
    let (note, color) = if tried {
        (view.tr("task.retry.say"), look.palette.accent)
    } else {
        (label.clone(), look.palette.border)
    };
    let name =
        crate::widgets::text_galley(ui, look, &note, TextKind::Small, color, f32::INFINITY, LineAlign::Start);
    crate::widgets::bidi_layout::paint(
        painter,
        rect.right_top() + vec2(-name.size.x - 8.0, 2.0),
        &name,
        color,
    );
    let value = current.to_owned();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label);
        info.current_text_value = Some(value.clone());
        info
    });
}

fn keyboard_ui(
    ui: &mut Ui,
    view: &View<'_>,
    shift: bool,
    edits: &mut Vec<Edit>,
    commands: &mut Vec<AppCommand>,
    state: &ExerciseState,
) {
    let look = view.look;
    let gap = ui.spacing().item_spacing.x;
    let width = 11.0 * (KEY + gap);
    for row in KEYBOARD_ROWS {
        ui.horizontal(|ui| {
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            for c in row.chars() {
                let shown: String = if shift { c.to_uppercase().collect() } else { c.to_string() };
                if icon_button(ui, look, &shown, &shown, KEY).clicked() {
                    edits.push(Edit::Insert(shown));
                }
            }
        });
    }
    ui.horizontal(|ui| {
        ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
        let kind = if shift { ButtonKind::Choice { selected: true } } else { ButtonKind::Secondary };
        if big_button(ui, look, &view.tr("task.keyboard.shift"), Some("⬆"), kind, vec2(2.0 * KEY, KEY))
            .clicked()
        {
            commands.push(AppCommand::Exercise(ExerciseState { shift: !shift, ..state.clone() }));
        }
        if big_button(
            ui,
            look,
            &view.tr("task.keyboard.space"),
            None,
            ButtonKind::Secondary,
            vec2(4.0 * KEY, KEY),
        )
        .clicked()
        {
            edits.push(Edit::Insert(" ".to_owned()));
        }
        if big_button(
            ui,
            look,
            &view.tr("question.postcode.erase"),
            Some("⬅"),
            ButtonKind::Secondary,
            vec2(2.0 * KEY, KEY),
        )
        .clicked()
        {
            edits.push(Edit::Erase);
        }
        if big_button(
            ui,
            look,
            &view.tr("task.keyboard.confirm"),
            Some("✔"),
            ButtonKind::Primary,
            vec2(2.5 * KEY, KEY),
        )
        .clicked()
        {
            edits.push(Edit::Confirm);
        }
    });
}

/// Applies one edit: a wrong character counts as a miss, a confirmed wrong text as a new
/// attempt; the right text confirmed ends the task.
fn apply(edit: Edit, current: &str, expected: &str, state: &ExerciseState, commands: &mut Vec<AppCommand>) {
    // Earlier edits of this frame are already queued: start from the latest text.
    let latest = commands
        .iter()
        .rev()
        .find_map(|c| match c {
            AppCommand::Exercise(s) => s.typed.clone(),
            _ => None,
        })
        .unwrap_or_else(|| current.to_owned());
    match edit {
        Edit::Insert(text) if !text.is_empty() => {
            let typed = format!("{latest}{text}");
            if !expected.starts_with(&typed) && expected.starts_with(&latest) {
                commands.push(AppCommand::Session(Command::Task(TaskEvent::Miss)));
            }
            commands.push(AppCommand::Exercise(ExerciseState {
                typed: Some(typed),
                shift: false,
                tried: false,
                ..state.clone()
            }));
        }
        Edit::Insert(_) => {}
        Edit::Erase => {
            let mut typed = latest;
            typed.pop();
            commands.push(AppCommand::Exercise(ExerciseState {
                typed: Some(typed),
                tried: false,
                ..state.clone()
            }));
        }
        Edit::Confirm if latest == expected => commands.push(AppCommand::Session(Command::TaskDone)),
        Edit::Confirm => {
            commands.push(AppCommand::Session(Command::Task(TaskEvent::Attempt)));
            commands.push(AppCommand::Exercise(ExerciseState {
                typed: Some(latest),
                tried: true,
                ..state.clone()
            }));
        }
    }
}
