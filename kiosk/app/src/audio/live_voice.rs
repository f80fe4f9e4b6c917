//! Speech of text that changes per visitor (place names, hours, distances): rendered at run
//! time by the espeak-ng engine installed on the kiosk, with the voice the language's prompts
//! were made with, on a worker thread so the screen never waits for it. A voice Debian's
//! espeak-ng lacks (Tigrinya) is read from a voice data set built by `kiosk/tools/voice-data`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use repere_engine::config::Config;
use repere_engine::content::LanguageInfo;

/// An espeak-ng voice and the data it is read from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Voice {
    /// espeak-ng's name of the voice (`fr-fr`, `ti`).
    pub name: String,
    /// The folder holding the `espeak-ng-data` the voice needs (espeak-ng's `--path`); `None`:
    /// espeak-ng's own data (or `$ESPEAK_DATA_PATH`'s).
    pub data: Option<PathBuf>,
}

impl Voice {
    /// A voice of espeak-ng's own data.
    pub fn installed(name: &str) -> Self {
        Self { name: name.to_owned(), data: None }
    }

    /// The voice of `language` on this kiosk (its data set where `config` says), or `None`
    /// when the language has no voice.
    pub fn of(language: &LanguageInfo, config: &Config) -> Option<Self> {
        let name = language.voice.clone()?;
        Some(Self { name, data: config.espeak_data_path(language) })
    }

    /// `Ok` when espeak-ng can speak with this voice here; otherwise why not.
    pub fn check(&self) -> Result<(), String> {
        if let Some(data) = &self.data
            && !data.join("espeak-ng-data").is_dir()
        {
            return Err(format!(
                "the voice data of {:?} is not in {} (kiosk/tools/voice-data builds it)",
                self.name,
                data.display()
            ));
        }
        let voices = installed_voices(self.data.as_deref())?;
        if voices.contains(&self.name) {
            Ok(())
        } else {
            Err(format!("espeak-ng has no voice {:?}", self.name))
        }
    }
}

/// Text being rendered to speech on a worker thread.
pub struct PendingSpeech {
    receiver: Receiver<Result<Vec<u8>, String>>,
    voice: Voice,
}

impl PendingSpeech {
    /// Starts rendering `text` with `voice`.
    pub fn start(voice: &Voice, text: &str) -> Self {
        let (sender, receiver) = channel();
        let (worker_voice, text) = (voice.clone(), text.to_owned());
        std::thread::spawn(move || {
            // Nobody listens any more when speech was interrupted: nothing to do then.
            sender.send(render(&worker_voice, &text)).ok();
        });
        Self { receiver, voice: voice.clone() }
    }

    /// The voice it is spoken with.
    pub fn voice(&self) -> &Voice {
        &self.voice
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

/// The voices espeak-ng lists (or why it cannot), per data folder.
type VoiceLists = BTreeMap<Option<PathBuf>, Result<Vec<String>, String>>;

/// The voices espeak-ng has with the data of `data` (language codes, names and file names),
/// listed once per data folder.
fn installed_voices(data: Option<&Path>) -> Result<Vec<String>, String> {
    static VOICES: Mutex<VoiceLists> = Mutex::new(BTreeMap::new());
    let mut listed = VOICES.lock().map_err(|_| "the list of voices is unavailable".to_owned())?;
    listed
        .entry(data.map(Path::to_path_buf))
        .or_insert_with(|| {
            let output = espeak(data)
                .arg("--voices")
                .output()
                .map_err(|err| format!("espeak-ng cannot run ({err})"))?;
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
        .clone()
}

/// espeak-ng reading the voice data of `data`, else `$ESPEAK_DATA_PATH`'s, else its own.
fn espeak(data: Option<&Path>) -> Command {
    let mut command = Command::new("espeak-ng");
    if let Some(data) = data {
        command.arg(format!("--path={}", data.display()));
    } else if let Ok(path) = std::env::var("ESPEAK_DATA_PATH") {
        command.arg(format!("--path={path}"));
    }
    command
}

/// Renders `text` to a WAV file in memory with `espeak-ng -v <voice> --stdout`. A voice
/// espeak-ng does not have, or whose data is missing, is an error (espeak-ng would otherwise
/// speak with another language's voice).
pub fn render(voice: &Voice, text: &str) -> Result<Vec<u8>, String> {
    voice.check()?;
    let mut command = espeak(voice.data.as_deref());
    // `-b 1`: the text is UTF-8; `--`: a text starting with "-" is not an option.
    let (text, ssml) = spoken_form(voice, text);
    if ssml {
        command.arg("-m");
    }
    let output = command
        .args(["-v", &voice.name, "-b", "1", "--stdout", "--", &text])
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("espeak-ng cannot run ({err})"))?;
    if !output.status.success() || output.stdout.len() <= 44 {
        let why = String::from_utf8_lossy(&output.stderr);
        return Err(format!("espeak-ng voice {:?} gave no speech: {}", voice.name, why.trim()));
    }
    Ok(with_sizes(output.stdout))
}

/// What espeak-ng is given for `text`, and whether it is SSML. In a text of another script
/// (Arabic, Cyrillic), the Latin-script words are the places' French names and addresses: they
/// are said in French (`<voice xml:lang="fr">`) rather than by the voice's English fallback.
/// Not with a voice data set of its own (Tigrinya's has no French), nor for a French voice.
fn spoken_form(voice: &Voice, text: &str) -> (String, bool) {
    let text = shadda_first(text);
    let other_script = text.chars().any(|c| c.is_alphabetic() && !is_latin(c));
    if voice.data.is_some() || voice.name.starts_with("fr") || !other_script {
        return (text, false);
    }
    let escape = |part: &str| part.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut out = String::from("<speak>");
    let mut rest = text.as_str();
    while let Some(start) = rest.find(is_latin) {
        // A run of Latin words with the spaces and punctuation between them; numbers (a
        // postcode, a street number) are said in the visitor's language.
        let run_len = rest[start..]
            .find(|c: char| !(is_latin(c) || " '’-.,".contains(c)))
            .unwrap_or(rest.len() - start);
        // It ends on its last letter (it starts on one, so it is never empty).
        let end = start + rest[start..start + run_len].trim_end_matches(|c: char| !is_latin(c)).len();
        out.push_str(&escape(&rest[..start]));
        out.push_str("<voice xml:lang=\"fr\">");
        out.push_str(&escape(&rest[start..end]));
        out.push_str("</voice>");
        rest = &rest[end..];
    }
    out.push_str(&escape(rest));
    out.push_str("</speak>");
    (out, true)
}

/// A letter of the Latin script (French names and addresses).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{00c0}'..='\u{024f}').contains(&c) && c != '×' && c != '÷')
}

/// `text` with each Arabic-script short vowel (or tanwin) that precedes a shadda put after it.
/// Unicode's canonical order writes the vowel first, and espeak-ng then drops both the doubling
/// and the vowel; `kiosk/tools/render-sounds` feeds the prompts the same way.
pub fn shadda_first(text: &str) -> String {
    const SHADDA: char = '\u{0651}';
    let mut out = String::with_capacity(text.len());
    let mut vowel: Option<char> = None;
    for c in text.chars() {
        match vowel.take() {
            Some(v) if c == SHADDA => {
                out.push(SHADDA);
                out.push(v);
            }
            Some(v) => {
                out.push(v);
                if ('\u{064b}'..='\u{0650}').contains(&c) {
                    vowel = Some(c);
                } else {
                    out.push(c);
                }
            }
            None if ('\u{064b}'..='\u{0650}').contains(&c) => vowel = Some(c),
            None => out.push(c),
        }
    }
    if let Some(v) = vowel {
        out.push(v);
    }
    out
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_shadda_comes_before_its_vowel() {
        // مُحَمَّد as Unicode's canonical order writes it, then as espeak-ng reads it.
        let canonical = "م\u{64f}ح\u{64e}م\u{64e}\u{651}د";
        assert_eq!(super::shadda_first(canonical), "م\u{64f}ح\u{64e}م\u{651}\u{64e}د");
        assert_eq!(super::shadda_first("قال \u{64b}"), "قال \u{64b}", "a vowel with no shadda stays");
        assert_eq!(super::shadda_first("\u{64e}\u{650}\u{651}"), "\u{64e}\u{651}\u{650}", "the last vowel");
        assert_eq!(super::shadda_first("Rue de la Paix, 05"), "Rue de la Paix, 05");
    }

    #[test]
    fn french_names_in_another_script_are_said_in_french() {
        let arabic = super::Voice::installed("ar");
        let (text, ssml) =
            super::spoken_form(&arabic, "مكتبة 2 Place Louis Larrieu, 16290 HIERSAC على بعد 5 كم");
        assert!(ssml);
        assert_eq!(
            text,
            "<speak>مكتبة 2 <voice xml:lang=\"fr\">Place Louis Larrieu</voice>, 16290 <voice xml:lang=\"fr\">HIERSAC</voice> على بعد 5 كم</speak>"
        );
        let (text, _) = super::spoken_form(&arabic, "5 < 6 & في Angoulême");
        assert_eq!(text, "<speak>5 &lt; 6 &amp; في <voice xml:lang=\"fr\">Angoulême</voice></speak>");
        // A text all in Latin script, a French voice, a voice with its own data: as it is.
        let english = super::Voice::installed("en-gb");
        assert_eq!(super::spoken_form(&english, "Mairie Hiersac"), ("Mairie Hiersac".to_owned(), false));
        let french = super::Voice::installed("fr-fr");
        assert!(!super::spoken_form(&french, "مكتبة Angoulême").1);
        let tigrinya = super::Voice { name: "ti".to_owned(), data: Some("/x".into()) };
        assert!(!super::spoken_form(&tigrinya, "ቤት Angoulême").1);
    }
}
