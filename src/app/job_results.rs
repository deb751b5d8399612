//! What the studio does when background work reports back: a file chosen, a design read or
//! saved, a photo decoded, a sheet exported, the library scanned.

use std::path::{Path, PathBuf};

use crate::design::{Document, PhotoRef, ViewId};
use crate::edit::{Edit, Made};
use crate::io::{LockError, PhotoError, SharedSaveError, photo_ref_for};

use super::file_dialogs::{FileDialogs, InAppBrowser, Pick, Picked};
use super::jobs::{JobResult, OpenedDesign, PhotoPurpose};
use super::photos::ReadyPhoto;
use super::{Command, StudioApp, library};

impl StudioApp {
    pub(super) fn apply_job_result(&mut self, ctx: &egui::Context, result: JobResult) {
        match result {
            JobResult::Picked { pick, picked: Picked::Chosen(path) } => self.picked(pick, Some(path)),
            JobResult::Picked { pick, picked: Picked::Cancelled } => self.picked(pick, None),
            JobResult::Picked { pick, picked: Picked::Failed } => {
                // From now on the studio's own browser, without trying the system's again.
                self.services.file_dialogs = FileDialogs::InApp;
                self.status.say(
                    "The system's file dialog could not be shown (no desktop portal or zenity here): choose the file in the studio's own browser.",
                );
                self.windows.browser = Some(InAppBrowser::new(pick, self.document_folder()));
            }
            JobResult::DesignOpened { path, result: Ok(opened) } => self.design_opened(&path, *opened),
            JobResult::DesignOpened { path, result: Err(e) } => {
                if matches!(e, crate::design::DesignError::Read { .. }) {
                    let _ = self.services.recent.remove(&path);
                }
                self.status.say(format!("Could not open {}.", path.display()));
                self.windows.dialogs.error(e.to_string());
            }
            JobResult::Autosaved { result: Ok(()) } => {}
            JobResult::Autosaved { result: Err(e) } => {
                self.services.autosave.failed();
                self.status.say(format!("Autosave failed (your design is still open; save it): {e}"));
            }
            JobResult::Saved { path, state_id, result: Ok((identity, lock)) } => {
                self.open.document.mark_saved(path.clone(), state_id);
                self.services.disk_watch.watch(Some(path.clone()), Some(identity.clone()));
                self.open.on_disk = Some(identity);
                self.open.changed_on_disk = false;
                match lock {
                    Some(Ok(lock)) => self.open.lock = Some(lock),
                    Some(Err(e)) => self.status.say(e.to_string()),
                    None => {}
                }
                if !self.open.document.is_dirty() {
                    self.services.autosave.discard();
                }
                self.status.say(format!("Saved {}.", path.display()));
                if let Some(message) = self.services.recent.add(&path) {
                    self.status.say(message);
                }
                if let Some(pending) = self.windows.dialogs.take_after_save() {
                    self.run_pending(&pending);
                }
            }
            JobResult::Saved { path, result: Err(SharedSaveError::ChangedOnDisk { .. }), .. } => {
                self.status.say("Not saved: the file was changed on disk by someone else.");
                self.windows.dialogs.cancel_pending();
                self.open.changed_on_disk = true;
                self.windows.shared_file.ask_about_conflict(path);
            }
            JobResult::Saved { result: Err(e), .. } => {
                self.status.say("Not saved.");
                self.windows.dialogs.cancel_pending();
                self.windows.dialogs.error(e.to_string());
            }
            JobResult::PhotoDecoded { path, purpose, result } => self.apply_photo(ctx, path, purpose, result),
            JobResult::SheetExported { result } => self.sheet_exported(result),
            JobResult::LibraryScanned { folder, result } => {
                self.windows.library.scanned(&folder, result);
                if std::mem::take(&mut self.windows.library_start) && !self.windows.library.has_designs() {
                    self.windows.library.open = false;
                }
            }
            JobResult::ThumbnailMade { sha256, result } => {
                self.windows.library.thumbnail_ready(ctx, sha256, result);
                self.start_thumbnails();
            }
            JobResult::FollowUpOpened { path, result } => self.start_follow_up(&path, result),
            JobResult::HealedMeasured { follow_up, zone, result } => self.healed_measured(follow_up, zone, result),
        }
    }

    /// A design was read: it replaces the open one, locked for this studio unless another
    /// artist's studio has it (then it opens read-only until the artist says otherwise).
    fn design_opened(&mut self, path: &Path, opened: OpenedDesign) {
        let OpenedDesign { parsed, identity, lock } = opened;
        let mut document = Document::new(parsed.design, Some(path.to_owned()));
        if let Some(version) = parsed.newer_version {
            let reason = format!(
                "it was written by a newer Hairline Studio (format version {version}); it is shown read-only so that nothing the newer version stored is lost. Update Hairline Studio to edit it."
            );
            self.windows.dialogs.error(format!("{} opened read-only: {reason}", path.display()));
            document.read_only_reason = Some(reason);
        }
        let held = match &lock {
            Some(Err(LockError::Held { holder, .. })) => Some(holder.clone()),
            _ => None,
        };
        if let Some(holder) = &held {
            document.read_only_reason = Some(format!("{} has it open; open it anyway to edit it.", holder.describe()));
        }
        self.replace_document(document, "Untitled design");
        self.services.disk_watch.watch(Some(path.to_owned()), identity.clone());
        self.open.on_disk = identity;
        self.status.say(format!("Opened {}.", path.display()));
        match lock {
            Some(Ok(lock)) => self.open.lock = Some(lock),
            Some(Err(LockError::Held { holder, .. })) => {
                self.windows.shared_file.ask_about_lock(path.to_owned(), holder);
            }
            Some(Err(e)) => self.status.say(e.to_string()),
            None => {}
        }
        if let Some(message) = self.services.recent.add(path) {
            self.status.say(message);
        }
    }

    /// A file was chosen in a dialog (or the dialog cancelled): do what it was chosen for.
    pub(super) fn picked(&mut self, pick: Pick, path: Option<PathBuf>) {
        let Some(path) = path else {
            self.status.say(format!("{} cancelled.", pick.label()));
            self.windows.dialogs.cancel_pending();
            return;
        };
        let command = match pick {
            Pick::OpenDesign => Command::OpenDesign(Some(path)),
            Pick::OpenPhoto => Command::OpenPhoto(Some(path)),
            Pick::LocatePhoto => Command::LocatePhoto(Some(path)),
            Pick::SaveAs => Command::SaveAs(Some(path)),
            Pick::FollowUpPhoto => Command::AddFollowUp(Some(path)),
            Pick::ExportSheet => {
                self.windows.export.path = path.to_string_lossy().into_owned();
                return;
            }
            Pick::LibraryFolder => {
                self.run_library_actions(vec![library::LibraryAction::Scan(path)]);
                return;
            }
        };
        self.commands.push(command);
    }

    fn apply_photo(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        purpose: PhotoPurpose,
        result: Result<ReadyPhoto, PhotoError>,
    ) {
        let photo = match result {
            Ok(photo) => photo,
            Err(e) => {
                if purpose == PhotoPurpose::Show {
                    self.canvas.photos.set_failed(path, e.to_string());
                } else {
                    self.status.say("The photo did not open; the design is unchanged.");
                    self.windows.dialogs.error(e.to_string());
                }
                return;
            }
        };
        let view = match purpose {
            PhotoPurpose::Show => {
                self.canvas.photos.set_loaded(ctx, path, photo);
                return;
            }
            PhotoPurpose::UseForView(view)
            | PhotoPurpose::Relink(view)
            | PhotoPurpose::Replace(view)
            | PhotoPurpose::AddFollowUp(view) => view,
        };
        let (width_px, height_px) = (photo.decoded.width_px, photo.decoded.height_px);
        let Some(photo_ref) = photo_ref_for(&path, photo.decoded.sha256.clone(), width_px, height_px) else {
            self.windows.dialogs.error(unstorable_path_message(&path));
            return;
        };
        self.canvas.photos.set_loaded(ctx, PathBuf::from(&photo_ref.path), photo);
        if let PhotoPurpose::AddFollowUp(_) = purpose {
            self.add_follow_up(view, photo_ref);
            return;
        }
        let old_size =
            self.open.document.design().view(view).and_then(|v| v.photo.as_ref()).map(|p| (p.width_px, p.height_px));
        if self.open.document.apply(Edit::SetPhoto { view, photo: photo_ref }).is_err() {
            return;
        }
        let message = match (purpose, old_size) {
            (PhotoPurpose::Relink(_), Some(old)) if old != (width_px, height_px) => format!(
                "Relinked to {}, but it is {width_px} x {height_px} px where the design was drawn on {} x {} px: check that the drawing lines up.",
                path.display(),
                old.0,
                old.1
            ),
            (PhotoPurpose::Relink(_), _) => format!("Relinked the photo to {}.", path.display()),
            (PhotoPurpose::Replace(_), _) => {
                self.canvas.view.fit_pending = true;
                self.open.to_recheck = Some(view);
                format!(
                    "Replaced the photo with {}, keeping the drawing: recalibrate and check the landmarks.",
                    path.display()
                )
            }
            _ => {
                self.canvas.view.fit_pending = true;
                format!("Opened photo {} ({width_px} x {height_px} px).", path.display())
            }
        };
        self.status.say(message);
    }

    /// A decoded later photo becomes a follow-up of `view`, and its alignment starts.
    fn add_follow_up(&mut self, view: ViewId, photo: PhotoRef) {
        let edit = Edit::AddFollowUp { view, photo, date: Some(crate::design::today_iso()) };
        match self.open.document.apply(edit) {
            Ok(outcome) => {
                self.open.show_view(view);
                if let Some(Made::FollowUp(follow_up)) = outcome.made {
                    self.commands.push(Command::AlignFollowUp(follow_up));
                }
            }
            Err(refused) => self.windows.dialogs.error(refused.to_string()),
        }
    }
}

/// Why a photo at `path` cannot be referenced from a design (its path is not valid Unicode).
fn unstorable_path_message(path: &Path) -> String {
    format!(
        "The photo's path {} contains characters that cannot be stored in a design. Rename the file or its folder and try again.",
        path.display()
    )
}
