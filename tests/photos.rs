//! Opening client photos: formats, EXIF orientation, limits and bad files.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]

use std::io::Cursor;
use std::path::Path;

mod common;

use common::with_app1;
use hairline_studio::io::{PhotoError, decode_photo, decode_photo_bytes};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// 40 x 20 pixels, grey with a red top-left quadrant: where the red ends up shows the orientation.
fn marked_image() -> RgbImage {
    RgbImage::from_fn(40, 20, |x, y| if x < 20 && y < 10 { Rgb([230, 20, 20]) } else { Rgb([90, 90, 90]) })
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    image.write_to(&mut Cursor::new(&mut bytes), format).unwrap();
    bytes
}

fn decode(bytes: &[u8], name: &str) -> Result<hairline_studio::io::DecodedPhoto, PhotoError> {
    decode_photo_bytes(bytes, Path::new(name), 8192)
}

/// Which quadrant of the decoded photo is red: (right half?, bottom half?).
fn red_quadrant(photo: &hairline_studio::io::DecodedPhoto) -> (bool, bool) {
    let (w, h) = (photo.display.width(), photo.display.height());
    let centres = [(w / 4, h / 4), (3 * w / 4, h / 4), (w / 4, 3 * h / 4), (3 * w / 4, 3 * h / 4)];
    let reddest = centres
        .iter()
        .max_by_key(|&&(x, y)| {
            let p = photo.display.get_pixel(x, y);
            i32::from(p[0]) - i32::from(p[1])
        })
        .unwrap();
    (reddest.0 > w / 2, reddest.1 > h / 2)
}

/// A JPEG of the marked image carrying an EXIF orientation tag.
fn jpeg_with_orientation(orientation: u8) -> Vec<u8> {
    let jpeg = encode(&DynamicImage::ImageRgb8(marked_image()), ImageFormat::Jpeg);
    let mut tiff = b"Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0".to_vec();
    tiff.extend([orientation, 0, 0, 0, 0, 0, 0, 0]);
    with_app1(&jpeg, &tiff)
}

#[test]
fn all_eight_exif_orientations_are_applied() {
    // (width, height, red on the right, red at the bottom) as a viewer shows each orientation.
    let expected = [
        (1, (40, 20, false, false)),
        (2, (40, 20, true, false)),
        (3, (40, 20, true, true)),
        (4, (40, 20, false, true)),
        (5, (20, 40, false, false)),
        (6, (20, 40, true, false)),
        (7, (20, 40, true, true)),
        (8, (20, 40, false, true)),
    ];
    for (orientation, (w, h, right, bottom)) in expected {
        let photo = decode(&jpeg_with_orientation(orientation), "oriented.jpg").unwrap();
        assert_eq!((photo.width_px, photo.height_px), (w, h), "orientation {orientation}");
        assert_eq!(red_quadrant(&photo), (right, bottom), "orientation {orientation}");
    }
}

#[test]
fn common_formats_and_pixel_layouts_open() {
    let rgb = DynamicImage::ImageRgb8(marked_image());
    let cases = [
        ("rgb.png", encode(&rgb, ImageFormat::Png)),
        ("rgb16.png", encode(&DynamicImage::ImageRgb16(rgb.to_rgb16()), ImageFormat::Png)),
        ("grey.png", encode(&DynamicImage::ImageLuma8(rgb.to_luma8()), ImageFormat::Png)),
        ("grey16.png", encode(&DynamicImage::ImageLuma16(rgb.to_luma16()), ImageFormat::Png)),
        ("alpha.png", encode(&DynamicImage::ImageRgba8(rgb.to_rgba8()), ImageFormat::Png)),
        ("baseline.jpg", encode(&rgb, ImageFormat::Jpeg)),
        ("lossless.webp", encode(&DynamicImage::ImageRgba8(rgb.to_rgba8()), ImageFormat::WebP)),
        ("photo.tiff", encode(&rgb, ImageFormat::Tiff)),
        ("photo.bmp", encode(&rgb, ImageFormat::Bmp)),
    ];
    for (name, bytes) in cases {
        let photo = decode(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!((photo.width_px, photo.height_px), (40, 20), "{name}");
        assert_eq!(photo.display.dimensions(), (40, 20), "{name}");
        assert!(photo.display.pixels().all(|p| p[3] == 255), "{name}: the display copy is opaque");
        if !name.starts_with("grey") {
            assert_eq!(red_quadrant(&photo), (false, false), "{name}");
        }
    }
}

#[test]
fn progressive_and_cmyk_jpegs_open() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let marked = marked_image();
    for name in ["progressive.jpg", "cmyk.jpg"] {
        let photo = decode_photo(&fixtures.join(name), 8192).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!((photo.width_px, photo.height_px), (40, 20), "{name}");
        assert_eq!(red_quadrant(&photo), (false, false), "{name}: colours survive the conversion");
        // Every pixel away from the red quadrant's edges has the marked image's colour (the
        // CMYK fixture once came out in grey stripes, its right quarter flat grey).
        for (x, y, pixel) in photo.display.enumerate_pixels() {
            let near_edge = (16..24).contains(&x) || (6..14).contains(&y);
            let expected = marked.get_pixel(x, y);
            let off = (0..3).map(|c| pixel[c].abs_diff(expected[c])).max().unwrap();
            assert!(near_edge || off <= 12, "{name} ({x}, {y}): {:?} instead of {:?}", pixel.0, expected.0);
        }
    }
}

#[test]
fn large_photos_keep_their_size_but_get_a_smaller_display_copy() {
    let big = DynamicImage::ImageRgb8(RgbImage::from_pixel(3000, 1000, Rgb([200, 150, 120])));
    let photo = decode_photo_bytes(&encode(&big, ImageFormat::Png), Path::new("big.png"), 1024).unwrap();
    assert_eq!((photo.width_px, photo.height_px), (3000, 1000));
    assert_eq!(photo.display.width(), 1024);
    assert!((photo.photo_px_per_display_px() - 3000.0 / 1024.0).abs() < 1e-9);
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A PNG whose header claims `width` x `height` pixels, with one tiny (empty) data chunk.
fn png_header_only(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend(13u32.to_be_bytes());
    bytes.extend(&ihdr);
    bytes.extend(crc32(&ihdr).to_be_bytes());
    let idat = b"IDAT\x78\x9c\x03\x00\x00\x00\x00\x01";
    bytes.extend(8u32.to_be_bytes());
    bytes.extend(idat);
    bytes.extend(crc32(idat).to_be_bytes());
    bytes.extend(0u32.to_be_bytes());
    bytes.extend(b"IEND");
    bytes.extend(crc32(b"IEND").to_be_bytes());
    bytes
}

#[test]
fn a_decompression_bomb_is_refused_before_decoding() {
    let error = decode(&png_header_only(100_000, 100_000), "bomb.png").unwrap_err();
    assert!(matches!(error, PhotoError::TooManyPixels { .. }), "{error}");
    assert!(error.to_string().contains("10000 MP"), "{error}");
}

#[test]
fn broken_photos_give_clear_messages() {
    let jpeg = encode(&DynamicImage::ImageRgb8(marked_image()), ImageFormat::Jpeg);
    let mut bad_crc = encode(&DynamicImage::ImageRgb8(marked_image()), ImageFormat::Png);
    bad_crc[29] ^= 0xFF; // inside IHDR's CRC
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("empty.jpg", Vec::new(), "is empty"),
        ("text.jpg", b"this is not a photo at all".to_vec(), "not a photo format"),
        ("truncated.jpg", jpeg[..40].to_vec(), "could not be decoded"),
        ("bad-crc.png", bad_crc, "could not be decoded"),
    ];
    for (name, bytes, expected) in cases {
        let error = decode(&bytes, name).expect_err(name);
        let message = error.to_string();
        assert!(message.contains(name) && message.contains(expected), "{name}: {message}");
    }
}

#[test]
fn missing_files_and_folders_are_named() {
    let folder = tempfile::tempdir().unwrap();
    let missing = decode_photo(&folder.path().join("gone.jpg"), 8192).unwrap_err();
    assert!(matches!(missing, PhotoError::NotFound { .. }), "{missing}");
    let directory = decode_photo(folder.path(), 8192).unwrap_err();
    assert!(matches!(directory, PhotoError::IsDirectory { .. }), "{directory}");
}

#[test]
fn heic_photos_need_heif_convert_and_say_how_to_get_it() {
    let mut fake = vec![0, 0, 0, 24];
    fake.extend(b"ftypheic\0\0\0\0mif1heic");
    fake.extend([0u8; 64]);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("phone.heic");
    std::fs::write(&path, &fake).unwrap();
    let error = decode_photo(&path, 8192).unwrap_err();
    match error {
        PhotoError::HeifConverterMissing { .. } => assert!(error.to_string().contains("libheif"), "{error}"),
        // With heif-convert installed, this fake file fails to convert instead.
        PhotoError::HeifConversionFailed { .. } => {}
        other => panic!("unexpected: {other}"),
    }
}
