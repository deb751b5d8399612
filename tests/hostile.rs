//! Hostile and broken inputs: every file of the corpus under `tests/corpus/` (made by its
//! `make.py`), and the cases that cannot live in git (made here), is refused with a message that
//! names the file and says what is wrong. Nothing panics, memory stays bounded, no file changes,
//! and the studio keeps the design it had open.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;

use common::{asset, settle, studio};
use egui_kittest::kittest::Queryable;
use hairline_studio::app::Command;
use hairline_studio::design::read_design;
use hairline_studio::io::decode_photo;

/// Each design file of the corpus, and words its message must contain.
const DESIGNS: &[(&str, &str)] = &[
    ("a-json-array.json", "holds no JSON object"),
    ("a-json-string.json", "holds no JSON object"),
    ("calibration-too-long.json", "length_mm"),
    ("another-format.json", "no \"format\""),
    ("binary-garbage.json", "not valid JSON"),
    ("bom-then-garbage.json", "not valid JSON"),
    ("deep-array-nesting.json", "holds no JSON object"),
    ("deep-object-nesting.json", "no \"format\""),
    ("density-too-high.json", "density_per_cm2"),
    ("empty.json", "is empty"),
    ("future-version.json", "newer Hairline Studio"),
    ("huge-coordinate.json", "not a position on a photo"),
    ("huge-dot-size.json", "dot_diameter_mm"),
    ("infinity.json", "not valid JSON"),
    ("invalid-utf8-in-name.json", "not valid JSON"),
    ("nan.json", "not valid JSON"),
    ("negative-calibration.json", "length_mm"),
    ("negative-density.json", "density_per_cm2"),
    ("negative-version.json", "\"version\" is missing or not a whole number"),
    ("no-format.json", "no \"format\""),
    ("notes-too-long.json", "longer than 100000 characters"),
    ("nul-bytes.json", "not valid JSON"),
    ("null.json", "holds no JSON object"),
    ("overflowing-number.json", "not valid JSON"),
    ("too-many-views.json", "at most 64"),
    ("truncated.json", "not valid JSON"),
    ("utf16.json", "not valid JSON"),
    ("version-is-text.json", "\"version\" is missing or not a whole number"),
    ("views-is-a-string.json", "not a Hairline Studio design"),
    ("whitespace.json", "is empty"),
    ("wrong-types.json", "not a Hairline Studio design"),
];

/// Each photo of the corpus, and words its message must contain.
const PHOTOS: &[(&str, &str)] = &[
    ("bad-crc.png", "damaged"),
    ("bomb-100000x100000.png", "100000 x 100000"),
    ("garbage.png", "not a photo format"),
    ("header-only.jpg", "damaged"),
    ("jpeg-65500-square.jpg", "65500 x 65500"),
    ("text-named-jpg.jpg", "not a photo format"),
    ("truncated.jpg", "damaged"),
    ("truncated.png", "damaged"),
    ("zero-bytes.jpg", "empty"),
    ("zero-width.png", "damaged"),
];

/// Display copies are at most this wide, as in the studio.
const DISPLAY_SIDE: u32 = 2048;

fn corpus(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(kind)
}

/// Every file in `folder` with its bytes, to check that nothing was changed.
fn snapshot(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap())
        })
        .collect()
}

/// The process's peak memory so far (`VmHWM`), in MiB.
fn peak_memory_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or("VmHWM: 0 kB");
    line.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()).unwrap_or(0) / 1024
}

/// The memory a hostile file may cost the process, whatever it claims to hold.
const MEMORY_BOUND_MIB: u64 = 1024;

#[test]
fn the_corpus_lists_at_least_thirty_files_and_each_has_an_expectation() {
    let listed = |kind: &str| snapshot(&corpus(kind)).into_keys().collect::<Vec<_>>();
    let expected = |cases: &[(&str, &str)]| {
        let mut names: Vec<String> = cases.iter().map(|(name, _)| (*name).to_owned()).collect();
        names.sort();
        names
    };
    assert_eq!(listed("designs"), expected(DESIGNS), "tests/corpus/designs and DESIGNS differ");
    assert_eq!(listed("photos"), expected(PHOTOS), "tests/corpus/photos and PHOTOS differ");
    assert!(DESIGNS.len() + PHOTOS.len() >= 30);
}

#[test]
fn hostile_designs_are_refused_with_clear_messages() {
    let folder = corpus("designs");
    let before = snapshot(&folder);
    for (name, expected) in DESIGNS {
        let Err(error) = read_design(&folder.join(name)) else { panic!("{name} opened") };
        let error = error.to_string();
        assert!(error.contains(name), "{name}: the message names the file: {error}");
        assert!(error.contains(expected), "{name}: expected {expected:?} in: {error}");
    }
    assert_eq!(snapshot(&folder), before, "reading changed a corpus file");
    assert!(peak_memory_mib() < MEMORY_BOUND_MIB, "peak memory {} MiB", peak_memory_mib());
}

#[test]
fn hostile_photos_are_refused_with_clear_messages() {
    let folder = corpus("photos");
    let before = snapshot(&folder);
    for (name, expected) in PHOTOS {
        let Err(error) = decode_photo(&folder.join(name), DISPLAY_SIDE) else { panic!("{name} opened") };
        let error = error.to_string();
        assert!(error.contains(name), "{name}: the message names the file: {error}");
        assert!(error.contains(expected), "{name}: expected {expected:?} in: {error}");
    }
    assert_eq!(snapshot(&folder), before, "decoding changed a corpus file");
    assert!(peak_memory_mib() < MEMORY_BOUND_MIB, "peak memory {} MiB", peak_memory_mib());
}

#[test]
fn huge_designs_are_refused_without_reading_them_whole() {
    let folder = tempfile::tempdir().unwrap();
    // 100 MB of nothing (a sparse file): refused by its size.
    let huge = folder.path().join("huge.json");
    std::fs::File::create(&huge).unwrap().set_len(100_000_000).unwrap();
    let error = read_design(&huge).unwrap_err().to_string();
    assert!(error.contains("at most 64 MiB"), "{error}");

    // A million points in one curve (18 MB): parsed, then refused by the limit on points.
    let sample = std::fs::read_to_string(asset("sample-design.json")).unwrap();
    let million = format!("[{}{{\"x\": 1.0, \"y\": 1.0}}]", "{\"x\": 1.0, \"y\": 1.0},".repeat(999_999));
    let points_start = sample.find("\"points\": [").unwrap() + "\"points\": ".len();
    let points_end = points_start + sample[points_start..].find(']').unwrap() + 1;
    let text = format!("{}{million}{}", &sample[..points_start], &sample[points_end..]);
    let path = folder.path().join("million.json");
    std::fs::write(&path, text).unwrap();
    let error = read_design(&path).unwrap_err().to_string();
    assert!(error.contains("1000000 points; at most 10000"), "{error}");
    assert!(peak_memory_mib() < MEMORY_BOUND_MIB, "peak memory {} MiB", peak_memory_mib());
}

#[cfg(unix)]
#[test]
fn odd_paths_give_clear_messages() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;

    let folder = tempfile::tempdir().unwrap();
    let photo = asset("sample-front.jpg");

    let directory = folder.path().join("a-folder.jpg");
    std::fs::create_dir(&directory).unwrap();
    let Err(error) = decode_photo(&directory, DISPLAY_SIDE) else { panic!("a folder opened") };
    let error = error.to_string();
    assert!(error.contains("a-folder.jpg") && error.contains("folder"), "{error}");
    let error = read_design(&directory).unwrap_err().to_string();
    assert!(error.contains("a-folder.jpg") && error.contains("folder"), "{error}");

    let looped = folder.path().join("loop.jpg");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let Err(error) = decode_photo(&looped, DISPLAY_SIDE) else { panic!("a symlink loop opened") };
    let error = error.to_string();
    assert!(error.contains("loop.jpg") && error.contains("symbolic links"), "{error}");
    let error = read_design(&looped).unwrap_err().to_string();
    assert!(error.contains("loop.jpg") && error.contains("symbolic links"), "{error}");

    let locked = folder.path().join("locked.jpg");
    std::fs::copy(&photo, &locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&locked).is_err() {
        let Err(error) = decode_photo(&locked, DISPLAY_SIDE) else { panic!("an unreadable photo opened") };
        let error = error.to_string();
        assert!(error.contains("locked.jpg") && error.contains("ermission denied"), "{error}");
    } else {
        // Running as root, permissions do not stop a read: the photo simply opens.
        assert!(decode_photo(&locked, DISPLAY_SIDE).is_ok());
    }

    // A name that is not UTF-8 (Latin-1 "café"): the photo opens, and the name shows readably.
    let latin1 = folder.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.jpg"));
    std::fs::copy(&photo, &latin1).unwrap();
    assert_eq!(decode_photo(&latin1, DISPLAY_SIDE).unwrap().width_px, 1200);
    let error = read_design(&latin1).unwrap_err().to_string();
    assert!(error.contains("caf\u{FFFD}.jpg"), "{error}");
}

#[test]
fn the_studio_refuses_each_hostile_design_and_keeps_the_open_one() {
    let mut harness = studio();
    let before = harness.state().document().design().clone();
    let title = harness.state().title().to_owned();
    for (name, _) in DESIGNS {
        harness.state_mut().queue(Command::OpenDesign(Some(corpus("designs").join(name))));
        settle(&mut harness);
        let errors = harness.state().errors().to_vec();
        assert_eq!(errors.len(), 1, "{name}: one error: {errors:?}");
        assert!(errors[0].contains(name), "{name}: {}", errors[0]);
        assert_eq!(harness.state().document().design(), &before, "{name}: the open design changed");
        assert_eq!(harness.state().title(), title, "{name}");
        harness.get_by_label("OK").click();
        harness.run_steps(2);
        assert!(harness.state().errors().is_empty(), "{name}: OK closes the message");
    }
}
