//! Crash recovery: autosaved copies of open designs in the app's data folder, never over the
//! artist's own file. A copy is written atomically while there are unsaved edits and deleted
//! after a save or an explicit discard; whatever is left at the next start was lost by a crash.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::design::{Design, parse_design, validate};

use super::save::{Backup, SaveError, write_atomically};

const RECOVERY_FORMAT: &str = "hairline-studio/recovery";

/// What a recovery file holds.
#[derive(Serialize, Deserialize)]
struct RecoveryFile {
    format: String,
    /// Where the design was saved, if it ever was.
    original_path: Option<PathBuf>,
    autosaved_at_unix_s: u64,
    design: serde_json::Value,
}

/// A design found in the recovery folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    /// The recovery file itself (what "discard" deletes).
    pub file: PathBuf,
    /// The session it came from; a restored design keeps autosaving into the same file.
    pub session: String,
    pub original_path: Option<PathBuf>,
    pub autosaved_at_unix_s: u64,
    pub design: Design,
}

/// The folder of recovery files.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    folder: PathBuf,
}

impl RecoveryStore {
    pub fn new(folder: PathBuf) -> Self {
        Self { folder }
    }

    /// The per-user folder, e.g. `~/.local/share/hairline-studio/recovery`.
    pub fn default_folder() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "hairline-studio").map(|dirs| dirs.data_dir().join("recovery"))
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn file_of(&self, session: &str) -> PathBuf {
        self.folder.join(format!("{session}.json"))
    }

    /// Writes (or replaces) the recovery copy of `session`.
    pub fn write(&self, session: &str, original_path: Option<&Path>, design: &Design) -> Result<(), SaveError> {
        let problems = validate(design);
        if !problems.is_empty() {
            return Err(SaveError::Invalid(problems));
        }
        let io_error = |source| SaveError::Io { path: self.folder.clone(), step: "create the recovery folder", source };
        std::fs::create_dir_all(&self.folder).map_err(io_error)?;
        let file = RecoveryFile {
            format: RECOVERY_FORMAT.to_owned(),
            original_path: original_path.map(Path::to_owned),
            autosaved_at_unix_s: SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()),
            design: serde_json::to_value(design).map_err(|e| SaveError::RoundTrip(e.to_string()))?,
        };
        let bytes = serde_json::to_vec(&file).map_err(|e| SaveError::RoundTrip(e.to_string()))?;
        write_atomically(&self.file_of(session), &bytes, Backup::Skip, &mut |_| Ok(()))
    }

    /// Deletes the recovery copy of `session`, if any.
    pub fn remove(&self, session: &str) {
        // A missing file is what we want; any other failure leaves a copy that is offered again.
        let _ = std::fs::remove_file(self.file_of(session));
    }

    /// Every recovery copy, oldest first; unreadable ones as messages naming the file.
    pub fn list(&self) -> Vec<Result<Recovered, String>> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found: Vec<Result<Recovered, String>> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .map(|path| read_recovery(&path))
            .collect();
        found.sort_by_key(|r| r.as_ref().map_or(0, |r| r.autosaved_at_unix_s));
        found
    }
}

fn read_recovery(path: &Path) -> Result<Recovered, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: RecoveryFile = serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    if file.format != RECOVERY_FORMAT {
        return Err(format!("{}: not a recovery file", path.display()));
    }
    let design_bytes = serde_json::to_vec(&file.design).map_err(|e| format!("{}: {e}", path.display()))?;
    let design = parse_design(&design_bytes, path).map_err(|e| e.to_string())?.design;
    let session = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Recovered {
        file: path.to_owned(),
        session,
        original_path: file.original_path,
        autosaved_at_unix_s: file.autosaved_at_unix_s,
        design,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_copy_is_listed_and_removed() {
        let folder = tempfile::tempdir().unwrap();
        let store = RecoveryStore::new(folder.path().join("recovery"));
        let mut design = Design::new(3);
        design.client.name = "Jo".into();
        store.write("session-a", Some(Path::new("/clients/jo.json")), &design).unwrap();
        let listed = store.list();
        assert_eq!(listed.len(), 1);
        let recovered = listed[0].as_ref().unwrap();
        assert_eq!(recovered.design, design);
        assert_eq!(recovered.session, "session-a");
        assert_eq!(recovered.original_path.as_deref(), Some(Path::new("/clients/jo.json")));
        store.remove("session-a");
        assert!(store.list().is_empty());
    }

    #[test]
    fn a_broken_copy_is_listed_as_a_message() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("junk.json"), b"{ not json").unwrap();
        let listed = RecoveryStore::new(folder.path().to_owned()).list();
        assert!(listed[0].as_ref().is_err_and(|e| e.contains("junk.json")));
    }
}
