//! Dragging what is already drawn: a point, a landmark or a calibration end, with its mirror
//! twin in mirror mode. Most tools let a press on a handle drag it, so they share this piece.

use crate::edit::pick::{handle_position, handle_under};
use crate::edit::{Edit, Handle, Placing, Selection, drag_partner};

use super::{CanvasInput, ToolContext};

#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    handle: Handle,
    /// From the pointer to the handle when the drag began, in photo pixels.
    offset_px: (f64, f64),
    /// The mirror-image handle that follows in mirror mode (itself for a point on the midline).
    partner: Option<Handle>,
}

/// A drag of a handle in progress, or none.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct HandleDrag {
    drag: Option<Drag>,
}

impl HandleDrag {
    /// Starts, continues or ends a drag begun on a handle. Returns true while the input belongs
    /// to the drag, so the tool does nothing else with it; Escape cancels the drag's edits.
    pub fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) -> bool {
        if input.escape && self.drag.take().is_some() {
            cx.document.abort();
            return true;
        }
        if input.drag_started
            && let (Some(origin), Some(view)) = (input.press_origin, cx.view())
            && let Some(handle) = handle_under(view, origin, input.grab_px)
            && let Some(position) = handle_position(view, handle)
        {
            let partner = drag_partner(view, handle, input.grab_px, cx.mirror);
            self.drag = Some(Drag { handle, offset_px: (position.x - origin.x, position.y - origin.y), partner });
            if let Handle::Point(shape, index) = handle {
                *cx.selection = Some(Selection::point(shape, index));
            }
        }
        let Some(drag) = self.drag else {
            return false;
        };
        if let (true, Some(cursor)) = (input.dragging, input.cursor) {
            let to = crate::design::PhotoPoint::new(cursor.x + drag.offset_px.0, cursor.y + drag.offset_px.1);
            let placing = Placing {
                on_line_px: input.grab_px,
                snap_px: input.snap_px,
                reach_px: input.reach_px,
                mirror: cx.mirror,
            };
            let edit = Edit::MoveHandle { view: cx.view, handle: drag.handle, partner: drag.partner, to, placing };
            cx.apply(edit);
        }
        if input.drag_stopped {
            self.drag = None;
        }
        true
    }

    pub fn handle(&self) -> Option<Handle> {
        self.drag.map(|d| d.handle)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Bench, drag, key_escape};
    use super::*;
    use crate::design::{Landmark, PhotoPoint};

    #[test]
    fn a_landmark_is_dragged_and_escape_puts_it_back() {
        let mut bench = Bench::new();
        let p = PhotoPoint::new;
        let view = bench.view().id;
        bench.document.apply(Edit::PlaceLandmark { view, landmark: Landmark::Glabella, at: p(500.0, 500.0) }).unwrap();
        bench.document.settle();
        let mut dragging = HandleDrag::default();
        let [start, moving, stop] = drag(p(502.0, 501.0), p(602.0, 401.0));
        assert!(dragging.input(&start, &mut bench.cx()));
        assert!(dragging.input(&moving, &mut bench.cx()));
        assert_eq!(bench.view().landmarks.glabella, Some(p(600.0, 400.0)), "kept its offset from the pointer");
        assert!(dragging.input(&key_escape(p(602.0, 401.0)), &mut bench.cx()));
        assert_eq!(bench.view().landmarks.glabella, Some(p(500.0, 500.0)), "Escape cancels the drag");
        assert!(!dragging.input(&stop, &mut bench.cx()), "the drag is over");
    }
}
