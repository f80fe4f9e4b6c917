//! Stores for the tests: a fresh SQLite file, a fresh schema on the PostgreSQL server of
//! `REPERE_TEST_POSTGRES`, a private PostgreSQL server that a test can stop.

use std::path::PathBuf;
use std::process::Command;

use repere_stats::store::{PostgresStore, SqliteStore, Store, StoreError};

/// True on CI, where a missing PostgreSQL fails the tests instead of skipping them.
pub fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Skips (locally) or fails (on CI) a PostgreSQL test that cannot run.
fn unavailable(why: &str) -> Option<std::convert::Infallible> {
    assert!(!on_ci(), "{why}: the PostgreSQL tests must run on CI (see kiosk/tools/test-postgres)");
    #[expect(clippy::print_stderr, reason = "the one line that says a test was skipped")]
    {
        eprintln!("SKIPPED: {why}");
    }
    None
}

/// A fresh folder under the system's temp dir.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("repere-stats-test-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Where a test's store lives.
pub enum Backend {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A schema of its own on the test server.
    Postgres(Box<PgSchema>),
}

impl Backend {
    /// Opens the store, schema up to date.
    pub fn open(&self) -> Box<dyn Store> {
        self.try_open_at(repere_stats::store::SCHEMA_VERSION).unwrap()
    }

    /// Opens the store with its schema at `version` only.
    pub fn open_at(&self, version: u32) -> Box<dyn Store> {
        self.try_open_at(version).unwrap()
    }

    fn try_open_at(&self, version: u32) -> Result<Box<dyn Store>, StoreError> {
        Ok(match self {
            Self::Sqlite(path) => Box::new(SqliteStore::open_at(path, version)?),
            Self::Postgres(schema) => Box::new(PostgresStore::connect_at(&schema.url, version)?),
        })
    }

    /// Runs SQL on the store's tables directly (to write what version 1 wrote).
    pub fn execute(&self, sql: &str) {
        match self {
            Self::Sqlite(path) => rusqlite::Connection::open(path).unwrap().execute_batch(sql).unwrap(),
            Self::Postgres(schema) => {
                let mut client = postgres::Client::connect(&schema.url, postgres::NoTls).unwrap();
                client.batch_execute(sql).unwrap();
            }
        }
    }
}

/// A fresh SQLite file.
pub fn sqlite(name: &str) -> Backend {
    Backend::Sqlite(temp_dir(name).join("statistics.sqlite"))
}

/// A fresh schema on the server of `REPERE_TEST_POSTGRES`, dropped at the end.
pub fn postgres(name: &str) -> Option<Backend> {
    let Ok(server) = std::env::var("REPERE_TEST_POSTGRES") else {
        unavailable("REPERE_TEST_POSTGRES is not set")?;
        return None;
    };
    let schema = format!("test_{}_{name}", std::process::id()).to_lowercase();
    let mut admin = postgres::Client::connect(&server, postgres::NoTls)
        .unwrap_or_else(|err| panic!("REPERE_TEST_POSTGRES ({server}) unreachable: {err}"));
    admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
    Some(Backend::Postgres(Box::new(PgSchema { url: with_schema(&server, &schema), admin, schema })))
}

/// `url` whose tables live in `schema`.
fn with_schema(url: &str, schema: &str) -> String {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let joiner = if url.contains('?') { '&' } else { '?' };
        format!("{url}{joiner}options=-c%20search_path%3D{schema}")
    } else {
        format!("{url} options='-c search_path={schema}'")
    }
}

/// A schema of the test server, dropped with its tables at the end.
pub struct PgSchema {
    /// The connection whose tables are the schema's.
    pub url: String,
    admin: postgres::Client,
    schema: String,
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        self.admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema)).ok();
    }
}

/// A PostgreSQL server of the test's own (unix socket only, in a temp folder), to stop and
/// start while a kiosk records.
pub struct PrivateServer {
    dir: PathBuf,
    bin: PathBuf,
    as_postgres: bool,
}

/// The folder of Debian's PostgreSQL binaries (`REPERE_PG_BIN` to point elsewhere).
fn postgres_bin() -> Option<PathBuf> {
    if let Ok(bin) = std::env::var("REPERE_PG_BIN") {
        return Some(PathBuf::from(bin));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| Some((entry.file_name().to_str()?.parse().ok()?, entry.path().join("bin"))))
        .filter(|(_, bin)| bin.join("pg_ctl").is_file())
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

impl PrivateServer {
    /// Creates and starts a server; `None` locally when PostgreSQL is not installed.
    pub fn start(name: &str) -> Option<Self> {
        let Some(bin) = postgres_bin() else {
            unavailable("no PostgreSQL binaries in /usr/lib/postgresql/*/bin")?;
            return None;
        };
        // The socket path must stay short (about 100 bytes).
        let dir = PathBuf::from(format!("/tmp/repere-pg-{}-{name}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).unwrap();
        // PostgreSQL refuses to run as root: then it runs as the postgres user.
        let as_postgres = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.trim_ascii() == b"0");
        if as_postgres {
            run(Command::new("chown").args(["postgres:postgres", dir.to_str().unwrap()]));
        }
        let server = Self { dir, bin, as_postgres };
        let data = server.dir.join("data");
        server.pg(
            "initdb",
            &["-D", data.to_str().unwrap(), "-U", "repere", "-A", "trust", "--no-sync", "-E", "UTF8"],
        );
        server.resume();
        Some(server)
    }

    fn pg(&self, tool: &str, args: &[&str]) {
        let program = self.bin.join(tool);
        let mut command = if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            Command::new(&program)
        };
        run(command.args(args));
    }

    /// The connection to the server.
    pub fn url(&self) -> String {
        format!("host={} port=5433 user=repere dbname=postgres connect_timeout=2", self.dir.display())
    }

    /// Stops the server (fast shutdown: open connections are cut).
    pub fn stop(&self) {
        self.pg("pg_ctl", &["-D", self.data().as_str(), "-m", "fast", "-w", "stop"]);
    }

    /// Starts the server again.
    pub fn resume(&self) {
        let options =
            format!("-p 5433 -c listen_addresses='' -c unix_socket_directories={}", self.dir.display());
        let log = self.dir.join("server.log");
        self.pg(
            "pg_ctl",
            &["-D", self.data().as_str(), "-l", log.to_str().unwrap(), "-o", &options, "-w", "start"],
        );
    }

    fn data(&self) -> String {
        self.dir.join("data").display().to_string()
    }
}

impl Drop for PrivateServer {
    fn drop(&mut self) {
        let program = self.bin.join("pg_ctl");
        let data = self.data();
        let args = ["-D", data.as_str(), "-m", "immediate", "-w", "stop"];
        let status = if self.as_postgres {
            Command::new("runuser").args(["-u", "postgres", "--"]).arg(&program).args(args).output()
        } else {
            Command::new(&program).args(args).output()
        };
        drop(status);
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

fn run(command: &mut Command) {
    let output = command.output().unwrap_or_else(|err| panic!("{command:?}: {err}"));
    assert!(
        output.status.success(),
        "{command:?}: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
