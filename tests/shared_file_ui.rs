//! Two studios on one design file (two artists on a clinic's shared folder): no lost updates.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{click_photo, sample_design, select_tool, settle, shows, studio_with};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Command, StartOptions, StudioApp, Tool};

fn shared_design(folder: &Path) -> PathBuf {
    let path = folder.join("client.json");
    let mut design = sample_design();
    let photo = common::asset("sample-front.jpg");
    design.views[0].photo.as_mut().unwrap().path = photo.to_string_lossy().into_owned();
    hairline_studio::io::save_design_file(&path, &design).unwrap();
    path
}

fn open(path: &Path) -> Harness<'static, StudioApp> {
    studio_with(StartOptions {
        open: Some(path.to_owned()),
        disk_poll_interval: Some(Duration::from_millis(50)),
        ..StartOptions::default()
    })
}

/// A hairline point added, then saved.
fn edit_and_save(harness: &mut Harness<'static, StudioApp>, x: f64) {
    select_tool(harness, Tool::Hairline);
    click_photo(harness, x, 500.0);
    harness.state_mut().queue(Command::Save);
    settle(harness);
}

fn points_on_disk(path: &Path) -> usize {
    let design = hairline_studio::io::open_design_file(path).unwrap().design;
    design.views[0].hairline().unwrap().points.len()
}

/// Regression: B, holding an older version, saved over A's saved edit without a word.
#[test]
fn a_second_studio_is_warned_and_cannot_overwrite_the_first_ones_save_unasked() {
    let folder = tempfile::tempdir().unwrap();
    let path = shared_design(folder.path());
    let before = points_on_disk(&path);
    let mut a = open(&path);
    let mut b = open(&path);
    assert!(shows(&b, "is open elsewhere"), "B is told that A has it open");
    assert!(b.state().title().contains("read-only"), "{}", b.state().title());
    b.get_by_label("Open anyway").click();
    settle(&mut b);
    assert!(!b.state().title().contains("read-only"));

    edit_and_save(&mut a, 330.0);
    assert_eq!(points_on_disk(&path), before + 1, "A's edit saved");
    edit_and_save(&mut b, 880.0);
    assert_eq!(points_on_disk(&path), before + 1, "B's save refused: A's edit is still there");
    assert!(shows(&b, "was changed by someone else"));
    // The question, over the banner behind it that offers the same three ways out.
    b.query_all_by_label("Reload theirs").last().unwrap().click();
    settle(&mut b);
    let reloaded = b.state().document().design().views[0].hairline().unwrap().points.len();
    assert_eq!(reloaded, before + 1, "B now shows A's version");
    assert!(!b.state().document().is_dirty());
}

#[test]
fn overwriting_theirs_is_the_artists_choice() {
    let folder = tempfile::tempdir().unwrap();
    let path = shared_design(folder.path());
    let before = points_on_disk(&path);
    let mut a = open(&path);
    // Another program rewrites the file: two points fewer.
    let mut theirs = hairline_studio::io::open_design_file(&path).unwrap().design;
    let hairline = theirs.views[0].curves.iter_mut().find(|c| c.role == hairline_studio::design::CurveRole::Hairline);
    hairline.unwrap().points.truncate(before - 2);
    hairline_studio::io::save_design_file(&path, &theirs).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    settle(&mut a);
    assert!(shows(&a, "was changed on disk by someone else"), "noticed while editing");
    edit_and_save(&mut a, 330.0);
    assert_eq!(points_on_disk(&path), before - 2, "not saved over theirs unasked");
    a.query_all_by_label("Overwrite theirs").last().unwrap().click();
    settle(&mut a);
    assert_eq!(points_on_disk(&path), before + 1, "mine, as asked");
    assert!(!shows(&a, "was changed on disk"));
}

#[test]
fn closing_the_design_releases_its_lock() {
    let folder = tempfile::tempdir().unwrap();
    let path = shared_design(folder.path());
    let mut a = open(&path);
    assert!(hairline_studio::io::lock_path(&path).exists());
    a.state_mut().queue(Command::NewDesign);
    settle(&mut a);
    assert!(!hairline_studio::io::lock_path(&path).exists());
    let b = open(&path);
    assert!(!shows(&b, "is open elsewhere"));
}
