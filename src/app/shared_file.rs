//! The questions a shared design file raises: someone else changed it since it was opened here
//! (at a save, or noticed while editing), or another artist's studio has it open. The studio
//! never chooses for the artist: theirs, mine as a copy, or mine over theirs.

use std::path::{Path, PathBuf};

use crate::io::Holder;

use super::command::Command;

/// The questions waiting to be asked.
#[derive(Debug, Default)]
pub struct SharedFileQuestions {
    /// A save was refused: the file changed on disk since.
    conflict: Option<PathBuf>,
    /// The design just opened is held by another studio.
    held: Option<(PathBuf, Holder)>,
}

impl SharedFileQuestions {
    pub fn ask_about_conflict(&mut self, path: PathBuf) {
        self.conflict = Some(path);
    }

    pub fn ask_about_lock(&mut self, path: PathBuf, holder: Holder) {
        self.held = Some((path, holder));
    }

    /// Shows the question waiting, if any; returns the artist's answer.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        if let Some(path) = self.conflict.clone() {
            let (answer, closed) = conflict_modal(ctx, &path);
            if answer.is_some() || closed {
                self.conflict = None;
            }
            return answer;
        }
        let (path, holder) = self.held.clone()?;
        let (answer, closed) = held_modal(ctx, &path, &holder);
        if answer.is_some() || closed {
            self.held = None;
        }
        (answer == Some(HeldAnswer::OpenAnyway)).then_some(Command::OpenAnyway)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Returns the answer and whether the modal was closed without one.
fn conflict_modal(ctx: &egui::Context, path: &Path) -> (Option<Command>, bool) {
    let modal = egui::Modal::new(egui::Id::unique("changed on disk")).show(ctx, |ui| {
        ui.set_max_width(500.0);
        ui.heading(format!("{} was changed by someone else", file_name(path)));
        ui.add_space(6.0);
        ui.label(
            "Since you opened it, another artist, another program or a sync client saved a different version. Nothing was saved yet. Which version should the file keep?",
        );
        ui.add_space(10.0);
        conflict_buttons_ui(ui)
    });
    let closed = modal.should_close();
    (modal.inner, closed)
}

/// The three ways out of a conflict, also offered by the banner.
pub fn conflict_buttons_ui(ui: &mut egui::Ui) -> Option<Command> {
    let mut answer = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Reload theirs").on_hover_text("Drop your changes here and open the file as it is now").clicked() {
            answer = Some(Command::ReloadFromDisk);
        }
        if ui.button("Save mine as a copy…").on_hover_text("Keep both: yours goes to a new file").clicked() {
            answer = Some(Command::SaveAs(None));
        }
        if ui.button("Overwrite theirs").on_hover_text("Your version replaces theirs in the file").clicked() {
            answer = Some(Command::OverwriteOnDisk);
        }
    });
    answer
}

/// What to do with a design another studio has open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HeldAnswer {
    ReadOnly,
    OpenAnyway,
}

/// Returns the answer and whether the modal was closed without one.
fn held_modal(ctx: &egui::Context, path: &Path, holder: &Holder) -> (Option<HeldAnswer>, bool) {
    let modal = egui::Modal::new(egui::Id::unique("held by another studio")).show(ctx, |ui| {
        ui.set_max_width(500.0);
        ui.heading(format!("{} is open elsewhere", file_name(path)));
        ui.add_space(6.0);
        ui.label(format!(
            "{} has this design open. If you both edit it, one of you will have to choose whose changes the file keeps.",
            holder.describe()
        ));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let read_only = ui.button("Open read-only").on_hover_text("Look, but do not edit").clicked();
            let anyway = ui.button("Open anyway").on_hover_text("Edit it; they will be told at their next save").clicked();
            match (read_only, anyway) {
                (_, true) => Some(HeldAnswer::OpenAnyway),
                (true, false) => Some(HeldAnswer::ReadOnly),
                (false, false) => None,
            }
        })
        .inner
    });
    let closed = modal.should_close();
    (modal.inner, closed)
}
