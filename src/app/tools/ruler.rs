//! Ruler: click two points (or drag from one to the other) to measure the distance between
//! them, in millimetres once the view is calibrated. The measurement is not part of the design.

use crate::design::PhotoPoint;

use super::{CanvasInput, CanvasTool, ToolContext, ToolInfo, ToolPaint};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum State {
    #[default]
    Ready,
    First(PhotoPoint),
    Measured([PhotoPoint; 2]),
}

#[derive(Default)]
pub struct RulerTool {
    state: State,
}

impl RulerTool {
    pub const INFO: ToolInfo = ToolInfo {
        label: "Ruler",
        icon: "📏",
        key: egui::Key::R,
        tooltip: "Click two points (or drag) to measure the distance between them",
    };
}

impl CanvasTool for RulerTool {
    fn input(&mut self, input: &CanvasInput, _cx: &mut ToolContext<'_>) {
        if input.escape {
            self.state = State::Ready;
        }
        if input.drag_started
            && let Some(origin) = input.press_origin
        {
            self.state = State::First(origin);
        }
        if input.drag_stopped || input.clicked {
            self.state = match (self.state, input.cursor) {
                (State::First(first), Some(second)) if first.distance_to(second) > 0.0 => {
                    State::Measured([first, second])
                }
                (_, Some(second)) => State::First(second),
                (_, None) => State::Ready,
            };
        }
    }

    fn prompt(&self, _view: Option<&crate::design::View>) -> String {
        "Ruler: click two points (or drag) to measure.".to_owned()
    }

    fn paint(&self, paint: &ToolPaint<'_>) {
        let ends = match self.state {
            State::First(first) => paint.cursor.map(|cursor| [first, cursor]),
            State::Measured(ends) => Some(ends),
            State::Ready => None,
        };
        if let Some(ends) = ends {
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
    let text = match paint.view.mm_per_px() {
        Some(scale) => format!("{:.1} mm", length_px * scale),
        None => format!("{length_px:.0} px (not calibrated)"),
    };
    super::super::overlay::label(paint.painter, sa.lerp(sb, 0.5), &text, COLOUR);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Bench, click, document, drag};
    use super::*;

    #[test]
    fn two_clicks_or_a_drag_measure_and_a_third_click_starts_again() {
        let mut document = document();
        let mut bench = Bench::default();
        let mut tool = RulerTool::default();
        let p = PhotoPoint::new;
        tool.input(&click(p(0.0, 0.0)), &mut bench.cx(&mut document));
        tool.input(&click(p(30.0, 40.0)), &mut bench.cx(&mut document));
        assert_eq!(tool.state, State::Measured([p(0.0, 0.0), p(30.0, 40.0)]));
        tool.input(&click(p(5.0, 5.0)), &mut bench.cx(&mut document));
        assert_eq!(tool.state, State::First(p(5.0, 5.0)));
        for frame in drag(p(10.0, 10.0), p(20.0, 10.0)) {
            tool.input(&frame, &mut bench.cx(&mut document));
        }
        assert_eq!(tool.state, State::Measured([p(10.0, 10.0), p(20.0, 10.0)]));
        assert!(!document.is_dirty(), "measuring is not an edit");
    }
}
