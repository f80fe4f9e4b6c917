//! The `kiosk` command line, as deployers and scripts call it (CONTRACTS.md).

use std::io::Write as _;
use std::process::{Command, Stdio};

use super::temp_dir;

fn kiosk(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn check_passes_on_the_shipped_content() {
    let (code, stdout, stderr) = kiosk(&["check"], "");
    assert_eq!(code, 0, "{stderr}");
    let summary: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(summary["problems"], 0);
    assert_eq!(summary["tasks"]["mouse"], 5);
    assert_eq!(summary["tasks"]["email"], 6);
    for code in ["fr", "en", "ar"] {
        assert_eq!(summary["languages"][code]["keys"], 1.0, "{code}");
        assert_eq!(summary["languages"][code]["sounds"], 1.0, "{code}");
        assert_eq!(summary["languages"][code]["untranslated"], 0, "{code}");
    }
    assert_eq!(summary["languages"]["fr"]["voice"], "espeak-ng fr-fr");
}

#[test]
fn check_locates_problems_in_a_deployer_folder() {
    let dir = temp_dir("check");
    let tasks = dir.join("scenarios/tasks/mouse");
    std::fs::create_dir_all(&tasks).unwrap();
    let task = "id = \"mouse.click_big\"\ndomain = \"mouse\"\nkind = \"click_target\"\nskill = \"s\"\nsay = \"task.mouse.click_big.say\"\n\n[params]\ntargets = 9\nsize = 220\ntarget = { label = \"task.mouse.click_big.target\" }\n\n[typical_seconds]\neloigne = 40\ndebutant = 12\nintermediaire = 5\navance = 4\nautonome = 3\n";
    std::fs::write(tasks.join("01-click-big.toml"), task).unwrap();
    let (code, stdout, stderr) = kiosk(&["check", "--content", dir.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stderr}");
    let expected = format!(
        "{}:8: params.targets = 9 is out of range (1 to 5)",
        tasks.join("01-click-big.toml").display()
    );
    assert!(stderr.lines().any(|l| l == expected), "expected {expected:?} in\n{stderr}");
    let summary: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(summary["problems"], 1);
}

/// The local offers a deployer writes are checked like the rest: unknown levels and places of
/// the directory are located; the documented example is valid once copied into place.
#[test]
fn check_validates_local_offers() {
    let dir = temp_dir("offers");
    std::fs::create_dir_all(dir.join("scenarios")).unwrap();
    let example =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/local-offers.example.toml");
    let offers = dir.join("scenarios/local-offers.toml");
    std::fs::copy(&example, &offers).unwrap();
    let (code, _, stderr) = kiosk(&["check", "--content", dir.to_str().unwrap()], "");
    assert_eq!(code, 0, "the example is valid over the demo territory: {stderr}");

    let text = std::fs::read_to_string(&example).unwrap();
    let broken = text
        .replace("levels = [\"eloigne\", \"debutant\"]", "levels = [\"expert\"]")
        .replace("d4251632-c8f5-42de-bafe-a7391957cd64", "nowhere");
    std::fs::write(&offers, &broken).unwrap();
    let (code, _, stderr) = kiosk(&["check", "--content", dir.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stderr}");
    let line = broken.lines().position(|l| l.contains("id = \"atelier-premiers-pas\"")).unwrap();
    // The offer's `[[offer]]` header is the line before its id.
    let at = format!("{}:{line}: ", offers.display());
    assert!(stderr.contains(&format!("{at}unknown level \"expert\"")), "{stderr}");
    let (code, _, stderr) =
        kiosk(&["simulate", "-", "--content", dir.to_str().unwrap()], r#"{"language": "fr"}"#);
    assert_eq!(code, 1, "a bad offers file stops simulate too: {stderr}");

    std::fs::write(&offers, text.replace("d4251632-c8f5-42de-bafe-a7391957cd64", "nowhere")).unwrap();
    let (code, _, stderr) = kiosk(&["check", "--content", dir.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{at}place \"nowhere\" is not an id of the places directory")),
        "{stderr}"
    );
}

#[test]
fn a_bad_config_is_located() {
    let dir = temp_dir("config");
    let path = dir.join("kiosk.toml");
    std::fs::write(&path, "site_name = \"Médiathèque\"\nlanguages = [\"fr\", \"xx\"]\n[idle]\nwarning_after_seconds = 5\nwipe_after_warning_seconds = 30\n").unwrap();
    let (code, _, stderr) = kiosk(&["check", "--config", path.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("kiosk.toml:3: idle.warning_after_seconds is out of range"), "{stderr}");
}

#[test]
fn simulate_turns_a_profile_into_a_result() {
    let profile = r#"{"version": 1, "language": "fr",
        "answers": {"urgent_procedure": true, "devices": ["none"], "internet_at_home": false, "email": "none",
                    "procedures_alone": "never", "obstacles": ["fear"], "french_reading": "hard",
                    "goals": ["benefits"], "access_needs": ["wheelchair"]},
        "domains": {"mouse": 0.2, "keyboard": null}}"#;
    let (code, stdout, stderr) = kiosk(&["simulate", "-"], profile);
    assert_eq!(code, 0, "{stderr}");
    let result: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(result["version"], 1);
    assert_eq!(result["level"]["id"], "eloigne");
    assert_eq!(result["level"]["rank"], 1);
    assert_eq!(result["modality"], "assist");
    assert_eq!(result["urgent_help_first"], true);
    assert_eq!(result["literacy_support"], true);
    assert_eq!(result["french_course"], false);
    assert_eq!(result["obstacles"], serde_json::json!(["equipment", "fear", "dont_know_how"]));
    assert_eq!(result["domains"]["mouse"]["status"], "not_yet");
    assert_eq!(result["domains"]["keyboard"]["status"], "not_reached");
    assert_eq!(result["domains"].as_object().unwrap().len(), 6, "all six domains");
}

/// `kiosk simulate` on the profiles of `tests/golden/simulate/` gives exactly the results
/// stored beside them, on the demo territory at a fixed time. After a deliberate change of
/// the rules or the places: `UPDATE_GOLDEN=1`, then review the diff.
#[test]
fn simulate_golden_results() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/simulate");
    let mut profiles: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".profile.json"))
        .collect();
    profiles.sort();
    assert!(profiles.len() >= 5, "five very different visitors at least");
    for profile in profiles {
        let name = profile.to_string_lossy().replace(".profile.json", "");
        let (code, stdout, stderr) =
            kiosk(&["simulate", profile.to_str().unwrap(), "--now", super::MONDAY_10], "");
        assert_eq!(code, 0, "{name}: {stderr}");
        let result: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
        let golden = format!("{name}.result.json");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, serde_json::to_string_pretty(&result).unwrap() + "\n").unwrap();
        }
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&golden).unwrap_or_default()).unwrap_or_default();
        assert_eq!(result, expected, "{name}: the result changed (UPDATE_GOLDEN=1 to accept)");
        let recommendations = result["recommendations"].as_array().unwrap();
        assert!(!recommendations.is_empty(), "{name}: everyone gets a next step");
    }
}

#[test]
fn simulate_refuses_an_invalid_profile_with_exit_2() {
    let (code, _, stderr) =
        kiosk(&["simulate", "-"], r#"{"language": "fr", "answers": {"email": "sometimes"}}"#);
    assert_eq!(code, 2);
    assert!(stderr.contains("answers.email"), "{stderr}");
}

#[test]
fn replay_exit_codes() {
    let dir = temp_dir("replay");
    let invalid = dir.join("invalid.json");
    std::fs::write(&invalid, r#"{"steps": [{"juggle": 3}]}"#).unwrap();
    let (code, _, stderr) = kiosk(&["replay", invalid.to_str().unwrap()], "");
    assert_eq!(code, 2, "{stderr}");

    let missing = dir.join("missing.json");
    std::fs::write(&missing, r#"{"language": "fr", "steps": [{"click": "Nulle part"}]}"#).unwrap();
    let (code, stdout, stderr) = kiosk(&["replay", missing.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains("step 1: no widget labelled \"Nulle part\""), "{stderr}");

    let short = dir.join("short.json");
    std::fs::write(&short, r#"{"language": "fr", "steps": [{"click_key": "attract.touch"}]}"#).unwrap();
    let (code, stdout, stderr) = kiosk(&["replay", short.to_str().unwrap()], "");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), r#"{"ended_on":"language","version":1}"#);
}

#[test]
fn hash_pin_makes_a_hash_the_config_accepts() {
    let (code, stdout, stderr) = kiosk(&["hash-pin"], "4711\n");
    assert_eq!(code, 0, "{stderr}");
    let hash = stdout.trim();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    let config =
        repere_engine::config::Config::parse("k.toml", &format!("[operator]\npin_hash = \"{hash}\"\n"))
            .unwrap();
    assert!(config.pin_matches("4711"), "right PIN");
    assert!(!config.pin_matches("4712"), "wrong PIN");
    let (code, _, _) = kiosk(&["hash-pin"], "12\n");
    assert_eq!(code, 1, "too short");
}

#[test]
fn a_deployer_folder_changes_texts_without_recompiling() {
    // In its own process: the translations overlay is process-wide.
    let dir = temp_dir("overlay");
    std::fs::create_dir_all(dir.join("locales")).unwrap();
    std::fs::write(
        dir.join("locales/fr.yml"),
        "_version: 1\nwelcome:\n  title: \"Bienvenue à la médiathèque\"\n",
    )
    .unwrap();
    let script = dir.join("script.json");
    std::fs::write(
        &script,
        r#"{"language": "fr", "steps": [{"click": "Français"}, {"expect": "Bienvenue à la médiathèque"}]}"#,
    )
    .unwrap();
    let (code, stdout, stderr) =
        kiosk(&["replay", script.to_str().unwrap(), "--content", dir.to_str().unwrap()], "");
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout.trim(), r#"{"ended_on":"welcome","version":1}"#);
    let (code, _, stderr) = kiosk(&["check", "--content", dir.to_str().unwrap()], "");
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn places_check_reports_the_real_export_and_refuses_an_empty_one() {
    let real = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/places/charente-2023-07-11.json");
    let (code, stdout, stderr) = kiosk(&["places", "check", real], "");
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(
        (report["format"].as_str(), report["rows"].as_u64(), report["kept"].as_u64()),
        (Some("json"), Some(188), Some(188))
    );

    let dir = temp_dir("places");
    let bad = dir.join("places.json");
    std::fs::write(&bad, r#"[{"id": "a"}, {"id": "b", "nom": "Sans lieu"}]"#).unwrap();
    let (code, stdout, _) = kiosk(&["places", "check", bad.to_str().unwrap()], "");
    assert_eq!(code, 1, "no row kept");
    let report: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(report["skipped"][0]["row"], 1);
    assert_eq!(report["skipped"][0]["reason"], "no name");

    let (code, stdout, stderr) = kiosk(&["check", "--places", bad.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains("no place of this file can be shown"), "{stderr}");
}

#[test]
fn check_summarises_the_demo_territory() {
    let (_, stdout, _) = kiosk(&["check"], "");
    let summary: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(summary["places"]["rows"], 188);
    assert_eq!(summary["places"]["kept"], 188);
    assert!(summary["places"]["file"].as_str().unwrap().ends_with("charente-2023-07-11.json"));
    // The time budgets, walked on the adaptive path.
    let budgets = summary["budgets"].as_array().unwrap();
    assert_eq!(budgets.len(), 3);
    for budget in budgets {
        assert!(budget["minutes"].as_f64().unwrap() <= budget["max_minutes"].as_f64().unwrap(), "{budget}");
    }
    assert_eq!(budgets[0]["tasks"], 2, "never touched a mouse: two tasks, then the test ends kindly");
    // At least 30 tasks, in six domains.
    let tasks = summary["tasks"].as_object().unwrap();
    assert_eq!(tasks.len(), 6, "{tasks:?}");
    assert!(tasks.values().map(|n| n.as_u64().unwrap()).sum::<u64>() >= 30, "{tasks:?}");
}

#[test]
fn check_finds_a_pictogram_no_font_draws() {
    let dir = temp_dir("glyph");
    std::fs::create_dir_all(dir.join("scenarios/questions")).unwrap();
    let question = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scenarios/questions/04-email.toml"
    ))
    .unwrap();
    std::fs::write(
        dir.join("scenarios/questions/04-email.toml"),
        question.replacen("picture = \"✉\"", "picture = \"🥕\"", 1),
    )
    .unwrap();
    let (code, _, stderr) = kiosk(&["check", "--content", dir.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("04-email.toml: no bundled font draws the pictogram ['🥕']"), "{stderr}");
}

/// A golden result to make slips of.
fn golden_result() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/simulate/allophone-smartphone-beginner.result.json"),
    )
    .unwrap()
}

#[test]
fn slip_writes_every_format_of_a_result() {
    let dir = temp_dir("slip-formats");
    let result = golden_result();
    for (format, starts) in [
        ("pdf-a4", &b"%PDF-"[..]),
        ("pdf-receipt", b"%PDF-"),
        ("escpos", b"\x1b@"),
        ("text", "نتيجتك".as_bytes()),
    ] {
        let out = dir.join(format!("slip.{format}"));
        let (code, _, stderr) = kiosk(
            &["slip", "-", "--format", format, "--out", out.to_str().unwrap(), "--now", super::MONDAY_10],
            &result,
        );
        assert_eq!(code, 0, "{format}: {stderr}");
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(starts), "{format} starts with {:?}", &bytes[..8.min(bytes.len())]);
    }
    let text = std::fs::read_to_string(dir.join("slip.text")).unwrap();
    assert!(text.contains("Votre résultat"), "the French half for the desk");
}

#[test]
fn slip_refuses_what_is_not_a_result() {
    let dir = temp_dir("slip-refused");
    let out = dir.join("slip.pdf");
    let out = out.to_str().unwrap();
    let (code, _, stderr) = kiosk(&["slip", "-", "--format", "pdf-a4", "--out", out], r#"{"version": 1}"#);
    assert_eq!(code, 1);
    assert!(stderr.contains("not a result"), "{stderr}");
    let (code, _, stderr) = kiosk(&["slip", "-", "--format", "pdf-a5", "--out", out], &golden_result());
    assert_eq!(code, 1);
    assert!(stderr.contains("pdf-a5"), "{stderr}");
    assert!(!std::path::Path::new(out).exists(), "nothing written");
}

#[test]
fn print_without_a_printer_says_why_and_a_receipt_printer_takes_the_job() {
    let (code, _, stderr) = kiosk(&["print", "-"], &golden_result());
    assert_eq!(code, 1);
    assert!(stderr.contains("no printer"), "{stderr}");

    let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = socket.local_addr().unwrap().port();
    let receiver = std::thread::spawn(move || {
        use std::io::Read as _;
        let (mut stream, _) = socket.accept().unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        bytes
    });
    let dir = temp_dir("print-raw");
    let config = dir.join("kiosk.toml");
    std::fs::write(&config, format!("[printer]\nkind = \"raw\"\naddress = \"socket://127.0.0.1:{port}\"\n"))
        .unwrap();
    let (code, stdout, stderr) =
        kiosk(&["print", "-", "--config", config.to_str().unwrap()], &golden_result());
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"escpos\""), "{stdout}");
    let bytes = receiver.join().unwrap();
    assert!(bytes.len() > 10_000 && bytes.ends_with(&[0x1D, 0x56, 0x42, 0x00]), "{} bytes", bytes.len());
}

#[test]
fn check_refuses_a_cups_printer_that_keeps_copies_of_slips() {
    let dir = temp_dir("cupsd-conf");
    let conf = dir.join("cupsd.conf");
    std::fs::write(&conf, "LogLevel warn\nPreserveJobHistory No\n").unwrap();
    let config = dir.join("kiosk.toml");
    std::fs::write(
        &config,
        format!("[printer]\nkind = \"cups\"\nqueue = \"Repere\"\ncupsd_conf = \"{}\"\n", conf.display()),
    )
    .unwrap();
    let (code, _, stderr) = kiosk(&["check", "--config", config.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert!(stderr.contains("PreserveJobFiles"), "{stderr}");
    std::fs::write(&conf, "PreserveJobFiles No\nPreserveJobHistory No\n").unwrap();
    let (code, _, stderr) = kiosk(&["check", "--config", config.to_str().unwrap()], "");
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_bad_printer_config_is_located() {
    let dir = temp_dir("printer-config");
    let config = dir.join("kiosk.toml");
    std::fs::write(&config, "site_name = \"Test\"\n\n[printer]\nkind = \"raw\"\naddress = \"socket://10.0.0.9:9100\"\nformat = \"pdf-a4\"\n").unwrap();
    let (code, _, stderr) = kiosk(&["check", "--config", config.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert!(stderr.contains("kiosk.toml:3") && stderr.contains("escpos"), "{stderr}");
}

/// A content folder with Tigrinya (its voice from the piper-tts data) and a language without a
/// voice: `kiosk check` names Tigrinya's voice and says whether this machine speaks it at run
/// time; the voiceless language has `null`. (Its texts and prompts are the French ones: the
/// summary is what is tested here, not the translation.)
#[test]
fn check_names_each_voice_and_whether_it_speaks_here() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = temp_dir("voices");
    std::fs::create_dir_all(dir.join("scenarios")).unwrap();
    std::fs::create_dir_all(dir.join("locales")).unwrap();
    std::fs::create_dir_all(dir.join("sounds/ti")).unwrap();
    let mut languages = std::fs::read_to_string(root.join("scenarios/languages.toml")).unwrap();
    languages.push_str("\n[[language]]\ncode = \"ti\"\nname = \"ትግርኛ\"\ndirection = \"ltr\"\nvoice = \"ti\"\nvoice_data = \"piper-tts\"\n");
    languages.push_str("\n[[language]]\ncode = \"ps\"\nname = \"پښتو\"\ndirection = \"rtl\"\n");
    std::fs::write(dir.join("scenarios/languages.toml"), languages).unwrap();
    for code in ["ti", "ps"] {
        std::fs::copy(root.join("locales/fr.yml"), dir.join(format!("locales/{code}.yml"))).unwrap();
    }
    for entry in std::fs::read_dir(root.join("sounds/fr")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        if name == "manifest.toml" {
            let manifest = std::fs::read_to_string(&path).unwrap();
            let manifest = manifest.replace("voice = \"espeak-ng fr-fr\"", "voice = \"espeak-ng ti\"");
            std::fs::write(dir.join("sounds/ti/manifest.toml"), manifest).unwrap();
        } else {
            std::fs::copy(&path, dir.join("sounds/ti").join(name)).unwrap();
        }
    }
    let voices = dir.join("voices");
    let data = repere_engine::config::Config::default().voice_data_folder();
    let check = |voices: &std::path::Path| {
        let config = dir.join("kiosk.toml");
        std::fs::write(&config, format!("[paths]\nvoice_data = {:?}\n", voices.display().to_string()))
            .unwrap();
        let (code, stdout, stderr) =
            kiosk(&["check", "--config", config.to_str().unwrap(), "--content", dir.to_str().unwrap()], "");
        assert_eq!(code, 0, "{stderr}");
        let summary: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
        summary["languages"].clone()
    };

    let languages = check(&voices);
    assert_eq!(languages["ti"]["voice"], "espeak-ng ti");
    assert_eq!(languages["ti"]["sounds"], 1.0);
    assert_eq!(languages["ti"]["live_voice"], false, "no voice data in {}", voices.display());
    assert_eq!(languages["ps"]["voice"], serde_json::Value::Null, "Pashto: captions only");
    assert_eq!(languages["ps"]["sounds"], 0.0);
    assert_eq!(languages["ps"]["live_voice"], false);

    // With the data `kiosk/tools/voice-data` built (`.ci/run` builds it), Tigrinya speaks.
    let built = data.join("piper-tts/espeak-ng-data").is_dir()
        && std::process::Command::new("espeak-ng").arg("--version").output().is_ok();
    assert!(built || std::env::var("CI").as_deref() != Ok("true"), "voice data or espeak-ng missing on CI");
    if built {
        let languages = check(&data);
        assert_eq!(languages["ti"]["live_voice"], true);
        assert_eq!(languages["fr"]["live_voice"], true);
    }
}

/// Visits in a store: `n` finished visits of one cell per (kiosk, language, level).
fn store_visits(store: &mut dyn repere_stats::store::Store, cells: &[(&str, &str, &str, usize)]) {
    use repere_engine::scoring::DomainStatus;
    use repere_stats::record::{Outcome, VisitRecord};
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    for (kiosk, language, level, n) in cells {
        let visit = VisitRecord {
            day,
            kiosk: (*kiosk).to_owned(),
            language: (*language).to_owned(),
            outcome: Some(Outcome {
                level: (*level).to_owned(),
                modality: "assist".to_owned(),
                domains: [DomainStatus::Mastered; 6],
                help: vec!["help_with_procedures".to_owned(), "equipment".to_owned()],
                help_without_place: vec!["equipment".to_owned()],
            }),
        };
        store.add(&vec![visit; *n]).unwrap();
    }
}

const CELLS: [(&str, &str, &str, usize); 3] = [
    ("cognac-1", "ar", "eloigne", 6),
    ("cognac-1", "fr", "eloigne", 2),
    ("cognac-2, annexe", "fr", "debutant", 5),
];

/// `kiosk stats` on a config whose store is `[statistics]` `table`; stdout of CSV and JSON.
fn stats_outputs(dir: &std::path::Path, table: &str) -> (String, serde_json::Value) {
    let config = dir.join("kiosk.toml");
    std::fs::write(&config, format!("kiosk_id = \"office\"\n[statistics]\n{table}\n")).unwrap();
    let config = config.to_str().unwrap();
    let (code, csv, stderr) = kiosk(&["stats", "--config", config], "");
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("1 cells under 5 visits suppressed"), "{stderr}");
    let (code, json, stderr) = kiosk(&["stats", "--config", config, "--format", "json"], "");
    assert_eq!(code, 0, "{stderr}");
    (csv, serde_json::from_str(json.trim()).unwrap())
}

fn assert_stats_outputs(csv: &str, json: &serde_json::Value) {
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "a header and the two cells of 5 visits or more:\n{csv}");
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(header[..6], ["week", "kiosk", "language", "level", "visits", "modality_assist"], "{csv}");
    assert_eq!(header.len(), 5 + 4 + 24 + 7 + 7, "{csv}");
    assert!(header.contains(&"procedure_mastered") && header.contains(&"without_place_equipment"), "{csv}");
    let first: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(first[..6], ["2026-W48", "cognac-1", "ar", "eloigne", "6", "6"], "{csv}");
    assert!(lines[2].starts_with("2026-W48,\"cognac-2, annexe\",fr,debutant,5,"), "quoted: {csv}");
    assert!(!csv.contains(",fr,eloigne,"), "the cell of 2 visits is suppressed:\n{csv}");
    assert_eq!(
        (&json["version"], &json["min_visits"]),
        (&serde_json::json!(1), &serde_json::json!(5)),
        "{json}"
    );
    assert_eq!(json["suppressed"], serde_json::json!({"cells": 1, "visits": null}), "2 visits are not told");
    let cells = json["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 2, "{json}");
    let first = &cells[0];
    assert_eq!(
        (&first["week"], &first["visits"]),
        (&serde_json::json!("2026-W48"), &serde_json::json!(6)),
        "{first}"
    );
    assert_eq!(first["modality"]["assist"], 6, "{first}");
    assert_eq!(first["domains"]["email"]["mastered"], 6, "{first}");
    assert_eq!(
        first["help"]["equipment"],
        serde_json::json!({"recommended": 6, "without_place": 6}),
        "{first}"
    );
    assert_eq!(first["help"]["literacy"]["recommended"], 0, "{first}");
    assert_eq!(json["lost"], serde_json::json!([]), "nothing lost");
}

#[test]
fn stats_prints_the_weekly_cells_as_csv_or_json_without_small_cells() {
    let dir = temp_dir("stats-cli");
    let mut store = repere_stats::store::SqliteStore::open(&dir.join("statistics.sqlite")).unwrap();
    store_visits(&mut store, &CELLS);
    drop(store);
    let (csv, json) = stats_outputs(&dir, "path = \"statistics.sqlite\"");
    assert_stats_outputs(&csv, &json);
}

/// The same from a PostgreSQL server (the one of `REPERE_TEST_POSTGRES`, in a schema of its
/// own); a fleet's office reads it with a config that names the server.
#[test]
fn stats_reads_a_postgresql_server() {
    let Ok(server) = std::env::var("REPERE_TEST_POSTGRES") else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "REPERE_TEST_POSTGRES must be set on CI");
        return;
    };
    let schema = format!("test_{}_cli", std::process::id());
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
    let url = format!("{server} options='-c search_path={schema}'");
    let mut store = repere_stats::store::PostgresStore::connect(&url).unwrap();
    store_visits(&mut store, &CELLS);
    drop(store);
    let outputs =
        stats_outputs(&temp_dir("stats-cli-pg"), &format!("store = \"postgresql\"\nurl = \"{url}\""));
    admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE")).unwrap();
    assert_stats_outputs(&outputs.0, &outputs.1);
}

#[test]
fn stats_exits_1_when_the_store_is_unreachable() {
    let dir = temp_dir("stats-unreachable");
    let config = dir.join("kiosk.toml");
    std::fs::write(&config, "[statistics]\nenabled = true\npath = \"none-yet.sqlite\"\n").unwrap();
    let (code, stdout, stderr) = kiosk(&["stats", "--config", config.to_str().unwrap()], "");
    assert_eq!((code, stdout.as_str()), (1, ""), "{stderr}");
    assert!(stderr.contains("unreachable") && stderr.contains("none-yet.sqlite"), "{stderr}");
    assert!(!dir.join("none-yet.sqlite").exists(), "reading creates nothing");
    // Nothing listens on port 1 of this machine.
    let table = "[statistics]\nstore = \"postgresql\"\nurl = \"host=127.0.0.1 port=1 user=x dbname=y\"\n";
    std::fs::write(&config, table).unwrap();
    let (code, _, stderr) = kiosk(&["stats", "--config", config.to_str().unwrap(), "--format", "json"], "");
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("PostgreSQL database y on 127.0.0.1 as x"), "{stderr}");
    let (code, _, stderr) = kiosk(&["stats", "--format", "xml"], "");
    assert_eq!(code, 2, "{stderr}");
}
