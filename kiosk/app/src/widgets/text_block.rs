//! A block of text laid out by [`super::bidi_layout`], with its accessible label.

use egui::{Color32, FontFamily, FontId, Sense, Ui, Vec2};

use super::bidi_layout::{self, LaidOutText, LineAlign, PainterShaper};
use crate::theme::{Look, TextKind};

/// Lays out `text` for the look and the width (without painting).
pub fn text_galley(
    ui: &Ui,
    look: &Look,
    text: &str,
    kind: TextKind,
    color: Color32,
    max_width: f32,
    align: LineAlign,
) -> LaidOutText {
    let family = match kind {
        TextKind::Title | TextKind::Button => FontFamily::Name(crate::fonts::BOLD.into()),
        _ => FontFamily::Proportional,
    };
    let shaper = PainterShaper { painter: ui.painter(), font: FontId::new(look.size(kind), family), color };
    bidi_layout::layout(&shaper, text, max_width, look.rtl, align)
}

/// Shows a block of text across the available width; a label for screen readers and tests.
pub fn text_block(ui: &mut Ui, look: &Look, text: &str, kind: TextKind, align: LineAlign) -> egui::Response {
    let width = ui.available_width();
    let laid = text_galley(ui, look, text, kind, look.palette.text, width, align);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, laid.size.y), Sense::hover());
    bidi_layout::paint_within(ui.painter(), rect.min, &laid, look.palette.text, Some(rect));
    let label = text.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    response
}

/// A short text on one line, as wide as it needs (within a row).
pub fn text_line(ui: &mut Ui, look: &Look, text: &str, kind: TextKind) {
    let width = text_galley(ui, look, text, kind, look.palette.text, f32::INFINITY, LineAlign::Start).size.x;
    ui.allocate_ui(Vec2::new(width + 2.0, 0.0), |ui| text_block(ui, look, text, kind, LineAlign::Start));
}

/// Paints one line of body text centred below `top_center` (labels under pictures), laid out
/// in the language's direction. Painting only: the widget it names carries the label.
pub fn caption_at(ui: &Ui, look: &Look, top_center: egui::Pos2, text: &str) {
    let laid =
        text_galley(ui, look, text, TextKind::Body, look.palette.text, f32::INFINITY, LineAlign::Start);
    let origin = egui::pos2(top_center.x - laid.size.x / 2.0, top_center.y);
    bidi_layout::paint(ui.painter(), origin, &laid, look.palette.text);
}
