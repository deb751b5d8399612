//! Hairline: a click adds a point to the hairline (or to the selected outline curve): on the
//! curve it inserts, near an end it extends; a press on a point drags it.

use crate::design::CurveId;
use crate::edit::{Edit, Handle, Placing, Selection, ShapeRef};

use super::{CanvasInput, CanvasTool, ToolContext};

pub const TOOLTIP: &str = "Click to add hairline points from one temple to the other; click on the curve to insert a point, near an end to extend it. With another curve selected, points go to that curve.";

#[derive(Default)]
pub struct HairlineTool;

impl CanvasTool for HairlineTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        let Some(at) = input.click() else {
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::Bench;
    use super::*;

    fn points(bench: &Bench) -> usize {
        bench.view().hairline().map_or(0, |c| c.points.len())
    }

    #[test]
    fn clicks_draw_the_hairline_and_a_stray_click_far_from_its_ends_adds_nothing() {
        let (mut bench, mut tool) = (Bench::new(), HairlineTool);
        bench.click(&mut tool, &[(300.0, 400.0), (450.0, 350.0), (600.0, 400.0)]);
        assert_eq!(points(&bench), 3);
        bench.click(&mut tool, &[(500.0, 950.0)]);
        assert_eq!(points(&bench), 3, "the chin is far from both ends");
        assert!(bench.status.text().contains("far from both ends"), "{}", bench.status.text());
        bench.click(&mut tool, &[(750.0, 450.0)]);
        assert_eq!(points(&bench), 4, "near the end: extended");
    }
}
