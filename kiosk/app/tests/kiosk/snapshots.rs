//! A snapshot of every screen of the visit in French, Arabic (right-to-left) and Tigrinya
//! (Ethiopic script), rendered by wgpu on Mesa lavapipe. First run, or after a deliberate
//! change: `UPDATE_SNAPSHOTS=1`.

use egui_kittest::SnapshotResults;
use repere_kiosk::replay::{Replayer, Step};
use repere_kiosk::testing::snapshot_options;

use super::tasks::{at_task_in, press, with_only};
use super::{config, content};

fn key(key: &str) -> Step {
    Step::ClickKey { key: key.into(), nth: None }
}

/// Walks the whole visit, snapshotting each screen as `<language>/<name>`.
fn walk(language: &str) {
    let mut replayer = Replayer::new(&content(), config(), Some(language));
    let shot = |replayer: &mut Replayer, name: &str| {
        replayer.harness_mut().snapshot_options(format!("{language}/{name}"), &snapshot_options());
    };
    let name = content().language(language).unwrap().name.clone();
    shot(&mut replayer, "01_attract");
    replayer.steps(&[key("attract.touch")]).unwrap();
    shot(&mut replayer, "02_language");
    replayer.steps(&[Step::Click { label: name, nth: None }]).unwrap();
    shot(&mut replayer, "03_welcome");
    replayer.steps(&[key("welcome.start")]).unwrap();
    shot(&mut replayer, "04_urgent");
    replayer.steps(&[key("common.yes")]).unwrap();
    shot(&mut replayer, "05_urgent_help");
    replayer.steps(&[key("urgent_help.continue")]).unwrap();
    replayer
        .steps(&[Step::Click { label: "1".into(), nth: None }, Step::Click { label: "7".into(), nth: None }])
        .unwrap();
    shot(&mut replayer, "06_question_postcode");
    replayer.steps(&[key("common.skip"), key("question.devices.smartphone")]).unwrap();
    shot(&mut replayer, "07_question_many");
    replayer.steps(&[key("common.continue")]).unwrap();
    shot(&mut replayer, "08_question_yes_no");
    replayer.steps(&[key("common.no")]).unwrap();
    shot(&mut replayer, "09_question_one");
    replayer
        .steps(&[key("question.email.has_but_cannot_open"), key("question.procedures_alone.sometimes")])
        .unwrap();
    replayer
        .steps(&[key("common.continue"), key("question.french_reading.some"), key("question.goals.health")])
        .unwrap();
    replayer.steps(&[key("common.continue"), key("question.access_needs.low_vision")]).unwrap();
    shot(&mut replayer, "10_question_access_needs");
    replayer.steps(&[key("common.continue")]).unwrap();
    shot(&mut replayer, "11_task_click_big");
    replayer.steps(&[key("task.mouse.click_big.target")]).unwrap();
    shot(&mut replayer, "12_task_click_small");
    replayer.steps(&[key("task.mouse.click_small.target"), key("task.mouse.click_small.target")]).unwrap();
    replayer.steps(&[key("task.mouse.click_small.target")]).unwrap();
    shot(&mut replayer, "13_task_double_click");
    replayer.steps(&[key("task.skip")]).unwrap();
    shot(&mut replayer, "14_task_drag_drop");
    let tr = |key: &str| repere_kiosk::i18n::tr(language, key);
    let drag =
        Step::Drag { from: tr("task.mouse.drag_drop.item"), to: tr("task.mouse.drag_drop.destination") };
    replayer.steps(&[drag]).unwrap();
    shot(&mut replayer, "15_task_scroll_find");
    replayer.steps(&[key("task.skip")]).unwrap();
    replayer.steps(&[Step::Type("bonjuor".into()), key("task.keyboard.confirm")]).unwrap();
    shot(&mut replayer, "16_task_type_text_retry");
    replayer.steps(&[key("task.skip"), key("task.skip")]).unwrap();
    replayer.steps(&[key("browser.address"), Step::Type("mairie-exemple.fr".into())]).unwrap();
    shot(&mut replayer, "17_task_browser_address");
    replayer.steps(&[Step::Press { key: egui::Key::Enter, modifiers: egui::Modifiers::NONE }]).unwrap();
    shot(&mut replayer, "18_task_browser_link");
    replayer.steps(&[key("task.skip"), key("browser.back")]).unwrap();
    shot(&mut replayer, "19_task_browser_banner");
    replayer.steps(&[key("task.skip"), key("browser.search"), Step::Type("mairie".into())]).unwrap();
    replayer.steps(&[Step::Press { key: egui::Key::Enter, modifiers: egui::Modifiers::NONE }]).unwrap();
    shot(&mut replayer, "20_task_search_results");
    replayer.steps(&[key("task.skip"), key("site.search.result_hours")]).unwrap();
    shot(&mut replayer, "21_task_find_on_page");
    replayer.steps(&[key("task.skip"), key("task.skip"), key("task.skip")]).unwrap();
    replayer.steps(&[key("browser.login.identifier"), Step::Type("1234567".into())]).unwrap();
    replayer.steps(&[key("browser.login.password"), Step::Type("Soleil".into())]).unwrap();
    shot(&mut replayer, "22_task_login");
    // The certificate, after the login not done: two in a row end the domain.
    replayer.steps(&[key("task.skip"), key("task.skip")]).unwrap();
    shot(&mut replayer, "23_result");
    // Where to go next, below the level: the place cards, then the bigger card for the agent.
    replayer.steps(&[Step::Scroll { on: tr("result.title"), dy: -700.0 }]).unwrap();
    shot(&mut replayer, "23b_result_places");
    replayer.steps(&[Step::ClickKey { key: "place.show".into(), nth: Some(1) }]).unwrap();
    shot(&mut replayer, "23c_place_card");
    replayer.steps(&[key("place.close")]).unwrap();
    // No printer here: the codes of the places, to photograph.
    replayer.steps(&[key("slip.show_codes")]).unwrap();
    shot(&mut replayer, "23d_slip_codes");
    // "Show at the desk" from the codes: every place in French (the result's cards, under the
    // dialog, have the same button: the dialog's is the last).
    let show_at_desk = repere_kiosk::i18n::tr(language, "place.show");
    let buttons =
        egui_kittest::kittest::Queryable::query_all_by_label(replayer.harness(), &show_at_desk).count();
    replayer.steps(&[Step::ClickKey { key: "place.show".into(), nth: Some(buttons) }]).unwrap();
    shot(&mut replayer, "23e_desk_card");
    replayer.steps(&[key("place.close")]).unwrap();
    replayer.steps(&[key("toolbar.stop")]).unwrap();
    shot(&mut replayer, "24_stop_confirm");
    replayer.steps(&[key("stop.confirm")]).unwrap();
    shot(&mut replayer, "25_goodbye");
    replayer.steps(&[key("goodbye.again"), key("attract.touch"), key("toolbar.contrast")]).unwrap();
    replayer.steps(&[key("toolbar.bigger_text"), Step::Wait(91.0)]).unwrap();
    shot(&mut replayer, "26_idle_warning_contrast_large");
    let chord = Step::Press {
        key: egui::Key::O,
        modifiers: egui::Modifiers { ctrl: true, alt: true, ..Default::default() },
    };
    replayer.steps(&[key("idle.still_here"), chord]).unwrap();
    shot(&mut replayer, "27_operator_pin");
}

#[test]
fn every_screen_in_french() {
    walk("fr");
}

#[test]
fn every_screen_in_arabic_right_to_left() {
    walk("ar");
}

#[test]
fn every_screen_in_tigrinya() {
    walk("ti");
}

/// The webmail of the e-mail tasks, each task alone, as `<language>/email_NN_<name>`: the
/// inbox, a message with its attachment, the document opened, writing with the keyboard, a
/// message not yet as asked, the documents folder, the scam and its kind explanation.
fn webmail(language: &str) {
    let content = content();
    let task = |id: &str| {
        let index = content.tasks.iter().position(|t| t.id == id).unwrap();
        at_task_in(&with_only(&content, index), language)
    };
    let shot = |replayer: &mut Replayer, name: &str| {
        replayer.harness_mut().snapshot_options(format!("{language}/email_{name}"), &snapshot_options());
    };
    // One harness per task: their snapshot results are gathered, reported once.
    let mut results = SnapshotResults::new();
    let mut replayer = task("email.reply");
    shot(&mut replayer, "01_inbox");
    replayer.steps(&[key("mail.appointment.subject")]).unwrap();
    shot(&mut replayer, "02_message");
    replayer.steps(&[Step::Click { label: "rendez-vous.pdf".into(), nth: None }]).unwrap();
    shot(&mut replayer, "03_document");

    results.extend_harness(replayer.harness_mut());

    let mut replayer = task("email.new_message");
    replayer.steps(&[key("webmail.new"), Step::Type("accueil@mairie".into())]).unwrap();
    shot(&mut replayer, "04_compose_keyboard");
    replayer
        .steps(&[Step::Type("-exemple.com".into()), press(egui::Key::Enter), key("webmail.send")])
        .unwrap();
    shot(&mut replayer, "05_compose_retry");

    results.extend_harness(replayer.harness_mut());

    let mut replayer = task("email.attach");
    replayer.steps(&[key("webmail.new"), press(egui::Key::Enter), key("webmail.attach")]).unwrap();
    shot(&mut replayer, "06_document_picker");

    results.extend_harness(replayer.harness_mut());

    let mut replayer = task("email.suspicious");
    replayer.steps(&[key("mail.phishing.subject")]).unwrap();
    shot(&mut replayer, "07_suspicious");
    replayer.steps(&[key("mail.phishing.link")]).unwrap();
    shot(&mut replayer, "08_scam_explained");
    results.extend_harness(replayer.harness_mut());
}

#[test]
fn the_webmail_in_french() {
    webmail("fr");
}

#[test]
fn the_webmail_in_arabic_right_to_left() {
    webmail("ar");
}

#[test]
fn the_webmail_in_tigrinya() {
    webmail("ti");
}

/// The procedure tasks' environments, each task alone, snapshotted as
/// `<language>/procedure_NN_<name>`: the login's card, the account's menu, the download bar, a date typed, a list open, a box ticked,
/// the documents folder open to send a file, a form come back with an error message; and, as
/// `<language>/task_show_me`, the hint of "Show me" on a browser task with the keyboard open.
fn procedure_environment(language: &str, results: &mut egui_kittest::SnapshotResults) {
    let content = content();
    let only = |id: &str| with_only(&content, content.tasks.iter().position(|t| t.id == id).unwrap());
    // Each task alone has its own harness: their results are merged into one.
    let mut shot = |replayer: &mut Replayer, name: &str| {
        let harness = replayer.harness_mut();
        harness.snapshot_options(format!("{language}/procedure_{name}"), &snapshot_options());
        results.extend_harness(harness);
    };

    // The login's card with its labelled codes, and the account's menu on as many lines as
    // it needs.
    let mut replayer = at_task_in(&only("procedure.login"), language);
    shot(&mut replayer, "00_login_card");

    let mut replayer = at_task_in(&only("procedure.certificate"), language);
    shot(&mut replayer, "00_account_menu");
    replayer.steps(&[key("site.moncompte.account.link_certificates")]).unwrap();
    replayer.steps(&[key("site.moncompte.certificates.family_quotient")]).unwrap();
    shot(&mut replayer, "01_certificate");

    let mut replayer = at_task_in(&only("procedure.date"), language);
    replayer.steps(&[key("browser.form.day"), Step::Type("1403".into())]).unwrap();
    shot(&mut replayer, "02_date");

    let mut replayer = at_task_in(&only("procedure.list"), language);
    replayer.steps(&[key("site.moncompte.situation.field")]).unwrap();
    shot(&mut replayer, "03_list_open");

    let mut replayer = at_task_in(&only("procedure.checkbox"), language);
    replayer.steps(&[key("site.moncompte.form.send")]).unwrap();
    replayer.steps(&[key("site.moncompte.certify.field")]).unwrap();
    shot(&mut replayer, "04_checkbox");

    let mut replayer = at_task_in(&only("procedure.upload"), language);
    replayer.steps(&[key("browser.form.choose_file")]).unwrap();
    shot(&mut replayer, "05_upload_picker");
    let name = content.documents.get("attestation").unwrap().name.clone();
    replayer.steps(&[Step::Click { label: name, nth: None }]).unwrap();
    shot(&mut replayer, "05_upload_chosen");

    let mut replayer = at_task_in(&only("procedure.error"), language);
    shot(&mut replayer, "06_error");
    replayer.steps(&[key("site.moncompte.contact.phone"), press(egui::Key::Backspace)]).unwrap();
    shot(&mut replayer, "06_error_typing");

    let mut replayer = at_task_in(&only("internet.address"), language);
    replayer.steps(&[key("task.show_me"), key("browser.address")]).unwrap();
    let harness = replayer.harness_mut();
    harness.snapshot_options(format!("{language}/task_show_me"), &snapshot_options());
    results.extend_harness(harness);
}

#[test]
fn procedure_environment_in_french_arabic_and_tigrinya() {
    let mut results = egui_kittest::SnapshotResults::new();
    procedure_environment("fr", &mut results);
    procedure_environment("ar", &mut results);
    procedure_environment("ti", &mut results);
}
