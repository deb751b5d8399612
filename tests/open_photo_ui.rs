//! Opening a client's photo never carries a drawing onto a different face without asking.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use std::path::PathBuf;

use common::{asset, click_photo, select_tool, settle, shows, studio};
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Command, Tool};

/// A client's photo: the sample's pixels under another name.
fn client_photo(folder: &std::path::Path) -> PathBuf {
    let path = folder.join("client front.jpg");
    image::open(asset("sample-front.jpg"))
        .unwrap()
        .resize(600, 750, image::imageops::FilterType::Triangle)
        .save(&path)
        .unwrap();
    path
}

/// Regression: opening a photo over the welcome sample kept the sample's calibration,
/// landmarks, hairline, zone and skin samples on the client's photo.
#[test]
fn a_photo_opened_over_the_untouched_sample_starts_a_new_design() {
    let folder = tempfile::tempdir().unwrap();
    let photo = client_photo(folder.path());
    let mut harness = studio();
    harness.state_mut().queue(Command::OpenPhoto(Some(photo.clone())));
    settle(&mut harness);
    let design = harness.state().document().design();
    assert_eq!(design.views.len(), 1);
    let view = &design.views[0];
    assert_eq!(view.photo.as_ref().map(|p| PathBuf::from(&p.path)), Some(photo));
    assert!(view.calibration.is_none() && view.zones.is_empty() && view.curves.is_empty());
    assert!(view.skin_samples.is_empty() && view.landmarks.glabella.is_none());
    assert!(harness.state().title().contains("Untitled design"), "{}", harness.state().title());
}

#[test]
fn a_photo_opened_over_a_drawn_view_asks_and_can_replace_the_photo_under_the_drawing() {
    let folder = tempfile::tempdir().unwrap();
    let photo = client_photo(folder.path());
    let mut harness = studio();
    // An edit makes the sample the artist's own work.
    select_tool(&mut harness, Tool::Hairline);
    click_photo(&mut harness, 330.0, 600.0);
    let drawn = harness.state().document().design().views[0].clone();
    harness.state_mut().queue(Command::OpenPhoto(Some(photo.clone())));
    settle(&mut harness);
    assert!(shows(&harness, "New design for this photo"));
    assert_eq!(harness.state().document().design().views[0], drawn, "nothing changes before the answer");
    harness.get_by_label("Replace this view's photo, keep the drawing").click();
    settle(&mut harness);
    let view = &harness.state().document().design().views[0];
    assert_eq!(view.photo.as_ref().map(|p| PathBuf::from(&p.path)), Some(photo));
    assert_eq!(
        (view.curves.clone(), view.zones.clone(), view.calibration.clone()),
        (drawn.curves, drawn.zones, drawn.calibration)
    );
    assert!(shows(&harness, "Recalibrate and check the landmarks"), "the drawing is to be checked on the new photo");
}
