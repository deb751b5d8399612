//! Exporting a design sheet to files: the photos opened, the sheet laid out, the PDF and the
//! PNG pages written atomically (a failed export never leaves half a file, nor some pages new
//! and others old, and never touches the design).

use std::path::{Path, PathBuf};

use super::{DPI, Paper, PlanText, SheetPhotos, layout, pdf, raster};
use crate::design::Design;
use crate::io::{Backup, SaveError, write_all_atomically, write_atomically};

pub use super::photos::SHEET_PHOTO_SIDE;

/// What to export, and where.
#[derive(Clone, Debug, Default)]
pub struct ExportRequest {
    pub paper: Paper,
    pub pdf: Option<PathBuf>,
    /// Page 1 is written here, later pages beside it as `name-2.png`, `name-3.png`…
    pub png: Option<PathBuf>,
    /// The clinic's aftercare and longevity words.
    pub text: PlanText,
}

/// Why an export failed. Files already written by the export stay; the design is untouched.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("Nothing to export: choose a PDF or a PNG file.")]
    NothingToDo,
    #[error("The PDF could not be made: {0}")]
    Pdf(#[from] pdf::PdfError),
    #[error("Page {0} could not be drawn (out of memory?).")]
    Raster(usize),
    #[error("The PNG could not be encoded: {0}")]
    Png(String),
    #[error(transparent)]
    Write(#[from] SaveError),
}

/// The files page by page for a PNG export to `png`: `sheet.png`, `sheet-2.png`, …
pub fn png_page_paths(png: &Path, pages: usize) -> Vec<PathBuf> {
    let stem = png.file_stem().map_or_else(|| "sheet".into(), |s| s.to_string_lossy().into_owned());
    (1..=pages)
        .map(|page| if page == 1 { png.to_owned() } else { png.with_file_name(format!("{stem}-{page}.png")) })
        .collect()
}

/// Lays out and writes the sheet of `design` as `request` asks, dated `today`, telling
/// `progress` the share done. Returns the files written.
pub fn export(
    design: &Design,
    photos: &SheetPhotos,
    request: &ExportRequest,
    today: &str,
    progress: &dyn Fn(f32),
) -> Result<Vec<PathBuf>, ExportError> {
    if request.pdf.is_none() && request.png.is_none() {
        return Err(ExportError::NothingToDo);
    }
    let sheet = layout(design, photos, request.paper, &request.text, today, &|share| progress(share * 0.5));
    let mut written = Vec::new();
    if let Some(path) = &request.pdf {
        let bytes = pdf::write(&sheet)?;
        write_file(path, &bytes)?;
        written.push(path.clone());
        progress(0.7);
    }
    if let Some(png) = &request.png {
        // Every page drawn and encoded before any is written, and then all or none written.
        let paths = png_page_paths(png, sheet.pages.len());
        let mut pages = Vec::with_capacity(paths.len());
        for (index, path) in paths.into_iter().enumerate() {
            let pixels = raster::render_page(&sheet, index, DPI).ok_or(ExportError::Raster(index + 1))?;
            pages.push((path, encode_png(&pixels)?));
            #[expect(clippy::cast_precision_loss, reason = "a few pages")]
            progress(0.7 + 0.25 * (index + 1) as f32 / sheet.pages.len() as f32);
        }
        write_all_atomically(&pages, &mut |_, _| Ok(()))?;
        written.extend(pages.into_iter().map(|(path, _)| path));
    }
    progress(1.0);
    Ok(written)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes, Backup::Skip, &mut |_| Ok(()))
}

/// A PNG that says it is 300 dpi (so it prints at the page's size) and carries nothing else.
pub fn encode_png(pixels: &image::RgbImage) -> Result<Vec<u8>, ExportError> {
    let png_error = |e: png::EncodingError| ExportError::Png(e.to_string());
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, pixels.width(), pixels.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "11811 pixels per metre")]
    let per_metre = (DPI / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions { xppu: per_metre, yppu: per_metre, unit: png::Unit::Meter }));
    let mut writer = encoder.write_header().map_err(png_error)?;
    writer.write_image_data(pixels.as_raw()).map_err(png_error)?;
    writer.finish().map_err(png_error)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_pages_are_numbered_beside_the_first() {
        let paths = png_page_paths(Path::new("/tmp/out/sheet.png"), 3);
        assert_eq!(
            paths,
            [PathBuf::from("/tmp/out/sheet.png"), "/tmp/out/sheet-2.png".into(), "/tmp/out/sheet-3.png".into()]
        );
    }
}
