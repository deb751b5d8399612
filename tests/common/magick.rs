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
