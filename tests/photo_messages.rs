//! A photo the studio cannot open is told what the file is, what in it cannot be read, and
//! what to do, in a message that names it, never in the decoder's own words alone and never
//! with the operating system's words twice. TIFFs are made here by ImageMagick, with each
//! feature the image crate lacks and with those it has (which must open, in the colours
//! ImageMagick shows); BMP and JPEG headers that common programs no longer write are made byte
//! by byte.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]

use std::io::Cursor;
use std::path::{Path, PathBuf};

mod common;

use common::magick;
use hairline_studio::io::{PhotoError, decode_photo};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// TIFFs the studio refuses: name, ImageMagick's options, and the feature the message names.
const UNREADABLE_TIFFS: &[(&str, &[&str], &str)] = &[
    ("lzma.tif", &["-compress", "LZMA"], "LZMA compression"),
    ("zstd.tif", &["-compress", "Zstd"], "Zstandard compression"),
    ("webp.tif", &["-compress", "WebP"], "WebP compression"),
    ("fax.tif", &["-monochrome", "-compress", "Fax"], "CCITT Group 3 fax compression"),
    ("half-float.tif", &["-define", "quantum:format=floating-point", "-depth", "16"], "16-bit floating-point samples"),
    ("double.tif", &["-define", "quantum:format=floating-point", "-depth", "64"], "64-bit floating-point samples"),
    ("signed.tif", &["-define", "quantum:format=signed", "-depth", "16"], "signed integer samples"),
    ("12-bit.tif", &["-depth", "12"], "12-bit samples"),
    ("4-bit-grey.tif", &["-colorspace", "Gray", "-depth", "4"], "4-bit samples"),
    ("palette.tif", &["-colors", "64", "-type", "Palette"], "a colour palette (indexed colour)"),
    ("lab.tif", &["-colorspace", "Lab"], "CIE L*a*b* colour"),
    ("ycbcr.tif", &["-colorspace", "YCbCr"], "YCbCr colour without JPEG compression"),
    ("cmyk-alpha.tif", &["-colorspace", "CMYK", "-alpha", "set"], "CMYK with an extra channel"),
    ("grey-alpha.tif", &["-colorspace", "Gray", "-alpha", "set"], "grey with a transparency channel"),
    // These two once opened without a word, in the wrong colours (bit-reversed, or black).
    ("reversed-bits.tif", &["-compress", "None", "-define", "tiff:fill-order=lsb"], "FillOrder 2"),
    ("32-bit-integer.tif", &["-depth", "32"], "32-bit integer samples"),
];

/// TIFFs and BMPs the studio opens: name (with ImageMagick's format prefix where the extension
/// is not enough) and ImageMagick's options.
const READABLE: &[(&str, &[&str])] = &[
    ("lzw.tif", &["-compress", "LZW"]),
    ("deflate.tif", &["-compress", "Zip"]),
    ("packbits.tif", &["-compress", "RLE"]),
    ("jpeg-in-tiff.tif", &["-compress", "JPEG"]),
    ("group-4-fax.tif", &["-monochrome", "-compress", "Group4"]),
    ("planar.tif", &["-interlace", "Plane"]),
    ("tiled.tif", &["-define", "tiff:tile-geometry=16x16"]),
    ("16-bit.tif", &["-depth", "16"]),
    ("float.tif", &["-define", "quantum:format=floating-point", "-depth", "32"]),
    ("cmyk.tif", &["-colorspace", "CMYK"]),
    // BigTIFF (64-bit offsets) was once "not a photo format the studio reads".
    ("TIFF64:bigtiff.tif", &[]),
    ("BMP3:rle8.bmp", &["-colors", "200", "-type", "Palette", "-compress", "RLE"]),
    ("BMP3:rle4.bmp", &["-colors", "16", "-type", "Palette", "-compress", "RLE"]),
    ("rgb565-bitfields.bmp", &["-define", "bmp:subtype=RGB565"]),
    ("BMP2:os2-1.bmp", &[]),
    ("v5-alpha.bmp", &["-alpha", "set"]),
];

/// 8-bit colour ramps with enough colours that ImageMagick keeps them RGB.
fn picture() -> RgbImage {
    RgbImage::from_fn(61, 37, |x, y| {
        let level = |value: u32| u8::try_from(value % 256).unwrap();
        Rgb([level(x * 4), level(y * 7), level(x * y)])
    })
}

/// Makes `name` (after any `FORMAT:` prefix) in `folder` from the source picture with
/// ImageMagick's `options`.
fn magick_file(program: &str, folder: &Path, name: &str, options: &[&str]) -> PathBuf {
    let source = folder.join("source.png");
    if !source.exists() {
        picture().save(&source).unwrap();
    }
    let (prefix, file) = name.rsplit_once(':').unwrap_or(("", name));
    let path = folder.join(file);
    let output = format!("{}{}{}", prefix, if prefix.is_empty() { "" } else { ":" }, path.to_str().unwrap());
    magick::run(program, &[&[source.to_str().unwrap()], options, &[output.as_str()]].concat());
    path
}

/// Checks that `path` is refused as a `format` file using `feature`, in a message of two
/// sentences (what it is and what it lacks; what to do) without the decoder's own jargon.
fn assert_refused_for(path: &Path, format: &str, feature: &str) {
    let name = path.file_name().unwrap().to_str().unwrap();
    let Err(error) = decode_photo(path, 2048) else { panic!("{name} opened") };
    let message = error.to_string();
    assert!(matches!(error, PhotoError::UnsupportedFeature { .. }), "{name}: {message}");
    assert!(message.contains(&format!("{name} is a {format} file, but it uses ")), "{name}: {message}");
    assert!(message.contains(feature), "{name}: expected {feature:?} in: {message}");
    assert!(message.ends_with("save it as an RGB JPEG or PNG, and open that."), "{name}: {message}");
    for jargon in ["not a photo format", "Unknown(", "Unhandled", "unsupported", "Photometric"] {
        assert!(!message.contains(jargon), "{name}: decoder jargon {jargon:?} in: {message}");
    }
}

#[test]
fn tiffs_with_features_the_decoder_lacks_say_which_and_what_to_do() {
    let Some(program) = magick::magick() else { return };
    let folder = tempfile::tempdir().unwrap();
    for (name, options, feature) in UNREADABLE_TIFFS {
        assert_refused_for(&magick_file(program, folder.path(), name, options), "TIFF", feature);
    }
}

#[test]
fn tiffs_and_bmps_with_features_the_decoder_has_open_in_the_right_colours() {
    let Some(program) = magick::magick() else { return };
    let folder = tempfile::tempdir().unwrap();
    for (name, options) in READABLE {
        let path = magick_file(program, folder.path(), name, options);
        let photo = decode_photo(&path, 2048).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (means, largest) = magick::difference(&photo.display, &magick::reference_rgb(program, &path));
        assert!(means.iter().all(|&mean| mean < 1.5) && largest <= 8, "{name}: {means:?}, largest {largest}");
    }
}

/// A BMP file: the file header, then a `header_size`-byte header beginning with width 4,
/// `height`, one plane, `bits` and `compression`, then `pixels`.
fn bmp(header_size: u32, height: i32, bits: u16, compression: u32, pixels: &[u8]) -> Vec<u8> {
    let pixels_at = 14 + header_size;
    let pixels_size = u32::try_from(pixels.len()).unwrap();
    let mut header = header_size.to_le_bytes().to_vec();
    for field in [4_i32.to_le_bytes(), height.to_le_bytes()] {
        header.extend(field);
    }
    header.extend(1_u16.to_le_bytes());
    header.extend(bits.to_le_bytes());
    header.extend(compression.to_le_bytes());
    header.extend(pixels_size.to_le_bytes());
    header.resize(usize::try_from(header_size).unwrap(), 0);
    let mut bytes = b"BM".to_vec();
    bytes.extend((pixels_at + pixels_size).to_le_bytes());
    bytes.extend([0; 4]);
    bytes.extend(pixels_at.to_le_bytes());
    bytes.extend(header);
    bytes.extend(pixels);
    bytes
}

fn encoded(format: ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    DynamicImage::ImageRgb8(RgbImage::new(4, 4)).write_to(&mut Cursor::new(&mut bytes), format).unwrap();
    bytes
}

#[test]
fn bmps_with_features_the_decoder_lacks_say_which_and_what_to_do() {
    let rows = vec![0; 4 * 4 * 3];
    let mut array = b"BA".to_vec();
    array.extend([0; 12]);
    array.extend(bmp(40, 4, 24, 0, &rows));
    let cases = [
        ("os2-2.bmp", bmp(64, 4, 24, 0, &rows), "an OS/2 2.x header"),
        ("embedded-jpeg.bmp", bmp(40, 4, 24, 4, &encoded(ImageFormat::Jpeg)), "a JPEG picture inside the bitmap"),
        ("embedded-png.bmp", bmp(124, 4, 24, 5, &encoded(ImageFormat::Png)), "a PNG picture inside the bitmap"),
        ("64-bit.bmp", bmp(124, 4, 64, 0, &[0; 4 * 4 * 8]), "64-bit pixels"),
        ("cmyk.bmp", bmp(40, 4, 32, 11, &[0; 4 * 4 * 4]), "CMYK colour"),
        ("alpha-bitfields.bmp", bmp(56, 4, 32, 6, &[0; 4 * 4 * 4]), "alpha bit fields"),
        ("top-down-rle.bmp", bmp(40, -4, 8, 1, &[0, 1]), "run-length compression in a picture stored top row first"),
        ("bitmap-array.bmp", array, "the OS/2 bitmap array layout"),
    ];
    let folder = tempfile::tempdir().unwrap();
    for (name, bytes, feature) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        assert_refused_for(&path, "BMP", feature);
    }
}

#[test]
fn jpegs_coded_in_ways_the_decoder_lacks_say_which() {
    // A start marker and a frame header, coded as `coding` with `precision`-bit samples.
    let frame = |coding: u8, precision: u8| vec![0xFF, 0xD8, 0xFF, coding, 0, 11, precision, 0, 8, 0, 8, 1, 1, 0x11, 0];
    let cases = [
        ("lossless.jpg", frame(0xC3, 8), "lossless JPEG compression"),
        ("arithmetic.jpg", frame(0xC9, 8), "arithmetic coding"),
        ("hierarchical.jpg", frame(0xC5, 8), "hierarchical JPEG coding"),
        ("12-bit.jpg", frame(0xC1, 12), "12-bit samples"),
    ];
    let folder = tempfile::tempdir().unwrap();
    for (name, bytes, feature) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        assert_refused_for(&path, "JPEG", feature);
    }
}

#[test]
fn other_formats_damaged_files_and_non_photos_are_told_apart() {
    let folder = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        decode_photo(&path, 2048).unwrap_err().to_string()
    };
    let gif = write("animation.gif", b"GIF89a\x01\0\x01\0\0\0\0;");
    assert!(gif.contains("animation.gif is in GIF format, which the studio does not read"), "{gif}");
    assert!(gif.ends_with("Save it as JPEG or PNG in a photo editor and open that."), "{gif}");

    let png = encoded(ImageFormat::Png);
    let damaged = write("damaged.png", &png[..png.len() - 20]);
    assert!(damaged.contains("damaged.png could not be decoded: its PNG decoder reports “"), "{damaged}");
    assert!(damaged.ends_with("copy it again from the camera, the phone or wherever it came from."), "{damaged}");

    let mut jpeg = Vec::new();
    picture().write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg).unwrap();
    let cut = write("cut.jpg", &jpeg[..jpeg.len() - 100]);
    assert!(cut.contains("cut.jpg could not be decoded: it ends before the picture does"), "{cut}");

    let note = write("note.jpg", b"Remember to calibrate.");
    assert!(note.contains("note.jpg is not a photo format the studio reads: it reads JPEG, PNG"), "{note}");
    assert!(note.ends_with("If it is a photo, save it as JPEG or PNG in a photo editor and open that."), "{note}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_photo_names_the_operating_systems_reason_once() {
    let folder = tempfile::tempdir().unwrap();
    let looped = folder.path().join("loop.jpg");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let Err(error) = decode_photo(&looped, 2048) else { panic!("a symlink loop opened") };
    // The command line prints errors with anyhow's "{:#}", which adds each source's message.
    let printed = format!("{:#}", anyhow::Error::from(error));
    assert_eq!(printed.matches("symbolic links").count(), 1, "{printed}");
}
