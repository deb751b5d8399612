//! The hair eyedropper: a click measures the client's existing hair or stubble in a patch of
//! the photo around it, averaged as a person sees it from a metre away (the hairs and the skin
//! between them together), and keeps it as a hair sample of the view: what the healed result
//! should blend with.

use crate::design::{SkinSample, View};
use crate::edit::Edit;

use super::skin::radius_px;
use super::{CanvasInput, CanvasTool, ToolContext};

pub const TOOLTIP: &str = "Click the client's existing hair or stubble (sides, back) to measure how it looks from a metre away: hairs and skin averaged together.";

/// Within this CIEDE2000 of the skin samples, an even, skin-coloured patch is taken for bare
/// skin rather than hair.
const BARE_SKIN_DELTA_E: f64 = 5.0;

#[derive(Default)]
pub struct HairTool;

impl CanvasTool for HairTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        let (Some(at), Some(view)) = (input.click(), cx.view()) else {
            return;
        };
        let Some(photo) = cx.photo else {
            cx.say("The photo is not loaded, so there is no hair to sample.");
            return;
        };
        let radius_px = radius_px(view, cx.skin_radius_mm);
        let Some(lab) = photo.sample_seen_from_afar(at, radius_px) else {
            cx.say("Click on the photo to sample the hair.");
            return;
        };
        // A patch the skin eyedropper would take without a doubt (even, skin-coloured, not
        // darker than around it) and close to the skin samples holds no hair to speak of.
        let skin = crate::report::mean_skin(&view.skin_samples);
        if let Some(reading) = photo.read_skin(at, radius_px, &[])
            && reading.doubts.is_empty()
            && skin.is_none_or(|skin| reading.lab.delta_e_2000(skin) < BARE_SKIN_DELTA_E)
        {
            cx.say(
                "That patch reads as bare skin (even and skin-coloured), so no hair sample was taken: \
                 click the client's hair or stubble itself (sides, back, beard).",
            );
            return;
        }
        let sample = SkinSample::new(at, radius_px, [lab.l, lab.a, lab.b]);
        let balance = crate::report::white_balance(view);
        let shown = balance.map_or(lab, |balance| balance.correct(lab));
        let corrected = if balance.is_some() { ", corrected for the light" } else { "" };
        if cx.apply(Edit::AddHairSample { view: cx.view, sample }).is_some() {
            cx.say(format!(
                "Hair sampled, as seen from 1 m: L* {:.1}, a* {:.1}, b* {:.1}{corrected}. Each zone's healed result is compared with the nearest hair sample.",
                shown.l, shown.a, shown.b
            ));
        }
    }

    fn prompt(&self, _view: Option<&View>) -> String {
        "Hair eyedropper: click existing hair or stubble (sides, back); it is averaged as seen from 1 m.".to_owned()
    }
}
