//! The client's health, as asked: each question answered yes or no (with a note), or not asked.
//!
//! A signed design sheet must never state what was not asked, so "not asked" is its own state:
//! a question is in [`HealthAnswers`] only once the client answered it. The questions are the
//! twelve contraindications asked at consultation (shared/domain.md) and what SMP clinics add
//! (keloid tendency, scalp conditions, pregnancy); a clinic can add its own
//! ([`validate_questions`]).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Contraindication;

/// A question, by id (lowercase, digits and `_`), with the words it is asked in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct HealthQuestion {
    pub id: String,
    pub label: String,
}

/// Yes or no.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    No,
    Yes,
}

/// An answer the client gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct HealthAnswer {
    pub answer: YesNo,
    /// What the client added (which medication, since when, the doctor's clearance).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The words the question was asked in, kept with the answer: a clinic's own question reads
    /// the same on any studio's sheet. Empty for the built-in questions of older files.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub question: String,
}

impl HealthAnswer {
    pub fn yes(note: impl Into<String>) -> Self {
        Self { answer: YesNo::Yes, note: note.into(), question: String::new() }
    }

    pub fn no() -> Self {
        Self { answer: YesNo::No, note: String::new(), question: String::new() }
    }
}

/// Every question to show for `answers`: the built-in ones, `extra` (a clinic's), and any
/// answered in the design that neither lists (asked by another clinic), with the words kept.
pub fn questions_for(extra: &[HealthQuestion], answers: &HealthAnswers) -> Vec<HealthQuestion> {
    let mut questions = built_in_questions();
    questions.extend(extra.iter().cloned());
    for (id, answer) in answers {
        if !questions.iter().any(|q| &q.id == id) {
            let label = if answer.question.trim().is_empty() { id.replace('_', " ") } else { answer.question.clone() };
            questions.push(HealthQuestion { id: id.clone(), label });
        }
    }
    questions
}

/// The answers given, by question id; a question not in it was not asked.
pub type HealthAnswers = BTreeMap<String, HealthAnswer>;

/// The questions every studio asks: the contraindications, then keloid tendency, scalp
/// conditions and pregnancy, which SMP clinics ask too.
pub fn built_in_questions() -> Vec<HealthQuestion> {
    let question = |id: &str, label: &str| HealthQuestion { id: id.to_owned(), label: label.to_owned() };
    Contraindication::ALL
        .iter()
        .map(|c| question(c.key(), c.label()))
        .chain([
            question("keloid_tendency", "Tendency to keloid or raised scars"),
            question("scalp_condition", "Scalp condition (psoriasis, eczema, dermatitis, infection)"),
            question("pregnant_or_breastfeeding", "Pregnant or breastfeeding"),
        ])
        .collect()
}

/// The answers in `answers` that say yes, with their questions' words, in `questions`' order.
pub fn yes_answers<'a>(questions: &'a [HealthQuestion], answers: &'a HealthAnswers) -> Vec<(&'a str, &'a str)> {
    questions
        .iter()
        .filter_map(|q| {
            answers.get(&q.id).filter(|a| a.answer == YesNo::Yes).map(|a| (q.label.as_str(), a.note.as_str()))
        })
        .collect()
}

/// The questions of `questions` that `answers` leaves unasked.
pub fn unasked<'a>(questions: &'a [HealthQuestion], answers: &HealthAnswers) -> Vec<&'a HealthQuestion> {
    questions.iter().filter(|q| !answers.contains_key(&q.id)).collect()
}

/// The most questions a clinic may add, and the longest id and wording.
pub const MAX_CLINIC_QUESTIONS: usize = 100;
pub const MAX_QUESTION_ID_CHARS: usize = 64;
pub const MAX_QUESTION_LABEL_CHARS: usize = 300;

/// What is wrong with a list of questions, in words for the clinic that wrote it.
pub fn validate_questions(questions: &[HealthQuestion]) -> Result<(), String> {
    if questions.len() > MAX_CLINIC_QUESTIONS {
        return Err(format!("it has {} questions; at most {MAX_CLINIC_QUESTIONS}", questions.len()));
    }
    let built_in: Vec<String> = built_in_questions().into_iter().map(|q| q.id).collect();
    let mut seen = std::collections::HashSet::new();
    for question in questions {
        let id = &question.id;
        let fine = !id.is_empty()
            && id.len() <= MAX_QUESTION_ID_CHARS
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !fine {
            return Err(format!(
                "the id {:?} must be 1 to {MAX_QUESTION_ID_CHARS} lowercase letters, digits or _",
                id.chars().take(80).collect::<String>()
            ));
        }
        if built_in.contains(id) || !seen.insert(id.as_str()) {
            return Err(format!("the id \"{id}\" is used twice (or by a built-in question)"));
        }
        let chars = question.label.chars().count();
        if question.label.trim().is_empty() || chars > MAX_QUESTION_LABEL_CHARS {
            return Err(format!("the question \"{id}\" needs wording of 1 to {MAX_QUESTION_LABEL_CHARS} characters"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unasked_questions_are_told_apart_from_no() {
        let questions = built_in_questions();
        assert_eq!(questions.len(), 15);
        let mut answers = HealthAnswers::new();
        answers.insert("diabetes".into(), HealthAnswer::yes("type 2, controlled"));
        answers.insert("epilepsy".into(), HealthAnswer::no());
        assert_eq!(yes_answers(&questions, &answers), vec![("Diabetes", "type 2, controlled")]);
        let unasked = unasked(&questions, &answers);
        assert_eq!(unasked.len(), 13);
        assert!(unasked.iter().all(|q| q.id != "epilepsy"), "no is an answer");
    }

    #[test]
    fn a_clinics_questions_are_checked() {
        let q = |id: &str, label: &str| HealthQuestion { id: id.into(), label: label.into() };
        assert_eq!(validate_questions(&[q("hair_dye_allergy", "Allergic to hair dye")]), Ok(()));
        assert!(validate_questions(&[q("a", "x"), q("a", "y")]).unwrap_err().contains("twice"));
        assert!(validate_questions(&[q("diabetes", "Diabetes?")]).unwrap_err().contains("built-in"));
        assert!(validate_questions(&[q("Bad Id", "x")]).is_err());
        assert!(validate_questions(&[q("long", &"x".repeat(1_000_000))]).is_err());
        let many: Vec<HealthQuestion> = (0..10_000).map(|i| q(&format!("q{i}"), "x")).collect();
        assert!(validate_questions(&many).unwrap_err().contains("10000 questions"));
    }
}
