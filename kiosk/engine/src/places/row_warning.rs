//! Something the importer could not use in a row it kept.

use serde::Serialize;

/// A field of a kept row that was missing, unreadable or odd; the row is kept without it or
/// with it as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowWarning {
    /// Row number: from 1 in file order (CSV: the header is row 0); 0 for the whole file.
    pub row: usize,
    /// The row's `id`, or empty when it had none.
    pub id: String,
    /// The schema field concerned (`horaires`, `latitude`…).
    pub field: String,
    /// What was wrong and what was done, in one sentence.
    pub reason: String,
}
