//! The recorder: the kiosk hands it a record at the end of each visit and goes on at once.
//! A worker thread writes the records to the store; while the store is unreachable (server
//! down, disk full) they wait in a bounded queue in memory and are written when it is back.
//! A record that finds the queue full is dropped, counted, logged, and the count of lost
//! records is written to the store when it is back.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::record::VisitRecord;
use crate::store::{Lost, Store, StoreError};

/// Opens the store (again, after an error).
pub type Opener = Box<dyn FnMut() -> Result<Box<dyn Store>, StoreError> + Send>;

/// Today's date in the kiosk's time zone.
pub type Today = Box<dyn Fn() -> NaiveDate + Send>;

/// How the recorder works.
pub struct RecorderSettings {
    /// Records kept in memory at most while they wait for the store.
    pub queue_size: usize,
    /// Days of statistics kept; older ones are purged at start-up and then daily.
    pub retention_days: u32,
    /// Wait before trying an unreachable store again.
    pub retry_every: Duration,
    /// Today, for the purge.
    pub today: Today,
}

/// What the recorder has done so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecorderCounts {
    /// Records written to the store.
    pub written: u64,
    /// Records waiting in memory.
    pub queued: usize,
    /// Records dropped because the queue was full.
    pub dropped: u64,
    /// Whether the last attempt to reach the store worked.
    pub store_up: bool,
}

/// Records written in one transaction at most.
const BATCH: usize = 200;

/// How long the kiosk waits at exit for the records still queued to be written.
const EXIT_WAIT: Duration = Duration::from_secs(3);

#[derive(Default)]
struct State {
    queue: VecDeque<VisitRecord>,
    /// Dropped records not yet counted in the store.
    lost: BTreeMap<(NaiveDate, String), u64>,
    counts: RecorderCounts,
    stop: bool,
    worker_done: bool,
}

struct Shared {
    state: Mutex<State>,
    /// Wakes the worker (a record, the stop) and the callers of `wait_until_written`.
    changed: Condvar,
    queue_size: usize,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere must not stop statistics, let alone the kiosk.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Hands records to the worker thread.
pub struct Recorder {
    shared: Arc<Shared>,
    worker: Option<JoinHandle<()>>,
}

impl Recorder {
    /// Starts the worker: it opens the store, purges old records, then writes what comes.
    pub fn start(open: Opener, settings: RecorderSettings) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            queue_size: settings.queue_size.max(1),
        });
        let worker_shared = Arc::clone(&shared);
        let worker = std::thread::Builder::new()
            .name("repere-stats".to_owned())
            .spawn(move || {
                Worker { shared: worker_shared, open, settings, store: None, said_down: false }.run();
            })
            .map_err(|err| log::error!("statistics: no worker thread ({err}); nothing will be recorded"))
            .ok();
        Self { shared, worker }
    }

    /// Hands over the record of a visit that ended. Never waits for the store.
    pub fn record(&self, record: VisitRecord) {
        let mut state = self.shared.lock();
        if state.queue.len() >= self.shared.queue_size {
            state.counts.dropped += 1;
            *state.lost.entry((record.day, record.kiosk)).or_default() += 1;
            log::warn!(
                "statistics: {} records already wait for the store: a visit was not recorded ({} lost so far)",
                state.queue.len(),
                state.counts.dropped
            );
        } else {
            state.queue.push_back(record);
            state.counts.queued = state.queue.len();
        }
        drop(state);
        self.shared.changed.notify_all();
    }

    /// What was done so far.
    pub fn counts(&self) -> RecorderCounts {
        self.shared.lock().counts
    }

    /// Waits until nothing waits to be written (records nor lost counts), at most `timeout`;
    /// true when everything was written.
    pub fn wait_until_written(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut state = self.shared.lock();
        loop {
            if state.queue.is_empty() && state.lost.is_empty() {
                return true;
            }
            let now = Instant::now();
            if now >= deadline || state.worker_done {
                return false;
            }
            state = self
                .shared
                .changed
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

impl Drop for Recorder {
    /// Gives the worker a moment to write what waits, then lets it go: leaving the kiosk never
    /// hangs on the store.
    fn drop(&mut self) {
        let written = self.wait_until_written(EXIT_WAIT);
        let mut state = self.shared.lock();
        state.stop = true;
        if !written {
            log::warn!("statistics: {} records not written at exit (store unreachable)", state.queue.len());
        }
        drop(state);
        self.shared.changed.notify_all();
        // The worker stops at once unless it is inside a call to the store: then it is left
        // to end on its own.
        let deadline = Instant::now() + Duration::from_secs(1);
        let mut state = self.shared.lock();
        while !state.worker_done && Instant::now() < deadline {
            let timeout = deadline.saturating_duration_since(Instant::now());
            state =
                self.shared.changed.wait_timeout(state, timeout).unwrap_or_else(PoisonError::into_inner).0;
        }
        let done = state.worker_done;
        drop(state);
        if done && let Some(worker) = self.worker.take() {
            worker.join().ok();
        }
    }
}

struct Worker {
    shared: Arc<Shared>,
    open: Opener,
    settings: RecorderSettings,
    store: Option<Box<dyn Store>>,
    /// The store's being unreachable was logged (once per outage).
    said_down: bool,
}

/// What the worker does next.
enum Work {
    Write(Vec<VisitRecord>, Vec<Lost>),
    Purge,
    Stop,
}

impl Worker {
    fn run(mut self) {
        let mut next_purge = Instant::now();
        let mut retry_at: Option<Instant> = None;
        loop {
            match self.next_work(next_purge, retry_at) {
                Work::Stop => break,
                Work::Purge => {
                    if self.purge() {
                        next_purge = Instant::now() + Duration::from_hours(24);
                        retry_at = None;
                    } else {
                        retry_at = Some(Instant::now() + self.settings.retry_every);
                    }
                }
                Work::Write(records, lost) => {
                    if self.write(&records, &lost) {
                        retry_at = None;
                    } else {
                        retry_at = Some(Instant::now() + self.settings.retry_every);
                    }
                }
            }
        }
        self.shared.lock().worker_done = true;
        self.shared.changed.notify_all();
    }

    /// Waits for something to do: records or lost counts to write (once the retry delay is
    /// over), the daily purge, or the stop.
    fn next_work(&self, next_purge: Instant, retry_at: Option<Instant>) -> Work {
        let mut state = self.shared.lock();
        loop {
            if state.stop {
                return Work::Stop;
            }
            let now = Instant::now();
            let waiting = retry_at.filter(|at| *at > now);
            let pending = !state.queue.is_empty() || !state.lost.is_empty();
            if waiting.is_none() {
                if next_purge <= now {
                    return Work::Purge;
                }
                if pending {
                    let records: Vec<VisitRecord> = state.queue.iter().take(BATCH).cloned().collect();
                    let lost = state
                        .lost
                        .iter()
                        .map(|((day, kiosk), records)| Lost {
                            day: *day,
                            kiosk: kiosk.clone(),
                            records: *records,
                        })
                        .collect();
                    return Work::Write(records, lost);
                }
            }
            let wake = waiting.map_or(next_purge, |at| at.min(next_purge));
            let timeout = wake.saturating_duration_since(now);
            state =
                self.shared.changed.wait_timeout(state, timeout).unwrap_or_else(PoisonError::into_inner).0;
        }
    }

    /// The store, opened if needed; `None` (logged once per outage) when unreachable.
    fn store(&mut self) -> Option<&mut Box<dyn Store>> {
        if self.store.is_none() {
            match (self.open)() {
                Ok(store) => {
                    log::info!("statistics: writing to {}", store.describe());
                    self.store = Some(store);
                    self.said_down = false;
                    self.shared.lock().counts.store_up = true;
                }
                Err(err) => {
                    self.failed(&err);
                    return None;
                }
            }
        }
        self.store.as_mut()
    }

    /// Forgets the store after an error (it is opened again at the next try), says so once.
    fn failed(&mut self, err: &StoreError) {
        self.store = None;
        if !self.said_down {
            self.said_down = true;
            log::warn!(
                "statistics: store unreachable ({err}); visits wait in memory (up to {})",
                self.shared.queue_size
            );
        }
        self.shared.lock().counts.store_up = false;
    }

    fn purge(&mut self) -> bool {
        let cutoff = (self.settings.today)() - chrono::Days::new(u64::from(self.settings.retention_days));
        let Some(store) = self.store() else {
            return false;
        };
        match store.purge_before(cutoff) {
            Ok(deleted) => {
                log::info!(
                    "statistics: retention {} days: {deleted} older visits deleted",
                    self.settings.retention_days
                );
                true
            }
            Err(err) => {
                self.failed(&err);
                false
            }
        }
    }

    fn write(&mut self, records: &[VisitRecord], lost: &[Lost]) -> bool {
        let Some(store) = self.store() else {
            return false;
        };
        if let Err(err) = store.add(records) {
            self.failed(&err);
            return false;
        }
        let mut state = self.shared.lock();
        // Only the worker removes records, from the front: these are the ones written.
        let written = records.len().min(state.queue.len());
        state.queue.drain(..written);
        state.counts.written += written as u64;
        state.counts.queued = state.queue.len();
        drop(state);
        self.shared.changed.notify_all();
        if lost.is_empty() {
            return true;
        }
        let Some(store) = self.store() else {
            return false;
        };
        if let Err(err) = store.add_lost(lost) {
            self.failed(&err);
            return false;
        }
        let mut state = self.shared.lock();
        for one in lost {
            let key = (one.day, one.kiosk.clone());
            let remaining = state.lost.get(&key).map_or(0, |n| n.saturating_sub(one.records));
            if remaining == 0 {
                state.lost.remove(&key);
            } else {
                state.lost.insert(key, remaining);
            }
        }
        drop(state);
        self.shared.changed.notify_all();
        let total: u64 = lost.iter().map(|l| l.records).sum();
        log::warn!("statistics: store reachable again; {total} records lost meanwhile, counted in it");
        true
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;
    use crate::store::StoredVisits;

    /// A store in memory that can be made unreachable.
    #[derive(Clone, Default)]
    struct Flaky {
        up: Arc<AtomicBool>,
        visits: Arc<Mutex<Vec<VisitRecord>>>,
        lost: Arc<Mutex<Vec<Lost>>>,
        purged_before: Arc<Mutex<Option<NaiveDate>>>,
    }

    impl Flaky {
        fn check(&self) -> Result<(), StoreError> {
            if self.up.load(Ordering::SeqCst) { Ok(()) } else { Err(StoreError("down".to_owned())) }
        }
    }

    impl Store for Flaky {
        fn describe(&self) -> String {
            "memory".to_owned()
        }
        fn schema_version(&mut self) -> Result<u32, StoreError> {
            Ok(crate::store::SCHEMA_VERSION)
        }
        fn add(&mut self, records: &[VisitRecord]) -> Result<(), StoreError> {
            self.check()?;
            self.visits.lock().unwrap().extend_from_slice(records);
            Ok(())
        }
        fn add_lost(&mut self, lost: &[Lost]) -> Result<(), StoreError> {
            self.check()?;
            self.lost.lock().unwrap().extend_from_slice(lost);
            Ok(())
        }
        fn purge_before(&mut self, day: NaiveDate) -> Result<u64, StoreError> {
            self.check()?;
            *self.purged_before.lock().unwrap() = Some(day);
            Ok(0)
        }
        fn scan(&mut self, _each: &mut dyn FnMut(StoredVisits<'_>)) -> Result<(), StoreError> {
            self.check()
        }
        fn lost(&mut self) -> Result<Vec<Lost>, StoreError> {
            self.check()?;
            Ok(self.lost.lock().unwrap().clone())
        }
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn recorder(store: &Flaky, queue_size: usize) -> Recorder {
        let opened = store.clone();
        Recorder::start(
            Box::new(move || {
                opened.check()?;
                Ok(Box::new(opened.clone()) as Box<dyn Store>)
            }),
            RecorderSettings {
                queue_size,
                retention_days: 30,
                retry_every: Duration::from_millis(20),
                today: Box::new(day),
            },
        )
    }

    fn visit(language: &str) -> VisitRecord {
        VisitRecord::not_finished(day(), "k1", language)
    }

    #[test]
    fn records_wait_while_the_store_is_down_and_are_written_when_it_is_back() {
        let store = Flaky::default();
        let recorder = recorder(&store, 10);
        for _ in 0..6 {
            recorder.record(visit("fr"));
        }
        let counts = recorder.counts();
        assert_eq!((counts.queued, counts.dropped, counts.written), (6, 0, 0), "{counts:?}");
        assert!(!recorder.wait_until_written(Duration::from_millis(100)), "nothing can be written");
        store.up.store(true, Ordering::SeqCst);
        assert!(recorder.wait_until_written(Duration::from_secs(10)), "written once back");
        assert_eq!(store.visits.lock().unwrap().len(), 6);
        assert_eq!(
            *store.purged_before.lock().unwrap(),
            NaiveDate::from_ymd_opt(2026, 10, 24),
            "30 days kept"
        );
        let counts = recorder.counts();
        assert_eq!((counts.queued, counts.dropped, counts.written, counts.store_up), (0, 0, 6, true));
    }

    #[test]
    fn beyond_the_queue_new_records_are_dropped_counted_and_the_count_is_stored() {
        let store = Flaky::default();
        let recorder = recorder(&store, 4);
        for i in 0..7 {
            recorder.record(visit(if i < 4 { "fr" } else { "ar" }));
        }
        assert_eq!(recorder.counts().dropped, 3, "{:?}", recorder.counts());
        store.up.store(true, Ordering::SeqCst);
        assert!(recorder.wait_until_written(Duration::from_secs(10)), "written once back");
        let languages: Vec<String> =
            store.visits.lock().unwrap().iter().map(|v| v.language.clone()).collect();
        assert_eq!(languages, ["fr"; 4], "the oldest are kept, in order");
        let lost = store.lost.lock().unwrap().clone();
        assert_eq!(lost, [Lost { day: day(), kiosk: "k1".to_owned(), records: 3 }]);
    }

    /// With the store down for good, every record call still returns (it would hang here if
    /// it waited for the store), and leaving the kiosk gives up after a short wait.
    #[test]
    fn recording_never_waits_for_the_store() {
        let store = Flaky::default();
        let recorder = recorder(&store, 1000);
        for _ in 0..1000 {
            recorder.record(visit("en"));
        }
        assert_eq!(recorder.counts().queued, 1000);
        drop(recorder);
        assert!(store.visits.lock().unwrap().is_empty(), "the store stayed down");
    }
}
