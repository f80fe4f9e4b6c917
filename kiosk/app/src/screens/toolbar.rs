//! The bar on every screen: back, language, text size, contrast, volume, hear again, stop.

use egui::{Ui, vec2};

use super::View;
use crate::app::AppCommand;
use crate::widgets::{ButtonKind, big_button};
use repere_engine::session::Command;

/// The toolbar. Its start (back, language) follows the reading direction.
pub fn toolbar_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    let (start, end) = if look.rtl {
        (egui::Layout::right_to_left(egui::Align::Center), egui::Layout::left_to_right(egui::Align::Center))
    } else {
        (egui::Layout::left_to_right(egui::Align::Center), egui::Layout::right_to_left(egui::Align::Center))
    };
    let height = 72.0;
    let language_name = view
        .content
        .language(view.session.language())
        .map_or_else(|| view.tr("toolbar.language"), |l| l.name.clone());
    ui.horizontal(|ui| {
        ui.set_min_height(height);
        let width = ui.available_width();
        ui.allocate_ui_with_layout(vec2(width * 0.4, height), start, |ui| {
            if view.session.can_go_back()
                && big_button(
                    ui,
                    look,
                    &view.tr("toolbar.back"),
                    Some("⬅"),
                    ButtonKind::Secondary,
                    vec2(150.0, height),
                )
                .clicked()
            {
                commands.push(AppCommand::Session(Command::Back));
            }
            let language_label = format!("{} · {}", view.tr("toolbar.language"), language_name);
            if big_button(ui, look, &language_label, Some("🌐"), ButtonKind::Secondary, vec2(230.0, height))
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
                vec2(210.0, height),
            )
            .clicked()
            {
                commands.push(AppCommand::HearAgain);
            }
            let icon =
                |ui: &mut Ui, picture: &str, key: &str| icon_button(ui, view, picture, &view.tr(key), height);
            if icon(ui, "🔊", "toolbar.volume_up") {
                commands.push(AppCommand::VolumeUp);
            }
            if icon(ui, "🔈", "toolbar.volume_down") {
                commands.push(AppCommand::VolumeDown);
            }
            if icon(ui, "🌓", "toolbar.contrast") {
                commands.push(AppCommand::ToggleContrast);
            }
            if icon(ui, "🔤", "toolbar.bigger_text") {
                commands.push(AppCommand::ToggleLargeText);
            }
        });
    });
}

/// A square button showing only a pictogram; its words are its accessible label.
fn icon_button(ui: &mut Ui, view: &View<'_>, picture: &str, label: &str, side: f32) -> bool {
    let look = view.look;
    let (rect, response) = ui.allocate_exact_size(vec2(side, side), egui::Sense::click());
    let painter = ui.painter();
    painter.rect(
        rect,
        egui::CornerRadius::same(14),
        look.palette.surface,
        egui::Stroke::new(if response.hovered() { 3.0 } else { 2.0 }, look.palette.border),
        egui::StrokeKind::Inside,
    );
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        picture,
        egui::FontId::proportional(side * 0.5),
        look.palette.text,
    );
    let label = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    response.clicked()
}
