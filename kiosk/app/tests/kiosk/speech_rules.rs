//! EN 301 549's rules for speech on a closed kiosk (5.1.3), through the real UI: speech can be
//! interrupted and heard again; it stops when the visitor acts, not when they change the
//! volume; the volume resets for the next visitor; speech is in the screen's language; errors
//! are said; a masked field is never said. (The sound itself: `audio.rs`; errors of forms
//! come back: `tasks.rs`.)

use repere_engine::session::Screen;
use repere_kiosk::audio::DEFAULT_VOLUME;
use repere_kiosk::replay::{Replayer, Step};

use super::tasks::{at_task, key, with_task};
use super::{config, content};

/// A French visit on the question with several answers (devices).
fn on_the_devices_question() -> Replayer {
    let mut replayer = Replayer::new(&content(), config(), Some("fr"));
    let steps = [
        key("attract.touch"),
        Step::Click { label: "Français".into(), nth: None },
        key("welcome.start"),
        key("common.no"),
        key("common.skip"),
    ];
    replayer.steps(&steps).unwrap();
    assert_eq!(replayer.app().last_spoken(), ["question.devices.say"], "on the devices question");
    replayer
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-4
}

#[test]
fn speech_stops_when_the_visitor_acts_not_for_the_sound_controls_and_is_heard_again() {
    let mut replayer = on_the_devices_question();
    assert!(!replayer.app().speech_interrupted(), "the question is being said");
    replayer.steps(&[key("toolbar.volume_down")]).unwrap();
    assert!(!replayer.app().speech_interrupted(), "the volume changes what is being said, not stops it");
    // Ticking an answer says nothing new: what was being said stops.
    replayer.steps(&[key("question.devices.smartphone")]).unwrap();
    assert!(replayer.app().speech_interrupted(), "the visitor acted: speech stops");
    replayer.steps(&[key("toolbar.hear_again")]).unwrap();
    assert!(!replayer.app().speech_interrupted());
    assert_eq!(replayer.app().last_spoken(), ["question.devices.say"], "heard again, from the start");
    // New speech replaces what was being said: "Stop" says its question at once.
    replayer.steps(&[key("toolbar.stop")]).unwrap();
    assert_eq!(replayer.app().last_spoken(), ["stop.say"]);
}

#[test]
fn the_volume_changes_by_steps_within_bounds_and_resets_for_the_next_visitor() {
    let mut replayer = on_the_devices_question();
    assert!(close(replayer.app().volume(), DEFAULT_VOLUME));
    replayer.steps(&[key("toolbar.volume_down"), key("toolbar.volume_down")]).unwrap();
    assert!(close(replayer.app().volume(), DEFAULT_VOLUME - 0.4), "{}", replayer.app().volume());
    let softer: Vec<Step> = (0..6).map(|_| key("toolbar.volume_down")).collect();
    replayer.steps(&softer).unwrap();
    assert!(close(replayer.app().volume(), 0.0), "never below silence");
    let louder: Vec<Step> = (0..8).map(|_| key("toolbar.volume_up")).collect();
    replayer.steps(&louder).unwrap();
    assert!(close(replayer.app().volume(), 1.0), "never above full");
    // The visitor leaves without a word: the idle warning, then the wipe.
    replayer.steps(&[Step::Wait(130.0)]).unwrap();
    assert_eq!(replayer.app().session().screen(), Screen::Attract);
    assert!(close(replayer.app().volume(), DEFAULT_VOLUME), "the next visitor starts at the usual volume");
}

#[test]
fn speech_is_in_the_language_on_screen() {
    let content = content();
    let mut replayer = Replayer::new(&content, config(), Some("fr"));
    assert_eq!(replayer.app().last_spoken_language(), "fr", "the attract screen's language");
    replayer.steps(&[key("attract.touch"), Step::Click { label: "العربية".into(), nth: None }]).unwrap();
    assert_eq!(replayer.app().last_spoken(), ["welcome.say"]);
    assert_eq!(replayer.app().last_spoken_language(), "ar");
    // The language changed mid-visit: the picker speaks Arabic, then each name in its own
    // language; the next screen speaks English.
    let language_button = repere_kiosk::i18n::tr_with("ar", "toolbar.language", &[("name", "العربية")]);
    replayer.steps(&[key("welcome.start"), Step::Click { label: language_button, nth: None }]).unwrap();
    assert_eq!(replayer.app().session().screen(), Screen::Language);
    assert_eq!(replayer.app().last_spoken()[0], "language.say");
    assert_eq!(replayer.app().last_spoken_language(), "ar");
    replayer.steps(&[Step::Click { label: "English".into(), nth: None }]).unwrap();
    assert_eq!(replayer.app().last_spoken_language(), "en");
    replayer.steps(&[key("toolbar.hear_again")]).unwrap();
    assert_eq!(replayer.app().last_spoken_language(), "en", "heard again in the same language");
    // Every prompt exists in every language with a voice (`content.rs`), so what is said is
    // the screen's language's own prompt.
    let key = replayer.app().last_spoken()[0].clone();
    assert!(content.sounds.prompt("en", &key).is_some(), "{key}");
}

#[test]
fn a_wrong_login_is_said_and_the_masked_password_never_is() {
    let only = with_task(&content(), "procedure.login");
    let password = "Soleil25";
    let mut replayer = at_task(&only);
    let mut said: Vec<String> = Vec::new();
    let attempt = [
        key("browser.login.identifier"),
        Step::Type("1234567".into()),
        key("browser.login.password"),
        Step::Type(password.into()),
        key("browser.login.connect"),
    ];
    for _ in 0..2 {
        for step in &attempt {
            replayer.steps(std::slice::from_ref(step)).unwrap();
            said.extend(replayer.app().last_spoken().iter().cloned());
        }
        // The error is said at each try, not only shown.
        assert_eq!(replayer.app().last_spoken(), ["browser.login.wrong.say"]);
        replayer.steps(&[Step::ExpectKey("browser.login.wrong.say".into())]).unwrap();
    }
    replayer.steps(&[key("toolbar.hear_again"), key("task.show_me")]).unwrap();
    said.extend(replayer.app().last_spoken().iter().cloned());
    assert!(said.iter().all(|s| !s.contains(password) && !s.contains("Soleil")), "{said:?}");
    assert!(said.iter().all(|s| !s.starts_with("live:")), "nothing typed is spoken at run time: {said:?}");
}
