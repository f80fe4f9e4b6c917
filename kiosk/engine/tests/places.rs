//! The places directory: importing real and broken files, the schema's old and new field
//! names, opening hours at fixed dates, the derived facts and distances.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use repere_engine::places::{
    Directory, Format, Hours, ImportReport, LatLon, Place, PlaceLanguage, bench, haversine_km, import_places,
};
use serde_json::json;

/// The demo territory shipped with the kiosk: the national cartography's Charente export.
const CHARENTE: &[u8] = include_bytes!("../../../scenarios/places/charente-2023-07-11.json");
/// The v1.0.2 schema's own valid example (LaMednum/standard-mediation-num, etalab-2.0).
const EXAMPLE_CSV: &[u8] = include_bytes!("data/exemple-valide-v1.0.2.csv");

fn at(date: &str, time: &str) -> NaiveDateTime {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("test date");
    date.and_time(NaiveTime::parse_from_str(time, "%H:%M").expect("test time"))
}

fn hm(time: &str) -> NaiveTime {
    NaiveTime::parse_from_str(time, "%H:%M").expect("test time")
}

fn import_json(value: &serde_json::Value) -> (Directory, ImportReport) {
    Directory::import("test.json", value.to_string().as_bytes())
}

/// A minimal valid place, to which each test adds what it is about.
fn place_json(id: &str, extra: &serde_json::Value) -> serde_json::Value {
    let mut place = json!({
        "id": id, "nom": format!("Lieu {id}"), "adresse": "1 rue Haute", "code_postal": "16000",
        "commune": "Angoulême", "latitude": 45.65, "longitude": 0.16,
    });
    if let (Some(place), Some(extra)) = (place.as_object_mut(), extra.as_object()) {
        for (key, value) in extra {
            place.insert(key.clone(), value.clone());
        }
    }
    place
}

fn one_place(extra: &serde_json::Value) -> Place {
    let (directory, report) = import_json(&json!([place_json("p", extra)]));
    assert_eq!(report.kept, 1, "the place is kept: {report:?}");
    directory.into_places().remove(0)
}

#[test]
fn the_charente_export_imports_whole() {
    let (directory, report) = Directory::import("charente-2023-07-11.json", CHARENTE);
    assert_eq!(report.format, Format::Json, "detected from the content");
    assert_eq!(report.rows, 188, "every object of the array is a row");
    // Every row has a name, coordinates and an address: nothing is skipped. The one warning is
    // row 56 (source "etapes-numerique"), whose update date is the 1970-01-01 placeholder.
    // All 72 opening hours parse, overlapping ranges ("Tu 09:00-12:00,09:00-18:00") and
    // missing spaces after ";" included.
    assert_eq!(report.kept, 188, "no row lacks what a visitor needs");
    assert!(report.skipped.is_empty(), "nothing skipped: {:?}", report.skipped);
    assert_eq!(report.warnings.len(), 1, "one warning: {:?}", report.warnings);
    let warning = &report.warnings[0];
    assert_eq!((warning.row, warning.field.as_str()), (56, "date_maj"), "the placeholder date");
    assert_eq!(warning.id, "mediation-numerique-etapes-numerique-16-mediation-numerique", "its id");

    let places = directory.places();
    let with_hours: Vec<_> = places.iter().filter_map(|p| p.opening_hours.as_ref()).collect();
    assert_eq!(with_hours.len(), 72, "places publishing hours");
    assert!(with_hours.iter().all(|hours| hours.is_parsed()), "all hours parse");
    assert_eq!(places.iter().filter(|p| p.pivot.is_none()).count(), 67, "zero pivots are unknown");
    assert_eq!(places.iter().filter(|p| !p.emails.is_empty()).count(), 53, "v0 `courriel` is read");
    assert_eq!(places.iter().filter(|p| p.accessibility_url.is_some()).count(), 46, "v0 `accessibilite`");
    assert_eq!(places.iter().filter(|p| !p.publics_accueillis.is_empty()).count(), 24, "v0 publics");
    assert!(places.iter().all(|p| p.position.is_some() && !p.position_estimated), "all positioned");
    assert!(places.iter().all(Place::receives_public), "no place says it receives no public");

    let first = &places[0];
    assert_eq!(first.name, "Médiathèque chateaubernard", "file order is kept");
    assert_eq!(first.national_programmes, ["Conseillers numériques", "France Services"], "CNFS renamed");
    assert_eq!(first.pivot, None, "00000000000000 means unknown");

    let centre = directory.centre().expect("the territory has a centre");
    assert!((centre.lat - 45.6978).abs() < 1e-3 && (centre.lon - 0.0598).abs() < 1e-3, "{centre:?}");
    let angouleme = directory.postcode_centroid("16000").expect("Angoulême has places");
    assert!(haversine_km(angouleme, LatLon { lat: 45.6484, lon: 0.1562 }) < 5.0, "near the town hall");
}

#[test]
fn the_schema_example_csv_imports_with_every_field() {
    let (directory, report) = Directory::import("exemple-valide.csv", EXAMPLE_CSV);
    assert_eq!(report.format, Format::Csv, "detected from the content");
    assert_eq!((report.rows, report.kept), (1, 1), "its one row is kept");
    assert!(report.skipped.is_empty() && report.warnings.is_empty(), "a valid file: {report:?}");

    let place = &directory.places()[0];
    assert_eq!(place.id, "structure-1", "id");
    assert_eq!(place.name, "Anonymal", "nom");
    assert_eq!(place.address, "12 BIS RUE DE LECLERCQ", "adresse");
    assert_eq!(place.address_complement.as_deref(), Some("Le patio du bois de l'Aulne"), "complement");
    assert_eq!((place.postcode.as_str(), place.commune.as_str()), ("51100", "Reims"), "postcode, commune");
    assert_eq!(place.position, Some(LatLon { lat: 43.52609, lon: 5.41423 }), "latitude, longitude");
    assert_eq!(place.phone.as_deref(), Some("+33180059880"), "telephone");
    assert_eq!(place.emails, ["contact@laquincaillerie.tl", "responsable@laquincaillerie.tl"], "courriels");
    assert_eq!(place.website.as_deref(), Some("https://www.laquincaillerie.tl/"), "first site_web");
    assert_eq!(place.appointment_url.as_deref(), Some("https://www.rdv-solidarites.fr/"), "prise_rdv");
    assert_eq!(
        place.opening_hours.as_ref().map(Hours::raw),
        Some("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00"),
        "horaires"
    );
    assert_eq!(place.services.len(), 3, "services split on |");
    assert_eq!(place.publics_specifiquement_adresses, ["Jeunes", "Femmes"], "publics");
    assert_eq!(
        place.prise_en_charge_specifique,
        ["Surdité", "Illettrisme", "Langues étrangères (anglais)"],
        "prise_en_charge_specifique"
    );
    assert_eq!(place.fees, ["Gratuit sous condition", "Payant"], "frais_a_charge");
    assert_eq!(
        place.national_programmes,
        ["Aidants Connect", "Conseillers numériques", "La Croix Rouge"],
        ""
    );
    assert_eq!(place.modalites_acces, ["Se présenter", "Téléphoner"], "modalites_acces");
    assert_eq!(place.modalites_accompagnement.len(), 4, "modalites_accompagnement");
    assert!(place.accessibility_url.as_deref().is_some_and(|url| url.contains("acceslibre")), "fiche");
    assert_eq!(place.typologie, ["TIERS_LIEUX", "ASSO"], "typologie");
    assert_eq!(place.pivot.as_deref(), Some("43493312300029"), "pivot");
    assert_eq!(place.source.as_deref(), Some("Hubik"), "source");
    assert_eq!(place.date_maj, NaiveDate::from_ymd_opt(2024, 4, 2), "date_maj");
    assert_eq!(place.languages(), [PlaceLanguage::En], "English only");
    assert_eq!(place.wheelchair_accessible(), None, "not declared");
    assert!(place.receives_public(), "it receives the public");
}

#[test]
fn old_and_new_field_names_give_the_same_place() {
    let old = json!([{
        "id": "p", "nom": "Lieu", "adresse": "1 rue Haute", "code_postal": 16000, "commune": "Angoulême",
        "latitude": "45.65", "longitude": "0,16", "pivot": "00000000000000",
        "courriel": "a@example.org", "labels_nationaux": "CNFS;Aidants Connect",
        "publics_accueillis": "Adultes;Surdité;Personnes en situation d'illettrisme",
        "accessibilite": "https://acceslibre.beta.gouv.fr/app/x/",
        "conditions_acces": "Gratuit : Je peux accéder gratuitement au lieu et à ses services",
        "modalites_accompagnement": "Seul : j'ai accès à du matériel et une connexion;Avec de l'aide : je suis accompagné seul dans l'usage du numérique",
        "services": "Prendre en main un ordinateur;Accompagner les démarches de santé",
        "typologie": "MUNI;ASSO",
        "horaires": "Mo 09:00-12:00;Tu 14:00-17:00",
    }]);
    let new_csv = "id,nom,adresse,code_postal,commune,latitude,longitude,pivot,courriels,\
        dispositif_programmes_nationaux,prise_en_charge_specifique,fiche_acces_libre,frais_a_charge,\
        modalites_accompagnement,services,typologie,horaires\n\
        p,Lieu,1 rue Haute,16000,Angoulême,45.65,0.16,,a@example.org,Conseillers numériques|Aidants Connect,\
        Surdité|Illettrisme,https://acceslibre.beta.gouv.fr/app/x/,Gratuit,En autonomie|Accompagnement individuel,\
        Maîtrise des outils numériques du quotidien|Aide aux démarches administratives,MUNI|ASSO,\
        \"Mo 09:00-12:00; Tu 14:00-17:00\"\n";
    let (old_directory, old_report) = import_json(&old);
    let (new_directory, new_report) = Directory::import("new.csv", new_csv.as_bytes());
    assert!(
        old_report.warnings.is_empty() && new_report.warnings.is_empty(),
        "{old_report:?} {new_report:?}"
    );
    let mut old_place = old_directory.into_places().remove(0);
    let mut new_place = new_directory.into_places().remove(0);

    // The hours differ only by the space after ";": they mean the same.
    for (date, time) in [("2024-06-10", "10:00"), ("2024-06-11", "10:00"), ("2024-06-11", "15:00")] {
        assert_eq!(old_place.is_open(at(date, time)), new_place.is_open(at(date, time)), "{date} {time}");
    }
    assert_eq!(old_place.is_open(at("2024-06-11", "15:00")), Some(true), "Tuesday afternoon");
    // v0's publics_accueillis is kept as published; v1 has no such field.
    assert_eq!(old_place.publics_accueillis.len(), 3, "kept as published");
    (old_place.opening_hours, new_place.opening_hours) = (None, None);
    old_place.publics_accueillis.clear();
    assert_eq!(old_place, new_place, "same model from either version");
}

#[test]
fn broken_json_rows_are_skipped_with_their_row_numbers() {
    let export = json!([
        place_json("good", &json!({})),
        {"id": "nameless", "adresse": "2 rue Basse", "latitude": 45.6, "longitude": 0.1},
        "not a place",
        {"id": "nowhere", "nom": "Nulle part", "commune": "Angoulême", "latitude": "abc"},
        place_json("no-coordinates", &json!({"latitude": "abc", "longitude": null})),
        place_json("far", &json!({"latitude": null, "longitude": null, "code_postal": "16999"})),
    ]);
    let (directory, report) = import_json(&export);
    assert_eq!((report.rows, report.kept), (6, 3), "{report:?}");
    let skipped: Vec<_> = report.skipped.iter().map(|s| (s.row, s.id.as_str(), s.reason.as_str())).collect();
    assert_eq!(
        skipped,
        [
            (2, "nameless", "no name"),
            (3, "", "not an object"),
            (4, "nowhere", "no latitude/longitude and no usable address"),
        ],
        "each bad row, by number"
    );
    let warnings: Vec<_> =
        report.warnings.iter().map(|w| (w.row, w.field.as_str(), w.reason.as_str())).collect();
    assert_eq!(
        warnings,
        [
            (5, "latitude", "\"abc\" is not a number: placed at the centre of postcode 16000"),
            (6, "latitude", "no latitude/longitude: distance unknown"),
        ],
        "kept rows without coordinates"
    );
    let estimated = directory.get("no-coordinates").expect("kept");
    assert!(estimated.position_estimated, "placed by its postcode");
    assert_eq!(estimated.position, Some(LatLon { lat: 45.65, lon: 0.16 }), "the postcode's only place");
    assert_eq!(directory.get("far").and_then(|p| p.position), None, "unknown postcode: no position");
}

#[test]
fn broken_csv_rows_are_skipped_with_their_row_numbers() {
    let csv = "id,nom,adresse,code_postal,commune,latitude,longitude,services\n\
        a,\"Espace, numérique\",1 rue Haute,16000,Angoulême,45.65,0.16,\"Aide aux démarches administratives|Loisirs et créations numériques\"\n\
        b,Mairie,,,,not-a-latitude,0.2,\n\
        c,Médiathèque,3 place du Marché,16100,Cognac,45.69,-0.33\n";
    let report = import_places("places.csv", csv.as_bytes());
    assert_eq!((report.rows, report.kept), (3, 2), "{report:?}");
    assert_eq!(report.skipped.len(), 1, "one bad row");
    assert_eq!(report.skipped[0].row, 2, "the header is row 0");
    assert_eq!(report.skipped[0].id, "b", "its id");
    assert_eq!(report.skipped[0].reason, "no latitude/longitude and no usable address", "why");
    assert!(report.warnings.is_empty(), "short rows are fine: {:?}", report.warnings);

    let (directory, _) = Directory::import("places.csv", csv.as_bytes());
    assert_eq!(directory.places()[0].name, "Espace, numérique", "quoted comma");
    assert_eq!(directory.places()[0].services.len(), 2, "| inside quotes");
}

#[test]
fn unparsable_hours_are_kept_as_text_with_a_warning() {
    let (directory, report) =
        import_json(&json!([place_json("p", &json!({"horaires": "du lundi au vendredi 9h-12h"}))]));
    assert_eq!(report.kept, 1, "the place is kept");
    let warnings = serde_json::to_value(&report.warnings).expect("serialises");
    assert_eq!(
        warnings,
        json!([{"row": 1, "id": "p", "field": "horaires", "reason": "unparsable opening hours kept as text"}]),
        "the contract's warning"
    );
    let place = &directory.places()[0];
    let hours = place.opening_hours.as_ref().expect("kept");
    assert_eq!((hours.raw(), hours.is_parsed()), ("du lundi au vendredi 9h-12h", false), "raw text");
    let now = at("2024-06-10", "10:00");
    assert_eq!(
        (place.is_open(now), place.next_opening(now), place.today_ranges(now)),
        (None, None, None),
        ""
    );
}

#[test]
fn opening_hours_at_fixed_dates() {
    let place = one_place(&json!({"horaires": "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00"}));
    // 2024-06-08 is a Saturday.
    let saturday_1pm = at("2024-06-08", "13:00");
    assert_eq!(place.is_open(saturday_1pm), Some(false), "closed on Saturday afternoon");
    assert_eq!(place.next_opening(saturday_1pm), Some(at("2024-06-10", "09:00")), "Monday 9:00");
    assert_eq!(place.today_ranges(saturday_1pm), Some(vec![(hm("08:30"), hm("12:00"))]), "today");

    let saturday_10am = at("2024-06-08", "10:00");
    assert_eq!(place.is_open(saturday_10am), Some(true), "open on Saturday morning");
    assert_eq!(place.next_opening(saturday_10am), None, "open now");

    let monday_noon = at("2024-06-10", "12:00");
    assert_eq!(place.is_open(monday_noon), Some(false), "lunch break");
    assert_eq!(place.next_opening(monday_noon), Some(at("2024-06-10", "14:00")), "after lunch");
    assert_eq!(
        place.today_ranges(monday_noon),
        Some(vec![(hm("09:00"), hm("12:00")), (hm("14:00"), hm("18:30"))]),
        "both ranges"
    );
    assert_eq!(place.today_ranges(at("2024-06-09", "10:00")), Some(vec![]), "closed all Sunday");

    // French public holidays are known: 1 May 2024 is a Wednesday.
    let holiday = one_place(&json!({"horaires": "Mo-Fr 09:00-17:00; PH off"}));
    assert_eq!(holiday.is_open(at("2024-05-01", "10:00")), Some(false), "Labour Day");
    assert_eq!(holiday.next_opening(at("2024-05-01", "10:00")), Some(at("2024-05-02", "09:00")), "next day");

    let no_hours = one_place(&json!({}));
    let now = at("2024-06-10", "10:00");
    assert_eq!(
        (no_hours.is_open(now), no_hours.next_opening(now), no_hours.today_ranges(now)),
        (None, None, None),
        ""
    );
}

#[test]
fn wheelchair_languages_and_public_follow_the_contract() {
    let declared = one_place(&json!({
        "prise_en_charge_specifique": "Langues étrangères (autres)|Handicaps moteurs|Langues étrangères (anglais)"
    }));
    assert_eq!(declared.wheelchair_accessible(), Some(true), "declared");
    assert_eq!(declared.languages(), [PlaceLanguage::En, PlaceLanguage::Other], "English first");
    assert_eq!(
        serde_json::to_value(declared.languages()).expect("serialises"),
        json!(["en", "other"]),
        "contract codes"
    );

    let silent = one_place(&json!({"prise_en_charge_specifique": "Surdité"}));
    assert_eq!(silent.wheelchair_accessible(), None, "unknown, never false");
    assert!(silent.languages().is_empty(), "no language declared");

    let back_office = one_place(&json!({"modalites_acces": "Téléphoner|Ce lieu n'accueille pas de public"}));
    assert!(!back_office.receives_public(), "receives no public");
    let curly = one_place(&json!({"modalites_acces": "Ce lieu n’accueille pas de public"}));
    assert!(!curly.receives_public(), "typographic apostrophe too");
    let open = one_place(&json!({"modalites_acces": "Se présenter"}));
    assert!(open.receives_public(), "receives the public");
}

#[test]
fn haversine_on_known_points() {
    let paris = LatLon { lat: 48.8566, lon: 2.3522 };
    let lyon = LatLon { lat: 45.7640, lon: 4.8357 };
    let distance = haversine_km(paris, lyon);
    assert!((distance - 391.5).abs() < 0.5, "Paris–Lyon is about 391.5 km, got {distance}");
    assert!((haversine_km(lyon, paris) - distance).abs() < 1e-9, "symmetric");
    assert!(haversine_km(paris, paris).abs() < 1e-9, "zero to itself");
    assert_eq!(LatLon::new(0.0, 0.0), None, "null island is no position");
    assert_eq!(LatLon::new(91.0, 0.0), None, "out of range");
}

#[test]
fn postcode_centroids_are_the_mean_of_their_places() {
    let (directory, _) = import_json(&json!([
        place_json("a", &json!({"latitude": 45.0, "longitude": 0.0})),
        place_json("b", &json!({"latitude": 46.0, "longitude": 1.0})),
        place_json("c", &json!({"code_postal": "16100", "latitude": 45.7, "longitude": -0.3})),
    ]));
    assert_eq!(directory.postcode_centroid("16000"), Some(LatLon { lat: 45.5, lon: 0.5 }), "mean");
    assert_eq!(directory.postcode_centroid("16100"), Some(LatLon { lat: 45.7, lon: -0.3 }), "one place");
    assert_eq!(directory.postcode_centroid("75001"), None, "not in the directory");
}

#[test]
fn the_report_has_the_contract_shape() {
    let report = import_places("f.csv", b"id,nom\nx,\n");
    let value = serde_json::to_value(&report).expect("serialises");
    assert_eq!(
        value,
        json!({"file": "f.csv", "format": "csv", "rows": 1, "kept": 0,
               "skipped": [{"row": 1, "id": "x", "reason": "no name"}], "warnings": []}),
        "exactly the contract's fields"
    );
}

#[test]
fn wrappers_spreadsheet_csv_and_bad_files() {
    let wrapped = json!({"data": [place_json("a", &json!({}))]});
    assert_eq!(import_json(&wrapped).1.kept, 1, "{{\"data\": [...]}}");

    let geojson = json!({"type": "FeatureCollection", "features": [{
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [0.16, 45.65]},
        "properties": {"id": "g", "nom": "Lieu", "commune": "Angoulême"}}]});
    let (directory, report) = import_json(&geojson);
    assert_eq!(report.kept, 1, "GeoJSON features: {report:?}");
    assert_eq!(directory.places()[0].position, Some(LatLon { lat: 45.65, lon: 0.16 }), "[lon, lat]");

    // A French spreadsheet's "CSV": semicolons, Windows-1252, postcode without its zero.
    let mut latin = b"id;nom;adresse;code_postal;commune;latitude;longitude\n".to_vec();
    latin.extend(b"s;M\xe9diath\xe8que;1 rue;1000;Bourg-en-Bresse;46,2;5,22\n");
    let (directory, report) = Directory::import("export.csv", &latin);
    assert_eq!(report.kept, 1, "{report:?}");
    let place = &directory.places()[0];
    assert_eq!((place.name.as_str(), place.postcode.as_str()), ("Médiathèque", "01000"), "decoded, fixed");
    assert_eq!(place.position, Some(LatLon { lat: 46.2, lon: 5.22 }), "decimal commas");
    let fields: Vec<_> = report.warnings.iter().map(|w| (w.row, w.field.as_str())).collect();
    assert_eq!(fields, [(0, "encoding"), (1, "code_postal")], "both reported");

    let broken = import_places("places.json", b"[{\"nom\": ");
    assert_eq!((broken.format, broken.rows, broken.kept), (Format::Json, 0, 0), "nothing read");
    assert!(broken.error.as_deref().is_some_and(|e| e.starts_with("not valid JSON")), "{broken:?}");
    let headless = import_places("places.csv", b"a,b\n1,2\n");
    assert!(headless.error.is_some(), "no schema header: {headless:?}");
}

#[test]
fn duplicate_ids_and_odd_values_are_warnings() {
    let report = import_json(&json!([
        place_json("same", &json!({"telephone": "05 45 00 00 00", "date_maj": "hier"})),
        place_json("same", &json!({"services": "Aide aux démarches administratives|Cours de cuisine"})),
        place_json("", &json!({"courriels": "pas-un-courriel"})),
    ]))
    .1;
    assert_eq!(report.kept, 3, "all kept");
    let fields: Vec<_> = report.warnings.iter().map(|w| (w.row, w.field.as_str())).collect();
    assert_eq!(
        fields,
        [(1, "telephone"), (1, "date_maj"), (2, "services"), (2, "id"), (3, "id"), (3, "courriels")],
        "{:?}",
        report.warnings
    );
}

#[test]
fn the_synthetic_export_imports() {
    let export = bench::synthetic_export(500);
    assert_eq!(export, bench::synthetic_export(500), "deterministic");
    let report = import_places("synthetic.json", &export);
    assert_eq!(report.rows, 500, "one row per place");
    assert!(report.kept >= 490 && report.kept < 500, "about 1 % without a name: {}", report.kept);
    assert!(report.warnings.iter().any(|w| w.field == "horaires"), "a few unparsable hours");
}

#[test]
fn phones_are_shown_in_their_countrys_national_format() {
    use repere_engine::places::national_phone;
    // The schema's international format, as the Charente export publishes it; the groups are
    // joined by no-break spaces, so that a number never breaks across two lines.
    assert_eq!(national_phone("+33545953544"), "05\u{a0}45\u{a0}95\u{a0}35\u{a0}44");
    assert_eq!(national_phone("+33612345678"), "06\u{a0}12\u{a0}34\u{a0}56\u{a0}78");
    // Overseas: the schema's pattern allows Réunion (+262), New Caledonia (+687)…
    assert_eq!(national_phone("+262262123456"), "0262\u{a0}12\u{a0}34\u{a0}56");
    assert_eq!(national_phone("+687261234"), "26.12.34");
    // Already national, or typed with dots: read as French.
    assert_eq!(national_phone("0545953544"), "05\u{a0}45\u{a0}95\u{a0}35\u{a0}44");
    assert_eq!(national_phone("05.45.95.35.44"), "05\u{a0}45\u{a0}95\u{a0}35\u{a0}44");
    // What does not parse, or is no valid number, is shown as published.
    assert_eq!(national_phone("voir le site"), "voir le site");
    assert_eq!(national_phone("+3354595"), "+3354595");
}

#[test]
fn names_in_capitals_are_written_in_normal_case() {
    use repere_engine::places::readable_name;
    // Real names of the Charente export, with their communes.
    let cases = [
        ("ASS DEVEL ECRITURE CALCUL POUR INSERTION", "Angoulême", "Ass devel écriture calcul pour insertion"),
        ("MAIRIE DE BONNES", "Bonnes", "Mairie de Bonnes"),
        ("DEPARTEMENT DE LA CHARENTE", "Angoulême", "Département de la Charente"),
        (
            "COMMUNE DE SAINT SULPICE DE COGNAC",
            "Saint-Sulpice-de-Cognac",
            "Commune de Saint Sulpice de Cognac",
        ),
        ("COMMUNE D AIGRE", "Aigre", "Commune d'Aigre"),
        ("COMMUNE DE SALLES D ANGLES", "Salles-d'Angles", "Commune de Salles d'Angles"),
        ("CCAS ANGOULEME", "Angoulême", "CCAS Angoulême"),
        ("CCAS COTEAUX DU BLANZACAIS", "Coteaux-du-Blanzacais", "CCAS Coteaux du Blanzacais"),
        (
            "MAISON DES JEUNES ET DE LA CULTURE MOSAIQUE",
            "Angoulême",
            "Maison des jeunes et de la culture mosaïque",
        ),
        ("MAISON JEUNES ET CULTURE DE ST MICHEL", "Saint-Michel", "Maison jeunes et culture de St Michel"),
        (
            "CENTRE SOCIAL CULTUREL ET SPORTIF DE HAUTE-CHARENTE",
            "Terres-de-Haute-Charente",
            "Centre social culturel et sportif de Haute-Charente",
        ),
        ("JEUNESSE ASSOCIATION DE BAIL-AIR", "Angoulême", "Jeunesse association de Bail-Air"),
        (
            "MAISON DES HABITANTS ESPACE FRANCE SERVICES",
            "Angoulême",
            "Maison des habitants espace France services",
        ),
        ("FOYER LAIQUE EDUCATION PERMANENTE", "Angoulême", "Foyer laïque éducation permanente"),
        ("EMMAUS RUFFEC", "Ruffec", "Emmaüs Ruffec"),
        ("APEJ COGNAC", "Cognac", "APEJ Cognac"),
        ("CSCS FLEP", "Soyaux", "CSCS FLEP"),
        ("CIJ", "Angoulême", "CIJ"),
        ("OMEGA - SOYAUX", "Soyaux", "Omega - Soyaux"),
        ("MAIRIE LES GOURS", "Les Gours", "Mairie Les Gours"),
        ("COMMUNE DE LUXE", "Luxé", "Commune de Luxé"),
        ("OHE-PROMETHEE CHARENTE CAP EMPLOI 16", "Puymoyen", "Ohe-Promethee Charente Cap emploi 16"),
        ("ASSOCIATION LES RIVES DE LA CHARENTE", "Angoulême", "Association les rives de la Charente"),
        ("UNA CHARENTE VIENNE", "Angoulême", "UNA Charente Vienne"),
        ("MSAP LA ROCHEFOUCAULD-EN-ANGOUMOIS", "Rivières", "MSAP la Rochefoucauld-en-Angoumois"),
        ("CA DU GRAND COGNAC", "Cognac", "CA du grand Cognac"),
        ("TIERS LIEU SOLIDAIRE", "Chabanais", "Tiers lieu solidaire"),
        ("POLE EMPLOI - FRANCE TRAVAIL 2", "Cognac", "Pôle emploi - France Travail 2"),
    ];
    for (published, commune, readable) in cases {
        assert_eq!(readable_name(published, commune), readable, "{published}");
    }
    // A commune in capitals is a proper name throughout.
    assert_eq!(readable_name("BARBEZIEUX ST HILAIRE", "BARBEZIEUX ST HILAIRE"), "Barbezieux St Hilaire");
    assert_eq!(
        readable_name("SAINT-SULPICE-DE-COGNAC", "SAINT-SULPICE-DE-COGNAC"),
        "Saint-Sulpice-de-Cognac"
    );
    assert_eq!(readable_name("MOSNAC", "MOSNAC"), "Mosnac");
    // Names with small letters are their authors' choice: untouched.
    for name in [
        "France services Omega Soyaux",
        "L'Alchimiste concept store ",
        "Espace Intérim",
        "CIAS de Charente-Limousine",
    ] {
        assert_eq!(readable_name(name, "Cognac"), name);
    }
    // Every name of the export in capitals becomes one with small letters, digits kept.
    let (directory, _) = Directory::import("charente-2023-07-11.json", CHARENTE);
    let capitals: Vec<&Place> =
        directory.places().iter().filter(|p| !p.name.chars().any(char::is_lowercase)).collect();
    assert_eq!(capitals.len(), 78, "the export's names in capitals");
    for place in capitals {
        let readable = readable_name(&place.name, &place.commune);
        let acronym = place.name.split_whitespace().all(|w| w.len() <= 5);
        assert!(acronym || readable.chars().any(char::is_lowercase), "{} → {readable}", place.name);
    }
}

#[test]
fn kinds_of_place_are_read_from_the_vocabulary() {
    use repere_engine::places::{PLACE_KINDS, place_kind, place_kind_key};
    assert_eq!(place_kind_key("RFS").as_deref(), Some("place_kind.rfs"));
    assert_eq!(place_kind_key("tiers_lieux").as_deref(), Some("place_kind.tiers_lieux"));
    // Pôle emploi's old value is France Travail's.
    assert_eq!(place_kind("PE"), Some("FT"));
    assert_eq!(place_kind("Autre"), None, "'other' names no kind");
    assert_eq!(place_kind("CONCEPT_STORE"), None);
    assert!(PLACE_KINDS.iter().all(|kind| place_kind(kind) == Some(*kind)));
    // Every kind of the Charente export is in the vocabulary: no warning.
    let place = one_place(&json!({"typologie": "CC|CCAS|VILLAGE"}));
    assert_eq!(place.typologie, ["CC", "CCAS", "VILLAGE"], "kept as published");
    let (_, report) = import_json(&json!([place_json("p", &json!({"typologie": "ASSO|VILLAGE|Autre"}))]));
    let warned: Vec<&str> = report.warnings.iter().map(|w| w.field.as_str()).collect();
    assert_eq!(warned, ["typologie"], "{:?}", report.warnings);
    assert!(report.warnings[0].reason.contains("VILLAGE"), "{:?}", report.warnings[0]);
}

#[test]
fn every_kind_of_place_is_named_in_every_language() {
    use repere_engine::places::{PLACE_KINDS, place_kind_key};
    let content = repere_engine::content::Content::builtin().expect("the built-in content loads");
    assert_eq!(content.locales.len(), 12, "the twelve languages");
    for (language, locale) in &content.locales {
        for kind in PLACE_KINDS {
            let key = place_kind_key(kind).expect("a key");
            let text = locale.strings.get(&key).map(String::as_str).unwrap_or_default();
            assert!(!text.trim().is_empty(), "{language}: {key}");
        }
    }
}
