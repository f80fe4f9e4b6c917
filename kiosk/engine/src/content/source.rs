//! Where content files come from: the built-in copy, with a deployer's folder over it.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_content.rs"));
}

/// One content file, after layering.
#[derive(Clone, Debug)]
pub struct ContentFile {
    /// Path relative to the content root, with `/` separators (`scenarios/flow.toml`).
    pub rel_path: String,

    /// Path to show the deployer in messages: on disk for a folder's file, else the
    /// repository path of the built-in file.
    pub shown_path: String,

    /// The file's bytes: borrowed from the binary for a built-in file (tens of megabytes of
    /// prompts are never copied), owned for a file read from a folder.
    pub bytes: Cow<'static, [u8]>,

    /// True when the file comes from the deployer's folder rather than the built-in content.
    pub from_folder: bool,
}

impl ContentFile {
    /// The file as UTF-8 text, or a message saying why not.
    pub fn text(&self) -> Result<&str, String> {
        std::str::from_utf8(&self.bytes).map_err(|err| format!("not UTF-8 text: {err}"))
    }
}

/// The layered set of content files: built-in files, replaced path by path by those of an
/// optional deployer folder (which may also add files).
#[derive(Clone, Debug, Default)]
pub struct ContentSource {
    files: BTreeMap<String, ContentFile>,
    /// Locales of the folder are layered key by key over the built-in ones.
    over_builtin: bool,
}

impl ContentSource {
    /// The built-in content only.
    pub fn builtin() -> Self {
        let files = builtin::FILES
            .iter()
            .map(|(rel, bytes)| {
                let file = ContentFile {
                    rel_path: (*rel).to_owned(),
                    shown_path: (*rel).to_owned(),
                    bytes: Cow::Borrowed(*bytes),
                    from_folder: false,
                };
                ((*rel).to_owned(), file)
            })
            .collect();
        Self { files, over_builtin: true }
    }

    /// The built-in content with `folder`'s `scenarios/`, `locales/` and `sounds/` over it.
    pub fn layered(folder: Option<&Path>) -> std::io::Result<Self> {
        let mut source = Self::builtin();
        if let Some(folder) = folder {
            if !folder.is_dir() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("content folder {} not found", folder.display()),
                ));
            }
            for dir in ["scenarios", "locales", "sounds"] {
                source.add_folder(folder, &folder.join(dir))?;
            }
        }
        Ok(source)
    }

    /// Only the files of one folder, without the built-in content (used by tests and by
    /// `kiosk check` on a copy of the content).
    pub fn folder_only(folder: &Path) -> std::io::Result<Self> {
        let mut source = Self { files: BTreeMap::new(), over_builtin: false };
        for dir in ["scenarios", "locales", "sounds"] {
            source.add_folder(folder, &folder.join(dir))?;
        }
        Ok(source)
    }

    fn add_folder(&mut self, root: &Path, dir: &Path) -> std::io::Result<()> {
        if !dir.is_dir() {
            return Ok(());
        }
        let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir)? {
                let path = entry?.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let Ok(rel) = path.strip_prefix(root) else {
                    continue;
                };
                let rel = rel.to_string_lossy().replace('\\', "/");
                let bytes = std::fs::read(&path)?;
                let file = ContentFile {
                    rel_path: rel.clone(),
                    shown_path: path.display().to_string(),
                    bytes: Cow::Owned(bytes),
                    from_folder: true,
                };
                self.files.insert(rel, file);
            }
        }
        Ok(())
    }

    /// Replaces or adds one file (tests use this to break a copy of the content).
    pub fn put(&mut self, rel_path: &str, text: &str) {
        let file = ContentFile {
            rel_path: rel_path.to_owned(),
            shown_path: rel_path.to_owned(),
            bytes: Cow::Owned(text.as_bytes().to_vec()),
            from_folder: true,
        };
        self.files.insert(rel_path.to_owned(), file);
    }

    /// Removes one file (tests use this to lose a sound or a locale).
    pub fn remove(&mut self, rel_path: &str) {
        self.files.remove(rel_path);
    }

    /// One file by its relative path.
    pub fn get(&self, rel_path: &str) -> Option<&ContentFile> {
        self.files.get(rel_path)
    }

    /// The built-in copy of a file under a deployer's copy (locales are layered key by key,
    /// so both copies are read); `None` for a folder checked on its own.
    pub fn builtin_under(&self, rel_path: &str) -> Option<ContentFile> {
        if !self.over_builtin || !self.files.get(rel_path).is_some_and(|f| f.from_folder) {
            return None;
        }
        builtin::FILES.iter().find(|(rel, _)| *rel == rel_path).map(|(rel, bytes)| ContentFile {
            rel_path: (*rel).to_owned(),
            shown_path: (*rel).to_owned(),
            bytes: Cow::Borrowed(*bytes),
            from_folder: false,
        })
    }

    /// The files under `dir` (e.g. `scenarios/tasks`), sorted by path.
    pub fn under<'a>(&'a self, dir: &'a str) -> impl Iterator<Item = &'a ContentFile> + 'a {
        let prefix = format!("{}/", dir.trim_end_matches('/'));
        self.files.values().filter(move |file| file.rel_path.starts_with(&prefix))
    }
}
