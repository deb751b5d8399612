//! Pixels: follicle dots splatted into a coverage mask, and the mask composited over the photo.
//!
//! The mask holds, per pixel, how much of the skin's light the pigment blocks (0 to 255). Dots
//! are anti-aliased discs whose coverage falls off over one pixel at their rim; overlapping dots
//! combine like layered pigment (`a + b - a·b`), never brighter and never past full. Dots smaller
//! than a pixel keep their darkness by spreading their area over a pixel-sized disc.

mod kernels;

use crate::colour::{Stage, hiding, widening};
use crate::design::{Design, View};
use crate::follicles::{Dot, Layering, generate_dots};

use kernels::{LANES, MAX_KERNEL_RADIUS_PX, SUBPIXEL_STEPS, kernel};

/// A coverage mask: how much pigment covers each pixel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mask {
    pub width: u32,
    pub height: u32,
    pub alpha: Vec<u8>,
}

impl Mask {
    pub fn new(width: u32, height: u32) -> Self {
        Self { width, height, alpha: vec![0; width as usize * height as usize] }
    }

    pub fn clear(&mut self) {
        self.alpha.fill(0);
    }
}

/// Splats `dots` (in photo pixels) into `mask`, scaled by `mask_px_per_photo_px`. Work is split
/// across two threads by halves of the mask, which never share a pixel.
pub fn splat(dots: &[Dot], mask_px_per_photo_px: f32, mask: &mut Mask) {
    splat_halves(dots, mask_px_per_photo_px, mask, false);
}

/// Replaces the mask's content with `dots`: like clearing it and calling [`splat`], with each
/// thread clearing its own half.
pub fn render_dots(dots: &[Dot], mask_px_per_photo_px: f32, mask: &mut Mask) {
    splat_halves(dots, mask_px_per_photo_px, mask, true);
}

fn splat_halves(dots: &[Dot], mask_px_per_photo_px: f32, mask: &mut Mask, clear: bool) {
    let width = mask.width as usize;
    let height = mask.height as usize;
    if width == 0 || height == 0 {
        return;
    }
    let split_row = height / 2;
    let (top, bottom) = mask.alpha.split_at_mut(split_row * width);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            if clear {
                top.fill(0);
            }
            splat_rows(dots, mask_px_per_photo_px, top, width, 0, split_row);
        });
        if clear {
            bottom.fill(0);
        }
        splat_rows(dots, mask_px_per_photo_px, bottom, width, split_row, height);
    });
}

/// Splats into `rows`, which hold mask rows `first_row..end_row`.
fn splat_rows(dots: &[Dot], scale: f32, rows: &mut [u8], width: usize, first_row: usize, end_row: usize) {
    #[expect(clippy::cast_precision_loss, reason = "mask sizes are far below 2^24")]
    let (top, bottom, right) = (first_row as f32, end_row as f32, width as f32);
    for dot in dots {
        let (cx, cy) = (dot.x_px * scale, dot.y_px * scale);
        let mut radius = dot.radius_px * scale;
        let mut opacity = dot.opacity;
        if radius < 0.5 {
            // Keep the dot's total darkness: spread its area over a half-pixel-radius disc.
            opacity *= (radius / 0.5).powi(2);
            radius = 0.5;
        }
        let reach = radius + 0.5;
        if cy + reach < top || cy - reach >= bottom || cx + reach < 0.0 || cx - reach >= right {
            continue;
        }
        // Opacity in [0, 1] scaled to 0..=255.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "in 0..=255")]
        let opacity_u8 = (opacity.clamp(0.0, 1.0) * 255.0 + 0.5) as u32;
        if radius <= MAX_KERNEL_RADIUS_PX {
            splat_kernel(cx, cy, radius, opacity_u8, rows, width, first_row, end_row);
            continue;
        }
        // Clamped to the mask, so the casts are in range.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to the mask")]
        let (x0, x1, y0, y1) = (
            (cx - reach).floor().max(0.0) as usize,
            ((cx + reach).ceil().min(right)) as usize,
            (cy - reach).floor().max(top) as usize,
            ((cy + reach).ceil().min(bottom)) as usize,
        );
        for y in y0..y1 {
            #[expect(clippy::cast_precision_loss, reason = "small pixel indices")]
            let dy = y as f32 + 0.5 - cy;
            let row = &mut rows[(y - first_row) * width..][..width];
            for (x, pixel) in row.iter_mut().enumerate().take(x1).skip(x0) {
                #[expect(clippy::cast_precision_loss, reason = "small pixel indices")]
                let dx = x as f32 + 0.5 - cx;
                let coverage = (radius + 0.5 - (dx * dx + dy * dy).sqrt()).clamp(0.0, 1.0);
                if coverage > 0.0 {
                    // Both factors are in [0, 1]: the product scaled to 0..=255 fits a u8.
                    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "in 0..=255")]
                    let add = (coverage * opacity * 255.0 + 0.5) as u16;
                    let current = u16::from(*pixel);
                    let combined = current + (add * (255 - current) + 127) / 255;
                    *pixel = u8::try_from(combined).unwrap_or(u8::MAX);
                }
            }
        }
    }
}

/// Splats one dot from the precomputed kernels (see [`kernels`]).
#[expect(clippy::too_many_arguments, reason = "the inner loop's state, kept in registers")]
#[expect(
    clippy::cast_possible_wrap,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    reason = "mask-sized pixel indices"
)]
fn splat_kernel(
    cx: f32,
    cy: f32,
    radius: f32,
    opacity_u8: u32,
    rows: &mut [u8],
    width: usize,
    first_row: usize,
    end_row: usize,
) {
    // The centre in quarter pixels, rounded. Dots reaching the mask lie at most a few pixels
    // left of or above it, so shifting by 64 pixels keeps the value positive and lets a plain
    // truncation round (no libm call in this hot loop).
    const SHIFT_PX: i64 = 64;
    let steps = SUBPIXEL_STEPS as i64;
    let quantise = |v: f32| ((v + SHIFT_PX as f32) * steps as f32 + 0.5) as i64 - SHIFT_PX * steps;
    let (qx, qy) = (quantise(cx), quantise(cy));
    let (sx, sy) = (qx.rem_euclid(steps) as usize, qy.rem_euclid(steps) as usize);
    let kernel = kernel(radius, sx, sy);
    // Pixel indices of the kernel's top-left corner; negative when it hangs over the edge.
    let (left, top) = (qx.div_euclid(steps) - kernel.reach as i64, qy.div_euclid(steps) - kernel.reach as i64);
    let opacity = u16::try_from(opacity_u8).unwrap_or(255);
    for ky in 0..kernel.side {
        let y = top + ky as i64;
        if y < first_row as i64 || y >= end_row as i64 {
            continue;
        }
        let row = &mut rows[(y.unsigned_abs() as usize - first_row) * width..][..width];
        let kernel_row = &kernel.coverage[ky * kernel.stride..][..kernel.stride];
        if let Ok(left) = usize::try_from(left)
            && left + kernel.stride <= width
        {
            // The common case: the whole padded row lies on the mask.
            let pixels = &mut row[left..][..kernel.stride];
            for (pixels, coverage) in pixels.chunks_exact_mut(LANES).zip(kernel_row.chunks_exact(LANES)) {
                if let (Ok(pixels), Ok(coverage)) = (pixels.try_into(), coverage.try_into()) {
                    blend_lanes(pixels, coverage, opacity);
                }
            }
            continue;
        }
        for (kx, &coverage) in kernel_row.iter().enumerate() {
            let x = left + kx as i64;
            if (0..width as i64).contains(&x) {
                let pixel = &mut row[x.unsigned_abs() as usize];
                *pixel = blend(*pixel, coverage, opacity);
            }
        }
    }
}

/// Lays `coverage` of a pigment at `opacity` (both 0..=255) over a pixel's cover, like layered
/// pigment: `a + b - a·b`. Never past 255, since `add · (255 - current) / 255 <= 255 - current`.
#[inline]
fn blend(current: u8, coverage: u8, opacity: u16) -> u8 {
    let add = (u16::from(coverage) * opacity + 127) / 255;
    let current = u16::from(current);
    #[expect(clippy::cast_possible_truncation, reason = "at most 255, see above")]
    let blended = (current + (add * (255 - current) + 127) / 255) as u8;
    blended
}

/// [`blend`] over a vector of pixels, in a form the compiler turns into SIMD.
#[inline]
fn blend_lanes(pixels: &mut [u8; LANES], coverage: &[u8; LANES], opacity: u16) {
    for (pixel, &coverage) in pixels.iter_mut().zip(coverage) {
        *pixel = blend(*pixel, coverage, opacity);
    }
}

/// The photo with pigment laid over it: each pixel moves towards `pigment` by the mask's
/// coverage (`photo × (1 − a) + pigment × a`), so the skin shows through every dot's rim and
/// through light shades.
pub fn composite(photo: &image::RgbaImage, mask: &Mask, pigment: [u8; 3]) -> image::RgbaImage {
    let mut out = photo.clone();
    for (pixel, &alpha) in out.pixels_mut().zip(&mask.alpha) {
        let a = u16::from(alpha);
        for (channel, &ink) in pixel.0[..3].iter_mut().zip(&pigment) {
            let blended = (u16::from(*channel) * (255 - a) + u16::from(ink) * a + 127) / 255;
            *channel = u8::try_from(blended).unwrap_or(u8::MAX);
        }
    }
    out
}

/// What a preview shows: how many sessions are done, and when the result is looked at.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Look {
    /// Sessions done so far; `None`: the whole plan.
    pub after_session: Option<usize>,
    pub stage: Stage,
}

impl Look {
    /// The dots of `view` as they look: the plan's sessions so far, each dot darkened and widened
    /// for the stage ([`crate::colour::hiding`] and [`crate::colour::widening`] change every shade
    /// by the same factors).
    pub fn dots(self, design: &Design, view: &View) -> Vec<Dot> {
        let layering = Layering::of(design, self.after_session);
        let mut dots = generate_dots(view, &layering, design.seed);
        if self.stage != Stage::Healed {
            let darker = hiding(1.0, self.stage) / hiding(1.0, Stage::Healed).max(f64::EPSILON);
            #[expect(clippy::cast_possible_truncation, reason = "factors near 1")]
            let (darker, wider) = (darker as f32, widening(self.stage) as f32);
            for dot in &mut dots {
                dot.opacity = (dot.opacity * darker).min(1.0);
                dot.radius_px *= wider;
            }
        }
        dots
    }
}

/// The simulated result on `photo` (the view's photo, already scaled to the output size):
/// the view's dots as `look` sees them, splatted at the output's scale and composited in the
/// design's pigment.
pub fn render_preview(design: &Design, view: &View, look: Look, photo: &image::RgbaImage) -> image::RgbaImage {
    render_dots_on(design, view, &look.dots(design, view), photo)
}

/// [`render_preview`] for dots already generated.
pub fn render_dots_on(design: &Design, view: &View, dots: &[Dot], photo: &image::RgbaImage) -> image::RgbaImage {
    let photo_width_px = view.photo.as_ref().map_or(photo.width(), |p| p.width_px).max(1);
    #[expect(clippy::cast_precision_loss, reason = "pixel sizes are far below 2^24")]
    let scale = photo.width() as f32 / photo_width_px as f32;
    let mut mask = Mask::new(photo.width(), photo.height());
    render_dots(dots, scale, &mut mask);
    composite(photo, &mask, design.pigment.ink().to_srgb())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dot(x: f32, y: f32, radius: f32, opacity: f32) -> Dot {
        Dot { x_px: x, y_px: y, radius_px: radius, opacity, zone: 0 }
    }

    #[test]
    fn a_dot_covers_about_its_area() {
        let mut mask = Mask::new(40, 40);
        splat(&[dot(20.0, 20.0, 5.0, 1.0)], 1.0, &mut mask);
        let covered: f32 = mask.alpha.iter().map(|&a| f32::from(a) / 255.0).sum();
        let area = std::f32::consts::PI * 25.0;
        assert!((covered - area).abs() / area < 0.03, "{covered} vs {area}");
        assert_eq!(mask.alpha[20 * 40 + 20], 255, "full at the centre");
        assert_eq!(mask.alpha[20 * 40 + 27], 0, "nothing beyond the rim");
    }

    #[test]
    fn a_dot_across_the_middle_row_is_split_seamlessly() {
        // The mask's halves are splatted by different threads.
        let mut split = Mask::new(20, 20);
        splat(&[dot(10.0, 10.0, 3.0, 0.7)], 1.0, &mut split);
        let mut reference = Mask::new(20, 20);
        splat_rows(&[dot(10.0, 10.0, 3.0, 0.7)], 1.0, &mut reference.alpha, 20, 0, 20);
        assert_eq!(split, reference);
    }

    #[test]
    fn overlapping_dots_never_exceed_full_cover() {
        let mut mask = Mask::new(10, 10);
        let dots = vec![dot(5.0, 5.0, 3.0, 0.9); 20];
        splat(&dots, 1.0, &mut mask);
        assert_eq!(mask.alpha[5 * 10 + 5], 255);
    }

    #[test]
    fn compositing_moves_the_skin_towards_the_pigment_by_the_cover() {
        let photo = image::RgbaImage::from_pixel(2, 1, image::Rgba([200, 150, 120, 255]));
        let mask = Mask { width: 2, height: 1, alpha: vec![0, 128] };
        let out = composite(&photo, &mask, [0, 0, 0]);
        assert_eq!(out.get_pixel(0, 0).0, [200, 150, 120, 255]);
        assert_eq!(out.get_pixel(1, 0).0, [100, 75, 60, 255]);
    }
}
