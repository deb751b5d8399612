//! Select: a click picks a curve or zone (for the inspector, or Delete); a press on any point,
//! landmark or calibration end drags it.

use crate::edit::Handle;
use crate::edit::Selection;
use crate::edit::pick::shape_under;

use super::{CanvasInput, CanvasTool, ToolContext};

pub const TOOLTIP: &str = "Select a curve or zone; drag any point or landmark to move it";

#[derive(Default)]
pub struct SelectTool;

impl CanvasTool for SelectTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        let (Some(cursor), Some(view)) = (input.click(), cx.view()) else {
            return;
        };
        let picked = match cx.hover {
            Some(Handle::Point(shape, index)) => Some(Selection::point(shape, index)),
            _ => shape_under(view, cursor, input.grab_px),
        };
        *cx.selection = picked;
    }

    fn prompt(&self, _view: Option<&crate::design::View>) -> String {
        "Select: click a curve or zone; drag any point or landmark to move it.".to_owned()
    }
}
