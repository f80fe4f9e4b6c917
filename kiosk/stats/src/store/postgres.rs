//! The PostgreSQL store, for a fleet of kiosks writing to one server (synchronous client,
//! no TLS: a private network, or a tunnel).

use std::str::FromStr as _;
use std::time::Duration;

use chrono::NaiveDate;
use postgres::fallible_iterator::FallibleIterator as _;
use postgres::{Client, Config, NoTls};

use super::migrations::{SCHEMA_VERSION, pending};
use super::{Lost, Store, StoreError, StoredOutcomeRef, StoredVisits};
use crate::record::VisitRecord;

/// A statistics database on a PostgreSQL server.
pub struct PostgresStore {
    client: Client,
    shown: String,
}

/// Key of the advisory lock that serialises migrations when a fleet starts together.
const MIGRATION_LOCK: i64 = 0x7265_7065_7265; // "repere"

impl PostgresStore {
    /// Connects (`postgresql://user:password@host/db` or `host=… user=… dbname=…`) and brings
    /// the schema to [`SCHEMA_VERSION`].
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_at(url, SCHEMA_VERSION)
    }

    /// Connects with the schema brought to `version` only (to test upgrades).
    pub fn connect_at(url: &str, version: u32) -> Result<Self, StoreError> {
        let mut config = Config::from_str(url)
            .map_err(|err| StoreError(format!("statistics.url is not a PostgreSQL connection: {err}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        config.application_name("repere-kiosk");
        let shown = describe(&config);
        let client = config.connect(NoTls).map_err(|err| StoreError(format!("{shown}: {err}")))?;
        let mut store = Self { client, shown };
        store.migrate(version)?;
        Ok(store)
    }

    fn migrate(&mut self, target: u32) -> Result<(), StoreError> {
        let mut tx = self.client.transaction()?;
        // Kiosks of a fleet starting together migrate one after the other.
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version INTEGER PRIMARY KEY,
                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
             );",
        )?;
        let current: i32 =
            tx.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[])?.get(0);
        let current = u32::try_from(current).unwrap_or_default();
        for migration in pending(current, target) {
            tx.batch_execute(migration.postgres).map_err(|err| {
                let err = StoreError::from(err);
                StoreError(format!("schema version {} ({}): {err}", migration.version, migration.what))
            })?;
            let version = i32::try_from(migration.version).unwrap_or(i32::MAX);
            tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&version])?;
            log::info!("statistics: {} at schema version {}", self.shown, migration.version);
        }
        if current > SCHEMA_VERSION {
            log::warn!(
                "statistics: {} is at schema version {current}, newer than this kiosk's {SCHEMA_VERSION}",
                self.shown
            );
        }
        tx.commit()?;
        Ok(())
    }
}

/// Database, host and user, never the password.
fn describe(config: &Config) -> String {
    let host = config.get_hosts().first().map_or_else(String::new, |host| match host {
        postgres::config::Host::Tcp(name) => name.clone(),
        postgres::config::Host::Unix(path) => path.display().to_string(),
    });
    format!(
        "PostgreSQL database {} on {host} as {}",
        config.get_dbname().unwrap_or("(default)"),
        config.get_user().unwrap_or("(default user)")
    )
}

impl Store for PostgresStore {
    fn describe(&self) -> String {
        self.shown.clone()
    }

    fn schema_version(&mut self) -> Result<u32, StoreError> {
        let version: i32 =
            self.client.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[])?.get(0);
        Ok(u32::try_from(version).unwrap_or_default())
    }

    fn add(&mut self, records: &[VisitRecord]) -> Result<(), StoreError> {
        // One statement for the whole batch: one round trip to the server.
        let stored: Vec<_> =
            records.iter().map(|r| r.outcome.as_ref().map(crate::record::Outcome::stored)).collect();
        let days: Vec<NaiveDate> = records.iter().map(|r| r.day).collect();
        let kiosks: Vec<&str> = records.iter().map(|r| r.kiosk.as_str()).collect();
        let languages: Vec<&str> = records.iter().map(|r| r.language.as_str()).collect();
        let column = |field: fn(&crate::record::StoredOutcome) -> &str| -> Vec<Option<&str>> {
            stored.iter().map(|s| s.as_ref().map(field)).collect()
        };
        let levels = column(|s| &s.level);
        let modalities = column(|s| &s.modality);
        let domains = column(|s| &s.domains);
        let help = column(|s| &s.help);
        let without = column(|s| &s.help_without_place);
        self.client.execute(
            "INSERT INTO visits (day, kiosk, language, level, modality, domains, help, help_without_place)
             SELECT * FROM UNNEST($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                  $7::text[], $8::text[])",
            &[&days, &kiosks, &languages, &levels, &modalities, &domains, &help, &without],
        )?;
        Ok(())
    }

    fn add_lost(&mut self, lost: &[Lost]) -> Result<(), StoreError> {
        let mut tx = self.client.transaction()?;
        for one in lost {
            let records = i64::try_from(one.records).unwrap_or(i64::MAX);
            tx.execute(
                "INSERT INTO lost_records (day, kiosk, records) VALUES ($1, $2, $3)
                 ON CONFLICT (day, kiosk) DO UPDATE SET records = lost_records.records + excluded.records",
                &[&one.day, &one.kiosk, &records],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn purge_before(&mut self, day: NaiveDate) -> Result<u64, StoreError> {
        let mut tx = self.client.transaction()?;
        let visits = tx.execute("DELETE FROM visits WHERE day < $1", &[&day])?;
        tx.execute("DELETE FROM lost_records WHERE day < $1", &[&day])?;
        tx.commit()?;
        Ok(visits)
    }

    fn scan(&mut self, each: &mut dyn FnMut(StoredVisits<'_>)) -> Result<(), StoreError> {
        // The server groups identical visits: what crosses the network is one row per kind
        // of visit, not one per visit.
        let mut rows = self.client.query_raw(
            "SELECT day, kiosk, language, level, modality, domains, help, help_without_place, COUNT(*)
             FROM visits GROUP BY day, kiosk, language, level, modality, domains, help, help_without_place",
            std::iter::empty::<i32>(),
        )?;
        while let Some(row) = rows.next()? {
            let text = |i: usize| row.try_get::<_, Option<&str>>(i).ok().flatten().map(str::as_bytes);
            let outcome = StoredOutcomeRef::from_columns(text);
            let count: i64 = row.try_get(8)?;
            each(StoredVisits {
                day: row.try_get(0)?,
                kiosk: text(1).unwrap_or_default(),
                language: text(2).unwrap_or_default(),
                outcome,
                count: u64::try_from(count).unwrap_or_default(),
            });
        }
        Ok(())
    }

    fn lost(&mut self) -> Result<Vec<Lost>, StoreError> {
        let rows =
            self.client.query("SELECT day, kiosk, records FROM lost_records ORDER BY day, kiosk", &[])?;
        rows.iter()
            .map(|row| {
                let records: i64 = row.try_get(2)?;
                Ok(Lost {
                    day: row.try_get(0)?,
                    kiosk: row.try_get(1)?,
                    records: u64::try_from(records).unwrap_or_default(),
                })
            })
            .collect()
    }
}
