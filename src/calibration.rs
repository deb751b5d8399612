//! The clinic's calibration of the healed look, learnt from its own healed clients.
//!
//! The colour model ([`crate::colour`]) says what healing does to a dot with two figures: the
//! share of the fresh hiding power that stays (the *strength*, [`HealedModel::retention`]) and
//! how much wider than the needle the healed dot is (the *spread*, [`HealedModel::spread`]).
//! Both are trainers' rules of thumb. At a follow-up visit the healed result can be measured on
//! the later photo ([`measure`]): each measurement keeps what the model's defaults predicted and
//! what the photo showed, and the calibration is fitted from all of them.
//!
//! What a photo can tell apart, and so how the fit works:
//! - From afar, a zone's colour says only how much of the skin's light its dots hide (their
//!   *cover*), which grows with `strength × spread²` (each dot's darkness times its area). One
//!   number cannot give two: a weaker, wider dot and a stronger, narrower one look the same from
//!   a metre, whatever the zone's density, dot size or shade. The fit of the cover is the
//!   least-squares ratio of measured to predicted cover over all measurements (through the
//!   origin), which fixes the product.
//! - Where the later photo resolves the dots (a dot at least [`measure::MIN_RESOLVED_RADIUS_PX`]
//!   pixels in radius), the unevenness of the zone tells how dark each dot is on its own: the
//!   cover's second moment over its mean is the dots' own darkness, whatever their area. Those
//!   measurements fit the strength (the least-squares ratio of measured to predicted darkness),
//!   and the spread follows from the product.
//! - With no resolved measurement, the strength stays the model's and the product goes into
//!   the spread; the inspector says so.
//!
//! The measurements are the truth; the fitted figures are derived from them on every change
//! and on load. The calibration is kept as JSON beside the studio's other settings, written
//! atomically.

pub mod measure;

pub use measure::{HealedReading, LaterPhoto, MeasureRefused, measure_healed};

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::colour::HealedModel;

/// The strengths a calibration may hold: below a fifth no healed dot would read; above 1 a
/// healed dot would hide more than its fresh scab.
pub const RETENTION_RANGE: RangeInclusive<f64> = 0.2..=1.0;
/// The spreads a calibration may hold: from a dot healed to 60 % of its needle's size to one
/// two and a half times as wide (a "helmet" blow-out).
pub const SPREAD_RANGE: RangeInclusive<f64> = 0.6..=2.5;
/// A measurement whose cover is more than this many times the prediction, or less than its
/// inverse, is refused: the zone is not where the dots are, or the photos are not aligned.
pub const MAX_COVER_RATIO: f64 = 4.0;

/// One healed zone measured on a follow-up photo, against what the model's defaults predicted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HealedMeasurement {
    /// Which view and zone, and the follow-up's date, in words for the artist (never the
    /// client's name: this file is the clinic's, not the client's).
    pub label: String,
    /// The zone's shade, density and dot size when measured.
    pub water_parts: f64,
    pub density_per_cm2: f64,
    pub dot_diameter_mm: f64,
    /// The share of the zone's light its dots hide: predicted by the model's defaults, and
    /// measured on the photo.
    pub predicted_cover: f64,
    pub measured_cover: f64,
    /// The dots' own darkness (cover where a dot is), predicted and measured; `None` where the
    /// photo does not resolve the dots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dot_darkness: Option<[f64; 2]>,
}

impl HealedMeasurement {
    /// Why this measurement cannot count, if it cannot.
    pub fn check(&self) -> Result<(), CalibrationError> {
        let numbers = [self.water_parts, self.density_per_cm2, self.dot_diameter_mm, self.predicted_cover];
        let darkness = self.dot_darkness.unwrap_or([1.0, 1.0]);
        if numbers.iter().chain(&[self.measured_cover]).chain(&darkness).any(|v| !v.is_finite()) {
            return Err(CalibrationError::NotANumber);
        }
        if self.predicted_cover <= 0.0 || darkness[0] <= 0.0 || darkness[1] <= 0.0 {
            return Err(CalibrationError::NothingPredicted);
        }
        let ratio = self.measured_cover / self.predicted_cover;
        if !(1.0 / MAX_COVER_RATIO..=MAX_COVER_RATIO).contains(&ratio) {
            return Err(CalibrationError::Implausible { ratio });
        }
        Ok(())
    }
}

/// Why a measurement or a calibration file is refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CalibrationError {
    #[error("A measured figure is not a number; nothing was stored.")]
    NotANumber,
    #[error("The model predicts no pigment there, so there is nothing to compare; nothing was stored.")]
    NothingPredicted,
    #[error(
        "The zone reads {ratio:.2} times the predicted cover: no healing does that. Check that the zone is where the dots are and the photos are aligned; nothing was stored."
    )]
    Implausible { ratio: f64 },
    #[error("The clinic calibration {file} could not be read ({reason}); the model's defaults are used.")]
    Unreadable { file: PathBuf, reason: String },
    #[error("The clinic calibration could not be written to {file} ({reason}); it holds for this run only.")]
    Unwritable { file: PathBuf, reason: String },
}

/// The clinic's healed model: fitted from its measurements, or the model's defaults without any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClinicCalibration {
    /// The fitted strength ([`HealedModel::retention`]); derived from `measurements`.
    pub healed_retention: f64,
    /// The fitted spread ([`HealedModel::spread`]); derived from `measurements`.
    pub healed_spread: f64,
    /// Every healed zone measured, oldest first: what the fit rests on.
    #[serde(default)]
    pub measurements: Vec<HealedMeasurement>,
}

impl Default for ClinicCalibration {
    fn default() -> Self {
        Self::fitted(Vec::new())
    }
}

impl ClinicCalibration {
    /// The calibration fitted from `measurements` (see the module's notes).
    pub fn fitted(measurements: Vec<HealedMeasurement>) -> Self {
        let defaults = HealedModel::DEFAULT;
        let through_origin = |pairs: &mut dyn Iterator<Item = (f64, f64)>| {
            let (cross, square) = pairs.fold((0.0, 0.0), |(c, s), (predicted, measured)| {
                (c + predicted * measured, s + predicted * predicted)
            });
            (square > 0.0).then(|| cross / square)
        };
        let cover_ratio =
            through_origin(&mut measurements.iter().map(|m| (m.predicted_cover, m.measured_cover))).unwrap_or(1.0);
        let darkness_ratio =
            through_origin(&mut measurements.iter().filter_map(|m| m.dot_darkness.map(|[p, q]| (p, q)))).unwrap_or(1.0);
        let retention = (defaults.retention * darkness_ratio).clamp(*RETENTION_RANGE.start(), *RETENTION_RANGE.end());
        let spread = (defaults.spread * (cover_ratio * defaults.retention / retention).max(0.0).sqrt())
            .clamp(*SPREAD_RANGE.start(), *SPREAD_RANGE.end());
        Self { healed_retention: retention, healed_spread: spread, measurements }
    }

    /// The healed model to put in force.
    pub fn model(&self) -> HealedModel {
        HealedModel { retention: self.healed_retention, spread: self.healed_spread }
    }

    /// How many measurements the fit rests on.
    pub fn count(&self) -> usize {
        self.measurements.len()
    }

    /// Whether some measurement resolved the dots, so the strength is measured rather than the
    /// model's.
    pub fn strength_measured(&self) -> bool {
        self.measurements.iter().any(|m| m.dot_darkness.is_some())
    }

    /// Adds `measurement` and fits again; a measurement that cannot count is refused and
    /// nothing changes.
    pub fn add(&mut self, measurement: HealedMeasurement) -> Result<(), CalibrationError> {
        measurement.check()?;
        let mut measurements = std::mem::take(&mut self.measurements);
        measurements.push(measurement);
        *self = Self::fitted(measurements);
        Ok(())
    }

    /// Forgets every measurement: back to the model's defaults.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Where the studio keeps it for this user, e.g. `~/.config/hairline-studio/calibration.json`.
    pub fn default_path() -> Option<PathBuf> {
        crate::io::places::settings_file("calibration.json")
    }

    /// The calibration kept in `file`: the defaults when there is none; refused when it is not
    /// right (the caller then uses the defaults and says so). The fit is redone from the
    /// measurements, and a measurement that cannot count refuses the file.
    pub fn load(file: &Path) -> Result<Self, CalibrationError> {
        let unreadable = |reason: String| CalibrationError::Unreadable { file: file.to_owned(), reason };
        let bytes = match crate::regular_file::read(file, MAX_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(crate::regular_file::OpenError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Self::default());
            }
            Err(error) => return Err(unreadable(std::io::Error::from(error).to_string())),
        };
        let stored: Self = serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?;
        for measurement in &stored.measurements {
            measurement.check().map_err(|e| unreadable(e.to_string()))?;
        }
        Ok(Self::fitted(stored.measurements))
    }

    /// Moves a calibration file that [`Self::load`] refused out of the way, beside it as
    /// `calibration.broken.json` (or `.broken-2.json`, ...), so that the next measurement, saved
    /// over `file`, loses nothing the clinic might still want to mend by hand. The new name, or
    /// `None` when there was nothing to move or it could not be moved.
    pub fn set_aside(file: &Path) -> Option<PathBuf> {
        let stem = file.file_stem()?.to_string_lossy().into_owned();
        let aside = (1..100).map(|n| {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            file.with_file_name(format!("{stem}.broken{suffix}.json"))
        });
        let free = aside.into_iter().find(|path| !path.exists())?;
        std::fs::symlink_metadata(file).ok()?;
        std::fs::rename(file, &free).ok().map(|()| free)
    }

    /// Writes it to `file` atomically (never a half-written file), making its folder.
    pub fn save(&self, file: &Path) -> Result<(), CalibrationError> {
        let unwritable = |reason: String| CalibrationError::Unwritable { file: file.to_owned(), reason };
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| unwritable(e.to_string()))?;
        if let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|e| unwritable(e.to_string()))?;
        }
        crate::io::write_atomically(file, &bytes, crate::io::Backup::Skip, &mut |_| Ok(()))
            .map_err(|e| unwritable(e.to_string()))
    }
}

/// A calibration file larger than this is not one (a thousand measurements take 300 kB).
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    fn measurement(predicted: f64, measured: f64, darkness: Option<[f64; 2]>) -> HealedMeasurement {
        HealedMeasurement {
            label: "test".to_owned(),
            water_parts: 18.0,
            density_per_cm2: 100.0,
            dot_diameter_mm: 0.25,
            predicted_cover: predicted,
            measured_cover: measured,
            dot_darkness: darkness,
        }
    }

    #[test]
    fn without_measurements_the_calibration_is_the_models_defaults() {
        let calibration = ClinicCalibration::default();
        assert_eq!(calibration.model(), HealedModel::DEFAULT);
        assert_eq!(calibration.count(), 0);
    }

    #[test]
    fn resolved_dots_separate_strength_from_spread() {
        // Healed dots 80 % as dark as the model says and 1.2 times as wide: cover × 0.8 × 1.44.
        let mut calibration = ClinicCalibration::default();
        calibration.add(measurement(0.05, 0.05 * 0.8 * 1.44, Some([0.5, 0.4]))).unwrap();
        assert!((calibration.healed_retention - 0.75 * 0.8).abs() < 1e-9, "{calibration:?}");
        assert!((calibration.healed_spread - 1.2).abs() < 1e-9, "{calibration:?}");
        assert!(calibration.strength_measured());
    }

    #[test]
    fn cover_alone_goes_into_the_spread_and_keeps_the_models_strength() {
        let mut calibration = ClinicCalibration::default();
        calibration.add(measurement(0.04, 0.04 * 1.21, None)).unwrap();
        calibration.add(measurement(0.08, 0.08 * 1.21, None)).unwrap();
        assert!((calibration.healed_retention - 0.75).abs() < 1e-12);
        assert!((calibration.healed_spread - 1.1).abs() < 1e-9, "{calibration:?}");
        assert_eq!(calibration.count(), 2);
        assert!(!calibration.strength_measured());
    }

    #[test]
    fn a_refused_measurement_stores_nothing() {
        let mut calibration = ClinicCalibration::default();
        calibration.add(measurement(0.05, 0.06, None)).unwrap();
        let before = calibration.clone();
        for bad in [
            measurement(0.05, f64::NAN, None),
            measurement(0.0, 0.01, None),
            measurement(0.05, 0.5, None),
            measurement(0.05, -0.01, None),
            measurement(0.05, 0.05, Some([0.5, f64::INFINITY])),
        ] {
            assert!(calibration.add(bad).is_err());
            assert_eq!(calibration, before);
        }
    }

    #[test]
    fn the_calibration_round_trips_through_its_file_and_resets() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("settings").join("calibration.json");
        assert_eq!(ClinicCalibration::load(&file).unwrap(), ClinicCalibration::default(), "no file: defaults");
        let mut calibration = ClinicCalibration::default();
        calibration.add(measurement(0.05, 0.045, Some([0.5, 0.45]))).unwrap();
        calibration.save(&file).unwrap();
        assert_eq!(ClinicCalibration::load(&file).unwrap(), calibration);
        calibration.reset();
        assert_eq!(calibration, ClinicCalibration::default());

        std::fs::write(&file, b"{ not json").unwrap();
        assert!(matches!(ClinicCalibration::load(&file), Err(CalibrationError::Unreadable { .. })));
        // Set aside before anything is saved over it, and again without overwriting the first.
        let aside = ClinicCalibration::set_aside(&file).unwrap();
        assert_eq!(aside.file_name().unwrap(), "calibration.broken.json");
        assert_eq!(std::fs::read(&aside).unwrap(), b"{ not json");
        assert!(!file.exists());
        assert_eq!(ClinicCalibration::set_aside(&file), None, "nothing left to move");
        std::fs::write(&file, b"[]").unwrap();
        let second = ClinicCalibration::set_aside(&file).unwrap();
        assert_eq!(second.file_name().unwrap(), "calibration.broken-2.json");
        assert_eq!(std::fs::read(&aside).unwrap(), b"{ not json", "the first copy untouched");
        // A hand-edited fit is not believed: it is redone from the measurements.
        let text = serde_json::json!({
            "healed_retention": 9.0, "healed_spread": -1.0,
            "measurements": [measurement(0.05, 0.05, None)],
        });
        std::fs::write(&file, text.to_string()).unwrap();
        assert_eq!(ClinicCalibration::load(&file).unwrap().model(), HealedModel::DEFAULT);
    }
}
