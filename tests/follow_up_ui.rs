//! A follow-up photo: added, aligned by two features marked on both photos, compared under the
//! divider, and saved with the design.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use std::path::{Path, PathBuf};

use common::{asset, click_photo, settle, shows, studio};
use hairline_studio::app::Command;
use hairline_studio::design::PhotoPoint;

/// The sample photo as a later visit might frame it: 0.8 times as large, moved right and down.
const SCALE: f64 = 0.8;
const SHIFT: (f64, f64) = (100.0, 50.0);

fn later(p: PhotoPoint) -> PhotoPoint {
    PhotoPoint::new(p.x * SCALE + SHIFT.0, p.y * SCALE + SHIFT.1)
}

fn later_photo(folder: &Path) -> PathBuf {
    let sample = image::open(asset("sample-front.jpg")).unwrap();
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "small sizes")]
    let small = sample.resize_exact(
        (f64::from(sample.width()) * SCALE) as u32,
        (f64::from(sample.height()) * SCALE) as u32,
        image::imageops::FilterType::Triangle,
    );
    let mut canvas = image::RgbImage::from_pixel(1200, 1400, image::Rgb([90, 100, 120]));
    #[expect(clippy::cast_possible_truncation, reason = "small offsets")]
    image::imageops::overlay(&mut canvas, &small.to_rgb8(), SHIFT.0 as i64, SHIFT.1 as i64);
    let path = folder.join("later visit.jpg");
    canvas.save(&path).unwrap();
    path
}

#[test]
fn a_later_photo_is_aligned_by_two_features_and_compared() {
    let folder = tempfile::tempdir().unwrap();
    let photo = later_photo(folder.path());
    let mut harness = studio();
    harness.state_mut().queue(Command::AddFollowUp(Some(photo.clone())));
    settle(&mut harness);
    assert!(harness.state().status().contains("1 of 4"), "{}", harness.state().status());

    // The pupils: easy to find on both photos, and far apart.
    let (a, b) = (PhotoPoint::new(450.0, 880.0), PhotoPoint::new(750.0, 880.0));
    click_photo(&mut harness, a.x, a.y);
    click_photo(&mut harness, b.x, b.y);
    settle(&mut harness);
    assert!(harness.state().status().contains("3 of 4"), "{}", harness.state().status());
    for p in [later(a), later(b)] {
        click_photo(&mut harness, p.x, p.y);
    }
    settle(&mut harness);

    let status = harness.state().status().to_owned();
    assert!(status.contains("aligned"), "{status}");
    let follow_up = harness.state().document().design().views[0].follow_ups[0].clone();
    assert!(follow_up.photo.path.ends_with("later visit.jpg"));
    assert_eq!(follow_up.pairs.len(), 2);
    let alignment = follow_up.alignment().unwrap();
    // Clicks land within a screen point: about two photo pixels at the fitted zoom.
    assert!((alignment.scale() - 1.0 / SCALE).abs() < 0.02, "scale {}", alignment.scale());
    assert!(alignment.rotation_degrees().abs() < 1.0, "rotation {}", alignment.rotation_degrees());
    for p in [PhotoPoint::new(600.0, 500.0), PhotoPoint::new(300.0, 1200.0)] {
        let error = alignment.apply(later(p)).distance_to(p);
        assert!(error < 6.0, "{p:?} lands {error:.1} px off");
    }
    assert!(shows(&harness, "Before/after divider"), "the comparison's divider shows");
    assert!(shows(&harness, "Compare photo 1"));

    harness.state_mut().queue(Command::CompareFollowUp(None));
    settle(&mut harness);
    assert!(!shows(&harness, "Before/after divider"), "comparison off");
}

#[test]
fn follow_ups_are_saved_and_reopened_with_their_alignment() {
    let folder = tempfile::tempdir().unwrap();
    let photo = later_photo(folder.path());
    let mut harness = studio();
    harness.state_mut().queue(Command::AddFollowUp(Some(photo)));
    settle(&mut harness);
    for p in [PhotoPoint::new(450.0, 880.0), PhotoPoint::new(750.0, 880.0)] {
        click_photo(&mut harness, p.x, p.y);
    }
    settle(&mut harness);
    for p in [PhotoPoint::new(450.0, 880.0), PhotoPoint::new(750.0, 880.0)].map(later) {
        click_photo(&mut harness, p.x, p.y);
    }
    settle(&mut harness);
    let design_path = folder.path().join("client.json");
    harness.state_mut().queue(Command::SaveAs(Some(design_path.clone())));
    settle(&mut harness);

    let text = std::fs::read_to_string(&design_path).unwrap();
    assert!(text.contains("\"later visit.jpg\""), "stored relative to the design: {text}");
    let reopened = hairline_studio::io::open_design_file(&design_path).unwrap().design;
    let expected = harness.state().document().design().views[0].follow_ups.clone();
    assert_eq!(reopened.views[0].follow_ups, expected);
    assert!(Path::new(&reopened.views[0].follow_ups[0].photo.path).exists());
}

#[test]
fn the_same_point_twice_is_refused_and_asked_again() {
    let folder = tempfile::tempdir().unwrap();
    let photo = later_photo(folder.path());
    let mut harness = studio();
    harness.state_mut().queue(Command::AddFollowUp(Some(photo)));
    settle(&mut harness);
    for _ in 0..2 {
        click_photo(&mut harness, 450.0, 880.0);
    }
    settle(&mut harness);
    for _ in 0..2 {
        click_photo(&mut harness, 460.0, 754.0);
    }
    settle(&mut harness);
    assert!(harness.state().status().contains("must be different"), "{}", harness.state().status());
    assert!(harness.state().document().design().views[0].follow_ups[0].pairs.is_empty());
}

#[test]
fn a_view_without_its_own_photo_takes_no_follow_up() {
    let folder = tempfile::tempdir().unwrap();
    let photo = later_photo(folder.path());
    let mut harness = studio();
    harness.state_mut().queue(Command::NewDesign);
    settle(&mut harness);
    harness.state_mut().queue(Command::AddFollowUp(Some(photo)));
    settle(&mut harness);
    assert!(harness.state().status().contains("photo first"), "{}", harness.state().status());
    assert!(harness.state().document().design().views.iter().all(|v| v.follow_ups.is_empty()));
}

/// Review: an alignment went on after its follow-up photo was removed, over no photo.
#[test]
fn removing_the_photo_being_aligned_ends_the_alignment() {
    let folder = tempfile::tempdir().unwrap();
    let photo = later_photo(folder.path());
    let mut harness = studio();
    harness.state_mut().queue(Command::AddFollowUp(Some(photo)));
    settle(&mut harness);
    assert!(harness.state().status().contains("1 of 4"), "{}", harness.state().status());
    let id = harness.state().document().design().views[0].follow_ups[0].id;
    harness.state_mut().queue(Command::RemoveFollowUp(id));
    settle(&mut harness);
    click_photo(&mut harness, 450.0, 880.0);
    assert!(!harness.state().status().contains("of 4"), "{}", harness.state().status());
    assert!(!shows(&harness, "Cancel alignment"));
}
