//! One place of the directory, with what orientation needs to know about it.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::{Hours, LatLon, PlaceLanguage};

/// `prise_en_charge_specifique` value: the place welcomes people with reduced mobility.
const MOTOR_DISABILITY: &str = "Handicaps moteurs";
/// `prise_en_charge_specifique` value: help in English.
const ENGLISH: &str = "Langues étrangères (anglais)";
/// `prise_en_charge_specifique` value: help in other foreign languages.
const OTHER_LANGUAGES: &str = "Langues étrangères (autres)";
/// `modalites_acces` value of a place that receives nobody (remote help only, back office).
const NO_PUBLIC: &str = "Ce lieu n'accueille pas de public";

/// A digital-mediation place, mapped from any version of the national schema (field names in
/// parentheses). Lists hold the schema's values as published, with values of the old
/// versions renamed to their v1.0.2 equivalent where one exists.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Local identifier (`id`); `row-N` when the row had none.
    pub id: String,
    /// Name (`nom`).
    pub name: String,
    /// Street address (`adresse`); may be empty when the position is known.
    pub address: String,
    /// Where exactly in the address: floor, building… (`complement_adresse`).
    pub address_complement: Option<String>,
    /// Postcode (`code_postal`), as published.
    pub postcode: String,
    /// Commune (`commune`).
    pub commune: String,
    /// Position (`latitude`, `longitude`); `None` when neither the row nor its postcode gave
    /// one, so no distance can be measured.
    pub position: Option<LatLon>,
    /// `true` when `position` is the centre of the postcode's places, because the row had no
    /// usable coordinates.
    pub position_estimated: bool,
    /// Phone number (`telephone`; the first one when several).
    pub phone: Option<String>,
    /// Contact emails (`courriels`, or `courriel` in v0.x).
    pub emails: Vec<String>,
    /// Website (`site_web`; the first one when several).
    pub website: Option<String>,
    /// Online appointment booking (`prise_rdv`).
    pub appointment_url: Option<String>,
    /// Opening hours (`horaires`).
    pub opening_hours: Option<Hours>,
    /// Services offered (`services`).
    pub services: Vec<String>,
    /// Publics the place is specifically for (`publics_specifiquement_adresses`).
    pub publics_specifiquement_adresses: Vec<String>,
    /// Publics welcomed, v0.x field (`publics_accueillis`), as published; its disability and
    /// literacy values also go to `prise_en_charge_specifique`.
    pub publics_accueillis: Vec<String>,
    /// Specific needs the place can support (`prise_en_charge_specifique`).
    pub prise_en_charge_specifique: Vec<String>,
    /// Fees (`frais_a_charge`, or `conditions_acces` in v0.x).
    pub fees: Vec<String>,
    /// National programmes (`dispositif_programmes_nationaux`, or `labels_nationaux` in
    /// v0.x, whose "CNFS" becomes "Conseillers numériques").
    pub national_programmes: Vec<String>,
    /// How people are helped (`modalites_accompagnement`).
    pub modalites_accompagnement: Vec<String>,
    /// How to get in (`modalites_acces`).
    pub modalites_acces: Vec<String>,
    /// The place's accessibility sheet on acceslibre (`fiche_acces_libre`, or
    /// `accessibilite` in v0.x).
    pub accessibility_url: Option<String>,
    /// Kind of structure (`typologie`).
    pub typologie: Vec<String>,
    /// SIRET or RNA (`pivot`); `None` when unknown (published as zeros).
    pub pivot: Option<String>,
    /// Who collected the data (`source`).
    pub source: Option<String>,
    /// Last update (`date_maj`); `None` when absent, unreadable or the 1970-01-01
    /// placeholder.
    pub date_maj: Option<NaiveDate>,
    /// Short description (`presentation_resume`).
    pub summary: Option<String>,
}

impl Place {
    /// Latitude, when the position is known.
    pub fn lat(&self) -> Option<f64> {
        self.position.map(|p| p.lat)
    }

    /// Longitude, when the position is known.
    pub fn lon(&self) -> Option<f64> {
        self.position.map(|p| p.lon)
    }

    /// `Some(true)` only when the place declares it supports motor disabilities; otherwise
    /// unknown (`None`), never `Some(false)`: a place that says nothing may still be
    /// accessible.
    pub fn wheelchair_accessible(&self) -> Option<bool> {
        self.supports(MOTOR_DISABILITY).then_some(true)
    }

    /// Foreign languages the place declares, English first.
    pub fn languages(&self) -> Vec<PlaceLanguage> {
        [(ENGLISH, PlaceLanguage::En), (OTHER_LANGUAGES, PlaceLanguage::Other)]
            .into_iter()
            .filter(|(value, _)| self.supports(value))
            .map(|(_, language)| language)
            .collect()
    }

    /// `false` when the place says it receives no public; such a place is never recommended.
    pub fn receives_public(&self) -> bool {
        !self.modalites_acces.iter().any(|value| same_value(value, NO_PUBLIC))
    }

    /// Open at `now` (local time)? `None` without hours, with unparsable hours, or when the
    /// hours say "unknown".
    pub fn is_open(&self, now: NaiveDateTime) -> Option<bool> {
        self.opening_hours.as_ref()?.is_open(now)
    }

    /// When the place next opens after `now` (local time); `None` when open now or unknown.
    pub fn next_opening(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        self.opening_hours.as_ref()?.next_opening(now)
    }

    /// The opening ranges of `now`'s day; `None` without parsed hours.
    pub fn today_ranges(&self, now: NaiveDateTime) -> Option<Vec<(NaiveTime, NaiveTime)>> {
        self.opening_hours.as_ref()?.today_ranges(now)
    }

    /// Whether `prise_en_charge_specifique` holds `value`.
    fn supports(&self, value: &str) -> bool {
        self.prise_en_charge_specifique.iter().any(|v| same_value(v, value))
    }
}

/// Vocabulary values compared as published: typographic and straight apostrophes are
/// equal, since spreadsheets swap one for the other.
fn same_value(a: &str, b: &str) -> bool {
    // Most values are equal or differ at once; only a typographic apostrophe needs the walk.
    if a == b {
        return true;
    }
    if !a.contains('’') && !b.contains('’') {
        return false;
    }
    let straight = |c: char| if c == '’' { '\'' } else { c };
    a.chars().map(straight).eq(b.chars().map(straight))
}
