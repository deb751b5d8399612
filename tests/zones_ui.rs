//! Drawing density zones in the window.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]
#![allow(clippy::float_cmp, reason = "defaults and set values are copied, never computed")]

mod common;

use common::{click_photo, draw_zone, select_tool, shows, studio};
use egui::Key;
use egui_kittest::kittest::Queryable;
use hairline_studio::app::Tool;
use hairline_studio::design::PhotoPoint;

/// A 300 × 200 px rectangle below the sample's chin.
const SQUARE: [(f64, f64); 4] = [(100.0, 1200.0), (400.0, 1200.0), (400.0, 1400.0), (100.0, 1400.0)];

fn zones(harness: &egui_kittest::Harness<'static, hairline_studio::app::StudioApp>) -> Vec<Vec<PhotoPoint>> {
    harness.state().document().design().views[0].zones.iter().map(|z| z.vertices.clone()).collect()
}

#[test]
fn clicking_corners_and_pressing_enter_draws_a_zone_with_its_area_and_dots() {
    let mut harness = studio();
    draw_zone(&mut harness, &SQUARE, Key::Enter);
    let zones = zones(&harness);
    assert_eq!(zones.len(), 2);
    assert_eq!(zones[1].len(), 4);
    // 300 x 200 px at 0.3 mm/px is 54 cm².
    assert!(shows(&harness, "54.0 cm²"), "the zone table shows the new zone's area");
    assert!(harness.state().status().contains("closed"), "{}", harness.state().status());
}

#[test]
fn a_zone_whose_edges_cross_is_not_closed() {
    let mut harness = studio();
    draw_zone(&mut harness, &[(100.0, 1200.0), (400.0, 1400.0), (400.0, 1200.0), (100.0, 1400.0)], Key::Enter);
    assert!(harness.state().status().contains("edges cross"), "{}", harness.state().status());
    // Still drawing: deleting the last corner and closing again works.
    harness.key_press(Key::Delete);
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert_eq!(zones(&harness)[1].len(), 3);
}

#[test]
fn clicking_a_zone_edge_with_the_zone_tool_inserts_a_corner() {
    let mut harness = studio();
    select_tool(&mut harness, Tool::Zone);
    let corners = zones(&harness)[0].clone();
    let before = corners.len();
    // Midway along the sample zone's edge over the top of the head, between two corners.
    let (a, b) = (corners[9], corners[10]);
    click_photo(&mut harness, f64::midpoint(a.x, b.x), f64::midpoint(a.y, b.y));
    assert_eq!(zones(&harness)[0].len(), before + 1);
}

#[test]
fn fill_behind_the_hairline_makes_a_zone_from_it() {
    let mut harness = studio();
    harness.get_by_label("Fill behind the hairline").click();
    harness.run_steps(2);
    let zones = zones(&harness);
    assert_eq!(zones.len(), 2);
    assert_eq!(zones[1].len(), 14, "the hairline's 7 points and 7 behind them");
    assert!(zones[1][7].y < zones[1][6].y, "the back line is up the head");
}

/// Regression: switching tools while a zone was half drawn left it active: its rubber band kept
/// painting, and Enter or Escape in another tool finished it.
#[test]
fn choosing_another_tool_closes_the_zone_being_drawn() {
    let mut harness = studio();
    draw_zone(&mut harness, &[(100.0, 1200.0), (400.0, 1200.0), (400.0, 1400.0)], Key::V);
    assert_eq!(harness.state().tool(), Tool::Select);
    assert_eq!(zones(&harness)[1].len(), 3, "closed with its three corners");
    let before = zones(&harness);
    click_photo(&mut harness, 250.0, 1100.0);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert_eq!(zones(&harness), before, "no corner added, nothing closed by the Select tool");
}

#[test]
fn a_zone_drawn_corner_by_corner_is_one_undo_step() {
    let mut harness = studio();
    let depth = harness.state().document().undo_depth();
    draw_zone(&mut harness, &SQUARE, Key::Enter);
    assert_eq!(harness.state().document().undo_depth(), depth + 1);
    assert_eq!(harness.state().document().undo_label(), Some("draw zone"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(zones(&harness).len(), 1, "the whole zone undone at once");
}

/// Review: switching views left the zone being drawn active, and its id then named a zone of
/// the other view.
#[test]
fn showing_another_view_closes_the_zone_being_drawn_in_its_own_view() {
    let mut harness = studio();
    let front = harness.state().document().design().views[0].id;
    harness.state_mut().queue(hairline_studio::app::Command::AddView(hairline_studio::design::ViewKind::Top));
    common::settle(&mut harness);
    harness.state_mut().queue(hairline_studio::app::Command::ShowView(front));
    common::settle(&mut harness);
    select_tool(&mut harness, Tool::Zone);
    for (x, y) in [(100.0, 1200.0), (400.0, 1200.0), (400.0, 1400.0)] {
        click_photo(&mut harness, x, y);
    }
    let top = harness.state().document().design().views[1].id;
    harness.state_mut().queue(hairline_studio::app::Command::ShowView(top));
    common::settle(&mut harness);
    assert_eq!(zones(&harness)[1].len(), 3, "closed in the front view");
    assert!(harness.state().document().design().views[1].zones.is_empty());
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert!(harness.state().document().design().views[1].zones.is_empty(), "Enter closes nothing on the top view");
}

#[test]
fn undo_while_drawing_a_zone_takes_back_its_last_corner() {
    let mut harness = studio();
    select_tool(&mut harness, Tool::Zone);
    for (x, y) in [(100.0, 1200.0), (400.0, 1200.0), (400.0, 1400.0)] {
        click_photo(&mut harness, x, y);
    }
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(zones(&harness)[1].len(), 2, "only the last corner goes");
    click_photo(&mut harness, 250.0, 1450.0);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert_eq!(zones(&harness)[1].len(), 3, "and drawing goes on");
}

/// Changing a zone's kind brings that kind's defaults; what the artist set by hand is kept
/// unless they say otherwise, and the studio asks.
#[test]
fn a_zones_kind_brings_its_defaults_and_asks_before_overwriting_the_artists() {
    use hairline_studio::design::ZoneKind;
    let mut harness = studio();
    // From a zone with its kind's defaults on a design shaded 18:1 (the sample's own zone is
    // tuned to blend with the client's hair).
    let mut plain = harness.state().document().design().views[0].zones[0].clone();
    let defaults = plain.kind.defaults();
    (plain.density_per_cm2, plain.dot_diameter_mm) = (defaults.density_per_cm2, defaults.dot_diameter_mm);
    (plain.edge_feather_mm, plain.water_parts) = (defaults.edge_feather_mm, None);
    let document = harness.state_mut().document_mut();
    document.set("defaults", |d| d.views[0].zones.first_mut(), plain);
    document.set("shade", |d| Some(&mut d.pigment.water_parts), 18.0);
    common::settle(&mut harness);
    // The zone's row in the inspector's list ("⬟ Front and top").
    harness.query_by(|n| n.label().is_some_and(|l| l.ends_with("Front and top"))).unwrap().click();
    common::settle(&mut harness);
    let choose = |harness: &mut egui_kittest::Harness<'static, hairline_studio::app::StudioApp>, kind: ZoneKind| {
        harness.get_by_label("Kind").scroll_to_me();
        common::settle(harness);
        harness.get_by_label("Kind").click();
        common::settle(harness);
        harness.get_by_label(kind.label()).click();
        common::settle(harness);
    };
    let zone = |harness: &egui_kittest::Harness<'static, hairline_studio::app::StudioApp>| {
        harness.state().document().design().views[0].zones[0].clone()
    };
    assert!(zone(&harness).customised(18.0).is_empty(), "the sample's zone has its kind's defaults");
    // The selected zone's dots are the count the list, info and the sheet give: as simulated.
    let dots = hairline_studio::report::report(harness.state().document().design()).views[0].zones[0].dots.unwrap();
    let exactly = hairline_studio::format::thousands(dots);
    assert!(harness.query_by_label(&exactly).is_some(), "{exactly} dots shown for the zone itself");
    choose(&mut harness, ZoneKind::ScarCamouflage);
    let scar = zone(&harness);
    assert_eq!(scar.kind, ZoneKind::ScarCamouflage);
    assert_eq!(scar.edge_feather_mm, ZoneKind::ScarCamouflage.defaults().edge_feather_mm);
    assert_eq!(scar.water_parts, Some(24.0), "a scar is lighter than the design's 18:1");

    // The artist's own density, then another kind: asked, and kept on "Keep mine".
    harness.state_mut().document_mut().set(
        "density",
        |d| d.views[0].zones.first_mut().map(|z| &mut z.density_per_cm2),
        150.0,
    );
    common::settle(&mut harness);
    choose(&mut harness, ZoneKind::Temple);
    assert!(shows(&harness, "Make Front and top a Temple zone?"), "asked first");
    assert_eq!(zone(&harness).kind, ZoneKind::ScarCamouflage, "nothing changed while asking");
    harness.get_by_label("Keep mine").click();
    common::settle(&mut harness);
    let temple = zone(&harness);
    assert_eq!(temple.kind, ZoneKind::Temple);
    assert_eq!(temple.density_per_cm2, 150.0, "the artist's density kept");
    assert_eq!(temple.dot_diameter_mm, ZoneKind::Temple.defaults().dot_diameter_mm);
    assert_eq!(temple.water_parts, None, "the temple's shade: the design's");
}

/// A zone between existing hair: "Mark hair" makes a mask from the photo, the dots on hair are
/// left out and the inspector says how many; "Clear" takes the mask away.
#[test]
fn marking_hair_in_a_density_zone_leaves_dots_out_and_says_how_many() {
    use hairline_studio::design::ZoneKind;
    let mut harness = studio();
    common::settle(&mut harness);
    harness.state_mut().document_mut().set(
        "kind",
        |d| d.views[0].zones.first_mut().map(|z| &mut z.kind),
        ZoneKind::Density,
    );
    harness.query_by(|n| n.label().is_some_and(|l| l.ends_with("Front and top"))).unwrap().click();
    common::settle(&mut harness);
    harness.get_by_label("Mark hair").scroll_to_me();
    common::settle(&mut harness);
    harness.get_by_label("Mark hair").click();
    common::settle(&mut harness);
    let zone = harness.state().document().design().views[0].zones[0].clone();
    let mask = zone.hair_mask.clone().expect("a mask was made");
    assert_eq!(mask.made_by, "darker than L* 35", "the default threshold");
    let report = hairline_studio::report::report(harness.state().document().design());
    let left = report.views[0].zones[0].left_on_hair.expect("counted");
    let shown = format!("{} left out", hairline_studio::format::count(usize::try_from(left).unwrap(), "dot"));
    assert!(shows(&harness, &shown), "the inspector says {shown}");
    harness.get_by_label("Clear").click();
    common::settle(&mut harness);
    assert!(harness.state().document().design().views[0].zones[0].hair_mask.is_none());
}

#[test]
fn a_zone_too_dark_for_the_clients_hair_is_given_the_density_that_blends() {
    let mut harness = studio();
    // At 400 dots/cm² in a 3:1 shade, the sample's zone is too dark from 1 m for its light stubble.
    let document = harness.state_mut().document_mut();
    document.set("dense", |d| d.views[0].zones.first_mut().map(|z| &mut z.density_per_cm2), 400.0);
    document.set("dark", |d| Some(&mut d.pigment.water_parts), 3.0);
    common::settle(&mut harness);
    harness.query_by(|n| n.label().is_some_and(|l| l.ends_with("Front and top"))).unwrap().click();
    common::settle(&mut harness);
    let blend = |harness: &egui_kittest::Harness<'static, hairline_studio::app::StudioApp>| {
        let report = hairline_studio::report::report(harness.state().document().design());
        report.views[0].zones[0].seen_from_1m.as_ref().unwrap().blend.clone().unwrap()
    };
    let dense = blend(&harness);
    assert_eq!(dense.verdict, hairline_studio::hair_match::Verdict::TooDark, "{dense:?}");
    let density = dense.blending_density_per_cm2.unwrap();
    assert!(density < 400.0, "{dense:?}");
    assert!(common::shows(&harness, "too dark"), "the verdict is shown");
    // The density solved from the model is a button: pressed, the zone takes it and blends.
    let button = format!("{density:.0}/cm²");
    harness.get_by_label(&button).scroll_to_me();
    common::settle(&mut harness);
    harness.get_by_label(&button).click();
    common::settle(&mut harness);
    let zone = harness.state().document().design().views[0].zones[0].clone();
    assert!((zone.density_per_cm2 - density).abs() < 1e-9, "{}", zone.density_per_cm2);
    let fixed = blend(&harness);
    assert_eq!(fixed.verdict, hairline_studio::hair_match::Verdict::Blends, "{fixed:?}");
}

#[test]
fn a_zone_says_which_part_of_the_scalp_it_covers() {
    let mut harness = studio();
    harness.query_by(|n| n.label().is_some_and(|l| l.ends_with("Front and top"))).unwrap().click();
    common::settle(&mut harness);
    harness.get_by_label("Covers").scroll_to_me();
    common::settle(&mut harness);
    harness.get_by_label("Covers").click();
    common::settle(&mut harness);
    harness.get_by_label("the top").click();
    common::settle(&mut harness);
    let zone = harness.state().document().design().views[0].zones[0].clone();
    assert_eq!(zone.scalp_part, hairline_studio::design::ScalpPart::Top);
    // One undoable step, named for what it did.
    harness.state_mut().queue(hairline_studio::app::Command::Undo);
    common::settle(&mut harness);
    let zone = harness.state().document().design().views[0].zones[0].clone();
    assert_eq!(zone.scalp_part, hairline_studio::design::ScalpPart::Unstated);
}
