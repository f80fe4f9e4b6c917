//! Benchmark input: a synthetic places export, shaped like the real ones.
//!
//! Target: importing 10 000 places (`import_places` on `synthetic_export(10_000)`, hours
//! parsed, report built) takes at most 200 ms in a release build on the project's 2-core
//! machine.

use serde_json::{Value, json};

use super::fields::SERVICES;

/// Day selectors of the opening hours.
const DAYS: [&str; 8] = ["Mo-Fr", "Mo-Th", "Tu-Sa", "Mo,We,Fr", "Tu,Th", "We", "Sa", "Mo"];
/// Morning opening times.
const OPENS: [&str; 5] = ["08:00", "08:30", "08:45", "09:00", "10:00"];
/// Midday closing times.
const NOONS: [&str; 4] = ["12:00", "12:15", "12:30", "13:00"];
/// Afternoon opening times.
const AFTERNOONS: [&str; 3] = ["13:30", "14:00", "14:30"];
/// Closing times.
const CLOSES: [&str; 5] = ["16:15", "17:00", "17:30", "18:00", "18:30"];

/// A JSON export of `n` places in the national schema, deterministic for a given `n`, mixing
/// field versions as real exports do (`courriel`/`courriels`, `labels_nationaux` with `;` /
/// `dispositif_programmes_nationaux` with `|`, numbers as numbers or strings), with varied
/// opening hours (about 40 % of places, as in real exports; one in fifty unparsable), and about 1 % of rows without a
/// name (skipped) and 1 % without coordinates (placed by postcode).
pub fn synthetic_export(n: usize) -> Vec<u8> {
    let places: Vec<Value> = (0..n).map(synthetic_place).collect();
    serde_json::to_vec(&Value::Array(places)).unwrap_or_default()
}

/// Place number `i` of the synthetic export.
fn synthetic_place(i: usize) -> Value {
    let mut random = Random(i as u64);
    let postcode = format!("16{:03}", random.below(80) * 10);
    let lat = 45.2 + random.unit() * 0.9;
    let lon = -0.45 + random.unit() * 1.2;
    let services: Vec<&str> = SERVICES.iter().copied().filter(|_| random.below(3) == 0).collect::<Vec<_>>();
    let services = if services.is_empty() { vec![SERVICES[0]] } else { services };
    let typologie = ["MUNI", "ASSO", "RFS", "TIERS_LIEUX|ASSO", "CC|CCAS"][random.below(5)];
    let fees = ["Gratuit", "Gratuit sous condition", "Payant"][random.below(3)];
    let modes = ["Accompagnement individuel", "Dans un atelier collectif|En autonomie"][random.below(2)];
    let mut place = json!({
        "id": format!("synthetic-{i}"),
        "nom": format!("Espace numérique {i}"),
        "pivot": if random.below(3) == 0 { "00000000000000".to_owned() } else { format!("{:014}", random.next() % 100_000_000_000_000) },
        "services": services.join("|"),
        "typologie": typologie,
        "commune": format!("Commune {}", random.below(400)),
        "code_postal": postcode,
        "adresse": format!("{} rue de la République", 1 + random.below(120)),
        "frais_a_charge": fees,
        "modalites_accompagnement": modes,
        "source": "synthetic",
        "date_maj": format!("2023-{:02}-{:02}", 1 + random.below(12), 1 + random.below(28)),
    });
    let Some(fields) = place.as_object_mut() else { return place };
    match random.below(100) {
        0 => {
            fields.remove("nom");
        }
        1 => {}
        // Numbers as strings, as some exports write them.
        2..=20 => {
            fields.insert("latitude".into(), json!(format!("{lat:.6}")));
            fields.insert("longitude".into(), json!(format!("{lon:.6}")));
        }
        _ => {
            fields.insert("latitude".into(), json!(lat));
            fields.insert("longitude".into(), json!(lon));
        }
    }
    // The real Charente export gives hours for 72 of its 188 places (38 %).
    if random.below(10) < 4 {
        fields.insert("horaires".into(), json!(hours(&mut random)));
    }
    if random.below(2) == 0 {
        fields.insert("labels_nationaux".into(), json!("CNFS;France Services"));
        fields.insert("courriel".into(), json!(format!("contact{i}@example.org")));
    } else {
        fields.insert(
            "dispositif_programmes_nationaux".into(),
            json!("Conseillers numériques|Aidants Connect"),
        );
        fields.insert("courriels".into(), json!(format!("accueil{i}@example.org|mairie{i}@example.org")));
    }
    if random.below(3) == 0 {
        fields.insert("telephone".into(), json!(format!("+33545{:06}", random.below(1_000_000))));
    }
    if random.below(5) == 0 {
        fields.insert(
            "prise_en_charge_specifique".into(),
            json!("Handicaps moteurs|Langues étrangères (anglais)"),
        );
    }
    place
}

/// Opening hours of one to three rules, with or without a space after `;`, some with public
/// holidays off, and one in fifty unparsable.
fn hours(random: &mut Random) -> String {
    if random.below(50) == 0 {
        return "du lundi au vendredi de 9h à 12h".to_owned();
    }
    let rules: Vec<String> = (0..=random.below(3))
        .map(|_| {
            let days = DAYS[random.below(DAYS.len())];
            let morning =
                format!("{}-{}", OPENS[random.below(OPENS.len())], NOONS[random.below(NOONS.len())]);
            match random.below(3) {
                0 => format!("{days} {morning}"),
                _ => format!(
                    "{days} {morning},{}-{}",
                    AFTERNOONS[random.below(AFTERNOONS.len())],
                    CLOSES[random.below(CLOSES.len())]
                ),
            }
        })
        .collect();
    let mut text = rules.join(if random.below(2) == 0 { "; " } else { ";" });
    if random.below(4) == 0 {
        text.push_str("; PH off");
    }
    text
}

/// A small deterministic generator (`SplitMix64`), so the export is the same on every run.
struct Random(u64);

impl Random {
    /// The next 64 random bits.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1_u64 << 53) as f64
    }
}
