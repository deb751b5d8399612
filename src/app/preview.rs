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
    /// With [`Compare::Split`], the share of the photo's width, from the left, shown bare.
    pub before_share: f32,
    /// What the dots were made for: see [`DotsKey`].
    dots_key: Option<DotsKey>,
    /// The dots' memory, kept between frames.
    dots: DotBuffer,
    dot_count: usize,
    /// What the texture was last asked to show: the dots' key and the viewport.
    pixels_key: Option<(DotsKey, Viewport)>,
    buffers: ViewportBuffers,
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
        self.pixels_key = None;
        self.shown = None;
        self.blurring = None;
        self.to_blur = None;
    }

    /// How far away the image on screen is seen from, once its blur is done.
    pub fn shown_seen_from_m(&self) -> Option<f64> {
        self.shown?.seen_from_m
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
        } else if self.texture.is_some() {
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
        if !self.enabled {
            return None;
        }
        let design = document.design();
        let Some(shown) = design.view(view).filter(|v| v.photo.is_some()) else {
            self.forget();
            return None;
        };
        let dots_key = (document.revision(), crate::colour::healed_model_generation(), view, self.look);
        if self.dots_key != Some(dots_key) {
            self.dots_key = Some(dots_key);
            self.look.dots_into(design, shown, &mut self.dots);
            self.dot_count = self.dots.dots().len();
        }
        if self.pixels_key != Some((dots_key, viewport)) || self.texture.is_none() {
            self.pixels_key = Some((dots_key, viewport));
            let pigment = PigmentBlend::new(design.pigment.ink());
            let dots = self.dots.dots();
            if let (Some(distance_m), Some(mm_per_px)) = (self.look.seen_from_m, shown.mm_per_px()) {
                let image = render_viewport(photo, dots, &viewport, &pigment, Backdrop::Photo, &mut self.buffers);
                if self.texture.is_none() {
                    // Something at once; the blur follows.
                    self.upload(ctx, image.clone(), Shown { viewport, seen_from_m: None });
                }
                let px_per_mm = viewport.scale / mm_per_px;
                self.to_blur = Some(ToBlur { image, viewport, px_per_mm, distance_m });
            } else {
                let image = render_viewport(photo, dots, &viewport, &pigment, Backdrop::Transparent, &mut self.buffers);
                self.blurring = None;
                self.to_blur = None;
                self.upload(ctx, image, Shown { viewport, seen_from_m: None });
            }
        }
        self.blur_in_background(ctx);
        Some((self.texture.as_ref()?, self.shown?.viewport))
    }

    /// Shows a finished blur and starts the next, asking for frames until none is left.
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
            let spawned = std::thread::Builder::new().name("seen from".to_owned()).spawn(move || {
                crate::render::seen_from(&mut image, px_per_mm, distance_m);
                // The preview may have moved on and dropped the receiver: nothing to do then.
                let _ = sender.send(image);
            });
            if spawned.is_ok() {
                self.blurring = Some(Blurring { shown: Shown { viewport, seen_from_m: Some(distance_m) }, result });
            }
        }
        if self.blurring() {
            ctx.request_repaint();
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

/// Where on screen an image of viewport `shown` lies, when `now` (the canvas's current
/// viewport) lies at `now_rect`: the same place on the photo, even after a pan or a zoom.
pub fn placed(now_rect: egui::Rect, now: &Viewport, shown: &Viewport) -> egui::Rect {
    if shown == now || now.width == 0 {
        return now_rect;
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
    egui::Rect::from_min_size(min, size)
}
