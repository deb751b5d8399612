//! Is a patch skin? The skin eyedropper's doubts about a patch, judged from the photo's pixels.
//!
//! The trimmed mean ([`super::sample_skin`]) already drops a fifth of stray pixels at each
//! end; a patch that is mostly something else still gives a colour, and a wrong one. Four
//! signs say so, each measured in CIELAB on the photo as it was taken:
//!
//! - **Darker than its surroundings**: the patch's lightness under that of a ring around it
//!   (out to twice its radius) by more than [`MAX_DARKER_THAN_RING`]: a brow, hair, a shadow, a
//!   mole. Skin shades gently; on the bundled sample, skin patches are within 1 L* of their ring
//!   and a brow is 40 below.
//! - **Uneven**: lightness spread inside the patch (10th to 90th percentile of L*) over
//!   [`MAX_LIGHTNESS_SPREAD`], or colour spread (90th percentile of the a*b* distance from the
//!   patch's median) over [`MAX_COLOUR_SPREAD`]: hairs or stubble, an edge, shine. Bare skin on
//!   the sample spreads 1.5 to 3.5 L*; stubble, a brow or the head's outline 12 and more.
//! - **Far from the other samples**: CIEDE2000 over [`MAX_DELTA_E_FROM_OTHERS`] from the mean
//!   of the samples already counted (the brief's "ΔE00 10").
//! - **Not a skin colour**: CIELAB chroma under [`MIN_SKIN_CHROMA`], or a hue outside
//!   [`SKIN_HUE_DEGREES`]. Skin of every tone is a yellowish red (hue 40 to 70° in daylight);
//!   the range is wide so that a warm or cool cast does not push real skin out of it.
//!
//! The thresholds are a starting point; a doubted sample is only left out until the artist
//! keeps it.

use crate::design::SampleDoubt;

use super::{Lab, sample_skin};

/// How much darker (L*) than the ring around it a patch may be.
pub const MAX_DARKER_THAN_RING: f64 = 8.0;
/// The most a skin patch's L* may spread, from its 10th to its 90th percentile.
pub const MAX_LIGHTNESS_SPREAD: f64 = 10.0;
/// The most a skin patch's colour may spread: the 90th percentile of its pixels' a*b* distance
/// from the patch's median.
pub const MAX_COLOUR_SPREAD: f64 = 8.0;
/// The most a sample may differ (CIEDE2000) from the mean of the others.
pub const MAX_DELTA_E_FROM_OTHERS: f64 = 10.0;
/// Skin is never this grey (CIELAB chroma).
pub const MIN_SKIN_CHROMA: f64 = 4.0;
/// The hues (CIELAB, degrees from +a* towards +b*) skin may have under any usual light.
pub const SKIN_HUE_DEGREES: [f64; 2] = [0.0, 100.0];

/// What the skin eyedropper read in a patch.
#[derive(Clone, Debug, PartialEq)]
pub struct SkinReading {
    /// The trimmed mean ([`sample_skin`]).
    pub lab: Lab,
    /// Why the patch may not be skin; empty when it looks like skin.
    pub doubts: Vec<SampleDoubt>,
}

/// Reads the skin in a circular patch of `pixels` (row-major RGBA, `width` wide) and judges
/// whether it is skin, against the mean of the `others` already counted (as taken, like this
/// reading). `None` when the patch holds no pixel.
pub fn read_skin_patch(
    pixels: &[u8],
    width: u32,
    centre: [f64; 2],
    radius_px: f64,
    others: &[Lab],
) -> Option<SkinReading> {
    let lab = sample_skin(pixels, width, centre, radius_px)?;
    let radius = radius_px.max(0.5);
    let inside = disc(pixels, width, centre, 0.0, radius);
    let mut doubts = Vec::new();
    let ring = disc(pixels, width, centre, radius, 2.0 * radius);
    if let Some(ring_l) = trimmed_lightness(&ring)
        && ring_l - lab.l > MAX_DARKER_THAN_RING
    {
        doubts.push(SampleDoubt::DarkerThanSurroundings);
    }
    if lightness_spread(&inside) > MAX_LIGHTNESS_SPREAD || colour_spread(&inside) > MAX_COLOUR_SPREAD {
        doubts.push(SampleDoubt::Uneven);
    }
    if let Some(mean) = mean(others)
        && lab.delta_e_2000(mean) > MAX_DELTA_E_FROM_OTHERS
    {
        doubts.push(SampleDoubt::FarFromOtherSamples);
    }
    let hue = lab.b.atan2(lab.a).to_degrees();
    if lab.a.hypot(lab.b) < MIN_SKIN_CHROMA || !(SKIN_HUE_DEGREES[0]..=SKIN_HUE_DEGREES[1]).contains(&hue) {
        doubts.push(SampleDoubt::NotSkinColoured);
    }
    Some(SkinReading { lab, doubts })
}

/// The CIELAB colours of the pixels between `inner` and `outer` (photo pixels) from `centre`.
fn disc(pixels: &[u8], width: u32, centre: [f64; 2], inner: f64, outer: f64) -> Vec<Lab> {
    let width = width as usize;
    if width == 0 || !centre.iter().chain([&inner, &outer]).all(|v| v.is_finite()) {
        return Vec::new();
    }
    let height = pixels.len() / 4 / width;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "clamped to the image"
    )]
    let clamp = |v: f64, end: usize| v.clamp(0.0, end as f64) as usize;
    let (x0, x1) = (clamp(centre[0] - outer, width), clamp(centre[0] + outer + 1.0, width));
    let (y0, y1) = (clamp(centre[1] - outer, height), clamp(centre[1] + outer + 1.0, height));
    let mut labs = Vec::new();
    for y in y0..y1 {
        for x in x0..x1 {
            #[expect(clippy::cast_precision_loss, reason = "pixel indices")]
            let (dx, dy) = (x as f64 + 0.5 - centre[0], y as f64 + 0.5 - centre[1]);
            let squared = dx * dx + dy * dy;
            if squared <= outer * outer && (inner <= 0.0 || squared > inner * inner) {
                let p = &pixels[(y * width + x) * 4..][..3];
                labs.push(Lab::from_srgb([p[0], p[1], p[2]]));
            }
        }
    }
    labs
}

/// The `share` quantile (0 to 1) of `values`, sorted in place; `None` when empty.
fn quantile(values: &mut [f64], share: f64) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let last = values.len().checked_sub(1)?;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "an index into `values`"
    )]
    let index = ((last as f64) * share.clamp(0.0, 1.0)).round() as usize;
    values.get(index).copied()
}

/// The mean L* of the middle three fifths of `labs` by lightness.
fn trimmed_lightness(labs: &[Lab]) -> Option<f64> {
    let mut lightness: Vec<f64> = labs.iter().map(|c| c.l).collect();
    lightness.sort_by(f64::total_cmp);
    let trim = lightness.len() / 5;
    let kept = lightness.get(trim..lightness.len() - trim).filter(|k| !k.is_empty())?;
    #[expect(clippy::cast_precision_loss, reason = "pixel counts")]
    let n = kept.len() as f64;
    Some(kept.iter().sum::<f64>() / n)
}

fn lightness_spread(labs: &[Lab]) -> f64 {
    let mut lightness: Vec<f64> = labs.iter().map(|c| c.l).collect();
    match (quantile(&mut lightness, 0.1), quantile(&mut lightness, 0.9)) {
        (Some(low), Some(high)) => high - low,
        _ => 0.0,
    }
}

fn colour_spread(labs: &[Lab]) -> f64 {
    let mut a: Vec<f64> = labs.iter().map(|c| c.a).collect();
    let mut b: Vec<f64> = labs.iter().map(|c| c.b).collect();
    let (Some(a_median), Some(b_median)) = (quantile(&mut a, 0.5), quantile(&mut b, 0.5)) else {
        return 0.0;
    };
    let mut distances: Vec<f64> = labs.iter().map(|c| (c.a - a_median).hypot(c.b - b_median)).collect();
    quantile(&mut distances, 0.9).unwrap_or(0.0)
}

/// The mean of `labs` in CIELAB, if any.
fn mean(labs: &[Lab]) -> Option<Lab> {
    if labs.is_empty() {
        return None;
    }
    #[expect(clippy::cast_precision_loss, reason = "a handful of samples")]
    let n = labs.len() as f64;
    let sum = labs.iter().fold([0.0; 3], |s, c| [s[0] + c.l, s[1] + c.a, s[2] + c.b]);
    Some(Lab::new(sum[0] / n, sum[1] / n, sum[2] / n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `side`-pixel square image from `colour(x, y)`.
    fn image(side: u32, colour: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
        (0..side * side)
            .flat_map(|i| {
                let [r, g, b] = colour(i % side, i / side);
                [r, g, b, 255]
            })
            .collect()
    }

    const SKIN: [u8; 3] = [196, 150, 122];

    #[test]
    fn even_skin_raises_no_doubt_and_hair_on_skin_does() {
        // Skin with a little grain.
        let grainy = image(80, |x, y| {
            let d = u8::try_from((x * 7 + y * 13) % 5).unwrap();
            [SKIN[0] - d, SKIN[1] - d, SKIN[2] - d]
        });
        let reading = read_skin_patch(&grainy, 80, [40.0, 40.0], 12.0, &[]).unwrap();
        assert!(reading.doubts.is_empty(), "{reading:?}");
        // A dark band of hair across the middle of the patch.
        let brow = image(80, |_, y| if (34..46).contains(&y) { [40, 30, 25] } else { SKIN });
        let doubts = read_skin_patch(&brow, 80, [40.0, 40.0], 12.0, &[]).unwrap().doubts;
        assert!(doubts.contains(&SampleDoubt::Uneven), "{doubts:?}");
        assert!(doubts.contains(&SampleDoubt::DarkerThanSurroundings), "{doubts:?}");
    }

    #[test]
    fn grey_blue_and_far_off_patches_are_doubted() {
        let blue = image(40, |_, _| [140, 155, 180]);
        let doubts = read_skin_patch(&blue, 40, [20.0, 20.0], 8.0, &[]).unwrap().doubts;
        assert_eq!(doubts, vec![SampleDoubt::NotSkinColoured]);
        let dark_skin = image(40, |_, _| [74, 50, 38]);
        let doubts = read_skin_patch(&dark_skin, 40, [20.0, 20.0], 8.0, &[Lab::from_srgb(SKIN)]).unwrap().doubts;
        assert_eq!(
            doubts,
            vec![SampleDoubt::FarFromOtherSamples],
            "dark skin alone is skin; beside light skin it is far"
        );
        assert!(read_skin_patch(&dark_skin, 40, [20.0, 20.0], 8.0, &[]).unwrap().doubts.is_empty());
    }

    #[test]
    fn nothing_and_nonsense_give_no_reading_and_no_panic() {
        let skin = image(10, |_, _| SKIN);
        assert_eq!(read_skin_patch(&skin, 10, [500.0, 500.0], 4.0, &[]), None);
        assert_eq!(read_skin_patch(&skin, 10, [f64::NAN, 5.0], 4.0, &[]), None);
        assert_eq!(read_skin_patch(&[], 0, [5.0, 5.0], 4.0, &[]), None);
        let nan_others = [Lab::new(f64::NAN, 0.0, 0.0)];
        assert!(read_skin_patch(&skin, 10, [5.0, 5.0], f64::INFINITY, &nan_others).is_none_or(|r| r.lab.l.is_finite()));
    }
}
