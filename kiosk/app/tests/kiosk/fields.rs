//! Every text field of every exercise kind, typed in on a real keyboard: all the keys of a
//! frame reach the field, in order (a fast typist sends several within one frame).

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use repere_engine::content::site::FieldValue;
use repere_kiosk::exercises::ExerciseState;
use repere_kiosk::i18n::tr;
use repere_kiosk::replay::{Replayer, Step};

use super::content;
use super::tasks::{at_task, at_task_in, key, with_task};

/// The keys of `word` typed in ONE frame, one text event per character, with a slip fixed on
/// the way: the last character first typed wrong, erased, then typed right. (The harness's
/// `event` gives each event a frame of its own: these go straight into the next frame's input.)
fn type_in_one_frame(replayer: &mut Replayer, word: &str) {
    let harness = replayer.harness_mut();
    let events = &mut harness.input_mut().events;
    let mut chars: Vec<char> = word.chars().collect();
    let last = chars.pop().unwrap();
    for c in chars {
        events.push(Event::Text(c.to_string()));
    }
    let slip = match last.to_digit(10) {
        Some(d) => char::from_digit((d + 1) % 10, 10).unwrap(),
        None if last == 'z' => 'y',
        None => 'z',
    };
    events.push(Event::Text(slip.to_string()));
    for pressed in [true, false] {
        events.push(Event::Key {
            key: Key::Backspace,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
    }
    events.push(Event::Text(last.to_string()));
    harness.step();
    harness.step();
}

/// The exercise's state after `steps` then `word` typed in one frame, on the task `id` alone.
fn typed_after(id: &str, steps: &[Step], word: &str) -> ExerciseState {
    let only = with_task(&content(), id);
    let mut replayer = at_task(&only);
    replayer.steps(steps).unwrap_or_else(|err| panic!("{id}: {err}"));
    type_in_one_frame(&mut replayer, word);
    replayer.app().ui_state().exercise.clone()
}

#[test]
fn a_whole_word_typed_in_one_frame_reaches_every_field() {
    // Every field is tried; the fields that lost keys are listed together.
    let mut lost = Vec::new();
    let mut check = |field: &str, got: Option<String>, word: &str| {
        if got.as_deref() != Some(word) {
            lost.push(format!("{field}: {got:?} instead of {word:?}"));
        }
    };
    let state = typed_after("internet.address", &[key("browser.address")], "mairie-exemple.fr");
    check("the address bar", state.typed, "mairie-exemple.fr");

    let state = typed_after("search.query", &[key("browser.search")], "horaires mairie");
    check("the search box", state.typed, "horaires mairie");

    let state = typed_after("procedure.login", &[key("browser.login.identifier")], "1234567");
    check("the login's identifier", Some(state.identifier), "1234567");
    let state = typed_after("procedure.login", &[key("browser.login.password")], "Soleil24");
    check("the login's password", Some(state.secret), "Soleil24");

    let state = typed_after("procedure.date", &[key("browser.form.day")], "14031985");
    let date = match state.form.values.get("birth_date") {
        Some(FieldValue::Date(parts)) => Some(parts.join("/")),
        _ => None,
    };
    check("a form's date", date, "14/03/1985");

    // The phone comes back with its end missing: " 78" completes it.
    let state = typed_after("procedure.error", &[key("site.moncompte.contact.phone")], " 78");
    let phone = match state.form.values.get("phone") {
        Some(FieldValue::Text(phone)) => Some(phone.clone()),
        _ => None,
    };
    check("a form's text field", phone, "06 12 34 56 78");

    let state = typed_after("email.new_message", &[key("webmail.new")], "accueil@mairie-exemple.fr");
    check("the webmail's recipient", state.mail.draft.map(|d| d.to), "accueil@mairie-exemple.fr");

    let state = typed_after("keyboard.word", &[], "bonjour");
    check("the keyboard exercise", state.typed, "bonjour");
    assert!(lost.is_empty(), "keys lost:\n{}", lost.join("\n"));
}

/// On a new tab the address bar has the focus, as in every browser: it shows the caret and a
/// real keyboard's keys go into it before it is pressed.
#[test]
fn on_a_new_tab_the_address_bar_takes_the_keys() {
    let state = typed_after("internet.address", &[], "mairie-exemple.fr");
    assert!(state.editing, "typing opens the bar's keyboard");
    assert_eq!(state.typed.as_deref(), Some("mairie-exemple.fr"));
}

/// The names of the fields that show a caret (a collapsed selection: where the keys go).
fn carets(replayer: &Replayer) -> Vec<String> {
    replayer
        .harness()
        .query_all(By::new().predicate(|node| node.raw_text_selection().is_some()))
        .map(|node| node.accesskit_node().label().unwrap_or_default())
        .collect()
}

/// One caret at most, on the field the keys go to; none on a page where no field is typed in.
#[test]
fn one_caret_on_the_field_that_takes_the_keys() {
    let content = content();
    for language in ["fr", "ar"] {
        let tr = |key: &str| tr(language, key);
        let check = |id: &str, steps: &[Step], caret: Option<&str>| {
            let only = with_task(&content, id);
            let mut replayer = at_task_in(&only, language);
            replayer.steps(steps).unwrap_or_else(|err| panic!("{language} {id}: {err}"));
            let expected: Vec<String> = caret.into_iter().map(str::to_owned).collect();
            assert_eq!(carets(&replayer), expected, "{language} {id} after {steps:?}");
        };
        let address = tr("browser.address");
        check("internet.address", &[], Some(&address));
        check("internet.address", &[key("browser.address")], Some(&address));
        check("internet.link", &[], None);
        check("search.query", &[], None);
        check("search.query", &[key("browser.search")], Some(&tr("browser.search")));
        check("procedure.login", &[], None);
        let identifier = tr("browser.login.identifier");
        check("procedure.login", &[key("browser.login.identifier")], Some(&identifier));
        let password = tr("browser.login.password");
        let steps =
            [key("browser.login.identifier"), Step::Type("123".into()), key("browser.login.password")];
        check("procedure.login", &steps, Some(&password));
        check("procedure.date", &[], None);
        let steps = [key("browser.form.day"), Step::Type("14".into())];
        check("procedure.date", &steps, Some(&tr("browser.form.month")));
        check("procedure.error", &[], None);
        let phone = tr("site.moncompte.contact.phone");
        check("procedure.error", &[key("site.moncompte.contact.phone")], Some(&phone));
        check("email.new_message", &[key("webmail.new")], Some(&tr("webmail.to")));
        check("keyboard.word", &[], Some(&tr("task.keyboard.word.field")));
    }
}

/// The rectangle of the one text labelled `label`.
fn text_rect(replayer: &Replayer, label: &str) -> egui::Rect {
    let nodes: Vec<_> = replayer.harness().query_all(By::new().label(label).role(Role::Label)).collect();
    assert_eq!(nodes.len(), 1, "one text {label:?}");
    nodes[0].rect()
}

/// The rectangle of the one field named `label`.
fn field_rect(replayer: &Replayer, label: &str) -> egui::Rect {
    replayer.harness().get_by_label(label).rect()
}

/// `first` comes before `second` in the reading direction.
fn before(first: egui::Rect, second: egui::Rect, rtl: bool) -> bool {
    if rtl { first.center().x > second.center().x } else { first.center().x < second.center().x }
}

/// The login's card names each code as its field is named, and lists them in the fields'
/// order; on the reading side of the fields, in French and in Arabic (right to left).
#[test]
fn the_login_card_labels_its_codes_in_the_fields_order() {
    let content = content();
    for language in ["fr", "ar"] {
        let rtl = language == "ar";
        let tr = |key: &str| tr(language, key);
        let only = with_task(&content, "procedure.login");
        let mut replayer = at_task_in(&only, language);
        for typing in [false, true] {
            let name = text_rect(&replayer, &tr("browser.login.card_identifier"));
            let code = text_rect(&replayer, "1234567");
            let secret_name = text_rect(&replayer, &tr("browser.login.card_password"));
            let secret = text_rect(&replayer, "Soleil24");
            let case = format!("{language}, typing: {typing}");
            assert!(before(name, code, rtl), "{case}: the identifier's name, then the code");
            assert!(before(secret_name, secret, rtl), "{case}: the password's name, then the code");
            // The identifier's code first: above, or before on the same line.
            let above = name.max.y <= secret_name.min.y + 1.0;
            let same_line = (name.center().y - secret_name.center().y).abs() < 4.0;
            assert!(above || (same_line && before(code, secret_name, rtl)), "{case}: the identifier first");
            let identifier = field_rect(&replayer, &tr("browser.login.identifier"));
            let password = field_rect(&replayer, &tr("browser.login.password"));
            assert!(before(code, identifier, rtl), "{case}: the card, then the fields");
            assert!(before(identifier, password, rtl), "{case}: the identifier's field first");
            replayer.steps(&[key("browser.login.identifier")]).unwrap();
        }
    }
}

/// The date's card names day, month and year, in the order and direction of the date's boxes.
#[test]
fn the_date_card_is_labelled_in_the_boxes_order() {
    let content = content();
    for language in ["fr", "ar"] {
        let rtl = language == "ar";
        let only = with_task(&content, "procedure.date");
        let mut replayer = at_task_in(&only, language);
        for typing in [false, true] {
            let case = format!("{language}, typing: {typing}");
            let parts =
                ["browser.form.day", "browser.form.month", "browser.form.year"].map(|k| tr(language, k));
            let names = parts.clone().map(|part| text_rect(&replayer, &part));
            let boxes = parts.clone().map(|part| {
                let boxes: Vec<_> =
                    replayer.harness().query_all(By::new().label(&part).role(Role::TextInput)).collect();
                assert_eq!(boxes.len(), 1, "{case}: one box {part:?}");
                boxes[0].rect()
            });
            let values = ["14", "03", "1985"].map(|value| text_rect(&replayer, value));
            for (name, value) in names.iter().zip(&values) {
                // Under its name, or after it on the same line.
                let under = value.min.y >= name.max.y - 1.0;
                let after = (name.center().y - value.center().y).abs() < 8.0 && before(*name, *value, rtl);
                assert!(under || after, "{case}: each value with its name");
            }
            for pair in [0, 1] {
                assert!(
                    before(names[pair], names[pair + 1], rtl),
                    "{case}: {:?} then {:?}",
                    parts[pair],
                    parts[pair + 1]
                );
                assert!(before(boxes[pair], boxes[pair + 1], rtl), "{case}: the boxes in the same order");
            }
            replayer.steps(&[key("browser.form.day")]).unwrap();
        }
    }
}
