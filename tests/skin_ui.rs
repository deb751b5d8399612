//! The skin and pigment section, driven like an artist: sample the skin, read the numbers, pick a
//! shade.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::{click_photo, select_tool, settle, shows, studio};
use egui_kittest::kittest::Queryable;
use hairline_studio::app::Tool;

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
    // The advice is for the mean of the view's samples, as the model gives it.
    let skin = hairline_studio::summary::mean_skin(samples).unwrap();
    let [darkest, lightest] = hairline_studio::colour::suggested_range(skin).unwrap();
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
fn the_preview_shows_fresh_healed_and_years_later_and_a_before_after_divider() {
    use hairline_studio::colour::Stage;
    let mut harness = studio();
    let healed = harness.state().preview_coverage().unwrap();
    harness.get_by_label("Fresh").click();
    settle(&mut harness);
    assert_eq!(harness.state().preview_state().0, Stage::Fresh);
    let fresh = harness.state().preview_coverage().unwrap();
    harness.get_by_label("Years later").click();
    settle(&mut harness);
    assert!(matches!(harness.state().preview_state().0, Stage::YearsLater(_)));
    let later = harness.state().preview_coverage().unwrap();
    assert!(fresh > healed && healed > later, "fresh {fresh} > healed {healed} > years later {later}");

    let divider = harness.get_by_label("Before | after");
    divider.focus();
    harness.run_steps(1);
    for _ in 0..5 {
        harness.key_press(egui::Key::ArrowRight);
    }
    harness.run_steps(2);
    assert!(harness.state().preview_state().1 > 0.0, "the divider moved: {:?}", harness.state().preview_state());
}
