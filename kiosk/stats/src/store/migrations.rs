//! The versioned schema. Each store keeps the versions it applied in `schema_migrations`
//! and applies the missing ones in order, in one transaction, at start-up. A migration is
//! never edited once released: a change of schema is a new version.

/// One step of the schema, in each back end's SQL.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// 1, 2, …
    pub version: u32,
    /// What it does.
    pub what: &'static str,
    /// The statements for SQLite.
    pub sqlite: &'static str,
    /// The statements for PostgreSQL.
    pub postgres: &'static str,
}

/// Every migration, in order.
pub const MIGRATIONS: [Migration; 2] = [
    Migration {
        version: 1,
        what: "one row per visit",
        sqlite: "CREATE TABLE visits (
                     day TEXT NOT NULL,
                     kiosk TEXT NOT NULL,
                     language TEXT NOT NULL,
                     level TEXT,
                     modality TEXT,
                     domains TEXT,
                     help TEXT,
                     help_without_place TEXT
                 );",
        postgres: "CREATE TABLE visits (
                       day DATE NOT NULL,
                       kiosk TEXT NOT NULL,
                       language TEXT NOT NULL,
                       level TEXT,
                       modality TEXT,
                       domains TEXT,
                       help TEXT,
                       help_without_place TEXT
                   );",
    },
    Migration {
        version: 2,
        what: "records lost while the store was unreachable; visits by day for the purge",
        sqlite: "CREATE TABLE lost_records (
                     day TEXT NOT NULL,
                     kiosk TEXT NOT NULL,
                     records INTEGER NOT NULL,
                     PRIMARY KEY (day, kiosk)
                 );
                 CREATE INDEX visits_day ON visits (day);",
        postgres: "CREATE TABLE lost_records (
                       day DATE NOT NULL,
                       kiosk TEXT NOT NULL,
                       records BIGINT NOT NULL,
                       PRIMARY KEY (day, kiosk)
                   );
                   CREATE INDEX visits_day ON visits (day);",
    },
];

/// The version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The migrations to apply to go from `current` to `target`.
pub(crate) fn pending(current: u32, target: u32) -> impl Iterator<Item = &'static Migration> {
    MIGRATIONS.iter().filter(move |m| m.version > current && m.version <= target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_follow_each_other() {
        for (i, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version as usize, i + 1, "{}", migration.what);
        }
        assert_eq!(pending(1, SCHEMA_VERSION).map(|m| m.version).collect::<Vec<_>>(), [2]);
        assert_eq!(pending(SCHEMA_VERSION, SCHEMA_VERSION).count(), 0);
    }
}
