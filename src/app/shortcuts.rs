//! Which shortcuts apply when: while typing, letters, Delete and Ctrl+Z belong to the text field;
//! while presenting, the client looks and nothing edits the design.

use super::StudioApp;
use super::command::{self, Command};

impl StudioApp {
    pub(super) fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for (shortcut, command) in command::shortcuts() {
            if (!typing || works_while_typing(&command))
                && (!self.windows.presenting || works_while_presenting(&command))
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.commands.push(command);
            }
        }
        if self.windows.presenting && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            self.commands.push(Command::TogglePresentation);
        }
    }
}

fn works_while_typing(command: &Command) -> bool {
    matches!(
        command,
        Command::Save
            | Command::SaveAs(_)
            | Command::NewDesign
            | Command::OpenDesign(_)
            | Command::OpenPhoto(_)
            | Command::Quit
            | Command::ToggleHelp
    )
}

fn works_while_presenting(command: &Command) -> bool {
    matches!(
        command,
        Command::TogglePresentation
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomToFit
            | Command::ZoomTo100
            | Command::Save
            | Command::Quit
            | Command::ToggleHelp
    )
}
