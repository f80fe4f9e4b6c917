//! The orientation rules of the shipped content on hand-written profiles and a hand-written
//! territory: every kind of help, every access need, the ranking, and a property test that
//! no recommendation ever contradicts a stated need.

#![expect(clippy::unwrap_used, reason = "test helpers stop at the first surprise")]

use repere_engine::content::Content;
use repere_engine::orientation::{KioskClock, Orientation, Territory};
use repere_engine::places::{Directory, LatLon};
use repere_engine::profile::VisitorProfile;
use repere_engine::result::{Availability, VisitResult};

/// The kiosk of these tests.
const KIOSK: LatLon = LatLon { lat: 45.65, lon: 0.15 };
/// Monday 23 November 2026, 10:00 in Paris.
const MONDAY_10: &str = "2026-11-23T10:00:00+01:00";

/// A place `km` north of the kiosk with these extra fields.
fn place(id: &str, km: f64, extra: &str) -> String {
    let lat = KIOSK.lat + km / 111.2;
    format!(
        r#"{{"id": "{id}", "nom": "Lieu {id}", "adresse": "1 rue {id}", "code_postal": "16000",
            "commune": "Angoulême", "latitude": {lat}, "longitude": {lon}{extra}}}"#,
        lon = KIOSK.lon
    )
}

fn territory_at(now: &str) -> Territory {
    let places = [
        place(
            "fs",
            1.0,
            r#", "services": "Aide aux démarches administratives", "dispositif_programmes_nationaux": "France Services", "horaires": "Mo-Fr 09:00-12:00,14:00-17:00""#,
        ),
        place(
            "ac",
            2.0,
            r#", "services": "Aide aux démarches administratives", "dispositif_programmes_nationaux": "Aidants Connect", "prise_en_charge_specifique": "Handicaps moteurs", "horaires": "Sa 09:00-12:00""#,
        ),
        place("far", 100.0, r#", "services": "Aide aux démarches administratives""#),
        place(
            "nopublic",
            0.5,
            r#", "services": "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien", "modalites_acces": "Ce lieu n'accueille pas de public""#,
        ),
        place(
            "phone",
            0.3,
            r#", "services": "Aide aux démarches administratives", "modalites_acces": "Téléphoner""#,
        ),
        place(
            "surdite",
            5.0,
            r#", "services": "Aide aux démarches administratives", "prise_en_charge_specifique": "Surdité""#,
        ),
        place(
            "atelier",
            8.0,
            r#", "services": "Maîtrise des outils numériques du quotidien", "modalites_accompagnement": "Dans un atelier collectif""#,
        ),
        place(
            "indiv",
            1.5,
            r#", "services": "Maîtrise des outils numériques du quotidien", "modalites_accompagnement": "Accompagnement individuel", "frais_a_charge": "Payant""#,
        ),
        place(
            "autonomie",
            0.2,
            r#", "services": "Maîtrise des outils numériques du quotidien", "modalites_accompagnement": "En autonomie""#,
        ),
        place(
            "visuel",
            7.0,
            r#", "services": "Maîtrise des outils numériques du quotidien", "prise_en_charge_specifique": "Déficience visuelle""#,
        ),
        place(
            "langues",
            6.0,
            r#", "services": "Maîtrise des outils numériques du quotidien", "prise_en_charge_specifique": "Langues étrangères (autres)""#,
        ),
        place(
            "illettrisme",
            3.0,
            r#", "services": "Maîtrise des outils numériques du quotidien", "prise_en_charge_specifique": "Illettrisme", "modalites_acces": "Prendre un RDV en ligne|Se présenter""#,
        ),
        place(
            "mail-only",
            0.4,
            r#", "services": "Maîtrise des outils numériques du quotidien", "modalites_acces": "Contacter par mail""#,
        ),
        place(
            "materiel",
            2.0,
            r#", "services": "Accès internet et matériel informatique", "frais_a_charge": "Gratuit""#,
        ),
    ];
    let json = format!("[{}]", places.join(","));
    let (directory, report) = Directory::import("test.json", json.as_bytes());
    assert_eq!(report.kept, places.len(), "{report:?}");
    Territory::new(directory, KIOSK, KioskClock::new("Europe/Paris", Some(now)).unwrap())
}

fn territory() -> Territory {
    territory_at(MONDAY_10)
}

fn simulate(territory: &Territory, json: &str) -> VisitResult {
    let content = Content::builtin().unwrap();
    let profile = VisitorProfile::from_json(json, &[]).unwrap();
    Orientation::new(&content, territory).simulate(&profile)
}

/// Kinds in order, and the place ids of each.
fn kinds(result: &VisitResult) -> Vec<(String, Vec<String>)> {
    let mut kinds: Vec<(String, Vec<String>)> = Vec::new();
    for r in &result.recommendations {
        let id = r.place.as_ref().map_or_else(|| "-".to_owned(), |p| p.id.clone());
        match kinds.last_mut() {
            Some((kind, ids)) if *kind == r.kind => ids.push(id),
            _ => kinds.push((r.kind.clone(), vec![id])),
        }
    }
    kinds
}

fn ids_of<'a>(kinds: &'a [(String, Vec<String>)], kind: &str) -> &'a [String] {
    kinds.iter().find(|(k, _)| k == kind).map_or(&[], |(_, ids)| ids.as_slice())
}

const FAR_FROM_DIGITAL: &str = r#"{"language": "fr",
  "answers": {"devices": ["none"], "procedures_alone": "never", "obstacles": ["fear"]},
  "domains": {"mouse": 0.1}}"#;

#[test]
fn far_from_digital_gets_someone_to_do_it_with_them_then_a_gentle_workshop() {
    let result = simulate(&territory(), FAR_FROM_DIGITAL);
    assert_eq!(result.modality, "assist");
    let kinds = kinds(&result);
    let order: Vec<&str> = kinds.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(order, ["help_with_procedures", "digital_workshop", "equipment"], "{kinds:?}");
    // The place that receives no public is never proposed; the far one is out of reach.
    // France Services, then Aidants Connect (the help's labels), before the place 300 m away
    // that merely lists the service.
    assert_eq!(ids_of(&kinds, "help_with_procedures"), ["fs", "ac", "phone"]);
    assert!(result.recommendations.iter().all(|r| r.place.as_ref().is_none_or(|p| p.id != "nopublic")));
    // The collective workshop 8 km away ranks as if 10 km nearer; the paid one comes last.
    assert_eq!(ids_of(&kinds, "digital_workshop"), ["atelier", "autonomie", "mail-only"]);
    assert_eq!(ids_of(&kinds, "equipment"), ["materiel"]);
}

#[test]
fn an_urgent_procedure_comes_first_with_places_open_today() {
    // Saturday 28 November 10:00: only "ac" opens on Saturdays.
    let saturday = territory_at("2026-11-28T10:00:00+01:00");
    let result = simulate(
        &saturday,
        r#"{"language": "fr", "answers": {"urgent_procedure": true, "procedures_alone": "yes", "email": "uses"},
            "domains": {"mouse": 1, "keyboard": 1, "internet": 1, "search": 1, "email": 1, "procedure": 1}}"#,
    );
    assert!(result.urgent_help_first);
    let first = &result.recommendations[0];
    assert_eq!(first.kind, "help_with_procedures");
    let place = first.place.as_ref().unwrap();
    assert_eq!(place.id, "ac", "the only one open today");
    assert_eq!(place.open_now, Some(true));
    assert_eq!(place.today_hours.as_deref(), Some(&["09:00-12:00".to_owned()][..]));
    assert!(matches!(place.availability, Availability::OpenNow { .. }), "{:?}", place.availability);
    // France Services, closed on Saturdays, opens on Monday.
    let fs = result.recommendations.iter().find_map(|r| r.place.as_ref().filter(|p| p.id == "fs")).unwrap();
    assert_eq!(fs.open_now, Some(false));
    assert_eq!(fs.next_opening.as_deref(), Some("2026-11-30T09:00"));
    assert!(matches!(fs.availability, Availability::OpensLater { .. }), "{:?}", fs.availability);
    // An autonomous person with an urgent procedure: no "self-service" advice that day.
    assert!(result.recommendations.iter().all(|r| r.kind != "self_service"));
}

#[test]
fn a_beginner_goes_to_a_workshop() {
    let result = simulate(
        &territory(),
        r#"{"language": "fr", "answers": {"devices": ["smartphone"], "internet_at_home": true},
            "domains": {"mouse": 0.6, "keyboard": 0.3}}"#,
    );
    assert_eq!((result.level.id.as_str(), result.modality.as_str()), ("debutant", "train"));
    assert_eq!(kinds(&result)[0].0, "digital_workshop");
}

#[test]
fn an_advanced_visitor_gets_a_quick_help() {
    let result = simulate(
        &territory(),
        r#"{"language": "fr", "answers": {"procedures_alone": "sometimes", "obstacles": ["fear"], "email": "uses", "internet_at_home": true, "devices": ["computer"]},
            "domains": {"mouse": 1, "keyboard": 1, "internet": 1, "search": 1, "email": 1, "procedure": 0.4}}"#,
    );
    assert_eq!(result.modality, "boost");
    let kinds = kinds(&result);
    assert_eq!(kinds[0].0, "quick_help", "{kinds:?}");
    assert_eq!(ids_of(&kinds, "quick_help")[0], "phone", "nearest place helping with procedures");
}

#[test]
fn an_autonomous_visitor_is_pointed_to_self_service() {
    let result = simulate(
        &territory(),
        r#"{"language": "fr", "answers": {"procedures_alone": "yes", "email": "uses", "internet_at_home": true, "devices": ["computer"]},
            "domains": {"mouse": 1, "keyboard": 1, "internet": 1, "search": 1, "email": 1, "procedure": 1}}"#,
    );
    assert_eq!(result.modality, "none");
    assert_eq!(kinds(&result), vec![("self_service".to_owned(), vec!["autonomie".to_owned()])]);
}

#[test]
fn an_allophone_gets_a_french_course_even_with_no_place_known() {
    let result = simulate(
        &territory(),
        r#"{"language": "ar", "answers": {"french_reading": "hard"}, "domains": {"mouse": 0.6, "keyboard": 0.3}}"#,
    );
    assert!(result.french_course);
    let course = result.recommendations.iter().find(|r| r.kind == "french_course").unwrap();
    assert!(course.place.is_none(), "the schema has no French courses and no local offer is loaded");
    assert!(course.reason.chars().count() > 20, "says how to find one: {}", course.reason);
    // The workshop in the visitor's language (the place that declares other languages)
    // ranks first: a known-met need.
    let kinds = kinds(&result);
    assert_eq!(ids_of(&kinds, "digital_workshop")[0], "langues", "{kinds:?}");
    let place =
        result.recommendations.iter().find_map(|r| r.place.as_ref().filter(|p| p.id == "langues")).unwrap();
    assert_eq!(place.needs.get("language_ar"), Some(&Some(true)));
    assert_eq!(place.languages, ["other"]);
}

#[test]
fn a_french_speaker_who_reads_with_difficulty_gets_literacy_support() {
    let result = simulate(
        &territory(),
        r#"{"language": "fr", "answers": {"french_reading": "hard", "access_needs": ["reading"]},
            "domains": {"mouse": 0.6, "keyboard": 0.3}}"#,
    );
    assert!(result.literacy_support && !result.french_course);
    let kinds = kinds(&result);
    assert_eq!(ids_of(&kinds, "literacy"), ["illettrisme"]);
    // Reached only by email: not for someone who reads with difficulty.
    assert!(!ids_of(&kinds, "digital_workshop").contains(&"mail-only".to_owned()), "{kinds:?}");
    // The place known to help with reading ranks first.
    assert_eq!(ids_of(&kinds, "digital_workshop")[0], "illettrisme", "{kinds:?}");
}

#[test]
fn every_access_need_ranks_the_places_known_to_meet_it_first() {
    for (need, helps, expected_first, never) in [
        ("wheelchair", "help_with_procedures", "ac", None),
        ("hearing", "help_with_procedures", "surdite", Some("phone")),
        ("low_vision", "digital_workshop", "visuel", Some("autonomie")),
        ("reading", "digital_workshop", "illettrisme", Some("mail-only")),
    ] {
        let result = simulate(
            &territory(),
            &format!(
                r#"{{"language": "fr", "answers": {{"devices": ["none"], "procedures_alone": "never", "access_needs": ["{need}"]}}, "domains": {{"mouse": 0.1}}}}"#
            ),
        );
        let kinds = kinds(&result);
        assert_eq!(ids_of(&kinds, helps)[0], expected_first, "{need}: {kinds:?}");
        let first = result.recommendations.iter().find(|r| r.kind == helps).unwrap().place.as_ref().unwrap();
        assert_eq!(first.needs.get(need), Some(&Some(true)), "{need}");
        if let Some(never) = never {
            assert!(kinds.iter().all(|(_, ids)| !ids.iter().any(|id| id == never)), "{need}: {kinds:?}");
        }
        // Unknown is said as unknown, never as "no".
        for r in &result.recommendations {
            if let Some(place) = &r.place {
                assert_ne!(place.needs.get(need), Some(&Some(false)), "{need}");
                assert_ne!(place.wheelchair_accessible, Some(false));
            }
        }
    }
}

#[test]
fn a_postcode_the_directory_does_not_know_falls_back_to_the_kiosk() {
    let result = simulate(
        &territory(),
        r#"{"language": "fr", "home": {"postcode": "75001"}, "domains": {"mouse": 0.1}}"#,
    );
    assert!(result.reasons.iter().any(|r| r.contains("75001")), "{:?}", result.reasons);
    let known = simulate(
        &territory(),
        r#"{"language": "fr", "home": {"postcode": "16000"}, "domains": {"mouse": 0.1}}"#,
    );
    assert!(!known.reasons.iter().any(|r| r.contains("16000")), "{:?}", known.reasons);
}

#[test]
fn no_place_in_reach_still_recommends_the_kind() {
    let empty = Territory::new(
        Directory::default(),
        KIOSK,
        KioskClock::new("Europe/Paris", Some(MONDAY_10)).unwrap(),
    );
    let result = simulate(&empty, FAR_FROM_DIGITAL);
    assert!(!result.recommendations.is_empty());
    assert!(result.recommendations.iter().all(|r| r.place.is_none() && !r.reason.is_empty()));
}

#[test]
fn the_same_now_gives_the_same_result() {
    let a = simulate(&territory(), FAR_FROM_DIGITAL);
    let b = simulate(&territory(), FAR_FROM_DIGITAL);
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
}

/// A tiny deterministic generator (no dependency for one property test).
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, values: &[&'a str]) -> &'a str {
        values[(self.next() % values.len() as u64) as usize]
    }

    fn some<'a>(&mut self, values: &[&'a str]) -> Vec<&'a str> {
        values.iter().copied().filter(|_| self.next().is_multiple_of(3)).collect()
    }
}

#[test]
fn no_recommendation_ever_contradicts_a_stated_need() {
    let content = Content::builtin().unwrap();
    let territory = territory();
    let orientation = Orientation::new(&content, &territory);
    let mut dice = Dice(0x5EED_CAFE);
    let quoted = |v: Vec<&str>| v.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(",");
    for _ in 0..1500 {
        let needs = dice.some(&["wheelchair", "low_vision", "hearing", "reading"]);
        let json = format!(
            r#"{{"language": "{}", "answers": {{"urgent_procedure": {}, "devices": [{}], "internet_at_home": {},
                "email": "{}", "procedures_alone": "{}", "obstacles": [{}], "french_reading": "{}",
                "access_needs": [{}]}},
                "domains": {{"mouse": {}, "keyboard": {}, "internet": {}, "procedure": {}}}}}"#,
            dice.pick(&["fr", "en", "ar"]),
            dice.pick(&["true", "false"]),
            quoted(dice.some(&["smartphone", "computer", "tablet", "none"])),
            dice.pick(&["true", "false"]),
            dice.pick(&["none", "has_but_cannot_open", "uses"]),
            dice.pick(&["yes", "sometimes", "never"]),
            quoted(dice.some(&["equipment", "fear", "french", "dont_know_how", "no_interest"])),
            dice.pick(&["easy", "some", "hard"]),
            quoted(needs.clone()),
            dice.pick(&["0.0", "0.3", "0.6", "1.0"]),
            dice.pick(&["0.0", "0.5", "1.0", "null"]),
            dice.pick(&["0.0", "0.5", "1.0", "null"]),
            dice.pick(&["0.0", "1.0", "null"]),
        );
        let profile = VisitorProfile::from_json(&json, &[]).unwrap();
        let result = orientation.simulate(&profile);
        assert!(!result.recommendations.is_empty(), "everyone gets a next step: {json}");
        for r in &result.recommendations {
            let Some(place) = &r.place else { continue };
            let known = territory.directory.get(&place.id).unwrap();
            assert!(known.receives_public(), "{json}");
            for need in &needs {
                let rule = content.orientation.needs.iter().find(|n| n.id == *need).unwrap();
                assert!(!rule.contradicted_by(known), "{} contradicts {need}: {json}", place.id);
                assert_ne!(place.needs.get(*need), Some(&Some(false)), "{json}");
            }
            assert!(place.distance_km.is_some_and(|d| d <= content.orientation.max_km), "{json}");
        }
        let per_kind = content.orientation.per_kind;
        for kind in result.recommendations.iter().map(|r| &r.kind) {
            assert!(result.recommendations.iter().filter(|r| &r.kind == kind).count() <= per_kind, "{json}");
        }
    }
}

/// The documented example of local offers, over the demo territory.
fn with_example_offers() -> (Content, Territory) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let text = std::fs::read_to_string(root.join("scenarios/local-offers.example.toml")).unwrap();
    let mut content = Content::builtin().unwrap();
    let levels = content.scoring.level_ids().into_iter().map(str::to_owned).collect::<Vec<_>>();
    let levels: Vec<&str> = levels.iter().map(String::as_str).collect();
    let codes: Vec<&str> = content.languages.iter().map(|l| l.code.as_str()).collect();
    content.offers =
        repere_engine::content::offers::parse_offers("local-offers.example.toml", &text, &levels, &codes)
            .unwrap();
    let bytes = std::fs::read(root.join("scenarios/places/charente-2023-07-11.json")).unwrap();
    let (directory, _) = Directory::import("charente.json", &bytes);
    let problems = repere_engine::content::offers::offer_place_problems(&content.offers, &directory);
    assert!(problems.is_empty(), "the example names places of the demo directory: {problems:?}");
    let clock = KioskClock::new("Europe/Paris", Some(MONDAY_10)).unwrap();
    (content, Territory::new(directory, LatLon { lat: 45.6484, lon: 0.1562 }, clock))
}

#[test]
fn local_offers_come_first_for_the_levels_they_suit() {
    let (content, territory) = with_example_offers();
    let orientation = Orientation::new(&content, &territory);
    let profile = VisitorProfile::from_json(
        r#"{"language": "ar", "answers": {"french_reading": "hard"}, "domains": {"mouse": 0.6, "keyboard": 0.3}}"#,
        &[],
    )
    .unwrap();
    let result = orientation.simulate(&profile);
    let course = result.recommendations.iter().find(|r| r.kind == "french_course").unwrap();
    let offer = course.offer.as_ref().unwrap();
    assert_eq!(offer.id, "fle-maison-des-habitants");
    assert_eq!(offer.next_session.as_deref(), Some("2026-11-24T14:00"), "Tuesday");
    assert_eq!(course.place.as_ref().unwrap().distance_km, Some(0.0));
    let workshop = result.recommendations.iter().find(|r| r.kind == "digital_workshop").unwrap();
    let offer = workshop.offer.as_ref().unwrap();
    assert_eq!(
        (offer.id.as_str(), offer.next_session.as_deref()),
        ("atelier-premiers-pas", Some("2026-12-01T14:00"))
    );
    assert_eq!(
        workshop.place.as_ref().unwrap().id,
        "d4251632-c8f5-42de-bafe-a7391957cd64",
        "the directory's place"
    );
    // An intermediate is past "first steps": the directory's places instead.
    let intermediate = VisitorProfile::from_json(
        r#"{"language": "fr", "answers": {"email": "none"}, "domains": {"mouse": 1, "keyboard": 1, "internet": 0.2}}"#,
        &[],
    )
    .unwrap();
    let result = orientation.simulate(&intermediate);
    assert_eq!(result.level.id, "intermediaire");
    assert!(result.recommendations.iter().all(|r| r.offer.is_none()), "{:?}", result.recommendations);
    assert!(result.recommendations.iter().any(|r| r.kind == "digital_workshop" && r.place.is_some()));
}

/// A territory where the nearest places that list help with procedures hold no label, or a
/// weaker one than places farther away.
fn labelled_territory() -> Territory {
    let procedures = r#""services": "Aide aux démarches administratives""#;
    let places = [
        place("store", 0.1, &format!(r#", {procedures}, "typologie": "TIERS_LIEUX""#)),
        place(
            "interim",
            0.2,
            &format!(r#", {procedures}, "dispositif_programmes_nationaux": "Aidants Connect""#),
        ),
        place(
            "store-wheelchair",
            0.3,
            &format!(r#", {procedures}, "prise_en_charge_specifique": "Handicaps moteurs""#),
        ),
        place("rfs", 9.0, &format!(r#", {procedures}, "typologie": "RFS""#)),
        place("pimms", 4.0, r#", "typologie": "PIMMS""#),
        place("france-services", 12.0, r#", "dispositif_programmes_nationaux": "France Services""#),
    ];
    let json = format!("[{}]", places.join(","));
    let (directory, report) = Directory::import("test.json", json.as_bytes());
    assert_eq!(report.kept, places.len(), "{report:?}");
    Territory::new(directory, KIOSK, KioskClock::new("Europe/Paris", Some(MONDAY_10)).unwrap())
}

#[test]
fn labelled_places_come_before_places_that_merely_list_the_help() {
    let territory = labelled_territory();
    let result = simulate(&territory, FAR_FROM_DIGITAL);
    let kinds = kinds(&result);
    // France services (the kind "RFS" or the programme) first, however farther; then the
    // nearest of the Aidants Connect and PIMMS places; the places that merely list the
    // service, though nearest, not at all among the three.
    assert_eq!(ids_of(&kinds, "help_with_procedures"), ["rfs", "france-services", "interim"]);
    // The needs met still come first: a visitor in a wheelchair is sent to the place known to
    // receive them, then to the labelled ones.
    let wheelchair = r#"{"language": "fr",
      "answers": {"devices": ["none"], "procedures_alone": "never", "access_needs": ["wheelchair"]},
      "domains": {"mouse": 0.1}}"#;
    let kinds = self::kinds(&simulate(&territory, wheelchair));
    assert_eq!(ids_of(&kinds, "help_with_procedures"), ["store-wheelchair", "rfs", "france-services"]);
}

#[test]
fn a_place_is_summarised_as_people_read_it() {
    let extra = r#", "services": "Aide aux démarches administratives", "telephone": "+33545953544", "typologie": "ASSO|Autre|CONCEPT_STORE""#;
    let mut json = place("adecci", 0.5, extra);
    json = json.replace("Lieu adecci", "ASS DEVEL ECRITURE CALCUL POUR INSERTION");
    let (directory, _) = Directory::import("test.json", format!("[{json}]").as_bytes());
    let territory =
        Territory::new(directory, KIOSK, KioskClock::new("Europe/Paris", Some(MONDAY_10)).unwrap());
    let result = simulate(&territory, FAR_FROM_DIGITAL);
    let place = result.recommendations[0].place.as_ref().unwrap();
    assert_eq!(place.name, "Ass devel écriture calcul pour insertion");
    assert_eq!(place.phone.as_deref(), Some("05\u{a0}45\u{a0}95\u{a0}35\u{a0}44"));
    assert_eq!(place.kinds, ["ASSO"], "only the vocabulary's kinds, 'Autre' left out");
    // The result JSON carries them; a result without `kinds` (older) still reads.
    let text = serde_json::to_string(&result).unwrap();
    assert!(text.contains(r#""kinds":["ASSO"]"#), "{text}");
    let older = text.replace(r#","kinds":["ASSO"]"#, "");
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap().and_hms_opt(10, 0, 0).unwrap();
    let read = VisitResult::from_json(&older, now).unwrap();
    assert!(read.recommendations[0].place.as_ref().unwrap().kinds.is_empty());
}

/// The demo territory: the national cartography's Charente export.
const CHARENTE: &[u8] = include_bytes!("../../../scenarios/places/charente-2023-07-11.json");

#[test]
fn on_the_real_export_france_services_come_first_for_procedures() {
    let (directory, _) = Directory::import("charente-2023-07-11.json", CHARENTE);
    let france_services: Vec<String> = directory
        .places()
        .iter()
        .filter(|p| {
            p.national_programmes.iter().any(|l| l == "France Services")
                || p.typologie.iter().any(|t| t == "RFS")
        })
        .map(|p| p.id.clone())
        .collect();
    let interim = directory.places().iter().find(|p| p.name == "Espace Intérim").unwrap().id.clone();
    let territory =
        Territory::new(directory, KIOSK, KioskClock::new("Europe/Paris", Some(MONDAY_10)).unwrap());
    // Cognac, where the temp-work agency (Aidants Connect) and an association that merely
    // lists the service are nearest; Barbezieux, with its concept store; Angoulême; Confolens.
    for postcode in ["16100", "16300", "16000", "16500"] {
        let profile = FAR_FROM_DIGITAL.replace(
            r#""language": "fr","#,
            &format!(r#""language": "fr", "home": {{"postcode": "{postcode}"}},"#),
        );
        let result = simulate(&territory, &profile);
        let kinds = kinds(&result);
        let ids = ids_of(&kinds, "help_with_procedures");
        assert_eq!(ids.len(), 3, "{postcode}: {kinds:?}");
        assert!(
            ids.iter().all(|id| france_services.contains(id)),
            "{postcode}: only France services: {ids:?}"
        );
        assert!(!ids.contains(&interim), "{postcode}");
        // The help-today screen ranks the same way.
        let content = Content::builtin().unwrap();
        let home = repere_engine::profile::Home::Postcode { postcode: postcode.to_owned() };
        let today = Orientation::new(&content, &territory).help_today("fr", Some(&home));
        assert!(today.first().is_some_and(|p| france_services.contains(&p.id)), "{postcode}: {today:?}");
    }
}
