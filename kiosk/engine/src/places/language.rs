//! Languages other than French a place declares it can help in.

use serde::Serialize;

/// A foreign language a place supports, from `prise_en_charge_specifique`: the schema only
/// distinguishes English from the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceLanguage {
    /// "Langues étrangères (anglais)".
    En,
    /// "Langues étrangères (autres)".
    Other,
}

impl PlaceLanguage {
    /// The code the result contract uses: `en` or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Other => "other",
        }
    }
}
