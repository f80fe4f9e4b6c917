//! The kiosk's own keyboard and text field: touch kiosks have no system keyboard (cage offers
//! none), and a real keyboard works too. Typed text is Latin: it always runs left to right.

use egui::{Event, Key, Sense, Ui, vec2};
use repere_engine::vocabulary::{KEYBOARD_ROWS, typeable};

use super::bidi_layout::{self, LineAlign};
use super::{ButtonKind, big_button, icon_button, text_galley};
use crate::theme::{Look, TextKind};

/// Height of a key: above the 48-point minimum, small enough for six rows on a task screen.
pub const KEY: f32 = 50.0;

/// A press on the keyboard (on screen or real).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyPress {
    /// Text to add.
    Insert(String),
    /// Erase the last character.
    Erase,
    /// Confirm (Enter).
    Confirm,
    /// The on-screen shift key.
    Shift,
}

/// The words of the keyboard's wide keys, in the visitor's language.
pub struct KeyboardWords {
    /// Shift.
    pub shift: String,
    /// Space.
    pub space: String,
    /// Erase.
    pub erase: String,
    /// Confirm.
    pub confirm: String,
}

/// What a real keyboard typed this frame (only characters the kiosk's keyboard has).
pub fn physical_keys(ui: &Ui) -> Vec<KeyPress> {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|event| match event {
                Event::Text(text) => Some(KeyPress::Insert(text.chars().filter(|c| typeable(*c)).collect())),
                Event::Key { key: Key::Backspace, pressed: true, .. } => Some(KeyPress::Erase),
                Event::Key { key: Key::Enter, pressed: true, .. } => Some(KeyPress::Confirm),
                _ => None,
            })
            .collect()
    })
}

/// The on-screen keyboard (AZERTY, accents on the last row), centred.
pub fn keyboard_ui(ui: &mut Ui, look: &Look, words: &KeyboardWords, shift: bool) -> Vec<KeyPress> {
    let mut presses = Vec::new();
    let gap = ui.spacing().item_spacing.x;
    let width = 11.0 * (KEY + gap);
    for row in KEYBOARD_ROWS {
        ui.horizontal(|ui| {
            ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
            for c in row.chars() {
                let shown: String = if shift { c.to_uppercase().collect() } else { c.to_string() };
                if icon_button(ui, look, &shown, &shown, KEY).clicked() {
                    presses.push(KeyPress::Insert(shown));
                }
            }
        });
    }
    ui.horizontal(|ui| {
        ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
        let kind = if shift { ButtonKind::Choice { selected: true } } else { ButtonKind::Secondary };
        if big_button(ui, look, &words.shift, Some("⬆"), kind, vec2(2.0 * KEY, KEY)).clicked() {
            presses.push(KeyPress::Shift);
        }
        if big_button(ui, look, &words.space, None, ButtonKind::Secondary, vec2(4.0 * KEY, KEY)).clicked() {
            presses.push(KeyPress::Insert(" ".to_owned()));
        }
        if big_button(ui, look, &words.erase, Some("⬅"), ButtonKind::Secondary, vec2(2.0 * KEY, KEY))
            .clicked()
        {
            presses.push(KeyPress::Erase);
        }
        if big_button(ui, look, &words.confirm, Some("✔"), ButtonKind::Primary, vec2(2.5 * KEY, KEY))
            .clicked()
        {
            presses.push(KeyPress::Confirm);
        }
    });
    presses
}

/// A one-line text field showing `current` with a caret; `label` is its accessible name and
/// is shown small in its corner, or `note` instead (a kind remark) when given. `masked` shows
/// dots (passwords: never shown, never spoken).
pub fn text_field(
    ui: &mut Ui,
    look: &Look,
    label: &str,
    current: &str,
    note: Option<&str>,
    masked: bool,
    width: f32,
) -> egui::Response {
    let height = look.size(TextKind::Title) * 1.4;
    let (rect, response) =
        ui.allocate_exact_size(vec2(width.min(ui.available_width()), height), Sense::click());
    // A long text is cut at the field's edge, as in a real field.
    let painter = &ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    painter.rect(
        rect,
        egui::CornerRadius::same(8),
        look.palette.surface,
        egui::Stroke::new(3.0, look.palette.accent),
        egui::StrokeKind::Inside,
    );
    let shown = if masked { "•".repeat(current.chars().count()) } else { current.to_owned() };
    let font = egui::FontId::proportional(look.size(TextKind::Title));
    let galley = painter.layout_no_wrap(format!("{shown}|"), font, look.palette.text);
    let y = rect.center().y - galley.size().y / 2.0;
    painter.galley(egui::pos2(rect.min.x + 12.0, y), galley, look.palette.text);
    let (corner, color) = match note {
        Some(note) => (note, look.palette.accent),
        None => (label, look.palette.border),
    };
    let laid = text_galley(ui, look, corner, TextKind::Small, color, f32::INFINITY, LineAlign::Start);
    bidi_layout::paint(painter, rect.right_top() + vec2(-laid.size.x - 8.0, 2.0), &laid, color);
    let label = label.to_owned();
    let value = if masked { String::new() } else { current.to_owned() };
    response.widget_info(|| {
        let role = if masked { egui::Role::PasswordInput } else { egui::Role::TextInput };
        let mut info = egui::WidgetInfo::labeled(role, true, &label);
        info.current_text_value = Some(value.clone());
        info
    });
    response
}
