//! Learning the healed look from a follow-up photo: a synthetic "healed" photo rendered from
//! known strength and spread is measured, and the calibration recovers them; bad samples are
//! refused with a reason and store nothing.
//!
//! These tests never put a calibration in force (`colour::set_healed_model`), so the model in
//! force is the defaults throughout.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::healed::{SKIN, design, follow_up, healed_photo};
use hairline_studio::calibration::{ClinicCalibration, LaterPhoto, MeasureRefused, measure_healed};
use hairline_studio::colour::HEALED_RETENTION;
use hairline_studio::design::{Design, FollowUp, PhotoPoint, Zone, ZoneId, ZoneKind};

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
