//! In a room, on the result: the learner may give a first name or a pseudonym for the
//! facilitator's table (or nothing: they are then a number). Typed on the kiosk's keyboard.

use egui::vec2;

use super::{View, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::exercises::type_text::keyboard_words;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::keyboard::{keyboard_ui, physical_keys, text_field};
use crate::widgets::{ButtonKind, big_button, dialog, text_block};

/// The name dialog.
pub fn room_name_ui(ctx: &egui::Context, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    dialog(ctx, look, "room_name", 720.0, |ui| {
        text_block(ui, look, &view.tr("room.learner.name_title"), TextKind::Title, LineAlign::Center);
        ui.add_space(8.0);
        text_block(ui, look, &view.tr("room.learner.name.say"), TextKind::Body, LineAlign::Center);
        ui.add_space(12.0);
        let mut presses = physical_keys(ui);
        text_field(
            ui,
            look,
            &view.tr("room.learner.name_field"),
            &view.ui_state.room_name,
            None,
            false,
            ui.available_width(),
        );
        ui.add_space(12.0);
        presses.extend(keyboard_ui(ui, look, &keyboard_words(view), view.ui_state.name_shift));
        commands.extend(presses.into_iter().map(AppCommand::RoomNameKey));
        ui.add_space(12.0);
        let cell = grid_cell(ui, 2, 80.0);
        reading_row(ui, look, |ui| {
            if big_button(ui, look, &view.tr("room.learner.name_send"), Some("✔"), ButtonKind::Primary, cell)
                .clicked()
            {
                commands.push(AppCommand::SendRoomName);
            }
            if big_button(
                ui,
                look,
                &view.tr("room.learner.cancel"),
                None,
                ButtonKind::Secondary,
                vec2(cell.x, cell.y),
            )
            .clicked()
            {
                commands.push(AppCommand::CloseOverlay);
            }
        });
    });
}
