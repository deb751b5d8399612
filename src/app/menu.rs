//! The menu bar. Items only queue [`Command`]s.

use std::path::PathBuf;

use crate::design::Document;

use super::command::{Command, describe, shortcut_text};
use super::tools::Tool;

/// Draws the menu bar and returns the chosen commands.
pub fn menu_bar_ui(ui: &mut egui::Ui, document: &Document, recent: &[PathBuf]) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, &mut commands, Command::NewDesign, true);
            item(ui, &mut commands, Command::OpenDesign(None), true);
            item(ui, &mut commands, Command::ShowLibrary, true);
            ui.menu_button("Open recent", |ui| {
                if recent.is_empty() {
                    ui.label("No recent designs");
                }
                for path in recent {
                    let name = path
                        .file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                    if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                        commands.push(Command::OpenDesign(Some(path.clone())));
                    }
                }
            });
            ui.separator();
            item(ui, &mut commands, Command::OpenPhoto(None), true);
            item(ui, &mut commands, Command::LocatePhoto(None), true);
            item(ui, &mut commands, Command::AddFollowUp(None), true);
            ui.separator();
            let writable = document.read_only_reason.is_none();
            item(ui, &mut commands, Command::Save, writable);
            item(ui, &mut commands, Command::SaveAs(None), writable);
            ui.separator();
            item(ui, &mut commands, Command::ExportSheet, true);
            ui.separator();
            item(ui, &mut commands, Command::Quit, true);
        });
        ui.menu_button("Edit", |ui| {
            let undo = document.undo_label().map_or_else(|| "Undo".to_owned(), |label| format!("Undo: {label}"));
            labelled_item(ui, &mut commands, Command::Undo, &undo, document.can_undo());
            let redo = document.redo_label().map_or_else(|| "Redo".to_owned(), |label| format!("Redo: {label}"));
            labelled_item(ui, &mut commands, Command::Redo, &redo, document.can_redo());
            ui.separator();
            item(ui, &mut commands, Command::DeleteSelection, true);
        });
        ui.menu_button("View", |ui| {
            item(ui, &mut commands, Command::ZoomIn, true);
            item(ui, &mut commands, Command::ZoomOut, true);
            item(ui, &mut commands, Command::ZoomToFit, true);
            item(ui, &mut commands, Command::ZoomTo100, true);
            ui.separator();
            item(ui, &mut commands, Command::TogglePreview, true);
            item(ui, &mut commands, Command::ToggleGuides, true);
            ui.separator();
            item(ui, &mut commands, Command::TogglePresentation, true);
        });
        ui.menu_button("Tools", |ui| {
            for &tool in Tool::ALL {
                item(ui, &mut commands, Command::SelectTool(tool), true);
            }
        });
        ui.menu_button("Help", |ui| {
            item(ui, &mut commands, Command::ToggleHelp, true);
        });
    });
    commands
}

fn item(ui: &mut egui::Ui, commands: &mut Vec<Command>, command: Command, enabled: bool) {
    let text = describe(&command);
    labelled_item(ui, commands, command, &text, enabled);
}

/// A menu item with its own text (what Undo would undo) and the command's shortcut.
fn labelled_item(ui: &mut egui::Ui, commands: &mut Vec<Command>, command: Command, text: &str, enabled: bool) {
    let mut button = egui::Button::new(text);
    if let Some(shortcut) = shortcut_text(ui.ctx(), &command) {
        button = button.shortcut_text(shortcut);
    }
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
    }
}
