//! Content: languages, strings, questions, tasks, flow, scoring rules and sounds, loaded from
//! the layered [`ContentSource`] and checked as a whole. A bad file stops start-up.

pub mod budget;
pub mod documents;
pub mod flow;
pub mod language;
pub mod levels;
pub mod locale;
pub mod mailbox;
pub mod offers;
pub mod orientation;
pub mod pictogram;
pub mod question;
pub mod site;
pub mod sounds;
pub mod source;
pub mod task;

use std::collections::BTreeMap;

use serde::Serialize;

pub use self::documents::{Document, Documents};
pub use self::flow::Flow;
pub use self::language::LanguageInfo;
pub use self::levels::ScoringRules;
pub use self::locale::Locale;
pub use self::mailbox::Mailbox;
pub use self::offers::LocalOffer;
pub use self::orientation::OrientationRules;
pub use self::question::Question;
pub use self::site::Site;
pub use self::sounds::SoundBank;
pub use self::source::ContentSource;
pub use self::task::{Task, TaskKind};
use crate::problem::Problem;
use crate::vocabulary::Domain;

/// Everything a visit needs, checked.
#[derive(Clone, Debug)]
pub struct Content {
    /// Languages, in the picker's order.
    pub languages: Vec<LanguageInfo>,
    /// Strings per language code.
    pub locales: BTreeMap<String, Locale>,
    /// Questions in the order asked.
    pub questions: Vec<Question>,
    /// Tasks in the order presented.
    pub tasks: Vec<Task>,
    /// Simulated websites of the browser tasks.
    pub sites: Vec<Site>,
    /// The visitor's simulated documents (the folder of the document picker, attachments).
    pub documents: Documents,
    /// Simulated mailboxes of the webmail tasks.
    pub mailboxes: Vec<Mailbox>,
    /// Order and early stops.
    pub flow: Flow,
    /// Scoring rules.
    pub scoring: ScoringRules,
    /// Recorded prompts.
    pub sounds: SoundBank,
    /// Orientation rules.
    pub orientation: OrientationRules,
    /// The deployer's local offers (`scenarios/local-offers.toml`), if any.
    pub offers: Vec<LocalOffer>,
}

/// Per-language figures of `kiosk check`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct LanguageCoverage {
    /// Share of the reference keys present.
    pub keys: f64,
    /// Strings identical to French that are not deliberate copies.
    pub untranslated: usize,
    /// Share of spoken keys with a prompt.
    pub sounds: f64,
    /// The voice prompts were made with, or `None` (captions only).
    pub voice: Option<String>,
}

/// The reference language: every key must exist in it.
pub const REFERENCE_LANGUAGE: &str = "fr";

impl Content {
    /// Loads and checks everything; on any problem returns them all.
    pub fn load(source: &ContentSource) -> Result<Self, Vec<Problem>> {
        match Self::inspect(source) {
            (Some(content), problems) if problems.is_empty() => Ok(content),
            (_, problems) => Err(problems),
        }
    }

    /// Loads what can be loaded and lists every problem (for `kiosk check`, which reports
    /// coverage even when something is wrong). The content is `None` only when its core
    /// files (flow, levels) cannot be read.
    pub fn inspect(source: &ContentSource) -> (Option<Self>, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut required = |rel: &str| -> Option<(String, String)> {
            match source.get(rel) {
                None => {
                    problems.push(Problem::file(rel, "file missing"));
                    None
                }
                Some(file) => match file.text() {
                    Ok(text) => Some((file.shown_path.clone(), text.to_owned())),
                    Err(message) => {
                        problems.push(Problem::file(&file.shown_path, message));
                        None
                    }
                },
            }
        };
        let languages_file = required("scenarios/languages.toml");
        let documents_file = required("scenarios/documents.toml");
        let flow_file = required("scenarios/flow.toml");
        let levels_file = required("scenarios/levels.toml");
        let orientation_file = required("scenarios/orientation.toml");

        let languages = languages_file
            .and_then(|(path, text)| {
                language::parse_languages(&path, &text).map_err(|p| problems.extend(p)).ok()
            })
            .unwrap_or_default();
        let flow = flow_file
            .and_then(|(path, text)| flow::parse_flow(&path, &text).map_err(|p| problems.extend(p)).ok());
        let scoring = levels_file
            .and_then(|(path, text)| levels::parse_levels(&path, &text).map_err(|p| problems.extend(p)).ok());

        let orientation = orientation_file.and_then(|(path, text)| {
            orientation::parse_orientation(&path, &text).map_err(|p| problems.extend(p)).ok()
        });

        let locales = load_locales(source, &languages, &mut problems);
        // Before the tasks: a webmail task's goal is checked against its mailbox.
        let mail = MailContent::load(source, documents_file, &mut problems);

        let mut failed_ids = Vec::new();
        let all_questions = load_each(
            source,
            "scenarios/questions",
            question::parse_question,
            &mut problems,
            &mut failed_ids,
        );
        let level_ids: Vec<String> = scoring
            .as_ref()
            .map(|s| s.level_ids().into_iter().map(str::to_owned).collect())
            .unwrap_or_default();
        let level_refs: Vec<&str> = level_ids.iter().map(String::as_str).collect();
        let mut all_tasks = Vec::new();
        for file in source.under("scenarios/tasks").filter(|f| is_toml(&f.rel_path)) {
            match file.text() {
                Ok(text) => match task::parse_task(&file.shown_path, text, &level_refs) {
                    Ok(t) => {
                        problems.extend(mail.task_problems(&t, text));
                        all_tasks.push(t);
                    }
                    Err(p) => {
                        problems.extend(p);
                        failed_ids.extend(id_of(text));
                    }
                },
                Err(message) => problems.push(Problem::file(&file.shown_path, message)),
            }
        }
        let sounds = load_sounds(source, &languages, &mut problems);
        let sites = load_each(source, "scenarios/sites", site::parse_site, &mut problems, &mut failed_ids);

        let offers = load_offers(source, &languages, &level_refs, &mut problems);

        let (Some(flow), Some(scoring), Some(orientation)) = (flow, scoring, orientation) else {
            return (None, problems);
        };
        // Files refused above are not reported missing from the flow a second time.
        let listed = |ids: &[String]| -> Vec<String> {
            ids.iter().filter(|id| !failed_ids.contains(id)).cloned().collect()
        };
        let questions =
            ordered(&listed(&flow.questions), all_questions, |q| &q.id, &flow, "question", &mut problems);
        let tasks = ordered(&listed(&flow.tasks), all_tasks, |t| &t.id, &flow, "task", &mut problems);

        let MailContent { documents, mailboxes, .. } = mail;
        let content = Self {
            languages,
            locales,
            questions,
            tasks,
            sites,
            documents,
            mailboxes,
            flow,
            scoring,
            sounds,
            orientation,
            offers,
        };
        problems.extend(content.site_problems(&failed_ids));
        problems.extend(content.key_problems());
        problems.extend(content.sound_problems());
        problems.extend(budget::budget_problems(&content));
        (Some(content), problems)
    }

    /// The built-in content; it is checked by the test suite, so this only fails when the
    /// binary was built from broken content.
    pub fn builtin() -> Result<Self, Vec<Problem>> {
        Self::load(&ContentSource::builtin())
    }

    /// The language with this code.
    pub fn language(&self, code: &str) -> Option<&LanguageInfo> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The text of `key` in `language`, falling back to French.
    pub fn text(&self, language: &str, key: &str) -> Option<&str> {
        self.locales
            .get(language)
            .and_then(|l| l.get(key))
            .or_else(|| self.locales.get(REFERENCE_LANGUAGE).and_then(|l| l.get(key)))
    }

    /// Every key the content itself refers to (questions, answers, tasks, sites, documents).
    pub fn referenced_keys(&self) -> Vec<(&str, &str)> {
        let mut keys = Vec::new();
        for q in &self.questions {
            keys.push((q.say.as_str(), q.shown_path.as_str()));
            keys.extend(q.answers.iter().map(|a| (a.label.as_str(), q.shown_path.as_str())));
        }
        for t in &self.tasks {
            keys.push((t.say.as_str(), t.shown_path.as_str()));
            keys.extend(t.show.iter().map(|k| (k.as_str(), t.shown_path.as_str())));
            keys.extend(t.kind.keys().into_iter().map(|k| (k, t.shown_path.as_str())));
        }
        for s in &self.sites {
            keys.extend(s.keys().into_iter().map(|k| (k, s.shown_path.as_str())));
        }
        let rules = &self.orientation;
        keys.extend(rules.keys().into_iter().map(|k| (k, rules.shown_path.as_str())));
        for m in &self.mailboxes {
            keys.extend(m.keys().into_iter().map(|k| (k, m.shown_path.as_str())));
        }
        let documents = &self.documents;
        keys.extend(documents.keys().into_iter().map(|k| (k, documents.shown_path.as_str())));
        keys
    }

    /// What a task's screen says after its instruction: the error messages of a form that
    /// comes back from a first sending (`returned`), so that a visitor who reads little hears
    /// them too.
    pub fn said_after_instruction(&self, task: &Task) -> Vec<String> {
        let TaskKind::Browser { site, start, returned: true, .. } = &task.kind else {
            return Vec::new();
        };
        let form = self.site(site).and_then(|s| s.page(start)).and_then(|p| p.form.as_ref());
        form.map(|f| f.wrong_fields(site::FormField::initial).iter().map(|f| f.error.clone()).collect())
            .unwrap_or_default()
    }

    /// Keys spoken aloud: every reference key whose last segment is `say`.
    pub fn spoken_keys(&self) -> Vec<&str> {
        self.locales
            .get(REFERENCE_LANGUAGE)
            .map(|l| l.strings.keys().filter(|k| locale::is_spoken_key(k)).map(String::as_str).collect())
            .unwrap_or_default()
    }

    fn key_problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let Some(reference) = self.locales.get(REFERENCE_LANGUAGE) else {
            return problems;
        };
        for (key, path) in self.referenced_keys() {
            if reference.get(key).is_none() {
                problems.push(Problem::file(path, format!("key {key:?} is missing from the French locale")));
            }
        }
        // A question's heading is located at its line: it is the first thing a visitor reads.
        for question in self.questions.iter().filter(|q| reference.get(&q.title).is_none()) {
            problems.push(Problem::at(
                &question.shown_path,
                Some(question.title_line),
                format!("title {:?} is missing from the French locale", question.title),
            ));
        }
        for (code, locale) in &self.locales {
            for (key, text) in &reference.strings {
                match locale.get(key) {
                    None => problems.push(Problem::file(&locale.shown_path, format!("missing key {key:?}"))),
                    Some(translated) if locale::placeholders(translated) != locale::placeholders(text) => {
                        problems.push(Problem::file(
                            &locale.shown_path,
                            format!("key {key:?} must use the same {{placeholders}} as French"),
                        ));
                    }
                    Some(_) => {}
                }
            }
            for key in locale.strings.keys().filter(|k| reference.get(k).is_none()) {
                problems.push(Problem::file(
                    &locale.shown_path,
                    format!("key {key:?} ({code}) does not exist in French: a typo?"),
                ));
            }
        }
        problems
    }

    /// The mailbox of a webmail task.
    pub fn mailbox(&self, id: &str) -> Option<&Mailbox> {
        self.mailboxes.iter().find(|m| m.id == id)
    }

    /// The site of a browser task.
    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// Browser tasks refer to sites, pages, files and forms that exist; a form asks for a
    /// document of the visitor's documents folder.
    fn site_problems(&self, refused: &[String]) -> Vec<Problem> {
        let mut problems = Vec::new();
        let forms = self.sites.iter().flat_map(|s| s.pages.iter().map(move |p| (s, p)));
        for (site, form) in forms.filter_map(|(s, p)| Some((s, p.form.as_ref()?))) {
            for field in &form.fields {
                let site::FieldInput::File { expected } = &field.input else {
                    continue;
                };
                if !self.documents.folder().iter().any(|d| &d.id == expected) {
                    problems.push(Problem::file(
                        &site.shown_path,
                        format!(
                            "form {:?}, field {:?}: no document {expected:?} in the visitor's documents folder ({})",
                            form.id, field.id, self.documents.shown_path
                        ),
                    ));
                }
            }
        }
        for task in &self.tasks {
            let TaskKind::Browser { site, start, history, goal, returned, .. } = &task.kind else {
                continue;
            };
            let Some(site) = self.site(site) else {
                if refused.contains(site) {
                    continue;
                }
                problems
                    .push(Problem::file(&task.shown_path, format!("params.site: no site has id {site:?}")));
                continue;
            };
            let mut at = |message: String| problems.push(Problem::file(&task.shown_path, message));
            let goal_page = match goal {
                task::BrowserGoal::Page(p) | task::BrowserGoal::BackTo(p) => Some(p),
                task::BrowserGoal::Downloaded(file) if site.page_offering(file).is_none() => {
                    at(format!("goal downloaded: no page of site {:?} offers {file:?}", site.id));
                    None
                }
                task::BrowserGoal::Submitted(form) if site.page_with_form(form).is_none() => {
                    at(format!("goal submitted: site {:?} has no form {form:?}", site.id));
                    None
                }
                _ => None,
            };
            for page in std::iter::once(start).chain(history).chain(goal_page) {
                if site.page(page).is_none() {
                    at(format!("page {page:?} is not a page of site {:?}", site.id));
                }
            }
            if *returned {
                let form = site.page(start).and_then(|p| p.form.as_ref());
                let errors = form.map(|f| f.wrong_fields(site::FormField::initial).len());
                if errors.is_none_or(|n| n == 0) {
                    at(format!(
                        "returned = true needs a form on page {start:?} with a field not right at the start (a wrong prefilled value)"
                    ));
                }
            }
        }
        problems
    }

    fn sound_problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for language in self.languages.iter().filter(|l| l.voice.is_some()) {
            let path = format!("sounds/{}/manifest.toml", language.code);
            let manifest = self.sounds.manifests.get(&language.code);
            for key in self.spoken_keys() {
                let Some(text) = self.locales.get(&language.code).and_then(|l| l.get(key)) else {
                    continue;
                };
                if self.sounds.prompt(&language.code, key).is_none() {
                    problems.push(Problem::file(
                        format!("sounds/{}/{key}.ogg", language.code),
                        "prompt missing (run kiosk/tools/render-sounds)",
                    ));
                    continue;
                }
                match manifest.and_then(|m| m.prompts.get(key)) {
                    None => problems.push(Problem::file(&path, format!("no entry for {key:?}"))),
                    Some(entry) if entry.text != text => problems.push(Problem::file(
                        &path,
                        format!("prompt {key:?} is stale: its text changed since it was made"),
                    )),
                    Some(_) => {}
                }
            }
        }
        problems
    }

    /// Coverage figures per language, for `kiosk check`.
    pub fn coverage(&self) -> BTreeMap<String, LanguageCoverage> {
        let reference = self.locales.get(REFERENCE_LANGUAGE);
        let total = reference.map_or(0, |r| r.strings.len()).max(1);
        let spoken = self.spoken_keys();
        self.languages
            .iter()
            .map(|language| {
                let locale = self.locales.get(&language.code);
                let present = reference.map_or(0, |r| {
                    r.strings.keys().filter(|k| locale.and_then(|l| l.get(k)).is_some()).count()
                });
                let untranslated = match (reference, locale) {
                    (Some(r), Some(l)) if language.code != REFERENCE_LANGUAGE => r
                        .strings
                        .iter()
                        .filter(|(k, v)| l.get(k) == Some(v.as_str()) && !l.deliberate_copies.contains(k))
                        .count(),
                    _ => 0,
                };
                let with_sound =
                    spoken.iter().filter(|k| self.sounds.prompt(&language.code, k).is_some()).count();
                let coverage = LanguageCoverage {
                    keys: present as f64 / total as f64,
                    untranslated,
                    sounds: if spoken.is_empty() { 1.0 } else { with_sound as f64 / spoken.len() as f64 },
                    voice: language.voice.as_ref().map(|v| format!("espeak-ng {v}")),
                };
                (language.code.clone(), coverage)
            })
            .collect()
    }

    /// Task counts per domain, for `kiosk check`.
    pub fn task_counts(&self) -> BTreeMap<&'static str, usize> {
        Domain::ALL
            .into_iter()
            .map(|d| (d.id(), self.tasks.iter().filter(|t| t.domain == d).count()))
            .collect()
    }
}

/// The `id` of a file that could not be loaded whole, when it can be read at all.
fn id_of(text: &str) -> Option<String> {
    if let Ok(table) = toml::from_str::<toml::Table>(text) {
        return table.get("id")?.as_str().map(str::to_owned);
    }
    // A syntax error elsewhere in the file: the `id = "…"` line may still be readable.
    text.lines().find_map(|line| {
        let value = line.trim().strip_prefix("id")?.trim_start().strip_prefix('=')?.trim();
        value.strip_prefix('"')?.strip_suffix('"').map(str::to_owned)
    })
}

fn is_toml(path: &str) -> bool {
    std::path::Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

/// Every TOML file of `folder` parsed by `parse`; the ids of refused files go to
/// `failed_ids` (so they are not reported missing from the flow a second time).
fn load_each<T>(
    source: &ContentSource,
    folder: &str,
    parse: impl Fn(&str, &str) -> Result<T, Vec<Problem>>,
    problems: &mut Vec<Problem>,
    failed_ids: &mut Vec<String>,
) -> Vec<T> {
    let mut loaded = Vec::new();
    for file in source.under(folder).filter(|f| is_toml(&f.rel_path)) {
        match file.text() {
            Ok(text) => match parse(&file.shown_path, text) {
                Ok(item) => loaded.push(item),
                Err(p) => {
                    problems.extend(p);
                    failed_ids.extend(id_of(text));
                }
            },
            Err(message) => problems.push(Problem::file(&file.shown_path, message)),
        }
    }
    loaded
}

/// The deployer's local offers, when `scenarios/local-offers.toml` exists.
fn load_offers(
    source: &ContentSource,
    languages: &[LanguageInfo],
    level_ids: &[&str],
    problems: &mut Vec<Problem>,
) -> Vec<LocalOffer> {
    let Some(file) = source.get("scenarios/local-offers.toml") else {
        return Vec::new();
    };
    let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
    let parsed = file
        .text()
        .map_err(|message| vec![Problem::file(&file.shown_path, message)])
        .and_then(|text| offers::parse_offers(&file.shown_path, text, level_ids, &codes));
    parsed.unwrap_or_else(|p| {
        problems.extend(p);
        Vec::new()
    })
}

fn load_locales(
    source: &ContentSource,
    languages: &[LanguageInfo],
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, Locale> {
    let mut locales = BTreeMap::new();
    for language in languages {
        let rel = format!("locales/{}.yml", language.code);
        let Some(file) = source.get(&rel) else {
            problems.push(Problem::file(&rel, format!("no strings for language {:?}", language.code)));
            continue;
        };
        // The deployer's file is layered key by key over the built-in one.
        let mut merged = Locale::default();
        let builtin = source.builtin_under(&rel);
        for layer in builtin.iter().chain(std::iter::once(file)) {
            let parsed = layer
                .text()
                .map_err(|m| Problem::file(&layer.shown_path, m))
                .and_then(|text| locale::parse_locale(&layer.shown_path, text));
            match parsed {
                Ok(locale) => {
                    merged.strings.extend(locale.strings);
                    merged.deliberate_copies.extend(locale.deliberate_copies);
                    merged.shown_path = locale.shown_path;
                }
                Err(problem) => problems.push(problem),
            }
        }
        locales.insert(language.code.clone(), merged);
    }
    locales
}

/// The documents and the mailboxes, loaded before the tasks: a webmail task's goal is
/// checked against them.
struct MailContent {
    documents: Documents,
    mailboxes: Vec<Mailbox>,
    /// Ids of the mailboxes refused (their own problems are reported).
    refused: Vec<String>,
}

impl MailContent {
    fn load(
        source: &ContentSource,
        documents_file: Option<(String, String)>,
        problems: &mut Vec<Problem>,
    ) -> Self {
        let documents = documents_file.and_then(|(path, text)| {
            documents::parse_documents(&path, &text).map_err(|p| problems.extend(p)).ok()
        });
        let mut mailboxes = Vec::new();
        let mut refused = Vec::new();
        for file in source.under("scenarios/mailboxes").filter(|f| is_toml(&f.rel_path)) {
            match file.text() {
                Ok(text) => match mailbox::parse_mailbox(&file.shown_path, text, documents.as_ref()) {
                    Ok(m) => mailboxes.push(m),
                    Err(p) => {
                        problems.extend(p);
                        refused.extend(id_of(text));
                    }
                },
                Err(message) => problems.push(Problem::file(&file.shown_path, message)),
            }
        }
        Self { documents: documents.unwrap_or_default(), mailboxes, refused }
    }

    /// Problems of a webmail task's mailbox and goal, located in its file's `text`.
    fn task_problems(&self, task: &Task, text: &str) -> Vec<Problem> {
        let TaskKind::Webmail { mailbox, goal } = &task.kind else {
            return Vec::new();
        };
        let (path, boxes, refused) = (&task.shown_path, &self.mailboxes, &self.refused);
        mailbox::goal_problems(path, text, mailbox, goal, boxes, refused, &self.documents)
    }
}

fn load_sounds(source: &ContentSource, languages: &[LanguageInfo], problems: &mut Vec<Problem>) -> SoundBank {
    let mut bank = SoundBank::default();
    for language in languages {
        let dir = format!("sounds/{}", language.code);
        for file in source.under(&dir) {
            let name = &file.rel_path[dir.len() + 1..];
            if name == "manifest.toml" {
                match file
                    .text()
                    .map_err(|m| Problem::file(&file.shown_path, m))
                    .and_then(|t| sounds::parse_manifest(&file.shown_path, t))
                {
                    Ok(manifest) => {
                        bank.manifests.insert(language.code.clone(), manifest);
                    }
                    Err(problem) => problems.push(problem),
                }
            } else if let Some(key) = name.strip_suffix(".ogg") {
                if !file.bytes.starts_with(b"OggS") {
                    problems.push(Problem::file(&file.shown_path, "not an OGG file"));
                    continue;
                }
                bank.files
                    .entry(language.code.clone())
                    .or_default()
                    .insert(key.to_owned(), file.bytes.clone());
            }
        }
    }
    bank
}

fn ordered<T>(
    ids: &[String],
    mut items: Vec<T>,
    id_of: impl Fn(&T) -> &String,
    flow: &Flow,
    what: &str,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let path = &flow.shown_path;
    let mut out = Vec::new();
    for id in ids {
        let line = flow.lines.get(id).copied();
        let count = items.iter().filter(|item| id_of(item) == id).count();
        if count > 1 {
            problems.push(Problem::at(path, line, format!("{what} {id:?} is defined in {count} files")));
        }
        match items.iter().position(|item| id_of(item) == id) {
            Some(index) => out.push(items.swap_remove(index)),
            None => problems.push(Problem::at(path, line, format!("no {what} file has id {id:?}"))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The problems of the built-in content with one file changed.
    fn problems_with(rel: &str, from: &str, to: &str) -> Vec<String> {
        let mut source = ContentSource::builtin();
        let text = source.get(rel).and_then(|f| f.text().ok()).unwrap_or_default().to_owned();
        assert!(text.contains(from), "{rel} no longer contains {from:?}");
        source.put(rel, &text.replacen(from, to, 1));
        Content::load(&source).err().unwrap_or_default().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn download_and_form_goals_are_checked_against_the_site() {
        let cases = [
            (
                "scenarios/tasks/procedure/02-certificate.toml",
                "downloaded = \"attestation-de-paiement.pdf\"",
                "downloaded = \"attestation.pdf\"",
                "02-certificate.toml: goal downloaded: no page of site \"moncompte\" offers \"attestation.pdf\"",
            ),
            (
                "scenarios/tasks/procedure/03-date.toml",
                "submitted = \"identity\"",
                "submitted = \"birth\"",
                "03-date.toml: goal submitted: site \"moncompte\" has no form \"birth\"",
            ),
            (
                "scenarios/sites/moncompte.toml",
                "expected = \"attestation\"",
                "expected = \"passport\"",
                "moncompte.toml: form \"proof\", field \"proof\": no document \"passport\" in the visitor's documents folder",
            ),
            (
                "scenarios/sites/moncompte.toml",
                "prefilled = \"06 12 34 56\"",
                "prefilled = \"06 12 34 56 78\"",
                "07-error.toml: returned = true needs a form on page \"contact\" with a field not right",
            ),
        ];
        for (rel, from, to, expected) in cases {
            let problems = problems_with(rel, from, to);
            assert!(problems.iter().any(|p| p.contains(expected)), "{to}: {problems:#?}");
        }
    }

    #[test]
    fn a_form_key_missing_from_french_is_reported() {
        let problems = problems_with(
            "scenarios/sites/moncompte.toml",
            "site.moncompte.contact.phone_error.say",
            "site.moncompte.contact.phone_wrong.say",
        );
        let expected = "moncompte.toml: key \"site.moncompte.contact.phone_wrong.say\" is missing from the French locale";
        assert!(problems.iter().any(|p| p.contains(expected)), "{problems:#?}");
    }

    #[test]
    fn every_shipped_task_has_a_hint() {
        let content = Content::builtin().unwrap();
        let without: Vec<&str> =
            content.tasks.iter().filter(|t| t.show.is_none()).map(|t| t.id.as_str()).collect();
        assert!(without.is_empty(), "tasks without a \"show me\" hint: {without:?}");
    }

    #[test]
    fn a_hint_key_missing_from_french_is_reported() {
        let problems = problems_with(
            "scenarios/tasks/mouse/01-click-big.toml",
            "show = \"task.mouse.click_big.show.say\"",
            "show = \"task.mouse.click_big.hint.say\"",
        );
        let expected =
            "01-click-big.toml: key \"task.mouse.click_big.hint.say\" is missing from the French locale";
        assert!(problems.iter().any(|p| p.contains(expected)), "{problems:#?}");
    }
}
