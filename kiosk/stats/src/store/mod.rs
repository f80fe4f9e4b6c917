//! The statistics store: one trait, two back ends (a SQLite file for one kiosk, a PostgreSQL
//! server for a fleet), the same versioned schema.

mod migrations;
mod postgres;
mod sqlite;

use std::fmt;

use chrono::NaiveDate;
use repere_engine::statistics::{StatisticsSettings, StatsBackend};

pub use self::migrations::{MIGRATIONS, Migration, SCHEMA_VERSION};
pub use self::postgres::PostgresStore;
pub use self::sqlite::SqliteStore;
use crate::record::VisitRecord;

/// Why the store could not do something: unreachable, disk full, refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        Self(format!("SQLite: {err}"))
    }
}

impl From<::postgres::Error> for StoreError {
    fn from(err: ::postgres::Error) -> Self {
        // The server's own message (a refused role, a full disk) says more than the kind.
        match err.as_db_error() {
            Some(db) => Self(format!("PostgreSQL: {}: {}", db.severity(), db.message())),
            None => Self(format!("PostgreSQL: {err}")),
        }
    }
}

/// Stored visits read back for the aggregates: `count` identical visits (a back end may
/// group them, or give each visit alone). Texts are the stored bytes (UTF-8), unchecked:
/// checking each row's would be a tenth of the time of `kiosk stats`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredVisits<'a> {
    /// Day of the visits.
    pub day: NaiveDate,
    /// Kiosk id.
    pub kiosk: &'a [u8],
    /// Language.
    pub language: &'a [u8],
    /// `None` for visits that ended before their result.
    pub outcome: Option<StoredOutcomeRef<'a>>,
    /// How many visits.
    pub count: u64,
}

/// The outcome columns as stored (see [`crate::record::StoredOutcome`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredOutcomeRef<'a> {
    /// Level id.
    pub level: &'a [u8],
    /// Modality.
    pub modality: &'a [u8],
    /// One letter per domain.
    pub domains: &'a [u8],
    /// Comma-separated kinds.
    pub help: &'a [u8],
    /// Comma-separated kinds.
    pub help_without_place: &'a [u8],
}

impl<'a> StoredOutcomeRef<'a> {
    /// The outcome of a row read as `day, kiosk, language, level, modality, domains, help,
    /// help_without_place` (`column(i)`: the bytes of column `i`, `None` when NULL); `None`
    /// for a visit with no result (no level).
    pub fn from_columns(column: impl Fn(usize) -> Option<&'a [u8]>) -> Option<Self> {
        column(3).map(|level| Self {
            level,
            modality: column(4).unwrap_or_default(),
            domains: column(5).unwrap_or_default(),
            help: column(6).unwrap_or_default(),
            help_without_place: column(7).unwrap_or_default(),
        })
    }
}

/// Records lost on one day at one kiosk: dropped while the store was unreachable and the
/// queue full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lost {
    /// Day the records were dropped.
    pub day: NaiveDate,
    /// Kiosk id.
    pub kiosk: String,
    /// How many.
    pub records: u64,
}

/// A statistics store. Every method is one transaction: all or nothing.
pub trait Store: Send {
    /// What and where, for the log (never a password).
    fn describe(&self) -> String;

    /// The schema version the store is at.
    fn schema_version(&mut self) -> Result<u32, StoreError>;

    /// Adds visits.
    fn add(&mut self, records: &[VisitRecord]) -> Result<(), StoreError>;

    /// Adds to the counts of lost records.
    fn add_lost(&mut self, lost: &[Lost]) -> Result<(), StoreError>;

    /// Deletes visits and lost counts of days before `day`; returns the visits deleted.
    fn purge_before(&mut self, day: NaiveDate) -> Result<u64, StoreError>;

    /// Calls `each` on every stored visit (or group of identical visits).
    fn scan(&mut self, each: &mut dyn FnMut(StoredVisits<'_>)) -> Result<(), StoreError>;

    /// The counts of lost records.
    fn lost(&mut self) -> Result<Vec<Lost>, StoreError>;
}

/// Opens the configured store for writing (the kiosk): creates the SQLite file if needed and
/// brings the schema to [`SCHEMA_VERSION`].
pub fn open(settings: &StatisticsSettings) -> Result<Box<dyn Store>, StoreError> {
    match settings.store {
        StatsBackend::Sqlite => Ok(Box::new(SqliteStore::open(&settings.path)?)),
        StatsBackend::Postgresql => Ok(Box::new(PostgresStore::connect(postgres_url(settings)?)?)),
    }
}

/// Opens the configured store to read it (`kiosk stats`): a SQLite file must exist already.
pub fn open_existing(settings: &StatisticsSettings) -> Result<Box<dyn Store>, StoreError> {
    match settings.store {
        StatsBackend::Sqlite => Ok(Box::new(SqliteStore::open_existing(&settings.path)?)),
        StatsBackend::Postgresql => open(settings),
    }
}

fn postgres_url(settings: &StatisticsSettings) -> Result<&str, StoreError> {
    settings.url.as_deref().ok_or_else(|| StoreError("statistics.url is not set".to_owned()))
}
