//! The temporary files a save writes beside its target before renaming them over it.
//!
//! A design folder may be shared with colleagues, other machines and sync clients, so nothing
//! about a temporary can be guessed or planted in advance: each is created exclusively (`O_EXCL`
//! through the tempfile crate, which never follows a link already at the name) under a name with
//! eight random letters and digits, `.NAME.a1B2c3D4.tmp` for the file `NAME`. The dot hides it
//! from file browsers; the `.tmp` ending tells any tool what it is. A save killed before its
//! rename leaves one behind; the next save of the same file removes such leftovers, and only
//! those: ordinary files whose name has exactly that shape.
//!
//! A new file is readable only by its owner (mode 0600: designs hold health answers). A file that
//! is replaced passes its mode to its successor, and its owner and group where this process may
//! set them (root may; anyone may keep a group they belong to), so a colleague on another account
//! who could read a design still can after it is saved.

use std::ffi::{OsStr, OsString};
use std::fs::{self, Metadata};
use std::io;
use std::path::Path;

use tempfile::NamedTempFile;

/// Random characters in a temporary's name: 62^8 names, none of them guessable in advance.
const RANDOM_CHARS: usize = 8;
const SUFFIX: &str = ".tmp";

/// A new, empty temporary beside `path`: readable only by its owner, or with the mode and owner
/// of `like`, the file it is to replace.
pub(super) fn create_beside(path: &Path, like: Option<&Metadata>) -> io::Result<NamedTempFile> {
    let temporary = tempfile::Builder::new()
        .prefix(&prefix(file_name(path)?))
        .suffix(SUFFIX)
        .rand_bytes(RANDOM_CHARS)
        .tempfile_in(folder_of(path))?;
    if let Some(like) = like {
        keep_mode_and_owner(temporary.as_file(), like)?;
    }
    Ok(temporary)
}

/// Gives `file` the permission bits of `like` and, where this process may, its owner and group.
#[cfg(unix)]
fn keep_mode_and_owner(file: &fs::File, like: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    // Not permitted is the rule, not the exception, for anyone but root: give the file away if
    // we may, else keep at least the group, else leave both as they are.
    let not_permitted = |e: &io::Error| {
        matches!(e.kind(), io::ErrorKind::PermissionDenied | io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported)
    };
    if let Err(e) = fchown(file, Some(like.uid()), Some(like.gid())) {
        if !not_permitted(&e) {
            return Err(e);
        }
        if let Err(e) = fchown(file, None, Some(like.gid()))
            && !not_permitted(&e)
        {
            return Err(e);
        }
    }
    // After the owner, since changing it may clear bits. Only the permission bits: set-id bits
    // on a design mean nothing, and on a file now owned by someone else they would be a hazard.
    file.set_permissions(fs::Permissions::from_mode(like.mode() & 0o777))
}

#[cfg(not(unix))]
fn keep_mode_and_owner(file: &fs::File, like: &Metadata) -> io::Result<()> {
    file.set_permissions(like.permissions())
}

/// Removes the temporaries that earlier saves of `path` left behind (a save killed before its
/// rename). Best effort: a leftover that cannot be removed does no harm but take room.
pub(super) fn remove_leftovers(path: &Path) {
    let (Ok(name), Ok(entries)) = (file_name(path), fs::read_dir(folder_of(path))) else {
        return;
    };
    for entry in entries.flatten() {
        // `file_type` does not follow links: a link with a leftover's name is not ours.
        if is_leftover_of(name, &entry.file_name()) && entry.file_type().is_ok_and(|kind| kind.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether `candidate` is the name of a temporary of the file called `name`: today's
/// `.NAME.<8 letters or digits>.tmp`, or the fixed `NAME.tmp` and `NAME.bak.tmp` of earlier
/// versions.
fn is_leftover_of(name: &OsStr, candidate: &OsStr) -> bool {
    let (name, candidate) = (name.as_encoded_bytes(), candidate.as_encoded_bytes());
    if let Some(rest) = candidate.strip_prefix(name)
        && (rest == SUFFIX.as_bytes() || rest == b".bak.tmp")
    {
        return true;
    }
    candidate
        .strip_prefix(b".")
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix(b"."))
        .and_then(|rest| rest.strip_suffix(SUFFIX.as_bytes()))
        .is_some_and(|random| random.len() == RANDOM_CHARS && random.iter().all(u8::is_ascii_alphanumeric))
}

/// `.NAME.`, the start of every temporary of the file `NAME`.
fn prefix(name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    prefix
}

fn file_name(path: &Path) -> io::Result<&OsStr> {
    path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))
}

/// The folder `path` is in; `.` for a bare file name.
pub(super) fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_files_temporaries_count_as_its_leftovers() {
        let leftover = |candidate: &str| is_leftover_of(OsStr::new("client.json"), OsStr::new(candidate));
        assert!(leftover(".client.json.a1B2c3D4.tmp"));
        assert!(leftover("client.json.tmp"));
        assert!(leftover("client.json.bak.tmp"));
        assert!(!leftover(".client.json.a1B2c3D.tmp"), "seven random characters");
        assert!(!leftover(".client.json.a1B2-3D4.tmp"));
        assert!(!leftover(".client.json.x.a1B2c3D4.tmp"), "another file's");
        assert!(!leftover(".client.jsonXa1B2c3D4.tmp"));
        assert!(!leftover("client.json"));
        assert!(!leftover("client.json.bak"));
    }

    #[test]
    fn temporaries_are_named_as_leftovers_are_recognised() {
        let folder = tempfile::tempdir().unwrap();
        let temporary = create_beside(&folder.path().join("client.json"), None).unwrap();
        let name = temporary.path().file_name().unwrap();
        assert!(is_leftover_of(OsStr::new("client.json"), name), "{name:?}");
    }
}
