//! Sending a slip to paper: a CUPS queue (through `lp`, as any program on the machine would),
//! or a thermal printer reached raw (`socket://host:9100`, `/dev/usb/lp0`). Every wait is
//! bounded; every way it can go wrong is a [`PrintProblem`] said to the visitor and logged by
//! the caller.

use std::io::{Read as _, Write as _};
use std::net::{TcpStream, ToSocketAddrs as _};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use repere_engine::config::{PrinterConnection, PrinterSettings};

use crate::escpos::{PAPER_STATUS_QUERY, paper_out};

/// Why a slip did not reach paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintProblem {
    /// The kiosk has no printer configured: the slip is shown.
    NoPrinter,
    /// The queue, device or address does not exist or refuses connections.
    Absent(String),
    /// The CUPS queue is stopped or refuses jobs.
    Stopped(String),
    /// Too many slips are already waiting.
    QueueFull(usize),
    /// The printer says its paper is out.
    PaperOut,
    /// The printer did not answer in time.
    NoAnswer(String),
    /// The job was refused or cut off.
    Failed(String),
}

impl std::fmt::Display for PrintProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoPrinter => write!(f, "no printer is configured"),
            Self::Absent(why) => write!(f, "printer absent: {why}"),
            Self::Stopped(why) => write!(f, "printer stopped: {why}"),
            Self::QueueFull(waiting) => write!(f, "print queue full: {waiting} jobs waiting"),
            Self::PaperOut => write!(f, "paper out"),
            Self::NoAnswer(why) => write!(f, "printer not answering: {why}"),
            Self::Failed(why) => write!(f, "print job failed: {why}"),
        }
    }
}

/// A job the printer (or the spooler) accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobAccepted {
    /// The spooler's job id (`PDF-12`), or the raw address the bytes went to.
    pub id: String,
}

/// Sends bytes to the configured printer.
#[derive(Clone, Debug)]
pub struct Printer {
    settings: PrinterSettings,
}

impl Printer {
    /// The printer of these settings.
    pub fn new(settings: PrinterSettings) -> Self {
        Self { settings }
    }

    /// Its settings.
    pub fn settings(&self) -> &PrinterSettings {
        &self.settings
    }

    fn timeout(&self) -> Duration {
        Duration::from_secs_f64(self.settings.timeout_seconds)
    }

    /// Whether the printer can take a job now (for the operator's menu and before a job).
    ///
    /// # Errors
    /// What keeps it from printing.
    pub fn status(&self) -> Result<(), PrintProblem> {
        match &self.settings.connection {
            PrinterConnection::Cups { queue } => {
                cups_status(queue, self.settings.max_waiting_jobs, self.timeout())
            }
            PrinterConnection::Raw { address } => match address.strip_prefix("socket://") {
                Some(host) => {
                    let mut stream = connect(host, self.timeout())?;
                    query_paper(&mut stream)
                }
                None if Path::new(address).exists() => Ok(()),
                None => Err(PrintProblem::Absent(format!("{address} does not exist"))),
            },
        }
    }

    /// Sends `job` (in the configured format) and returns once the printer or the spooler
    /// has it.
    ///
    /// # Errors
    /// Why it did not go.
    pub fn send(&self, job: &[u8]) -> Result<JobAccepted, PrintProblem> {
        match &self.settings.connection {
            PrinterConnection::Cups { queue } => {
                cups_status(queue, self.settings.max_waiting_jobs, self.timeout())?;
                let raw = self.settings.format == repere_engine::slip::SlipFormat::Escpos;
                cups_submit(queue, job, raw, self.timeout())
            }
            PrinterConnection::Raw { address } => match address.strip_prefix("socket://") {
                Some(host) => socket_send(host, job, self.timeout()),
                None => device_send(address, job),
            },
        }
    }
}

/// Runs a command with `input` on its standard input; its output, or why not.
fn run(
    program: &str,
    args: &[&str],
    input: Option<&[u8]>,
    timeout: Duration,
) -> Result<(bool, String), String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("LC_ALL", "C")
        .spawn()
        .map_err(|e| format!("{program}: {e}"))?;
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin.write_all(input).map_err(|e| format!("{program}: {e}"))?;
    }
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > timeout => {
                child.kill().ok();
                child.wait().ok();
                return Err(format!("{program} did not answer within {timeout:?}"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("{program}: {e}")),
        }
    }
    let output = child.wait_with_output().map_err(|e| format!("{program}: {e}"))?;
    let text =
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    Ok((output.status.success(), text.trim().to_owned()))
}

/// A CUPS queue's state: there, enabled, accepting, paper in, not crowded.
fn cups_status(queue: &str, max_waiting: u32, timeout: Duration) -> Result<(), PrintProblem> {
    let no_answer = PrintProblem::NoAnswer;
    let (found, state) = run("lpstat", &["-l", "-p", queue], None, timeout).map_err(no_answer)?;
    if !found {
        return Err(PrintProblem::Absent(format!("no CUPS queue {queue:?} ({state})")));
    }
    if state.contains(" disabled") {
        return Err(PrintProblem::Stopped(format!("queue {queue:?} is stopped")));
    }
    let alerts = state.lines().find_map(|l| l.trim().strip_prefix("Alerts:")).unwrap_or_default();
    if alerts.contains("media-empty") || alerts.contains("media-needed") {
        return Err(PrintProblem::PaperOut);
    }
    if alerts.contains("offline") {
        return Err(PrintProblem::NoAnswer(format!("queue {queue:?} reports the printer offline")));
    }
    let (_, accepting) = run("lpstat", &["-a", queue], None, timeout).map_err(no_answer)?;
    if accepting.contains("not accepting") {
        return Err(PrintProblem::Stopped(format!("queue {queue:?} refuses jobs")));
    }
    let (_, jobs) = run("lpstat", &["-o", queue], None, timeout).map_err(no_answer)?;
    let waiting = jobs.lines().filter(|l| !l.trim().is_empty()).count();
    if waiting >= max_waiting as usize {
        return Err(PrintProblem::QueueFull(waiting));
    }
    Ok(())
}

/// Hands the job to CUPS (`lp`), raw for ESC/POS bytes.
fn cups_submit(queue: &str, job: &[u8], raw: bool, timeout: Duration) -> Result<JobAccepted, PrintProblem> {
    let mut args = vec!["-d", queue, "-t", "Repère"];
    if raw {
        args.extend(["-o", "raw"]);
    }
    let (accepted, said) = run("lp", &args, Some(job), timeout).map_err(PrintProblem::NoAnswer)?;
    if !accepted {
        return Err(PrintProblem::Failed(said));
    }
    // "request id is PDF-3 (1 file(s))"
    let id = said.split_whitespace().skip_while(|w| *w != "is").nth(1).unwrap_or(queue).to_owned();
    Ok(JobAccepted { id })
}

/// Connects to a raw printer.
fn connect(host: &str, timeout: Duration) -> Result<TcpStream, PrintProblem> {
    let address = host
        .to_socket_addrs()
        .map_err(|e| PrintProblem::Absent(format!("{host}: {e}")))?
        .next()
        .ok_or_else(|| PrintProblem::Absent(format!("{host}: no address")))?;
    let stream = TcpStream::connect_timeout(&address, timeout).map_err(|e| match e.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
            PrintProblem::NoAnswer(format!("{host}: {e}"))
        }
        _ => PrintProblem::Absent(format!("{host}: {e}")),
    })?;
    stream.set_write_timeout(Some(timeout)).map_err(|e| PrintProblem::Failed(e.to_string()))?;
    Ok(stream)
}

/// Asks a raw printer for its paper sensor; a printer that does not answer is given the
/// benefit of the doubt.
fn query_paper(stream: &mut TcpStream) -> Result<(), PrintProblem> {
    stream.write_all(&PAPER_STATUS_QUERY).map_err(|e| PrintProblem::Failed(format!("status query: {e}")))?;
    stream.set_read_timeout(Some(Duration::from_millis(800))).ok();
    let mut status = [0u8; 1];
    match stream.read(&mut status) {
        Ok(1) if paper_out(status[0]) => Err(PrintProblem::PaperOut),
        _ => Ok(()),
    }
}

/// Sends ESC/POS bytes to `host:port` and checks the printer did not cut the connection.
fn socket_send(host: &str, job: &[u8], timeout: Duration) -> Result<JobAccepted, PrintProblem> {
    let mut stream = connect(host, timeout)?;
    query_paper(&mut stream)?;
    let cut_off =
        |e: std::io::Error| PrintProblem::Failed(format!("{host} closed the connection during the job: {e}"));
    stream.write_all(job).map_err(cut_off)?;
    stream.flush().map_err(cut_off)?;
    stream.shutdown(std::net::Shutdown::Write).map_err(cut_off)?;
    // A printer that took everything closes quietly or keeps still; one that dropped the
    // job resets the connection, which only a read sees once the bytes are in the buffers.
    stream.set_read_timeout(Some(Duration::from_millis(500))).ok();
    let mut rest = [0u8; 64];
    loop {
        match stream.read(&mut rest) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                break;
            }
            Err(e) => return Err(cut_off(e)),
        }
    }
    Ok(JobAccepted { id: format!("socket://{host}") })
}

/// Writes ESC/POS bytes to a printer's device file.
fn device_send(path: &str, job: &[u8]) -> Result<JobAccepted, PrintProblem> {
    let mut device = std::fs::OpenOptions::new().write(true).open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => PrintProblem::Absent(format!("{path} does not exist")),
        _ => PrintProblem::Failed(format!("{path}: {e}")),
    })?;
    device
        .write_all(job)
        .and_then(|()| device.flush())
        .map_err(|e| PrintProblem::Failed(format!("{path}: {e}")))?;
    Ok(JobAccepted { id: path.to_owned() })
}

/// What keeps printed slips on the print server, from its `cupsd.conf`: CUPS keeps a copy of
/// every document and a history of jobs unless told not to.
///
/// # Errors
/// The file cannot be read.
pub fn cups_keeps_copies(cupsd_conf: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(cupsd_conf).map_err(|e| format!("{}: {e}", cupsd_conf.display()))?;
    let value = |directive: &str| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(char::is_whitespace))
            .filter(|(name, _)| name.eq_ignore_ascii_case(directive))
            .map(|(_, v)| v.trim().to_owned())
            .next_back()
    };
    let mut problems = Vec::new();
    for directive in ["PreserveJobFiles", "PreserveJobHistory"] {
        match value(directive) {
            Some(v) if v.eq_ignore_ascii_case("no") || v.eq_ignore_ascii_case("off") || v == "false" => {}
            Some(v) => problems.push(format!(
                "{}: {directive} is {v:?}: CUPS keeps printed slips; set `{directive} No`",
                cupsd_conf.display()
            )),
            None => problems.push(format!(
                "{}: {directive} is not set, and CUPS keeps printed slips by default; set `{directive} No`",
                cupsd_conf.display()
            )),
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cupsd_conf_must_say_no_to_both_copies() {
        let dir = std::env::temp_dir().join(format!("repere-cupsd-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let conf = dir.join("cupsd.conf");
        std::fs::write(&conf, "LogLevel warn\nPreserveJobFiles No\n# PreserveJobHistory No\n")
            .expect("write");
        let problems = cups_keeps_copies(&conf).expect("readable");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("PreserveJobHistory is not set"), "{problems:?}");
        std::fs::write(&conf, "PreserveJobFiles No\nPreserveJobHistory Yes\nPreserveJobHistory No\n")
            .expect("write");
        assert!(cups_keeps_copies(&conf).expect("readable").is_empty());
        std::fs::write(&conf, "PreserveJobFiles 1d\nPreserveJobHistory No\n").expect("write");
        assert!(cups_keeps_copies(&conf).expect("readable")[0].contains("\"1d\""));
        std::fs::remove_dir_all(&dir).expect("clean");
        assert!(cups_keeps_copies(&dir.join("missing.conf")).is_err());
    }
}
