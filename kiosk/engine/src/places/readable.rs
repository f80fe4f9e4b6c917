//! A place's name and phone as people read them: directory exports publish names in capitals
//! ("MAIRIE DE BONNES") and phones in the international format the schema asks for
//! ("+33545953544"); a visitor and the agent at the counter read "Mairie de Bonnes" and
//! "05 45 95 35 44".

use phonenumber::country::Id;
use phonenumber::{Mode, PhoneNumber};

/// A phone number in its country's national format ("05 45 95 35 44" for "+33545953544",
/// "26.12.34" for New Caledonia's "+687261234"), by libphonenumber's rules, its groups joined
/// by no-break spaces (U+00A0) so that a number is never split across two lines of a screen
/// or a slip. Numbers without a country code are read as French (the schema is French). A
/// number that does not parse, or that is not a valid number, is returned as published: a
/// gap is better than a wrong number.
pub fn national_phone(published: &str) -> String {
    let text = published.trim();
    match phonenumber::parse(Some(Id::FR), text) {
        Ok(number) if phonenumber::is_valid(&number) => national(&number),
        _ => published.to_owned(),
    }
}

/// Loads libphonenumber's rules now rather than on the first phone formatted: reading them
/// takes a noticeable moment (over a second in a debug build), which the kiosk spends at
/// start-up instead of on the first visitor's result.
pub fn load_phone_rules() {
    std::hint::black_box(national_phone("+33100000000"));
}

fn national(number: &PhoneNumber) -> String {
    number.format().mode(Mode::National).to_string().replace(' ', "\u{a0}")
}

/// Acronyms kept in capitals: the usual ones of places that help with digital and
/// administrative matters, and France Travail's.
const ACRONYMS: [&str; 58] = [
    "ACI", "ADIE", "ADMR", "AFPA", "ANPE", "APEJ", "ATTJ", "BIJ", "CA", "CAF", "CC", "CCAS", "CCI", "CD",
    "CDAS", "CFA", "CHRS", "CIAS", "CIDFF", "CIJ", "CMA", "CMS", "CNFS", "CPAM", "CSC", "CSCS", "EHPAD",
    "EPCI", "EPN", "ESS", "EVS", "FJT", "FLEP", "FT", "GEIQ", "GRETA", "MDPH", "MDS", "MJC", "ML", "MSA",
    "MSAP", "PAD", "PIJ", "PIMMS", "PLIE", "PMI", "RSA", "SIAE", "SNCF", "UDAF", "UFC", "UNA", "URSSAF",
    "CMP", "CAP", "EPI", "FAIS",
];

/// Short words of place names that are words, not acronyms (an unknown word of four letters
/// or fewer in a name in capitals is taken for an acronym).
const SHORT_WORDS: [&str; 40] = [
    "ASS", "DEP", "DEV", "ST", "STE", "VAL", "SUD", "NORD", "EST", "BAIL", "AIR", "ARTS", "ART", "JEU",
    "JEUX", "VIE", "CITE", "CLUB", "AMIS", "AMI", "RIVE", "PORT", "ILE", "PAYS", "BEL", "BOIS", "FORT",
    "MONT", "PONT", "LIEU", "TOUR", "HAUT", "ECO", "BUS", "POLE", "AIDE", "CAFE", "ROUE", "CHEZ", "LES",
];

/// Words that stay in small letters inside a name ("Maison de la culture"); at the start of
/// a name they take a capital like any first word.
const PARTICLES: [&str; 19] = [
    "DE", "DU", "DES", "D", "L", "LA", "LE", "LES", "ET", "EN", "SUR", "SOUS", "AU", "AUX", "A", "À", "POUR",
    "PAR", "AVEC",
];

/// Words after which the rest of a name is a proper name ("Commune de Saint Sulpice de
/// Cognac", "Département de la Charente").
const TERRITORY_WORDS: [&str; 4] = ["COMMUNE", "MAIRIE", "VILLE", "DEPARTEMENT"];

/// Words that lose their accents in capitals, and proper names with their own spelling.
const SPELLINGS: [(&str, &str); 48] = [
    ("ACTIVITES", "activités"),
    ("AGE", "âge"),
    ("AGES", "âges"),
    ("AGGLOMERATION", "agglomération"),
    ("CITE", "cité"),
    ("COLLEGE", "collège"),
    ("COMMUNAUTE", "communauté"),
    ("CREATION", "création"),
    ("DEPARTEMENT", "département"),
    ("DEPARTEMENTAL", "départemental"),
    ("DEPARTEMENTALE", "départementale"),
    ("DEVELOPPEMENT", "développement"),
    ("ECOLE", "école"),
    ("ECONOMIE", "économie"),
    ("ECRITURE", "écriture"),
    ("EDUCATION", "éducation"),
    ("EDUCATIVE", "éducative"),
    ("EMMAUS", "Emmaüs"),
    ("EMPLOI", "emploi"),
    ("ENERGIE", "énergie"),
    ("ETUDE", "étude"),
    ("ETUDES", "études"),
    ("FEDERATION", "fédération"),
    ("FORET", "forêt"),
    ("FRANCE", "France"),
    ("GENERATION", "génération"),
    ("GENERATIONS", "générations"),
    ("HEBERGEMENT", "hébergement"),
    ("INTERIM", "intérim"),
    ("ITINERANT", "itinérant"),
    ("LAIQUE", "laïque"),
    ("LYCEE", "lycée"),
    ("MEDIATHEQUE", "médiathèque"),
    ("BIBLIOTHEQUE", "bibliothèque"),
    ("MEDIATION", "médiation"),
    ("MOSAIQUE", "mosaïque"),
    ("NUMERIQUE", "numérique"),
    ("POLE", "pôle"),
    ("PREFECTURE", "préfecture"),
    ("PREVENTION", "prévention"),
    ("REGIE", "régie"),
    ("REGION", "région"),
    ("REUSSITE", "réussite"),
    ("SANTE", "santé"),
    ("SECURITE", "sécurité"),
    ("SOCIETE", "société"),
    ("SOLIDARITE", "solidarité"),
    ("UNIVERSITE", "université"),
];

/// Names of French départements, regions and rivers in place names ("Les rives de la
/// Charente"), with their accents; names that are also common words (Nord, Cher, Lot,
/// Manche, Somme…) are left out.
const TERRITORY_NAMES: [&str; 52] = [
    "Ain",
    "Aisne",
    "Allier",
    "Alsace",
    "Angoumois",
    "Aquitaine",
    "Ardèche",
    "Ardennes",
    "Ariège",
    "Aveyron",
    "Bretagne",
    "Calvados",
    "Cantal",
    "Charente",
    "Corrèze",
    "Dordogne",
    "Drôme",
    "Essonne",
    "Finistère",
    "Gard",
    "Garonne",
    "Gers",
    "Gironde",
    "Hérault",
    "Isère",
    "Limousin",
    "Loire",
    "Lozère",
    "Marne",
    "Mayenne",
    "Meuse",
    "Morbihan",
    "Moselle",
    "Normandie",
    "Oise",
    "Périgord",
    "Poitou",
    "Provence",
    "Pyrénées",
    "Rhône",
    "Saintonge",
    "Saône",
    "Sarthe",
    "Savoie",
    "Seine",
    "Tarn",
    "Vaucluse",
    "Vendée",
    "Vienne",
    "Vosges",
    "Yonne",
    "Yvelines",
];

/// Names of several words with their own spelling.
const PHRASES: [(&[&str], &[&str]); 6] = [
    (&["FRANCE", "TRAVAIL"], &["France", "Travail"]),
    (&["FRANCE", "SERVICES"], &["France", "services"]),
    (&["POLE", "EMPLOI"], &["Pôle", "emploi"]),
    (&["CAP", "EMPLOI"], &["Cap", "emploi"]),
    (&["MISSION", "LOCALE"], &["Mission", "locale"]),
    (&["LA", "POSTE"], &["La", "Poste"]),
];

/// A word of a name and what follows it up to the next word.
struct Token<'a> {
    word: &'a str,
    after: &'a str,
}

/// A name in capitals written as French writes names: a capital at the start and on proper
/// names (the place's commune, the name after "Commune de", parts of hyphenated names, saints),
/// small letters elsewhere, accents put back on common words, acronyms (CCAS, MJC, PIMMS…)
/// and anything with a digit as published. A name with any small letter is returned as
/// published: its author chose its case. `commune` is the place's commune, whose words are
/// proper names in the name (and give their accents: "CCAS ANGOULEME" in Angoulême is "CCAS
/// Angoulême").
pub fn readable_name(name: &str, commune: &str) -> String {
    if name.chars().any(char::is_lowercase) || !name.chars().any(char::is_uppercase) {
        return name.to_owned();
    }
    let tokens = tokens(name);
    let commune_words: Vec<&str> =
        commune.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let commune_upper: Vec<String> = commune_words.iter().map(|w| fold(w)).collect();
    let commune_has_case = commune.chars().any(char::is_lowercase);

    let mut words: Vec<String> = Vec::with_capacity(tokens.len());
    let mut proper_from = usize::MAX;
    let mut index = 0;
    while let Some(token) = tokens.get(index) {
        let upper = fold(token.word);
        // A phrase with its own spelling ("France Travail").
        if let Some((_, spelled)) = PHRASES.iter().find(|(phrase, _)| starts_with(&tokens[index..], phrase)) {
            words.extend(spelled.iter().map(|w| (*w).to_owned()));
            index += spelled.len();
            continue;
        }
        // The commune's name: its own spelling when it has one.
        if !commune_upper.is_empty() && starts_with_words(&tokens[index..], &commune_upper) {
            for (offset, word) in commune_words.iter().enumerate() {
                words.push(if commune_has_case {
                    (*word).to_owned()
                } else {
                    proper_word(&tokens[index + offset].word.to_lowercase(), offset == 0)
                });
            }
            index += commune_words.len();
            continue;
        }
        let previous = index.checked_sub(1).and_then(|i| tokens.get(i));
        let hyphenated = previous.is_some_and(|p| p.after == "-") || token.after == "-";
        let after_saint =
            previous.is_some_and(|p| ["SAINT", "SAINTE", "ST", "STE"].contains(&fold(p.word).as_str()));
        let territory = TERRITORY_NAMES.iter().find(|name| fold(name) == upper);
        let word = if token.word.chars().any(|c| c.is_ascii_digit()) || ACRONYMS.contains(&upper.as_str()) {
            token.word.to_owned()
        } else if let Some(name) = territory {
            (*name).to_owned()
        } else if PARTICLES.contains(&upper.as_str()) {
            token.word.to_lowercase()
        } else if index >= proper_from
            || hyphenated
            || after_saint
            || ["SAINT", "SAINTE", "ST", "STE"].contains(&upper.as_str())
        {
            proper_word(&spelled(&upper, token.word), false)
        } else if upper.chars().count() <= 4 && !SHORT_WORDS.contains(&upper.as_str()) && tokens.len() > 1 {
            // An unknown short word in capitals: an acronym ("APEJ Cognac").
            token.word.to_owned()
        } else {
            spelled(&upper, token.word)
        };
        if TERRITORY_WORDS.contains(&upper.as_str()) && proper_from == usize::MAX {
            proper_from = index + 1;
        }
        words.push(word);
        index += 1;
    }

    let mut text = String::with_capacity(name.len());
    for (position, (word, token)) in words.iter().zip(&tokens).enumerate() {
        let word = if position == 0 { proper_word(word, true) } else { word.clone() };
        text.push_str(&word);
        text.push_str(&elided(token, &word, tokens.get(position + 1)));
    }
    text
}

/// The separator after a token, a French elision put back: "SALLES D ANGLES" is "Salles
/// d'Angles".
fn elided(token: &Token<'_>, word: &str, next: Option<&Token<'_>>) -> String {
    let starts_with_vowel =
        next.and_then(|n| fold(n.word).chars().next()).is_some_and(|c| "AEIOUYH".contains(c));
    if (word == "d" || word == "l") && token.after == " " && starts_with_vowel {
        "'".to_owned()
    } else {
        token.after.to_owned()
    }
}

/// The words of a name with what separates them.
fn tokens(name: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut rest = name;
    while !rest.is_empty() {
        let word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let (word, tail) = rest.split_at(word_end);
        let separator_end = tail.find(char::is_alphanumeric).unwrap_or(tail.len());
        let (after, tail) = tail.split_at(separator_end);
        // A name starting with a separator gives an empty first word: the separator is kept.
        tokens.push(Token { word, after });
        rest = tail;
    }
    tokens
}

/// Capitals without accents, for comparing words ("Angoulême" and "ANGOULEME").
fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c.to_uppercase().next().unwrap_or(c) {
            'À' | 'Â' | 'Ä' => 'A',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'Î' | 'Ï' => 'I',
            'Ô' | 'Ö' => 'O',
            'Ù' | 'Û' | 'Ü' => 'U',
            'Ç' => 'C',
            'Ÿ' => 'Y',
            upper => upper,
        })
        .collect()
}

/// A word in small letters, its accents put back when it is a common word that lost them.
fn spelled(upper: &str, published: &str) -> String {
    SPELLINGS
        .iter()
        .find(|(capitals, _)| *capitals == upper)
        .map_or_else(|| published.to_lowercase(), |(_, spelled)| (*spelled).to_owned())
}

/// A word with a capital; a particle ("de", "la") only when `first`: "La Forêt de Tessé".
fn proper_word(word: &str, first: bool) -> String {
    if !first && PARTICLES.contains(&fold(word).as_str()) {
        return word.to_lowercase();
    }
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Whether the tokens start with these words (in capitals).
fn starts_with(tokens: &[Token<'_>], words: &[&str]) -> bool {
    words.len() <= tokens.len() && words.iter().zip(tokens).all(|(w, t)| fold(t.word) == *w)
}

/// Whether the tokens start with these folded words.
fn starts_with_words(tokens: &[Token<'_>], words: &[String]) -> bool {
    words.len() <= tokens.len() && words.iter().zip(tokens).all(|(w, t)| fold(t.word) == *w)
}
