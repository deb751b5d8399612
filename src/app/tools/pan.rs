//! Pan: a drag moves the photo (the canvas does the moving; this tool only claims the drag).

use super::{CanvasInput, CanvasTool, ToolContext};

pub const TOOLTIP: &str = "Drag to move the photo (also: middle-drag, or Space + drag with any tool)";
#[derive(Default)]
pub struct PanTool;

impl CanvasTool for PanTool {
    /// Handles are not grabbed here: the drag belongs to the tool.
    fn drags_handles(&self) -> bool {
        false
    }

    fn input(&mut self, _input: &CanvasInput, _cx: &mut ToolContext<'_>) {}

    fn prompt(&self, _view: Option<&crate::design::View>) -> String {
        "Pan: drag to move the photo.".to_owned()
    }

    fn cursor(&self, _over_handle: bool) -> egui::CursorIcon {
        egui::CursorIcon::Grab
    }
}
