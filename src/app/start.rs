//! How the studio starts: what to open, where to keep what is remembered, and the welcome.

use std::path::{Path, PathBuf};

use crate::design::{Design, Document};

use super::canvas_panel::CanvasState;
use super::state::{OpenDesign, Status};
use super::{AUTOSAVE_DELAY, Command, LibraryPlaces, RecentFiles, Services, StudioApp, Windows};
use super::{autosave, dialogs, dispatch, export, jobs, library};

/// The bundled sample design that greets a newcomer.
pub fn sample_design_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-design.json")
}

/// How the studio starts.
#[derive(Debug, Default)]
pub struct StartOptions {
    /// A design (`.json`) or photo to open; `None` opens the bundled sample design.
    pub open: Option<PathBuf>,
    /// Where the recent-designs list is kept; `None` keeps it in memory.
    pub recent_store: Option<PathBuf>,
    /// Where autosaved copies go; `None` turns autosave off (tests that do not test it).
    pub recovery_folder: Option<PathBuf>,
    /// Quiet time before an autosave; [`AUTOSAVE_DELAY`] when `None`.
    pub autosave_delay: Option<std::time::Duration>,
    /// Where the library's folder choice and thumbnails are kept. With `Some` and nothing to
    /// open, the library shows at start if its folder holds designs.
    pub library: Option<LibraryPlaces>,
    /// The system's file dialogs (falling back on the studio's own browser), or not.
    pub file_dialogs: super::FileDialogs,
    /// Where the window's layout (the inspector's width) is kept; `None` keeps it in memory.
    pub layout_store: Option<PathBuf>,
    /// A clinic's own health questions (a JSON file); `None`: only the built-in ones.
    pub clinic_questions: Option<PathBuf>,
    /// Where the clinic's calibration of the healed look is kept; `None` keeps it in memory.
    pub calibration_store: Option<PathBuf>,
    /// How often the open design's file is looked at for changes by others;
    /// [`super::disk_watch::DISK_POLL_INTERVAL`] when `None`.
    pub disk_poll_interval: Option<std::time::Duration>,
}

impl StudioApp {
    /// The studio as `options` ask: a design or photo opened, or the sample with the library.
    pub fn new(options: StartOptions) -> Self {
        let store = options.recovery_folder.map(crate::io::RecoveryStore::new);
        let (healed, healed_message) = super::healed::Healed::load(options.calibration_store);
        let mut app = Self {
            open: OpenDesign::new(Document::new(Design::new(dispatch::new_seed()), None), "Untitled design"),
            canvas: CanvasState::default(),
            windows: Windows {
                dialogs: dialogs::Dialogs::default(),
                export: export::ExportDialog::default(),
                library: library::Library::new(options.library.clone().unwrap_or_default()),
                library_start: false,
                presenting: false,
                browser: None,
                layout: super::layout::Layout::load(options.layout_store),
                shared_file: super::shared_file::SharedFileQuestions::default(),
            },
            services: Services {
                jobs: jobs::Jobs::default(),
                autosave: autosave::Autosave::new(store, options.autosave_delay.unwrap_or(AUTOSAVE_DELAY)),
                recent: RecentFiles::load(options.recent_store),
                file_dialogs: options.file_dialogs,
                clinic_questions: Vec::new(),
                plan_text: crate::sheet::PlanText::default(),
                healed,
                disk_watch: super::disk_watch::DiskWatch::new(
                    options.disk_poll_interval.unwrap_or(super::disk_watch::DISK_POLL_INTERVAL),
                ),
            },
            status: Status::default(),
            commands: Vec::new(),
            allow_close: false,
            title: String::new(),
        };
        if let Some(message) = healed_message {
            app.windows.dialogs.error(message);
        }
        if let Some(path) = options.clinic_questions.as_deref() {
            match crate::io::load_clinic_questions(path) {
                Ok(questions) => app.services.clinic_questions = questions,
                Err(e) => app.windows.dialogs.error(e.to_string()),
            }
            match crate::io::load_plan_text(&crate::io::plan_text_path_beside(path)) {
                Ok(text) => app.services.plan_text = text,
                Err(e) => app.windows.dialogs.error(e.to_string()),
            }
        }
        if let Some(store) = app.services.autosave.store() {
            app.windows.dialogs.recovered = store.list();
        }
        match options.open {
            Some(path) if dispatch::is_design_path(&path) => app.queue(Command::OpenDesign(Some(path))),
            Some(path) => app.queue(Command::OpenPhoto(Some(path))),
            None => {
                app.open_sample();
                if options.library.is_some() {
                    app.queue(Command::ShowLibrary);
                    app.windows.library_start = true;
                }
            }
        }
        app
    }

    /// Opens the bundled sample as an unsaved copy, so that "Save" never overwrites it.
    pub(super) fn open_sample(&mut self) {
        match crate::io::open_design_file(&sample_design_path()) {
            Ok(parsed) => {
                self.replace_document(Document::new(parsed.design, None), "Sample design (unsaved copy)");
                self.open.is_sample = true;
                self.status.say("Welcome! This is a sample design: explore it, or open a client photo.");
            }
            Err(e) => self.status.say(format!("The sample design could not be opened: {e}")),
        }
    }
}
