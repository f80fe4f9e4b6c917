//! A big button with words and an optional pictogram, laid out right-to-left when needed.

use egui::{CornerRadius, FontId, Rect, Sense, Stroke, StrokeKind, Ui, Vec2};

use super::bidi_layout::{self, LineAlign};
use super::pictogram;
use super::text_galley;
use crate::theme::{Look, MIN_TARGET, TextKind};

/// How a button looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ButtonKind {
    /// The main action of a screen.
    Primary,
    /// Other actions.
    Secondary,
    /// An answer, selected or not.
    Choice {
        /// Currently chosen.
        selected: bool,
    },
}

/// A button of at least `size` (never smaller than [`MIN_TARGET`]); its accessible label is
/// its words.
pub fn big_button(
    ui: &mut Ui,
    look: &Look,
    label: &str,
    picture: Option<&str>,
    kind: ButtonKind,
    size: Vec2,
) -> egui::Response {
    big_button_named(ui, look, label, label, picture, kind, size)
}

/// A big button whose accessible name says more than its words (the language button shows
/// "Français" and is named "Langue · Français").
pub fn big_button_named(
    ui: &mut Ui,
    look: &Look,
    label: &str,
    name: &str,
    picture: Option<&str>,
    kind: ButtonKind,
    size: Vec2,
) -> egui::Response {
    // Wide enough for the words on one line when there is room.
    let picture_room = if picture.is_some() { look.size(TextKind::Title) * 1.2 + 16.0 } else { 0.0 };
    let one_line =
        text_galley(ui, look, label, TextKind::Button, look.palette.text, f32::INFINITY, LineAlign::Center);
    let wanted = one_line.size.x + picture_room + 32.0;
    let width = size.x.max(wanted.min(ui.available_width())).max(MIN_TARGET);
    let size = Vec2::new(width, size.y.max(MIN_TARGET));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let palette = &look.palette;
    let (fill, text_color) = match kind {
        ButtonKind::Primary => (palette.accent, palette.on_accent),
        ButtonKind::Secondary | ButtonKind::Choice { selected: false } => (palette.surface, palette.text),
        ButtonKind::Choice { selected: true } => (palette.selected, palette.on_selected),
    };
    let stroke_width = match kind {
        ButtonKind::Choice { selected: true } => 5.0,
        _ if response.hovered() => 3.0,
        _ => 2.0,
    };
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect(
            rect,
            CornerRadius::same(14),
            fill,
            Stroke::new(stroke_width, palette.border),
            StrokeKind::Inside,
        );
        let inner = rect.shrink(14.0);
        let picture_size = look.size(TextKind::Title) * 1.2;
        // A pictogram the kiosk draws takes a square a little larger than an emoji's line,
        // as high as the button allows; an emoji is a line of text.
        let picture_galley = picture
            .filter(|p| !pictogram::is_drawn(p))
            .map(|p| painter.layout_no_wrap(p.to_owned(), FontId::proportional(picture_size), text_color));
        let picture_box = match (picture, &picture_galley) {
            (_, Some(galley)) => Some(galley.size()),
            (Some(_), None) => Some(Vec2::splat((picture_size * 1.25).min(inner.height()))),
            (None, None) => None,
        };
        let picture_width = picture_box.map_or(0.0, |b| b.x + 16.0);
        let text_width = (inner.width() - picture_width).max(40.0);
        let laid = text_galley(ui, look, label, TextKind::Button, text_color, text_width, LineAlign::Center);
        let total = Vec2::new(laid.size.x + picture_width, laid.size.y.max(picture_box.map_or(0.0, |b| b.y)));
        let start = Rect::from_center_size(inner.center(), total).min;
        // The pictogram stands on the reading side: left in LTR, right in RTL.
        let (picture_x, text_x) = if look.rtl {
            (start.x + laid.size.x + 16.0, start.x)
        } else {
            (start.x, start.x + picture_width)
        };
        let picture_y = inner.center().y - picture_box.map_or(0.0, |b| b.y) / 2.0;
        if let Some(galley) = picture_galley {
            painter.galley(egui::pos2(picture_x, picture_y), galley, text_color);
        } else if let (Some(name), Some(picture_box)) = (picture, picture_box) {
            let square = Rect::from_min_size(egui::pos2(picture_x, picture_y), picture_box);
            pictogram::paint(painter, square, name, text_color);
        }
        let text_y = inner.center().y - laid.size.y / 2.0;
        bidi_layout::paint(painter, egui::pos2(text_x, text_y), &laid, text_color);
    }
    let label = name.to_owned();
    response.widget_info(|| match kind {
        ButtonKind::Choice { selected } => {
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label)
        }
        _ => egui::WidgetInfo::labeled(egui::Role::Button, true, &label),
    });
    response
}

/// A square button showing only a pictogram; its words are its accessible label (volume,
/// contrast, keypad keys).
pub fn icon_button(ui: &mut Ui, look: &Look, picture: &str, label: &str, side: f32) -> egui::Response {
    let side = side.max(MIN_TARGET);
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(side), Sense::click());
    let painter = ui.painter();
    painter.rect(
        rect,
        CornerRadius::same(14),
        look.palette.surface,
        Stroke::new(if response.hovered() { 3.0 } else { 2.0 }, look.palette.border),
        StrokeKind::Inside,
    );
    let family = egui::FontFamily::Name(crate::fonts::BOLD.into());
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        picture,
        FontId::new(side * 0.45, family),
        look.palette.text,
    );
    let label = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    response
}

/// A big button centred on its own row (the one action of a screen or a dialog).
pub fn centered_button(
    ui: &mut Ui,
    look: &Look,
    label: &str,
    picture: Option<&str>,
    kind: ButtonKind,
    size: Vec2,
) -> egui::Response {
    ui.vertical_centered(|ui| big_button(ui, look, label, picture, kind, size)).inner
}
