//! `kiosk bench`: the benchmarks, one JSON object per line (CONTRACTS.md). Speed is measured
//! here, on release builds, never by timed tests.

use std::io::Write as _;
use std::time::Instant;

use repere_engine::content::Content;
use repere_engine::orientation::{KioskClock, Orientation, Territory};
use repere_engine::places::{Directory, LatLon, bench::synthetic_export};
use repere_engine::profile::VisitorProfile;

/// Runs of each measure; the median is reported.
const RUNS: usize = 7;

fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn line(name: &str, value: f64, unit: &str) {
    let mut stdout = std::io::stdout().lock();
    let json = serde_json::json!({"name": name, "value": (value * 100.0).round() / 100.0, "unit": unit});
    writeln!(stdout, "{json}").ok();
}

/// Runs every benchmark; exit code 0.
pub fn run() -> i32 {
    let export = synthetic_export(10_000);
    line("places_import_10000", median_ms(|| drop(Directory::import("bench.json", &export))), "ms");
    line("content_load_builtin", median_ms(|| drop(Content::builtin())), "ms");
    if let Some(ms) = orientation_ms(&export) {
        line("orientation_10000", ms, "ms");
    }
    match slip_ms() {
        Ok((pdf, escpos)) => {
            line("slip_pdf_a4", pdf, "ms");
            line("slip_escpos", escpos, "ms");
        }
        Err(error) => log::error!("slip benchmarks: {error}"),
    }
    match room_update_ms(30) {
        Ok(ms) => line("room_30_learners_update", ms, "ms"),
        Err(error) => log::error!("room_30_learners_update: {error}"),
    }
    match stats_aggregate_ms(1_000_000) {
        Ok(ms) => line("stats_aggregate_1000000", ms, "ms"),
        Err(error) => log::error!("stats_aggregate_1000000: {error}"),
    }
    0
}

/// An Arabic visitor's slip (both halves, three places with codes) made into an A4 PDF, and
/// into ESC/POS raster bytes. Each run changes the site so typst cannot reuse the last one.
fn slip_ms() -> Result<(f64, f64), String> {
    use repere_engine::config::Config;
    use repere_engine::slip::{Slip, SlipFormat};
    let problems =
        |p: Vec<repere_engine::problem::Problem>| format!("{} problems, first: {:?}", p.len(), p.first());
    let content = Content::builtin().map_err(problems)?;
    let config = Config { now: Some("2026-11-23T10:00:00+01:00".to_owned()), ..Config::default() };
    let territory = Territory::load(&config, &content).map_err(problems)?;
    let profile = VisitorProfile::from_json(
        r#"{"language": "ar", "answers": {"devices": ["smartphone"], "procedures_alone": "never",
            "french_reading": "hard"}, "domains": {"mouse": 0.8, "keyboard": 0.3}}"#,
        &[],
    )?;
    let result = Orientation::new(&content, &territory).simulate(&profile);
    let typesetter = repere_print::SlipTypesetter::new(&repere_print::fonts::ALL);
    let date = territory.clock.now().date();
    let mut run = 0;
    let mut slip = || {
        run += 1;
        let config = Config { site_name: format!("Médiathèque {run}"), ..config.clone() };
        Slip::new(&result, &content, &config, date)
    };
    // Fonts and typst's library are warm in a running kiosk.
    typesetter.render(&slip(), SlipFormat::PdfA4).map_err(|e| e.to_string())?;
    let pdf = median_ms(|| drop(typesetter.render(&slip(), SlipFormat::PdfA4)));
    let escpos = median_ms(|| drop(typesetter.render(&slip(), SlipFormat::Escpos)));
    Ok((pdf, escpos))
}

/// A room of `learners` over loopback: each learner's result is posted over HTTP as a
/// learner kiosk does, and the time until the facilitator's table holds it (and its groups
/// are proposed again) is measured. The slowest of the room is reported.
fn room_update_ms(learners: usize) -> Result<f64, String> {
    use repere_engine::room::{LearnerReport, RoomTable};
    let content = Content::builtin().map_err(|_| "the built-in content has problems".to_owned())?;
    let table = RoomTable::new("482913", chrono::Local::now().date_naive());
    let server = crate::room::RoomServer::open("127.0.0.1:0", table, Box::new(|| {}))?;
    let address = server.address().to_string();
    let mut slowest: f64 = 0.0;
    for learner in 0..learners {
        let domains: Vec<String> = ["mouse", "keyboard", "internet", "search", "email", "procedure"]
            .iter()
            .enumerate()
            .map(|(d, id)| format!("\"{id}\": {}", ((learner * 7 + d * 3) % 11) as f64 / 10.0))
            .collect();
        let profile = VisitorProfile::from_json(
            &format!(r#"{{"language": "fr", "domains": {{{}}}}}"#, domains.join(", ")),
            &[],
        )?;
        let result = repere_engine::result::simulate(&profile, &content.scoring);
        let report = LearnerReport::new(
            &format!("learner-{learner}"),
            Some(&format!("Learner {learner}")),
            &result,
            900,
        );
        let start = Instant::now();
        crate::room::link::post_report(&address, "482913", &report).map_err(|state| format!("{state:?}"))?;
        while server.table().learner(&report.learner).is_none() {
            std::thread::yield_now();
        }
        slowest = slowest.max(start.elapsed().as_secs_f64() * 1000.0);
    }
    let placed: usize = server.table().groups().iter().map(Vec::len).sum();
    server.close();
    if placed == learners { Ok(slowest) } else { Err(format!("{placed} of {learners} learners placed")) }
}

/// `kiosk stats` on a SQLite file of `count` visits (20 kiosks, 3 languages, a year): open
/// the file, read every visit, make the cells, write the CSV.
fn stats_aggregate_ms(count: usize) -> Result<f64, repere_stats::store::StoreError> {
    use repere_stats::store::{SqliteStore, Store as _};
    let dir = std::env::temp_dir().join(format!("repere-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| repere_stats::store::StoreError(e.to_string()))?;
    let path = dir.join("statistics.sqlite");
    let measured = (|| {
        let mut store = SqliteStore::open(&path)?;
        let mut visits = repere_stats::bench::synthetic_visits(count, 20);
        loop {
            let batch: Vec<_> = visits.by_ref().take(10_000).collect();
            if batch.is_empty() {
                break;
            }
            store.add(&batch)?;
        }
        drop(store);
        let mut failed = None;
        let ms = median_ms(|| {
            let csv = SqliteStore::open_existing(&path)
                .and_then(|mut store| repere_stats::report::report(&mut store))
                .map(|report| report.to_csv());
            if let Err(error) = csv {
                failed = Some(error);
            }
        });
        failed.map_or(Ok(ms), Err)
    })();
    std::fs::remove_dir_all(&dir).ok();
    measured
}

/// One visitor oriented against 10 000 places: the heaviest profile (a procedure due today,
/// an access need, several kinds of help), in the middle of the places.
fn orientation_ms(export: &[u8]) -> Option<f64> {
    let content = Content::builtin().ok()?;
    let (directory, _) = Directory::import("bench.json", export);
    let clock = KioskClock::new("Europe/Paris", Some("2026-11-23T10:00:00+01:00")).ok()?;
    let territory = Territory::new(directory, LatLon { lat: 45.65, lon: 0.15 }, clock);
    let profile = VisitorProfile::from_json(
        r#"{"language": "ar", "answers": {"urgent_procedure": true, "devices": ["none"],
            "procedures_alone": "never", "obstacles": ["fear", "equipment"], "french_reading": "hard",
            "access_needs": ["wheelchair", "reading"]}, "domains": {"mouse": 0.2}}"#,
        &[],
    )
    .ok()?;
    let orientation = Orientation::new(&content, &territory);
    Some(median_ms(|| drop(orientation.simulate(&profile))))
}
