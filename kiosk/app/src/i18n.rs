//! Visitor-facing strings through rust-i18n. The compiled-in locales are the fallback; the
//! content actually loaded (built-in plus a deployer's `--content` folder, layered key by key)
//! is installed over them at start-up, so a deployer changes texts without recompiling.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::RwLock;

use repere_engine::content::Content;

/// Strings of the loaded content, consulted before the compiled-in ones.
static OVERLAY: RwLock<BTreeMap<String, BTreeMap<String, String>>> = RwLock::new(BTreeMap::new());

/// rust-i18n backend that serves the loaded content's strings.
pub struct ContentOverlay;

impl ContentOverlay {
    /// The backend (for `rust_i18n::i18n!`).
    pub const fn new() -> Self {
        Self
    }
}

impl Default for ContentOverlay {
    fn default() -> Self {
        Self::new()
    }
}

impl rust_i18n::Backend for ContentOverlay {
    fn available_locales(&self) -> Vec<Cow<'_, str>> {
        OVERLAY.read().map(|map| map.keys().map(|k| Cow::Owned(k.clone())).collect()).unwrap_or_default()
    }

    fn translate(&self, locale: &str, key: &str) -> Option<Cow<'_, str>> {
        let map = OVERLAY.read().ok()?;
        map.get(locale)?.get(key).map(|text| Cow::Owned(text.clone()))
    }

    fn messages_for_locale(&self, locale: &str) -> Option<Vec<(Cow<'_, str>, Cow<'_, str>)>> {
        let map = OVERLAY.read().ok()?;
        let strings = map.get(locale)?;
        Some(strings.iter().map(|(k, v)| (Cow::Owned(k.clone()), Cow::Owned(v.clone()))).collect())
    }
}

/// Serves the loaded content's strings from now on: each of its languages replaces the
/// strings that language had (a language the content lacks keeps its own, so that kiosks of
/// one process — tests — never take another's language away).
pub fn install(content: &Content) {
    match OVERLAY.write() {
        Ok(mut map) => {
            for (code, locale) in &content.locales {
                map.insert(code.clone(), locale.strings.clone());
            }
        }
        Err(_) => log::warn!("translations overlay unavailable; built-in texts only"),
    }
}

/// The text of `key` in `language` (French when the language lacks it).
pub fn tr(language: &str, key: &str) -> String {
    rust_i18n::t!(key, locale = language).into_owned()
}

/// The text of `key` with `%{name}` arguments replaced.
pub fn tr_with(language: &str, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = tr(language, key);
    for (name, value) in args {
        text = text.replace(&format!("%{{{name}}}"), value);
    }
    text
}
