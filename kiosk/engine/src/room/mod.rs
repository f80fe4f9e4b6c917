//! Room mode (a library or EPN computer room): learner kiosks send each result to the
//! facilitator's kiosk, which keeps a table of the room in memory and proposes level groups.
//! This module holds what needs no screen and no network: the `[room]` settings, the report a
//! learner kiosk sends, the facilitator's table, the grouping and the CSV export. Nothing of it
//! is ever written to disk but the exports the facilitator asks for.

pub mod groups;
pub mod report;
pub mod settings;
pub mod table;

pub use groups::{GroupRule, propose_groups};
pub use report::LearnerReport;
pub use settings::RoomSettings;
pub use table::{Learner, RoomTable};

/// Digits of a room code.
pub const CODE_DIGITS: usize = 6;

/// True for a well-formed room code: six digits (typed on the kiosk's keypad).
pub fn is_room_code(code: &str) -> bool {
    code.len() == CODE_DIGITS && code.bytes().all(|b| b.is_ascii_digit())
}
