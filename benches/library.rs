//! How long the library takes to list 1000 designs, with their thumbnails already cached (as
//! after the first showing). Target: under 1 s.
//!
//! `cargo bench --bench library`. The designs are written once into `target/bench-library`:
//! copies of the sample design under 1000 client names, all on the sample photo.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a benchmark fails loudly")]
#![allow(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hairline_studio::io::{open_design_file, save_design_file, scan_library, thumbnail};

const DESIGNS: usize = 1000;
/// Rows the library window shows at once, whose thumbnails it loads.
const VISIBLE_ROWS: usize = 10;
const RUNS: usize = 7;

fn main() {
    let folder = library();
    let cache = folder.with_file_name("bench-library-thumbnails");
    let list = || {
        let entries = scan_library(&folder).unwrap();
        assert_eq!(entries.len(), DESIGNS);
        for entry in entries.iter().take(VISIBLE_ROWS) {
            let (photo, sha) = entry.summary.as_ref().unwrap().photo.clone().unwrap();
            thumbnail(&cache, &photo, &sha, 128).unwrap();
        }
    };
    list(); // Fills the thumbnail cache.
    let listed = median(list);
    println!("library/list_1000_designs      median {:>6.0} ms (target: under 1000)", ms(listed));
}

fn library() -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-library");
    let count = std::fs::read_dir(&folder).map_or(0, Iterator::count);
    if count != DESIGNS {
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-design.json");
        let mut design = open_design_file(&sample).unwrap().design;
        for i in 0..DESIGNS {
            design.client.name = format!("Client {i:04}");
            save_design_file(&folder.join(format!("client-{i:04}.json")), &design).unwrap();
        }
    }
    folder
}

fn median(mut run: impl FnMut()) -> Duration {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        run();
        times.push(start.elapsed());
    }
    times.sort();
    times[RUNS / 2]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
