//! Where the studio keeps its own files for this user (settings, recovery copies, caches), named
//! in one place so that they all move together.

use std::path::PathBuf;

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "hairline-studio")
}

/// The settings file `name` (the layout, recent designs, the clinic's calibration…); `None`
/// where the system has no home for settings.
pub fn settings_file(name: &str) -> Option<PathBuf> {
    dirs().map(|dirs| dirs.config_dir().join(name))
}

/// The folder `name` among the studio's data (recovery copies).
pub fn data_folder(name: &str) -> Option<PathBuf> {
    dirs().map(|dirs| dirs.data_dir().join(name))
}

/// The folder `name` among the studio's caches (thumbnails), which may be deleted at any time.
pub fn cache_folder(name: &str) -> Option<PathBuf> {
    dirs().map(|dirs| dirs.cache_dir().join(name))
}
