//! A phone-style keypad: ten digits and two more keys, digits left to right in every language
//! (the postcode question, a room's code).

use egui::Ui;

use super::icon_button;
use crate::theme::Look;

/// Side of a key.
const KEY: f32 = 76.0;

/// Draws 1–9, then `last_row[0]`, 0, `last_row[1]` (an empty string leaves a gap), centred;
/// `label` gives each key its accessible words. Returns the key pressed this frame.
pub fn keypad<'k>(
    ui: &mut Ui,
    look: &Look,
    last_row: [&'k str; 2],
    label: impl Fn(&str) -> String,
) -> Option<&'k str> {
    let keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", last_row[0], "0", last_row[1]];
    let width = 3.0 * KEY + 2.0 * ui.spacing().item_spacing.x;
    let mut pressed = None;
    for row in keys.chunks(3) {
        ui.horizontal(|ui| {
            ui.add_space((ui.available_width() - width).max(0.0) / 2.0);
            for key in row {
                if key.is_empty() {
                    ui.add_space(KEY + ui.spacing().item_spacing.x);
                } else if icon_button(ui, look, key, &label(key), KEY).clicked() {
                    pressed = Some(*key);
                }
            }
        });
    }
    pressed
}

/// The digits typed so far on a keypad, `_` for those still to type, centred and labelled
/// `label` as a text field (its value is what was typed).
pub fn digits_field(ui: &mut Ui, look: &Look, typed: &str, digits: usize, label: &str) {
    // Digits always run left to right, whatever the language.
    let shown: String =
        (0..digits).map(|i| typed.chars().nth(i).unwrap_or('_')).flat_map(|c| [c, ' ']).collect();
    ui.vertical_centered(|ui| {
        let field = super::text_block(
            ui,
            &look.latin(),
            shown.trim_end(),
            crate::theme::TextKind::Title,
            super::bidi_layout::LineAlign::Center,
        );
        field.widget_info(|| {
            let mut info = egui::WidgetInfo::labeled(egui::Role::TextInput, true, label);
            info.current_text_value = Some(typed.to_owned());
            info
        });
    });
}
