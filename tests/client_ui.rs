//! The client record in the inspector, driven like an artist at the consultation.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::{replace_text, settle, shows, studio};
use egui_kittest::kittest::Queryable;
use hairline_studio::design::{HairLoss, YesNo};

/// Opens the inspector's client section, closed at start so the drawing tools come first.
fn open_client(harness: &mut egui_kittest::Harness<'static, hairline_studio::app::StudioApp>) {
    harness.get_by_label("Client").click();
    settle(harness);
}

/// Clicks the answer `choice` ("not asked", "no", "yes") of the question `question`.
fn answer(harness: &mut egui_kittest::Harness<'static, hairline_studio::app::StudioApp>, question: &str, choice: &str) {
    let label = format!("{question}: {choice}");
    harness.get_by_label(&label).scroll_to_me();
    // Until the scroll has come to rest, the row is not where it will be clicked.
    settle(harness);
    harness.get_by_label(&label).click();
    settle(harness);
}

#[test]
fn filling_the_client_panel_and_answering_yes_shows_the_warning() {
    let mut harness = studio();
    assert!(!shows(&harness, "Before treating:"), "no warning while nothing says yes");
    open_client(&mut harness);

    replace_text(&mut harness, "Client name", "Jordan Reyes");
    harness.get_by_label("Hair loss").click();
    harness.run_steps(2);
    harness.get_by_label("Norwood 3v").click();
    harness.run_steps(2);
    assert!(!harness.state().document().design().client.health.contains_key("diabetes"), "not asked until asked");
    answer(&mut harness, "Diabetes", "yes");

    let client = harness.state().document().design().client.clone();
    assert_eq!(client.name, "Jordan Reyes");
    assert_eq!(client.hair_loss, Some(HairLoss::Norwood("3v".to_owned())));
    assert_eq!(client.health.get("diabetes").map(|a| a.answer), Some(YesNo::Yes));
    assert!(shows(&harness, "Before treating:"), "the warning banner shows");
    assert!(shows(&harness, "Diabetes. Clear it"), "naming what was answered yes");

    answer(&mut harness, "Diabetes", "no");
    let client = harness.state().document().design().client.clone();
    assert_eq!(client.health.get("diabetes").map(|a| a.answer), Some(YesNo::No), "no is an answer, kept");
    assert!(!shows(&harness, "Before treating:"));
    answer(&mut harness, "Diabetes", "not asked");
    assert!(!harness.state().document().design().client.health.contains_key("diabetes"));
}

#[test]
fn a_patch_test_reaction_or_a_young_scar_warns_like_a_yes() {
    let mut harness = studio();
    open_client(&mut harness);
    harness.get_by_label("+ Add scar").scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("+ Add scar").click();
    settle(&mut harness);
    harness.get_by_label("Scar 1 age").scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("Scar 1 age").set_value_accesskit(4.0);
    settle(&mut harness);
    assert_eq!(harness.state().document().design().client.scars[0].age_months, Some(4));
    assert!(shows(&harness, "a scar of 4 months"), "a young scar warns");
}

#[test]
fn giving_consent_records_todays_date() {
    let mut harness = studio();
    open_client(&mut harness);
    let consent = harness.get_by_label("Consent given");
    consent.scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Consent given").click();
    settle(&mut harness);
    let date = harness.state().document().design().client.consent_date.clone();
    assert_eq!(date, Some(hairline_studio::design::today_iso()));
}

#[test]
fn the_session_plan_estimates_durations_and_records_a_done_session() {
    let mut harness = studio();
    let header = harness.get_by_label("Sessions");
    header.scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Sessions").click();
    settle(&mut harness);
    // Session 1 lays half of the sample's dots, as simulated (the count the zone table and the
    // sheet show), at 7,000 an hour, with 10 min of breaks an hour and 45 min of set-up.
    let design = harness.state().document().design().clone();
    let report = hairline_studio::report::report(&design);
    #[expect(clippy::cast_precision_loss, reason = "a small count")]
    let total = report.total_dots as f64;
    let hours = report.sessions[0].hours.unwrap();
    #[expect(clippy::cast_precision_loss, reason = "a small count")]
    let first = report.sessions[0].dots as f64;
    assert!((first - total * 0.5).abs() <= 0.5, "half the dots, rounded: {first} of {total}");
    let needle = first / 7_000.0;
    assert!((hours - (0.75 + needle * (1.0 + 10.0 / 60.0))).abs() < 1e-9, "{hours} h");
    let estimate = format!("≈ {}", hairline_studio::format::duration(hours));
    harness.get_by_label("Session 1").scroll_to_me();
    harness.run_steps(2);
    let labels: Vec<String> = harness
        .query_all_by(|n| {
            n.value().is_some_and(|l| l.starts_with('≈')) || n.label().is_some_and(|l| l.starts_with('≈'))
        })
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(shows(&harness, &estimate), "the estimate is shown: {estimate} among {labels:?}");

    let done = harness.get_by_label("Session 1");
    done.scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("Session 1").click();
    settle(&mut harness);
    let session = harness.state().document().design().sessions[0].clone();
    assert!(session.done);
    assert_eq!(session.actual_date, Some(hairline_studio::design::today_iso()));

    // The record of session 1 (the first), opened: the pigment's lot is typed in on the day.
    harness.get_all_by_label("Record: pigment, needle, times").next().unwrap().click();
    settle(&mut harness);
    harness.get_by_label("Session 1 Pigment lot").scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("Session 1 Pigment lot").focus();
    harness.run_steps(1);
    harness.get_by_label("Session 1 Pigment lot").type_text("LOT-2611");
    settle(&mut harness);
    let record = &harness.state().document().design().sessions[0].record;
    assert_eq!(record.pigment_lot, "LOT-2611");
}

/// On a session's day the health questions are asked again; a yes that day keeps the session
/// from being marked done until the artist gives the reason it went ahead.
#[test]
fn a_yes_on_the_day_blocks_done_until_the_artist_gives_a_reason() {
    let mut harness = studio();
    harness.get_by_label("Sessions").scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Sessions").click();
    settle(&mut harness);
    assert!(shows(&harness, "Health not checked on the day"));
    let check = harness.get_all_by_label("Check health today…").next().unwrap();
    check.scroll_to_me();
    settle(&mut harness);
    harness.get_all_by_label("Check health today…").next().unwrap().click();
    settle(&mut harness);
    assert!(shows(&harness, "Session 1: health today"));
    harness.get_by_label("Checked by").focus();
    harness.run_steps(1);
    harness.get_by_label("Checked by").type_text("AB");
    settle(&mut harness);
    answer(&mut harness, "Blood-thinner therapy", "yes");
    answer(&mut harness, "Infectious disease", "no");
    harness.get_by_label("Record check").click();
    settle(&mut harness);
    let check = harness.state().document().design().sessions[0].day_check.clone().unwrap();
    assert_eq!(check.checked_by, "AB");
    assert_eq!(check.date, hairline_studio::design::today_iso());
    assert_eq!(check.answers["blood_thinner_therapy"].answer, YesNo::Yes);
    assert_eq!(check.answers["infectious_disease"].answer, YesNo::No);
    assert!(!check.answers.contains_key("diabetes"), "a question not asked stays not asked");
    assert!(harness.state().document().design().client.health.is_empty(), "the consultation's answers are kept apart");

    // Ticking "done" asks why it went ahead, and does not tick it meanwhile.
    harness.get_by_label("Session 1").click();
    settle(&mut harness);
    assert!(!harness.state().document().design().sessions[0].done, "blocked by the yes");
    assert!(shows(&harness, "Session 1: a yes on the day"));
    harness.get_by_label("Cancel").click();
    settle(&mut harness);
    assert!(!harness.state().document().design().sessions[0].done, "cancelled: still not done");

    harness.get_by_label("Session 1").click();
    settle(&mut harness);
    harness.get_by_label("Reason").focus();
    harness.run_steps(1);
    harness.get_by_label("Reason").type_text("Paused the blood thinner 3 days, as the GP advised");
    settle(&mut harness);
    harness.get_by_label("Mark done").click();
    settle(&mut harness);
    let session = &harness.state().document().design().sessions[0];
    assert!(session.done, "done once the reason is given");
    let reason = &session.day_check.as_ref().unwrap().go_ahead_reason;
    assert_eq!(reason, "Paused the blood thinner 3 days, as the GP advised");
}

#[test]
fn the_share_of_first_session_dots_that_do_not_take_is_set_in_the_plan() {
    let mut harness = studio();
    harness.get_by_label("Sessions").scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Sessions").click();
    settle(&mut harness);
    let field = harness.get_by_label("Not taken after session 1");
    assert_eq!(field.value().as_deref(), Some("25.0 %"), "the default, a quarter");
    field.scroll_to_me();
    settle(&mut harness);
    harness.get_by_label("Not taken after session 1").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Not taken after session 1").type_text("30");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert!((harness.state().document().design().first_session_loss - 0.3).abs() < 1e-9);
    // The preview after session 1 now shows fewer of its dots.
    let design = harness.state().document().design().clone();
    let after_first = |loss: f64| {
        let mut design = design.clone();
        design.first_session_loss = loss;
        let look = hairline_studio::render::Look { after_session: Some(1), ..Default::default() };
        look.dots(&design, &design.views[0]).len()
    };
    assert!(after_first(0.3) < after_first(0.0));
}
