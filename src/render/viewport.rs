//! The visible part of a view at the screen's own resolution: the dots are splatted at the
//! size they have on screen, so at any zoom each is a round, soft impression of its true
//! diameter rather than a magnified pixel of a fixed-size preview.
//!
//! The photo is kept on the CPU at a few sizes ([`PhotoLevels`]); a pixel with pigment takes the
//! photo's colour there from the finest level no finer than needed and mixes it with the pigment
//! in linear light ([`PigmentBlend`]). Pixels without pigment stay transparent, so the canvas
//! shows its own photo through them; seen from a distance ([`super::seen_from`]) every pixel is
//! filled, since the eye blurs the skin as well as the dots.

use image::RgbaImage;

use super::blend::{PigmentBlend, linear_of, srgb_of};
use super::density::Mask;
use super::splat::{Place, render_dots_into_rows};
use crate::follicles::Dot;

/// Where the output lies on the photo.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// The photo pixel at the output's top-left corner.
    pub origin_px: [f64; 2],
    /// Output pixels per photo pixel: the zoom, times the screen's pixels per point.
    pub scale: f64,
    pub width: u32,
    pub height: u32,
}

/// A photo on the CPU at its kept size and at successive halvings of it.
pub struct PhotoLevels {
    /// Finest first; each level half the size of the one before.
    levels: Vec<RgbaImage>,
    /// The original photo's width, in pixels, which the design's coordinates refer to.
    photo_width_px: u32,
}

/// The coarsest level kept: a few hundred pixels a side.
const SMALLEST_LEVEL_SIDE: u32 = 256;

impl PhotoLevels {
    /// Levels from `image`, a copy of a photo `photo_width_px` wide (at most that size).
    pub fn new(image: RgbaImage, photo_width_px: u32) -> Self {
        let mut levels = vec![image];
        while let Some(last) = levels.last()
            && last.width().min(last.height()) >= 2 * SMALLEST_LEVEL_SIDE
        {
            let half = halve(last);
            levels.push(half);
        }
        Self { levels, photo_width_px: photo_width_px.max(1) }
    }

    /// The finest level.
    pub fn finest(&self) -> &RgbaImage {
        &self.levels[0]
    }

    /// The level to sample at `scale` output pixels per photo pixel, with its own pixels per
    /// photo pixel: the coarsest level that is still at least as fine as the output (or the
    /// finest, when zoomed in past it).
    fn level_for(&self, scale: f64) -> (&RgbaImage, f64) {
        let per_photo_px = |level: &RgbaImage| f64::from(level.width()) / f64::from(self.photo_width_px);
        let chosen = self.levels.iter().rev().find(|level| per_photo_px(level) >= scale).unwrap_or(&self.levels[0]);
        (chosen, per_photo_px(chosen))
    }
}

/// `image` at half its size, each pixel the mean of four in linear light.
fn halve(image: &RgbaImage) -> RgbaImage {
    let (width, height) = (image.width() / 2, image.height() / 2);
    RgbaImage::from_fn(width, height, |x, y| {
        let mut sum = [0_u32; 3];
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let pixel = image.get_pixel(2 * x + dx, 2 * y + dy).0;
            for (total, &channel) in sum.iter_mut().zip(&pixel[..3]) {
                *total += u32::from(linear_of(channel));
            }
        }
        let [r, g, b] = sum.map(|total| srgb_of(u16::try_from(total / 4).unwrap_or(u16::MAX)));
        image::Rgba([r, g, b, 255])
    })
}

/// Memory kept from one frame to the next.
#[derive(Default)]
pub struct ViewportBuffers {
    mask: Option<Mask>,
}

impl ViewportBuffers {
    /// The share of the last output the pigment covers (0 to 1), if there was one.
    pub fn coverage(&self) -> Option<f64> {
        let mask = self.mask.as_ref()?;
        let sum: u64 = mask.cover().map(u64::from).sum();
        #[expect(clippy::cast_precision_loss, reason = "a ratio")]
        let share = sum as f64 / (255.0 * mask.density.len().max(1) as f64);
        Some(share)
    }
}

/// What the output shows where there is no pigment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Backdrop {
    /// Nothing: those pixels are transparent, for the canvas to show its own photo through.
    Transparent,
    /// The photo: every pixel is filled, as a blur seen from a distance needs.
    Photo,
    /// The photo corrected for its light by a matrix on linear-light sRGB (rows: output
    /// channels; see `colour::WhiteBalance::linear_rgb_matrix`), the pigment mixed over it.
    CorrectedPhoto([[f32; 3]; 3]),
}

/// The view's `dots` over `photo` as the output shows them (premultiplied RGBA, row by row):
/// pixels with pigment hold the photo mixed with it, the others the `backdrop`. Two threads
/// each splat, then mix, half of the rows, so a half's mask is still in the cache when mixed.
pub fn render_viewport(
    photo: &PhotoLevels,
    dots: &[Dot],
    viewport: &Viewport,
    pigment: &PigmentBlend,
    backdrop: Backdrop,
    buffers: &mut ViewportBuffers,
) -> RgbaImage {
    let (width, height) = (viewport.width.max(1), viewport.height.max(1));
    let mask = buffers.mask.get_or_insert_with(|| Mask::new(width, height));
    if (mask.width, mask.height) != (width, height) {
        *mask = Mask::new(width, height);
    }
    #[expect(clippy::cast_possible_truncation, reason = "photo coordinates and zooms fit f32")]
    let place =
        Place { origin_px: [viewport.origin_px[0] as f32, viewport.origin_px[1] as f32], scale: viewport.scale as f32 };
    let (level, level_scale) = photo.level_for(viewport.scale);
    let sampler = Sampler::new(level, viewport, level_scale);
    let fill = backdrop != Backdrop::Transparent;
    let correction = match backdrop {
        Backdrop::CorrectedPhoto(matrix) => Some(matrix),
        Backdrop::Transparent | Backdrop::Photo => None,
    };
    let mut out = RgbaImage::new(width, height);
    let (width, split) = (width as usize, height as usize / 2);
    let (out_top, out_bottom) = out.split_at_mut(split * width * 4);
    let (mask_top, mask_bottom) = mask.density.split_at_mut(split * width);
    let half = |out: &mut [u8], mask: &mut [u8], first_row: usize| {
        render_dots_into_rows(dots, place, mask, width, first_row);
        mix_rows(&sampler, pigment, (fill, correction.as_ref()), out, mask, first_row);
    };
    std::thread::scope(|scope| {
        scope.spawn(|| half(out_top, mask_top, 0));
        half(out_bottom, mask_bottom, split);
    });
    out
}

/// Mixes the photo, corrected by `correction` if any, with the pigment of `mask`'s rows (from
/// `first_row` on) into `out`, which is transparent to begin with. Without `fill`, pixels
/// without pigment stay transparent.
fn mix_rows(
    sampler: &Sampler<'_>,
    pigment: &PigmentBlend,
    (fill, correction): (bool, Option<&[[f32; 3]; 3]>),
    out: &mut [u8],
    mask: &[u8],
    first_row: usize,
) {
    let width = sampler.columns.len();
    for (y, (row, densities)) in out.chunks_exact_mut(width * 4).zip(mask.chunks_exact(width)).enumerate() {
        let source = sampler.row(first_row + y);
        // Runs of bare skin are left transparent as they are, without reading the photo under
        // them; inside a run with pigment, every pixel is mixed and the bare ones masked out
        // without a branch: pigment and no pigment alternate too often there to guess.
        let runs = row.chunks_mut(4 * RUN).zip(densities.chunks(RUN)).zip(sampler.columns.chunks(RUN));
        for ((pixels, densities), columns) in runs {
            if !fill && densities.iter().all(|&density| density == 0) {
                continue;
            }
            for ((pixel, &density), &column) in pixels.chunks_exact_mut(4).zip(densities).zip(columns) {
                let photo = Sampler::at(source, column);
                let photo = correction.map_or(photo, |matrix| corrected(matrix, photo));
                let [r, g, b] = pigment.blend_density(photo, density);
                let shown = if fill || density != 0 { u32::MAX } else { 0 };
                pixel.copy_from_slice(&(u32::from_le_bytes([r, g, b, 255]) & shown).to_le_bytes());
            }
        }
    }
}

/// `rgb` through `matrix` in linear light.
fn corrected(matrix: &[[f32; 3]; 3], rgb: [u8; 3]) -> [u8; 3] {
    let linear = rgb.map(|channel| f32::from(linear_of(channel)));
    matrix.map(|row| {
        let value = row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2];
        // A float-to-integer cast saturates: out-of-gamut light clips to 0 or 65,535.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "saturates to 0..=65535")]
        let linear = (value + 0.5) as u16;
        srgb_of(linear)
    })
}

/// The index of the pixel `at` (a position in pixels) lies in, among `end`: the edge pixel's
/// past either edge. The viewport reaches at most a pixel past the photo (the canvas rounds it
/// out to whole screen pixels), and that sliver shows the photo's edge, not a stray colour.
/// `None` when there is no pixel or `at` is NaN.
fn nearest_index(at: f64, end: u32) -> Option<u32> {
    let last = end.checked_sub(1)?;
    // Clamped, so the cast is in range.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 0..end")]
    (!at.is_nan()).then(|| at.clamp(0.0, f64::from(last)) as u32)
}

/// Output pixels checked for pigment at once.
const RUN: usize = 16;

/// What the output shows beyond the photo's edge: a mid grey.
const OFF_PHOTO: [u8; 3] = [128; 3];

/// Nearest-pixel lookups of output pixels in one level of the photo.
struct Sampler<'a> {
    level: &'a RgbaImage,
    /// For each output column, the level's column (`None` only for an empty level).
    columns: Vec<Option<u32>>,
    origin_y: f64,
    step: f64,
}

impl<'a> Sampler<'a> {
    fn new(level: &'a RgbaImage, viewport: &Viewport, level_scale: f64) -> Self {
        let step = level_scale / viewport.scale.max(f64::MIN_POSITIVE);
        let index = |output: u32, origin: f64, end: u32| {
            let at = origin * level_scale + (f64::from(output) + 0.5) * step;
            nearest_index(at, end)
        };
        let columns = (0..viewport.width.max(1)).map(|x| index(x, viewport.origin_px[0], level.width())).collect();
        Self { level, columns, origin_y: viewport.origin_px[1] * level_scale, step }
    }

    /// The level's row under output row `y` (`None` only for an empty level).
    fn row(&self, y: usize) -> Option<&'a [u8]> {
        #[expect(clippy::cast_precision_loss, reason = "output rows are few")]
        let at = self.origin_y + (y as f64 + 0.5) * self.step;
        let row = nearest_index(at, self.level.height())? as usize;
        let stride = self.level.width() as usize * 4;
        self.level.as_raw().get(row * stride..(row + 1) * stride)
    }

    /// The photo's colour at a `column` of a level's `row`; a mid grey for an empty level.
    #[inline]
    fn at(row: Option<&[u8]>, column: Option<u32>) -> [u8; 3] {
        match (row, column) {
            (Some(row), Some(column)) => {
                let p = &row[column as usize * 4..][..3];
                [p[0], p[1], p[2]]
            }
            _ => OFF_PHOTO,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colour::{Lab, carbon_ink};

    fn dot(x: f32, y: f32, radius: f32) -> Dot {
        Dot { x_px: x, y_px: y, radius_px: radius, opacity: 0.6, zone: 0 }
    }

    fn skin_photo(side: u32) -> PhotoLevels {
        PhotoLevels::new(RgbaImage::from_pixel(side, side, image::Rgba([196, 150, 122, 255])), side)
    }

    /// The output pixels with pigment, and their extent across (in output pixels).
    fn inked(image: &RgbaImage) -> (usize, u32) {
        let inked: Vec<(u32, u32)> =
            image.enumerate_pixels().filter(|(_, _, p)| p.0[3] > 0).map(|(x, y, _)| (x, y)).collect();
        let span = inked.iter().map(|&(x, _)| x).max().unwrap_or(0) - inked.iter().map(|&(x, _)| x).min().unwrap_or(0);
        (inked.len(), span + 1)
    }

    #[test]
    fn zoomed_in_a_dot_is_drawn_at_its_size_on_screen_not_magnified() {
        let photo = skin_photo(400);
        let pigment = PigmentBlend::new(carbon_ink());
        let mut buffers = ViewportBuffers::default();
        // A dot 3 photo pixels across, seen at 800 %: about 24 output pixels across, and round.
        let dots = [dot(100.0, 100.0, 1.5)];
        let viewport = Viewport { origin_px: [90.0, 90.0], scale: 8.0, width: 160, height: 160 };
        let image = render_viewport(&photo, &dots, &viewport, &pigment, Backdrop::Transparent, &mut buffers);
        let (count, span) = inked(&image);
        assert!((23..=27).contains(&span), "spans {span} px");
        let disc = std::f64::consts::PI * 12.0 * 12.0;
        assert!((f64::from(u32::try_from(count).unwrap()) - disc).abs() < disc * 0.15, "{count} px inked");
        // The centre is the model's colour for the dot's cover; the rim is lighter.
        let centre = Lab::from_srgb(rgb(&image, 80, 80));
        let expected = crate::colour::mix(Lab::from_srgb([196, 150, 122]), carbon_ink(), 0.6);
        assert!(centre.delta_e_2000(expected) < 1.0, "{centre:?} vs {expected:?}");
        let rim = Lab::from_srgb(rgb(&image, 80 + 11, 80));
        assert!(rim.l > centre.l + 1.0, "a soft rim: {rim:?} vs {centre:?}");
        // Outside the viewport's photo window, nothing: a dot left of the origin does not show.
        let off =
            render_viewport(&photo, &[dot(50.0, 100.0, 1.5)], &viewport, &pigment, Backdrop::Transparent, &mut buffers);
        assert_eq!(inked(&off).0, 0);
    }

    #[test]
    fn the_opaque_viewport_shows_the_photo_where_there_is_no_pigment() {
        let photo = skin_photo(1024);
        let pigment = PigmentBlend::new(carbon_ink());
        let viewport = Viewport { origin_px: [0.0, 0.0], scale: 0.25, width: 300, height: 300 };
        let image = render_viewport(&photo, &[], &viewport, &pigment, Backdrop::Photo, &mut ViewportBuffers::default());
        assert_eq!(image.get_pixel(10, 10).0, [196, 150, 122, 255]);
        // Past the photo's edge (1024 px at a quarter is 256 output pixels): the edge's colour.
        assert_eq!(image.get_pixel(280, 10).0, [196, 150, 122, 255]);
    }

    #[test]
    fn the_corrected_backdrop_runs_the_photo_through_the_matrix_in_linear_light() {
        let photo = skin_photo(512);
        let pigment = PigmentBlend::new(carbon_ink());
        let viewport = Viewport { origin_px: [0.0, 0.0], scale: 0.5, width: 100, height: 100 };
        // Red halved in linear light, green and blue kept.
        let matrix = [[0.5, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
        let image = render_viewport(
            &photo,
            &[],
            &viewport,
            &pigment,
            Backdrop::CorrectedPhoto(matrix),
            &mut ViewportBuffers::default(),
        );
        let red = srgb_of(linear_of(196) / 2);
        assert_eq!(image.get_pixel(10, 10).0, [red, 150, 122, 255]);
        let identity = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
        let same = render_viewport(
            &photo,
            &[],
            &viewport,
            &pigment,
            Backdrop::CorrectedPhoto(identity),
            &mut ViewportBuffers::default(),
        );
        assert_eq!(same.get_pixel(10, 10).0, [196, 150, 122, 255], "the identity changes nothing");
    }

    #[test]
    fn levels_halve_in_linear_light() {
        let mut stripes = RgbaImage::new(1024, 1024);
        for (x, _, pixel) in stripes.enumerate_pixels_mut() {
            *pixel = if x % 2 == 0 { image::Rgba([255, 255, 255, 255]) } else { image::Rgba([0, 0, 0, 255]) };
        }
        let levels = PhotoLevels::new(stripes, 1024);
        assert_eq!(levels.levels.len(), 3, "1024, 512 and 256 a side");
        // Half white, half black is half the light: 188 in sRGB, not 128.
        assert_eq!(levels.levels[1].get_pixel(3, 3).0, [188, 188, 188, 255]);
        assert_eq!(levels.level_for(0.3).0.width(), 512);
        assert_eq!(levels.level_for(0.2).0.width(), 256);
        assert_eq!(levels.level_for(4.0).0.width(), 1024);
    }

    fn rgb(image: &RgbaImage, x: u32, y: u32) -> [u8; 3] {
        let [red, green, blue, _] = image.get_pixel(x, y).0;
        [red, green, blue]
    }
}
