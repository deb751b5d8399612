//! What a preview shows: a [`Look`] (how many sessions are done, and at which stage the result is
//! seen) picks and shades the dots, which are splatted and composited over the photo.

use super::density::Mask;
use super::splat::render_dots;
use crate::colour::{Stage, hiding, widening};
use crate::design::{Design, View};
use crate::follicles::{Dot, DotBuffer, Layering, generate_dots_into};

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
        let mut buffer = DotBuffer::default();
        self.dots_into(design, view, &mut buffer);
        buffer.into_dots()
    }

    /// [`Self::dots`] into `buffer`, reusing its memory: for a preview redrawn every frame.
    pub fn dots_into(self, design: &Design, view: &View, buffer: &mut DotBuffer) {
        let layering = Layering::of(design, self.after_session);
        generate_dots_into(view, &layering, design.seed, buffer);
        if self.stage != Stage::Healed {
            let darker = hiding(1.0, self.stage) / hiding(1.0, Stage::Healed).max(f64::EPSILON);
            #[expect(clippy::cast_possible_truncation, reason = "factors near 1")]
            let (darker, wider) = (darker as f32, widening(self.stage) as f32);
            for dot in buffer.dots_mut() {
                dot.opacity = (dot.opacity * darker).min(1.0);
                dot.radius_px *= wider;
            }
        }
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

/// The photo with pigment laid over it: each pixel moves towards `pigment` by the mask's
/// cover (`photo × (1 − a) + pigment × a`), so the skin shows through every dot's rim and
/// through light shades.
pub fn composite(photo: &image::RgbaImage, mask: &Mask, pigment: [u8; 3]) -> image::RgbaImage {
    let mut out = photo.clone();
    for (pixel, alpha) in out.pixels_mut().zip(mask.cover()) {
        let a = u16::from(alpha);
        for (channel, &ink) in pixel.0[..3].iter_mut().zip(&pigment) {
            let blended = (u16::from(*channel) * (255 - a) + u16::from(ink) * a + 127) / 255;
            *channel = u8::try_from(blended).unwrap_or(u8::MAX);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::density::density_of_cover;

    #[test]
    fn compositing_moves_the_skin_towards_the_pigment_by_the_cover() {
        let photo = image::RgbaImage::from_pixel(3, 1, image::Rgba([200, 150, 120, 255]));
        let half = density_of_cover(0.5);
        let mask = Mask { width: 3, height: 1, density: vec![0, half, u8::MAX] };
        let out = composite(&photo, &mask, [0, 0, 0]);
        assert_eq!(out.get_pixel(0, 0).0, [200, 150, 120, 255]);
        let [r, g, b, _] = out.get_pixel(1, 0).0;
        assert!(r.abs_diff(100) <= 2 && g.abs_diff(75) <= 2 && b.abs_diff(60) <= 2, "{r} {g} {b}");
        assert_eq!(out.get_pixel(2, 0).0, [0, 0, 0, 255]);
    }
}
