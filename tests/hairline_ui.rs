//! Designing the hairline in the window: points, mirror mode, calibration, landmarks.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]
#![allow(clippy::float_cmp, reason = "snapped positions and typed lengths are exact")]

mod common;

use common::{click_photo, hairline, select_tool, shows, studio};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Command, Tool};
use hairline_studio::design::Landmark;

#[test]
fn a_selected_point_is_deleted_with_the_delete_key() {
    let mut harness = studio();
    let before = hairline(&harness);
    click_photo(&mut harness, before[2].x, before[2].y);
    harness.key_press(Key::Delete);
    harness.run_steps(2);
    let after = hairline(&harness);
    assert_eq!(after.len(), before.len() - 1);
    assert!(!after.contains(&before[2]));
}

#[test]
fn mirror_mode_adds_the_mirror_image_and_off_it_does_not() {
    let mut harness = studio();
    select_tool(&mut harness, Tool::Hairline);
    let before = hairline(&harness).len();
    harness.get_by_label("Mirror mode").click();
    harness.run_steps(2);
    // Photo left of the midline (x = 600), beyond the hairline's end.
    click_photo(&mut harness, 300.0, 650.0);
    let mirrored = hairline(&harness);
    assert_eq!(mirrored.len(), before + 2, "the point and its mirror image");
    assert!(mirrored.iter().any(|p| (p.x - 900.0).abs() < 0.5 && (p.y - 650.0).abs() < 0.5), "{mirrored:?}");

    harness.get_by_label("Mirror mode").click();
    harness.run_steps(2);
    click_photo(&mut harness, 280.0, 700.0);
    assert_eq!(hairline(&harness).len(), before + 3, "only the clicked point");
}

#[test]
fn dragging_in_mirror_mode_moves_both_sides_as_one_step() {
    let mut harness = studio();
    harness.state_mut().queue(Command::ToggleMirror);
    harness.run_steps(2);
    let before = hairline(&harness);
    let start = harness.state().screen_position(before[1]).unwrap();
    harness.hover_at(start);
    harness.run_steps(1);
    harness.drag_at(start);
    harness.run_steps(1);
    for step in 1..=8u8 {
        harness.hover_at(start + egui::vec2(-2.0 * f32::from(step), 2.0 * f32::from(step)));
        harness.run_steps(1);
    }
    harness.drop_at(start + egui::vec2(-16.0, 16.0));
    harness.run_steps(2);
    let after = hairline(&harness);
    let (left, right) = (after[1], after[after.len() - 2]);
    assert!(left.x < before[1].x - 5.0, "the dragged point moved: {left:?}");
    assert!((left.x + right.x - 1200.0).abs() < 1e-6 && (left.y - right.y).abs() < 1e-6, "{left:?} {right:?}");
    assert_eq!(harness.state().document().undo_depth(), 1);
}

#[test]
fn a_point_dropped_near_the_midline_snaps_onto_it() {
    let mut harness = studio();
    select_tool(&mut harness, Tool::Hairline);
    click_photo(&mut harness, 603.0, 470.0);
    assert!(hairline(&harness).iter().any(|p| p.x == 600.0 && (p.y - 470.0).abs() < 1.0), "{:?}", hairline(&harness));
}

#[test]
fn calibrating_with_the_ruler_turns_the_readouts_into_millimetres() {
    let mut harness = studio();
    select_tool(&mut harness, Tool::Calibrate);
    click_photo(&mut harness, 100.0, 1300.0);
    click_photo(&mut harness, 400.0, 1300.0);
    harness.run_steps(2);
    assert!(shows(&harness, "How long is that in reality?"));
    let field = harness.get_by_label("Reference length");
    field.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Reference length").type_text("30");
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    let view = &harness.state().document().design().views[0];
    let calibration = view.calibration.as_ref().unwrap();
    assert_eq!(calibration.length_mm, 30.0);
    // Screen positions are f32: the clicked points are exact to a ten-thousandth of a pixel.
    assert!((view.mm_per_px().unwrap() - 0.1).abs() < 1e-6, "{calibration:?}");
    assert!(shows(&harness, "0.1000 mm per pixel"), "the inspector shows the new scale");
    assert!(shows(&harness, "Height on the midline"), "the hairline readouts are in mm");
}

#[test]
fn the_landmarks_tool_places_the_next_landmark_and_moves_on() {
    let mut harness = studio();
    harness.state_mut().queue(Command::PlaceLandmark(Landmark::Chin));
    harness.run_steps(2);
    click_photo(&mut harness, 600.0, 1170.0);
    let chin = harness.state().document().design().views[0].landmarks.chin.unwrap();
    assert!((chin.y - 1170.0).abs() < 0.5, "{chin:?}");
    assert!(harness.state().status().contains("Placed: Chin"), "{}", harness.state().status());
}

#[test]
fn a_new_outline_curve_takes_the_clicked_points_and_the_hairline_stays() {
    let mut harness = studio();
    let hairline_before = hairline(&harness);
    harness.get_by_label("+ New outline curve").click();
    harness.run_steps(2);
    select_tool(&mut harness, Tool::Hairline);
    click_photo(&mut harness, 250.0, 900.0);
    click_photo(&mut harness, 260.0, 1000.0);
    let view = &harness.state().document().design().views[0];
    assert_eq!(view.curves.len(), 2);
    assert_eq!(view.curves[1].points.len(), 2, "the outline got both points");
    assert_eq!(hairline(&harness), hairline_before);
}

#[test]
fn the_inspector_gives_the_points_to_mark_on_the_skin_and_where_they_come_from() {
    use hairline_studio::design::{Calibration, CalibrationSource, Curve, CurveRole, PhotoPoint, View, ViewKind};
    let mut harness = studio();
    common::settle(&mut harness);
    assert!(shows(&harness, "(estimated)"), "the hairline's height along the skin, estimated");
    harness.get_by_label("On the skin: marking the head").click();
    common::settle(&mut harness);
    assert!(shows(&harness, "estimated from an average adult head"), "the sample has no side view");
    for row in ["Hairline centre", "Frontotemporal L", "Temple end R"] {
        assert!(shows(&harness, row), "{row}");
    }
    assert!(!shows(&harness, "Control point 1"));
    harness.get_by_label("List every control point").scroll_to_me();
    // Until the scroll has come to rest, the box is not where it will be clicked.
    common::settle(&mut harness);
    harness.get_by_label("List every control point").click();
    common::settle(&mut harness);
    assert!(harness.state().document().design().views[0].guides.transfer_every_point, "ticked");
    assert!(shows(&harness, "Control point 1"));

    // A side view with the head's profile traced from the glabella over the top.
    let mut side = View::new(ViewKind::Left);
    side.calibration = Some(Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(0.0, 0.0),
        b: PhotoPoint::new(400.0, 0.0),
        length_mm: 100.0,
    });
    side.landmarks.glabella = Some(PhotoPoint::new(298.0, 805.0));
    let points = [(300.0, 800.0), (310.0, 600.0), (400.0, 400.0), (560.0, 330.0), (700.0, 380.0), (900.0, 520.0)]
        .map(|(x, y)| PhotoPoint::new(x, y))
        .to_vec();
    side.curves.push(Curve { name: "Profile".into(), role: CurveRole::Profile, points, ..Curve::default() });
    let mut views = harness.state().document().design().views.clone();
    side.id = hairline_studio::design::ViewId(views.iter().map(|v| v.id.0).max().unwrap_or(0) + 1);
    views.push(side);
    harness.state_mut().document_mut().set("add a side view", |d| Some(&mut d.views), views);
    common::settle(&mut harness);
    assert!(shows(&harness, "from the side profile (Left view)"));
    assert!(!shows(&harness, "estimated from an average adult head"));
}
