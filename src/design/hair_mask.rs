//! Where the client's own hair is, inside a zone that adds density between existing hairs
//! (thinning hair, women's diffuse loss): dots that would land on a hair are left out, as the
//! needle would go between the hairs, not through them.
//!
//! The mask is a grid of cells over the photo, stored with the zone as runs of cells so that
//! the simulation, the counts and the sheet need no photo. The studio makes it by threshold:
//! cells darker than a lightness the artist picks are hair. That suits dark hair on lighter
//! skin; grey or blond hair, or dark skin, is not told apart by lightness alone, so the artist
//! checks the preview (the dots go around what was marked) and the count of dots left out.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::PhotoPoint;

/// The most cells a mask may hold: a 2,000 x 2,000 grid.
pub const MAX_MASK_CELLS: u64 = 4_000_000;

/// Which cells of a grid over the photo are hair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HairMask {
    /// The photo pixel at the grid's top-left corner.
    pub origin: PhotoPoint,
    /// A cell's side, in photo pixels.
    pub cell_px: f64,
    pub columns: u32,
    pub rows: u32,
    /// The cells row by row as runs of equal cells, alternately not hair and hair, starting
    /// with not hair (a first run of 0 when the first cell is hair).
    pub runs: Vec<u32>,
    /// How it was made, in words for the artist: "darker than L* 35".
    #[serde(default)]
    pub made_by: String,
}

impl HairMask {
    /// A `columns` x `rows` grid of cells `cell_px` wide from `origin`, each hair where
    /// `is_hair(column, row)`.
    pub fn from_cells(
        origin: PhotoPoint,
        cell_px: f64,
        [columns, rows]: [u32; 2],
        is_hair: impl Fn(u32, u32) -> bool,
        made_by: impl Into<String>,
    ) -> Self {
        let mut runs = vec![0];
        let mut current = false;
        for row in 0..rows {
            for column in 0..columns {
                let hair = is_hair(column, row);
                if hair != current {
                    runs.push(0);
                    current = hair;
                }
                if let Some(last) = runs.last_mut() {
                    *last += 1;
                }
            }
        }
        Self { origin, cell_px, columns, rows, runs, made_by: made_by.into() }
    }

    /// Hair wherever `photo` (the whole photo, `photo_width_px` wide at full size, scaled to any
    /// size) is darker than lightness `max_lightness` (CIE L*, 0 to 100), over the box around
    /// `vertices`: one cell per pixel of `photo`, at most [`MAX_MASK_CELLS`] (coarser cells for a
    /// larger box). `None` for an empty box.
    pub fn by_threshold(
        photo: &image::RgbaImage,
        photo_width_px: u32,
        vertices: &[PhotoPoint],
        max_lightness: f64,
    ) -> Option<Self> {
        let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in vertices {
            (left, top, right, bottom) = (left.min(p.x), top.min(p.y), right.max(p.x), bottom.max(p.y));
        }
        let pixel_px = f64::from(photo_width_px.max(1)) / f64::from(photo.width().max(1));
        let (width, height) = (right - left, bottom - top);
        if !(width > 0.0 && height > 0.0) {
            return None;
        }
        #[expect(clippy::cast_precision_loss, reason = "a few million")]
        let coarsest = (width * height / (pixel_px * pixel_px) / MAX_MASK_CELLS as f64).sqrt().max(1.0);
        let cell_px = pixel_px * coarsest.ceil();
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "bounded by MAX_MASK_CELLS")]
        let [columns, rows] = [width, height].map(|side| (side / cell_px).ceil().max(1.0) as u32);
        let origin = PhotoPoint::new(left, top);
        let is_hair = |column: u32, row: u32| {
            // The pixel at the cell's centre.
            let at = |start: f64, index: u32| ((start + (f64::from(index) + 0.5) * cell_px) / pixel_px).floor();
            let (x, y) = (at(left, column), at(top, row));
            let inside = x >= 0.0 && y >= 0.0 && x < f64::from(photo.width()) && y < f64::from(photo.height());
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "checked to be on the photo")]
            let pixel = inside.then(|| photo.get_pixel(x as u32, y as u32));
            pixel.is_some_and(|p| crate::colour::Lab::from_srgb([p[0], p[1], p[2]]).l < max_lightness)
        };
        Some(Self::from_cells(origin, cell_px, [columns, rows], is_hair, format!("darker than L* {max_lightness:.0}")))
    }

    /// Every cell, row by row: whether it is hair. Empty for a mask that does not hold together
    /// ([`HairMask::problem`]).
    pub fn cells(&self) -> Vec<bool> {
        if self.problem().is_some() {
            return Vec::new();
        }
        let mut cells = Vec::with_capacity(self.cell_count());
        for (index, &run) in self.runs.iter().enumerate() {
            cells.extend(std::iter::repeat_n(index % 2 == 1, run as usize));
        }
        cells
    }

    /// The cell holding photo pixel `p`, by its index in [`HairMask::cells`]; `None` off the grid.
    pub fn cell_at(&self, p: PhotoPoint) -> Option<usize> {
        let column = ((p.x - self.origin.x) / self.cell_px).floor();
        let row = ((p.y - self.origin.y) / self.cell_px).floor();
        let on_grid = (0.0..f64::from(self.columns)).contains(&column) && (0.0..f64::from(self.rows)).contains(&row);
        // Both are whole numbers within the grid.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "checked to be on the grid")]
        on_grid.then(|| row as usize * self.columns as usize + column as usize)
    }

    /// The share of cells that are hair, 0 to 1.
    pub fn hair_share(&self) -> f64 {
        let hair: u64 = self.runs.iter().skip(1).step_by(2).map(|&r| u64::from(r)).sum();
        #[expect(clippy::cast_precision_loss, reason = "at most MAX_MASK_CELLS")]
        let share = hair as f64 / (self.cell_count().max(1) as f64);
        share
    }

    fn cell_count(&self) -> usize {
        usize::try_from(u64::from(self.columns) * u64::from(self.rows)).unwrap_or(usize::MAX)
    }

    /// What is wrong with the mask, in words; `None` when it holds together.
    pub fn problem(&self) -> Option<String> {
        let cells = u64::from(self.columns) * u64::from(self.rows);
        if cells > MAX_MASK_CELLS {
            return Some(format!("{cells} cells; at most {MAX_MASK_CELLS}"));
        }
        let placed =
            self.cell_px.is_finite() && self.cell_px > 0.0 && self.origin.x.is_finite() && self.origin.y.is_finite();
        if !placed {
            return Some("its grid is not a size and place on the photo".to_owned());
        }
        let total: u64 = self.runs.iter().map(|&r| u64::from(r)).sum();
        (total != cells).then(|| format!("its runs hold {total} cells, not the grid's {cells}"))
    }
}

/// A mask's cells, decoded once for the many lookups of a simulation.
pub struct HairCells<'a> {
    mask: &'a HairMask,
    cells: Vec<bool>,
}

impl<'a> HairCells<'a> {
    pub fn new(mask: &'a HairMask) -> Self {
        Self { cells: mask.cells(), mask }
    }

    /// Whether photo pixel `p` is on hair.
    pub fn is_hair(&self, p: PhotoPoint) -> bool {
        self.mask.cell_at(p).and_then(|i| self.cells.get(i)).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mask_round_trips_its_cells_and_answers_by_photo_pixel() {
        // A 5 x 3 grid of 10 px cells from (100, 200), its middle column hair.
        let mask = HairMask::from_cells(PhotoPoint::new(100.0, 200.0), 10.0, [5, 3], |c, _| c == 2, "test");
        assert_eq!(mask.runs, [2, 1, 4, 1, 4, 1, 2]);
        assert_eq!(mask.problem(), None);
        let cells = HairCells::new(&mask);
        assert!(cells.is_hair(PhotoPoint::new(125.0, 215.0)));
        assert!(!cells.is_hair(PhotoPoint::new(115.0, 215.0)));
        assert!(!cells.is_hair(PhotoPoint::new(125.0, 231.0)), "below the grid");
        assert!((mask.hair_share() - 0.2).abs() < 1e-12);
        let starts_with_hair = HairMask::from_cells(PhotoPoint::new(0.0, 0.0), 1.0, [2, 1], |c, _| c == 0, "");
        assert_eq!(starts_with_hair.runs, [0, 1, 1]);
        let broken = HairMask { runs: vec![3], ..mask.clone() };
        assert!(broken.problem().is_some_and(|p| p.contains("3 cells")));
        assert!(broken.cells().is_empty());
        let huge = HairMask { columns: 100_000, rows: 100_000, ..mask };
        assert!(huge.problem().is_some());
    }

    #[test]
    fn a_threshold_marks_the_dark_pixels_as_hair() {
        // A 100 x 100 photo shown at half size: dark vertical hairs every 10 px on light skin.
        let photo = image::RgbaImage::from_fn(50, 50, |x, _| {
            if x % 5 == 0 { image::Rgba([30, 25, 20, 255]) } else { image::Rgba([220, 180, 150, 255]) }
        });
        let square = [PhotoPoint::new(0.0, 0.0), PhotoPoint::new(100.0, 0.0), PhotoPoint::new(100.0, 100.0)];
        let mask = HairMask::by_threshold(&photo, 100, &square, 40.0).unwrap();
        assert_eq!((mask.columns, mask.rows, mask.cell_px), (50, 50, 2.0));
        assert!((mask.hair_share() - 0.2).abs() < 1e-9, "{}", mask.hair_share());
        let cells = HairCells::new(&mask);
        assert!(cells.is_hair(PhotoPoint::new(21.0, 50.0)), "the hair at photo x 20..22");
        assert!(!cells.is_hair(PhotoPoint::new(25.0, 50.0)));
        assert_eq!(mask.made_by, "darker than L* 40");
    }
}
