//! The result: the level in plain words, where to go next, what the visitor can already do.
//! Each kind of help shows its best place without scrolling; its other places come behind
//! "More places". When more is below, a button says so and scrolls. On open speakers the
//! result is read aloud only when the visitor asks.

use egui::{Ui, vec2};
use repere_engine::result::Recommendation;
use repere_engine::session::Command;
use repere_engine::slip::words::{ContentWords, availability_words, isolate, place_lines};

use super::place_card::{card_frame, place_buttons_ui};
use super::{View, first_frame_on_screen, grid_cell, reading_column, reading_row};
use crate::app::AppCommand;
use crate::i18n::tr_with;
use crate::room::LinkState;
use crate::slip_printer::PrintState;
use crate::theme::TextKind;
use crate::widgets::bidi_layout::{self, LineAlign};
use crate::widgets::{
    ButtonKind, big_button, cell_button, choice_height, icon_button, text_block, text_galley,
};

/// Narrowest column of a kind of help, points: narrower, names and addresses break too often.
const KIND_COLUMN_MIN: f32 = 280.0;

/// Width of the scroll bar, points: thick enough to see, and to drag with a finger.
const SCROLL_BAR_WIDTH: f32 = 22.0;

/// Side of the buttons beside the scroll bar ("more below", "back to the top"), points.
const SCROLL_BUTTON: f32 = 64.0;

/// A kind of help with its recommendations (index in the result, recommendation), best first.
struct KindOfHelp<'a> {
    kind: &'a str,
    recommendations: Vec<(usize, &'a Recommendation)>,
}

/// The result's recommendations grouped by kind, in the result's order.
fn kinds_of_help(recommendations: &[Recommendation]) -> Vec<KindOfHelp<'_>> {
    repere_engine::result::by_kind(recommendations)
        .into_iter()
        .map(|(kind, recommendations)| KindOfHelp { kind, recommendations })
        .collect()
}

/// The result screen.
pub fn result_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let Some(result) = view.session.result() else {
        return;
    };
    let look = view.look;
    // Room below the result for the buttons, and for how printing goes when it does.
    let line = 2.0 * look.size(TextKind::Body) * 1.4 + 8.0;
    let below = actions_height(ui, view)
        + 20.0
        + if *view.print_state == PrintState::Idle { 0.0 } else { line }
        + if view.room_state.is_some_and(|s| s != LinkState::Idle) { 76.0 } else { 0.0 };
    let height = (ui.available_height() - below).max(0.0);
    // The next visitor's result starts at the top.
    let scroll_id = ui.scope_id().with("result_scroll");
    let asked = ui.data_mut(|d| d.remove_temp::<f32>(scroll_id));
    let at_top = first_frame_on_screen(ui, "result", view.session.serial());
    let mut scroll_to = None;
    // The result scrolls beside a column of buttons that stands next to the scroll bar (egui
    // draws it on the right in either direction).
    let whole = egui::Rect::from_min_size(ui.cursor().min, vec2(ui.available_width(), height));
    let gap = ui.spacing().item_spacing.x;
    let side_rect = egui::Rect::from_min_size(
        egui::pos2(whole.max.x - SCROLL_BUTTON, whole.min.y),
        vec2(SCROLL_BUTTON, height),
    );
    let text_rect = egui::Rect::from_min_max(whole.min, egui::pos2(side_rect.min.x - gap, whole.max.y));
    let mut text_ui = ui.new_child(egui::UiBuilder::new().max_rect(text_rect).layout(*ui.layout()));
    text_ui.spacing_mut().scroll =
        egui::style::ScrollStyle { bar_width: SCROLL_BAR_WIDTH, ..egui::style::ScrollStyle::solid() };
    let mut area = egui::ScrollArea::vertical()
        .id_salt(scroll_id)
        .auto_shrink([false, false])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .max_height(height);
    if let Some(offset) = asked.or(at_top.then_some(0.0)) {
        area = area.vertical_scroll_offset(offset);
    }
    let output = area.show(&mut text_ui, |ui| {
        // Room for the scroll bar.
        ui.set_max_width((ui.available_width() - SCROLL_BAR_WIDTH - 8.0).max(0.0));
        result_content_ui(ui, view, result, commands);
    });
    let viewport = output.inner_rect.height();
    let max_offset = (output.content_size.y - viewport).max(0.0);
    let offset = output.state.clamped_offset().y;
    let more_below = offset < max_offset - 1.0;
    if more_below {
        fade_band(ui, view, output.inner_rect);
    }
    // Beside the scroll bar: "back to the top" when scrolled, "more below" while there is.
    let layout = egui::Layout::top_down(egui::Align::Center);
    let mut side_ui = ui.new_child(egui::UiBuilder::new().max_rect(side_rect).layout(layout));
    if offset > 1.0 {
        if icon_button(&mut side_ui, look, "⏶", &view.tr("result.back_to_top"), SCROLL_BUTTON).clicked() {
            scroll_to = Some(0.0);
        }
    } else {
        side_ui.add_space(SCROLL_BUTTON);
    }
    if more_below {
        let room = side_ui.available_height() - SCROLL_BUTTON - side_ui.spacing().item_spacing.y;
        side_ui.add_space(room.max(0.0));
        if icon_button(&mut side_ui, look, "⏷", &view.tr("result.more_below"), SCROLL_BUTTON).clicked() {
            scroll_to = Some((offset + viewport * 0.8).min(max_offset));
        }
    }
    ui.advance_cursor_after_rect(whole);
    if let Some(target) = scroll_to {
        ui.data_mut(|d| d.insert_temp(scroll_id, target));
        ui.ctx().request_repaint();
    }
    ui.add_space(12.0);
    actions_ui(ui, view, commands);
}

/// What the result says, top to bottom: the level, where to go (each kind's best place),
/// the level in words, what the visitor can do and learn next, where to ask here.
fn result_content_ui(
    ui: &mut Ui,
    view: &View<'_>,
    result: &repere_engine::result::VisitResult,
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    let language = view.session.language();
    let rank = result.level.rank.to_string();
    let name = view.tr(&format!("result.level.{}.name", result.level.id));
    let heading = tr_with(language, "result.level_label", &[("rank", &rank), ("name", &name)]);
    text_block(ui, look, &view.tr("result.title"), TextKind::Button, LineAlign::Start);
    text_block(ui, look, &heading, TextKind::Title, LineAlign::Start);
    ui.add_space(8.0);
    where_to_go_ui(ui, view, &result.recommendations, commands);
    if result.stopped_early {
        text_block(ui, look, &view.tr("result.next.stopped_early"), TextKind::Body, LineAlign::Start);
    }
    ui.add_space(16.0);
    text_block(
        ui,
        look,
        &view.tr(&format!("result.level.{}.say", result.level.id)),
        TextKind::Body,
        LineAlign::Start,
    );
    ui.add_space(16.0);
    can_do_ui(ui, view, result);
    ui.add_space(12.0);
    let next = match view.config.help_desk_line(language) {
        Some(desk) => tr_with(language, "result.next.desk", &[("desk", desk)]),
        None => view.tr("result.next.no_desk"),
    };
    text_block(ui, look, &next, TextKind::Body, LineAlign::Start);
    ui.add_space(8.0);
}

/// A band at the bottom of the result while more is below: the words say so, and the fade
/// shows the text goes on.
fn fade_band(ui: &Ui, view: &View<'_>, viewport: egui::Rect) {
    let look = view.look;
    let height = look.size(TextKind::Body) * 2.0;
    let band = egui::Rect::from_min_max(egui::pos2(viewport.min.x, viewport.max.y - height), viewport.max);
    let painter = ui.painter_at(viewport);
    let background = look.palette.background;
    // Fades from transparent to the background, so that the cut line reads as "continues".
    let steps = 8;
    for step in 0..steps {
        let top = band.min.y + band.height() * step as f32 / steps as f32;
        let slice = egui::Rect::from_min_max(egui::pos2(band.min.x, top), egui::pos2(band.max.x, band.max.y));
        let alpha = (255.0 * (step + 1) as f32 / steps as f32) as u8;
        let [r, g, b, _] = background.to_array();
        painter.rect_filled(slice, 0.0, egui::Color32::from_rgba_unmultiplied(r, g, b, alpha));
    }
    // Laid out like every text (right to left in Arabic), centred on the band's bottom.
    let words = format!("⏷ {} ⏷", view.tr("result.more_below"));
    let laid =
        text_galley(ui, look, &words, TextKind::Button, look.palette.text, band.width(), LineAlign::Center);
    let origin = egui::pos2(band.center().x - laid.size.x / 2.0, band.max.y - laid.size.y - 2.0);
    bidi_layout::paint(&painter, origin, &laid, look.palette.text);
}

/// Each kind of help side by side, its best place first; its other places behind "More
/// places".
fn where_to_go_ui(
    ui: &mut Ui,
    view: &View<'_>,
    recommendations: &[Recommendation],
    commands: &mut Vec<AppCommand>,
) {
    let look = view.look;
    let kinds = kinds_of_help(recommendations);
    let fits = ((ui.available_width() / KIND_COLUMN_MIN).floor() as usize).max(1);
    for row in kinds.chunks(fits.min(kinds.len()).max(1)) {
        let per_row = row.len();
        let spacing = 16.0;
        let width = ((ui.available_width() - spacing * (per_row as f32 - 1.0)) / per_row as f32).max(0.0);
        reading_row(ui, look, |ui| {
            ui.spacing_mut().item_spacing.x = spacing;
            for kind in row {
                ui.allocate_ui(vec2(width, 0.0), |ui| {
                    ui.set_width(width);
                    reading_column(ui, look, |ui| kind_ui(ui, view, kind, commands));
                });
            }
        });
        ui.add_space(12.0);
    }
}

/// A kind of help: its name, its best place (or how to find one), then its other places.
fn kind_ui(ui: &mut Ui, view: &View<'_>, kind: &KindOfHelp<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    text_block(ui, look, &view.tr(&format!("help_kind.{}", kind.kind)), TextKind::Button, LineAlign::Start);
    ui.add_space(6.0);
    let with_place: Vec<_> = kind.recommendations.iter().filter(|(_, r)| r.place.is_some()).collect();
    let Some(((best_index, best), others)) = with_place.split_first() else {
        // No place known: how to find one.
        if let Some((_, recommendation)) = kind.recommendations.first() {
            text_block(ui, look, &recommendation.reason, TextKind::Body, LineAlign::Start);
        }
        return;
    };
    compact_card_ui(ui, view, *best_index, best, commands);
    if others.is_empty() {
        return;
    }
    ui.add_space(8.0);
    let expanded = view.ui_state.more_places.iter().any(|k| k == kind.kind);
    let (label, icon) = if expanded {
        (view.tr("result.fewer_places"), "⏶")
    } else {
        let count = others.len().to_string();
        (tr_with(view.session.language(), "result.more_places", &[("count", &count)]), "⏷")
    };
    let size = vec2(ui.available_width(), 64.0);
    if big_button(ui, look, &label, Some(icon), ButtonKind::Secondary, size).clicked() {
        commands.push(AppCommand::ToggleMorePlaces(kind.kind.to_owned()));
    }
    if expanded {
        for (index, recommendation) in others {
            ui.add_space(8.0);
            compact_card_ui(ui, view, *index, recommendation, commands);
        }
    }
}

/// A place in short: its name, its town, when it opens; "Listen" and "Show at the desk" (the
/// whole card, bigger).
fn compact_card_ui(
    ui: &mut Ui,
    view: &View<'_>,
    index: usize,
    recommendation: &Recommendation,
    commands: &mut Vec<AppCommand>,
) {
    let Some(place) = &recommendation.place else {
        return;
    };
    let look = view.look;
    let words = ContentWords::new(view.content, view.session.language());
    let lines = place_lines(&words, recommendation);
    // The name (an offer's, then its place's) leads the place's lines.
    let names = if recommendation.offer.is_some() { 2 } else { 1 };
    card_frame(ui, look, |ui| {
        for line in lines.iter().take(names) {
            text_block(ui, look, line, TextKind::Button, LineAlign::Start);
        }
        text_block(ui, look, &isolate(&place.commune), TextKind::Body, LineAlign::Start);
        if recommendation.offer.is_none() {
            let when = availability_words(&words, &place.availability);
            text_block(ui, look, &when, TextKind::Body, LineAlign::Start);
        }
        ui.add_space(8.0);
        place_buttons_ui(ui, view, index, commands);
    });
}

/// What the visitor can already do, and what to learn next, side by side.
fn can_do_ui(ui: &mut Ui, view: &View<'_>, result: &repere_engine::result::VisitResult) {
    let look = view.look;
    let can_do = repere_engine::slip::can_do(result);
    let learn_next = repere_engine::slip::learn_next(result);
    let columns = if learn_next.is_empty() { 1 } else { 2 };
    let width = grid_cell(ui, columns, 0.0).x.max(0.0);
    reading_row(ui, look, |ui| {
        ui.allocate_ui(vec2(width, 0.0), |ui| {
            reading_column(ui, look, |ui| {
                text_block(ui, look, &view.tr("result.can_do.title"), TextKind::Button, LineAlign::Start);
                if can_do.is_empty() {
                    let line = format!("• {}", view.tr("result.can_do.first_step"));
                    text_block(ui, look, &line, TextKind::Body, LineAlign::Start);
                }
                for id in &can_do {
                    let line = format!("✔ {}", view.tr(&format!("result.can_do.{id}")));
                    text_block(ui, look, &line, TextKind::Body, LineAlign::Start);
                }
            });
        });
        if !learn_next.is_empty() {
            ui.allocate_ui(vec2(width, 0.0), |ui| {
                reading_column(ui, look, |ui| {
                    text_block(ui, look, &view.tr("slip.learn_next"), TextKind::Button, LineAlign::Start);
                    for id in &learn_next {
                        let line = format!("• {}", view.tr(&format!("result.can_do.{id}")));
                        text_block(ui, look, &line, TextKind::Body, LineAlign::Start);
                    }
                });
            });
        }
    });
}

/// How printing goes, then "Hear my result", "Print my paper" (or the codes) and "Finish".
/// The words and pictures of the result's buttons.
fn actions(view: &View<'_>) -> [(String, &'static str); 3] {
    let (codes, icon) = if view.has_printer { ("slip.print", "🖶") } else { ("slip.show_codes", "📷") };
    [(view.tr("result.hear"), "🔊"), (view.tr(codes), icon), (view.tr("result.finish"), "✔")]
}

/// The height of the row of the result's buttons: the tallest one's (their words wrap in a
/// third of the screen), at least 90 points.
fn actions_height(ui: &Ui, view: &View<'_>) -> f32 {
    let width = grid_cell(ui, 3, 90.0).x;
    actions(view)
        .iter()
        .map(|(label, picture)| choice_height(ui, view.look, label, Some(picture), width))
        .fold(90.0, f32::max)
}

fn actions_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    // How printing goes, above the buttons: the result stays on screen meanwhile.
    let printing = view.print_state.said_key();
    if let Some(key) = printing {
        text_block(ui, look, &view.tr(key), TextKind::Body, LineAlign::Start);
        ui.add_space(6.0);
    }
    room_band(ui, view, commands);
    let cell = grid_cell(ui, 3, actions_height(ui, view));
    reading_row(ui, look, |ui| {
        if cell_button(ui, look, &view.tr("result.hear"), Some("🔊"), ButtonKind::Secondary, cell).clicked()
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
            cell_button(ui, look, &view.tr(label), Some(icon), ButtonKind::Secondary, cell)
        });
        if button.inner.clicked() {
            commands.push(command);
        }
        if cell_button(ui, look, &view.tr("result.finish"), Some("✔"), ButtonKind::Primary, cell).clicked()
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
