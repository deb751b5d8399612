//! ImageMagick, for tests that make photo files the studio's own encoders cannot (CMYK JPEGs,
//! TIFFs with unusual compressions) and for a reference decoder to compare the studio's pixels
//! with. CI installs it (`.ci/run`); elsewhere a test without it says so and stops.

use std::path::Path;
use std::process::Command;

/// ImageMagick's command line: `magick` from version 7 on, `convert` before. `None` (with a
/// notice through [`super::skip`], which fails on CI) where neither is installed. A `convert`
/// that is not ImageMagick's (`GraphicsMagick`'s, or a stand-in) does not count.
pub fn magick() -> Option<&'static str> {
    let found = ["magick", "convert"].into_iter().find(|program| {
        Command::new(program)
            .arg("-version")
            .output()
            .is_ok_and(|out| out.status.success() && String::from_utf8_lossy(&out.stdout).contains("ImageMagick"))
    });
    if found.is_none() {
        super::skip("ImageMagick is not installed (apt-get install imagemagick)");
    }
    found
}

/// Runs `program` (from [`magick`]) with `args`, failing the test with ImageMagick's own words
/// if it fails.
pub fn run(program: &str, args: &[&str]) {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(out.status.success(), "{program} {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
}

/// ImageMagick's own 8-bit sRGB pixels for the photo at `path`, turned upright by its EXIF
/// orientation: the reference a decoder's output is compared with.
pub fn reference_rgb(program: &str, path: &Path) -> image::RgbImage {
    let png = path.with_extension("reference.png");
    let (input, output) = (path.to_str().unwrap(), format!("PNG24:{}", png.to_str().unwrap()));
    run(program, &[input, "-auto-orient", "-colorspace", "sRGB", "-depth", "8", &output]);
    image::open(&png).unwrap().into_rgb8()
}

/// How far `decoded` is from `reference`: the mean absolute difference of each channel (0-255)
/// over the picture, and the largest difference of any channel of any pixel.
pub fn difference(decoded: &image::RgbaImage, reference: &image::RgbImage) -> ([f64; 3], u8) {
    let mut sums = [0u64; 3];
    let mut largest = 0;
    for (ours, theirs) in decoded.pixels().zip(reference.pixels()) {
        for channel in 0..3 {
            let difference = ours[channel].abs_diff(theirs[channel]);
            sums[channel] += u64::from(difference);
            largest = largest.max(difference);
        }
    }
    let count = f64::from(reference.width() * reference.height());
    #[expect(clippy::cast_precision_loss, reason = "sums of a few million levels are exact in f64")]
    (sums.map(|sum| sum as f64 / count), largest)
}
