//! The pigment-density mask, and conversions between how much light pigment blocks (cover) and
//! its optical density (what the mask stores, so that layers simply add).

use std::sync::LazyLock;

/// Density steps per neper (natural-log unit of optical density). The first step blocks 5/255
/// of the light, as exactly as 8 bits show it, so faint pigment is not lost to rounding; the
/// top step, 255, stands for 5 nepers, where 99.4 % of the light is blocked, and counts as
/// full cover.
const STEPS_PER_NEPER: f64 = 50.5;

/// The density, in steps, of pigment that blocks `cover` (0 to 1) of the light; infinite for
/// full cover.
pub(super) fn density_steps(cover: f64) -> f64 {
    -(-cover.clamp(0.0, 1.0)).ln_1p() * STEPS_PER_NEPER
}

/// [`density_steps`] rounded to a whole step, at most 255.
pub(super) fn density_of_cover(cover: f64) -> u8 {
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 0..=255")]
    let step = (density_steps(cover) + 0.5).min(255.0) as u8;
    step
}

/// How much of the light a density step blocks, 0 to 255.
pub fn cover_of_density(density: u8) -> u8 {
    static COVER: LazyLock<[u8; 256]> = LazyLock::new(|| {
        std::array::from_fn(|step| {
            if step == 255 {
                return u8::MAX;
            }
            #[expect(clippy::cast_precision_loss, reason = "small steps")]
            let cover = 1.0 - (-(step as f64) / STEPS_PER_NEPER).exp();
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "in 0..=255")]
            let byte = (cover * 255.0 + 0.5) as u8;
            byte
        })
    });
    COVER[usize::from(density)]
}

/// A pigment mask: the optical density of the pigment over each pixel, in steps of
/// 1/[`STEPS_PER_NEPER`] (see [`cover_of_density`] for how much light that blocks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mask {
    pub width: u32,
    pub height: u32,
    pub density: Vec<u8>,
}

impl Mask {
    pub fn new(width: u32, height: u32) -> Self {
        Self { width, height, density: vec![0; width as usize * height as usize] }
    }

    pub fn clear(&mut self) {
        self.density.fill(0);
    }

    /// How much of the light each pixel's pigment blocks, 0 to 255, row by row.
    pub fn cover(&self) -> impl Iterator<Item = u8> + '_ {
        self.density.iter().map(|&density| cover_of_density(density))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn density_and_cover_convert_both_ways() {
        assert_eq!(cover_of_density(0), 0);
        assert_eq!(cover_of_density(u8::MAX), u8::MAX);
        for cover in [0.1, 0.5, 0.9] {
            let back = f64::from(cover_of_density(density_of_cover(cover))) / 255.0;
            // One density step near full cover is a few per cent of the light.
            assert!((back - cover).abs() < 0.01 + 0.01 * cover, "{cover} came back as {back}");
        }
    }
}
