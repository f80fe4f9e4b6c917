//! Synthetic visits, for the benchmark of `kiosk bench` and the tests: a fleet of kiosks over
//! a year, every field drawn from its values by a fixed generator.

use chrono::{Days, NaiveDate};
use repere_engine::content::levels::MODALITIES;
use repere_engine::content::orientation::HELP_KINDS;

use crate::record::{LEVELS, Outcome, STATUSES, VisitRecord};

/// A small deterministic generator (no dependency needed for noise).
struct Noise(u64);

impl Noise {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// `count` visits from 2026-01-01 on, spread over 365 days, `kiosks` kiosks and 3 languages;
/// one in ten ends before its result.
pub fn synthetic_visits(count: usize, kiosks: usize) -> impl Iterator<Item = VisitRecord> {
    let mut noise = Noise(7);
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let kiosk_ids: Vec<String> = (1..=kiosks.max(1)).map(|k| format!("kiosk-{k:02}")).collect();
    (0..count).map(move |i| {
        let day = first + Days::new((i * 365 / count.max(1)) as u64);
        let kiosk = &kiosk_ids[noise.below(kiosk_ids.len())];
        let language = ["fr", "en", "ar"][noise.below(3)];
        if noise.below(10) == 0 {
            return VisitRecord::not_finished(day, kiosk, language);
        }
        let help: Vec<String> =
            HELP_KINDS.iter().filter(|_| noise.below(3) == 0).map(|k| (*k).to_owned()).collect();
        let help_without_place = help.iter().filter(|_| noise.below(4) == 0).cloned().collect();
        let outcome = Outcome {
            level: LEVELS[noise.below(LEVELS.len())].to_owned(),
            modality: MODALITIES[noise.below(MODALITIES.len())].to_owned(),
            domains: [(); 6].map(|()| STATUSES[noise.below(STATUSES.len())]),
            help,
            help_without_place,
        };
        VisitRecord { day, kiosk: kiosk.clone(), language: language.to_owned(), outcome: Some(outcome) }
    })
}
