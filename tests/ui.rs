//! What a person does in the studio window, driven headless with `egui_kittest`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]

use std::path::PathBuf;

use egui::{Event, Key, Modifiers, PointerButton, ViewportEvent, ViewportId};
mod common;

use common::{hairline, press, settle, shows, studio_with};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Command, StartOptions, StudioApp, sample_design_path};
use hairline_studio::design::PhotoPoint;

fn studio(open: Option<PathBuf>) -> Harness<'static, StudioApp> {
    studio_with(StartOptions { open, ..StartOptions::default() })
}

#[test]
fn the_sample_design_opens_with_its_hairline_zone_and_photo() {
    let harness = studio(None);
    let app = harness.state();
    assert!(app.errors().is_empty(), "{:?}", app.errors());
    assert!(app.title().contains("Sample design"), "{}", app.title());
    assert!(!app.document().is_dirty());
    harness.get_by_label("Design canvas");
    harness.get_by_label("〰 Hairline");
    harness.get_by_label("⬟ Front and top");
    assert!(shows(&harness, "Photo: sample-front.jpg"));
    assert!(shows(&harness, "0.3000 mm per pixel"));
}

#[test]
fn a_design_path_on_the_command_line_opens_that_design() {
    let harness = studio(Some(sample_design_path()));
    let app = harness.state();
    assert!(app.title().starts_with("sample-design.json"), "{}", app.title());
    assert_eq!(app.document().path.as_deref(), Some(sample_design_path().as_path()));
}

#[test]
fn clicking_with_the_hairline_tool_adds_a_point_and_undo_redo_walk_it_back_and_forth() {
    let mut harness = studio(None);
    let before = hairline(&harness);
    harness.get_by_label("Hairline tool").click();
    harness.run_steps(2);
    harness.get_by_label("Design canvas").click();
    harness.run_steps(2);
    let after = hairline(&harness);
    assert_eq!(after.len(), before.len() + 1);
    assert!(harness.state().document().is_dirty());
    assert!(harness.state().title().starts_with("● "), "{}", harness.state().title());

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(hairline(&harness), before);
    assert!(!harness.state().document().is_dirty(), "undoing to the opened state is clean again");
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(hairline(&harness), after);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(hairline(&harness), after);
}

#[test]
fn dragging_a_point_moves_it_as_one_undo_step() {
    let mut harness = studio(None);
    let before = hairline(&harness);
    let start = harness.state().screen_position(PhotoPoint::new(before[3].x, before[3].y)).unwrap();
    harness.event(Event::PointerMoved(start));
    harness.run_steps(1);
    harness.event(Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(1);
    for step in 1..=10 {
        #[expect(clippy::cast_precision_loss, reason = "small step counts")]
        let pos = start + egui::vec2(0.0, -3.0 * step as f32);
        harness.event(Event::PointerMoved(pos));
        harness.run_steps(1);
    }
    let end = start + egui::vec2(0.0, -30.0);
    harness.event(Event::PointerButton {
        pos: end,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(2);

    let after = hairline(&harness);
    assert_eq!(after.len(), before.len());
    assert!(after[3].y < before[3].y - 10.0, "the point moved up: {:?} -> {:?}", before[3], after[3]);
    assert_eq!(harness.state().document().undo_depth(), 1, "ten frames of dragging are one step");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(hairline(&harness), before);
}

#[test]
fn new_design_with_unsaved_changes_asks_first_and_cancel_keeps_the_design() {
    let mut harness = studio(None);
    harness.get_by_label("Hairline tool").click();
    harness.run_steps(2);
    harness.get_by_label("Design canvas").click();
    harness.run_steps(2);
    let edited = hairline(&harness);

    harness.state_mut().queue(Command::NewDesign);
    harness.run_steps(3); // the command runs after a frame; the dialog sizes itself for a frame
    assert!(shows(&harness, "Save changes?"));
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(hairline(&harness), edited, "cancel keeps the design");
    assert!(!shows(&harness, "Save changes?"));

    harness.state_mut().queue(Command::NewDesign);
    harness.run_steps(3); // the command runs after a frame; the dialog sizes itself for a frame
    harness.get_by_label("Don't save").click();
    harness.run_steps(2);
    assert!(hairline(&harness).is_empty(), "a new, empty design");
    assert!(harness.state().title().starts_with("Untitled design"), "{}", harness.state().title());
}

#[test]
fn closing_the_window_with_unsaved_changes_is_cancelled_and_asks() {
    let mut harness = studio(None);
    harness.get_by_label("Hairline tool").click();
    harness.run_steps(2);
    harness.get_by_label("Design canvas").click();
    harness.run_steps(2);
    harness.input_mut().viewports.entry(ViewportId::ROOT).or_default().events.push(ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    harness.run_steps(1);
    assert!(shows(&harness, "Save changes?"));
}

#[test]
fn save_as_writes_the_file_and_clears_the_unsaved_mark() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("jo.json");
    let mut harness = studio(None);
    harness.get_by_label("Hairline tool").click();
    harness.run_steps(2);
    harness.get_by_label("Design canvas").click();
    harness.run_steps(2);
    harness.state_mut().queue(Command::SaveAs(Some(target.clone())));
    settle(&mut harness);
    let app = harness.state();
    assert!(app.errors().is_empty(), "{:?}", app.errors());
    assert!(!app.document().is_dirty());
    assert!(app.title().starts_with("jo.json"), "{}", app.title());
    let saved = hairline_studio::io::open_design_file(&target).unwrap().design;
    assert_eq!(&saved, app.document().design());
}

#[test]
fn a_broken_design_shows_an_error_and_keeps_the_open_design() {
    let folder = tempfile::tempdir().unwrap();
    let broken = folder.path().join("broken.json");
    std::fs::write(&broken, b"{\"format\": \"hairline-studio/design\", \"version\": 1, \"views\": [").unwrap();
    let mut harness = studio(None);
    let before = harness.state().document().design().clone();
    harness.state_mut().queue(Command::OpenDesign(Some(broken.clone())));
    settle(&mut harness);
    let errors = harness.state().errors();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].contains("broken.json") && errors[0].contains("not valid JSON"), "{}", errors[0]);
    assert_eq!(harness.state().document().design(), &before);
    assert!(shows(&harness, "Something went wrong"));
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    assert!(harness.state().errors().is_empty());
    assert_eq!(std::fs::read(&broken).unwrap().len(), 61, "the broken file is untouched");
}

#[test]
fn the_help_window_lists_the_shortcuts() {
    let mut harness = studio(None);
    press(&mut harness, Modifiers::NONE, Key::F1);
    assert!(shows(&harness, "Keyboard shortcuts and mouse"));
    assert!(shows(&harness, "Save as…"));
    assert!(shows(&harness, "Zoom about the cursor"));
}

#[test]
fn a_missing_photo_is_reported_with_a_locate_action_and_the_drawing_stays() {
    let folder = tempfile::tempdir().unwrap();
    let design_path = folder.path().join("moved.json");
    let mut design = hairline_studio::io::open_design_file(&sample_design_path()).unwrap().design;
    design.views[0].photo.as_mut().unwrap().path = folder.path().join("nowhere.jpg").to_string_lossy().into_owned();
    hairline_studio::io::save_design_file(&design_path, &design).unwrap();
    let harness = studio(Some(design_path));
    harness.get_by_label("Locate photo…");
    assert!(shows(&harness, "is not there"));
    assert!(!hairline(&harness).is_empty());
}

/// Regression: every document started at revision 0, so the preview, keyed by revision, kept
/// showing the previous design's dots after another design was opened.
#[test]
fn opening_another_design_redraws_the_preview() {
    let mut harness = studio(None);
    let sample_coverage = harness.state().preview_coverage().unwrap();
    assert!(sample_coverage > 0.0);
    let folder = tempfile::tempdir().unwrap();
    let mut design = hairline_studio::io::open_design_file(&sample_design_path()).unwrap().design;
    design.views[0].zones[0].density_per_cm2 *= 2.0;
    let denser = folder.path().join("denser.json");
    hairline_studio::io::save_design_file(&denser, &design).unwrap();
    harness.state_mut().queue(Command::OpenDesign(Some(denser)));
    settle(&mut harness);
    let denser_coverage = harness.state().preview_coverage().unwrap();
    assert!(denser_coverage > sample_coverage * 1.3, "{sample_coverage} → {denser_coverage}");
}

/// Regression: G was recorded as an edit of the design (unsaved mark, an undo step), though
/// showing the guides is a way of looking.
#[test]
fn showing_or_hiding_the_guides_is_not_an_edit() {
    let mut harness = studio(None);
    assert!(harness.state().guides_shown());
    let undo_steps = harness.state().document().undo_depth();
    press(&mut harness, Modifiers::NONE, Key::G);
    assert!(!harness.state().guides_shown(), "G hides the guides");
    assert!(!harness.state().document().is_dirty(), "nothing to save");
    assert_eq!(harness.state().document().undo_depth(), undo_steps, "nothing to undo");
    press(&mut harness, Modifiers::NONE, Key::G);
    assert!(harness.state().guides_shown());
}

/// Regression: a new, empty design showed the sample's dot count in the status bar.
#[test]
fn a_new_design_shows_no_dot_count_left_from_the_last() {
    let mut harness = studio(None);
    let total = hairline_studio::report::report(harness.state().document().design()).total_dots;
    let count = format!("{} dots", hairline_studio::format::thousands(total));
    assert!(shows(&harness, &count), "the sample's count, {count}, as every other place states it");
    harness.state_mut().queue(Command::NewDesign);
    settle(&mut harness);
    assert!(!shows(&harness, " dots"), "no count without zones or a photo");
}

/// Regression: a stray click with the Hairline tool far from the line (on the client's suit)
/// extended the hairline to it.
#[test]
fn a_hairline_click_far_from_the_line_adds_nothing_and_says_how() {
    let mut harness = studio(None);
    let before = common::hairline(&harness);
    common::select_tool(&mut harness, hairline_studio::app::Tool::Hairline);
    common::click_photo(&mut harness, 600.0, 1400.0);
    assert_eq!(common::hairline(&harness), before);
    assert!(harness.state().status().contains("near an end to extend it"), "{}", harness.state().status());
}
