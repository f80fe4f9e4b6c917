//! The two kinds of places files.

use serde::Serialize;

/// A places file's format, detected from its content (the extension is only a hint).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The schema's CSV: a header row, `|` between the values of one field.
    Csv,
    /// A JSON export: an array of objects, possibly wrapped in an object.
    Json,
}

impl Format {
    /// Detects the format of `text` (already decoded): JSON when it starts with `[` or `{`
    /// (after white space), CSV otherwise; the content wins over the extension, which only
    /// decides for an empty file (`.json` → JSON).
    pub fn detect(path_shown: &str, text: &str) -> Self {
        match text.trim_start().chars().next() {
            Some('[' | '{') => Self::Json,
            // An empty or unreadable file: the extension is all there is to go on.
            None if path_shown.to_ascii_lowercase().ends_with(".json") => Self::Json,
            _ => Self::Csv,
        }
    }
}
