//! Colours and sizes: readable at one metre, big targets, a high-contrast and a large-text
//! mode that the visitor can switch on and that reset for the next visitor.

use egui::Color32;

/// The visitor's display choices (reset at the end of each visit).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DisplayModes {
    /// Larger text everywhere.
    pub large_text: bool,
    /// Yellow on black.
    pub high_contrast: bool,
}

/// The colours of a mode.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Screen background.
    pub background: Color32,
    /// Panels and secondary buttons.
    pub surface: Color32,
    /// Body text.
    pub text: Color32,
    /// Primary buttons.
    pub accent: Color32,
    /// Text on primary buttons.
    pub on_accent: Color32,
    /// Selected answers.
    pub selected: Color32,
    /// Text on selected answers.
    pub on_selected: Color32,
    /// Targets of the exercises.
    pub target: Color32,
    /// Borders.
    pub border: Color32,
    /// Caption band.
    pub caption: Color32,
}

impl Palette {
    /// The palette of `modes`.
    pub fn of(modes: DisplayModes) -> Self {
        if modes.high_contrast {
            Self {
                background: Color32::BLACK,
                surface: Color32::from_rgb(0x20, 0x20, 0x20),
                text: Color32::WHITE,
                accent: Color32::from_rgb(0xFF, 0xD6, 0x00),
                on_accent: Color32::BLACK,
                selected: Color32::from_rgb(0x00, 0xE0, 0xFF),
                on_selected: Color32::BLACK,
                target: Color32::from_rgb(0xFF, 0xD6, 0x00),
                border: Color32::WHITE,
                caption: Color32::from_rgb(0x10, 0x10, 0x10),
            }
        } else {
            Self {
                background: Color32::from_rgb(0xF7, 0xF5, 0xF0),
                surface: Color32::WHITE,
                text: Color32::from_rgb(0x1A, 0x1A, 0x1A),
                accent: Color32::from_rgb(0x0B, 0x5C, 0xAD),
                on_accent: Color32::WHITE,
                selected: Color32::from_rgb(0xD6, 0xE8, 0xFA),
                on_selected: Color32::from_rgb(0x1A, 0x1A, 0x1A),
                target: Color32::from_rgb(0x1E, 0x8E, 0x3E),
                border: Color32::from_rgb(0x55, 0x55, 0x55),
                caption: Color32::from_rgb(0xE8, 0xE4, 0xDA),
            }
        }
    }
}

/// Kinds of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Screen titles.
    Title,
    /// Body text.
    Body,
    /// Button words.
    Button,
    /// The caption of what is spoken.
    Caption,
    /// Small print (operator menu, countdown).
    Small,
}

/// Everything a screen needs to draw: direction, modes, colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// The language runs right to left.
    pub rtl: bool,
    /// The visitor's modes.
    pub modes: DisplayModes,
    /// Colours of the modes.
    pub palette: Palette,
}

/// Smallest side of anything a visitor presses, in points (≥ 48 at scale 1).
pub const MIN_TARGET: f32 = 64.0;

impl Look {
    /// The look of a language and modes.
    pub fn new(rtl: bool, modes: DisplayModes) -> Self {
        Self { rtl, modes, palette: Palette::of(modes) }
    }

    /// The same look for Latin text the visitor types or reads as typed (addresses, codes,
    /// postcodes): always left to right, whatever the language.
    #[must_use]
    pub fn latin(&self) -> Self {
        Self { rtl: false, ..*self }
    }

    /// The arrow that points forward in the reading direction.
    pub fn forward(&self) -> &'static str {
        if self.rtl { "◀" } else { "▶" }
    }

    /// Font size of a kind of text.
    pub fn size(&self, kind: TextKind) -> f32 {
        let base = match kind {
            TextKind::Title => 40.0,
            TextKind::Body | TextKind::Button => 27.0,
            TextKind::Caption => 25.0,
            TextKind::Small => 18.0,
        };
        if self.modes.large_text { base * 1.3 } else { base }
    }

    /// Applies the colours to egui's visuals.
    pub fn apply(&self, ctx: &egui::Context) {
        let mut visuals =
            if self.modes.high_contrast { egui::Visuals::dark() } else { egui::Visuals::light() };
        visuals.panel_fill = self.palette.background;
        visuals.window_fill = self.palette.surface;
        visuals.override_text_color = Some(self.palette.text);
        ctx.set_visuals(visuals);
    }
}
