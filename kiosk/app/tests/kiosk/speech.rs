//! Run-time speech: text that changes per visitor spoken by the espeak-ng engine of the kiosk,
//! with the voice of each language's prompts.

use std::io::Cursor;

use rodio::Source;

use super::content;

/// espeak-ng is installed by `.ci/run`: missing there, the test fails instead of skipping.
fn espeak_available() -> bool {
    let found = std::process::Command::new("espeak-ng").arg("--version").output().is_ok();
    assert!(found || std::env::var("CI").as_deref() != Ok("true"), "espeak-ng is missing on CI");
    found
}

#[test]
fn every_language_with_a_voice_speaks_changing_text() {
    if !espeak_available() {
        return;
    }
    let content = content();
    for language in content.languages.iter().filter(|l| l.voice.is_some()) {
        let voice = language.voice.as_deref().unwrap();
        let text = repere_kiosk::i18n::tr(&language.code, "place.open_until").replace("%{time}", "12:00");
        let wav = repere_kiosk::audio::live_voice::render(voice, &text).unwrap();
        let source = rodio::Decoder::try_from(Cursor::new(wav)).unwrap();
        let seconds = source.total_duration().map_or(0.0, |d| d.as_secs_f32());
        assert!((0.5..15.0).contains(&seconds), "{}: {seconds} s of speech for {text:?}", language.code);
    }
}

#[test]
fn a_missing_voice_is_an_error_not_a_hang() {
    if !espeak_available() {
        return;
    }
    // Not `expect_err`: on failure it would print the whole sound.
    let Err(error) = repere_kiosk::audio::live_voice::render("no-such-voice", "bonjour") else {
        panic!("an unknown voice is refused");
    };
    assert!(error.contains("no-such-voice"), "{error}");
}
