//! The page model: paper sizes, and the simple drawing items (text, paths, pictures) a sheet's
//! pages are made of, in points from the page's top-left corner. The PDF and the PNG draw the
//! same items.

use std::sync::Arc;

use image::RgbImage;

use super::font::Weight;

/// Points per millimetre (a point is 1/72 inch).
pub const PT_PER_MM: f32 = 72.0 / 25.4;
/// The resolution of the PNG, and of the photos embedded in the PDF.
pub const DPI: f32 = 300.0;

/// The paper the sheet is laid out for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size_pt(self) -> [f32; 2] {
        match self {
            Self::A4 => [210.0 * PT_PER_MM, 297.0 * PT_PER_MM],
            Self::Letter => [612.0, 792.0],
        }
    }

    /// Width and height in pixels at [`DPI`]: 2480 × 3508 for A4, 2550 × 3300 for Letter.
    pub fn size_px(self) -> [u32; 2] {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a few thousand pixels")]
        self.size_pt().map(|pt| (pt / 72.0 * DPI).round() as u32)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "Letter",
        }
    }
}

/// An sRGB colour.
pub type Rgb = [u8; 3];
pub(super) const BLACK: Rgb = [0, 0, 0];
pub(super) const WHITE: Rgb = [255, 255, 255];
pub(super) const GREY: Rgb = [90, 90, 90];
pub(super) const RULE: Rgb = [170, 170, 170];

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pen {
    pub colour: Rgb,
    pub width: f32,
    /// Dash and gap lengths, in points.
    pub dash: Option<[f32; 2]>,
}

impl Pen {
    pub const fn solid(colour: Rgb, width: f32) -> Self {
        Self { colour, width, dash: None }
    }
}

/// One thing drawn on a page; positions in points from the page's top-left corner.
#[derive(Clone, Debug)]
pub enum Item {
    /// A line of text starting at `x` on the baseline `y`.
    Text { x: f32, y: f32, size: f32, weight: Weight, colour: Rgb, text: String },
    /// An open or closed polyline, stroked and optionally filled.
    Path { points: Vec<[f32; 2]>, closed: bool, fill: Option<Rgb>, pen: Option<Pen> },
    /// A picture filling the rectangle `[x, y, width, height]`.
    Image { rect: [f32; 4], pixels: Arc<RgbImage> },
}

/// One page's items, drawn in order.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A laid-out sheet.
#[derive(Clone, Debug)]
pub struct Sheet {
    pub paper: Paper,
    pub title: String,
    pub pages: Vec<Page>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_read_right() {
        assert_eq!(Paper::A4.size_px(), [2480, 3508]);
        assert_eq!(Paper::Letter.size_px(), [2550, 3300]);
    }
}
