//! Thanks; everything is erased. Back to the attract screen after a few seconds.

use egui::{Ui, vec2};
use repere_engine::session::Command;

use super::View;
use crate::app::AppCommand;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, centered_button, text_block};

/// The goodbye screen.
pub fn goodbye_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    ui.add_space(60.0);
    text_block(ui, view.look, &view.tr("goodbye.title"), TextKind::Title, LineAlign::Center);
    ui.add_space(48.0);
    if centered_button(
        ui,
        view.look,
        &view.tr("goodbye.again"),
        Some("🔄"),
        ButtonKind::Primary,
        vec2(420.0, 110.0),
    )
    .clicked()
    {
        commands.push(AppCommand::Session(Command::Wipe));
    }
}
