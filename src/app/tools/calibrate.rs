//! Calibrate: click (or drag between) both ends of something of known length, then type the
//! length; the view's scale follows. A press on an existing calibration end drags it.

use crate::design::{CalibrationSource, PhotoPoint};
use crate::edit::{Edit, Handle};

use super::drag::HandleDrag;
use super::{CanvasInput, CanvasTool, ToolContext, ToolInfo, ToolPaint};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum State {
    #[default]
    Ready,
    First(PhotoPoint),
    /// Both ends clicked; the window asks for the length between them.
    AskingLength {
        ends: [PhotoPoint; 2],
        length_mm: f64,
    },
}

#[derive(Default)]
pub struct CalibrateTool {
    state: State,
    drag: HandleDrag,
}

impl CalibrateTool {
    pub const INFO: ToolInfo = ToolInfo {
        label: "Calibrate",
        icon: "📐",
        key: egui::Key::C,
        tooltip: "Click both ends of something of known length, then type the length in mm",
    };

    fn second_end(&mut self, first: PhotoPoint, second: PhotoPoint, cx: &mut ToolContext<'_>) {
        if first.distance_to(second) < 1.0 {
            self.state = State::Ready;
            cx.say("The two ends coincide; click both ends of the reference.");
            return;
        }
        let previous = cx.view().and_then(|v| v.calibration.as_ref()).map_or(10.0, |c| c.length_mm);
        self.state = State::AskingLength { ends: [first, second], length_mm: previous };
    }
}

impl CanvasTool for CalibrateTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        if input.escape && self.drag.handle().is_none() {
            self.state = State::Ready;
        }
        if matches!(self.state, State::AskingLength { .. }) {
            return;
        }
        if self.drag.input(input, cx) {
            return;
        }
        let Some(cursor) = input.cursor else {
            return;
        };
        // A drag from one end to the other measures as two clicks do.
        if input.drag_started
            && let Some(origin) = input.press_origin
        {
            self.state = State::First(origin);
        }
        match self.state {
            State::First(first) if input.drag_stopped || input.clicked => {
                self.second_end(first, cursor, cx);
            }
            State::Ready if input.clicked => {
                self.state = State::First(cursor);
                cx.say("Now click the other end of the reference.");
            }
            _ => {}
        }
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
            State::First(first) => paint.cursor.map(|cursor| [first, cursor]),
            State::AskingLength { ends, .. } => Some(ends),
            State::Ready => None,
        };
        if let Some(ends) = ends {
            super::ruler::paint_measure(paint, ends);
        }
    }

    fn dragging(&self) -> Option<Handle> {
        self.drag.handle()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Bench, click, document};
    use super::*;

    #[test]
    fn two_clicks_ask_for_the_length_and_coinciding_ends_are_refused() {
        let mut document = document();
        let mut bench = Bench::default();
        let mut tool = CalibrateTool::default();
        let p = PhotoPoint::new;
        tool.input(&click(p(100.0, 100.0)), &mut bench.cx(&mut document));
        tool.input(&click(p(100.2, 100.0)), &mut bench.cx(&mut document));
        assert_eq!(tool.state, State::Ready);
        assert!(bench.status.text().contains("coincide"));
        tool.input(&click(p(100.0, 100.0)), &mut bench.cx(&mut document));
        tool.input(&click(p(400.0, 100.0)), &mut bench.cx(&mut document));
        assert!(matches!(tool.state, State::AskingLength { ends, .. } if ends == [p(100.0, 100.0), p(400.0, 100.0)]));
    }
}
