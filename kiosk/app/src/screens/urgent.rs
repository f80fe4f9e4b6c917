//! "A procedure to do today?" and, if so, where to get help today: the nearest places, each
//! with its phone (or that it is not known), codes to photograph, and the bigger card to show
//! at the desk.

use egui::Ui;
use repere_engine::result::Recommendation;
use repere_engine::session::Command;
use repere_engine::slip::PlaceLink;
use repere_engine::slip::words::{ContentWords, card_lines};

use super::place_card::{card_frame, place_buttons_ui};
use super::{View, first_frame_on_screen, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, text_block};

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

/// Help today: the on-site help line, the nearest places, their codes, then an offer to do
/// the test.
pub fn urgent_help_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    text_block(ui, look, &view.tr("urgent_help.title"), TextKind::Title, LineAlign::Start);
    ui.add_space(8.0);
    let line = match view.config.help_desk_line(view.session.language()) {
        Some(desk) => crate::i18n::tr_with(view.session.language(), "urgent_help.desk", &[("desk", desk)]),
        None => view.tr("urgent_help.no_desk"),
    };
    text_block(ui, look, &line, TextKind::Body, LineAlign::Start);
    ui.add_space(12.0);
    // The nearest places that help with procedures, open today first; a thick scroll bar,
    // always shown, says that more is below.
    ui.spacing_mut().scroll =
        egui::style::ScrollStyle { bar_width: 22.0, ..egui::style::ScrollStyle::solid() };
    let mut area = egui::ScrollArea::vertical().id_salt("nearby");
    if first_frame_on_screen(ui, "nearby", view.session.serial()) {
        area = area.vertical_scroll_offset(0.0);
    }
    area.auto_shrink([false, true])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .max_height(ui.available_height() - 120.0)
        .show(ui, |ui| {
            ui.set_max_width((ui.available_width() - 30.0).max(0.0));
            if view.ui_state.nearby.is_empty() {
                text_block(ui, look, &view.tr("urgent_help.no_places"), TextKind::Body, LineAlign::Start);
            } else {
                text_block(ui, look, &view.tr("urgent_help.places"), TextKind::Button, LineAlign::Start);
            }
            for (index, place) in view.ui_state.nearby.iter().enumerate() {
                ui.add_space(6.0);
                nearby_card_ui(ui, view, index, place, commands);
            }
        });
    ui.add_space(12.0);
    // Codes to photograph when a place has a link; printing a slip of help today is not
    // offered (the slip is the result's).
    let codes = !nearby_links(view).is_empty();
    let cell = grid_cell(ui, if codes { 2 } else { 1 }, 96.0);
    reading_row(ui, look, |ui| {
        if codes
            && big_button(ui, look, &view.tr("slip.show_codes"), Some("📷"), ButtonKind::Secondary, cell)
                .clicked()
        {
            commands.push(AppCommand::ShowCodes);
        }
        if big_button(
            ui,
            look,
            &view.tr("urgent_help.continue"),
            Some(look.forward()),
            ButtonKind::Primary,
            cell,
        )
        .clicked()
        {
            commands.push(AppCommand::Session(Command::Continue));
        }
    });
}

/// A nearby place: its facts in words, its phone or that it is not known; "Listen" and "Show
/// at the desk".
fn nearby_card_ui(
    ui: &mut Ui,
    view: &View<'_>,
    index: usize,
    recommendation: &Recommendation,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    let lines = card_lines(&ContentWords::new(view.content, view.session.language()), recommendation);
    // Said plainly when no phone is known: a visitor in a hurry would look for it.
    let phone_unknown = recommendation.place.as_ref().is_some_and(|p| p.phone.is_none());
    card_frame(ui, look, |ui| {
        let mut lines = lines.iter();
        if let Some(name) = lines.next() {
            text_block(ui, look, name, TextKind::Button, LineAlign::Start);
        }
        for line in lines {
            text_block(ui, look, line, TextKind::Body, LineAlign::Start);
        }
        if phone_unknown {
            text_block(ui, look, &view.tr("urgent_help.phone_unknown"), TextKind::Body, LineAlign::Start);
        }
        ui.add_space(8.0);
        place_buttons_ui(ui, view, index, commands);
    });
}

/// The links of the nearby places, for codes to photograph (help today, before any result).
pub fn nearby_links(view: &View<'_>) -> Vec<PlaceLink> {
    view.ui_state
        .nearby
        .iter()
        .filter_map(|r| {
            let place = r.place.as_ref()?;
            let url = repere_engine::slip::place_link(place)?;
            Some(PlaceLink { name: place.name.clone(), url })
        })
        .collect()
}
