//! The facilitator's side: a small HTTP server on its own thread. Learner kiosks post their
//! reports to `/room/<code>/results`; a wrong code is refused (403) and a machine that keeps
//! trying wrong codes is shut out (429). The table lives behind a mutex, read by the screen.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use repere_engine::room::report::REPORT_MAX_BYTES;
use repere_engine::room::{LearnerReport, RoomTable};

/// Wrong codes a machine may try before it is shut out of the room.
pub const WRONG_CODES_ALLOWED: u32 = 10;

/// What to do after the table changed (wake the screen up).
pub type Notify = Box<dyn Fn() + Send>;

/// An open room: its table and the thread serving it.
pub struct RoomServer {
    table: Arc<Mutex<RoomTable>>,
    stop: Arc<AtomicBool>,
    address: SocketAddr,
    thread: Option<JoinHandle<()>>,
}

impl RoomServer {
    /// Opens `table`'s room on `listen` (`0.0.0.0:7878`; port 0 picks a free one).
    ///
    /// # Errors
    /// The address cannot be listened on (taken, not this machine's).
    pub fn open(listen: &str, table: RoomTable, notify: Notify) -> Result<Self, String> {
        let server =
            tiny_http::Server::http(listen).map_err(|e| format!("room: cannot listen on {listen}: {e}"))?;
        let address =
            server.server_addr().to_ip().ok_or_else(|| format!("room: {listen} is not an IP address"))?;
        let table = Arc::new(Mutex::new(table));
        let stop = Arc::new(AtomicBool::new(false));
        let (shared, stopped) = (Arc::clone(&table), Arc::clone(&stop));
        let thread = std::thread::Builder::new()
            .name("room-server".to_owned())
            .spawn(move || serve(&server, &shared, &stopped, &notify))
            .map_err(|e| format!("room: no server thread: {e}"))?;
        log::info!("room opened on {address}");
        Ok(Self { table, stop, address, thread: Some(thread) })
    }

    /// Where it listens.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The table (locked for as long as the guard lives: keep it short).
    pub fn table(&self) -> MutexGuard<'_, RoomTable> {
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Closes the room: the server stops, the table is forgotten.
    pub fn close(mut self) {
        self.shut();
    }

    fn shut(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            log::error!("room: the server thread panicked");
        }
        let mut table = self.table();
        let code = table.code().to_owned();
        *table = RoomTable::new(&code, table.opened_on());
        log::info!("room closed");
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        if self.thread.is_some() {
            self.shut();
        }
    }
}

fn serve(server: &tiny_http::Server, table: &Mutex<RoomTable>, stop: &AtomicBool, notify: &Notify) {
    let mut wrong_codes: HashMap<IpAddr, u32> = HashMap::new();
    while !stop.load(Ordering::SeqCst) {
        let request = match server.recv_timeout(Duration::from_millis(100)) {
            Ok(Some(request)) => request,
            Ok(None) => continue,
            Err(e) => {
                log::warn!("room: {e}");
                continue;
            }
        };
        let (status, changed) = answer(request, table, &mut wrong_codes);
        if changed {
            notify();
        }
        log::debug!("room: answered {status}");
    }
}

/// Answers one request; returns its status and whether the table changed.
fn answer(
    mut request: tiny_http::Request,
    table: &Mutex<RoomTable>,
    wrong_codes: &mut HashMap<IpAddr, u32>,
) -> (u16, bool) {
    let peer = request.remote_addr().map(SocketAddr::ip);
    let shut_out = peer.and_then(|ip| wrong_codes.get(&ip)).is_some_and(|n| *n >= WRONG_CODES_ALLOWED);
    let code = table.lock().unwrap_or_else(PoisonError::into_inner).code().to_owned();
    let url = request.url().to_owned();
    let (status, changed, body) = if shut_out {
        (429, false, "too many wrong room codes".to_owned())
    } else {
        match url.strip_prefix("/room/").and_then(|rest| rest.split_once('/').or(Some((rest, "")))) {
            Some((given, _)) if given != code => {
                if let Some(ip) = peer {
                    let tries = wrong_codes.entry(ip).or_default();
                    *tries += 1;
                    log::warn!("room: wrong code from {ip} ({tries} so far)");
                }
                (403, false, "wrong room code".to_owned())
            }
            Some((_, "results")) if *request.method() == tiny_http::Method::Post => {
                let mut bytes = Vec::new();
                let read = std::io::Read::read_to_end(
                    &mut std::io::Read::take(request.as_reader(), REPORT_MAX_BYTES as u64 + 1),
                    &mut bytes,
                );
                match read.map_err(|e| e.to_string()).and_then(|_| LearnerReport::from_json(&bytes)) {
                    Ok(report) => {
                        if table.lock().unwrap_or_else(PoisonError::into_inner).add(report) {
                            (204, true, String::new())
                        } else {
                            (507, false, "the room is full".to_owned())
                        }
                    }
                    Err(why) => (400, false, why),
                }
            }
            Some((_, "")) if *request.method() == tiny_http::Method::Get => {
                (200, false, "{\"room\": \"open\"}".to_owned())
            }
            _ => (404, false, "not found".to_owned()),
        }
    };
    let response = tiny_http::Response::from_string(body).with_status_code(status);
    if let Err(e) = request.respond(response) {
        log::warn!("room: could not answer: {e}");
    }
    (status, changed)
}
