//! The fixed words of the visitor profile (CONTRACTS.md): domains, questions and answers.

use serde::{Deserialize, Serialize};

/// One of the six domains of the hands-on test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Mouse or touch.
    Mouse,
    /// Keyboard.
    Keyboard,
    /// The program to go on the internet.
    Internet,
    /// Searching the web.
    Search,
    /// Email.
    Email,
    /// An online public-service procedure.
    Procedure,
}

impl Domain {
    /// All domains, in the order of the test.
    pub const ALL: [Self; 6] =
        [Self::Mouse, Self::Keyboard, Self::Internet, Self::Search, Self::Email, Self::Procedure];

    /// The id used in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::Mouse => "mouse",
            Self::Keyboard => "keyboard",
            Self::Internet => "internet",
            Self::Search => "search",
            Self::Email => "email",
            Self::Procedure => "procedure",
        }
    }

    /// The domain with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|domain| domain.id() == id)
    }
}

/// How an answer is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerShape {
    /// One answer among several.
    One,
    /// Any number of answers (possibly none).
    Many,
    /// Yes or no.
    YesNo,
    /// A French postcode, typed on a keypad.
    Postcode,
}

/// A question the profile knows, with its shape and the answer ids CONTRACTS.md allows.
/// `open` questions accept ids a deployer adds (goals).
pub struct KnownQuestion {
    /// Question id, as in the profile's `answers`.
    pub id: &'static str,
    /// How it is answered.
    pub shape: AnswerShape,
    /// Allowed answer ids.
    pub answers: &'static [&'static str],
    /// True when a deployer may add answer ids.
    pub open: bool,
}

/// Every question the profile knows (CONTRACTS.md, "Visitor profile").
pub const KNOWN_QUESTIONS: &[KnownQuestion] = &[
    KnownQuestion { id: "urgent_procedure", shape: AnswerShape::YesNo, answers: &[], open: false },
    KnownQuestion { id: "postcode", shape: AnswerShape::Postcode, answers: &[], open: false },
    KnownQuestion {
        id: "devices",
        shape: AnswerShape::Many,
        answers: &["smartphone", "computer", "tablet", "none"],
        open: false,
    },
    KnownQuestion { id: "internet_at_home", shape: AnswerShape::YesNo, answers: &[], open: false },
    KnownQuestion {
        id: "email",
        shape: AnswerShape::One,
        answers: &["none", "has_but_cannot_open", "uses"],
        open: false,
    },
    KnownQuestion {
        id: "procedures_alone",
        shape: AnswerShape::One,
        answers: &["yes", "sometimes", "never"],
        open: false,
    },
    KnownQuestion {
        id: "obstacles",
        shape: AnswerShape::Many,
        answers: &["equipment", "fear", "french", "dont_know_how", "no_interest"],
        open: false,
    },
    KnownQuestion {
        id: "french_reading",
        shape: AnswerShape::One,
        answers: &["easy", "some", "hard"],
        open: false,
    },
    KnownQuestion {
        id: "goals",
        shape: AnswerShape::Many,
        answers: &[
            "family_video",
            "find_job",
            "health",
            "benefits",
            "taxes",
            "school",
            "banking",
            "transport",
            "leisure",
        ],
        open: true,
    },
    KnownQuestion {
        id: "access_needs",
        shape: AnswerShape::Many,
        answers: &["wheelchair", "low_vision", "hearing", "reading"],
        open: false,
    },
];

/// The known question with this id.
pub fn known_question(id: &str) -> Option<&'static KnownQuestion> {
    KNOWN_QUESTIONS.iter().find(|question| question.id == id)
}

/// The kiosk's on-screen keyboard (French AZERTY, with the accented letters of French on
/// their own row): the app draws it, and a typing task may only ask for what it can type.
/// Shift gives the capitals of the letters.
pub const KEYBOARD_ROWS: [&str; 5] = ["1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn,'-/", "éèêàâçôùî@."];

/// True when `c` can be typed on the on-screen keyboard (space and capitals included).
pub fn typeable(c: char) -> bool {
    let on_keys = |c: char| KEYBOARD_ROWS.iter().any(|row| row.contains(c));
    c == ' ' || on_keys(c) || (c.is_uppercase() && c.to_lowercase().all(on_keys))
}

#[cfg(test)]
mod tests {
    use super::typeable;

    #[test]
    fn the_keyboard_types_french() {
        for c in "Marie marie.dupont@mail.fr À côté du café, l'été".chars() {
            assert!(typeable(c), "{c:?}");
        }
        assert!(!typeable('ß') && !typeable('€') && !typeable('ع'), "not on the keyboard");
    }
}
