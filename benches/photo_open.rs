//! How long a 24 MP client photo takes to become display-ready, against libjpeg-turbo's `djpeg`
//! decoding the same file, and the peak memory it takes.
//!
//! `cargo bench --bench photo_open`. The photo is synthesised once (6000 x 4000, JPEG quality
//! 90) into `target/bench-24mp.jpg`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a benchmark fails loudly")]
#![allow(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use hairline_studio::io::decode_photo;

const RUNS: usize = 7;

fn main() {
    let photo = bench_photo();
    let djpeg = median(|| {
        let status = Command::new("djpeg").arg("-outfile").arg("/dev/null").arg(&photo).status();
        status.is_ok_and(|s| s.success())
    });
    // Reset the peak-memory mark so that it measures the decode, not the synthesis.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let ours = median(|| {
        let decoded = decode_photo(&photo, 8192).unwrap();
        // The app hands these bytes to egui as they are (a zero-copy cast to Color32).
        decoded.display.len() == 6000 * 4000 * 4
    });
    println!("photo_open_24mp/hairline_studio  median {:>6.1} ms", ms(ours));
    match djpeg {
        Some(djpeg) => {
            println!("photo_open_24mp/djpeg            median {:>6.1} ms", ms(Some(djpeg)));
            println!(
                "photo_open_24mp/ratio            {:.2} x djpeg (target: at most 1.5)",
                ms(ours) / ms(Some(djpeg))
            );
        }
        None => println!("photo_open_24mp/djpeg            not measured: install libjpeg-turbo-progs"),
    }
    if let Some(peak_mib) = peak_rss_mib() {
        println!("photo_open_24mp/peak_memory      {peak_mib} MiB (target: under 400 with the photo open)");
    }
}

/// Median wall time of `RUNS` runs of `run`, or `None` if a run reports failure.
fn median(mut run: impl FnMut() -> bool) -> Option<Duration> {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        if !run() {
            return None;
        }
        times.push(start.elapsed());
    }
    times.sort();
    Some(times[RUNS / 2])
}

fn ms(duration: Option<Duration>) -> f64 {
    duration.map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
}

fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// A 6000 x 4000 photo-like JPEG: smooth shading with fine noise, like skin and hair.
fn bench_photo() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-24mp.jpg");
    if path.exists() {
        return path;
    }
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let image = image::RgbImage::from_fn(6000, 4000, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let noise = (state >> 59) as u8;
        let base = ((x / 24 + y / 16) % 200) as u8;
        image::Rgb([base.saturating_add(noise), 150u8.saturating_sub(noise), 120 + noise])
    });
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut file, 90).encode_image(&image).unwrap();
    path
}
