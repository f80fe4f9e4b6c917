//! The kiosk's own keyboard and text field: touch kiosks have no system keyboard (cage offers
//! none), and a real keyboard works too. Typed text is Latin: it always runs left to right.

use egui::{Event, Key, Sense, Ui, vec2};
use repere_engine::vocabulary::{KEYBOARD_ROWS, typeable};

use super::bidi_layout::{self, LineAlign};
use super::{ButtonKind, big_button, icon_button, text_galley};
use crate::theme::{Look, MIN_TARGET, TextKind};

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

/// The height the keyboard takes with `ui`'s spacing: its rows of keys and the row of words.
pub fn keyboard_height(ui: &Ui) -> f32 {
    let rows = KEYBOARD_ROWS.len() as f32 + 1.0;
    rows * KEY.max(MIN_TARGET) + (rows - 1.0) * ui.spacing().item_spacing.y
}

/// The on-screen keyboard (AZERTY, accents on the last row), centred.
pub fn keyboard_ui(ui: &mut Ui, look: &Look, words: &KeyboardWords, shift: bool) -> Vec<KeyPress> {
    // The keyboard keeps its size in larger text, as a real one does: its keys are already
    // big, and larger words would push "Confirm" off the screen.
    let look = &Look { modes: crate::theme::DisplayModes { large_text: false, ..look.modes }, ..*look };
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
/// is shown small on its reading side, or `note` instead (a kind remark) when given. `masked`
/// shows dots (passwords: never shown, never spoken). The field the keys go to.
pub fn text_field(
    ui: &mut Ui,
    look: &Look,
    label: &str,
    current: &str,
    note: Option<&str>,
    masked: bool,
    width: f32,
) -> egui::Response {
    TextField::new(look, label, current).note(note).masked(masked).width(width).show(ui)
}

/// A one-line text field: its name small on the reading side, the text typed after it (Latin:
/// left to right), never under the name; the caret only when it has the focus (where the keys
/// go), and still: a waiting screen draws nothing.
pub struct TextField<'a> {
    look: &'a Look,
    label: &'a str,
    current: &'a str,
    note: Option<&'a str>,
    masked: bool,
    focused: bool,
    width: f32,
}

impl<'a> TextField<'a> {
    /// A field named `label` showing `current`, with the focus, 640 points wide.
    pub fn new(look: &'a Look, label: &'a str, current: &'a str) -> Self {
        Self { look, label, current, note: None, masked: false, focused: true, width: 640.0 }
    }

    /// A kind remark shown instead of the name (the name stays its accessible name).
    #[must_use]
    pub fn note(mut self, note: Option<&'a str>) -> Self {
        self.note = note;
        self
    }

    /// Dots instead of the text (a password).
    #[must_use]
    pub fn masked(mut self, masked: bool) -> Self {
        self.masked = masked;
        self
    }

    /// Whether the keys go to this field (it shows the caret).
    #[must_use]
    pub fn focused(mut self, focused: bool) -> Self {
        self.focused = focused;
        self
    }

    /// The widest it gets (never wider than the room left).
    #[must_use]
    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// Draws the field; pressed, the caller gives it the focus.
    pub fn show(self, ui: &mut Ui) -> egui::Response {
        let Self { look, label, current, note, masked, focused, width } = self;
        let palette = &look.palette;
        let height = (look.size(TextKind::Title) * 1.4).max(MIN_TARGET);
        let (rect, response) =
            ui.allocate_exact_size(vec2(width.min(ui.available_width()), height), Sense::click());
        let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
        let stroke = if focused {
            egui::Stroke::new(4.0, palette.accent)
        } else {
            egui::Stroke::new(2.0, palette.border)
        };
        painter.rect(rect, egui::CornerRadius::same(8), palette.surface, stroke, egui::StrokeKind::Inside);
        // The name on the reading side, the text in the rest of the box.
        let (corner, color) = match note {
            Some(note) => (note, palette.accent),
            None => (label, palette.border),
        };
        // Laid out as wide as it is (a finite width pads the block to it), up to half the box.
        let mut laid = text_galley(ui, look, corner, TextKind::Small, color, f32::INFINITY, LineAlign::Start);
        if laid.size.x > rect.width() / 2.0 {
            laid =
                text_galley(ui, look, corner, TextKind::Small, color, rect.width() / 2.0, LineAlign::Start);
        }
        let name_x = if look.rtl { rect.max.x - 12.0 - laid.size.x } else { rect.min.x + 12.0 };
        bidi_layout::paint(&painter, egui::pos2(name_x, rect.center().y - laid.size.y / 2.0), &laid, color);
        let room = laid.size.x + 24.0;
        let text_rect = if look.rtl {
            egui::Rect::from_min_max(rect.min + vec2(12.0, 0.0), rect.max - vec2(room, 0.0))
        } else {
            egui::Rect::from_min_max(rect.min + vec2(room, 0.0), rect.max - vec2(12.0, 0.0))
        };
        let shown = if masked { "•".repeat(current.chars().count()) } else { current.to_owned() };
        let shown = if focused { format!("{shown}|") } else { shown };
        let font = egui::FontId::proportional(look.size(TextKind::Title) * 0.8);
        let galley = painter.layout_no_wrap(shown, font, palette.text);
        // A long text keeps its end in view while typed in (the caret), its start otherwise.
        let x = if focused && galley.size().x > text_rect.width() {
            text_rect.max.x - galley.size().x
        } else {
            text_rect.min.x
        };
        let y = rect.center().y - galley.size().y / 2.0;
        painter.with_clip_rect(text_rect.intersect(painter.clip_rect())).galley(
            egui::pos2(x, y),
            galley,
            palette.text,
        );
        let label = label.to_owned();
        let value = if masked { String::new() } else { current.to_owned() };
        let caret_at = value.chars().count();
        response.widget_info(|| {
            let role = if masked { egui::Role::PasswordInput } else { egui::Role::TextInput };
            let mut info = egui::WidgetInfo::labeled(role, true, &label);
            info.current_text_value = Some(value.clone());
            info
        });
        if focused {
            mark_caret(ui, &response, caret_at);
        }
        response
    }
}

/// Tells assistive technologies (and tests) where the caret is: a collapsed selection at
/// `at` characters in the field's value.
pub fn mark_caret(ui: &Ui, response: &egui::Response, at: usize) {
    let node = response.id.accesskit_id();
    let position = egui::accesskit::TextPosition { node, character_index: at };
    ui.ctx().accesskit_node_builder(response.id, |builder| {
        builder.set_text_selection(egui::accesskit::TextSelection { anchor: position, focus: position });
    });
}
