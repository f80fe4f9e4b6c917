//! The statistics stores, against a SQLite file and a real PostgreSQL server: the same suite
//! on both, schema upgrades, and the server stopped while a kiosk records.
//!
//! PostgreSQL: `REPERE_TEST_POSTGRES` names the server of the suite
//! (`export REPERE_TEST_POSTGRES="$(kiosk/tools/test-postgres)"`), and the fault tests start
//! private servers with the binaries of Debian's `postgresql` package. Without them the
//! PostgreSQL tests say so and pass, except on CI (`CI=true`), where they fail.

#![expect(clippy::unwrap_used, reason = "test helpers stop at the first surprise")]

mod faults;
mod suite;
mod support;
