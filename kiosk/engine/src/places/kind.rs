//! The kind of a place (`typologie`): a town hall, a library, an association… named in the
//! visitor's language by the `place_kind.*` keys of the locales.

/// The `typologie` vocabulary the schema refers to (data.inclusion's "typologies de
/// structure"), less "Autre" ("other", which says nothing to a visitor). Each value has a
/// `place_kind.<value in small letters>` key in every locale.
pub const PLACE_KINDS: [&str; 90] = [
    "ACI",
    "ACIPHC",
    "AFPA",
    "AI",
    "ASE",
    "ASSO",
    "ASSO_CHOMEUR",
    "AVIP",
    "BIB",
    "CAARUD",
    "CADA",
    "CAF",
    "CAP_EMPLOI",
    "CAVA",
    "CC",
    "CCAS",
    "CCONS",
    "CD",
    "CDAS",
    "CFP",
    "CHRS",
    "CHU",
    "CIAS",
    "CIDFF",
    "CITMET",
    "CMP",
    "CMS",
    "CPAM",
    "CPH",
    "CS",
    "CSAPA",
    "CSC",
    "DEETS",
    "DEPT",
    "DIPLP",
    "E2C",
    "EA",
    "EATT",
    "EI",
    "EITI",
    "ENM",
    "EPCI",
    "EPI",
    "EPIDE",
    "EPN",
    "ES",
    "ESS",
    "ETABL_PRI",
    "ETABL_PUB",
    "ETAT",
    "ETTI",
    "EVS",
    "FABLAB",
    "FAIS",
    "FT",
    "GEIQ",
    "HUDA",
    "LA_POSTE",
    "MDE",
    "MDEF",
    "MDPH",
    "MDS",
    "MJC",
    "ML",
    "MQ",
    "MSA",
    "MSAP",
    "MUNI",
    "OACAS",
    "ODC",
    "OF",
    "OIL",
    "OPCS",
    "PAD",
    "PENSION",
    "PI",
    "PIJ_BIJ",
    "PIMMS",
    "PJJ",
    "PLIE",
    "PREF",
    "PREVENTION",
    "REG",
    "RESSOURCERIE",
    "RFS",
    "RS_FJT",
    "SCP",
    "SPIP",
    "TIERS_LIEUX",
    "UDAF",
];

/// Values of older exports and the value that replaced them ("PE", Pôle emploi, became
/// France Travail).
const RENAMED_KINDS: [(&str, &str); 1] = [("PE", "FT")];

/// "Autre": a value of the vocabulary that names no kind.
pub(crate) const OTHER_KIND: &str = "Autre";

/// The vocabulary value of a published `typologie` value (case as published or not), old
/// names renamed; `None` outside the vocabulary and for "Autre".
pub fn place_kind(value: &str) -> Option<&'static str> {
    let value = value.trim();
    RENAMED_KINDS
        .iter()
        .find(|(old, _)| old.eq_ignore_ascii_case(value))
        .map(|(_, new)| *new)
        .or_else(|| PLACE_KINDS.iter().copied().find(|kind| kind.eq_ignore_ascii_case(value)))
}

/// The i18n key naming a kind of place: `place_kind.rfs` for "RFS"; `None` when the value
/// names no kind.
pub fn place_kind_key(value: &str) -> Option<String> {
    place_kind(value).map(|kind| format!("place_kind.{}", kind.to_ascii_lowercase()))
}
