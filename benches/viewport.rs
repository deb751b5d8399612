//! The canvas's preview at the screen's resolution: a 2560 x 1440 viewport of a full scalp
//! (500 cm² at 300 dots/cm², about 150,000 dots) rendered and mixed with the photo, at fit and
//! zoomed to 400 %, as on every frame of a drag or a pan. `cargo bench -- viewport`.

#![allow(clippy::unwrap_used, clippy::print_stdout, reason = "a benchmark fails loudly and reports on stdout")]

use std::time::{Duration, Instant};

use hairline_studio::colour::carbon_ink;
use hairline_studio::design::{Calibration, CalibrationSource, PhotoPoint, PhotoRef, View, ViewKind, Zone, ZoneKind};
use hairline_studio::follicles::{Layering, generate_dots};
use hairline_studio::render::{
    Backdrop, PhotoLevels, PigmentBlend, Viewport, ViewportBuffers, render_viewport, seen_from,
};

const RUNS: usize = 21;
/// A 4096 px photo at 0.0625 mm per pixel is 256 mm across: room for a 500 cm² scalp.
const SIDE_PX: u32 = 4096;
const MM_PER_PX: f64 = 0.0625;
const SCREEN: [u32; 2] = [2560, 1440];

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with("--")).unwrap_or_default();
    let view = full_scalp_view();
    let dots = generate_dots(&view, &Layering::single(18.0), 42);
    let photo = PhotoLevels::new(skin_photo(), SIDE_PX);
    let pigment = PigmentBlend::new(carbon_ink());
    let fit = f64::from(SCREEN[1]) / f64::from(SIDE_PX);
    let centre = f64::from(SIDE_PX) / 2.0;
    let at = |scale: f64| Viewport {
        origin_px: [centre - f64::from(SCREEN[0]) / 2.0 / scale, centre - f64::from(SCREEN[1]) / 2.0 / scale],
        scale,
        width: SCREEN[0],
        height: SCREEN[1],
    };
    let mut buffers = ViewportBuffers::default();
    let [width, height] = SCREEN;
    for (zoom, viewport) in [("fit (35 %)".to_owned(), at(fit)), ("400 %".to_owned(), at(4.0))] {
        let name = format!("viewport {width}x{height} at {zoom}");
        if name.contains(&filter) {
            let time = median(|| {
                drop(render_viewport(&photo, &dots, &viewport, &pigment, Backdrop::Transparent, &mut buffers));
            });
            println!("{name:<44} median {:>6.2} ms  ({} dots)", time.as_secs_f64() * 1000.0, dots.len());
        }
    }
    let name = format!("viewport {width}x{height} seen from 1 m at fit (35 %)");
    if name.contains(&filter) {
        let viewport = at(fit);
        let time = median(|| {
            let mut image = render_viewport(&photo, &dots, &viewport, &pigment, Backdrop::Photo, &mut buffers);
            seen_from(&mut image, fit / MM_PER_PX, 1.0);
        });
        println!("{name:<44} median {:>6.2} ms", time.as_secs_f64() * 1000.0);
    }
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

/// Skin with a little texture, so no row is like the next.
fn skin_photo() -> image::RgbaImage {
    image::RgbaImage::from_fn(SIDE_PX, SIDE_PX, |x, y| {
        let grain = u8::try_from((x * 7 + y * 13) % 9).unwrap();
        image::Rgba([190 + grain, 146 + grain, 120 + grain, 255])
    })
}

/// A 500 cm² disc-shaped zone (radius 126 mm) in the middle of the photo.
fn full_scalp_view() -> View {
    let mut view = View::new(ViewKind::Top);
    view.photo = Some(PhotoRef { path: String::new(), sha256: String::new(), width_px: SIDE_PX, height_px: SIDE_PX });
    view.calibration = Some(Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(0.0, 0.0),
        b: PhotoPoint::new(1600.0, 0.0),
        length_mm: 1600.0 * MM_PER_PX,
    });
    let radius_px = 126.0 / MM_PER_PX;
    let centre = f64::from(SIDE_PX) / 2.0;
    let mut zone = Zone::new(ZoneKind::MidScalp, "Full scalp");
    zone.density_per_cm2 = 300.0;
    zone.vertices = (0..64)
        .map(|i| {
            let angle = f64::from(i) / 64.0 * std::f64::consts::TAU;
            PhotoPoint::new(centre + radius_px * angle.cos(), centre + radius_px * angle.sin())
        })
        .collect();
    view.zones.push(zone);
    view
}
