//! A recommended place on the result screen: its facts in words (its name, then what kind of
//! place it is), "Listen" and "Show at the desk" (a bigger card the agent at the counter can
//! read).

use egui::{Frame, Margin, Ui};
use repere_engine::result::Recommendation;

use super::{View, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, dialog, text_block};
use repere_engine::slip::words::{ContentWords, kind_words, place_lines};

/// The card of a recommendation; with `index` (its place in the result), "Listen" and "Show
/// at the desk" buttons.
pub fn place_card_ui(
    ui: &mut Ui,
    view: &View<'_>,
    index: Option<usize>,
    recommendation: &Recommendation,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    let language = view.session.language();
    let words = ContentWords::new(view.content, language);
    let lines = place_lines(&words, recommendation);
    let kind = recommendation.place.as_ref().and_then(|place| kind_words(&words, place));
    Frame::new()
        .fill(look.palette.surface)
        .stroke(egui::Stroke::new(2.0, look.palette.border))
        .corner_radius(12)
        .inner_margin(Margin::same(16))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut lines = lines.iter();
            if let Some(name) = lines.next() {
                text_block(ui, look, name, TextKind::Button, LineAlign::Start);
            }
            if let Some(kind) = &kind {
                text_block(ui, look, kind, TextKind::Body, LineAlign::Start);
            }
            for line in lines {
                text_block(ui, look, line, TextKind::Body, LineAlign::Start);
            }
            let Some(index) = index else {
                return;
            };
            ui.add_space(8.0);
            let cell = grid_cell(ui, 2, 64.0);
            // Same words on every card: scripts and screen readers tell them apart by order.
            reading_row(ui, look, |ui| {
                if big_button(ui, look, &view.tr("place.hear"), Some("🔊"), ButtonKind::Secondary, cell)
                    .clicked()
                {
                    commands.push(AppCommand::HearPlace(index));
                }
                if big_button(ui, look, &view.tr("place.show"), Some("🔍"), ButtonKind::Secondary, cell)
                    .clicked()
                {
                    commands.push(AppCommand::ShowPlace(index));
                }
            });
        });
}

/// The bigger card of recommendation `index`, for the agent at the counter.
pub fn place_dialog_ui(ctx: &egui::Context, view: &View<'_>, index: usize, commands: &mut Vec<AppCommand>) {
    let Some(recommendation) = view.session.result().and_then(|r| r.recommendations.get(index)) else {
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
