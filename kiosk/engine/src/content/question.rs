//! A declarative question (`scenarios/questions/*.toml`).

use serde::Deserialize;

use crate::problem::{Problem, line_of, toml_problem};
use crate::vocabulary::{AnswerShape, known_question};

/// One answer a visitor can tap.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AnswerChoice {
    /// The value put in the profile (CONTRACTS.md).
    pub id: String,
    /// i18n key of the answer's words.
    pub label: String,
    /// A pictogram drawn beside the words: the name of one the kiosk draws (`tablet`, see
    /// [`crate::content::pictogram::PICTOGRAMS`]) or one emoji of the bundled symbol font.
    #[serde(default)]
    pub picture: Option<String>,
}

/// Ask this question only when an earlier answer is one of these.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AskIf {
    /// The earlier question.
    pub question: String,
    /// Its answers that make this question worth asking.
    pub is: Vec<String>,
}

/// A declarative question, loaded and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Id, as in the profile (`devices`).
    pub id: String,
    /// How it is answered.
    pub shape: AnswerShape,
    /// i18n key of the spoken question (also its caption).
    pub say: String,
    /// i18n key of the question as the screen's heading: the question itself, without the
    /// spoken extras ("you can choose several").
    pub title: String,
    /// The line of `title` in its file, to locate a missing key.
    pub title_line: usize,
    /// The answers (empty for yes/no and postcode).
    pub answers: Vec<AnswerChoice>,
    /// Condition on an earlier answer.
    pub ask_if: Option<AskIf>,
    /// The file it came from.
    pub shown_path: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: toml::Spanned<String>,
    say: String,
    title: toml::Spanned<String>,
    #[serde(default)]
    answer: Vec<toml::Spanned<AnswerChoice>>,
    #[serde(default)]
    ask_if: Option<toml::Spanned<AskIf>>,
}

/// Parses and checks one question file (keys are checked later against the locales).
pub fn parse_question(path: &str, text: &str) -> Result<Question, Vec<Problem>> {
    let file: QuestionFile = toml::from_str(text).map_err(|err| vec![toml_problem(path, text, &err)])?;
    let mut problems = Vec::new();
    let id_line = Some(line_of(text, file.id.span().start));
    let id = file.id.into_inner();
    let Some(known) = known_question(&id) else {
        let names: Vec<&str> = crate::vocabulary::KNOWN_QUESTIONS.iter().map(|q| q.id).collect();
        return Err(vec![Problem::at(
            path,
            id_line,
            format!("unknown question {id:?}; known questions: {}", names.join(", ")),
        )]);
    };
    match known.shape {
        AnswerShape::YesNo | AnswerShape::Postcode => {
            if let Some(first) = file.answer.first() {
                problems.push(Problem::at(
                    path,
                    Some(line_of(text, first.span().start)),
                    format!("question {id:?} takes no [[answer]] list: its answers are fixed"),
                ));
            }
        }
        AnswerShape::One | AnswerShape::Many => {
            if file.answer.len() < 2 {
                problems.push(Problem::at(path, id_line, "a question needs at least two answers"));
            }
            let mut seen = Vec::new();
            for answer in &file.answer {
                let line = Some(line_of(text, answer.span().start));
                let answer_id = &answer.get_ref().id;
                if !known.open && !known.answers.contains(&answer_id.as_str()) {
                    problems.push(Problem::at(
                        path,
                        line,
                        format!(
                            "answer {answer_id:?} is not a value of {id:?}; allowed: {}",
                            known.answers.join(", ")
                        ),
                    ));
                }
                if seen.contains(answer_id) {
                    problems.push(Problem::at(path, line, format!("answer {answer_id:?} is listed twice")));
                }
                seen.push(answer_id.clone());
                if let Some(problem) =
                    answer.get_ref().picture.as_deref().and_then(crate::content::pictogram::picture_problem)
                {
                    // The line of `picture =` in the answer's table (its span is only its
                    // header), else the answer's own line.
                    let start = answer.span().end;
                    let table = text.get(start..).map(|rest| rest.split("\n[").next().unwrap_or(rest));
                    let picture_at = table.and_then(|t| t.find("picture")).map(|i| start + i);
                    problems.push(Problem::at(path, picture_at.map(|i| line_of(text, i)).or(line), problem));
                }
            }
        }
    }
    let ask_if = file.ask_if.map(|spanned| {
        let line = Some(line_of(text, spanned.span().start));
        let ask_if = spanned.into_inner();
        if known_question(&ask_if.question).is_none() {
            problems.push(Problem::at(
                path,
                line,
                format!("ask_if names an unknown question {:?}", ask_if.question),
            ));
        }
        ask_if
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Question {
        id,
        shape: known.shape,
        say: file.say,
        title_line: line_of(text, file.title.span().start),
        title: file.title.into_inner(),
        answers: file.answer.into_iter().map(toml::Spanned::into_inner).collect(),
        ask_if,
        shown_path: path.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_answer_is_located() {
        let text = "id = \"email\"\nsay = \"q.say\"\ntitle = \"q.title\"\n[[answer]]\nid = \"uses\"\nlabel = \"a\"\n\n[[answer]]\nid = \"sometimes\"\nlabel = \"b\"\n";
        let problems = parse_question("q.toml", text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(8), "{}", problems[0]);
    }

    #[test]
    fn an_unknown_pictogram_name_is_located() {
        let text = "id = \"email\"\nsay = \"q.say\"\ntitle = \"q.title\"\n[[answer]]\nid = \"uses\"\nlabel = \"a\"\npicture = \"tablet\"\n\n[[answer]]\nid = \"none\"\nlabel = \"b\"\npicture = \"tablette\"\n";
        let problems = parse_question("q.toml", text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(12), "the line of the picture: {}", problems[0]);
        assert!(problems[0].to_string().contains("tablette"), "{}", problems[0]);
        let emoji = text.replace("\"tablette\"", "\"✖\"");
        assert!(parse_question("q.toml", &emoji).is_ok(), "an emoji is still a picture");
    }

    #[test]
    fn an_unknown_question_is_refused() {
        let problems = parse_question("q.toml", "id = \"age\"\nsay = \"x\"\ntitle = \"t\"\n").unwrap_err();
        assert_eq!(problems[0].line, Some(1), "{}", problems[0]);
    }

    #[test]
    fn a_question_needs_its_heading() {
        let problems = parse_question("q.toml", "id = \"internet_at_home\"\nsay = \"x\"\n").unwrap_err();
        assert!(problems[0].to_string().contains("title"), "{}", problems[0]);
        let question =
            parse_question("q.toml", "id = \"internet_at_home\"\nsay = \"x\"\ntitle = \"t\"\n").unwrap();
        assert_eq!((question.title.as_str(), question.title_line), ("t", 3));
    }
}
