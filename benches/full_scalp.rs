//! The follicle simulation's speed on a full scalp: 500 cm² at 300 dots/cm² (about 150,000
//! dots), regenerating every position and re-rendering the 2048 x 2048 overlay, as happens on
//! every frame of a drag. `cargo bench --bench full_scalp`.

#![allow(clippy::unwrap_used, clippy::print_stdout, reason = "a benchmark fails loudly and reports on stdout")]

use std::time::{Duration, Instant};

use hairline_studio::design::{
    Calibration, CalibrationSource, Curve, CurveRole, PhotoPoint, PhotoRef, View, ViewKind, Zone, ZoneKind,
};
use hairline_studio::follicles::{DotBuffer, Layering, generate_dots, generate_dots_into};
use hairline_studio::render::{Mask, render_dots};

const RUNS: usize = 21;
const SIDE_PX: u32 = 2048;
/// 2048 px at 0.125 mm per pixel is 256 mm: room for a 500 cm² scalp.
const MM_PER_PX: f64 = 0.125;

fn main() {
    let scalp = full_scalp_view(false);
    let with_hairline = full_scalp_view(true);
    let _ = hairline_studio::follicles::blocked_tile(); // built once per process, not per frame
    for (name, view) in [("full_scalp", &scalp), ("full_scalp_with_hairline_band", &with_hairline)] {
        // As the preview does on each frame of a drag: the same mask and dot buffer each time.
        let mut mask = Mask::new(SIDE_PX, SIDE_PX);
        let mut buffer = DotBuffer::default();
        let time = median(|| {
            generate_dots_into(view, &Layering::single(18.0), 42, &mut buffer);
            render_dots(buffer.dots(), 1.0, &mut mask);
        });
        let dot_count = buffer.dots().len();
        println!(
            "{name:<32} median {:>6.2} ms  ({dot_count} dots, {SIDE_PX} x {SIDE_PX} px)",
            time.as_secs_f64() * 1000.0
        );
    }
    let mut buffer = DotBuffer::default();
    let generate = median(|| generate_dots_into(&scalp, &Layering::single(18.0), 42, &mut buffer));
    let dots = generate_dots(&scalp, &Layering::single(18.0), 42);
    let mut mask = Mask::new(SIDE_PX, SIDE_PX);
    let render = median(|| render_dots(&dots, 1.0, &mut mask));
    // A 6000 px photo's preview: the same dots at a third of the size, under half a pixel.
    let mut small = Mask::new(SIDE_PX / 3, SIDE_PX / 3);
    let render_small = median(|| render_dots(&dots, 1.0 / 3.0, &mut small));
    println!("full_scalp/generate only           median {:>6.2} ms", generate.as_secs_f64() * 1000.0);
    println!("full_scalp/render only             median {:>6.2} ms", render.as_secs_f64() * 1000.0);
    println!("full_scalp/render at a third       median {:>6.2} ms", render_small.as_secs_f64() * 1000.0);
}

/// The median of [`RUNS`] runs; the fastest is printed to stderr, a steadier figure on a busy machine.
fn median(mut run: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    eprintln!("  (fastest {:.2} ms)", times[0].as_secs_f64() * 1000.0);
    times[RUNS / 2]
}

/// A 500 cm² disc-shaped zone (radius 126 mm) on a 2048 px square photo.
fn full_scalp_view(hairline: bool) -> View {
    let mut view = View::new(ViewKind::Top);
    view.photo = Some(PhotoRef { path: String::new(), sha256: String::new(), width_px: SIDE_PX, height_px: SIDE_PX });
    view.calibration = Some(Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(0.0, 0.0),
        b: PhotoPoint::new(800.0, 0.0),
        length_mm: 800.0 * MM_PER_PX,
    });
    let radius_px = 126.0 / MM_PER_PX;
    let mut zone = Zone::new(ZoneKind::MidScalp, "Full scalp");
    zone.density_per_cm2 = 300.0;
    zone.vertices = (0..64)
        .map(|i| {
            let angle = f64::from(i) / 64.0 * std::f64::consts::TAU;
            PhotoPoint::new(1024.0 + radius_px * angle.cos(), 1024.0 + radius_px * angle.sin())
        })
        .collect();
    view.zones.push(zone);
    if hairline {
        let points = (0..9)
            .map(|i| PhotoPoint::new(400.0 + 150.0 * f64::from(i), 1700.0 - 60.0 * (f64::from(i) - 4.0).abs()))
            .collect();
        view.curves.push(Curve { name: "Hairline".into(), role: CurveRole::Hairline, points, ..Curve::default() });
    }
    view
}
