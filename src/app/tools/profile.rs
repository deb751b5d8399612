//! Profile: on a side view, each click adds a point to the head's profile, traced from the
//! glabella up the forehead and over the top of the head; the front view's figures are then
//! given along the skin of this head. A press on a point drags it.

use crate::edit::{Edit, Handle, Placing, Selection};
use crate::geometry::Profile;

use super::{CanvasInput, CanvasTool, ToolContext};

pub const TOOLTIP: &str = "On a side view: click from the glabella up the forehead and over the top of the head to trace the profile that gives the front view's distances and areas on the skin";

#[derive(Default)]
pub struct ProfileTool;

impl CanvasTool for ProfileTool {
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        let Some(at) = input.click() else {
            return;
        };
        if let Some(Handle::Point(shape, index)) = cx.hover {
            *cx.selection = Some(Selection::point(shape, index));
            return;
        }
        let placing = Placing { on_line_px: input.grab_px, snap_px: 0.0, reach_px: input.reach_px, mirror: false };
        if cx.apply(Edit::AddProfilePoint { view: cx.view, at, placing }).is_some() {
            let verdict = cx.view().map(verdict);
            if let Some(verdict) = verdict {
                cx.say(verdict);
            }
        }
    }

    fn prompt(&self, view: Option<&crate::design::View>) -> String {
        match view {
            Some(view) if matches!(view.kind, crate::design::ViewKind::Left | crate::design::ViewKind::Right) => {
                format!("Profile: {}", verdict(view))
            }
            _ => "Profile: trace it on a side view (add a Left or Right view with its photo); the front view's figures then follow it.".to_owned(),
        }
    }
}

/// What the profile traced on `view` gives so far, or what it still needs.
fn verdict(view: &crate::design::View) -> String {
    let points = view.profile().map_or(&[][..], |c| c.points.as_slice());
    if points.len() < 3 {
        return "click from the glabella up the forehead and over the top of the head (three points or more)."
            .to_owned();
    }
    match Profile::from_side_view(points, view.landmarks.glabella, view.mm_per_px()) {
        Ok(_) => "in use: the front view's distances, areas and dots follow this head. Click on it to insert a point, near an end to extend it.".to_owned(),
        Err(problem) => format!("not used yet: {problem}."),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::Bench;
    use super::*;
    use crate::design::{Calibration, CalibrationSource, CurveRole, PhotoPoint, ViewKind};

    fn glabella(d: &mut crate::design::Design) -> Option<&mut Option<PhotoPoint>> {
        d.views.get_mut(0).map(|v| &mut v.landmarks.glabella)
    }

    #[test]
    fn a_profile_is_traced_on_a_side_view_only_and_says_what_it_lacks() {
        let (mut bench, mut tool) = (Bench::new(), ProfileTool);
        bench.click(&mut tool, &[(300.0, 400.0)]);
        assert!(bench.view().profile().is_none(), "not on a front view");
        assert!(bench.status.text().contains("side view"), "{}", bench.status.text());

        bench.document.set("side", |d| d.views.get_mut(0).map(|v| &mut v.kind), ViewKind::Left);
        // Face to the left, 0.25 mm per pixel; the head rises 120 mm and goes back 190 mm.
        let clicks = [
            (300.0, 800.0),
            (305.0, 650.0),
            (330.0, 520.0),
            (400.0, 410.0),
            (480.0, 350.0),
            (560.0, 330.0),
            (650.0, 350.0),
            (740.0, 400.0),
            (820.0, 460.0),
            (900.0, 520.0),
        ];
        bench.click(&mut tool, &clicks);
        let profile = bench.view().profile().expect("traced");
        assert_eq!((profile.role, profile.points.len()), (CurveRole::Profile, 10));
        assert!(bench.status.text().contains("not calibrated"), "{}", bench.status.text());

        let calibration = Calibration {
            source: CalibrationSource::Ruler,
            a: PhotoPoint::new(0.0, 0.0),
            b: PhotoPoint::new(400.0, 0.0),
            length_mm: 100.0,
        };
        bench.document.set("calibrate", |d| d.views.get_mut(0).map(|v| &mut v.calibration), Some(calibration));
        bench.document.set("glabella", glabella, Some(PhotoPoint::new(1000.0, 1000.0)));
        assert!(verdict(bench.view()).contains("does not reach the glabella"), "{}", verdict(bench.view()));
        bench.document.set("glabella", glabella, Some(PhotoPoint::new(298.0, 805.0)));
        assert!(verdict(bench.view()).starts_with("in use"), "{}", verdict(bench.view()));
    }
}
