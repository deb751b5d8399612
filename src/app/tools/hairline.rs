//! Hairline: a click adds a point to the hairline (or to the selected outline curve): on the
//! curve it inserts, near an end it extends; a press on a point drags it.

use crate::design::CurveId;
use crate::edit::{Edit, Handle, Placing, Selection, ShapeRef};

use super::drag::HandleDrag;
use super::{CanvasInput, CanvasTool, ToolContext, ToolInfo};

/// Ready, or dragging a handle.
#[derive(Default)]
pub struct HairlineTool {
    drag: HandleDrag,
}

impl HairlineTool {
    pub const INFO: ToolInfo = ToolInfo {
        label: "Hairline",
        icon: "〰",
        key: egui::Key::L,
        tooltip: "Click to add hairline points from one temple to the other; click on the curve to insert a point, near an end to extend it. With another curve selected, points go to that curve.",
    };
}

impl CanvasTool for HairlineTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        if self.drag.input(input, cx) || !input.clicked {
            return;
        }
        let Some(at) = input.cursor else {
            return;
        };
        if let Some(Handle::Point(shape, index)) = cx.hover {
            *cx.selection = Some(Selection::point(shape, index));
            return;
        }
        // Points go to the selected curve (an outline, a temple point), else to the hairline.
        let curve: Option<CurveId> = match *cx.selection {
            Some(Selection { shape: ShapeRef::Curve(id), .. }) => Some(id),
            _ => None,
        };
        let placing =
            Placing { on_line_px: input.grab_px, snap_px: input.snap_px, reach_px: input.reach_px, mirror: cx.mirror };
        cx.apply(Edit::AddCurvePoint { view: cx.view, curve, at, placing });
    }

    fn prompt(&self, _view: Option<&crate::design::View>) -> String {
        "Hairline: click to add points from temple to temple; on the curve to insert, near an end to extend.".to_owned()
    }

    fn dragging(&self) -> Option<Handle> {
        self.drag.handle()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Bench, click, document};
    use super::*;
    use crate::design::PhotoPoint;

    fn hairline(document: &crate::design::Document) -> Vec<PhotoPoint> {
        document.design().views[0].hairline().map(|c| c.points.clone()).unwrap_or_default()
    }

    #[test]
    fn clicks_draw_the_hairline_and_a_stray_click_far_from_its_ends_adds_nothing() {
        let mut document = document();
        let mut bench = Bench::default();
        let mut tool = HairlineTool::default();
        let p = PhotoPoint::new;
        for at in [p(300.0, 400.0), p(450.0, 350.0), p(600.0, 400.0)] {
            tool.input(&click(at), &mut bench.cx(&mut document));
        }
        assert_eq!(hairline(&document).len(), 3);
        tool.input(&click(p(500.0, 950.0)), &mut bench.cx(&mut document));
        assert_eq!(hairline(&document).len(), 3, "the chin is far from both ends");
        assert!(bench.status.text().contains("far from both ends"), "{}", bench.status.text());
        tool.input(&click(p(750.0, 450.0)), &mut bench.cx(&mut document));
        assert_eq!(hairline(&document).len(), 4, "near the end: extended");
    }
}
