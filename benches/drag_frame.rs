//! The whole CPU side of the studio's frames while the artist drags a hairline point with the
//! preview on, driven through the real app headless (`egui_kittest`) in a 2560 x 1440 window:
//! the design's edit, the dots regenerated, the viewport rendered at screen resolution, the
//! texture updated, egui's layout. `cargo bench -- frame`.

#![allow(clippy::unwrap_used, clippy::print_stdout, reason = "a benchmark fails loudly and reports on stdout")]

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use hairline_studio::app::{FileDialogs, StartOptions, StudioApp};
use hairline_studio::design::PhotoPoint;

const FRAMES: usize = 41;

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with("--")).unwrap_or_default();
    let name = "frame 2560x1440 dragging a hairline point, preview on";
    if !name.contains(&filter) {
        return;
    }
    let app = StudioApp::new(StartOptions { file_dialogs: FileDialogs::Off, ..StartOptions::default() });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(2560.0, 1440.0))
        .build_ui_state(|ui, app: &mut StudioApp| app.studio_ui(ui), app);
    for _ in 0..6 {
        harness.run_steps(2);
        let ctx = harness.ctx.clone();
        harness.state_mut().finish_background_work(&ctx);
    }
    let view = &harness.state().document().design().views[0];
    let point = view.curves[view.hairline_index().unwrap()].points[3];
    let start = harness.state().screen_position(point).unwrap();
    harness.hover_at(start);
    harness.step();
    harness.drag_at(start);
    harness.step();
    let mut times: Vec<Duration> = (0..FRAMES)
        .map(|frame| {
            #[expect(clippy::cast_precision_loss, reason = "a few frames")]
            let offset = egui::vec2(0.0, (frame % 20) as f32 - 10.0);
            harness.hover_at(start + offset);
            let begun = Instant::now();
            harness.step();
            begun.elapsed()
        })
        .collect();
    let view = &harness.state().document().design().views[0];
    let moved: PhotoPoint = view.curves[view.hairline_index().unwrap()].points[3];
    assert!(moved != point, "the drag moved the point, so every frame measured an edit");
    harness.drop_at(start);
    harness.step();
    times.sort();
    eprintln!("  (fastest {:.2} ms)", times[0].as_secs_f64() * 1000.0);
    println!("{name:<56} median {:>6.2} ms", times[FRAMES / 2].as_secs_f64() * 1000.0);
}
