//! The deployer's local offers (`scenarios/local-offers.toml`, optional): what the national
//! schema lacks — workshops with their level and dates, French courses (FLE), literacy
//! classes. Orientation proposes them before the directory's places of the same kind.

use chrono::NaiveDateTime;
use serde::Deserialize;

use crate::content::orientation::HELP_KINDS;
use crate::places::{Directory, Hours, LatLon};
use crate::problem::{Problem, line_of, toml_problem};

/// Where an offer takes place when it is not a place of the directory.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OfferAddress {
    /// Name of the place.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// Commune.
    pub commune: String,
    /// Latitude (for distances), if known.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude, if known.
    #[serde(default)]
    pub lon: Option<f64>,
}

impl OfferAddress {
    /// The position, when both coordinates are given and valid.
    pub fn position(&self) -> Option<LatLon> {
        LatLon::new(self.lat?, self.lon?)
    }
}

/// One local offer.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalOffer {
    /// Unique id.
    pub id: String,
    /// Kind of help (CONTRACTS.md).
    pub kind: String,
    /// Its name, as the organiser writes it.
    pub name: String,
    /// Level ids it suits; empty: every level.
    pub levels: Vec<String>,
    /// Languages spoken besides French (language codes); empty: French only.
    pub languages: Vec<String>,
    /// Weekly schedule (`opening_hours` syntax), if any.
    pub schedule: Option<Hours>,
    /// Dated sessions (local time), if any.
    pub sessions: Vec<NaiveDateTime>,
    /// Id of its place in the directory, or…
    pub place: Option<String>,
    /// …its own address.
    pub address: Option<OfferAddress>,
    /// Seats per session, if known.
    pub capacity: Option<u32>,
    /// Phone to register, if any.
    pub phone: Option<String>,
    /// The file and line it came from.
    pub shown_at: (String, usize),
}

impl LocalOffer {
    /// The next session after `now`: the first dated session to come, else the schedule's
    /// next opening (or `now` when a session is under way).
    pub fn next_session(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let dated = self.sessions.iter().copied().filter(|s| *s >= now).min();
        let weekly = self.schedule.as_ref().and_then(|s| match s.is_open(now) {
            Some(true) => Some(now),
            _ => s.next_opening(now),
        });
        match (dated, weekly) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// True when the offer has nothing left to come: dated sessions only, all past.
    pub fn is_over(&self, now: NaiveDateTime) -> bool {
        self.schedule.is_none() && self.sessions.iter().all(|s| *s < now)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfferEntry {
    id: String,
    kind: String,
    name: String,
    #[serde(default)]
    levels: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    schedule: Option<String>,
    #[serde(default)]
    sessions: Vec<String>,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    address: Option<OfferAddress>,
    #[serde(default)]
    capacity: Option<u32>,
    #[serde(default)]
    phone: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OffersFile {
    #[serde(default)]
    offer: Vec<toml::Spanned<OfferEntry>>,
}

/// Parses and checks a local-offers file (place ids are checked against the directory by
/// [`offer_place_problems`]).
pub fn parse_offers(
    path: &str,
    text: &str,
    level_ids: &[&str],
    language_codes: &[&str],
) -> Result<Vec<LocalOffer>, Vec<Problem>> {
    let file: OffersFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let mut problems = Vec::new();
    let mut offers = Vec::new();
    for spanned in &file.offer {
        let line = line_of(text, spanned.span().start);
        let entry = spanned.get_ref();
        let mut say = |message: String| problems.push(Problem::at(path, Some(line), message));
        if file.offer.iter().filter(|o| o.get_ref().id == entry.id).count() > 1 {
            say(format!("offer id {:?} is used twice", entry.id));
        }
        if !HELP_KINDS.contains(&entry.kind.as_str()) {
            say(format!("unknown kind of help {:?}; kinds: {}", entry.kind, HELP_KINDS.join(", ")));
        }
        if let Some(level) = entry.levels.iter().find(|l| !level_ids.contains(&l.as_str())) {
            say(format!("unknown level {level:?}; levels: {}", level_ids.join(", ")));
        }
        if let Some(language) = entry.languages.iter().find(|l| !language_codes.contains(&l.as_str())) {
            say(format!("unknown language {language:?}; languages: {}", language_codes.join(", ")));
        }
        let schedule = entry.schedule.as_deref().map(Hours::parse);
        if let Some(hours) = &schedule
            && !hours.is_parsed()
        {
            say(format!(
                "schedule {:?} is not in opening_hours syntax (e.g. \"Tu,Th 14:00-16:00\")",
                hours.raw()
            ));
        }
        let mut sessions = Vec::new();
        for session in &entry.sessions {
            match NaiveDateTime::parse_from_str(session, "%Y-%m-%dT%H:%M") {
                Ok(at) => sessions.push(at),
                Err(_) => {
                    say(format!("session {session:?} is not a local date and time like 2026-12-01T14:00"));
                }
            }
        }
        if schedule.is_none() && entry.sessions.is_empty() {
            say("an offer needs a schedule or sessions".to_owned());
        }
        match (&entry.place, &entry.address) {
            (Some(_), Some(_)) => {
                say("give either place (an id of the directory) or address, not both".to_owned());
            }
            (None, None) => say("an offer needs a place (an id of the directory) or an address".to_owned()),
            (None, Some(address))
                if address.position().is_none() && (address.lat.is_some() || address.lon.is_some()) =>
            {
                say("address: lat must be within ±90 and lon within ±180, both given".to_owned());
            }
            _ => {}
        }
        offers.push(LocalOffer {
            id: entry.id.clone(),
            kind: entry.kind.clone(),
            name: entry.name.clone(),
            levels: entry.levels.clone(),
            languages: entry.languages.clone(),
            schedule,
            sessions,
            place: entry.place.clone(),
            address: entry.address.clone(),
            capacity: entry.capacity,
            phone: entry.phone.clone(),
            shown_at: (path.to_owned(), line),
        });
    }
    if problems.is_empty() { Ok(offers) } else { Err(problems) }
}

/// Offers whose `place` is not an id of the directory.
pub fn offer_place_problems(offers: &[LocalOffer], directory: &Directory) -> Vec<Problem> {
    offers
        .iter()
        .filter_map(|offer| {
            let id = offer.place.as_ref()?;
            directory.get(id).is_none().then(|| {
                Problem::at(
                    &offer.shown_at.0,
                    Some(offer.shown_at.1),
                    format!("place {id:?} is not an id of the places directory"),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[offer]]
id = "fle"
kind = "french_course"
name = "Cours de français"
languages = ["ar"]
schedule = "Tu,Th 14:00-16:00"
address = { name = "Centre social", address = "1 rue Haute", postcode = "16000", commune = "Angoulême", lat = 45.65, lon = 0.16 }

[[offer]]
id = "atelier"
kind = "digital_workshop"
name = "Atelier souris et clavier"
levels = ["debutant"]
sessions = ["2026-12-01T14:00", "2026-12-08T14:00"]
place = "p1"
capacity = 8
"#;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn good_offers_load_with_their_next_session() {
        let offers = parse_offers("o.toml", GOOD, &["debutant"], &["fr", "ar"]).unwrap();
        assert_eq!(offers.len(), 2);
        // Monday 30 November 2026: the course is on Tuesday, the workshop on 1 December.
        let monday = at("2026-11-30T10:00");
        assert_eq!(offers[0].next_session(monday), Some(at("2026-12-01T14:00")));
        assert_eq!(offers[1].next_session(at("2026-12-02T10:00")), Some(at("2026-12-08T14:00")));
        assert!(offers[1].is_over(at("2026-12-09T10:00")), "every session past");
        assert!(!offers[0].is_over(at("2027-06-01T10:00")), "a weekly course goes on");
    }

    #[test]
    fn mistakes_are_located() {
        let bad = GOOD.replace("\"debutant\"]", "\"expert\"]").replace("2026-12-08T14:00", "next week");
        let problems = parse_offers("o.toml", &bad, &["debutant"], &["fr", "ar"]).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.line == Some(10)), "{problems:?}");
    }

    #[test]
    fn an_unknown_place_is_reported() {
        let offers = parse_offers("o.toml", GOOD, &["debutant"], &["fr", "ar"]).unwrap();
        let problems = offer_place_problems(&offers, &Directory::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(10), "{}", problems[0]);
    }
}
