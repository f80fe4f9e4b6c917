//! Room mode over the local network: the facilitator's kiosk serves a small HTTP endpoint
//! ([`server`]) that learner kiosks post their results to ([`link`], from a worker thread).
//! The room is in memory only; closing it, or the end of its day, forgets it.

pub mod facilitator;
pub mod link;
pub mod server;

pub use link::{LinkState, RoomCheck, RoomLink};
pub use server::RoomServer;

/// The path a learner kiosk posts its report to.
pub fn results_path(code: &str) -> String {
    format!("/room/{code}/results")
}

/// A new six-digit room code, from the system's hash seed and the clock (not guessable
/// from outside; wrong guesses are refused and a machine that keeps guessing is shut out).
pub fn new_code() -> String {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    hasher.write_u32(std::process::id());
    format!("{:06}", hasher.finish() % 1_000_000)
}

/// This machine's address on the local network as learners reach it (the address of the
/// route out; no packet is sent), or the listening address when there is no network.
pub fn shown_address(listening: std::net::SocketAddr) -> String {
    if !listening.ip().is_unspecified() {
        return format!("http://{listening}");
    }
    let local = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|socket| socket.connect("192.0.2.1:9").and_then(|()| socket.local_addr()));
    match local {
        Ok(local) if !local.ip().is_unspecified() => format!("http://{}:{}", local.ip(), listening.port()),
        _ => format!("http://127.0.0.1:{}", listening.port()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_six_digits() {
        for _ in 0..20 {
            assert!(repere_engine::room::is_room_code(&super::new_code()), "six digits");
        }
    }
}
