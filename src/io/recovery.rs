//! Crash recovery: autosaved copies of open designs in the app's data folder, never over the
//! artist's own file. A copy is written atomically while there are unsaved edits and deleted
//! after a save or an explicit discard; whatever is left at the next start was lost by a crash.
//! A copy that cannot be restored is listed as a [`RecoveryError`] that tells its file, so that
//! it can still be discarded.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::design::{Design, DesignError, MAX_DESIGN_FILE_BYTES, parse_design, validate};
use crate::regular_file::{self, OpenError};

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

/// Why a recovery copy cannot be restored. Each names the copy (what Discard deletes): the app
/// deletes [`RecoveryError::file`] itself, never a path read back out of the message.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("The recovery copy {file} could not be read ({source}). Discard it, or check the folder's permissions.")]
    Read { file: PathBuf, source: std::io::Error },
    #[error("The recovery copy {file} is damaged ({detail}) and cannot be restored. Discard it.")]
    Damaged { file: PathBuf, detail: String },
    #[error("{file} is not a Hairline Studio recovery copy. Discard it, or move it out of the recovery folder.")]
    NotARecoveryCopy { file: PathBuf },
    /// The copy is whole, but the design in it does not open (its message names the copy too).
    #[error("A recovery copy cannot be restored; discard it. {error}")]
    Design { file: PathBuf, error: DesignError },
}

impl RecoveryError {
    /// The recovery copy this is about.
    pub fn file(&self) -> &Path {
        match self {
            Self::Read { file, .. }
            | Self::Damaged { file, .. }
            | Self::NotARecoveryCopy { file }
            | Self::Design { file, .. } => file,
        }
    }
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
        super::places::data_folder("recovery")
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

    /// Every recovery copy, oldest first; unreadable ones as errors naming the file.
    pub fn list(&self) -> Vec<Result<Recovered, RecoveryError>> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found: Vec<Result<Recovered, RecoveryError>> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .map(|path| read_recovery(&path))
            .collect();
        found.sort_by_key(|r| r.as_ref().map_or(0, |r| r.autosaved_at_unix_s));
        found
    }
}

fn read_recovery(path: &Path) -> Result<Recovered, RecoveryError> {
    let damaged = |e: serde_json::Error| RecoveryError::Damaged { file: path.to_owned(), detail: e.to_string() };
    // Only an ordinary file of about a design's size (the copy wraps one): anything else in the
    // folder is not a copy, and a pipe or a device there must not hang the start.
    let bytes = regular_file::read(path, 2 * MAX_DESIGN_FILE_BYTES).map_err(|e| match e {
        OpenError::Io(source) => RecoveryError::Read { file: path.to_owned(), source },
        OpenError::NotAFile(_) | OpenError::TooLarge { .. } => {
            RecoveryError::NotARecoveryCopy { file: path.to_owned() }
        }
    })?;
    let file: RecoveryFile = serde_json::from_slice(&bytes).map_err(damaged)?;
    if file.format != RECOVERY_FORMAT {
        return Err(RecoveryError::NotARecoveryCopy { file: path.to_owned() });
    }
    let design_bytes = serde_json::to_vec(&file.design).map_err(damaged)?;
    let design = parse_design(&design_bytes, path)
        .map_err(|error| RecoveryError::Design { file: path.to_owned(), error })?
        .design;
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
        assert!(listed[0].as_ref().is_err_and(|e| e.to_string().contains("junk.json")));
    }

    #[test]
    fn an_unreadable_copy_tells_its_file_whatever_its_message() {
        let folder = tempfile::tempdir().unwrap();
        let folder = folder.path().join("Jo: recovery");
        std::fs::create_dir(&folder).unwrap();
        let mut design = serde_json::to_value(Design::new(1)).unwrap();
        design["views"][0]["guides"]["mid_frontal_height_mm"] = serde_json::json!(5000.0);
        let copy = serde_json::json!({ "format": RECOVERY_FORMAT, "autosaved_at_unix_s": 0, "design": design });
        let files = [("bad-design.json", serde_json::to_vec(&copy).unwrap()), ("junk.json", b"{ not json".to_vec())];
        for (name, bytes) in &files {
            std::fs::write(folder.join(name), bytes).unwrap();
        }
        let mut told: Vec<PathBuf> = RecoveryStore::new(folder.clone())
            .list()
            .iter()
            .map(|e| e.as_ref().unwrap_err().file().to_owned())
            .collect();
        told.sort();
        assert_eq!(told, [folder.join("bad-design.json"), folder.join("junk.json")]);
    }
}
