//! How long the design sheet of a one-view design takes to export: the bundled sample design
//! (a 1200 x 1500 photo, one zone, the hairline), from opening its photo to the finished PDF,
//! and the PNG pages at 300 dpi. Target: under 1 s for the PDF.
//!
//! `cargo bench --bench design_sheet`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a benchmark fails loudly")]
#![allow(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::path::Path;
use std::time::{Duration, Instant};

use hairline_studio::io::open_design_file;
use hairline_studio::sheet::{DPI, Paper, PlanText, SheetPhotos, layout, pdf, raster};

const RUNS: usize = 7;

fn main() {
    let design =
        open_design_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-design.json")).unwrap().design;
    let sheet_of =
        |design| layout(design, &SheetPhotos::open(design), Paper::A4, &PlanText::default(), "2026-11-23", &|_| ());
    let sheet = sheet_of(&design);
    let whole_pdf = median(|| pdf::write(&sheet_of(&design)).unwrap().len());
    let layout_only = median(|| sheet_of(&design).pages.len());
    let pdf_only = median(|| pdf::write(&sheet).unwrap().len());
    let png_pages = median(|| {
        (0..sheet.pages.len())
            .map(|page| {
                let pixels = raster::render_page(&sheet, page, DPI).unwrap();
                hairline_studio::sheet::export::encode_png(&pixels).unwrap().len()
            })
            .sum()
    });
    println!("design_sheet/one_view_pdf      median {:>6.0} ms (target: under 1000)", ms(whole_pdf));
    println!("design_sheet/photo_and_layout  median {:>6.0} ms", ms(layout_only));
    println!("design_sheet/pdf_writing       median {:>6.0} ms", ms(pdf_only));
    println!("design_sheet/png_pages_300dpi  median {:>6.0} ms ({} pages)", ms(png_pages), sheet.pages.len());
}

/// Median wall time of `RUNS` runs of `run` (its result is kept from being optimised away).
fn median(mut run: impl FnMut() -> usize) -> Duration {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(run());
        times.push(start.elapsed());
    }
    times.sort();
    times[RUNS / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
