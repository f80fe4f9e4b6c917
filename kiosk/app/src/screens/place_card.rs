//! "Show at the desk": the bigger card of a recommended place, that the agent at the counter
//! can read: its name, what kind of place it is, its facts. (The result and help today draw
//! their own cards.)

use super::{View, grid_cell};
use crate::app::AppCommand;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, dialog, text_block};
use repere_engine::slip::words::{ContentWords, kind_words, place_lines};

/// The bigger card of recommendation `index`, for the agent at the counter.
pub fn place_dialog_ui(ctx: &egui::Context, view: &View<'_>, index: usize, commands: &mut Vec<AppCommand>) {
    let Some(recommendation) = crate::app::place_on_show(view.session, view.ui_state, index) else {
        return;
    };
    let look = view.look;
    let language = view.session.language();
    let width = ctx.content_rect().width() * 0.85;
    dialog(ctx, look, "place_card", width, |ui| {
        let words = ContentWords::new(view.content, language);
        let lines = place_lines(&words, recommendation);
        let mut lines = lines.iter();
        if let Some(name) = lines.next() {
            text_block(ui, look, name, TextKind::Title, LineAlign::Start);
        }
        if let Some(kind) = recommendation.place.as_ref().and_then(|place| kind_words(&words, place)) {
            text_block(ui, look, &kind, TextKind::Title, LineAlign::Start);
        }
        ui.add_space(8.0);
        for line in lines {
            text_block(ui, look, line, TextKind::Title, LineAlign::Start);
        }
        ui.add_space(8.0);
        let why = crate::i18n::tr_with(language, "place.why", &[("reason", &recommendation.reason)]);
        text_block(ui, look, &why, TextKind::Body, LineAlign::Start);
        ui.add_space(16.0);
        let cell = grid_cell(ui, 1, 80.0);
        if big_button(ui, look, &view.tr("place.close"), Some("✔"), ButtonKind::Primary, cell).clicked() {
            commands.push(AppCommand::CloseOverlay);
        }
    });
}
