//! Visitor-facing strings, one YAML file per language, layered key by key.

use std::collections::BTreeMap;

use crate::problem::Problem;

/// The strings of one language, flattened to dotted keys (`welcome.say`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Locale {
    /// Key → text.
    pub strings: BTreeMap<String, String>,

    /// The file the strings came from, for messages (the deployer's copy when it exists).
    pub shown_path: String,

    /// Keys whose French copy is deliberate (names, addresses): from the file's `_copies` list.
    pub deliberate_copies: Vec<String>,
}

impl Locale {
    /// The text of `key`, if this language has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.strings.get(key).map(String::as_str)
    }
}

/// Parses one rust-i18n YAML file (`_version: 1`, nested maps of strings) into a flat map.
pub fn parse_locale(path: &str, text: &str) -> Result<Locale, Problem> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|err| {
        let line = err.location().map(|loc| loc.line());
        Problem::at(path, line, format!("YAML syntax: {err}"))
    })?;
    let serde_yaml::Value::Mapping(map) = value else {
        return Err(Problem::file(path, "a locale file must be a map of keys to texts"));
    };
    let mut locale = Locale { shown_path: path.to_owned(), ..Locale::default() };
    for (key, value) in &map {
        let Some(key) = key.as_str() else {
            return Err(Problem::file(path, "every key must be text"));
        };
        match key {
            "_version" => {}
            "_copies" => {
                let Some(list) = value.as_sequence() else {
                    return Err(Problem::file(path, "_copies must be a list of keys"));
                };
                locale.deliberate_copies =
                    list.iter().filter_map(|item| item.as_str().map(str::to_owned)).collect();
            }
            key if key.starts_with('_') => {}
            key => flatten(path, key, value, &mut locale.strings)?,
        }
    }
    Ok(locale)
}

fn flatten(
    path: &str,
    prefix: &str,
    value: &serde_yaml::Value,
    out: &mut BTreeMap<String, String>,
) -> Result<(), Problem> {
    match value {
        serde_yaml::Value::String(text) => {
            out.insert(prefix.to_owned(), text.clone());
            Ok(())
        }
        serde_yaml::Value::Mapping(map) => {
            for (key, value) in map {
                let Some(key) = key.as_str() else {
                    return Err(Problem::file(path, format!("a key under {prefix} is not text")));
                };
                flatten(path, &format!("{prefix}.{key}"), value, out)?;
            }
            Ok(())
        }
        _ => Err(Problem::file(
            path,
            format!("{prefix}: a text is expected (put numbers and yes/no in quotes)"),
        )),
    }
}

/// Keys a screen speaks: by convention their last segment is `say`.
pub fn is_spoken_key(key: &str) -> bool {
    key.rsplit('.').next() == Some("say")
}

/// Named arguments `{name}` used by a text.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        names.push(&after[..end]);
        rest = &after[end + 1..];
    }
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_are_flattened() {
        let locale =
            parse_locale("fr.yml", "_version: 1\nwelcome:\n  say: Bonjour\n  start: Commencer\n").unwrap();
        assert_eq!(locale.get("welcome.say"), Some("Bonjour"));
        assert_eq!(locale.get("welcome.start"), Some("Commencer"));
    }

    #[test]
    fn syntax_errors_are_located() {
        let err = parse_locale("fr.yml", "a:\n  b: [unclosed\n").unwrap_err();
        assert_eq!(err.path, "fr.yml");
        assert!(err.line.is_some(), "{err}");
    }

    #[test]
    fn placeholders_are_found_once() {
        assert_eq!(placeholders("{a} and {b} and {a}"), vec!["a", "b"]);
        assert!(placeholders("none").is_empty(), "no braces");
    }
}
