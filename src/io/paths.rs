//! Finding a view's photo again: paths relative to the design, checked by SHA-256.

use std::path::{Component, Path, PathBuf};

use crate::design::{Design, DesignError, ParsedDesign, PhotoRef, View, read_design};
use crate::regular_file::{self, OpenError};

use super::photo_file::{MAX_PHOTO_FILE_BYTES, sha256_hex_of};
use super::save::{SaveError, save_design};

/// What became of a referenced photo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoStatus {
    /// The file is where the design says, with the same content.
    Found(PathBuf),
    /// No file at the resolved path.
    Missing(PathBuf),
    /// A file is there, but its content differs from the one the design was drawn on.
    Changed(PathBuf),
    /// The file is there but could not be read.
    Unreadable(PathBuf, String),
}

impl std::fmt::Display for PhotoStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Found(path) => write!(f, "found at {}", path.display()),
            Self::Missing(path) => {
                write!(f, "missing: no file at {}; open the design and use Locate photo", path.display())
            }
            Self::Changed(path) => write!(f, "changed: {} is not the photo the design was drawn on", path.display()),
            Self::Unreadable(path, error) => write!(f, "unreadable: {}: {error}", path.display()),
        }
    }
}

/// The file a photo reference points to, given the design's own path (`None` if never saved).
pub fn resolve_photo_path(photo: &PhotoRef, design_path: Option<&Path>) -> PathBuf {
    let stored = PathBuf::from(&photo.path);
    if stored.is_absolute() {
        return stored;
    }
    let folder = design_path.and_then(Path::parent).unwrap_or(Path::new(""));
    folder.join(stored)
}

/// Resolves `photo` against the design's path and checks the file's hash, reading it a block at
/// a time (only an ordinary file, at most [`MAX_PHOTO_FILE_BYTES`]).
pub fn locate_photo(photo: &PhotoRef, design_path: Option<&Path>) -> PhotoStatus {
    let path = resolve_photo_path(photo, design_path);
    let hashed = regular_file::open(&path, MAX_PHOTO_FILE_BYTES).and_then(|(file, _)| Ok(sha256_hex_of(file)?));
    match hashed {
        Ok(sha256) if sha256 == photo.sha256 => PhotoStatus::Found(path),
        Ok(_) => PhotoStatus::Changed(path),
        Err(OpenError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => PhotoStatus::Missing(path),
        Err(OpenError::Io(e)) => PhotoStatus::Unreadable(path, e.to_string()),
        Err(OpenError::NotAFile(kind)) => {
            PhotoStatus::Unreadable(path, format!("it is {kind}, not a photo file, so it is not read"))
        }
        Err(OpenError::TooLarge { size_bytes }) => {
            let size_mib = size_bytes / (1024 * 1024);
            PhotoStatus::Unreadable(path, format!("it is {size_mib} MiB, too large for a photo (at most 1024 MiB)"))
        }
    }
}

/// A reference to the photo at `path`, absolute as photo references are in memory; `None` when
/// the path is not valid Unicode and so cannot be stored in a design.
pub fn photo_ref_for(path: &Path, sha256: String, width_px: u32, height_px: u32) -> Option<PhotoRef> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    Some(PhotoRef { path: absolute.to_str()?.to_owned(), sha256, width_px, height_px })
}

/// Opens a design file, turning its relative photo paths into absolute ones, as the app keeps
/// them, so that a design's meaning does not depend on where it will be saved next.
pub fn open_design_file(path: &Path) -> Result<ParsedDesign, DesignError> {
    let mut parsed = read_design(path)?;
    for photo in parsed.design.views.iter_mut().flat_map(View::photos_mut) {
        let resolved = resolve_photo_path(photo, Some(path));
        let absolute = std::path::absolute(&resolved).unwrap_or(resolved);
        photo.path = normalize(&absolute).to_string_lossy().into_owned();
    }
    Ok(parsed)
}

/// Saves a design whose photo paths are absolute, writing them relative to the file's folder.
pub fn save_design_file(path: &Path, design: &Design) -> Result<(), SaveError> {
    let mut on_disk = design.clone();
    for photo in on_disk.views.iter_mut().flat_map(View::photos_mut) {
        make_photo_ref_relative(photo, path);
    }
    save_design(path, &on_disk)
}

/// Rewrites `photo.path` relative to the folder of the design about to be saved at `design_path`,
/// so that a design moved together with its photos still finds them.
pub fn make_photo_ref_relative(photo: &mut PhotoRef, design_path: &Path) {
    let Ok(target) = std::path::absolute(Path::new(&photo.path)) else {
        return;
    };
    let Some(folder) = design_path.parent().and_then(|p| std::path::absolute(p).ok()) else {
        return;
    };
    if let Some(relative) = relative_path(&folder, &target) {
        let parts: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        photo.path = parts.join("/");
    }
}

/// `path` with `.` and `..` folded away lexically (`/a/b/../c` is `/a/c`), so that stored paths
/// read as a person expects.
fn normalize(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if normal.file_name().is_some() => {
                normal.pop();
            }
            other => normal.push(other.as_os_str()),
        }
    }
    normal
}

/// The path from folder `from` to `to`, both absolute; `None` across drives.
fn relative_path(from: &Path, to: &Path) -> Option<PathBuf> {
    let from: Vec<Component> = from.components().collect();
    let to_parts: Vec<Component> = to.components().collect();
    if from.first() != to_parts.first() {
        return None;
    }
    let common = from.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in common..from.len() {
        relative.push("..");
    }
    for part in &to_parts[common..] {
        relative.push(part.as_os_str());
    }
    Some(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_out_of_the_design_folder() {
        let from = Path::new("/clients/jo/designs");
        assert_eq!(relative_path(from, Path::new("/clients/jo/designs/front.jpg")).unwrap(), Path::new("front.jpg"));
        assert_eq!(
            relative_path(from, Path::new("/clients/jo/photos/front.jpg")).unwrap(),
            Path::new("../photos/front.jpg")
        );
    }

    #[test]
    fn normalising_folds_parent_folders() {
        assert_eq!(normalize(Path::new("/tmp/x/../../work/./a.jpg")), Path::new("/work/a.jpg"));
    }

    #[test]
    fn a_relative_reference_resolves_beside_the_design() {
        let photo = PhotoRef { path: "photos/front.jpg".into(), sha256: String::new(), width_px: 1, height_px: 1 };
        let resolved = resolve_photo_path(&photo, Some(Path::new("/a/b/design.json")));
        assert_eq!(resolved, Path::new("/a/b/photos/front.jpg"));
    }
}
