//! What a key press (of the kiosk's keyboard or a real one) does to a text being typed:
//! written once for every field that takes typed text.

use super::keyboard::KeyPress;

/// What a key press did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyEffect {
    /// The text changed (a character added or erased).
    Edited,
    /// The on-screen shift key was pressed.
    Shift,
    /// Confirm (Enter) was pressed: the field's owner decides what it means.
    Confirm,
    /// Nothing happened (nothing typeable, a full field, nothing to erase).
    Nothing,
}

/// Applies `press` to `text`, which keeps at most `longest` characters; `shift` (the
/// on-screen keyboard's) is released after a character, as on a phone.
pub fn apply_key(press: &KeyPress, text: &mut String, shift: &mut bool, longest: usize) -> KeyEffect {
    match press {
        KeyPress::Insert(typed) => {
            let room = longest.saturating_sub(text.chars().count());
            let added: String = typed.chars().take(room).collect();
            if added.is_empty() {
                return KeyEffect::Nothing;
            }
            text.push_str(&added);
            *shift = false;
            KeyEffect::Edited
        }
        KeyPress::Erase => {
            if text.pop().is_some() {
                KeyEffect::Edited
            } else {
                KeyEffect::Nothing
            }
        }
        KeyPress::Shift => {
            *shift = !*shift;
            KeyEffect::Shift
        }
        KeyPress::Confirm => KeyEffect::Confirm,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_edit_the_text_and_release_shift() {
        let (mut text, mut shift) = (String::new(), false);
        assert_eq!(apply_key(&KeyPress::Shift, &mut text, &mut shift, 10), KeyEffect::Shift);
        assert!(shift, "shift on");
        assert_eq!(apply_key(&KeyPress::Insert("O".into()), &mut text, &mut shift, 10), KeyEffect::Edited);
        assert!(!shift, "released after a letter");
        apply_key(&KeyPress::Insert("ui".into()), &mut text, &mut shift, 10);
        assert_eq!(text, "Oui");
        assert_eq!(apply_key(&KeyPress::Erase, &mut text, &mut shift, 10), KeyEffect::Edited);
        assert_eq!(text, "Ou");
        assert_eq!(apply_key(&KeyPress::Confirm, &mut text, &mut shift, 10), KeyEffect::Confirm);
    }

    #[test]
    fn a_full_or_empty_field_does_nothing() {
        let (mut text, mut shift) = ("abc".to_owned(), false);
        assert_eq!(apply_key(&KeyPress::Insert("déf".into()), &mut text, &mut shift, 4), KeyEffect::Edited);
        assert_eq!(text, "abcd", "cut at the longest");
        assert_eq!(apply_key(&KeyPress::Insert("x".into()), &mut text, &mut shift, 4), KeyEffect::Nothing);
        let mut empty = String::new();
        assert_eq!(apply_key(&KeyPress::Erase, &mut empty, &mut shift, 4), KeyEffect::Nothing);
    }
}
