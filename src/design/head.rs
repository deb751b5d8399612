//! Which head a view's figures are measured on: the profile traced on a side view of the same
//! design, or else the average adult head ([`crate::geometry::HeadShape::average`]).

use crate::geometry::{HeadShape, HeadSource, Profile, SkinMap};

use super::{Design, View, ViewKind};

/// The head a front view is mapped onto, and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadFit {
    /// `None` for a view that is not a front view, or not calibrated, or without a glabella.
    pub map: Option<SkinMap>,
    /// Where the skin figures come from, in words: "from the side profile (Left view)", or
    /// "estimated from an average adult head".
    pub source: String,
    /// Each traced profile that could not be used, and why.
    pub problems: Vec<String>,
}

impl HeadFit {
    /// Whether the figures on the skin are estimates (the average head).
    pub fn estimated(&self) -> bool {
        self.map.as_ref().is_some_and(|m| m.shape.source == HeadSource::AverageHead)
    }

    /// The head the needle's plan follows (the dots, their counts, the session times): only a
    /// head measured from a traced profile. The average head's figures are estimates shown
    /// beside the photo's, and never change what a design plans: a design from before profiles
    /// keeps its dots and durations.
    pub fn measured(&self) -> Option<&SkinMap> {
        self.map.as_ref().filter(|m| m.shape.source == HeadSource::Profile)
    }
}

/// The first usable profile traced on a side view of `design`, with the problems of those
/// before it.
fn traced_profile(design: &Design) -> (Option<(Profile, &View)>, Vec<String>) {
    let mut problems = Vec::new();
    for view in design.views.iter().filter(|v| matches!(v.kind, ViewKind::Left | ViewKind::Right)) {
        let Some(curve) = view.profile() else { continue };
        match Profile::from_side_view(&curve.points, view.landmarks.glabella, view.mm_per_px()) {
            Ok(profile) => return (Some((profile, view)), problems),
            Err(problem) => problems.push(format!("{} view: {problem}", view.kind.label())),
        }
    }
    (None, problems)
}

impl Design {
    /// The head `view`'s photo is mapped onto: see [`HeadFit`].
    pub fn head_fit(&self, view: &View) -> HeadFit {
        let (profile, problems) = traced_profile(self);
        let mut fit = HeadFit { map: None, source: String::new(), problems };
        if view.kind != ViewKind::Front {
            fit.source = "skin figures are given for front views".to_owned();
            return fit;
        }
        let Some(frame) = view.face_frame() else {
            fit.source = "skin figures need the view calibrated and the glabella marked".to_owned();
            return fit;
        };
        let (mut shape, mut source) = match &profile {
            Some((profile, side)) => {
                (HeadShape::from_profile(profile), format!("from the side profile ({} view)", side.kind.label()))
            }
            None => (HeadShape::average(), "estimated from an average adult head".to_owned()),
        };
        let sides = view.landmarks.left_head_side.zip(view.landmarks.right_head_side);
        if let Some((left, right)) = sides {
            let (left, right) = (frame.to_face(left), frame.to_face(right));
            shape = shape.with_width((right.x_mm - left.x_mm).abs() / 2.0, f64::midpoint(left.y_mm, right.y_mm));
        }
        match (profile.is_some(), sides.is_some(), shape.width_measured) {
            (true, false, _) => source.push_str("; the head's width is the average's until its sides are marked"),
            (_, true, false) => {
                source.push_str("; the head's sides as marked make no head, so its width is the average's");
            }
            _ => {}
        }
        let canthus_line_mm = match view.canthi() {
            [Some(left), Some(right)] => Some(f64::midpoint(frame.to_face(left).y_mm, frame.to_face(right).y_mm)),
            _ => None,
        };
        fit.map = Some(SkinMap { frame, shape, canthus_line_mm });
        fit.source = source;
        fit
    }
}
