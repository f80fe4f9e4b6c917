//! Codes to photograph: when there is no printer, or it failed, the visitor keeps each
//! recommended place's link by photographing its code with a phone, kind of help by kind of
//! help. "Show at the desk" opens a card for the agent at the counter listing every
//! recommended place in French, so a visitor with no printer and no phone still leaves with
//! somewhere to go. The result stays behind the dialog.

use egui::{Color32, Rect, Sense, Ui, vec2};
use repere_engine::slip::words::{ContentWords, Words as _};
use repere_engine::slip::{codes_by_kind, desk_place_lines};
use repere_print::qr::{QrModules, qr_modules};

use super::{View, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::slip_printer::PrintState;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::{LineAlign, isolate};
use crate::widgets::{ButtonKind, big_button, dialog, text_block};

/// Side of a code on screen, points: a phone reads it from arm's length.
const CODE_SIDE: f32 = 220.0;

/// Height of a code with its place's name under it.
const CODE_CELL_HEIGHT: f32 = CODE_SIDE + 120.0;

/// Height left for a dialog's words and buttons around its list, points.
const AROUND_THE_LIST: f32 = 360.0;

/// The dialog of codes.
pub fn slip_codes_ui(ctx: &egui::Context, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    let words = ContentWords::new(view.content, view.session.language());
    // The result's places, kind by kind; before any result (help today), the nearby places.
    let kinds = if let Some(result) = view.session.result() {
        codes_by_kind(result, &words)
    } else {
        let links = super::urgent::nearby_links(view);
        if links.is_empty() {
            Vec::new()
        } else {
            vec![(words.text("help_kind.help_with_procedures"), links)]
        }
    };
    let width = (ctx.content_rect().width() * 0.9).min(1100.0);
    let list_height = (ctx.content_rect().height() * 0.9 - AROUND_THE_LIST).max(CODE_CELL_HEIGHT);
    dialog(ctx, look, "slip_codes", width, |ui| {
        if *view.print_state == PrintState::Failed {
            text_block(ui, look, &view.tr("slip.failed.say"), TextKind::Title, LineAlign::Start);
            ui.add_space(8.0);
        }
        text_block(ui, look, &view.tr("slip.codes.say"), TextKind::Body, LineAlign::Start);
        ui.add_space(12.0);
        if kinds.is_empty() {
            text_block(ui, look, &view.tr("result.next.no_desk"), TextKind::Body, LineAlign::Start);
        }
        // As many codes a row as fit, each wide enough for a phone to read it.
        let per_row = ((ui.available_width() / (CODE_SIDE + 60.0)) as usize).max(1);
        let column = ui.available_width() / per_row as f32;
        egui::ScrollArea::vertical().auto_shrink([false, true]).max_height(list_height).show(ui, |ui| {
            for (kind, links) in &kinds {
                text_block(ui, look, kind, TextKind::Button, LineAlign::Start);
                for row in links.chunks(per_row) {
                    // Codes read in the language's direction, like the places on the result.
                    reading_row(ui, look, |ui| {
                        for link in row {
                            ui.allocate_ui(vec2(column, CODE_CELL_HEIGHT), |ui| {
                                ui.vertical_centered(|ui| {
                                    if let Some(modules) = qr_modules(&link.url) {
                                        code_ui(ui, &modules, CODE_SIDE.min(column - 16.0));
                                    }
                                    ui.add_space(6.0);
                                    text_block(
                                        ui,
                                        look,
                                        &isolate(&link.name),
                                        TextKind::Body,
                                        LineAlign::Center,
                                    );
                                });
                            });
                        }
                    });
                }
                ui.add_space(8.0);
            }
        });
        ui.add_space(16.0);
        let cell = grid_cell(ui, 2, 80.0);
        reading_row(ui, look, |ui| {
            if big_button(ui, look, &view.tr("place.show"), Some("🔍"), ButtonKind::Secondary, cell).clicked()
            {
                commands.push(AppCommand::ShowDeskCard);
            }
            if big_button(ui, look, &view.tr("place.close"), Some("✔"), ButtonKind::Primary, cell).clicked()
            {
                commands.push(AppCommand::CloseOverlay);
            }
        });
    });
}

/// The card for the agent at the counter: every place the result recommends, kind by kind,
/// in French (the desk's language) with its address, hours and phone; a kind with no place
/// says where to ask. Its heading, in the visitor's language, says it is for the desk.
pub fn desk_card_ui(ctx: &egui::Context, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let Some(result) = view.session.result() else {
        return;
    };
    let look = view.look;
    let french = ContentWords::new(view.content, repere_engine::REFERENCE_LANGUAGE);
    // The places are in French: laid out left to right whatever the visitor's language.
    let desk_look = crate::theme::Look { rtl: false, ..*look };
    let width = ctx.content_rect().width() * 0.85;
    let list_height = (ctx.content_rect().height() * 0.9 - AROUND_THE_LIST).max(CODE_CELL_HEIGHT);
    dialog(ctx, look, "desk_card", width, |ui| {
        text_block(ui, look, &view.tr("slip.in_french"), TextKind::Title, LineAlign::Start);
        ui.add_space(8.0);
        egui::ScrollArea::vertical().auto_shrink([false, true]).max_height(list_height).show(ui, |ui| {
            let mut kinds: Vec<&str> = Vec::new();
            for recommendation in &result.recommendations {
                if !kinds.contains(&recommendation.kind.as_str()) {
                    kinds.push(&recommendation.kind);
                }
            }
            for kind in kinds {
                ui.add_space(8.0);
                let kind_words = french.text(&format!("help_kind.{kind}"));
                text_block(ui, &desk_look, &kind_words, TextKind::Title, LineAlign::Start);
                let of_kind = result.recommendations.iter().filter(|r| r.kind == kind);
                let mut any_place = false;
                for recommendation in of_kind.filter(|r| r.place.is_some()) {
                    any_place = true;
                    // The name, then its facts in one paragraph: the agent sees several places.
                    let lines = desk_place_lines(&french, recommendation);
                    if let Some((name, facts)) = lines.split_first() {
                        text_block(ui, &desk_look, name, TextKind::Button, LineAlign::Start);
                        text_block(ui, &desk_look, &facts.join(" · "), TextKind::Body, LineAlign::Start);
                    }
                    ui.add_space(6.0);
                }
                if !any_place {
                    let rule = view.content.orientation.helps.iter().find(|h| h.kind == kind);
                    if let Some(rule) = rule {
                        text_block(
                            ui,
                            &desk_look,
                            &french.text(&rule.none_found),
                            TextKind::Body,
                            LineAlign::Start,
                        );
                    }
                }
            }
        });
        ui.add_space(16.0);
        let cell = grid_cell(ui, 1, 80.0);
        if big_button(ui, look, &view.tr("place.close"), Some("✔"), ButtonKind::Primary, cell).clicked() {
            commands.push(AppCommand::CloseOverlay);
        }
    });
}

/// A code drawn black on white with its quiet zone (four modules), `side` points wide.
fn code_ui(ui: &mut Ui, modules: &QrModules, side: f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let cells = modules.width + 8;
    let cell = side / cells as f32;
    for y in 0..modules.width {
        for x in 0..modules.width {
            if modules.dark.get(y * modules.width + x).copied().unwrap_or(false) {
                let min = rect.min + vec2((x + 4) as f32 * cell, (y + 4) as f32 * cell);
                painter.rect_filled(Rect::from_min_size(min, vec2(cell, cell)), 0.0, Color32::BLACK);
            }
        }
    }
}
