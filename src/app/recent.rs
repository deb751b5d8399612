//! The list behind File > Open recent: the last ten designs, kept in the app's config folder.

use std::path::{Path, PathBuf};

/// How many designs the list keeps.
pub const RECENT_LIMIT: usize = 10;

/// Recently opened or saved designs, newest first.
#[derive(Debug, Default)]
pub struct RecentFiles {
    paths: Vec<PathBuf>,
    /// Where the list is kept; `None` keeps it in memory only (tests).
    store: Option<PathBuf>,
}

impl RecentFiles {
    /// The list kept in `store`; a missing or unreadable list starts empty.
    pub fn load(store: Option<PathBuf>) -> Self {
        let paths = store
            .as_deref()
            .and_then(|s| std::fs::read(s).ok())
            .and_then(|bytes| serde_json::from_slice::<Vec<PathBuf>>(&bytes).ok())
            .unwrap_or_default();
        let mut recent = Self { paths, store };
        recent.paths.truncate(RECENT_LIMIT);
        recent
    }

    /// Where the list lives for this user, e.g. `~/.config/hairline-studio/recent.json`.
    pub fn default_store() -> Option<PathBuf> {
        crate::io::places::settings_file("recent.json")
    }

    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Puts `path` first. Returns an error message if the list could not be written.
    pub fn add(&mut self, path: &Path) -> Option<String> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(RECENT_LIMIT);
        self.persist()
    }

    pub fn remove(&mut self, path: &Path) -> Option<String> {
        self.paths.retain(|p| p != path);
        self.persist()
    }

    fn persist(&self) -> Option<String> {
        let store = self.store.as_deref()?;
        let write = || -> std::io::Result<()> {
            let folder = store.parent().unwrap_or(Path::new("."));
            std::fs::create_dir_all(folder)?;
            let mut file = tempfile::NamedTempFile::new_in(folder)?;
            serde_json::to_writer_pretty(&mut file, &self.paths)?;
            file.persist(store).map_err(|e| e.error)?;
            Ok(())
        };
        write().err().map(|e| format!("Could not update the recent designs list {}: {e}", store.display()))
    }
}
