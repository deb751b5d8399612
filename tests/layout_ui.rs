//! A layout that holds still: the canvas does not move under the pointer as panels open, bars
//! change or the window is resized, and a small screen still reaches every control.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::{settle, studio, studio_with};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{StartOptions, StudioApp, Tool};

fn canvas(harness: &Harness<'static, StudioApp>) -> egui::Rect {
    harness.get_by_label("Design canvas").rect()
}

/// Regression: the inspector's width jumped between about 300 and 450 points as sections
/// opened, and choosing "Years later" wrapped the preview bar; both moved the canvas.
#[test]
fn opening_sections_and_changing_the_preview_leave_the_canvas_where_it_is() {
    let mut harness = studio();
    let before = canvas(&harness);
    for section in ["Client", "Landmarks", "Guides and starting shapes", "Sessions"] {
        let header = harness.get_by_label(section);
        header.scroll_to_me();
        harness.run_steps(1);
        harness.get_by_label(section).click();
        settle(&mut harness);
    }
    harness.get_by_label("Years later").click();
    settle(&mut harness);
    assert_eq!(canvas(&harness), before);
}

#[test]
fn a_fitted_photo_is_fitted_again_when_the_window_changes_size() {
    let mut harness = studio();
    let point = hairline_studio::design::PhotoPoint::new(600.0, 1500.0);
    let bottom = harness.state().screen_position(point).unwrap().y;
    assert!((canvas(&harness).bottom() - bottom - 16.0).abs() < 2.0, "fitted with its margin");
    harness.set_size(egui::vec2(1500.0, 1100.0));
    settle(&mut harness);
    let bottom = harness.state().screen_position(point).unwrap().y;
    assert!((canvas(&harness).bottom() - bottom - 16.0).abs() < 2.0, "fitted again to the taller window");
}

#[test]
fn at_1024_by_768_every_control_is_reachable() {
    let mut harness = studio_with(StartOptions::default());
    harness.set_size(egui::vec2(1024.0, 768.0));
    settle(&mut harness);
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 768.0));
    let on_screen = |harness: &Harness<'static, StudioApp>, label: &str| {
        let rect = harness.get_by_label(label).rect();
        assert!(screen.contains_rect(rect), "{label} at {rect:?}");
    };
    for &tool in Tool::ALL {
        on_screen(&harness, &format!("{} tool", tool.label()));
    }
    for label in ["Mirror mode", "Preview", "File", "Edit", "Tools", "Help", "▶ Present", "Design canvas"] {
        on_screen(&harness, label);
    }
    // The inspector scrolls: its last section can be brought into view.
    let notes = harness.get_by_label("Notes");
    notes.scroll_to_me();
    settle(&mut harness);
    on_screen(&harness, "Notes");
    // The preview bar scrolls sideways rather than wrapping.
    harness.get_by_label("Side by side").scroll_to_me();
    settle(&mut harness);
    on_screen(&harness, "Side by side");
    assert!(canvas(&harness).width() > 400.0, "the canvas keeps room: {:?}", canvas(&harness));
}
