//! What the test is, that nothing personal is kept, that one can stop at any time; and, for
//! a language without a voice, that the kiosk will not speak it.

use egui::{Ui, vec2};
use repere_engine::session::Command;

use super::View;
use crate::app::AppCommand;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, centered_button, text_block};

/// The welcome screen; its explanation is the caption above.
pub fn welcome_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    ui.add_space(24.0);
    text_block(ui, view.look, &view.tr("welcome.title"), TextKind::Title, LineAlign::Center);
    // A language without a voice says so at once: its visitor should not wait for speech.
    let silent = view.content.language(view.session.language()).is_some_and(|l| l.voice.is_none());
    if silent {
        ui.add_space(16.0);
        let note = format!("🔇 {}", view.tr("welcome.no_voice"));
        text_block(ui, view.look, &note, TextKind::Body, LineAlign::Center);
    }
    ui.add_space(48.0);
    if centered_button(
        ui,
        view.look,
        &view.tr("welcome.start"),
        Some(view.look.forward()),
        ButtonKind::Primary,
        vec2(420.0, 120.0),
    )
    .clicked()
    {
        commands.push(AppCommand::Session(Command::Continue));
    }
}
