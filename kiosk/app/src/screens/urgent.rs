//! "A procedure to do today?" and, if so, where to get help today.

use egui::{Ui, vec2};
use repere_engine::session::Command;

use super::{View, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, centered_button, text_block};

/// The question: yes or no.
pub fn urgent_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    ui.add_space(24.0);
    text_block(ui, view.look, &view.tr("urgent.title"), TextKind::Title, LineAlign::Start);
    ui.add_space(24.0);
    let cell = grid_cell(ui, 2, 140.0);
    reading_row(ui, view.look, |ui| {
        if big_button(ui, view.look, &view.tr("common.yes"), Some("👍"), ButtonKind::Secondary, cell)
            .clicked()
        {
            commands.push(AppCommand::Session(Command::AnswerUrgent(true)));
        }
        if big_button(ui, view.look, &view.tr("common.no"), Some("✋"), ButtonKind::Secondary, cell).clicked()
        {
            commands.push(AppCommand::Session(Command::AnswerUrgent(false)));
        }
    });
}

/// Help today: the on-site help line, then an offer to do the test.
pub fn urgent_help_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    ui.add_space(24.0);
    text_block(ui, view.look, &view.tr("urgent_help.title"), TextKind::Title, LineAlign::Start);
    ui.add_space(16.0);
    let line = match view.config.help_desk_line(view.session.language()) {
        Some(desk) => crate::i18n::tr_with(view.session.language(), "urgent_help.desk", &[("desk", desk)]),
        None => view.tr("urgent_help.no_desk"),
    };
    text_block(ui, view.look, &line, TextKind::Body, LineAlign::Start);
    ui.add_space(16.0);
    // The nearest places that help with procedures, open today first.
    egui::ScrollArea::vertical().auto_shrink([false, true]).max_height(ui.available_height() - 140.0).show(
        ui,
        |ui| {
            if view.ui_state.nearby.is_empty() {
                text_block(
                    ui,
                    view.look,
                    &view.tr("urgent_help.no_places"),
                    TextKind::Body,
                    LineAlign::Start,
                );
            } else {
                text_block(ui, view.look, &view.tr("urgent_help.places"), TextKind::Button, LineAlign::Start);
            }
            for place in &view.ui_state.nearby {
                ui.add_space(6.0);
                super::place_card::place_card_ui(ui, view, None, place, commands);
            }
        },
    );
    ui.add_space(16.0);
    if centered_button(
        ui,
        view.look,
        &view.tr("urgent_help.continue"),
        Some(view.look.forward()),
        ButtonKind::Primary,
        vec2(520.0, 110.0),
    )
    .clicked()
    {
        commands.push(AppCommand::Session(Command::Continue));
    }
}
