//! The design document: plain serde data, the single source of truth of a consultation.
//!
//! Everything the studio shows is derived from a [`Design`]; nothing here knows about pixels,
//! textures or windows, so a snapshot for undo is a cheap clone. Coordinates are in the pixels of
//! the full-resolution, orientation-corrected photo ([`PhotoPoint`]), so a drawing stays registered
//! at any zoom and after reopening.

mod client;
mod history;
mod load;
mod validate;

pub use client::{
    Client, Contraindication, HairLoss, NORWOOD_STAGES, PatchTestResult, add_days, is_iso_date, today_iso,
};
pub use history::Document;
pub use load::{DesignError, MAX_DESIGN_FILE_BYTES, ParsedDesign, parse_design, read_design};
pub use validate::{Limits, Problem, validate};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The value of [`Design::format`] in every design file.
pub const FORMAT_ID: &str = "hairline-studio/design";
/// The newest format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// One client's SMP design: photos of each view with their drawings, pigment and session plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Design {
    /// Always [`FORMAT_ID`]; tells a design apart from any other JSON file.
    pub format: String,
    /// The format version the file was written with; see [`FORMAT_VERSION`].
    pub version: u32,
    #[serde(default)]
    pub client: Client,
    /// The photographed views (front, top, sides, crown), each with its own drawing.
    #[serde(default)]
    pub views: Vec<View>,
    #[serde(default)]
    pub pigment: Pigment,
    /// The planned sessions, in order.
    #[serde(default = "Session::default_plan")]
    pub sessions: Vec<Session>,
    /// How many dots the artist lays in an hour, for the sessions' estimated durations.
    #[serde(default = "default_dots_per_hour")]
    pub dots_per_hour: f64,
    /// The artist's free notes on the design.
    #[serde(default)]
    pub notes: String,
    /// Seeds everything random (follicle placement), so that a reopened design renders identically.
    #[serde(default)]
    pub seed: u64,
}

/// About two dots a second with the pauses to reload, stretch and wipe: a rule of thumb that
/// puts the first session of a Norwood 6 scalp (about 60,000 dots) near the 4 to 5 hours
/// artists quote (shared/domain.md). The artist sets their own.
pub fn default_dots_per_hour() -> f64 {
    7_000.0
}

impl Design {
    /// The hours session `index` is expected to take: its share of all the design's estimated dots
    /// at [`Design::dots_per_hour`]; `None` before any view is calibrated.
    pub fn session_hours(&self, index: usize, total_dots: f64) -> Option<f64> {
        let session = self.sessions.get(index)?;
        let shares: f64 = self.sessions.iter().map(|s| s.share_of_dots.max(0.0)).sum();
        (total_dots > 0.0 && shares > 0.0 && self.dots_per_hour > 0.0)
            .then(|| total_dots * session.share_of_dots.max(0.0) / shares / self.dots_per_hour)
    }

    /// An empty design with a front view, the default pigment and session plan, and `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            format: FORMAT_ID.to_owned(),
            version: FORMAT_VERSION,
            client: Client::default(),
            views: vec![View::new(ViewKind::Front)],
            pigment: Pigment::default(),
            sessions: Session::default_plan(),
            dots_per_hour: default_dots_per_hour(),
            notes: String::new(),
            seed,
        }
    }
}

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
    /// Later photos of this view from follow-up visits, to compare with this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

/// A photo of the same view taken at a later visit, aligned to the view's own photo by two
/// features marked on both (a mole, a brow's peak, the corner of an eye).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FollowUp {
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

/// The skin colour of a circular patch of the photo: the mean CIELAB (D65) of its pixels once
/// the darkest and lightest fifth (shadows, highlights, hairs) are dropped.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SkinSample {
    pub at: PhotoPoint,
    pub radius_px: f64,
    /// CIELAB lightness, 0 to 100.
    pub l: f64,
    pub a: f64,
    pub b: f64,
}

impl View {
    pub fn new(kind: ViewKind) -> Self {
        Self { kind, ..Self::default() }
    }

    /// The curve marked as the hairline, if any.
    /// The most recently added follow-up photo that is aligned: what a sheet compares with.
    pub fn latest_aligned_follow_up(&self) -> Option<&FollowUp> {
        self.follow_ups.iter().rev().find(|f| f.alignment().is_some())
    }

    /// The view's photo and its follow-up photos: every file the view refers to.
    pub fn photos_mut(&mut self) -> impl Iterator<Item = &mut PhotoRef> {
        self.photo.iter_mut().chain(self.follow_ups.iter_mut().map(|f| &mut f.photo))
    }

    pub fn hairline_index(&self) -> Option<usize> {
        self.curves.iter().position(|c| c.role == CurveRole::Hairline)
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
}

impl Landmark {
    pub const ALL: [Self; 8] = [
        Self::Glabella,
        Self::LeftPupil,
        Self::RightPupil,
        Self::LeftCanthus,
        Self::RightCanthus,
        Self::Chin,
        Self::MidlineTop,
        Self::MidlineBottom,
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
        }
    }
}

/// The anatomical guide overlay of a view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Guides {
    pub visible: bool,
    /// Where the mid-frontal point of the hairline is planned, above the glabella: about 8 cm
    /// (6 to 9 cm) by the Garg method (shared/domain.md).
    pub mid_frontal_height_mm: f64,
}

impl Default for Guides {
    fn default() -> Self {
        Self { visible: true, mid_frontal_height_mm: 80.0 }
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

/// A point in the pixels of the full-resolution, orientation-corrected photo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PhotoPoint {
    pub x: f64,
    pub y: f64,
}

impl PhotoPoint {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    pub fn distance_to(self, other: Self) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
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

/// What a curve stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CurveRole {
    /// The designed hairline; at most one per view is treated as such.
    #[default]
    Hairline,
    /// A temple point, a scar outline or any other reference line.
    Outline,
}

/// A smooth curve through control points (Catmull-Rom), in photo pixels.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Curve {
    pub name: String,
    #[serde(default)]
    pub role: CurveRole,
    pub points: Vec<PhotoPoint>,
    /// The soft band behind a hairline where density builds up; used when `role` is hairline.
    #[serde(default)]
    pub transition: Transition,
}

/// The feathered front of a hairline: never a hard line (shared/domain.md, after Shapiro).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Transition {
    /// Depth of the band behind the line over which density rises from sparse to full.
    pub band_width_mm: f64,
    /// Macro-irregularity: height of the broad waves along the line.
    pub macro_amplitude_mm: f64,
    /// Macro-irregularity: length of one wave along the line.
    pub macro_wavelength_mm: f64,
    /// Micro-irregularity: how far small clusters of leading dots reach ahead of the line.
    pub micro_lead_mm: f64,
    /// Micro-irregularity: share of the band's dots placed as leading clusters, 0 to 1.
    pub micro_cluster_share: f64,
}

impl Default for Transition {
    fn default() -> Self {
        Self {
            band_width_mm: 10.0,
            macro_amplitude_mm: 1.5,
            macro_wavelength_mm: 18.0,
            micro_lead_mm: 3.0,
            micro_cluster_share: 0.1,
        }
    }
}

/// What a zone is for; decides its default density and dot size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ZoneKind {
    HairlineTransition,
    #[default]
    Frontal,
    MidScalp,
    Crown,
    Temple,
    ScarCamouflage,
    Density,
}

impl ZoneKind {
    pub const ALL: [Self; 7] = [
        Self::HairlineTransition,
        Self::Frontal,
        Self::MidScalp,
        Self::Crown,
        Self::Temple,
        Self::ScarCamouflage,
        Self::Density,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::HairlineTransition => "Hairline transition",
            Self::Frontal => "Frontal",
            Self::MidScalp => "Mid-scalp",
            Self::Crown => "Crown",
            Self::Temple => "Temple",
            Self::ScarCamouflage => "Scar camouflage",
            Self::Density => "Density (under hair)",
        }
    }

    /// Starting density in dots per cm². SMP clinics quote ~95 to ~310 dots/cm²
    /// (600 to 2,000 per square inch, shared/domain.md): a full shaved look starts near the
    /// middle of that range. Temples are a little sparser; scars need the most cover; dots under
    /// existing hair (density zones) only add to it. A transition zone starts full, as the
    /// hairline's band thins its front.
    pub fn default_density_per_cm2(self) -> f64 {
        match self {
            Self::HairlineTransition | Self::Frontal | Self::MidScalp | Self::Crown => 200.0,
            Self::Temple => 160.0,
            Self::ScarCamouflage => 220.0,
            Self::Density => 100.0,
        }
    }
}

/// A polygon to fill with follicle dots, in photo pixels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Zone {
    pub name: String,
    #[serde(default)]
    pub kind: ZoneKind,
    pub vertices: Vec<PhotoPoint>,
    /// Target density in dots per cm².
    pub density_per_cm2: f64,
    /// Mean healed dot diameter in mm; needles of 0.18 to 0.30 mm give healed dots of
    /// about 0.1 to 0.3 mm (shared/domain.md).
    pub dot_diameter_mm: f64,
    /// Natural variation of the dot size: the spread of diameters around the mean, 0 to 0.5
    /// (0.2 means most dots are within 20 % of the mean).
    #[serde(default = "Zone::default_size_variation")]
    pub size_variation: f64,
    /// Width of the soft edge inside the zone's outline over which density fades in, in mm.
    #[serde(default = "Zone::default_edge_feather_mm")]
    pub edge_feather_mm: f64,
    /// This zone's shade in parts of water to one part of pigment; `None` uses the design's.
    #[serde(default)]
    pub water_parts: Option<f64>,
    #[serde(default)]
    pub hidden: bool,
}

impl Zone {
    pub fn new(kind: ZoneKind, name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            kind,
            vertices: Vec::new(),
            density_per_cm2: kind.default_density_per_cm2(),
            dot_diameter_mm: 0.25,
            size_variation: Self::default_size_variation(),
            edge_feather_mm: Self::default_edge_feather_mm(),
            water_parts: None,
            hidden: false,
        }
    }

    fn default_size_variation() -> f64 {
        0.2
    }

    /// A few millimetres: enough that a zone never ends in a hard line.
    fn default_edge_feather_mm() -> f64 {
        3.0
    }
}

/// The pigment used: carbon black unless the artist set a custom one, and its dilution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Pigment {
    /// Parts of water to one part of pigment (artists dilute 6x to 30x).
    pub water_parts: f64,
    /// Another pigment than carbon black; `None` for carbon black.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom: Option<CustomPigment>,
}

impl Default for Pigment {
    fn default() -> Self {
        Self { water_parts: 18.0, custom: None }
    }
}

impl Pigment {
    /// The undiluted pigment's colour in the skin.
    pub fn ink(&self) -> crate::colour::Lab {
        match &self.custom {
            Some(custom) => crate::colour::Lab::new(custom.lab[0], custom.lab[1], custom.lab[2]),
            None => crate::colour::carbon_ink(),
        }
    }

    /// The pigment's name, for labels.
    pub fn name(&self) -> &str {
        match &self.custom {
            Some(custom) if !custom.name.trim().is_empty() => &custom.name,
            Some(_) => "Custom pigment",
            None => "Carbon black",
        }
    }
}

/// A pigment the artist describes by its colour in the skin, undiluted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CustomPigment {
    pub name: String,
    /// CIELAB (D65): L* 0 to 100, a* and b* -128 to 127.
    pub lab: [f64; 3],
}

impl Default for CustomPigment {
    fn default() -> Self {
        let carbon = crate::colour::carbon_ink();
        Self { name: String::new(), lab: [carbon.l, carbon.a, carbon.b] }
    }
}

/// One planned treatment session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Session {
    /// Days after the previous session (0 for the first).
    pub days_after_previous: u32,
    /// Shade for this session, in parts of water to one part of pigment; `None`: the design's
    /// shade ([`Pigment`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub water_parts: Option<f64>,
    /// Share of all dots laid in this session, 0 to 1.
    pub share_of_dots: f64,
    /// ISO 8601 date the session is booked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_date: Option<String>,
    /// ISO 8601 date the session took place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_date: Option<String>,
    /// Whether the session has been done.
    pub done: bool,
    pub notes: String,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            days_after_previous: 0,
            water_parts: None,
            share_of_dots: 1.0,
            planned_date: None,
            actual_date: None,
            done: false,
            notes: String::new(),
        }
    }
}

impl Session {
    /// Three sessions: a light foundation, then two layers in the design's shade 10 days and 5
    /// weeks later (shared/domain.md: 7 to 14 days, then 4 to 6 weeks; the first session lays a
    /// light grey, later ones darker pigment).
    pub fn default_plan() -> Vec<Self> {
        let session = |days_after_previous, water_parts, share_of_dots, notes: &str| Self {
            days_after_previous,
            water_parts,
            share_of_dots,
            notes: notes.to_owned(),
            ..Self::default()
        };
        vec![
            session(0, Some(24.0), 0.5, "Light foundation"),
            session(10, None, 0.3, "Darker layer, vary dot size"),
            session(35, None, 0.2, "Refine, fill dots that did not take"),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pupils_300_pixels_apart_at_63_mm_give_0_21_mm_per_pixel() {
        let calibration = Calibration {
            source: CalibrationSource::Pupils,
            a: PhotoPoint::new(450.0, 880.0),
            b: PhotoPoint::new(750.0, 880.0),
            length_mm: DEFAULT_INTERPUPILLARY_MM,
        };
        assert!((calibration.mm_per_px().unwrap() - 0.21).abs() < 1e-12);
        let tilted = Calibration { b: PhotoPoint::new(450.0 + 180.0, 880.0 + 240.0), ..calibration.clone() };
        assert!((tilted.mm_per_px().unwrap() - 0.21).abs() < 1e-12, "the distance is Euclidean");
        let degenerate = Calibration { b: calibration.a, ..calibration };
        assert_eq!(degenerate.mm_per_px(), None);
    }

    #[test]
    fn without_placed_points_the_midline_is_the_photos_vertical_centre() {
        let mut view = View::new(ViewKind::Front);
        assert_eq!(view.midline(), None);
        view.photo = Some(PhotoRef { path: "p.jpg".into(), sha256: String::new(), width_px: 1200, height_px: 1500 });
        assert_eq!(view.midline(), Some([PhotoPoint::new(600.0, 0.0), PhotoPoint::new(600.0, 1500.0)]));
    }
}
