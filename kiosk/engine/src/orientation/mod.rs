//! Where to go next: a result turned into kinds of help and the best places for this visitor,
//! here and now, by the orientation rules of the content (`scenarios/orientation.toml`), the
//! deployer's local offers and the places directory.
//!
//! ```
//! use repere_engine::content::Content;
//! use repere_engine::orientation::{KioskClock, Orientation, Territory};
//! use repere_engine::places::{Directory, LatLon};
//! use repere_engine::profile::VisitorProfile;
//!
//! let content = Content::builtin().expect("the built-in content is valid");
//! let json = r#"[{"id": "fs", "nom": "France Services", "adresse": "1 rue Haute",
//!                 "code_postal": "16000", "commune": "Angoulême", "latitude": 45.65,
//!                 "longitude": 0.16, "services": "Aide aux démarches administratives"}]"#;
//! let (directory, _) = Directory::import("places.json", json.as_bytes());
//! let clock = KioskClock::new("Europe/Paris", Some("2026-11-23T10:00:00+01:00"))?;
//! let territory = Territory::new(directory, LatLon { lat: 45.65, lon: 0.15 }, clock);
//! let profile = VisitorProfile::from_json(
//!     r#"{"language": "fr", "answers": {"urgent_procedure": true}}"#, &[])?;
//! let result = Orientation::new(&content, &territory).simulate(&profile);
//! assert_eq!(result.recommendations[0].kind, "help_with_procedures");
//! assert_eq!(result.recommendations[0].place.as_ref().map(|p| p.id.as_str()), Some("fs"));
//! # Ok::<(), String>(())
//! ```

mod clock;
mod territory;

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, Timelike};

pub use self::clock::{KioskClock, is_time_zone};
pub use self::territory::Territory;
use crate::content::Content;
use crate::content::offers::LocalOffer;
use crate::content::orientation::{HelpCondition, HelpRule, NeedRule};
use crate::places::{LatLon, Place, PlaceLanguage, haversine_km, national_phone, place_kind, readable_name};
use crate::profile::{Answers, Home, VisitorProfile};
use crate::result::{Availability, OfferSummary, PlaceSummary, Recommendation, VisitResult, build_result};
use crate::scoring::condition_holds;

/// How many of the nearest suitable places are looked at again for "open today" (hours are
/// slow to evaluate; the nearest ones are the ones worth going to today anyway).
const TODAY_CANDIDATES: usize = 12;

/// The rules of the content applied to a territory.
#[derive(Clone, Copy, Debug)]
pub struct Orientation<'a> {
    content: &'a Content,
    territory: &'a Territory,
}

/// Where distances are measured from, and what to say of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    /// The position.
    pub position: LatLon,
    /// A note for `reasons` when the visitor's postcode could not be used.
    pub note: Option<String>,
}

/// A place of the directory that gives a kind of help, as ranked.
struct Candidate<'p> {
    place: &'p Place,
    needs_met: usize,
    /// The first group of the help's `labels` the place holds; past the last group when none.
    label_rank: usize,
    paying: bool,
    ranked_km: f64,
}

impl<'a> Orientation<'a> {
    /// The content's rules over this territory.
    pub fn new(content: &'a Content, territory: &'a Territory) -> Self {
        Self { content, territory }
    }

    /// Where distances are measured from: the visitor's home when given and found, else the
    /// kiosk.
    pub fn origin(&self, home: Option<&Home>) -> Origin {
        let kiosk = Origin { position: self.territory.kiosk, note: None };
        match home {
            None => kiosk,
            Some(Home::Position { lat, lon }) => match LatLon::new(*lat, *lon) {
                Some(position) => Origin { position, note: None },
                None => Origin {
                    note: Some("home position out of range: distances are from the kiosk".to_owned()),
                    ..kiosk
                },
            },
            Some(Home::Postcode { postcode }) => match self.territory.directory.postcode_centroid(postcode) {
                Some(position) => Origin { position, note: None },
                None => Origin {
                    note: Some(format!(
                        "postcode {postcode} is not known to the places directory: distances are from the kiosk"
                    )),
                    ..kiosk
                },
            },
        }
    }

    /// `kiosk simulate`: the result of a profile, with its recommendations.
    pub fn simulate(&self, profile: &VisitorProfile) -> VisitResult {
        let mut result = build_result(
            &profile.language,
            &profile.answers,
            &profile.domains,
            &[],
            false,
            &self.content.scoring,
        );
        self.complete(&mut result, &profile.answers, profile.home.as_ref());
        result
    }

    /// Fills the recommendations of a result (and says in `reasons` when the visitor's
    /// postcode could not be used).
    pub fn complete(&self, result: &mut VisitResult, answers: &Answers, home: Option<&Home>) {
        let origin = self.origin(home);
        if let Some(note) = &origin.note {
            result.reasons.push(note.clone());
        }
        result.recommendations = self.recommend(result, answers, origin.position);
    }

    /// The kinds of help the result leads to, most useful first, each with up to
    /// `per_kind` places (local offers first), or with none and how to find one.
    pub fn recommend(&self, result: &VisitResult, answers: &Answers, origin: LatLon) -> Vec<Recommendation> {
        let rules = &self.content.orientation;
        let now = self.territory.clock.now();
        let needs = self.needs_of(answers);
        let helps: Vec<&HelpRule> = rules.helps.iter().filter(|h| applies(h, result, answers)).collect();
        let today_first: Vec<bool> =
            helps.iter().map(|h| h.today_first && result.urgent_help_first).collect();
        let mut places_by_help = self.places_for(&helps, &today_first, &needs, &result.language, origin, now);
        let mut recommendations = Vec::new();
        for (help, places) in helps.iter().zip(places_by_help.iter_mut()) {
            let reason = self.text(&result.language, &help.reason);
            let mut entries: Vec<Recommendation> = self
                .offers_for(help, result, origin, now)
                .into_iter()
                .take(rules.per_kind)
                .map(|(offer, place)| Recommendation {
                    kind: help.kind.clone(),
                    reason: reason.clone(),
                    place: Some(place),
                    offer: Some(offer),
                })
                .collect();
            let room = rules.per_kind - entries.len();
            entries.extend(std::mem::take(places).into_iter().take(room).map(|place| Recommendation {
                kind: help.kind.clone(),
                reason: reason.clone(),
                place: Some(place),
                offer: None,
            }));
            if entries.is_empty() {
                let how = self.text(&result.language, &help.none_found);
                entries.push(Recommendation {
                    kind: help.kind.clone(),
                    reason: format!("{reason} {how}"),
                    place: None,
                    offer: None,
                });
            }
            recommendations.extend(entries);
        }
        recommendations
    }

    /// The nearest places that help with procedures, open today first (the urgent-help
    /// screen, before any test: no access needs known yet).
    pub fn help_today(&self, language: &str, home: Option<&Home>) -> Vec<PlaceSummary> {
        let rules = &self.content.orientation;
        let Some(help) = rules.helps.iter().find(|h| h.kind == "help_with_procedures") else {
            return Vec::new();
        };
        let origin = self.origin(home).position;
        let now = self.territory.clock.now();
        let mut places =
            self.places_for(&[help], &[true], &[], language, origin, now).pop().unwrap_or_default();
        places.truncate(rules.per_kind);
        places
    }

    /// The need rules of the visitor's access needs.
    fn needs_of(&self, answers: &Answers) -> Vec<&'a NeedRule> {
        let stated = answers.values_of("access_needs").unwrap_or_default();
        self.content.orientation.needs.iter().filter(|n| stated.contains(&n.id.as_str())).collect()
    }

    fn text(&self, language: &str, key: &str) -> String {
        self.content.text(language, key).unwrap_or(key).to_owned()
    }

    /// Local offers of the kind, for the visitor's level, not over, soonest first.
    fn offers_for(
        &self,
        help: &HelpRule,
        result: &VisitResult,
        origin: LatLon,
        now: NaiveDateTime,
    ) -> Vec<(OfferSummary, PlaceSummary)> {
        let mut found: Vec<(Option<NaiveDateTime>, OfferSummary, PlaceSummary)> = self
            .content
            .offers
            .iter()
            .filter(|o| o.kind == help.kind && !o.is_over(now))
            .filter(|o| o.levels.is_empty() || o.levels.contains(&result.level.id))
            .filter_map(|offer| {
                let place = self.offer_place(offer, origin, now, &result.language)?;
                let next = offer.next_session(now);
                Some((next, offer_summary(offer, next), place))
            })
            .collect();
        found.sort_by(|a, b| {
            let soon = |x: &Option<NaiveDateTime>| x.unwrap_or(NaiveDateTime::MAX);
            soon(&a.0)
                .cmp(&soon(&b.0))
                .then(a.2.distance_km.unwrap_or(f64::MAX).total_cmp(&b.2.distance_km.unwrap_or(f64::MAX)))
                .then(a.1.id.cmp(&b.1.id))
        });
        found.into_iter().map(|(_, offer, place)| (offer, place)).collect()
    }

    /// Where an offer takes place, as a place summary.
    fn offer_place(
        &self,
        offer: &LocalOffer,
        origin: LatLon,
        now: NaiveDateTime,
        language: &str,
    ) -> Option<PlaceSummary> {
        if let Some(id) = &offer.place {
            let place = self.territory.directory.get(id)?;
            let distance = place.position.map(|p| haversine_km(origin, p));
            return Some(summary(place, distance, &[], language, now));
        }
        let address = offer.address.as_ref()?;
        let position = address.position();
        Some(PlaceSummary {
            id: offer.id.clone(),
            name: address.name.clone(),
            address: address.address.clone(),
            postcode: address.postcode.clone(),
            commune: address.commune.clone(),
            lat: position.map(|p| p.lat),
            lon: position.map(|p| p.lon),
            phone: offer.phone.as_deref().map(national_phone),
            website: None,
            appointment_url: None,
            opening_hours: None,
            open_now: None,
            next_opening: None,
            today_hours: None,
            distance_km: position.map(|p| round_km(haversine_km(origin, p))),
            wheelchair_accessible: None,
            languages: Vec::new(),
            free: None,
            needs: BTreeMap::new(),
            accessibility_url: None,
            kinds: Vec::new(),
            availability: Availability::Unknown,
        })
    }

    /// For each kind of help, the places of the directory that give it (one of its `places`
    /// values), receive the public, are within reach and contradict no need; ranked: needs
    /// known to be met first, then places with the help's strongest national label (its
    /// `labels`, before places that merely list the help), free before paid, then by distance
    /// (less a preference's bonus); where `today_first`, the nearest open today first. One
    /// pass over the directory serves every kind.
    fn places_for(
        &self,
        helps: &[&HelpRule],
        today_first: &[bool],
        needs: &[&NeedRule],
        language: &str,
        origin: LatLon,
        now: NaiveDateTime,
    ) -> Vec<Vec<PlaceSummary>> {
        let max_km = self.content.orientation.max_km;
        // A degree of latitude is 111 km everywhere: most places are ruled out before any
        // trigonometry.
        let max_lat = max_km / 111.0;
        // A degree of longitude is shorter away from the equator (the box errs wide).
        let max_lon = max_km / (111.0 * (origin.lat.abs() + max_lat).min(89.0).to_radians().cos());
        let near =
            |at: &LatLon| (at.lat - origin.lat).abs() <= max_lat && (at.lon - origin.lon).abs() <= max_lon;
        let km_per_lon_degree = KM_PER_DEGREE * origin.lat.to_radians().cos();
        let mut by_help: Vec<Vec<Candidate<'_>>> = helps.iter().map(|_| Vec::new()).collect();
        let vocabulary = self.territory.vocabulary();
        let wanted: Vec<[Vec<u32>; 5]> = helps.iter().map(|h| vocabulary.numbers(&h.places)).collect();
        let labels: Vec<Vec<[Vec<u32>; 5]>> =
            helps.iter().map(|h| h.labels.iter().map(|group| vocabulary.numbers(group)).collect()).collect();
        for (place, values) in self.territory.directory.places().iter().zip(&vocabulary.places) {
            let Some(position) = place.position.filter(near) else {
                continue;
            };
            // Which kinds this place gives, as bits (there are seven kinds).
            let gives = (0..helps.len())
                .filter(|&i| territory::gives(&wanted[i], values))
                .fold(0_u32, |bits, i| bits | 1 << i);
            if gives == 0 || !place.receives_public() || needs.iter().any(|n| n.contradicted_by(place)) {
                continue;
            }
            // Within tens of kilometres the flat-earth distance ranks like the great-circle one
            // (well under 0.1 % apart) at a fraction of the trigonometry; the distance shown
            // is the great-circle one.
            let distance_km = flat_km(origin, position, km_per_lon_degree);
            if distance_km > max_km {
                continue;
            }
            let needs_met = needs_met(place, needs, language);
            let paying = is_paying(place);
            for i in (0..helps.len()).filter(|i| gives & 1 << i != 0) {
                let prefer = helps[i].prefer.as_ref();
                let bonus = prefer.filter(|p| p.facets.matches(place)).map_or(0.0, |p| p.bonus_km);
                let label_rank = labels[i]
                    .iter()
                    .position(|group| territory::gives(group, values))
                    .unwrap_or(labels[i].len());
                by_help[i].push(Candidate {
                    place,
                    needs_met,
                    label_rank,
                    paying,
                    ranked_km: distance_km - bonus,
                });
            }
        }
        let rank = |a: &Candidate<'_>, b: &Candidate<'_>| {
            b.needs_met
                .cmp(&a.needs_met)
                .then(a.label_rank.cmp(&b.label_rank))
                .then(a.paying.cmp(&b.paying))
                .then(a.ranked_km.total_cmp(&b.ranked_km))
                .then_with(|| a.place.id.cmp(&b.place.id))
        };
        by_help
            .into_iter()
            .zip(today_first)
            .map(|(mut candidates, today_first)| {
                // Only the best few are shown: select them, then sort only those.
                let keep = if *today_first { TODAY_CANDIDATES } else { self.content.orientation.per_kind };
                if candidates.len() > keep {
                    candidates.select_nth_unstable_by(keep - 1, rank);
                    candidates.truncate(keep);
                }
                candidates.sort_by(rank);
                if *today_first {
                    // Stable: among places open today, and among the others, the ranking holds.
                    candidates.sort_by_key(|c| std::cmp::Reverse(still_open_today(c.place, now)));
                    candidates.truncate(self.content.orientation.per_kind);
                }
                candidates
                    .into_iter()
                    .map(|c| {
                        summary(
                            c.place,
                            c.place.position.map(|p| haversine_km(origin, p)),
                            needs,
                            language,
                            now,
                        )
                    })
                    .collect()
            })
            .collect()
    }
}

/// Kilometres in a degree of latitude.
const KM_PER_DEGREE: f64 = 111.195;

/// The distance between two near points on a flat map (equirectangular projection).
fn flat_km(a: LatLon, b: LatLon, km_per_lon_degree: f64) -> f64 {
    let dy = (b.lat - a.lat) * KM_PER_DEGREE;
    let dx = (b.lon - a.lon) * km_per_lon_degree;
    dx.hypot(dy)
}

/// True when a kind of help applies to this result.
fn applies(help: &HelpRule, result: &VisitResult, answers: &Answers) -> bool {
    let holds = |c: &HelpCondition| match c {
        HelpCondition::Level { level } => level.contains(&result.level.id),
        HelpCondition::Modality { modality } => modality.contains(&result.modality),
        HelpCondition::Flag { flag } => match flag.as_str() {
            "urgent_help_first" => result.urgent_help_first,
            "french_course" => result.french_course,
            "literacy_support" => result.literacy_support,
            "stopped_early" => result.stopped_early,
            _ => false,
        },
        HelpCondition::Obstacle { obstacle } => result.obstacles.iter().any(|o| obstacle.contains(o)),
        HelpCondition::Base(condition) => condition_holds(condition, answers, &result.domains),
    };
    help.when_any.iter().any(holds) && !help.unless_any.iter().any(holds)
}

/// How many of the visitor's needs the place is known to meet (a visitor taking the test in
/// another language than French needs a place that speaks it).
fn needs_met(place: &Place, needs: &[&NeedRule], language: &str) -> usize {
    let stated = needs.iter().filter(|n| n.met_by(place) == Some(true)).count();
    stated + usize::from(speaks(place, language) == Some(true))
}

/// `Some(true)` when the place declares it helps in the visitor's language (English, or
/// "other languages"); `None` when unknown or for French.
fn speaks(place: &Place, language: &str) -> Option<bool> {
    if language == crate::REFERENCE_LANGUAGE {
        return None;
    }
    if place.prise_en_charge_specifique.is_empty() {
        return None;
    }
    let wanted = if language == "en" { PlaceLanguage::En } else { PlaceLanguage::Other };
    place.languages().contains(&wanted).then_some(true)
}

/// Only "Payant" (paid) among its fees.
fn is_paying(place: &Place) -> bool {
    !place.fees.is_empty() && place.fees.iter().all(|f| f == "Payant")
}

/// Open now, or opening again later today.
fn still_open_today(place: &Place, now: NaiveDateTime) -> bool {
    place.is_open(now) == Some(true) || place.next_opening(now).is_some_and(|next| next.date() == now.date())
}

fn round_km(km: f64) -> f64 {
    (km * 10.0).round() / 10.0
}

fn offer_summary(offer: &LocalOffer, next: Option<NaiveDateTime>) -> OfferSummary {
    OfferSummary {
        id: offer.id.clone(),
        name: offer.name.clone(),
        schedule: offer.schedule.as_ref().map(|s| s.raw().to_owned()),
        next_session: next.map(|n| n.format("%Y-%m-%dT%H:%M").to_string()),
        levels: offer.levels.clone(),
        languages: offer.languages.clone(),
        capacity: offer.capacity,
        phone: offer.phone.clone(),
    }
}

/// A place's facts for the result, its hours read at `now`.
fn summary(
    place: &Place,
    distance_km: Option<f64>,
    needs: &[&NeedRule],
    language: &str,
    now: NaiveDateTime,
) -> PlaceSummary {
    let open_now = place.is_open(now);
    let today = place.today_ranges(now);
    // A later opening today is read from today's ranges; only a place closed for the rest
    // of the day needs the (slower) search of the days ahead.
    let later_today = today.as_ref().and_then(|ranges| {
        ranges
            .iter()
            .map(|(start, _)| *start)
            .find(|start| *start > now.time())
            .map(|at| now.date().and_time(at))
    });
    let next = match open_now {
        Some(false) => later_today.or_else(|| place.next_opening(now)),
        _ => None,
    };
    let mut need_facts: BTreeMap<String, Option<bool>> =
        needs.iter().map(|n| (n.id.clone(), n.met_by(place))).collect();
    if language != crate::REFERENCE_LANGUAGE {
        need_facts.insert(format!("language_{language}"), speaks(place, language));
    }
    let free = if place.fees.iter().any(|f| f.starts_with("Gratuit")) {
        Some(true)
    } else if is_paying(place) {
        Some(false)
    } else {
        None
    };
    let availability = match (&place.opening_hours, open_now, next) {
        (Some(hours), _, _) if !hours.is_parsed() => Availability::AsPublished(hours.raw().to_owned()),
        (Some(_), Some(true), _) => Availability::OpenNow {
            until: today.as_ref().and_then(|ranges| {
                ranges
                    .iter()
                    .find(|(start, end)| *start <= now.time() && (now.time() < *end || end.hour() == 0))
                    .map(|r| r.1)
            }),
        },
        (Some(_), _, Some(at)) if at.date() == now.date() => Availability::OpensToday { at: at.time() },
        (Some(_), _, Some(at)) => {
            Availability::OpensLater { at, days_ahead: (at.date() - now.date()).num_days() }
        }
        (None, _, _) | (Some(_), _, None) => Availability::Unknown,
    };
    PlaceSummary {
        id: place.id.clone(),
        name: readable_name(&place.name, &place.commune),
        address: place.address.clone(),
        postcode: place.postcode.clone(),
        // A commune in capitals ("BARBEZIEUX ST HILAIRE") is a proper name throughout.
        commune: readable_name(&place.commune, &place.commune),
        lat: place.lat(),
        lon: place.lon(),
        phone: place.phone.as_deref().map(national_phone),
        website: place.website.clone(),
        appointment_url: place.appointment_url.clone(),
        opening_hours: place.opening_hours.as_ref().map(|h| h.raw().to_owned()),
        open_now,
        next_opening: next.map(|n| n.format("%Y-%m-%dT%H:%M").to_string()),
        today_hours: today.map(|ranges| {
            ranges.iter().map(|(a, b)| format!("{}-{}", a.format("%H:%M"), b.format("%H:%M"))).collect()
        }),
        distance_km: distance_km.map(round_km),
        wheelchair_accessible: place.wheelchair_accessible(),
        languages: place.languages().into_iter().map(|l| l.code().to_owned()).collect(),
        free,
        needs: need_facts,
        accessibility_url: place.accessibility_url.clone(),
        kinds: kinds(place),
        availability,
    }
}

/// The place's kinds as the vocabulary spells them, each once, unknown values and "Autre" left
/// out.
fn kinds(place: &Place) -> Vec<String> {
    let mut kinds: Vec<String> = Vec::new();
    for kind in place.typologie.iter().filter_map(|t| place_kind(t)) {
        if !kinds.iter().any(|k| k == kind) {
            kinds.push(kind.to_owned());
        }
    }
    kinds
}
