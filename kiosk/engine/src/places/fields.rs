//! Mapping one row of any schema version to a [`Place`], with a warning for every field it
//! could not use. Old (v0.x) names and values are read as their v1.0.2 equivalent.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::kind::{OTHER_KIND, place_kind};
use super::raw_row::RawRow;
use super::{Hours, LatLon, Place, RowWarning, SkippedRow};

/// Reason given for a row with neither coordinates nor an address (CONTRACTS.md).
pub(crate) const NO_POSITION: &str = "no latitude/longitude and no usable address";
/// Reason given for unparsable hours (CONTRACTS.md).
pub(crate) const UNPARSABLE_HOURS: &str = "unparsable opening hours kept as text";

/// The v1.0.2 `services` vocabulary.
pub(crate) const SERVICES: [&str; 9] = [
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire",
];

/// v0.x services and the v1 service that replaced each (the v1 changelog condensed 15 into 9).
const OLD_SERVICES: [(&str, &str); 15] = [
    ("Devenir autonome dans les démarches administratives", "Aide aux démarches administratives"),
    ("Réaliser des démarches administratives avec un accompagnement", "Aide aux démarches administratives"),
    ("Accompagner les démarches de santé", "Aide aux démarches administratives"),
    ("Prendre en main un smartphone ou une tablette", "Maîtrise des outils numériques du quotidien"),
    ("Prendre en main un ordinateur", "Maîtrise des outils numériques du quotidien"),
    ("Utiliser le numérique au quotidien", "Maîtrise des outils numériques du quotidien"),
    ("Approfondir ma culture numérique", "Compréhension du monde numérique"),
    ("Promouvoir la citoyenneté numérique", "Compréhension du monde numérique"),
    ("Favoriser mon insertion professionnelle", "Insertion professionnelle via le numérique"),
    ("Créer et développer mon entreprise", "Insertion professionnelle via le numérique"),
    ("Accéder à une connexion internet", "Accès internet et matériel informatique"),
    ("Accéder à du matériel", "Accès internet et matériel informatique"),
    ("S'équiper en matériel informatique", "Acquisition de matériel informatique à prix solidaire"),
    ("Créer avec le numérique", "Loisirs et créations numériques"),
    (
        "Soutenir la parentalité et l'éducation avec le numérique",
        "Parentalité et éducation avec le numérique",
    ),
];

/// The v1.0.2 `prise_en_charge_specifique` vocabulary.
const SPECIFIC_SUPPORT: [&str; 7] = [
    "Surdité",
    "Handicaps moteurs",
    "Handicaps mentaux",
    "Illettrisme",
    "Langues étrangères (anglais)",
    "Langues étrangères (autres)",
    "Déficience visuelle",
];

/// v0.x `publics_accueillis` values that v1 moved to `prise_en_charge_specifique` (after the
/// " : explanation" is cut). "Public langues étrangères" is left out: it does not say which
/// languages, and a language is never guessed.
const OLD_PUBLICS_TO_SUPPORT: [(&str, &str); 4] = [
    ("Surdité", "Surdité"),
    ("Déficience visuelle", "Déficience visuelle"),
    ("Handicaps mentaux", "Handicaps mentaux"),
    ("Personnes en situation d'illettrisme", "Illettrisme"),
];

/// v0.x `labels_nationaux` values renamed in v1's `dispositif_programmes_nationaux`.
const OLD_PROGRAMMES: [(&str, &str); 3] = [
    ("CNFS", "Conseillers numériques"),
    ("Point numérique CAF", "Point d'accès numérique CAF"),
    ("Grandes écoles du numérique", "Grande école du numérique"),
];

/// v0.x `modalites_accompagnement` values (before " : ") and their v1 name.
const OLD_SUPPORT_MODES: [(&str, &str); 3] = [
    ("Seul", "En autonomie"),
    ("Avec de l'aide", "Accompagnement individuel"),
    ("Dans un atelier", "Dans un atelier collectif"),
];

/// Why a kept row has no position of its own: (field, what was wrong).
pub(crate) type PositionProblem = (&'static str, String);

/// Parsed hours by text: exports repeat the same strings, and parsing hours is most of an
/// import's time.
pub(crate) type HoursCache = HashMap<String, Hours>;

/// A mapped row: the place, and what is wrong with its position when it has none yet (the
/// caller places it once all rows are read).
pub(crate) type Mapped = (Place, Option<PositionProblem>);

/// Maps row number `row` to a place, pushing a warning for each field it could not use, or
/// says why the row cannot be shown at all.
pub(crate) fn place_from_row(
    row: usize,
    raw: &RawRow<'_>,
    hours_cache: &mut HoursCache,
    warnings: &mut Vec<RowWarning>,
) -> Result<Mapped, SkippedRow> {
    let published_id = raw.get("id").unwrap_or_default();
    let skip = |reason: &str| SkippedRow { row, id: published_id.to_owned(), reason: reason.to_owned() };
    let Some(name) = raw.get("nom") else {
        return Err(skip("no name"));
    };
    let address = raw.get("adresse").unwrap_or_default();
    let commune = raw.get("commune").unwrap_or_default();
    let (position, position_problem) = position(raw);
    let postcode = raw.get("code_postal").unwrap_or_default();
    let postcode_ok = is_postcode(postcode) || (postcode.len() == 4 && all_digits(postcode));
    // A visitor can find a street in a commune, or in a postcode's area, without a map.
    let usable_address = !address.is_empty() && (postcode_ok || !commune.is_empty());
    if position.is_none() && !usable_address {
        return Err(skip(NO_POSITION));
    }

    let mut warn_on = |field: &str, reason: String| {
        warnings.push(RowWarning { row, id: published_id.to_owned(), field: field.to_owned(), reason });
    };
    let warn: &mut Warn<'_> = &mut warn_on;
    let id = if published_id.is_empty() {
        let id = format!("row-{row}");
        warn("id", format!("no id: {id} used instead"));
        id
    } else {
        published_id.to_owned()
    };
    if address.is_empty() {
        warn("adresse", "no street address: shown with its commune only".to_owned());
    }
    let opening_hours = raw.get("horaires").map(|text| match hours_cache.get(text) {
        Some(hours) => hours.clone(),
        None => hours_cache.entry(text.to_owned()).or_insert_with(|| Hours::parse(text)).clone(),
    });
    if opening_hours.as_ref().is_some_and(|hours| !hours.is_parsed()) {
        warn("horaires", UNPARSABLE_HOURS.to_owned());
    }
    let (publics_specifiquement_adresses, publics_accueillis, prise_en_charge_specifique) =
        publics_and_support(raw, warn);

    let place = Place {
        id,
        name: name.to_owned(),
        address: address.to_owned(),
        address_complement: raw.get("complement_adresse").map(str::to_owned),
        postcode: postcode_field(postcode, warn),
        commune: commune.to_owned(),
        position,
        position_estimated: false,
        phone: phone(raw, warn),
        emails: emails(raw, warn),
        website: raw.get("site_web").and_then(first_url),
        appointment_url: raw.get("prise_rdv").map(str::to_owned),
        opening_hours,
        services: services(raw, warn),
        publics_specifiquement_adresses,
        publics_accueillis,
        prise_en_charge_specifique,
        fees: first_list(raw, &["frais_a_charge", "conditions_acces"])
            .iter()
            .map(|fee| before_colon(fee).to_owned())
            .collect(),
        national_programmes: national_programmes(raw),
        modalites_accompagnement: support_modes(raw),
        modalites_acces: list(raw, "modalites_acces"),
        accessibility_url: raw
            .first_of(&["fiche_acces_libre", "accessibilite"])
            .map(|(_, url)| url.to_owned()),
        typologie: kinds(raw, warn),
        // Exports publish fourteen zeros when the SIRET is unknown.
        pivot: raw.get("pivot").filter(|pivot| !pivot.chars().all(|c| c == '0')).map(str::to_owned),
        source: raw.get("source").map(str::to_owned),
        date_maj: date_maj(raw, warn),
        summary: raw.get("presentation_resume").map(str::to_owned),
    };
    let position_problem = if position.is_none() { position_problem } else { None };
    Ok((place, position_problem))
}

/// Pushes a warning on a field of the current row: (field, reason).
type Warn<'w> = dyn FnMut(&str, String) + 'w;

/// `code_postal`, its leading zero restored when a spreadsheet dropped it.
fn postcode_field(postcode: &str, warn: &mut Warn<'_>) -> String {
    if postcode.len() == 4 && all_digits(postcode) {
        // Spreadsheets drop the leading zero of postcodes they take for numbers.
        warn("code_postal", format!("{postcode:?} has 4 digits: leading zero restored"));
        return format!("0{postcode}");
    }
    if !postcode.is_empty() && !is_postcode(postcode) {
        warn("code_postal", format!("{postcode:?} is not a 5-digit postcode: kept as published"));
    }
    postcode.to_owned()
}

/// The first `telephone`, kept as published even when not in the schema's format.
fn phone(raw: &RawRow<'_>, warn: &mut Warn<'_>) -> Option<String> {
    let phone = raw.get("telephone").and_then(|text| split_multi(text, &['|', ';']).into_iter().next())?;
    if !is_international_phone(&phone) {
        warn("telephone", format!("{phone:?} is not in international format: kept as published"));
    }
    Some(phone)
}

/// `courriels` and v0.x `courriel`, without duplicates or values that are no address.
fn emails(raw: &RawRow<'_>, warn: &mut Warn<'_>) -> Vec<String> {
    let mut emails = Vec::new();
    for field in ["courriels", "courriel"] {
        for email in raw.get(field).map(|text| split_multi(text, &['|', ';', ',', ' '])).unwrap_or_default() {
            if !email.contains('@') {
                warn(field, format!("{email:?} is not an email address: left out"));
            } else if !emails.contains(&email) {
                emails.push(email);
            }
        }
    }
    emails
}

/// `services`, v0.x names renamed; values outside the vocabulary are kept with a warning.
fn services(raw: &RawRow<'_>, warn: &mut Warn<'_>) -> Vec<String> {
    let mut services = Vec::new();
    for service in list(raw, "services") {
        let service = renamed(&OLD_SERVICES, &service).map_or(service, str::to_owned);
        if !SERVICES.contains(&service.as_str()) {
            warn("services", format!("unknown service {service:?}: kept as published"));
        }
        push_unique(&mut services, service);
    }
    services
}

/// (`publics_specifiquement_adresses`, `publics_accueillis`, `prise_en_charge_specifique`),
/// with the v0.x publics that v1 moved to the other two fields copied there.
fn publics_and_support(raw: &RawRow<'_>, warn: &mut Warn<'_>) -> (Vec<String>, Vec<String>, Vec<String>) {
    let publics_accueillis = list(raw, "publics_accueillis");
    let mut publics_specifiquement_adresses = list(raw, "publics_specifiquement_adresses");
    let mut prise_en_charge_specifique = Vec::new();
    for value in list(raw, "prise_en_charge_specifique") {
        if !SPECIFIC_SUPPORT.contains(&value.as_str()) {
            warn("prise_en_charge_specifique", format!("unknown value {value:?}: kept as published"));
        }
        push_unique(&mut prise_en_charge_specifique, value);
    }
    for value in &publics_accueillis {
        if let Some(support) = renamed(&OLD_PUBLICS_TO_SUPPORT, before_colon(value)) {
            push_unique(&mut prise_en_charge_specifique, support.to_owned());
        } else if value == "Uniquement femmes" {
            push_unique(&mut publics_specifiquement_adresses, "Femmes".to_owned());
        }
    }
    (publics_specifiquement_adresses, publics_accueillis, prise_en_charge_specifique)
}

/// `typologie`, as published; values outside the vocabulary are kept with a warning (no kind
/// is named for them).
fn kinds(raw: &RawRow<'_>, warn: &mut Warn<'_>) -> Vec<String> {
    let kinds = list(raw, "typologie");
    for kind in kinds.iter().filter(|k| place_kind(k).is_none() && k.as_str() != OTHER_KIND) {
        warn("typologie", format!("unknown kind of place {kind:?}: kept as published, not named"));
    }
    kinds
}

/// `dispositif_programmes_nationaux` and v0.x `labels_nationaux`, old names renamed.
fn national_programmes(raw: &RawRow<'_>) -> Vec<String> {
    let mut programmes = Vec::new();
    for field in ["dispositif_programmes_nationaux", "labels_nationaux"] {
        for programme in list(raw, field) {
            push_unique(
                &mut programmes,
                renamed(&OLD_PROGRAMMES, &programme).map_or(programme, str::to_owned),
            );
        }
    }
    programmes
}

/// `modalites_accompagnement`, v0.x values ("Seul : …") renamed.
fn support_modes(raw: &RawRow<'_>) -> Vec<String> {
    list(raw, "modalites_accompagnement")
        .iter()
        .map(|mode| {
            let short = before_colon(mode);
            renamed(&OLD_SUPPORT_MODES, short).unwrap_or(short).to_owned()
        })
        .collect()
}

/// `date_maj`, unless unreadable or the 1970-01-01 placeholder of a failed conversion.
fn date_maj(raw: &RawRow<'_>, warn: &mut Warn<'_>) -> Option<NaiveDate> {
    let text = raw.get("date_maj")?;
    match parse_date(text) {
        Some(date) if date == NaiveDate::default() => {
            warn("date_maj", "1970-01-01 is a placeholder, not an update date: ignored".to_owned());
            None
        }
        Some(date) => Some(date),
        None => {
            warn("date_maj", format!("{text:?} is not a date: ignored"));
            None
        }
    }
}

/// The row's position, or what is wrong with its coordinates.
fn position(raw: &RawRow<'_>) -> (Option<LatLon>, Option<PositionProblem>) {
    let coordinate = |field: &str| {
        let text = raw.get(field).ok_or_else(|| "no latitude/longitude".to_owned())?;
        parse_number(text).ok_or_else(|| format!("{text:?} is not a number"))
    };
    match (coordinate("latitude"), coordinate("longitude")) {
        (Ok(lat), Ok(lon)) => match LatLon::new(lat, lon) {
            Some(position) => (Some(position), None),
            None => (None, Some(("latitude", format!("({lat}, {lon}) is not a position on Earth")))),
        },
        (Err(problem), _) => (None, Some(("latitude", problem))),
        (_, Err(problem)) => (None, Some(("longitude", problem))),
    }
}

/// A number written with a point or, as French spreadsheets do, a comma.
fn parse_number(text: &str) -> Option<f64> {
    text.parse().ok().or_else(|| text.replacen(',', ".", 1).parse().ok())
}

/// `YYYY-MM-DD`, possibly followed by a time, or `DD/MM/YYYY`.
fn parse_date(text: &str) -> Option<NaiveDate> {
    text.get(..10)
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%d/%m/%Y").ok())
}

/// The values of a multi-valued field: v1 separates them with `|`, v0.x with `;`, and real
/// exports mix both.
fn list(raw: &RawRow<'_>, field: &str) -> Vec<String> {
    raw.get(field).map(|text| split_multi(text, &['|', ';'])).unwrap_or_default()
}

/// The values of the first of `fields` that has any.
fn first_list(raw: &RawRow<'_>, fields: &[&str]) -> Vec<String> {
    raw.first_of(fields).map(|(_, text)| split_multi(text, &['|', ';'])).unwrap_or_default()
}

/// Trimmed non-empty parts of `text`, typographic apostrophes made straight so values
/// compare with the schema's vocabulary.
fn split_multi(text: &str, separators: &[char]) -> Vec<String> {
    text.split(separators)
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| part.replace('’', "'"))
        .collect()
}

/// The first URL of a `site_web` holding several (`|` in v1, `,` in v0.x).
fn first_url(text: &str) -> Option<String> {
    let first = text.split('|').map(str::trim).find(|url| !url.is_empty())?;
    let first = first.find(",http").map_or(first, |comma| &first[..comma]);
    Some(first.trim().to_owned())
}

/// The part of a v0.x value before its " : explanation".
fn before_colon(value: &str) -> &str {
    value.split(" : ").next().unwrap_or(value).trim()
}

/// The new name of `value` in a rename table.
fn renamed(table: &[(&str, &'static str)], value: &str) -> Option<&'static str> {
    table.iter().find(|(old, _)| *old == value).map(|(_, new)| *new)
}

/// Appends `value` unless present.
fn push_unique(values: &mut Vec<String>, value: String) {
    if !values.contains(&value) {
        values.push(value);
    }
}

/// Five digits.
fn is_postcode(text: &str) -> bool {
    text.len() == 5 && all_digits(text)
}

/// Only ASCII digits (and at least one).
fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// The schema's format: `+`, country code and number, digits only (7 to 12 after the `+`).
fn is_international_phone(text: &str) -> bool {
    text.strip_prefix('+').is_some_and(|digits| (7..=12).contains(&digits.len()) && all_digits(digits))
}
