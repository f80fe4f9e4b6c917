//! "Touch to start", with the languages named in their own script.

use egui::{Sense, Ui, vec2};
use repere_engine::session::Command;

use super::View;
use crate::app::AppCommand;
use crate::i18n::tr;
use crate::theme::{Look, TextKind};
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, text_block};

/// The attract screen: a touch anywhere starts; a language name starts in that language.
pub fn attract_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    let language = view.session.language();
    let whole = ui.max_rect();
    // Touching anywhere that is not a language starts the visit.
    let background = ui.interact(whole, ui.scope_id().with("attract_background"), Sense::click());
    ui.add_space(whole.height() * 0.12);
    // Margins so that text never touches the edges, portrait screens included.
    egui::Frame::new().inner_margin(egui::Margin::symmetric(48, 0)).show(ui, |ui| {
        text_block(ui, look, &tr(language, "app.name"), TextKind::Title, LineAlign::Center);
        ui.add_space(12.0);
        text_block(ui, look, &tr(language, "attract.subtitle"), TextKind::Body, LineAlign::Center);
    });
    ui.add_space(40.0);
    ui.horizontal(|ui| {
        ui.add_space((ui.available_width() - 640.0).max(0.0) / 2.0);
        if big_button(
            ui,
            look,
            &tr(language, "attract.touch"),
            Some("👆"),
            ButtonKind::Primary,
            vec2(640.0, 140.0),
        )
        .clicked()
        {
            commands.push(AppCommand::Session(Command::Start));
        }
    });
    ui.add_space(48.0);
    let offered = view.config.offered_languages(view.content);
    let per_row = offered.len().clamp(1, 6);
    let cell = vec2(((whole.width() - 160.0) / per_row as f32 - 8.0).min(260.0), 80.0);
    for row in offered.chunks(per_row) {
        ui.horizontal(|ui| {
            let width = row.len() as f32 * (cell.x + ui.spacing().item_spacing.x);
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            // In the reading direction: on an Arabic screen the first language is on the right.
            let in_order: Vec<_> = if look.rtl { row.iter().rev().collect() } else { row.iter().collect() };
            for info in in_order {
                // Each name in its own direction, whatever the attract screen's language.
                let own = Look::new(info.is_rtl(), look.modes);
                if big_button(ui, &own, &info.name, None, ButtonKind::Secondary, cell).clicked() {
                    commands.push(AppCommand::Session(Command::Start));
                    commands.push(AppCommand::Session(Command::ChooseLanguage(info.code.clone())));
                }
            }
        });
        ui.add_space(8.0);
    }
    room_ui(ui, view, commands);
    if background.clicked() && commands.is_empty() {
        commands.push(AppCommand::Session(Command::Start));
    }
    let label = tr(language, "app.name");
    background.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Pane, true, &label));
}

/// A learner kiosk in a library room: which room its results go to, and (when the config names
/// the facilitator's kiosk but no code) the button to type the room's code.
fn room_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    let language = view.session.language();
    if let Some(code) = view.room_code {
        ui.add_space(16.0);
        let joined = crate::i18n::tr_with(language, "room.learner.joined", &[("code", code)]);
        text_block(ui, look, &joined, TextKind::Body, LineAlign::Center);
    }
    let typed = view.config.room.join.is_some() && view.config.room.code.is_none();
    if typed {
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - 420.0).max(0.0) / 2.0);
            let label = tr(language, "room.learner.code_button");
            if big_button(ui, look, &label, None, ButtonKind::Secondary, vec2(420.0, 80.0)).clicked() {
                commands.push(AppCommand::AskRoomCode);
            }
        });
    }
}
