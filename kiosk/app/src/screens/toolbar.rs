//! The bar on every screen: back, language, text size, contrast, volume, hear again, stop.

use egui::{Ui, vec2};

use super::View;
use crate::app::AppCommand;
use crate::theme::{DisplayModes, Look};
use crate::widgets::{ButtonKind, big_button, big_button_named, icon_button};
use repere_engine::session::Command;

/// The toolbar. Its start (back, language) follows the reading direction.
pub fn toolbar_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    // The bar keeps its size in large-text mode so that it always fits on one row.
    let look = &Look { modes: DisplayModes { large_text: false, ..view.look.modes }, ..*view.look };
    let (start, end) = if look.rtl {
        (egui::Layout::right_to_left(egui::Align::Center), egui::Layout::left_to_right(egui::Align::Center))
    } else {
        (egui::Layout::left_to_right(egui::Align::Center), egui::Layout::right_to_left(egui::Align::Center))
    };
    let height = 72.0;
    let language_name = view
        .content
        .language(view.session.language())
        .map_or_else(|| view.session.language().to_owned(), |l| l.name.clone());
    // The bar runs in the reading direction: back and language at the start edge, the rest
    // packed against the other edge.
    ui.with_layout(start, |ui| {
        ui.set_min_height(height);
        let width = ui.available_width();
        ui.allocate_ui_with_layout(vec2(width * 0.36, height), start, |ui| {
            if view.session.can_go_back()
                && big_button(
                    ui,
                    look,
                    &view.tr("toolbar.back"),
                    Some(if look.rtl { "➡" } else { "⬅" }),
                    ButtonKind::Secondary,
                    vec2(150.0, height),
                )
                .clicked()
            {
                commands.push(AppCommand::Session(Command::Back));
            }
            // Shows the language's own name; named "Language · <name>" for screen readers.
            let language_label = crate::i18n::tr_with(
                view.session.language(),
                "toolbar.language",
                &[("name", &language_name)],
            );
            if big_button_named(
                ui,
                look,
                &language_name,
                &language_label,
                Some("🌐"),
                ButtonKind::Secondary,
                vec2(0.0, height),
            )
            .clicked()
            {
                commands.push(AppCommand::Session(Command::OpenLanguages));
            }
        });
        ui.allocate_ui_with_layout(vec2(ui.available_width(), height), end, |ui| {
            if big_button(
                ui,
                look,
                &view.tr("toolbar.stop"),
                Some("🚪"),
                ButtonKind::Secondary,
                vec2(150.0, height),
            )
            .clicked()
            {
                commands.push(AppCommand::AskStop);
            }
            if big_button(
                ui,
                look,
                &view.tr("toolbar.hear_again"),
                Some("🔁"),
                ButtonKind::Primary,
                vec2(0.0, height),
            )
            .clicked()
            {
                commands.push(AppCommand::HearAgain);
            }
            let icon = |ui: &mut Ui, picture: &str, key: &str| {
                icon_button(ui, look, picture, &view.tr(key), height).clicked()
            };
            if icon(ui, "🔊", "toolbar.volume_up") {
                commands.push(AppCommand::VolumeUp);
            }
            if icon(ui, "🔈", "toolbar.volume_down") {
                commands.push(AppCommand::VolumeDown);
            }
            if icon(ui, "🌓", "toolbar.contrast") {
                commands.push(AppCommand::ToggleContrast);
            }
            if icon(ui, "A+", "toolbar.bigger_text") {
                commands.push(AppCommand::ToggleLargeText);
            }
        });
    });
}
