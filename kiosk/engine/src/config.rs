//! The deployment config (TOML): site, kiosk id, location, languages, idle times, operator
//! PIN, on-site help line, audio output and paths. Every value has a demo default.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::problem::{Problem, line_of, toml_problem};

/// Where speech goes.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AudioOutput {
    /// Open speakers: the result is read aloud only when the visitor asks.
    Speakers,
    /// A headset: everything is read aloud.
    Headset,
}

/// A position.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

/// Idle times.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IdleTimes {
    /// Seconds without input before "Are you still there?".
    pub warning_after_seconds: f64,
    /// Seconds of that warning before the session is wiped.
    pub wipe_after_warning_seconds: f64,
}

impl IdleTimes {
    /// What is out of range.
    fn problems(&self) -> Vec<&'static str> {
        let mut problems = Vec::new();
        if !(20.0..=1800.0).contains(&self.warning_after_seconds) {
            problems.push("idle.warning_after_seconds is out of range (20 to 1800)");
        }
        if !(5.0..=300.0).contains(&self.wipe_after_warning_seconds) {
            problems.push("idle.wipe_after_warning_seconds is out of range (5 to 300)");
        }
        problems
    }
}

/// Audio settings.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AudioSettings {
    /// Speakers or headset.
    pub output: AudioOutput,
    /// Whether the attract screen speaks its invitation.
    pub attract_invitation: bool,
}

/// How the slip reaches paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrinterConnection {
    /// A queue of the system's print spooler (CUPS): office printers, or a receipt printer
    /// behind a raw queue.
    Cups {
        /// The queue's name (`lpstat -p`).
        queue: String,
    },
    /// A thermal receipt printer reached directly: `socket://host:9100` or a device file
    /// such as `/dev/usb/lp0`.
    Raw {
        /// Where it is.
        address: String,
    },
}

/// The printer of the kiosk (`[printer]`); no printer means the slip is shown on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct PrinterSettings {
    /// Where the slip goes.
    pub connection: PrinterConnection,
    /// What is sent: a PDF (A4 or 80 mm receipt) or ESC/POS raster bytes.
    pub format: crate::slip::SlipFormat,
    /// Seconds before a printer that does not answer is given up.
    pub timeout_seconds: f64,
    /// Jobs already waiting in a CUPS queue beyond which it is "full" (the visitor is told at
    /// once instead of waiting behind them).
    pub max_waiting_jobs: u32,
    /// The spooler's config, checked by `kiosk check` for kept copies of printed slips.
    pub cupsd_conf: PathBuf,
}

/// The deployment config.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Where the kiosk stands, shown on the slip.
    pub site_name: String,
    /// Id of this kiosk in statistics.
    pub kiosk_id: String,
    /// The kiosk's position.
    pub location: Location,
    /// Time zone of opening hours.
    pub time_zone: String,
    /// Languages offered, in the picker's order; empty = every language of the content.
    pub languages: Vec<String>,
    /// Language of the attract screen.
    pub default_language: String,
    /// Idle times.
    pub idle: IdleTimes,
    /// Argon2 hash of the operator PIN (`kiosk hash-pin`).
    pub operator_pin_hash: String,
    /// The on-site help line per language ("Ask at the desk, room 2"); French is the fallback.
    pub help_desk: BTreeMap<String, String>,
    /// Audio settings.
    pub audio: AudioSettings,
    /// A content folder layered over the built-in content.
    pub content: Option<PathBuf>,
    /// A places file.
    pub places: Option<PathBuf>,
    /// The printer; `None`: the slip is shown on screen (codes to photograph).
    pub printer: Option<PrinterSettings>,
    /// The folder of the voice data sets built by `kiosk/tools/voice-data`; `None`:
    /// `$REPERE_VOICE_DATA`, else [`DEFAULT_VOICE_DATA`].
    pub voice_data: Option<PathBuf>,
    /// The clock of opening hours, fixed (`--now`, RFC 3339); `None`: the system clock. Set
    /// by the command line only, never read from the file.
    pub now: Option<String>,
    /// The file it came from (`None` for the demo defaults).
    pub shown_path: Option<String>,
    /// Anonymous visit statistics (off by default).
    pub statistics: crate::statistics::StatisticsSettings,
    /// Room mode: the facilitator's listening address and export folder, or the facilitator
    /// a learner kiosk joins.
    pub room: crate::room::RoomSettings,
}

/// Where `kiosk/tools/voice-data` builds the voice data sets, and the kiosk finds them, unless
/// the config (`paths.voice_data`) or `$REPERE_VOICE_DATA` says otherwise.
pub const DEFAULT_VOICE_DATA: &str = "/usr/local/share/repere/voices";

/// Hash of the demo PIN `2580` (a column of the keypad), for the built-in demo only.
pub const DEMO_PIN_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$IztxahoaDVGG/w8WVfB0tA$W9i/63RviqAzw5rVAqcLONuBW7gToxXi4kAD6ZLlPTM";

impl Default for Config {
    /// The demo: a kiosk at the centre of the demo territory (the Charente export's places).
    fn default() -> Self {
        Self {
            site_name: "Repère — démonstration".to_owned(),
            kiosk_id: "demo".to_owned(),
            location: Location { lat: 45.6978, lon: 0.0598 },
            time_zone: "Europe/Paris".to_owned(),
            languages: Vec::new(),
            default_language: "fr".to_owned(),
            idle: IdleTimes { warning_after_seconds: 90.0, wipe_after_warning_seconds: 30.0 },
            operator_pin_hash: DEMO_PIN_HASH.to_owned(),
            help_desk: BTreeMap::new(),
            audio: AudioSettings { output: AudioOutput::Speakers, attract_invitation: true },
            content: None,
            places: None,
            printer: None,
            voice_data: None,
            now: None,
            shown_path: None,
            statistics: crate::statistics::StatisticsSettings::default(),
            room: crate::room::RoomSettings::default(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    site_name: Option<String>,
    kiosk_id: Option<String>,
    location: Option<toml::Spanned<Location>>,
    time_zone: Option<toml::Spanned<String>>,
    languages: Option<toml::Spanned<Vec<String>>>,
    default_language: Option<toml::Spanned<String>>,
    idle: Option<toml::Spanned<IdleTimes>>,
    operator: Option<OperatorFile>,
    help_desk: Option<BTreeMap<String, String>>,
    audio: Option<AudioSettings>,
    paths: Option<PathsFile>,
    statistics: Option<toml::Spanned<crate::statistics::StatisticsFile>>,
    printer: Option<toml::Spanned<PrinterFile>>,
    room: Option<crate::room::settings::RoomFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrinterFile {
    kind: String,
    queue: Option<String>,
    address: Option<String>,
    format: Option<String>,
    timeout_seconds: Option<f64>,
    max_waiting_jobs: Option<u32>,
    cupsd_conf: Option<PathBuf>,
}

impl PrinterFile {
    /// The settings, or what is wrong with them.
    fn settings(self) -> Result<PrinterSettings, String> {
        use crate::slip::SlipFormat;
        let connection = match (self.kind.as_str(), self.queue, self.address) {
            ("cups", Some(queue), None) if !queue.trim().is_empty() => PrinterConnection::Cups { queue },
            ("cups", _, _) => {
                return Err("printer: kind \"cups\" needs `queue` (and no `address`)".to_owned());
            }
            ("raw", None, Some(address)) if address.starts_with("socket://") || address.starts_with('/') => {
                PrinterConnection::Raw { address }
            }
            ("raw", _, _) => {
                return Err(
                    "printer: kind \"raw\" needs `address` (socket://host:9100 or /dev/usb/lp0), no `queue`"
                        .to_owned(),
                );
            }
            (other, _, _) => return Err(format!("printer: kind {other:?} is not \"cups\" or \"raw\"")),
        };
        let format = match (&connection, self.format.as_deref()) {
            (PrinterConnection::Cups { .. }, None) => SlipFormat::PdfA4,
            (PrinterConnection::Raw { .. }, None) => SlipFormat::Escpos,
            (_, Some(id)) => SlipFormat::from_id(id)
                .filter(|f| *f != SlipFormat::Text)
                .ok_or_else(|| format!("printer: format {id:?} is not pdf-a4, pdf-receipt or escpos"))?,
        };
        if matches!(connection, PrinterConnection::Raw { .. }) && format != SlipFormat::Escpos {
            return Err("printer: a raw printer takes format \"escpos\" only".to_owned());
        }
        let timeout_seconds = self.timeout_seconds.unwrap_or(10.0);
        if !(1.0..=120.0).contains(&timeout_seconds) {
            return Err("printer: timeout_seconds is out of range (1 to 120)".to_owned());
        }
        Ok(PrinterSettings {
            connection,
            format,
            timeout_seconds,
            max_waiting_jobs: self.max_waiting_jobs.unwrap_or(3),
            cupsd_conf: self.cupsd_conf.unwrap_or_else(|| PathBuf::from("/etc/cups/cupsd.conf")),
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OperatorFile {
    pin_hash: toml::Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PathsFile {
    content: Option<PathBuf>,
    places: Option<PathBuf>,
    voice_data: Option<PathBuf>,
}

impl Config {
    /// Parses a config file; paths in it are relative to the file's folder.
    pub fn parse(path: &str, text: &str) -> Result<Self, Vec<Problem>> {
        let file: ConfigFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
        let at = |span: std::ops::Range<usize>| Some(line_of(text, span.start));
        let mut problems = Vec::new();
        let mut config = Self { shown_path: Some(path.to_owned()), ..Self::default() };
        if let Some(v) = file.site_name {
            config.site_name = v;
        }
        if let Some(v) = file.kiosk_id {
            config.kiosk_id = v;
        }
        if let Some(v) = file.location {
            let line = at(v.span());
            let loc = v.into_inner();
            if !(-90.0..=90.0).contains(&loc.lat) || !(-180.0..=180.0).contains(&loc.lon) {
                problems.push(Problem::at(
                    path,
                    line,
                    "location: lat must be within ±90 and lon within ±180",
                ));
            }
            config.location = loc;
        }
        if let Some(v) = file.time_zone {
            let valid = crate::orientation::is_time_zone(v.get_ref());
            if !valid {
                problems.push(Problem::at(
                    path,
                    at(v.span()),
                    format!("time_zone {:?} is not an IANA zone like Europe/Paris", v.get_ref()),
                ));
            }
            config.time_zone = v.into_inner();
        }
        if let Some(v) = file.languages {
            if v.get_ref().is_empty() {
                problems.push(Problem::at(path, at(v.span()), "languages: list at least one language"));
            }
            config.languages = v.into_inner();
        }
        if let Some(v) = file.default_language {
            config.default_language = v.into_inner();
        }
        if let Some(v) = file.idle {
            let line = at(v.span());
            let idle = v.into_inner();
            problems.extend(idle.problems().into_iter().map(|reason| Problem::at(path, line, reason)));
            config.idle = idle;
        }
        if let Some(operator) = file.operator {
            if argon2::password_hash::PasswordHash::new(operator.pin_hash.get_ref()).is_err() {
                problems.push(Problem::at(
                    path,
                    at(operator.pin_hash.span()),
                    "operator.pin_hash is not a hash made by `kiosk hash-pin`",
                ));
            }
            config.operator_pin_hash = operator.pin_hash.into_inner();
        }
        if let Some(v) = file.help_desk {
            config.help_desk = v;
        }
        if let Some(v) = file.audio {
            config.audio = v;
        }
        let base = std::path::Path::new(path).parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        if let Some(printer) = file.printer {
            let line = at(printer.span());
            config.printer = printer
                .into_inner()
                .settings()
                .map_err(|reason| problems.push(Problem::at(path, line, reason)))
                .ok();
        }
        if let Some(paths) = file.paths {
            config.content = paths.content.map(|p| base.join(p));
            config.places = paths.places.map(|p| base.join(p));
            config.voice_data = paths.voice_data.map(|p| base.join(p));
        }
        if let Some(v) = file.statistics {
            let span = v.span();
            let settings = v.into_inner();
            config.statistics = crate::statistics::StatisticsSettings::from_file(
                settings,
                span,
                (path, text, &base),
                &mut problems,
            );
        }
        if let Some(room) = file.room {
            config.room = crate::room::RoomSettings::from_file(room, (path, text, &base), &mut problems);
        }
        if problems.is_empty() { Ok(config) } else { Err(problems) }
    }

    /// Reads and parses a config file.
    pub fn load(path: &std::path::Path) -> Result<Self, Vec<Problem>> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|err| vec![Problem::file(&shown, format!("cannot read: {err}"))])?;
        Self::parse(&shown, &text)
    }

    /// Checks the config against the content: offered languages exist, and so on.
    pub fn problems_with(&self, content: &crate::content::Content) -> Vec<Problem> {
        let path = self.shown_path.clone().unwrap_or_else(|| "built-in demo config".to_owned());
        let mut problems = Vec::new();
        for code in self.languages.iter().chain(std::iter::once(&self.default_language)) {
            if content.language(code).is_none() {
                problems.push(Problem::file(&path, format!("language {code:?} is not in the content")));
            }
        }
        if !self.languages.is_empty() && !self.languages.contains(&self.default_language) {
            problems.push(Problem::file(&path, "default_language must be one of languages"));
        }
        for code in self.help_desk.keys() {
            if content.language(code).is_none() {
                problems.push(Problem::file(
                    &path,
                    format!("help_desk: language {code:?} is not in the content"),
                ));
            }
        }
        problems
    }

    /// The languages the picker offers.
    pub fn offered_languages<'a>(
        &'a self,
        content: &'a crate::content::Content,
    ) -> Vec<&'a crate::content::LanguageInfo> {
        if self.languages.is_empty() {
            content.languages.iter().collect()
        } else {
            self.languages.iter().filter_map(|code| content.language(code)).collect()
        }
    }

    /// The on-site help line in `language`, else in French.
    pub fn help_desk_line(&self, language: &str) -> Option<&str> {
        self.help_desk
            .get(language)
            .or_else(|| self.help_desk.get(crate::REFERENCE_LANGUAGE))
            .map(String::as_str)
    }

    /// The folder of the voice data sets: `paths.voice_data`, else `$REPERE_VOICE_DATA`, else
    /// [`DEFAULT_VOICE_DATA`].
    pub fn voice_data_folder(&self) -> PathBuf {
        self.voice_data.clone().unwrap_or_else(|| {
            std::env::var_os("REPERE_VOICE_DATA")
                .filter(|v| !v.is_empty())
                .map_or_else(|| PathBuf::from(DEFAULT_VOICE_DATA), PathBuf::from)
        })
    }

    /// The folder espeak-ng reads `language`'s voice data from (its `--path`), when its voice
    /// needs a data set; `None`: espeak-ng's own data.
    pub fn espeak_data_path(&self, language: &crate::content::LanguageInfo) -> Option<PathBuf> {
        language.voice_data.as_ref().map(|set| self.voice_data_folder().join(set))
    }

    /// True when `pin` matches the operator PIN.
    pub fn pin_matches(&self, pin: &str) -> bool {
        use argon2::PasswordVerifier as _;
        argon2::password_hash::PasswordHash::new(&self.operator_pin_hash)
            .is_ok_and(|hash| argon2::Argon2::default().verify_password(pin.as_bytes(), &hash).is_ok())
    }
}

/// Hashes an operator PIN for the config (Argon2id, random salt).
pub fn hash_pin(pin: &str) -> Result<String, String> {
    use argon2::PasswordHasher as _;
    use std::io::Read as _;
    let mut salt = [0_u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut salt))
        .map_err(|err| format!("no randomness for the salt: {err}"))?;
    let salt = argon2::password_hash::SaltString::encode_b64(&salt).map_err(|err| err.to_string())?;
    argon2::Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_round_trips() {
        let hash = hash_pin("4321").unwrap();
        let config = Config { operator_pin_hash: hash, ..Config::default() };
        assert!(config.pin_matches("4321"), "right PIN");
        assert!(!config.pin_matches("1234"), "wrong PIN");
    }

    #[test]
    fn the_demo_pin_is_2580() {
        assert!(Config::default().pin_matches("2580"), "documented demo PIN");
    }

    #[test]
    fn voice_data_is_found_relative_to_the_config() {
        let config = Config::parse("/etc/repere/kiosk.toml", "[paths]\nvoice_data = \"voices\"\n").unwrap();
        assert_eq!(config.voice_data_folder(), PathBuf::from("/etc/repere/voices"));
        let tigrinya = crate::content::LanguageInfo {
            code: "ti".to_owned(),
            name: "ትግርኛ".to_owned(),
            direction: crate::content::language::Direction::Ltr,
            voice: Some("ti".to_owned()),
            voice_data: Some("piper-tts".to_owned()),
        };
        assert_eq!(config.espeak_data_path(&tigrinya), Some(PathBuf::from("/etc/repere/voices/piper-tts")));
        let french = crate::content::LanguageInfo { voice_data: None, ..tigrinya };
        assert_eq!(config.espeak_data_path(&french), None, "Debian's own data");
    }

    #[test]
    fn bad_values_are_located() {
        let text =
            "site_name = \"x\"\n\n[idle]\nwarning_after_seconds = 2\nwipe_after_warning_seconds = 30\n";
        let problems = Config::parse("kiosk.toml", text).unwrap_err();
        assert_eq!(problems[0].line, Some(3), "{}", problems[0]);
        let problems = Config::parse("kiosk.toml", "colour = 3\n").unwrap_err();
        assert_eq!(problems[0].line, Some(1), "{}", problems[0]);
    }
}
