//! The `[statistics]` table of the deployment config: anonymous visit statistics, off by
//! default. The store itself (SQLite or PostgreSQL) is the `repere-stats` crate's.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::problem::{Problem, line_of};

/// Where the statistics go.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum StatsBackend {
    /// A SQLite file on the kiosk (one kiosk).
    Sqlite,
    /// A PostgreSQL server (a fleet of kiosks).
    Postgresql,
}

/// The statistics settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatisticsSettings {
    /// Off by default: nothing of a visit is stored.
    pub enabled: bool,
    /// SQLite or PostgreSQL.
    pub store: StatsBackend,
    /// The SQLite file.
    pub path: PathBuf,
    /// The PostgreSQL connection (`postgresql://user:password@host/db` or
    /// `host=… user=… dbname=…`).
    pub url: Option<String>,
    /// Records older than this many days are deleted (at start-up, then daily).
    pub retention_days: u32,
    /// Records kept in memory while the store is unreachable; beyond, new ones are dropped
    /// (counted and logged).
    pub queue_size: usize,
}

/// The SQLite file when the config names none (the systemd unit's `StateDirectory=repere`).
pub const DEFAULT_SQLITE_PATH: &str = "/var/lib/repere/statistics.sqlite";

impl Default for StatisticsSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            store: StatsBackend::Sqlite,
            path: PathBuf::from(DEFAULT_SQLITE_PATH),
            url: None,
            retention_days: 365,
            queue_size: 1000,
        }
    }
}

/// `[statistics]` as written in the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatisticsFile {
    enabled: Option<bool>,
    store: Option<StatsBackend>,
    path: Option<PathBuf>,
    url: Option<String>,
    retention_days: Option<toml::Spanned<u32>>,
    queue_size: Option<toml::Spanned<usize>>,
}

impl StatisticsSettings {
    /// The settings of a `[statistics]` table (at `span` in `text`); relative paths are
    /// relative to `base`, the config file's folder.
    pub(crate) fn from_file(
        file: StatisticsFile,
        span: std::ops::Range<usize>,
        (path, text, base): (&str, &str, &Path),
        problems: &mut Vec<Problem>,
    ) -> Self {
        let defaults = Self::default();
        let mut settings = Self {
            enabled: file.enabled.unwrap_or(defaults.enabled),
            store: file.store.unwrap_or(defaults.store),
            path: file.path.map_or(defaults.path, |p| base.join(p)),
            url: file.url,
            retention_days: defaults.retention_days,
            queue_size: defaults.queue_size,
        };
        if let Some(days) = file.retention_days {
            if !(1..=3650).contains(days.get_ref()) {
                let line = Some(line_of(text, days.span().start));
                problems.push(Problem::at(
                    path,
                    line,
                    "statistics.retention_days is out of range (1 to 3650)",
                ));
            }
            settings.retention_days = days.into_inner();
        }
        if let Some(size) = file.queue_size {
            if !(1..=100_000).contains(size.get_ref()) {
                let line = Some(line_of(text, size.span().start));
                problems.push(Problem::at(path, line, "statistics.queue_size is out of range (1 to 100000)"));
            }
            settings.queue_size = size.into_inner();
        }
        if settings.enabled && settings.store == StatsBackend::Postgresql && settings.url.is_none() {
            let line = Some(line_of(text, span.start));
            problems.push(Problem::at(path, line, "statistics: store = \"postgresql\" needs url = \"…\""));
        }
        settings
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    use super::*;

    #[test]
    fn statistics_are_off_unless_the_config_says_so() {
        assert!(!Config::default().statistics.enabled, "off in the demo");
        let config = Config::parse("/etc/repere/kiosk.toml", "[statistics]\nretention_days = 30\n").unwrap();
        assert!(!config.statistics.enabled, "a table alone does not turn them on");
        assert_eq!(config.statistics.retention_days, 30);
    }

    #[test]
    fn a_relative_sqlite_path_is_beside_the_config() {
        let text = "[statistics]\nenabled = true\npath = \"stats.sqlite\"\n";
        let config = Config::parse("/etc/repere/kiosk.toml", text).unwrap();
        assert_eq!(config.statistics.path, Path::new("/etc/repere/stats.sqlite"));
        assert_eq!(config.statistics.store, StatsBackend::Sqlite);
    }

    #[test]
    fn bad_statistics_values_are_located() {
        let text =
            "site_name = \"x\"\n[statistics]\nenabled = true\nstore = \"postgresql\"\nqueue_size = 0\n";
        let problems = Config::parse("kiosk.toml", text).unwrap_err();
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(5), Some(2)], "{problems:?}");
        assert!(problems[1].message.contains("needs url"), "{}", problems[1]);
        let problems = Config::parse("kiosk.toml", "[statistics]\nstore = \"mysql\"\n").unwrap_err();
        assert_eq!(problems[0].line, Some(2), "{}", problems[0]);
    }
}
