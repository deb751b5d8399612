//! Renders the bundled sample: a synthetic client photo (a head seen from the front, no real
//! person) and a design drawn on it. Run `cargo run --example make_sample` to regenerate
//! `assets/sample-front.jpg` and `assets/sample-design.json`.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    reason = "pixel values are clamped to 0..=255 and the generator's 53 bits fit an f64"
)]

use std::path::Path;

use hairline_studio::design::{
    Calibration, CalibrationSource, Curve, CurveRole, Design, Landmarks, PhotoPoint, SkinSample, Zone, ZoneKind,
};
use hairline_studio::io::{photo_ref_for, save_design_file, sha256_hex};
use image::{Rgb, RgbImage};

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 1500;
/// The head: an ellipse, centre and radii in pixels.
const HEAD: (f64, f64, f64, f64) = (600.0, 720.0, 330.0, 440.0);
/// Pupils 300 px apart: at the adult mean of 63 mm that is 0.21 mm per pixel.
const PUPILS: [(f64, f64); 2] = [(450.0, 880.0), (750.0, 880.0)];

fn main() -> anyhow::Result<()> {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let photo_path = assets.join("sample-front.jpg");
    let photo = render_head();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90).encode_image(&photo)?;
    std::fs::write(&photo_path, &jpeg)?;

    let mut design = Design::new(20_261_122);
    design.client.name = "Sample Client".to_owned();
    design.client.consultation_date = Some("2026-11-22".to_owned());
    design.notes = "A synthetic head rendered by the project (examples/make_sample.rs); no real person.".to_owned();
    let view = &mut design.views[0];
    view.photo = photo_ref_for(&photo_path, sha256_hex(&jpeg), WIDTH, HEIGHT);
    view.calibration = Some(Calibration {
        source: CalibrationSource::Pupils,
        a: PhotoPoint::new(PUPILS[0].0, PUPILS[0].1),
        b: PhotoPoint::new(PUPILS[1].0, PUPILS[1].1),
        length_mm: 63.0,
    });
    view.landmarks = Landmarks {
        glabella: Some(PhotoPoint::new(600.0, 830.0)),
        chin: Some(PhotoPoint::new(600.0, 1158.0)),
        left_pupil: Some(PhotoPoint::new(PUPILS[0].0, PUPILS[0].1)),
        right_pupil: Some(PhotoPoint::new(PUPILS[1].0, PUPILS[1].1)),
        left_canthus: Some(PhotoPoint::new(PUPILS[0].0 - 55.0, PUPILS[0].1)),
        right_canthus: Some(PhotoPoint::new(PUPILS[1].0 + 55.0, PUPILS[1].1)),
        ..Landmarks::default()
    };
    let hairline = [
        (345.0, 560.0),
        (410.0, 478.0),
        (495.0, 452.0),
        (600.0, 440.0),
        (705.0, 452.0),
        (790.0, 478.0),
        (855.0, 560.0),
    ];
    view.curves.push(Curve {
        name: "Hairline".to_owned(),
        role: CurveRole::Hairline,
        points: hairline.iter().map(|&(x, y)| PhotoPoint::new(x, y)).collect(),
        ..Curve::default()
    });
    let mut zone = Zone::new(ZoneKind::Frontal, "Frontal zone");
    zone.vertices = hairline
        .iter()
        .chain(&[(820.0, 400.0), (720.0, 320.0), (600.0, 295.0), (480.0, 320.0), (380.0, 400.0)])
        .map(|&(x, y)| PhotoPoint::new(x, y))
        .collect();
    view.zones.push(zone);
    // Two eyedropper samples on the forehead, 4 mm across, from the photo as saved.
    let saved = image::load_from_memory(&jpeg)?.to_rgba8();
    let mm_per_px = view.mm_per_px().unwrap_or(1.0);
    for (x, y) in [(600.0, 650.0), (470.0, 640.0)] {
        let radius_px = 4.0 / mm_per_px;
        if let Some(lab) = hairline_studio::colour::sample_skin(saved.as_raw(), saved.width(), [x, y], radius_px) {
            let at = PhotoPoint::new(x, y);
            view.skin_samples.push(SkinSample { at, radius_px, l: lab.l, a: lab.a, b: lab.b });
        }
    }
    save_design_file(&assets.join("sample-design.json"), &design)?;
    Ok(())
}

fn render_head() -> RgbImage {
    let mut noise = Lcg(0x5eed);
    RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let (x, y) = (f64::from(x), f64::from(y));
        let grain = noise.next() * 6.0 - 3.0;
        let colour = shade_pixel(x, y, &mut noise);
        Rgb(colour.map(|c| (c + grain).clamp(0.0, 255.0) as u8))
    })
}

fn shade_pixel(x: f64, y: f64, noise: &mut Lcg) -> [f64; 3] {
    let (cx, cy, rx, ry) = HEAD;
    if ellipse(x, y, cx, cy, rx, ry) < 1.0 {
        let (nx, ny) = ((x - cx) / rx, (y - cy) / ry);
        let nz = (1.0 - nx * nx - ny * ny).max(0.0).sqrt();
        let light = (-0.35 * nx - 0.55 * ny + 0.76 * nz).max(0.0);
        let mut skin = lit(SKIN, 0.35 + 0.7 * light);
        // Sparse stubble on the sides: a receded (Norwood 3) pattern, feathered at its edges.
        let stubble = 0.3
            * smoothstep(((x - cx).abs() - 225.0) / 45.0)
            * smoothstep((y - 440.0) / 60.0)
            * smoothstep((830.0 - y) / 40.0);
        if noise.next() < stubble {
            skin = skin.map(|c| c * 0.5);
        }
        return features(x, y).unwrap_or(skin);
    }
    for side in [-1.0, 1.0] {
        if ellipse(x, y, cx + side * (rx + 5.0), 830.0, 42.0, 88.0) < 1.0 {
            return lit(SKIN, 0.78);
        }
    }
    let neck = y > cy + 250.0 && (x - cx).abs() < 150.0;
    let shoulders = y > 1290.0 && (x - cx).abs() < 150.0 + (y - 1290.0) * 2.5;
    if neck || shoulders {
        return if y > 1390.0 { [55.0, 70.0, 95.0] } else { lit(SKIN, 0.62) };
    }
    [150.0 - y * 0.03, 165.0 - y * 0.03, 180.0 - y * 0.02]
}

/// The client's skin colour (a light-medium tone), before shading.
const SKIN: [f64; 3] = [222.0, 172.0, 142.0];

fn smoothstep(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Eyes, brows, nose and mouth, if (x, y) is on one of them.
fn features(x: f64, y: f64) -> Option<[f64; 3]> {
    for (px, py) in PUPILS {
        let d = (x - px).hypot(y - py);
        if d < 9.0 {
            return Some([15.0, 10.0, 8.0]);
        }
        if d < 22.0 {
            return Some([85.0, 60.0, 40.0]);
        }
        if ellipse(x, y, px, py, 55.0, 24.0) < 1.0 {
            return Some([235.0, 232.0, 228.0]);
        }
        if ellipse(x, y, px, py - 62.0, 75.0, 13.0) < 1.0 && y < py - 55.0 {
            return Some([70.0, 48.0, 35.0]);
        }
    }
    if ellipse(x, y, 600.0, 1010.0, 48.0, 26.0) < 1.0 {
        return Some(lit(SKIN, 0.7));
    }
    if ellipse(x, y, 600.0, 1125.0, 95.0, 20.0) < 1.0 {
        return Some([175.0, 95.0, 90.0]);
    }
    None
}

fn ellipse(x: f64, y: f64, cx: f64, cy: f64, rx: f64, ry: f64) -> f64 {
    ((x - cx) / rx).powi(2) + ((y - cy) / ry).powi(2)
}

fn lit(colour: [f64; 3], light: f64) -> [f64; 3] {
    colour.map(|c| c * light)
}

/// A tiny deterministic generator, so the sample renders identically everywhere.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}
