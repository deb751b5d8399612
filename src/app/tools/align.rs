//! Aligning a follow-up photo: four guided clicks, two features on the earlier photo and the
//! same two on the later one, give the similarity that lays the later photo onto the earlier.
//! A task rather than a tool of the strip: when it is done or cancelled, the strip's tool returns.

use crate::design::{FollowUpId, PhotoPoint, View};
use crate::edit::{Edit, Refused};

use super::super::command::Command;
use super::{CanvasInput, CanvasTool, ToolContext, ToolPaint};

pub struct AlignTool {
    follow_up: FollowUpId,
    earlier: Vec<PhotoPoint>,
    later: Vec<PhotoPoint>,
    /// The alignment was stored (or could not be): leaving now cancels nothing.
    done: bool,
}

impl AlignTool {
    pub fn new(follow_up: FollowUpId) -> Self {
        Self { follow_up, earlier: Vec::new(), later: Vec::new(), done: false }
    }

    /// Whether the clicks now go on the later photo.
    fn on_later_photo(&self) -> bool {
        self.earlier.len() == 2
    }
}

impl CanvasTool for AlignTool {
    /// Handles are not grabbed here: the drag belongs to the tool.
    fn drags_handles(&self) -> bool {
        false
    }

    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        let (true, Some(at)) = (input.clicked, input.cursor) else {
            return;
        };
        if self.on_later_photo() {
            self.later.push(at);
        } else {
            self.earlier.push(at);
        }
        let ([a, b], [later_a, later_b]) = (self.earlier.as_slice(), self.later.as_slice()) else {
            let prompt = self.prompt(cx.view());
            cx.say(prompt);
            return;
        };
        let pairs = [[*a, *later_a], [*b, *later_b]];
        match cx.document.apply(Edit::AlignFollowUp { view: cx.view, follow_up: self.follow_up, pairs }) {
            Ok(_) => {
                let number = cx.view().and_then(|v| v.follow_ups.iter().position(|f| f.id == self.follow_up));
                cx.say(format!(
                    "Follow-up photo {} aligned: drag the divider to compare the earlier photo (left) with the later one (right).",
                    number.map_or(0, |n| n + 1)
                ));
                cx.queue(Command::CompareFollowUp(Some(self.follow_up)));
                self.done = true;
                cx.finished = true;
            }
            Err(Refused::CoincidingFeatures) => {
                *self = Self::new(self.follow_up);
                cx.say(Refused::CoincidingFeatures.to_string());
            }
            Err(refused) => {
                cx.say(refused.to_string());
                self.done = true;
                cx.finished = true;
            }
        }
    }

    fn exit(&mut self, cx: &mut ToolContext<'_>) {
        if !self.done {
            cx.say("Alignment cancelled; the follow-up photo keeps its earlier alignment.");
        }
    }

    fn prompt(&self, _view: Option<&View>) -> String {
        match (self.earlier.len(), self.later.len()) {
            (0, _) => {
                "Align, 1 of 4: on the EARLIER photo, click a feature A you can find on both (a mole, a brow's peak, an eye's corner)."
            }
            (1, _) => "Align, 2 of 4: on the EARLIER photo, click a second feature B, far from A.",
            (_, 0) => "Align, 3 of 4: on the LATER photo, click the same feature A.",
            _ => "Align, 4 of 4: on the LATER photo, click the same feature B.",
        }
        .to_owned()
    }

    fn paint(&self, paint: &ToolPaint<'_>) {
        let shown = if self.on_later_photo() { &self.later } else { &self.earlier };
        let markers: Vec<(&str, PhotoPoint)> = ["A", "B"].into_iter().zip(shown.iter().copied()).collect();
        super::super::follow_up::paint_markers(paint.painter, &markers, paint.to_screen);
    }

    fn shown_follow_up(&self) -> Option<FollowUpId> {
        self.on_later_photo().then_some(self.follow_up)
    }

    fn follow_up(&self) -> Option<FollowUpId> {
        Some(self.follow_up)
    }
}
