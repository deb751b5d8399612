//! The library folder: every design listed, broken and newer files included, thumbnails cached.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::{asset, sample_design};
use hairline_studio::design::{FORMAT_VERSION, HairLoss};
use hairline_studio::io::{save_design_file, scan_library, thumbnail, thumbnail_path};

/// A library with a good design, a broken file, a file from a newer version, and things that
/// are not designs.
fn library() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let mut design = sample_design();
    design.client.name = "Jordan Reyes".to_owned();
    design.client.hair_loss = Some(HairLoss::Norwood("3v".to_owned()));
    save_design_file(&folder.path().join("jordan.json"), &design).unwrap();

    std::fs::write(folder.path().join("broken.json"), "{\"format\": \"hairline-studio/design\", \"vers").unwrap();

    let mut newer: serde_json::Value =
        serde_json::from_slice(&std::fs::read(asset("sample-design.json")).unwrap()).unwrap();
    newer["version"] = serde_json::json!(FORMAT_VERSION + 1);
    newer["client"]["name"] = serde_json::json!("Sam Future");
    newer["hologram"] = serde_json::json!({"depth": 3});
    std::fs::write(folder.path().join("future.json"), serde_json::to_vec(&newer).unwrap()).unwrap();

    std::fs::write(folder.path().join("notes.txt"), "not a design").unwrap();
    std::fs::create_dir(folder.path().join("archive.json")).unwrap();
    folder
}

#[test]
fn lists_good_broken_and_newer_files() {
    let folder = library();
    let entries = scan_library(folder.path()).unwrap();
    let names: Vec<String> =
        entries.iter().map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, ["broken.json", "future.json", "jordan.json"], "designs only, folders and other files left out");

    let find = |name: &str| entries.iter().find(|e| e.path.ends_with(name)).unwrap();
    let jordan = find("jordan.json").summary.as_ref().unwrap();
    assert_eq!(jordan.client, "Jordan Reyes");
    assert_eq!(jordan.hair_loss, "Norwood 3v");
    assert_eq!(jordan.date.as_deref(), Some("2026-11-22"));
    assert_eq!(jordan.views, 1);
    assert_eq!(jordan.newer_version, None);
    let (photo, sha) = jordan.photo.as_ref().unwrap();
    assert!(photo.is_absolute() && photo.exists(), "{}", photo.display());
    assert_eq!(sha.len(), 64);

    let broken = find("broken.json").summary.as_ref().unwrap_err();
    assert!(broken.to_string().contains("JSON"), "{broken}");

    let future = find("future.json").summary.as_ref().unwrap();
    assert_eq!(future.client, "Sam Future");
    assert_eq!(future.newer_version, Some(FORMAT_VERSION + 1));

    assert!(find("jordan.json").matches("jord") && find("jordan.json").matches("REYES"));
    assert!(!find("jordan.json").matches("sam"));
    assert!(find("broken.json").matches("brok"), "broken files are found by file name");
}

#[test]
fn a_missing_folder_is_an_error_not_an_empty_list() {
    let folder = tempfile::tempdir().unwrap();
    assert!(scan_library(&folder.path().join("nowhere")).is_err());
    assert!(scan_library(folder.path()).unwrap().is_empty());
}

#[test]
fn thumbnails_are_made_once_and_then_read_from_the_cache() {
    let folder = tempfile::tempdir().unwrap();
    let photo = folder.path().join("photo.jpg");
    std::fs::copy(asset("sample-front.jpg"), &photo).unwrap();
    let cache = folder.path().join("cache");
    let sha = "ab".repeat(32);
    let made = thumbnail(&cache, &photo, &sha, 128).unwrap();
    assert_eq!(made.width().max(made.height()), 128);
    assert!(thumbnail_path(&cache, &sha).exists());
    std::fs::remove_file(&photo).unwrap();
    let cached = thumbnail(&cache, &photo, &sha, 128).unwrap();
    assert_eq!(cached.dimensions(), made.dimensions(), "read from the cache once the photo is gone");
    assert!(thumbnail(&cache, &photo, &"cd".repeat(32), 128).is_err(), "no cache, no photo: an error");
}
