//! The facilitator's group lists on paper or in a PDF file: the same typst machinery as the
//! slip, with its own template.

use serde::Serialize;

/// The group lists, already in words (the facilitator's language).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupLists {
    /// "Groups of the room 482913".
    pub title: String,
    /// The site and the date.
    pub subtitle: String,
    /// The table's column names (five: name, level, language, domains, time).
    pub columns: [String; 5],
    /// The groups in order.
    pub groups: Vec<GroupList>,
}

/// One group's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupList {
    /// "Group 1".
    pub title: String,
    /// One row of five cells per learner.
    pub rows: Vec<[String; 5]>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SlipTypesetter;

    #[test]
    fn group_lists_make_an_a4_pdf_with_every_name() {
        let row = |name: &str, level: &str| {
            [
                name.to_owned(),
                level.to_owned(),
                "العربية".to_owned(),
                "••½◌◌◌".to_owned(),
                "12 min".to_owned(),
            ]
        };
        let lists = GroupLists {
            title: "Groupes de la salle 482913".to_owned(),
            subtitle: "Médiathèque — 23/11/2026".to_owned(),
            columns: ["Nom", "Niveau", "Langue", "Domaines", "Temps"].map(str::to_owned),
            groups: vec![
                GroupList {
                    title: "Groupe 1".to_owned(), rows: vec![row("Amina", "1"), row("أحمد", "1")]
                },
                GroupList { title: "Groupe 2".to_owned(), rows: vec![row("Zoé", "3")] },
            ],
        };
        let pdf = SlipTypesetter::new(&crate::fonts::ALL).group_lists_pdf(&lists).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "a PDF");
        let dir = std::env::temp_dir().join(format!("repere-groups-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("groups.pdf");
        std::fs::write(&file, &pdf).unwrap();
        let text = std::process::Command::new("pdftotext").arg(&file).arg("-").output();
        std::fs::remove_dir_all(&dir).ok();
        // poppler-utils is in the test setup; without it the PDF header is all we check.
        if let Ok(output) = text {
            let text = String::from_utf8_lossy(&output.stdout);
            for word in ["Groupes de la salle 482913", "Groupe 1", "Groupe 2", "Amina", "Zoé", "Domaines"] {
                assert!(text.contains(word), "{word} in {text}");
            }
        }
    }
}
