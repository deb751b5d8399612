//! What a design file was when the studio read or wrote it, to notice when someone else changed
//! it since: another artist's studio on a shared clinic folder, a sync client, a text editor.
//!
//! Size and modification time are compared first (cheap, every few seconds); only when they
//! differ is the content hashed, so a file merely touched, or copied back unchanged by a sync
//! client, does not count as changed.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use crate::design::Design;

use super::save::SaveError;

/// A design file's size, modification time and content hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileIdentity {
    pub size: u64,
    pub modified: SystemTime,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
}

impl FileIdentity {
    /// The identity of the file at `path` now; `None` when there is no file there.
    pub fn of(path: &Path) -> io::Result<Option<Self>> {
        let mut file = match File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let metadata = file.metadata()?;
        if !metadata.is_file() {
            return Err(io::Error::other("not a regular file"));
        }
        let mut hasher = Sha256::new();
        let mut block = vec![0; 64 * 1024];
        loop {
            match file.read(&mut block)? {
                0 => break,
                n => hasher.update(&block[..n]),
            }
        }
        let sha256 = hasher.finalize().iter().fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        });
        Ok(Some(Self { size: metadata.len(), modified: metadata.modified()?, sha256 }))
    }

    /// Whether the file at `path` still holds what this identity describes. Cheap when it
    /// does not look touched; hashes only when size or time differ.
    pub fn still_at(&self, path: &Path) -> io::Result<bool> {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        if metadata.len() == self.size && metadata.modified().ok() == Some(self.modified) {
            return Ok(true);
        }
        Ok(Self::of(path)?.is_some_and(|now| now.sha256 == self.sha256))
    }
}

/// Why a design was not saved over its file.
#[derive(Debug, thiserror::Error)]
pub enum SharedSaveError {
    #[error(
        "Not saved: {path} was changed on disk since you opened it (by another artist, another program or a sync). Reload theirs, save yours as a copy, or overwrite theirs."
    )]
    ChangedOnDisk { path: PathBuf },
    #[error("Not saved: could not check whether {path} was changed by someone else: {source}. The file is untouched.")]
    Check { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// Saves `design` to `path` only if the file there is still what the studio last read or wrote
/// (`known`; `None`: there was no file), and returns the identity of what it wrote. With
/// `overwrite`, saves whatever is there now (the artist chose to).
pub fn save_unless_changed(
    path: &Path,
    design: &Design,
    known: Option<&FileIdentity>,
    overwrite: bool,
) -> Result<FileIdentity, SharedSaveError> {
    let check = |source| SharedSaveError::Check { path: path.to_owned(), source };
    if !overwrite {
        let unchanged = match known {
            Some(known) => known.still_at(path).map_err(check)?,
            None => !path.exists(),
        };
        if !unchanged {
            return Err(SharedSaveError::ChangedOnDisk { path: path.to_owned() });
        }
    }
    super::save_design_file(path, design)?;
    FileIdentity::of(path).map_err(check)?.ok_or_else(|| check(io::Error::from(io::ErrorKind::NotFound)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touched_file_is_unchanged_and_an_edited_one_changed() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("client.json");
        std::fs::write(&path, b"{\"a\": 1}").unwrap();
        let known = FileIdentity::of(&path).unwrap().unwrap();
        assert!(known.still_at(&path).unwrap());
        // Rewritten with the same bytes (a sync client): a new time, the same content.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, b"{\"a\": 1}").unwrap();
        assert!(known.still_at(&path).unwrap(), "same content");
        std::fs::write(&path, b"{\"a\": 2}").unwrap();
        assert!(!known.still_at(&path).unwrap(), "edited");
        std::fs::remove_file(&path).unwrap();
        assert!(!known.still_at(&path).unwrap(), "gone");
        assert_eq!(FileIdentity::of(&path).unwrap(), None);
    }

    #[test]
    fn a_save_over_a_file_changed_since_is_refused_unless_overwriting() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("client.json");
        let mine = Design::new(1);
        let known = save_unless_changed(&path, &mine, None, false).unwrap();
        let mut theirs = mine.clone();
        theirs.client.name = "Theirs".into();
        save_unless_changed(&path, &theirs, Some(&known), false).unwrap();
        let mut late = mine.clone();
        late.client.name = "Mine, later".into();
        let refused = save_unless_changed(&path, &late, Some(&known), false);
        assert!(matches!(refused, Err(SharedSaveError::ChangedOnDisk { .. })), "{refused:?}");
        assert_eq!(super::super::open_design_file(&path).unwrap().design.client.name, "Theirs", "theirs kept");
        save_unless_changed(&path, &late, Some(&known), true).unwrap();
        assert_eq!(super::super::open_design_file(&path).unwrap().design.client.name, "Mine, later");
        let fresh = folder.path().join("new.json");
        std::fs::write(&fresh, b"somebody else's").unwrap();
        assert!(save_unless_changed(&fresh, &mine, None, false).is_err(), "a file that appeared is theirs");
    }
}
