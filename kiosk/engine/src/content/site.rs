//! A simulated website (`scenarios/sites/*.toml`) for the browser tasks: pages with an
//! address, a title, a text, links, documents to download and forms. Nothing is fetched: the
//! browser is drawn by the app.

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::problem::{Problem, line_of, toml_problem};

/// A link on a page.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct WebLink {
    /// i18n key of the link's words.
    pub label: String,
    /// Id of the page it opens.
    pub to: String,
}

/// A result on a search page.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SearchResult {
    /// i18n key of the result's title (a link).
    pub title: String,
    /// The address shown under the title.
    pub address: String,
    /// Id of the page it opens.
    pub to: String,
    /// An advertisement, marked as such the way search engines do.
    #[serde(default)]
    pub sponsored: bool,
}

/// A login form: the codes it accepts and the page it opens.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LoginForm {
    /// The identifier asked (given to the visitor on a card, never their own).
    pub identifier: String,
    /// The password asked (shown on the card; masked when typed, never spoken).
    pub password: String,
    /// Id of the page it opens.
    pub to: String,
}

/// A document offered for download on a page.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Download {
    /// i18n key of the download button's words ("Attestation de paiement").
    pub label: String,
    /// The file's name, shown in the download bar (Latin, as a browser shows it).
    pub file: String,
}

/// What a form field asks and accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldInput {
    /// A text typed on the keyboard; spaces and capitals do not matter.
    Text {
        /// The text asked (shown on the card of values to copy).
        expected: String,
        /// What the field holds at the start, or empty.
        prefilled: String,
    },
    /// A date typed as day, month and year.
    Date {
        /// The date asked.
        expected: NaiveDate,
        /// What the field holds at the start.
        prefilled: Option<NaiveDate>,
    },
    /// A drop-down list.
    Choice {
        /// i18n keys of the options, in order.
        options: Vec<String>,
        /// Index of the option asked.
        expected: usize,
        /// Index of the option chosen at the start.
        prefilled: Option<usize>,
    },
    /// A box to tick.
    Checkbox {
        /// True when it must be ticked to send (false: left unticked).
        ticked: bool,
    },
    /// A document chosen in the visitor's documents folder (`scenarios/documents.toml`).
    File {
        /// The id of the document asked (checked against the folder with the whole content).
        expected: String,
    },
}

/// What the visitor entered in a field (kept in memory for the task only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    /// A typed text.
    Text(String),
    /// A date's day, month and year as typed.
    Date([String; 3]),
    /// The option chosen, if any.
    Choice(Option<usize>),
    /// The box is ticked.
    Ticked(bool),
    /// The id of the document chosen, if any.
    File(Option<String>),
}

/// A field of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormField {
    /// Id, unique in the form.
    pub id: String,
    /// i18n key of the field's label.
    pub label: String,
    /// i18n key of the message shown next to the field (and spoken) when its value is not the
    /// one asked; a spoken key (its last part is `say`).
    pub error: String,
    /// What it asks and accepts.
    pub input: FieldInput,
}

/// The parts of a date field, in the order typed.
pub const DATE_PARTS: [(&str, usize); 3] = [("day", 2), ("month", 2), ("year", 4)];

impl FormField {
    /// The value at the start.
    pub fn initial(&self) -> FieldValue {
        match &self.input {
            FieldInput::Text { prefilled, .. } => FieldValue::Text(prefilled.clone()),
            FieldInput::Date { prefilled, .. } => {
                FieldValue::Date(prefilled.map_or_else(Default::default, date_parts))
            }
            FieldInput::Choice { prefilled, .. } => FieldValue::Choice(*prefilled),
            FieldInput::Checkbox { .. } => FieldValue::Ticked(false),
            FieldInput::File { .. } => FieldValue::File(None),
        }
    }

    /// True when `value` is the one asked: a text whatever its spaces and capitals, a date
    /// whatever its leading zeros (a year of four digits), the option, the box, the file.
    pub fn accepts(&self, value: &FieldValue) -> bool {
        match (&self.input, value) {
            (FieldInput::Text { expected, .. }, FieldValue::Text(typed)) => {
                loose_text(expected) == loose_text(typed)
            }
            (FieldInput::Date { expected, .. }, FieldValue::Date([day, month, year])) => {
                let number = |part: &str| part.parse::<u32>().ok();
                year.len() == 4
                    && number(day) == Some(expected.day())
                    && number(month) == Some(expected.month())
                    && year.parse::<i32>().ok() == Some(expected.year())
            }
            (FieldInput::Choice { expected, .. }, FieldValue::Choice(chosen)) => *chosen == Some(*expected),
            (FieldInput::Checkbox { ticked }, FieldValue::Ticked(value)) => ticked == value,
            (FieldInput::File { expected }, FieldValue::File(chosen)) => chosen.as_ref() == Some(expected),
            _ => false,
        }
    }

    /// The value asked as the card of values to copy shows it (a date as day/month/year), or
    /// `None` for a box (the instruction says it). An option is its i18n key, a document its id.
    pub fn shown_expected(&self) -> Option<String> {
        match &self.input {
            FieldInput::Text { expected, .. } | FieldInput::File { expected } => Some(expected.clone()),
            FieldInput::Date { expected, .. } => Some(date_parts(*expected).join("/")),
            FieldInput::Choice { options, expected, .. } => options.get(*expected).cloned(),
            FieldInput::Checkbox { .. } => None,
        }
    }
}

/// A date's day, month and year as a form shows them (`14`, `03`, `1985`).
pub fn date_parts(date: NaiveDate) -> [String; 3] {
    [format!("{:02}", date.day()), format!("{:02}", date.month()), format!("{:04}", date.year())]
}

fn loose_text(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// A form field as written in the site file.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct RawField {
    id: String,
    kind: String,
    label: String,
    error: String,
    #[serde(default)]
    options: Vec<String>,
    #[serde(default)]
    expected: Option<String>,
    #[serde(default)]
    prefilled: Option<String>,
}

/// What is wrong with a field as written: the key at fault (to locate its line) and why.
struct FieldProblem {
    key: &'static str,
    message: String,
}

impl TryFrom<RawField> for FormField {
    type Error = FieldProblem;

    fn try_from(raw: RawField) -> Result<Self, FieldProblem> {
        let id = &raw.id;
        let problem = |key: &'static str, message: String| FieldProblem {
            key,
            message: format!("field {id:?}: {message}"),
        };
        if !crate::content::locale::is_spoken_key(&raw.error) {
            return Err(problem(
                "error",
                format!(
                    "error {:?} must be a spoken key (ending in .say): error messages are read aloud",
                    raw.error
                ),
            ));
        }
        let expected =
            || raw.expected.clone().ok_or_else(|| problem("kind", "expected is missing".to_owned()));
        let no = |key: &'static str, given: bool| {
            if given { Err(problem(key, format!("a {} field takes no {key}", raw.kind))) } else { Ok(()) }
        };
        let date = |key: &'static str, text: &str| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|_| problem(key, format!("{text:?} is not a date written YYYY-MM-DD")))
        };
        let input = match raw.kind.as_str() {
            "text" => {
                no("options", !raw.options.is_empty())?;
                let expected = expected()?;
                let prefilled = raw.prefilled.clone().unwrap_or_default();
                for (key, text) in [("expected", &expected), ("prefilled", &prefilled)] {
                    if let Some(c) = text.chars().find(|c| !crate::vocabulary::typeable(*c)) {
                        return Err(problem(key, format!("{c:?} cannot be typed on the kiosk's keyboard")));
                    }
                }
                if expected.trim().is_empty() {
                    return Err(problem("expected", "expected is empty".to_owned()));
                }
                FieldInput::Text { expected, prefilled }
            }
            "date" => {
                no("options", !raw.options.is_empty())?;
                let expected = date("expected", &expected()?)?;
                let prefilled = raw.prefilled.as_deref().map(|text| date("prefilled", text)).transpose()?;
                FieldInput::Date { expected, prefilled }
            }
            "choice" => {
                let position = |key: &'static str, option: &str| {
                    raw.options
                        .iter()
                        .position(|o| o == option)
                        .ok_or_else(|| problem(key, format!("{option:?} is not one of its options")))
                };
                if raw.options.len() < 2 {
                    return Err(problem("options", "a choice needs two options or more".to_owned()));
                }
                let expected = position("expected", &expected()?)?;
                let prefilled = raw.prefilled.as_deref().map(|o| position("prefilled", o)).transpose()?;
                FieldInput::Choice { options: raw.options.clone(), expected, prefilled }
            }
            "checkbox" => {
                no("options", !raw.options.is_empty())?;
                no("prefilled", raw.prefilled.is_some())?;
                let ticked = match raw.expected.as_deref() {
                    None | Some("ticked") => true,
                    Some("unticked") => false,
                    Some(other) => {
                        return Err(problem(
                            "expected",
                            format!("expected {other:?}: a checkbox is \"ticked\" or \"unticked\""),
                        ));
                    }
                };
                FieldInput::Checkbox { ticked }
            }
            "file" => {
                no("options", !raw.options.is_empty())?;
                no("prefilled", raw.prefilled.is_some())?;
                FieldInput::File { expected: expected()? }
            }
            other => {
                return Err(problem(
                    "kind",
                    format!("unknown kind {other:?}; kinds: text, date, choice, checkbox, file"),
                ));
            }
        };
        Ok(Self { id: raw.id, label: raw.label, error: raw.error, input })
    }
}

/// A form on a page: its fields, the button that sends it, the page it opens when every field
/// holds the value asked. Otherwise each field not right shows its error message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebForm {
    /// Id, unique in the site (the goal `submitted` names it).
    pub id: String,
    /// i18n key of the send button's words.
    pub send: String,
    /// Id of the page a valid form opens.
    pub to: String,
    /// The fields, in order.
    pub fields: Vec<FormField>,
}

/// A form as written in the site file; its fields are checked one by one, at their lines.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct RawForm {
    id: String,
    send: String,
    to: String,
    field: Vec<toml::Spanned<RawField>>,
}

impl WebForm {
    /// The fields whose value is not the one asked (missing values are the initial ones).
    pub fn wrong_fields(&self, value_of: impl Fn(&FormField) -> FieldValue) -> Vec<&FormField> {
        self.fields.iter().filter(|f| !f.accepts(&value_of(f))).collect()
    }
}

/// One page of a simulated site.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct WebPage {
    /// Id, unique in the site.
    pub id: String,
    /// What the address bar shows (Latin, typeable on the kiosk's keyboard); empty for a new tab.
    #[serde(default)]
    pub address: String,
    /// i18n key of the page's title (also the tab's).
    pub title: String,
    /// i18n key of the page's text.
    pub text: String,
    /// Links, in order.
    #[serde(default)]
    pub links: Vec<WebLink>,
    /// A search engine's page: a search box, and these results once a search is made.
    #[serde(default)]
    pub results: Vec<SearchResult>,
    /// A login form on the page.
    #[serde(default)]
    pub login: Option<LoginForm>,
    /// Documents offered for download.
    #[serde(default)]
    pub downloads: Vec<Download>,
    /// A form on the page.
    #[serde(skip)]
    pub form: Option<WebForm>,
    /// The form as written, turned into `form` once its fields are checked.
    #[serde(default, rename = "form")]
    written_form: Option<RawForm>,
}

impl WebPage {
    /// True for a search engine's page.
    pub fn is_search(&self) -> bool {
        !self.results.is_empty()
    }
}

/// A simulated site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// Id, referred to by tasks.
    pub id: String,
    /// Pages.
    pub pages: Vec<WebPage>,
    /// The file it came from.
    pub shown_path: String,
}

impl Site {
    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&WebPage> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// The page an address typed by the visitor leads to: case, `https://`, `www.` and a final
    /// `/` do not matter, as in a real browser.
    /// A page behind a login form is not reached by its address, as on a real site.
    pub fn page_at(&self, typed: &str) -> Option<&WebPage> {
        let wanted = normalise_address(typed);
        let behind_login = |id: &str| self.pages.iter().filter_map(|p| p.login.as_ref()).any(|l| l.to == id);
        self.pages.iter().find(|p| {
            !p.address.is_empty() && normalise_address(&p.address) == wanted && !behind_login(&p.id)
        })
    }

    /// The page offering a download of `file`.
    pub fn page_offering(&self, file: &str) -> Option<&WebPage> {
        self.pages.iter().find(|p| p.downloads.iter().any(|d| d.file == file))
    }

    /// The page holding the form `id`.
    pub fn page_with_form(&self, id: &str) -> Option<&WebPage> {
        self.pages.iter().find(|p| p.form.as_ref().is_some_and(|f| f.id == id))
    }

    /// Every i18n key the site uses.
    pub fn keys(&self) -> Vec<&str> {
        self.pages
            .iter()
            .flat_map(|p| {
                let form = p.form.iter().flat_map(|f| {
                    std::iter::once(f.send.as_str()).chain(f.fields.iter().flat_map(|field| {
                        let options: &[String] = match &field.input {
                            FieldInput::Choice { options, .. } => options,
                            _ => &[],
                        };
                        [field.label.as_str(), field.error.as_str()]
                            .into_iter()
                            .chain(options.iter().map(String::as_str))
                    }))
                });
                [p.title.as_str(), p.text.as_str()]
                    .into_iter()
                    .chain(p.links.iter().map(|l| l.label.as_str()))
                    .chain(p.results.iter().map(|r| r.title.as_str()))
                    .chain(p.downloads.iter().map(|d| d.label.as_str()))
                    .chain(form)
            })
            .collect()
    }
}

/// An address as a browser would compare it.
pub fn normalise_address(address: &str) -> String {
    let lower = address.trim().to_lowercase();
    let bare = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).unwrap_or(&lower);
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    bare.trim_end_matches('/').to_owned()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    id: String,
    page: Vec<toml::Spanned<WebPage>>,
}

/// A form with its fields checked, each problem at the line of the key at fault.
fn check_form(path: &str, text: &str, written: RawForm, problems: &mut Vec<Problem>) -> WebForm {
    let mut fields = Vec::new();
    for spanned in written.field {
        let span = spanned.span();
        match FormField::try_from(spanned.into_inner()) {
            Ok(field) => fields.push(field),
            Err(FieldProblem { key, message }) => {
                // The field's span may cover its header only: read its lines up to the next
                // table header.
                let table = text.get(span.start..).unwrap_or_default();
                let offset = table
                    .lines()
                    .scan(0, |start, line| {
                        let here = *start;
                        *start += line.len() + 1;
                        Some((here, line))
                    })
                    .take_while(|(here, line)| *here == 0 || !line.trim_start().starts_with('['))
                    .find(|(_, line)| {
                        let line = line.trim_start();
                        line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
                    })
                    .map_or(0, |(here, _)| here);
                problems.push(Problem::at(path, Some(line_of(text, span.start + offset)), message));
            }
        }
    }
    WebForm { id: written.id, send: written.send, to: written.to, fields }
}

/// What is wrong with a page's form and downloads, beyond each field alone.
fn form_problems(
    path: &str,
    line: Option<usize>,
    page: &WebPage,
    pages: &[toml::Spanned<WebPage>],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut at = |message: String| problems.push(Problem::at(path, line, message));
    for download in &page.downloads {
        if download.file.is_empty() || download.file.chars().any(|c| c.is_whitespace() || c == '/') {
            at(format!("download {:?}: a file name without spaces or /", download.file));
        }
        let offered = pages.iter().flat_map(|p| &p.get_ref().downloads).filter(|d| d.file == download.file);
        if offered.count() > 1 {
            at(format!("file {:?} is offered twice in the site", download.file));
        }
    }
    let Some(form) = &page.form else {
        return problems;
    };
    if page.login.is_some() {
        at(format!("page {:?} has both a login and a form: one per page", page.id));
    }
    if form.fields.is_empty() {
        at(format!("form {:?} has no field", form.id));
    }
    let same_id = pages.iter().filter_map(|p| p.get_ref().form.as_ref()).filter(|f| f.id == form.id);
    if same_id.count() > 1 {
        at(format!("form id {:?} is used twice", form.id));
    }
    for field in &form.fields {
        if form.fields.iter().filter(|f| f.id == field.id).count() > 1 {
            at(format!("form {:?}: field id {:?} is used twice", form.id, field.id));
        }
    }
    problems
}

/// Parses and checks one site file.
pub fn parse_site(path: &str, text: &str) -> Result<Site, Vec<Problem>> {
    let mut file: SiteFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let mut problems = Vec::new();
    for page in &mut file.page {
        let page = page.get_mut();
        page.form = page.written_form.take().map(|written| check_form(path, text, written, &mut problems));
    }
    let ids: Vec<&str> = file.page.iter().map(|p| p.get_ref().id.as_str()).collect();
    for spanned in &file.page {
        let page = spanned.get_ref();
        let line = Some(line_of(text, spanned.span().start));
        if ids.iter().filter(|id| **id == page.id).count() > 1 {
            problems.push(Problem::at(path, line, format!("page id {:?} is used twice", page.id)));
        }
        if let Some(c) = page.address.chars().find(|c| !crate::vocabulary::typeable(*c) || *c == ' ') {
            problems.push(Problem::at(
                path,
                line,
                format!("address {:?}: {c:?} cannot be typed", page.address),
            ));
        }
        let login = page.login.iter().map(|l| &l.to);
        let form = page.form.iter().map(|f| &f.to);
        let links = page.links.iter().map(|l| &l.to).chain(page.results.iter().map(|r| &r.to));
        for to in links.chain(login).chain(form) {
            if !ids.contains(&to.as_str()) {
                problems.push(Problem::at(path, line, format!("link to unknown page {to:?}")));
            }
        }
        problems.extend(form_problems(path, line, page, &file.page));
    }
    if problems.is_empty() {
        Ok(Site {
            id: file.id,
            pages: file.page.into_iter().map(toml::Spanned::into_inner).collect(),
            shown_path: path.to_owned(),
        })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_compare_as_in_a_browser() {
        assert_eq!(normalise_address("https://www.Mairie-Exemple.fr/"), "mairie-exemple.fr");
        assert_eq!(normalise_address(" mairie-exemple.fr"), "mairie-exemple.fr");
    }

    #[test]
    fn a_link_to_nowhere_is_located() {
        let text = "id = \"s\"\n\n[[page]]\nid = \"a\"\ntitle = \"t\"\ntext = \"x\"\nlinks = [{ label = \"l\", to = \"b\" }]\n";
        let problems = parse_site("s.toml", text).unwrap_err();
        assert_eq!(problems[0].line, Some(3), "{}", problems[0]);
    }

    const FORM_SITE: &str = r#"id = "s"

[[page]]
id = "home"
title = "t"
text = "x"
downloads = [{ label = "d.paid", file = "paid.pdf" }, { label = "d.other", file = "other.pdf" }]

[[page]]
id = "step"
title = "t"
text = "x"

[page.form]
id = "step"
send = "f.send"
to = "home"

[[page.form.field]]
id = "born"
kind = "date"
label = "f.born"
expected = "1985-03-14"
error = "f.born_error.say"

[[page.form.field]]
id = "situation"
kind = "choice"
label = "f.situation"
options = ["f.working", "f.looking"]
expected = "f.looking"
error = "f.situation_error.say"

[[page.form.field]]
id = "phone"
kind = "text"
label = "f.phone"
expected = "06 12 34 56 78"
prefilled = "06 12"
error = "f.phone_error.say"

[[page.form.field]]
id = "true"
kind = "checkbox"
label = "f.true"
error = "f.true_error.say"

[[page.form.field]]
id = "proof"
kind = "file"
label = "f.proof"
expected = "invoice"
error = "f.proof_error.say"
"#;

    fn form_site() -> Site {
        parse_site("s.toml", FORM_SITE).unwrap()
    }

    #[test]
    fn forms_and_downloads_load() {
        let site = form_site();
        assert_eq!(site.page_offering("paid.pdf").map(|p| p.id.as_str()), Some("home"));
        assert_eq!(site.page_with_form("step").map(|p| p.id.as_str()), Some("step"));
        let form = site.page("step").unwrap().form.as_ref().unwrap();
        let kinds: Vec<&FieldInput> = form.fields.iter().map(|f| &f.input).collect();
        assert!(matches!(kinds[0], FieldInput::Date { prefilled: None, .. }), "{kinds:?}");
        assert!(matches!(kinds[1], FieldInput::Choice { expected: 1, .. }), "{kinds:?}");
        assert!(matches!(kinds[3], FieldInput::Checkbox { ticked: true }), "ticked by default");
        for key in ["d.paid", "f.send", "f.born", "f.looking", "f.proof_error.say"] {
            assert!(site.keys().contains(&key), "{key} is checked with the locales");
        }
        assert_eq!(form.fields[0].shown_expected().as_deref(), Some("14/03/1985"));
    }

    #[test]
    fn a_field_accepts_only_the_value_asked() {
        let site = form_site();
        let form = site.page("step").unwrap().form.as_ref().unwrap();
        let [date, choice, text, checkbox, file] = &form.fields[..] else { panic!("five fields") };
        let day = |d: &str, m: &str, y: &str| FieldValue::Date([d.into(), m.into(), y.into()]);
        assert!(date.accepts(&day("14", "03", "1985")) && date.accepts(&day("14", "3", "1985")));
        assert!(!date.accepts(&day("14", "03", "85")), "a year of four digits");
        assert!(!date.accepts(&day("03", "14", "1985")) && !date.accepts(&date.initial()));
        assert!(
            choice.accepts(&FieldValue::Choice(Some(1))) && !choice.accepts(&FieldValue::Choice(Some(0)))
        );
        assert!(text.accepts(&FieldValue::Text("0612345678".into())), "spaces do not matter");
        assert!(!text.accepts(&text.initial()), "the prefilled number is short");
        assert!(checkbox.accepts(&FieldValue::Ticked(true)) && !checkbox.accepts(&checkbox.initial()));
        assert!(file.accepts(&FieldValue::File(Some("invoice".into()))));
        assert!(!file.accepts(&FieldValue::File(Some("photo".into()))));
        assert!(!text.accepts(&FieldValue::Ticked(true)), "a value of another kind");
        assert_eq!(form.wrong_fields(FormField::initial).len(), 5, "nothing is right at the start");
    }

    #[test]
    fn a_bad_field_is_located_at_its_line() {
        let cases = [
            ("expected = \"f.looking\"", "expected = \"f.sleeping\"", 31, "not one of its options"),
            ("expected = \"1985-03-14\"", "expected = \"14/03/1985\"", 23, "not a date written YYYY-MM-DD"),
            ("error = \"f.phone_error.say\"", "error = \"f.phone_error\"", 40, "must be a spoken key"),
            ("kind = \"checkbox\"", "kind = \"slider\"", 44, "unknown kind \"slider\""),
            ("prefilled = \"06 12\"", "prefilled = \"06 12 #\"", 39, "cannot be typed"),
        ];
        for (from, to, line, message) in cases {
            assert!(FORM_SITE.contains(from), "{from}");
            let problems = parse_site("s.toml", &FORM_SITE.replacen(from, to, 1)).unwrap_err();
            assert!(problems[0].message.contains(message), "{to}: {}", problems[0]);
            assert_eq!(problems[0].line, Some(line), "{to}: {}", problems[0]);
        }
    }

    #[test]
    fn a_form_to_nowhere_or_a_field_twice_is_located() {
        let text = FORM_SITE.replacen("to = \"home\"", "to = \"done\"", 1);
        let problems = parse_site("s.toml", &text).unwrap_err();
        assert_eq!(problems[0].to_string(), "s.toml:9: link to unknown page \"done\"");
        let text = FORM_SITE.replacen("id = \"phone\"", "id = \"born\"", 1);
        let problems = parse_site("s.toml", &text).unwrap_err();
        assert!(problems[0].message.contains("field id \"born\" is used twice"), "{}", problems[0]);
        let text = FORM_SITE.replacen("other.pdf", "paid.pdf", 1);
        let problems = parse_site("s.toml", &text).unwrap_err();
        assert!(problems[0].message.contains("offered twice"), "{}", problems[0]);
    }

    #[test]
    fn the_caf_example_of_the_content_guide_loads() {
        let guide = include_str!("../../../../scenarios/README.md");
        let example = guide.split("A local CAF procedure").nth(1).unwrap();
        let toml = example.split("```toml\n").nth(1).unwrap().split("```").next().unwrap();
        let site = parse_site("caf.toml", toml).unwrap_or_else(|p| panic!("{p:?}"));
        let form = site.page_with_form("declare").unwrap().form.as_ref().unwrap();
        assert_eq!(form.fields.len(), 4);
        assert!(site.page_offering("attestation-de-paiement.pdf").is_some());
    }
}
