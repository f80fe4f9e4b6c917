//! Codes to photograph: when there is no printer, or it failed, the visitor keeps each
//! place's link by photographing its code with a phone. The result stays behind the dialog.

use egui::{Color32, Rect, Sense, Ui, vec2};
use repere_engine::slip::Slip;
use repere_print::qr::{QrModules, qr_modules};

use super::{View, grid_cell};
use crate::app::AppCommand;
use crate::slip_printer::PrintState;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::{LineAlign, isolate};
use crate::widgets::{ButtonKind, big_button, dialog, text_block};

/// Side of a code on screen, points: a phone reads it from arm's length.
const CODE_SIDE: f32 = 220.0;

/// The dialog of codes.
pub fn slip_codes_ui(ctx: &egui::Context, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    // The result's places; before any result (help today), the nearby places.
    let links = match view.session.result() {
        Some(result) => Slip::links(result),
        None => super::urgent::nearby_links(view),
    };
    let width = (ctx.content_rect().width() * 0.9).min(1100.0);
    dialog(ctx, look, "slip_codes", width, |ui| {
        if *view.print_state == PrintState::Failed {
            text_block(ui, look, &view.tr("slip.failed.say"), TextKind::Title, LineAlign::Start);
            ui.add_space(8.0);
        }
        text_block(ui, look, &view.tr("slip.codes.say"), TextKind::Body, LineAlign::Start);
        ui.add_space(12.0);
        if links.is_empty() {
            text_block(ui, look, &view.tr("result.next.no_desk"), TextKind::Body, LineAlign::Start);
        }
        let column = (ui.available_width() / links.len().max(1) as f32).min(CODE_SIDE + 120.0);
        // Codes read in the language's direction, like the places on the result.
        let layout = if look.rtl {
            egui::Layout::right_to_left(egui::Align::Min)
        } else {
            egui::Layout::left_to_right(egui::Align::Min)
        };
        ui.with_layout(layout, |ui| {
            for link in &links {
                ui.allocate_ui(vec2(column, CODE_SIDE + 120.0), |ui| {
                    ui.vertical_centered(|ui| {
                        if let Some(modules) = qr_modules(&link.url) {
                            code_ui(ui, &modules, CODE_SIDE.min(column - 16.0));
                        }
                        ui.add_space(6.0);
                        text_block(ui, look, &isolate(&link.name), TextKind::Body, LineAlign::Center);
                    });
                });
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
