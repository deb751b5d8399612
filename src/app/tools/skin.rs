//! The skin eyedropper: a click measures the skin's colour in a patch of the photo around it
//! (radius in mm once calibrated) and keeps it as a sample of the view.

use crate::colour::Lab;
use crate::design::{SkinSample, View};
use crate::edit::Edit;

use super::{CanvasInput, CanvasTool, ToolContext};

pub const TOOLTIP: &str = "Click bare skin (forehead, temples) to measure its colour; highlights and shadows in the patch are ignored. Take several samples.";
#[derive(Default)]
pub struct SkinTool;

/// The eyedropper's radius in photo pixels: `radius_mm` once calibrated, else a hundredth of
/// the photo's longer side.
pub fn radius_px(view: &View, radius_mm: f64) -> f64 {
    match view.mm_per_px() {
        Some(mm_per_px) => radius_mm / mm_per_px,
        None => view.photo.as_ref().map_or(10.0, |p| f64::from(p.width_px.max(p.height_px)) / 100.0),
    }
}

impl CanvasTool for SkinTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        let (Some(at), Some(view)) = (input.click(), cx.view()) else {
            return;
        };
        let Some(photo) = cx.photo else {
            cx.say("The photo is not loaded, so there is no skin to sample.");
            return;
        };
        let radius_px = radius_px(view, cx.skin_radius_mm);
        // The doubts compare readings as taken, the same light on both sides.
        let others: Vec<Lab> =
            view.skin_samples.iter().filter(|s| s.counts()).map(|s| Lab::new(s.l, s.a, s.b)).collect();
        let Some(reading) = photo.read_skin(at, radius_px, &others) else {
            cx.say("Click on the photo to sample the skin.");
            return;
        };
        let lab = reading.lab;
        let balance = crate::report::white_balance(view);
        let shown = balance.map_or(lab, |balance| balance.correct(lab));
        let sample =
            SkinSample { doubts: reading.doubts.clone(), ..SkinSample::new(at, radius_px, [lab.l, lab.a, lab.b]) };
        if cx.apply(Edit::AddSkinSample { view: cx.view, sample }).is_none() {
            return;
        }
        if reading.doubts.is_empty() {
            let ita = shown.ita_degrees();
            let category = crate::colour::ItaCategory::of(ita);
            let corrected = if balance.is_some() { ", corrected for the light" } else { "" };
            cx.say(format!(
                "Skin sampled: L* {:.1}, a* {:.1}, b* {:.1}{corrected}; ITA {ita:.0}° ({}).",
                shown.l,
                shown.a,
                shown.b,
                category.label()
            ));
        } else {
            let why: Vec<&str> = reading.doubts.iter().map(|d| d.message()).collect();
            cx.say(format!(
                "Skin sample left out of the mean: {}. If it is skin, press Keep beside it in the inspector.",
                why.join("; ")
            ));
        }
    }

    fn prompt(&self, _view: Option<&View>) -> String {
        "Skin eyedropper: click bare skin (forehead, temples), away from hair and shine.".to_owned()
    }
}
