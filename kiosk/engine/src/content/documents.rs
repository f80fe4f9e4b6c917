//! The visitor's simulated documents (`scenarios/documents.toml`): the files a task lets them
//! choose (to attach to an e-mail, to send on a procedure site) and the documents they receive
//! (an e-mail's attachment). Nothing here is the visitor's own: every document is invented.

use serde::Deserialize;

use crate::problem::{Problem, line_of, toml_problem};

/// One simulated document.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Id, unique in the file, referred to by mailboxes and tasks.
    pub id: String,
    /// The file's name as a computer shows it (`attestation.pdf`): Latin, no spaces.
    pub name: String,
    /// i18n key of what the document is ("Proof of address"), shown beside its name.
    pub label: String,
    /// One emoji of the bundled symbol font.
    pub picture: String,
    /// i18n key of what the document says, shown when it is opened.
    #[serde(default)]
    pub text: Option<String>,
    /// In the visitor's documents folder (offered by the document picker); `false` for a
    /// document only received, as an e-mail's attachment.
    #[serde(default = "in_folder_by_default")]
    pub in_folder: bool,
}

fn in_folder_by_default() -> bool {
    true
}

impl Document {
    /// The file's extension, lower case (`pdf`, `jpg`), or "" when it has none.
    pub fn extension(&self) -> String {
        self.name.rsplit_once('.').map(|(_, ext)| ext.to_lowercase()).unwrap_or_default()
    }
}

/// Every simulated document, in the order the folder shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Documents {
    /// The documents.
    pub documents: Vec<Document>,
    /// The file they came from.
    pub shown_path: String,
}

impl Documents {
    /// The document with this id.
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The visitor's documents folder, in order (what the document picker offers).
    pub fn folder(&self) -> Vec<&Document> {
        self.documents.iter().filter(|d| d.in_folder).collect()
    }

    /// Every i18n key the documents use.
    pub fn keys(&self) -> Vec<&str> {
        self.documents
            .iter()
            .flat_map(|d| std::iter::once(d.label.as_str()).chain(d.text.as_deref()))
            .collect()
    }

    /// Every pictogram the documents draw.
    pub fn pictures(&self) -> Vec<&str> {
        self.documents.iter().map(|d| d.picture.as_str()).collect()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentsFile {
    document: Vec<toml::Spanned<Document>>,
}

/// Parses and checks the documents file.
pub fn parse_documents(path: &str, text: &str) -> Result<Documents, Vec<Problem>> {
    let file: DocumentsFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let mut problems = Vec::new();
    let ids: Vec<&str> = file.document.iter().map(|d| d.get_ref().id.as_str()).collect();
    for spanned in &file.document {
        let document = spanned.get_ref();
        let line = Some(line_of(text, spanned.span().start));
        if ids.iter().filter(|id| **id == document.id).count() > 1 {
            problems.push(Problem::at(path, line, format!("document id {:?} is used twice", document.id)));
        }
        let bad = document.name.chars().find(|c| !crate::vocabulary::typeable(*c) || *c == ' ');
        if let Some(c) = bad {
            problems.push(Problem::at(
                path,
                line,
                format!("name {:?}: {c:?} is not a letter of a file name (Latin, no spaces)", document.name),
            ));
        }
        if document.extension().is_empty() {
            problems.push(Problem::at(
                path,
                line,
                format!("name {:?} needs an extension (.pdf, .jpg) as a computer shows it", document.name),
            ));
        }
        if document.picture.trim().is_empty() {
            problems.push(Problem::at(path, line, "picture is empty: give one emoji"));
        }
    }
    if !file.document.iter().any(|d| d.get_ref().in_folder) {
        problems.push(Problem::file(path, "the documents folder is empty: give one document with in_folder"));
    }
    if problems.is_empty() {
        Ok(Documents {
            documents: file.document.into_iter().map(toml::Spanned::into_inner).collect(),
            shown_path: path.to_owned(),
        })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[[document]]\nid = \"a\"\nname = \"attestation.pdf\"\nlabel = \"document.a\"\npicture = \"📄\"\n\n[[document]]\nid = \"r\"\nname = \"rdv.pdf\"\nlabel = \"document.r\"\npicture = \"📅\"\ntext = \"document.r.text\"\nin_folder = false\n";

    #[test]
    fn a_good_file_loads_with_its_folder() {
        let documents = parse_documents("d.toml", GOOD).unwrap();
        let folder: Vec<&str> = documents.folder().iter().map(|d| d.id.as_str()).collect();
        assert_eq!(folder, ["a"], "a received document is not in the folder");
        assert_eq!(documents.get("r").unwrap().extension(), "pdf");
        assert_eq!(documents.keys(), ["document.a", "document.r", "document.r.text"]);
    }

    #[test]
    fn a_name_with_a_space_is_located() {
        let text = GOOD.replace("rdv.pdf", "mon rdv.pdf");
        let problems = parse_documents("d.toml", &text).unwrap_err();
        assert_eq!(problems[0].line, Some(7), "{}", problems[0]);
        assert!(problems[0].message.contains("no spaces"), "{}", problems[0]);
    }

    #[test]
    fn a_twice_used_id_and_a_name_without_extension_are_located() {
        let text = GOOD.replace("id = \"r\"", "id = \"a\"").replace("rdv.pdf", "rdv");
        let problems = parse_documents("d.toml", &text).unwrap_err();
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(1), Some(7), Some(7)], "{problems:?}");
    }

    #[test]
    fn an_unknown_field_is_located() {
        let text = GOOD.replace("picture = \"📅\"", "pictogram = \"📅\"");
        let problems = parse_documents("d.toml", &text).unwrap_err();
        assert_eq!(problems[0].line, Some(11), "{}", problems[0]);
    }
}
