//! Never lose a design: autosave to the recovery folder, and restoring after a crash.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

use std::time::Duration;

mod common;

use common::{click_photo, select_tool, settle, shows, studio_with};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Command, StartOptions, StudioApp, Tool};
use hairline_studio::design::Design;
use hairline_studio::io::RecoveryStore;

fn studio(recovery: &std::path::Path) -> Harness<'static, StudioApp> {
    studio_with(StartOptions {
        recovery_folder: Some(recovery.to_owned()),
        autosave_delay: Some(Duration::ZERO),
        ..StartOptions::default()
    })
}

#[test]
fn unsaved_edits_are_autosaved_and_the_copy_goes_after_a_save() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let mut harness = studio(&recovery);
    // An edit: a hairline point added by a click.
    select_tool(&mut harness, Tool::Hairline);
    click_photo(&mut harness, 600.0, 500.0);
    settle(&mut harness);
    let store = RecoveryStore::new(recovery.clone());
    let listed = store.list();
    assert_eq!(listed.len(), 1, "one copy of the edited design");
    assert_eq!(&listed[0].as_ref().unwrap().design, harness.state().document().design());

    harness.state_mut().queue(Command::SaveAs(Some(folder.path().join("saved.json"))));
    settle(&mut harness);
    assert!(store.list().is_empty(), "saving deletes the copy");
}

#[test]
fn a_design_left_by_a_crash_is_offered_and_restored() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let mut lost = Design::new(99);
    lost.client.name = "Lost Client".into();
    RecoveryStore::new(recovery.clone()).write("session-old", None, &lost).unwrap();

    let mut harness = studio(&recovery);
    assert!(shows(&harness, "Recover unsaved designs?"));
    assert!(shows(&harness, "Lost Client"));
    harness.get_by_label("Restore").click();
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.document().design(), &lost);
    assert!(app.document().is_dirty(), "a restored design still needs saving");
    assert_eq!(RecoveryStore::new(recovery).list().len(), 1, "the copy stays until a save or a discard");
}

#[test]
fn discarding_a_recovered_design_deletes_its_copy() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    RecoveryStore::new(recovery.clone()).write("session-old", None, &Design::new(1)).unwrap();
    let mut harness = studio(&recovery);
    harness.get_by_label("Discard").click();
    settle(&mut harness);
    assert!(RecoveryStore::new(recovery).list().is_empty());
    assert!(!shows(&harness, "Recover unsaved designs?"));
}

/// A recovery copy that cannot be restored is still deleted by Discard, whatever its message
/// says: one whose design has a value out of range (the message then comes from the design's
/// checks), and one in a folder whose path contains ": " (as a home folder's may).
#[test]
fn discarding_an_unreadable_copy_deletes_it_whatever_its_message() {
    let mut out_of_range = serde_json::to_value(Design::new(1)).unwrap();
    out_of_range["views"][0]["guides"]["mid_frontal_height_mm"] = serde_json::json!(5000.0);
    let copy = serde_json::json!({
        "format": "hairline-studio/recovery",
        "original_path": null,
        "autosaved_at_unix_s": 0,
        "design": out_of_range,
    });
    let cases: [(&str, Vec<u8>); 2] =
        [("recovery", serde_json::to_vec(&copy).unwrap()), ("Jo: recovery", b"{ not json".to_vec())];
    for (folder_name, bytes) in cases {
        let folder = tempfile::tempdir().unwrap();
        let recovery = folder.path().join(folder_name);
        std::fs::create_dir(&recovery).unwrap();
        let file = recovery.join("session-old.json");
        std::fs::write(&file, bytes).unwrap();
        let mut harness = studio(&recovery);
        assert!(shows(&harness, "Unreadable"), "{folder_name}: the copy is offered as unreadable");
        harness.get_by_label("Discard").click();
        settle(&mut harness);
        assert!(!file.exists(), "{folder_name}: Discard deleted {}", file.display());
        assert!(!shows(&harness, "Recover unsaved designs?"));
    }
}

/// Regression: quitting with "Don't save" left the unsaved design (the client's name and health
/// answers included) in the recovery folder, and the next start reported a crash.
#[test]
fn quitting_without_saving_leaves_no_recovery_copy() {
    let folder = tempfile::tempdir().unwrap();
    let recovery = folder.path().join("recovery");
    let mut harness = studio(&recovery);
    select_tool(&mut harness, Tool::Hairline);
    click_photo(&mut harness, 600.0, 500.0);
    settle(&mut harness);
    let store = RecoveryStore::new(recovery.clone());
    assert_eq!(store.list().len(), 1, "autosaved while unsaved");
    harness.state_mut().queue(Command::Quit);
    settle(&mut harness);
    harness.get_by_label("Don't save").click();
    for _ in 0..3 {
        settle(&mut harness);
    }
    assert!(store.list().is_empty(), "a deliberate Don't save keeps no copy");
}
