//! Type a given text in a field, on the screen's keyboard (touch kiosks have no other) or on a
//! real keyboard, then confirm. The text typed stays in memory for the task only.

use egui::{Rect, Ui};
use repere_engine::session::{Command, TaskEvent};

use super::ExerciseState;
use crate::app::AppCommand;
use crate::screens::View;
use crate::theme::TextKind;
use crate::widgets::keyboard::{
    KeyPress, KeyboardWords, keyboard_height, keyboard_ui, physical_keys, text_field,
};
use crate::widgets::text_line;
use crate::widgets::typing::{KeyEffect, apply_key};

/// The keyboard's words in the visitor's language.
pub fn keyboard_words(view: &View<'_>) -> KeyboardWords {
    KeyboardWords {
        shift: view.tr("task.keyboard.shift"),
        space: view.tr("task.keyboard.space"),
        erase: view.tr("question.postcode.erase"),
        confirm: view.tr("task.keyboard.confirm"),
    }
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
    let latin = look.latin();
    let current = state.typed.clone().unwrap_or_else(|| prefilled.to_owned());
    let mut presses = physical_keys(ui);

    let mut inner = ui.new_child(egui::UiBuilder::new().max_rect(area.shrink(12.0)));
    inner.set_clip_rect(area);
    let model = view.tr("task.keyboard.model");
    // The model and the field on one row, so that the whole keyboard fits below; the row runs
    // in the reading direction, the keyboard stays a French keyboard.
    let field_rect = crate::screens::reading_row(&mut inner, look, |ui| {
        text_line(ui, look, &model, TextKind::Body);
        text_line(ui, &latin, expected, TextKind::Title);
        ui.add_space(24.0);
        let note = state.tried.then(|| view.tr("task.retry.say"));
        text_field(ui, look, &view.tr(field), &current, note.as_deref(), false, 640.0).rect
    });
    inner.add_space(6.0);
    // Tight rows when the keyboard would overflow (larger text on a short screen); on a
    // portrait kiosk it stands at the bottom of the area, within reach.
    if inner.available_height() < keyboard_height(&inner) {
        inner.spacing_mut().item_spacing.y = 2.0;
    }
    let room = inner.available_height() - keyboard_height(&inner);
    if look.portrait && room > 0.0 {
        inner.add_space(room);
    }
    presses.extend(keyboard_ui(&mut inner, look, &keyboard_words(view), state.shift));
    super::pointer::point_at(&inner, view, Some(field_rect));
    for press in presses {
        apply(&press, &current, expected, state, commands);
    }
}

/// Applies one edit: a wrong character counts as a miss, a confirmed wrong text as a new
/// attempt; the right text confirmed ends the task.
fn apply(
    edit: &KeyPress,
    current: &str,
    expected: &str,
    state: &ExerciseState,
    commands: &mut Vec<AppCommand>,
) {
    // Earlier edits of this frame are already queued: start from the latest text.
    let latest = commands
        .iter()
        .rev()
        .find_map(|c| match c {
            AppCommand::Exercise(s) => s.typed.clone(),
            _ => None,
        })
        .unwrap_or_else(|| current.to_owned());
    let inserting = matches!(edit, KeyPress::Insert(_));
    let (mut typed, mut shift) = (latest.clone(), state.shift);
    match apply_key(edit, &mut typed, &mut shift, usize::MAX) {
        KeyEffect::Edited => {
            // A character that leaves the model (while the text still followed it) is a miss.
            if inserting && !expected.starts_with(&typed) && expected.starts_with(&latest) {
                commands.push(AppCommand::Session(Command::Task(TaskEvent::Miss)));
            }
            commands.push(AppCommand::Exercise(ExerciseState {
                typed: Some(typed),
                shift,
                tried: false,
                ..state.clone()
            }));
        }
        KeyEffect::Shift => commands.push(AppCommand::Exercise(ExerciseState { shift, ..state.clone() })),
        KeyEffect::Confirm if latest == expected => commands.push(AppCommand::Session(Command::TaskDone)),
        KeyEffect::Confirm => {
            commands.push(AppCommand::Session(Command::Task(TaskEvent::Attempt)));
            commands.push(AppCommand::Exercise(ExerciseState {
                typed: Some(latest),
                tried: true,
                ..state.clone()
            }));
        }
        KeyEffect::Nothing => {}
    }
}
