//! Landmarks: each click places the next landmark (glabella, pupils, eye corners, chin,
//! midline), in the inspector's order, skipping those already placed; a press on one drags it.

use crate::design::{Landmark, View};
use crate::edit::{Edit, next_missing_landmark};

use super::{CanvasInput, CanvasTool, ToolContext};

pub const TOOLTIP: &str =
    "Click to place the glabella, pupils, outer eye corners, chin and midline, in the order the inspector shows";
#[derive(Default)]
pub struct LandmarksTool {
    /// What the next click places; `None`: the first one the view is missing.
    next: Option<Landmark>,
}

impl LandmarksTool {
    /// The tool with `landmark` next (the inspector's "Place" and "Move" buttons).
    pub fn starting_at(landmark: Landmark) -> Self {
        Self { next: Some(landmark) }
    }

    fn next_in(&self, view: Option<&View>) -> Landmark {
        self.next
            .or_else(|| view.and_then(|v| Landmark::ALL.iter().copied().find(|&l| v.landmarks.get(l).is_none())))
            .unwrap_or(Landmark::ALL[0])
    }
}

impl CanvasTool for LandmarksTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        let Some(at) = input.click() else {
            return;
        };
        let placed = self.next_in(cx.view());
        if cx.apply(Edit::PlaceLandmark { view: cx.view, landmark: placed, at }).is_none() {
            return;
        }
        let next = cx.view().and_then(|v| next_missing_landmark(v, placed));
        self.next = next;
        match next {
            Some(next) => cx.say(format!("Placed: {}. Next: {}.", placed.label(), next.label())),
            None => {
                cx.say(format!("Placed: {}. All landmarks are placed; drag any of them to adjust.", placed.label()));
            }
        }
    }

    fn prompt(&self, view: Option<&View>) -> String {
        format!("Landmarks: click to place {}.", self.next_in(view).label())
    }

    fn next_landmark(&self) -> Option<Landmark> {
        self.next
    }
}
