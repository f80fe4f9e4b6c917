//! The kiosk's own widgets: every text goes through the bidi line layout, every pressable
//! thing is big and carries its accessible label.

pub mod bidi_layout;
mod big_button;
mod dialog;
pub mod document_picker;
pub mod keyboard;
mod keypad;
pub mod pictogram;
mod text_block;
pub mod typing;

pub use big_button::{
    ButtonKind, bar_button, bar_button_width, big_button, big_button_named, big_button_width, cell_button,
    centered_button, choice_height, icon_button, worded_icon_button, worded_icon_width,
};
pub use dialog::dialog;
pub use keypad::{digits_field, keypad};
pub use text_block::{caption_at, text_block, text_galley, text_line};
