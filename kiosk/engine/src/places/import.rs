//! Reading a places file (CSV or JSON, any schema version seen in the wild) into places and
//! an import report. A bad row is skipped and reported; it never costs the whole file.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::{Map, Value};

use super::directory::postcode_centroids;
use super::fields::{self, HoursCache, Mapped};
use super::json_item::JsonItem;
use super::raw_row::RawRow;
use super::{Directory, Format, ImportReport, LatLon, Place, RowWarning, SkippedRow};

/// Keys under which JSON exports wrap their array of places, tried in this order.
const WRAPPER_KEYS: [&str; 6] = ["data", "lieux", "places", "items", "results", "features"];

/// Rows below which a thread costs more than it saves.
const MIN_ROWS_PER_THREAD: usize = 256;

/// A row read from the file: its number, and its fields or why they could not be read.
type ReadRow<'a> = (usize, Result<RawRow<'a>, String>);

/// A CSV file's header names (lower-cased) and its records, or why each could not be read.
type CsvTable = (Vec<String>, Vec<Result<csv::StringRecord, String>>);

/// Imports a places file and returns its report; [`Directory::import`] also gives the kept
/// places. `path_shown` is the file as the deployer named it (for the report and as a format
/// hint); `bytes` its content, UTF-8 or, failing that, Windows-1252.
pub fn import_places(path_shown: &str, bytes: &[u8]) -> ImportReport {
    Directory::import(path_shown, bytes).1
}

/// The kept places (positions filled from postcodes where the row had none) and the report.
pub(crate) fn import(path_shown: &str, bytes: &[u8]) -> (Vec<Place>, ImportReport) {
    let (text, not_utf8) = decode(bytes);
    let format = Format::detect(path_shown, &text);
    let mut report = ImportReport::new(path_shown, format);
    if not_utf8 {
        report.warnings.push(RowWarning {
            row: 0,
            id: String::new(),
            field: "encoding".to_owned(),
            reason: "not UTF-8: read as Windows-1252".to_owned(),
        });
    }

    // Rows borrow from these, which must outlive them.
    let mut csv_table = None;
    let mut json_tree = None;
    let read = match format {
        Format::Csv => match read_csv(&text) {
            Ok(table) => Ok(csv_rows(csv_table.insert(table))),
            Err(error) => Err(error),
        },
        Format::Json => match serde_json::from_str::<Vec<JsonItem<'_>>>(&text) {
            Ok(items) => Ok(json_items(items)),
            // Not a bare array (a wrapper object, a GeoJSON collection) or not JSON: the
            // slower tree says which, and finds the array.
            Err(_) => match serde_json::from_str::<Value>(&text) {
                Ok(tree) => json_rows(json_tree.insert(tree)),
                Err(err) => Err(format!("not valid JSON: {err}")),
            },
        },
    };
    let rows = read.unwrap_or_else(|error| {
        report.error = Some(error);
        Vec::new()
    });
    report.rows = rows.len();

    let mut places = Vec::with_capacity(rows.len());
    let mut position_problems = Vec::new();
    let mut first_row_of_id: HashMap<String, usize> = HashMap::new();
    for (row, mapped) in map_rows(&rows, &mut report.warnings) {
        match mapped {
            Ok((place, position_problem)) => {
                if let Some(first) = first_row_of_id.insert(place.id.clone(), row) {
                    report.warnings.push(RowWarning {
                        row,
                        id: place.id.clone(),
                        field: "id".to_owned(),
                        reason: format!("same id as row {first}"),
                    });
                }
                if let Some(problem) = position_problem {
                    position_problems.push((places.len(), row, problem));
                }
                places.push(place);
            }
            Err(skipped) => report.skipped.push(skipped),
        }
    }

    // Rows without coordinates are placed at the centre of their postcode's other places.
    let centroids = postcode_centroids(&places);
    for (index, row, (field, problem)) in position_problems {
        let Some(place) = places.get_mut(index) else { continue };
        let centre = centroids.get(&place.postcode).copied();
        let outcome = match centre {
            Some(_) => format!("placed at the centre of postcode {}", place.postcode),
            None => "distance unknown".to_owned(),
        };
        place.position = centre;
        place.position_estimated = centre.is_some();
        report.warnings.push(RowWarning {
            row,
            id: place.id.clone(),
            field: field.to_owned(),
            reason: format!("{problem}: {outcome}"),
        });
    }
    report.warnings.sort_by_key(|warning| warning.row);
    report.kept = places.len();
    (places, report)
}

/// Maps every row, in order, sharing the work between the machine's cores (parsing opening
/// hours dominates); their warnings are appended to `warnings`.
fn map_rows(
    rows: &[ReadRow<'_>],
    warnings: &mut Vec<RowWarning>,
) -> Vec<(usize, Result<Mapped, SkippedRow>)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(rows.len() / MIN_ROWS_PER_THREAD)
        .max(1);
    if threads == 1 {
        return map_part(rows, warnings);
    }
    let parts: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(rows.len().div_ceil(threads))
            .map(|part| {
                scope.spawn(move || {
                    let mut part_warnings = Vec::new();
                    (map_part(part, &mut part_warnings), part_warnings)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    let mut mapped = Vec::with_capacity(rows.len());
    for (part, part_warnings) in parts {
        mapped.extend(part);
        warnings.extend(part_warnings);
    }
    mapped
}

/// Maps consecutive rows on one thread.
fn map_part(
    rows: &[ReadRow<'_>],
    warnings: &mut Vec<RowWarning>,
) -> Vec<(usize, Result<Mapped, SkippedRow>)> {
    let mut hours_cache = HoursCache::new();
    rows.iter()
        .map(|(row, raw)| {
            let mapped = match raw {
                Ok(raw) => fields::place_from_row(*row, raw, &mut hours_cache, warnings),
                Err(reason) => Err(SkippedRow { row: *row, id: String::new(), reason: reason.clone() }),
            };
            (*row, mapped)
        })
        .collect()
}

/// The text of `bytes` (a UTF-8 byte-order mark dropped), and whether it had to be read as
/// Windows-1252 — what French spreadsheets save "CSV" in.
fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) => (Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()), true),
    }
}

/// A Windows-1252 byte as a character (Latin-1 except for 0x80–0x9F).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// A CSV file's header (lower-cased) and records, row 1 onwards (the header is row 0); `Err`
/// when the file has no header naming the schema's fields.
fn read_csv(text: &str) -> Result<CsvTable, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(csv_delimiter(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(str::to_lowercase).collect(),
        Err(err) => return Err(format!("unreadable header row: {err}")),
    };
    if !header.iter().any(|name| name == "nom") {
        return Err("no header row naming the schema's fields (nom, adresse, latitude…)".to_owned());
    }
    let records =
        reader.records().map(|record| record.map_err(|err| format!("unreadable row: {err}"))).collect();
    Ok((header, records))
}

/// The rows of a CSV table, borrowing its text.
fn csv_rows((header, records): &CsvTable) -> Vec<ReadRow<'_>> {
    records
        .iter()
        .enumerate()
        .map(|(index, record)| {
            let raw = record.as_ref().map_err(Clone::clone).map(|record| {
                let mut raw = RawRow::with_capacity(header.len());
                for (name, value) in header.iter().zip(record.iter()) {
                    raw.push(Cow::Borrowed(name), Cow::Borrowed(value));
                }
                raw
            });
            (index + 1, raw)
        })
        .collect()
}

/// The separator of the header line: the schema's comma, or the semicolon or tab a
/// spreadsheet may have saved instead.
fn csv_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut in_quotes = false;
    let mut counts = [0_usize; 3];
    for c in header.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    // Ties go to the comma, the schema's separator.
    [b',', b';', b'\t']
        .into_iter()
        .zip(counts)
        .rev()
        .max_by_key(|&(_, count)| count)
        .map_or(b',', |(delimiter, _)| delimiter)
}

/// The rows of a bare JSON array read directly (row = 1-based position in the array).
fn json_items(items: Vec<JsonItem<'_>>) -> Vec<ReadRow<'_>> {
    items
        .into_iter()
        .enumerate()
        .map(|(index, item)| match item {
            JsonItem::Row(raw) => (index + 1, Ok(raw)),
            JsonItem::NotObject => (index + 1, Err("not an object".to_owned())),
        })
        .collect()
}

/// The rows of a JSON tree: its array, the array a wrapper object holds, or a lone place;
/// `Err` when there is no array of places.
fn json_rows(tree: &Value) -> Result<Vec<ReadRow<'_>>, String> {
    let items = match tree {
        Value::Array(items) => items.as_slice(),
        Value::Object(object) => match wrapped_array(object) {
            Some(items) => items,
            None if object.contains_key("nom") => std::slice::from_ref(tree),
            None => return Err("no array of places found".to_owned()),
        },
        _ => return Err("not an array of places".to_owned()),
    };
    let rows = items
        .iter()
        .enumerate()
        .map(|(index, item)| match item {
            Value::Object(object) => (index + 1, Ok(json_row(object))),
            _ => (index + 1, Err("not an object".to_owned())),
        })
        .collect();
    Ok(rows)
}

/// The array of places a wrapper object holds: under a known key, else its first array of
/// objects.
fn wrapped_array(object: &Map<String, Value>) -> Option<&[Value]> {
    let is_places = |value: &&Value| value.as_array().is_some_and(|items| items.iter().any(Value::is_object));
    WRAPPER_KEYS
        .iter()
        .filter_map(|key| object.get(*key))
        .find(is_places)
        .or_else(|| object.values().find(is_places))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
}

/// One JSON object as a raw row; a `GeoJSON` feature's `properties` are its fields, its point
/// geometry its coordinates when the properties give none.
fn json_row(object: &Map<String, Value>) -> RawRow<'_> {
    let properties = object.get("properties").and_then(Value::as_object);
    let fields = properties.unwrap_or(object);
    let mut raw = RawRow::with_capacity(fields.len() + 2);
    for (name, value) in fields {
        if let Some(text) = json_text(value) {
            raw.push(Cow::Borrowed(name), text);
        }
    }
    if properties.is_some()
        && !raw.has("latitude")
        && let Some(position) = geojson_point(object)
    {
        raw.push(Cow::Borrowed("latitude"), Cow::Owned(position.lat.to_string()));
        raw.push(Cow::Borrowed("longitude"), Cow::Owned(position.lon.to_string()));
    }
    raw
}

/// A JSON value as field text, as [`JsonItem`] reads it.
fn json_text(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::String(text) => Some(Cow::Borrowed(text)),
        Value::Number(number) => Some(Cow::Owned(number.to_string())),
        Value::Bool(flag) => Some(Cow::Borrowed(if *flag { "true" } else { "false" })),
        Value::Array(items) => {
            let parts: Vec<Cow<'_, str>> = items.iter().filter_map(json_text).collect();
            Some(Cow::Owned(parts.join("|")))
        }
        Value::Null | Value::Object(_) => None,
    }
}

/// The `[lon, lat]` of a `GeoJSON` point geometry.
fn geojson_point(object: &Map<String, Value>) -> Option<LatLon> {
    let coordinates = object.get("geometry")?.get("coordinates")?.as_array()?;
    let (lon, lat) = (coordinates.first()?.as_f64()?, coordinates.get(1)?.as_f64()?);
    LatLon::new(lat, lon)
}
