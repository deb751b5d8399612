//! How the window is laid out, remembered between runs: the inspector's width, as the artist
//! dragged it. Kept in a small JSON file in the app's config folder.

use std::path::{Path, PathBuf};

/// The inspector's width before the artist sets one, in points.
pub const INSPECTOR_WIDTH: f32 = 330.0;
/// The inspector's narrowest and widest, in points: its controls need the one, and the canvas
/// keeps room beside the other.
pub const INSPECTOR_WIDTHS: std::ops::RangeInclusive<f32> = 260.0..=640.0;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Saved {
    inspector_width: f32,
}

impl Default for Saved {
    fn default() -> Self {
        Self { inspector_width: INSPECTOR_WIDTH }
    }
}

/// The window's layout and where it is kept.
#[derive(Debug, Default)]
pub struct Layout {
    saved: Saved,
    /// `None` keeps it in memory only (tests).
    store: Option<PathBuf>,
}

impl Layout {
    /// The layout kept in `store`; missing, unreadable or absurd values give the defaults.
    pub fn load(store: Option<PathBuf>) -> Self {
        let mut saved: Saved = store
            .as_deref()
            .and_then(|s| std::fs::read(s).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        if !saved.inspector_width.is_finite() {
            saved.inspector_width = INSPECTOR_WIDTH;
        }
        saved.inspector_width = saved.inspector_width.clamp(*INSPECTOR_WIDTHS.start(), *INSPECTOR_WIDTHS.end());
        Self { saved, store }
    }

    /// Where it lives for this user, e.g. `~/.config/hairline-studio/layout.json`.
    pub fn default_store() -> Option<PathBuf> {
        crate::io::places::settings_file("layout.json")
    }

    pub fn inspector_width(&self) -> f32 {
        self.saved.inspector_width
    }

    /// The artist dragged the inspector to `width`: remembered, and written down. Returns an
    /// error message if it could not be written (it still holds for this run).
    pub fn set_inspector_width(&mut self, width: f32) -> Option<String> {
        if (width - self.saved.inspector_width).abs() < 0.5 || !width.is_finite() {
            return None;
        }
        self.saved.inspector_width = width;
        let store = self.store.as_deref()?;
        let bytes = serde_json::to_vec_pretty(&self.saved).ok()?;
        let folder = store.parent().unwrap_or(Path::new("."));
        let written = std::fs::create_dir_all(folder).and_then(|()| {
            crate::io::write_atomically(store, &bytes, crate::io::Backup::Skip, &mut |_| Ok(()))
                .map_err(std::io::Error::other)
        });
        written.err().map(|e| format!("The window layout could not be remembered ({}): {e}", store.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inspector_width_is_remembered_and_a_broken_file_gives_the_default() {
        let folder = tempfile::tempdir().unwrap();
        let store = folder.path().join("layout.json");
        let mut layout = Layout::load(Some(store.clone()));
        assert!((layout.inspector_width() - INSPECTOR_WIDTH).abs() < f32::EPSILON);
        assert_eq!(layout.set_inspector_width(412.0), None);
        assert!((Layout::load(Some(store.clone())).inspector_width() - 412.0).abs() < f32::EPSILON);
        std::fs::write(&store, b"{\"inspector_width\": 1e9}").unwrap();
        assert!((Layout::load(Some(store.clone())).inspector_width() - 640.0).abs() < f32::EPSILON, "clamped");
        std::fs::write(&store, b"not json").unwrap();
        assert!((Layout::load(Some(store)).inspector_width() - INSPECTOR_WIDTH).abs() < f32::EPSILON);
    }
}
