//! The import report of `kiosk places check` (CONTRACTS.md, "Import report").

use serde::Serialize;

use super::{Format, RowWarning, SkippedRow};

/// What an import kept, skipped and warned about. Serialises to the contract's shape:
/// `{"file", "format", "rows", "kept", "skipped": [...], "warnings": [...]}`, plus `error`
/// when the file as a whole could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The file as the deployer named it.
    pub file: String,
    /// Detected format.
    pub format: Format,
    /// Data rows read (CSV records after the header, or objects of the JSON array).
    pub rows: usize,
    /// Rows kept as places.
    pub kept: usize,
    /// Rows left out, in file order.
    pub skipped: Vec<SkippedRow>,
    /// Problems in kept rows, in file order.
    pub warnings: Vec<RowWarning>,
    /// Why no row could be read at all (not JSON, no header…); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl ImportReport {
    /// An empty report for `file` in `format`.
    pub fn new(file: &str, format: Format) -> Self {
        Self {
            file: file.to_owned(),
            format,
            rows: 0,
            kept: 0,
            skipped: Vec::new(),
            warnings: Vec::new(),
            error: None,
        }
    }
}
