//! A problem found in the deployer's files, located by path and line.

use std::fmt;

/// One thing wrong with the configuration or the content, shown to the deployer as
/// `PATH:LINE: message` (the line is omitted for whole-file problems).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file as the deployer knows it: a path on disk, or the built-in content's path.
    pub path: String,

    /// 1-based line, when the problem sits on one line.
    pub line: Option<usize>,

    /// What is wrong, in one sentence.
    pub message: String,
}

impl Problem {
    /// A problem on a given line of a file.
    pub fn at(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Self { path: path.into(), line, message: message.into() }
    }

    /// A problem with a whole file.
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::at(path, None, message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.get(..end).map_or(0, |before| before.matches('\n').count()) + 1
}

/// Turns a TOML parse error into a located problem.
pub fn toml_problem(path: &str, text: &str, err: &toml::de::Error) -> Problem {
    let line = err.span().map(|span| line_of(text, span.start));
    Problem::at(path, line, err.message().trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_one() {
        let text = "a = 1\nb = 2\nc = 3\n";
        assert_eq!(line_of(text, 0), 1, "first byte");
        assert_eq!(line_of(text, 6), 2, "start of the second line");
        assert_eq!(line_of(text, 999), 4, "past the end");
    }

    #[test]
    fn display_with_and_without_line() {
        assert_eq!(Problem::at("a.toml", Some(3), "bad").to_string(), "a.toml:3: bad");
        assert_eq!(Problem::file("a.toml", "bad").to_string(), "a.toml: bad");
    }
}
