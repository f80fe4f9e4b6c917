//! A row the importer could not keep.

use serde::Serialize;

/// A row left out of the directory because it could not be shown to a visitor at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkippedRow {
    /// Row number: from 1 in file order (in a CSV file the header is row 0).
    pub row: usize,
    /// The row's `id`, or empty when it had none.
    pub id: String,
    /// Why, in one sentence.
    pub reason: String,
}
