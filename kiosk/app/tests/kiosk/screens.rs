//! What a visitor sees on the screens of the visit's frame: each question is the screen's
//! heading, the result shows every kind of help at a glance, help today gives codes and
//! phones, a language without a voice says so.

use egui_kittest::kittest::Queryable;
use repere_engine::session::Screen;
use repere_kiosk::i18n::{tr, tr_with};
use repere_kiosk::replay::{Replayer, Step};
use repere_kiosk::screens::Overlay;
use repere_kiosk::testing::snapshot_options;

use super::{config, content};

fn key(key: &str) -> Step {
    Step::ClickKey { key: key.into(), nth: None }
}

/// The rectangle of the largest widget labelled `label` (a heading whose words are also the
/// caption's).
fn largest(replayer: &Replayer, label: &str) -> egui::Rect {
    replayer
        .harness()
        .query_all_by_label(label)
        .map(|node| node.rect())
        .max_by(|a, b| a.height().total_cmp(&b.height()))
        .unwrap_or_else(|| panic!("no widget labelled {label:?}"))
}

/// The screen-space rectangle of the one widget labelled `label` (the `nth`, from 1).
fn rect_of(replayer: &Replayer, label: &str, nth: usize) -> egui::Rect {
    let node = replayer
        .harness()
        .query_all_by_label(label)
        .nth(nth - 1)
        .unwrap_or_else(|| panic!("no widget labelled {label:?} (nth {nth})"));
    node.rect()
}

/// The number of widgets labelled `label`.
fn count_of(replayer: &Replayer, label: &str) -> usize {
    replayer.harness().query_all_by_label(label).count()
}

/// A visit in `language` up to the "procedure today?" question.
fn at_urgent(language: &str) -> Replayer {
    let mut replayer = Replayer::new(&content(), config(), Some(language));
    let name = content().language(language).unwrap().name.clone();
    replayer
        .steps(&[key("attract.touch"), Step::Click { label: name, nth: None }, key("welcome.start")])
        .unwrap();
    replayer
}

/// The heading of a question screen is its question, in the title's large type, above the
/// answers; the spoken question stays in the caption.
fn questions_are_headings(language: &str) {
    let mut replayer = at_urgent(language);
    let title_size = repere_kiosk::theme::Look::new(false, repere_kiosk::theme::DisplayModes::default())
        .size(repere_kiosk::theme::TextKind::Title);
    let heading = tr(language, "urgent.title");
    assert!(heading.ends_with(['?', '؟']), "{language}: the urgent heading is its question: {heading}");
    assert!(largest(&replayer, &heading).height() >= title_size, "{language}: the urgent question is large");
    replayer.steps(&[key("common.no")]).unwrap();
    let mut seen = 0;
    while let Screen::Question(index) = replayer.app().session().screen() {
        let question = &content().questions[index];
        let title = tr(language, &question.title);
        assert!(!title.is_empty() && title != question.title, "{}: {language} has its heading", question.id);
        assert!(title.ends_with(['?', '؟']), "{}: {language} heading is a question: {title}", question.id);
        let heading = largest(&replayer, &title);
        assert!(heading.height() >= title_size, "{}: the heading is in large type: {heading:?}", question.id);
        let skip = rect_of(&replayer, &tr(language, "common.skip"), 1);
        assert!(heading.max.y <= skip.min.y, "{}: the heading stands above the answers", question.id);
        assert!(count_of(&replayer, &tr(language, &question.say)) >= 1, "{}: the caption stays", question.id);
        // "Sometimes" asks the obstacles question too.
        let answer = if question.id == "procedures_alone" {
            "question.procedures_alone.sometimes"
        } else {
            "common.skip"
        };
        replayer.steps(&[key(answer)]).unwrap();
        seen += 1;
    }
    assert_eq!(seen, content().questions.len(), "every question was seen");
}

#[test]
fn each_question_is_its_screen_heading_in_french() {
    questions_are_headings("fr");
}

#[test]
fn each_question_is_its_screen_heading_in_arabic() {
    questions_are_headings("ar");
}

/// A beginner with a procedure due today and no internet at home: help with procedures, a
/// workshop, a computer to use (three kinds of help, several places each).
fn beginner_result(size: egui::Vec2) -> Replayer {
    let mut replayer = at_urgent("fr");
    replayer.harness_mut().set_size(size);
    replayer.steps(&[key("common.yes"), key("urgent_help.continue")]).unwrap();
    while let Screen::Question(index) = replayer.app().session().screen() {
        let step = match content().questions[index].id.as_str() {
            "internet_at_home" => key("common.no"),
            "obstacles" => key("question.obstacles.equipment"),
            _ => key("common.skip"),
        };
        replayer.steps(&[step]).unwrap();
        if content().questions[index].id == "obstacles" {
            replayer.steps(&[key("common.continue")]).unwrap();
        }
    }
    replayer.steps(&[key("task.skip"), key("task.skip"), Step::ExpectKey("result.title".into())]).unwrap();
    replayer
}

/// The kinds of help of the result, in order, each with the names of its places.
fn kinds(replayer: &Replayer) -> Vec<(String, Vec<String>)> {
    let mut kinds: Vec<(String, Vec<String>)> = Vec::new();
    for r in &replayer.app().session().result().unwrap().recommendations {
        let name = r.place.as_ref().map(|p| format!("\u{2068}{}\u{2069}", p.name));
        match kinds.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, names)) => names.extend(name),
            None => kinds.push((r.kind.clone(), name.into_iter().collect())),
        }
    }
    kinds
}

fn one_place_per_kind_at_a_glance(size: egui::Vec2) {
    let mut replayer = beginner_result(size);
    let kinds = kinds(&replayer);
    assert!(kinds.len() >= 3, "a representative result has three kinds of help: {kinds:?}");
    let finish = rect_of(&replayer, &tr("fr", "result.finish"), 1);
    let show = tr("fr", "place.show");
    for (n, (kind, names)) in kinds.iter().enumerate() {
        let heading = rect_of(&replayer, &tr("fr", &format!("help_kind.{kind}")), 1);
        assert!(heading.max.y < finish.min.y, "{size:?}: {kind} is seen without scrolling");
        let Some(best) = names.first() else { continue };
        let name = rect_of(&replayer, best, 1);
        // The card's "show at the desk" is the card's last line: all of it is on screen.
        let button = rect_of(&replayer, &show, n + 1);
        for rect in [name, button] {
            assert!(
                rect.min.y >= 0.0 && rect.max.y <= finish.min.y - 8.0 && rect.max.x <= size.x,
                "{size:?}: the best place of {kind} is on screen without scrolling: {rect:?}"
            );
        }
        for other in &names[1..] {
            assert_eq!(count_of(&replayer, other), 0, "{size:?}: {other} waits behind \"more places\"");
        }
    }
    // More is below: the screen says so, and its button scrolls there.
    let more_below = tr("fr", "result.more_below");
    assert_eq!(count_of(&replayer, &more_below), 1, "{size:?}: a button says more is below");
    let top = rect_of(&replayer, &tr("fr", "result.title"), 1).min.y;
    replayer.steps(&[Step::Click { label: more_below, nth: None }]).unwrap();
    assert!(
        rect_of(&replayer, &tr("fr", "result.title"), 1).min.y < top,
        "{size:?}: the button scrolled down"
    );

    // "More places" shows the kind's other places, in place.
    let (kind, names) = kinds.iter().find(|(_, names)| names.len() > 1).expect("a kind with several places");
    let label = tr_with("fr", "result.more_places", &[("count", &(names.len() - 1).to_string())]);
    let shown = count_of(&replayer, &show);
    let nth = kinds.iter().take_while(|(k, _)| k != kind).filter(|(_, n)| n.len() > 1).count() + 1;
    replayer.steps(&[Step::Click { label, nth: Some(nth) }]).unwrap();
    for other in &names[1..] {
        assert_eq!(count_of(&replayer, other), 1, "{size:?}: {other} is shown after \"more places\"");
    }
    assert_eq!(count_of(&replayer, &show), shown + names.len() - 1, "each with its button");
    replayer.steps(&[key("result.fewer_places")]).unwrap();
    assert_eq!(count_of(&replayer, &names[1]), 0, "{size:?}: \"fewer places\" hides them again");
}

#[test]
fn the_result_shows_one_place_per_kind_without_scrolling_at_1280_by_800() {
    one_place_per_kind_at_a_glance(egui::vec2(1280.0, 800.0));
}

#[test]
fn the_result_shows_one_place_per_kind_without_scrolling_at_1366_by_768() {
    one_place_per_kind_at_a_glance(egui::vec2(1366.0, 768.0));
}

/// Help today: each place with its phone or "phone not known", codes to photograph, and the
/// bigger card to show at the desk.
fn help_today(language: &str) -> Replayer {
    let mut replayer = at_urgent(language);
    replayer.steps(&[key("common.yes"), Step::ExpectKey("urgent_help.places".into())]).unwrap();
    replayer
}

#[test]
fn help_today_gives_phones_codes_and_the_card_for_the_desk() {
    let mut replayer = help_today("fr");
    let nearby = replayer.app().ui_state().nearby.clone();
    assert!(!nearby.is_empty(), "places near the kiosk");
    let unknown = tr("fr", "urgent_help.phone_unknown");
    let without_phone = nearby.iter().filter(|r| r.place.as_ref().unwrap().phone.is_none()).count();
    assert!(without_phone > 0, "the demo territory has a place without a phone");
    assert_eq!(count_of(&replayer, &unknown), without_phone, "each place without a phone says so");
    for place in nearby.iter().filter_map(|r| r.place.as_ref()) {
        if let Some(phone) = &place.phone {
            let line = tr_with("fr", "place.phone", &[("phone", &format!("\u{2068}{phone}\u{2069}"))]);
            assert_eq!(count_of(&replayer, &line), 1, "{}: its phone is shown", place.name);
        }
    }
    // Codes to photograph, as on the result: one per place with a link.
    replayer.steps(&[key("slip.show_codes")]).unwrap();
    assert_eq!(replayer.app().ui_state().overlay, Some(Overlay::SlipCodes));
    let name = format!("\u{2068}{}\u{2069}", nearby[0].place.as_ref().unwrap().name);
    assert!(count_of(&replayer, &name) >= 2, "the first place's code is named under it");
    replayer.steps(&[key("place.close")]).unwrap();
    // The bigger card, for the agent at the desk; and the place said aloud.
    replayer.steps(&[Step::ClickKey { key: "place.show".into(), nth: Some(1) }]).unwrap();
    assert_eq!(replayer.app().ui_state().overlay, Some(Overlay::PlaceCard(0)));
    replayer.steps(&[key("place.close"), Step::ClickKey { key: "place.hear".into(), nth: Some(1) }]).unwrap();
    let spoken = replayer.app().last_spoken().join(" ");
    assert!(spoken.contains(&nearby[0].place.as_ref().unwrap().name), "{spoken}");
}

/// Pashto has no voice: its picker button and its welcome say so, in Pashto.
#[test]
fn a_language_without_a_voice_says_so_on_the_picker_and_the_welcome() {
    let silent: Vec<_> = content().languages.iter().filter(|l| l.voice.is_none()).cloned().collect();
    assert!(silent.iter().any(|l| l.code == "ps"), "Pashto has no voice");
    let mut replayer = Replayer::new(&content(), config(), Some("fr"));
    replayer.steps(&[key("attract.touch")]).unwrap();
    for language in &silent {
        let note = tr(&language.code, "language.no_voice");
        assert_ne!(note, tr("fr", "language.no_voice"), "{}: said in its own words", language.code);
        assert_eq!(count_of(&replayer, &note), 1, "{}: the picker says it has no voice", language.code);
        let name = rect_of(&replayer, &language.name, 1);
        let beside = rect_of(&replayer, &note, 1);
        assert!((beside.center().y - name.center().y).abs() < name.height() / 2.0, "beside its button");
    }
    let voiced = content().languages.iter().find(|l| l.voice.is_some()).unwrap().code.clone();
    assert_eq!(count_of(&replayer, &tr(&voiced, "language.no_voice")), 0, "a voiced language says nothing");
    replayer.steps(&[Step::Click { label: "پښتو".into(), nth: None }]).unwrap();
    let welcome = format!("🔇 {}", tr("ps", "welcome.no_voice"));
    assert_eq!(count_of(&replayer, &welcome), 1, "the welcome says it, in Pashto");
    replayer.harness_mut().snapshot_options("ps/03_welcome_no_voice", &snapshot_options());
}

/// Snapshots of the result at the two common landscape sizes, of help today in Arabic, and
/// of the picker's note.
#[test]
fn snapshots_of_the_result_help_today_and_the_picker() {
    let mut results = egui_kittest::SnapshotResults::new();
    for size in [egui::vec2(1280.0, 800.0), egui::vec2(1366.0, 768.0)] {
        let mut replayer = beginner_result(size);
        let name = format!("fr/result_beginner_{}x{}", size.x, size.y);
        replayer.harness_mut().snapshot_options(name, &snapshot_options());
        results.extend_harness(replayer.harness_mut());
    }
    let mut replayer = beginner_result(egui::vec2(1280.0, 800.0));
    let label = tr_with("fr", "result.more_places", &[("count", "2")]);
    replayer.steps(&[Step::Click { label, nth: Some(1) }]).unwrap();
    replayer.harness_mut().snapshot_options("fr/result_more_places", &snapshot_options());
    results.extend_harness(replayer.harness_mut());
    let mut replayer = help_today("ar");
    replayer.steps(&[key("slip.show_codes")]).unwrap();
    replayer.harness_mut().snapshot_options("ar/urgent_help_codes", &snapshot_options());
    results.extend_harness(replayer.harness_mut());
}
