//! The `kiosk` command line (CONTRACTS.md): machine-readable output on stdout, human
//! messages on stderr, fixed exit codes.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use repere_engine::config::{Config, hash_pin};
use repere_engine::content::offers::offer_place_problems;
use repere_engine::content::{Content, ContentSource};
use repere_engine::orientation::{Orientation, Territory};
use repere_engine::places::{Directory, import_places, places_file};
use repere_engine::problem::Problem;
use repere_engine::profile::VisitorProfile;
use repere_engine::result::VisitResult;
use repere_engine::slip::{Slip, SlipFormat};
use repere_print::SlipTypesetter;
use serde_json::json;

/// Options every command understands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// `--config FILE`.
    pub config: Option<PathBuf>,
    /// `--content DIR`.
    pub content: Option<PathBuf>,
    /// `--places FILE`.
    pub places: Option<PathBuf>,
    /// `--now RFC3339`.
    pub now: Option<String>,
    /// `--location LAT,LON`.
    pub location: Option<(f64, f64)>,
    /// `--windowed`.
    pub windowed: bool,
    /// `--shots DIR` (replay).
    pub shots: Option<PathBuf>,
    /// `--screen WIDTHxHEIGHT` (replay): the screen's size in pixels.
    pub screen: Option<(f32, f32)>,
    /// `--format F`.
    pub format: Option<String>,
    /// `--out FILE` (slip).
    pub out: Option<PathBuf>,
    /// `--listen ADDRESS:PORT` (room; default: the config's `room.listen`).
    pub listen: Option<String>,
    /// Words that are not options.
    pub words: Vec<String>,
}

const USAGE: &str = "usage: kiosk [--windowed] [--config FILE] [--content DIR]
       kiosk check | simulate FILE | replay SCRIPT [--shots DIR] [--screen WxH] | places check FILE | hash-pin | bench
       kiosk slip RESULT --format pdf-a4|pdf-receipt|escpos|text --out FILE | print RESULT
       kiosk stats [--format csv|json] | room [--listen ADDRESS:PORT]
options: --config FILE  --content DIR  --places FILE  --now RFC3339  --location LAT,LON";

/// Parses the arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--windowed" => options.windowed = true,
            "--config" => options.config = Some(PathBuf::from(value("--config")?)),
            "--content" => options.content = Some(PathBuf::from(value("--content")?)),
            "--places" => options.places = Some(PathBuf::from(value("--places")?)),
            "--now" => options.now = Some(value("--now")?),
            "--shots" => options.shots = Some(PathBuf::from(value("--shots")?)),
            "--screen" => {
                let text = value("--screen")?;
                let (w, h) = text.split_once('x').ok_or("--screen takes WIDTHxHEIGHT, as 1080x1920")?;
                let w: f32 = w.trim().parse().map_err(|_| "--screen: bad width")?;
                let h: f32 = h.trim().parse().map_err(|_| "--screen: bad height")?;
                if !(320.0..=8000.0).contains(&w) || !(320.0..=8000.0).contains(&h) {
                    return Err("--screen: each side between 320 and 8000 pixels".to_owned());
                }
                options.screen = Some((w, h));
            }
            "--format" => options.format = Some(value("--format")?),
            "--out" => options.out = Some(PathBuf::from(value("--out")?)),
            "--listen" => options.listen = Some(value("--listen")?),
            "--location" => {
                let text = value("--location")?;
                let (lat, lon) = text.split_once(',').ok_or("--location takes LAT,LON")?;
                let lat: f64 = lat.trim().parse().map_err(|_| "--location: bad latitude")?;
                let lon: f64 = lon.trim().parse().map_err(|_| "--location: bad longitude")?;
                options.location = Some((lat, lon));
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other if other.starts_with("--") => return Err(format!("unknown option {other}\n{USAGE}")),
            word => options.words.push(word.to_owned()),
        }
    }
    Ok(options)
}

/// Loads the config and the content as the options say; every problem found.
pub fn load(options: &Options) -> Result<(Config, Content, Territory), Vec<Problem>> {
    let mut config = match &options.config {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    if let Some((lat, lon)) = options.location {
        config.location = repere_engine::config::Location { lat, lon };
    }
    if options.places.is_some() {
        config.places.clone_from(&options.places);
    }
    config.now.clone_from(&options.now);
    let folder = options.content.clone().or_else(|| config.content.clone());
    config.content.clone_from(&folder);
    let source = ContentSource::layered(folder.as_deref()).map_err(|err| {
        let shown = folder.as_deref().map_or_else(String::new, |f| f.display().to_string());
        vec![Problem::file(shown, err.to_string())]
    })?;
    let content = Content::load(&source)?;
    let problems = config.problems_with(&content);
    if !problems.is_empty() {
        return Err(problems);
    }
    // The places file and the local offers are checked before anything starts.
    let territory = Territory::load(&config, &content)?;
    Ok((config, content, territory))
}

fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    // Nothing to do when stdout is gone: the exit code still tells.
    writeln!(stdout, "{text}").ok();
}

fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    writeln!(stderr, "{text}").ok();
}

/// Runs the command line; returns the exit code.
pub fn main(args: &[String]) -> i32 {
    crate::logger::install();
    let options = match parse_args(args) {
        Ok(options) => options,
        Err(message) => {
            err(&message);
            return 2;
        }
    };
    match options.words.first().map(String::as_str) {
        None => run_kiosk(&options),
        Some("check") => check(&options),
        Some("simulate") => simulate_command(&options),
        Some("replay") => replay_command(&options),
        Some("hash-pin") => hash_pin_command(),
        Some("places") if options.words.get(1).map(String::as_str) == Some("check") => places_check(&options),
        Some("bench") => crate::bench::run(),
        Some("room") => room_command(&options),
        Some("slip") => slip_command(&options),
        Some("print") => print_command(&options),
        Some("stats") => stats_command(options.config.as_deref(), options.format.as_deref()),
        Some(other) => {
            err(&format!("unknown command {other:?}\n{USAGE}"));
            2
        }
    }
}

fn run_kiosk(options: &Options) -> i32 {
    match load(options) {
        Ok((config, content, territory)) => {
            match crate::shell::run_kiosk(Arc::new(content), config, Arc::new(territory), options.windowed) {
                Ok(()) => 0,
                Err(message) => {
                    log::error!("{message}");
                    1
                }
            }
        }
        Err(problems) => {
            // Never half-start: the deployer sees why, on screen and in the log.
            for problem in &problems {
                log::error!("{problem}");
            }
            if let Err(message) = crate::shell::run_startup_failure(problems, options.windowed) {
                log::error!("{message}");
            }
            1
        }
    }
}

/// `kiosk room`: the facilitator's window, until closed.
fn room_command(options: &Options) -> i32 {
    let Some((config, content, territory)) = loaded_or_report(options) else {
        return 1;
    };
    let listen = options.listen.clone().unwrap_or_else(|| config.room.listen.clone());
    match crate::shell::run_room(Arc::new(content), config, &listen, territory.clock, options.windowed) {
        Ok(()) => 0,
        Err(message) => {
            err(&message);
            1
        }
    }
}

fn check(options: &Options) -> i32 {
    let mut problems = Vec::new();
    let loaded = match &options.config {
        Some(path) => Config::load(path).map_err(|p| problems.extend(p)).ok(),
        None => Some(Config::default()),
    };
    let folder = options.content.clone().or_else(|| loaded.as_ref().and_then(|c| c.content.clone()));
    let source = match ContentSource::layered(folder.as_deref()) {
        Ok(source) => Some(source),
        Err(error) => {
            let shown = folder.as_deref().map_or_else(String::new, |f| f.display().to_string());
            problems.push(Problem::file(shown, error.to_string()));
            None
        }
    };
    let content = source.as_ref().and_then(|source| {
        let (content, found) = Content::inspect(source);
        problems.extend(found);
        content
    });
    if let (Some(config), Some(content)) = (&loaded, &content) {
        problems.extend(config.problems_with(content));
    }
    if let Some(content) = &content {
        problems.extend(glyph_problems(content));
    }
    if let Some(config) = &loaded {
        problems.extend(printer_problems(config));
        problems.extend(room_problems(config));
    }
    let places = match (&loaded, &source) {
        (Some(config), Some(source)) => places_summary(
            options.places.as_deref().or(config.places.as_deref()),
            source,
            content.as_ref(),
            &mut problems,
        ),
        _ => None,
    };
    for problem in &problems {
        err(&problem.to_string());
    }
    let summary = match &content {
        Some(content) => json!({
            "languages": languages_summary(content, loaded.as_ref()),
            "questions": content.questions.len() + 1,
            "tasks": content.task_counts(),
            "budgets": budgets_summary(content),
            "places": places,
            "problems": problems.len(),
        }),
        None => {
            json!({"languages": {}, "questions": 0, "tasks": {}, "places": places, "problems": problems.len()})
        }
    };
    out(&summary.to_string());
    i32::from(!problems.is_empty())
}

/// The room's export folder must be a folder (the facilitator's "Export" writes there).
fn room_problems(config: &Config) -> Vec<Problem> {
    let Some(folder) = &config.room.export_folder else {
        return Vec::new();
    };
    if folder.is_dir() {
        return Vec::new();
    }
    let shown = config.shown_path.clone().unwrap_or_default();
    vec![Problem::file(shown, format!("room.export_folder {} is not a folder", folder.display()))]
}

/// A CUPS printer must not keep copies of the slips it printed (nothing personal on disk).
fn printer_problems(config: &Config) -> Vec<Problem> {
    let Some(settings) = &config.printer else {
        return Vec::new();
    };
    if !matches!(settings.connection, repere_engine::config::PrinterConnection::Cups { .. }) {
        return Vec::new();
    }
    let shown = settings.cupsd_conf.display().to_string();
    match repere_print::printer::cups_keeps_copies(&settings.cupsd_conf) {
        Ok(found) => found.into_iter().map(|message| Problem::file(&shown, message)).collect(),
        Err(message) => {
            vec![Problem::file(&shown, format!("cannot check that CUPS keeps no copies: {message}"))]
        }
    }
}

/// Each language's coverage, and whether this machine speaks its changing text (`live_voice`:
/// espeak-ng, the voice and its voice data are here).
fn languages_summary(content: &Content, config: Option<&Config>) -> serde_json::Value {
    let default = Config::default();
    let config = config.unwrap_or(&default);
    let mut coverage = json!(content.coverage());
    for language in &content.languages {
        let live = crate::audio::live_voice::Voice::of(language, config).is_some_and(|v| v.check().is_ok());
        if let Some(entry) = coverage.get_mut(&language.code).and_then(serde_json::Value::as_object_mut) {
            entry.insert("live_voice".to_owned(), json!(live));
        }
    }
    coverage
}

/// Each time budget of `flow.toml` with what the adaptive path gives its visitor.
fn budgets_summary(content: &Content) -> Vec<serde_json::Value> {
    content
        .flow
        .budgets
        .iter()
        .map(|budget| {
            let walk = budget.walk(content);
            json!({"visitor": budget.visitor, "tasks": walk.presented.len(),
                   "minutes": (f64::from(walk.minutes) * 10.0).round() / 10.0,
                   "max_minutes": budget.max_minutes})
        })
        .collect()
}

/// Texts and pictograms that the bundled fonts cannot draw (they would show as boxes).
fn glyph_problems(content: &Content) -> Vec<Problem> {
    let mut problems = Vec::new();
    let glyphs = crate::fonts::GlyphCheck::new();
    for locale in content.locales.values() {
        let texts: Vec<&str> = locale.strings.values().map(String::as_str).collect();
        let missing = glyphs.undrawable(&texts);
        if !missing.is_empty() {
            problems.push(Problem::file(&locale.shown_path, format!("no bundled font draws {missing:?}")));
        }
    }
    let pictures = content.questions.iter().map(|q| {
        (q.shown_path.as_str(), q.answers.iter().filter_map(|a| a.picture.as_deref()).collect::<Vec<_>>())
    });
    let task_pictures = content.tasks.iter().map(|t| (t.shown_path.as_str(), t.kind.pictures()));
    let documents = std::iter::once((content.documents.shown_path.as_str(), content.documents.pictures()));
    for (path, pictures) in pictures.chain(task_pictures).chain(documents) {
        let missing = glyphs.undrawable(&pictures);
        if !missing.is_empty() {
            problems.push(Problem::file(path, format!("no bundled font draws the pictogram {missing:?}")));
        }
    }
    problems
}

/// The places part of the check summary; a file of which no row can be shown is a problem,
/// and so is a local offer naming a place the file does not have.
fn places_summary(
    configured: Option<&Path>,
    source: &ContentSource,
    content: Option<&Content>,
    problems: &mut Vec<Problem>,
) -> Option<serde_json::Value> {
    match places_file(configured, source) {
        Ok(Some((shown, bytes))) => {
            let (directory, report) = Directory::import(&shown, &bytes);
            if report.kept == 0 {
                problems.push(Problem::file(&shown, "no place of this file can be shown to a visitor"));
            }
            if let Some(content) = content {
                problems.extend(offer_place_problems(&content.offers, &directory));
            }
            Some(json!({"file": shown, "rows": report.rows, "kept": report.kept,
                        "skipped": report.skipped.len(), "warnings": report.warnings.len()}))
        }
        Ok(None) => None,
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read stdin: {e}"))?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

fn loaded_or_report(options: &Options) -> Option<(Config, Content, Territory)> {
    match load(options) {
        Ok(loaded) => Some(loaded),
        Err(problems) => {
            for problem in &problems {
                err(&problem.to_string());
            }
            None
        }
    }
}

fn simulate_command(options: &Options) -> i32 {
    let Some(path) = options.words.get(1) else {
        err("usage: kiosk simulate FILE (- for stdin)");
        return 2;
    };
    let Some((_, content, territory)) = loaded_or_report(options) else {
        return 1;
    };
    let text = match read_input(path) {
        Ok(text) => text,
        Err(message) => {
            err(&message);
            return 2;
        }
    };
    let goals: Vec<String> = content
        .questions
        .iter()
        .filter(|q| q.id == "goals")
        .flat_map(|q| q.answers.iter().map(|a| a.id.clone()))
        .collect();
    match VisitorProfile::from_json(&text, &goals) {
        Ok(profile) if content.language(&profile.language).is_none() => {
            err(&format!("language {:?} is not in the content", profile.language));
            2
        }
        Ok(profile) => {
            let result = Orientation::new(&content, &territory).simulate(&profile);
            out(&serde_json::to_string(&result).unwrap_or_default());
            0
        }
        Err(message) => {
            err(&message);
            2
        }
    }
}

/// Reads a result file and makes its slip with the loaded content, config and clock.
fn slip_of(options: &Options, path: &str) -> Result<(Config, Slip), String> {
    let (config, content, territory) = load(options)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
    let now = territory.clock.now();
    let result = VisitResult::from_json(&read_input(path)?, now).map_err(|e| format!("{path}: {e}"))?;
    if content.language(&result.language).is_none() {
        return Err(format!("{path}: language {:?} is not in the content", result.language));
    }
    let slip = Slip::new(&result, &content, &config, now.date());
    Ok((config, slip))
}

fn slip_command(options: &Options) -> i32 {
    let (Some(path), Some(out_path)) = (options.words.get(1), &options.out) else {
        err(
            "usage: kiosk slip RESULT --format pdf-a4|pdf-receipt|escpos|text --out FILE (- for stdin/stdout)",
        );
        return 1;
    };
    let name = options.format.as_deref().unwrap_or("pdf-a4");
    let Some(format) = SlipFormat::from_id(name) else {
        err(&format!("--format {name:?}: pdf-a4, pdf-receipt, escpos or text"));
        return 1;
    };
    let bytes = slip_of(options, path).and_then(|(_, slip)| {
        SlipTypesetter::new(&repere_print::fonts::ALL).render(&slip, format).map_err(|e| e.to_string())
    });
    let written = bytes.and_then(|bytes| {
        if out_path.as_os_str() == "-" {
            std::io::stdout().lock().write_all(&bytes).map_err(|e| format!("stdout: {e}"))
        } else {
            std::fs::write(out_path, &bytes).map_err(|e| format!("{}: {e}", out_path.display()))
        }
    });
    match written {
        Ok(()) => 0,
        Err(message) => {
            err(&message);
            1
        }
    }
}

fn print_command(options: &Options) -> i32 {
    let Some(path) = options.words.get(1) else {
        err("usage: kiosk print RESULT (- for stdin)");
        return 1;
    };
    let (config, slip) = match slip_of(options, path) {
        Ok(made) => made,
        Err(message) => {
            err(&message);
            return 1;
        }
    };
    let Some(settings) = config.printer else {
        err(&format!("{} (set [printer] in the config)", repere_print::PrintProblem::NoPrinter));
        return 1;
    };
    let printer = repere_print::Printer::new(settings);
    match SlipTypesetter::new(&repere_print::fonts::ALL).print(&slip, &printer) {
        Ok(job) => {
            out(&json!({"job": job.id, "format": printer.settings().format.id()}).to_string());
            0
        }
        Err(problem) => {
            err(&problem.to_string());
            1
        }
    }
}

fn replay_command(options: &Options) -> i32 {
    let Some(path) = options.words.get(1) else {
        err("usage: kiosk replay SCRIPT [--shots DIR] [--screen WxH]");
        return 2;
    };
    let script = match read_input(path).and_then(|text| crate::replay::parse_script(&text)) {
        Ok(script) => script,
        Err(message) => {
            err(&message);
            return 2;
        }
    };
    let Some((config, content, _)) = loaded_or_report(options) else {
        return 1;
    };
    if let Some(language) = &script.language
        && content.language(language).is_none()
    {
        err(&format!("language {language:?} is not in the content"));
        return 2;
    }
    let screen = options.screen.map(|(w, h)| egui::vec2(w, h));
    match crate::replay::run(&script, &Arc::new(content), config, options.shots.as_deref(), screen) {
        Ok(Ok(result)) => {
            out(&serde_json::to_string(&result).unwrap_or_default());
            0
        }
        Ok(Err(screen)) => {
            out(&json!({"version": 1, "ended_on": screen}).to_string());
            0
        }
        Err(error) => {
            err(&error.to_string());
            1
        }
    }
}

fn places_check(options: &Options) -> i32 {
    let Some(path) = options.words.get(2) else {
        err("usage: kiosk places check FILE");
        return 2;
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            err(&format!("cannot read {path}: {e}"));
            return 1;
        }
    };
    let report = import_places(path, &bytes);
    if let Some(why) = &report.error {
        err(&format!("{path}: {why}"));
    }
    err(&format!(
        "{path}: {} rows, {} kept, {} skipped, {} warnings",
        report.rows,
        report.kept,
        report.skipped.len(),
        report.warnings.len()
    ));
    out(&serde_json::to_string(&report).unwrap_or_default());
    i32::from(report.kept == 0)
}

/// `kiosk stats`: the aggregates of the configured store (whether or not this config turns
/// recording on, so that an office machine can read a fleet's server).
fn stats_command(config: Option<&Path>, format: Option<&str>) -> i32 {
    let format = format.unwrap_or("csv");
    if !matches!(format, "csv" | "json") {
        err("usage: kiosk stats [--format csv|json]");
        return 2;
    }
    let config = match config {
        Some(path) => match Config::load(path) {
            Ok(config) => config,
            Err(problems) => {
                for problem in &problems {
                    err(&problem.to_string());
                }
                return 1;
            }
        },
        None => Config::default(),
    };
    let report = repere_stats::store::open_existing(&config.statistics)
        .and_then(|mut store| repere_stats::report::report(store.as_mut()));
    let report = match report {
        Ok(report) => report,
        Err(error) => {
            err(&format!("statistics store unreachable: {error}"));
            return 1;
        }
    };
    if format == "json" {
        out(&report.to_json().to_string());
    } else {
        out(report.to_csv().trim_end());
    }
    let lost: u64 = report.lost.iter().map(|l| l.records).sum();
    err(&format!(
        "{} cells; {} cells under {} visits suppressed; {lost} records lost while the store was unreachable",
        report.cells.len(),
        report.suppressed_cells,
        repere_stats::report::MIN_VISITS
    ));
    0
}

fn hash_pin_command() -> i32 {
    let mut pin = String::new();
    if let Err(e) = std::io::stdin().read_line(&mut pin) {
        err(&format!("cannot read the PIN: {e}"));
        return 1;
    }
    let pin = pin.trim();
    if pin.len() < 4 || !pin.chars().all(|c| c.is_ascii_digit()) {
        err("the PIN must be at least 4 digits (the kiosk's PIN pad has digits only)");
        return 1;
    }
    match hash_pin(pin) {
        Ok(hash) => {
            out(&hash);
            0
        }
        Err(message) => {
            err(&message);
            1
        }
    }
}
