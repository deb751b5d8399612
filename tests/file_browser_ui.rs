//! Where no system file dialog can be shown, the studio's own browser chooses the file.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::{asset, settle};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Command, FileDialogs, StartOptions, StudioApp};

/// Regression: with no desktop portal and no zenity, "Open photo" only said "cancelled", and no
/// file could be chosen at all.
#[test]
fn a_photo_is_chosen_in_the_studios_own_browser() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(asset("sample-front.jpg"), folder.path().join("client.jpg")).unwrap();
    let mut design = common::sample_design();
    design.views[0].photo = None;
    let design_path = folder.path().join("design.json");
    hairline_studio::io::save_design_file(&design_path, &design).unwrap();
    let options = StartOptions { open: Some(design_path), file_dialogs: FileDialogs::InApp, ..StartOptions::default() };
    let app = StudioApp::new(options);
    // egui_file's own text fields carry no accessible names; the studio's are checked elsewhere.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut StudioApp| app.studio_ui(ui), app);
    settle(&mut harness);
    harness.state_mut().queue(Command::OpenPhoto(None));
    settle(&mut harness);
    assert!(common::shows(&harness, "Open photo"), "the browser is open");
    // The browser's file field: the lowest text field on screen.
    let file_field = || {
        let fields = harness.query_all_by(|n| n.role() == egui::accesskit::Role::TextInput);
        fields.max_by(|a, b| a.rect().top().total_cmp(&b.rect().top())).unwrap().rect().center()
    };
    let at = file_field();
    harness.hover_at(at);
    harness.run_steps(1);
    harness.drag_at(at);
    harness.run_steps(1);
    harness.drop_at(at);
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text("client.jpg".to_owned()));
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    let photo = harness.state().document().design().views[0].photo.clone().unwrap();
    assert!(photo.path.ends_with("client.jpg"), "{}", photo.path);
}
