//! One screen per file, each a view of the session that pushes [`AppCommand`]s. This module
//! lays out what every screen shares: the toolbar, the caption band and the overlays.

mod attract;
mod goodbye;
mod idle_warning;
mod language;
mod operator;
mod place_card;
mod question;
mod result;
pub mod room;
mod room_code;
mod room_name;
mod slip_codes;
mod stop_confirm;
mod task;
mod toolbar;
mod urgent;
mod welcome;

use egui::{Frame, Margin, Ui};
use repere_engine::config::Config;
use repere_engine::content::Content;
use repere_engine::session::{IdleState, Screen, Session};

pub use self::operator::OperatorPanel;
pub use self::room_code::{CodeCheck, RoomCodeDialog};
use crate::app::{AppCommand, UiState};
use crate::i18n::tr;
use crate::slip_printer::{PrintState, PrinterStatus};
use crate::theme::{Look, TextKind};
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::text_block;

/// A dialog over the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// "Stop the test?"
    StopConfirm,
    /// The operator's PIN pad and menu.
    Operator(OperatorPanel),
    /// The bigger card of a recommended place (its index in the result), for the agent.
    PlaceCard(usize),
    /// The codes of the result's places, to photograph (no printer, or it failed).
    SlipCodes,
    /// Every recommended place in French, for the agent at the counter (from the codes).
    DeskCard,
    /// In a room: a first name for the facilitator's table.
    RoomName,
    /// A learner kiosk: the room's code, typed on the attract screen.
    RoomCode(RoomCodeDialog),
}

/// What a screen reads.
pub struct View<'a> {
    /// The visit.
    pub session: &'a Session,
    /// The content.
    pub content: &'a Content,
    /// The deployment config.
    pub config: &'a Config,
    /// Direction, modes, colours.
    pub look: &'a Look,
    /// UI-local state.
    pub ui_state: &'a UiState,
    /// Clock, seconds.
    pub now: f64,
    /// An audio output is open.
    pub audio_available: bool,
    /// Current volume, 0–1.
    pub volume: f32,
    /// Where the visitor's slip is.
    pub print_state: &'a PrintState,
    /// A printer is configured.
    pub has_printer: bool,
    /// Where the visitor's result is on its way to the facilitator, in a room.
    pub room_state: Option<crate::room::LinkState>,
    /// The code of the room this kiosk sends results to, if any.
    pub room_code: Option<&'a str>,
    /// The printer's status, for the operator.
    pub printer_status: &'a PrinterStatus,
}

impl View<'_> {
    /// The text of `key` in the visit's language.
    pub fn tr(&self, key: &str) -> String {
        tr(self.session.language(), key)
    }
}

/// The i18n key spoken (and captioned) on the current screen.
pub fn prompt_key(session: &Session, content: &Content) -> String {
    match session.screen() {
        Screen::Attract => "attract.say".to_owned(),
        Screen::Language => "language.say".to_owned(),
        Screen::Welcome => "welcome.say".to_owned(),
        Screen::Urgent => "urgent.say".to_owned(),
        Screen::UrgentHelp => "urgent_help.say".to_owned(),
        Screen::Question(i) => content.questions.get(i).map_or_else(String::new, |q| q.say.clone()),
        Screen::Task(i) => content.tasks.get(i).map_or_else(String::new, |t| t.say.clone()),
        Screen::Result => "result.say".to_owned(),
        Screen::Goodbye => "goodbye.say".to_owned(),
    }
}

/// The whole kiosk screen.
pub fn kiosk_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    let screen = view.session.screen();
    if screen == Screen::Attract {
        attract::attract_ui(ui, view, commands);
    } else {
        // On a portrait kiosk the bar stands at the bottom, within reach from a wheelchair.
        let toolbar =
            if look.portrait { egui::Panel::bottom("toolbar") } else { egui::Panel::top("toolbar") };
        toolbar
            .frame(Frame::new().fill(look.palette.surface).inner_margin(Margin::same(8)))
            .show_separator_line(false)
            .resizable(false)
            .show(ui, |ui| toolbar::toolbar_ui(ui, view, commands));
        egui::Panel::top("caption")
            .frame(
                Frame::new()
                    .fill(look.palette.caption)
                    .inner_margin(Margin::symmetric(24, caption_margin(view))),
            )
            .show_separator_line(false)
            .resizable(false)
            .show(ui, |ui| {
                // The caption is what was said last: the instruction, or the hint of "Show me"
                // in its place (both would leave too little room for the exercise).
                if let Some(hint) = shown_hint(view) {
                    hint_box(ui, look, &view.tr(hint));
                } else {
                    let caption = view.tr(&prompt_key(view.session, view.content));
                    text_block(ui, look, &caption, TextKind::Caption, LineAlign::Start);
                }
            });
        egui::CentralPanel::default()
            .frame(Frame::new().fill(look.palette.background).inner_margin(Margin::symmetric(32, 20)))
            .show(ui, |ui| {
                within_reach(ui, look, view.session.serial(), |ui| match screen {
                    Screen::Attract => {}
                    Screen::Language => language::language_ui(ui, view, commands),
                    Screen::Welcome => welcome::welcome_ui(ui, view, commands),
                    Screen::Urgent => urgent::urgent_ui(ui, view, commands),
                    Screen::UrgentHelp => urgent::urgent_help_ui(ui, view, commands),
                    Screen::Question(index) => question::question_ui(ui, view, index, commands),
                    Screen::Task(index) => task::task_ui(ui, view, index, commands),
                    Screen::Result => result::result_ui(ui, view, commands),
                    Screen::Goodbye => goodbye::goodbye_ui(ui, view, commands),
                });
            });
    }
    operator::corner_gesture(ui, view, commands);
    match &view.ui_state.overlay {
        Some(Overlay::StopConfirm) => stop_confirm::stop_confirm_ui(ui.ctx(), view, commands),
        Some(Overlay::Operator(panel)) => operator::operator_ui(ui.ctx(), view, panel, commands),
        Some(Overlay::PlaceCard(index)) => place_card::place_dialog_ui(ui.ctx(), view, *index, commands),
        Some(Overlay::SlipCodes) => slip_codes::slip_codes_ui(ui.ctx(), view, commands),
        Some(Overlay::DeskCard) => slip_codes::desk_card_ui(ui.ctx(), view, commands),
        Some(Overlay::RoomName) => room_name::room_name_ui(ui.ctx(), view, commands),
        Some(Overlay::RoomCode(code)) => room_code::room_code_ui(ui.ctx(), view, code, commands),
        None => {
            if let IdleState::Warning { seconds_left } = view.session.idle_state(view.now) {
                idle_warning::idle_warning_ui(ui.ctx(), view, seconds_left, commands);
            }
        }
    }
}

/// On a portrait screen, lowers a screen's content into the middle of the lower two thirds
/// (within reach from a wheelchair, under the eyes of a seated visitor); content taller than
/// that rises as much as it must, and content that fills the screen (an exercise, a list that
/// scrolls) stays at the top. Its height is first measured on a discarded frame, never seen.
fn within_reach(ui: &mut Ui, look: &Look, screen_serial: u64, add: impl FnOnce(&mut Ui)) {
    if !look.portrait {
        add(ui);
        return;
    }
    // One value, overwritten screen after screen: nothing piles up in egui's memory.
    let id = egui::Id::unique("content_height");
    let measured: Option<Placement> = ui
        .data(|d| d.get_temp::<(u64, Placement)>(id))
        .filter(|(serial, _)| *serial == screen_serial)
        .map(|(_, placement)| placement);
    let available = ui.available_height();
    let top = match measured {
        Some(Placement::Fills) | None => 0.0,
        Some(Placement::Height(height)) => {
            let lower = available * 2.0 / 3.0;
            if height <= lower {
                available / 3.0 + (lower - height) / 2.0
            } else {
                (available - height).max(0.0)
            }
        }
    };
    ui.add_space(top);
    let height = ui.scope(add).response.rect.height();
    let now = if top + height >= available - 2.0 && measured.is_none() {
        Placement::Fills
    } else {
        Placement::Height(height)
    };
    let changed = match (measured, now) {
        (None, _) => true,
        (Some(Placement::Height(before)), Placement::Height(after)) => (before - after).abs() > 1.0,
        _ => false,
    };
    if changed {
        ui.data_mut(|d| d.insert_temp(id, (screen_serial, now)));
        // The first measure is never seen; a later change of height (a list unfolded) moves
        // the content on the next frame.
        if measured.is_none() {
            ui.ctx().request_discard("the screen's content was measured to place it within reach");
        } else {
            ui.ctx().request_repaint();
        }
    }
}

/// True on the first frame the scroll area named `key` is drawn on the screen of `serial`
/// (set it at the top then: each screen, and each visitor, starts at the top). One value per
/// name, overwritten: nothing piles up in egui's memory over months of visits.
pub fn first_frame_on_screen(ui: &Ui, key: &str, serial: u64) -> bool {
    let id = egui::Id::unique(("scroll_shown_on", key));
    let before = ui.data(|d| d.get_temp::<u64>(id));
    ui.data_mut(|d| d.insert_temp(id, serial));
    before != Some(serial)
}

/// How a screen's content stands on a portrait screen.
#[derive(Clone, Copy, Debug)]
enum Placement {
    /// It takes the whole height (measured at the top, the first time).
    Fills,
    /// Its height.
    Height(f32),
}

/// The i18n key of the task's "Show me" hint, while it is the last thing said on this task.
fn shown_hint<'a>(view: &View<'a>) -> Option<&'a str> {
    let Screen::Task(index) = view.session.screen() else {
        return None;
    };
    if !view.ui_state.hint_shown {
        return None;
    }
    view.content.tasks.get(index).and_then(|t| t.show.as_deref())
}

/// The caption band's top and bottom margin: the hint's frame takes half of it, so that the
/// band keeps its height and the exercise its room.
fn caption_margin(view: &View<'_>) -> i8 {
    if shown_hint(view).is_some() { 7 } else { 14 }
}

/// The hint of "Show me", framed so that it stands out from the instruction it replaces.
fn hint_box(ui: &mut Ui, look: &Look, hint: &str) {
    Frame::new()
        .fill(look.palette.surface)
        .stroke(egui::Stroke::new(3.0, look.palette.accent))
        .corner_radius(8)
        .inner_margin(Margin::symmetric(12, 4))
        .show(ui, |ui| {
            text_block(ui, look, hint, TextKind::Caption, LineAlign::Start);
        });
}

/// Lays out `n` buttons per row across the width, reading order respected; returns the size
/// of one button.
pub fn grid_cell(ui: &Ui, per_row: usize, height: f32) -> egui::Vec2 {
    let spacing = ui.spacing().item_spacing.x;
    let per_row = per_row.max(1) as f32;
    // A point less, so that pixel rounding at any zoom never pushes the last one to a new row.
    egui::vec2(((ui.available_width() - spacing * (per_row - 1.0)) / per_row - 1.0).floor(), height)
}

/// A horizontal row that runs in the reading direction.
pub fn reading_row<R>(ui: &mut Ui, look: &Look, add: impl FnOnce(&mut Ui) -> R) -> R {
    let layout = if look.rtl {
        egui::Layout::right_to_left(egui::Align::Min)
    } else {
        egui::Layout::left_to_right(egui::Align::Min)
    };
    ui.with_layout(layout, add).inner
}

/// A column whose lines stand on the reading side (egui's `vertical` puts them on the left
/// and, inside a right-to-left row, takes the whole row).
pub fn reading_column<R>(ui: &mut Ui, look: &Look, add: impl FnOnce(&mut Ui) -> R) -> R {
    let align = if look.rtl { egui::Align::Max } else { egui::Align::Min };
    ui.with_layout(egui::Layout::top_down(align), add).inner
}
