//! The skin and pigment section, driven like an artist: sample the skin, read the numbers, pick a
//! shade.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::{click_photo, select_tool, settle, shows, studio};
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Compare, Tool};
use hairline_studio::design::{PhotoPoint, SampleDoubt};
use hairline_studio::report::view_skin;

#[test]
fn sampling_the_skin_adds_a_sample_and_shows_its_numbers() {
    let mut harness = studio();
    let before = harness.state().document().design().views[0].skin_samples.len();
    select_tool(&mut harness, Tool::Skin);
    click_photo(&mut harness, 560.0, 700.0);
    settle(&mut harness);
    let samples = &harness.state().document().design().views[0].skin_samples.clone();
    assert_eq!(samples.len(), before + 1);
    let sample = samples.last().unwrap();
    // The sample head's forehead: a light skin tone, ITA 40 to 50 degrees.
    let ita = (sample.l - 50.0).atan2(sample.b).to_degrees();
    assert!((60.0..85.0).contains(&sample.l) && (35.0..55.0).contains(&ita), "{sample:?}, ITA {ita}");
    assert!(harness.state().status().starts_with("Skin sampled"), "{}", harness.state().status());
    assert!(shows(&harness, &format!("Skin sample {}", before + 1)));
    let [r, g, b] = hairline_studio::colour::Lab::new(sample.l, sample.a, sample.b).to_srgb();
    assert!(shows(&harness, &format!("sRGB {r} {g} {b}")), "the sample's sRGB is shown");
    // The advice is for the mean of the view's samples, as the model gives it.
    let skin = hairline_studio::report::mean_skin(samples).unwrap();
    let [darkest, lightest] =
        hairline_studio::colour::suggested_range(skin, hairline_studio::colour::carbon_ink()).unwrap();
    assert!(darkest >= 6.0, "light skin takes lighter dilutions: {darkest}");
    assert!(shows(&harness, &format!("Suggested for this skin: {darkest:.0}:1 to {lightest:.0}:1")));

    harness.state_mut().queue(hairline_studio::app::Command::Undo);
    settle(&mut harness);
    assert_eq!(harness.state().document().design().views[0].skin_samples.len(), before, "one undo step");
}

#[test]
fn a_shade_is_picked_from_the_advice_table() {
    let mut harness = studio();
    assert!(shows(&harness, "10:1 healed"), "each shade has its healed swatch");
    // The palette runs 1, 3, 6, 10, ... : the fourth "Use" is 10:1.
    harness.get_all_by_label("Use").nth(3).unwrap().scroll_to_me();
    harness.run_steps(3);
    harness.get_all_by_label("Use").nth(3).unwrap().click();
    settle(&mut harness);
    assert!((harness.state().document().design().pigment.water_parts - 10.0).abs() < 1e-9);
}

#[test]
fn the_preview_shows_fresh_healed_and_years_later() {
    use hairline_studio::colour::Stage;
    let mut harness = studio();
    let healed = harness.state().preview_coverage().unwrap();
    harness.get_by_label("Fresh").click();
    settle(&mut harness);
    assert_eq!(harness.state().preview_state().0.stage, Stage::Fresh);
    let fresh = harness.state().preview_coverage().unwrap();
    harness.get_by_label("Years later").click();
    settle(&mut harness);
    assert!(matches!(harness.state().preview_state().0.stage, Stage::YearsLater(_)));
    let later = harness.state().preview_coverage().unwrap();
    assert!(fresh > healed && healed > later, "fresh {fresh} > healed {healed} > years later {later}");
}

#[test]
fn the_before_after_divider_is_dragged_across_the_photo() {
    let mut harness = studio();
    harness.get_by_label("Split").click();
    settle(&mut harness);
    assert_eq!(harness.state().preview_state().1, Compare::Split);
    let drawing = harness.state().document().design().views[0].clone();
    let start = harness.get_by_label("Before/after divider").rect().center();
    let photo_left = harness.state().screen_position(PhotoPoint::new(0.0, 0.0)).unwrap().x;
    harness.hover_at(start);
    harness.run_steps(1);
    harness.drag_at(start);
    harness.run_steps(1);
    let end = egui::pos2(start.x - (start.x - photo_left) / 2.0, start.y);
    for step in 1..=5u8 {
        harness.hover_at(start.lerp(end, f32::from(step) / 5.0));
        harness.run_steps(1);
    }
    harness.drop_at(end);
    harness.run_steps(2);
    let share = harness.state().preview_state().2;
    assert!((share - 0.25).abs() < 0.02, "dragged from the middle to a quarter: {share}");
    assert_eq!(harness.state().document().design().views[0], drawing, "the drawing under the divider did not move");

    // The bar scrolls sideways in a window this narrow.
    harness.get_by_label("Side by side").scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Side by side").click();
    settle(&mut harness);
    assert!(shows(&harness, "Before and after, side by side"));
    assert!(harness.query_by_label("Before/after divider").is_none());
}

#[test]
fn the_preview_shows_the_result_after_each_session() {
    let mut harness = studio();
    let sessions = harness.state().document().design().sessions.len();
    assert_eq!(sessions, 3, "the sample has the default three sessions");
    let all = harness.state().preview_coverage().unwrap();
    harness.get_by_label("1").click();
    settle(&mut harness);
    assert_eq!(harness.state().preview_state().0.after_session, Some(1));
    let first = harness.state().preview_coverage().unwrap();
    harness.get_by_label("2").click();
    settle(&mut harness);
    let second = harness.state().preview_coverage().unwrap();
    assert!(first < second && second < all, "session 1 {first} < 2 {second} < all {all}");
    harness.get_by_label("3 (all)").click();
    settle(&mut harness);
    assert!((harness.state().preview_coverage().unwrap() - all).abs() < 1e-12);
}

#[test]
fn presentation_mode_hides_the_tools_and_escape_returns() {
    let mut harness = studio();
    harness.get_by_label("▶ Present").click();
    settle(&mut harness);
    assert!(harness.state().presenting());
    assert!(harness.query_by_label("Skin and pigment").is_none(), "the inspector is hidden");
    assert!(harness.query_by_label("File").is_none(), "the menu is hidden");
    harness.get_by_label("Fresh").click();
    // The bar scrolls sideways in a window this narrow.
    harness.get_by_label("Side by side").scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Side by side").click();
    settle(&mut harness);
    let (look, compare, _) = harness.state().preview_state();
    assert_eq!((look.stage, compare), (hairline_studio::colour::Stage::Fresh, Compare::SideBySide));
    // Keys that would edit the design do nothing while presenting.
    let design = harness.state().document().design().clone();
    harness.key_press(egui::Key::Delete);
    harness.key_press(egui::Key::L);
    harness.run_steps(2);
    assert_eq!(harness.state().document().design(), &design);
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(!harness.state().presenting());
    assert!(shows(&harness, "Skin and pigment"));
}

#[test]
fn a_custom_pigment_changes_the_advice_and_is_saved_with_the_design() {
    let mut harness = studio();
    let carbon = harness.state().document().design().pigment.ink();
    // Below the skin samples and the white balance: the inspector scrolls.
    harness.get_by_label("Pigment").scroll_to_me();
    harness.run_steps(3);
    harness.get_by_label("Pigment").click();
    harness.run_steps(2);
    harness.get_by_label("Custom pigment").click();
    settle(&mut harness);
    let custom = harness.state().document().design().pigment.custom.clone().unwrap();
    let starts_from_carbon = custom.lab.iter().zip([carbon.l, carbon.a, carbon.b]).all(|(a, b)| (a - b).abs() < 1e-9);
    assert!(starts_from_carbon, "{custom:?}");
    let b_star = harness.get_by_label("b*");
    b_star.scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("b*").set_value_accesskit(12.0);
    harness.run_steps(2);
    let ink = harness.state().document().design().pigment.ink();
    assert!((ink.b - 12.0).abs() < 1e-9, "a warmer pigment: {ink:?}");
    let skin = hairline_studio::report::mean_skin(&harness.state().document().design().views[0].skin_samples).unwrap();
    let shade = harness.state().document().design().pigment.water_parts;
    let carbon_dot = hairline_studio::colour::dot_colour(skin, carbon, shade, hairline_studio::colour::Stage::Healed);
    let dot = hairline_studio::colour::dot_colour(skin, ink, shade, hairline_studio::colour::Stage::Healed);
    assert!(dot.b > carbon_dot.b, "the dot on this skin is warmer too");
    let json = serde_json::to_string(harness.state().document().design()).unwrap();
    assert!(json.contains("\"custom\""), "saved with the design");
}

#[test]
fn seen_from_afar_is_worked_out_off_the_ui_thread_then_shown() {
    let mut harness = studio();
    assert_eq!(harness.state().preview_seen_from_m(), None, "close up to begin with");
    harness.get_by_label("Seen from:").click();
    harness.run_steps(2);
    harness.get_by_label("1 m").click();
    harness.run_steps(1);
    // The frame that asks for the blur does not wait for it: the sharp result stays meanwhile.
    assert_eq!(harness.state().preview_seen_from_m(), None);
    let mut frames = 0;
    while harness.state().preview_seen_from_m().is_none() && frames < 400 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
        frames += 1;
    }
    assert_eq!(harness.state().preview_seen_from_m(), Some(1.0), "the blur arrived after {frames} frames");
    // Back to close up: the sharp result at once, with no blur left over.
    harness.get_by_label("Seen from:").click();
    harness.run_steps(2);
    harness.get_by_label("Close up").click();
    harness.run_steps(1);
    assert_eq!(harness.state().preview_seen_from_m(), None);
}

#[test]
fn a_skin_sample_on_the_brow_is_left_out_until_the_artist_keeps_it() {
    let mut harness = studio();
    let before = view_skin(&harness.state().document().design().views[0]).unwrap();
    let count = harness.state().document().design().views[0].skin_samples.len();
    select_tool(&mut harness, Tool::Skin);
    click_photo(&mut harness, 490.0, 585.0);
    settle(&mut harness);
    let view = harness.state().document().design().views[0].clone();
    assert_eq!(view.skin_samples.len(), count + 1, "the sample is kept in the design, with its doubts");
    let brow = view.skin_samples.last().unwrap();
    assert!(brow.doubts.contains(&SampleDoubt::DarkerThanSurroundings) && !brow.counts(), "{brow:?}");
    let status = harness.state().status().to_owned();
    assert!(status.starts_with("Skin sample left out of the mean: much darker"), "{status}");
    assert!(shows(&harness, "⚠ Left out of the mean: much darker than the skin around it"));
    assert!(view_skin(&view).unwrap().delta_e_2000(before) < 1e-9, "the brow does not move the mean");

    harness.get_by_label("Keep").scroll_to_me();
    harness.run_steps(3);
    harness.get_by_label("Keep").click();
    settle(&mut harness);

    let view = harness.state().document().design().views[0].clone();
    assert!(view.skin_samples.last().unwrap().kept);
    assert!(view_skin(&view).unwrap().l < before.l - 5.0, "kept, it counts");
    assert!(harness.query_by_label("Keep").is_none());
    assert!(harness.state().document().undo_label() == Some("keep skin sample"));
}

#[test]
fn the_neutral_eyedropper_is_on_n_refuses_a_colour_and_corrects_for_the_grey() {
    let mut harness = studio();
    assert!(shows(&harness, "No neutral sample: colours are as the photo took them"));
    harness.key_press(egui::Key::N);
    harness.run_steps(2);
    assert_eq!(harness.state().tool(), Tool::Neutral);
    assert!(harness.state().status().contains("not the eye's white or teeth"), "{}", harness.state().status());
    // The lips: no light makes a grey that colour.
    click_photo(&mut harness, 600.0, 861.0);
    settle(&mut harness);
    assert!(harness.state().status().contains("no light's colour"), "{}", harness.state().status());
    assert!(harness.state().document().design().views[0].neutral.is_none(), "nothing stored");
    // The studio's blue-grey backdrop as the grey: a cool light, so every colour warms up.
    let raw_skin = view_skin(&harness.state().document().design().views[0]).unwrap();
    click_photo(&mut harness, 100.0, 300.0);
    settle(&mut harness);
    let view = harness.state().document().design().views[0].clone();
    assert!(view.neutral.is_some());
    assert!(harness.state().status().starts_with("Corrected for a cool cast (about"), "{}", harness.state().status());
    assert!(shows(&harness, "Corrected for a cool cast (about"));
    let skin = view_skin(&view).unwrap();
    assert!(skin.b > raw_skin.b + 3.0, "corrected for a blue light, the skin is yellower: {skin:?} vs {raw_skin:?}");
    harness.state_mut().queue(hairline_studio::app::Command::Undo);
    settle(&mut harness);
    assert!(harness.state().document().design().views[0].neutral.is_none(), "one undo step");
}

#[test]
fn the_hair_eyedropper_refuses_bare_skin_and_takes_stubble() {
    let mut harness = studio();
    let count = harness.state().document().design().views[0].hair_samples.len();
    select_tool(&mut harness, Tool::Hair);
    // The forehead, where the skin samples are: no hair there.
    click_photo(&mut harness, 600.0, 500.0);
    settle(&mut harness);
    assert!(harness.state().status().contains("reads as bare skin"), "{}", harness.state().status());
    assert_eq!(harness.state().document().design().views[0].hair_samples.len(), count, "nothing stored");
    // The stubble at the side of the head is taken.
    click_photo(&mut harness, 400.0, 600.0);
    settle(&mut harness);
    assert!(harness.state().status().starts_with("Hair sampled"), "{}", harness.state().status());
    assert_eq!(harness.state().document().design().views[0].hair_samples.len(), count + 1);
}

#[test]
fn the_photo_is_shown_corrected_for_its_light_when_asked_with_the_preview_on_or_off() {
    let mut harness = studio();
    assert!(harness.query_by_label("Show the photo corrected").is_none(), "no choice without a neutral grey");
    harness.key_press(egui::Key::N);
    harness.run_steps(2);
    click_photo(&mut harness, 100.0, 300.0);
    settle(&mut harness);
    assert!(!harness.state().shows_corrected_photo(), "as the camera took it until asked");
    harness.get_by_label("Show the photo corrected").scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Show the photo corrected").click();
    settle(&mut harness);
    assert!(harness.state().shows_corrected_photo(), "with the preview on");
    // With the simulated dots off, the photo alone is still shown corrected.
    harness.state_mut().queue(hairline_studio::app::Command::TogglePreview);
    settle(&mut harness);
    assert!(harness.state().shows_corrected_photo(), "with the preview off");
    // Without the neutral grey, there is nothing to correct by.
    harness.state_mut().queue(hairline_studio::app::Command::Undo);
    settle(&mut harness);
    assert!(!harness.state().shows_corrected_photo());
    // The dots back on: their count comes back with them.
    harness.state_mut().queue(hairline_studio::app::Command::TogglePreview);
    settle(&mut harness);
    assert!(shows(&harness, "dots in the preview"));
    let none = harness.query_by(|n| n.label().is_some_and(|l| l.starts_with("0 dots in the preview")));
    assert!(none.is_none(), "the count is made again, not left at 0");
}
