//! The slip for real: typeset in every language (snapshots the size a thermal printer prints
//! it, PDFs with their fonts embedded, ESC/POS bytes from the same raster), then printed
//! through a real CUPS (a cups-pdf queue and a raw socket queue) and straight to a listener
//! that plays a receipt printer.

mod printers;
mod typeset;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use repere_engine::config::Config;
use repere_engine::content::Content;
use repere_engine::orientation::{Orientation, Territory};
use repere_engine::profile::VisitorProfile;
use repere_engine::result::VisitResult;
use repere_engine::slip::Slip;
use repere_print::{SlipTypesetter, fonts};

/// Monday 23 November 2026, 10:00 in Paris: the clock of every test.
pub const MONDAY_10: &str = "2026-11-23T10:00:00+01:00";

/// The built-in content.
pub static CONTENT: LazyLock<Content> = LazyLock::new(|| Content::builtin().expect("built-in content"));
/// One typesetter for every test, as in the kiosk.
pub static TYPESETTER: LazyLock<SlipTypesetter> = LazyLock::new(|| SlipTypesetter::new(&fonts::ALL));

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/tests/golden/simulate").join(name)
}

/// The result of a golden profile, taken in `language`, on the demo territory.
pub fn result(profile: &str, language: &str) -> VisitResult {
    let text = std::fs::read_to_string(golden(&format!("{profile}.profile.json"))).expect("profile");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
    json["language"] = language.into();
    let profile = VisitorProfile::from_json(&json.to_string(), &[]).expect("profile");
    let config = Config { now: Some(MONDAY_10.to_owned()), ..Config::default() };
    let territory = Territory::load(&config, &CONTENT).expect("demo territory");
    Orientation::new(&CONTENT, &territory).simulate(&profile)
}

/// The golden profiles of `kiosk/app/tests/golden/simulate/`.
pub const GOLDEN_PROFILES: [&str; 5] = [
    "advanced-fears-procedures",
    "allophone-smartphone-beginner",
    "autonomous-unknown-postcode",
    "far-from-digital-urgent-wheelchair",
    "intermediate-hard-of-hearing",
];

/// The slip of a golden profile taken in `language`, made on the test day.
pub fn slip(profile: &str, language: &str) -> Slip {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let config = Config { site_name: "Médiathèque de Belleville".to_owned(), ..Config::default() };
    Slip::new(&result(profile, language), &CONTENT, &config, date)
}

/// Decoded RGBA pixels of a PNG, with its size.
pub fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().expect("png header");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("png frame");
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// Compares with `tests/snapshots/<name>.png` (`UPDATE_SNAPSHOTS=1` writes it): the same
/// size, and at most 0.2 % of pixels visibly different (font rasterisers differ a little).
pub fn assert_snapshot(name: &str, png_bytes: &[u8]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(format!("{name}.png"));
    let new_path = dir.join(format!("{name}.new.png"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(&dir).expect("snapshot dir");
        std::fs::write(&path, png_bytes).expect("write snapshot");
        std::fs::remove_file(&new_path).ok();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("no snapshot {}: run with UPDATE_SNAPSHOTS=1", path.display()));
    let (ew, eh, expected) = decode(&expected);
    let (w, h, actual) = decode(png_bytes);
    let differing = if (ew, eh) == (w, h) {
        expected
            .chunks(4)
            .zip(actual.chunks(4))
            .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 64))
            .count()
    } else {
        usize::MAX
    };
    if differing > (w * h) as usize / 500 {
        std::fs::write(&new_path, png_bytes).expect("write new snapshot");
        panic!(
            "slip {name} differs from its snapshot ({differing} pixels; size {w}×{h} vs {ew}×{eh}): see {}",
            new_path.display()
        );
    }
}
