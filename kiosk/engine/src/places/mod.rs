//! The local directory of digital-mediation places, in the French national open-data schema
//! ("lieux de médiation numérique", v1.0.2, and the older field names real exports still
//! carry): import from CSV or JSON with a report, opening hours, distances, and the facts
//! orientation uses (accessibility, languages, whether the place receives the public).
//!
//! ```
//! use repere_engine::places::Directory;
//!
//! let json = r#"[{"id": "a", "nom": "Médiathèque", "adresse": "1 rue Haute",
//!                 "code_postal": "16000", "commune": "Angoulême",
//!                 "latitude": 45.65, "longitude": 0.16, "horaires": "Mo-Fr 09:00-12:00"}]"#;
//! let (directory, report) = Directory::import("places.json", json.as_bytes());
//! assert_eq!((report.rows, report.kept), (1, 1));
//! assert!(directory.postcode_centroid("16000").is_some());
//! ```

pub mod bench;
mod directory;
mod fields;
mod format;
mod hours;
mod import;
mod json_item;
mod json_text;
mod kind;
mod language;
mod lat_lon;
mod place;
mod raw_row;
mod readable;
mod report;
mod row_warning;
mod skipped_row;

pub use self::directory::Directory;
pub use self::format::Format;
pub use self::hours::Hours;
pub use self::import::import_places;
pub use self::kind::{PLACE_KINDS, place_kind, place_kind_key};
pub use self::language::PlaceLanguage;
pub use self::lat_lon::{LatLon, haversine_km};
pub use self::place::Place;
pub use self::readable::{load_phone_rules, national_phone, readable_name};
pub use self::report::ImportReport;
pub use self::row_warning::RowWarning;
pub use self::skipped_row::SkippedRow;

/// The places file to use: the configured one, else the content's own (`scenarios/places/`,
/// the demo territory in the built-in content). Returns the path to show and the bytes.
pub fn places_file(
    configured: Option<&std::path::Path>,
    source: &crate::content::ContentSource,
) -> Result<Option<(String, Vec<u8>)>, crate::problem::Problem> {
    if let Some(path) = configured {
        let shown = path.display().to_string();
        return std::fs::read(path).map(|bytes| Some((shown.clone(), bytes))).map_err(|err| {
            crate::problem::Problem::file(shown, format!("cannot read the places file: {err}"))
        });
    }
    let is_data = |rel: &str| {
        std::path::Path::new(rel)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("csv"))
    };
    Ok(source
        .under("scenarios/places")
        .find(|f| is_data(&f.rel_path))
        .map(|f| (f.shown_path.clone(), f.bytes.to_vec())))
}
