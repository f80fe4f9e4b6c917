//! The bar on every screen: back, language, stop, hear again, volume, contrast, text size.
//! One row when it fits; two rows on a narrow screen (portrait) or in a long language, so
//! that no button is ever drawn over another.

use egui::{Ui, vec2};

use super::View;
use crate::app::AppCommand;
use crate::theme::{DisplayModes, Look};
use crate::widgets::{ButtonKind, bar_button, bar_button_width, worded_icon_button, worded_icon_width};
use repere_engine::session::Command;

/// Height of a row of the bar.
const ROW_HEIGHT: f32 = 72.0;

/// Smallest width of the back and stop buttons, so that they are easy to find.
const WIDE_BUTTON: f32 = 140.0;

/// A button of the bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tool {
    Back,
    Language,
    Stop,
    HearAgain,
    Louder,
    Quieter,
    Contrast,
    LargerText,
}

impl Tool {
    /// The pictogram, mirrored where it points.
    fn picture(self, look: &Look) -> &'static str {
        match self {
            Self::Back => {
                if look.rtl {
                    "➡"
                } else {
                    "⬅"
                }
            }
            Self::Language => "🌐",
            Self::Stop => "🚪",
            Self::HearAgain => "🔁",
            Self::Louder => "🔊",
            Self::Quieter => "🔈",
            Self::Contrast => "🌓",
            Self::LargerText => "A+",
        }
    }

    /// The key of its words.
    fn key(self) -> &'static str {
        match self {
            Self::Back => "toolbar.back",
            Self::Language => "toolbar.language",
            Self::Stop => "toolbar.stop",
            Self::HearAgain => "toolbar.hear_again",
            Self::Louder => "toolbar.volume_up",
            Self::Quieter => "toolbar.volume_down",
            Self::Contrast => "toolbar.contrast",
            Self::LargerText => "toolbar.bigger_text",
        }
    }

    /// A small pictogram button with its word underneath (rather than words beside).
    fn is_icon(self) -> bool {
        matches!(self, Self::Louder | Self::Quieter | Self::Contrast | Self::LargerText)
    }

    fn min_width(self) -> f32 {
        match self {
            Self::Back | Self::Stop => WIDE_BUTTON,
            _ => 0.0,
        }
    }

    fn command(self) -> AppCommand {
        match self {
            Self::Back => AppCommand::Session(Command::Back),
            Self::Language => AppCommand::Session(Command::OpenLanguages),
            Self::Stop => AppCommand::AskStop,
            Self::HearAgain => AppCommand::HearAgain,
            Self::Louder => AppCommand::VolumeUp,
            Self::Quieter => AppCommand::VolumeDown,
            Self::Contrast => AppCommand::ToggleContrast,
            Self::LargerText => AppCommand::ToggleLargeText,
        }
    }
}

/// The words a button shows (the language button shows the language's own name).
fn words(view: &View<'_>, tool: Tool) -> String {
    match tool {
        Tool::Language => view
            .content
            .language(view.session.language())
            .map_or_else(|| view.session.language().to_owned(), |l| l.name.clone()),
        other => view.tr(other.key()),
    }
}

fn width(ui: &Ui, look: &Look, view: &View<'_>, tool: Tool) -> f32 {
    if tool.is_icon() {
        worded_icon_width(ui, look, &words(view, tool), ROW_HEIGHT)
    } else {
        bar_button_width(ui, look, &words(view, tool), tool.min_width())
    }
}

fn tool_ui(ui: &mut Ui, look: &Look, view: &View<'_>, tool: Tool, commands: &mut Vec<AppCommand>) {
    let text = words(view, tool);
    let kind = if tool == Tool::HearAgain { ButtonKind::Primary } else { ButtonKind::Secondary };
    let size = vec2(tool.min_width(), ROW_HEIGHT);
    let clicked = if tool.is_icon() {
        worded_icon_button(ui, look, tool.picture(look), &text, ROW_HEIGHT).clicked()
    } else {
        // The language button shows the language's own name and is named "Language · <name>"
        // for screen readers.
        let name = if tool == Tool::Language {
            crate::i18n::tr_with(view.session.language(), "toolbar.language", &[("name", &text)])
        } else {
            text.clone()
        };
        bar_button(ui, look, &text, &name, tool.picture(look), kind, size).clicked()
    };
    if clicked {
        commands.push(tool.command());
    }
}

/// One row: `start` against the reading side, `end` against the other side.
fn row_ui(
    ui: &mut Ui,
    look: &Look,
    view: &View<'_>,
    start: &[Tool],
    end: &[Tool],
    commands: &mut Vec<AppCommand>,
) {
    let (start_layout, end_layout) = if look.rtl {
        (egui::Layout::right_to_left(egui::Align::Center), egui::Layout::left_to_right(egui::Align::Center))
    } else {
        (egui::Layout::left_to_right(egui::Align::Center), egui::Layout::right_to_left(egui::Align::Center))
    };
    let spacing = ui.spacing().item_spacing.x;
    let start_width: f32 = start.iter().map(|&t| width(ui, look, view, t) + spacing).sum();
    ui.allocate_ui_with_layout(vec2(ui.available_width(), ROW_HEIGHT), start_layout, |ui| {
        ui.set_min_height(ROW_HEIGHT);
        ui.allocate_ui_with_layout(vec2(start_width, ROW_HEIGHT), start_layout, |ui| {
            for &tool in start {
                tool_ui(ui, look, view, tool, commands);
            }
        });
        ui.allocate_ui_with_layout(vec2(ui.available_width(), ROW_HEIGHT), end_layout, |ui| {
            // Packed against the far edge: the first listed stands in the corner.
            for &tool in end {
                tool_ui(ui, look, view, tool, commands);
            }
        });
    });
}

/// The toolbar. Its start (back, language) follows the reading direction.
pub fn toolbar_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    // The bar keeps its size in large-text mode: "Texte plus grand" must stay where it was.
    let look = &Look { modes: DisplayModes { large_text: false, ..view.look.modes }, ..*view.look };
    let mut start = Vec::new();
    if view.session.can_go_back() {
        start.push(Tool::Back);
    }
    start.push(Tool::Language);
    let end = [Tool::Stop, Tool::HearAgain, Tool::Louder, Tool::Quieter, Tool::Contrast, Tool::LargerText];
    let spacing = ui.spacing().item_spacing.x;
    // The back button may come and go: count it always, so the bar does not jump between
    // one and two rows from one screen to the next.
    let needed: f32 = [Tool::Back, Tool::Language]
        .iter()
        .chain(end.iter())
        .map(|&t| width(ui, look, view, t) + spacing)
        .sum::<f32>()
        + 24.0;
    if needed <= ui.available_width() {
        row_ui(ui, look, view, &start, &end, commands);
    } else {
        // Moving and leaving on the first row, hearing and seeing on the second.
        row_ui(ui, look, view, &start, &end[..1], commands);
        row_ui(ui, look, view, &[], &end[1..], commands);
    }
}
