//! The SQLite store: one file on the kiosk (WAL mode, so `kiosk stats` reads while the kiosk
//! writes).

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};

use super::migrations::{SCHEMA_VERSION, pending};
use super::{Lost, Store, StoreError, StoredOutcomeRef, StoredVisits};
use crate::record::VisitRecord;

/// A statistics file.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

const DAY_FORMAT: &str = "%Y-%m-%d";

impl SqliteStore {
    /// Opens the file (created if missing) and brings its schema to [`SCHEMA_VERSION`].
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_at(path, SCHEMA_VERSION)
    }

    /// Opens an existing file only (to read it); brings its schema up to date.
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        if !path.is_file() {
            return Err(StoreError(format!("no statistics file at {}", path.display())));
        }
        Self::open(path)
    }

    /// Opens the file with its schema brought to `version` only (to test upgrades).
    pub fn open_at(path: &Path, version: u32) -> Result<Self, StoreError> {
        // NO_MUTEX: the connection is used by one thread at a time (it is not `Sync`), and
        // SQLite's own locking would cost a mutex per column read.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|err| StoreError(format!("cannot open {}: {err}", path.display())))?;
        // Another process (kiosk stats) may hold the file a moment.
        conn.busy_timeout(Duration::from_secs(5))?;
        // WAL: readers do not block the writer; NORMAL: a power cut loses at most the last
        // transaction, never the file.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let mut store = Self { conn, path: path.to_path_buf() };
        store.migrate(version)?;
        Ok(store)
    }

    fn migrate(&mut self, target: u32) -> Result<(), StoreError> {
        // IMMEDIATE: two processes starting together migrate one after the other.
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version INTEGER PRIMARY KEY,
                 applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
             );",
        )?;
        let current: u32 =
            tx.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |row| row.get(0))?;
        for migration in pending(current, target) {
            tx.execute_batch(migration.sqlite).map_err(|err| {
                StoreError(format!(
                    "SQLite: schema version {} ({}): {err}",
                    migration.version, migration.what
                ))
            })?;
            tx.execute("INSERT INTO schema_migrations (version) VALUES (?1)", [migration.version])?;
            log::info!("statistics: {} at schema version {}", self.path.display(), migration.version);
        }
        if current > SCHEMA_VERSION {
            log::warn!(
                "statistics: {} is at schema version {current}, newer than this kiosk's {SCHEMA_VERSION}",
                self.path.display()
            );
        }
        tx.commit()?;
        Ok(())
    }
}

impl Store for SqliteStore {
    fn describe(&self) -> String {
        format!("SQLite {}", self.path.display())
    }

    fn schema_version(&mut self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |row| row.get(0))?)
    }

    fn add(&mut self, records: &[VisitRecord]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO visits (day, kiosk, language, level, modality, domains, help, help_without_place)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for record in records {
                let stored = record.outcome.as_ref().map(crate::record::Outcome::stored);
                let stored = stored.as_ref();
                insert.execute(params![
                    record.day.format(DAY_FORMAT).to_string(),
                    record.kiosk,
                    record.language,
                    stored.map(|s| &s.level),
                    stored.map(|s| &s.modality),
                    stored.map(|s| &s.domains),
                    stored.map(|s| &s.help),
                    stored.map(|s| &s.help_without_place),
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn add_lost(&mut self, lost: &[Lost]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for one in lost {
            tx.execute(
                "INSERT INTO lost_records (day, kiosk, records) VALUES (?1, ?2, ?3)
                 ON CONFLICT (day, kiosk) DO UPDATE SET records = lost_records.records + excluded.records",
                params![
                    one.day.format(DAY_FORMAT).to_string(),
                    one.kiosk,
                    i64::try_from(one.records).unwrap_or(i64::MAX)
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn purge_before(&mut self, day: NaiveDate) -> Result<u64, StoreError> {
        let day = day.format(DAY_FORMAT).to_string();
        let tx = self.conn.transaction()?;
        let visits = tx.execute("DELETE FROM visits WHERE day < ?1", [&day])?;
        tx.execute("DELETE FROM lost_records WHERE day < ?1", [&day])?;
        tx.commit()?;
        Ok(visits as u64)
    }

    fn scan(&mut self, each: &mut dyn FnMut(StoredVisits<'_>)) -> Result<(), StoreError> {
        // Row by row in file order (about the order of days): no sort, no temporary table.
        let mut select = self.conn.prepare(
            "SELECT day, kiosk, language, level, modality, domains, help, help_without_place FROM visits",
        )?;
        let mut rows = select.query([])?;
        let mut last_day: (Vec<u8>, Option<NaiveDate>) = (Vec::new(), None);
        while let Some(row) = rows.next()? {
            let Ok(day_text) = row.get_ref(0)?.as_bytes() else {
                continue;
            };
            if day_text != last_day.0.as_slice() {
                let parsed = std::str::from_utf8(day_text)
                    .ok()
                    .and_then(|text| NaiveDate::parse_from_str(text, DAY_FORMAT).ok());
                last_day = (day_text.to_vec(), parsed);
            }
            let Some(day) = last_day.1 else {
                continue;
            };
            let text = |i: usize| row.get_ref(i).ok().and_then(|v| v.as_bytes_or_null().ok().flatten());
            let outcome = StoredOutcomeRef::from_columns(text);
            each(StoredVisits {
                day,
                kiosk: text(1).unwrap_or_default(),
                language: text(2).unwrap_or_default(),
                outcome,
                count: 1,
            });
        }
        Ok(())
    }

    fn lost(&mut self) -> Result<Vec<Lost>, StoreError> {
        let mut select =
            self.conn.prepare("SELECT day, kiosk, records FROM lost_records ORDER BY day, kiosk")?;
        let rows = select.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, i64>(2)?))
        })?;
        let mut lost = Vec::new();
        for row in rows {
            let (day, kiosk, records) = row?;
            if let Ok(day) = NaiveDate::parse_from_str(&day, DAY_FORMAT) {
                lost.push(Lost { day, kiosk, records: records.max(0) as u64 });
            }
        }
        Ok(lost)
    }
}
