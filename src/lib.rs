//! Hairline Studio: design scalp micropigmentation (SMP) hairlines on client photos.
//!
//! The crate is in two layers that only depend downwards:
//!
//! - **The core** (this library, no windows): [`design`] is the document, plain serde data that
//!   is the single source of truth, with its validation, loading and undo history; [`edit`] names
//!   every change to it; [`geometry`] turns its points into curves and areas; [`follicles`] and
//!   [`render`] simulate the dots; [`report`] states every figure about a design;
//!   [`calibration`] learns the healed look from the clinic's healed clients; [`io`] decodes
//!   photos and saves designs atomically; [`sheet`] lays out the printable design sheet;
//!   [`regular_file`] reads designs and photos only from ordinary files (never a pipe or device).
//!   Everything the app shows can be computed here by a test or the command line.
//! - **The app** (`src/app/`, built into the binary): the egui window. It holds the open
//!   [`design::Document`], caches what is derived from it (textures, the report), and changes the
//!   design only through [`design::Document::apply`] and [`design::Document::set`], so undo and the
//!   unsaved mark cannot be bypassed.
//!
//! The core never imports egui; `.ci/run` checks that with a grep over the core modules that
//! ARCHITECTURE.md lists (its `core modules:` line).
//!
//! Coordinates: every drawn point is a [`geometry::PhotoPoint`] in pixels of the full-resolution,
//! orientation-corrected photo. Screen positions exist only inside the app's canvas, which maps
//! between the two with one transform.

pub mod app;
pub mod calibration;
pub mod colour;
pub mod design;
pub mod edit;
pub mod follicles;
pub mod format;
pub mod geometry;
pub mod hair_match;
pub mod io;
pub mod random;
pub mod regular_file;
pub mod render;
pub mod report;
pub mod sheet;

/// The JSON Schema of the design format, as checked into `schema/design.schema.json`.
pub fn design_schema_json() -> String {
    let schema = schemars::schema_for!(design::Design);
    // Serialising a schema (plain JSON values) cannot fail.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
