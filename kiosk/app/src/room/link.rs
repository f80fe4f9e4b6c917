//! The learner's side: the kiosk sends its visitor's report to the facilitator's kiosk from a
//! worker thread, so that the screen never waits on the network. The screen asks each frame
//! how it went.

use std::io::{Read as _, Write as _};
use std::net::{TcpStream, ToSocketAddrs as _};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::Duration;

use repere_engine::room::LearnerReport;

/// Where the visitor's report is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LinkState {
    /// Nothing sent yet.
    #[default]
    Idle,
    /// On its way (or waiting to try again).
    Sending,
    /// The facilitator's kiosk has it.
    Sent,
    /// The facilitator's kiosk refused it (wrong room code, or the room is closed).
    Refused,
    /// The facilitator's kiosk could not be reached.
    Unreachable,
}

/// Tries before giving up on an unreachable facilitator, and the pause between them.
const TRIES: u32 = 3;
const PAUSE: Duration = Duration::from_secs(2);
/// Patience for one exchange on the local network.
const TIMEOUT: Duration = Duration::from_secs(3);

/// Posts `report` to the room `code` at `address` (`host:port`) and waits for the answer.
///
/// # Errors
/// [`LinkState::Refused`] or [`LinkState::Unreachable`], with the reason logged.
pub fn post_report(address: &str, code: &str, report: &LearnerReport) -> Result<(), LinkState> {
    let body = report.to_json();
    let request = format!(
        "POST {} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        super::results_path(code),
        body.len()
    );
    let status = exchange(address, request.as_bytes()).map_err(|why| {
        log::warn!("room: {address} unreachable: {why}");
        LinkState::Unreachable
    })?;
    if (200..300).contains(&status) {
        Ok(())
    } else {
        log::warn!("room: {address} refused the report ({status})");
        Err(LinkState::Refused)
    }
}

/// Asks the facilitator's kiosk at `address` whether `code` is its room's (a typed code is
/// checked before results go to it).
///
/// # Errors
/// [`LinkState::Refused`] (not the room's code, or shut out after wrong codes) or
/// [`LinkState::Unreachable`], with the reason logged.
pub fn check_room(address: &str, code: &str) -> Result<(), LinkState> {
    let request = format!("GET /room/{code} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    let status = exchange(address, request.as_bytes()).map_err(|why| {
        log::warn!("room: {address} unreachable: {why}");
        LinkState::Unreachable
    })?;
    if status == 200 {
        Ok(())
    } else {
        log::warn!("room: {address} refused the code ({status})");
        Err(LinkState::Refused)
    }
}

/// A typed room code being checked on a worker thread, so that the screen never waits.
pub struct RoomCheck {
    code: String,
    answer: Receiver<Result<(), LinkState>>,
}

impl RoomCheck {
    /// Starts checking `code` with the facilitator's kiosk at `address`.
    pub fn start(address: &str, code: &str) -> Self {
        let (outbox, answer) = channel();
        let (address, owned) = (address.to_owned(), code.to_owned());
        let spawned = std::thread::Builder::new()
            .name("room-check".to_owned())
            .spawn(move || outbox.send(check_room(&address, &owned)).ok());
        if let Err(e) = spawned {
            log::error!("room: no thread to check the code ({e})");
        }
        Self { code: code.to_owned(), answer }
    }

    /// The code being checked.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The answer once it came (a thread that could not start answers `Unreachable`).
    pub fn poll(&self) -> Option<Result<(), LinkState>> {
        match self.answer.try_recv() {
            Ok(answer) => Some(answer),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(LinkState::Unreachable)),
        }
    }
}

/// Sends `request` and reads the answer's status code.
fn exchange(address: &str, request: &[u8]) -> Result<u16, String> {
    let target = address.to_socket_addrs().map_err(|e| e.to_string())?.next().ok_or("no address")?;
    let mut stream = TcpStream::connect_timeout(&target, TIMEOUT).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    stream.write_all(request).map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream.take(4096).read_to_end(&mut answer).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&answer);
    text.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("not an HTTP answer: {:?}", text.lines().next().unwrap_or_default()))
}

/// The link of a learner kiosk to its room, driven from the UI thread.
pub struct RoomLink {
    code: String,
    jobs: Option<Sender<(u64, LearnerReport)>>,
    answers: Option<Receiver<(u64, LinkState)>>,
    /// Answers about an earlier visitor are ignored.
    serial: u64,
    /// Reports of this visitor not answered yet (the result, then the result with a name).
    pending: usize,
    state: LinkState,
}

impl RoomLink {
    /// A worker that sends reports to the room `code` at `address` (`host:port`).
    pub fn new(address: &str, code: &str) -> Self {
        let (jobs, inbox) = channel::<(u64, LearnerReport)>();
        let (outbox, answers) = channel();
        let room_code = code.to_owned();
        let (address, code) = (address.to_owned(), code.to_owned());
        let spawned = std::thread::Builder::new().name("room-link".to_owned()).spawn(move || {
            for (serial, report) in inbox {
                let mut state = LinkState::Unreachable;
                for attempt in 1..=TRIES {
                    state = match post_report(&address, &code, &report) {
                        Ok(()) => LinkState::Sent,
                        Err(state) => state,
                    };
                    if state != LinkState::Unreachable || attempt == TRIES {
                        break;
                    }
                    std::thread::sleep(PAUSE);
                }
                if outbox.send((serial, state)).is_err() {
                    return;
                }
            }
        });
        match spawned {
            Ok(_) => Self {
                code: room_code,
                jobs: Some(jobs),
                answers: Some(answers),
                serial: 0,
                pending: 0,
                state: LinkState::Idle,
            },
            Err(e) => {
                log::error!("room: no worker thread ({e}); results stay on this kiosk");
                Self {
                    code: room_code,
                    jobs: None,
                    answers: None,
                    serial: 0,
                    pending: 0,
                    state: LinkState::Idle,
                }
            }
        }
    }

    /// The room's code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Where the visitor's report is.
    pub fn state(&self) -> LinkState {
        self.state
    }

    /// Sends `report` (a later one of the same visit replaces it on the facilitator's table).
    pub fn send(&mut self, report: LearnerReport) {
        let sent = self.jobs.as_ref().is_some_and(|jobs| jobs.send((self.serial, report)).is_ok());
        if sent {
            self.pending += 1;
            self.state = LinkState::Sending;
        } else {
            self.state = LinkState::Unreachable;
        }
    }

    /// Takes in what the worker answered; true when the state changed.
    pub fn poll(&mut self) -> bool {
        let before = self.state;
        loop {
            match self.answers.as_ref().map(Receiver::try_recv) {
                Some(Ok((serial, state))) if serial == self.serial => {
                    self.pending = self.pending.saturating_sub(1);
                    // Still sending while a later report of the visitor is on its way.
                    if self.pending == 0 {
                        self.state = state;
                    }
                }
                Some(Ok(_)) => {} // an earlier visitor's
                Some(Err(TryRecvError::Disconnected)) => {
                    if self.state == LinkState::Sending {
                        self.state = LinkState::Unreachable;
                    }
                    break;
                }
                Some(Err(TryRecvError::Empty)) | None => break,
            }
        }
        self.state != before
    }

    /// Forgets the visitor (goodbye, idle); a late answer is ignored.
    pub fn wipe(&mut self) {
        self.serial += 1;
        self.pending = 0;
        self.state = LinkState::Idle;
    }
}
