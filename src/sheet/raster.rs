//! Paints a laid-out [`Sheet`] page to pixels with tiny-skia, for the PNG: the same items as
//! the PDF, text drawn from the same font's outlines.

use image::RgbImage;
use tiny_skia::{
    FillRule, FilterQuality, LineCap, LineJoin, Paint, PathBuilder, Pattern, Pixmap, Rect, SpreadMode, Stroke,
    StrokeDash, Transform,
};

use super::font;
use super::{Item, Pen, Rgb, Sheet};

/// Page `index` of `sheet` at `dpi`, on white; `None` if there is no such page or it would be
/// too large to allocate.
pub fn render_page(sheet: &Sheet, index: usize, dpi: f32) -> Option<RgbImage> {
    let page = sheet.pages.get(index)?;
    let scale = dpi / 72.0;
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "page sizes in pixels")]
    let [width, height] = sheet.paper.size_pt().map(|pt| (pt * scale).round() as u32);
    let mut pixmap = Pixmap::new(width, height)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let page_transform = Transform::from_scale(scale, scale);
    for item in &page.items {
        draw(&mut pixmap, item, page_transform);
    }
    // The page is opaque white underneath, so premultiplied and straight RGB are the same.
    let rgb = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    RgbImage::from_raw(width, height, rgb)
}

fn draw(pixmap: &mut Pixmap, item: &Item, transform: Transform) {
    match item {
        Item::Text { x, y, size, weight, colour, text } => {
            let mut pen = GlyphPen { builder: PathBuilder::new(), x: *x, y: *y };
            for glyph in font::glyphs(text, *weight) {
                font::outline(*weight, glyph.id, *size, &mut pen);
                pen.x += glyph.advance_em * size;
            }
            if let Some(path) = pen.builder.finish() {
                pixmap.fill_path(&path, &paint(*colour), FillRule::Winding, transform, None);
            }
        }
        Item::Path { points, closed, fill, pen } => {
            let mut builder = PathBuilder::new();
            for (i, &[x, y]) in points.iter().enumerate() {
                if i == 0 { builder.move_to(x, y) } else { builder.line_to(x, y) }
            }
            if *closed {
                builder.close();
            }
            let Some(path) = builder.finish() else {
                return;
            };
            if let Some(colour) = fill {
                pixmap.fill_path(&path, &paint(*colour), FillRule::Winding, transform, None);
            }
            if let Some(pen) = pen {
                pixmap.stroke_path(&path, &paint(pen.colour), &stroke(*pen), transform, None);
            }
        }
        Item::Image { rect: [x, y, width, height], pixels } => {
            let Some(picture) = pixmap_of(pixels) else {
                return;
            };
            let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) else {
                return;
            };
            #[expect(clippy::cast_precision_loss, reason = "pixel sizes")]
            let (sx, sy) = (width / pixels.width() as f32, height / pixels.height() as f32);
            let shader = Pattern::new(
                picture.as_ref(),
                SpreadMode::Pad,
                FilterQuality::Bilinear,
                1.0,
                Transform::from_row(sx, 0.0, 0.0, sy, *x, *y),
            );
            let paint = Paint { shader, anti_alias: true, ..Paint::default() };
            pixmap.fill_rect(rect, &paint, transform, None);
        }
    }
}

fn pixmap_of(pixels: &RgbImage) -> Option<Pixmap> {
    let rgba: Vec<u8> = pixels.pixels().flat_map(|p| [p[0], p[1], p[2], 255]).collect();
    let size = tiny_skia::IntSize::from_wh(pixels.width(), pixels.height())?;
    Pixmap::from_vec(rgba, size)
}

fn paint(colour: Rgb) -> Paint<'static> {
    let mut paint = Paint { anti_alias: true, ..Paint::default() };
    paint.set_color_rgba8(colour[0], colour[1], colour[2], 255);
    paint
}

fn stroke(pen: Pen) -> Stroke {
    Stroke {
        width: pen.width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        dash: pen.dash.and_then(|[on, off]| StrokeDash::new(vec![on, off], 0.0)),
        ..Stroke::default()
    }
}

/// Turns a glyph outline (font units scaled to points, y up) into page points (y down) at the
/// pen's origin.
struct GlyphPen {
    builder: PathBuilder,
    x: f32,
    y: f32,
}

impl skrifa::outline::OutlinePen for GlyphPen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.builder.move_to(self.x + x, self.y - y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.builder.line_to(self.x + x, self.y - y);
    }

    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        self.builder.quad_to(self.x + cx, self.y - cy, self.x + x, self.y - y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.builder.cubic_to(self.x + cx0, self.y - cy0, self.x + cx1, self.y - cy1, self.x + x, self.y - y);
    }

    fn close(&mut self) {
        self.builder.close();
    }
}
