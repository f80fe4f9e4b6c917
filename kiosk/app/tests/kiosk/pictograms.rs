//! The kiosk's own pictograms (their sheet for deployers, the questions that show them) and
//! the pointer of "Show me", which rings the task's target for a few seconds.

use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotResults};
use repere_engine::content::pictogram::PICTOGRAMS;
use repere_engine::session::Screen;
use repere_kiosk::exercises::{POINTER_SECONDS, pointed};
use repere_kiosk::i18n::tr;
use repere_kiosk::replay::{Replayer, Step};
use repere_kiosk::testing::snapshot_options;
use repere_kiosk::theme::{DisplayModes, Look, TextKind};
use repere_kiosk::widgets::pictogram;
use repere_kiosk::widgets::text_line;

use super::tasks::{at_task_in, key, with_task};
use super::{config, content};

/// Side of a pictogram on the sheet: the size the brief asks them to read well at.
const SIDE: f32 = 64.0;

/// Draws every pictogram with its name, on the normal and the high-contrast colours.
fn sheet(ui: &mut egui::Ui) {
    for high_contrast in [false, true] {
        let look = Look::new(false, DisplayModes { high_contrast, ..DisplayModes::default() });
        egui::Frame::new().fill(look.palette.surface).inner_margin(12).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                for name in PICTOGRAMS {
                    ui.allocate_ui(egui::vec2(150.0, SIDE + 40.0), |ui| {
                        ui.vertical_centered(|ui| {
                            let (rect, _) =
                                ui.allocate_exact_size(egui::Vec2::splat(SIDE), egui::Sense::hover());
                            assert!(pictogram::paint(ui.painter(), rect, name, look.palette.text), "{name}");
                            text_line(ui, &look, name, TextKind::Small);
                        });
                    });
                }
            });
        });
    }
}

/// `kiosk/docs/pictograms.png`, the sheet a deployer picks names from; regenerated with
/// `UPDATE_SNAPSHOTS=1` like the other snapshots, so that it stays true.
#[test]
fn the_pictogram_sheet_shows_every_name() {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 540.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(repere_kiosk::fonts::install)
        .build_ui(sheet);
    harness.run();
    harness.snapshot_options("pictograms", &snapshot_options().output_path(docs));
}

/// A kiosk on the question `id` in `language`, the questions before it skipped (or answered
/// so that it is asked).
fn at_question(language: &str, id: &str) -> Replayer {
    let content = content();
    let mut replayer = Replayer::new(&content, config(), Some(language));
    let name = content.language(language).unwrap().name.clone();
    replayer.steps(&[key("attract.touch"), Step::Click { label: name, nth: None }]).unwrap();
    replayer.steps(&[key("welcome.start"), key("common.no")]).unwrap();
    while let Screen::Question(index) = replayer.app().session().screen() {
        let question = &content.questions[index];
        if question.id == id {
            return replayer;
        }
        // The obstacles are asked of those who do not do their procedures alone.
        let step = if question.id == "procedures_alone" {
            key("question.procedures_alone.sometimes")
        } else {
            key("common.skip")
        };
        replayer.steps(&[step]).unwrap();
    }
    panic!("{language}: question {id} is not asked");
}

/// The questions whose answers are drawn by the kiosk, as `<language>/pictograms_<question>`.
#[test]
fn questions_show_the_kiosks_own_pictograms() {
    let mut results = SnapshotResults::new();
    let shots = [
        ("fr", "devices"),
        ("fr", "procedures_alone"),
        ("fr", "obstacles"),
        ("fr", "french_reading"),
        ("fr", "goals"),
        ("ar", "french_reading"),
        ("ar", "goals"),
    ];
    for (language, id) in shots {
        let mut replayer = at_question(language, id);
        let harness = replayer.harness_mut();
        harness.snapshot_options(format!("{language}/pictograms_{id}"), &snapshot_options());
        results.extend_harness(harness);
    }
}

/// For each kind of target, the task and the label of the widget "Show me" must ring (the
/// scroll-find item is hidden at first: the list to scroll is ringed).
const POINTED: [(&str, &str); 10] = [
    ("mouse.click_big", "task.mouse.click_big.target"),
    ("mouse.double_click", "task.mouse.double_click.target"),
    ("mouse.drag_drop", "task.mouse.drag_drop.item"),
    ("mouse.scroll_find", "task.mouse.scroll_find.list"),
    ("keyboard.word", "task.keyboard.word.field"),
    ("internet.address", "browser.address"),
    ("internet.link", "site.mairie.home.link_hours"),
    ("internet.back", "browser.back"),
    ("internet.banner", "browser.banner.refuse"),
    ("search.query", "browser.search"),
];

#[test]
fn show_me_rings_the_target_then_lets_the_screen_rest() {
    let content = content();
    for language in ["fr", "ar"] {
        for (task, label_key) in POINTED {
            let only = with_task(&content, task);
            let mut replayer = at_task_in(&only, language);
            let label = tr(language, label_key);
            assert_eq!(pointed(&replayer.harness().ctx), None, "{language} {task}: nothing pointed before");
            replayer.steps(&[key("task.show_me")]).unwrap();
            let harness = replayer.harness();
            let ring = pointed(&harness.ctx).unwrap_or_else(|| panic!("{language} {task}: no pointer"));
            let target = harness.get_by_label(&label).rect();
            // The banner's ring holds its buttons; the others ring the target itself.
            let fits = if task == "internet.banner" {
                ring.contains_rect(target)
            } else {
                ring.distance_to_pos(target.center()) == 0.0 && (ring.size() - target.size()).length() < 2.0
            };
            assert!(fits, "{language} {task}: {ring:?} does not ring {label:?} at {target:?}");
            replayer.steps(&[Step::Wait(POINTER_SECONDS + 0.2)]).unwrap();
            assert_eq!(pointed(&replayer.harness().ctx), None, "{language} {task}: the pointer goes");
            assert!(replayer.app().ui_state().hint_shown, "{language} {task}: the hint stays in the caption");
        }
    }
}

/// `<language>/task_show_me_pointer`: the link pointed at on the browser's page.
#[test]
fn show_me_pointer_snapshot() {
    let content = content();
    let mut results = SnapshotResults::new();
    for language in ["fr", "ar"] {
        let mut replayer = at_task_in(&with_task(&content, "internet.link"), language);
        replayer.steps(&[key("task.show_me")]).unwrap();
        let harness = replayer.harness_mut();
        harness.snapshot_options(format!("{language}/task_show_me_pointer"), &snapshot_options());
        results.extend_harness(harness);
    }
}

/// `kiosk check` names the file and the line of a picture that is neither a pictogram the
/// kiosk draws nor an emoji.
#[test]
fn check_refuses_an_unknown_pictogram_name_at_its_line() {
    let dir = super::temp_dir("pictogram-name");
    std::fs::create_dir_all(dir.join("scenarios/questions")).unwrap();
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/questions/02-devices.toml");
    let question = std::fs::read_to_string(shipped).unwrap();
    assert!(question.contains("picture = \"tablet\""), "the shipped question names its pictograms");
    let line = question.lines().position(|l| l == "picture = \"tablet\"").unwrap() + 1;
    let wrong = question.replace("picture = \"tablet\"", "picture = \"tablete\"");
    std::fs::write(dir.join("scenarios/questions/02-devices.toml"), wrong).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["check", "--content", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let expected = format!("02-devices.toml:{line}: unknown pictogram \"tablete\"");
    assert!(stderr.contains(&expected), "{expected} not in {stderr}");
}
