//! The face's landmarks (glabella, pupils, eye corners, chin, midline) and the guide settings
//! built on them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::PhotoPoint;

/// Points on the face that the guides and measurements hang on. "Left" and "right" are as seen
/// in the photo (the client's right eye is on the photo's left in a front view).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Landmarks {
    /// Two points on the facial midline; without them the midline is the photo's vertical centre.
    pub midline_top: Option<PhotoPoint>,
    pub midline_bottom: Option<PhotoPoint>,
    /// The point between the eyebrows, from which hairline heights are measured.
    pub glabella: Option<PhotoPoint>,
    /// The bottom of the chin, for the rule of thirds.
    pub chin: Option<PhotoPoint>,
    pub left_pupil: Option<PhotoPoint>,
    pub right_pupil: Option<PhotoPoint>,
    /// The outer corners of the eyes; the frontotemporal angles lie above them.
    pub left_canthus: Option<PhotoPoint>,
    pub right_canthus: Option<PhotoPoint>,
    /// The sides of the head at its widest above the ears, on a front view: the head's width,
    /// for the figures on the skin ([`crate::geometry::HeadShape::with_width`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_head_side: Option<PhotoPoint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right_head_side: Option<PhotoPoint>,
}

/// One of the [`Landmarks`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Landmark {
    MidlineTop,
    MidlineBottom,
    Glabella,
    Chin,
    LeftPupil,
    RightPupil,
    LeftCanthus,
    RightCanthus,
    LeftHeadSide,
    RightHeadSide,
}

impl Landmark {
    pub const ALL: [Self; 10] = [
        Self::Glabella,
        Self::LeftPupil,
        Self::RightPupil,
        Self::LeftCanthus,
        Self::RightCanthus,
        Self::Chin,
        Self::MidlineTop,
        Self::MidlineBottom,
        Self::LeftHeadSide,
        Self::RightHeadSide,
    ];

    /// The field's name in the design file.
    pub fn key(self) -> &'static str {
        match self {
            Self::MidlineTop => "midline_top",
            Self::MidlineBottom => "midline_bottom",
            Self::Glabella => "glabella",
            Self::Chin => "chin",
            Self::LeftPupil => "left_pupil",
            Self::RightPupil => "right_pupil",
            Self::LeftCanthus => "left_canthus",
            Self::RightCanthus => "right_canthus",
            Self::LeftHeadSide => "left_head_side",
            Self::RightHeadSide => "right_head_side",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::MidlineTop => "Midline, top",
            Self::MidlineBottom => "Midline, bottom",
            Self::Glabella => "Glabella (between the brows)",
            Self::Chin => "Chin",
            Self::LeftPupil => "Pupil, photo left",
            Self::RightPupil => "Pupil, photo right",
            Self::LeftCanthus => "Outer eye corner, photo left",
            Self::RightCanthus => "Outer eye corner, photo right",
            Self::LeftHeadSide => "Side of the head, photo left (widest, above the ear)",
            Self::RightHeadSide => "Side of the head, photo right (widest, above the ear)",
        }
    }
}

impl Landmarks {
    pub fn get(&self, landmark: Landmark) -> Option<PhotoPoint> {
        match landmark {
            Landmark::MidlineTop => self.midline_top,
            Landmark::MidlineBottom => self.midline_bottom,
            Landmark::Glabella => self.glabella,
            Landmark::Chin => self.chin,
            Landmark::LeftPupil => self.left_pupil,
            Landmark::RightPupil => self.right_pupil,
            Landmark::LeftCanthus => self.left_canthus,
            Landmark::RightCanthus => self.right_canthus,
            Landmark::LeftHeadSide => self.left_head_side,
            Landmark::RightHeadSide => self.right_head_side,
        }
    }

    pub fn slot_mut(&mut self, landmark: Landmark) -> &mut Option<PhotoPoint> {
        match landmark {
            Landmark::MidlineTop => &mut self.midline_top,
            Landmark::MidlineBottom => &mut self.midline_bottom,
            Landmark::Glabella => &mut self.glabella,
            Landmark::Chin => &mut self.chin,
            Landmark::LeftPupil => &mut self.left_pupil,
            Landmark::RightPupil => &mut self.right_pupil,
            Landmark::LeftCanthus => &mut self.left_canthus,
            Landmark::RightCanthus => &mut self.right_canthus,
            Landmark::LeftHeadSide => &mut self.left_head_side,
            Landmark::RightHeadSide => &mut self.right_head_side,
        }
    }
}

/// What the anatomical guides of a view plan. Whether they are shown is a way of looking, kept
/// by the studio, not part of the design (files from before keep a `visible` field, ignored).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Guides {
    /// Where the mid-frontal point of the hairline is planned, above the glabella along the
    /// skin (a tape laid up the midline): about 8 cm (6 to 9 cm) by the Garg method
    /// (shared/domain.md). The guide is drawn where the photo shows that point of the skin.
    pub mid_frontal_height_mm: f64,
    /// Whether the transfer table (inspector and sheet) lists every control point of the
    /// hairline, not only its centre, frontotemporal angles and ends.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub transfer_every_point: bool,
}

impl Default for Guides {
    fn default() -> Self {
        Self { mid_frontal_height_mm: 80.0, transfer_every_point: false }
    }
}
