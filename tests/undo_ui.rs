//! Undo and redo in the window: what they say, and that nothing points at the wrong thing after.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::{draw_zone, press, select_tool, settle, shows, studio};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Command, Tool};
use hairline_studio::design::ViewKind;
use hairline_studio::edit::{Selection, ShapeRef};

/// A 300 × 200 px rectangle below the sample's chin.
const SQUARE: [(f64, f64); 4] = [(100.0, 1200.0), (400.0, 1200.0), (400.0, 1400.0), (100.0, 1400.0)];

/// Regression: after undoing "+ Add view" the studio's view index pointed past the end, so the
/// canvas said the design had no views while the tabs showed them.

#[test]
fn undoing_an_added_view_shows_the_first_view_again() {
    let mut harness = studio();
    harness.state_mut().queue(Command::AddView(ViewKind::Top));
    settle(&mut harness);
    assert_eq!(harness.state().view_shown().map(|v| v.kind), Some(ViewKind::Top));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert_eq!(harness.state().document().design().views.len(), 1);
    assert_eq!(harness.state().view_shown().map(|v| v.kind), Some(ViewKind::Front));
    assert!(!shows(&harness, "This design has no views"));
    harness.get_by_label("Design canvas");
    assert!(harness.state().status().starts_with("Undo: add top view"), "{}", harness.state().status());
}

/// Regression: selections were positions in the view's lists, so an undo that put a zone back
/// in front of the selected one moved the selection onto the wrong zone.
#[test]
fn a_selection_follows_its_shape_through_undo() {
    let mut harness = studio();
    draw_zone(&mut harness, &SQUARE, Key::Enter);
    let zones = |harness: &egui_kittest::Harness<'static, _>| {
        let app: &hairline_studio::app::StudioApp = harness.state();
        app.document().design().views[0].zones.iter().map(|z| (z.id, z.name.clone())).collect::<Vec<_>>()
    };
    let [(sample_zone, _), (drawn, drawn_name)] = zones(&harness).try_into().unwrap();
    // Delete the sample's own zone, the first in the list; the drawn one moves up to first.
    select_tool(&mut harness, Tool::Select);
    harness.get_by_label("⬟ Front and top").click();
    harness.run_steps(2);
    assert_eq!(harness.state().selection(), Some(Selection::shape(ShapeRef::Zone(sample_zone))));
    press(&mut harness, Modifiers::NONE, Key::Delete);
    harness.get_by_label(&format!("⬟ {drawn_name}")).click();
    harness.run_steps(2);
    // Undo puts the sample's zone back first: the selection stays on the drawn zone.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert_eq!(zones(&harness).len(), 2);
    assert_eq!(harness.state().selection(), Some(Selection::shape(ShapeRef::Zone(drawn))));
}

#[test]
fn undo_and_redo_say_what_they_undo_in_the_status_bar_and_the_edit_menu() {
    let mut harness = studio();
    let hairline = common::hairline(&harness);
    let point = hairline[3];
    let start = harness.state().screen_position(point).unwrap();
    harness.drag_at(start);
    harness.run_steps(1);
    harness.hover_at(start + egui::vec2(0.0, -20.0));
    harness.run_steps(1);
    harness.drop_at(start + egui::vec2(0.0, -20.0));
    settle(&mut harness);
    assert_eq!(harness.state().document().undo_label(), Some("move hairline point"));
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    assert!(shows(&harness, "Undo: move hairline point"), "the Edit menu's item says what it undoes");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(harness.state().status().starts_with("Undo: move hairline point"), "{}", harness.state().status());
    assert_eq!(common::hairline(&harness)[3], point);
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert!(harness.state().status().starts_with("Redo: move hairline point"), "{}", harness.state().status());
}

/// Review: a selected point kept its position through undo, so Delete could remove another
/// point than the one the artist picked.
#[test]
fn undo_keeps_the_selected_shape_but_not_a_point_position() {
    let mut harness = studio();
    select_tool(&mut harness, Tool::Select);
    let point = common::hairline(&harness)[2];
    common::click_photo(&mut harness, point.x, point.y);
    assert!(harness.state().selection().is_some_and(|s| s.point == Some(2)));
    let start = harness.state().screen_position(point).unwrap();
    harness.drag_at(start);
    harness.run_steps(1);
    harness.hover_at(start + egui::vec2(0.0, -15.0));
    harness.run_steps(1);
    harness.drop_at(start + egui::vec2(0.0, -15.0));
    settle(&mut harness);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    let selection = harness.state().selection().unwrap();
    assert_eq!(selection.point, None, "the shape stays selected, the point does not");
}
