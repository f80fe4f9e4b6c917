//! Speech of text that changes per visitor (place names, hours, distances): rendered at run
//! time by the espeak-ng engine installed on the kiosk, with the voice the language's prompts
//! were made with, on a worker thread so the screen never waits for it.

use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Text being rendered to speech on a worker thread.
pub struct PendingSpeech {
    receiver: Receiver<Result<Vec<u8>, String>>,
}

impl PendingSpeech {
    /// Starts rendering `text` with espeak-ng `voice`.
    pub fn start(voice: &str, text: &str) -> Self {
        let (sender, receiver) = channel();
        let (voice, text) = (voice.to_owned(), text.to_owned());
        std::thread::spawn(move || {
            // Nobody listens any more when speech was interrupted: nothing to do then.
            sender.send(render(&voice, &text)).ok();
        });
        Self { receiver }
    }

    /// The WAV bytes once rendered: `None` while rendering, `Some(Err)` when it failed.
    pub fn poll(&self) -> Option<Result<Vec<u8>, String>> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err("the speech worker stopped".to_owned())),
        }
    }
}

/// The voices espeak-ng has (language codes, names and file names), listed once.
fn installed_voices() -> &'static Result<Vec<String>, String> {
    static VOICES: OnceLock<Result<Vec<String>, String>> = OnceLock::new();
    VOICES.get_or_init(|| {
        let output =
            espeak().arg("--voices").output().map_err(|err| format!("espeak-ng cannot run ({err})"))?;
        let listing = String::from_utf8_lossy(&output.stdout);
        // Columns: Pty, Language, Age/Gender, VoiceName, File, Other languages.
        Ok(listing
            .lines()
            .skip(1)
            .flat_map(|line| {
                let columns: Vec<&str> = line.split_whitespace().collect();
                let file = columns.get(4).and_then(|f| f.rsplit('/').next());
                [columns.get(1).copied(), columns.get(3).copied(), file]
                    .into_iter()
                    .flatten()
                    .map(str::to_owned)
            })
            .collect())
    })
}

fn espeak() -> Command {
    let mut command = Command::new("espeak-ng");
    if let Ok(path) = std::env::var("ESPEAK_DATA_PATH") {
        command.arg(format!("--path={path}"));
    }
    command
}

/// Renders `text` to a WAV file in memory with `espeak-ng -v voice --stdout`. A voice
/// espeak-ng does not have is an error (it would otherwise speak with another language's).
pub fn render(voice: &str, text: &str) -> Result<Vec<u8>, String> {
    let voices = installed_voices().as_ref().map_err(Clone::clone)?;
    if !voices.iter().any(|v| v == voice) {
        return Err(format!("espeak-ng has no voice {voice:?}"));
    }
    let mut command = espeak();
    // `-b 1`: the text is UTF-8; `--`: a text starting with "-" is not an option.
    let output = command
        .args(["-v", voice, "-b", "1", "--stdout", "--", text])
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("espeak-ng cannot run ({err})"))?;
    if !output.status.success() || output.stdout.len() <= 44 {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(format!("espeak-ng voice {voice:?} gave no speech: {}", why.trim()));
    }
    Ok(with_sizes(output.stdout))
}

/// Writes the real sizes into a WAV header streamed to stdout (espeak-ng leaves them at
/// "unknown", which decoders read as hours of sound).
fn with_sizes(mut wav: Vec<u8>) -> Vec<u8> {
    let size = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes();
    let riff = size(wav.len().saturating_sub(8));
    if wav.get(0..4) == Some(b"RIFF")
        && let Some(field) = wav.get_mut(4..8)
    {
        field.copy_from_slice(&riff);
    }
    let mut at = 12;
    while let Some(id) = wav.get(at..at + 4) {
        let is_data = id == b"data";
        if is_data {
            let data = size(wav.len().saturating_sub(at + 8));
            if let Some(field) = wav.get_mut(at + 4..at + 8) {
                field.copy_from_slice(&data);
            }
            break;
        }
        let Some(length) = wav.get(at + 4..at + 8).and_then(|b| <[u8; 4]>::try_from(b).ok()) else {
            break;
        };
        at += 8 + u32::from_le_bytes(length) as usize;
    }
    wav
}
