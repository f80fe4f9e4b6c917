//! The visitor profile: declarative answers and domain scores (input of `kiosk simulate`,
//! CONTRACTS.md "Visitor profile", version 1).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::vocabulary::{AnswerShape, Domain};

/// The declarative answers. A missing answer means "not asked" (or skipped).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// A procedure to do today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgent_procedure: Option<bool>,
    /// Devices the visitor has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub devices: Option<Vec<String>>,
    /// Internet at home.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internet_at_home: Option<bool>,
    /// Email use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Does online procedures alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedures_alone: Option<String>,
    /// Why not alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obstacles: Option<Vec<String>>,
    /// Comfort reading French.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub french_reading: Option<String>,
    /// What the visitor would like to be able to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goals: Option<Vec<String>>,
    /// Access needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_needs: Option<Vec<String>>,
}

/// One answer as the session records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerValue {
    /// Yes or no.
    YesNo(bool),
    /// One choice.
    One(String),
    /// Several choices (possibly none).
    Many(Vec<String>),
    /// A postcode (kept in memory only, for distances).
    Postcode(String),
}

impl Answers {
    /// The answer to `question` as a list of values (`yes`/`no` for yes/no questions), or
    /// `None` when not answered. Level rules and `ask_if` conditions read answers this way.
    pub fn values_of(&self, question: &str) -> Option<Vec<&str>> {
        fn yes_no(b: Option<bool>) -> Option<Vec<&'static str>> {
            b.map(|b| vec![if b { "yes" } else { "no" }])
        }
        fn one(s: Option<&String>) -> Option<Vec<&str>> {
            s.map(|s| vec![s.as_str()])
        }
        fn many(v: Option<&Vec<String>>) -> Option<Vec<&str>> {
            v.map(|v| v.iter().map(String::as_str).collect())
        }
        match question {
            "urgent_procedure" => yes_no(self.urgent_procedure),
            "internet_at_home" => yes_no(self.internet_at_home),
            "devices" => many(self.devices.as_ref()),
            "email" => one(self.email.as_ref()),
            "procedures_alone" => one(self.procedures_alone.as_ref()),
            "obstacles" => many(self.obstacles.as_ref()),
            "french_reading" => one(self.french_reading.as_ref()),
            "goals" => many(self.goals.as_ref()),
            "access_needs" => many(self.access_needs.as_ref()),
            _ => None,
        }
    }

    /// Records an answer (postcodes are not part of `Answers`: see [`Home`]).
    pub fn set(&mut self, question: &str, value: AnswerValue) {
        match (question, value) {
            ("urgent_procedure", AnswerValue::YesNo(b)) => self.urgent_procedure = Some(b),
            ("internet_at_home", AnswerValue::YesNo(b)) => self.internet_at_home = Some(b),
            ("devices", AnswerValue::Many(v)) => self.devices = Some(v),
            ("email", AnswerValue::One(s)) => self.email = Some(s),
            ("procedures_alone", AnswerValue::One(s)) => self.procedures_alone = Some(s),
            ("obstacles", AnswerValue::Many(v)) => self.obstacles = Some(v),
            ("french_reading", AnswerValue::One(s)) => self.french_reading = Some(s),
            ("goals", AnswerValue::Many(v)) => self.goals = Some(v),
            ("access_needs", AnswerValue::Many(v)) => self.access_needs = Some(v),
            _ => {}
        }
    }

    /// Forgets an answer (when the visitor goes back to change it).
    pub fn clear(&mut self, question: &str) {
        match question {
            "urgent_procedure" => self.urgent_procedure = None,
            "internet_at_home" => self.internet_at_home = None,
            "devices" => self.devices = None,
            "email" => self.email = None,
            "procedures_alone" => self.procedures_alone = None,
            "obstacles" => self.obstacles = None,
            "french_reading" => self.french_reading = None,
            "goals" => self.goals = None,
            "access_needs" => self.access_needs = None,
            _ => {}
        }
    }

    /// True when `question` has one of `values`.
    pub fn has_any(&self, question: &str, values: &[String]) -> bool {
        self.values_of(question).is_some_and(|given| given.iter().any(|g| values.iter().any(|v| v == g)))
    }

    /// Checks every value against CONTRACTS.md; `extra_goals` are goal ids a deployer defined.
    pub fn validate(&self, extra_goals: &[String]) -> Result<(), String> {
        for question in crate::vocabulary::KNOWN_QUESTIONS {
            if matches!(question.shape, AnswerShape::YesNo | AnswerShape::Postcode) {
                continue;
            }
            let Some(values) = self.values_of(question.id) else {
                continue;
            };
            for value in values {
                let known = question.answers.contains(&value)
                    || (question.id == "goals" && extra_goals.iter().any(|g| g == value));
                if !known {
                    return Err(format!(
                        "answers.{}: unknown value {value:?}; allowed: {}",
                        question.id,
                        question.answers.join(", ")
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Where the visitor lives, optionally: a postcode or coordinates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Home {
    /// A postcode.
    Postcode {
        /// Five digits.
        postcode: String,
    },
    /// Coordinates.
    Position {
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
    },
}

/// Input of `kiosk simulate`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitorProfile {
    /// Format version (1; may be omitted).
    #[serde(default = "one")]
    pub version: u32,
    /// Language code.
    pub language: String,
    /// Declarative answers.
    #[serde(default)]
    pub answers: Answers,
    /// Share of each domain's tasks succeeded, `None` when not reached.
    #[serde(default)]
    pub domains: BTreeMap<Domain, Option<f32>>,
    /// Where the visitor lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<Home>,
}

fn one() -> u32 {
    1
}

impl VisitorProfile {
    /// Parses a profile and checks its values; the message says what is wrong.
    pub fn from_json(text: &str, extra_goals: &[String]) -> Result<Self, String> {
        let profile: Self = serde_json::from_str(text).map_err(|err| format!("invalid profile: {err}"))?;
        if profile.version != 1 {
            return Err(format!("unsupported profile version {}", profile.version));
        }
        profile.answers.validate(extra_goals)?;
        for (domain, score) in &profile.domains {
            if let Some(score) = score
                && !(0.0..=1.0).contains(score)
            {
                return Err(format!("domains.{}: {score} is outside 0.0–1.0", domain.id()));
            }
        }
        if let Some(Home::Postcode { postcode }) = &profile.home
            && !is_postcode(postcode)
        {
            return Err(format!("home.postcode {postcode:?} is not five digits"));
        }
        Ok(profile)
    }
}

/// True for a five-digit French postcode.
pub fn is_postcode(text: &str) -> bool {
    text.len() == 5 && text.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"{
      "version": 1, "language": "fr",
      "answers": {"urgent_procedure": false, "devices": ["smartphone"], "internet_at_home": false,
        "email": "none", "procedures_alone": "never", "obstacles": ["fear"],
        "french_reading": "hard", "goals": ["family_video"], "access_needs": ["wheelchair"]},
      "domains": {"mouse": 1.0, "keyboard": 0.5, "internet": 0.0, "search": null, "email": null, "procedure": null},
      "home": {"postcode": "16000"}
    }"#;

    #[test]
    fn the_contract_example_parses() {
        let profile = VisitorProfile::from_json(EXAMPLE, &[]).unwrap();
        assert_eq!(profile.answers.values_of("email"), Some(vec!["none"]));
        assert_eq!(profile.answers.values_of("internet_at_home"), Some(vec!["no"]));
        assert_eq!(profile.domains.get(&Domain::Search), Some(&None));
        assert_eq!(profile.home, Some(Home::Postcode { postcode: "16000".into() }));
    }

    #[test]
    fn unknown_values_are_refused() {
        let bad = EXAMPLE.replace("\"fear\"", "\"spiders\"");
        let err = VisitorProfile::from_json(&bad, &[]).unwrap_err();
        assert!(err.contains("obstacles"), "{err}");
        let bad = EXAMPLE.replace("\"keyboard\": 0.5", "\"keyboard\": 1.5");
        assert!(VisitorProfile::from_json(&bad, &[]).is_err(), "score out of range");
        let bad = EXAMPLE.replace("\"fr\"", "\"fr\", \"age\": 3");
        assert!(VisitorProfile::from_json(&bad, &[]).is_err(), "unknown field");
    }

    #[test]
    fn version_may_be_omitted() {
        let profile = VisitorProfile::from_json(r#"{"language": "en"}"#, &[]).unwrap();
        assert_eq!(profile.version, 1);
    }
}
