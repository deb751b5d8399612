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
use crate::render::{
    Look, PhotoLevels, PigmentBlend, Viewport, ViewportBuffers, render_viewport, render_viewport_opaque,
};

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
    /// What the dots were made for: the design's revision, the view, the look.
    dots_key: Option<(u64, ViewId, Look)>,
    /// The dots' memory, kept between frames.
    dots: DotBuffer,
    dot_count: usize,
    /// What the texture shows: the dots' key and the viewport.
    pixels_key: Option<((u64, ViewId, Look), Viewport)>,
    buffers: ViewportBuffers,
    texture: Option<egui::TextureHandle>,
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
            ui.label(crate::format::count(self.dot_count, "dot"));
        }
    }

    /// The preview of `view` over the part of `photo` that `viewport` shows (premultiplied:
    /// transparent where there is no pigment, unless seen from a distance, which blurs the
    /// skin too and covers everything).
    pub fn texture(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        view: ViewId,
        photo: &PhotoLevels,
        viewport: Viewport,
    ) -> Option<&egui::TextureHandle> {
        if !self.enabled {
            return None;
        }
        let design = document.design();
        let Some(shown) = design.view(view).filter(|v| v.photo.is_some()) else {
            self.forget();
            return None;
        };
        let dots_key = (document.revision(), view, self.look);
        if self.dots_key != Some(dots_key) {
            self.dots_key = Some(dots_key);
            self.look.dots_into(design, shown, &mut self.dots);
            self.dot_count = self.dots.dots().len();
        }
        if self.pixels_key != Some((dots_key, viewport)) || self.texture.is_none() {
            self.pixels_key = Some((dots_key, viewport));
            let pigment = PigmentBlend::new(design.pigment.ink());
            let dots = self.dots.dots();
            let image = match (self.look.seen_from_m, shown.mm_per_px()) {
                (Some(distance_m), Some(mm_per_px)) => {
                    let mut image = render_viewport_opaque(photo, dots, &viewport, &pigment, &mut self.buffers);
                    crate::render::seen_from(&mut image, viewport.scale / mm_per_px, distance_m);
                    image
                }
                _ => render_viewport(photo, dots, &viewport, &pigment, &mut self.buffers),
            };
            let size = [image.width() as usize, image.height() as usize];
            // Premultiplied RGBA bytes are Color32s: reinterpreted, not copied, when aligned.
            let pixels = match bytemuck::allocation::try_cast_vec::<u8, egui::Color32>(image.into_raw()) {
                Ok(pixels) => pixels,
                Err((_, bytes)) => bytes
                    .chunks_exact(4)
                    .map(|p| egui::Color32::from_rgba_premultiplied(p[0], p[1], p[2], p[3]))
                    .collect(),
            };
            let image = egui::ColorImage::new(size, pixels);
            // One texel per screen pixel: nothing to filter.
            let options = egui::TextureOptions::NEAREST;
            match &mut self.texture {
                Some(texture) => texture.set(image, options),
                None => self.texture = Some(ctx.load_texture("follicle preview", image, options)),
            }
        }
        self.texture.as_ref()
    }
}
