//! White balance: a grey card or white paper in the photo tells the colour of the light, and
//! every colour measured on the same photo is corrected for it.
//!
//! A camera records the light a surface sends back: the surface's colour times the light's. A
//! grey sends back the light's own colour, so its reading is the light's white point. The
//! correction is a chromatic adaptation from that white to D65 (the white sRGB and CIELAB here
//! assume) by the Bradford transform, in linear light, as `palette` gives it
//! ([`palette::chromatic_adaptation::adaptation_matrix`] with the measured white as the input
//! white point). The grey keeps its lightness and loses its cast; so do the skin and the hair.
//!
//! The light's correlated colour temperature, for the inspector's words only, is McCamy's cubic
//! approximation from the CIE 1931 chromaticity (C. S. McCamy, "Correlated color temperature as
//! an explicit function of chromaticity coordinates", Color Research & Application 17(2), 1992,
//! 142–144): accurate to a few kelvin from 2,850 K to 6,500 K, and a fair guide from 2,000 K to
//! 12,500 K.
//!
//! A skin's colour cannot be told from a grey under a warm lamp by colour alone (skin sits near
//! the chromaticity of 3,700 K light), so the studio asks for a grey card and refuses only what
//! no light could make of a grey: strong colours, colours far off the blackbody (Planckian)
//! locus, and patches too dark to measure or burnt out.

use palette::chromatic_adaptation::adaptation_matrix;
use palette::convert::{Convert, FromColorUnclamped, Matrix3};
use palette::lms::matrix::Bradford;
use palette::white_point::D65;
use palette::{FromColor, LinSrgb, Xyz};

use super::{Lab, PaletteLab};

type XyzD65 = Xyz<D65, f64>;

/// A neutral's CIELAB chroma above this is a coloured thing, not a grey under coloured light.
/// A grey card under a 2,900 K lamp with the camera's white balance off reads about 35; skin
/// 15 to 30; a red shirt 50 and more.
pub const MAX_NEUTRAL_CHROMA: f64 = 40.0;
/// A neutral's chromaticity further than this from the blackbody locus (Δuv, CIE 1960) is no
/// light's colour: lights lie within about 0.01 of it, lips at 0.03.
pub const MAX_NEUTRAL_DUV: f64 = 0.02;
/// The range of light colour temperatures a neutral may show, in kelvin: candle to deep shade.
pub const NEUTRAL_CCT_KELVIN: [f64; 2] = [1_800.0, 15_000.0];
/// Darker than this (CIELAB L*), a patch's colour is lost in the noise.
pub const MIN_NEUTRAL_LIGHTNESS: f64 = 20.0;
/// A linear channel above this is burnt out (clipped by the camera): its true value is lost.
pub const MAX_NEUTRAL_CHANNEL: f64 = 0.98;
/// Within this many kelvin of D65's 6,504 K, the cast is slight.
const SLIGHT_CAST_KELVIN: f64 = 700.0;

/// Why a patch cannot serve as the neutral grey.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
pub enum NotNeutral {
    #[error(
        "That is too colourful to be a grey (chroma {chroma:.0}; a grey under coloured light stays under {max:.0}). Click a grey card or white paper.",
        max = MAX_NEUTRAL_CHROMA
    )]
    Colourful { chroma: f64 },
    #[error(
        "That colour is no light's colour (too green, pink or purple to be a grey under a lamp or daylight). Click a grey card or white paper."
    )]
    OffTheLightLocus,
    #[error(
        "That is too dark to measure the light by (L* {lightness:.0}; at least {min:.0}). Click a grey card or white paper in the light.",
        min = MIN_NEUTRAL_LIGHTNESS
    )]
    TooDark { lightness: f64 },
    #[error(
        "That is burnt out (the camera clipped it), so the light's colour is lost. Click a grey that is not pure white."
    )]
    Clipped,
    #[error("That reading is not a number; click the photo again.")]
    NotANumber,
}

/// Whether the light was warm (orange: lamps, sunset), cool (blue: shade, overcast) or close to
/// daylight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cast {
    Warm,
    Slight,
    Cool,
}

/// The correction for one photo's light, from its neutral grey.
#[derive(Clone, Copy)]
pub struct WhiteBalance {
    white: XyzD65,
    matrix: Matrix3<XyzD65, XyzD65>,
}

impl std::fmt::Debug for WhiteBalance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The matrix follows from the white; palette's matrix type has no `Debug`.
        f.debug_struct("WhiteBalance")
            .field("white", &self.white)
            .field("kelvin", &self.kelvin())
            .finish_non_exhaustive()
    }
}

impl WhiteBalance {
    /// The correction for a neutral read as `linear_rgb` (linear-light sRGB, 0 to 1), or why it
    /// is no neutral.
    pub fn from_neutral(linear_rgb: [f64; 3]) -> Result<Self, NotNeutral> {
        if linear_rgb.iter().any(|c| !c.is_finite()) {
            return Err(NotNeutral::NotANumber);
        }
        if linear_rgb.iter().any(|&c| c > MAX_NEUTRAL_CHANNEL) {
            return Err(NotNeutral::Clipped);
        }
        let rgb = LinSrgb::new(linear_rgb[0], linear_rgb[1], linear_rgb[2]);
        let lab = PaletteLab::from_color(rgb);
        if lab.l < MIN_NEUTRAL_LIGHTNESS {
            return Err(NotNeutral::TooDark { lightness: lab.l });
        }
        let chroma = lab.a.hypot(lab.b);
        if chroma > MAX_NEUTRAL_CHROMA {
            return Err(NotNeutral::Colourful { chroma });
        }
        let white = XyzD65::from_color(rgb);
        let [x, y] = chromaticity(white);
        let kelvin = mccamy_kelvin(x, y);
        let on_locus = (NEUTRAL_CCT_KELVIN[0]..=NEUTRAL_CCT_KELVIN[1]).contains(&kelvin)
            && delta_uv(x, y, kelvin).abs() <= MAX_NEUTRAL_DUV;
        if !on_locus {
            return Err(NotNeutral::OffTheLightLocus);
        }
        // From the measured white to D65, the white sRGB and CIELAB assume.
        let matrix = adaptation_matrix::<f64, D65, D65, Bradford>(Some(white), None);
        Ok(Self { white, matrix })
    }

    /// `raw`, a colour as the photo took it, as it would look in daylight (D65).
    pub fn correct(&self, raw: Lab) -> Lab {
        let xyz = XyzD65::from_color(raw.palette());
        let lab = PaletteLab::from_color(self.matrix.convert(xyz));
        Lab::new(lab.l, lab.a, lab.b)
    }

    /// The correction as one matrix on linear-light sRGB (`out[row] = Σ m[row][col] · in[col]`):
    /// the adaptation is linear, so its effect on the three primaries fixes it.
    pub fn linear_rgb_matrix(&self) -> [[f64; 3]; 3] {
        let primary = |channel: usize| {
            let mut rgb = [0.0; 3];
            rgb[channel] = 1.0;
            let xyz = XyzD65::from_color(LinSrgb::new(rgb[0], rgb[1], rgb[2]));
            // Unclamped: a primary's image lies outside sRGB, and the matrix needs it whole.
            let out: LinSrgb<f64> = LinSrgb::from_color_unclamped(self.matrix.convert(xyz));
            [out.red, out.green, out.blue]
        };
        let columns = [primary(0), primary(1), primary(2)];
        std::array::from_fn(|row| std::array::from_fn(|column| columns[column][row]))
    }

    /// The light's correlated colour temperature, in kelvin (McCamy 1992).
    pub fn kelvin(&self) -> f64 {
        let [x, y] = chromaticity(self.white);
        mccamy_kelvin(x, y)
    }

    pub fn cast(&self) -> Cast {
        let kelvin = self.kelvin();
        if kelvin < 6504.0 - SLIGHT_CAST_KELVIN {
            Cast::Warm
        } else if kelvin > 6504.0 + SLIGHT_CAST_KELVIN {
            Cast::Cool
        } else {
            Cast::Slight
        }
    }

    /// The correction in words: "Corrected for a warm cast (about 3400 K)".
    pub fn describe(&self) -> String {
        let kelvin = (self.kelvin() / 100.0).round() * 100.0;
        let cast = match self.cast() {
            Cast::Warm => "a warm",
            Cast::Slight => "a slight",
            Cast::Cool => "a cool",
        };
        format!("Corrected for {cast} cast (about {kelvin:.0} K)")
    }
}

/// What the inspector says when a view has no neutral sample.
pub const AS_TAKEN: &str = "No neutral sample: colours are as the photo took them";

/// CIE 1931 (x, y) of `xyz`.
fn chromaticity(xyz: XyzD65) -> [f64; 2] {
    let sum = xyz.x + xyz.y + xyz.z;
    if sum <= 0.0 {
        return [f64::NAN, f64::NAN];
    }
    [xyz.x / sum, xyz.y / sum]
}

/// McCamy's (1992) correlated colour temperature of chromaticity (x, y), in kelvin.
fn mccamy_kelvin(x: f64, y: f64) -> f64 {
    let n = (x - 0.3320) / (0.1858 - y);
    449.0 * n.powi(3) + 3525.0 * n.powi(2) + 6823.3 * n + 5520.33
}

/// The signed distance in CIE 1960 (u, v) from (x, y) to the blackbody locus at `kelvin`,
/// positive above it (greenish), negative below (pinkish). The locus point is Krystek's
/// rational approximation (M. Krystek, "An algorithm to calculate correlated colour
/// temperature", Color Research & Application 10(1), 1985, 38–40), good to 1e-4 from
/// 1,000 K to 15,000 K; at McCamy's temperature the nearest point is close enough to it for a
/// test against 0.02.
#[expect(clippy::many_single_char_names, reason = "the formulas' own names: x, y, u, v, t")]
fn delta_uv(x: f64, y: f64, kelvin: f64) -> f64 {
    let denominator = -2.0 * x + 12.0 * y + 3.0;
    let (u, v) = (4.0 * x / denominator, 6.0 * y / denominator);
    let t = kelvin;
    let locus_u = (0.860_117_757 + 1.541_182_54e-4 * t + 1.286_412_12e-7 * t * t)
        / (1.0 + 8.424_202_35e-4 * t + 7.081_451_63e-7 * t * t);
    let locus_v = (0.317_398_726 + 4.228_062_45e-5 * t + 4.204_816_91e-8 * t * t)
        / (1.0 - 2.897_418_16e-5 * t + 1.614_560_53e-7 * t * t);
    (u - locus_u).hypot(v - locus_v).copysign(v - locus_v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Linear sRGB of a light's white, scaled so green is 1: Planckian chromaticities from the
    /// CIE tables, converted with the sRGB matrix.
    const LIGHT_3400_K: [f64; 3] = [1.753, 1.0, 0.455];

    fn under(light: [f64; 3], lab: Lab) -> Lab {
        let [r, g, b] = lab.to_linear_rgb();
        Lab::from_linear_rgb([r * light[0], g * light[1], b * light[2]])
    }

    #[test]
    fn a_grey_under_daylight_is_a_slight_cast_and_changes_nothing() {
        let grey = Lab::from_srgb([128, 128, 128]).to_linear_rgb();
        let balance = WhiteBalance::from_neutral(grey).unwrap();
        assert!((balance.kelvin() - 6504.0).abs() < 30.0, "{}", balance.kelvin());
        assert_eq!(balance.cast(), Cast::Slight);
        let skin = Lab::from_srgb([196, 150, 122]);
        assert!(balance.correct(skin).delta_e_2000(skin) < 0.05);
    }

    #[test]
    fn a_grey_under_a_warm_lamp_reads_warm_and_corrects_to_neutral() {
        let card = under(LIGHT_3400_K, Lab::new(40.0, 0.0, 0.0));
        let balance = WhiteBalance::from_neutral(card.to_linear_rgb()).unwrap();
        assert!((balance.kelvin() - 3500.0).abs() < 150.0, "{}", balance.kelvin());
        assert_eq!(balance.cast(), Cast::Warm);
        assert!(balance.describe().starts_with("Corrected for a warm cast (about 3"), "{}", balance.describe());
        let corrected = balance.correct(card);
        assert!(corrected.a.abs() < 0.5 && corrected.b.abs() < 0.5, "{corrected:?}");
        assert!((corrected.l - card.l).abs() < 0.5, "the grey keeps its lightness");
    }

    #[test]
    fn colourful_dark_burnt_out_and_nan_patches_are_no_neutral() {
        let refused = |rgb: [u8; 3]| WhiteBalance::from_neutral(Lab::from_srgb(rgb).to_linear_rgb()).err();
        assert!(matches!(refused([200, 30, 40]), Some(NotNeutral::Colourful { .. })), "red");
        assert!(matches!(refused([40, 60, 200]), Some(NotNeutral::Colourful { .. })), "blue");
        assert!(matches!(refused([190, 110, 105]), Some(NotNeutral::OffTheLightLocus)), "lips");
        assert!(matches!(refused([120, 160, 120]), Some(NotNeutral::OffTheLightLocus)), "green");
        assert!(matches!(refused([20, 20, 20]), Some(NotNeutral::TooDark { .. })));
        assert_eq!(refused([255, 255, 255]), Some(NotNeutral::Clipped));
        assert_eq!(WhiteBalance::from_neutral([f64::NAN, 0.5, 0.5]).err(), Some(NotNeutral::NotANumber));
        assert_eq!(
            WhiteBalance::from_neutral([0.0, 0.0, 0.0]).err().map(|e| matches!(e, NotNeutral::TooDark { .. })),
            Some(true)
        );
        assert!(WhiteBalance::from_neutral([0.5, 0.5, 0.5]).is_ok());
    }

    #[test]
    fn the_linear_rgb_matrix_corrects_as_the_lab_path_does() {
        let balance = WhiteBalance::from_neutral([0.42, 0.36, 0.27]).unwrap();
        let matrix = balance.linear_rgb_matrix();
        for rgb in [[0.45, 0.27, 0.18], [0.05, 0.04, 0.03], [0.9, 0.8, 0.7]] {
            let by_matrix: [f64; 3] = std::array::from_fn(|row| (0..3).map(|c| matrix[row][c] * rgb[c]).sum());
            let by_lab = balance.correct(Lab::from_linear_rgb(rgb)).to_linear_rgb();
            for (m, l) in by_matrix.iter().zip(by_lab) {
                assert!((m - l).abs() < 1e-9, "{by_matrix:?} vs {by_lab:?}");
            }
        }
    }
}
