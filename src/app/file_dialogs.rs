//! Choosing a file: the system's dialog (a desktop portal, or zenity) on a worker thread, or the
//! studio's own browser (`egui_file`) where no system dialog can be shown, as on minimal Linux
//! desktops. rfd reports a dialog it could not show only by logging an error and returning as
//! if cancelled; a small logger listens for that, so a failure is told from a cancel.

use std::cell::Cell;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// What a file is being chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    OpenDesign,
    OpenPhoto,
    LocatePhoto,
    SaveAs,
    /// Where the design sheet goes.
    ExportSheet,
    /// The library folder.
    LibraryFolder,
    /// A later photo of the current view.
    FollowUpPhoto,
}

/// The photo formats the studio opens, for the dialogs' filters.
const PHOTO_EXTENSIONS: [&str; 9] = ["jpg", "jpeg", "png", "webp", "tif", "tiff", "bmp", "heic", "heif"];

impl Pick {
    pub fn label(self) -> &'static str {
        match self {
            Self::OpenDesign => "Open design",
            Self::OpenPhoto => "Open photo",
            Self::LocatePhoto => "Locate photo",
            Self::SaveAs => "Save as",
            Self::ExportSheet => "Export",
            Self::LibraryFolder => "Choose library folder",
            Self::FollowUpPhoto => "Add follow-up photo",
        }
    }

    /// The file endings the pick offers; empty for a folder.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::OpenDesign | Self::SaveAs => &["json"],
            Self::OpenPhoto | Self::LocatePhoto | Self::FollowUpPhoto => &PHOTO_EXTENSIONS,
            Self::ExportSheet => &["pdf", "png"],
            Self::LibraryFolder => &[],
        }
    }
}

/// Which file dialogs the studio uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FileDialogs {
    /// The system's, and the studio's own browser where the system's cannot be shown.
    #[default]
    System,
    /// Always the studio's own browser.
    InApp,
    /// None: every pick is cancelled at once (tests that do not choose files).
    Off,
}

/// What came of the system's dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown.
    Failed,
}

/// Shows the system's dialog for `pick` and waits for it: for a worker thread, never a frame.
pub fn system_dialog(pick: Pick, start_in: Option<PathBuf>) -> Picked {
    listen_for_dialog_errors();
    DIALOG_FAILED.with(|failed| failed.set(false));
    let mut dialog = rfd::FileDialog::new();
    if let Some(folder) = start_in {
        dialog = dialog.set_directory(folder);
    }
    let path = match pick {
        Pick::OpenDesign => dialog.add_filter("Hairline Studio design", pick.extensions()).pick_file(),
        Pick::OpenPhoto | Pick::LocatePhoto | Pick::FollowUpPhoto => {
            dialog.add_filter("Photos", pick.extensions()).pick_file()
        }
        Pick::SaveAs => {
            dialog.add_filter("Hairline Studio design", pick.extensions()).set_file_name("design.json").save_file()
        }
        Pick::ExportSheet => dialog.add_filter("Design sheet", pick.extensions()).save_file(),
        Pick::LibraryFolder => dialog.pick_folder(),
    };
    match path {
        Some(path) => Picked::Chosen(path),
        None if DIALOG_FAILED.with(Cell::get) => Picked::Failed,
        None => Picked::Cancelled,
    }
}

thread_local! {
    /// Set when rfd logs an error on this thread: its dialog could not be shown.
    static DIALOG_FAILED: Cell<bool> = const { Cell::new(false) };
}

/// Hears rfd's errors (and prints every error to stderr, as nothing else logs).
struct DialogErrors;

impl log::Log for DialogErrors {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Error
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        if record.target().starts_with("rfd") {
            DIALOG_FAILED.with(|failed| failed.set(true));
        }
        eprintln!("hairline-studio: {}: {}", record.target(), record.args());
    }

    fn flush(&self) {}
}

/// Installs the listener once; if another logger was installed first, failures read as cancels.
fn listen_for_dialog_errors() {
    static LOGGER: DialogErrors = DialogErrors;
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        if log::set_logger(&LOGGER).is_ok() {
            log::set_max_level(log::LevelFilter::Error);
        }
    });
}

/// The studio's own file browser, open for one pick.
pub struct InAppBrowser {
    pick: Pick,
    dialog: egui_file::FileDialog,
}

impl InAppBrowser {
    pub fn new(pick: Pick, start_in: Option<PathBuf>) -> Self {
        let extensions = pick.extensions();
        let filter = Box::new(move |path: &Path| {
            path.extension()
                .and_then(OsStr::to_str)
                .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
        });
        let dialog = match pick {
            Pick::LibraryFolder => egui_file::FileDialog::select_folder(),
            Pick::SaveAs => egui_file::FileDialog::save_file().default_filename("design.json"),
            Pick::ExportSheet => egui_file::FileDialog::save_file(),
            _ => egui_file::FileDialog::open_file(),
        };
        let start_in = start_in.or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_owned()));
        let mut dialog = dialog.title(pick.label()).show_files_filter(filter).show_new_folder(false).show_rename(false);
        if let Some(folder) = start_in {
            dialog = dialog.initial_path(folder);
        }
        dialog.open();
        Self { pick, dialog }
    }

    /// Shows the browser; once the artist has chosen or cancelled, what for and what.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<(Pick, Option<PathBuf>)> {
        match self.dialog.show(ctx).state() {
            egui_file::State::Open => None,
            egui_file::State::Selected => Some((self.pick, self.dialog.path().map(Path::to_owned))),
            egui_file::State::Cancelled | egui_file::State::Closed => Some((self.pick, None)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_rfd_logs_on_this_thread_is_a_dialog_that_failed() {
        listen_for_dialog_errors();
        DIALOG_FAILED.with(|failed| failed.set(false));
        log::error!(target: "rfd::backend::xdg_desktop_portal", "Failed to pick file with zenity: not found");
        assert!(DIALOG_FAILED.with(Cell::get));
        DIALOG_FAILED.with(|failed| failed.set(false));
        log::error!(target: "eframe", "something else");
        assert!(!DIALOG_FAILED.with(Cell::get), "only rfd's errors");
        std::thread::spawn(|| log::error!(target: "rfd", "another thread's dialog")).join().unwrap();
        assert!(!DIALOG_FAILED.with(Cell::get), "only this thread's dialog");
    }
}
