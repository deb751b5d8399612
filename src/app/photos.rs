//! The photos on screen: one GPU texture per photo file, loaded in the background.
//!
//! Keyed by the photo's absolute path. The design only says which file and which content (its
//! SHA-256) a view was drawn on; whether that file is loaded, missing or changed is decided here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::design::PhotoRef;
use crate::io::DecodedPhoto;
use crate::render::PhotoLevels;

/// A decoded photo and the preview's copies of it, made on the decoding thread.
pub struct ReadyPhoto {
    pub decoded: DecodedPhoto,
    pub levels: PhotoLevels,
}

impl ReadyPhoto {
    /// Makes the preview's copies of `decoded`: for a worker thread (a 24 MP photo takes a
    /// tenth of a second).
    pub fn new(decoded: DecodedPhoto) -> Self {
        let levels = PhotoLevels::new(shrunk(&decoded.display, PREVIEW_SOURCE_SIDE), decoded.width_px);
        Self { decoded, levels }
    }
}

/// `image` with its longer side at most `side`.
fn shrunk(image: &image::RgbaImage, side: u32) -> image::RgbaImage {
    let (width, height) = image.dimensions();
    if width.max(height) <= side {
        return image.clone();
    }
    let scale = f64::from(side) / f64::from(width.max(height));
    // Smaller than the image, and at least a pixel.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "at most `side`")]
    let scaled = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    image::imageops::thumbnail(image, scaled(width), scaled(height))
}

/// The longer side of the copy the eyedropper samples: a few megabytes, fine enough to average
/// a patch of skin a few millimetres across.
pub const SAMPLING_SIDE: u32 = 1536;

/// The longer side of the copy the preview mixes its pigment with, on the CPU: as fine as a
/// 4K screen shows a whole photo, and 64 MB at most with its halvings.
pub const PREVIEW_SOURCE_SIDE: u32 = 4096;

/// GPU textures stop at 8192 pixels on most hardware.
pub const MAX_TEXTURE_SIDE: u32 = 8192;

/// A loaded photo, ready to draw.
pub struct LoadedPhoto {
    pub texture: egui::TextureHandle,
    /// A small copy kept on the CPU for the skin eyedropper (at most [`SAMPLING_SIDE`] a side).
    pub sampling: image::RgbaImage,
    /// The copies the preview mixes its pigment with ([`PREVIEW_SOURCE_SIDE`]).
    pub levels: PhotoLevels,
    pub sha256: String,
    pub width_px: u32,
    pub height_px: u32,
}

/// Where a photo file stands.
pub enum PhotoState {
    Loading,
    Loaded(LoadedPhoto),
    Failed(String),
}

/// What the canvas should show for a view's photo.
pub enum PhotoView<'a> {
    /// The view has no photo yet.
    None,
    Loading,
    Ready(&'a LoadedPhoto),
    /// The file's content differs from the photo the design was drawn on (still shown).
    Changed(&'a LoadedPhoto),
    /// The file could not be loaded; the message says why.
    Failed(&'a str),
}

/// Photo textures by absolute path.
#[derive(Default)]
pub struct Photos {
    slots: HashMap<PathBuf, PhotoState>,
}

impl Photos {
    /// The state of `photo`'s file, or `None` if nobody asked for it yet.
    pub fn view<'a>(&'a self, photo: Option<&PhotoRef>) -> Option<PhotoView<'a>> {
        let Some(photo) = photo else {
            return Some(PhotoView::None);
        };
        Some(match self.slots.get(Path::new(&photo.path))? {
            PhotoState::Loading => PhotoView::Loading,
            PhotoState::Loaded(loaded) if loaded.sha256 == photo.sha256 => PhotoView::Ready(loaded),
            PhotoState::Loaded(loaded) => PhotoView::Changed(loaded),
            PhotoState::Failed(message) => PhotoView::Failed(message),
        })
    }

    pub fn get(&self, path: &Path) -> Option<&PhotoState> {
        self.slots.get(path)
    }

    pub fn set_loading(&mut self, path: PathBuf) {
        self.slots.insert(path, PhotoState::Loading);
    }

    pub fn set_failed(&mut self, path: PathBuf, message: String) {
        self.slots.insert(path, PhotoState::Failed(message));
    }

    /// Uploads a decoded photo as a texture.
    pub fn set_loaded(&mut self, ctx: &egui::Context, path: PathBuf, photo: ReadyPhoto) {
        let ReadyPhoto { decoded: photo, levels } = photo;
        let size = [photo.display.width() as usize, photo.display.height() as usize];
        let sampling = shrunk(&photo.display, SAMPLING_SIDE);
        let bytes = photo.display.into_raw();
        // The display copy is opaque RGBA, so its bytes already are premultiplied Color32s;
        // reinterpreting the buffer avoids copying 100 MB for a 24 MP photo.
        let pixels = match bytemuck::allocation::try_cast_vec::<u8, egui::Color32>(bytes) {
            Ok(pixels) => pixels,
            Err((_, bytes)) => {
                bytes.chunks_exact(4).map(|p| egui::Color32::from_rgba_premultiplied(p[0], p[1], p[2], p[3])).collect()
            }
        };
        let image = egui::ColorImage::new(size, pixels);
        let options = egui::TextureOptions {
            // Crisp pixels when zoomed in, smooth (mipmapped) when zoomed out.
            magnification: egui::TextureFilter::Nearest,
            minification: egui::TextureFilter::Linear,
            wrap_mode: egui::TextureWrapMode::ClampToEdge,
            mipmap_mode: Some(egui::TextureFilter::Linear),
        };
        let texture = ctx.load_texture(path.to_string_lossy(), image, options);
        let loaded = LoadedPhoto {
            texture,
            sampling,
            levels,
            sha256: photo.sha256,
            width_px: photo.width_px,
            height_px: photo.height_px,
        };
        self.slots.insert(path, PhotoState::Loaded(loaded));
    }

    /// Frees the textures of photos no longer referenced by `in_use`.
    pub fn retain(&mut self, in_use: &[&Path]) {
        self.slots.retain(|path, state| matches!(state, PhotoState::Loading) || in_use.contains(&path.as_path()));
    }
}

impl LoadedPhoto {
    /// The colour of a disc of the photo as seen from afar (its linear-light mean), centred at
    /// `at` with `radius_px` (photo pixels): for hair and stubble.
    pub fn sample_seen_from_afar(&self, at: crate::design::PhotoPoint, radius_px: f64) -> Option<crate::colour::Lab> {
        let scale = f64::from(self.sampling.width()) / f64::from(self.width_px.max(1));
        crate::colour::sample_seen_from_afar(
            self.sampling.as_raw(),
            self.sampling.width(),
            [at.x * scale, at.y * scale],
            radius_px * scale,
        )
    }

    /// The skin colour of a disc of the photo, centred at `at` with `radius_px` (photo pixels),
    /// with the eyedropper's doubts about it against the `others` (as taken).
    pub fn read_skin(
        &self,
        at: crate::design::PhotoPoint,
        radius_px: f64,
        others: &[crate::colour::Lab],
    ) -> Option<crate::colour::SkinReading> {
        let scale = f64::from(self.sampling.width()) / f64::from(self.width_px.max(1));
        crate::colour::read_skin_patch(
            self.sampling.as_raw(),
            self.sampling.width(),
            [at.x * scale, at.y * scale],
            radius_px * scale,
            others,
        )
    }

    /// The mean of a disc of the photo in linear-light sRGB (0 to 1), for a neutral grey.
    pub fn read_neutral(&self, at: crate::design::PhotoPoint, radius_px: f64) -> Option<[f64; 3]> {
        self.sample_seen_from_afar(at, radius_px).map(crate::colour::Lab::to_linear_rgb)
    }
}
