//! The egui layer: the studio window over the core.
//!
//! [`StudioApp`] is a thin shell over four owned parts: the open design with its view and
//! selection ([`state::OpenDesign`]), the canvas with its tools, preview and photos
//! ([`canvas_panel::CanvasState`]), the windows and dialogs ([`Windows`]) and the background
//! services ([`Services`]). Each frame (`frame`) draws the panels, which queue [`Command`]s;
//! `dispatch` applies them after the UI pass; background jobs report to `job_results`. Canvas
//! tools live one per file under `tools`; panels and windows one per file beside them.

mod anatomy_panel;
mod autosave;
mod canvas;
mod canvas_panel;
mod client_panel;
mod command;
mod day_check;
mod dialogs;
mod disk_watch;
mod dispatch;
mod export;
mod file_dialogs;
mod follow_up;
mod frame;
mod healed;
mod health_panel;
mod inspector;
mod job_results;
mod jobs;
mod layout;
mod library;
mod menu;
mod overlay;
mod photos;
mod preview;
mod recent;
mod sessions_panel;
mod shade_plots;
mod shared_file;
mod shortcuts;
mod skin_panel;
mod start;
mod state;
mod tool_strip;
mod tools;
mod transfer_panel;
mod view_bar;

pub use autosave::{AUTOSAVE_DELAY, CrashCopy, CrashSlot, install_panic_recovery};
pub use command::Command;
pub use file_dialogs::FileDialogs;

/// Where the window's layout is kept for this user.
pub fn layout_store() -> Option<std::path::PathBuf> {
    layout::Layout::default_store()
}
pub use library::LibraryPlaces;
pub use preview::Compare;
pub use recent::RecentFiles;
pub use start::{StartOptions, sample_design_path};
pub use tools::Tool;

use crate::design::{Document, PhotoPoint};

use canvas_panel::CanvasState;
use state::{OpenDesign, Status};

/// The windows and dialogs over the studio, and presentation mode.
struct Windows {
    dialogs: dialogs::Dialogs,
    export: export::ExportDialog,
    library: library::Library,
    /// The library was opened as the start screen: it stays only if it lists designs.
    library_start: bool,
    /// Full screen for the client: the result, before/after and the stage, tools hidden.
    presenting: bool,
    /// The studio's own file browser, while a file is chosen in it.
    browser: Option<file_dialogs::InAppBrowser>,
    /// The inspector's width, remembered between runs.
    layout: layout::Layout,
    /// Questions about the design's file shared with others.
    shared_file: shared_file::SharedFileQuestions,
}

/// Work in the background and what is kept between runs.
struct Services {
    jobs: jobs::Jobs,
    autosave: autosave::Autosave,
    recent: RecentFiles,
    /// Which file dialogs are shown.
    file_dialogs: FileDialogs,
    /// Notices when someone else changes the open design's file.
    disk_watch: disk_watch::DiskWatch,
    /// The clinic's own health questions, asked after the built-in ones.
    clinic_questions: Vec<crate::design::HealthQuestion>,
    /// The clinic's aftercare and longevity words for the sheet.
    plan_text: crate::sheet::PlanText,
    /// The clinic's calibration of the healed look, from its healed clients.
    healed: healed::Healed,
}

/// The studio window's state.
pub struct StudioApp {
    open: OpenDesign,
    canvas: CanvasState,
    windows: Windows,
    services: Services,
    status: Status,
    commands: Vec<Command>,
    /// Set once the artist chose to quit without saving.
    allow_close: bool,
    title: String,
}

impl StudioApp {
    /// The latest unsaved design, for [`install_panic_recovery`].
    pub fn crash_slot(&self) -> CrashSlot {
        self.services.autosave.crash_slot()
    }

    /// Lets background work wake `ctx`'s window when it finishes.
    pub fn attach(&self, ctx: &egui::Context) {
        self.services.jobs.attach(ctx);
    }

    pub fn document(&self) -> &Document {
        &self.open.document
    }

    /// The open design's document, to edit as the window would (through its transactions):
    /// for scripting the studio, and for tests that set up an edit without its widget.
    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.open.document
    }

    /// What the preview shows, how it compares with the bare photo, and the share of the photo
    /// shown bare left of the split's divider.
    pub fn preview_state(&self) -> (crate::render::Look, Compare, f32) {
        let preview = &self.canvas.preview;
        (preview.look, preview.compare, preview.before_share)
    }

    /// The clinic's calibration of the healed look, as the studio holds it.
    pub fn clinic_calibration(&self) -> &crate::calibration::ClinicCalibration {
        self.services.healed.calibration()
    }

    /// Whether the canvas shows the anatomical guides.
    pub fn guides_shown(&self) -> bool {
        self.canvas.view.guides_visible
    }

    /// Whether the studio is in presentation mode.
    pub fn presenting(&self) -> bool {
        self.windows.presenting
    }

    /// The share of the photo the preview's pigment covers (0 to 1), once it has been drawn.
    pub fn preview_coverage(&self) -> Option<f64> {
        self.canvas.preview.coverage()
    }

    /// How far away the result on screen is seen from, once the eye's blur is worked out.
    pub fn preview_seen_from_m(&self) -> Option<f64> {
        self.canvas.preview.shown_seen_from_m()
    }

    /// Whether the canvas shows the photo corrected for its light (a neutral grey, ticked).
    pub fn shows_corrected_photo(&self) -> bool {
        self.canvas.preview.shows_corrected_photo()
    }

    /// The latest status message.
    pub fn status(&self) -> &str {
        self.status.text()
    }

    /// The errors waiting to be shown, oldest first.
    pub fn errors(&self) -> &[String] {
        self.windows.dialogs.errors()
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    /// The view the canvas shows.
    pub fn view_shown(&self) -> Option<&crate::design::View> {
        self.open.view()
    }

    /// What is selected on the canvas.
    pub fn selection(&self) -> Option<crate::edit::Selection> {
        self.open.selection
    }

    /// The strip's tool.
    pub fn tool(&self) -> Tool {
        self.canvas.tools.chosen
    }

    /// Where a photo point is on screen in the last frame's canvas.
    pub fn screen_position(&self, point: PhotoPoint) -> Option<egui::Pos2> {
        let canvas = self.canvas.view.last_rect;
        canvas.is_positive().then(|| self.canvas.view.to_screen(canvas, point))
    }

    /// Queues a command, as a menu item or shortcut would.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Blocks until background jobs are done and applies their results. For tests; the window
    /// polls instead.
    pub fn finish_background_work(&mut self, ctx: &egui::Context) {
        loop {
            self.run_queued_commands(ctx);
            let results = self.services.jobs.wait_all();
            if results.is_empty() && self.commands.is_empty() {
                break;
            }
            for result in results {
                self.apply_job_result(ctx, result);
            }
        }
    }
}

impl eframe::App for StudioApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.studio_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.services.autosave.after_exit();
        // Other artists may open it without a warning now.
        self.open.lock = None;
    }
}
