//! Run-time speech: text that changes per visitor spoken by the espeak-ng engine of the kiosk,
//! with the voice of each language's prompts — Tigrinya's from the voice data that
//! `kiosk/tools/voice-data` builds (`.ci/run` builds it).

use std::io::Cursor;

use repere_engine::content::LanguageInfo;
use repere_engine::content::language::Direction;
use repere_kiosk::audio::live_voice::{Voice, render};
use rodio::Source;

use super::{config, content};

fn on_ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

/// espeak-ng is installed by `.ci/run`: missing there, the test fails instead of skipping.
fn espeak_available() -> bool {
    let found = std::process::Command::new("espeak-ng").arg("--version").output().is_ok();
    assert!(found || !on_ci(), "espeak-ng is missing on CI");
    found
}

/// The voice data `voice` needs is built (always on CI: `.ci/run` builds it).
fn data_present(voice: &Voice) -> bool {
    let present = voice.data.as_ref().is_none_or(|data| data.join("espeak-ng-data").is_dir());
    assert!(present || !on_ci(), "{voice:?}: voice data missing on CI (kiosk/tools/voice-data)");
    present
}

/// Seconds of speech in a WAV file.
fn seconds(wav: Vec<u8>) -> f32 {
    let source = rodio::Decoder::try_from(Cursor::new(wav)).unwrap();
    source.total_duration().map_or(0.0, |d| d.as_secs_f32())
}

#[test]
fn every_language_with_a_voice_speaks_changing_text() {
    if !espeak_available() {
        return;
    }
    let (content, config) = (content(), config());
    for language in &content.languages {
        let Some(voice) = Voice::of(language, &config) else {
            continue;
        };
        if !data_present(&voice) {
            continue;
        }
        // With a place's French name and street, as the result is read: in another script
        // they go to the French voice (SSML).
        let text = repere_kiosk::i18n::tr(&language.code, "place.open_until").replace("%{time}", "12:00")
            + " Mairie Hiersac, 2 Place Louis Larrieu & co.";
        let seconds = seconds(render(&voice, &text).unwrap());
        assert!((1.0..20.0).contains(&seconds), "{}: {seconds} s of speech for {text:?}", language.code);
    }
}

/// Tigrinya, as `scenarios/languages.toml` declares it: Debian's espeak-ng speaks it with the
/// piper-tts voice data.
fn tigrinya() -> LanguageInfo {
    LanguageInfo {
        code: "ti".to_owned(),
        name: "ትግርኛ".to_owned(),
        direction: Direction::Ltr,
        voice: Some("ti".to_owned()),
        voice_data: Some("piper-tts".to_owned()),
    }
}

#[test]
fn tigrinya_is_spoken_with_the_piper_tts_voice_data() {
    let voice = Voice::of(&tigrinya(), &config()).unwrap();
    assert_eq!(voice.data, Some(config().voice_data_folder().join("piper-tts")));
    if !espeak_available() || !data_present(&voice) {
        return;
    }
    assert_eq!(voice.check(), Ok(()));
    // "Hello! Open until 12:00." with a Latin address inside, as a place's words can be.
    let seconds = seconds(render(&voice, "ሰላም! ክፉት ክሳብ 12:00። mairie-exemple.fr").unwrap());
    assert!((1.0..15.0).contains(&seconds), "{seconds} s of Tigrinya speech");
}

#[test]
fn missing_voice_data_is_an_error_that_names_the_tool() {
    if !espeak_available() {
        return;
    }
    let voice = Voice { name: "ti".to_owned(), data: Some(super::temp_dir("no-voice-data")) };
    let Err(error) = render(&voice, "ሰላም") else {
        panic!("no data, no speech");
    };
    assert!(error.contains("kiosk/tools/voice-data"), "{error}");
}

#[test]
fn a_missing_voice_is_an_error_not_a_hang() {
    if !espeak_available() {
        return;
    }
    // Not `expect_err`: on failure it would print the whole sound.
    let Err(error) = render(&Voice::installed("no-such-voice"), "bonjour") else {
        panic!("an unknown voice is refused");
    };
    assert!(error.contains("no-such-voice"), "{error}");
}
