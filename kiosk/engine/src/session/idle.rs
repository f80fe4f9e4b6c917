//! The idle timer: "Are you still there?" after a while without input, then the wipe.

use crate::config::IdleTimes;

/// Where the visitor stands with the idle timer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IdleState {
    /// Recently active.
    Active,
    /// The warning is showing; seconds left before the wipe.
    Warning {
        /// Seconds left, rounded up.
        seconds_left: u32,
    },
    /// Time is up: wipe.
    Expired,
}

/// Counts time since the last input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IdleTimer {
    times: IdleTimes,
    last_input: f64,
}

impl IdleTimer {
    /// A timer that starts now.
    pub fn new(times: IdleTimes, now: f64) -> Self {
        Self { times, last_input: now }
    }

    /// The configured times.
    pub fn times(&self) -> IdleTimes {
        self.times
    }

    /// The visitor did something.
    pub fn touch(&mut self, now: f64) {
        self.last_input = now;
    }

    /// The state at `now`.
    pub fn state(&self, now: f64) -> IdleState {
        let idle = now - self.last_input;
        let warn = self.times.warning_after_seconds;
        let wipe = warn + self.times.wipe_after_warning_seconds;
        if idle >= wipe {
            IdleState::Expired
        } else if idle >= warn {
            IdleState::Warning { seconds_left: (wipe - idle).ceil() as u32 }
        } else {
            IdleState::Active
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_then_expires() {
        let config = IdleTimes { warning_after_seconds: 60.0, wipe_after_warning_seconds: 20.0 };
        let mut timer = IdleTimer::new(config, 0.0);
        assert_eq!(timer.state(59.0), IdleState::Active);
        assert_eq!(timer.state(65.0), IdleState::Warning { seconds_left: 15 });
        assert_eq!(timer.state(80.0), IdleState::Expired);
        timer.touch(70.0);
        assert_eq!(timer.state(80.0), IdleState::Active, "input resets the timer");
    }
}
