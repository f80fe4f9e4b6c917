//! "Are you still there?" with a countdown before the wipe.

use egui::vec2;

use super::View;
use crate::app::AppCommand;
use crate::i18n::tr_with;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, centered_button, dialog, text_block};

/// The idle warning. Any touch keeps the visit; the button says so plainly.
pub fn idle_warning_ui(
    ctx: &egui::Context,
    view: &View<'_>,
    seconds_left: u32,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    dialog(ctx, look, "idle_warning", 620.0, |ui| {
        text_block(ui, look, &view.tr("idle.title"), TextKind::Title, LineAlign::Center);
        ui.add_space(16.0);
        let seconds = seconds_left.to_string();
        let countdown = tr_with(view.session.language(), "idle.countdown", &[("seconds", &seconds)]);
        text_block(ui, look, &countdown, TextKind::Body, LineAlign::Center);
        ui.add_space(24.0);
        if centered_button(
            ui,
            look,
            &view.tr("idle.still_here"),
            Some("✋"),
            ButtonKind::Primary,
            vec2(400.0, 110.0),
        )
        .clicked()
        {
            // The touch itself keeps the visit: the app restarts the idle timer on any input.
            commands.push(AppCommand::None);
        }
    });
}
