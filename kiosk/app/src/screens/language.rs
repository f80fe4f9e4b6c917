//! The language picker: each language in its own script, big.

use egui::Ui;
use repere_engine::session::Command;

use super::{View, grid_cell};
use crate::app::AppCommand;
use crate::theme::Look;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, text_block};

/// The language picker.
pub fn language_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    text_block(ui, view.look, &view.tr("language.title"), TextKind::Title, LineAlign::Start);
    ui.add_space(16.0);
    let offered = view.config.offered_languages(view.content);
    let per_row = if offered.len() > 6 { 3 } else { 2 };
    let cell = grid_cell(ui, per_row, 110.0);
    ui.horizontal_wrapped(|ui| {
        for info in offered {
            let own = Look::new(info.is_rtl(), view.look.modes);
            let selected = info.code == view.session.language();
            if big_button(ui, &own, &info.name, None, ButtonKind::Choice { selected }, cell).clicked() {
                commands.push(AppCommand::Session(Command::ChooseLanguage(info.code.clone())));
            }
        }
    });
}
