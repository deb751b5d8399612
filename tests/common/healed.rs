//! A synthetic follow-up visit: a design with one calibrated zone on plain skin, and its "healed"
//! later photo rendered by the studio's own renderer from a known strength and spread.

use hairline_studio::colour::{HEALED_RETENTION, Lab};
use hairline_studio::design::{
    Calibration, CalibrationSource, Design, FollowUp, PhotoPoint, PhotoRef, SkinSample, Zone, ZoneId, ZoneKind,
};
use hairline_studio::render::{Look, Mask, PigmentBlend, composite, linear_of, render_dots, srgb_of};

pub const SKIN: [u8; 3] = [196, 150, 122];
/// The view's photo: 1000 px square at 20 px/mm.
pub const VIEW_SIDE_PX: u32 = 1000;
/// Later photo pixels are `LATER_PER_VIEW` times the view's, shifted by `SHIFT_PX` (view pixels).
const SHIFT_PX: [f64; 2] = [10.0, 20.0];

pub fn design() -> (Design, ZoneId) {
    let mut design = Design::new(11);
    let view = &mut design.views[0];
    view.photo =
        Some(PhotoRef { path: String::new(), sha256: String::new(), width_px: VIEW_SIDE_PX, height_px: VIEW_SIDE_PX });
    view.calibration = Some(Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(0.0, 0.0),
        b: PhotoPoint::new(1000.0, 0.0),
        length_mm: 50.0,
    });
    view.skin_samples.push(SkinSample::new(PhotoPoint::new(100.0, 100.0), 20.0, {
        let lab = Lab::from_srgb(SKIN);
        [lab.l, lab.a, lab.b]
    }));
    let mut zone = Zone::new(ZoneKind::MidScalp, "top");
    zone.density_per_cm2 = 120.0;
    zone.dot_diameter_mm = 0.3;
    zone.vertices =
        [(300.0, 300.0), (700.0, 300.0), (700.0, 700.0), (300.0, 700.0)].map(|(x, y)| PhotoPoint::new(x, y)).to_vec();
    let id = view.add_zone(zone);
    (design, id)
}

/// A point of the view's photo on a later photo `later_per_view` times as large.
pub fn on_later(p: PhotoPoint, later_per_view: f64) -> PhotoPoint {
    PhotoPoint::new((p.x - SHIFT_PX[0]) * later_per_view, (p.y - SHIFT_PX[1]) * later_per_view)
}

pub fn follow_up(later_per_view: f64) -> FollowUp {
    let pairs =
        [PhotoPoint::new(150.0, 120.0), PhotoPoint::new(820.0, 900.0)].map(|p| [p, on_later(p, later_per_view)]);
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small photo")]
    let side = (f64::from(VIEW_SIDE_PX) * later_per_view) as u32;
    FollowUp {
        id: hairline_studio::design::FollowUpId::default(),
        photo: PhotoRef { path: "later.jpg".to_owned(), sha256: String::new(), width_px: side, height_px: side },
        date: None,
        pairs: pairs.to_vec(),
    }
}

/// The later photo of `design`'s view as healing by `retention` and `spread` left it, taken
/// `later_per_view` times as large, under a warm light, with the skin's own grain.
pub fn healed_photo(design: &Design, retention: f64, spread: f64, later_per_view: f64) -> image::RgbaImage {
    let view = &design.views[0];
    let mut dots = Look::default().dots(design, view);
    #[expect(clippy::cast_possible_truncation, reason = "factors near 1")]
    let (darker, wider) = ((retention / HEALED_RETENTION) as f32, (spread * later_per_view) as f32);
    for dot in &mut dots {
        let at = on_later(PhotoPoint::new(f64::from(dot.x_px), f64::from(dot.y_px)), later_per_view);
        #[expect(clippy::cast_possible_truncation, reason = "photo coordinates")]
        let (x, y) = (at.x as f32, at.y as f32);
        (dot.x_px, dot.y_px) = (x, y);
        dot.radius_px *= wider;
        dot.opacity = (dot.opacity * darker).min(1.0);
    }
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small photo")]
    let side = (f64::from(VIEW_SIDE_PX) * later_per_view) as u32;
    let skin = image::RgbaImage::from_fn(side, side, |x, y| {
        // Grain of ±3 levels, from a hash of the pixel.
        let grain = |c: u8, k: u32| {
            let h = (x.wrapping_mul(73_856_093) ^ y.wrapping_mul(19_349_663) ^ k.wrapping_mul(83_492_791)) % 7;
            #[expect(clippy::cast_possible_wrap, reason = "small")]
            let delta = h as i32 - 3;
            u8::try_from((i32::from(c) + delta).clamp(0, 255)).unwrap()
        };
        image::Rgba([grain(SKIN[0], 1), grain(SKIN[1], 2), grain(SKIN[2], 3), 255])
    });
    let mut mask = Mask::new(side, side);
    render_dots(&dots, 1.0, &mut mask);
    let mut photo = composite(&skin, &mask, &PigmentBlend::new(design.pigment.ink()));
    // A warm lamp: more red, less blue, in linear light.
    for pixel in photo.pixels_mut() {
        for (channel, gain) in [(0, 1.08), (2, 0.88)] {
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 16 bits")]
            let linear = (f64::from(linear_of(pixel.0[channel])) * gain).min(65_535.0) as u16;
            pixel.0[channel] = srgb_of(linear);
        }
    }
    photo
}
