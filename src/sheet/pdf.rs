//! Writes a laid-out [`Sheet`] as a PDF with krilla: real text in the embedded (subset) font,
//! vector lines, and the pictures as JPEG re-encoded from pixels, so no photo metadata (EXIF,
//! GPS) reaches the file.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::font::{self, Weight};
use super::{Item, Pen, Rgb, Sheet};

/// JPEG quality of the embedded pictures: no visible loss at print size.
const JPEG_QUALITY: u8 = 90;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the sheet's font could not be loaded")]
    Font,
    #[error("a picture could not be encoded: {0}")]
    Image(String),
    #[error("the PDF could not be written: {0:?}")]
    Write(krilla::error::KrillaError),
}

/// The PDF bytes of `sheet`.
pub fn write(sheet: &Sheet) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts {
        regular: Font::new(Weight::Regular.bytes().into(), 0).ok_or(PdfError::Font)?,
        bold: Font::new(Weight::Bold.bytes().into(), 0).ok_or(PdfError::Font)?,
    };
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new().title(sheet.title.clone()).creator("Hairline Studio".to_owned()).producer("krilla".to_owned()),
    );
    let [width, height] = sheet.paper.size_pt();
    let settings = PageSettings::from_wh(width, height).ok_or(PdfError::Font)?;
    for page in &sheet.pages {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for item in &page.items {
            draw(&mut surface, item, &fonts)?;
        }
        surface.finish();
        pdf_page.finish();
    }
    document.finish().map_err(PdfError::Write)
}

struct Fonts {
    regular: Font,
    bold: Font,
}

fn draw(surface: &mut Surface, item: &Item, fonts: &Fonts) -> Result<(), PdfError> {
    match item {
        Item::Text { x, y, size, weight, colour, text } => {
            let glyphs: Vec<KrillaGlyph> = font::glyphs(text, *weight)
                .into_iter()
                .map(|g| KrillaGlyph::new(GlyphId::new(g.id), g.advance_em, 0.0, 0.0, 0.0, g.text, None))
                .collect();
            let font = match weight {
                Weight::Regular => fonts.regular.clone(),
                Weight::Bold => fonts.bold.clone(),
            };
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*colour)));
            surface.draw_glyphs(Point::from_xy(*x, *y), &glyphs, font, text, *size, false);
        }
        Item::Path { points, closed, fill: area, pen } => {
            let mut builder = PathBuilder::new();
            for (i, &[x, y]) in points.iter().enumerate() {
                if i == 0 { builder.move_to(x, y) } else { builder.line_to(x, y) }
            }
            if *closed {
                builder.close();
            }
            if let Some(path) = builder.finish() {
                surface.set_fill(area.map(fill));
                surface.set_stroke(pen.map(stroke));
                surface.draw_path(&path);
            }
        }
        Item::Image { rect: [x, y, width, height], pixels } => {
            let mut jpeg = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
                .encode_image(pixels.as_ref())
                .map_err(|e| PdfError::Image(e.to_string()))?;
            let image = Image::from_jpeg(jpeg.into(), true).map_err(PdfError::Image)?;
            if let Some(size) = Size::from_wh(*width, *height) {
                surface.push_transform(&Transform::from_translate(*x, *y));
                surface.draw_image(image, size);
                surface.pop();
            }
        }
    }
    Ok(())
}

fn fill(colour: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(colour[0], colour[1], colour[2]).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(pen: Pen) -> Stroke {
    Stroke {
        paint: rgb::Color::new(pen.colour[0], pen.colour[1], pen.colour[2]).into(),
        width: pen.width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        dash: pen.dash.map(|[on, off]| StrokeDash { array: vec![on, off], offset: 0.0 }),
        ..Stroke::default()
    }
}
