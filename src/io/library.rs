//! The library: a folder of designs, one per client visit, listed for the start screen with
//! each client's name, date, Norwood stage and a cached thumbnail of the first photo.
//!
//! Every `.json` file in the folder (not its subfolders) is listed: a file that does not open
//! is listed with its error rather than hidden, so nothing an artist saved goes missing quietly.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::design::{DesignError, read_design};

use super::PhotoError;

/// Why the library folder could not be listed.
#[derive(Debug, thiserror::Error)]
#[error(
    "{folder} could not be listed ({source}); check that its drive is connected, or choose another library folder."
)]
pub struct LibraryError {
    pub folder: PathBuf,
    pub source: std::io::Error,
}

/// Why a file in the library does not open as a design. The design's own error names the file
/// and says what to do; it is shared so that a listed entry can be cloned.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{error}")]
pub struct EntryError {
    pub file: PathBuf,
    pub error: Arc<DesignError>,
}

impl EntryError {
    /// The file that does not open.
    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// One listed file.
#[derive(Clone, Debug)]
pub struct LibraryEntry {
    pub path: PathBuf,
    /// When the file was last written (seconds since 1970), for sorting newest first.
    pub modified_unix_s: u64,
    /// What the list shows, or why the file does not open.
    pub summary: Result<EntrySummary, EntryError>,
}

/// What the start screen shows of a design.
#[derive(Clone, Debug, PartialEq)]
pub struct EntrySummary {
    pub client: String,
    /// The consultation date, if recorded (ISO).
    pub date: Option<String>,
    /// "Norwood 3v", "Ludwig II", or empty.
    pub hair_loss: String,
    pub views: usize,
    /// Some when a newer Hairline Studio wrote the file: it opens read-only.
    pub newer_version: Option<u32>,
    /// The first view's photo, for the thumbnail: its path and content hash.
    pub photo: Option<(PathBuf, String)>,
}

impl LibraryEntry {
    /// Whether `query` (any case) is in the client's name or the file name.
    pub fn matches(&self, query: &str) -> bool {
        let query = query.trim().to_lowercase();
        if query.is_empty() {
            return true;
        }
        let file = self.path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        file.contains(&query) || self.summary.as_ref().is_ok_and(|s| s.client.to_lowercase().contains(&query))
    }
}

/// The library folder when the artist has not chosen one: "Hairline Studio" in the documents
/// folder, or in the home folder on systems without one.
pub fn default_library_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let base = dirs.document_dir().unwrap_or(dirs.home_dir());
    Some(base.join("Hairline Studio"))
}

/// Lists the designs in `folder`, newest first. Errors only when the folder cannot be read.
pub fn scan_library(folder: &Path) -> Result<Vec<LibraryEntry>, LibraryError> {
    let mut paths: Vec<(PathBuf, u64)> = std::fs::read_dir(folder)
        .map_err(|source| LibraryError { folder: folder.to_owned(), source })?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")))
        .map(|path| {
            let modified = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs());
            (path, modified)
        })
        .collect();
    paths.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // Reading and parsing is most of the time: split it over the cores.
    let threads = std::thread::available_parallelism().map_or(1, usize::from).clamp(1, 8);
    let chunk = paths.len().div_ceil(threads).max(1);
    let entries = std::thread::scope(|scope| {
        let workers: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|(path, modified)| entry(path, *modified)).collect::<Vec<_>>())
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    Ok(entries)
}

fn entry(path: &Path, modified_unix_s: u64) -> LibraryEntry {
    let summary =
        read_design(path).map_err(|e| EntryError { file: path.to_owned(), error: Arc::new(e) }).map(|parsed| {
            let design = parsed.design;
            let folder = path.parent().unwrap_or(Path::new(""));
            EntrySummary {
                client: design.client.name.trim().to_owned(),
                date: design.client.consultation_date.clone(),
                hair_loss: design.client.hair_loss.as_ref().map(crate::design::HairLoss::label).unwrap_or_default(),
                views: design.views.len(),
                newer_version: parsed.newer_version,
                photo: design.views.iter().find_map(|v| v.photo.as_ref()).map(|photo| {
                    let stored = Path::new(&photo.path);
                    let resolved = if stored.is_absolute() { stored.to_owned() } else { folder.join(stored) };
                    (resolved, photo.sha256.clone())
                }),
            }
        });
    LibraryEntry { path: path.to_owned(), modified_unix_s, summary }
}

/// Where the thumbnail of the photo with content hash `sha256` is cached.
pub fn thumbnail_path(cache: &Path, sha256: &str) -> PathBuf {
    let safe: String = sha256.chars().filter(char::is_ascii_hexdigit).take(64).collect();
    cache.join(format!("{safe}.png"))
}

/// The thumbnail of `photo` (longest side `side` pixels), from the cache or made and cached.
pub fn thumbnail(cache: &Path, photo: &Path, sha256: &str, side: u32) -> Result<image::RgbaImage, PhotoError> {
    let cached = thumbnail_path(cache, sha256);
    if let Ok(image) = image::open(&cached) {
        return Ok(image.into_rgba8());
    }
    let decoded = super::decode_photo(photo, side.max(1) * 4)?;
    let small = image::DynamicImage::ImageRgba8(decoded.display).thumbnail(side, side).into_rgba8();
    // The cache is a convenience: failing to write it only costs the decode next time.
    let _ = std::fs::create_dir_all(cache);
    let mut bytes = Vec::new();
    if small.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).is_ok() {
        let _ = super::write_atomically(&cached, &bytes, super::Backup::Skip, &mut |_| Ok(()));
    }
    Ok(small)
}
