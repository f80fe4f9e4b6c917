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
use crate::places::{LatLon, Place, PlaceLanguage, haversine_km};
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
    distance_km: f64,
    needs_met: usize,
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
        let mut recommendations = Vec::new();
        for help in rules.helps.iter().filter(|h| applies(h, result, answers)) {
            let reason = self.text(&result.language, &help.reason);
            let today_first = help.today_first && result.urgent_help_first;
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
            let places = self.places_for(
                &help.places,
                help.prefer.as_ref(),
                &needs,
                &result.language,
                origin,
                now,
                today_first,
            );
            entries.extend(places.into_iter().take(room).map(|place| Recommendation {
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
            self.places_for(&help.places, help.prefer.as_ref(), &[], language, origin, now, true);
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
            phone: offer.phone.clone(),
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
            availability: Availability::Unknown,
        })
    }

    /// Places of the directory with one of `facets`, that receive the public, within reach,
    /// that contradict no need; ranked: needs known to be met first, free before paid, then
    /// by distance (less a preference's bonus); for a procedure due today, the nearest open
    /// today first.
    #[expect(clippy::too_many_arguments, reason = "one ranking, its inputs named")]
    fn places_for(
        &self,
        facets: &crate::content::orientation::PlaceFacets,
        prefer: Option<&crate::content::orientation::Preference>,
        needs: &[&NeedRule],
        language: &str,
        origin: LatLon,
        now: NaiveDateTime,
        today_first: bool,
    ) -> Vec<PlaceSummary> {
        if facets.is_empty() {
            return Vec::new();
        }
        let max_km = self.content.orientation.max_km;
        let mut candidates: Vec<Candidate<'_>> = self
            .territory
            .directory
            .places()
            .iter()
            .filter(|p| p.receives_public() && facets.matches(p))
            .filter(|p| !needs.iter().any(|n| n.contradicted_by(p)))
            .filter_map(|place| {
                let distance_km = haversine_km(origin, place.position?);
                (distance_km <= max_km).then(|| {
                    let bonus = prefer.filter(|pr| pr.facets.matches(place)).map_or(0.0, |pr| pr.bonus_km);
                    Candidate {
                        place,
                        distance_km,
                        needs_met: needs_met(place, needs, language),
                        paying: is_paying(place),
                        ranked_km: distance_km - bonus,
                    }
                })
            })
            .collect();
        candidates.sort_by(|a, b| {
            b.needs_met
                .cmp(&a.needs_met)
                .then(a.paying.cmp(&b.paying))
                .then(a.ranked_km.total_cmp(&b.ranked_km))
                .then_with(|| a.place.id.cmp(&b.place.id))
        });
        if today_first {
            candidates.truncate(TODAY_CANDIDATES);
            // Stable: among places open today, and among the others, the ranking above holds.
            candidates.sort_by_key(|c| std::cmp::Reverse(still_open_today(c.place, now)));
        } else {
            candidates.truncate(self.content.orientation.per_kind);
        }
        candidates.into_iter().map(|c| summary(c.place, Some(c.distance_km), needs, language, now)).collect()
    }
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
    let next = place.next_opening(now);
    let today = place.today_ranges(now);
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
        (Some(_), _, Some(at)) => Availability::OpensLater { at },
        (None, _, _) | (Some(_), _, None) => Availability::Unknown,
    };
    PlaceSummary {
        id: place.id.clone(),
        name: place.name.clone(),
        address: place.address.clone(),
        postcode: place.postcode.clone(),
        commune: place.commune.clone(),
        lat: place.lat(),
        lon: place.lon(),
        phone: place.phone.clone(),
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
        availability,
    }
}
