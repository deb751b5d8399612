//! Learning the healed look from a follow-up photo: a synthetic "healed" photo rendered from
//! known strength and spread is measured, and the calibration recovers them; bad samples are
//! refused with a reason and store nothing.
//!
//! These tests never put a calibration in force (`colour::set_healed_model`), so the model in
//! force is the defaults throughout.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

use hairline_studio::calibration::{ClinicCalibration, LaterPhoto, MeasureRefused, measure_healed};
use hairline_studio::colour::{HEALED_RETENTION, Lab};
use hairline_studio::design::{
    Calibration, CalibrationSource, Design, FollowUp, PhotoPoint, PhotoRef, SkinSample, Zone, ZoneId, ZoneKind,
};
use hairline_studio::render::{Look, Mask, PigmentBlend, composite, linear_of, render_dots, srgb_of};

const SKIN: [u8; 3] = [196, 150, 122];
/// The view's photo: 1000 px square at 20 px/mm.
const VIEW_SIDE_PX: u32 = 1000;
/// Later photo pixels are `LATER_PER_VIEW` times the view's, shifted by `SHIFT_PX` (view pixels).
const SHIFT_PX: [f64; 2] = [10.0, 20.0];

fn design() -> (Design, ZoneId) {
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
fn on_later(p: PhotoPoint, later_per_view: f64) -> PhotoPoint {
    PhotoPoint::new((p.x - SHIFT_PX[0]) * later_per_view, (p.y - SHIFT_PX[1]) * later_per_view)
}

fn follow_up(later_per_view: f64) -> FollowUp {
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
fn healed_photo(design: &Design, retention: f64, spread: f64, later_per_view: f64) -> image::RgbaImage {
    let view = &design.views[0];
    let mut dots = Look::default().dots(design, view);
    #[expect(clippy::cast_possible_truncation, reason = "factors near 1")]
    let (darker, scale) = ((retention / HEALED_RETENTION) as f32, later_per_view as f32);
    for dot in &mut dots {
        let at = on_later(PhotoPoint::new(f64::from(dot.x_px), f64::from(dot.y_px)), later_per_view);
        #[expect(clippy::cast_possible_truncation, reason = "photo coordinates")]
        let (x, y) = (at.x as f32, at.y as f32);
        (dot.x_px, dot.y_px) = (x, y);
        dot.radius_px *= spread as f32 * scale;
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

fn measure(
    design: &Design,
    zone: ZoneId,
    follow_up: &FollowUp,
    photo: &image::RgbaImage,
) -> Result<ClinicCalibration, MeasureRefused> {
    let later = LaterPhoto { image: photo, photo_width_px: follow_up.photo.width_px };
    let reading = measure_healed(design, &design.views[0], follow_up, zone, later)?;
    let mut calibration = ClinicCalibration::default();
    calibration.add(reading.measurement.clone())?;
    eprintln!("{}\n{calibration:?}", reading.summary());
    Ok(calibration)
}

fn within_ten_percent(got: f64, want: f64) -> bool {
    (got - want).abs() <= 0.1 * want
}

#[test]
fn a_close_up_of_healed_dots_gives_back_their_strength_and_spread_within_ten_percent() {
    let (design, zone) = design();
    for (retention, spread) in [(0.6, 1.25), (0.9, 0.85), (HEALED_RETENTION, 1.0)] {
        // 40 px/mm: a 0.3 mm dot is 12 px across.
        let follow_up = follow_up(2.0);
        let photo = healed_photo(&design, retention, spread, 2.0);
        let calibration = measure(&design, zone, &follow_up, &photo).unwrap();
        assert!(calibration.strength_measured());
        assert!(within_ten_percent(calibration.healed_retention, retention), "{retention}: {calibration:?}");
        assert!(within_ten_percent(calibration.healed_spread, spread), "{spread}: {calibration:?}");
    }
}

#[test]
fn a_distant_photo_gives_back_strength_times_spread_squared_and_keeps_the_models_strength() {
    let (design, zone) = design();
    let (retention, spread) = (0.6, 1.25);
    // 10 px/mm: a 0.3 mm dot is 3 px across, too small to tell its darkness from its area.
    let follow_up = follow_up(0.5);
    let photo = healed_photo(&design, retention, spread, 0.5);
    let calibration = measure(&design, zone, &follow_up, &photo).unwrap();
    assert!(!calibration.strength_measured());
    assert!((calibration.healed_retention - HEALED_RETENTION).abs() < 1e-12);
    let product = calibration.healed_retention * calibration.healed_spread.powi(2);
    assert!(within_ten_percent(product, retention * spread * spread), "{calibration:?}");
}

#[test]
fn samples_that_cannot_be_read_are_refused_with_a_reason() {
    let (design, zone) = design();
    let follow_up = follow_up(2.0);
    let photo = healed_photo(&design, 0.6, 1.2, 2.0);
    let refused = |design: &Design, follow_up: &FollowUp, photo: &image::RgbaImage| {
        let later = LaterPhoto { image: photo, photo_width_px: follow_up.photo.width_px };
        measure_healed(design, &design.views[0], follow_up, zone, later).unwrap_err()
    };

    let mut unaligned = follow_up.clone();
    unaligned.pairs.pop();
    assert_eq!(refused(&design, &unaligned, &photo), MeasureRefused::NotAligned);

    let mut uncalibrated = design.clone();
    uncalibrated.views[0].calibration = None;
    assert_eq!(refused(&uncalibrated, &follow_up, &photo), MeasureRefused::NotCalibrated);

    let mut unsampled = design.clone();
    unsampled.views[0].skin_samples.clear();
    assert_eq!(refused(&unsampled, &follow_up, &photo), MeasureRefused::NoSkinSample);

    // The later photo shows another part of the head: the zone falls off it.
    let mut elsewhere = follow_up.clone();
    for pair in &mut elsewhere.pairs {
        pair[1].x += 1500.0;
    }
    assert!(matches!(refused(&design, &elsewhere, &photo), MeasureRefused::OutsidePhoto { .. }));

    // Another zone all around: no untreated skin.
    let mut surrounded = design.clone();
    let mut around = Zone::new(ZoneKind::Frontal, "around");
    around.vertices =
        [(0.0, 0.0), (1000.0, 0.0), (1000.0, 1000.0), (0.0, 1000.0)].map(|(x, y)| PhotoPoint::new(x, y)).to_vec();
    surrounded.views[0].zones.insert(0, around);
    assert!(matches!(refused(&surrounded, &follow_up, &photo), MeasureRefused::NoUntreatedSkin { .. }));

    // Bare skin where the dots should be: no healing does that.
    let bare = image::RgbaImage::from_pixel(2000, 2000, image::Rgba([SKIN[0], SKIN[1], SKIN[2], 255]));
    assert!(matches!(refused(&design, &follow_up, &bare), MeasureRefused::Refused(_)));

    let mut hidden = design.clone();
    hidden.views[0].zones[0].hidden = true;
    assert_eq!(refused(&hidden, &follow_up, &photo), MeasureRefused::NoDots);

    let mut not_a_number = design.clone();
    not_a_number.views[0].skin_samples[0].l = f64::NAN;
    assert!(refused(&not_a_number, &follow_up, &photo).to_string().len() > 20);

    let empty = image::RgbaImage::new(0, 0);
    assert_eq!(refused(&design, &follow_up, &empty), MeasureRefused::EmptyPhoto);
}

#[test]
fn a_calibration_in_force_does_not_change_what_is_measured_against() {
    // The prediction is always the model's defaults: the same photo measured twice adds two
    // equal measurements, and the fit stays where one put it.
    let (design, zone) = design();
    let follow_up = follow_up(2.0);
    let photo = healed_photo(&design, 0.6, 1.25, 2.0);
    let later = LaterPhoto { image: &photo, photo_width_px: follow_up.photo.width_px };
    let first = measure_healed(&design, &design.views[0], &follow_up, zone, later).unwrap();
    let second = measure_healed(&design, &design.views[0], &follow_up, zone, later).unwrap();
    assert_eq!(first, second);
    let mut calibration = ClinicCalibration::default();
    calibration.add(first.measurement).unwrap();
    let once = calibration.model();
    calibration.add(second.measurement).unwrap();
    assert_eq!(calibration.count(), 2);
    assert!((calibration.model().retention - once.retention).abs() < 1e-12);
}
