//! A clinic's calibration in force changes every healed preview and piece of advice: the dots'
//! darkness and size, the shade advice, the report's coverage. Its own test binary: the model in
//! force is process-wide.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::healed::design;
use hairline_studio::colour::{
    HealedModel, Stage, advise, carbon_ink, healed_model_generation, hiding, set_healed_model, widening,
};
use hairline_studio::render::Look;

#[test]
fn previews_and_advice_follow_the_healed_model_in_force() {
    let (design, _) = design();
    let view = &design.views[0];
    let skin = hairline_studio::report::view_skin(view).unwrap();
    let healed = Look::default();
    let fresh = Look { stage: Stage::Fresh, ..Look::default() };
    let coverage = |design: &hairline_studio::design::Design| {
        let report = hairline_studio::report::report(design);
        report.views[0].zones[0].seen_from_1m.as_ref().unwrap().coverage
    };
    let (model_dots, model_fresh) = (healed.dots(&design, view), fresh.dots(&design, view));
    let model_advice = advise(skin, carbon_ink(), 18.0);
    let model_coverage = coverage(&design);

    let generation = healed_model_generation();
    let clinic = HealedModel { retention: 0.6, spread: 1.2 };
    set_healed_model(clinic);
    assert_ne!(healed_model_generation(), generation, "caches are told");
    assert!((widening(Stage::Healed) - 1.2).abs() < 1e-12);
    assert!((hiding(18.0, Stage::Healed) / hiding(18.0, Stage::Fresh) - 0.6).abs() < 1e-12);
    let (clinic_dots, clinic_fresh) = (healed.dots(&design, view), fresh.dots(&design, view));
    assert_eq!(clinic_dots.len(), model_dots.len(), "the same dots");
    for (model, clinic) in model_dots.iter().zip(&clinic_dots) {
        assert!((clinic.radius_px / model.radius_px - 1.2).abs() < 1e-4, "healed dots spread");
        assert!((clinic.opacity / model.opacity - 0.8).abs() < 1e-4, "and keep less of their darkness");
    }
    for (model, clinic) in model_fresh.iter().zip(&clinic_fresh) {
        assert!((clinic.radius_px - model.radius_px).abs() < 1e-3, "a fresh scab is the same");
        assert!((clinic.opacity - model.opacity).abs() < 1e-4);
    }
    assert!(advise(skin, carbon_ink(), 18.0).healed.l > model_advice.healed.l, "a weaker healed dot is lighter");
    let clinic_coverage = coverage(&design);
    assert!(
        (clinic_coverage / model_coverage - 0.6 / 0.75 * 1.44).abs() < 0.02,
        "{clinic_coverage} vs {model_coverage}"
    );

    set_healed_model(HealedModel::DEFAULT);
    assert_eq!(healed.dots(&design, view), model_dots, "back to the model's");
}
