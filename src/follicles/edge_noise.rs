//! The irregularity of a hairline's front: how far the edge of the dots lies ahead of or behind
//! the drawn line at each point along it.
//!
//! A natural hairline is irregular at two scales (shared/domain.md, after Shapiro): broad waves
//! of a centimetre or two, and a fine jitter of a few millimetres. A single sine wave, as the
//! studio once used, repeats visibly; here each scale is seeded one-dimensional gradient noise
//! (Perlin 1985), whose waves vary in height and length along the line so no one frequency
//! dominates. The broad scale adds a second octave at a non-harmonic ratio of the wavelength.
//!
//! Gradient noise with gradients in [-1, 1] never exceeds 1/2 (reached only at the middle of a
//! cell whose two gradients are opposite extremes), so twice it is bounded by 1, and each scale
//! by its amplitude: [`EdgeNoise::max_offset_mm`] is a hard bound, which lets the band decide
//! whole blocks of dots without asking point by point.

use crate::design::Transition;
use crate::random::{hash, unit};

/// Spacing of the precomputed offsets along the line, in mm: a twelfth of the default jitter's
/// wavelength, so interpolating between them is invisible, and a 300 mm line needs 1,200.
const STEP_MM: f64 = 0.25;
/// The most offsets kept: 5 m of line. A longer hairline means a miscalibrated photo; past this
/// the edge keeps its last offset rather than allocate for every frame of a drag.
const MAX_SAMPLES: usize = 20_000;

/// The second octave of the broad waves: its wavelength as a share of the first's (not a simple
/// fraction, so the two never line up into a repeating pattern), and its share of the height.
const SECOND_OCTAVE_WAVELENGTH: f64 = 0.43;
const SECOND_OCTAVE_WEIGHT: f64 = 0.35;

/// Keys separating the noise's streams from the design's other hashes.
const BROAD_KEY: u64 = 0xB20A_D001;
const SECOND_KEY: u64 = 0xB20A_D002;
const JITTER_KEY: u64 = 0x0017_7E21;

/// The edge's offset along a line, sampled every [`STEP_MM`].
pub struct EdgeNoise {
    offsets_mm: Vec<f64>,
    max_offset_mm: f64,
}

impl EdgeNoise {
    /// The offsets along a line `length_mm` long, for `transition`'s amplitudes and `seed`.
    pub fn new(transition: &Transition, length_mm: f64, seed: u64) -> Self {
        let broad = Scale::new(transition.macro_amplitude_mm, transition.macro_wavelength_mm);
        let jitter = Scale::new(transition.jitter_amplitude_mm, transition.jitter_wavelength_mm);
        // A line of a few hundred mm: a few thousand samples.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a short, finite line")]
        let count = ((length_mm.max(0.0) / STEP_MM).ceil() as usize).min(MAX_SAMPLES) + 2;
        let offsets_mm = (0..count)
            .map(|i| {
                #[expect(clippy::cast_precision_loss, reason = "a few thousand samples")]
                let along_mm = i as f64 * STEP_MM;
                let first = noise(along_mm / broad.wavelength_mm, hash(&[seed, BROAD_KEY]));
                let second =
                    noise(along_mm / (broad.wavelength_mm * SECOND_OCTAVE_WAVELENGTH), hash(&[seed, SECOND_KEY]));
                let broad_mm =
                    broad.amplitude_mm * 2.0 * ((1.0 - SECOND_OCTAVE_WEIGHT) * first + SECOND_OCTAVE_WEIGHT * second);
                let jitter_mm =
                    jitter.amplitude_mm * 2.0 * noise(along_mm / jitter.wavelength_mm, hash(&[seed, JITTER_KEY]));
                broad_mm + jitter_mm
            })
            .collect();
        Self { offsets_mm, max_offset_mm: broad.amplitude_mm + jitter.amplitude_mm }
    }

    /// How far the edge lies ahead of the drawn line (towards the face) at `along_mm`, in mm;
    /// negative where it lies behind.
    pub fn offset_mm(&self, along_mm: f64) -> f64 {
        let position = along_mm.max(0.0) / STEP_MM;
        // Non-negative and bounded by the line's length in steps.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "non-negative, small")]
        let index = (position as usize).min(self.offsets_mm.len() - 2);
        #[expect(clippy::cast_precision_loss, reason = "a few thousand samples")]
        let t = (position - index as f64).clamp(0.0, 1.0);
        self.offsets_mm[index] + t * (self.offsets_mm[index + 1] - self.offsets_mm[index])
    }

    /// The most [`Self::offset_mm`] can be, either way.
    pub fn max_offset_mm(&self) -> f64 {
        self.max_offset_mm
    }
}

/// One scale of the irregularity; a zero or invalid amplitude or wavelength turns it off.
struct Scale {
    amplitude_mm: f64,
    wavelength_mm: f64,
}

impl Scale {
    fn new(amplitude_mm: f64, wavelength_mm: f64) -> Self {
        if amplitude_mm.is_finite() && amplitude_mm > 0.0 && wavelength_mm.is_finite() && wavelength_mm > 0.0 {
            Self { amplitude_mm, wavelength_mm }
        } else {
            Self { amplitude_mm: 0.0, wavelength_mm: 1.0 }
        }
    }
}

/// One-dimensional gradient noise at `x` (in wavelengths), in [-1/2, 1/2]: zero at every whole
/// `x`, with a random slope there drawn from `key`.
fn noise(x: f64, key: u64) -> f64 {
    let cell = x.floor();
    let t = x - cell;
    // Cells along a line of a few hundred mm: far inside i64.
    #[expect(clippy::cast_possible_truncation, reason = "bounded cell index")]
    let index = cell as i64;
    let slope = |i: i64| 2.0 * unit(hash(&[key, i.cast_unsigned()])) - 1.0;
    let fade = t * t * t * (t * (6.0 * t - 15.0) + 10.0);
    slope(index) * t * (1.0 - fade) + slope(index + 1) * (t - 1.0) * fade
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The share of the total power (mean removed) in the strongest frequency of `values`.
    fn strongest_frequency_share(values: &[f64]) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "a few thousand samples")]
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let powers: Vec<f64> = (1..values.len() / 2)
            .map(|k| {
                let (mut re, mut im) = (0.0, 0.0);
                for (i, v) in values.iter().enumerate() {
                    #[expect(clippy::cast_precision_loss, reason = "a few thousand samples")]
                    let angle = std::f64::consts::TAU * (k * i) as f64 / n;
                    re += (v - mean) * angle.cos();
                    im += (v - mean) * angle.sin();
                }
                re * re + im * im
            })
            .collect();
        powers.iter().copied().fold(0.0, f64::max) / powers.iter().sum::<f64>()
    }

    #[test]
    fn the_edge_has_no_single_dominant_frequency() {
        let transition = Transition::default();
        for seed in [1, 7, 42] {
            let noise = EdgeNoise::new(&transition, 300.0, seed);
            // 300 mm of line, every half millimetre: about 17 broad waves and 100 jitters.
            let offsets: Vec<f64> = (0..600).map(|i| noise.offset_mm(f64::from(i) * 0.5)).collect();
            let share = strongest_frequency_share(&offsets);
            println!("seed {seed}: the strongest frequency holds {:.1} % of the power", share * 100.0);
            // A sine would hold all of it; the old single wave did.
            assert!(share < 0.2, "seed {seed}: one frequency holds {:.0} % of the power", share * 100.0);
            // Both scales are there: it moves by more than the jitter alone could.
            let spread = offsets.iter().copied().fold(f64::NEG_INFINITY, f64::max)
                - offsets.iter().copied().fold(f64::INFINITY, f64::min);
            assert!(spread > 2.0 * transition.jitter_amplitude_mm, "seed {seed}: spread {spread:.2} mm");
        }
    }

    #[test]
    fn the_offset_never_exceeds_its_stated_bound_and_is_the_same_for_the_same_seed() {
        let transition = Transition::default();
        let noise = EdgeNoise::new(&transition, 500.0, 3);
        let again = EdgeNoise::new(&transition, 500.0, 3);
        for i in 0..5000 {
            let along_mm = f64::from(i) * 0.1;
            assert!(noise.offset_mm(along_mm).abs() <= noise.max_offset_mm());
            assert_eq!(noise.offset_mm(along_mm).to_bits(), again.offset_mm(along_mm).to_bits());
        }
        let other = EdgeNoise::new(&transition, 500.0, 4);
        assert!((0..100).any(|i| (noise.offset_mm(f64::from(i)) - other.offset_mm(f64::from(i))).abs() > 1e-9));
    }

    #[test]
    fn no_amplitude_gives_a_straight_edge() {
        let transition = Transition { macro_amplitude_mm: 0.0, jitter_amplitude_mm: 0.0, ..Transition::default() };
        let noise = EdgeNoise::new(&transition, 100.0, 9);
        assert!((0..400).all(|i| noise.offset_mm(f64::from(i) * 0.25).abs() < 1e-12));
        assert!(noise.max_offset_mm().abs() < 1e-12);
    }
}
