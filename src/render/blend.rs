//! [`crate::colour::mix`] for pixels: pigment over the photo in linear light, through tables so
//! that a pixel costs three lookups.
//!
//! sRGB bytes become 16-bit linear light, are mixed with the pigment by the pixel's cover, and
//! go back through a 65,536-entry table. Sixteen bits keep every sRGB byte apart in linear light
//! (the darkest steps are 20 units apart), so a pixel without pigment comes back unchanged. For
//! a mask's density steps the whole path is tabulated once per pigment: each step, channel and
//! sRGB byte gives the byte out.

use std::sync::LazyLock;

use crate::colour::Lab;

/// The largest linear-light value.
const LINEAR_MAX: f64 = 65_535.0;

/// sRGB's transfer function, from encoded (0 to 1) to linear light (0 to 1).
fn decode(encoded: f64) -> f64 {
    if encoded <= 0.040_45 { encoded / 12.92 } else { ((encoded + 0.055) / 1.055).powf(2.4) }
}

/// The inverse of [`decode`].
fn encode(linear: f64) -> f64 {
    if linear <= 0.003_130_8 { linear * 12.92 } else { 1.055 * linear.powf(1.0 / 2.4) - 0.055 }
}

/// Each sRGB byte in 16-bit linear light.
static TO_LINEAR: LazyLock<[u16; 256]> = LazyLock::new(|| {
    std::array::from_fn(|byte| {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "in 0..=65535")]
        let linear = (decode(f64::from(u8::try_from(byte).unwrap_or(u8::MAX)) / 255.0) * LINEAR_MAX).round() as u16;
        linear
    })
});

/// Each 16-bit linear-light value as the nearest sRGB byte.
static TO_SRGB: LazyLock<Box<[u8]>> = LazyLock::new(|| {
    (0..=u16::MAX)
        .map(|linear| {
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "in 0..=255")]
            let byte = (encode(f64::from(linear) / LINEAR_MAX) * 255.0).round().clamp(0.0, 255.0) as u8;
            byte
        })
        .collect()
});

/// An sRGB byte in 16-bit linear light.
pub fn linear_of(byte: u8) -> u16 {
    TO_LINEAR[usize::from(byte)]
}

/// A 16-bit linear-light value as the nearest sRGB byte.
pub fn srgb_of(linear: u16) -> u8 {
    TO_SRGB[usize::from(linear)]
}

/// `x / 255` for `x` below 2^24 (a 16-bit value times a byte, plus a rounding), by a multiply
/// and a shift: `⌈2^32 / 255⌉` overshoots 2^32/255 by 254/255 of a unit, which stays under a
/// 255th for every such `x`. A pixel's three divisions are most of its cost.
fn div_255(x: u64) -> u64 {
    const RECIPROCAL: u64 = 16_843_010;
    (x * RECIPROCAL) >> 32
}

/// One pigment, ready to be laid over pixels: for each density step of the mask, each channel
/// and each sRGB byte, the byte that comes out, so a pixel is three lookups (192 kB, built in
/// about a third of a millisecond).
#[derive(Clone, Debug)]
pub struct PigmentBlend {
    /// The pigment's colour in the skin, in 16-bit linear light.
    ink: [u32; 3],
    /// At `[density][channel][byte]`: [`Self::blend`] by the density step's cover.
    by_density: Box<[[[u8; 256]; 3]]>,
}

impl PigmentBlend {
    pub fn new(ink: Lab) -> Self {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 0..=65535")]
        let ink = ink.to_linear_rgb().map(|c| (c.clamp(0.0, 1.0) * LINEAR_MAX).round() as u32);
        let mut by_density = vec![[[0; 256]; 3]; 256].into_boxed_slice();
        for (density, step) in (0..=u8::MAX).zip(by_density.iter_mut()) {
            let cover = super::density::cover_of_density(density);
            for (channel, bytes) in step.iter_mut().enumerate() {
                for (byte, out) in (0..=u8::MAX).zip(bytes.iter_mut()) {
                    *out = blend_channel(ink[channel], byte, cover);
                }
            }
        }
        Self { ink, by_density }
    }

    /// `rgb` under pigment hiding `cover`/255 of its light: [`crate::colour::mix`], to a byte.
    #[inline]
    pub fn blend(&self, rgb: [u8; 3], cover: u8) -> [u8; 3] {
        if cover == 0 {
            return rgb;
        }
        std::array::from_fn(|i| blend_channel(self.ink[i], rgb[i], cover))
    }

    /// `rgb` under a mask's density step (see [`super::Mask`]): [`Self::blend`] by the step's
    /// cover, looked up.
    #[inline]
    pub fn blend_density(&self, rgb: [u8; 3], density: u8) -> [u8; 3] {
        let step = &self.by_density[usize::from(density)];
        std::array::from_fn(|i| step[i][usize::from(rgb[i])])
    }
}

/// One channel of a pixel (an sRGB byte) under pigment of linear light `ink` hiding `cover`/255
/// of the light, back in sRGB.
fn blend_channel(ink: u32, byte: u8, cover: u8) -> u8 {
    let (a, keep) = (u64::from(cover), 255 - u64::from(cover));
    let sum = u64::from(linear_of(byte)) * keep + u64::from(ink) * a + 127;
    srgb_of(u16::try_from(div_255(sum)).unwrap_or(u16::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colour::{Stage, carbon_ink, dot_colour, hiding, mix};

    #[test]
    fn dividing_by_255_by_a_multiply_is_exact_over_the_whole_range() {
        for x in (0..=65_535 * 255 + 127).step_by(7).chain([65_535 * 255 + 127, 254, 255, 256]) {
            assert_eq!(div_255(x), x / 255, "{x}");
        }
    }

    #[test]
    fn a_density_step_blends_as_its_cover_does() {
        let blend = PigmentBlend::new(carbon_ink());
        for density in 0..=u8::MAX {
            let cover = crate::render::cover_of_density(density);
            for rgb in [[196, 150, 122], [0, 0, 0], [255, 255, 255], [40, 90, 200]] {
                assert_eq!(blend.blend_density(rgb, density), blend.blend(rgb, cover), "{density} {rgb:?}");
            }
        }
    }

    #[test]
    fn a_pixel_without_pigment_comes_back_unchanged() {
        let blend = PigmentBlend::new(carbon_ink());
        for byte in 0..=u8::MAX {
            assert_eq!(srgb_of(linear_of(byte)), byte);
            assert_eq!(blend.blend([byte, byte, byte], 0), [byte; 3]);
        }
    }

    #[test]
    fn a_pixel_mixes_as_the_colour_model_does() {
        let skin = [196, 150, 122];
        let blend = PigmentBlend::new(carbon_ink());
        for water_parts in [6.0, 18.0, 30.0] {
            for stage in [Stage::Fresh, Stage::Healed, Stage::YearsLater(3.0)] {
                let k = hiding(water_parts, stage);
                #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "0..=255")]
                let cover = (k * 255.0).round() as u8;
                let pixel = Lab::from_srgb(blend.blend(skin, cover));
                let model = dot_colour(Lab::from_srgb(skin), carbon_ink(), water_parts, stage);
                assert!(pixel.delta_e_2000(model) <= 1.0, "{water_parts} {stage:?}: {pixel:?} vs {model:?}");
            }
        }
        // Half cover in linear light is far lighter than half-way between the bytes.
        let half = Lab::from_srgb(blend.blend([200, 200, 200], 128));
        assert!((half.l - mix(Lab::from_srgb([200, 200, 200]), carbon_ink(), 128.0 / 255.0).l).abs() < 0.3);
        assert!(half.l > Lab::from_srgb([117, 118, 122]).l + 8.0, "{half:?}");
    }
}
