//! On the attract screen of a learner kiosk whose config names the facilitator's kiosk
//! (`[room] join`) but no code: the room's six digits, typed on a keypad and checked with the
//! facilitator's kiosk before results go to it.

use super::{View, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, dialog, digits_field, keypad, text_block};

/// How the typed code is doing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CodeCheck {
    /// Being typed.
    #[default]
    Typing,
    /// Asked to the facilitator's kiosk.
    Checking,
    /// Not the room's code (or the room is closed).
    Wrong,
    /// The facilitator's kiosk did not answer.
    Unreachable,
}

/// The code dialog's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoomCodeDialog {
    /// Digits typed so far.
    pub digits: String,
    /// Where the check is.
    pub check: CodeCheck,
}

/// The code dialog: what to type (also said), the digits, the keypad, join or cancel.
pub fn room_code_ui(
    ctx: &egui::Context,
    view: &View<'_>,
    code: &RoomCodeDialog,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    dialog(ctx, look, "room_code", 640.0, |ui| {
        text_block(ui, look, &view.tr("room.learner.code_title"), TextKind::Title, LineAlign::Center);
        ui.add_space(8.0);
        text_block(ui, look, &view.tr("room.learner.code.say"), TextKind::Body, LineAlign::Center);
        ui.add_space(12.0);
        let digits = repere_engine::room::CODE_DIGITS;
        digits_field(ui, look, &code.digits, digits, &view.tr("room.learner.code_title"));
        let status = match code.check {
            CodeCheck::Typing => None,
            CodeCheck::Checking => Some("room.learner.code_checking"),
            CodeCheck::Wrong => Some("room.learner.code_wrong.say"),
            CodeCheck::Unreachable => Some("room.learner.code_unreachable.say"),
        };
        if let Some(key) = status {
            ui.add_space(8.0);
            text_block(ui, look, &view.tr(key), TextKind::Body, LineAlign::Center);
        }
        ui.add_space(12.0);
        keypad_ui(ui, view, commands);
        ui.add_space(12.0);
        let cell = grid_cell(ui, 2, 76.0);
        reading_row(ui, look, |ui| {
            let complete = code.digits.len() == repere_engine::room::CODE_DIGITS;
            let joining = complete && code.check != CodeCheck::Checking;
            let join = ui.add_enabled_ui(joining, |ui| {
                big_button(ui, look, &view.tr("room.learner.code_join"), Some("✔"), ButtonKind::Primary, cell)
            });
            if join.inner.clicked() {
                commands.push(AppCommand::JoinRoom);
            }
            if big_button(ui, look, &view.tr("room.learner.cancel"), None, ButtonKind::Secondary, cell)
                .clicked()
            {
                commands.push(AppCommand::CloseOverlay);
            }
        });
    });
}

/// Ten digits and "erase", as on the postcode question.
fn keypad_ui(ui: &mut egui::Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let label = |key: &str| if key == "⬅" { view.tr("question.postcode.erase") } else { key.to_owned() };
    match keypad(ui, view.look, ["", "⬅"], label) {
        Some("⬅") => commands.push(AppCommand::RoomCodeErase),
        Some(digit) => commands.extend(digit.chars().next().map(AppCommand::RoomCodeDigit)),
        None => {}
    }
}
