//! Landmarks: each click places the next landmark (glabella, pupils, eye corners, chin,
//! midline), in the inspector's order, skipping those already placed; a press on one drags it.

use crate::design::{Landmark, View};
use crate::edit::{Edit, Handle, next_missing_landmark};

use super::drag::HandleDrag;
use super::{CanvasInput, CanvasTool, ToolContext, ToolInfo};

#[derive(Default)]
pub struct LandmarksTool {
    /// What the next click places; `None`: the first one the view is missing.
    next: Option<Landmark>,
    drag: HandleDrag,
}

impl LandmarksTool {
    pub const INFO: ToolInfo = ToolInfo {
        label: "Landmarks",
        icon: "📍",
        key: egui::Key::K,
        tooltip: "Click to place the glabella, pupils, outer eye corners, chin and midline, in the order the inspector shows",
    };

    /// The tool with `landmark` next (the inspector's "Place" and "Move" buttons).
    pub fn starting_at(landmark: Landmark) -> Self {
        Self { next: Some(landmark), drag: HandleDrag::default() }
    }

    fn next_in(&self, view: Option<&View>) -> Landmark {
        self.next
            .or_else(|| view.and_then(|v| Landmark::ALL.iter().copied().find(|&l| v.landmarks.get(l).is_none())))
            .unwrap_or(Landmark::ALL[0])
    }
}

impl CanvasTool for LandmarksTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        if self.drag.input(input, cx) || !input.clicked {
            return;
        }
        let Some(at) = input.cursor else {
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

    fn dragging(&self) -> Option<Handle> {
        self.drag.handle()
    }

    fn next_landmark(&self) -> Option<Landmark> {
        self.next
    }
}
