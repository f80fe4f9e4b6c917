//! The kiosk's integration tests: shipped content, the command line, whole visits replayed
//! through the real UI, snapshots of every screen in French and Arabic, and random input.
//! One test binary for the crate, to keep link times and disk use down.

#![expect(clippy::unwrap_used, reason = "test helpers stop at the first surprise")]

mod audio;
mod cli;
mod content;
mod fields;
mod fonts;
mod layout;
mod orientation;
mod pictograms;
mod replays;
mod robustness;
mod room;
mod screens;
mod slip;
mod snapshots;
mod speech;
mod speech_rules;
mod statistics;
mod tasks;
mod touch;

use std::sync::Arc;

use repere_engine::config::Config;
use repere_engine::content::Content;

/// The built-in content, checked.
pub fn content() -> Arc<Content> {
    Arc::new(Content::builtin().unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("the shipped content has problems:\n{}", lines.join("\n"))
    }))
}

/// Monday 23 November 2026, 10:00 in Paris: the clock of opening hours in every test, so
/// that results and snapshots do not depend on the day they run.
pub const MONDAY_10: &str = "2026-11-23T10:00:00+01:00";

/// The demo config, its clock fixed.
pub fn config() -> Config {
    Config { now: Some(MONDAY_10.to_owned()), ..Config::default() }
}

/// A fresh folder under the system's temp dir.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("repere-test-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
