//! A recommended place in words, in the visitor's language: what its card shows, what the
//! bigger card for the agent shows, and what is read aloud.

use chrono::Datelike;
use repere_engine::result::{Availability, PlaceSummary, Recommendation};

use crate::i18n::{tr, tr_with};
use crate::widgets::bidi_layout::isolate;

const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// "Open now, until 12:00", "Opens on Monday at 9:00", "Opening times not known: call…".
pub fn availability_words(language: &str, availability: &Availability) -> String {
    let time = |t: chrono::NaiveTime| isolate(&t.format("%H:%M").to_string());
    match availability {
        Availability::Unknown => tr(language, "place.hours_unknown"),
        Availability::AsPublished(hours) => {
            tr_with(language, "place.hours_as_published", &[("hours", &isolate(hours))])
        }
        Availability::OpenNow { until: Some(until) } => {
            tr_with(language, "place.open_until", &[("time", &time(*until))])
        }
        Availability::OpenNow { until: None } => tr(language, "place.open_now"),
        Availability::OpensToday { at } => tr_with(language, "place.opens_today", &[("time", &time(*at))]),
        Availability::OpensLater { at, days_ahead: 1 } => {
            tr_with(language, "place.opens_tomorrow", &[("time", &time(at.time()))])
        }
        Availability::OpensLater { at, days_ahead } if *days_ahead < 7 => {
            let day = tr(language, &format!("day.{}", DAYS[at.weekday().num_days_from_monday() as usize]));
            tr_with(language, "place.opens_on", &[("day", &day), ("time", &time(at.time()))])
        }
        Availability::OpensLater { at, .. } => {
            let date = isolate(&at.format("%d/%m").to_string());
            tr_with(language, "place.opens_on_date", &[("date", &date), ("time", &time(at.time()))])
        }
    }
}

/// Today's hours ("Today: 09:00-12:00 and 14:00-17:00", "Closed today"), when known.
fn today_words(language: &str, place: &PlaceSummary) -> Option<String> {
    let ranges = place.today_hours.as_ref()?;
    if ranges.is_empty() {
        return Some(tr(language, "place.closed_today"));
    }
    let ranges: Vec<String> = ranges.iter().map(|r| isolate(r)).collect();
    let joined = ranges.join(&format!(" {} ", tr(language, "place.and")));
    Some(tr_with(language, "place.today_hours", &[("hours", &joined)]))
}

/// The facts of a place, one per line: name first, then where, when, how to reach it, and
/// what is known (or not) of the visitor's needs.
pub fn place_lines(language: &str, recommendation: &Recommendation) -> Vec<String> {
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
        lines.push(tr_with(language, "place.distance", &[("km", &format_km(language, km))]));
    }
    if let Some(offer) = &recommendation.offer {
        if let Some(next) = &offer.next_session {
            let when = isolate(&next.replace('T', " "));
            lines.push(tr_with(language, "offer.next_session", &[("when", &when)]));
        }
        if let Some(capacity) = offer.capacity {
            lines.push(tr_with(language, "offer.capacity", &[("count", &capacity.to_string())]));
        }
    } else {
        lines.push(availability_words(language, &place.availability));
        lines.extend(today_words(language, place));
    }
    if let Some(phone) = &place.phone {
        lines.push(tr_with(language, "place.phone", &[("phone", &isolate(phone))]));
    }
    for (need, known) in &place.needs {
        let need = if need.starts_with("language_") { "language" } else { need.as_str() };
        let fact = if *known == Some(true) { "yes" } else { "unknown" };
        lines.push(tr(language, &format!("place.need.{need}.{fact}")));
    }
    for code in &place.languages {
        lines.push(tr(language, if code == "en" { "place.speaks_en" } else { "place.speaks_other" }));
    }
    match place.free {
        Some(true) => lines.push(tr(language, "place.free")),
        Some(false) => lines.push(tr(language, "place.paying")),
        None => {}
    }
    lines
}

/// Kilometres with one decimal, with the language's decimal mark ("1,2" in French).
fn format_km(language: &str, km: f64) -> String {
    let text = format!("{km:.1}");
    if language == "en" { text } else { text.replace('.', ",") }
}
