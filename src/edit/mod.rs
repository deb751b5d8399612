//! The edit vocabulary: every change an artist makes to the drawing of a design, by name.
//!
//! A canvas tool or a panel never reaches into the design: it describes the change as an
//! [`Edit`], and [`crate::design::Document::apply`] applies it inside a transaction, so that undo,
//! the unsaved mark and autosave see every edit, and the undo step can say what it undoes
//! ("Undo: move hairline point"). An edit either happens whole or is [`Refused`] with a reason an
//! artist can act on, and leaves the design as it was. Things are named by id ([`ShapeRef`],
//! [`crate::design::ViewId`]), never by position, so an edit prepared before an undo cannot land
//! on another shape. Plain fields typed into the inspector go through
//! [`crate::design::Document::set`], a labelled edit of one field.
//!
//! [`pick`] says what is under the pointer; the edits themselves live by subject in
//! `points`, `shapes`, `face` and `photos`; [`schedule`] plans the sessions.

mod face;
mod photos;
pub mod pick;
mod plan;
mod points;
mod shapes;

pub use face::next_missing_landmark;
pub use pick::{CalibrationEnd, Handle, Selection, ShapeRef};
pub use plan::schedule;
pub use points::{Placing, drag_partner};

use crate::design::{
    CalibrationSource, CurveId, Design, FollowUpId, Landmark, NeutralSample, PhotoPoint, PhotoRef, SkinSample, View,
    ViewId, ViewKind, ZoneId, ZoneKind,
};
use crate::geometry::HairlineShape;

/// One change to a design.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A new, empty view of the head, photographed from `kind`.
    AddView(ViewKind),
    /// A point on curve `curve` (or the view's hairline), inserted where it was clicked.
    AddCurvePoint {
        view: ViewId,
        curve: Option<CurveId>,
        at: PhotoPoint,
        placing: Placing,
    },
    /// A point on the view's profile (the head's outline from the glabella over the top, on a
    /// side view), creating the profile with its first point.
    AddProfilePoint {
        view: ViewId,
        at: PhotoPoint,
        placing: Placing,
    },
    /// An empty outline curve (a temple point, a scar), to add points to.
    AddOutlineCurve {
        view: ViewId,
    },
    /// A drag of a point, landmark or calibration end (and its mirror partner), one frame at a time.
    MoveHandle {
        view: ViewId,
        handle: Handle,
        partner: Option<Handle>,
        to: PhotoPoint,
        placing: Placing,
    },
    /// The selected point (with its mirror twin) or the selected shape. `open_zone` is the zone
    /// being drawn, which may keep fewer than three corners.
    Delete {
        view: ViewId,
        selection: Selection,
        mirror: bool,
        open_zone: Option<ZoneId>,
    },
    StartZone {
        view: ViewId,
        kind: ZoneKind,
        at: PhotoPoint,
    },
    AddZoneCorner {
        view: ViewId,
        zone: ZoneId,
        at: PhotoPoint,
    },
    InsertZoneCorner {
        view: ViewId,
        zone: ZoneId,
        after: usize,
        at: PhotoPoint,
    },
    /// Closes the zone being drawn; corners within `merge_px` of each other merge.
    CloseZone {
        view: ViewId,
        zone: ZoneId,
        merge_px: f64,
    },
    /// A zone from the hairline back `depth_mm` up the head.
    FillBehindHairline {
        view: ViewId,
        depth_mm: f64,
    },
    /// The hairline replaced by a starting shape laid out from the guides.
    ApplyShape {
        view: ViewId,
        shape: HairlineShape,
    },
    PlaceLandmark {
        view: ViewId,
        landmark: Landmark,
        at: PhotoPoint,
    },
    ClearLandmark {
        view: ViewId,
        landmark: Landmark,
    },
    /// `ends` are `length_mm` apart in reality.
    Calibrate {
        view: ViewId,
        source: CalibrationSource,
        ends: [PhotoPoint; 2],
        length_mm: f64,
    },
    /// Calibrates from the pupils at the adult mean distance.
    CalibrateFromPupils {
        view: ViewId,
    },
    SetPhoto {
        view: ViewId,
        photo: PhotoRef,
    },
    AddSkinSample {
        view: ViewId,
        sample: SkinSample,
    },
    RemoveSkinSample {
        view: ViewId,
        index: usize,
    },
    /// Counts a doubted skin sample in the skin's mean after all: the artist looked at it.
    KeepSkinSample {
        view: ViewId,
        index: usize,
    },
    /// The grey card or white paper the view's colours are corrected by.
    SetNeutral {
        view: ViewId,
        sample: NeutralSample,
    },
    /// Colours as the photo took them.
    ClearNeutral {
        view: ViewId,
    },
    AddHairSample {
        view: ViewId,
        sample: SkinSample,
    },
    RemoveHairSample {
        view: ViewId,
        index: usize,
    },
    AddFollowUp {
        view: ViewId,
        photo: PhotoRef,
        date: Option<String>,
    },
    AlignFollowUp {
        view: ViewId,
        follow_up: FollowUpId,
        pairs: [[PhotoPoint; 2]; 2],
    },
    RemoveFollowUp {
        view: ViewId,
        follow_up: FollowUpId,
    },
    /// The design's shade, in parts water to one part pigment.
    UseShade(f64),
}

/// What an applied edit leaves for the studio to do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// What to select now; `None` keeps the selection.
    pub select: Option<Selection>,
    /// The selected thing is gone.
    pub deselect: bool,
    /// Something the artist should read.
    pub message: Option<String>,
    /// What the edit created.
    pub made: Option<Made>,
}

impl Outcome {
    pub fn select(selection: Selection) -> Self {
        Self { select: Some(selection), ..Self::default() }
    }

    pub fn message(message: String) -> Self {
        Self { message: Some(message), ..Self::default() }
    }

    pub fn deselect(message: String) -> Self {
        Self { deselect: true, message: Some(message), ..Self::default() }
    }
}

/// Something an edit created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Made {
    View(ViewId),
    Curve(CurveId),
    Zone(ZoneId),
    FollowUp(FollowUpId),
}

/// Why an edit did not happen. The design is as it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("That is no longer part of the design (it was deleted or undone).")]
    Gone,
    #[error("Too many views: a design holds at most {}.", crate::design::Limits::MAX_VIEWS)]
    TooManyViews,
    #[error(
        "That is far from both ends of the curve. Click on the curve to insert a point, near an end to extend it, or use + New outline curve for another line."
    )]
    FarFromCurve,
    #[error("A zone's edges may not cross: that corner cannot go there.")]
    CrossingEdges,
    #[error(
        "The zone's edges cross, so it has no clear inside. Move or delete a corner (Delete), then close it again."
    )]
    ZoneEdgesCross,
    #[error("Draw a hairline of two points or more first.")]
    NoHairline,
    #[error("Calibrate the view first, so that millimetres mean something.")]
    NotCalibrated,
    #[error("Open this view's photo first.")]
    NoPhoto,
    #[error("Calibrate the view and place the glabella first: the shapes are laid out from them.")]
    NoFaceFrame,
    #[error("The two ends coincide; click both ends of the reference.")]
    CoincidingEnds,
    #[error("The length must be a positive number of millimetres.")]
    NotALength,
    #[error("Place both pupils with the Landmarks tool first.")]
    NoPupils,
    #[error("This view has as many skin samples as it can keep; delete some first.")]
    TooManySkinSamples,
    #[error("This view has as many hair samples as it can keep; delete some first.")]
    TooManyHairSamples,
    #[error("This view already has as many follow-up photos as it can keep; remove one to add another.")]
    TooManyFollowUps,
    #[error("A and B must be different points on both photos: mark them again.")]
    CoincidingFeatures,
    #[error(
        "That is not a usable grey: it is too colourful, too dark or too bright. Click a grey card or white paper that is in the light and not burnt out."
    )]
    NotNeutral,
    #[error("The shade must be a number of parts water to one part pigment, 0 to 100.")]
    NotAShade,
    #[error("The head's profile is traced on a side view (Left or Right): add one with its photo, and trace there.")]
    NotASideView,
}

/// The view with `id`, or [`Refused::Gone`].
fn view(design: &mut Design, id: ViewId) -> Result<&mut View, Refused> {
    design.view_mut(id).ok_or(Refused::Gone)
}

impl Edit {
    /// What the edit does, for "Undo: …" (lower case, no full stop).
    pub fn label(&self, design: &Design) -> String {
        let is_hairline =
            |view: &ViewId, handle: &Handle| design.view(*view).is_some_and(|v| handle.is_hairline_point(v));
        let text = match self {
            Self::AddView(kind) => return format!("add {} view", kind.label().to_lowercase()),
            Self::AddCurvePoint { .. } => "add curve point",
            Self::AddProfilePoint { .. } => "add profile point",
            Self::AddOutlineCurve { .. } => "add outline curve",
            Self::MoveHandle { view, handle, .. } => match handle {
                _ if is_hairline(view, handle) => "move hairline point",
                Handle::Point(ShapeRef::Curve(_), _) => "move curve point",
                Handle::Point(ShapeRef::Zone(_), _) => "move zone corner",
                Handle::Landmark(_) => "move landmark",
                Handle::Calibration(_) => "move calibration point",
            },
            Self::Delete { selection, .. } => match selection {
                Selection { point: Some(_), shape: ShapeRef::Curve(_) } => "delete curve point",
                Selection { point: Some(_), shape: ShapeRef::Zone(_) } => "delete zone corner",
                Selection { point: None, shape: ShapeRef::Curve(_) } => "delete curve",
                Selection { point: None, shape: ShapeRef::Zone(_) } => "delete zone",
            },
            Self::StartZone { .. } => "draw zone",
            Self::AddZoneCorner { .. } | Self::InsertZoneCorner { .. } => "add zone corner",
            Self::CloseZone { .. } => "close zone",
            Self::FillBehindHairline { .. } => "fill behind the hairline",
            Self::ApplyShape { shape, .. } => return format!("start from shape {}", shape.label()),
            Self::PlaceLandmark { landmark, .. } => return format!("place {}", landmark.label()),
            Self::ClearLandmark { landmark, .. } => return format!("clear {}", landmark.label()),
            Self::Calibrate { .. } | Self::CalibrateFromPupils { .. } => "calibrate",
            Self::SetPhoto { .. } => "set photo",
            Self::AddSkinSample { .. } => "sample skin",
            Self::RemoveSkinSample { .. } => "delete skin sample",
            Self::KeepSkinSample { .. } => "keep skin sample",
            Self::SetNeutral { .. } => "sample neutral grey",
            Self::ClearNeutral { .. } => "clear neutral sample",
            Self::AddHairSample { .. } => "sample hair",
            Self::RemoveHairSample { .. } => "delete hair sample",
            Self::AddFollowUp { .. } => "add follow-up photo",
            Self::AlignFollowUp { .. } => "align follow-up photo",
            Self::RemoveFollowUp { .. } => "remove follow-up photo",
            Self::UseShade(_) => "use shade",
        };
        text.to_owned()
    }

    /// Applies the edit to `design`: whole, or not at all.
    pub fn apply(self, design: &mut Design) -> Result<Outcome, Refused> {
        match self {
            Self::AddView(kind) => {
                if design.views.len() >= crate::design::Limits::MAX_VIEWS {
                    return Err(Refused::TooManyViews);
                }
                let id = design.add_view(View::new(kind));
                Ok(Outcome { made: Some(Made::View(id)), ..Outcome::default() })
            }
            Self::AddCurvePoint { view: id, curve, at, placing } => {
                points::add_curve_point(view(design, id)?, curve, at, &placing)
            }
            Self::AddProfilePoint { view: id, at, placing } => {
                points::add_profile_point(view(design, id)?, at, &placing)
            }
            Self::AddOutlineCurve { view: id } => Ok(shapes::add_outline_curve(view(design, id)?)),
            Self::MoveHandle { view: id, handle, partner, to, placing } => {
                points::move_handle(view(design, id)?, handle, partner, to, &placing)
            }
            Self::Delete { view: id, selection, mirror, open_zone } => {
                points::delete_selection(view(design, id)?, selection, mirror, open_zone)
            }
            Self::StartZone { view: id, kind, at } => {
                let shade = design.pigment.water_parts;
                Ok(shapes::start_zone(view(design, id)?, kind, shade, at))
            }
            Self::AddZoneCorner { view: id, zone, at } => shapes::add_zone_corner(view(design, id)?, zone, at),
            Self::InsertZoneCorner { view: id, zone, after, at } => {
                points::insert_zone_corner(view(design, id)?, zone, after, at)
            }
            Self::CloseZone { view: id, zone, merge_px } => {
                let shade = design.pigment.water_parts;
                shapes::close_zone(view(design, id)?, zone, shade, merge_px)
            }
            Self::FillBehindHairline { view: id, depth_mm } => {
                // The depth is along the skin, as the artist measures it on the head.
                let skin = design.view(id).and_then(|v| design.head_fit(v).map);
                shapes::fill_behind_hairline(view(design, id)?, depth_mm, skin.as_ref())
            }
            Self::ApplyShape { view: id, shape } => {
                // The guide's height is along the skin; the shape is laid out where the photo
                // shows that point.
                let skin = design.view(id).and_then(|v| design.head_fit(v).map);
                let view = view(design, id)?;
                let height_mm = skin.map_or(view.guides.mid_frontal_height_mm, |map| {
                    map.shape.midline_photo_mm(view.guides.mid_frontal_height_mm)
                });
                shapes::apply_shape(view, shape, height_mm)
            }
            Self::PlaceLandmark { view: id, landmark, at } => Ok(face::place_landmark(view(design, id)?, landmark, at)),
            Self::ClearLandmark { view: id, landmark } => Ok(face::clear_landmark(view(design, id)?, landmark)),
            Self::Calibrate { view: id, source, ends, length_mm } => {
                face::calibrate(view(design, id)?, source, ends, length_mm)
            }
            Self::CalibrateFromPupils { view: id } => face::calibrate_from_pupils(view(design, id)?),
            Self::SetPhoto { view: id, photo } => Ok(photos::set_photo(view(design, id)?, photo)),
            Self::AddSkinSample { view: id, sample } => photos::add_skin_sample(view(design, id)?, sample),
            Self::RemoveSkinSample { view: id, index } => photos::remove_skin_sample(view(design, id)?, index),
            Self::KeepSkinSample { view: id, index } => photos::keep_skin_sample(view(design, id)?, index),
            Self::SetNeutral { view: id, sample } => photos::set_neutral(view(design, id)?, sample),
            Self::ClearNeutral { view: id } => {
                view(design, id)?.neutral = None;
                Ok(Outcome::default())
            }
            Self::AddHairSample { view: id, sample } => photos::add_hair_sample(view(design, id)?, sample),
            Self::RemoveHairSample { view: id, index } => photos::remove_hair_sample(view(design, id)?, index),
            Self::AddFollowUp { view: id, photo, date } => photos::add_follow_up(view(design, id)?, photo, date),
            Self::AlignFollowUp { view: id, follow_up, pairs } => {
                photos::align_follow_up(view(design, id)?, follow_up, pairs)
            }
            Self::RemoveFollowUp { view: id, follow_up } => photos::remove_follow_up(view(design, id)?, follow_up),
            Self::UseShade(water_parts) => {
                if !(0.0..=100.0).contains(&water_parts) {
                    return Err(Refused::NotAShade);
                }
                design.pigment.water_parts = water_parts;
                Ok(Outcome::default())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_on_a_view_that_is_gone_is_refused() {
        let mut design = Design::new(1);
        let gone = ViewId(99);
        let edit = Edit::PlaceLandmark { view: gone, landmark: Landmark::Chin, at: PhotoPoint::new(1.0, 2.0) };
        let before = design.clone();
        assert_eq!(edit.apply(&mut design), Err(Refused::Gone));
        assert_eq!(design, before);
    }

    #[test]
    fn views_are_added_with_ids_of_their_own() {
        let mut design = Design::new(1);
        let outcome = Edit::AddView(ViewKind::Top).apply(&mut design).unwrap();
        let Some(Made::View(top)) = outcome.made else { panic!("{outcome:?}") };
        assert_ne!(top, design.views[0].id);
        assert_eq!(design.view(top).map(|v| v.kind), Some(ViewKind::Top));
    }

    #[test]
    fn labels_say_what_moved() {
        let mut design = Design::new(1);
        let view = design.views[0].id;
        let placing = Placing { on_line_px: 1.0, snap_px: 1.0, reach_px: f64::INFINITY, mirror: false };
        let add = Edit::AddCurvePoint { view, curve: None, at: PhotoPoint::new(5.0, 5.0), placing };
        let Some(selection) = add.apply(&mut design).unwrap().select else { panic!() };
        let Some(point) = selection.point else { panic!() };
        let drag = Edit::MoveHandle {
            view,
            handle: Handle::Point(selection.shape, point),
            partner: None,
            to: PhotoPoint::new(6.0, 6.0),
            placing,
        };
        assert_eq!(drag.label(&design), "move hairline point");
        assert_eq!(Edit::UseShade(18.0).label(&design), "use shade");
        assert_eq!(Edit::UseShade(f64::NAN).apply(&mut design), Err(Refused::NotAShade));
    }
}
