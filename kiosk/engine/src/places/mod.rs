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
mod language;
mod lat_lon;
mod place;
mod raw_row;
mod report;
mod row_warning;
mod skipped_row;

pub use self::directory::Directory;
pub use self::format::Format;
pub use self::hours::Hours;
pub use self::import::import_places;
pub use self::language::PlaceLanguage;
pub use self::lat_lon::{LatLon, haversine_km};
pub use self::place::Place;
pub use self::report::ImportReport;
pub use self::row_warning::RowWarning;
pub use self::skipped_row::SkippedRow;
