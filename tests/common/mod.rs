//! Helpers shared by the UI tests: a studio on the sample design, and ways to click on it.

#![allow(dead_code, reason = "each test file uses a different subset")]
#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Command, StartOptions, StudioApp, Tool};
use hairline_studio::design::PhotoPoint;

/// The studio on the bundled sample design, with its photo loaded.
pub fn studio() -> Harness<'static, StudioApp> {
    studio_with(StartOptions::default())
}

/// The studio started with `options`, settled.
pub fn studio_with(options: StartOptions) -> Harness<'static, StudioApp> {
    let app = StudioApp::new(options);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut StudioApp| app.studio_ui(ui), app);
    settle(&mut harness);
    harness
}

/// Runs frames and background jobs until the studio is idle.
pub fn settle(harness: &mut Harness<'static, StudioApp>) {
    for _ in 0..4 {
        harness.run_steps(2);
        let ctx = harness.ctx.clone();
        harness.state_mut().finish_background_work(&ctx);
    }
    harness.run_steps(2);
}

pub fn shows(harness: &Harness<'static, StudioApp>, text: &str) -> bool {
    harness
        .query_all_by(|node| {
            node.label().is_some_and(|l| l.contains(text)) || node.value().is_some_and(|v| v.contains(text))
        })
        .next()
        .is_some()
}

pub fn hairline(harness: &Harness<'static, StudioApp>) -> Vec<PhotoPoint> {
    let view = &harness.state().document().design().views[0];
    view.hairline_index().map(|i| view.curves[i].points.clone()).unwrap_or_default()
}

/// Clicks the canvas at a photo position.
pub fn click_photo(harness: &mut Harness<'static, StudioApp>, x: f64, y: f64) {
    let pos = harness.state().screen_position(PhotoPoint::new(x, y)).unwrap();
    harness.hover_at(pos);
    harness.run_steps(1);
    harness.drag_at(pos);
    harness.run_steps(1);
    harness.drop_at(pos);
    harness.run_steps(2);
}

pub fn select_tool(harness: &mut Harness<'static, StudioApp>, tool: Tool) {
    harness.state_mut().queue(Command::SelectTool(tool));
    harness.run_steps(2);
}
