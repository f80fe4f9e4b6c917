//! The shipped content: valid, complete in every language, every spoken key voiced, and
//! broken copies refused with file and line.

use repere_engine::content::locale::is_spoken_key;
use repere_engine::content::{Content, ContentSource};

use super::{content, temp_dir};

#[test]
fn the_shipped_content_is_complete_in_every_language() {
    let content = content();
    let reference = &content.locales["fr"];
    for (code, locale) in &content.locales {
        let missing: Vec<&String> = reference.strings.keys().filter(|k| locale.get(k).is_none()).collect();
        assert!(missing.is_empty(), "{code} lacks {missing:?}");
        let coverage = &content.coverage()[code];
        assert!((coverage.keys - 1.0).abs() < f64::EPSILON, "{code}: keys {}", coverage.keys);
        assert_eq!(
            coverage.untranslated, 0,
            "{code}: strings identical to French that are not deliberate copies"
        );
    }
    assert!(content.locales.len() >= 3, "fr, en and ar at least");
}

#[test]
fn every_spoken_key_has_a_fresh_prompt_in_every_language_with_a_voice() {
    let content = content();
    for language in content.languages.iter().filter(|l| l.voice.is_some()) {
        let manifest = &content.sounds.manifests[&language.code];
        for key in content.locales["fr"].strings.keys().filter(|k| is_spoken_key(k)) {
            assert!(
                content.sounds.prompt(&language.code, key).is_some(),
                "{}: no prompt for {key}",
                language.code
            );
            let text = content.locales[&language.code].get(key).unwrap();
            assert_eq!(manifest.prompts[key].text, text, "{}: prompt {key} is stale", language.code);
        }
        assert!((content.coverage()[&language.code].sounds - 1.0).abs() < f64::EPSILON, "{}", language.code);
    }
}

#[test]
fn every_visitor_string_goes_through_rust_i18n() {
    let content = content();
    repere_kiosk::i18n::install(&content);
    for (code, locale) in &content.locales {
        for (key, text) in &locale.strings {
            assert_eq!(&repere_kiosk::i18n::tr(code, key), text, "{code}: {key}");
        }
    }
}

#[test]
fn the_locale_is_never_set_process_wide() {
    // rust-i18n's locale is global: every call names its language instead.
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut stack = vec![std::path::PathBuf::from(src)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(!text.contains("set_locale("), "{} sets the locale", path.display());
            }
        }
    }
}

/// A copy of the shipped content in a folder, to break.
fn copy_of_content(name: &str) -> std::path::PathBuf {
    let dir = temp_dir(name);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    for sub in ["scenarios", "locales", "sounds"] {
        copy_dir(&std::path::Path::new(root).join(sub), &dir.join(sub));
    }
    dir
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn problems_of(dir: &std::path::Path) -> Vec<String> {
    let source = ContentSource::folder_only(dir).unwrap();
    match Content::load(&source) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_copy_of_the_shipped_content_loads() {
    let dir = copy_of_content("intact");
    assert!(problems_of(&dir).is_empty(), "{:?}", problems_of(&dir));
}

#[test]
fn broken_copies_are_refused_with_file_and_line() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // (file, text to replace, replacement, expected `path:line: message` fragment)
        (
            "scenarios/tasks/mouse/01-click-big.toml",
            "kind = \"click_target\"",
            "kind = \"juggle\"",
            "01-click-big.toml:3: unknown task kind \"juggle\"",
        ),
        (
            "scenarios/tasks/mouse/01-click-big.toml",
            "size = 220",
            "size = 2000",
            "01-click-big.toml:10: params.size = 2000 is out of range",
        ),
        (
            "scenarios/tasks/mouse/03-double-click.toml",
            "[params]",
            "[params\n",
            "03-double-click.toml:8: unclosed table",
        ),
        (
            "scenarios/questions/04-email.toml",
            "id = \"uses\"",
            "id = \"often\"",
            "04-email.toml:5: answer \"often\" is not a value of \"email\"",
        ),
        (
            "scenarios/questions/04-email.toml",
            "title = \"question.email.title\"",
            "title = \"question.email.titel\"",
            "04-email.toml:3: title \"question.email.titel\" is missing from the French locale",
        ),
        (
            "scenarios/flow.toml",
            "\"mouse.drag_drop\",",
            "\"mouse.drag_and_drop\",",
            "flow.toml:21: no task file has id \"mouse.drag_and_drop\"",
        ),
        ("locales/ar.yml", "  skip: ", "  skipped: ", "locales/ar.yml: missing key \"common.skip\""),
        (
            "locales/en.yml",
            "        say: \"The star is",
            "        said: \"The star is",
            "locales/en.yml: missing key \"task.mouse.click_big.show.say\"",
        ),
        (
            "scenarios/tasks/email/01-open.toml",
            "goal = { opened = \"workshop\" }",
            "goal = { opened = \"workshops\" }",
            "01-open.toml:10: goal: message \"workshops\" is not in mailbox \"boite\"",
        ),
        (
            "scenarios/mailboxes/boite.toml",
            "attachment = \"appointment\"",
            "attachment = \"appointments\"",
            "boite.toml:7: attachment \"appointments\" is not a document of",
        ),
        (
            "scenarios/documents.toml",
            "name = \"photo.jpg\"",
            "name = \"ma photo.jpg\"",
            "documents.toml:15: name \"ma photo.jpg\": ' ' is not a letter of a file name",
        ),
        (
            "scenarios/levels.toml",
            "modality = \"boost\"",
            "modality = \"coach\"",
            "levels.toml:72: unknown modality \"coach\"",
        ),
    ];
    for (file, from, to, expected) in cases {
        let dir = copy_of_content("broken");
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} no longer contains {from:?}: update the test");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let problems = problems_of(&dir);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "breaking {file} with {to:?}: expected {expected:?} in {problems:#?}"
        );
    }
}

#[test]
fn a_missing_or_stale_prompt_is_refused() {
    let dir = copy_of_content("sounds");
    std::fs::remove_file(dir.join("sounds/ar/welcome.say.ogg")).unwrap();
    let problems = problems_of(&dir);
    assert!(
        problems.iter().any(|p| p.contains("sounds/ar/welcome.say.ogg: prompt missing")),
        "{problems:#?}"
    );

    let dir = copy_of_content("stale");
    let path = dir.join("locales/en.yml");
    let text = std::fs::read_to_string(&path).unwrap();
    let welcome = content().locales["en"].get("welcome.say").unwrap().to_owned();
    std::fs::write(&path, text.replacen(&welcome, "Hello, a new text.", 1)).unwrap();
    let problems = problems_of(&dir);
    assert!(problems.iter().any(|p| p.contains("prompt \"welcome.say\" is stale")), "{problems:#?}");
}

/// `render-sounds` gives espeak-ng the French words of the tasks in French (another language's
/// voice would read "bonjour" its own way) and the Arabic shadda before its vowel.
#[test]
fn the_prompt_renderer_says_french_words_in_french_and_puts_the_shadda_first() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let check = r#"
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path
tool = SourceFileLoader("render_sounds", sys.argv[1] + "/kiosk/tools/render-sounds").load_module()
words = tool.french_words(Path(sys.argv[1]))
for word in ["bonjour", "Bonjour Madame", "café à côté", "Marie", "dupont", "mairie-exemple.fr"]:
    assert word in words, (word, words)
said = tool.with_french("Type the word bonjour & then touch Done.", words, "fr-fr")
assert said == '<speak>Type the word <voice xml:lang="fr-fr">bonjour</voice> &amp; then touch Done.</speak>', said
assert tool.with_french("Nothing French <here>", words, "fr-fr") is None
assert tool.with_french("Bonjourno", words, "fr-fr") is None, "whole words only"
assert tool.with_french("um e-mail", words, "fr-fr") is None, "not inside a word"
assert tool.for_espeak("\u0645\u064e\u0651") == "\u0645\u0651\u064e"
"#;
    let output = std::process::Command::new("python3").args(["-c", check, root]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// Arabic-script short vowels and tanwin (U+064B–U+0650), shadda (U+0651), sukun (U+0652).
fn is_short_vowel(c: char) -> bool {
    ('\u{064B}'..='\u{0650}').contains(&c) || c == '\u{0652}' || c == '\u{0670}'
}

fn arabic_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !('\u{0621}'..='\u{0652}').contains(&c) && c != '\u{0670}').filter(|w| !w.is_empty())
}

/// Arabic keeps the vowel-mark rule of README.md ("Voices"): a spoken word is plain or fully
/// vowelled, never with a lone shadda (espeak-ng garbles it), and the same word is not plain in
/// one prompt and vowelled in another; a shown-only text has at most one short vowel a word
/// (besides tanwin and shadda).
#[test]
fn arabic_vowel_marks_follow_one_rule() {
    let content = content();
    let arabic = &content.locales["ar"];
    let mut spoken: std::collections::BTreeMap<String, (Vec<&str>, Vec<&str>)> =
        std::collections::BTreeMap::new();
    for (key, text) in &arabic.strings {
        for word in arabic_words(text) {
            let vowels = word
                .chars()
                .filter(|&c| is_short_vowel(c) && !('\u{064B}'..='\u{064D}').contains(&c))
                .count();
            if is_spoken_key(key) {
                let marked = word.chars().any(|c| is_short_vowel(c) || c == '\u{0651}');
                let has_vowel = word.chars().any(|c| is_short_vowel(c) && c != '\u{064B}');
                assert!(
                    !word.contains('\u{0651}') || has_vowel,
                    "{key}: «{word}» has a shadda without vowels"
                );
                let plain: String = word.chars().filter(|&c| !is_short_vowel(c) && c != '\u{0651}').collect();
                let entry = spoken.entry(plain).or_default();
                if marked { entry.1.push(key) } else { entry.0.push(key) }
            } else {
                assert!(vowels <= 1, "{key}: «{word}» is vowelled in a text that is only shown");
            }
        }
    }
    for (word, (plain_in, marked_in)) in &spoken {
        assert!(
            plain_in.is_empty() || marked_in.is_empty(),
            "«{word}» is plain in {plain_in:?} but vowelled in {marked_in:?}"
        );
    }
}

/// French (and the languages that mark gender the same way) addresses the visitor without a
/// gender: "sans aide", not "seul"; "en venant ici", not "vous êtes venu".
#[test]
fn the_visitor_is_addressed_without_a_gender() {
    let content = content();
    let gendered = [
        (
            "fr",
            &["seul", "seule", "venu", "venue", "connecté", "connectée", "perdu", "inscrit", "arrivé"][..],
        ),
        ("ro", &["singur"][..]),
        ("pt", &["sozinho", "sozinha", "bem-vindo"][..]),
        ("es", &["bienvenido"][..]),
    ];
    for (code, words) in gendered {
        for (key, text) in &content.locales[code].strings {
            let lower = text.to_lowercase();
            let found: Vec<&&str> = words
                .iter()
                .filter(|w| lower.split(|c: char| !c.is_alphabetic() && c != '-').any(|t| t == **w))
                .collect();
            assert!(found.is_empty(), "{code} {key}: {found:?} in «{text}»");
        }
    }
}
