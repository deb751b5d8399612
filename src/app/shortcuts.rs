//! Which shortcuts apply when: while typing, letters, Delete and Ctrl+Z belong to the text field;
//! while presenting, the client looks and nothing edits the design.

use super::StudioApp;
use super::command::{self, Command};

impl StudioApp {
    pub(super) fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let commands = pressed(ctx, self.windows.presenting);
        self.commands.extend(commands);
    }
}

/// The commands whose shortcuts were pressed this frame, each key press used once.
fn pressed(ctx: &egui::Context, presenting: bool) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut commands = Vec::new();
    for (shortcut, command) in command::shortcuts() {
        if (!typing || works_while_typing(&command))
            && (!presenting || works_while_presenting(&command))
            && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
        {
            commands.push(command);
        }
    }
    if presenting && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        commands.push(Command::TogglePresentation);
    }
    commands
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The commands a press of `shortcut` gives, through egui's own matching.
    fn press(shortcut: egui::KeyboardShortcut) -> Vec<Command> {
        let ctx = egui::Context::default();
        let event = egui::Event::Key {
            key: shortcut.logical_key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: shortcut.modifiers,
        };
        let input = egui::RawInput { events: vec![event], ..Default::default() };
        let mut commands = Vec::new();
        let mut output = ctx.run_ui(input, |ui| commands = pressed(ui.ctx(), false));
        output.textures_delta.clear();
        commands
    }

    /// Regression: Ctrl+Shift+O (Open photo in the menu) opened the design chooser, because the
    /// table checked Ctrl+O first and egui's matching ignores the extra Shift.
    #[test]
    fn every_shortcut_gives_exactly_its_own_command() {
        for (shortcut, command) in command::shortcuts() {
            assert_eq!(press(shortcut), vec![command.clone()], "{shortcut:?} should give only {command:?}");
        }
    }

    #[test]
    fn n_picks_the_neutral_eyedropper_and_ctrl_n_still_starts_a_new_design() {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let neutral = Command::SelectTool(crate::app::tools::Tool::Neutral);
        assert_eq!(press(KeyboardShortcut::new(Modifiers::NONE, Key::N)), vec![neutral]);
        assert_eq!(press(KeyboardShortcut::new(Modifiers::COMMAND, Key::N)), vec![Command::NewDesign]);
    }
}
