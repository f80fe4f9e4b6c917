//! A small logger to stderr (journald keeps it under systemd). Nothing personal is ever
//! logged: no answers, no typed text, no names.

use std::io::Write as _;

struct StderrLogger {
    level: log::LevelFilter,
}

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= self.level
            && (metadata.target().starts_with("repere") || metadata.level() <= log::Level::Warn)
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            let mut stderr = std::io::stderr().lock();
            writeln!(stderr, "[{}] {}", record.level(), record.args()).ok();
        }
    }

    fn flush(&self) {}
}

/// Installs the logger; the level comes from `REPERE_LOG` (error, warn, info, debug).
pub fn install() {
    let level =
        std::env::var("REPERE_LOG").ok().and_then(|l| l.parse().ok()).unwrap_or(log::LevelFilter::Info);
    if log::set_boxed_logger(Box::new(StderrLogger { level })).is_ok() {
        log::set_max_level(level);
    }
}
