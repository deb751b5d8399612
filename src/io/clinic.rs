//! A clinic's own words, without a rebuild, in the studio's config folder: health questions
//! added to the built-in ones (`questions.json`: `[{"id": "hair_dye_allergy", "label": "Allergic
//! to hair dye"}]`), and the sheet's aftercare and longevity paragraphs (`sheet-text.json`:
//! `{"aftercare": "...", "longevity": "..."}`, either left out for the studio's own). A file
//! that is not right is refused whole, with its name and what is wrong; the studio's own are
//! used meanwhile.

use std::path::{Path, PathBuf};

use crate::design::{HealthQuestion, validate_questions};
use crate::sheet::PlanText;

/// Far more than a hundred questions need.
const MAX_FILE_BYTES: u64 = 256 * 1024;

/// Why a clinic's questions were not used.
#[derive(Debug, thiserror::Error)]
pub enum ClinicQuestionsError {
    #[error("The clinic's questions in {path} were not read ({source}); only the built-in questions are asked.")]
    Read { path: PathBuf, source: std::io::Error },
    #[error(
        "The clinic's questions in {path} are not used: {problem}. Only the built-in questions are asked; correct the file and restart."
    )]
    Invalid { path: PathBuf, problem: String },
}

/// Why a clinic's sheet text was not used.
#[derive(Debug, thiserror::Error)]
pub enum PlanTextError {
    #[error("The clinic's sheet text in {path} was not read ({source}); the studio's own aftercare text is printed.")]
    Read { path: PathBuf, source: std::io::Error },
    #[error(
        "The clinic's sheet text in {path} is not used: {problem}. The studio's own aftercare text is printed; correct the file and restart."
    )]
    Invalid { path: PathBuf, problem: String },
}

/// A clinic file's bytes; `None` when there is none. `Err` holds an I/O error or a problem.
fn read_clinic_file(path: &Path) -> Result<Option<Vec<u8>>, Result<std::io::Error, String>> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Ok(e)),
    };
    if !metadata.is_file() {
        return Err(Err("it is not a regular file".to_owned()));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(Err(format!("it is {} KiB; a clinic file is at most 256 KiB", metadata.len() / 1024)));
    }
    std::fs::read(path).map(Some).map_err(Ok)
}

/// The questions in `path`; none when there is no such file.
pub fn load_clinic_questions(path: &Path) -> Result<Vec<HealthQuestion>, ClinicQuestionsError> {
    let invalid = |problem: String| ClinicQuestionsError::Invalid { path: path.to_owned(), problem };
    let bytes = match read_clinic_file(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(Vec::new()),
        Err(Ok(source)) => return Err(ClinicQuestionsError::Read { path: path.to_owned(), source }),
        Err(Err(problem)) => return Err(invalid(problem)),
    };
    let questions: Vec<HealthQuestion> =
        serde_json::from_slice(&bytes).map_err(|e| invalid(format!("it is not a JSON list of questions ({e})")))?;
    validate_questions(&questions).map_err(invalid)?;
    Ok(questions)
}

/// The sheet's aftercare and longevity text in `path`; the studio's own when there is no such
/// file, and for a paragraph the file leaves out.
pub fn load_plan_text(path: &Path) -> Result<PlanText, PlanTextError> {
    let invalid = |problem: String| PlanTextError::Invalid { path: path.to_owned(), problem };
    let bytes = match read_clinic_file(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(PlanText::default()),
        Err(Ok(source)) => return Err(PlanTextError::Read { path: path.to_owned(), source }),
        Err(Err(problem)) => return Err(invalid(problem)),
    };
    let text: PlanText = serde_json::from_slice(&bytes)
        .map_err(|e| invalid(format!("it is not a JSON object with \"aftercare\" and \"longevity\" texts ({e})")))?;
    text.check().map_err(invalid)?;
    Ok(text)
}

/// The sheet text's file, beside the clinic's questions file `questions`.
pub fn plan_text_path_beside(questions: &Path) -> PathBuf {
    questions.with_file_name("sheet-text.json")
}

/// Where a clinic keeps its questions for this user, e.g. `~/.config/hairline-studio/questions.json`.
pub fn default_clinic_questions_path() -> Option<PathBuf> {
    super::places::settings_file("questions.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(bytes: &[u8]) -> Result<Vec<HealthQuestion>, ClinicQuestionsError> {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("questions.json");
        std::fs::write(&path, bytes).unwrap();
        load_clinic_questions(&path)
    }

    #[test]
    fn a_clinics_questions_are_read_and_bad_files_refused_by_name() {
        let good = load(br#"[{"id": "hair_dye_allergy", "label": "Allergic to hair dye"}]"#).unwrap();
        assert_eq!(good[0].label, "Allergic to hair dye");
        assert!(load_clinic_questions(Path::new("/nowhere/questions.json")).unwrap().is_empty());
        let label = "x".repeat(1_000_000);
        let list = |n: usize| {
            let questions: Vec<serde_json::Value> =
                (0..n).map(|i| serde_json::json!({"id": format!("q{i}"), "label": "Q"})).collect();
            serde_json::to_vec(&questions).unwrap()
        };
        let cases: [(&[u8], &str); 4] = [
            (b"not json", "not a JSON list"),
            (br#"[{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]"#, "twice"),
            (list(10_000).leak(), "KiB"),
            (format!(r#"[{{"id": "a", "label": "{label}"}}]"#).into_bytes().leak(), "KiB"),
        ];
        for (bytes, expected) in cases {
            let message = load(bytes).unwrap_err().to_string();
            assert!(message.contains("questions.json") && message.contains(expected), "{message}");
        }
        let message = load(&list(150)).unwrap_err().to_string();
        assert!(message.contains("150 questions"), "{message}");
    }

    #[test]
    fn a_clinics_sheet_text_replaces_the_studios_and_bad_files_are_refused_by_name() {
        let folder = tempfile::tempdir().unwrap();
        let path = plan_text_path_beside(&folder.path().join("questions.json"));
        assert_eq!(load_plan_text(&path).unwrap(), PlanText::default(), "no file: the studio's own");
        std::fs::write(&path, r#"{"aftercare": "Keep it dry for a week."}"#).unwrap();
        let text = load_plan_text(&path).unwrap();
        assert_eq!(text.aftercare, "Keep it dry for a week.");
        assert_eq!(text.longevity, PlanText::default().longevity, "a paragraph left out is the studio's");
        let long = "x".repeat(5_000);
        let cases = [
            ("not json".to_owned(), "not a JSON object"),
            (r#"{"aftercare": "  "}"#.to_owned(), "empty"),
            (r#"{"disclaimer": "none"}"#.to_owned(), "disclaimer"),
            (format!(r#"{{"longevity": "{long}"}}"#), "5000 characters"),
        ];
        for (content, expected) in cases {
            std::fs::write(&path, content).unwrap();
            let message = load_plan_text(&path).unwrap_err().to_string();
            assert!(message.contains("sheet-text.json") && message.contains(expected), "{message}");
        }
    }
}
