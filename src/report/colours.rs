//! The colours a view's samples stand for: each reading as the photo took it, corrected for the
//! light by the view's neutral grey when it has one ([`crate::colour::WhiteBalance`]), and
//! which skin samples count. The skin's mean, the shade advice and the zones' comparison with
//! the hair all read the corrected colours, so a new neutral re-corrects everything at once.

use serde::Serialize;

use crate::colour::{Cast, Lab, WhiteBalance};
use crate::design::{PhotoPoint, SampleDoubt, SkinSample, View};

use super::hundredths;

/// One sample as read and as corrected.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SampleReading {
    pub at: PhotoPoint,
    /// As the photo took it.
    pub raw: Lab,
    /// Corrected for the light by the view's neutral; the same as `raw` without one.
    pub corrected: Lab,
    /// Why the skin eyedropper doubts it is skin (always empty for hair).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub doubts: Vec<SampleDoubt>,
    /// Whether it counts in the skin's mean: no doubts, or kept by the artist.
    pub counted: bool,
}

/// The view's white balance, from its neutral grey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhiteBalanceReport {
    pub neutral_at: PhotoPoint,
    /// The neutral's reading, linear-light sRGB (0 to 1).
    pub neutral_linear_rgb: [f64; 3],
    /// The light's correlated colour temperature (McCamy 1992), in kelvin.
    pub kelvin: f64,
    pub cast: Cast,
    /// In words, as the inspector says it.
    pub summary: String,
}

/// The correction for `view`'s light, when its neutral is usable.
pub fn white_balance(view: &View) -> Option<WhiteBalance> {
    WhiteBalance::from_neutral(view.neutral.as_ref()?.linear_rgb).ok()
}

/// The view's white balance in words: the correction, or that there is none.
pub fn white_balance_summary(view: &View) -> String {
    match (white_balance(view), &view.neutral) {
        (Some(balance), _) => balance.describe(),
        (None, Some(_)) => "The neutral sample is not a usable grey: colours are as the photo took them".to_owned(),
        (None, None) => crate::colour::white_balance::AS_TAKEN.to_owned(),
    }
}

pub fn white_balance_report(view: &View) -> Option<WhiteBalanceReport> {
    let neutral = view.neutral.as_ref()?;
    let balance = white_balance(view)?;
    Some(WhiteBalanceReport {
        neutral_at: neutral.at,
        neutral_linear_rgb: neutral.linear_rgb.map(|c| (c * 10_000.0).round() / 10_000.0),
        kelvin: balance.kelvin().round(),
        cast: balance.cast(),
        summary: balance.describe(),
    })
}

/// `sample`'s colour corrected by `balance` (as taken without one).
pub fn corrected(balance: Option<&WhiteBalance>, sample: &SkinSample) -> Lab {
    let raw = Lab::new(sample.l, sample.a, sample.b);
    balance.map_or(raw, |balance| balance.correct(raw))
}

/// The view's skin: the mean of the counted skin samples, each corrected for the light.
pub fn view_skin(view: &View) -> Option<Lab> {
    let balance = white_balance(view);
    let counted: Vec<Lab> =
        view.skin_samples.iter().filter(|s| s.counts()).map(|s| corrected(balance.as_ref(), s)).collect();
    if counted.is_empty() {
        return None;
    }
    #[expect(clippy::cast_precision_loss, reason = "a handful of samples")]
    let n = counted.len() as f64;
    let sum = counted.iter().fold([0.0; 3], |s, c| [s[0] + c.l, s[1] + c.a, s[2] + c.b]);
    Some(Lab::new(sum[0] / n, sum[1] / n, sum[2] / n))
}

/// The view's hair samples, each corrected for the light, with where they were taken.
pub fn view_hair(view: &View) -> Vec<(PhotoPoint, Lab)> {
    let balance = white_balance(view);
    view.hair_samples.iter().map(|s| (s.at, corrected(balance.as_ref(), s))).collect()
}

/// Every sample of `samples` as read and as corrected.
pub fn readings(view: &View, samples: &[SkinSample]) -> Vec<SampleReading> {
    let balance = white_balance(view);
    let round = |lab: Lab| Lab::new(hundredths(lab.l), hundredths(lab.a), hundredths(lab.b));
    samples
        .iter()
        .map(|s| SampleReading {
            at: s.at,
            raw: round(Lab::new(s.l, s.a, s.b)),
            corrected: round(corrected(balance.as_ref(), s)),
            doubts: s.doubts.clone(),
            counted: s.counts(),
        })
        .collect()
}
