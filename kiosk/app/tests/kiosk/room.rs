//! Room mode: learner kiosks (`kiosk replay` processes) join a facilitator's room over
//! loopback; the facilitator's table and proposed groups; wrong codes; the facilitator's
//! screen, its moves and exports; nothing left behind but the exports asked for.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use repere_engine::config::Config;
use repere_engine::result::{LevelRef, VisitResult};
use repere_engine::room::{GroupRule, LearnerReport, RoomTable, propose_groups};
use repere_kiosk::i18n::{tr, tr_with};
use repere_kiosk::room::facilitator::RoomApp;
use repere_kiosk::room::link::post_report;
use repere_kiosk::room::{LinkState, RoomServer};
use repere_kiosk::testing::{SCREEN, snapshot_options};

use crate::{MONDAY_10, content, temp_dir};

const CODE: &str = "482913";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn open_room() -> RoomServer {
    RoomServer::open("127.0.0.1:0", RoomTable::new(CODE, day()), Box::new(|| {})).unwrap()
}

fn replay_script(name: &str) -> PathBuf {
    // A script of the shipped replays, or a path.
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/replays").join(name)
}

/// A learner kiosk's config: joins the room at `address` with `code`.
fn learner_config(dir: &Path, address: std::net::SocketAddr, code: &str) -> PathBuf {
    let path = dir.join(format!("learner-{code}.toml"));
    std::fs::write(&path, format!("[room]\njoin = \"http://{address}\"\ncode = \"{code}\"\n")).unwrap();
    path
}

/// Starts a learner kiosk replaying `script`, its home and temp folder in `home`.
fn learner(script: &str, config: &Path, home: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["replay", &replay_script(script).display().to_string(), "--now", MONDAY_10, "--config"])
        .arg(config)
        .env("HOME", home)
        .env("TMPDIR", home)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

fn result_of(output: &Output) -> VisitResult {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        walk(dir).iter().map(|p| p.strip_prefix(dir).unwrap().display().to_string()).collect();
    names.sort();
    names
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .flat_map(|e| if e.path().is_dir() { walk(&e.path()) } else { vec![e.path()] })
        .collect()
}

#[test]
fn learner_kiosks_join_a_room_and_the_facilitator_sees_them_grouped() {
    let dir = temp_dir("room-learners");
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let server = open_room();
    let config = learner_config(&dir, server.address(), CODE);
    // One learner gives a first name on the result, typed on a keyboard.
    let mut named: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(replay_script("fr-never-touched-a-mouse.json")).unwrap(),
    )
    .unwrap();
    let steps = named["steps"].as_array_mut().unwrap();
    steps.push(serde_json::json!({"click_key": "room.learner.give_name"}));
    steps.push(serde_json::json!({"type": "Amina"}));
    steps.push(serde_json::json!({"click_key": "room.learner.name_send"}));
    let named_script = dir.join("named.json");
    std::fs::write(&named_script, named.to_string()).unwrap();
    let scripts = [
        "fr-happy-path.json",
        "ar-happy-path.json",
        named_script.to_str().unwrap(),
        "fr-advanced-fears-procedures.json",
    ];
    let children: Vec<_> = scripts.iter().map(|s| learner(s, &config, &home)).collect();
    let results: Vec<VisitResult> =
        children.into_iter().map(|c| result_of(&c.wait_with_output().unwrap())).collect();

    let table = server.table().clone();
    assert_eq!(table.learners().len(), scripts.len(), "every learner's result reached the table");
    let key = |language: &str, level: &LevelRef, obstacles: &[String]| {
        (language.to_owned(), level.rank, obstacles.to_vec())
    };
    let mut sent: Vec<_> = results.iter().map(|r| key(&r.language, &r.level, &r.obstacles)).collect();
    let mut seen: Vec<_> = table
        .learners()
        .iter()
        .map(|l| key(&l.report.language, &l.report.level, &l.report.obstacles))
        .collect();
    sent.sort();
    seen.sort();
    assert_eq!(seen, sent, "the table holds each visit's language, level and obstacles");
    let given: Vec<Option<&str>> = table.learners().iter().map(|l| l.report.name.as_deref()).collect();
    assert_eq!(given.iter().filter(|n| **n == Some("Amina")).count(), 1, "the name given: {given:?}");
    assert_eq!(given.iter().filter(|n| n.is_none()).count(), 3, "the others gave none: {given:?}");
    for (learner, number) in table.learners().iter().zip(1..) {
        assert_eq!(learner.number, number, "numbered in arrival order");
        assert_eq!(learner.report.domains.len(), 6, "the six domains");
        assert!(learner.report.seconds > 0, "time spent");
    }
    assert!(table.learners().iter().any(|l| l.report.language == "ar"), "the Arabic visitor");

    // The proposal: Repère's algorithm on these learners, whatever order they came in.
    let reports: Vec<LearnerReport> = table.learners().iter().map(|l| l.report.clone()).collect();
    let ids = |groups: Vec<Vec<usize>>| -> Vec<Vec<String>> {
        groups.into_iter().map(|g| g.into_iter().map(|i| reports[i].learner.clone()).collect()).collect()
    };
    assert_eq!(
        table.groups(),
        ids(propose_groups(&reports, GroupRule::MaxSize(6))).as_slice(),
        "one group of four"
    );
    let mut two = table.clone();
    two.set_rule(GroupRule::Count(2));
    assert_eq!(two.groups().len(), 2, "two groups asked");
    assert!(two.groups().iter().all(|g| g.len() == 2), "balanced: {:?}", two.groups());
    let rank = |id: &String| two.learner(id).unwrap().report.level.rank;
    let first_max = two.groups()[0].iter().map(rank).max().unwrap();
    let second_min = two.groups()[1].iter().map(rank).min().unwrap();
    assert!(first_max <= second_min, "levels kept together: {:?}", two.groups());

    server.close();
    assert!(files_in(&home).is_empty(), "learner kiosks wrote nothing: {:?}", files_in(&home));
    std::fs::remove_dir_all(&dir).ok();
}

fn report(id: &str, name: Option<&str>, rank: u8) -> LearnerReport {
    let content = content();
    let profile = repere_engine::profile::VisitorProfile::from_json(
        r#"{"language": "fr", "answers": {"obstacles": ["fear"]}, "domains": {"mouse": 1.0, "keyboard": 0.5}}"#,
        &[],
    )
    .unwrap();
    let mut result = repere_engine::result::simulate(&profile, &content.scoring);
    result.level = LevelRef {
        rank,
        id: ["eloigne", "debutant", "intermediaire", "avance", "autonome"][usize::from(rank - 1)].to_owned(),
    };
    LearnerReport::new(id, name, &result, 754)
}

#[test]
fn wrong_codes_are_refused_and_a_guessing_machine_is_shut_out() {
    let server = open_room();
    let address = server.address().to_string();
    assert_eq!(post_report(&address, "000000", &report("a", None, 2)), Err(LinkState::Refused), "wrong code");
    assert!(server.table().learners().is_empty(), "nothing taken in");
    assert_eq!(post_report(&address, CODE, &report("a", None, 2)), Ok(()), "right code");
    for _ in 1..repere_kiosk::room::server::WRONG_CODES_ALLOWED {
        assert_eq!(
            post_report(&address, "111111", &report("b", None, 2)),
            Err(LinkState::Refused),
            "wrong code"
        );
    }
    assert_eq!(
        post_report(&address, CODE, &report("c", None, 2)),
        Err(LinkState::Refused),
        "shut out after guessing"
    );
    assert_eq!(server.table().learners().len(), 1, "only the right one");
    server.close();
    assert_eq!(
        post_report(&address, CODE, &report("d", None, 2)),
        Err(LinkState::Unreachable),
        "closed room"
    );
}

#[test]
fn a_learner_kiosk_with_a_wrong_code_still_shows_its_result() {
    let dir = temp_dir("room-wrong-code");
    let server = open_room();
    let config = learner_config(&dir, server.address(), "999999");
    let output = learner("fr-happy-path.json", &config, &dir).wait_with_output().unwrap();
    let result = result_of(&output);
    assert!(result.level.rank >= 1, "the visitor got their result");
    assert!(server.table().learners().is_empty(), "the room refused it");
    server.close();
    std::fs::remove_dir_all(&dir).ok();
}

fn facilitator(config: Config) -> Harness<'static, RoomApp> {
    let content = content();
    Harness::builder().with_size(SCREEN).with_theme(egui::Theme::Light).build_eframe(move |cc| {
        RoomApp::open(&cc.egui_ctx, Arc::clone(&content), config, "127.0.0.1:0", Box::new(day)).unwrap()
    })
}

fn settle(harness: &mut Harness<'static, RoomApp>) {
    for _ in 0..4 {
        harness.step();
    }
}

fn fill(harness: &mut Harness<'static, RoomApp>) -> String {
    let address = harness.state().server().unwrap().address().to_string();
    let code = harness.state().server().unwrap().table().code().to_owned();
    for (id, name, rank) in [
        ("a", Some("Amina"), 1),
        ("b", Some("Bilal"), 1),
        ("c", None, 3),
        ("d", Some("Zoé"), 4),
        ("e", Some("Jo"), 3),
    ] {
        post_report(&address, &code, &report(id, name, rank)).unwrap();
    }
    harness.state().server().unwrap().table().set_rule(GroupRule::Count(2));
    settle(harness);
    code
}

#[test]
fn the_facilitator_sees_the_table_moves_learners_exports_and_closes() {
    let dir = temp_dir("room-facilitator");
    let exports = dir.join("exports");
    std::fs::create_dir_all(&exports).unwrap();
    let mut config = crate::config();
    config.room.export_folder = Some(exports.clone());
    let mut harness = facilitator(config);
    settle(&mut harness);
    harness.get_by_label(&tr("fr", "room.waiting"));
    let code = fill(&mut harness);
    harness.get_by_label(&tr_with("fr", "room.title", &[("code", &code)]));
    harness.get_by_label(&tr_with("fr", "room.group", &[("number", "1"), ("count", "3")]));
    harness.get_by_label(&tr_with("fr", "room.group", &[("number", "2"), ("count", "2")]));
    harness.get_by_label("Amina");
    harness.get_by_label(&tr_with("fr", "room.unnamed", &[("number", "3")]));
    assert!(harness.query_all_by_label("•½––––").count() >= 1, "the domain map");

    let table = || harness_table(&harness);
    assert_eq!(table().group_of("a"), Some(0), "level 1 in the first group");
    harness.get_by_label(&tr_with("fr", "room.move_later", &[("name", "Amina")])).click();
    settle(&mut harness);
    assert_eq!(harness_table(&harness).group_of("a"), Some(1), "moved by the facilitator");
    assert!(harness_table(&harness).hand_adjusted(), "by hand");
    harness.get_by_label(&tr("fr", "room.propose")).click();
    settle(&mut harness);
    assert_eq!(harness_table(&harness).group_of("a"), Some(0), "proposed again");
    harness.get_by_label(&tr("fr", "room.more")).click();
    settle(&mut harness);
    assert_eq!(harness_table(&harness).groups().len(), 3, "one more group");

    harness.get_by_label(&tr("fr", "room.export")).click();
    for _ in 0..200 {
        harness.step();
        if harness
            .state()
            .status()
            .is_some_and(|s| s.starts_with(&tr_with("fr", "room.exported", &[("files", "")])))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let stem = format!("groupes-{code}-2026-11-23");
    assert_eq!(
        files_in(&exports),
        vec![format!("{stem}.csv"), format!("{stem}.pdf")],
        "the two exports, nothing else"
    );
    let csv = std::fs::read_to_string(exports.join(format!("{stem}.csv"))).unwrap();
    assert_eq!(csv.lines().count(), 6, "a header and five learners: {csv}");
    assert!(csv.contains(",Amina,fr,1,eloigne,"), "{csv}");

    harness.get_by_label(&tr("fr", "room.close")).click();
    settle(&mut harness);
    assert!(harness.state().server().is_none(), "closed");
    harness.get_by_label(&tr("fr", "room.closed"));
    assert_eq!(
        files_in(&dir),
        vec![format!("exports/{stem}.csv"), format!("exports/{stem}.pdf")],
        "only the exports remain"
    );
    std::fs::remove_dir_all(&dir).ok();
}

fn harness_table(harness: &Harness<'static, RoomApp>) -> RoomTable {
    harness.state().server().unwrap().table().clone()
}

#[test]
fn the_room_closes_at_the_end_of_its_day() {
    let content = content();
    let tomorrow = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = Arc::clone(&tomorrow);
    let today = Box::new(move || {
        if flag.load(std::sync::atomic::Ordering::SeqCst) { day().succ_opt().unwrap() } else { day() }
    });
    let mut harness = Harness::builder().with_size(SCREEN).build_eframe(move |cc| {
        RoomApp::open(&cc.egui_ctx, content, crate::config(), "127.0.0.1:0", today).unwrap()
    });
    fill(&mut harness);
    assert_eq!(harness_table(&harness).learners().len(), 5, "open");
    tomorrow.store(true, std::sync::atomic::Ordering::SeqCst);
    settle(&mut harness);
    assert!(harness.state().server().is_none(), "gone at midnight");
}

#[test]
fn snapshot_of_the_room_fr() {
    snapshot_of_the_room("fr");
}

#[test]
fn snapshot_of_the_room_ar() {
    snapshot_of_the_room("ar");
}

fn snapshot_of_the_room(language: &str) {
    {
        let config = Config { default_language: language.to_owned(), ..crate::config() };
        let mut harness = facilitator(config);
        fill(&mut harness);
        // The code is random: the snapshot shows the room with its own.
        let fixed = fixed_code(&harness_table(&harness));
        *harness.state().server().unwrap().table() = fixed;
        harness.state_mut().set_shown_address("http://192.168.1.10:7878");
        settle(&mut harness);
        harness.snapshot_options(format!("room_{language}"), &snapshot_options());
    }
}

/// The same room under the code 482913.
fn fixed_code(table: &RoomTable) -> RoomTable {
    let mut fixed = RoomTable::new(CODE, table.opened_on());
    fixed.set_rule(table.rule());
    for learner in table.learners() {
        fixed.add(learner.report.clone());
    }
    fixed
}

#[test]
fn check_reports_a_missing_export_folder_and_a_bad_join_address() {
    let dir = temp_dir("room-check");
    let config = dir.join("facilitator.toml");
    std::fs::write(&config, "[room]\nexport_folder = \"nowhere\"\n").unwrap();
    let output =
        Command::new(env!("CARGO_BIN_EXE_kiosk")).args(["check", "--config"]).arg(&config).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("room.export_folder") && stderr.contains("nowhere"), "{stderr}");
    std::fs::create_dir_all(dir.join("nowhere")).unwrap();
    let output =
        Command::new(env!("CARGO_BIN_EXE_kiosk")).args(["check", "--config"]).arg(&config).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    std::fs::write(&config, "[room]\njoin = \"192.168.1.10\"\ncode = \"482913\"\n").unwrap();
    let output =
        Command::new(env!("CARGO_BIN_EXE_kiosk")).args(["check", "--config"]).arg(&config).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("facilitator.toml:2: room.join"), "located: {stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The steps of the language's happy-path replay up to its result (the Arabic script goes on
/// to the goodbye), without its screenshots.
fn steps_to_result(language: &str) -> Vec<repere_kiosk::replay::Step> {
    let script = std::fs::read_to_string(replay_script(&format!("{language}-happy-path.json"))).unwrap();
    let script = repere_kiosk::replay::parse_script(&script).unwrap();
    script
        .steps
        .into_iter()
        .take_while(
            |s| !matches!(s, repere_kiosk::replay::Step::ClickKey { key, .. } if key == "result.finish"),
        )
        .filter(|s| !matches!(s, repere_kiosk::replay::Step::Shot(_)))
        .collect()
}

/// A learner kiosk in a room: the result says the facilitator has it, then the name dialog.
fn learner_snapshots(language: &str) {
    let server = open_room();
    let mut config = crate::config();
    config.room.join = Some(format!("http://{}", server.address()));
    config.room.code = Some(CODE.to_owned());
    let mut replayer = repere_kiosk::replay::Replayer::new(&content(), config, Some(language));
    let steps = steps_to_result(language);
    replayer.steps(&steps).unwrap();
    replayer.finish_sending_to_room();
    assert_eq!(replayer.app().room_state(), Some(LinkState::Sent), "the facilitator has it");
    replayer.harness_mut().snapshot_options(format!("{language}/room_result"), &snapshot_options());
    replayer
        .steps(&[
            repere_kiosk::replay::Step::ClickKey { key: "room.learner.give_name".into(), nth: None },
            repere_kiosk::replay::Step::Type("Amina".into()),
        ])
        .unwrap();
    assert_eq!(replayer.app().last_spoken(), ["room.learner.name.say"], "what to write is said");
    replayer.harness_mut().snapshot_options(format!("{language}/room_name"), &snapshot_options());
    replayer
        .steps(&[repere_kiosk::replay::Step::ClickKey { key: "room.learner.name_send".into(), nth: None }])
        .unwrap();
    replayer.finish_sending_to_room();
    assert_eq!(server.table().learners()[0].report.name.as_deref(), Some("Amina"), "named");
    server.close();
}

#[test]
fn snapshots_of_a_learner_in_a_room_fr() {
    learner_snapshots("fr");
}

#[test]
fn snapshots_of_a_learner_in_a_room_ar() {
    learner_snapshots("ar");
}

/// Steps `replayer` (real time: the check and the posts run on worker threads) until `done`.
fn step_until(replayer: &mut repere_kiosk::replay::Replayer, done: impl Fn(&repere_kiosk::KioskApp) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !done(replayer.app()) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        replayer.harness_mut().step();
    }
    assert!(done(replayer.app()), "not within 15 s");
}

fn digits(code: &str) -> Vec<repere_kiosk::replay::Step> {
    code.chars().map(|c| repere_kiosk::replay::Step::Click { label: c.to_string(), nth: None }).collect()
}

fn click_key(key: &str) -> repere_kiosk::replay::Step {
    repere_kiosk::replay::Step::ClickKey { key: key.to_owned(), nth: None }
}

fn code_dialog(app: &repere_kiosk::KioskApp) -> Option<repere_kiosk::screens::RoomCodeDialog> {
    match &app.ui_state().overlay {
        Some(repere_kiosk::screens::Overlay::RoomCode(dialog)) => Some(dialog.clone()),
        _ => None,
    }
}

/// A library's learner kiosk knows the facilitator's machine (`[room] join`) but not the day's
/// code: the learner types it on the attract screen. A wrong code and a silent facilitator are
/// said; the right one joins, and the result then reaches the facilitator's table.
#[test]
fn a_learner_types_the_room_code_on_the_attract_screen() {
    use repere_kiosk::screens::CodeCheck;
    let server = open_room();
    let mut config = crate::config();
    config.room.join = Some(format!("http://{}", server.address()));
    let mut replayer = repere_kiosk::replay::Replayer::new(&content(), config, None);
    assert_eq!(replayer.app().room_state(), None, "in no room yet");
    replayer.steps(&[click_key("room.learner.code_button")]).unwrap();
    assert_eq!(replayer.app().last_spoken(), ["room.learner.code.say"], "what to type is said");
    assert!(replayer.app().session().screen() == repere_engine::session::Screen::Attract, "no visit begun");
    replayer.steps(&digits("1234567")).unwrap();
    assert_eq!(code_dialog(replayer.app()).unwrap().digits, "123456", "six digits at most");
    replayer.steps(&[click_key("room.learner.code_join")]).unwrap();
    step_until(&mut replayer, |app| code_dialog(app).is_some_and(|d| d.check == CodeCheck::Wrong));
    assert_eq!(replayer.app().last_spoken(), ["room.learner.code_wrong.say"], "a wrong code is said");
    assert_eq!(replayer.app().room_state(), None, "a wrong code joins nothing");
    replayer.steps(&digits(CODE)).unwrap();
    replayer.steps(&[click_key("room.learner.code_join")]).unwrap();
    step_until(&mut replayer, |app| app.room_state().is_some());
    assert!(code_dialog(replayer.app()).is_none(), "the dialog closes once in the room");
    let joined = tr_with("fr", "room.learner.joined", &[("code", CODE)]);
    replayer.steps(&[repere_kiosk::replay::Step::Expect(joined)]).unwrap();

    // A visit now: its result goes to the room.
    let steps = steps_to_result("fr");
    replayer.steps(&steps).unwrap();
    replayer.finish_sending_to_room();
    assert_eq!(replayer.app().room_state(), Some(LinkState::Sent), "the facilitator has it");
    assert_eq!(server.table().learners().len(), 1, "on the facilitator's table");

    // The facilitator closes the room: the next result is not sent, and that is said.
    server.close();
    replayer.steps(&[click_key("result.finish")]).unwrap();
    step_until(&mut replayer, |app| app.session().screen() == repere_engine::session::Screen::Attract);
    replayer.steps(&[repere_kiosk::replay::Step::Wait(0.5)]).unwrap();
    replayer.steps(&steps).unwrap();
    replayer.finish_sending_to_room();
    assert_eq!(replayer.app().room_state(), Some(LinkState::Unreachable));
    assert!(
        replayer.app().last_spoken().contains(&"room.learner.not_sent.say".to_owned()),
        "a result that did not go is said: {:?}",
        replayer.app().last_spoken()
    );
}

/// The facilitator's machine does not answer: said, and the learner can try again.
#[test]
fn a_room_code_typed_while_the_facilitator_is_away_is_said_unreachable() {
    use repere_kiosk::screens::CodeCheck;
    let server = open_room();
    let address = server.address();
    server.close();
    let mut config = crate::config();
    config.room.join = Some(format!("http://{address}"));
    let mut replayer = repere_kiosk::replay::Replayer::new(&content(), config, None);
    replayer.steps(&[click_key("room.learner.code_button")]).unwrap();
    replayer.steps(&digits(CODE)).unwrap();
    replayer.steps(&[click_key("room.learner.code_join")]).unwrap();
    step_until(&mut replayer, |app| code_dialog(app).is_some_and(|d| d.check == CodeCheck::Unreachable));
    assert_eq!(replayer.app().last_spoken(), ["room.learner.code_unreachable.say"]);
    assert_eq!(code_dialog(replayer.app()).unwrap().digits, CODE, "the code stays, to try again");
    assert_eq!(replayer.app().room_state(), None);
    replayer.steps(&[click_key("room.learner.cancel")]).unwrap();
    assert!(code_dialog(replayer.app()).is_none(), "cancelled");
}

/// Without `[room] join` there is nothing to type: a walk-in kiosk shows no room button.
#[test]
fn a_walk_in_kiosk_has_no_room_button() {
    let mut replayer = repere_kiosk::replay::Replayer::new(&content(), crate::config(), None);
    assert!(replayer.steps(&[click_key("room.learner.code_button")]).is_err(), "no such button");
}

/// A kiosk on `config` with its staff menu open (Ctrl+Alt+O, the demo PIN).
fn staff_menu(config: Config) -> repere_kiosk::replay::Replayer {
    let mut replayer = repere_kiosk::replay::Replayer::new(&content(), config, None);
    let chord = repere_kiosk::replay::Step::Press {
        key: egui::Key::O,
        modifiers: egui::Modifiers { ctrl: true, alt: true, ..Default::default() },
    };
    replayer.steps(&[chord]).unwrap();
    replayer.steps(&digits("2580")).unwrap();
    replayer.steps(&[repere_kiosk::replay::Step::Click { label: "OK".into(), nth: None }]).unwrap();
    replayer
}

/// A kiosk's operator opens a room from the staff menu: the screen becomes the facilitator's,
/// learners' results arrive in it, and closing the room brings the attract screen back.
#[test]
fn the_operator_opens_a_room_on_the_kiosk_and_closes_it() {
    let mut config = crate::config();
    config.room.listen = "127.0.0.1:0".to_owned();
    let mut replayer = staff_menu(config);
    replayer.harness_mut().snapshot_options("fr/operator_menu", &snapshot_options());
    replayer.steps(&[click_key("operator.room_open")]).unwrap();
    let (address, code) = {
        let room = replayer.app().facilitator().expect("a room is open");
        let server = room.server().unwrap();
        (server.address().to_string(), server.table().code().to_owned())
    };
    post_report(&address, &code, &report("a", Some("Amina"), 2)).unwrap();
    replayer
        .steps(&[repere_kiosk::replay::Step::Wait(0.5), repere_kiosk::replay::Step::Expect("Amina".into())])
        .unwrap();
    let title = tr_with("fr", "room.title", &[("code", &code)]);
    replayer.steps(&[repere_kiosk::replay::Step::Expect(title)]).unwrap();
    replayer.steps(&[click_key("room.close")]).unwrap();
    assert!(replayer.app().facilitator().is_none(), "closed");
    assert_eq!(post_report(&address, &code, &report("b", None, 2)), Err(LinkState::Unreachable), "gone");
    replayer.steps(&[click_key("attract.touch")]).unwrap();
    assert_eq!(replayer.app().session().screen(), repere_engine::session::Screen::Language, "a kiosk again");
}

/// The room's port is taken: the operator menu says why, and the kiosk goes on.
#[test]
fn a_room_that_cannot_open_is_said_in_the_operator_menu() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut config = crate::config();
    config.room.listen = taken.local_addr().unwrap().to_string();
    let mut replayer = staff_menu(config);
    replayer.steps(&[click_key("operator.room_open")]).unwrap();
    assert!(replayer.app().facilitator().is_none(), "no room");
    let Some(repere_kiosk::screens::Overlay::Operator(panel)) = &replayer.app().ui_state().overlay else {
        panic!("the operator menu stays");
    };
    assert!(panel.room_problem.as_deref().is_some_and(|p| p.contains("cannot listen")), "{panel:?}");
}

/// The code dialog half typed, then the attract screen of a kiosk in the room.
fn room_code_snapshots(language: &str) {
    let server = open_room();
    let mut config = crate::config();
    config.room.join = Some(format!("http://{}", server.address()));
    let mut replayer = repere_kiosk::replay::Replayer::new(&content(), config, Some(language));
    replayer.steps(&[click_key("room.learner.code_button")]).unwrap();
    replayer.steps(&digits(&CODE[..4])).unwrap();
    replayer.harness_mut().snapshot_options(format!("{language}/room_code"), &snapshot_options());
    replayer.steps(&digits(&CODE[4..])).unwrap();
    replayer.steps(&[click_key("room.learner.code_join")]).unwrap();
    step_until(&mut replayer, |app| app.room_state().is_some());
    replayer.steps(&[repere_kiosk::replay::Step::Wait(0.5)]).unwrap();
    replayer.harness_mut().snapshot_options(format!("{language}/attract_in_room"), &snapshot_options());
    server.close();
}

#[test]
fn snapshots_of_the_room_code_fr() {
    room_code_snapshots("fr");
}

#[test]
fn snapshots_of_the_room_code_ar() {
    room_code_snapshots("ar");
}
