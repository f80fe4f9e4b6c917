//! Where to go next, on screen: the nearest help today on the urgent screen, the place cards
//! of the result, the bigger card for the agent and the run-time speech of a place.

use repere_kiosk::i18n::tr;
use repere_kiosk::replay::{Replayer, Step};
use repere_kiosk::screens::Overlay;

use super::{config, content};

fn key(key: &str) -> Step {
    Step::ClickKey { key: key.into(), nth: None }
}

#[test]
fn a_procedure_today_shows_the_nearest_help_open_today() {
    let mut replayer = Replayer::new(&content(), config(), Some("fr"));
    replayer.steps(&[key("attract.touch"), Step::Click { label: "Français".into(), nth: None }]).unwrap();
    replayer
        .steps(&[key("welcome.start"), key("common.yes"), Step::ExpectKey("urgent_help.places".into())])
        .unwrap();
    let nearby = &replayer.app().ui_state().nearby;
    assert_eq!(nearby.len(), 3, "three places");
    let first = nearby[0].place.as_ref().unwrap();
    assert_eq!(first.open_now, Some(true), "Monday 10:00: the first is open now");
    // Its name is on screen.
    replayer.steps(&[Step::Expect(format!("\u{2068}{}\u{2069}", first.name))]).unwrap();
}

#[test]
fn the_result_shows_places_that_can_be_heard_and_shown_at_the_desk() {
    let mut replayer = Replayer::new(&content(), config(), Some("fr"));
    replayer.steps(&[key("attract.touch"), Step::Click { label: "Français".into(), nth: None }]).unwrap();
    replayer.steps(&[key("welcome.start"), key("common.no")]).unwrap();
    while let repere_engine::session::Screen::Question(_) = replayer.app().session().screen() {
        replayer.steps(&[key("common.skip")]).unwrap();
    }
    replayer.steps(&[key("task.skip"), key("task.skip"), Step::ExpectKey("result.title".into())]).unwrap();
    let result = replayer.app().session().result().unwrap().clone();
    assert!(!result.recommendations.is_empty(), "where to go next");
    let (index, second) =
        result.recommendations.iter().enumerate().filter(|(_, r)| r.place.is_some()).nth(1).unwrap();
    let name = &second.place.as_ref().unwrap().name;
    // The second place is the first kind's: behind its "More places".
    assert_eq!(second.kind, result.recommendations[0].kind, "the first kind has several places");
    let others =
        result.recommendations.iter().filter(|r| r.kind == second.kind && r.place.is_some()).count() - 1;
    let more = repere_kiosk::i18n::tr_with("fr", "result.more_places", &[("count", &others.to_string())]);
    replayer.steps(&[Step::Click { label: more, nth: Some(1) }]).unwrap();

    replayer.steps(&[Step::ClickKey { key: "place.hear".into(), nth: Some(2) }]).unwrap();
    let spoken = replayer.app().last_spoken().join(" ");
    assert!(spoken.starts_with("live:") && spoken.contains(name.as_str()), "{spoken}");

    replayer.steps(&[Step::ClickKey { key: "place.show".into(), nth: Some(2) }]).unwrap();
    assert_eq!(replayer.app().ui_state().overlay, Some(Overlay::PlaceCard(index)));
    let why = tr("fr", "place.why").replace("%{reason}", &second.reason);
    replayer.steps(&[Step::Expect(why), key("place.close")]).unwrap();
    assert_eq!(replayer.app().ui_state().overlay, None, "closed");
}
