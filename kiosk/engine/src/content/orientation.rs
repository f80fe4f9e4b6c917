//! The orientation rules (`scenarios/orientation.toml`): which kinds of help a result leads
//! to, which places of the directory give each kind, and what the directory says of the
//! visitor's access needs. See `scenarios/README.md` for the rules in words.

use serde::Deserialize;

use crate::content::levels::{Condition, MODALITIES, condition_problem};
use crate::places::{PLACE_KINDS, Place, place_kind};
use crate::problem::{Problem, line_of, toml_problem};

/// The kinds of help of CONTRACTS.md (`recommendations[*].kind`).
pub const HELP_KINDS: [&str; 7] = [
    "help_with_procedures",
    "digital_workshop",
    "quick_help",
    "equipment",
    "french_course",
    "literacy",
    "self_service",
];

/// Flags of the result a condition may name.
pub const FLAGS: [&str; 4] = ["urgent_help_first", "french_course", "literacy_support", "stopped_early"];

/// Access needs of the profile (answers to `access_needs`).
pub const ACCESS_NEEDS: [&str; 4] = ["wheelchair", "low_vision", "hearing", "reading"];

const OBSTACLES: [&str; 5] = ["equipment", "fear", "french", "dont_know_how", "no_interest"];
const LEVELS: [&str; 5] = ["eloigne", "debutant", "intermediaire", "avance", "autonome"];

/// Values of the national schema's lists that select places; a place matches when one of its
/// values is in one of the lists given.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PlaceFacets {
    /// `services`.
    #[serde(default)]
    pub services: Vec<String>,
    /// `dispositif_programmes_nationaux` (and the older `labels_nationaux`).
    #[serde(default)]
    pub programmes: Vec<String>,
    /// `prise_en_charge_specifique`.
    #[serde(default)]
    pub care: Vec<String>,
    /// `modalites_accompagnement`.
    #[serde(default)]
    pub support: Vec<String>,
    /// `typologie`, the kind of place (`RFS`, `PIMMS`, `MUNI`…).
    #[serde(default)]
    pub kinds: Vec<String>,
}

impl PlaceFacets {
    /// True when no list is given (nothing to match).
    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
            && self.programmes.is_empty()
            && self.care.is_empty()
            && self.support.is_empty()
            && self.kinds.is_empty()
    }

    /// True when the place has one of the values listed (both sides have straight
    /// apostrophes: the importer and the rules' loader make them so).
    pub fn matches(&self, place: &Place) -> bool {
        let any = |wanted: &[String], has: &[String]| wanted.iter().any(|w| has.contains(w));
        any(&self.services, &place.services)
            || any(&self.programmes, &place.national_programmes)
            || any(&self.care, &place.prise_en_charge_specifique)
            || any(&self.support, &place.modalites_accompagnement)
            || place
                .typologie
                .iter()
                .filter_map(|t| place_kind(t))
                .any(|kind| self.kinds.iter().any(|k| k == kind))
    }
}

/// What the directory says of one access need.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct NeedRule {
    /// The need (`wheelchair`, `low_vision`, `hearing`, `reading`).
    pub id: String,
    /// A place with one of these values is known to meet the need.
    pub meets: PlaceFacets,
    /// A place whose only ways in (`modalites_acces`) are all among these does not suit.
    #[serde(default)]
    pub access_only: Vec<String>,
    /// A place whose only kinds of support (`modalites_accompagnement`) are all among these
    /// does not suit.
    #[serde(default)]
    pub support_only: Vec<String>,
}

impl NeedRule {
    /// `Some(true)` when the place is known to meet the need, `None` when unknown.
    pub fn met_by(&self, place: &Place) -> Option<bool> {
        self.meets.matches(place).then_some(true)
    }

    /// True when what the place publishes rules it out for this need.
    pub fn contradicted_by(&self, place: &Place) -> bool {
        let only = |allowed: &[String], has: &[String]| {
            !allowed.is_empty() && !has.is_empty() && has.iter().all(|h| allowed.contains(h))
        };
        only(&self.access_only, &place.modalites_acces)
            || only(&self.support_only, &place.modalites_accompagnement)
    }
}

/// A condition of a kind of help, on the result and the answers.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(untagged, deny_unknown_fields)]
pub enum HelpCondition {
    /// The level is one of these ids.
    Level {
        /// Level ids.
        level: Vec<String>,
    },
    /// The modality is one of these.
    Modality {
        /// Modalities.
        modality: Vec<String>,
    },
    /// A flag of the result is true.
    Flag {
        /// `urgent_help_first`, `french_course`, `literacy_support` or `stopped_early`.
        flag: String,
    },
    /// One of these obstacles was detected.
    Obstacle {
        /// Obstacle ids.
        obstacle: Vec<String>,
    },
    /// An answer or a domain status, as in the level rules.
    Base(Condition),
}

/// A ranking bonus: places with one of these values count as this much nearer.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Preference {
    /// The values preferred.
    #[serde(flatten)]
    pub facets: PlaceFacets,
    /// Kilometres taken off the distance of a preferred place when ranking.
    pub bonus_km: f64,
}

/// One kind of help: when it is recommended, why, and which places give it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HelpRule {
    /// The kind (CONTRACTS.md).
    pub kind: String,
    /// Recommended when one of these holds.
    pub when_any: Vec<HelpCondition>,
    /// …unless one of these holds.
    #[serde(default)]
    pub unless_any: Vec<HelpCondition>,
    /// i18n key: why this kind of help, in the visitor's words.
    pub reason: String,
    /// i18n key: how to find one when no place is known.
    pub none_found: String,
    /// The places of the directory that give it (none: only local offers give it).
    #[serde(default)]
    pub places: PlaceFacets,
    /// Places ranked first among those that give it.
    #[serde(default)]
    pub prefer: Option<Preference>,
    /// National labels that guarantee this help, strongest first: a place with one of the
    /// first group's values ranks before one of the second's, and both before places that
    /// merely list the help (within each count of access needs met).
    #[serde(default)]
    pub labels: Vec<PlaceFacets>,
    /// For a visitor with a procedure due today, places open today come first.
    #[serde(default)]
    pub today_first: bool,
}

/// The orientation rules.
#[derive(Clone, Debug, PartialEq)]
pub struct OrientationRules {
    /// Places per kind of help, at most.
    pub per_kind: usize,
    /// Places farther than this are not proposed.
    pub max_km: f64,
    /// Access needs.
    pub needs: Vec<NeedRule>,
    /// Kinds of help, most useful first.
    pub helps: Vec<HelpRule>,
    /// The file, for messages.
    pub shown_path: String,
}

impl OrientationRules {
    /// Every i18n key the rules use.
    pub fn keys(&self) -> Vec<&str> {
        self.helps.iter().flat_map(|h| [h.reason.as_str(), h.none_found.as_str()]).collect()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesSettings {
    per_kind: usize,
    max_km: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrientationFile {
    places: toml::Spanned<PlacesSettings>,
    #[serde(default)]
    need: Vec<toml::Spanned<NeedRule>>,
    help: Vec<toml::Spanned<HelpRule>>,
}

/// Parses and checks `scenarios/orientation.toml`.
pub fn parse_orientation(path: &str, text: &str) -> Result<OrientationRules, Vec<Problem>> {
    let file: OrientationFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let mut problems = Vec::new();
    let settings_line = Some(line_of(text, file.places.span().start));
    let settings = file.places.into_inner();
    if !(1..=3).contains(&settings.per_kind) {
        problems.push(Problem::at(
            path,
            settings_line,
            format!("places.per_kind = {} is out of range (1 to 3)", settings.per_kind),
        ));
    }
    if !(1.0..=500.0).contains(&settings.max_km) {
        problems.push(Problem::at(
            path,
            settings_line,
            format!("places.max_km = {} is out of range (1 to 500)", settings.max_km),
        ));
    }
    for spanned in &file.need {
        let line = Some(line_of(text, spanned.span().start));
        let need = spanned.get_ref();
        if !ACCESS_NEEDS.contains(&need.id.as_str()) {
            problems.push(Problem::at(
                path,
                line,
                format!("unknown access need {:?}; needs: {}", need.id, ACCESS_NEEDS.join(", ")),
            ));
        }
        if file.need.iter().filter(|n| n.get_ref().id == need.id).count() > 1 {
            problems.push(Problem::at(path, line, format!("need {:?} is described twice", need.id)));
        }
    }
    for spanned in &file.help {
        let line = Some(line_of(text, spanned.span().start));
        let twice = file.help.iter().filter(|h| h.get_ref().kind == spanned.get_ref().kind).count() > 1;
        problems
            .extend(help_problems(spanned.get_ref(), twice).into_iter().map(|m| Problem::at(path, line, m)));
    }
    for spanned in &file.need {
        let line = Some(line_of(text, spanned.span().start));
        problems.extend(spanned.get_ref().meets.problem().map(|message| Problem::at(path, line, message)));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let needs = file
        .need
        .into_iter()
        .map(|n| {
            let mut need = n.into_inner();
            need.meets = need.meets.straightened();
            straighten_all(&mut need.access_only);
            straighten_all(&mut need.support_only);
            need
        })
        .collect();
    let helps = file
        .help
        .into_iter()
        .map(|h| {
            let mut help = h.into_inner();
            help.places = help.places.straightened();
            if let Some(prefer) = help.prefer.as_mut() {
                prefer.facets = std::mem::take(&mut prefer.facets).straightened();
            }
            help.labels =
                std::mem::take(&mut help.labels).into_iter().map(PlaceFacets::straightened).collect();
            help
        })
        .collect();
    Ok(OrientationRules {
        per_kind: settings.per_kind,
        max_km: settings.max_km,
        needs,
        helps,
        shown_path: path.to_owned(),
    })
}

/// What is wrong with one kind of help (`twice`: another has the same kind).
fn help_problems(help: &HelpRule, twice: bool) -> Vec<String> {
    let mut problems = Vec::new();
    if !HELP_KINDS.contains(&help.kind.as_str()) {
        problems.push(format!("unknown kind of help {:?}; kinds: {}", help.kind, HELP_KINDS.join(", ")));
    }
    if twice {
        problems.push(format!("kind {:?} is described twice", help.kind));
    }
    if help.when_any.is_empty() {
        problems.push("when_any needs at least one condition".to_owned());
    }
    problems.extend(help.when_any.iter().chain(&help.unless_any).filter_map(help_condition_problem));
    if let Some(prefer) = &help.prefer
        && !(0.0..=100.0).contains(&prefer.bonus_km)
    {
        problems.push(format!("prefer.bonus_km = {} is out of range (0 to 100)", prefer.bonus_km));
    }
    if help.labels.iter().any(PlaceFacets::is_empty) {
        problems.push("labels: a group of labels names no value".to_owned());
    }
    let facets = [Some(&help.places), help.prefer.as_ref().map(|p| &p.facets)];
    problems.extend(facets.into_iter().flatten().chain(&help.labels).filter_map(PlaceFacets::problem));
    problems
}

fn help_condition_problem(condition: &HelpCondition) -> Option<String> {
    let unknown = |what: &str, values: &[String], known: &[&str]| {
        values
            .iter()
            .find(|v| !known.contains(&v.as_str()))
            .map(|v| format!("unknown {what} {v:?}; {what}s: {}", known.join(", ")))
    };
    match condition {
        HelpCondition::Level { level } => unknown("level", level, &LEVELS),
        HelpCondition::Modality { modality } => unknown("modality", modality, &MODALITIES),
        HelpCondition::Flag { flag } => unknown("flag", std::slice::from_ref(flag), &FLAGS),
        HelpCondition::Obstacle { obstacle } => unknown("obstacle", obstacle, &OBSTACLES),
        HelpCondition::Base(condition) => condition_problem(condition),
    }
}

/// The schema's `dispositif_programmes_nationaux` vocabulary (v1.0.2), apostrophes straight.
const PROGRAMMES: [&str; 11] = [
    "Aidants Connect",
    "Bibliothèques numérique de référence",
    "Certification PIX",
    "Conseillers numériques",
    "Emmaüs Connect",
    "France Services",
    "Grande école du numérique",
    "La Croix Rouge",
    "Point d'accès numérique CAF",
    "Promeneurs du net",
    "Relais numérique (Emmaüs Connect)",
];

impl PlaceFacets {
    /// A national programme or a kind of place that is not in the schema's vocabulary: a
    /// rule naming it would never match a place.
    fn problem(&self) -> Option<String> {
        let unknown_programme =
            self.programmes.iter().find(|p| !PROGRAMMES.contains(&p.replace('’', "'").as_str()));
        if let Some(programme) = unknown_programme {
            return Some(format!(
                "unknown national programme {programme:?}; programmes: {}",
                PROGRAMMES.join(", ")
            ));
        }
        self.kinds.iter().find(|k| !PLACE_KINDS.contains(&k.as_str())).map(|kind| {
            format!(
                "unknown kind of place {kind:?}; kinds: the schema's typologie values ({}…)",
                PLACE_KINDS[..8].join(", ")
            )
        })
    }

    /// The same values with straight apostrophes, as the importer writes the places' values
    /// (spreadsheets swap typographic and straight ones).
    fn straightened(mut self) -> Self {
        for list in [&mut self.services, &mut self.programmes, &mut self.care, &mut self.support] {
            for value in list.iter_mut() {
                *value = value.replace('’', "'");
            }
        }
        self
    }
}

fn straighten_all(values: &mut [String]) {
    for value in values {
        *value = value.replace('’', "'");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[places]
per_kind = 3
max_km = 40

[[need]]
id = "hearing"
meets = { care = ["Surdité"] }
access_only = ["Téléphoner"]

[[help]]
kind = "digital_workshop"
when_any = [{ modality = ["train"] }, { level = ["eloigne"] }]
reason = "r"
none_found = "n"
places = { services = ["Maîtrise des outils numériques du quotidien"] }
prefer = { support = ["Dans un atelier collectif"], bonus_km = 10 }
"#;

    #[test]
    fn good_rules_load() {
        let rules = parse_orientation("o.toml", GOOD).unwrap();
        assert_eq!(rules.helps[0].kind, "digital_workshop");
        assert_eq!(rules.helps[0].when_any.len(), 2, "two conditions");
        assert!(rules.helps[0].prefer.is_some(), "a preference");
        assert_eq!(rules.keys(), vec!["r", "n"]);
    }

    #[test]
    fn an_unknown_kind_and_condition_are_located() {
        let bad = GOOD.replace("digital_workshop", "juggling").replace("\"eloigne\"", "\"expert\"");
        let problems = parse_orientation("o.toml", &bad).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.line == Some(11)), "{problems:?}");
        assert!(problems[0].message.contains("juggling"), "{}", problems[0]);
        assert!(problems[1].message.contains("expert"), "{}", problems[1]);
    }

    #[test]
    fn labels_load_and_their_values_are_checked() {
        let labelled = GOOD.replace(
            "prefer = {",
            "labels = [{ programmes = [\"France Services\"], kinds = [\"RFS\"] }, { kinds = [\"PIMMS\"] }]\nprefer = {",
        );
        let rules = parse_orientation("o.toml", &labelled).unwrap();
        assert_eq!(rules.helps[0].labels.len(), 2, "two groups, strongest first");
        assert_eq!(rules.helps[0].labels[1].kinds, ["PIMMS"]);
        // A programme or a kind the schema does not know would never match: located.
        let bad =
            labelled.replace("\"France Services\"", "\"France Service\"").replace("\"PIMMS\"", "\"PIMS\"");
        let problems = parse_orientation("o.toml", &bad).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.line == Some(11)), "{problems:?}");
        assert!(problems[0].message.contains("France Service\""), "{}", problems[0]);
        assert!(problems[1].message.contains("PIMS"), "{}", problems[1]);
        // A group naming nothing says nothing.
        let empty = labelled.replace("{ kinds = [\"PIMMS\"] }", "{}");
        let problems = parse_orientation("o.toml", &empty).unwrap_err();
        assert!(problems[0].message.contains("labels"), "{}", problems[0]);
        // A need's values are checked too.
        let need = GOOD.replace("meets = { care = [\"Surdité\"] }", "meets = { kinds = [\"SPA\"] }");
        let problems = parse_orientation("o.toml", &need).unwrap_err();
        assert_eq!(problems[0].line, Some(6), "{}", problems[0]);
    }

    #[test]
    fn an_unknown_need_is_located() {
        let bad = GOOD.replace("id = \"hearing\"", "id = \"smell\"");
        let problems = parse_orientation("o.toml", &bad).unwrap_err();
        assert_eq!(problems[0].line, Some(6), "{}", problems[0]);
    }
}
