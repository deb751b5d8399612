//! Pixels: follicle dots splatted into a pigment mask, and the mask composited over the photo.
//!
//! The mask holds, per pixel, the optical density of the pigment laid there: how strongly it
//! blocks the skin's light, on a log scale. Layered pigment multiplies what each layer lets
//! through, so densities simply add, and overlapping dots combine like real pigment (covers `a`
//! and `b` give `a + b - a·b`), never brighter and never past full. Adding is one saturating
//! byte add per pixel, which keeps a full scalp fast enough to redraw while dragging. Dots are
//! anti-aliased discs whose coverage falls off over one pixel at their rim, each laying its true
//! area of pigment; a dot under half a pixel darkens the four pixels around it by its area.
//!
//! `density.rs` owns the mask and the conversions between cover and density, `splat.rs` puts dots
//! into it (with the precomputed kernels of `kernels.rs`), and `look.rs` decides which dots a
//! preview shows and composites the mask over the photo.

mod blend;
mod density;
mod kernels;
mod look;
mod seen_from;
mod splat;
mod viewport;

pub use blend::{PigmentBlend, linear_of, srgb_of};
pub use density::{Mask, cover_of_density};
pub use look::{Look, composite, render_dots_on, render_preview};
pub use seen_from::{ACUITY_ARCMIN, DISTANCES_M, blur_sigma_mm, seen_from};
pub use splat::{Place, render_dots, render_dots_at, splat};
pub use viewport::{Backdrop, PhotoLevels, Viewport, ViewportBuffers, render_viewport};
