//! What a preview shows: a [`Look`] (how many sessions are done, and at which stage the result is
//! seen) picks and shades the dots, which are splatted and composited over the photo.

use super::blend::PigmentBlend;
use super::density::Mask;
use super::splat::render_dots;
use crate::colour::{Stage, hiding, widening};
use crate::design::{Design, View};
use crate::follicles::{Dot, DotBuffer, Layering, generate_dots_on_skin};

/// What a preview shows: how many sessions are done, and when the result is looked at.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Look {
    /// Sessions done so far; `None`: the whole plan.
    pub after_session: Option<usize>,
    pub stage: Stage,
    /// Seen by a person this many metres away (the eye's blur, [`super::seen_from`]); `None`:
    /// as the photo shows it.
    pub seen_from_m: Option<f64>,
}

impl Look {
    /// Blurs `image` (the view's photo or its result, at any size) as the eye sees it from
    /// [`Self::seen_from_m`]; nothing for an uncalibrated view, whose millimetres are unknown.
    pub fn see(self, view: &View, image: &mut image::RgbaImage) {
        let (Some(distance_m), Some(mm_per_px)) = (self.seen_from_m, view.mm_per_px()) else {
            return;
        };
        let photo_width_px = view.photo.as_ref().map_or(image.width(), |p| p.width_px).max(1);
        let px_per_mm = f64::from(image.width()) / f64::from(photo_width_px) / mm_per_px;
        super::seen_from::seen_from(image, px_per_mm, distance_m);
    }

    /// The dots of `view` as they look: the plan's sessions so far, each dot darkened and widened
    /// for the stage ([`crate::colour::hiding`] and [`crate::colour::widening`] change every shade
    /// by the same factors).
    pub fn dots(self, design: &Design, view: &View) -> Vec<Dot> {
        let mut buffer = DotBuffer::default();
        self.dots_into(design, view, &mut buffer);
        buffer.into_dots()
    }

    /// Every dot the whole plan lays, healed, whether or not it takes: what the needle does,
    /// for counts and durations.
    pub fn laid_dots(design: &Design, view: &View) -> Vec<Dot> {
        let mut buffer = DotBuffer::default();
        let head = design.head_fit(view);
        generate_dots_on_skin(view, head.measured(), &Layering::of(design, None), design.seed, &mut buffer);
        buffer.into_dots()
    }

    /// [`Self::dots`] into `buffer`, reusing its memory: for a preview redrawn every frame.
    pub fn dots_into(self, design: &Design, view: &View, buffer: &mut DotBuffer) {
        let layering = Layering::of(design, self.after_session).with_first_session_loss(design.first_session_loss);
        let head = design.head_fit(view);
        generate_dots_on_skin(view, head.measured(), &layering, design.seed, buffer);
        if self.stage != Stage::Healed {
            let darker = hiding(1.0, self.stage) / hiding(1.0, Stage::Healed).max(f64::EPSILON);
            let wider = widening(self.stage) / widening(Stage::Healed).max(f64::EPSILON);
            #[expect(clippy::cast_possible_truncation, reason = "factors near 1")]
            let (darker, wider) = (darker as f32, wider as f32);
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
    let mut image = render_dots_on(design, view, &look.dots(design, view), photo);
    look.see(view, &mut image);
    image
}

/// [`render_preview`] for dots already generated.
pub fn render_dots_on(design: &Design, view: &View, dots: &[Dot], photo: &image::RgbaImage) -> image::RgbaImage {
    let photo_width_px = view.photo.as_ref().map_or(photo.width(), |p| p.width_px).max(1);
    #[expect(clippy::cast_precision_loss, reason = "pixel sizes are far below 2^24")]
    let scale = photo.width() as f32 / photo_width_px as f32;
    let mut mask = Mask::new(photo.width(), photo.height());
    render_dots(dots, scale, &mut mask);
    composite(photo, &mask, &PigmentBlend::new(design.pigment.ink()))
}

/// The photo with pigment laid over it: each pixel mixes with the pigment by the mask's cover,
/// in linear light ([`crate::colour::mix`]), so the skin shows through every dot's rim and
/// through light shades exactly as the shade advice predicts.
pub fn composite(photo: &image::RgbaImage, mask: &Mask, pigment: &PigmentBlend) -> image::RgbaImage {
    let mut out = photo.clone();
    for (pixel, &density) in out.pixels_mut().zip(&mask.density) {
        let [r, g, b, _] = pixel.0;
        pixel.0[..3].copy_from_slice(&pigment.blend_density([r, g, b], density));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colour::Lab;
    use crate::render::density::density_of_cover;

    #[test]
    fn compositing_moves_the_skin_towards_the_pigment_by_the_cover_in_linear_light() {
        let photo = image::RgbaImage::from_pixel(3, 1, image::Rgba([200, 150, 120, 255]));
        let half = density_of_cover(0.5);
        let mask = Mask { width: 3, height: 1, density: vec![0, half, u8::MAX] };
        let out = composite(&photo, &mask, &PigmentBlend::new(Lab::from_srgb([0, 0, 0])));
        assert_eq!(out.get_pixel(0, 0).0, [200, 150, 120, 255]);
        // Half the light of each channel: 200 is 0.578 in linear light, 0.289 encodes as 146.
        let [r, g, b, _] = out.get_pixel(1, 0).0;
        assert!(r.abs_diff(146) <= 2 && g.abs_diff(109) <= 2 && b.abs_diff(87) <= 2, "{r} {g} {b}");
        assert_eq!(out.get_pixel(2, 0).0, [0, 0, 0, 255]);
    }
}
