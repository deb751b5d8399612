//! The tool strip: which tool the canvas uses for clicks and drags, and the mirror switch.

use super::command::{Command, shortcut_text};

/// The canvas tools.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    /// Select and move points of curves, zones and landmarks.
    #[default]
    Select,
    /// Drag to pan the photo.
    Pan,
    /// Click to add points to the view's hairline.
    Hairline,
    /// Click vertices to draw a density zone.
    Zone,
    /// Click the two ends of something of known length to set the scale.
    Calibrate,
    /// Click to place the anatomical landmarks (glabella, pupils, eye corners, chin, midline).
    Landmarks,
    /// Click two points to measure the distance between them.
    Ruler,
    /// Click the skin to measure its colour.
    Skin,
}

impl Tool {
    pub const ALL: [Self; 8] = [
        Self::Select,
        Self::Pan,
        Self::Hairline,
        Self::Zone,
        Self::Calibrate,
        Self::Landmarks,
        Self::Ruler,
        Self::Skin,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Select => "Select",
            Self::Pan => "Pan",
            Self::Hairline => "Hairline",
            Self::Zone => "Zone",
            Self::Calibrate => "Calibrate",
            Self::Landmarks => "Landmarks",
            Self::Ruler => "Ruler",
            Self::Skin => "Skin eyedropper",
        }
    }

    fn icon(self) -> &'static str {
        match self {
            Self::Select => "⬉",
            Self::Pan => "✋",
            Self::Hairline => "〰",
            Self::Zone => "⬟",
            Self::Calibrate => "📐",
            Self::Landmarks => "📍",
            Self::Ruler => "📏",
            Self::Skin => "💧",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            Self::Select => "Select a curve or zone; drag any point or landmark to move it",
            Self::Pan => "Drag to move the photo (also: middle-drag, or Space + drag with any tool)",
            Self::Hairline => {
                "Click to add hairline points from one temple to the other; click on the curve to insert a point. With another curve selected, points go to that curve."
            }
            Self::Zone => "Click the corners of an area to fill with dots; Enter or double-click closes it",
            Self::Calibrate => "Click both ends of something of known length, then type the length in mm",
            Self::Landmarks => {
                "Click to place the glabella, pupils, outer eye corners, chin and midline, in the order the inspector shows"
            }
            Self::Ruler => "Click two points (or drag) to measure the distance between them",
            Self::Skin => {
                "Click bare skin (forehead, temples) to measure its colour; highlights and shadows in the patch are ignored. Take several samples."
            }
        }
    }
}

/// The vertical strip of tool buttons and the mirror switch. Returns the command clicked.
pub fn tool_strip_ui(ui: &mut egui::Ui, current: Tool, mirror: bool, preview: bool) -> Option<Command> {
    let mut command = None;
    ui.vertical_centered(|ui| {
        ui.add_space(4.0);
        for tool in Tool::ALL {
            let shortcut = shortcut_text(ui.ctx(), &Command::SelectTool(tool)).unwrap_or_default();
            let hover = format!("{} ({shortcut})\n{}", tool.label(), tool.tooltip());
            if strip_button(ui, tool.icon(), current == tool, &format!("{} tool", tool.label()), &hover) {
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
