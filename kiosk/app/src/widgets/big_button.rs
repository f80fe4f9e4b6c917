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
    let picture_size = picture_size(look);
    labelled_button(ui, look, Labelled { label, name, picture, picture_size, kind, size, keeps_width: false })
}

/// A button that keeps the width of its cell (a row of equal buttons): its words wrap and it
/// grows taller when they need it, instead of growing wider and pushing its neighbours off
/// the screen.
pub fn cell_button(
    ui: &mut Ui,
    look: &Look,
    label: &str,
    picture: Option<&str>,
    kind: ButtonKind,
    size: Vec2,
) -> egui::Response {
    let picture_size = picture_size(look);
    labelled_button(
        ui,
        look,
        Labelled { label, name: label, picture, picture_size, kind, size, keeps_width: true },
    )
}

/// A button of the bar on top of every screen: words and a smaller pictogram, so that the
/// whole bar fits on one row of a 1280-point screen.
pub fn bar_button(
    ui: &mut Ui,
    look: &Look,
    label: &str,
    name: &str,
    picture: &str,
    kind: ButtonKind,
    size: Vec2,
) -> egui::Response {
    labelled_button(
        ui,
        look,
        Labelled {
            label,
            name,
            picture: Some(picture),
            picture_size: BAR_PICTURE,
            kind,
            size,
            keeps_width: false,
        },
    )
}

/// The size of a bar button's pictogram.
const BAR_PICTURE: f32 = 32.0;

/// The width of a [`bar_button`] showing `label` (at least `min_width`).
pub fn bar_button_width(ui: &Ui, look: &Look, label: &str, min_width: f32) -> f32 {
    words_width(ui, look, label, BAR_PICTURE + 16.0, min_width)
}

fn picture_size(look: &Look) -> f32 {
    look.size(TextKind::Title) * 1.2
}

fn words_width(ui: &Ui, look: &Look, label: &str, picture_room: f32, min_width: f32) -> f32 {
    let one_line =
        text_galley(ui, look, label, TextKind::Button, look.palette.text, f32::INFINITY, LineAlign::Center);
    (one_line.size.x + picture_room + 32.0).max(min_width).max(MIN_TARGET)
}

/// What a button with words shows.
#[derive(Clone, Copy)]
struct Labelled<'a> {
    label: &'a str,
    name: &'a str,
    picture: Option<&'a str>,
    picture_size: f32,
    kind: ButtonKind,
    size: Vec2,
    /// Wraps its words within `size.x` rather than growing wider (answers, rows of cells).
    keeps_width: bool,
}

/// Room a picture takes beside the words.
fn picture_room(picture: Option<&str>, picture_size: f32) -> f32 {
    match picture {
        Some(name) if pictogram::is_drawn(name) => picture_size * 1.25 + 16.0,
        Some(_) => picture_size + 16.0,
        None => 0.0,
    }
}

/// The height an answer button of `width` needs to show `label` (wrapped) and `picture`: a
/// grid of answers takes the tallest for every row.
pub fn choice_height(ui: &Ui, look: &Look, label: &str, picture: Option<&str>, width: f32) -> f32 {
    let text_width = (width - 28.0 - picture_room(picture, picture_size(look))).max(40.0);
    let laid =
        text_galley(ui, look, label, TextKind::Button, look.palette.text, text_width, LineAlign::Center);
    (laid.size.y + 28.0).max(MIN_TARGET)
}

fn labelled_button(ui: &mut Ui, look: &Look, button: Labelled<'_>) -> egui::Response {
    let Labelled { label, name, picture, picture_size, kind, size, keeps_width } = button;
    // Wide enough for the words on one line when there is room.
    let picture_room = picture_room(picture, picture_size);
    let size = if (keeps_width || matches!(kind, ButtonKind::Choice { .. })) && size.x > 0.0 {
        // An answer keeps its cell so that the grid stays a grid: its words wrap, and the
        // button grows taller when they need it (larger text).
        let needed = choice_height(ui, look, label, picture, size.x);
        Vec2::new(size.x.max(MIN_TARGET), size.y.max(needed))
    } else {
        let wanted = words_width(ui, look, label, picture_room, size.x);
        Vec2::new(size.x.max(wanted.min(ui.available_width())).max(MIN_TARGET), size.y.max(MIN_TARGET))
    };
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
        bidi_layout::paint_within(painter, egui::pos2(text_x, text_y), &laid, text_color, Some(rect));
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

/// The width a big button takes to show `label` on one line (at least `min_width`).
pub fn big_button_width(ui: &Ui, look: &Look, label: &str, with_picture: bool, min_width: f32) -> f32 {
    let picture_room = if with_picture { picture_size(look) + 16.0 } else { 0.0 };
    words_width(ui, look, label, picture_room, min_width)
}

/// The width of a [`worded_icon_button`] of `height`: its words on two lines at most.
pub fn worded_icon_width(ui: &Ui, look: &Look, words: &str, height: f32) -> f32 {
    let width = |text: &str| {
        text_galley(ui, look, text, TextKind::Tag, look.palette.text, f32::INFINITY, LineAlign::Center).size.x
    };
    let widest = words.split_whitespace().map(width).fold(0.0, f32::max);
    // Half the words and a little: a greedy break then leaves two lines, never three.
    let half = width(words) * 0.6;
    (widest.max(half) + 16.0).max(height).max(MIN_TARGET)
}

/// A pictogram with its word underneath, for the bar's small buttons (volume, contrast, text
/// size): a visitor who does not know the pictogram reads the word, one who does not read
/// knows the pictogram. The word is also its accessible label.
pub fn worded_icon_button(
    ui: &mut Ui,
    look: &Look,
    picture: &str,
    word: &str,
    height: f32,
) -> egui::Response {
    let size = Vec2::new(worded_icon_width(ui, look, word, height), height.max(MIN_TARGET));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect(
            rect,
            CornerRadius::same(14),
            look.palette.surface,
            Stroke::new(if response.hovered() { 3.0 } else { 2.0 }, look.palette.border),
            StrokeKind::Inside,
        );
        let laid = text_galley(
            ui,
            look,
            word,
            TextKind::Tag,
            look.palette.text,
            rect.width() - 12.0,
            LineAlign::Center,
        );
        let word_top = rect.bottom() - 4.0 - laid.size.y;
        let family = egui::FontFamily::Name(crate::fonts::BOLD.into());
        let picture_center = egui::pos2(rect.center().x, f32::midpoint(rect.top(), word_top) + 1.0);
        painter.text(
            picture_center,
            egui::Align2::CENTER_CENTER,
            picture,
            FontId::new(((word_top - rect.top()) * 0.85).min(30.0), family),
            look.palette.text,
        );
        let origin = egui::pos2(rect.center().x - laid.size.x / 2.0, word_top);
        bidi_layout::paint_within(painter, origin, &laid, look.palette.text, Some(rect));
    }
    let label = word.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
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
