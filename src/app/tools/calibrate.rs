//! Calibrate: click (or drag between) both ends of something of known length, then type the
//! length; the view's scale follows. A press on an existing calibration end drags it.

use crate::design::{CalibrationSource, PhotoPoint};
use crate::edit::Edit;

use super::ruler::TwoPoints;
use super::{CanvasInput, CanvasTool, ToolContext, ToolPaint};

pub const TOOLTIP: &str = "Click both ends of something of known length, then type the length in mm";

/// Taking the two ends (as the Ruler does), then asking for the length between them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum State {
    #[default]
    Ready,
    Ends(TwoPoints),
    AskingLength {
        ends: [PhotoPoint; 2],
        length_mm: f64,
    },
}

#[derive(Default)]
pub struct CalibrateTool {
    state: State,
}

impl CanvasTool for CalibrateTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        let mut points = match self.state {
            State::AskingLength { .. } => return,
            State::Ready => TwoPoints::Ready,
            State::Ends(points) => points,
        };
        points.input(input);
        self.state = match points {
            TwoPoints::Ready => State::Ready,
            TwoPoints::First(_) => {
                if self.state == State::Ready {
                    cx.say("Now click the other end of the reference.");
                }
                State::Ends(points)
            }
            TwoPoints::Both([a, b]) if a.distance_to(b) < 1.0 => {
                cx.say("The two ends coincide; click both ends of the reference.");
                State::Ready
            }
            TwoPoints::Both(ends) => {
                let previous = cx.view().and_then(|v| v.calibration.as_ref()).map_or(10.0, |c| c.length_mm);
                State::AskingLength { ends, length_mm: previous }
            }
        };
    }

    fn window_ui(&mut self, ctx: &egui::Context, cx: &mut ToolContext<'_>) {
        let State::AskingLength { ends, mut length_mm } = self.state else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("calibration")).show(ctx, |ui| {
            ui.set_max_width(380.0);
            ui.heading("Calibrate");
            ui.label(format!(
                "The two points are {:.0} pixels apart. How long is that in reality?",
                ends[0].distance_to(ends[1])
            ));
            let field = ui.add(egui::DragValue::new(&mut length_mm).range(0.5..=1000.0).speed(0.1).suffix(" mm"));
            field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, "Reference length"));
            ui.horizontal(|ui| {
                let ok = ui.button("Calibrate").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter));
                (ok, ui.button("Cancel").clicked())
            })
            .inner
        });
        let (ok, cancel) = modal.inner;
        if ok {
            cx.apply(Edit::Calibrate { view: cx.view, source: CalibrationSource::Ruler, ends, length_mm });
            self.state = State::Ready;
        } else if cancel || modal.should_close() {
            self.state = State::Ready;
        } else {
            self.state = State::AskingLength { ends, length_mm };
        }
    }

    fn prompt(&self, _view: Option<&crate::design::View>) -> String {
        "Calibrate: click both ends of something of known length.".to_owned()
    }

    fn paint(&self, paint: &ToolPaint<'_>) {
        let ends = match self.state {
            State::Ends(points) => points.line(paint.cursor),
            State::AskingLength { ends, .. } => Some(ends),
            State::Ready => None,
        };
        if let Some(ends) = ends {
            super::ruler::paint_measure(paint, ends);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::Bench;
    use super::*;

    #[test]
    fn two_clicks_ask_for_the_length_and_coinciding_ends_are_refused() {
        let (mut bench, mut tool) = (Bench::new(), CalibrateTool::default());
        bench.click(&mut tool, &[(100.0, 100.0), (100.2, 100.0)]);
        assert_eq!(tool.state, State::Ready);
        assert!(bench.status.text().contains("coincide"));
        bench.click(&mut tool, &[(100.0, 100.0), (400.0, 100.0)]);
        let p = PhotoPoint::new;
        assert!(matches!(tool.state, State::AskingLength { ends, .. } if ends == [p(100.0, 100.0), p(400.0, 100.0)]));
    }
}
