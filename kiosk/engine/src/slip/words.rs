//! Results in words, in one language: a recommended place's facts, its opening times, the
//! level. The result screen, the bigger card for the agent, the slip and what is read aloud
//! all say the same thing because they all come from here.

use chrono::Datelike;

use crate::content::Content;
use crate::places::place_kind_key;
use crate::result::{Availability, PlaceSummary, Recommendation};

/// Where the words of one language come from.
pub trait Words {
    /// The language's code.
    fn language(&self) -> &str;

    /// The text of `key` (French when the language lacks it; the key itself when no language
    /// has it, so a gap shows instead of vanishing).
    fn text(&self, key: &str) -> String;

    /// The text of `key` with `%{name}` arguments replaced.
    fn text_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.text(key);
        for (name, value) in args {
            text = text.replace(&format!("%{{{name}}}"), value);
        }
        text
    }
}

/// The words of the loaded content (the built-in locales with a deployer's layered over).
#[derive(Clone, Copy, Debug)]
pub struct ContentWords<'a> {
    content: &'a Content,
    language: &'a str,
}

impl<'a> ContentWords<'a> {
    /// The words of `language` in `content`.
    pub fn new(content: &'a Content, language: &'a str) -> Self {
        Self { content, language }
    }
}

impl Words for ContentWords<'_> {
    fn language(&self) -> &str {
        self.language
    }

    fn text(&self, key: &str) -> String {
        self.content.text(self.language, key).unwrap_or(key).to_owned()
    }
}

/// Wraps `text` in a first-strong isolate: data of unknown direction (a place's name, an
/// address, a phone number, hours) keeps its own order inside a sentence of the other
/// direction ("05 45…" stays "05 45…" in an Arabic line). The isolate marks are invisible.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// "Open now, until 12:00", "Opens on Monday at 9:00", "Opening times not known: call…".
pub fn availability_words(words: &dyn Words, availability: &Availability) -> String {
    let time = |t: chrono::NaiveTime| isolate(&t.format("%H:%M").to_string());
    match availability {
        Availability::Unknown => words.text("place.hours_unknown"),
        Availability::AsPublished(hours) => {
            words.text_with("place.hours_as_published", &[("hours", &isolate(hours))])
        }
        Availability::OpenNow { until: Some(until) } => {
            words.text_with("place.open_until", &[("time", &time(*until))])
        }
        Availability::OpenNow { until: None } => words.text("place.open_now"),
        Availability::OpensToday { at } => words.text_with("place.opens_today", &[("time", &time(*at))]),
        Availability::OpensLater { at, days_ahead: 1 } => {
            words.text_with("place.opens_tomorrow", &[("time", &time(at.time()))])
        }
        Availability::OpensLater { at, days_ahead } if *days_ahead < 7 => {
            let day = words.text(&format!("day.{}", DAYS[at.weekday().num_days_from_monday() as usize]));
            words.text_with("place.opens_on", &[("day", &day), ("time", &time(at.time()))])
        }
        Availability::OpensLater { at, .. } => {
            let date = isolate(&at.format("%d/%m").to_string());
            words.text_with("place.opens_on_date", &[("date", &date), ("time", &time(at.time()))])
        }
    }
}

/// Today's hours ("Today: 09:00-12:00 and 14:00-17:00", "Closed today"), when known.
pub fn today_words(words: &dyn Words, place: &PlaceSummary) -> Option<String> {
    let ranges = place.today_hours.as_ref()?;
    if ranges.is_empty() {
        return Some(words.text("place.closed_today"));
    }
    let ranges: Vec<String> = ranges.iter().map(|r| isolate(r)).collect();
    let joined = ranges.join(&format!(" {} ", words.text("place.and")));
    Some(words.text_with("place.today_hours", &[("hours", &joined)]))
}

/// What kind of place it is, in the visitor's words ("Town hall", "Library, Association"),
/// when the directory says; each kind once, in the published order.
pub fn place_kind_words(words: &dyn Words, place: &PlaceSummary) -> Option<String> {
    let mut named: Vec<String> = Vec::new();
    for text in place.kinds.iter().filter_map(|kind| place_kind_key(kind)).map(|key| words.text(&key)) {
        if !named.contains(&text) {
            named.push(text);
        }
    }
    (!named.is_empty()).then(|| named.join(", "))
}

/// The facts of a place as its card shows them and "Listen" says them: [`place_lines`], with
/// what kind of place it is after its name (after the offer's and the place's names).
pub fn card_lines(words: &dyn Words, recommendation: &Recommendation) -> Vec<String> {
    let mut lines = place_lines(words, recommendation);
    if let Some(kind) = recommendation.place.as_ref().and_then(|place| place_kind_words(words, place)) {
        let names = if recommendation.offer.is_some() { 2 } else { 1 };
        lines.insert(names.min(lines.len()), kind);
    }
    lines
}

/// The facts of a place, one per line: name first, then where, when, how to reach it, and
/// what is known (or not) of the visitor's needs.
pub fn place_lines(words: &dyn Words, recommendation: &Recommendation) -> Vec<String> {
    let Some(place) = &recommendation.place else {
        return vec![recommendation.reason.clone()];
    };
    let mut lines = Vec::new();
    match &recommendation.offer {
        Some(offer) => {
            lines.push(isolate(&offer.name));
            lines.push(isolate(&place.name));
        }
        None => lines.push(isolate(&place.name)),
    }
    lines.push(isolate(&format!("{}, {} {}", place.address, place.postcode, place.commune)));
    if let Some(km) = place.distance_km {
        lines.push(words.text_with("place.distance", &[("km", &format_km(words.language(), km))]));
    }
    if let Some(offer) = &recommendation.offer {
        if let Some(next) = &offer.next_session {
            let when = isolate(&next.replace('T', " "));
            lines.push(words.text_with("offer.next_session", &[("when", &when)]));
        }
        if let Some(capacity) = offer.capacity {
            lines.push(words.text_with("offer.capacity", &[("count", &capacity.to_string())]));
        }
    } else {
        lines.push(availability_words(words, &place.availability));
        lines.extend(today_words(words, place));
    }
    if let Some(phone) = &place.phone {
        lines.push(words.text_with("place.phone", &[("phone", &isolate(phone))]));
    }
    for (need, known) in &place.needs {
        let need = if need.starts_with("language_") { "language" } else { need.as_str() };
        let fact = if *known == Some(true) { "yes" } else { "unknown" };
        lines.push(words.text(&format!("place.need.{need}.{fact}")));
    }
    for code in &place.languages {
        lines.push(words.text(if code == "en" { "place.speaks_en" } else { "place.speaks_other" }));
    }
    match place.free {
        Some(true) => lines.push(words.text("place.free")),
        Some(false) => lines.push(words.text("place.paying")),
        None => {}
    }
    lines
}

/// Kilometres with one decimal, with the language's decimal mark ("1,2" in French).
fn format_km(language: &str, km: f64) -> String {
    let text = format!("{km:.1}");
    if language == "en" { text } else { text.replace('.', ",") }
}

/// Lines read one after the other, each ending with a full stop (a pause in speech).
pub fn sentences(lines: &[String]) -> String {
    lines
        .iter()
        // Isolates order text on screen and paper; the voice does not need them.
        .map(|line| {
            line.trim_end_matches(['.', ' ', '؟', '?', '!', ':', '።']).replace(['\u{2068}', '\u{2069}'], "")
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(". ")
}
