//! The neutral eyedropper: a click on a grey card or white paper in the photo tells the light's
//! colour, and the view's skin and hair samples are read corrected for it (white balance).

use crate::colour::WhiteBalance;
use crate::design::{NeutralSample, View};
use crate::edit::Edit;

use super::skin::radius_px;
use super::{CanvasInput, CanvasTool, ToolContext};

pub const TOOLTIP: &str = "Click a grey card or white paper held beside the head to correct the colours for the light. Not the white of the eye (bluish or yellowish, shaded by the lids) nor teeth (yellowish): they are not neutral.";

#[derive(Default)]
pub struct NeutralTool;

impl CanvasTool for NeutralTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        let (Some(at), Some(view)) = (input.click(), cx.view()) else {
            return;
        };
        if view.photo.is_none() {
            cx.say("Open this view's photo first: the neutral grey is measured on it.");
            return;
        }
        let Some(photo) = cx.photo else {
            cx.say("The photo is not loaded, so there is no grey to measure.");
            return;
        };
        let radius_px = radius_px(view, cx.skin_radius_mm);
        let Some(linear_rgb) = photo.read_neutral(at, radius_px) else {
            cx.say("Click on the photo, on a grey card or white paper.");
            return;
        };
        let balance = match WhiteBalance::from_neutral(linear_rgb) {
            Ok(balance) => balance,
            Err(refused) => {
                cx.say(refused.to_string());
                return;
            }
        };
        if cx.apply(Edit::SetNeutral { view: cx.view, sample: NeutralSample { at, radius_px, linear_rgb } }).is_some() {
            cx.say(format!("{}: the skin and hair samples are read corrected.", balance.describe()));
        }
    }

    fn prompt(&self, _view: Option<&View>) -> String {
        "Neutral eyedropper: click a grey card or white paper in the light (not the eye's white or teeth: they are not neutral).".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::Bench;
    use super::*;

    #[test]
    fn without_a_photo_nothing_is_stored_and_the_status_says_why() {
        let (mut bench, mut tool) = (Bench::new(), NeutralTool);
        bench.click(&mut tool, &[(100.0, 100.0)]);
        assert!(bench.status.text().contains("not loaded"), "{}", bench.status.text());
        assert!(bench.view().neutral.is_none());
        let mut design = bench.document.design().clone();
        design.views[0].photo = None;
        let mut bench = Bench { document: crate::design::Document::new(design, None), ..Bench::new() };
        bench.click(&mut tool, &[(100.0, 100.0)]);
        assert!(bench.status.text().starts_with("Open this view's photo first"), "{}", bench.status.text());
        assert!(bench.view().neutral.is_none());
    }
}
