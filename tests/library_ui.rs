//! The library as the start screen: listed, searched, opened, and a follow-up visit started.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use std::path::Path;

use common::{asset, sample_design, settle, shows, studio_with};
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{LibraryPlaces, StartOptions};
use hairline_studio::io::save_design_file;

/// A library folder with two clients and a broken file, and the places that point at it.
fn library(root: &Path) -> LibraryPlaces {
    let folder = root.join("designs");
    std::fs::create_dir(&folder).unwrap();
    for name in ["Jordan Reyes", "Alex Moreau"] {
        let mut design = sample_design();
        design.client.name = name.to_owned();
        save_design_file(&folder.join(format!("{}.json", name.replace(' ', "-"))), &design).unwrap();
    }
    std::fs::write(folder.join("half-written.json"), "{\"format\": ").unwrap();
    let settings = root.join("library.json");
    std::fs::write(&settings, serde_json::json!({ "folder": folder }).to_string()).unwrap();
    LibraryPlaces { settings: Some(settings), cache: Some(root.join("thumbnails")) }
}

/// Types `text` into the library's search field.
fn search(harness: &mut egui_kittest::Harness<'static, hairline_studio::app::StudioApp>, text: &str) {
    harness.get_by_label("Search").click();
    harness.run_steps(1);
    harness.get_by_label("Search").type_text(text);
    settle(harness);
}

fn start(root: &Path) -> egui_kittest::Harness<'static, hairline_studio::app::StudioApp> {
    studio_with(StartOptions { library: Some(library(root)), ..StartOptions::default() })
}

#[test]
fn the_start_screen_lists_the_library_with_broken_files_and_searches_by_name() {
    let root = tempfile::tempdir().unwrap();
    let mut harness = start(root.path());
    assert!(shows(&harness, "Library"), "the library shows at start");
    assert!(shows(&harness, "Jordan Reyes") && shows(&harness, "Alex Moreau"));
    assert!(shows(&harness, "half-written.json") && shows(&harness, "Does not open"), "broken files are listed");
    assert!(shows(&harness, "3 designs"), "with a count");
    assert!(root.path().join("thumbnails").read_dir().unwrap().count() > 0, "thumbnails are cached");

    search(&mut harness, "jord");
    assert!(shows(&harness, "Jordan Reyes"));
    assert!(!shows(&harness, "Alex Moreau"), "search narrows the list");
}

#[test]
fn opening_from_the_library_opens_the_design() {
    let root = tempfile::tempdir().unwrap();
    let mut harness = start(root.path());
    search(&mut harness, "Alex");
    harness.get_by_label("Open").click();
    settle(&mut harness);
    let document = harness.state().document();
    assert_eq!(document.design().client.name, "Alex Moreau");
    assert!(document.path.as_ref().unwrap().ends_with("Alex-Moreau.json"));
    assert!(!shows(&harness, "Does not open"), "the library closes");
}

#[test]
fn a_follow_up_session_is_a_new_unsaved_copy() {
    let root = tempfile::tempdir().unwrap();
    let mut harness = start(root.path());
    search(&mut harness, "Jordan");
    harness.get_by_label("Follow-up session").click();
    settle(&mut harness);
    let document = harness.state().document();
    assert_eq!(document.design().client.name, "Jordan Reyes");
    assert_eq!(document.path, None, "saving asks for a new file");
    assert!(harness.state().title().contains("follow-up"), "{}", harness.state().title());
    assert!(harness.state().status().contains("earlier visit stays"), "{}", harness.state().status());
}

#[test]
fn an_empty_library_does_not_cover_the_sample_design() {
    let root = tempfile::tempdir().unwrap();
    let empty = root.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let settings = root.path().join("library.json");
    std::fs::write(&settings, serde_json::json!({ "folder": empty }).to_string()).unwrap();
    let places = LibraryPlaces { settings: Some(settings), cache: None };
    let harness = studio_with(StartOptions { library: Some(places), ..StartOptions::default() });
    assert!(!shows(&harness, "Library folder"), "no start screen over the sample when there is nothing to list");
}

#[test]
fn every_thumbnail_is_made_a_few_at_a_time_and_cached() {
    let root = tempfile::tempdir().unwrap();
    let places = library(root.path());
    let folder = root.path().join("designs");
    let jpeg = std::fs::read(asset("sample-front.jpg")).unwrap();
    for i in 0..5_u8 {
        // Different bytes after the image's end: a different photo to the hash, the same picture.
        let photo = folder.join(format!("photo-{i}.jpg"));
        std::fs::write(&photo, [jpeg.as_slice(), &[i; 16]].concat()).unwrap();
        let mut design = sample_design();
        design.client.name = format!("Client {i}");
        let view_photo = design.views[0].photo.as_mut().unwrap();
        view_photo.path = photo.to_str().unwrap().to_owned();
        view_photo.sha256 = hairline_studio::io::sha256_hex(&std::fs::read(&photo).unwrap());
        save_design_file(&folder.join(format!("client-{i}.json")), &design).unwrap();
    }
    let harness = studio_with(StartOptions { library: Some(places), ..StartOptions::default() });
    assert!(shows(&harness, "Client 4"));
    let cached = root.path().join("thumbnails").read_dir().unwrap().count();
    assert!(cached >= 5, "each shown photo's thumbnail is cached: {cached}");
}
