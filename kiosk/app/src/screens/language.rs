//! The language picker: each language in its own script, big, with a "listen" button that says
//! its name in that language (its prompt also says them all in turn): a visitor who reads none
//! of the names hears their own.

use egui::Ui;
use repere_engine::session::Command;

use super::{View, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::i18n::{tr, tr_with};
use crate::theme::TextKind;
use crate::theme::{Look, MIN_TARGET};
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, icon_button, text_block};

/// The language picker.
pub fn language_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    text_block(ui, view.look, &view.tr("language.title"), TextKind::Title, LineAlign::Start);
    ui.add_space(16.0);
    let offered = view.config.offered_languages(view.content);
    let per_row = if offered.len() > 6 { 3 } else { 2 };
    // As tall as the screen allows for every row, up to 110 points: a deployer's thirteenth
    // language still fits.
    let rows = offered.len().div_ceil(per_row).max(1) as f32;
    let spacing = ui.spacing().item_spacing.y;
    let height = ((ui.available_height() - spacing * (rows - 1.0)) / rows).clamp(MIN_TARGET + 8.0, 110.0);
    let cell = grid_cell(ui, per_row, height);
    // The listen button is as high as the name's, and square, close to its name; a wider gap
    // at the end of each pair tells the pairs apart.
    let (close, gap) = (4.0, 24.0);
    let name_size = egui::vec2(cell.x - cell.y - close - gap, cell.y);
    let layout = if view.look.rtl {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    };
    // Row by row in the reading direction: on an Arabic screen the first language is on the right.
    for row in offered.chunks(per_row) {
        reading_row(ui, view.look, |ui| {
            for info in row {
                ui.allocate_ui_with_layout(cell, layout, |ui| {
                    ui.set_min_size(cell);
                    ui.spacing_mut().item_spacing.x = close;
                    let own = Look::new(info.is_rtl(), view.look.modes);
                    let selected = info.code == view.session.language();
                    if big_button(ui, &own, &info.name, None, ButtonKind::Choice { selected }, name_size)
                        .clicked()
                    {
                        commands.push(AppCommand::Session(Command::ChooseLanguage(info.code.clone())));
                    }
                    // Only a language with a voice has its name to hear; one without says so,
                    // in its own words, in the listen button's place.
                    let listen = tr_with(view.session.language(), "language.listen", &[("name", &info.name)]);
                    if info.voice.is_none() {
                        no_voice_note(ui, &own, &info.code, cell.y);
                    } else if icon_button(ui, view.look, "🔊", &listen, cell.y).clicked() {
                        commands.push(AppCommand::HearLanguageName(info.code.clone()));
                    }
                });
            }
        });
    }
}

/// "No voice", with a silent speaker, in `language`'s own words and direction: a visitor who
/// reads it knows before choosing that the kiosk will not speak it.
fn no_voice_note(ui: &mut Ui, own: &Look, language: &str, side: f32) {
    let layout = egui::Layout::top_down(egui::Align::Center);
    ui.allocate_ui_with_layout(egui::vec2(side, side), layout, |ui| {
        ui.set_min_size(egui::vec2(side, side));
        ui.set_max_width(side);
        text_block(ui, own, "🔇", TextKind::Button, LineAlign::Center);
        text_block(ui, own, &tr(language, "language.no_voice"), TextKind::Small, LineAlign::Center);
    });
}
