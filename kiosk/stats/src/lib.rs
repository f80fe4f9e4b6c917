//! Repère's anonymous visit statistics, off by default: the record a visit leaves
//! ([`record`]), the stores behind one trait with a versioned schema ([`store`]: SQLite for
//! one kiosk, PostgreSQL for a fleet), the thread that writes records without the visitor
//! ever waiting ([`recorder`]) and the aggregates of `kiosk stats` ([`report`]).
//!
//! ```
//! use repere_stats::record::VisitRecord;
//! use repere_stats::store::{SqliteStore, Store as _};
//!
//! let path = std::env::temp_dir().join(format!("repere-doc-{}.sqlite", std::process::id()));
//! let mut store = SqliteStore::open(&path)?;
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
//! let visits: Vec<VisitRecord> = (0..5).map(|_| VisitRecord::not_finished(day, "cognac-1", "fr")).collect();
//! store.add(&visits)?;
//! let report = repere_stats::report::report(&mut store)?;
//! assert_eq!(report.cells[0].week, "2026-W48");
//! assert_eq!(report.cells[0].counts.visits, 5);
//! # std::fs::remove_file(&path).ok();
//! # Ok::<(), repere_stats::store::StoreError>(())
//! ```

pub mod bench;
pub mod record;
pub mod recorder;
pub mod report;
pub mod store;

use std::time::Duration;

use repere_engine::statistics::StatisticsSettings;

pub use self::recorder::{Recorder, RecorderCounts, RecorderSettings, Today};

/// Seconds between two tries of an unreachable store, in the kiosk.
pub const RETRY_SECONDS: u64 = 30;

/// Starts recording to the configured store.
pub fn start_recorder(settings: &StatisticsSettings, today: Today) -> Recorder {
    let store_settings = settings.clone();
    Recorder::start(
        Box::new(move || store::open(&store_settings)),
        RecorderSettings {
            queue_size: settings.queue_size,
            retention_days: settings.retention_days,
            retry_every: Duration::from_secs(RETRY_SECONDS),
            today,
        },
    )
}
