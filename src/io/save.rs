//! Saving a design so that a crash, a full disk or a pulled plug never leaves a half-written file.
//!
//! The design is validated and serialised, the bytes are parsed back and compared with the design
//! (so nothing is written that could not be read back), then written to a temporary file in the
//! same folder, flushed to disk, and renamed over the old file; the folder is flushed so the rename
//! itself survives a power cut. The previous version is kept as `NAME.bak`. The temporary files
//! have unguessable names and are created exclusively, so a link planted in a shared folder is
//! never written through, and a killed save's leftovers go at the next save (`temporary.rs`).
//!
//! A new design is readable only by its owner (mode 0600: it holds health answers). A design that
//! already exists keeps its mode across saves, and its owner and group where the saving account
//! may set them, as does its `.bak`: if a clinic let a colleague's account read it, a save does not
//! take that away.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::temporary;
use crate::design::{Design, Problem, parse_design, validate};
use crate::regular_file::{self, FileKind};

/// The steps of a save, in order; [`save_design_with_checkpoints`] reports each before it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemporary,
    WriteTemporary,
    SyncTemporary,
    KeepBackup,
    ReplaceOriginal,
    SyncFolder,
}

impl SaveStep {
    pub const ALL: [Self; 6] = [
        Self::CreateTemporary,
        Self::WriteTemporary,
        Self::SyncTemporary,
        Self::KeepBackup,
        Self::ReplaceOriginal,
        Self::SyncFolder,
    ];
}

/// Why a design was not saved. In every case the file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("Not saved: the design has values that cannot be stored:\n{}", list(.0))]
    Invalid(Vec<Problem>),
    #[error(
        "Not saved: the written design did not read back identically ({0}). This is a bug; the old file is untouched."
    )]
    RoundTrip(String),
    #[error("Not saved to {path}: {source} (while trying to {step}). The previous file is untouched.")]
    Io { path: PathBuf, step: &'static str, source: io::Error },
    #[error(
        "Not saved: {path} is {kind}, not a file the studio replaces; it is left as it is. Save under another name."
    )]
    NotAFile { path: PathBuf, kind: FileKind },
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n")
}

/// Saves `design` to `path` atomically, keeping the previous file as `path.bak`.
pub fn save_design(path: &Path, design: &Design) -> Result<(), SaveError> {
    save_design_with_checkpoints(path, design, |_| Ok(()))
}

/// [`save_design`], calling `checkpoint` before each step; an error from it aborts the save
/// there, as a failing disk would. Tests use it to interrupt a save at every step.
pub fn save_design_with_checkpoints(
    path: &Path,
    design: &Design,
    mut checkpoint: impl FnMut(SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    let problems = validate(design);
    if !problems.is_empty() {
        return Err(SaveError::Invalid(problems));
    }
    // Reading numbers whatever has no id yet (design::ids), so a file is written numbered and
    // reads back as exactly what was written.
    let mut design = design.clone();
    design.number_everything();
    let mut bytes = serde_json::to_vec_pretty(&design).map_err(|e| SaveError::RoundTrip(e.to_string()))?;
    bytes.push(b'\n');
    let read_back = parse_design(&bytes, path).map_err(|e| SaveError::RoundTrip(e.to_string()))?;
    if read_back.design != design {
        return Err(SaveError::RoundTrip("values changed on the way".to_owned()));
    }

    write_atomically(path, &bytes, Backup::Keep, &mut checkpoint)
}

/// Whether [`write_atomically`] keeps the replaced file as `NAME.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    Keep,
    Skip,
}

/// Writes `bytes` to `path` so that the file is always either complete old or complete new
/// content: a private temporary file beside it (see [`super::temporary`]), flushed, renamed over
/// it, the folder flushed.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    backup: Backup,
    checkpoint: &mut impl FnMut(SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    let staged = stage(path, bytes, checkpoint)?;
    if let (Backup::Keep, Some(original)) = (backup, &staged.original) {
        checkpoint(SaveStep::KeepBackup).map_err(io_error("keep the previous version", path))?;
        keep_backup(path, original).map_err(io_error("keep the previous version", path))?;
    }
    staged.commit(checkpoint)
}

/// Writes each `(path, bytes)` so that either every file gets its new content or none does, as
/// a sheet's PNG pages must (a new page 1 beside an old page 2 is a sheet no one drew). All are
/// written to their temporaries and flushed first, so a full disk or a bad path stops the
/// export with nothing replaced; only then are they renamed into place, which needs no space.
pub fn write_all_atomically(
    files: &[(PathBuf, Vec<u8>)],
    checkpoint: &mut impl FnMut(&Path, SaveStep) -> io::Result<()>,
) -> Result<(), SaveError> {
    let staged = files
        .iter()
        .map(|(path, bytes)| stage(path, bytes, &mut |step| checkpoint(path, step)))
        .collect::<Result<Vec<_>, _>>()?;
    for file in staged {
        let path = file.path.clone();
        file.commit(&mut |step| checkpoint(&path, step))?;
    }
    Ok(())
}

/// New content written and flushed beside the file it will replace, not yet in place. Dropped
/// uncommitted, its temporary file is removed.
struct Staged {
    path: PathBuf,
    temporary: tempfile::NamedTempFile,
    /// The file being replaced, if any.
    original: Option<fs::Metadata>,
}

/// Writes `bytes` to a new temporary beside `path` and flushes it.
fn stage(
    path: &Path,
    bytes: &[u8],
    checkpoint: &mut impl FnMut(SaveStep) -> io::Result<()>,
) -> Result<Staged, SaveError> {
    checkpoint(SaveStep::CreateTemporary).map_err(io_error("create a temporary file", path))?;
    temporary::remove_leftovers(path);
    // The file being replaced, if any: the new one takes its mode and owner. A pipe or a device
    // at the path is never replaced (nor read for a backup, which would wait forever).
    let original = fs::metadata(path).ok();
    if let Some(kind) = original.as_ref().and_then(|m| FileKind::of(m.file_type())) {
        return Err(SaveError::NotAFile { path: path.to_owned(), kind });
    }
    let mut temporary =
        temporary::create_beside(path, original.as_ref()).map_err(io_error("create a temporary file", path))?;
    checkpoint(SaveStep::WriteTemporary).map_err(io_error("write the new content", path))?;
    temporary.write_all(bytes).map_err(io_error("write the new content", path))?;
    checkpoint(SaveStep::SyncTemporary).map_err(io_error("flush the new content to disk", path))?;
    temporary.as_file().sync_all().map_err(io_error("flush the new content to disk", path))?;
    Ok(Staged { path: path.to_owned(), temporary, original })
}

impl Staged {
    /// Renames the temporary over the file and flushes the folder.
    fn commit(self, checkpoint: &mut impl FnMut(SaveStep) -> io::Result<()>) -> Result<(), SaveError> {
        let path = &self.path;
        checkpoint(SaveStep::ReplaceOriginal).map_err(io_error("replace the file", path))?;
        // A link at `path` is replaced by the file, never followed.
        self.temporary.persist(path).map_err(|e| io_error("replace the file", path)(e.error))?;
        checkpoint(SaveStep::SyncFolder).map_err(io_error("flush the folder", path))?;
        sync_folder(path).map_err(io_error("flush the folder", path))?;
        Ok(())
    }
}

/// A [`SaveError::Io`] at `step` of writing `target`.
fn io_error(step: &'static str, target: &Path) -> impl FnOnce(io::Error) -> SaveError {
    let path = target.to_owned();
    move |source| SaveError::Io { path, step, source }
}

/// `NAME.json` -> `NAME.json.bak`, atomically: a copy in a temporary file (with the original's
/// mode and owner), renamed into place.
fn keep_backup(path: &Path, original: &fs::Metadata) -> io::Result<()> {
    let mut copy = temporary::create_beside(path, Some(original))?;
    // Opened as any design is read, so a pipe swapped in meanwhile cannot hang the save.
    let (mut from, _) = regular_file::open(path, u64::MAX)?;
    io::copy(&mut from, &mut copy)?;
    copy.as_file().sync_all()?;
    copy.persist(sibling(path, ".bak")).map_err(|e| e.error)?;
    Ok(())
}

fn sync_folder(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(temporary::folder_of(path))?.sync_all()?;
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// `path` with `suffix` appended to its file name (`a/b.json` + `.bak` = `a/b.json.bak`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(ToOwned::to_owned).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}
