//! Commands, applied after the frame's UI pass: files, undo, the design's edits from panels, and
//! how the canvas is looked at.

use std::path::{Path, PathBuf};

use crate::design::{Design, Document};
use crate::edit::{Edit, Made};

use super::dialogs::Pending;
use super::file_dialogs::{FileDialogs, InAppBrowser, Pick};
use super::jobs::{PhotoPurpose, SaveJob};
use super::tools::{AlignTool, LandmarksTool, Tool};
use super::{Command, StudioApp};

impl StudioApp {
    pub(super) fn run_queued_commands(&mut self, ctx: &egui::Context) {
        while !self.commands.is_empty() {
            for command in std::mem::take(&mut self.commands) {
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
            Command::NewDesignFromPhoto(path) => Some(Pending::NewFromPhoto(path.clone())),
            Command::OpenDesign(Some(path)) => Some(Pending::Open(path.clone())),
            Command::FollowUp(path) => Some(Pending::FollowUp(path.clone())),
            Command::Quit => Some(Pending::Quit),
            _ => None,
        };
        if let Some(pending) = replaces_design {
            let confirmed = self.windows.dialogs.take_discard_confirmation();
            if self.open.document.is_dirty() && !confirmed {
                self.windows.dialogs.ask_unsaved(pending);
                return;
            }
        }
        match command {
            Command::NewDesign => {
                self.replace_document(Document::new(Design::new(new_seed()), None), "Untitled design");
                self.status.say("New design. Open a client photo to start (File > Open photo, or drop it here).");
            }
            Command::OpenDesign(None) => self.pick(Pick::OpenDesign),
            Command::OpenDesign(Some(path)) => {
                self.status.say(format!("Opening {}…", path.display()));
                self.services.jobs.open_design(path);
            }
            Command::OpenPhoto(None) => self.pick(Pick::OpenPhoto),
            Command::OpenPhoto(Some(path)) => self.open_photo(ctx, path),
            Command::NewDesignFromPhoto(path) => {
                self.replace_document(Document::new(Design::new(new_seed()), None), "Untitled design");
                self.decode_for_view(ctx, path, PhotoPurpose::UseForView(self.open.view_id()));
            }
            Command::ReplacePhoto(path) => self.decode_for_view(ctx, path, PhotoPurpose::Replace(self.open.view_id())),
            Command::LocatePhoto(None) => self.pick(Pick::LocatePhoto),
            Command::LocatePhoto(Some(path)) => {
                self.decode_for_view(ctx, path, PhotoPurpose::Relink(self.open.view_id()));
            }
            Command::AcceptChangedPhoto => self.accept_changed_photo(),
            Command::Save => match self.open.document.path.clone() {
                Some(path) => self.save_to(path, false),
                None => self.pick_in(Pick::SaveAs, self.save_folder()),
            },
            Command::SaveAs(None) => self.pick_in(Pick::SaveAs, self.save_folder()),
            Command::SaveAs(Some(path)) => self.save_to(path, false),
            Command::OverwriteOnDisk => {
                if let Some(path) = self.open.document.path.clone() {
                    self.save_to(path, true);
                }
            }
            Command::ReloadFromDisk => {
                if let Some(path) = self.open.document.path.clone() {
                    self.windows.dialogs.confirm_discard();
                    self.commands.push(Command::OpenDesign(Some(path)));
                }
            }
            Command::OpenAnyway => self.take_over_lock(),
            // While a zone is being drawn, undo takes back its last corner.
            Command::Undo if self.with_tools(super::tools::ToolBox::undo_in_tool) => {}
            Command::Undo => {
                let undone = self.open.document.undo();
                self.after_undo_or_redo("Undo", undone);
            }
            Command::Redo => {
                let redone = self.open.document.redo();
                self.after_undo_or_redo("Redo", redone);
            }
            Command::DeleteSelection => self.delete_selection(),
            Command::Apply(edit) => _ = self.apply_edit(edit),
            Command::AddView(kind) => {
                if self.apply_edit(Edit::AddView(kind)).is_some() {
                    // A view is its photo: ask for it straight away (or drop one on the window).
                    self.commands.push(Command::OpenPhoto(None));
                }
            }
            Command::ShowView(view) => self.show_view(view),
            Command::ToggleHelp => self.windows.dialogs.help_open = !self.windows.dialogs.help_open,
            Command::ExportSheet => self.open_export(),
            Command::ShowLibrary => {
                let actions = self.windows.library.show();
                self.run_library_actions(actions);
            }
            Command::FollowUp(path) => {
                self.status.say(format!("Opening {} for a follow-up visit…", path.display()));
                self.services.jobs.open_follow_up(path);
            }
            Command::RestoreRecovered(index) => self.restore_recovered(index),
            Command::DiscardRecovered(index) => self.discard_recovered(index),
            Command::Quit => {
                // Quitting is only reached with nothing unsaved or the changes knowingly
                // dropped: either way no recovery copy is left to be offered as a crash's.
                self.services.autosave.stop();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::AddFollowUp(_)
            | Command::AlignFollowUp(_)
            | Command::CancelAlignment
            | Command::CompareFollowUp(_)
            | Command::RemoveFollowUp(_) => self.run_follow_up_command(ctx, command),
            Command::MeasureHealed { follow_up, zone } => self.measure_healed(follow_up, zone),
            Command::ResetHealedCalibration => self.reset_healed_calibration(),
            view_command => self.run_view_command(ctx, &view_command),
        }
    }

    /// Commands about the later photos of the view shown.
    fn run_follow_up_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::AddFollowUp(_) if self.open.view().and_then(|v| v.photo.as_ref()).is_none() => {
                self.status.say("Open this view's photo first: a follow-up photo is compared with it.");
            }
            Command::AddFollowUp(None) => self.pick(Pick::FollowUpPhoto),
            Command::AddFollowUp(Some(path)) => {
                self.decode_for_view(ctx, path, PhotoPurpose::AddFollowUp(self.open.view_id()));
            }
            Command::AlignFollowUp(follow_up) => {
                self.canvas.comparison.follow_up = None;
                self.with_tools(|tools, cx| tools.start_task(Box::new(AlignTool::new(follow_up)), cx));
            }
            Command::CancelAlignment => self.with_tools(super::tools::ToolBox::end_task),
            Command::CompareFollowUp(follow_up) => self.canvas.comparison.follow_up = follow_up,
            Command::RemoveFollowUp(follow_up) => {
                let view = self.open.view_id();
                let number = self.open.view().and_then(|v| v.follow_ups.iter().position(|f| f.id == follow_up));
                if self.open.document.apply(Edit::RemoveFollowUp { view, follow_up }).is_ok() {
                    self.canvas.comparison.follow_up = None;
                    self.status.say(format!(
                        "Removed follow-up photo {} from the design (the file stays).",
                        number.map_or(0, |n| n + 1)
                    ));
                }
            }
            _ => {}
        }
    }

    /// Commands about how the canvas is looked at and which tool is in hand.
    fn run_view_command(&mut self, ctx: &egui::Context, command: &Command) {
        match *command {
            Command::ZoomIn => self.canvas.view.zoom_step(1),
            Command::ZoomOut => self.canvas.view.zoom_step(-1),
            Command::ZoomToFit => self.canvas.view.fit_pending = true,
            Command::ZoomTo100 => self.canvas.view.zoom_to_actual_pixels(ctx.pixels_per_point()),
            Command::SelectTool(tool) => self.with_tools(|tools, cx| tools.choose(tool, cx)),
            Command::PlaceLandmark(landmark) => self.with_tools(|tools, cx| {
                tools.choose_prepared(Tool::Landmarks, Box::new(LandmarksTool::starting_at(landmark)), cx);
            }),
            Command::ToggleMirror => {
                let mirror = &mut self.canvas.tools.mirror;
                *mirror = !*mirror;
                self.status.say(if *mirror {
                    "Mirror mode on: edits are mirrored about the midline."
                } else {
                    "Mirror mode off."
                });
            }
            Command::TogglePresentation => {
                let presenting = !self.windows.presenting;
                self.windows.presenting = presenting;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(presenting));
                self.canvas.view.fit_pending = true;
                if presenting {
                    self.canvas.preview.enabled = true;
                    self.status.say("Presentation: Esc or F5 returns to the studio.");
                } else {
                    self.status.say("Back in the studio.");
                }
            }
            Command::TogglePreview => {
                let preview = &mut self.canvas.preview;
                preview.enabled = !preview.enabled;
                self.status.say(if preview.enabled {
                    "Preview on: simulated dots at true size and density."
                } else {
                    "Preview off."
                });
            }
            Command::ToggleGuides => self.canvas.view.guides_visible = !self.canvas.view.guides_visible,
            _ => {}
        }
    }

    /// Applies an edit from a panel: the selection follows it, its message is shown, a refusal
    /// says why, and a new view is shown. Returns the new view, if the edit made one.
    fn apply_edit(&mut self, edit: Edit) -> Option<crate::design::ViewId> {
        let made = self.with_tools(|_, cx| cx.apply(edit)).and_then(|outcome| outcome.made);
        let Some(Made::View(view)) = made else {
            return None;
        };
        self.show_view(view);
        Some(view)
    }

    /// Shows another view. What the tool had half done there (a zone being drawn, a follow-up
    /// photo being aligned) is finished or dropped first: its ids belong to the view it was in.
    fn show_view(&mut self, view: crate::design::ViewId) {
        if view == self.open.view_id() {
            return;
        }
        self.with_tools(super::tools::ToolBox::leave);
        self.canvas.comparison = super::follow_up::Comparison::default();
        self.open.show_view(view);
    }

    /// Says what was undone or redone. A selected point keeps its shape but not its position:
    /// the point at that position may be another one now.
    fn after_undo_or_redo(&mut self, what: &str, label: Option<String>) {
        match label {
            Some(label) => self.status.say(format!("{what}: {label}")),
            None => self.status.say(format!("Nothing to {}.", what.to_lowercase())),
        }
        if let Some(selection) = &mut self.open.selection {
            selection.point = None;
        }
    }

    /// Deletes the selected point (with its twin in mirror mode) or shape.
    fn delete_selection(&mut self) {
        let Some(selection) = self.open.selection else {
            self.status.say("Select a point, curve or zone first (Select tool, V).");
            return;
        };
        let edit = Edit::Delete {
            view: self.open.view_id(),
            selection,
            mirror: self.canvas.tools.mirror,
            open_zone: self.canvas.tools.active().open_zone(),
        };
        self.apply_edit(edit);
    }

    /// "Open anyway": this studio takes the lock another artist's studio holds, and the design
    /// becomes editable.
    fn take_over_lock(&mut self) {
        let Some(path) = self.open.document.path.clone() else {
            return;
        };
        match crate::io::DesignLock::take_over(&path) {
            Ok(lock) => {
                self.open.lock = Some(lock);
                self.open.document.read_only_reason = None;
                self.status.say(
                    "Opened anyway: you can edit it. The other artist's studio will refuse to save over your changes.",
                );
            }
            Err(e) => self.windows.dialogs.error(e.to_string()),
        }
    }

    /// A photo to open: into a view without one; a new design over the untouched welcome
    /// sample; else the artist says which, so a drawing never lands on another face unasked.
    fn open_photo(&mut self, ctx: &egui::Context, path: PathBuf) {
        if self.open.is_untouched_sample() {
            self.commands.push(Command::NewDesignFromPhoto(path));
        } else if self.open.view().is_some_and(|v| v.photo.is_some()) {
            self.windows.dialogs.ask_about_photo(path);
        } else {
            self.decode_for_view(ctx, path, PhotoPurpose::UseForView(self.open.view_id()));
        }
    }

    /// Opens a file dialog for `pick`, starting beside the design.
    fn pick(&mut self, pick: Pick) {
        self.pick_in(pick, self.document_folder());
    }

    /// Opens a file dialog for `pick` in `start_in`: the system's, or the studio's own browser
    /// once the system's could not be shown.
    pub(super) fn pick_in(&mut self, pick: Pick, start_in: Option<PathBuf>) {
        match self.services.file_dialogs {
            FileDialogs::System => self.services.jobs.pick_file(pick, start_in),
            FileDialogs::InApp => self.windows.browser = Some(InAppBrowser::new(pick, start_in)),
            FileDialogs::Off => self.picked(pick, None),
        }
    }

    pub(super) fn document_folder(&self) -> Option<PathBuf> {
        self.open.document.path.as_deref().and_then(Path::parent).map(Path::to_owned)
    }

    /// Where "Save as" starts: beside the design, or for a new one in the library (made if
    /// need be, so the dialog can open there).
    fn save_folder(&self) -> Option<PathBuf> {
        self.document_folder().or_else(|| {
            let library = self.windows.library.folder()?;
            std::fs::create_dir_all(library).ok()?;
            Some(library.to_owned())
        })
    }

    /// Saves to `path`: over the design's own file only if nobody changed it since (or
    /// `overwrite`); a file chosen in a dialog is replaced, as the dialog asked.
    fn save_to(&mut self, path: PathBuf, overwrite: bool) {
        if let Some(reason) = &self.open.document.read_only_reason {
            self.windows.dialogs.error(format!("This design is read-only: {reason}"));
            return;
        }
        let path = if path.extension().is_none() { path.with_extension("json") } else { path };
        let own_file = self.open.document.path.as_deref() == Some(path.as_path());
        let known = if own_file { self.open.on_disk.clone() } else { None };
        let job = SaveJob { path, known, overwrite: overwrite || !own_file, lock_it: !own_file };
        let state_id = self.open.document.checkpoint();
        self.status.say(format!("Saving {}…", job.path.display()));
        self.services.jobs.save(job, self.open.document.design().clone(), state_id);
    }

    /// Replaces the open design; its unsaved changes were saved or knowingly discarded, so its
    /// recovery copy goes too. What a tool had half done belonged to the old design.
    pub(super) fn replace_document(&mut self, document: Document, untitled_name: &str) {
        self.services.autosave.discard();
        self.services.autosave.start_session(None);
        self.open = super::state::OpenDesign::new(document, untitled_name);
        let chosen = self.canvas.tools.chosen;
        self.canvas.tools.reset(chosen);
        self.canvas.comparison = super::follow_up::Comparison::default();
        self.canvas.view.fit_pending = true;
        let in_use: Vec<&Path> = self
            .open
            .document
            .design()
            .views
            .iter()
            .flat_map(|v| v.photo.iter().chain(v.follow_ups.iter().map(|f| &f.photo)))
            .map(|p| Path::new(&p.path))
            .collect();
        self.canvas.photos.retain(&in_use);
    }

    pub(super) fn decode_for_view(&mut self, ctx: &egui::Context, path: PathBuf, purpose: PhotoPurpose) {
        self.status.say(format!("Opening photo {}…", path.display()));
        self.services.jobs.decode_photo(path, purpose, max_display_side(ctx));
    }

    /// The file at the photo's path has other content: take it as the view's photo.
    fn accept_changed_photo(&mut self) {
        let Some(photo) = self.open.view().and_then(|v| v.photo.clone()) else {
            return;
        };
        if let Some(loaded) = super::canvas_panel::ready(&self.canvas.photos, Some(&photo)) {
            let photo = crate::design::PhotoRef {
                sha256: loaded.sha256.clone(),
                width_px: loaded.width_px,
                height_px: loaded.height_px,
                ..photo
            };
            self.apply_edit(Edit::SetPhoto { view: self.open.view_id(), photo });
        }
    }

    fn restore_recovered(&mut self, index: usize) {
        let Some(Ok(recovered)) = self.windows.dialogs.take_recovered(index) else {
            return;
        };
        let mut document = Document::new(recovered.design, recovered.original_path.clone());
        document.mark_unsaved();
        self.replace_document(document, "Recovered design");
        // Keep autosaving into the same copy, so it is deleted only by a save or a discard.
        self.services.autosave.start_session(Some(recovered.session));
        self.status.say(match recovered.original_path {
            Some(path) => format!("Restored the unsaved changes to {}. Save to keep them.", path.display()),
            None => "Restored an unsaved design. Save it to keep it.".to_owned(),
        });
    }

    /// Deletes the recovery copy the dialog listed at `index`, whatever it holds.
    fn discard_recovered(&mut self, index: usize) {
        if let Some(entry) = self.windows.dialogs.take_recovered(index) {
            let file = match &entry {
                Ok(recovered) => recovered.file.as_path(),
                Err(unreadable) => unreadable.file(),
            };
            let _ = std::fs::remove_file(file);
        }
    }

    pub(super) fn run_pending(&mut self, pending: &Pending) {
        self.windows.dialogs.confirm_discard();
        self.commands.push(pending.command());
    }
}

pub fn is_design_path(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// The longest side a photo's display copy may have on this GPU.
pub fn max_display_side(ctx: &egui::Context) -> u32 {
    let gpu_limit = u32::try_from(ctx.input(|i| i.max_texture_side)).unwrap_or(u32::MAX);
    gpu_limit.clamp(1024, super::photos::MAX_TEXTURE_SIDE)
}

/// A fresh seed for a new design; from then on the seed is saved with it.
pub fn new_seed() -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    // Keep seeds within JSON's exactly representable integers (2^53) for other readers.
    u64::try_from(nanos & ((1 << 53) - 1)).unwrap_or_default()
}
