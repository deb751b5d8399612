//! Modal questions and messages: unsaved changes, errors, and the help window.

use std::path::PathBuf;

use crate::design::Document;

use super::command::{self, Command, MOUSE_HELP};

/// What was about to happen when the unsaved-changes question came up.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New,
    /// A new design for the photo at this path.
    NewFromPhoto(PathBuf),
    Open(PathBuf),
    /// Start a follow-up visit from the design at this path.
    FollowUp(PathBuf),
    Quit,
}

impl Pending {
    /// The command that does it.
    pub fn command(&self) -> Command {
        match self {
            Self::New => Command::NewDesign,
            Self::NewFromPhoto(path) => Command::NewDesignFromPhoto(path.clone()),
            Self::Open(path) => Command::OpenDesign(Some(path.clone())),
            Self::FollowUp(path) => Command::FollowUp(path.clone()),
            Self::Quit => Command::Quit,
        }
    }
}

/// The state of the studio's dialogs.
#[derive(Debug, Default)]
pub struct Dialogs {
    pub help_open: bool,
    /// The question "save changes first?" is showing, for this action.
    unsaved: Option<Pending>,
    /// Run this once the save started from the question succeeds.
    after_save: Option<Pending>,
    /// The artist chose "Don't save": the next replacing command goes ahead.
    discard_confirmed: bool,
    errors: Vec<String>,
    /// Designs found in the recovery folder at start, to restore or discard.
    pub recovered: Vec<Result<crate::io::Recovered, crate::io::RecoveryError>>,
    /// The recovery question was put off until the next start.
    recovery_later: bool,
    /// A photo opened over a view that has its own photo and drawing: what to do with it.
    photo_question: Option<PathBuf>,
}

impl Dialogs {
    pub fn ask_unsaved(&mut self, pending: Pending) {
        self.unsaved = Some(pending);
    }

    /// Asks whether the photo at `path` starts a new design or replaces the view's photo.
    pub fn ask_about_photo(&mut self, path: PathBuf) {
        self.photo_question = Some(path);
    }

    pub fn take_recovered(&mut self, index: usize) -> Option<Result<crate::io::Recovered, crate::io::RecoveryError>> {
        (index < self.recovered.len()).then(|| self.recovered.remove(index))
    }

    pub fn error(&mut self, message: String) {
        self.errors.push(message);
    }

    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    pub fn take_discard_confirmation(&mut self) -> bool {
        std::mem::take(&mut self.discard_confirmed)
    }

    pub fn confirm_discard(&mut self) {
        self.discard_confirmed = true;
    }

    pub fn take_after_save(&mut self) -> Option<Pending> {
        self.after_save.take()
    }

    /// Forgets the action waiting on a save (the save failed or was cancelled).
    pub fn cancel_pending(&mut self) {
        self.after_save = None;
    }

    /// Shows whatever dialog is open; returns the commands chosen.
    pub fn show(&mut self, ctx: &egui::Context, document: &Document) -> Vec<Command> {
        let mut commands = Vec::new();
        if self.help_open {
            help_window(ctx, &mut self.help_open);
        }
        if !self.recovered.is_empty() && !self.recovery_later {
            commands.extend(self.recovery_modal(ctx));
            return commands;
        }
        if let Some(pending) = self.unsaved.clone() {
            commands.extend(self.unsaved_modal(ctx, document, &pending));
        } else if let Some(path) = self.photo_question.clone() {
            commands.extend(self.photo_modal(ctx, &path));
        } else if let Some(message) = self.errors.first() {
            let modal = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading("Something went wrong");
                ui.add_space(6.0);
                ui.label(message);
                ui.add_space(10.0);
                ui.button("OK").clicked()
            });
            if modal.inner || modal.should_close() {
                self.errors.remove(0);
            }
        }
        commands
    }

    /// A photo opened while the view shows another client's (or another day's) photo with a
    /// drawing on it: the drawing is never carried onto a different face without being asked.
    fn photo_modal(&mut self, ctx: &egui::Context, path: &std::path::Path) -> Option<Command> {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let modal = egui::Modal::new(egui::Id::unique("photo question")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(format!("Open {name}"));
            ui.add_space(6.0);
            ui.label(
                "This view already has a photo with a drawing, a calibration and landmarks on it. They belong to that photo: on another one every millimetre would be wrong.",
            );
            ui.add_space(10.0);
            let mut chosen = None;
            if ui.button("New design for this photo").on_hover_text("Start a new design on this photo").clicked() {
                chosen = Some(Command::NewDesignFromPhoto(path.to_owned()));
            }
            if ui
                .button("Replace this view's photo, keep the drawing")
                .on_hover_text("The same client and angle, a better photo: then recalibrate and check the landmarks")
                .clicked()
            {
                chosen = Some(Command::ReplacePhoto(path.to_owned()));
            }
            let cancel = ui.button("Cancel").clicked();
            (chosen, cancel)
        });
        let closed = modal.should_close();
        let (chosen, cancel) = modal.inner;
        if chosen.is_some() || cancel || closed {
            self.photo_question = None;
        }
        chosen
    }

    fn recovery_modal(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Recover unsaved designs?");
            ui.label("Hairline Studio did not close normally. These designs had changes that were not saved:");
            ui.add_space(6.0);
            for (index, entry) in self.recovered.iter().enumerate() {
                ui.horizontal(|ui| {
                    match entry {
                        Ok(recovered) => {
                            let name = Some(recovered.design.client.name.as_str())
                                .filter(|n| !n.is_empty())
                                .unwrap_or("Unnamed client");
                            let file = recovered
                                .original_path
                                .as_ref()
                                .map_or_else(|| "never saved".to_owned(), |p| p.display().to_string());
                            let ago = age_text(now.saturating_sub(recovered.autosaved_at_unix_s));
                            ui.label(format!("{name} ({file}), autosaved {ago}"));
                            if ui.button("Restore").clicked() {
                                commands.push(Command::RestoreRecovered(index));
                            }
                        }
                        Err(message) => {
                            ui.colored_label(ui.visuals().warn_fg_color, format!("Unreadable: {message}"));
                        }
                    }
                    if ui.button("Discard").clicked() {
                        commands.push(Command::DiscardRecovered(index));
                    }
                });
            }
            ui.add_space(6.0);
            if ui
                .button("Decide later")
                .on_hover_text("Keeps the copies; you will be asked at the next start")
                .clicked()
            {
                self.recovery_later = true;
            }
        });
        // One action per frame: the indices shift after it.
        commands.truncate(1);
        commands
    }

    fn unsaved_modal(&mut self, ctx: &egui::Context, document: &Document, pending: &Pending) -> Vec<Command> {
        let name = document
            .path
            .as_deref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "This design".to_owned(), |n| n.to_string_lossy().into_owned());
        let action = match pending {
            Pending::New | Pending::NewFromPhoto(_) => "starting a new design",
            Pending::Open(_) | Pending::FollowUp(_) => "opening another design",
            Pending::Quit => "quitting",
        };
        let mut commands = Vec::new();
        let modal = egui::Modal::new(egui::Id::unique("unsaved changes")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading("Save changes?");
            ui.add_space(6.0);
            ui.label(format!("{name} has unsaved changes. Save them before {action}?"));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    self.after_save = Some(pending.clone());
                    self.unsaved = None;
                    commands.push(Command::Save);
                }
                if ui.button("Don't save").clicked() {
                    self.unsaved = None;
                    self.discard_confirmed = true;
                    commands.push(pending.command());
                }
                if ui.button("Cancel").clicked() {
                    self.unsaved = None;
                }
            });
        });
        if modal.should_close() {
            self.unsaved = None;
        }
        commands
    }
}

/// "just now", "12 min ago", "3 h ago", "2 days ago".
fn age_text(seconds: u64) -> String {
    match seconds {
        0..60 => "just now".to_owned(),
        60..3600 => format!("{} min ago", seconds / 60),
        3600..86_400 => format!("{} h ago", seconds / 3600),
        _ => format!("{} days ago", seconds / 86_400),
    }
}

fn help_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts and mouse").open(open).collapsible(false).resizable(false).show(ctx, |ui| {
        egui::Grid::new("shortcuts").striped(true).num_columns(2).show(ui, |ui| {
            for (shortcut, command) in command::shortcuts() {
                ui.label(egui::RichText::new(ctx.format_shortcut(&shortcut)).monospace());
                ui.label(command::describe(&command));
                ui.end_row();
            }
            for (gesture, what) in MOUSE_HELP {
                ui.label(egui::RichText::new(gesture).monospace());
                ui.label(what);
                ui.end_row();
            }
        });
    });
}
