//! "Stop the test?": stopping is always possible, never by accident.

use egui::vec2;
use repere_engine::session::Command;

use super::{View, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, dialog, text_block};

/// The stop confirmation.
pub fn stop_confirm_ui(ctx: &egui::Context, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    dialog(ctx, look, "stop_confirm", 720.0, |ui| {
        text_block(ui, look, &view.tr("stop.title"), TextKind::Title, LineAlign::Center);
        ui.add_space(12.0);
        text_block(ui, look, &view.tr("stop.say"), TextKind::Body, LineAlign::Center);
        ui.add_space(24.0);
        let cell = grid_cell(ui, 2, 110.0);
        reading_row(ui, look, |ui| {
            if big_button(ui, look, &view.tr("stop.cancel"), Some(look.forward()), ButtonKind::Primary, cell)
                .clicked()
            {
                commands.push(AppCommand::CloseOverlay);
            }
            if big_button(
                ui,
                look,
                &view.tr("stop.confirm"),
                Some("🚪"),
                ButtonKind::Secondary,
                vec2(cell.x, cell.y),
            )
            .clicked()
            {
                commands.push(AppCommand::Session(Command::Stop));
            }
        });
    });
}
