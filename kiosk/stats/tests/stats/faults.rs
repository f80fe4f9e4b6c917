//! A kiosk recording while its PostgreSQL server stops and comes back: nothing is lost up
//! to the queue's size, what is dropped beyond it is counted in the store.

use std::time::Duration;

use chrono::NaiveDate;
use repere_stats::record::VisitRecord;
use repere_stats::report::report;
use repere_stats::store::{PostgresStore, SqliteStore, Store};
use repere_stats::{Recorder, RecorderSettings};

use super::support::{PrivateServer, temp_dir};

const MONDAY: fn() -> NaiveDate = || NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();

fn recorder(url: String, queue_size: usize) -> Recorder {
    Recorder::start(
        Box::new(move || Ok(Box::new(PostgresStore::connect(&url)?) as Box<dyn Store>)),
        RecorderSettings {
            queue_size,
            retention_days: 365,
            retry_every: Duration::from_millis(50),
            today: Box::new(MONDAY),
        },
    )
}

fn visits(language: &str, n: usize) -> Vec<VisitRecord> {
    (0..n).map(|_| VisitRecord::not_finished(MONDAY(), "cognac-1", language)).collect()
}

fn languages_stored(url: &str) -> Vec<(String, u64)> {
    let mut store = PostgresStore::connect(url).unwrap();
    let mut found = std::collections::BTreeMap::new();
    store
        .scan(&mut |v| *found.entry(String::from_utf8_lossy(v.language).into_owned()).or_default() += v.count)
        .unwrap();
    found.into_iter().collect()
}

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn nothing_is_lost_while_the_server_is_down_up_to_the_queue() {
    let Some(server) = PrivateServer::start("down") else {
        return;
    };
    let recorder = recorder(server.url(), 20);
    for visit in visits("fr", 5) {
        recorder.record(visit);
    }
    assert!(recorder.wait_until_written(WAIT), "{:?}", recorder.counts());
    server.stop();
    for visit in visits("ar", 20) {
        recorder.record(visit);
    }
    assert!(!recorder.wait_until_written(Duration::from_millis(300)), "the server is down");
    let counts = recorder.counts();
    assert_eq!((counts.queued, counts.dropped, counts.store_up), (20, 0, false), "{counts:?}");
    server.resume();
    assert!(recorder.wait_until_written(WAIT), "written when the server is back: {:?}", recorder.counts());
    assert_eq!(languages_stored(&server.url()), [("ar".to_owned(), 20), ("fr".to_owned(), 5)]);
    let counts = recorder.counts();
    assert_eq!((counts.written, counts.dropped, counts.store_up), (25, 0, true), "{counts:?}");
}

#[test]
fn beyond_the_queue_records_are_dropped_and_counted_in_the_store() {
    let Some(server) = PrivateServer::start("full") else {
        return;
    };
    let recorder = recorder(server.url(), 10);
    assert!(recorder.wait_until_written(WAIT), "the store opens");
    server.stop();
    for visit in visits("en", 17) {
        recorder.record(visit);
    }
    assert_eq!(recorder.counts().dropped, 7, "{:?}", recorder.counts());
    server.resume();
    assert!(recorder.wait_until_written(WAIT), "{:?}", recorder.counts());
    assert_eq!(languages_stored(&server.url()), [("en".to_owned(), 10)]);
    let mut store = PostgresStore::connect(&server.url()).unwrap();
    let report = report(&mut store).unwrap();
    assert_eq!(report.lost.len(), 1, "{:?}", report.lost);
    assert_eq!((report.lost[0].week.as_str(), report.lost[0].records), ("2026-W48", 7));
}

/// A SQLite file that cannot be written (its folder is missing: a disk unmounted) holds the
/// records in memory the same way, and they are written once it can be.
#[test]
fn a_sqlite_file_that_cannot_be_written_holds_records_in_memory() {
    let dir = temp_dir("unwritable");
    let path = dir.join("mounted-later/statistics.sqlite");
    let opened = path.clone();
    let recorder = Recorder::start(
        Box::new(move || Ok(Box::new(SqliteStore::open(&opened)?) as Box<dyn Store>)),
        RecorderSettings {
            queue_size: 100,
            retention_days: 365,
            retry_every: Duration::from_millis(50),
            today: Box::new(MONDAY),
        },
    );
    for visit in visits("fr", 8) {
        recorder.record(visit);
    }
    assert!(!recorder.wait_until_written(Duration::from_millis(300)), "no folder yet");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    assert!(recorder.wait_until_written(WAIT), "{:?}", recorder.counts());
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(report(&mut store).unwrap().cells[0].counts.visits, 8);
}
