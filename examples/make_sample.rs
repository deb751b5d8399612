//! Renders the bundled sample: a synthetic client photo (a head seen from the front, no real
//! person) and a design drawn on it. Run `cargo run --example make_sample` to regenerate
//! `assets/sample-front.jpg` and `assets/sample-design.json`.
//!
//! The client: a man with a Norwood 6 pattern (the front and top bald, short hair left in a
//! horseshoe at the sides and back, kept shaved to stubble), light-medium skin, photographed
//! from the front in soft studio light. The head follows the facial thirds (hairline to brow,
//! brow to nose, nose to chin about equal; the eyes halfway between the top of the head and the
//! chin), at 0.30 mm per pixel. The design restores a mature hairline and fills the front and
//! the top; its density is chosen as the blend check would (see [`blending_density`]) so that,
//! healed and seen from a metre, it matches the stubble at the sides.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    clippy::print_stdout,
    reason = "pixel values are clamped to 0..=255, the generator's 53 bits fit an f64, and it reports what it made"
)]

use std::path::Path;

use anyhow::Context as _;

use hairline_studio::colour::{sample_seen_from_afar, sample_skin};
use hairline_studio::design::{
    Calibration, CalibrationSource, Curve, CurveRole, Design, Landmarks, PhotoPoint, SkinSample, Zone, ZoneKind,
};
use hairline_studio::io::{photo_ref_for, save_design_file, sha256_hex};
use hairline_studio::render::{linear_of, srgb_of};
use image::{Rgb, RgbImage};

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 1500;
/// Millimetres per pixel: pupils 210 px apart at the adult mean of 63 mm.
const MM_PER_PX: f64 = 0.30;
const CENTRE_X: f64 = 600.0;
/// The top of the head and the chin.
const VERTEX_Y: f64 = 230.0;
const CHIN_Y: f64 = 997.0;
/// The widest point of the cranium, its half-width there, and where the jaw begins to narrow.
const CRANIUM_Y: f64 = 560.0;
const CRANIUM_HALF_WIDTH: f64 = 262.0;
const JAW_Y: f64 = 600.0;
/// Brows, eyes (pupils), the base of the nose and the mouth: the thirds of the face.
const BROW_Y: f64 = 586.0;
const PUPILS: [(f64, f64); 2] = [(495.0, 625.0), (705.0, 625.0)];
const GLABELLA: (f64, f64) = (600.0, 590.0);
const NOSE_BASE_Y: f64 = 775.0;
const MOUTH_Y: f64 = 862.0;
/// The client's skin (light-medium), before shading, and his hair.
const SKIN: [f64; 3] = [222.0, 172.0, 142.0];
const HAIR: [f64; 3] = [34.0, 27.0, 24.0];
/// The stubble: hairs per cm² and the shadow of each shaved hair, in mm.
const STUBBLE_PER_CM2: f64 = 160.0;
const STUBBLE_MM: f64 = 0.32;

fn main() -> anyhow::Result<()> {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let photo_path = assets.join("sample-front.jpg");
    let photo = render_head();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90).encode_image(&photo)?;
    std::fs::write(&photo_path, &jpeg)?;
    let saved = image::load_from_memory(&jpeg)?.to_rgba8();

    let mut design = Design::new(20_261_122);
    design.client.name = "Sample Client".to_owned();
    design.client.consultation_date = Some("2026-11-22".to_owned());
    design.notes = "A synthetic head rendered by the project (examples/make_sample.rs); no real person.".to_owned();
    design.pigment.water_parts = 14.0;
    let view = &mut design.views[0];
    view.photo = photo_ref_for(&photo_path, sha256_hex(&jpeg), WIDTH, HEIGHT);
    view.calibration = Some(Calibration {
        source: CalibrationSource::Pupils,
        a: PhotoPoint::new(PUPILS[0].0, PUPILS[0].1),
        b: PhotoPoint::new(PUPILS[1].0, PUPILS[1].1),
        length_mm: (PUPILS[1].0 - PUPILS[0].0) * MM_PER_PX,
    });
    view.landmarks = Landmarks {
        glabella: Some(PhotoPoint::new(GLABELLA.0, GLABELLA.1)),
        chin: Some(PhotoPoint::new(CENTRE_X, CHIN_Y - 6.0)),
        left_pupil: Some(PhotoPoint::new(PUPILS[0].0, PUPILS[0].1)),
        right_pupil: Some(PhotoPoint::new(PUPILS[1].0, PUPILS[1].1)),
        left_canthus: Some(PhotoPoint::new(PUPILS[0].0 - 48.0, PUPILS[0].1)),
        right_canthus: Some(PhotoPoint::new(PUPILS[1].0 + 48.0, PUPILS[1].1)),
        ..Landmarks::default()
    };
    // A mature hairline: its centre 6 cm above the glabella on the photo, soft temple angles
    // meeting the stubble at the sides.
    let hairline = [
        (372.0, 540.0),
        (398.0, 468.0),
        (470.0, 420.0),
        (600.0, 398.0),
        (730.0, 420.0),
        (802.0, 468.0),
        (828.0, 540.0),
    ];
    view.curves.push(Curve {
        name: "Hairline".to_owned(),
        role: CurveRole::Hairline,
        points: hairline.iter().map(|&(x, y)| PhotoPoint::new(x, y)).collect(),
        ..Curve::default()
    });
    // The front and the top: from the hairline up to the outline of the head.
    let mut zone = Zone::new(ZoneKind::Frontal, "Front and top");
    // Just inside the cranium's outline, from the right temple over the top to the left one.
    let over_the_top = (0..=16).map(|i| {
        let angle = (10.0 + 160.0 * f64::from(i) / 16.0).to_radians();
        let (rx, ry) = (CRANIUM_HALF_WIDTH - 14.0, CRANIUM_Y - VERTEX_Y - 14.0);
        (CENTRE_X + rx * angle.cos(), CRANIUM_Y - ry * angle.sin())
    });
    zone.vertices = hairline.iter().copied().chain(over_the_top).map(|(x, y)| PhotoPoint::new(x, y)).collect();
    zone.dot_diameter_mm = 0.45;
    view.zones.push(zone);
    // Skin on the forehead and the temples, hair on the stubble at both sides; 4 mm patches.
    let radius_px = 4.0 / MM_PER_PX;
    for (x, y) in [(600.0, 500.0), (470.0, 520.0), (730.0, 520.0)] {
        if let Some(lab) = sample_skin(saved.as_raw(), saved.width(), [x, y], radius_px) {
            view.skin_samples.push(SkinSample::new(PhotoPoint::new(x, y), radius_px, [lab.l, lab.a, lab.b]));
        }
    }
    for (x, y) in [(CENTRE_X - 205.0, 560.0), (CENTRE_X + 205.0, 560.0)] {
        if let Some(lab) = sample_seen_from_afar(saved.as_raw(), saved.width(), [x, y], radius_px) {
            view.hair_samples.push(SkinSample::new(PhotoPoint::new(x, y), radius_px, [lab.l, lab.a, lab.b]));
        }
    }
    let density = blending_density(&design).context("the sample's skin and hair are sampled")?;
    design.views[0].zones[0].density_per_cm2 = density;
    let report = hairline_studio::report::report(&design);
    if let Some(seen) = &report.views[0].zones[0].seen_from_1m {
        println!(
            "density {density:.0}/cm²: healed from 1 m {:?}, hair {:?}, ΔE00 {:?}",
            seen.result, seen.hair, seen.delta_e_to_hair
        );
    }
    save_design_file(&assets.join("sample-design.json"), &design)?;
    Ok(())
}

/// The zone density, in whole dots per cm², whose healed result seen from 1 m comes nearest
/// the hair samples: the result only darkens as density rises, so bisect on the lightness.
/// `None` if the skin or the hair is not sampled.
fn blending_density(design: &Design) -> Option<f64> {
    let seen = |density: f64| {
        let mut design = design.clone();
        design.views[0].zones[0].density_per_cm2 = density;
        let report = hairline_studio::report::report(&design);
        let seen = report.views[0].zones[0].seen_from_1m.clone()?;
        Some((seen.result.l, seen.hair?.l))
    };
    let (mut low, mut high) = (40.0_f64, 600.0_f64);
    while high - low > 1.0 {
        let middle = f64::midpoint(low, high);
        let (result, hair) = seen(middle)?;
        if result > hair { low = middle } else { high = middle }
    }
    Some(low.round())
}

fn render_head() -> RgbImage {
    let mut noise = Lcg(0x5eed);
    let stubble = stubble_cover();
    RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let cover = stubble[(y * WIDTH + x) as usize];
        let (x, y) = (f64::from(x), f64::from(y));
        let grain = noise.next() * 6.0 - 3.0;
        let colour = shade_pixel(x, y, cover);
        Rgb(colour.map(|c| (c + grain).clamp(0.0, 255.0) as u8))
    })
}

/// The half-width of the head at height `y` (0 above the top and below the chin): the cranium
/// an ellipse, the jaw narrowing to a rounded chin.
fn half_width(y: f64) -> f64 {
    if !(VERTEX_Y..=CHIN_Y).contains(&y) {
        return 0.0;
    }
    if y <= JAW_Y {
        let t = (y - CRANIUM_Y) / (CRANIUM_Y - VERTEX_Y);
        return CRANIUM_HALF_WIDTH * (1.0 - t * t).max(0.0).sqrt();
    }
    let at_jaw = CRANIUM_HALF_WIDTH * (1.0 - ((JAW_Y - CRANIUM_Y) / (CRANIUM_Y - VERTEX_Y)).powi(2)).sqrt();
    let t = (y - JAW_Y) / (CHIN_Y - JAW_Y);
    at_jaw * (1.0 - 0.42 * t.powf(2.2)) * (1.0 - t.powi(5)).max(0.0).sqrt()
}

/// How much of each pixel's light the stubble hides (0 to 1): shaved hairs on a jittered grid
/// at [`STUBBLE_PER_CM2`], each a soft shadow [`STUBBLE_MM`] across, where the hair is left.
fn stubble_cover() -> Vec<f32> {
    let mut cover = vec![0.0_f32; (WIDTH * HEIGHT) as usize];
    let mut noise = Lcg(0x0ba1d);
    let spacing_px = (100.0 / STUBBLE_PER_CM2).sqrt() / MM_PER_PX;
    let radius_px = STUBBLE_MM / 2.0 / MM_PER_PX;
    let (columns, rows) = ((f64::from(WIDTH) / spacing_px) as u32, (f64::from(HEIGHT) / spacing_px) as u32);
    for row in 0..rows {
        for column in 0..columns {
            let x = (f64::from(column) + noise.next()) * spacing_px;
            let y = (f64::from(row) + noise.next()) * spacing_px;
            if noise.next() >= hair_left(x, y) {
                continue;
            }
            // The hair's shadow spread over the pixels it touches, by area.
            let area = std::f64::consts::PI * radius_px * radius_px * 0.9;
            let (px, py) = (x - 0.5, y - 0.5);
            let (x0, y0) = (px.floor(), py.floor());
            let (fx, fy) = (px - x0, py - y0);
            for (dx, dy, share) in
                [(0, 0, (1.0 - fx) * (1.0 - fy)), (1, 0, fx * (1.0 - fy)), (0, 1, (1.0 - fx) * fy), (1, 1, fx * fy)]
            {
                let (cx, cy) = (x0 as i64 + dx, y0 as i64 + dy);
                if (0..i64::from(WIDTH)).contains(&cx) && (0..i64::from(HEIGHT)).contains(&cy) {
                    let pixel = &mut cover[(cy as u32 * WIDTH + cx as u32) as usize];
                    *pixel = 1.0 - (1.0 - *pixel) * (1.0 - (area * share) as f32).max(0.0);
                }
            }
        }
    }
    cover
}

/// The share of follicles still growing hair at (x, y): the Norwood 6 horseshoe, a band at
/// each side of the head from above the ear to the temple, thinning out at its top edge.
fn hair_left(x: f64, y: f64) -> f64 {
    let half = half_width(y);
    if half <= 0.0 || y > 720.0 {
        return 0.0;
    }
    let from_side = half - (x - CENTRE_X).abs();
    let band = smoothstep((95.0 - from_side) / 30.0) * smoothstep((from_side + 4.0) / 4.0);
    band * smoothstep((y - 440.0) / 60.0) * smoothstep((720.0 - y) / 50.0)
}

fn shade_pixel(x: f64, y: f64, stubble: f32) -> [f64; 3] {
    let half = half_width(y);
    let on_head = half > 0.0 && (x - CENTRE_X).abs() < half;
    if on_head {
        // The head's surface turns away towards its outline; soft light from the front, above.
        let nx = (x - CENTRE_X) / half;
        let ny = ((y - CRANIUM_Y) / (CHIN_Y - VERTEX_Y) * 1.2).clamp(-1.0, 1.0);
        let nz = (1.0 - nx * nx * 0.85 - ny * ny * 0.5).max(0.0).sqrt();
        let light = (-0.3 * ny + 0.95 * nz).max(0.0);
        let mottle = 1.0 + 0.035 * value_noise(x / 38.0, y / 38.0) + 0.02 * value_noise(x / 9.0, y / 9.0);
        // Soft studio light: the sides darken a little, not into shadow.
        let nose_shadow =
            if (640.0..NOSE_BASE_Y).contains(&y) { 0.1 * (-((x - CENTRE_X - 16.0) / 7.0).powi(2)).exp() } else { 0.0 };
        let skin = lit(SKIN, (0.91 + 0.1 * light) * mottle * (1.0 - nose_shadow));
        let skin = features(x, y).unwrap_or(skin);
        return mix_linear(skin, HAIR, f64::from(stubble));
    }
    for side in [-1.0, 1.0] {
        let ear_x = CENTRE_X + side * (half_width(690.0) + 16.0);
        if ellipse(x, y, ear_x, 690.0, 34.0, 96.0) < 1.0 {
            return lit(SKIN, 0.78);
        }
    }
    let neck = y > 880.0 && (x - CENTRE_X).abs() < 112.0;
    let shoulders = y > 1230.0 && (x - CENTRE_X).abs() < 112.0 + (y - 1230.0) * 2.6;
    if neck || shoulders {
        return if y > 1340.0 { [55.0, 70.0, 95.0] } else { lit(SKIN, 0.62) };
    }
    [150.0 - y * 0.03, 165.0 - y * 0.03, 180.0 - y * 0.02]
}

/// `colour` with `cover` of its light replaced by `by`, mixed in linear light.
fn mix_linear(colour: [f64; 3], by: [f64; 3], cover: f64) -> [f64; 3] {
    std::array::from_fn(|i| {
        let (a, b) = (f64::from(linear_of(colour[i].clamp(0.0, 255.0) as u8)), f64::from(linear_of(by[i] as u8)));
        f64::from(srgb_of((a * (1.0 - cover) + b * cover).round() as u16))
    })
}

fn smoothstep(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Smooth noise in -1 to 1, one value per unit grid corner, blended between them.
fn value_noise(x: f64, y: f64) -> f64 {
    let corner = |i: f64, j: f64| {
        let h = (i as i64).wrapping_mul(374_761_393).wrapping_add((j as i64).wrapping_mul(668_265_263));
        let h = (h ^ (h >> 13)).wrapping_mul(1_274_126_177);
        ((h ^ (h >> 16)) & 0xffff) as f64 / 32_767.5 - 1.0
    };
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (smoothstep(x - x0), smoothstep(y - y0));
    let top = corner(x0, y0) * (1.0 - fx) + corner(x0 + 1.0, y0) * fx;
    let bottom = corner(x0, y0 + 1.0) * (1.0 - fx) + corner(x0 + 1.0, y0 + 1.0) * fx;
    top * (1.0 - fy) + bottom * fy
}

/// Brows, eyes, nose and mouth, if (x, y) is on one of them.
fn features(x: f64, y: f64) -> Option<[f64; 3]> {
    for (px, py) in PUPILS {
        let d = (x - px).hypot(y - py);
        if d < 8.0 {
            return Some([15.0, 10.0, 8.0]);
        }
        if d < 19.0 {
            return Some([85.0, 60.0, 40.0]);
        }
        if ellipse(x, y, px, py, 46.0, 19.0) < 1.0 {
            return Some([235.0, 232.0, 228.0]);
        }
        if ellipse(x, y, px, BROW_Y, 66.0, 10.0) < 1.0 {
            return Some(HAIR.map(|c| c * 1.4));
        }
    }
    // The nose: a shadow down its side, darker nostrils at its base.
    if ellipse(x, y, CENTRE_X, NOSE_BASE_Y, 40.0, 15.0) < 1.0 {
        let nostril = ellipse(x, y, CENTRE_X - 17.0, NOSE_BASE_Y + 4.0, 9.0, 5.0) < 1.0
            || ellipse(x, y, CENTRE_X + 17.0, NOSE_BASE_Y + 4.0, 9.0, 5.0) < 1.0;
        return Some(lit(SKIN, if nostril { 0.35 } else { 0.78 }));
    }
    if ellipse(x, y, CENTRE_X, MOUTH_Y, 66.0, 13.0) < 1.0 {
        return Some(if (y - MOUTH_Y).abs() < 1.5 { [110.0, 60.0, 58.0] } else { [178.0, 104.0, 96.0] });
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
