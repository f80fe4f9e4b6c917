//! The slip a visitor takes away (PRODUCT.md step 7): their level in plain words, what they
//! can already do, what to learn next and every kind of help the result recommends (up to
//! three places for the main one, the best place for each other), in their language on top
//! and in French below for the agent who will receive them. No personal data: the date, the
//! kiosk's site and what the result says, nothing typed.
//!
//! The same model is printed (PDF, thermal receipt), shown (codes to photograph when there is
//! no paper), written as text, and read aloud.

pub mod words;

use std::fmt::Write as _;

use chrono::{Datelike as _, NaiveDate, NaiveTime, TimeDelta};
use serde::Serialize;

use crate::config::Config;
use crate::content::Content;
use crate::places::Hours;
use crate::result::{PlaceSummary, Recommendation, VisitResult, by_kind};
use crate::scoring::DomainStatus;
use words::{ContentWords, Words, availability_words, isolate, place_lines, sentences, today_words};

/// Places of the main kind of help on a slip, at most (the first kind that has a place): more
/// would not be read. Every other kind shows its best place.
pub const MAX_PLACES: usize = 3;

/// Things to learn next on a slip, at most.
pub const MAX_LEARN_NEXT: usize = 3;

/// What a slip is made into (`kiosk slip --format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlipFormat {
    /// A PDF on A4 paper.
    PdfA4,
    /// A PDF 80 mm wide, as long as needed (receipt printers behind CUPS).
    PdfReceipt,
    /// Raw bytes for a thermal receipt printer: the slip as a raster image.
    Escpos,
    /// Plain text.
    Text,
}

impl SlipFormat {
    /// Every format, as `--format` names them.
    pub const ALL: [Self; 4] = [Self::PdfA4, Self::PdfReceipt, Self::Escpos, Self::Text];

    /// The name on the command line and in the config.
    pub fn id(self) -> &'static str {
        match self {
            Self::PdfA4 => "pdf-a4",
            Self::PdfReceipt => "pdf-receipt",
            Self::Escpos => "escpos",
            Self::Text => "text",
        }
    }

    /// The format named `id`.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// The slip of a visit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Slip {
    /// The visitor's language first; French second unless the visit was in French.
    pub parts: Vec<SlipPart>,
    /// The link of each place shown (same order in every part), for a code to photograph.
    pub links: Vec<PlaceLink>,
}

/// A place's link: its appointment page, else its website, else a map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlaceLink {
    /// The place's name.
    pub name: String,
    /// The link.
    pub url: String,
}

/// The slip in one language.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SlipPart {
    /// Language code.
    pub language: String,
    /// Laid out right to left.
    pub right_to_left: bool,
    /// Above the French part, in the visitor's language: "The same in French, for the desk".
    pub heading: Option<String>,
    /// "Your result".
    pub title: String,
    /// "Level 2 of 5 — First steps".
    pub level: String,
    /// The level in plain words.
    pub level_words: String,
    /// "What you can already do".
    pub can_do_title: String,
    /// What the visitor can already do (at least the first step: coming).
    pub can_do: Vec<String>,
    /// "What to learn next".
    pub learn_next_title: String,
    /// What to learn next; empty when every domain is mastered.
    pub learn_next: Vec<String>,
    /// "Where to go next".
    pub next_title: String,
    /// Said when the exercises were stopped early.
    pub stopped_early: Option<String>,
    /// Kinds of help, most useful first, with their places.
    pub help: Vec<SlipHelp>,
    /// Where to ask on site, when the deployer says.
    pub desk: Option<String>,
    /// Under the codes: what they open.
    pub scan_hint: String,
    /// "Made at <site>, on <date>".
    pub footer: String,
}

/// A kind of help with its places.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SlipHelp {
    /// "Help with your procedures".
    pub kind: String,
    /// Why, and how to find one when no place is known.
    pub reason: String,
    /// Its places on the slip.
    pub places: Vec<SlipPlace>,
}

/// A place on the slip.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SlipPlace {
    /// Name first, then address, hours in words, phone, needs, languages.
    pub lines: Vec<String>,
    /// Index in [`Slip::links`] of its code, when it has a link.
    pub link: Option<usize>,
}

impl Slip {
    /// The slip of `result`, made on `date` at the kiosk of `config`, with the texts of
    /// `content`.
    pub fn new(result: &VisitResult, content: &Content, config: &Config, date: NaiveDate) -> Self {
        let shown = shown_recommendations(result);
        let links = links_of(&shown);
        let mut languages = vec![result.language.as_str()];
        if result.language != crate::REFERENCE_LANGUAGE {
            languages.push(crate::REFERENCE_LANGUAGE);
        }
        let parts = languages
            .iter()
            .map(|language| {
                let words = ContentWords::new(content, language);
                let heading = (*language != result.language)
                    .then(|| ContentWords::new(content, &result.language).text("slip.in_french"));
                part(&words, content, config, result, &shown, heading, date)
            })
            .collect();
        Self { parts, links }
    }

    /// The links of the places a slip of `result` shows, for codes to photograph.
    pub fn links(result: &VisitResult) -> Vec<PlaceLink> {
        links_of(&shown_recommendations(result))
    }

    /// The slip as plain text: each part, then the links.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for part in &self.parts {
            if let Some(heading) = &part.heading {
                write!(text, "\n==== {heading} ====\n\n").ok();
            }
            text.push_str(&part.lines().join("\n"));
            text.push('\n');
        }
        if !self.links.is_empty() {
            text.push('\n');
            for link in &self.links {
                writeln!(text, "{}: {}", link.name, link.url).ok();
            }
        }
        text
    }

    /// What is read aloud: the visitor's part, as sentences.
    pub fn spoken(&self) -> String {
        self.parts.first().map(|part| spoken(&part.lines())).unwrap_or_default()
    }

    /// What is read aloud after the level's recorded prompt.
    pub fn spoken_details(&self) -> String {
        self.parts.first().map(|part| spoken(&part.details())).unwrap_or_default()
    }
}

impl SlipPart {
    /// Every line of the part, in reading order.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.title.clone(), self.level.clone(), self.level_words.clone(), String::new()];
        lines.extend(self.details());
        lines
    }

    /// The lines after the level (what the kiosk reads aloud after the level's recorded
    /// prompt): what the visitor can do, what to learn next, where to go.
    pub fn details(&self) -> Vec<String> {
        let mut lines = vec![self.can_do_title.clone()];
        lines.extend(self.can_do.iter().map(|c| format!("• {c}")));
        if !self.learn_next.is_empty() {
            lines.push(String::new());
            lines.push(self.learn_next_title.clone());
            lines.extend(self.learn_next.iter().map(|c| format!("• {c}")));
        }
        lines.push(String::new());
        lines.push(self.next_title.clone());
        lines.extend(self.stopped_early.clone());
        for help in &self.help {
            lines.push(String::new());
            lines.push(help.kind.clone());
            lines.push(help.reason.clone());
            for place in &help.places {
                lines.extend(place.lines.iter().map(|l| format!("  {l}")));
            }
        }
        lines.push(String::new());
        lines.extend(self.desk.clone());
        lines.push(self.footer.clone());
        lines
    }
}

/// Lines as sentences for the voice, without the bullets drawn on paper.
fn spoken(lines: &[String]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| l.trim_start_matches([' ', '•']).to_owned()).collect();
    sentences(&lines)
}

/// The recommendations a slip shows: every kind the result recommends, in its order; up to
/// [`MAX_PLACES`] places for the first kind that has a place (the visitor's main help), the
/// best place for each other kind, and a kind with no place once (its reason says how to
/// find one).
fn shown_recommendations(result: &VisitResult) -> Vec<Recommendation> {
    let kinds = by_kind(&result.recommendations);
    let main = kinds.iter().position(|(_, of_kind)| of_kind.iter().any(|(_, r)| r.place.is_some()));
    kinds
        .iter()
        .enumerate()
        .flat_map(|(index, (_, of_kind))| {
            let with_place: Vec<&Recommendation> =
                of_kind.iter().map(|(_, r)| *r).filter(|r| r.place.is_some()).collect();
            if with_place.is_empty() {
                return of_kind.iter().take(1).map(|(_, r)| (*r).clone()).collect::<Vec<_>>();
            }
            let room = if Some(index) == main { MAX_PLACES } else { 1 };
            with_place.into_iter().take(room).cloned().collect()
        })
        .collect()
}

/// The codes of every place the result recommends, kind by kind (the codes to photograph and
/// the card for the desk list them all, more than the paper has room for): the kind in
/// `words`' language, then each place's link.
pub fn codes_by_kind(result: &VisitResult, words: &dyn Words) -> Vec<(String, Vec<PlaceLink>)> {
    by_kind(&result.recommendations)
        .into_iter()
        .map(|(kind, of_kind)| {
            let links = of_kind
                .iter()
                .filter_map(|(_, r)| r.place.as_ref())
                .filter_map(|place| Some(PlaceLink { name: place.name.clone(), url: place_link(place)? }))
                .collect::<Vec<_>>();
            (kind_words(words, kind), links)
        })
        .filter(|(_, links)| !links.is_empty())
        .collect()
}

/// A place's lines on paper: the result's lines, but its hours said for a date rather than
/// for the moment of the visit ("open now" is false once the paper has left the building):
/// the day's hours and the next opening after that day, each with its date.
pub fn paper_place_lines(words: &dyn Words, recommendation: &Recommendation, date: NaiveDate) -> Vec<String> {
    let mut lines = place_lines(words, recommendation);
    let Some(place) = &recommendation.place else {
        return lines;
    };
    if recommendation.offer.is_some() {
        // An offer says its next session, a date already.
        return lines;
    }
    let Some(hours) = place.opening_hours.as_deref().map(Hours::parse).filter(Hours::is_parsed) else {
        // Unknown or unreadable hours are said as such: nothing relative to a moment.
        return lines;
    };
    let moment: Vec<String> = std::iter::once(availability_words(words, &place.availability))
        .chain(today_words(words, place))
        .collect();
    let Some(at) = lines.iter().position(|line| moment.contains(line)) else {
        return lines;
    };
    lines.retain(|line| !moment.contains(line));
    let paper = paper_hours(words, &hours, date);
    lines.splice(at..at, paper);
    lines
}

/// A place's lines for the agent at the counter: where, when and the phone, without what is
/// known of the visitor's needs (the visitor's own part or screen says it).
pub fn desk_place_lines(words: &dyn Words, recommendation: &Recommendation) -> Vec<String> {
    let about_needs = needs_words(words);
    let mut lines = place_lines(words, recommendation);
    lines.retain(|line| !about_needs.contains(line));
    lines
}

/// The lines of a place that say what is known of the visitor's needs, the languages spoken
/// and whether it is free, in `words`' language.
fn needs_words(words: &dyn Words) -> Vec<String> {
    let needs = ["wheelchair", "low_vision", "hearing", "reading", "language"];
    let mut keys: Vec<String> = needs
        .iter()
        .flat_map(|need| ["yes", "unknown"].map(|fact| format!("place.need.{need}.{fact}")))
        .collect();
    keys.extend(["place.speaks_en", "place.speaks_other", "place.free", "place.paying"].map(str::to_owned));
    keys.iter().map(|key| words.text(key)).collect()
}

/// The hours of `date` ("Hours on Monday 23 November: 09:00-12:00", "Closed on …") and the
/// next opening after that day ("Next opening: Tuesday 24 November at 09:00").
fn paper_hours(words: &dyn Words, hours: &Hours, date: NaiveDate) -> Vec<String> {
    let time = |t: NaiveTime| isolate(&t.format("%H:%M").to_string());
    let day_start = date.and_time(NaiveTime::MIN);
    let mut lines = Vec::new();
    if let Some(ranges) = hours.today_ranges(day_start) {
        let on = date_words(words, date);
        if ranges.is_empty() {
            lines.push(words.text_with("slip.closed_on", &[("date", &on)]));
        } else {
            let ranges: Vec<String> = ranges
                .iter()
                .map(|(start, end)| isolate(&format!("{}-{}", start.format("%H:%M"), end.format("%H:%M"))))
                .collect();
            let joined = ranges.join(&format!(" {} ", words.text("place.and")));
            lines.push(words.text_with("slip.hours_on", &[("date", &on), ("hours", &joined)]));
        }
    }
    let next_day = day_start + TimeDelta::days(1);
    let next =
        if hours.is_open(next_day) == Some(true) { Some(next_day) } else { hours.next_opening(next_day) };
    if let Some(next) = next {
        lines.push(words.text_with(
            "slip.next_opening",
            &[("date", &date_words(words, next.date())), ("time", &time(next.time()))],
        ));
    }
    if lines.is_empty() {
        lines.push(words.text("place.hours_unknown"));
    }
    lines
}

/// The keys of the days (`day.<id>`), Monday first.
const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The keys of the months (`slip.month.<id>`), January first.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date in words, in the language's order ("lundi 8 décembre", "8 Aralık pazartesi").
pub fn date_words(words: &dyn Words, date: NaiveDate) -> String {
    let weekday = words.text(&format!("day.{}", DAYS[date.weekday().num_days_from_monday() as usize]));
    let month = words.text(&format!("slip.month.{}", MONTHS[date.month0() as usize]));
    words
        .text_with("slip.date", &[("weekday", &weekday), ("day", &date.day().to_string()), ("month", &month)])
}

fn links_of(shown: &[Recommendation]) -> Vec<PlaceLink> {
    shown
        .iter()
        .filter_map(|r| {
            let place = r.place.as_ref()?;
            Some(PlaceLink { name: place.name.clone(), url: place_link(place)? })
        })
        .collect()
}

/// A place's link for a code: appointment page, else website, else a map of its position.
pub fn place_link(place: &PlaceSummary) -> Option<String> {
    let web = |url: &Option<String>| url.as_ref().filter(|u| u.starts_with("http")).cloned();
    web(&place.appointment_url).or_else(|| web(&place.website)).or_else(|| {
        let (lat, lon) = (place.lat?, place.lon?);
        Some(format!("https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=18/{lat:.5}/{lon:.5}"))
    })
}

/// One language's part.
fn part(
    words: &ContentWords<'_>,
    content: &Content,
    config: &Config,
    result: &VisitResult,
    shown: &[Recommendation],
    heading: Option<String>,
    date: NaiveDate,
) -> SlipPart {
    let language = words.language();
    let level_name = words.text(&format!("result.level.{}.name", result.level.id));
    let mut can_do: Vec<String> =
        can_do(result).iter().map(|id| words.text(&format!("result.can_do.{id}"))).collect();
    if can_do.is_empty() {
        can_do.push(words.text("result.can_do.first_step"));
    }
    let learn_next = learn_next(result).iter().map(|id| words.text(&format!("result.can_do.{id}"))).collect();
    let mut help: Vec<SlipHelp> = Vec::new();
    let mut link = 0;
    for recommendation in shown {
        let place = recommendation.place.as_ref().map(|p| {
            let has_link = place_link(p).is_some();
            let mut lines = paper_place_lines(words, recommendation, date);
            if heading.is_some() {
                // The agent's part: where and when, and the phone; what is known of the
                // visitor's needs is on the visitor's part, which the agent has too.
                let about_needs = needs_words(words);
                lines.retain(|line| !about_needs.contains(line));
            }
            let place = SlipPlace { lines, link: has_link.then_some(link) };
            link += usize::from(has_link);
            place
        });
        match help.last_mut() {
            Some(last) if last.kind == kind_words(words, &recommendation.kind) => last.places.extend(place),
            _ => help.push(SlipHelp {
                kind: kind_words(words, &recommendation.kind),
                reason: reason_in(recommendation, words, content, &result.language),
                places: place.into_iter().collect(),
            }),
        }
    }
    let date = isolate(&date.format("%d/%m/%Y").to_string());
    SlipPart {
        language: language.to_owned(),
        right_to_left: content.language(language).is_some_and(crate::content::LanguageInfo::is_rtl),
        heading,
        title: words.text("result.title"),
        level: words.text_with(
            "result.level_label",
            &[("rank", &result.level.rank.to_string()), ("name", &level_name)],
        ),
        level_words: words.text(&format!("result.level.{}.say", result.level.id)),
        can_do_title: words.text("result.can_do.title"),
        can_do,
        learn_next_title: words.text("slip.learn_next"),
        learn_next,
        next_title: words.text("result.next.title"),
        stopped_early: result.stopped_early.then(|| words.text("result.next.stopped_early")),
        help,
        desk: config
            .help_desk_line(language)
            .map(|desk| words.text_with("result.next.desk", &[("desk", desk)])),
        scan_hint: words.text("slip.scan"),
        footer: words.text_with("slip.footer", &[("site", &isolate(&config.site_name)), ("date", &date)]),
    }
}

/// What to learn next: the first domains not mastered, basics first (ids of
/// `result.can_do.<id>`).
pub fn learn_next(result: &VisitResult) -> Vec<&'static str> {
    result
        .domains
        .iter()
        .filter(|(_, d)| d.status != DomainStatus::Mastered)
        .take(MAX_LEARN_NEXT)
        .map(|(domain, _)| domain.id())
        .collect()
}

/// What the visitor can already do (ids of `result.can_do.<id>`), without what is on the
/// list to learn next: a domain done only partly is to learn next, not both.
pub fn can_do(result: &VisitResult) -> Vec<&str> {
    let next = learn_next(result);
    result.can_do.iter().map(String::as_str).filter(|id| !next.contains(id)).collect()
}

/// The kind of help in words.
fn kind_words(words: &dyn Words, kind: &str) -> String {
    words.text(&format!("help_kind.{kind}"))
}

/// Why this kind of help, in `words`' language: the result's own reason in the visit's
/// language, the orientation rule's words in another.
fn reason_in(
    recommendation: &Recommendation,
    words: &dyn Words,
    content: &Content,
    visit_language: &str,
) -> String {
    if words.language() == visit_language {
        return recommendation.reason.clone();
    }
    let Some(rule) = content.orientation.helps.iter().find(|h| h.kind == recommendation.kind) else {
        return recommendation.reason.clone();
    };
    let reason = words.text(&rule.reason);
    if recommendation.place.is_some() { reason } else { format!("{reason} {}", words.text(&rule.none_found)) }
}
