//! One row of a places file before mapping: field names and values as text, whatever the
//! file's format.

use std::borrow::Cow;

/// A row's fields as (name, value) pairs, in file order. Numbers, booleans and arrays of a
/// JSON export are already turned into text (arrays joined with `|`).
#[derive(Clone, Debug, Default)]
pub(crate) struct RawRow<'a> {
    /// (field name as published, value), both trimmed.
    fields: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl<'a> RawRow<'a> {
    /// An empty row with room for `capacity` fields.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self { fields: Vec::with_capacity(capacity) }
    }

    /// Adds a field; its name and value are trimmed here, once.
    pub(crate) fn push(&mut self, name: Cow<'a, str>, value: Cow<'a, str>) {
        self.fields.push((trimmed(name), trimmed(value)));
    }

    /// The non-empty value of field `name` (names compare case-insensitively, as
    /// spreadsheets capitalise headers).
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_ref())
            .find(|value| !value.is_empty())
    }

    /// The first of `names` that has a value, with the name that matched.
    pub(crate) fn first_of<'n>(&self, names: &[&'n str]) -> Option<(&'n str, &str)> {
        names.iter().find_map(|&name| self.get(name).map(|value| (name, value)))
    }

    /// Whether the row has field `name`, even empty.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.fields.iter().any(|(key, _)| key.eq_ignore_ascii_case(name))
    }
}

/// `text` without surrounding white space, still borrowed when it was.
fn trimmed(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    }
}
