//! The egui layer: the studio window over the core.
//!
//! [`StudioApp`] holds the open [`Document`] and what is derived from it for display (photo
//! textures, the canvas view, selection). Each frame it draws the panels, which queue
//! [`Command`]s; [`StudioApp::run_command`] applies them after the UI pass; background jobs
//! report through [`jobs::Jobs`]. Module per piece: `menu`, `tools`, `canvas`, `interaction`,
//! `inspector`, `dialogs`.

mod anatomy_panel;
mod autosave;
mod canvas;
mod client_panel;
mod command;
mod dialogs;
mod export;
mod follow_up;
mod inspector;
mod interaction;
mod jobs;
mod library;
mod menu;
mod overlay;
mod photos;
mod preview;
mod recent;
mod sessions_panel;
mod shade_plots;
mod skin_panel;
mod tools;
mod view_bar;

pub use autosave::{AUTOSAVE_DELAY, CrashCopy, CrashSlot, install_panic_recovery};
pub use command::Command;
pub use library::LibraryPlaces;
pub use preview::Compare;
pub use recent::RecentFiles;
pub use tools::Tool;

use std::path::{Path, PathBuf};

use crate::design::{Design, Document};
use crate::format::thousands;
use crate::io::photo_ref_for;

use canvas::{CanvasPaint, CanvasView};
use dialogs::{Dialogs, Pending};
use interaction::Interaction;
use jobs::{JobResult, Jobs, PhotoPurpose, Pick};
use photos::{MAX_TEXTURE_SIDE, PhotoView, Photos};

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
}

/// The studio window's state.
pub struct StudioApp {
    document: Document,
    /// The title of a design that has no file yet.
    untitled_name: String,
    view_index: usize,
    tool: Tool,
    /// The skin eyedropper's patch radius, in mm.
    pub skin_radius_mm: f64,
    canvas: CanvasView,
    interaction: Interaction,
    photos: Photos,
    preview: preview::Preview,
    /// Full screen for the client: the result, before/after and the stage, tools hidden.
    presenting: bool,
    jobs: Jobs,
    autosave: autosave::Autosave,
    recent: RecentFiles,
    dialogs: Dialogs,
    export: export::ExportDialog,
    library: library::Library,
    follow_ups: follow_up::FollowUps,
    /// The library was opened as the start screen: it stays only if it lists designs.
    library_start: bool,
    status: String,
    commands: Vec<Command>,
    /// Set once the artist chose to quit without saving.
    allow_close: bool,
    title: String,
}

impl StudioApp {
    pub fn new(options: StartOptions) -> Self {
        let mut app = Self {
            document: Document::new(Design::new(new_seed()), None),
            untitled_name: "Untitled design".to_owned(),
            view_index: 0,
            tool: Tool::default(),
            skin_radius_mm: 4.0,
            canvas: CanvasView::default(),
            interaction: Interaction::default(),
            photos: Photos::default(),
            preview: preview::Preview::shown(),
            presenting: false,
            jobs: Jobs::default(),
            autosave: autosave::Autosave::new(
                options.recovery_folder.map(crate::io::RecoveryStore::new),
                options.autosave_delay.unwrap_or(AUTOSAVE_DELAY),
            ),
            recent: RecentFiles::load(options.recent_store),
            dialogs: Dialogs::default(),
            export: export::ExportDialog::default(),
            library: library::Library::new(options.library.clone().unwrap_or_default()),
            follow_ups: follow_up::FollowUps::new(),
            library_start: false,
            status: String::new(),
            commands: Vec::new(),
            allow_close: false,
            title: String::new(),
        };
        if let Some(store) = app.autosave.store() {
            app.dialogs.recovered = store.list();
        }
        match options.open {
            Some(path) if is_design_path(&path) => app.commands.push(Command::OpenDesign(Some(path))),
            Some(path) => app.commands.push(Command::OpenPhoto(Some(path))),
            None => {
                app.open_sample();
                if options.library.is_some() {
                    app.commands.push(Command::ShowLibrary);
                    app.library_start = true;
                }
            }
        }
        app
    }

    /// Opens the bundled sample as an unsaved copy, so that "Save" never overwrites it.
    fn open_sample(&mut self) {
        match crate::io::open_design_file(&sample_design_path()) {
            Ok(parsed) => {
                self.replace_document(Document::new(parsed.design, None));
                self.untitled_name = "Sample design (unsaved copy)".to_owned();
                self.status = "Welcome! This is a sample design: explore it, or open a client photo.".to_owned();
            }
            Err(e) => self.status = format!("The sample design could not be opened: {e}"),
        }
    }

    /// The latest unsaved design, for [`install_panic_recovery`].
    pub fn crash_slot(&self) -> CrashSlot {
        self.autosave.crash_slot()
    }

    /// Lets background work wake `ctx`'s window when it finishes.
    pub fn attach(&self, ctx: &egui::Context) {
        self.jobs.attach(ctx);
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// What the preview shows, how it compares with the bare photo, and the share of the photo
    /// shown bare left of the split's divider.
    pub fn preview_state(&self) -> (crate::render::Look, preview::Compare, f32) {
        (self.preview.look, self.preview.compare, self.preview.before_share)
    }

    /// Whether the canvas shows the anatomical guides.
    pub fn guides_shown(&self) -> bool {
        self.canvas.guides_visible
    }

    /// Whether the studio is in presentation mode.
    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// The share of the photo the preview's pigment covers (0 to 1), once it has been drawn.
    pub fn preview_coverage(&self) -> Option<f64> {
        self.preview.coverage()
    }

    pub fn status(&self) -> &str {
        &self.status
    }

    /// The errors waiting to be shown, oldest first.
    pub fn errors(&self) -> &[String] {
        self.dialogs.errors()
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn tool(&self) -> Tool {
        self.tool
    }

    /// Where a photo point is on screen in the last frame's canvas.
    pub fn screen_position(&self, point: crate::design::PhotoPoint) -> Option<egui::Pos2> {
        let canvas = self.canvas.last_rect;
        canvas.is_positive().then(|| self.canvas.to_screen(canvas, point))
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
            let results = self.jobs.wait_all();
            if results.is_empty() && self.commands.is_empty() {
                break;
            }
            for result in results {
                self.apply_job_result(ctx, result);
            }
        }
    }

    /// Draws one frame of the studio.
    pub fn studio_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let revision_at_start = self.document.revision();
        self.jobs.attach(&ctx);
        for result in self.jobs.finished() {
            self.apply_job_result(&ctx, result);
        }
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.read_shortcuts(&ctx);
        self.interaction.forget_missing(self.document.design().views.get(self.view_index));
        self.request_photo(&ctx);

        if self.presenting {
            self.presentation_ui(ui);
        } else {
            self.studio_panels_ui(ui);
        }
        let commands = self.dialogs.show(&ctx, &self.document);
        self.commands.extend(commands);
        self.export_window(&ctx);
        self.library_window(&ctx);
        if let Some(points) = self.interaction.pending_calibration {
            let previous = self.document.design().views.get(self.view_index).and_then(|v| v.calibration.as_ref());
            match dialogs::calibration_modal(&ctx, points, previous.map(|c| c.length_mm)) {
                dialogs::Answer::Pending => {}
                dialogs::Answer::Cancel => self.interaction.pending_calibration = None,
                dialogs::Answer::Ok(command) => {
                    self.interaction.pending_calibration = None;
                    self.commands.push(command);
                }
            }
        }

        self.run_queued_commands(&ctx);
        let mid_interaction = ctx.input(|i| i.pointer.any_down()) || ctx.egui_wants_keyboard_input();
        if !mid_interaction {
            self.document.settle();
        }
        self.autosave.tick(&ctx, &self.document, &mut self.jobs);
        self.update_title(&ctx);
        if self.document.revision() != revision_at_start {
            // Panels drawn before the edit show stale numbers: one more frame catches them up.
            ctx.request_repaint();
        }
    }

    /// The studio's menu, tool strip, inspector, status bar and canvas.
    fn studio_panels_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            let commands = menu::menu_bar_ui(ui, &self.document, self.recent.paths());
            self.commands.extend(commands);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::left("tools").exact_size(52.0).resizable(false).show(ui, |ui| {
            self.commands.extend(tools::tool_strip_ui(ui, self.tool, self.interaction.mirror, self.preview.enabled));
        });
        egui::Panel::right("inspector").default_size(300.0).min_size(240.0).show(ui, |ui| {
            let photo = self.current_photo_ref().and_then(|p| self.photos.view(Some(p)));
            let state = inspector::InspectorState {
                simulated_dots: self.preview.zone_counts(),
                skin_radius_mm: &mut self.skin_radius_mm,
                follow_ups: &self.follow_ups,
                guides_visible: &mut self.canvas.guides_visible,
            };
            let commands =
                inspector::inspector_ui(ui, &mut self.document, self.view_index, &mut self.interaction, photo, state);
            self.commands.extend(commands);
        });
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
    }

    /// Presentation mode: the canvas and, below it, the result's controls in large type.
    fn presentation_ui(&mut self, ui: &mut egui::Ui) {
        let sessions = self.document.design().sessions.len();
        egui::Panel::bottom("presentation").show(ui, |ui| {
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().button_padding = egui::vec2(12.0, 6.0);
                view_bar::stage_ui(ui, &mut self.preview, true);
                if sessions > 1 {
                    ui.separator();
                    view_bar::sessions_ui(ui, &mut self.preview, sessions, true);
                }
                ui.separator();
                view_bar::compare_ui(ui, &mut self.preview, true);
                ui.separator();
                if ui.button(egui::RichText::new("Exit (Esc)").size(22.0)).clicked() {
                    self.commands.push(Command::TogglePresentation);
                }
            });
            ui.add_space(8.0);
        });
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        if !self.presenting {
            self.commands.extend(view_bar::view_tabs_ui(ui, &mut self.document, &mut self.view_index));
            client_panel::contraindications_warning_ui(ui, &self.document.design().client.contraindications);
            view_bar::preview_bar_ui(ui, &mut self.preview, self.document.design().sessions.len());
        }
        self.follow_ups.forget_missing(self.document.design().views.get(self.view_index));
        let aligning_later = self.follow_ups.aligning.as_ref().is_some_and(follow_up::Aligning::on_later_photo);
        let photo_ref = self.canvas_photo_ref().cloned();
        let photo_view = self.photos.view(photo_ref.as_ref());
        self.commands.extend(view_bar::photo_banner_ui(ui, photo_view.as_ref()));
        let (texture, size) = match (&photo_view, &photo_ref) {
            (Some(PhotoView::Ready(p) | PhotoView::Changed(p)), _) => {
                (Some(&p.texture), Some((p.width_px, p.height_px)))
            }
            (_, Some(r)) => (None, Some((r.width_px, r.height_px))),
            _ => (None, None),
        };
        // Photo sides are at most a few tens of thousands of pixels: exact in f32.
        #[expect(clippy::cast_precision_loss, reason = "photo sizes are far below 2^24")]
        let photo_size_px = size.map(|(w, h)| egui::vec2(w as f32, h as f32));
        let view = self.document.design().views.get(self.view_index);
        let follow_up = if aligning_later { None } else { follow_up::compared(view, &self.follow_ups, &self.photos) };
        let comparing_follow_up = follow_up.is_some();
        let compare = match (self.preview.enabled, &follow_up) {
            (_, Some(_)) => preview::Compare::Split,
            (true, None) => self.preview.compare,
            (false, None) => preview::Compare::Off,
        };
        let before_share = match (&follow_up, compare) {
            (Some(_), _) => Some(self.follow_ups.before_share),
            (None, preview::Compare::Split) => Some(self.preview.before_share),
            _ => None,
        };
        let preview = if follow_up.is_some() || aligning_later {
            None
        } else {
            self.preview.texture(ui.ctx(), &self.document, self.view_index)
        };
        if let (preview::Compare::SideBySide, Some(size)) = (compare, photo_size_px) {
            canvas::side_by_side_ui(ui, texture, preview, size);
            return;
        }
        let Some(view) = self.document.design().views.get(self.view_index) else {
            ui.centered_and_justified(|ui| ui.label("This design has no views. Use + Add view above."));
            return;
        };
        let rubber_band = match (self.tool, self.interaction.first_click, self.interaction.cursor_in_photo) {
            (Tool::Ruler | Tool::Calibrate, Some(first), Some(cursor)) => Some([first, cursor]),
            _ => None,
        };
        let paint = CanvasPaint {
            view,
            texture,
            preview,
            before_share,
            photo_size_px,
            selection: self.interaction.selection,
            hover: self.interaction.hover,
            ruler: rubber_band.or(if self.tool == Tool::Ruler { self.interaction.ruler } else { None }),
            drawing_zone: self.interaction.drawing_zone.map(|z| (z, self.interaction.cursor_in_photo)),
            drawing: !self.presenting && !aligning_later,
            guides: self.canvas.guides_visible,
            follow_up,
        };
        let response = canvas::canvas_ui(ui, &mut self.canvas, &paint);
        if photo_view.is_none() && photo_ref.is_none() {
            view_bar::empty_canvas_hint_ui(ui, response.rect);
        }
        let divider = before_share.zip(photo_size_px).map(|(_, size)| {
            let photo_rect = self
                .canvas
                .screen_from_photo(response.rect)
                .mul_rect(egui::Rect::from_min_size(egui::Pos2::ZERO, size));
            let share =
                if comparing_follow_up { &mut self.follow_ups.before_share } else { &mut self.preview.before_share };
            canvas::divider_ui(ui, photo_rect, share)
        });
        if let Some(aligning) = &self.follow_ups.aligning {
            let canvas = response.rect;
            let to_screen = |p| self.canvas.to_screen(canvas, p);
            follow_up::paint_markers(ui.painter(), &aligning.markers(), &to_screen);
        }
        let on_divider = divider.is_some_and(|d| d.hovered() || d.dragged());
        self.canvas_input(ui, response, on_divider);
    }

    /// Panning, zooming, and the tools' clicks and drags on the canvas.
    fn canvas_input(&mut self, ui: &egui::Ui, response: egui::Response, on_divider: bool) {
        let panning = self.canvas.navigate(ui, &response, self.tool == Tool::Pan);
        if self.presenting {
            // Looking, not editing: the photo pans and zooms, and nothing else moves.
            response.on_hover_cursor(if panning { egui::CursorIcon::Grab } else { egui::CursorIcon::Default });
            return;
        }
        if self.follow_ups.aligning.is_some() {
            if !panning
                && response.clicked()
                && let Some(pointer) = response.interact_pointer_pos()
            {
                let at = self.canvas.to_photo(response.rect, pointer);
                self.alignment_click(at);
            }
            response.on_hover_cursor(if panning { egui::CursorIcon::Grab } else { egui::CursorIcon::Crosshair });
            return;
        }
        if !panning && !on_divider {
            let message =
                self.interaction.handle(ui, &response, &self.canvas, self.tool, &mut self.document, self.view_index);
            if let Some(message) = message {
                self.status = message;
            }
            if let Some(at) = self.interaction.skin_click.take() {
                self.status = self.sample_skin(at);
            }
        }
        let cursor = if panning || self.tool == Tool::Pan {
            egui::CursorIcon::Grab
        } else if self.interaction.hover.is_some() && self.tool != Tool::Ruler {
            egui::CursorIcon::PointingHand
        } else {
            egui::CursorIcon::Crosshair
        };
        response.on_hover_cursor(cursor);
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if self.jobs.busy() {
                ui.spinner();
                ui.label("Working…");
            }
            ui.label(format!("Zoom {:.0} %", self.canvas.zoom * 100.0));
            if self.preview.enabled {
                ui.separator();
                let view = self.document.design().views.get(self.view_index);
                let estimate = view.and_then(crate::follicles::estimated_dots).unwrap_or(0.0);
                if estimate > crate::follicles::MAX_SIMULATED_DOTS {
                    // Whole dots, far inside u64.
                    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a positive estimate")]
                    let estimate = estimate as u64;
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!(
                            "No preview: the zones would hold {} dots. Check the calibration.",
                            thousands(estimate)
                        ),
                    );
                } else {
                    ui.label(format!("{} dots", thousands(u64::try_from(self.preview.dot_count).unwrap_or(u64::MAX))));
                }
            }
            ui.separator();
            let mm_per_px = self.document.design().views.get(self.view_index).and_then(crate::design::View::mm_per_px);
            match (self.interaction.cursor_in_photo, mm_per_px) {
                (Some(p), Some(scale)) => {
                    ui.label(format!("x {:.0}  y {:.0} px  ({:.1}, {:.1} mm)", p.x, p.y, p.x * scale, p.y * scale))
                }
                (Some(p), None) => ui.label(format!("x {:.0}  y {:.0} px", p.x, p.y)),
                (None, _) => ui.label("x –  y –"),
            };
            ui.separator();
            if self.document.is_dirty() {
                ui.label(egui::RichText::new("• Unsaved changes").color(ui.visuals().warn_fg_color));
                ui.separator();
            }
            ui.label(&self.status);
        });
    }

    fn current_photo_ref(&self) -> Option<&crate::design::PhotoRef> {
        self.document.design().views.get(self.view_index)?.photo.as_ref()
    }

    /// Starts loading the photos the canvas needs: the view's, and a follow-up photo being
    /// aligned or compared.
    fn request_photo(&mut self, ctx: &egui::Context) {
        let wanted: Vec<PathBuf> = [self.current_photo_ref(), self.active_follow_up().map(|f| &f.photo)]
            .into_iter()
            .flatten()
            .map(|photo| PathBuf::from(&photo.path))
            .collect();
        for path in wanted {
            if self.photos.get(&path).is_none() {
                self.photos.set_loading(path.clone());
                self.jobs.decode_photo(path, PhotoPurpose::Show, max_display_side(ctx));
            }
        }
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for (shortcut, command) in command::shortcuts() {
            // While typing, letters and Delete belong to the text field, and so does Ctrl+Z.
            let while_typing = matches!(
                command,
                Command::Save
                    | Command::SaveAs(_)
                    | Command::NewDesign
                    | Command::OpenDesign(_)
                    | Command::OpenPhoto(_)
                    | Command::Quit
                    | Command::ToggleHelp
            );
            // Presenting, the client looks: nothing edits the design.
            let while_presenting = matches!(
                command,
                Command::TogglePresentation
                    | Command::ZoomIn
                    | Command::ZoomOut
                    | Command::ZoomToFit
                    | Command::ZoomTo100
                    | Command::Save
                    | Command::Quit
                    | Command::ToggleHelp
            );
            if (!typing || while_typing)
                && (!self.presenting || while_presenting)
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.commands.push(command);
            }
        }
        if self.presenting && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            self.commands.push(Command::TogglePresentation);
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        for path in dropped {
            self.commands.push(if is_design_path(&path) {
                Command::OpenDesign(Some(path))
            } else {
                Command::OpenPhoto(Some(path))
            });
        }
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            view_bar::drop_overlay_ui(ctx);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.document.is_dirty() && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.ask_unsaved(Pending::Quit);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let name = self
            .document
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| self.untitled_name.clone(), |n| n.to_string_lossy().into_owned());
        let dirty = if self.document.is_dirty() { "● " } else { "" };
        let read_only = if self.document.read_only_reason.is_some() { " (read-only)" } else { "" };
        let title = format!("{dirty}{name}{read_only} — Hairline Studio");
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn run_queued_commands(&mut self, ctx: &egui::Context) {
        while !self.commands.is_empty() {
            let commands = std::mem::take(&mut self.commands);
            for command in commands {
                self.run_command(ctx, command);
            }
        }
    }

    /// Applies one command.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        // Replacing or closing the design asks first when it has unsaved changes (a dialog to
        // pick the file comes before the question, so cancelling it asks nothing).
        let replaces_design = match &command {
            Command::NewDesign => Some(Pending::New),
            Command::OpenDesign(Some(path)) => Some(Pending::Open(path.clone())),
            Command::FollowUp(path) => Some(Pending::FollowUp(path.clone())),
            Command::Quit => Some(Pending::Quit),
            _ => None,
        };
        if let Some(pending) = replaces_design {
            let confirmed = self.dialogs.take_discard_confirmation();
            if self.document.is_dirty() && !confirmed {
                self.dialogs.ask_unsaved(pending);
                return;
            }
        }
        match command {
            Command::NewDesign => {
                self.replace_document(Document::new(Design::new(new_seed()), None));
                self.untitled_name = "Untitled design".to_owned();
                self.status =
                    "New design. Open a client photo to start (File > Open photo, or drop it here).".to_owned();
            }
            Command::OpenDesign(None) => self.jobs.pick_file(Pick::OpenDesign, self.document_folder()),
            Command::OpenDesign(Some(path)) => {
                self.status = format!("Opening {}…", path.display());
                self.jobs.open_design(path);
            }
            Command::OpenPhoto(None) => self.jobs.pick_file(Pick::OpenPhoto, self.document_folder()),
            Command::OpenPhoto(Some(path)) => {
                self.decode_for_view(ctx, path, PhotoPurpose::UseForView(self.view_index));
            }
            Command::LocatePhoto(None) => self.jobs.pick_file(Pick::LocatePhoto, self.document_folder()),
            Command::LocatePhoto(Some(path)) => self.decode_for_view(ctx, path, PhotoPurpose::Relink(self.view_index)),
            Command::AcceptChangedPhoto => self.accept_changed_photo(),
            Command::Save => match self.document.path.clone() {
                Some(path) => self.save_to(path),
                None => self.jobs.pick_file(Pick::SaveAs, self.save_folder()),
            },
            Command::SaveAs(None) => self.jobs.pick_file(Pick::SaveAs, self.save_folder()),
            Command::SaveAs(Some(path)) => self.save_to(path),
            Command::Undo => self.document.undo(),
            Command::Redo => self.document.redo(),
            Command::DeleteSelection => {
                if let Some(message) = self.interaction.delete_selection(&mut self.document, self.view_index) {
                    self.status = message;
                }
            }
            Command::ToggleHelp => self.dialogs.help_open = !self.dialogs.help_open,
            Command::ExportSheet => self.open_export(),
            Command::AddFollowUp(_) if self.current_photo_ref().is_none() => {
                self.status = "Open this view's photo first: a follow-up photo is compared with it.".to_owned();
            }
            Command::AddFollowUp(None) => self.jobs.pick_file(Pick::FollowUpPhoto, self.document_folder()),
            Command::AddFollowUp(Some(path)) => {
                self.decode_for_view(ctx, path, PhotoPurpose::AddFollowUp(self.view_index));
            }
            Command::AlignFollowUp(index) => self.start_alignment(index),
            Command::CancelAlignment => {
                self.follow_ups.aligning = None;
                self.canvas.fit_pending = true;
                self.status = "Alignment cancelled; the follow-up photo keeps its earlier alignment.".to_owned();
            }
            Command::CompareFollowUp(index) => self.follow_ups.comparing = index,
            Command::RemoveFollowUp(index) => self.remove_follow_up(index),
            Command::ShowLibrary => {
                let actions = self.library.show();
                self.run_library_actions(actions);
            }
            Command::FollowUp(path) => {
                self.status = format!("Opening {} for a follow-up visit…", path.display());
                self.jobs.open_follow_up(path);
            }
            Command::RestoreRecovered(index) => self.restore_recovered(index),
            Command::DiscardRecovered(index) => {
                if let Some(entry) = self.dialogs.take_recovered(index) {
                    let file = match &entry {
                        Ok(recovered) => recovered.file.as_path(),
                        Err(unreadable) => unreadable.file(),
                    };
                    let _ = std::fs::remove_file(file);
                }
            }
            Command::Quit => {
                self.autosave.discard();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            view_command => self.run_view_command(ctx, &view_command),
        }
    }

    /// Commands about the canvas, tools and overlays rather than files.
    fn run_view_command(&mut self, ctx: &egui::Context, command: &Command) {
        match *command {
            Command::ZoomIn => self.canvas.zoom_step(1),
            Command::ZoomOut => self.canvas.zoom_step(-1),
            Command::ZoomToFit => self.canvas.fit_pending = true,
            Command::ZoomTo100 => self.canvas.zoom_to_actual_pixels(ctx.pixels_per_point()),
            Command::SelectTool(tool) => {
                self.tool = tool;
                self.interaction.first_click = None;
                self.status = match tool {
                    Tool::Calibrate => "Calibrate: click both ends of something of known length.".to_owned(),
                    Tool::Landmarks => format!("Landmarks: click to place {}.", self.interaction.next_landmark.label()),
                    Tool::Ruler => "Ruler: click two points (or drag) to measure.".to_owned(),
                    _ => format!("{} tool", tool.label()),
                };
            }
            Command::PlaceLandmark(landmark) => {
                self.interaction.next_landmark = landmark;
                self.run_command(ctx, Command::SelectTool(Tool::Landmarks));
            }
            Command::SetCalibration { a, b, length_mm } => {
                if let Some(view) = self.document.design_mut().views.get_mut(self.view_index) {
                    view.calibration = Some(crate::design::Calibration {
                        source: crate::design::CalibrationSource::Ruler,
                        a,
                        b,
                        length_mm,
                    });
                    self.status = format!("Calibrated: {:.4} mm per pixel.", length_mm / a.distance_to(b));
                }
            }
            Command::ToggleMirror => {
                self.interaction.mirror = !self.interaction.mirror;
                self.status = if self.interaction.mirror {
                    "Mirror mode on: edits are mirrored about the midline.".to_owned()
                } else {
                    "Mirror mode off.".to_owned()
                };
            }
            Command::TogglePresentation => {
                self.presenting = !self.presenting;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.presenting));
                self.canvas.fit_pending = true;
                if self.presenting {
                    self.preview.enabled = true;
                    self.interaction.first_click = None;
                    self.status = "Presentation: Esc or F5 returns to the studio.".to_owned();
                } else {
                    self.status = "Back in the studio.".to_owned();
                }
            }
            Command::TogglePreview => {
                self.preview.enabled = !self.preview.enabled;
                self.status = if self.preview.enabled {
                    "Preview on: simulated dots at true size and density.".to_owned()
                } else {
                    "Preview off.".to_owned()
                };
            }
            Command::ToggleGuides => self.canvas.guides_visible = !self.canvas.guides_visible,
            _ => {}
        }
    }

    fn document_folder(&self) -> Option<PathBuf> {
        self.document.path.as_deref().and_then(Path::parent).map(Path::to_owned)
    }

    /// Where "Save as" starts: beside the design, or for a new one in the library (made if
    /// need be, so the dialog can open there).
    fn save_folder(&self) -> Option<PathBuf> {
        self.document_folder().or_else(|| {
            let library = self.library.folder()?;
            std::fs::create_dir_all(library).ok()?;
            Some(library.to_owned())
        })
    }

    /// Replaces the open design; its unsaved changes were saved or knowingly discarded, so its
    /// recovery copy goes too.
    fn replace_document(&mut self, document: Document) {
        self.autosave.discard();
        self.autosave.start_session(None);
        self.document = document;
        self.view_index = 0;
        self.interaction.clear();
        self.follow_ups = follow_up::FollowUps::new();
        self.canvas.fit_pending = true;
        let in_use: Vec<&Path> = self
            .document
            .design()
            .views
            .iter()
            .flat_map(|v| v.photo.iter().chain(v.follow_ups.iter().map(|f| &f.photo)))
            .map(|p| Path::new(&p.path))
            .collect();
        self.photos.retain(&in_use);
    }

    fn decode_for_view(&mut self, ctx: &egui::Context, path: PathBuf, purpose: PhotoPurpose) {
        self.status = format!("Opening photo {}…", path.display());
        self.jobs.decode_photo(path, purpose, max_display_side(ctx));
    }

    /// Measures the skin at `at` on the current view's photo and adds the sample; returns what
    /// to tell the artist.
    fn sample_skin(&mut self, at: crate::design::PhotoPoint) -> String {
        let view_index = self.view_index;
        let Some(view) = self.document.design().views.get(view_index) else {
            return "No view to sample.".to_owned();
        };
        if view.skin_samples.len() >= crate::design::Limits::MAX_SKIN_SAMPLES {
            return "This view has as many skin samples as it can keep; delete some first.".to_owned();
        }
        let Some(PhotoView::Ready(loaded) | PhotoView::Changed(loaded)) = self.photos.view(view.photo.as_ref()) else {
            return "The photo is not loaded, so there is no skin to sample.".to_owned();
        };
        let radius_px = self.skin_radius_px(view);
        let Some(lab) = loaded.sample_skin(at, radius_px) else {
            return "Click on the photo to sample the skin.".to_owned();
        };
        let sample = crate::design::SkinSample { at, radius_px, l: lab.l, a: lab.a, b: lab.b };
        self.document.design_mut().views[view_index].skin_samples.push(sample);
        let category = crate::colour::ItaCategory::of(lab.ita_degrees());
        format!(
            "Skin sampled: L* {:.1}, a* {:.1}, b* {:.1}; ITA {:.0}° ({}).",
            lab.l,
            lab.a,
            lab.b,
            lab.ita_degrees(),
            category.label()
        )
    }

    /// The eyedropper's radius in photo pixels: the artist's choice in mm once calibrated, else
    /// a hundredth of the photo's longer side.
    fn skin_radius_px(&self, view: &crate::design::View) -> f64 {
        match view.mm_per_px() {
            Some(mm_per_px) => self.skin_radius_mm / mm_per_px,
            None => view.photo.as_ref().map_or(10.0, |p| f64::from(p.width_px.max(p.height_px)) / 100.0),
        }
    }

    fn save_to(&mut self, path: PathBuf) {
        if let Some(reason) = &self.document.read_only_reason {
            self.dialogs.error(format!("This design is read-only: {reason}"));
            return;
        }
        let path = if path.extension().is_none() { path.with_extension("json") } else { path };
        let state_id = self.document.checkpoint();
        self.status = format!("Saving {}…", path.display());
        self.jobs.save(path, self.document.design().clone(), state_id);
    }

    fn accept_changed_photo(&mut self) {
        let Some(photo) = self.current_photo_ref() else {
            return;
        };
        if let Some(PhotoView::Changed(loaded)) = self.photos.view(Some(photo)) {
            let (sha256, width_px, height_px) = (loaded.sha256.clone(), loaded.width_px, loaded.height_px);
            let view_index = self.view_index;
            if let Some(photo) = self.document.design_mut().views[view_index].photo.as_mut() {
                photo.sha256 = sha256;
                photo.width_px = width_px;
                photo.height_px = height_px;
            }
        }
    }

    fn apply_job_result(&mut self, ctx: &egui::Context, result: JobResult) {
        match result {
            JobResult::Picked { pick, path: None } => {
                self.status = format!("{} cancelled.", pick_label(pick));
                self.dialogs.cancel_pending();
            }
            JobResult::Picked { pick, path: Some(path) } => self.commands.push(match pick {
                Pick::OpenDesign => Command::OpenDesign(Some(path)),
                Pick::OpenPhoto => Command::OpenPhoto(Some(path)),
                Pick::LocatePhoto => Command::LocatePhoto(Some(path)),
                Pick::SaveAs => Command::SaveAs(Some(path)),
                Pick::ExportSheet => {
                    self.export.path = path.to_string_lossy().into_owned();
                    return;
                }
                Pick::FollowUpPhoto => Command::AddFollowUp(Some(path)),
                Pick::LibraryFolder => {
                    let actions = vec![library::LibraryAction::Scan(path)];
                    self.run_library_actions(actions);
                    return;
                }
            }),
            JobResult::DesignOpened { path, result: Ok(parsed) } => {
                let mut document = Document::new(parsed.design, Some(path.clone()));
                if let Some(version) = parsed.newer_version {
                    let reason = format!(
                        "it was written by a newer Hairline Studio (format version {version}); it is shown read-only so that nothing the newer version stored is lost. Update Hairline Studio to edit it."
                    );
                    self.dialogs.error(format!("{} opened read-only: {reason}", path.display()));
                    document.read_only_reason = Some(reason);
                }
                self.replace_document(document);
                self.status = format!("Opened {}.", path.display());
                if let Some(message) = self.recent.add(&path) {
                    self.status = message;
                }
            }
            JobResult::DesignOpened { path, result: Err(e) } => {
                if matches!(e, crate::design::DesignError::Read { .. }) {
                    let _ = self.recent.remove(&path);
                }
                self.status = format!("Could not open {}.", path.display());
                self.dialogs.error(e.to_string());
            }
            JobResult::Autosaved { result: Ok(()) } => {}
            JobResult::Autosaved { result: Err(e) } => {
                self.autosave.failed();
                self.status = format!("Autosave failed (your design is still open; save it): {e}");
            }
            JobResult::Saved { path, state_id, result: Ok(()) } => {
                self.document.mark_saved(path.clone(), state_id);
                if !self.document.is_dirty() {
                    self.autosave.discard();
                }
                self.status = format!("Saved {}.", path.display());
                if let Some(message) = self.recent.add(&path) {
                    self.status = message;
                }
                if let Some(pending) = self.dialogs.take_after_save() {
                    self.run_pending(&pending);
                }
            }
            JobResult::Saved { result: Err(e), .. } => {
                self.status = "Not saved.".to_owned();
                self.dialogs.cancel_pending();
                self.dialogs.error(e.to_string());
            }
            JobResult::PhotoDecoded { path, purpose, result } => self.apply_photo(ctx, path, purpose, result),
            JobResult::SheetExported { result } => self.sheet_exported(result),
            JobResult::LibraryScanned { folder, result } => {
                self.library.scanned(&folder, result);
                if std::mem::take(&mut self.library_start) && !self.library.has_designs() {
                    self.library.open = false;
                }
            }
            JobResult::ThumbnailMade { sha256, result } => {
                self.library.thumbnail_ready(ctx, sha256, result);
                self.start_thumbnails();
            }
            JobResult::FollowUpOpened { path, result } => self.start_follow_up(&path, result),
        }
    }

    fn apply_photo(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        purpose: PhotoPurpose,
        result: Result<crate::io::DecodedPhoto, crate::io::PhotoError>,
    ) {
        let photo = match result {
            Ok(photo) => photo,
            Err(e) => {
                if purpose == PhotoPurpose::Show {
                    self.photos.set_failed(path, e.to_string());
                } else {
                    self.status = "The photo did not open; the design is unchanged.".to_owned();
                    self.dialogs.error(e.to_string());
                }
                return;
            }
        };
        let (width_px, height_px, sha256) = (photo.width_px, photo.height_px, photo.sha256.clone());
        if let PhotoPurpose::AddFollowUp(view_index) = purpose {
            self.add_follow_up(ctx, view_index, &path, photo);
            return;
        }
        let (PhotoPurpose::UseForView(view_index) | PhotoPurpose::Relink(view_index)) = purpose else {
            self.photos.set_loaded(ctx, path, photo);
            return;
        };
        let Some(photo_ref) = photo_ref_for(&path, sha256, width_px, height_px) else {
            self.dialogs.error(unstorable_path_message(&path));
            return;
        };
        let absolute = PathBuf::from(&photo_ref.path);
        self.photos.set_loaded(ctx, absolute, photo);
        let Some(view) = self.document.design_mut().views.get_mut(view_index) else {
            return;
        };
        let old_size = view.photo.as_ref().map(|p| (p.width_px, p.height_px));
        view.photo = Some(photo_ref);
        self.status = match (purpose, old_size) {
            (PhotoPurpose::Relink(_), Some(old)) if old != (width_px, height_px) => format!(
                "Relinked to {}, but it is {width_px} x {height_px} px where the design was drawn on {} x {} px: check that the drawing lines up.",
                path.display(),
                old.0,
                old.1
            ),
            (PhotoPurpose::Relink(_), _) => format!("Relinked the photo to {}.", path.display()),
            _ => {
                self.canvas.fit_pending = true;
                format!("Opened photo {} ({width_px} x {height_px} px).", path.display())
            }
        };
    }

    fn restore_recovered(&mut self, index: usize) {
        let Some(Ok(recovered)) = self.dialogs.take_recovered(index) else {
            return;
        };
        let mut document = Document::new(recovered.design, recovered.original_path.clone());
        document.mark_unsaved();
        self.replace_document(document);
        // Keep autosaving into the same copy, so it is deleted only by a save or a discard.
        self.autosave.start_session(Some(recovered.session));
        self.untitled_name = "Recovered design".to_owned();
        self.status = match recovered.original_path {
            Some(path) => format!("Restored the unsaved changes to {}. Save to keep them.", path.display()),
            None => "Restored an unsaved design. Save it to keep it.".to_owned(),
        };
    }

    fn run_pending(&mut self, pending: &Pending) {
        self.dialogs.confirm_discard();
        self.commands.push(pending.command());
    }
}

impl eframe::App for StudioApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.studio_ui(ui);
    }
}

/// Why a photo at `path` cannot be referenced from a design (its path is not valid Unicode).
fn unstorable_path_message(path: &Path) -> String {
    format!(
        "The photo's path {} contains characters that cannot be stored in a design. Rename the file or its folder and try again.",
        path.display()
    )
}

fn is_design_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

fn pick_label(pick: Pick) -> &'static str {
    match pick {
        Pick::OpenDesign => "Open design",
        Pick::OpenPhoto => "Open photo",
        Pick::LocatePhoto => "Locate photo",
        Pick::SaveAs => "Save as",
        Pick::ExportSheet => "Export",
        Pick::LibraryFolder => "Choose library folder",
        Pick::FollowUpPhoto => "Add follow-up photo",
    }
}

fn max_display_side(ctx: &egui::Context) -> u32 {
    let gpu_limit = u32::try_from(ctx.input(|i| i.max_texture_side)).unwrap_or(u32::MAX);
    gpu_limit.clamp(1024, MAX_TEXTURE_SIDE)
}

/// A fresh seed for a new design; from then on the seed is saved with it.
fn new_seed() -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    // Keep seeds within JSON's exactly representable integers (2^53) for other readers.
    u64::try_from(nanos & ((1 << 53) - 1)).unwrap_or_default()
}
