//! CMYK JPEGs, as print shops and some scanners write them, open in the colours every other
//! program shows. The corpus is made here, at test time, from one picture: YCCK files by
//! ImageMagick (which stores all CMYK JPEGs that way) and Adobe CMYK files (transform 0, which
//! ImageMagick cannot write) by the jpeg-encoder crate. Each is compared, pixel by pixel, with
//! ImageMagick's own conversion of the same file to sRGB.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]

use std::path::{Path, PathBuf};

mod common;

use common::magick;
use hairline_studio::io::decode_photo;
use image::{Rgb, RgbImage};
use jpeg_encoder::{ColorType, Encoder, SamplingFactor};

/// How far the studio's pixels may be from ImageMagick's, per channel (0-255): the mean over a
/// photo, and any one pixel. The two decoders' inverse DCTs and upsampling differ by a level or
/// two inside smooth areas and by a little more at a sharp colour edge; measured here: means of
/// 0.2 to 0.5 and at most 3 levels. A wrong inversion or formula is off by tens.
const MAX_MEAN_DIFFERENCE: f64 = 1.5;
const MAX_PIXEL_DIFFERENCE: u8 = 8;

/// The flat patches along the bottom of the test picture: skin and hair tones, the headline red,
/// and the extremes.
const PATCHES: [[u8; 3]; 8] = [
    [255, 219, 172],
    [224, 172, 105],
    [141, 85, 36],
    [200, 30, 30],
    [40, 30, 25],
    [0, 0, 0],
    [255, 255, 255],
    [128, 128, 128],
];
const RED_PATCH: usize = 3;
const WIDTH: u32 = 101;
const HEIGHT: u32 = 67;
const RAMP_HEIGHT: u32 = 40;
const PATCH_WIDTH: u32 = 12;

/// A picture that is neither a multiple of the 8 or 16 pixel JPEG blocks wide nor high: colour
/// ramps above, flat patches below.
fn picture() -> RgbImage {
    RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        if y < RAMP_HEIGHT {
            let level = |value: u32| u8::try_from(value.min(255)).unwrap();
            Rgb([level(x * 255 / (WIDTH - 1)), level(y * 255 / (RAMP_HEIGHT - 1)), level(255 - x * 2 + y)])
        } else {
            Rgb(PATCHES[usize::try_from(x / PATCH_WIDTH).unwrap().min(PATCHES.len() - 1)])
        }
    })
}

/// Ink (0 = none, 255 = full) for each pixel, by the textbook conversion from RGB.
fn ink(picture: &RgbImage) -> Vec<u8> {
    let mut ink = Vec::with_capacity(picture.as_raw().len() / 3 * 4);
    for Rgb([r, g, b]) in picture.pixels() {
        let black = 255 - u32::from(*r.max(g).max(b));
        let colour = |value: u8| {
            if black == 255 { 0 } else { ((255 - u32::from(value) - black) * 255 + (255 - black) / 2) / (255 - black) }
        };
        ink.extend([colour(*r), colour(*g), colour(*b), black].map(|v| u8::try_from(v).unwrap()));
    }
    ink
}

/// `jpeg` without its Adobe (APP14) segment: a four-channel file that says nothing of how its
/// channels are stored.
fn without_adobe_segment(jpeg: &[u8]) -> Vec<u8> {
    let start = jpeg.windows(9).position(|w| w[..2] == [0xFF, 0xEE] && &w[4..9] == b"Adobe").unwrap();
    let length = usize::from(u16::from_be_bytes([jpeg[start + 2], jpeg[start + 3]]));
    [&jpeg[..start], &jpeg[start + 2 + length..]].concat()
}

fn encode_ink(ink: &[u8], colour: ColorType, progressive: bool, sampling: SamplingFactor) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = Encoder::new(&mut bytes, 90);
    encoder.set_progressive(progressive);
    encoder.set_sampling_factor(sampling);
    let (width, height) = (u16::try_from(WIDTH).unwrap(), u16::try_from(HEIGHT).unwrap());
    encoder.encode(ink, width, height, colour).unwrap();
    bytes
}

/// A JPEG's bytes with an EXIF block saying "rotate 90 degrees clockwise to view".
fn rotated(jpeg: &[u8]) -> Vec<u8> {
    common::with_app1(jpeg, b"Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0")
}

/// Writes the corpus into `folder`: every way a CMYK JPEG is stored, baseline and progressive,
/// with and without subsampling. Returns the files, each with what it tests.
fn make_corpus(program: &str, folder: &Path) -> Vec<PathBuf> {
    let picture = picture();
    let source = folder.join("source.png");
    picture.save(&source).unwrap();
    let source = source.to_str().unwrap();
    let by_magick = |name: &str, options: &[&str]| {
        let path = folder.join(name);
        let cmyk = [source, "-colorspace", "CMYK"];
        magick::run(program, &[&cmyk[..], options, &[path.to_str().unwrap()]].concat());
        path
    };
    let write = |name: &str, bytes: &[u8]| {
        let path = folder.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let ink = ink(&picture);
    let adobe_cmyk = encode_ink(&ink, ColorType::Cmyk, false, SamplingFactor::F_1_1);
    let ycck = by_magick("ycck-baseline.jpg", &["-quality", "92", "-sampling-factor", "1x1"]);
    vec![
        by_magick("ycck-progressive.jpg", &["-quality", "92", "-sampling-factor", "1x1", "-interlace", "JPEG"]),
        by_magick("ycck-subsampled.jpg", &["-quality", "85", "-sampling-factor", "2x2,1x1,1x1,2x2"]),
        write("ycck-rotated.jpg", &rotated(&std::fs::read(&ycck).unwrap())),
        ycck,
        write("ycck-progressive-subsampled.jpg", &encode_ink(&ink, ColorType::CmykAsYcck, true, SamplingFactor::F_2_2)),
        write("cmyk-adobe-progressive.jpg", &encode_ink(&ink, ColorType::Cmyk, true, SamplingFactor::F_1_1)),
        write("cmyk-no-adobe-marker.jpg", &without_adobe_segment(&adobe_cmyk)),
        write("cmyk-adobe-baseline.jpg", &adobe_cmyk),
    ]
}

#[test]
fn cmyk_with_black_finer_than_its_colours_is_refused_not_shown_wrong() {
    // jpeg-encoder's CMYK at 4:2:0 keeps black at full resolution and halves the rest, a layout
    // zune-jpeg 0.5 upsamples wrongly (a red patch came out pink).
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("black-finer.jpg");
    std::fs::write(&path, encode_ink(&ink(&picture()), ColorType::Cmyk, false, SamplingFactor::F_2_2)).unwrap();
    let error = decode_photo(&path, 8192).unwrap_err().to_string();
    assert!(error.contains("black-finer.jpg is a JPEG file, but it uses CMYK with black sampled"), "{error}");
    assert!(error.contains("save it as an RGB JPEG or PNG"), "{error}");
}

#[test]
fn cmyk_jpegs_match_a_reference_decoder_pixel_for_pixel() {
    let Some(program) = magick::magick() else { return };
    let folder = tempfile::tempdir().unwrap();
    for path in make_corpus(program, folder.path()) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let photo = decode_photo(&path, 8192).unwrap_or_else(|e| panic!("{name}: {e}"));
        let reference = magick::reference_rgb(program, &path);
        assert_eq!(photo.display.dimensions(), reference.dimensions(), "{name}: size or orientation");
        let (means, largest) = magick::difference(&photo.display, &reference);
        eprintln!("{name}: mean difference R {:.2} G {:.2} B {:.2}, largest {largest}", means[0], means[1], means[2]);
        assert!(means.iter().all(|&mean| mean < MAX_MEAN_DIFFERENCE), "{name}: mean difference {means:?}");
        assert!(largest <= MAX_PIXEL_DIFFERENCE, "{name}: a pixel is {largest} levels off");
    }
}

#[test]
fn a_red_patch_in_a_cmyk_jpeg_stays_red_and_the_right_quarter_keeps_its_colours() {
    let Some(program) = magick::magick() else { return };
    let folder = tempfile::tempdir().unwrap();
    let source = folder.path().join("source.png");
    let picture = picture();
    picture.save(&source).unwrap();
    let jpeg = folder.path().join("print-shop.jpg");
    magick::run(program, &[source.to_str().unwrap(), "-colorspace", "CMYK", jpeg.to_str().unwrap()]);
    let photo = decode_photo(&jpeg, 8192).unwrap();
    let red = (PATCH_WIDTH * u32::try_from(RED_PATCH).unwrap() + PATCH_WIDTH / 2, u32::midpoint(RAMP_HEIGHT, HEIGHT));
    // The right quarter once came out flat grey, the rest in grey stripes.
    for (x, y) in [red, (WIDTH - 3, 5), (WIDTH - 3, RAMP_HEIGHT - 5), (WIDTH * 3 / 4 + 2, 20)] {
        let (ours, source) = (photo.display.get_pixel(x, y), picture.get_pixel(x, y));
        assert!((0..3).all(|c| ours[c].abs_diff(source[c]) <= 6), "({x}, {y}): {:?} instead of {:?}", ours.0, source.0);
    }
}
