//! The result as a person with normal vision sees it from a distance: the image blurred by the
//! eye's resolving power there.
//!
//! The model, stated in full: normal (6/6, "20/20") vision resolves detail one minute of arc
//! across (Snellen's definition of the standard eye; ISO 8596 optotypes are built on it). At a
//! distance `d` that is `d · tan(1′)` on the head: 0.09 mm at 30 cm, 0.29 mm at 1 m, 0.87 mm at
//! 3 m. The eye is taken as a Gaussian blur whose full width at half maximum is that detail
//! (two points one minute apart are just told apart), so its standard deviation is the detail
//! divided by 2.355. The blur runs in linear light, where light from neighbouring points adds.
//! It is a model of a good eye in good light: real viewers see less, never more.

use image::RgbaImage;

use super::blend::{linear_of, srgb_of};

/// The smallest detail normal vision resolves, in minutes of arc.
pub const ACUITY_ARCMIN: f64 = 1.0;
/// A Gaussian's full width at half maximum over its standard deviation (`2·√(2·ln 2)`).
const FWHM_PER_SIGMA: f64 = 2.354_820_045;

/// The distances the studio offers, in metres, with their names.
pub const DISTANCES_M: [(f64, &str); 3] = [(0.3, "30 cm"), (1.0, "1 m"), (3.0, "3 m")];

/// The standard deviation of the eye's blur at `distance_m`, in millimetres on the head.
pub fn blur_sigma_mm(distance_m: f64) -> f64 {
    let detail_mm = distance_m.max(0.0) * 1000.0 * (ACUITY_ARCMIN / 60.0).to_radians().tan();
    detail_mm / FWHM_PER_SIGMA
}

/// Blurs `image` as the eye does from `distance_m`, for an image of `px_per_mm` pixels per
/// millimetre on the head. Alpha is left as it is. A blur under a fifth of a pixel changes
/// nothing visible and is skipped.
pub fn seen_from(image: &mut RgbaImage, px_per_mm: f64, distance_m: f64) {
    let sigma_px = blur_sigma_mm(distance_m) * px_per_mm;
    if sigma_px.is_nan() || sigma_px < 0.2 || sigma_px.is_infinite() {
        return;
    }
    gaussian_blur_linear(image, sigma_px);
}

/// Three box blurs whose widths make a Gaussian of `sigma` (Kovesi, "Fast almost-Gaussian
/// filtering", 2010): each pass costs the same whatever the width, so a 3 m view of a whole
/// photo takes as long as a 30 cm one. The three colour planes are blurred on their own threads.
fn gaussian_blur_linear(image: &mut RgbaImage, sigma: f64) {
    let (width, height) = (image.width() as usize, image.height() as usize);
    if width == 0 || height == 0 {
        return;
    }
    let mut planes: [Vec<f32>; 3] =
        std::array::from_fn(|channel| image.pixels().map(|p| f32::from(linear_of(p.0[channel]))).collect());
    let radii = box_radii(sigma);
    std::thread::scope(|scope| {
        for plane in &mut planes {
            scope.spawn(move || {
                for &radius in &radii {
                    blur_rows(plane, width, radius);
                    blur_columns(plane, width, radius);
                }
            });
        }
    });
    for (i, pixel) in image.pixels_mut().enumerate() {
        for (channel, plane) in planes.iter().enumerate() {
            // A float-to-integer cast saturates: below 0 is 0, above 65,535 is 65,535.
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "saturates to 0..=65535")]
            let linear = (plane[i] + 0.5) as u16;
            pixel.0[channel] = srgb_of(linear);
        }
    }
}

/// One box blur of `radius` along each row of `plane` (`width` wide), the edges extended.
fn blur_rows(plane: &mut [f32], width: usize, radius: usize) {
    let mut scratch = vec![0.0_f32; width];
    for row in plane.chunks_exact_mut(width) {
        box_blur_line(row, radius, &mut scratch);
    }
}

/// One box blur of `radius` down each column of `plane`, the edges extended: a running sum of
/// whole rows, so memory is read row by row.
fn blur_columns(plane: &mut [f32], width: usize, radius: usize) {
    if radius == 0 {
        return;
    }
    let height = plane.len() / width;
    let source = plane.to_vec();
    let row = |y: isize| {
        let y = usize::try_from(y.max(0)).unwrap_or(0).min(height - 1);
        &source[y * width..][..width]
    };
    let r = isize::try_from(radius).unwrap_or(isize::MAX / 4);
    #[expect(clippy::cast_precision_loss, reason = "a small width")]
    let scale = 1.0 / (2 * radius + 1) as f32;
    let mut sum = vec![0.0_f32; width];
    for k in -r..=r {
        for (total, value) in sum.iter_mut().zip(row(k)) {
            *total += value;
        }
    }
    for (y, out) in plane.chunks_exact_mut(width).enumerate() {
        for (value, total) in out.iter_mut().zip(&sum) {
            *value = total * scale;
        }
        let y = isize::try_from(y).unwrap_or(isize::MAX / 4);
        for ((total, entering), leaving) in sum.iter_mut().zip(row(y + r + 1)).zip(row(y - r)) {
            *total += entering - leaving;
        }
    }
}

/// The radii of three box blurs that together approximate a Gaussian of `sigma` pixels.
fn box_radii(sigma: f64) -> [usize; 3] {
    const PASSES: f64 = 3.0;
    let ideal_width = (12.0 * sigma * sigma / PASSES + 1.0).sqrt();
    // A width of a few hundred pixels at most.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small positive width")]
    let mut lower = ideal_width.floor() as usize;
    if lower.is_multiple_of(2) {
        lower = lower.saturating_sub(1);
    }
    let lower = lower.max(1);
    let upper = lower + 2;
    #[expect(clippy::cast_precision_loss, reason = "a small width")]
    let wl = lower as f64;
    // How many passes take the narrower width so the variances add up to sigma².
    let passes_at_lower =
        ((12.0 * sigma * sigma - PASSES * wl * wl - 4.0 * PASSES * wl - 3.0 * PASSES) / (-4.0 * wl - 4.0)).round();
    std::array::from_fn(|pass| {
        #[expect(clippy::cast_precision_loss, reason = "a pass index")]
        let width = if (pass as f64) < passes_at_lower { lower } else { upper };
        width / 2
    })
}

/// One pass of a box blur of `radius` along `line`, the edges extended.
fn box_blur_line(line: &mut [f32], radius: usize, scratch: &mut [f32]) {
    if radius == 0 || line.is_empty() {
        return;
    }
    let last = line.len() - 1;
    let at = |i: isize| line[usize::try_from(i.max(0)).unwrap_or(0).min(last)];
    let r = isize::try_from(radius).unwrap_or(isize::MAX / 4);
    #[expect(clippy::cast_precision_loss, reason = "a small width")]
    let scale = 1.0 / (2 * radius + 1) as f32;
    let mut sum: f32 = (-r..=r).map(at).sum();
    for (i, out) in scratch.iter_mut().enumerate() {
        *out = sum * scale;
        let i = isize::try_from(i).unwrap_or(isize::MAX / 4);
        sum += at(i + r + 1) - at(i - r);
    }
    line.copy_from_slice(scratch);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blur_grows_with_distance_as_one_arc_minute_does() {
        // 1′ at 1 m is 0.2909 mm; the blur's sigma is that over 2.355.
        assert!((blur_sigma_mm(1.0) - 0.2909 / 2.3548).abs() < 1e-4);
        assert!((blur_sigma_mm(3.0) / blur_sigma_mm(1.0) - 3.0).abs() < 1e-9);
        assert!((blur_sigma_mm(0.3) - 0.3 * blur_sigma_mm(1.0)).abs() < 1e-12);
    }

    #[test]
    fn box_passes_make_the_gaussian_they_stand_for() {
        for sigma in [0.8, 2.0, 5.0, 12.0] {
            // Three boxes of radius r have a variance of r(r+1)/3 each.
            let variance: f64 = box_radii(sigma)
                .iter()
                .map(|&r| {
                    #[expect(clippy::cast_precision_loss, reason = "small radii")]
                    let r = r as f64;
                    r * (r + 1.0) / 3.0
                })
                .sum();
            assert!((variance.sqrt() - sigma).abs() < 0.35 + 0.05 * sigma, "{sigma}: {}", variance.sqrt());
        }
    }

    #[test]
    fn from_afar_dots_merge_into_their_mean_in_linear_light_and_close_up_they_stay() {
        // Black dots one pixel wide every fourth pixel on white, at 10 px per mm.
        let mut image = RgbaImage::from_fn(80, 80, |x, y| {
            if x % 4 == 0 && y % 4 == 0 { image::Rgba([0, 0, 0, 255]) } else { image::Rgba([255, 255, 255, 255]) }
        });
        let mut near = image.clone();
        seen_from(&mut near, 10.0, 0.1);
        assert_eq!(near, image, "at 10 cm the blur is under a fifth of a pixel");
        seen_from(&mut image, 10.0, 3.0);
        // 15/16 of the light: 0.9375 in linear light is 248 in sRGB; the dots are gone.
        for (x, y) in [(40, 40), (41, 42), (43, 43)] {
            let value = image.get_pixel(x, y).0[0];
            assert!(value.abs_diff(248) <= 2, "({x}, {y}) is {value}");
        }
    }
}
