//! The simulated SMP preview on screen, drawn at the screen's own resolution: the part of the
//! photo the canvas shows is rendered pixel for pixel ([`crate::render::render_viewport`]), so
//! every dot is a round impression of its true size at any zoom, mixed with the photo in linear
//! light as the shade advice, `render` and the design sheet are. The dots are regenerated only
//! when the design (its revision), the view or the look changes, and the pixels only when that
//! or the viewport does: dragging a point renders once per frame, an idle window nothing.

use crate::colour::Stage;
use crate::design::{Document, View, ViewId};
use crate::follicles::DotBuffer;
use crate::format::thousands;
use std::sync::mpsc;

use image::RgbaImage;

use crate::render::{Backdrop, Look, PhotoLevels, PigmentBlend, Viewport, ViewportBuffers, render_viewport};

/// How the result is compared with the bare photo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Compare {
    /// Only the result.
    #[default]
    Off,
    /// The bare photo left of a divider, the result right of it.
    Split,
    /// The bare photo and the result side by side.
    SideBySide,
}

/// The cached preview of one view.
#[derive(Default)]
pub struct Preview {
    pub enabled: bool,
    /// Fresh, healed, or years later; after which session; seen from how far.
    pub look: Look,
    pub compare: Compare,
    /// Whether the canvas shows the photo corrected for its light (when its view has a neutral
    /// grey): then the photo is drawn through the preview, with or without its dots.
    pub photo_corrected: bool,
    /// With [`Compare::Split`], the share of the photo's width, from the left, shown bare.
    pub before_share: f32,
    /// What the dots were made for: see [`DotsKey`].
    dots_key: Option<DotsKey>,
    /// The dots' memory, kept between frames.
    dots: DotBuffer,
    dot_count: usize,
    /// What the texture was last asked to show: the dots' key, the viewport, whether the dots
    /// are shown and whether the photo is corrected.
    pixels_key: Option<(DotsKey, Viewport, bool, bool)>,
    buffers: ViewportBuffers,
    /// The pigment's tables (192 kB), made again only when the pigment changes.
    pigment: Option<(crate::colour::Lab, PigmentBlend)>,
    texture: Option<egui::TextureHandle>,
    /// The viewport the texture shows: behind the asked one while the eye's blur is worked out.
    shown: Option<Shown>,
    /// The eye's blur at a distance, worked out off the UI thread (about a tenth of a second for
    /// a large window), and the latest image waiting for it.
    blurring: Option<Blurring>,
    to_blur: Option<ToBlur>,
}

/// The design's revision, the healed model's generation (the clinic's calibration), the view
/// and the look: what the dots are made for.
type DotsKey = (u64, u64, ViewId, Look);

/// What the texture shows.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Shown {
    viewport: Viewport,
    /// How far away it is seen from, when blurred for it.
    seen_from_m: Option<f64>,
}

/// A sharp image to blur as the eye does from `distance_m`.
struct ToBlur {
    image: RgbaImage,
    viewport: Viewport,
    px_per_mm: f64,
    distance_m: f64,
}

/// A blur under way on its own thread.
struct Blurring {
    shown: Shown,
    result: mpsc::Receiver<RgbaImage>,
}

impl Preview {
    /// A preview that is on.
    pub fn shown() -> Self {
        Self {
            enabled: true,
            look: Look { after_session: None, stage: Stage::Healed, seen_from_m: None },
            before_share: 0.5,
            ..Self::default()
        }
    }

    /// Drops the last result: the canvas shows no photo to lay it over (a new design, a photo
    /// still loading or missing), and no count may be left over from it.
    pub fn forget(&mut self) {
        self.texture = None;
        self.dot_count = 0;
        // The count is gone with the texture: the dots are made again when next shown.
        self.dots_key = None;
        self.pixels_key = None;
        self.shown = None;
        self.blurring = None;
        self.to_blur = None;
    }

    /// How far away the image on screen is seen from, once its blur is done.
    pub fn shown_seen_from_m(&self) -> Option<f64> {
        self.shown?.seen_from_m
    }

    /// Whether the texture shows the photo corrected for its light.
    pub fn shows_corrected_photo(&self) -> bool {
        self.texture.is_some() && self.pixels_key.is_some_and(|(_, _, _, corrected)| corrected)
    }

    /// Whether the eye's blur of the latest image is still being worked out.
    pub fn blurring(&self) -> bool {
        self.blurring.is_some() || self.to_blur.is_some()
    }

    /// The share of the last rendered viewport the pigment covers (0 to 1).
    pub fn coverage(&self) -> Option<f64> {
        self.texture.as_ref()?;
        self.buffers.coverage()
    }

    /// The status bar's dot count for `view`, or why there is no preview.
    pub fn dot_count_ui(&self, ui: &mut egui::Ui, view: Option<&View>) {
        let estimate = view.and_then(crate::follicles::estimated_dots).unwrap_or(0.0);
        if estimate > crate::follicles::MAX_SIMULATED_DOTS {
            // Whole dots, far inside u64.
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a positive estimate")]
            let estimate = estimate as u64;
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("No preview: the zones would hold {} dots. Check the calibration.", thousands(estimate)),
            );
        } else if self.texture.is_some() && self.enabled {
            ui.label(format!("{} in the preview", crate::format::count(self.dot_count, "dot"))).on_hover_text(
                "The dots the preview shows: after session 1 only those that took, so fewer than the zones' totals.",
            );
            if self.blurring() {
                ui.spinner().on_hover_text("Working out how the result looks from afar");
            }
        }
    }

    /// The preview of `view` over the part of `photo` that `viewport` shows (premultiplied:
    /// transparent where there is no pigment, unless seen from a distance, which blurs the
    /// skin too and covers everything), with the viewport it shows: seen from a distance, the
    /// last blurred image stays on screen, where it was, until the blur of the latest is done.
    pub fn texture(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        view: ViewId,
        photo: &PhotoLevels,
        viewport: Viewport,
    ) -> Option<(&egui::TextureHandle, Viewport)> {
        let design = document.design();
        let Some(shown) = design.view(view).filter(|v| v.photo.is_some()) else {
            self.forget();
            return None;
        };
        #[expect(clippy::cast_possible_truncation, reason = "a colour matrix near the identity")]
        let correction = crate::report::white_balance(shown)
            .filter(|_| self.photo_corrected)
            .map(|balance| balance.linear_rgb_matrix().map(|row| row.map(|m| m as f32)));
        if !self.enabled && correction.is_none() {
            // Nothing to draw: no texture may be left over from a corrected photo.
            self.forget();
            return None;
        }
        let dots_key = (document.revision(), crate::colour::healed_model_generation(), view, self.look);
        if self.enabled && self.dots_key != Some(dots_key) {
            self.dots_key = Some(dots_key);
            self.look.dots_into(design, shown, &mut self.dots);
            self.dot_count = self.dots.dots().len();
        }
        let key = (dots_key, viewport, self.enabled, correction.is_some());
        if self.pixels_key != Some(key) || self.texture.is_none() {
            self.pixels_key = Some(key);
            let ink = design.pigment.ink();
            if self.pigment.as_ref().is_some_and(|(made_for, _)| *made_for != ink) {
                self.pigment = None;
            }
            let (_, pigment) = self.pigment.get_or_insert_with(|| (ink, PigmentBlend::new(ink)));
            let dots = if self.enabled { self.dots.dots() } else { &[] };
            let seen_from = self.look.seen_from_m.filter(|_| self.enabled);
            let photo_backdrop = correction.map_or(Backdrop::Photo, Backdrop::CorrectedPhoto);
            if let (Some(distance_m), Some(mm_per_px)) = (seen_from, shown.mm_per_px()) {
                let image = render_viewport(photo, dots, &viewport, pigment, photo_backdrop, &mut self.buffers);
                if self.texture.is_none() {
                    // Something at once; the blur follows.
                    self.upload(ctx, image.clone(), Shown { viewport, seen_from_m: None });
                }
                let px_per_mm = viewport.scale / mm_per_px;
                self.to_blur = Some(ToBlur { image, viewport, px_per_mm, distance_m });
            } else {
                let backdrop = if correction.is_some() { photo_backdrop } else { Backdrop::Transparent };
                let image = render_viewport(photo, dots, &viewport, pigment, backdrop, &mut self.buffers);
                self.blurring = None;
                self.to_blur = None;
                self.upload(ctx, image, Shown { viewport, seen_from_m: None });
            }
        }
        self.blur_in_background(ctx);
        Some((self.texture.as_ref()?, self.shown?.viewport))
    }

    /// Shows a finished blur and starts the next; the blur's thread asks for the frame that
    /// shows it.
    fn blur_in_background(&mut self, ctx: &egui::Context) {
        if let Some(blurring) = &self.blurring {
            match blurring.result.try_recv() {
                Ok(image) => {
                    let shown = blurring.shown;
                    self.blurring = None;
                    self.upload(ctx, image, shown);
                }
                Err(mpsc::TryRecvError::Empty) => {}
                // The thread is gone without a result: the sharp image stays.
                Err(mpsc::TryRecvError::Disconnected) => self.blurring = None,
            }
        }
        if self.blurring.is_none()
            && let Some(ToBlur { mut image, viewport, px_per_mm, distance_m }) = self.to_blur.take()
        {
            let (sender, result) = mpsc::channel();
            let ctx = ctx.clone();
            let spawned = std::thread::Builder::new().name("seen from".to_owned()).spawn(move || {
                crate::render::seen_from(&mut image, px_per_mm, distance_m);
                // The preview may have moved on and dropped the receiver: nothing to show then.
                if sender.send(image).is_ok() {
                    ctx.request_repaint();
                }
            });
            if spawned.is_ok() {
                self.blurring = Some(Blurring { shown: Shown { viewport, seen_from_m: Some(distance_m) }, result });
            }
        }
    }

    /// Puts `image` on screen.
    fn upload(&mut self, ctx: &egui::Context, image: RgbaImage, shown: Shown) {
        let size = [image.width() as usize, image.height() as usize];
        // Premultiplied RGBA bytes are Color32s: reinterpreted, not copied, when aligned.
        let pixels = match bytemuck::allocation::try_cast_vec::<u8, egui::Color32>(image.into_raw()) {
            Ok(pixels) => pixels,
            Err((_, bytes)) => {
                bytes.chunks_exact(4).map(|p| egui::Color32::from_rgba_premultiplied(p[0], p[1], p[2], p[3])).collect()
            }
        };
        let image = egui::ColorImage::new(size, pixels);
        // One texel per screen pixel: nothing to filter.
        let options = egui::TextureOptions::NEAREST;
        match &mut self.texture {
            Some(texture) => texture.set(image, options),
            None => self.texture = Some(ctx.load_texture("follicle preview", image, options)),
        }
        self.shown = Some(shown);
    }
}

/// Where on screen to draw an image of viewport `shown`, and which part of it (its uv), when
/// `now` (the canvas's current viewport) lies at `now_rect`: the same place on the photo, even
/// after a pan or a zoom, and never outside `now_rect` (in Split, the bare photo's side).
pub fn placed(now_rect: egui::Rect, now: &Viewport, shown: &Viewport) -> (egui::Rect, egui::Rect) {
    let whole = egui::Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(1.0, 1.0));
    if shown == now || now.width == 0 {
        return (now_rect, whole);
    }
    // Screen points per photo pixel, now.
    let points_per_px = f64::from(now_rect.width()) / (f64::from(now.width) / now.scale);
    #[expect(clippy::cast_possible_truncation, reason = "screen coordinates")]
    let at = |photo_px: f64, origin_px: f64, start: f32| start + ((photo_px - origin_px) * points_per_px) as f32;
    let min = egui::pos2(
        at(shown.origin_px[0], now.origin_px[0], now_rect.min.x),
        at(shown.origin_px[1], now.origin_px[1], now_rect.min.y),
    );
    let size_px = [f64::from(shown.width) / shown.scale, f64::from(shown.height) / shown.scale];
    #[expect(clippy::cast_possible_truncation, reason = "screen coordinates")]
    let size = egui::vec2((size_px[0] * points_per_px) as f32, (size_px[1] * points_per_px) as f32);
    let image = egui::Rect::from_min_size(min, size);
    let drawn = image.intersect(now_rect);
    if !drawn.is_positive() || !image.is_positive() {
        return (egui::Rect::NOTHING, whole);
    }
    let uv = |p: egui::Pos2| egui::pos2((p.x - image.min.x) / image.width(), (p.y - image.min.y) / image.height());
    (drawn, egui::Rect::from_min_max(uv(drawn.min), uv(drawn.max)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_image_is_drawn_where_it_was_on_the_photo_and_only_inside_the_result() {
        let now = Viewport { origin_px: [100.0, 0.0], scale: 2.0, width: 200, height: 100 };
        // Two screen pixels per point: the 200 x 100 pixels fill 100 x 50 points.
        let now_rect = egui::Rect::from_min_size(egui::pos2(10.0, 20.0), egui::vec2(100.0, 50.0));
        let whole = egui::Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(1.0, 1.0));
        assert_eq!(placed(now_rect, &now, &now), (now_rect, whole));
        // Rendered before a pan of 25 photo pixels to the right (25 points here): it lies 25
        // points further left, and only its right three quarters fall inside the result.
        let shown = Viewport { origin_px: [75.0, 0.0], ..now };
        let (rect, uv) = placed(now_rect, &now, &shown);
        assert_eq!(rect, egui::Rect::from_min_size(egui::pos2(10.0, 20.0), egui::vec2(75.0, 50.0)));
        assert_eq!(uv, egui::Rect::from_min_max(egui::pos2(0.25, 0.0), egui::pos2(1.0, 1.0)));
        // Panned wholly away: nothing drawn.
        let far = Viewport { origin_px: [1000.0, 0.0], ..now };
        assert!(!placed(now_rect, &now, &far).0.is_positive());
    }
}
