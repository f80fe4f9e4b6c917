//! A simulated website (`scenarios/sites/*.toml`) for the browser tasks: pages with an
//! address, a title, a text and links. Nothing is fetched: the browser is drawn by the app.

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

    /// Every i18n key the site uses.
    pub fn keys(&self) -> Vec<&str> {
        self.pages
            .iter()
            .flat_map(|p| {
                [p.title.as_str(), p.text.as_str()]
                    .into_iter()
                    .chain(p.links.iter().map(|l| l.label.as_str()))
                    .chain(p.results.iter().map(|r| r.title.as_str()))
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

/// Parses and checks one site file.
pub fn parse_site(path: &str, text: &str) -> Result<Site, Vec<Problem>> {
    let file: SiteFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let mut problems = Vec::new();
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
        for to in page.links.iter().map(|l| &l.to).chain(page.results.iter().map(|r| &r.to)).chain(login) {
            if !ids.contains(&to.as_str()) {
                problems.push(Problem::at(path, line, format!("link to unknown page {to:?}")));
            }
        }
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
}
