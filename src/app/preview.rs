//! The simulated SMP preview on screen: the view's dots, splatted into a mask at up to
//! [`PREVIEW_MAX_SIDE`] pixels and shown as a texture over the photo. Recomputed only when the
//! design (its revision) or the view changes, so dragging a point re-renders once per frame and
//! an idle window renders nothing.

use crate::colour::Stage;
use crate::design::{Document, View, ViewId};
use crate::follicles::DotBuffer;
use crate::format::thousands;
use crate::render::{Look, Mask, cover_of_density, render_dots};

/// The preview's longer side, in pixels: sharp on screen, and fast enough to redo while dragging.
pub const PREVIEW_MAX_SIDE: u32 = 2048;

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
    /// Fresh, healed, or years later; after which session.
    pub look: Look,
    pub compare: Compare,
    /// With [`Compare::Split`], the share of the photo's width, from the left, shown bare.
    pub before_share: f32,
    key: Option<(u64, ViewId, Look)>,
    mask: Option<Mask>,
    /// The dots' memory, kept between frames.
    dots: DotBuffer,
    texture: Option<egui::TextureHandle>,
    dot_count: usize,
}

impl Preview {
    /// A preview that is on.
    pub fn shown() -> Self {
        Self {
            enabled: true,
            look: Look { after_session: None, stage: Stage::Healed },
            before_share: 0.5,
            ..Self::default()
        }
    }

    /// The share of the photo the last preview's pigment covers (0 to 1).
    pub fn coverage(&self) -> Option<f64> {
        let mask = self.mask.as_ref()?;
        let sum: u64 = mask.cover().map(u64::from).sum();
        #[expect(clippy::cast_precision_loss, reason = "a ratio")]
        let share = sum as f64 / (255.0 * mask.density.len().max(1) as f64);
        Some(share)
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

    /// The preview texture for `view`, recomputed if the design changed.
    pub fn texture(&mut self, ctx: &egui::Context, document: &Document, view: ViewId) -> Option<&egui::TextureHandle> {
        if !self.enabled {
            return None;
        }
        let key = (document.revision(), view, self.look);
        if self.key != Some(key) {
            self.key = Some(key);
            self.rebuild(ctx, document, view);
        }
        self.texture.as_ref()
    }

    fn rebuild(&mut self, ctx: &egui::Context, document: &Document, view: ViewId) {
        let design = document.design();
        let Some((view, photo)) = design.view(view).and_then(|v| Some((v, v.photo.as_ref()?))) else {
            // Nothing to show, and no count left over from another design.
            self.texture = None;
            self.dot_count = 0;
            return;
        };
        let longer = photo.width_px.max(photo.height_px).max(1);
        let scale = (f64::from(PREVIEW_MAX_SIDE) / f64::from(longer)).min(1.0);
        // Rounded sizes of at most PREVIEW_MAX_SIDE.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "at most PREVIEW_MAX_SIDE")]
        let size = |side: u32| ((f64::from(side) * scale).round() as u32).max(1);
        let (width, height) = (size(photo.width_px), size(photo.height_px));
        let mask = self.mask.get_or_insert_with(|| Mask::new(width, height));
        if (mask.width, mask.height) != (width, height) {
            *mask = Mask::new(width, height);
        }
        self.look.dots_into(design, view, &mut self.dots);
        let dots = self.dots.dots();
        self.dot_count = dots.len();
        #[expect(clippy::cast_possible_truncation, reason = "a scale factor of at most 1")]
        render_dots(dots, scale as f32, mask);
        // The pigment's colour at each of the 256 densities, so a pixel is one lookup.
        let [r, g, b] = design.pigment.ink().to_srgb().map(u16::from);
        let colours: [egui::Color32; 256] = std::array::from_fn(|density| {
            let a = cover_of_density(u8::try_from(density).unwrap_or(u8::MAX));
            let premultiply = |c: u16| u8::try_from((c * u16::from(a) + 127) / 255).unwrap_or(u8::MAX);
            egui::Color32::from_rgba_premultiplied(premultiply(r), premultiply(g), premultiply(b), a)
        });
        let pixels: Vec<egui::Color32> = mask.density.iter().map(|&density| colours[usize::from(density)]).collect();
        let image = egui::ColorImage::new([width as usize, height as usize], pixels);
        let options = egui::TextureOptions::LINEAR;
        match &mut self.texture {
            Some(texture) => texture.set(image, options),
            None => self.texture = Some(ctx.load_texture("follicle preview", image, options)),
        }
    }
}
