//! The hair match through the whole report, on the sample's own plan (a 24:1 first session,
//! then the design's shade): what the inspector proposes for a zone does blend once used.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use hairline_studio::hair_match::{BlendCheck, Verdict};
use hairline_studio::report::report;

fn blend(design: &hairline_studio::design::Design) -> BlendCheck {
    report(design).views[0].zones[0].seen_from_1m.as_ref().unwrap().blend.clone().unwrap()
}

#[test]
fn the_shade_or_density_proposed_for_a_zone_blends_once_used() {
    let mut design = common::sample_design();
    assert!(design.sessions.iter().any(|s| s.water_parts.is_some()), "a plan with a session shade of its own");
    // 400 dots/cm² with a 3:1 design shade: far too dark for the sample's light stubble.
    design.views[0].zones[0].density_per_cm2 = 400.0;
    design.pigment.water_parts = 3.0;
    let dark = blend(&design);
    assert_eq!(dark.verdict, Verdict::TooDark, "{dark:?}");
    // The zone's own shade, as the inspector's button sets it.
    let mut shaded = design.clone();
    shaded.views[0].zones[0].water_parts = Some(dark.blending_water_parts.unwrap());
    let after = blend(&shaded);
    assert_eq!(after.verdict, Verdict::Blends, "{after:?}");
    // Or the density.
    let mut thinned = design.clone();
    thinned.views[0].zones[0].density_per_cm2 = dark.blending_density_per_cm2.unwrap();
    let after = blend(&thinned);
    assert_eq!(after.verdict, Verdict::Blends, "{after:?}");
}
