//! The same tests on SQLite and on PostgreSQL.

use chrono::NaiveDate;
use repere_engine::scoring::DomainStatus;
use repere_stats::bench::synthetic_visits;
use repere_stats::record::{Outcome, VisitRecord};
use repere_stats::report::{MIN_VISITS, report};
use repere_stats::store::{Lost, SCHEMA_VERSION};

use super::support::Backend;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn finished(
    date: &str,
    kiosk: &str,
    language: &str,
    level: &str,
    help: &[&str],
    unplaced: &[&str],
) -> VisitRecord {
    VisitRecord {
        day: day(date),
        kiosk: kiosk.to_owned(),
        language: language.to_owned(),
        outcome: Some(Outcome {
            level: level.to_owned(),
            modality: "train".to_owned(),
            domains: [
                DomainStatus::Mastered,
                DomainStatus::Partial,
                DomainStatus::NotYet,
                DomainStatus::NotReached,
                DomainStatus::NotReached,
                DomainStatus::NotReached,
            ],
            help: help.iter().map(|h| (*h).to_owned()).collect(),
            help_without_place: unplaced.iter().map(|h| (*h).to_owned()).collect(),
        }),
    }
}

/// Visits of one week at one kiosk in one language and level are one cell, whatever the day;
/// the counts inside add up.
fn visits_add_up_per_week_kiosk_language_and_level(backend: &Backend) {
    let mut store = backend.open();
    let mut visits = Vec::new();
    // Monday 23 to Sunday 29 November 2026 is ISO week 48.
    for date in ["2026-11-23", "2026-11-25", "2026-11-29", "2026-11-29", "2026-11-24", "2026-11-26"] {
        visits.push(finished(
            date,
            "cognac-1",
            "ar",
            "debutant",
            &["digital_workshop", "french_course"],
            &["french_course"],
        ));
    }
    // The next Monday is another week; another kiosk, language or level another cell.
    for _ in 0..5 {
        visits.push(finished("2026-11-30", "cognac-1", "ar", "debutant", &["digital_workshop"], &[]));
        visits.push(finished("2026-11-23", "cognac-2", "ar", "debutant", &[], &[]));
        visits.push(finished("2026-11-23", "cognac-1", "fr", "debutant", &[], &[]));
        visits.push(finished("2026-11-23", "cognac-1", "ar", "eloigne", &["help_with_procedures"], &[]));
        visits.push(VisitRecord::not_finished(day("2026-11-27"), "cognac-1", "ar"));
    }
    store.add(&visits).unwrap();
    let report = report(store.as_mut()).unwrap();
    let keys: Vec<(&str, &str, &str, Option<&str>, u64)> = report
        .cells
        .iter()
        .map(|c| {
            (c.week.as_str(), c.kiosk.as_str(), c.language.as_str(), c.level.as_deref(), c.counts.visits)
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("2026-W48", "cognac-1", "ar", Some("eloigne"), 5),
            ("2026-W48", "cognac-1", "ar", Some("debutant"), 6),
            ("2026-W48", "cognac-1", "ar", None, 5),
            ("2026-W48", "cognac-1", "fr", Some("debutant"), 5),
            ("2026-W48", "cognac-2", "ar", Some("debutant"), 5),
            ("2026-W49", "cognac-1", "ar", Some("debutant"), 5),
        ],
        "ordered by week, kiosk, language, level rank, visits not finished last"
    );
    let cell = &report.cells[1].counts;
    assert_eq!(cell.modality, [0, 6, 0, 0], "all in training");
    assert_eq!(cell.domains[0], [0, 0, 0, 6], "mouse mastered");
    assert_eq!(cell.domains[1], [0, 0, 6, 0], "keyboard partial");
    assert_eq!(cell.domains[5], [6, 0, 0, 0], "procedure not reached");
    assert_eq!(cell.help, [0, 6, 0, 0, 6, 0, 0], "workshops and French courses");
    assert_eq!(cell.help_without_place, [0, 0, 0, 0, 6, 0, 0], "no French course found");
    let not_finished = &report.cells[2].counts;
    assert_eq!((not_finished.modality, not_finished.help), ([0; 4], [0; 7]), "language only");
    assert_eq!((report.suppressed_cells, report.suppressed_visits), (0, 0), "every cell has five visits");
}

/// A cell of fewer than five visits is left out, counted in `suppressed`; its visits are
/// only told when they are five or more in all.
fn cells_under_five_visits_are_suppressed(backend: &Backend) {
    let mut store = backend.open();
    let many = |kiosk: &str, n: usize| -> Vec<VisitRecord> {
        (0..n).map(|_| finished("2026-11-23", kiosk, "fr", "avance", &[], &[])).collect()
    };
    store.add(&many("big", MIN_VISITS as usize)).unwrap();
    store.add(&many("small", 4)).unwrap();
    let first = report(store.as_mut()).unwrap();
    assert_eq!(first.cells.len(), 1, "{:?}", first.cells);
    assert_eq!(first.cells[0].kiosk, "big", "exactly five visits are shown");
    assert_eq!((first.suppressed_cells, first.suppressed_visits), (1, 4), "the small kiosk");
    assert_eq!(first.suppressed_visits_shown(), None, "four visits of one cell are not told");
    assert_eq!(first.to_json()["suppressed"], serde_json::json!({"cells": 1, "visits": null}), "in the JSON");
    assert!(!first.to_csv().contains("small"), "{}", first.to_csv());
    store.add(&many("tiny", 1)).unwrap();
    let second = report(store.as_mut()).unwrap();
    assert_eq!((second.suppressed_cells, second.suppressed_visits_shown()), (2, Some(5)), "five in all");
}

/// Records lost while the store was unreachable add up per day and kiosk, reported per week.
fn lost_records_add_up(backend: &Backend) {
    let mut store = backend.open();
    let lost = |date: &str, records| Lost { day: day(date), kiosk: "k".to_owned(), records };
    store.add_lost(&[lost("2026-11-23", 3)]).unwrap();
    store.add_lost(&[lost("2026-11-23", 4), lost("2026-11-29", 1), lost("2026-11-30", 2)]).unwrap();
    assert_eq!(
        store.lost().unwrap(),
        [lost("2026-11-23", 7), lost("2026-11-29", 1), lost("2026-11-30", 2)],
        "per day"
    );
    let report = report(store.as_mut()).unwrap();
    let weeks: Vec<(&str, u64)> = report.lost.iter().map(|l| (l.week.as_str(), l.records)).collect();
    assert_eq!(weeks, [("2026-W48", 8), ("2026-W49", 2)], "per week");
}

/// The purge deletes the days before the cut-off, and only them.
fn the_purge_deletes_old_days_only(backend: &Backend) {
    let mut store = backend.open();
    let at = |date: &str| VisitRecord::not_finished(day(date), "k", "fr");
    store.add(&[at("2025-11-22"), at("2025-11-23"), at("2025-11-24"), at("2026-11-23")]).unwrap();
    store.add_lost(&[Lost { day: day("2025-11-01"), kiosk: "k".to_owned(), records: 2 }]).unwrap();
    assert_eq!(store.purge_before(day("2025-11-24")).unwrap(), 2, "two visits before the cut-off");
    let mut days = Vec::new();
    store.scan(&mut |visits| days.extend(std::iter::repeat_n(visits.day, visits.count as usize))).unwrap();
    days.sort();
    assert_eq!(days, [day("2025-11-24"), day("2026-11-23")], "the cut-off day is kept");
    assert!(store.lost().unwrap().is_empty(), "lost counts are purged too");
}

/// A store written by version 1 of the schema is brought to the current version at start-up,
/// its visits kept; opening it again changes nothing.
fn a_version_1_store_is_upgraded(backend: &Backend) {
    let mut old = backend.open_at(1);
    assert_eq!(old.schema_version().unwrap(), 1, "opened at version 1");
    // Version 1 had no lost_records table.
    assert!(old.lost().is_err(), "version 1 has no lost records");
    backend.execute(
        "INSERT INTO visits (day, kiosk, language, level, modality, domains, help, help_without_place)
         VALUES ('2026-11-23', 'k', 'fr', 'debutant', 'train', 'mp----', 'digital_workshop', '');
         INSERT INTO visits (day, kiosk, language) VALUES ('2026-11-23', 'k', 'fr');",
    );
    drop(old);
    let mut store = backend.open();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION, "upgraded");
    store
        .add(&(0..4).map(|_| finished("2026-11-24", "k", "fr", "debutant", &[], &[])).collect::<Vec<_>>())
        .unwrap();
    store.add_lost(&[Lost { day: day("2026-11-23"), kiosk: "k".to_owned(), records: 1 }]).unwrap();
    let report = report(store.as_mut()).unwrap();
    assert_eq!(report.cells.len(), 1, "{:?}", report.cells);
    assert_eq!(report.cells[0].counts.visits, 5, "the version 1 visit counts with the new ones");
    assert_eq!(report.cells[0].counts.help[1], 1, "its help kind is read");
    assert_eq!(report.suppressed_visits, 1, "the visit not finished");
    drop(store);
    let mut again = backend.open();
    assert_eq!(again.schema_version().unwrap(), SCHEMA_VERSION, "no migration twice");
}

/// (week, kiosk, language, level) -> (visits, workshops without a place, internet mastered).
type Cells = std::collections::BTreeMap<(String, String, String, Option<String>), (u64, u64, u64)>;

/// Ten thousand varied visits: each cell holds the counts of its records, computed here
/// independently, whichever way the store gives them back.
fn the_aggregates_count_every_record(backend: &Backend) {
    use chrono::Datelike as _;
    let mut store = backend.open();
    let visits: Vec<VisitRecord> = synthetic_visits(10_000, 3).collect();
    for batch in visits.chunks(700) {
        store.add(batch).unwrap();
    }
    let report = report(store.as_mut()).unwrap();
    let mut expected = Cells::new();
    for visit in &visits {
        let week = format!("{}-W{:02}", visit.day.iso_week().year(), visit.day.iso_week().week());
        let level = visit.outcome.as_ref().map(|o| o.level.clone());
        let entry = expected.entry((week, visit.kiosk.clone(), visit.language.clone(), level)).or_default();
        entry.0 += 1;
        if let Some(outcome) = &visit.outcome {
            entry.1 += u64::from(outcome.help_without_place.iter().any(|h| h == "digital_workshop"));
            entry.2 += u64::from(outcome.domains[2] == DomainStatus::Mastered);
        }
    }
    let suppressed: Vec<u64> = expected.values().map(|e| e.0).filter(|n| *n < MIN_VISITS).collect();
    expected.retain(|_, e| e.0 >= MIN_VISITS);
    let found: std::collections::BTreeMap<_, _> = report
        .cells
        .iter()
        .map(|c| {
            let key = (c.week.clone(), c.kiosk.clone(), c.language.clone(), c.level.clone());
            (key, (c.counts.visits, c.counts.help_without_place[1], c.counts.domains[2][3]))
        })
        .collect();
    assert!(expected.len() > 100, "enough cells to tell: {}", expected.len());
    assert_eq!(found, expected, "cells and their counts");
    assert_eq!(report.suppressed_cells, suppressed.len() as u64, "suppressed cells");
    assert_eq!(report.suppressed_visits, suppressed.iter().sum::<u64>(), "suppressed visits");
}

macro_rules! on_both_stores {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $test() {
                super::$test(&crate::support::sqlite(stringify!($test)));
            })*
        }
        mod postgres {
            $(#[test]
            fn $test() {
                if let Some(backend) = crate::support::postgres(stringify!($test)) {
                    super::$test(&backend);
                }
            })*
        }
    };
}

on_both_stores!(
    visits_add_up_per_week_kiosk_language_and_level,
    cells_under_five_visits_are_suppressed,
    lost_records_add_up,
    the_purge_deletes_old_days_only,
    a_version_1_store_is_upgraded,
    the_aggregates_count_every_record,
);

/// Both stores give the same aggregates for the same visits.
#[test]
fn sqlite_and_postgresql_agree() {
    let Some(postgres) = crate::support::postgres("agree") else {
        return;
    };
    let sqlite = crate::support::sqlite("agree");
    let visits: Vec<VisitRecord> = synthetic_visits(20_000, 2).collect();
    let reports: Vec<_> = [sqlite, postgres]
        .iter()
        .map(|backend| {
            let mut store = backend.open();
            store.add(&visits).unwrap();
            report(store.as_mut()).unwrap()
        })
        .collect();
    assert!(!reports[0].cells.is_empty(), "something to compare");
    assert_eq!(reports[0], reports[1], "the same aggregates");
}
