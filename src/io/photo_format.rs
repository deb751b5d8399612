//! What a photo file is, read from its first bytes, so that a refusal can say it in words: the
//! format's everyday name, and which feature of a JPEG, TIFF or BMP file the decoders cannot
//! read ("a TIFF file, but it uses LZMA compression"), rather than the decoder's own text.
//!
//! The decoders decide what opens; this module only explains a refusal afterwards. The two
//! exceptions, [`misread_feature`], are TIFF features that the image crate 0.25 decodes without
//! complaint but wrongly, so the studio refuses them first. The lists below were found by
//! decoding files ImageMagick writes with each feature (`tests/photo_messages.rs` keeps them):
//! TIFFs with LZW, Deflate, PackBits, new-style JPEG and CCITT Group 4 compression, planar or
//! tiled, 1, 8 and 16-bit, 32-bit float and CMYK all open, as do BMPs with RLE, bit fields and
//! OS/2 1.x headers.

use image::ImageFormat;

mod tiff_tags;

use tiff_tags::TiffTags;

/// The name a person knows `format` by.
pub(crate) fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Png => "PNG",
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::Gif => "GIF",
        ImageFormat::WebP => "WebP",
        ImageFormat::Pnm => "PNM (PPM, PGM or PBM)",
        ImageFormat::Tiff => "TIFF",
        ImageFormat::Tga => "TGA (Targa)",
        ImageFormat::Dds => "DDS (DirectDraw)",
        ImageFormat::Bmp => "BMP",
        ImageFormat::Ico => "ICO (Windows icon)",
        ImageFormat::Hdr => "Radiance HDR",
        ImageFormat::OpenExr => "OpenEXR",
        ImageFormat::Farbfeld => "Farbfeld",
        ImageFormat::Avif => "AVIF",
        ImageFormat::Qoi => "QOI",
        _ => "picture",
    }
}

/// The format of `bytes` where the image crate's guess misses one it reads: BigTIFF (a TIFF
/// with 64-bit offsets, as scanners write for very large files).
pub(crate) fn format_missed_by_guess(bytes: &[u8]) -> Option<ImageFormat> {
    (bytes.starts_with(b"II+\0") || bytes.starts_with(b"MM\0+")).then_some(ImageFormat::Tiff)
}

/// A variant of a format the studio reads that the image crate does not even recognise, with
/// the feature that makes it one: an OS/2 bitmap array, a container of BMP pictures.
pub(crate) fn unrecognised_variant(bytes: &[u8]) -> Option<(ImageFormat, String)> {
    let array = bytes.starts_with(b"BA") && bytes.get(14..16) == Some(b"BM");
    array.then(|| (ImageFormat::Bmp, "the OS/2 bitmap array layout (several pictures in one file)".to_owned()))
}

/// A feature that the image crate decodes without an error but into the wrong pixels, in
/// words that complete "it uses ...": refused before decoding.
pub(crate) fn misread_feature(format: ImageFormat, bytes: &[u8]) -> Option<String> {
    if format != ImageFormat::Tiff {
        return None;
    }
    let tags = TiffTags::read(bytes)?;
    // The tiff crate ignores the fill order, reading every byte bit-reversed (JPEG data is
    // byte-oriented and has no fill order); 32-bit integer samples are read as if floating point.
    if tags.fill_order == 2 && tags.compression != 7 {
        return Some(REVERSED_BITS.to_owned());
    }
    (tags.sample_format == 1 && tags.bits_per_sample >= 32)
        .then(|| format!("{}-bit integer samples", tags.bits_per_sample))
}

const REVERSED_BITS: &str = "bits stored in reverse order within each byte (FillOrder 2)";

/// The feature of a TIFF, BMP or JPEG file that its decoder cannot read, from the file's
/// header, in words that complete "it uses ..."; `None` where the header shows nothing unusual
/// (the file is then probably damaged).
pub(crate) fn unreadable_feature(format: ImageFormat, bytes: &[u8]) -> Option<String> {
    match format {
        ImageFormat::Tiff => TiffTags::read(bytes).and_then(|tags| tiff_feature(&tags)),
        ImageFormat::Bmp => bmp_feature(bytes),
        ImageFormat::Jpeg => jpeg_feature(bytes),
        _ => None,
    }
}

fn tiff_feature(tags: &TiffTags) -> Option<String> {
    if let Some(compression) = tiff_compression(tags.compression) {
        return Some(compression);
    }
    if tags.fill_order == 2 {
        return Some(REVERSED_BITS.to_owned());
    }
    let colour = match tags.photometric {
        Some(3) => Some("a colour palette (indexed colour)"),
        Some(4) => Some("a transparency mask instead of a picture"),
        Some(8..=10) => Some("CIE L*a*b* colour"),
        Some(6) if tags.compression != 7 => Some("YCbCr colour without JPEG compression"),
        Some(32_844 | 32_845) => Some("LogLuv high-dynamic-range colour"),
        Some(5) if tags.samples_per_pixel > 4 => Some("CMYK with an extra channel (such as transparency)"),
        Some(0 | 1) if tags.samples_per_pixel == 2 => Some("grey with a transparency channel"),
        _ => None,
    };
    if let Some(colour) = colour {
        return Some(colour.to_owned());
    }
    let bits = tags.bits_per_sample;
    match (tags.sample_format, bits) {
        (3, 32) | (1, 1 | 8 | 16) => None,
        (3, _) => Some(format!("{bits}-bit floating-point samples")),
        (2, _) => Some("signed integer samples".to_owned()),
        (1, _) => Some(format!("{bits}-bit samples")),
        _ => Some("samples of an unusual kind (neither integers nor floating point)".to_owned()),
    }
}

/// The name of a TIFF compression the image crate cannot read.
fn tiff_compression(code: u64) -> Option<String> {
    let name = match code {
        // What the image crate reads: none, CCITT Group 4, LZW, JPEG, Deflate (twice), PackBits.
        1 | 4 | 5 | 7 | 8 | 32_946 | 32_773 => return None,
        2 => "CCITT modified Huffman (fax) compression",
        3 => "CCITT Group 3 fax compression",
        6 => "old-style JPEG compression (from before 1995)",
        34_661 => "JBIG compression",
        34_676 | 34_677 => "SGI LogLuv compression",
        34_712 => "JPEG 2000 compression",
        34_925 => "LZMA compression",
        50_000 => "Zstandard compression",
        50_001 => "WebP compression",
        52_546 => "JPEG XL compression",
        other => return Some(format!("compression method {other}, which few programs write")),
    };
    Some(name.to_owned())
}

fn bmp_feature(bytes: &[u8]) -> Option<String> {
    let le_u16 = |at: usize| bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let le_u32 = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let header_size = le_u32(14)?;
    match header_size {
        12 | 40 | 52 | 56 | 108 | 124 => {}
        16..=64 => return Some("an OS/2 2.x header".to_owned()),
        other => return Some(format!("a header of {other} bytes, which no common program writes")),
    }
    let (bits, compression, top_down) = if header_size == 12 {
        (le_u16(24)?, 0, false)
    } else {
        (le_u16(28)?, le_u32(30)?, le_u32(22)?.cast_signed() < 0)
    };
    let feature = match (compression, bits) {
        (1 | 2, _) if top_down => "run-length compression in a picture stored top row first".to_owned(),
        (4, _) => "a JPEG picture inside the bitmap (BI_JPEG)".to_owned(),
        (5, _) => "a PNG picture inside the bitmap (BI_PNG)".to_owned(),
        (6, _) => "alpha bit fields (BI_ALPHABITFIELDS, from Windows CE)".to_owned(),
        (11..=13, _) => "CMYK colour".to_owned(),
        (0..=3, 1 | 2 | 4 | 8 | 16 | 24 | 32) => return None,
        (0..=3, bits) => format!("{bits}-bit pixels"),
        (other, _) => format!("compression method {other}, which few programs write"),
    };
    Some(feature)
}

/// The frame header of a JPEG: its coding (the `SOFn` marker's low byte, 0xC0 to 0xCF), its
/// sample precision in bits and each channel's (horizontal, vertical) sampling factors.
pub(crate) struct JpegFrame {
    pub coding: u8,
    pub precision: u8,
    pub sampling: Vec<(u8, u8)>,
}

/// `jpeg`'s frame header, or `None` where the markers before it do not parse (the decoder
/// then reports that).
pub(crate) fn jpeg_frame(jpeg: &[u8]) -> Option<JpegFrame> {
    let mut at = 2;
    loop {
        if *jpeg.get(at)? != 0xFF {
            return None;
        }
        // A marker may follow any number of 0xFF fill bytes.
        while *jpeg.get(at)? == 0xFF {
            at += 1;
        }
        let coding = *jpeg.get(at)?;
        at += 1;
        match coding {
            0x01 | 0xD0..=0xD7 => {}
            0xD9 | 0xDA => return None,
            0xC0..=0xCF if !matches!(coding, 0xC4 | 0xC8 | 0xCC) => {
                // Length (2), precision (1), height (2), width (2), count (1), 3 bytes a channel.
                let precision = *jpeg.get(at + 2)?;
                let count = usize::from(*jpeg.get(at + 7)?);
                let channels = jpeg.get(at + 8..at + 8 + 3 * count)?;
                let sampling = channels.chunks_exact(3).map(|channel| (channel[1] >> 4, channel[1] & 0x0F)).collect();
                return Some(JpegFrame { coding, precision, sampling });
            }
            _ => at += usize::from(u16::from_be_bytes([*jpeg.get(at)?, *jpeg.get(at + 1)?])),
        }
    }
}

fn jpeg_feature(jpeg: &[u8]) -> Option<String> {
    let frame = jpeg_frame(jpeg)?;
    let feature = match frame.coding {
        0xC3 => "lossless JPEG compression".to_owned(),
        0xC5..=0xC7 | 0xCD..=0xCF => "hierarchical JPEG coding".to_owned(),
        0xC9..=0xCB => "arithmetic coding".to_owned(),
        _ if frame.precision != 8 => format!("{}-bit samples", frame.precision),
        _ => return None,
    };
    Some(feature)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A BMP file's first 34 bytes: file header, then a header of `size` bytes starting with
    /// width, height, planes, `bits` and `compression`.
    fn bmp(size: u32, height: i32, bits: u16, compression: u32) -> Vec<u8> {
        let mut bytes = b"BM".to_vec();
        bytes.extend([0; 12]);
        bytes.extend(size.to_le_bytes());
        bytes.extend(16_i32.to_le_bytes());
        bytes.extend(height.to_le_bytes());
        bytes.extend(1_u16.to_le_bytes());
        bytes.extend(bits.to_le_bytes());
        bytes.extend(compression.to_le_bytes());
        bytes
    }

    #[test]
    fn bmp_features_are_named_from_the_header() {
        let feature = |bytes: Vec<u8>| unreadable_feature(ImageFormat::Bmp, &bytes);
        assert_eq!(feature(bmp(40, 16, 24, 0)), None);
        assert_eq!(feature(bmp(124, 16, 32, 3)), None);
        assert_eq!(feature(bmp(64, 16, 24, 0)).unwrap(), "an OS/2 2.x header");
        assert!(feature(bmp(40, 16, 24, 4)).unwrap().contains("JPEG picture"));
        assert!(feature(bmp(40, 16, 24, 5)).unwrap().contains("PNG picture"));
        assert_eq!(feature(bmp(40, 16, 64, 0)).unwrap(), "64-bit pixels");
        assert!(feature(bmp(40, -16, 8, 1)).unwrap().contains("run-length compression"));
        let mut array = b"BA".to_vec();
        array.extend([0; 12]);
        array.extend(bmp(40, 16, 24, 0));
        assert!(unrecognised_variant(&array).unwrap().1.contains("bitmap array"));
        assert_eq!(unrecognised_variant(b"BAD NEWS, not a picture"), None);
        assert_eq!(feature(b"BM".to_vec()), None, "too short to tell");
    }

    #[test]
    fn jpeg_codings_the_decoder_lacks_are_named() {
        let frame =
            |coding: u8, precision: u8| vec![0xFF, 0xD8, 0xFF, coding, 0, 11, precision, 0, 8, 0, 8, 1, 1, 0x11, 0];
        let feature = |bytes: Vec<u8>| unreadable_feature(ImageFormat::Jpeg, &bytes);
        assert_eq!(feature(frame(0xC0, 8)), None);
        assert_eq!(feature(frame(0xC2, 8)), None);
        assert_eq!(feature(frame(0xC3, 8)).unwrap(), "lossless JPEG compression");
        assert_eq!(feature(frame(0xC9, 8)).unwrap(), "arithmetic coding");
        assert_eq!(feature(frame(0xC1, 12)).unwrap(), "12-bit samples");
        assert_eq!(jpeg_frame(&frame(0xC0, 8)).unwrap().sampling, [(1, 1)]);
    }

    #[test]
    fn mangled_headers_never_panic() {
        let encode = |format| {
            let mut bytes = Vec::new();
            let picture = image::DynamicImage::ImageRgb8(image::RgbImage::new(9, 5));
            picture.write_to(&mut std::io::Cursor::new(&mut bytes), format).unwrap();
            bytes
        };
        let seeds = [(ImageFormat::Tiff, encode(ImageFormat::Tiff)), (ImageFormat::Bmp, encode(ImageFormat::Bmp))];
        let jpeg = (ImageFormat::Jpeg, encode(ImageFormat::Jpeg));
        for (case, (format, seed)) in seeds.iter().chain([&jpeg]).cycle().take(30_000).enumerate() {
            let random = |salt: u64| crate::random::hash(&[case as u64, salt]);
            let mut bytes = seed.clone();
            let anywhere = |salt| usize::try_from(random(salt) % seed.len() as u64).unwrap();
            for flip in 0..4 {
                bytes[anywhere(flip)] = random(flip + 10).to_le_bytes()[0];
            }
            if random(20) % 2 == 0 {
                bytes.truncate(anywhere(21));
            }
            let _ = (unreadable_feature(*format, &bytes), misread_feature(*format, &bytes), jpeg_frame(&bytes));
            let _ = unrecognised_variant(&bytes);
        }
    }

    #[test]
    fn big_tiff_is_recognised() {
        assert_eq!(format_missed_by_guess(b"II+\0\x08\0\0\0"), Some(ImageFormat::Tiff));
        assert_eq!(format_missed_by_guess(b"II*\0"), None);
    }
}
