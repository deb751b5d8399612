//! Precomputed splat kernels: the anti-aliased coverage of a disc for every radius (in steps of
//! 1/8 pixel) and every centre position within a pixel (in steps of 1/4), so that splatting a
//! dot is a table lookup and an add per pixel instead of a square root. Rows are padded with
//! zeros to a multiple of [`LANES`] so that a row is blended as whole vectors.

use std::sync::OnceLock;

/// Sub-pixel positions per axis.
pub const SUBPIXEL_STEPS: usize = 4;
/// Radius steps per pixel.
const RADIUS_STEPS: usize = 8;
/// Kernels cover radii up to this many pixels; larger dots are drawn directly.
pub const MAX_KERNEL_RADIUS_PX: f32 = 8.0;

/// Pixels blended at once: one SSE register of bytes.
pub const LANES: usize = 16;

/// One disc's coverage, `side` rows of `stride` values in 0..=255 (zero past `side`), whose
/// top-left pixel is `reach` pixels left of and above the pixel holding the disc's centre.
pub struct Kernel {
    pub side: usize,
    pub stride: usize,
    pub reach: usize,
    pub coverage: Vec<u8>,
}

/// The kernel for a disc of `radius_px` centred at sub-pixel step (`sx`, `sy`).
pub fn kernel(radius_px: f32, sx: usize, sy: usize) -> &'static Kernel {
    static KERNELS: OnceLock<Vec<Kernel>> = OnceLock::new();
    let kernels = KERNELS.get_or_init(build_all);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "radius is clamped to the table"
    )]
    let step = ((radius_px.clamp(0.0, MAX_KERNEL_RADIUS_PX) * RADIUS_STEPS as f32 + 0.5) as usize).max(1);
    &kernels[(step * SUBPIXEL_STEPS + sy) * SUBPIXEL_STEPS + sx]
}

fn build_all() -> Vec<Kernel> {
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "small constants")]
    let steps = (MAX_KERNEL_RADIUS_PX as usize) * RADIUS_STEPS;
    let mut kernels = Vec::with_capacity((steps + 1) * SUBPIXEL_STEPS * SUBPIXEL_STEPS);
    for step in 0..=steps {
        #[expect(clippy::cast_precision_loss, reason = "small steps")]
        let radius = step as f32 / RADIUS_STEPS as f32;
        for sy in 0..SUBPIXEL_STEPS {
            for sx in 0..SUBPIXEL_STEPS {
                kernels.push(build(radius, sx, sy));
            }
        }
    }
    kernels
}

fn build(radius: f32, sx: usize, sy: usize) -> Kernel {
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "radius at most 8 px")]
    let reach = (radius + 0.5).ceil() as usize;
    let side = 2 * reach + 1;
    let stride = side.div_ceil(LANES) * LANES;
    #[expect(clippy::cast_precision_loss, reason = "small values")]
    let centre = [reach as f32 + sx as f32 / SUBPIXEL_STEPS as f32, reach as f32 + sy as f32 / SUBPIXEL_STEPS as f32];
    let mut coverage = vec![0; side * stride];
    for (y, row) in coverage.chunks_mut(stride).enumerate() {
        for (x, value) in row[..side].iter_mut().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "small values")]
            let (dx, dy) = (x as f32 + 0.5 - centre[0], y as f32 + 0.5 - centre[1]);
            let cover = (radius + 0.5 - (dx * dx + dy * dy).sqrt()).clamp(0.0, 1.0);
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "in 0..=255")]
            let byte = (cover * 255.0 + 0.5) as u8;
            *value = byte;
        }
    }
    Kernel { side, stride, reach, coverage }
}
