//! A recommended place: the frame and the buttons its cards share on the result and on help
//! today, and "Show at the desk", the bigger card the agent at the counter can read: its
//! name, what kind of place it is, its facts.

use egui::{Frame, Margin, Ui};

use super::{View, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::theme::{Look, TextKind};
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, dialog, text_block, worded_icon_button};
use repere_engine::slip::words::{ContentWords, card_lines};

/// Height of a card's buttons: a pictogram and its word.
const CARD_BUTTON: f32 = 72.0;

/// The frame of a place's card, across the width.
pub fn card_frame(ui: &mut Ui, look: &Look, add: impl FnOnce(&mut Ui)) {
    Frame::new()
        .fill(look.palette.surface)
        .stroke(egui::Stroke::new(2.0, look.palette.border))
        .corner_radius(12)
        .inner_margin(Margin::same(12))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui);
        });
}

/// "Listen" and "Show at the desk" for the place at `index` of those on show, each a
/// pictogram with its word underneath.
pub fn place_buttons_ui(ui: &mut Ui, view: &View<'_>, index: usize, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    reading_row(ui, look, |ui| {
        if worded_icon_button(ui, look, "🔊", &view.tr("place.hear"), CARD_BUTTON).clicked() {
            commands.push(AppCommand::HearPlace(index));
        }
        if worded_icon_button(ui, look, "🔍", &view.tr("place.show"), CARD_BUTTON).clicked() {
            commands.push(AppCommand::ShowPlace(index));
        }
    });
}

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
        for line in card_lines(&words, recommendation) {
            text_block(ui, look, &line, TextKind::Title, LineAlign::Start);
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
