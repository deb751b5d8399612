//! Precomputed splat kernels: what an anti-aliased disc adds to each pixel's density, for every
//! radius (in steps of 1/8 pixel), every centre position within a pixel (in steps of 1/4) and
//! every opacity, so that splatting a dot is a table lookup and a saturating add per pixel.
//! Rows are padded with zeros to a multiple of [`LANES`] so that a row is added as whole vectors.
//!
//! Kernels are built when first asked for, sixteen centre positions at a time, and kept: a
//! preview uses a few opacities (one per session shade and stage) and the few radius steps its
//! dot sizes span.

use std::sync::OnceLock;

use super::density::density_steps;
use super::splat::round_small;

/// Sub-pixel positions per axis.
pub const SUBPIXEL_STEPS: usize = 4;
/// Radius steps per pixel.
const RADIUS_STEPS: usize = 8;
/// Kernels cover radii up to this many pixels; larger dots are drawn directly.
pub const MAX_KERNEL_RADIUS_PX: f32 = 8.0;
/// Radius steps in the table, zero included.
#[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small constant")]
const RADII: usize = MAX_KERNEL_RADIUS_PX as usize * RADIUS_STEPS + 1;
/// Opacities, in 1/255 steps.
const OPACITIES: usize = 256;

/// A 4 x 4 Bayer matrix: the order in which the sixteen centre positions start their rounding,
/// so that neighbouring positions start far apart.
const BAYER: [[u8; SUBPIXEL_STEPS]; SUBPIXEL_STEPS] = [[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]];

/// Pixels added at once: one SSE register of bytes.
pub const LANES: usize = 16;

/// One disc's density, `rows` rows of `stride` values (zero past the disc), whose top-left
/// pixel is `left` pixels left of and `top` pixels above the pixel holding the disc's centre.
/// Rows the disc does not reach are left out: a dot of one pixel's radius covers three rows.
pub struct Kernel {
    pub rows: usize,
    pub stride: usize,
    pub left: usize,
    pub top: usize,
    pub density: Vec<u8>,
}

/// Every kernel, each built when first asked for.
pub struct Kernels {
    /// Sixteen centre positions per radius step and opacity.
    sets: Vec<OnceLock<Vec<Kernel>>>,
}

impl Kernels {
    /// The one table of the process.
    pub fn get() -> &'static Self {
        static KERNELS: OnceLock<Kernels> = OnceLock::new();
        KERNELS.get_or_init(|| Self { sets: (0..RADII * OPACITIES).map(|_| OnceLock::new()).collect() })
    }

    /// The kernel for a disc of `radius_px` and `opacity` (0..=255) centred at sub-pixel step
    /// (`sx`, `sy`).
    pub fn kernel(&self, radius_px: f32, opacity: u8, sx: usize, sy: usize) -> &Kernel {
        #[expect(clippy::cast_precision_loss, reason = "a small constant")]
        let step = round_small(radius_px * RADIUS_STEPS as f32);
        let step = usize::try_from(step).map_or(1, |step| step.clamp(1, RADII - 1));
        let set = self.sets[usize::from(opacity) * RADII + step].get_or_init(|| {
            #[expect(clippy::cast_precision_loss, reason = "small steps")]
            let radius = step as f32 / RADIUS_STEPS as f32;
            let positions = 0..SUBPIXEL_STEPS * SUBPIXEL_STEPS;
            positions.map(|i| build(radius, opacity, i % SUBPIXEL_STEPS, i / SUBPIXEL_STEPS)).collect()
        });
        &set[(sy % SUBPIXEL_STEPS) * SUBPIXEL_STEPS + sx % SUBPIXEL_STEPS]
    }
}

fn build(radius: f32, opacity: u8, sx: usize, sy: usize) -> Kernel {
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "radius at most 8 px")]
    let reach = (radius + 0.5).ceil() as usize;
    let side = 2 * reach + 1;
    let stride = side.div_ceil(LANES) * LANES;
    #[expect(clippy::cast_precision_loss, reason = "small values")]
    let centre = [reach as f32 + sx as f32 / SUBPIXEL_STEPS as f32, reach as f32 + sy as f32 / SUBPIXEL_STEPS as f32];
    let mut density = vec![0; side * stride];
    // Coverage falls off over a pixel across the rim, which adds π/12 of a pixel to any disc's
    // area: scaled back so that every dot lays its true area of pigment, however small.
    let true_area = f64::from(radius * radius) / (f64::from(radius * radius) + 1.0 / 12.0);
    // Each pixel's density is rounded to a whole step and the rounding error carried on to the
    // next pixel the disc covers, so that a dot keeps its darkness. A faint dot (a light shade
    // or a small one) may weigh only a few steps in all: each of the sixteen centre positions
    // starts from a different share of a step, in the order of a Bayer matrix so that the
    // shares do not follow the distance from the pixel's centre, and over the many dots of a
    // preview, which fall on every position alike, the rounding evens out.
    let mut carried = (f64::from(BAYER[sy][sx]) + 0.5) / 16.0 - 0.5;
    for (y, row) in density.chunks_mut(stride).enumerate() {
        for (x, value) in row[..side].iter_mut().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "small values")]
            let (dx, dy) = (x as f32 + 0.5 - centre[0], y as f32 + 0.5 - centre[1]);
            let coverage = (radius + 0.5 - (dx * dx + dy * dy).sqrt()).clamp(0.0, 1.0);
            if coverage > 0.0 {
                let exact = density_steps(f64::from(coverage) * true_area * f64::from(opacity) / 255.0) + carried;
                let step = exact.round().clamp(0.0, 255.0);
                // Nothing carries past full cover.
                carried = (exact - step).clamp(-0.5, 0.5);
                #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 0..=255")]
                let byte = step as u8;
                *value = byte;
            }
        }
    }
    // Leave out the rows the disc does not reach at this centre.
    let is_empty = |row: &[u8]| row.iter().all(|&value| value == 0);
    let first = density.chunks(stride).take_while(|row| is_empty(row)).count().min(reach);
    let end = side - density.chunks(stride).rev().take_while(|row| is_empty(row)).count().min(reach);
    Kernel {
        rows: end - first,
        stride,
        left: reach,
        top: reach - first,
        density: density[first * stride..end * stride].to_vec(),
    }
}
