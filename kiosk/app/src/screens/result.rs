//! The result: the level in plain words, what the visitor can already do, where to go next.
//! On open speakers it is read aloud only when the visitor asks.

use egui::{Ui, vec2};
use repere_engine::session::Command;

use super::place_card::place_card_ui;
use super::{View, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::i18n::tr_with;
use crate::room::LinkState;
use crate::slip_printer::PrintState;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, text_block};

/// The result screen.
pub fn result_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let Some(result) = view.session.result() else {
        return;
    };
    let look = view.look;
    let language = view.session.language();
    // Room below the result for the buttons, and for how printing goes when it does.
    let line = 2.0 * look.size(TextKind::Body) * 1.4 + 8.0;
    let below = 110.0
        + if *view.print_state == PrintState::Idle { 0.0 } else { line }
        + if view.room_state.is_some_and(|s| s != LinkState::Idle) { 76.0 } else { 0.0 };
    egui::ScrollArea::vertical().auto_shrink([false, true]).max_height(ui.available_height() - below).show(
        ui,
        |ui| {
            text_block(ui, look, &view.tr("result.title"), TextKind::Title, LineAlign::Start);
            ui.add_space(8.0);
            let rank = result.level.rank.to_string();
            let name = view.tr(&format!("result.level.{}.name", result.level.id));
            let heading = tr_with(language, "result.level_label", &[("rank", &rank), ("name", &name)]);
            text_block(ui, look, &heading, TextKind::Title, LineAlign::Start);
            ui.add_space(8.0);
            text_block(
                ui,
                look,
                &view.tr(&format!("result.level.{}.say", result.level.id)),
                TextKind::Body,
                LineAlign::Start,
            );
            ui.add_space(20.0);
            text_block(ui, look, &view.tr("result.can_do.title"), TextKind::Title, LineAlign::Start);
            let can_do = repere_engine::slip::can_do(result);
            if can_do.is_empty() {
                text_block(
                    ui,
                    look,
                    &format!("• {}", view.tr("result.can_do.first_step")),
                    TextKind::Body,
                    LineAlign::Start,
                );
            }
            for id in &can_do {
                text_block(
                    ui,
                    look,
                    &format!("✔ {}", view.tr(&format!("result.can_do.{id}"))),
                    TextKind::Body,
                    LineAlign::Start,
                );
            }
            let learn_next = repere_engine::slip::learn_next(result);
            if !learn_next.is_empty() {
                ui.add_space(20.0);
                text_block(ui, look, &view.tr("slip.learn_next"), TextKind::Title, LineAlign::Start);
                for id in learn_next {
                    let line = format!("• {}", view.tr(&format!("result.can_do.{id}")));
                    text_block(ui, look, &line, TextKind::Body, LineAlign::Start);
                }
            }
            ui.add_space(20.0);
            text_block(ui, look, &view.tr("result.next.title"), TextKind::Title, LineAlign::Start);
            if result.stopped_early {
                text_block(ui, look, &view.tr("result.next.stopped_early"), TextKind::Body, LineAlign::Start);
            }
            let mut kind_shown: Option<&str> = None;
            for (index, recommendation) in result.recommendations.iter().enumerate() {
                if kind_shown != Some(recommendation.kind.as_str()) {
                    kind_shown = Some(&recommendation.kind);
                    ui.add_space(12.0);
                    let kind = view.tr(&format!("help_kind.{}", recommendation.kind));
                    text_block(ui, look, &kind, TextKind::Button, LineAlign::Start);
                    text_block(ui, look, &recommendation.reason, TextKind::Body, LineAlign::Start);
                }
                if recommendation.place.is_some() {
                    ui.add_space(6.0);
                    place_card_ui(ui, view, Some(index), recommendation, commands);
                }
            }
            ui.add_space(12.0);
            let next = match view.config.help_desk_line(language) {
                Some(desk) => tr_with(language, "result.next.desk", &[("desk", desk)]),
                None => view.tr("result.next.no_desk"),
            };
            text_block(ui, look, &next, TextKind::Body, LineAlign::Start);
        },
    );
    ui.add_space(12.0);
    actions_ui(ui, view, commands);
}

/// How printing goes, then "Hear my result", "Print my paper" (or the codes) and "Finish".
fn actions_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    // How printing goes, above the buttons: the result stays on screen meanwhile.
    let printing = view.print_state.said_key();
    if let Some(key) = printing {
        text_block(ui, look, &view.tr(key), TextKind::Body, LineAlign::Start);
        ui.add_space(6.0);
    }
    room_band(ui, view, commands);
    let cell = grid_cell(ui, 3, 90.0);
    reading_row(ui, look, |ui| {
        if big_button(ui, look, &view.tr("result.hear"), Some("🔊"), ButtonKind::Secondary, cell).clicked()
        {
            commands.push(AppCommand::HearResult);
        }
        // Paper when there is a printer; codes to photograph otherwise.
        let (label, icon, command) = if view.has_printer {
            ("slip.print", "🖶", AppCommand::PrintSlip)
        } else {
            ("slip.show_codes", "📷", AppCommand::ShowCodes)
        };
        let busy = *view.print_state == PrintState::Printing;
        let button = ui.add_enabled_ui(!busy, |ui| {
            big_button(ui, look, &view.tr(label), Some(icon), ButtonKind::Secondary, cell)
        });
        if button.inner.clicked() {
            commands.push(command);
        }
        if big_button(
            ui,
            look,
            &view.tr("result.finish"),
            Some("✔"),
            ButtonKind::Primary,
            vec2(cell.x, cell.y),
        )
        .clicked()
        {
            commands.push(AppCommand::Session(Command::Stop));
        }
    });
}

/// In a room: whether the facilitator has the result, and the button to give a first name.
fn room_band(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    let room = match view.room_state {
        Some(LinkState::Sending) => Some("room.learner.sending"),
        Some(LinkState::Sent) => Some("room.learner.sent"),
        Some(LinkState::Refused | LinkState::Unreachable) => Some("room.learner.not_sent.say"),
        Some(LinkState::Idle) | None => None,
    };
    if let Some(key) = room {
        reading_row(ui, look, |ui| {
            if big_button(
                ui,
                look,
                &view.tr("room.learner.give_name"),
                Some("👤"),
                ButtonKind::Secondary,
                vec2(300.0, 64.0),
            )
            .clicked()
            {
                commands.push(AppCommand::AskRoomName);
            }
            ui.allocate_ui(vec2(ui.available_width(), 64.0), |ui| {
                text_block(ui, look, &view.tr(key), TextKind::Body, LineAlign::Start);
            });
        });
        ui.add_space(6.0);
    }
}
