//! The territory a kiosk serves: its places directory, where the kiosk stands and its clock.

use std::collections::HashMap;

use crate::config::Config;
use crate::content::offers::offer_place_problems;
use crate::content::orientation::PlaceFacets;
use crate::content::{Content, ContentSource};
use crate::places::{Directory, LatLon, load_phone_rules, place_kind, places_file};
use crate::problem::Problem;

use super::KioskClock;

/// The places, the kiosk's position and its clock.
#[derive(Clone, Debug)]
pub struct Territory {
    /// The places directory.
    pub directory: Directory,
    /// Where the kiosk stands (distances when the visitor gives no postcode).
    pub kiosk: LatLon,
    /// The local time, for opening hours.
    pub clock: KioskClock,
    /// The directory's vocabulary values as numbers, so that orienting a visitor compares
    /// numbers, not strings, across thousands of places.
    vocabulary: Vocabulary,
}

/// Every value of the places' lists numbered, and each place's values by number.
#[derive(Clone, Debug, Default)]
pub(super) struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Per place (in the directory's order): services, programmes, care, support, kinds.
    pub(super) places: Vec<[Vec<u32>; 5]>,
}

impl Vocabulary {
    fn of(directory: &Directory) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut number = |values: &[String]| -> Vec<u32> {
            values
                .iter()
                .map(|value| {
                    let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                    *ids.entry(value.clone()).or_insert(next)
                })
                .collect()
        };
        let places = directory
            .places()
            .iter()
            .map(|p| {
                // Kinds as the vocabulary spells them ("PE" is "FT"), as rules name them.
                let kinds: Vec<String> =
                    p.typologie.iter().filter_map(|t| place_kind(t)).map(str::to_owned).collect();
                [
                    number(&p.services),
                    number(&p.national_programmes),
                    number(&p.prise_en_charge_specifique),
                    number(&p.modalites_accompagnement),
                    number(&kinds),
                ]
            })
            .collect();
        Self { ids, places }
    }

    /// The numbers of a rule's values, list by list; a value no place has gets none.
    pub(super) fn numbers(&self, facets: &PlaceFacets) -> [Vec<u32>; 5] {
        let known = |values: &[String]| values.iter().filter_map(|v| self.ids.get(v).copied()).collect();
        [
            known(&facets.services),
            known(&facets.programmes),
            known(&facets.care),
            known(&facets.support),
            known(&facets.kinds),
        ]
    }
}

/// True when a place (its value numbers) has one of the wanted values.
pub(super) fn gives(wanted: &[Vec<u32>; 5], place: &[Vec<u32>; 5]) -> bool {
    wanted.iter().zip(place).any(|(w, p)| w.iter().any(|v| p.contains(v)))
}

impl Territory {
    /// A territory from its parts.
    pub fn new(directory: Directory, kiosk: LatLon, clock: KioskClock) -> Self {
        let vocabulary = Vocabulary::of(&directory);
        Self { directory, kiosk, clock, vocabulary }
    }

    pub(super) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The territory of a config: its places file (or the content's demo territory), its
    /// location, time zone and `--now`. The local offers must name places of the directory.
    /// A places file of which no row is kept is a problem; skipped rows are not.
    pub fn load(config: &Config, content: &Content) -> Result<Self, Vec<Problem>> {
        let config_path = config.shown_path.clone().unwrap_or_else(|| "built-in demo config".to_owned());
        let clock = KioskClock::new(&config.time_zone, config.now.as_deref())
            .map_err(|message| vec![Problem::file(&config_path, message)])?;
        let kiosk = LatLon::new(config.location.lat, config.location.lon).ok_or_else(|| {
            vec![Problem::file(&config_path, "location: lat must be within ±90 and lon within ±180")]
        })?;
        let source = ContentSource::layered(config.content.as_deref()).map_err(|err| {
            let shown = config.content.as_deref().map_or_else(String::new, |f| f.display().to_string());
            vec![Problem::file(shown, err.to_string())]
        })?;
        let directory = match places_file(config.places.as_deref(), &source).map_err(|p| vec![p])? {
            None => Directory::default(),
            Some((shown, bytes)) => {
                let (directory, report) = Directory::import(&shown, &bytes);
                if directory.is_empty() {
                    let why = report
                        .error
                        .unwrap_or_else(|| format!("none of its {} rows can be shown", report.rows));
                    return Err(vec![Problem::file(shown, format!("no place kept: {why}"))]);
                }
                directory
            }
        };
        let problems = offer_place_problems(&content.offers, &directory);
        if !problems.is_empty() {
            return Err(problems);
        }
        // Places' phones are formatted for each result: the rules are read once, now.
        load_phone_rules();
        Ok(Self::new(directory, kiosk, clock))
    }
}
