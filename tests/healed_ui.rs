//! "Measure the healed result" in the window: a zone selected, its aligned follow-up photo read,
//! the reading shown beside the prediction and added to the clinic's calibration, which is
//! written to its file, put in force for previews and advice, and reset.
//!
//! Its own test binary: measuring puts a calibration in force for the whole process
//! (`colour::set_healed_model`), which no other test should see.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::healed::{SKIN, VIEW_SIDE_PX, design, follow_up, healed_photo};
use common::{settle, shows, studio_with};
use egui_kittest::kittest::Queryable;
use hairline_studio::app::StartOptions;
use hairline_studio::calibration::{ClinicCalibration, MeasureRefused};
use hairline_studio::colour::{HealedModel, healed_model};

/// Each studio puts its clinic's calibration in force for the whole process at start: one test
/// at a time.
static ONE_STUDIO_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn sha256(path: &std::path::Path) -> String {
    hairline_studio::io::sha256_hex_of(std::fs::File::open(path).unwrap()).unwrap()
}

/// Scrolls the inspector to the button, clicks it, and lets the studio settle.
fn press_button(harness: &mut egui_kittest::Harness<'static, hairline_studio::app::StudioApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    settle(harness);
    harness.get_by_label(label).click();
    settle(harness);
}

/// A follow-up visit on disk (the plain-skin first photo, the healed later photo aligned to
/// it, the design) opened in the studio, the clinic's calibration kept in `store`. `change`
/// alters the design first.
fn open_visit(
    folder: &std::path::Path,
    store: &std::path::Path,
    change: impl FnOnce(&mut hairline_studio::design::Design),
) -> egui_kittest::Harness<'static, hairline_studio::app::StudioApp> {
    // The healed photo is made with the model's defaults, whatever a test before left in force.
    hairline_studio::colour::set_healed_model(HealedModel::DEFAULT);
    let (mut design, _) = design();
    let before = folder.join("before.png");
    image::RgbaImage::from_pixel(VIEW_SIDE_PX, VIEW_SIDE_PX, image::Rgba([SKIN[0], SKIN[1], SKIN[2], 255]))
        .save(&before)
        .unwrap();
    let after = folder.join("after.png");
    healed_photo(&design, 0.6, 1.25, 2.0).save(&after).unwrap();
    let view = &mut design.views[0];
    let photo = view.photo.as_mut().unwrap();
    (photo.path, photo.sha256) = ("before.png".to_owned(), sha256(&before));
    let mut later = follow_up(2.0);
    (later.photo.path, later.photo.sha256) = ("after.png".to_owned(), sha256(&after));
    view.add_follow_up(later);
    change(&mut design);
    let design_path = folder.join("client.json");
    hairline_studio::io::save_design(&design_path, &design).unwrap();
    studio_with(StartOptions {
        open: Some(design_path),
        calibration_store: Some(store.to_owned()),
        ..StartOptions::default()
    })
}

#[test]
fn a_measured_healed_zone_calibrates_the_clinic_and_a_reset_forgets_it() {
    let _one = ONE_STUDIO_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let folder = tempfile::tempdir().unwrap();
    let store = folder.path().join("config").join("calibration.json");
    let mut harness = open_visit(folder.path(), &store, |_| {});
    assert!(shows(&harness, "No healed client measured yet"), "the calibration starts as the model's");
    harness.get_by_label("⬟ top").click();
    settle(&mut harness);
    assert!(harness.state().selection().is_some());
    // The press loads the later photo (comparing it) and reads it once it is in.
    press_button(&mut harness, "Measure the healed result");
    let calibration = harness.state().clinic_calibration().clone();
    assert_eq!(calibration.count(), 1, "{}", harness.state().status());
    assert!((calibration.healed_retention - 0.6).abs() < 0.06, "{calibration:?}");
    assert!((calibration.healed_spread - 1.25).abs() < 0.125, "{calibration:?}");
    assert!(shows(&harness, "Rests on 1 measurement"));
    assert!(
        harness.query_all_by_label_contains("Healed contrast").next().is_some(),
        "the reading is shown beside the prediction"
    );
    assert_eq!(healed_model(), calibration.model(), "in force for previews and advice");
    assert_eq!(ClinicCalibration::load(&store).unwrap(), calibration, "kept in the clinic's file");
    assert!(harness.state().errors().is_empty(), "{:?}", harness.state().errors());

    press_button(&mut harness, "Reset to the model's defaults");
    assert!(shows(&harness, "Forget the clinic's one measurement?"), "a reset asks first");
    press_button(&mut harness, "Keep them");
    assert_eq!(harness.state().clinic_calibration().count(), 1, "kept when the artist says so");
    press_button(&mut harness, "Reset to the model's defaults");
    press_button(&mut harness, "Forget them");
    assert_eq!(harness.state().clinic_calibration().count(), 0);
    assert_eq!(healed_model(), HealedModel::DEFAULT);
    assert_eq!(ClinicCalibration::load(&store).unwrap(), ClinicCalibration::default());
    assert!(shows(&harness, "No healed client measured yet"));
}

#[test]
fn a_sample_that_cannot_be_read_says_why_and_stores_nothing() {
    let _one = ONE_STUDIO_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let folder = tempfile::tempdir().unwrap();
    let store = folder.path().join("config").join("calibration.json");
    let mut harness = open_visit(folder.path(), &store, |design| design.views[0].skin_samples.clear());
    harness.get_by_label("⬟ top").click();
    settle(&mut harness);
    press_button(&mut harness, "Measure the healed result");
    assert!(shows(&harness, &MeasureRefused::NoSkinSample.to_string()), "{}", harness.state().status());
    assert_eq!(harness.state().clinic_calibration().count(), 0);
    assert!(!store.exists(), "nothing written");
}

/// Review: a broken calibration file was overwritten by the next measurement, losing whatever
/// the clinic might have mended by hand. It is now moved aside when the studio starts.
#[test]
fn a_broken_calibration_file_is_kept_aside_and_the_next_measurement_starts_afresh() {
    let _one = ONE_STUDIO_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let folder = tempfile::tempdir().unwrap();
    let store = folder.path().join("config").join("calibration.json");
    std::fs::create_dir_all(store.parent().unwrap()).unwrap();
    std::fs::write(&store, b"{ \"measurements\": [ half a file").unwrap();
    let mut harness = open_visit(folder.path(), &store, |_| {});
    let aside = folder.path().join("config").join("calibration.broken.json");
    assert_eq!(std::fs::read(&aside).unwrap(), b"{ \"measurements\": [ half a file", "kept as it was");
    let said = format!("{:?} {}", harness.state().errors(), harness.state().status());
    assert!(said.contains("could not be read") && said.contains("calibration.broken.json"), "{said}");
    assert_eq!(harness.state().clinic_calibration().count(), 0, "the model's defaults meanwhile");
    harness.get_by_label("OK").click();
    settle(&mut harness);

    harness.get_by_label("⬟ top").click();
    settle(&mut harness);
    press_button(&mut harness, "Measure the healed result");
    assert_eq!(ClinicCalibration::load(&store).unwrap().count(), 1, "a fresh file with the new measurement");
    assert_eq!(std::fs::read(&aside).unwrap(), b"{ \"measurements\": [ half a file", "the broken copy untouched");
}
