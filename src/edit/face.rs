//! Edits of what the measurements hang on: landmarks and the calibration to millimetres.

use crate::design::{Calibration, CalibrationSource, DEFAULT_INTERPUPILLARY_MM, Landmark, PhotoPoint, View};

use super::{Outcome, Refused};

/// Places (or moves) `landmark` at `at`.
pub(super) fn place_landmark(view: &mut View, landmark: Landmark, at: PhotoPoint) -> Outcome {
    *view.landmarks.slot_mut(landmark) = Some(at);
    Outcome::default()
}

pub(super) fn clear_landmark(view: &mut View, landmark: Landmark) -> Outcome {
    *view.landmarks.slot_mut(landmark) = None;
    Outcome::default()
}

/// The landmark after `placed` in the inspector's order that is still missing, if any.
pub fn next_missing_landmark(view: &View, placed: Landmark) -> Option<Landmark> {
    let after = Landmark::ALL.iter().position(|&l| l == placed).unwrap_or(0);
    Landmark::ALL
        .iter()
        .cycle()
        .skip(after + 1)
        .take(Landmark::ALL.len())
        .copied()
        .find(|&l| view.landmarks.get(l).is_none())
}

/// Sets the view's scale: `ends` are `length_mm` apart in reality. The ruler tool, the pupils
/// button and the inspector's length field all calibrate through here.
pub(super) fn calibrate(
    view: &mut View,
    source: CalibrationSource,
    ends: [PhotoPoint; 2],
    length_mm: f64,
) -> Result<Outcome, Refused> {
    if ends[0].distance_to(ends[1]) < 1.0 {
        return Err(Refused::CoincidingEnds);
    }
    if !(length_mm.is_finite() && length_mm > 0.0) {
        return Err(Refused::NotALength);
    }
    let calibration = Calibration { source, a: ends[0], b: ends[1], length_mm };
    let message = format!("Calibrated: {:.4} mm per pixel.", length_mm / ends[0].distance_to(ends[1]));
    view.calibration = Some(calibration);
    Ok(Outcome::message(message))
}

/// Calibrates from the two pupils at the adult mean inter-pupillary distance.
pub(super) fn calibrate_from_pupils(view: &mut View) -> Result<Outcome, Refused> {
    let (Some(a), Some(b)) = (view.landmarks.left_pupil, view.landmarks.right_pupil) else {
        return Err(Refused::NoPupils);
    };
    calibrate(view, CalibrationSource::Pupils, [a, b], DEFAULT_INTERPUPILLARY_MM)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::pick::tests::view;

    #[test]
    fn landmarks_are_offered_in_order_skipping_those_placed() {
        let mut view = view();
        assert_eq!(next_missing_landmark(&view, Landmark::Glabella), Some(Landmark::LeftCanthus), "pupils are placed");
        for landmark in Landmark::ALL {
            place_landmark(&mut view, landmark, PhotoPoint::new(1.0, 1.0));
        }
        assert_eq!(next_missing_landmark(&view, Landmark::Chin), None);
        clear_landmark(&mut view, Landmark::Glabella);
        assert_eq!(next_missing_landmark(&view, Landmark::Chin), Some(Landmark::Glabella), "wraps around");
    }

    #[test]
    fn calibration_needs_two_distinct_ends_and_a_positive_length() {
        let mut view = view();
        let (a, b) = (PhotoPoint::new(0.0, 0.0), PhotoPoint::new(300.0, 0.0));
        assert_eq!(calibrate(&mut view, CalibrationSource::Ruler, [a, a], 10.0), Err(Refused::CoincidingEnds));
        assert_eq!(calibrate(&mut view, CalibrationSource::Ruler, [a, b], f64::NAN), Err(Refused::NotALength));
        calibrate(&mut view, CalibrationSource::Ruler, [a, b], 63.0).unwrap();
        assert!((view.mm_per_px().unwrap() - 0.21).abs() < 1e-12);
        calibrate_from_pupils(&mut view).unwrap();
        assert_eq!(view.calibration.as_ref().map(|c| c.source), Some(CalibrationSource::Pupils));
        assert!((view.mm_per_px().unwrap() - 63.0 / 160.0).abs() < 1e-12);
    }
}
