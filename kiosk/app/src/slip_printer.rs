//! Printing the slip without ever making the visitor wait: typesetting and sending run on a
//! worker thread; the screen asks each frame how it went. A printer that does not answer in
//! time is given up on screen (the visitor is told to ask at the desk) even if the worker is
//! still stuck on it.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use repere_engine::slip::Slip;
use repere_print::{JobAccepted, PrintProblem, Printer, SlipTypesetter};

/// Where the visitor's slip is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PrintState {
    /// Nothing asked.
    #[default]
    Idle,
    /// Being typeset and sent.
    Printing,
    /// The printer (or spooler) has it.
    Printed,
    /// It will not come out: the visitor is told to ask at the desk and shown the codes.
    Failed,
}

/// What the operator's menu shows about the printer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PrinterStatus {
    /// No printer configured: slips are shown on screen.
    #[default]
    NoPrinter,
    /// Being asked.
    Checking,
    /// Ready.
    Ready,
    /// Not ready, with why.
    Problem(String),
}

enum Job {
    Print { serial: u64, slip: Box<Slip> },
    Status { serial: u64 },
}

enum Answer {
    Printed { serial: u64, outcome: Result<JobAccepted, PrintProblem> },
    Status { serial: u64, outcome: Result<(), PrintProblem> },
}

/// The kiosk's printer, driven from the UI thread.
pub struct SlipPrinter {
    jobs: Option<Sender<Job>>,
    answers: Option<Receiver<Answer>>,
    timeout: Duration,
    /// Jobs of an earlier visitor are ignored when they answer late.
    serial: u64,
    started: Option<Instant>,
    state: PrintState,
    status: PrinterStatus,
}

impl SlipPrinter {
    /// A worker for `printer`, with the typesetter it shares with others (made on first use,
    /// off the UI thread); no printer: nothing to run, slips are shown.
    pub fn new(printer: Option<Printer>, typesetter: Arc<OnceLock<SlipTypesetter>>) -> Self {
        let Some(printer) = printer else {
            return Self::without_printer();
        };
        let timeout = Duration::from_secs_f64(printer.settings().timeout_seconds);
        let (jobs, job_inbox) = channel::<Job>();
        let (answer_outbox, answers) = channel::<Answer>();
        let spawned = std::thread::Builder::new().name("slip-printer".to_owned()).spawn(move || {
            for job in job_inbox {
                let answer = match job {
                    Job::Print { serial, slip } => {
                        let typesetter =
                            typesetter.get_or_init(|| SlipTypesetter::new(&repere_print::fonts::ALL));
                        Answer::Printed { serial, outcome: typesetter.print(&slip, &printer) }
                    }
                    Job::Status { serial } => Answer::Status { serial, outcome: printer.status() },
                };
                if answer_outbox.send(answer).is_err() {
                    return;
                }
            }
        });
        match spawned {
            Ok(_) => Self {
                jobs: Some(jobs),
                answers: Some(answers),
                timeout,
                serial: 0,
                started: None,
                state: PrintState::Idle,
                status: PrinterStatus::Checking,
            },
            Err(e) => {
                log::error!("printer: no worker thread ({e}); slips are shown on screen");
                Self::without_printer()
            }
        }
    }

    fn without_printer() -> Self {
        Self {
            jobs: None,
            answers: None,
            timeout: Duration::ZERO,
            serial: 0,
            started: None,
            state: PrintState::Idle,
            status: PrinterStatus::NoPrinter,
        }
    }

    /// True when a printer is configured.
    pub fn has_printer(&self) -> bool {
        self.jobs.is_some()
    }

    /// Where the visitor's slip is.
    pub fn state(&self) -> &PrintState {
        &self.state
    }

    /// The printer's status for the operator.
    pub fn status(&self) -> &PrinterStatus {
        &self.status
    }

    /// Starts printing `slip`. Without a printer, it fails at once (the slip is shown).
    pub fn print(&mut self, slip: Slip) {
        self.serial += 1;
        let sent = self
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(Job::Print { serial: self.serial, slip: Box::new(slip) }).is_ok());
        if sent {
            self.state = PrintState::Printing;
            self.started = Some(Instant::now());
        } else {
            log::warn!("printer: {}", PrintProblem::NoPrinter);
            self.state = PrintState::Failed;
        }
    }

    /// Asks the printer how it is (the operator's menu).
    pub fn check_status(&mut self) {
        self.serial += 1;
        if let Some(jobs) = &self.jobs {
            self.status = if jobs.send(Job::Status { serial: self.serial }).is_ok() {
                PrinterStatus::Checking
            } else {
                PrinterStatus::Problem("the printing worker stopped".to_owned())
            };
        }
    }

    /// Takes in what the worker answered; gives up a job that takes too long. Returns true
    /// when the visitor's state changed (something to say).
    pub fn poll(&mut self) -> bool {
        let before = self.state.clone();
        loop {
            let answer = match self.answers.as_ref().map(Receiver::try_recv) {
                Some(Ok(answer)) => answer,
                Some(Err(TryRecvError::Disconnected)) => {
                    if self.state == PrintState::Printing {
                        log::error!("printer: the printing worker stopped");
                        self.state = PrintState::Failed;
                    }
                    break;
                }
                Some(Err(TryRecvError::Empty)) | None => break,
            };
            match answer {
                Answer::Printed { serial, outcome } if serial == self.serial => {
                    self.state = match outcome {
                        Ok(job) => {
                            log::info!("printer: slip accepted ({})", job.id);
                            PrintState::Printed
                        }
                        Err(problem) => {
                            log::warn!("printer: {problem}");
                            PrintState::Failed
                        }
                    };
                    self.started = None;
                }
                Answer::Status { serial, outcome } if serial == self.serial => {
                    self.status = match outcome {
                        Ok(()) => PrinterStatus::Ready,
                        Err(problem) => PrinterStatus::Problem(problem.to_string()),
                    };
                }
                Answer::Printed { .. } | Answer::Status { .. } => {} // an earlier visitor's
            }
        }
        // Typesetting takes a fraction of a second; the rest is the printer's answer.
        let patience = self.timeout * 2 + Duration::from_secs(5);
        if self.state == PrintState::Printing && self.started.is_some_and(|s| s.elapsed() > patience) {
            log::warn!("printer: {}", PrintProblem::NoAnswer(format!("no answer within {patience:?}")));
            self.state = PrintState::Failed;
            self.started = None;
        }
        self.state != before
    }

    /// Forgets the visitor's slip (goodbye, idle); a late answer is ignored.
    pub fn wipe(&mut self) {
        self.serial += 1;
        self.state = PrintState::Idle;
        self.started = None;
    }
}
