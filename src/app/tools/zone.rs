//! Zone: click the corners of an area to fill with dots; Enter, Escape or a double-click closes
//! it. Before a zone is started, a click on a zone's edge adds a corner there and a press on a
//! point drags it.

use crate::design::{ZoneId, ZoneKind};
use crate::edit::pick::zone_edge_under;
use crate::edit::{Edit, Handle, Made, Refused, Selection, ShapeRef};

use super::{CanvasInput, CanvasTool, ToolContext, ToolPaint};

pub const TOOLTIP: &str = "Click the corners of an area to fill with dots; Enter or double-click closes it";

/// Ready, or drawing a zone corner by corner.
#[derive(Default)]
pub struct ZoneTool {
    drawing: Option<ZoneId>,
}

impl ZoneTool {
    /// Closes the zone being drawn; stays drawing when its edges cross.
    fn close(&mut self, zone: ZoneId, merge_px: f64, cx: &mut ToolContext<'_>) {
        let edit = Edit::CloseZone { view: cx.view, zone, merge_px };
        match cx.document.apply(edit) {
            Err(Refused::ZoneEdgesCross) => cx.say(Refused::ZoneEdgesCross.to_string()),
            result => {
                self.drawing = None;
                match result {
                    Ok(outcome) => {
                        *cx.selection = outcome.select.filter(|_| !outcome.deselect);
                        if let Some(message) = outcome.message {
                            cx.say(message);
                        }
                    }
                    Err(refused) => cx.say(refused.to_string()),
                }
            }
        }
    }
}

impl CanvasTool for ZoneTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        // Undone while being drawn: there is nothing left to draw.
        if self.drawing.is_some_and(|zone| cx.view().and_then(|v| v.zone(zone)).is_none()) {
            self.drawing = None;
        }
        if let Some(zone) = self.drawing
            && (input.enter || input.escape || input.double_clicked)
        {
            self.close(zone, input.grab_px, cx);
            return;
        }
        let (Some(at), Some(view)) = (input.click(), cx.view()) else {
            return;
        };
        if let Some(zone) = self.drawing {
            cx.apply(Edit::AddZoneCorner { view: cx.view, zone, at });
            return;
        }
        if let Some(Handle::Point(shape, index)) = cx.hover {
            *cx.selection = Some(Selection::point(shape, index));
            return;
        }
        if let Some((zone, edge)) = zone_edge_under(view, at, input.grab_px) {
            cx.apply(Edit::InsertZoneCorner { view: cx.view, zone, after: edge, at });
            return;
        }
        // The kind last used on this view; on closing, its place may suggest another.
        let kind = view.zones.last().map_or(ZoneKind::Frontal, |zone| zone.kind);
        if let Some(outcome) = cx.apply(Edit::StartZone { view: cx.view, kind, at })
            && let Some(Made::Zone(zone)) = outcome.made
        {
            self.drawing = Some(zone);
            cx.say("Click the zone's corners; Enter or double-click closes it.");
        }
    }

    /// A half-drawn zone is closed as Enter would; one whose edges cross stays, open, for the
    /// artist to mend with the Select tool.
    fn exit(&mut self, cx: &mut ToolContext<'_>) {
        if let Some(zone) = self.drawing {
            self.close(zone, 0.0, cx);
            if self.drawing.take().is_some() {
                cx.say("The zone being drawn has crossing edges: it was left as drawn. Drag a corner to mend it.");
            }
        }
    }

    fn prompt(&self, _view: Option<&crate::design::View>) -> String {
        "Zone: click the corners of the area to fill; Enter or double-click closes it.".to_owned()
    }

    fn paint(&self, paint: &ToolPaint<'_>) {
        let (Some(zone), Some(cursor)) = (self.drawing.and_then(|id| paint.view.zone(id)), paint.cursor) else {
            return;
        };
        if let Some(&last) = zone.vertices.last() {
            let stroke = egui::Stroke::new(2.5, super::super::canvas::SELECTED_COLOUR);
            let ends = [(paint.to_screen)(last), (paint.to_screen)(cursor)];
            paint.painter.add(egui::Shape::dashed_line(&ends, stroke, 4.0, 4.0));
        }
    }

    fn open_zone(&self) -> Option<ZoneId> {
        self.drawing
    }

    fn in_progress(&self) -> bool {
        self.drawing.is_some()
    }

    /// The last corner goes; with the first corner, the zone.
    fn undo(&mut self, cx: &mut ToolContext<'_>) -> bool {
        let Some(zone) = self.drawing else {
            return false;
        };
        let corners = cx.view().and_then(|v| v.zone(zone)).map_or(0, |z| z.vertices.len());
        let shape = ShapeRef::Zone(zone);
        let (selection, message) = if corners >= 2 {
            (Selection::point(shape, corners - 1), "Undo: the zone's last corner.")
        } else {
            self.drawing = None;
            (Selection::shape(shape), "Undo: the zone being drawn.")
        };
        cx.apply(Edit::Delete { view: cx.view, selection, mirror: false, open_zone: Some(zone) });
        cx.say(message);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Bench, key_enter};
    use super::*;
    use crate::design::PhotoPoint;

    const TRIANGLE: [(f64, f64); 3] = [(100.0, 100.0), (300.0, 100.0), (200.0, 300.0)];

    #[test]
    fn corners_are_clicked_in_and_enter_closes_the_zone() {
        let (mut bench, mut tool) = (Bench::new(), ZoneTool::default());
        bench.click(&mut tool, &TRIANGLE);
        assert!(tool.open_zone().is_some());
        bench.send(&mut tool, &[key_enter(PhotoPoint::new(200.0, 300.0))]);
        assert_eq!(tool.open_zone(), None);
        assert_eq!(bench.view().zones[0].vertices.len(), 3);
        assert!(bench.status.text().ends_with("closed."), "{}", bench.status.text());
    }

    /// Regression: switching tools left the zone being drawn active; its rubber band kept
    /// painting and Enter in another tool closed it.
    #[test]
    fn leaving_the_tool_closes_the_zone_being_drawn() {
        let (mut bench, mut tool) = (Bench::new(), ZoneTool::default());
        bench.click(&mut tool, &TRIANGLE);
        tool.exit(&mut bench.cx());
        assert_eq!(tool.open_zone(), None, "nothing left half drawn");
        assert_eq!(bench.view().zones.len(), 1);
        let mut two_corners = ZoneTool::default();
        bench.click(&mut two_corners, &[(500.0, 500.0), (600.0, 500.0)]);
        two_corners.exit(&mut bench.cx());
        assert_eq!(bench.view().zones.len(), 1, "two corners are no zone: removed");
    }
}
