//! Ruler: click two points (or drag from one to the other) to measure the distance between
//! them, in millimetres once the view is calibrated. The measurement is not part of the design.
//! The Calibrate tool takes its two points the same way ([`TwoPoints`]).

use crate::design::PhotoPoint;

use super::{CanvasInput, CanvasTool, ToolContext, ToolPaint};

pub const TOOLTIP: &str = "Click two points (or drag) to measure the distance between them";

/// Two points clicked (or the ends of a drag): none yet, the first, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum TwoPoints {
    #[default]
    Ready,
    First(PhotoPoint),
    Both([PhotoPoint; 2]),
}

impl TwoPoints {
    /// Takes this frame's clicks and drags; a click after both points starts again. Escape
    /// forgets the points.
    pub fn input(&mut self, input: &CanvasInput) {
        if input.escape {
            *self = Self::Ready;
        }
        if input.drag_started
            && let Some(origin) = input.press_origin
        {
            *self = Self::First(origin);
        }
        if input.drag_stopped || input.clicked {
            *self = match (*self, input.cursor) {
                (Self::First(first), Some(second)) if first.distance_to(second) > 0.0 => Self::Both([first, second]),
                (_, Some(second)) => Self::First(second),
                (_, None) => Self::Ready,
            };
        }
    }

    /// The line to show: both points, or the first to the pointer.
    pub fn line(self, cursor: Option<PhotoPoint>) -> Option<[PhotoPoint; 2]> {
        match self {
            Self::First(first) => cursor.map(|cursor| [first, cursor]),
            Self::Both(ends) => Some(ends),
            Self::Ready => None,
        }
    }
}

#[derive(Default)]
pub struct RulerTool {
    points: TwoPoints,
}

impl CanvasTool for RulerTool {
    /// Handles are not grabbed here: the drag belongs to the tool.
    fn drags_handles(&self) -> bool {
        false
    }

    fn input(&mut self, input: &CanvasInput, _cx: &mut ToolContext<'_>) {
        self.points.input(input);
    }

    fn prompt(&self, _view: Option<&crate::design::View>) -> String {
        "Ruler: click two points (or drag) to measure.".to_owned()
    }

    fn paint(&self, paint: &ToolPaint<'_>) {
        if let Some(ends) = self.points.line(paint.cursor) {
            paint_measure(paint, ends);
        }
    }

    fn cursor(&self, _over_handle: bool) -> egui::CursorIcon {
        egui::CursorIcon::Crosshair
    }
}

/// A line between `ends` labelled with its length, in mm once the view is calibrated.
pub fn paint_measure(paint: &ToolPaint<'_>, [a, b]: [PhotoPoint; 2]) {
    const COLOUR: egui::Color32 = egui::Color32::WHITE;
    let (sa, sb) = ((paint.to_screen)(a), (paint.to_screen)(b));
    paint.painter.line_segment([sa, sb], egui::Stroke::new(2.0, COLOUR));
    paint.painter.circle_filled(sa, 3.0, COLOUR);
    paint.painter.circle_filled(sb, 3.0, COLOUR);
    let length_px = a.distance_to(b);
    let text = match (paint.view.mm_per_px(), &paint.head.map) {
        (Some(_), Some(map)) => {
            let skin_mm = map.shape.skin_length_mm(map.frame.to_face(a), map.frame.to_face(b));
            let source = if paint.head.estimated() { "estimated" } else { "from the side profile" };
            format!("in the photo {:.1} mm; on the skin {skin_mm:.1} mm ({source})", length_px * map.frame.mm_per_px())
        }
        (Some(scale), None) => format!("{:.1} mm", length_px * scale),
        (None, _) => format!("{length_px:.0} px (not calibrated)"),
    };
    super::super::overlay::label(paint.painter, sa.lerp(sb, 0.5), &text, COLOUR);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Bench, drag};
    use super::*;

    #[test]
    fn two_clicks_or_a_drag_measure_and_a_third_click_starts_again() {
        let (mut bench, mut tool) = (Bench::new(), RulerTool::default());
        let p = PhotoPoint::new;
        bench.click(&mut tool, &[(0.0, 0.0), (30.0, 40.0)]);
        assert_eq!(tool.points, TwoPoints::Both([p(0.0, 0.0), p(30.0, 40.0)]));
        bench.click(&mut tool, &[(5.0, 5.0)]);
        assert_eq!(tool.points, TwoPoints::First(p(5.0, 5.0)));
        bench.send(&mut tool, &drag(p(10.0, 10.0), p(20.0, 10.0)));
        assert_eq!(tool.points, TwoPoints::Both([p(10.0, 10.0), p(20.0, 10.0)]));
        assert!(!bench.document.is_dirty(), "measuring is not an edit");
    }
}
