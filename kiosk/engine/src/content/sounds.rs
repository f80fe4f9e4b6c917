//! Recorded prompts: `sounds/<lang>/<key>.ogg` and the manifest that says which text each
//! file was made from, so stale audio is detected.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::problem::{Problem, toml_problem};

/// One prompt's entry in a language's manifest.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PromptEntry {
    /// The exact locale text the file says.
    pub text: String,
    /// `synthetic` (rendered by `kiosk/tools/render-sounds`) or `recorded` (a human voice).
    pub source: String,
}

/// A language's manifest (`sounds/<lang>/manifest.toml`).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SoundManifest {
    /// The voice synthetic prompts were made with (`espeak-ng fr-fr`).
    pub voice: String,
    /// Key → entry.
    #[serde(default)]
    pub prompts: BTreeMap<String, PromptEntry>,
}

/// Parses a manifest.
pub fn parse_manifest(path: &str, text: &str) -> Result<SoundManifest, Problem> {
    let manifest: SoundManifest = toml::from_str(text).map_err(|err| toml_problem(path, text, &err))?;
    for (key, entry) in &manifest.prompts {
        if entry.source != "synthetic" && entry.source != "recorded" {
            return Err(Problem::file(
                path,
                format!("prompts.{key:?}.source must be \"synthetic\" or \"recorded\""),
            ));
        }
    }
    Ok(manifest)
}

/// The prompts of every language, ready to play.
#[derive(Clone, Debug, Default)]
pub struct SoundBank {
    /// Language → key → OGG Vorbis bytes (borrowed from the binary for built-in prompts).
    pub files: BTreeMap<String, BTreeMap<String, std::borrow::Cow<'static, [u8]>>>,
    /// Language → manifest.
    pub manifests: BTreeMap<String, SoundManifest>,
}

impl SoundBank {
    /// The prompt for `key` in `language`, if there is one.
    pub fn prompt(&self, language: &str, key: &str) -> Option<&[u8]> {
        self.files.get(language)?.get(key).map(AsRef::as_ref)
    }
}
