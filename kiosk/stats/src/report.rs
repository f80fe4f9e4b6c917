//! The aggregates `kiosk stats` prints: visits per ISO week × kiosk × language × level, with
//! their modalities, domain statuses and kinds of help (recommended, and without a place).
//! A cell of fewer than [`MIN_VISITS`] visits is left out, and only counted in `suppressed`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{Datelike as _, IsoWeek, NaiveDate};
use repere_engine::content::levels::MODALITIES;
use repere_engine::content::orientation::HELP_KINDS;
use repere_engine::vocabulary::Domain;
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::record::{LEVELS, STATUSES, help_bits, modality_index, status_index};
use crate::store::{Store, StoreError, StoredVisits};

/// Cells under this many visits are suppressed.
pub const MIN_VISITS: u64 = 5;

/// What a cell counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Visits.
    pub visits: u64,
    /// Visits per modality, in the order of [`MODALITIES`].
    pub modality: [u64; 4],
    /// Per domain ([`Domain::ALL`]), visits per status ([`STATUSES`]).
    pub domains: [[u64; 4]; 6],
    /// Visits recommended each kind of help ([`HELP_KINDS`]).
    pub help: [u64; 7],
    /// Visits recommended each kind with no suitable place found.
    pub help_without_place: [u64; 7],
}

/// One cell of the aggregates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// ISO week, `2026-W48`.
    pub week: String,
    /// Kiosk id.
    pub kiosk: String,
    /// Language.
    pub language: String,
    /// Level id; `None` for visits that ended before their result.
    pub level: Option<String>,
    /// The counts.
    pub counts: Counts,
}

/// Records lost in a week at a kiosk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LostInWeek {
    /// ISO week.
    pub week: String,
    /// Kiosk id.
    pub kiosk: String,
    /// Records.
    pub records: u64,
}

/// The aggregates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Cells of at least [`MIN_VISITS`] visits, by week, kiosk, language, level.
    pub cells: Vec<Cell>,
    /// Cells left out.
    pub suppressed_cells: u64,
    /// Visits in the cells left out.
    pub suppressed_visits: u64,
    /// Records lost (queue full while the store was unreachable).
    pub lost: Vec<LostInWeek>,
}

/// A fast hash for the few short keys of the fold (the multiply-rotate hash of rustc's
/// `FxHasher`): the default hasher resists flooding, which a local file does not need, and
/// would be a third of the time of `kiosk stats`.
#[derive(Default, Clone, Copy)]
struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0_u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<QuickHasher>>;

/// Strings seen, numbered (kiosk ids, languages, levels).
#[derive(Default)]
struct Names {
    index: QuickMap<Box<[u8]>, u32>,
    by_id: Vec<Box<[u8]>>,
    last: Option<u32>,
}

impl Names {
    fn id(&mut self, name: &[u8]) -> u32 {
        if let Some(last) = self.last
            && *self.by_id[last as usize] == *name
        {
            return last;
        }
        let id = if let Some(id) = self.index.get(name) {
            *id
        } else {
            let id = self.by_id.len() as u32;
            self.by_id.push(name.into());
            self.index.insert(name.into(), id);
            id
        };
        self.last = Some(id);
        id
    }

    fn name(&self, id: u32) -> String {
        String::from_utf8_lossy(&self.by_id[id as usize]).into_owned()
    }
}

const NOT_FINISHED: u32 = u32::MAX;

/// Counts visits into cells as the store gives them.
#[derive(Default)]
struct Folder {
    last_day: Option<(NaiveDate, u32)>,
    weeks: Names,
    kiosks: Names,
    languages: Names,
    levels: Names,
    cells: QuickMap<[u32; 4], usize>,
    counts: Vec<Counts>,
}

fn week_id(week: IsoWeek) -> String {
    format!("{}-W{:02}", week.year(), week.week())
}

impl Folder {
    fn add(&mut self, visits: StoredVisits<'_>) {
        let week = match self.last_day {
            Some((day, week)) if day == visits.day => week,
            _ => {
                let week = self.weeks.id(week_id(visits.day.iso_week()).as_bytes());
                self.last_day = Some((visits.day, week));
                week
            }
        };
        let level = visits.outcome.map_or(NOT_FINISHED, |o| self.levels.id(o.level));
        let key = [week, self.kiosks.id(visits.kiosk), self.languages.id(visits.language), level];
        let next = self.counts.len();
        let index = *self.cells.entry(key).or_insert(next);
        if index == next {
            self.counts.push(Counts::default());
        }
        let counts = &mut self.counts[index];
        let n = visits.count;
        counts.visits += n;
        let Some(outcome) = visits.outcome else {
            return;
        };
        if let Some(m) = modality_index(outcome.modality) {
            counts.modality[m] += n;
        }
        for (domain, letter) in outcome.domains.iter().take(Domain::ALL.len()).enumerate() {
            if let Some(status) = status_index(*letter) {
                counts.domains[domain][status] += n;
            }
        }
        let help = help_bits(outcome.help);
        let without = help_bits(outcome.help_without_place);
        for kind in 0..HELP_KINDS.len() {
            counts.help[kind] += n * u64::from(help >> kind & 1);
            counts.help_without_place[kind] += n * u64::from(without >> kind & 1);
        }
    }

    fn into_report(self) -> Report {
        let mut report = Report::default();
        for (key, index) in self.cells {
            let counts = self.counts[index].clone();
            if counts.visits < MIN_VISITS {
                report.suppressed_cells += 1;
                report.suppressed_visits += counts.visits;
                continue;
            }
            let [week, kiosk, language, level] = key;
            report.cells.push(Cell {
                week: self.weeks.name(week),
                kiosk: self.kiosks.name(kiosk),
                language: self.languages.name(language),
                level: (level != NOT_FINISHED).then(|| self.levels.name(level)),
                counts,
            });
        }
        let rank = |level: Option<&String>| match level {
            Some(id) => LEVELS.iter().position(|l| l == id).unwrap_or(LEVELS.len()),
            None => LEVELS.len() + 1,
        };
        report.cells.sort_by(|a, b| {
            (&a.week, &a.kiosk, &a.language, rank(a.level.as_ref()), &a.level).cmp(&(
                &b.week,
                &b.kiosk,
                &b.language,
                rank(b.level.as_ref()),
                &b.level,
            ))
        });
        report
    }
}

/// Reads the store and makes the aggregates.
pub fn report(store: &mut dyn Store) -> Result<Report, StoreError> {
    let mut folder = Folder::default();
    store.scan(&mut |visits| folder.add(visits))?;
    let mut report = folder.into_report();
    let mut lost: HashMap<(String, String), u64> = HashMap::new();
    for one in store.lost()? {
        *lost.entry((week_id(one.day.iso_week()), one.kiosk)).or_default() += one.records;
    }
    report.lost =
        lost.into_iter().map(|((week, kiosk), records)| LostInWeek { week, kiosk, records }).collect();
    report.lost.sort_by(|a, b| (&a.week, &a.kiosk).cmp(&(&b.week, &b.kiosk)));
    Ok(report)
}

/// The CSV columns after the key, as in [`Report::to_csv`].
pub fn csv_header() -> Vec<String> {
    let mut header: Vec<String> =
        ["week", "kiosk", "language", "level", "visits"].into_iter().map(str::to_owned).collect();
    header.extend(MODALITIES.iter().map(|m| format!("modality_{m}")));
    for domain in Domain::ALL {
        header.extend(STATUSES.iter().map(|s| format!("{}_{}", domain.id(), s.id())));
    }
    header.extend(HELP_KINDS.iter().map(|k| format!("help_{k}")));
    header.extend(HELP_KINDS.iter().map(|k| format!("without_place_{k}")));
    header
}

impl Report {
    /// The visits of suppressed cells, when at least [`MIN_VISITS`] (a smaller total could
    /// be the count of one small cell).
    pub fn suppressed_visits_shown(&self) -> Option<u64> {
        (self.suppressed_visits >= MIN_VISITS).then_some(self.suppressed_visits)
    }

    /// One line per cell after a header; a visit not finished has an empty level.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        // Writing to memory cannot fail.
        writer.write_record(csv_header()).ok();
        for cell in &self.cells {
            let c = &cell.counts;
            let mut row = vec![
                cell.week.clone(),
                cell.kiosk.clone(),
                cell.language.clone(),
                cell.level.clone().unwrap_or_default(),
                c.visits.to_string(),
            ];
            row.extend(c.modality.iter().map(u64::to_string));
            row.extend(c.domains.iter().flatten().map(u64::to_string));
            row.extend(c.help.iter().map(u64::to_string));
            row.extend(c.help_without_place.iter().map(u64::to_string));
            writer.write_record(&row).ok();
        }
        writer.into_inner().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
    }

    /// The JSON document of `kiosk stats --format json`.
    pub fn to_json(&self) -> Value {
        let cells: Vec<Value> = self
            .cells
            .iter()
            .map(|cell| {
                let c = &cell.counts;
                let modality: Map<String, Value> =
                    MODALITIES.iter().zip(c.modality).map(|(m, n)| ((*m).to_owned(), json!(n))).collect();
                let domains: Map<String, Value> = Domain::ALL
                    .iter()
                    .zip(c.domains)
                    .map(|(domain, statuses)| {
                        let statuses: Map<String, Value> = STATUSES
                            .iter()
                            .zip(statuses)
                            .map(|(s, n)| (s.id().to_owned(), json!(n)))
                            .collect();
                        (domain.id().to_owned(), Value::Object(statuses))
                    })
                    .collect();
                let help: Map<String, Value> = HELP_KINDS
                    .iter()
                    .enumerate()
                    .map(|(i, kind)| {
                        let counts =
                            json!({"recommended": c.help[i], "without_place": c.help_without_place[i]});
                        ((*kind).to_owned(), counts)
                    })
                    .collect();
                json!({"week": cell.week, "kiosk": cell.kiosk, "language": cell.language,
                       "level": cell.level, "visits": c.visits, "modality": modality,
                       "domains": domains, "help": help})
            })
            .collect();
        json!({
            "version": 1,
            "min_visits": MIN_VISITS,
            "cells": cells,
            "suppressed": {"cells": self.suppressed_cells, "visits": self.suppressed_visits_shown()},
            "lost": self.lost,
        })
    }
}
