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
    /// The word under a pictogram of the bar (two lines at most).
    Tag,
}

/// Everything a screen needs to draw: direction, modes, colours, the screen's shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// The language runs right to left.
    pub rtl: bool,
    /// The visitor's modes.
    pub modes: DisplayModes,
    /// Colours of the modes.
    pub palette: Palette,
    /// The screen is taller than wide (a portrait touch kiosk): the toolbar goes to the
    /// bottom and the visitor's controls into the lower two thirds, within reach from a
    /// wheelchair.
    pub portrait: bool,
}

/// Smallest side of anything a visitor presses, in points (≥ 48 at scale 1).
pub const MIN_TARGET: f32 = 64.0;

/// The landscape screen the kiosk is drawn for, in points: every landscape screen shows it
/// 800 points tall, so text and targets grow with the screen instead of leaving it half empty.
pub const LANDSCAPE_DESIGN: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The portrait screen the kiosk is drawn for, in points (a 1080×1920 touch kiosk).
pub const PORTRAIT_DESIGN: egui::Vec2 = egui::vec2(1080.0, 1920.0);

/// Pixels per point that fit the kiosk to a screen of `physical` pixels: 1 on a 1280×800 or a
/// 1080×1920 screen, 1.35 on 1920×1080, 0.96 on 1366×768.
pub fn pixels_per_point_for(physical: egui::Vec2) -> f32 {
    let design = if physical.y > physical.x { PORTRAIT_DESIGN } else { LANDSCAPE_DESIGN };
    let fit = (physical.x / design.x).min(physical.y / design.y);
    // Below 0.75 text would be too small to read at a metre; such screens scroll instead.
    if fit.is_finite() { fit.clamp(0.75, 4.0) } else { 1.0 }
}

/// Zooms the whole kiosk so that it fits the screen it is on (see [`pixels_per_point_for`]).
/// Only a full-screen kiosk does this; a host application keeps its own zoom.
pub fn fit_to_screen(ctx: &egui::Context) {
    let physical = ctx.content_rect().size() * ctx.pixels_per_point();
    let native = ctx.native_pixels_per_point().unwrap_or(1.0);
    let zoom = pixels_per_point_for(physical) / native;
    if (ctx.zoom_factor() - zoom).abs() > 0.005 {
        ctx.set_zoom_factor(zoom);
    }
}

impl Look {
    /// The look of a language and modes.
    pub fn new(rtl: bool, modes: DisplayModes) -> Self {
        Self { rtl, modes, palette: Palette::of(modes), portrait: false }
    }

    /// The same look on a screen of `size` points.
    #[must_use]
    pub fn on_screen(self, size: egui::Vec2) -> Self {
        Self { portrait: size.y > size.x, ..self }
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
            TextKind::Tag => 15.0,
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
