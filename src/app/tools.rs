//! The tool strip: which tool the canvas uses for clicks and drags.

use super::command::{Command, shortcut_text};

/// The canvas tools.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    /// Select and move points of curves and zones.
    #[default]
    Select,
    /// Drag to pan the photo.
    Pan,
    /// Click to add points to the view's hairline.
    Hairline,
    /// Click vertices to draw a density zone.
    Zone,
}

impl Tool {
    pub const ALL: [Self; 4] = [Self::Select, Self::Pan, Self::Hairline, Self::Zone];

    pub fn label(self) -> &'static str {
        match self {
            Self::Select => "Select",
            Self::Pan => "Pan",
            Self::Hairline => "Hairline",
            Self::Zone => "Zone",
        }
    }

    fn icon(self) -> &'static str {
        match self {
            Self::Select => "⬉",
            Self::Pan => "✋",
            Self::Hairline => "〰",
            Self::Zone => "⬟",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            Self::Select => "Select a curve or zone, drag its points to move them",
            Self::Pan => "Drag to move the photo (also: middle-drag, or Space + drag with any tool)",
            Self::Hairline => "Click to add hairline points from one temple to the other; drag a point to move it",
            Self::Zone => "Click the corners of an area to fill with dots; Enter or double-click closes it",
        }
    }
}

/// The vertical strip of tool buttons. Returns the command for a clicked tool.
pub fn tool_strip_ui(ui: &mut egui::Ui, current: Tool) -> Option<Command> {
    let mut command = None;
    ui.vertical_centered(|ui| {
        ui.add_space(4.0);
        for tool in Tool::ALL {
            let text = egui::RichText::new(tool.icon()).size(20.0);
            let button = egui::Button::selectable(current == tool, text).min_size(egui::vec2(36.0, 36.0));
            let shortcut = shortcut_text(ui.ctx(), &Command::SelectTool(tool)).unwrap_or_default();
            let response = ui.add(button).on_hover_text(format!("{} ({shortcut})\n{}", tool.label(), tool.tooltip()));
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, current == tool, format!("{} tool", tool.label()))
            });
            if response.clicked() {
                command = Some(Command::SelectTool(tool));
            }
        }
    });
    command
}
