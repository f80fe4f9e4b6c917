//! The languages the content offers: own-script name, writing direction, voice.

use serde::Deserialize;

use crate::problem::{Problem, toml_problem};

/// Which way a language's lines run.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (French, English, Cyrillic…).
    Ltr,
    /// Right to left (Arabic, Dari, Pashto).
    Rtl,
}

/// One language of the content, from `scenarios/languages.toml`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LanguageInfo {
    /// Code used for file names and in JSON (`fr`, `ar`, `prs`…).
    pub code: String,

    /// The language's name in its own script, as the picker shows it.
    pub name: String,

    /// Writing direction.
    pub direction: Direction,

    /// The espeak-ng voice the prompts are rendered with and dynamic text is spoken with;
    /// `None` when the language has no offline voice (captions only).
    #[serde(default)]
    pub voice: Option<String>,
}

impl LanguageInfo {
    /// True for right-to-left languages.
    pub fn is_rtl(&self) -> bool {
        self.direction == Direction::Rtl
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguagesFile {
    language: Vec<toml::Spanned<LanguageInfo>>,
}

/// Parses `scenarios/languages.toml`.
pub fn parse_languages(path: &str, text: &str) -> Result<Vec<LanguageInfo>, Vec<Problem>> {
    let file: LanguagesFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let mut problems = Vec::new();
    let mut seen = Vec::<String>::new();
    for spanned in &file.language {
        let lang = spanned.get_ref();
        let line = Some(crate::problem::line_of(text, spanned.span().start));
        let code_ok = (2..=3).contains(&lang.code.len()) && lang.code.chars().all(|c| c.is_ascii_lowercase());
        if !code_ok {
            problems.push(Problem::at(
                path,
                line,
                format!("language code {:?} must be 2 or 3 lowercase letters", lang.code),
            ));
        }
        if seen.contains(&lang.code) {
            problems.push(Problem::at(path, line, format!("language {:?} is listed twice", lang.code)));
        }
        if lang.name.trim().is_empty() {
            problems.push(Problem::at(path, line, format!("language {:?} has no name", lang.code)));
        }
        seen.push(lang.code.clone());
    }
    if !seen.iter().any(|code| code == crate::REFERENCE_LANGUAGE) {
        problems.push(Problem::file(path, "French (fr), the reference language, is missing"));
    }
    if problems.is_empty() {
        Ok(file.language.into_iter().map(toml::Spanned::into_inner).collect())
    } else {
        Err(problems)
    }
}
