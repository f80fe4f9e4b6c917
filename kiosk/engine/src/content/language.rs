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

    /// The voice data set the voice needs besides Debian's espeak-ng data (one of
    /// [`VOICE_DATA_SETS`], built by `kiosk/tools/voice-data`); `None`: Debian's data.
    #[serde(default)]
    pub voice_data: Option<String>,
}

/// The voice data sets `kiosk/tools/voice-data` builds: `piper-tts`, the newer espeak-ng data
/// of the piper-tts package, for Tigrinya.
pub const VOICE_DATA_SETS: &[&str] = &["piper-tts"];

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
        match (&lang.voice, &lang.voice_data) {
            (None, Some(_)) => problems.push(Problem::at(
                path,
                line,
                format!("language {:?}: voice_data needs a voice", lang.code),
            )),
            (_, Some(set)) if !VOICE_DATA_SETS.contains(&set.as_str()) => problems.push(Problem::at(
                path,
                line,
                format!(
                    "language {:?}: unknown voice_data {set:?} (known: {})",
                    lang.code,
                    VOICE_DATA_SETS.join(", ")
                ),
            )),
            _ => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    const FRENCH: &str =
        "[[language]]\ncode = \"fr\"\nname = \"Français\"\ndirection = \"ltr\"\nvoice = \"fr-fr\"\n";

    fn problems(extra: &str) -> Vec<String> {
        let text = format!("{FRENCH}\n{extra}");
        parse_languages("scenarios/languages.toml", &text)
            .map_or_else(|problems| problems.iter().map(ToString::to_string).collect(), |_| Vec::new())
    }

    #[test]
    fn a_voice_with_its_data_set_is_read() {
        let text = format!(
            "{FRENCH}\n[[language]]\ncode = \"ti\"\nname = \"ትግርኛ\"\ndirection = \"ltr\"\nvoice = \"ti\"\nvoice_data = \"piper-tts\"\n"
        );
        let languages = parse_languages("languages.toml", &text).expect("valid");
        assert_eq!(languages[1].voice_data.as_deref(), Some("piper-tts"));
        assert_eq!(languages[0].voice_data, None, "Debian's data by default");
    }

    #[test]
    fn an_unknown_data_set_or_one_without_a_voice_is_located() {
        let unknown = "[[language]]\ncode = \"ti\"\nname = \"ትግርኛ\"\ndirection = \"ltr\"\nvoice = \"ti\"\nvoice_data = \"piper\"\n";
        assert_eq!(
            problems(unknown),
            ["scenarios/languages.toml:7: language \"ti\": unknown voice_data \"piper\" (known: piper-tts)"]
        );
        let no_voice =
            "[[language]]\ncode = \"ps\"\nname = \"پښتو\"\ndirection = \"rtl\"\nvoice_data = \"piper-tts\"\n";
        assert_eq!(
            problems(no_voice),
            ["scenarios/languages.toml:7: language \"ps\": voice_data needs a voice"]
        );
    }
}
