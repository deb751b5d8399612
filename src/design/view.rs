//! A view: one photographed angle of the head with everything drawn on it, its photo, its
//! calibration to millimetres, its skin samples and its later follow-up photos.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ids::{self, CurveId, FollowUpId, ViewId, ZoneId};
use super::{Curve, CurveRole, Guides, Landmarks, PhotoPoint, Zone};
use crate::geometry::FaceFrame;

/// The angle a photo was taken from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ViewKind {
    #[default]
    Front,
    Top,
    Left,
    Right,
    Crown,
    Other,
}

impl ViewKind {
    pub const ALL: [Self; 6] = [Self::Front, Self::Top, Self::Left, Self::Right, Self::Crown, Self::Other];

    pub fn label(self) -> &'static str {
        match self {
            Self::Front => "Front",
            Self::Top => "Top",
            Self::Left => "Left",
            Self::Right => "Right",
            Self::Crown => "Crown",
            Self::Other => "Other",
        }
    }
}

/// One photographed view and everything drawn on it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct View {
    /// Unique within the design; see [`super::ids`].
    #[serde(default)]
    pub id: ViewId,
    pub kind: ViewKind,
    #[serde(default)]
    pub photo: Option<PhotoRef>,
    #[serde(default)]
    pub calibration: Option<Calibration>,
    /// Hairline curves and other outlines (temple points, scars).
    #[serde(default)]
    pub curves: Vec<Curve>,
    /// Areas to fill with follicle dots.
    #[serde(default)]
    pub zones: Vec<Zone>,
    /// Anatomical points the guides are built from.
    #[serde(default)]
    pub landmarks: Landmarks,
    #[serde(default)]
    pub guides: Guides,
    /// Skin colour measured with the eyedropper, in CIELAB.
    #[serde(default)]
    pub skin_samples: Vec<SkinSample>,
    /// The client's existing hair or stubble, measured with the hair eyedropper: each patch's
    /// mean in linear light, as a person sees it from a metre away (hairs and the skin between
    /// them together), in CIELAB.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hair_samples: Vec<SkinSample>,
    /// Something white or grey in the photo (a grey card, white paper) that tells the light's
    /// colour: skin and hair samples are read corrected for it. `None`: colours as the photo
    /// took them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neutral: Option<NeutralSample>,
    /// Later photos of this view from follow-up visits, to compare with this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

/// A photo of the same view taken at a later visit, aligned to the view's own photo by two
/// features marked on both (a mole, a brow's peak, the corner of an eye).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FollowUp {
    /// Unique within its view.
    #[serde(default)]
    pub id: FollowUpId,
    pub photo: PhotoRef,
    /// When it was taken (ISO date), if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Up to two pairs `[on the view's photo, on this photo]` of the same feature; with two,
    /// the photos are aligned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<[PhotoPoint; 2]>,
}

impl FollowUp {
    /// The map from this photo's pixels to the view's photo's, once two pairs are marked.
    pub fn alignment(&self) -> Option<crate::geometry::Similarity> {
        match self.pairs.as_slice() {
            [first, second] => crate::geometry::Similarity::from_pairs([first[1], second[1]], [first[0], second[0]]),
            _ => None,
        }
    }
}

/// The colour of a circular patch of the photo, as the photo took it (before any white
/// balance): for skin, the mean CIELAB (D65) of its pixels once the darkest and lightest fifth
/// (shadows, highlights, hairs) are dropped; for hair, their mean in linear light.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SkinSample {
    pub at: PhotoPoint,
    pub radius_px: f64,
    /// CIELAB lightness, 0 to 100.
    pub l: f64,
    pub a: f64,
    pub b: f64,
    /// Why the eyedropper doubts that the patch is skin; a doubted sample is left out of the
    /// skin's mean until the artist keeps it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doubts: Vec<SampleDoubt>,
    /// The artist looked at the doubts and keeps the sample anyway.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kept: bool,
}

impl SkinSample {
    /// A sample with no doubts.
    pub fn new(at: PhotoPoint, radius_px: f64, lab: [f64; 3]) -> Self {
        Self { at, radius_px, l: lab[0], a: lab[1], b: lab[2], doubts: Vec::new(), kept: false }
    }

    /// Whether the sample counts in the skin's mean: it raised no doubt, or the artist kept it.
    pub fn counts(&self) -> bool {
        self.doubts.is_empty() || self.kept
    }
}

/// Why a patch the skin eyedropper read may not be skin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SampleDoubt {
    /// Much darker than the photo around it: hair, a shadow, a brow, a mole.
    DarkerThanSurroundings,
    /// Too uneven inside: hair or stubble, an edge, shine.
    Uneven,
    /// Far (CIEDE2000 over 10) from the mean of the other samples.
    FarFromOtherSamples,
    /// Not a colour skin has (grey, bluish or greenish): background, clothing.
    NotSkinColoured,
}

impl SampleDoubt {
    /// The doubt in words, for the inspector and the status bar.
    pub fn message(self) -> &'static str {
        match self {
            Self::DarkerThanSurroundings => "much darker than the skin around it (hair, a shadow or a mole?)",
            Self::Uneven => "too uneven inside the patch (hair, an edge or shine?)",
            Self::FarFromOtherSamples => "more than ΔE00 10 from the other samples",
            Self::NotSkinColoured => "not a skin colour (background or clothing?)",
        }
    }
}

/// A patch of something white or grey in the photo (a grey card, white paper held beside the
/// head): the light's colour, which the white balance takes out of every sample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NeutralSample {
    pub at: PhotoPoint,
    pub radius_px: f64,
    /// The patch's mean in linear-light sRGB, each channel 0 to 1, as the photo took it.
    pub linear_rgb: [f64; 3],
}

impl View {
    pub fn new(kind: ViewKind) -> Self {
        Self { kind, ..Self::default() }
    }

    /// The most recently added follow-up photo that is aligned: what a sheet compares with.
    pub fn latest_aligned_follow_up(&self) -> Option<&FollowUp> {
        self.follow_ups.iter().rev().find(|f| f.alignment().is_some())
    }

    /// The view's photo and its follow-up photos: every file the view refers to.
    pub fn photos_mut(&mut self) -> impl Iterator<Item = &mut PhotoRef> {
        self.photo.iter_mut().chain(self.follow_ups.iter_mut().map(|f| &mut f.photo))
    }

    /// The position of the curve marked as the hairline, if any.
    pub fn hairline_index(&self) -> Option<usize> {
        self.curves.iter().position(|c| c.role == CurveRole::Hairline)
    }

    /// The curve marked as the hairline, if any.
    pub fn hairline(&self) -> Option<&Curve> {
        self.curves.iter().find(|c| c.role == CurveRole::Hairline)
    }

    /// The head's profile traced on this view, if any (the first, on a side view).
    pub fn profile(&self) -> Option<&Curve> {
        self.curves.iter().find(|c| c.role == CurveRole::Profile)
    }

    pub fn curve(&self, id: CurveId) -> Option<&Curve> {
        self.curves.iter().find(|c| c.id == id)
    }

    pub fn curve_mut(&mut self, id: CurveId) -> Option<&mut Curve> {
        self.curves.iter_mut().find(|c| c.id == id)
    }

    pub fn zone(&self, id: ZoneId) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    pub fn zone_mut(&mut self, id: ZoneId) -> Option<&mut Zone> {
        self.zones.iter_mut().find(|z| z.id == id)
    }

    /// The density of the scalp around zone `id`: that of the uppermost other visible zone
    /// holding its centre. A scar zone follows it, so the camouflage matches its surroundings.
    pub fn density_around(&self, id: ZoneId) -> Option<f64> {
        let centre = crate::geometry::vertex_mean(&self.zone(id)?.vertices);
        self.zones
            .iter()
            .rev()
            .filter(|other| other.id != id && !other.hidden && other.vertices.len() >= 3)
            .find(|other| crate::geometry::polygon_contains(&other.vertices, centre))
            .map(|other| other.density_per_cm2)
    }

    pub fn follow_up(&self, id: FollowUpId) -> Option<&FollowUp> {
        self.follow_ups.iter().find(|f| f.id == id)
    }

    pub fn follow_up_mut(&mut self, id: FollowUpId) -> Option<&mut FollowUp> {
        self.follow_ups.iter_mut().find(|f| f.id == id)
    }

    /// Adds `curve` under a fresh id; returns the id.
    pub fn add_curve(&mut self, curve: Curve) -> CurveId {
        CurveId(ids::push_numbered(&mut self.curves, curve, |c| &mut c.id.0))
    }

    /// Adds `zone` under a fresh id, on top of the others; returns the id.
    pub fn add_zone(&mut self, zone: Zone) -> ZoneId {
        ZoneId(ids::push_numbered(&mut self.zones, zone, |z| &mut z.id.0))
    }

    /// Adds a later photo under a fresh id; returns the id.
    pub fn add_follow_up(&mut self, follow_up: FollowUp) -> FollowUpId {
        FollowUpId(ids::push_numbered(&mut self.follow_ups, follow_up, |f| &mut f.id.0))
    }

    /// Numbers the view's curves, zones and follow-up photos; see [`super::Design::number_everything`].
    pub(super) fn number_everything(&mut self) {
        ids::number(&mut self.curves, |c| &mut c.id.0);
        ids::number(&mut self.zones, |z| &mut z.id.0);
        ids::number(&mut self.follow_ups, |f| &mut f.id.0);
    }

    /// The face's frame of reference, once the view has a midline, a glabella and a calibration.
    pub fn face_frame(&self) -> Option<FaceFrame> {
        FaceFrame::new(self.midline()?, self.landmarks.glabella?, self.mm_per_px()?)
    }

    /// The outer eye corners (photo left, photo right), where the frontotemporal angles are measured.
    pub fn canthi(&self) -> [Option<PhotoPoint>; 2] {
        [self.landmarks.left_canthus, self.landmarks.right_canthus]
    }

    /// Millimetres per photo pixel, once the view is calibrated.
    pub fn mm_per_px(&self) -> Option<f64> {
        self.calibration.as_ref().and_then(Calibration::mm_per_px)
    }

    /// The facial midline: as placed, or else vertical through the photo's centre.
    pub fn midline(&self) -> Option<[PhotoPoint; 2]> {
        if let (Some(top), Some(bottom)) = (self.landmarks.midline_top, self.landmarks.midline_bottom) {
            return Some([top, bottom]);
        }
        let photo = self.photo.as_ref()?;
        let x = f64::from(photo.width_px) / 2.0;
        Some([PhotoPoint::new(x, 0.0), PhotoPoint::new(x, f64::from(photo.height_px))])
    }
}

/// Where a view's photo lives and how to recognise it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PhotoRef {
    /// Relative to the design file's folder (with `/` separators) once saved; absolute before.
    pub path: String,
    /// SHA-256 of the file's bytes, lowercase hex; tells a replaced photo from the original.
    pub sha256: String,
    /// Width of the orientation-corrected photo, in pixels.
    pub width_px: u32,
    /// Height of the orientation-corrected photo, in pixels.
    pub height_px: u32,
}

/// How a view was calibrated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CalibrationSource {
    /// Two points on something of known length (a ruler or a sticker in the photo).
    #[default]
    Ruler,
    /// The two pupils and the inter-pupillary distance (adult mean 63 mm, 50 to 75).
    Pupils,
}

/// The adult mean inter-pupillary distance (Dodgson 2004), the default for pupil calibration.
pub const DEFAULT_INTERPUPILLARY_MM: f64 = 63.0;

/// A known length on the photo that fixes its scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Calibration {
    #[serde(default)]
    pub source: CalibrationSource,
    /// One end of the reference (a ruler mark, or the left pupil).
    pub a: PhotoPoint,
    /// The other end of the reference.
    pub b: PhotoPoint,
    /// The true distance between `a` and `b`, in millimetres (63 for an adult's pupils).
    pub length_mm: f64,
}

impl Calibration {
    /// Millimetres per photo pixel, or `None` when the two points coincide.
    pub fn mm_per_px(&self) -> Option<f64> {
        let length_px = self.a.distance_to(self.b);
        (length_px > f64::EPSILON && self.length_mm > 0.0).then(|| self.length_mm / length_px)
    }
}
