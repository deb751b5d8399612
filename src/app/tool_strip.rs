//! The tool strip: a button per tool of the registry, the mirror switch and the preview switch.

use super::command::{Command, shortcut_text};
use super::tools::Tool;

/// The vertical strip of tool buttons and the mirror switch. Returns the command clicked.
pub fn tool_strip_ui(ui: &mut egui::Ui, current: Tool, mirror: bool, preview: bool) -> Option<Command> {
    let mut command = None;
    ui.vertical_centered(|ui| {
        ui.add_space(4.0);
        for &tool in Tool::ALL {
            let info = tool.info();
            let shortcut = shortcut_text(ui.ctx(), &Command::SelectTool(tool)).unwrap_or_default();
            let hover = format!("{} ({shortcut})\n{}", info.label, info.tooltip);
            if strip_button(ui, info.icon, current == tool, &format!("{} tool", info.label), &hover) {
                command = Some(Command::SelectTool(tool));
            }
        }
        ui.separator();
        let shortcut = shortcut_text(ui.ctx(), &Command::ToggleMirror).unwrap_or_default();
        let hover = format!(
            "Mirror mode ({shortcut}): every edit of a curve or zone is mirrored about the midline. Switch it off to add the asymmetry real hairlines have."
        );
        if strip_button(ui, "↔", mirror, "Mirror mode", &hover) {
            command = Some(Command::ToggleMirror);
        }
        let shortcut = shortcut_text(ui.ctx(), &Command::TogglePreview).unwrap_or_default();
        let hover = format!("Preview ({shortcut}): the simulated dots at their true size and density");
        if strip_button(ui, "👁", preview, "Preview", &hover) {
            command = Some(Command::TogglePreview);
        }
    });
    command
}

fn strip_button(ui: &mut egui::Ui, icon: &str, selected: bool, name: &str, hover: &str) -> bool {
    let button =
        egui::Button::selectable(selected, egui::RichText::new(icon).size(20.0)).min_size(egui::vec2(36.0, 36.0));
    let response = ui.add(button).on_hover_text(hover);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, name));
    response.clicked()
}
