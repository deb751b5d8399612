//! Decoding client photos: any common format, EXIF orientation applied, memory bounded.
//!
//! The result keeps the full photo's size (the drawing's coordinate space) but only a display
//! copy of its pixels, at most `max_display_side` on its longer side, since GPU textures stop at
//! 8192 pixels and a 200 MP photo would not fit anyway.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, RgbaImage};
use sha2::{Digest, Sha256};

use super::cmyk::{self, InkChannels, ink_to_rgba};
use super::photo_format::{self, format_name};

/// Photos up to 200 megapixels open; larger ones are refused before any pixel is decoded. The
/// design's validation holds declared sizes to the same limit, so it lives with the design.
pub const MAX_PHOTO_PIXELS: u64 = crate::design::Limits::MAX_PHOTO_PIXELS;
/// Enough for a 200 MP photo at 16 bits per channel with alpha.
const MAX_DECODER_ALLOC_BYTES: u64 = 1_700_000_000;

/// A photo ready to show.
#[derive(Debug)]
pub struct DecodedPhoto {
    /// Size of the full, orientation-corrected photo: the space every drawing is stored in.
    pub width_px: u32,
    pub height_px: u32,
    /// Opaque RGBA pixels, downscaled so that neither side exceeds the requested maximum.
    pub display: RgbaImage,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

impl DecodedPhoto {
    /// Photo pixels per display pixel (1 unless the photo was downscaled for display).
    pub fn photo_px_per_display_px(&self) -> f64 {
        f64::from(self.width_px) / f64::from(self.display.width().max(1))
    }
}

/// Why a photo did not open.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("The photo {path} is not there (moved, renamed or on a drive that is not connected).")]
    NotFound { path: PathBuf },
    /// `error` is in the message, so it is deliberately not the `source()`: anyhow's `{:#}`
    /// (the command line) would print the operating system's words twice.
    #[error("Could not read the photo {path}: {error}")]
    Read { path: PathBuf, error: std::io::Error },
    #[error("{path} is a folder, not a photo.")]
    IsDirectory { path: PathBuf },
    #[error("{path} is {kind}, not a photo file, so it is not read. Choose the photo file itself.")]
    NotAFile { path: PathBuf, kind: crate::regular_file::FileKind },
    #[error("{path} is empty (0 bytes); the copy may have failed.")]
    Empty { path: PathBuf },
    #[error("{path} is {size_mib} MiB, too large for a photo (at most 1024 MiB).")]
    FileTooLarge { path: PathBuf, size_mib: u64 },
    #[error(
        "{path} is {width} x {height} pixels ({megapixels} MP); photos up to 200 MP can be opened. Resize it in a photo editor first."
    )]
    TooManyPixels { path: PathBuf, width: u32, height: u32, megapixels: u64 },
    #[error(
        "{path} is not a photo format the studio reads: it reads JPEG, PNG, WebP, TIFF, BMP and HEIC. If it is a photo, save it as JPEG or PNG in a photo editor and open that."
    )]
    Unsupported { path: PathBuf },
    /// A format the image crate recognises but the studio is not built to read (GIF, ICO, ...).
    #[error(
        "{path} is in {format} format, which the studio does not read: it reads JPEG, PNG, WebP, TIFF, BMP and HEIC. Save it as JPEG or PNG in a photo editor and open that."
    )]
    OtherFormat { path: PathBuf, format: &'static str },
    /// A format the studio reads, with a feature its decoder lacks; `feature` completes "it uses".
    #[error(
        "{path} is a {format} file, but it uses {feature}, which the studio cannot read. Open it in a photo editor, save it as an RGB JPEG or PNG, and open that."
    )]
    UnsupportedFeature { path: PathBuf, format: &'static str, feature: String },
    /// `detail` says what the decoder found, as a clause: "it ends before the picture does".
    #[error(
        "{path} could not be decoded: {detail}. The file may be damaged or incomplete: copy it again from the camera, the phone or wherever it came from."
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path} is a HEIC/HEIF photo. Install libheif's converter to open it (Debian/Ubuntu: sudo apt install libheif-examples; macOS: brew install libheif), or export it as JPEG from the phone."
    )]
    HeifConverterMissing { path: PathBuf },
    /// `detail` says what went wrong, as a clause: "it said “...”".
    #[error(
        "{path} is a HEIC/HEIF photo that heif-convert could not convert: {detail}. Export it from the phone or photo app as JPEG and open that."
    )]
    HeifConversionFailed { path: PathBuf, detail: String },
}

impl PhotoError {
    fn feature(path: &Path, format: ImageFormat, feature: String) -> Self {
        Self::UnsupportedFeature { path: path.to_owned(), format: format_name(format), feature }
    }
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    super::photo_file::to_hex(&Sha256::digest(bytes))
}

/// Reads, checks and decodes the photo at `path`.
pub fn decode_photo(path: &Path, max_display_side: u32) -> Result<DecodedPhoto, PhotoError> {
    // Only an ordinary file, size checked first: a pipe or /dev/zero would never end.
    let bytes = super::photo_file::read(path)?;
    decode_photo_bytes(&bytes, path, max_display_side)
}

/// Decodes photo `bytes`; `path` names the file in messages (and feeds `heif-convert`).
pub fn decode_photo_bytes(bytes: &[u8], path: &Path, max_display_side: u32) -> Result<DecodedPhoto, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::Empty { path: path.to_owned() });
    }
    // Hash on the second core while this one decodes.
    let (sha256, image) = std::thread::scope(|scope| {
        let hashing = scope.spawn(|| sha256_hex(bytes));
        let image = if is_heif(bytes) {
            decode_heif(path)
        } else if is_jpeg(bytes) {
            decode_jpeg(bytes, path)
        } else {
            decode_with_limits(bytes, path)
        };
        // Hashing cannot panic; should the thread fail anyway, hash here instead.
        (hashing.join().unwrap_or_else(|_| sha256_hex(bytes)), image)
    });
    let image = image?;
    let (width_px, height_px) = (image.width(), image.height());
    Ok(DecodedPhoto { width_px, height_px, display: display_copy(image, max_display_side.max(1)), sha256 })
}

pub(super) fn read_error(path: &Path, source: std::io::Error) -> PhotoError {
    match source.kind() {
        std::io::ErrorKind::NotFound => PhotoError::NotFound { path: path.to_owned() },
        _ => PhotoError::Read { path: path.to_owned(), error: source },
    }
}

fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// JPEG, the format of nearly every client photo, decodes straight to RGBA with zune-jpeg
/// (which the image crate also uses), skipping a 100 MB RGB-to-RGBA pass on a 24 MP photo.
/// CMYK and YCCK files come out as their raw four channels and are converted by [`cmyk`].
fn decode_jpeg(bytes: &[u8], path: &Path) -> Result<DynamicImage, PhotoError> {
    use zune_core::{bytestream::ZCursor, colorspace::ColorSpace, options::DecoderOptions};
    let corrupt = |detail: String| PhotoError::Corrupt { path: path.to_owned(), detail };
    let refuse = |error: zune_jpeg::errors::DecodeErrors| refusal(path, bytes, ImageFormat::Jpeg, &error.to_string());
    // Each side is capped at JPEG's own maximum; the area is checked against the 200 MP limit.
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(ColorSpace::RGBA)
        .set_max_width(65_535)
        .set_max_height(65_535);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder.decode_headers().map_err(refuse)?;
    let info = decoder.info().ok_or_else(|| corrupt("it has no picture header".to_owned()))?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_pixel_count(width, height, path)?;
    if !has_end_after_last_scan(bytes) {
        // zune-jpeg would fill the missing rows with grey; a client's photo must not be silently cut.
        return Err(corrupt("it ends before the picture does, as if cut off while being copied".to_owned()));
    }
    let ink = InkChannels::of(decoder.input_colorspace(), info.components);
    if let Some(ink) = ink {
        if cmyk::has_channel_finer_than_first(bytes) {
            let feature = "CMYK with black sampled more finely than cyan, magenta and yellow".to_owned();
            return Err(PhotoError::feature(path, ImageFormat::Jpeg, feature));
        }
        decoder.set_options(options.jpeg_set_out_colorspace(ink.raw_colorspace()));
    }
    let orientation = decoder
        .exif()
        .and_then(|exif| image::metadata::Orientation::from_exif_chunk(exif))
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut pixels = decoder.decode().map_err(refuse)?;
    if let Some(ink) = ink {
        ink_to_rgba(&mut pixels, ink);
    }
    let rgba = RgbaImage::from_raw(width, height, pixels)
        .ok_or_else(|| corrupt("it holds fewer pixels than its header promises".to_owned()))?;
    let mut image = DynamicImage::ImageRgba8(rgba);
    image.apply_orientation(orientation);
    Ok(image)
}

/// Whether the JPEG's last scan is followed by its end marker (`FF D9`). Scan data never holds
/// that pair (its 0xFF bytes are stuffed), so a file cut off mid-scan has no end marker after
/// its last scan start (`FF DA`). Most files simply end with the marker.
fn has_end_after_last_scan(bytes: &[u8]) -> bool {
    let trimmed = bytes.iter().rposition(|&b| b != 0).map_or(&bytes[..0], |last| &bytes[..=last]);
    if trimmed.ends_with(&[0xFF, 0xD9]) {
        return true;
    }
    let last = |marker: u8| bytes.windows(2).rposition(|pair| pair == [0xFF, marker]);
    matches!((last(0xDA), last(0xD9)), (Some(scan), Some(end)) if end > scan)
}

pub(super) fn check_pixel_count(width: u32, height: u32, path: &Path) -> Result<(), PhotoError> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PHOTO_PIXELS {
        return Err(PhotoError::TooManyPixels { path: path.to_owned(), width, height, megapixels: pixels / 1_000_000 });
    }
    Ok(())
}

fn decode_with_limits(bytes: &[u8], path: &Path) -> Result<DynamicImage, PhotoError> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| read_error(path, e))?;
    if let Some(format) = photo_format::format_missed_by_guess(bytes) {
        reader.set_format(format);
    }
    let Some(format) = reader.format() else {
        return Err(match photo_format::unrecognised_variant(bytes) {
            Some((format, feature)) => PhotoError::feature(path, format, feature),
            None => PhotoError::Unsupported { path: path.to_owned() },
        });
    };
    if let Some(feature) = photo_format::misread_feature(format, bytes) {
        return Err(PhotoError::feature(path, format, feature));
    }
    let refuse = |error: image::ImageError| image_refusal(path, bytes, format, error);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODER_ALLOC_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refuse)?;
    let (width, height) = decoder.dimensions();
    check_pixel_count(width, height, path)?;
    // A photo whose EXIF is unreadable still opens, just unrotated.
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(refuse)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Why `format`'s decoder refused `bytes`: the unusual feature its header shows, else damage,
/// with the decoder's own words quoted as such.
fn refusal(path: &Path, bytes: &[u8], format: ImageFormat, decoder_says: &str) -> PhotoError {
    if let Some(feature) = photo_format::unreadable_feature(format, bytes) {
        return PhotoError::feature(path, format, feature);
    }
    // zune-jpeg shows some of its messages in Rust's quotes, some with a line break.
    let said = decoder_says.trim().trim_matches('"').trim_end_matches('.');
    let detail = format!("its {} decoder reports “{said}”", format_name(format));
    PhotoError::Corrupt { path: path.to_owned(), detail }
}

/// [`refusal`] for the image crate's errors, which also say when a whole format is not built in.
fn image_refusal(path: &Path, bytes: &[u8], format: ImageFormat, error: image::ImageError) -> PhotoError {
    use image::error::UnsupportedErrorKind;
    let unsupported = match error {
        image::ImageError::Unsupported(unsupported) => unsupported,
        // The underlying error, without "Format error decoding Png:" before it.
        image::ImageError::Decoding(decoding) => {
            let said = std::error::Error::source(&decoding).map_or_else(|| decoding.to_string(), ToString::to_string);
            return refusal(path, bytes, format, &said);
        }
        other => return refusal(path, bytes, format, &other.to_string()),
    };
    let kind = unsupported.kind();
    if let UnsupportedErrorKind::Format(_) = kind {
        return PhotoError::OtherFormat { path: path.to_owned(), format: format_name(format) };
    }
    // The header's plain words where it shows the feature, else the decoder's, quoted.
    let feature = photo_format::unreadable_feature(format, bytes).unwrap_or_else(|| match kind {
        UnsupportedErrorKind::GenericFeature(what) => format!("a feature its decoder calls “{what}”"),
        UnsupportedErrorKind::Color(colour) | UnsupportedErrorKind::ColorLayout(colour) => {
            format!("a pixel layout its decoder does not handle ({colour:?})")
        }
        _ => "a feature its decoder does not handle".to_owned(),
    });
    PhotoError::feature(path, format, feature)
}

/// HEIC/HEIF/AVIF files are ISO-BMFF with an `ftyp` box naming one of these brands.
pub(super) fn is_heif(bytes: &[u8]) -> bool {
    const BRANDS: [&[u8; 4]; 9] = [b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif"];
    bytes.len() >= 12 && &bytes[4..8] == b"ftyp" && BRANDS.iter().any(|brand| &bytes[8..12] == *brand)
}

/// Converts through libheif's `heif-convert` into a private temporary PNG, then decodes that.
fn decode_heif(path: &Path) -> Result<DynamicImage, PhotoError> {
    let failed = |detail: String| PhotoError::HeifConversionFailed { path: path.to_owned(), detail };
    let folder = tempfile::tempdir().map_err(|e| failed(format!("no temporary folder could be made for it ({e})")))?;
    let converted = folder.path().join("converted.png");
    let output = match Command::new("heif-convert").arg(path).arg(&converted).output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(PhotoError::HeifConverterMissing { path: path.to_owned() });
        }
        Err(e) => return Err(failed(format!("it could not be started ({e})"))),
    };
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(failed(format!("it said “{said}”")));
    }
    let bytes = fs::read(&converted).map_err(|e| failed(format!("its result could not be read ({e})")))?;
    decode_with_limits(&bytes, path)
}

/// Downscales to fit `max_side` and flattens any transparency onto mid grey.
fn display_copy(image: DynamicImage, max_side: u32) -> RgbaImage {
    let image = if image.width().max(image.height()) > max_side { image.thumbnail(max_side, max_side) } else { image };
    // JPEGs decode to RGBA but are opaque: only real transparency is flattened.
    let has_alpha = match &image {
        DynamicImage::ImageRgba8(rgba) => rgba.pixels().any(|p| p[3] != u8::MAX),
        other => other.color().has_alpha(),
    };
    let mut rgba = image.into_rgba8();
    if has_alpha {
        for pixel in rgba.pixels_mut() {
            let alpha = u16::from(pixel[3]);
            for channel in &mut pixel.0[..3] {
                // Integer blend over mid grey; the result never exceeds 255.
                let blended = (u16::from(*channel) * alpha + 128 * (255 - alpha)) / 255;
                *channel = u8::try_from(blended).unwrap_or(u8::MAX);
            }
            pixel[3] = 255;
        }
    }
    rgba
}
