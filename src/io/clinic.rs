//! A clinic's own health questions, added to the built-in ones without a rebuild: a JSON file
//! in the studio's config folder, `[{"id": "hair_dye_allergy", "label": "Allergic to hair dye"}]`.
//! A file that is not right is refused whole, with its name and what is wrong; the built-in
//! questions are asked meanwhile.

use std::path::{Path, PathBuf};

use crate::design::{HealthQuestion, validate_questions};

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

/// The questions in `path`; none when there is no such file.
pub fn load_clinic_questions(path: &Path) -> Result<Vec<HealthQuestion>, ClinicQuestionsError> {
    let invalid = |problem: String| ClinicQuestionsError::Invalid { path: path.to_owned(), problem };
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(ClinicQuestionsError::Read { path: path.to_owned(), source }),
    };
    if !metadata.is_file() {
        return Err(invalid("it is not a regular file".to_owned()));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(invalid(format!("it is {} KiB; a question list is at most 256 KiB", metadata.len() / 1024)));
    }
    let bytes = std::fs::read(path).map_err(|source| ClinicQuestionsError::Read { path: path.to_owned(), source })?;
    let questions: Vec<HealthQuestion> =
        serde_json::from_slice(&bytes).map_err(|e| invalid(format!("it is not a JSON list of questions ({e})")))?;
    validate_questions(&questions).map_err(invalid)?;
    Ok(questions)
}

/// Where a clinic keeps its questions for this user, e.g. `~/.config/hairline-studio/questions.json`.
pub fn default_clinic_questions_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hairline-studio").map(|dirs| dirs.config_dir().join("questions.json"))
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
}
