//! Statistics through the real UI: a visit leaves one anonymous record when it ends (goodbye
//! over, or idle), and nothing of the visit waits on the store.

use std::time::Duration;

use repere_engine::scoring::DomainStatus;
use repere_kiosk::replay::{Replayer, Step, parse_script};
use repere_stats::record::VisitRecord;
use repere_stats::store::{SqliteStore, Store};
use repere_stats::{Recorder, RecorderSettings};

use super::{config, content, temp_dir};

/// A recorder writing to `path` (its folder may not exist: the store is then unreachable).
fn recorder(path: &std::path::Path) -> Recorder {
    let path = path.to_path_buf();
    Recorder::start(
        Box::new(move || Ok(Box::new(SqliteStore::open(&path)?) as Box<dyn Store>)),
        RecorderSettings {
            queue_size: 10,
            retention_days: 365,
            retry_every: Duration::from_millis(50),
            today: Box::new(|| chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
        },
    )
}

/// Steps of a replay script.
fn steps(json: &str) -> Vec<Step> {
    parse_script(&format!(r#"{{"steps": {json}}}"#)).unwrap().steps
}

/// Runs a replay script of the folder, then `more` steps, with statistics on.
fn visit(script: &str, more: &str, statistics: &std::path::Path) -> Replayer {
    let path = format!("{}/tests/replays/{script}.json", env!("CARGO_MANIFEST_DIR"));
    let script = parse_script(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut replayer = Replayer::new(&content(), config(), script.language.as_deref());
    replayer.harness_mut().state_mut().record_statistics(recorder(statistics));
    replayer.steps(&script.steps).unwrap();
    replayer.steps(&steps(more)).unwrap();
    replayer
}

fn stored(path: &std::path::Path) -> Vec<VisitRecord> {
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
    let kinds = |bytes: &[u8]| text(bytes).split(',').filter(|h| !h.is_empty()).map(str::to_owned).collect();
    let mut store = SqliteStore::open(path).unwrap();
    let mut found = Vec::new();
    store
        .scan(&mut |v| {
            let outcome = v.outcome.map(|o| repere_stats::record::Outcome {
                level: text(o.level),
                modality: text(o.modality),
                domains: [DomainStatus::NotReached; 6],
                help: kinds(o.help),
                help_without_place: kinds(o.help_without_place),
            });
            found.push(VisitRecord { day: v.day, kiosk: text(v.kiosk), language: text(v.language), outcome });
        })
        .unwrap();
    found
}

#[test]
fn a_finished_visit_leaves_its_result_in_the_statistics_when_it_ends() {
    let path = temp_dir("stats-finished").join("statistics.sqlite");
    let mut replayer = visit("fr-happy-path", "[]", &path);
    let counts = replayer.app().statistics().unwrap().counts();
    assert_eq!((counts.queued, counts.written), (0, 0), "nothing while the result is on show");
    replayer
        .steps(&steps(r#"[{"click_key": "result.finish"}, {"expect_key": "goodbye.title"}, {"wait": 11}]"#))
        .unwrap();
    assert!(replayer.app().statistics().unwrap().wait_until_written(Duration::from_secs(20)), "written");
    let result = replayer.outcome().unwrap();
    let records = stored(&path);
    assert_eq!(records.len(), 1, "one visit, one record: {records:?}");
    let record = &records[0];
    assert_eq!(
        (record.day.to_string().as_str(), record.kiosk.as_str(), record.language.as_str()),
        ("2026-11-23", "demo", "fr")
    );
    let outcome = record.outcome.as_ref().unwrap();
    assert_eq!(
        (outcome.level.as_str(), outcome.modality.as_str()),
        (result.level.id.as_str(), result.modality.as_str())
    );
    let mut kinds: Vec<String> = result.recommendations.iter().map(|r| r.kind.clone()).collect();
    kinds.dedup();
    assert_eq!(outcome.help, kinds, "the kinds of help, each once");
    assert!(!outcome.help.is_empty(), "the demo territory recommends something");
}

#[test]
fn a_visit_stopped_before_its_result_is_recorded_as_not_finished() {
    let path = temp_dir("stats-stopped").join("statistics.sqlite");
    let replayer = visit("fr-stop-midway", r#"[{"wait": 11}]"#, &path);
    assert!(replayer.app().statistics().unwrap().wait_until_written(Duration::from_secs(20)), "written");
    let records = stored(&path);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!((records[0].language.as_str(), &records[0].outcome), ("fr", &None), "its language only");
}

#[test]
fn a_visit_left_idle_is_recorded_once_it_is_wiped() {
    let path = temp_dir("stats-idle").join("statistics.sqlite");
    let replayer = visit("fr-idle-wipe", r#"[{"wait": 1}]"#, &path);
    assert!(replayer.app().statistics().unwrap().wait_until_written(Duration::from_secs(20)), "written");
    assert_eq!(stored(&path).len(), 1, "the wipe ends the visit");
}

#[test]
fn touching_the_attract_screen_only_is_not_a_visit() {
    let path = temp_dir("stats-passer-by").join("statistics.sqlite");
    let replayer = visit(
        "fr-stop-midway",
        r#"[{"wait": 11}, {"click_key": "attract.touch"}, {"expect": "Français"}, {"wait": 125},
            {"expect_key": "attract.touch"}]"#,
        &path,
    );
    assert!(replayer.app().statistics().unwrap().wait_until_written(Duration::from_secs(20)), "written");
    assert_eq!(stored(&path).len(), 1, "the stopped visit only, not the passer-by on the language screen");
}

/// The store unreachable all along: the visit goes to its end as usual, its record waits in
/// memory.
#[test]
fn the_visit_goes_on_when_the_store_is_unreachable() {
    let path = temp_dir("stats-down").join("no-such-folder/statistics.sqlite");
    let replayer = visit(
        "fr-happy-path",
        r#"[{"click_key": "result.finish"}, {"expect_key": "goodbye.title"}, {"wait": 11}, {"expect_key": "attract.touch"}]"#,
        &path,
    );
    let counts = replayer.app().statistics().unwrap().counts();
    assert_eq!((counts.queued, counts.written, counts.dropped), (1, 0, 0), "{counts:?}");
}
