//! Putting dots into the mask: each thread splats its own band of rows, a dot at most a kernel's
//! size as a precomputed kernel (`kernels.rs`), a larger one pixel by pixel, and one under half a
//! pixel as shares of the four pixels around it.

use std::sync::LazyLock;

use super::density::{Mask, density_of_cover, density_steps};
use super::kernels::{Kernel, Kernels, LANES, MAX_KERNEL_RADIUS_PX, SUBPIXEL_STEPS};
use crate::follicles::Dot;
use crate::random::splitmix64;

/// Splats `dots` (in photo pixels) into `mask`, scaled by `mask_px_per_photo_px`. Work is split
/// across two threads by halves of the mask, which never share a pixel.
pub fn splat(dots: &[Dot], mask_px_per_photo_px: f32, mask: &mut Mask) {
    splat_halves(dots, Place { origin_px: [0.0; 2], scale: mask_px_per_photo_px }, mask, false);
}

/// Replaces the mask's content with `dots`: like clearing it and calling [`splat`], with each
/// thread clearing its own half.
pub fn render_dots(dots: &[Dot], mask_px_per_photo_px: f32, mask: &mut Mask) {
    render_dots_at(dots, Place { origin_px: [0.0; 2], scale: mask_px_per_photo_px }, mask);
}

/// [`render_dots`] into a mask that covers part of the photo: the mask's top-left pixel is at
/// photo pixel `place.origin_px`, and it has `place.scale` pixels per photo pixel.
pub fn render_dots_at(dots: &[Dot], place: Place, mask: &mut Mask) {
    splat_halves(dots, place, mask, true);
}

/// [`render_dots_at`] for one band of a mask's rows, on the calling thread: `rows` holds the
/// mask's rows from `first_row` on, `width` pixels each.
pub(super) fn render_dots_into_rows(dots: &[Dot], place: Place, rows: &mut [u8], width: usize, first_row: usize) {
    if width > 0 {
        Band::new(rows, width, first_row, true).splat(dots, place);
    }
}

/// Where a mask lies on the photo.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    /// The photo pixel at the mask's top-left corner.
    pub origin_px: [f32; 2],
    /// Mask pixels per photo pixel.
    pub scale: f32,
}

fn splat_halves(dots: &[Dot], place: Place, mask: &mut Mask, clear: bool) {
    let width = mask.width as usize;
    let height = mask.height as usize;
    if width == 0 || height == 0 {
        return;
    }
    let split_row = height / 2;
    let (top, bottom) = mask.density.split_at_mut(split_row * width);
    std::thread::scope(|scope| {
        scope.spawn(|| Band::new(top, width, 0, clear).splat(dots, place));
        Band::new(bottom, width, split_row, clear).splat(dots, place);
    });
}

/// Rows of the mask that one thread splats into.
struct Band<'a> {
    pixels: &'a mut [u8],
    width: usize,
    first_row: usize,
    end_row: usize,
    /// Rows before this one are cleared (or were never to be): clearing a few rows just before
    /// the first dot reaches them keeps them in the cache for the dots that follow.
    cleared_to: usize,
}

/// How far past a band a kernel-sized dot's centre may lie and still reach into it, in pixels.
const KERNEL_MARGIN_PX: f32 = MAX_KERNEL_RADIUS_PX + 2.0;

impl<'a> Band<'a> {
    /// Mask rows `first_row..` held in `pixels`, to be cleared first if `clear`.
    fn new(pixels: &'a mut [u8], width: usize, first_row: usize, clear: bool) -> Self {
        let end_row = first_row + pixels.len() / width;
        Self { pixels, width, first_row, end_row, cleared_to: if clear { first_row } else { end_row } }
    }

    /// Splats `dots`, scaled by `scale`, then clears any rows no dot reached. This runs for
    /// every dot of every frame of a drag, so the common case (a small dot) takes a few
    /// comparisons, four conversions and a kernel lookup.
    fn splat(mut self, dots: &[Dot], place: Place) {
        let (scale, [ox, oy]) = (place.scale, place.origin_px);
        #[expect(clippy::cast_precision_loss, reason = "mask sizes are far below 2^24")]
        let (top, bottom, right) = (
            self.first_row as f32 - KERNEL_MARGIN_PX,
            self.end_row as f32 + KERNEL_MARGIN_PX,
            self.width as f32 + KERNEL_MARGIN_PX,
        );
        let kernels = Kernels::get();
        for dot in dots {
            let (cx, cy, radius) = ((dot.x_px - ox) * scale, (dot.y_px - oy) * scale, dot.radius_px * scale);
            // Written to drop NaN too: a dot without a size or a shade draws nothing.
            if !(radius >= 0.0 && radius.is_finite() && dot.opacity >= 0.0) {
                continue;
            }
            let opacity = dot.opacity.min(1.0);
            if radius > MAX_KERNEL_RADIUS_PX {
                // Checks its own reach, which may be far past the kernels' margin.
                self.splat_disc(cx, cy, radius, opacity);
                continue;
            }
            if !(cy >= top && cy < bottom && cx >= -KERNEL_MARGIN_PX && cx < right) {
                continue;
            }
            if radius < 0.5 {
                self.splat_point(cx, cy, opacity * std::f32::consts::PI * radius * radius);
                continue;
            }
            let (kernel, [left, top]) = kernel_for(kernels, cx, cy, radius, opacity);
            self.add_kernel(kernel, left, top);
        }
        self.clear_to(self.end_row);
    }

    /// Clears the rows up to `row` (and a few more, in one go) not yet cleared.
    fn clear_to(&mut self, row: usize) {
        const ROWS_AT_ONCE: usize = 8;
        if row > self.cleared_to {
            let end = (row + ROWS_AT_ONCE).min(self.end_row);
            let (from, to) = ((self.cleared_to - self.first_row) * self.width, (end - self.first_row) * self.width);
            self.pixels[from..to].fill(0);
            self.cleared_to = end;
        }
    }

    /// Adds `kernel` with its top-left pixel at (`left`, `top`), which are negative where it
    /// hangs over the mask's edge.
    #[expect(
        clippy::cast_possible_wrap,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "pixel indices of a mask far smaller than 2^31 pixels a side"
    )]
    fn add_kernel(&mut self, kernel: &Kernel, left: i32, top: i32) {
        let (width, stride) = (self.width, kernel.stride);
        // The kernel rows that fall on this band.
        let rows = kernel.rows as i32;
        let first = (self.first_row as i32 - top).clamp(0, rows) as usize;
        let end = (self.end_row as i32 - top).clamp(0, rows) as usize;
        if first >= end {
            return;
        }
        // Both within the band: the kernel overlaps it.
        let (first_row, end_row) = ((top + first as i32) as usize, (top + end as i32) as usize);
        self.clear_to(end_row);
        let mut row = (first_row - self.first_row) * width;
        let density = &kernel.density[first * stride..end * stride];
        match usize::try_from(left) {
            // The common case: every padded row lies on the mask, added as whole vectors.
            Ok(left) if left + stride <= width && stride == LANES => {
                for density in density.chunks_exact(LANES) {
                    if let (Some(Ok(pixels)), Ok(density)) = (
                        self.pixels.get_mut(row + left..row + left + LANES).map(<&mut [u8; LANES]>::try_from),
                        density.try_into(),
                    ) {
                        add_lanes(pixels, density);
                    }
                    row += width;
                }
            }
            Ok(left) if left + stride <= width => {
                for density in density.chunks_exact(stride) {
                    let pixels = &mut self.pixels[row + left..row + left + stride];
                    for (pixels, density) in pixels.chunks_exact_mut(LANES).zip(density.chunks_exact(LANES)) {
                        if let (Ok(pixels), Ok(density)) = (pixels.try_into(), density.try_into()) {
                            add_lanes(pixels, density);
                        }
                    }
                    row += width;
                }
            }
            // Over the left or right edge: pixel by pixel, skipping those off the mask.
            _ => {
                for density in density.chunks_exact(stride) {
                    let pixels = &mut self.pixels[row..row + width];
                    for (kx, &density) in density.iter().enumerate() {
                        if let Some(pixel) = usize::try_from(left + kx as i32).ok().and_then(|x| pixels.get_mut(x)) {
                            *pixel = pixel.saturating_add(density);
                        }
                    }
                    row += width;
                }
            }
        }
    }

    /// Splats a dot smaller than a pixel, which darkens the four pixels around its centre by
    /// `cover` (its area times its opacity) in all, shared by how near it lies to each. Such a
    /// dot (at a preview smaller than the photo) often weighs less than one density step, so
    /// each pixel's share is rounded up or down by a draw from the dot's position, with the odds
    /// of its fraction: over the many dots of a zone the tone comes out true.
    #[expect(clippy::cast_precision_loss, reason = "pixel indices near the mask")]
    fn splat_point(&mut self, cx: f32, cy: f32, cover: f32) {
        // Pixel centres lie at half pixels; (x, y) is the one above and left of the dot's centre,
        // (share_x, share_y) how far the centre lies towards the next ones.
        let (fx, fy) = (cx - 0.5, cy - 0.5);
        let (x, y) = (round_small(fx - 0.5), round_small(fy - 0.5));
        let (share_x, share_y) = (fx - x as f32, fy - y as f32);
        let density = density_of_small_cover(cover);
        let draws = position_hash(round_small(cx * 16.0), round_small(cy * 16.0));
        // Rows y and y + 1 (when on the mask) are written below.
        self.clear_to(usize::try_from(y + 2).unwrap_or(0));
        let corners = [
            (0, 0, (1.0 - share_x) * (1.0 - share_y)),
            (1, 0, share_x * (1.0 - share_y)),
            (0, 1, (1.0 - share_x) * share_y),
            (1, 1, share_x * share_y),
        ];
        for (corner, (dx, dy, weight)) in corners.into_iter().enumerate() {
            let (Ok(column), Ok(row)) = (usize::try_from(x + dx), usize::try_from(y + dy)) else {
                continue;
            };
            if column >= self.width || !(self.first_row..self.end_row).contains(&row) {
                continue;
            }
            // Sixteen bits a pixel, centred in their step: a share of a few hundredths of a
            // step still comes out right on average.
            let bits = u16::try_from((draws >> (16 * corner)) & 0xFFFF).unwrap_or(0);
            let draw = (f32::from(bits) + 0.5) / 65_536.0;
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "saturates to 0..=255")]
            let steps = (density * weight + draw) as u8;
            let pixel = &mut self.pixels[(row - self.first_row) * self.width + column];
            *pixel = pixel.saturating_add(steps);
        }
    }

    /// Splats a dot too large for the kernels, pixel by pixel.
    /// A dot larger than the kernels, seen close up: a soft-rimmed disc. Healed pigment spreads a
    /// little into the dermis, so the rim fades over an eighth of the radius (at least a pixel,
    /// which is where the kernels' one-pixel rim takes over); the ramp is centred on the radius,
    /// so the dot still lays its true area of pigment.
    fn splat_disc(&mut self, cx: f32, cy: f32, radius: f32, opacity: f32) {
        let rim = (radius / 8.0).max(1.0);
        let reach = radius + rim / 2.0;
        #[expect(clippy::cast_precision_loss, reason = "mask sizes are far below 2^24")]
        let (top, bottom, right) = (self.first_row as f32, self.end_row as f32, self.width as f32);
        // Written to drop NaN too.
        if !(cy + reach >= top && cy - reach < bottom && cx + reach >= 0.0 && cx - reach < right) {
            return;
        }
        // Clamped to the band, so the casts are in range.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to the band")]
        let (x0, x1, y0, y1) = (
            (cx - reach).floor().max(0.0) as usize,
            ((cx + reach).ceil().min(right)) as usize,
            (cy - reach).floor().max(top) as usize,
            ((cy + reach).ceil().min(bottom)) as usize,
        );
        self.clear_to(y1);
        // Inside the rim every pixel takes the dot's full density; the rim's from a table.
        let full = density_of_cover(f64::from(opacity));
        let inner = (reach - rim).max(0.0);
        for y in y0..y1 {
            #[expect(clippy::cast_precision_loss, reason = "small pixel indices")]
            let dy = y as f32 + 0.5 - cy;
            let row = &mut self.pixels[(y - self.first_row) * self.width..][..self.width];
            for (x, pixel) in row.iter_mut().enumerate().take(x1).skip(x0) {
                #[expect(clippy::cast_precision_loss, reason = "small pixel indices")]
                let dx = x as f32 + 0.5 - cx;
                let squared = dx * dx + dy * dy;
                let density = if squared <= inner * inner {
                    full
                } else {
                    let coverage = ((reach - squared.sqrt()) / rim).clamp(0.0, 1.0);
                    // At most 255 steps, rounded.
                    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "0..=255")]
                    let steps = (density_of_small_cover(coverage * opacity) + 0.5) as u8;
                    steps
                };
                *pixel = pixel.saturating_add(density);
            }
        }
    }
}

/// `v` rounded to the nearest integer (ties to even), for `|v| < 2^22`: adding 1.5 · 2^23 puts
/// the integer in the float's low mantissa bits. Two instructions where a checked conversion
/// takes ten, for the four roundings of every dot; out of range (or for NaN) it returns
/// nonsense but never panics, so callers keep `v` in range or check the result.
pub(super) fn round_small(v: f32) -> i32 {
    const MAGIC: f32 = 12_582_912.0;
    (v + MAGIC).to_bits().cast_signed().wrapping_sub(MAGIC.to_bits().cast_signed())
}

/// [`density_steps`] for a cover from 0 to 1, from a table (to a 4096th of the light): for dots
/// smaller than a pixel (a preview of a large photo has a hundred thousand of them) and the rims
/// of dots seen close up.
fn density_of_small_cover(cover: f32) -> f32 {
    const ENTRIES: usize = 4096;
    static TABLE: LazyLock<Vec<f32>> = LazyLock::new(|| {
        #[expect(clippy::cast_possible_truncation, clippy::cast_precision_loss, reason = "steps below 256")]
        let table = (0..=ENTRIES).map(|i| density_steps(i as f64 / ENTRIES as f64).min(255.0) as f32).collect();
        table
    });
    #[expect(clippy::cast_precision_loss, reason = "a small constant")]
    let index = round_small(cover.clamp(0.0, 1.0) * ENTRIES as f32);
    usize::try_from(index).ok().and_then(|index| TABLE.get(index)).copied().unwrap_or(0.0)
}

/// 64 well-mixed bits from a position, by the simulation's own `SplitMix64`.
fn position_hash(x: i32, y: i32) -> u64 {
    splitmix64((u64::from(x.cast_unsigned()) << 32) | u64::from(y.cast_unsigned()))
}

/// The kernel of a dot at (`cx`, `cy`) and the mask pixel its top-left corner falls on.
#[expect(
    clippy::cast_possible_wrap,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    reason = "pixel indices of dots near the mask"
)]
fn kernel_for(kernels: &'static Kernels, cx: f32, cy: f32, radius: f32, opacity: f32) -> (&'static Kernel, [i32; 2]) {
    // The centre in quarter pixels, rounded. Dots reaching the mask lie at most a few pixels
    // left of or above it, so shifting by 64 pixels keeps the value positive, and dividing it
    // into whole pixels and quarters needs no care for negative numbers.
    const SHIFT_PX: i32 = 64;
    const STEPS: i32 = SUBPIXEL_STEPS as i32;
    let quantise = |v: f32| round_small((v + SHIFT_PX as f32) * STEPS as f32);
    let (qx, qy) = (quantise(cx), quantise(cy));
    let pixel = |q: i32| q / STEPS - SHIFT_PX;
    let (x, y) = (pixel(qx), pixel(qy));
    let opacity = u8::try_from(round_small(opacity * 255.0)).unwrap_or(u8::MAX);
    let kernel = kernels.kernel(radius, opacity, qx as usize, qy as usize);
    (kernel, [x - kernel.left as i32, y - kernel.top as i32])
}

/// Adds a kernel row's densities to a vector of pixels, saturating: one SIMD instruction.
#[inline]
fn add_lanes(pixels: &mut [u8; LANES], density: &[u8; LANES]) {
    let (before, density) = (*pixels, *density);
    *pixels = std::array::from_fn(|i| before[i].saturating_add(density[i]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::cover_of_density;

    fn dot(x: f32, y: f32, radius: f32, opacity: f32) -> Dot {
        Dot { x_px: x, y_px: y, radius_px: radius, opacity, zone: 0 }
    }

    /// The light the mask's pigment blocks, summed in pixels.
    fn covered_px(mask: &Mask) -> f32 {
        mask.cover().map(|a| f32::from(a) / 255.0).sum()
    }

    fn cover_at(mask: &Mask, x: u32, y: u32) -> u8 {
        cover_of_density(mask.density[(y * mask.width + x) as usize])
    }

    #[test]
    fn a_dot_covers_about_its_area() {
        // Radius 5 uses the kernels, radius 12 is drawn directly.
        for (radius, beyond_rim) in [(5.0, 27), (12.0, 34)] {
            let mut mask = Mask::new(40, 40);
            splat(&[dot(20.0, 20.0, radius, 1.0)], 1.0, &mut mask);
            let area = std::f32::consts::PI * radius * radius;
            let covered = covered_px(&mask);
            assert!((covered - area).abs() / area < 0.03, "radius {radius}: {covered} vs {area}");
            assert_eq!(cover_at(&mask, 20, 20), 255, "full at the centre");
            assert_eq!(cover_at(&mask, beyond_rim, 20), 0, "nothing beyond the rim");
        }
    }

    #[test]
    fn a_light_dot_blocks_its_opacity() {
        let mut mask = Mask::new(40, 40);
        splat(&[dot(20.0, 20.0, 5.0, 0.4)], 1.0, &mut mask);
        assert!(cover_at(&mask, 20, 20).abs_diff(102) <= 2, "{}", cover_at(&mask, 20, 20));
        let area = std::f32::consts::PI * 25.0;
        assert!((covered_px(&mask) - 0.4 * area).abs() / area < 0.03);
    }

    #[test]
    fn faint_dots_smaller_than_a_pixel_keep_their_darkness() {
        // A small preview: dots of a fifth of a pixel, each weighing a fraction of a density
        // step, spread so that they do not overlap.
        for opacity in [0.1, 0.4] {
            let mut mask = Mask::new(400, 400);
            let dots: Vec<Dot> = (0..10_000u16)
                .map(|i| {
                    let (column, row) = (f32::from(i % 100), f32::from(i / 100));
                    // Sub-pixel positions of all kinds, as a preview's dots fall.
                    let (dx, dy) = (f32::from(i % 7) / 7.0, f32::from(i % 11) / 11.0);
                    dot(2.0 + column * 4.0 + dx, 2.0 + row * 4.0 + dy, 0.1, opacity)
                })
                .collect();
            splat(&dots, 1.0, &mut mask);
            let expected = 10_000.0 * std::f32::consts::PI * 0.01 * opacity;
            let covered = covered_px(&mask);
            assert!((covered - expected).abs() / expected < 0.05, "opacity {opacity}: {covered} vs {expected}");
        }
    }

    #[test]
    fn overlapping_dots_combine_like_layered_pigment() {
        // Two layers each blocking half the light block three quarters of it.
        let mut mask = Mask::new(20, 20);
        splat(&[dot(10.0, 10.0, 4.0, 0.5), dot(10.0, 10.0, 4.0, 0.5)], 1.0, &mut mask);
        assert!(cover_at(&mask, 10, 10).abs_diff(191) <= 3, "{}", cover_at(&mask, 10, 10));
    }

    #[test]
    fn a_dot_across_the_middle_row_is_split_seamlessly() {
        // The mask's halves are splatted by different threads.
        let mut split = Mask::new(20, 20);
        splat(&[dot(10.0, 10.0, 3.0, 0.7)], 1.0, &mut split);
        let mut reference = Mask::new(20, 20);
        Band::new(&mut reference.density, 20, 0, false)
            .splat(&[dot(10.0, 10.0, 3.0, 0.7)], Place { origin_px: [0.0; 2], scale: 1.0 });
        assert_eq!(split, reference);
    }

    #[test]
    fn a_dot_over_the_mask_edge_is_clipped() {
        let mut mask = Mask::new(20, 20);
        splat(&[dot(0.0, 20.0, 3.0, 1.0)], 1.0, &mut mask);
        let quarter = std::f32::consts::PI * 9.0 / 4.0;
        assert!((covered_px(&mask) - quarter).abs() / quarter < 0.15, "{}", covered_px(&mask));
    }

    #[test]
    fn overlapping_dots_never_exceed_full_cover() {
        let mut mask = Mask::new(10, 10);
        let dots = vec![dot(5.0, 5.0, 3.0, 0.9); 20];
        splat(&dots, 1.0, &mut mask);
        assert_eq!(cover_at(&mask, 5, 5), 255);
    }

    #[test]
    fn hostile_dots_are_skipped_or_clipped_never_a_panic() {
        let odd = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -1e30, 1e30, -3.0, 0.0, 0.49, 7.9, 40.0];
        let dots: Vec<Dot> = odd
            .iter()
            .flat_map(|&a| odd.iter().map(move |&b| dot(a, b, a.abs().min(50.0), b)))
            .chain(odd.iter().map(|&r| dot(5.0, 5.0, r, 0.5)))
            .chain(odd.iter().map(|&r| dot(0.0, 9.9, r, 2.0)))
            .collect();
        for (width, height) in [(1, 1), (1, 9), (9, 1), (10, 10), (0, 5)] {
            let mut mask = Mask::new(width, height);
            mask.density.fill(200);
            render_dots(&dots, 1.0, &mut mask);
            render_dots(&dots, 0.1, &mut mask);
            // Rendering nothing clears every pixel, however the mask was left.
            render_dots(&[], 1.0, &mut mask);
            assert!(mask.density.iter().all(|&d| d == 0), "{width} x {height}");
        }
    }

    #[test]
    fn dots_without_a_place_draw_nothing() {
        let mut mask = Mask::new(40, 40);
        for radius in [0.3, 3.0, 20.0] {
            for (x, y) in [(f32::NAN, 20.0), (20.0, f32::NAN), (f32::INFINITY, 20.0), (20.0, f32::NEG_INFINITY)] {
                splat(&[dot(x, y, radius, 0.8)], 1.0, &mut mask);
            }
        }
        assert!(mask.density.iter().all(|&d| d == 0));
    }

    #[test]
    fn a_large_dot_reaches_across_the_middle_of_the_mask() {
        // The halves are splatted by different threads; this dot's centre is 15 px above the
        // lower half, which it reaches by 5 px.
        let mut mask = Mask::new(100, 100);
        splat(&[dot(50.0, 35.0, 20.0, 1.0)], 1.0, &mut mask);
        assert_eq!(cover_at(&mask, 50, 52), 255);
        let area = std::f32::consts::PI * 400.0;
        assert!((covered_px(&mask) - area).abs() / area < 0.03);
    }

    #[test]
    fn rendering_replaces_the_previous_frame_everywhere() {
        let mut mask = Mask::new(64, 64);
        mask.density.fill(99);
        let dots = [dot(10.0, 10.0, 0.3, 0.8), dot(40.0, 50.0, 2.0, 0.8), dot(31.5, 32.2, 12.0, 0.5)];
        render_dots(&dots, 1.0, &mut mask);
        let mut fresh = Mask::new(64, 64);
        splat(&dots, 1.0, &mut fresh);
        assert_eq!(mask, fresh);
    }
}
