//! What the artist draws: curves (the hairline, outlines) and zones to fill with dots.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::PhotoPoint;
use super::ids::{CurveId, ViewId, ZoneId};

/// What a curve stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CurveRole {
    /// The designed hairline; at most one per view is treated as such.
    #[default]
    Hairline,
    /// A temple point, a scar outline or any other reference line.
    Outline,
    /// On a side view: the head's outline from the glabella over the top, traced so that the
    /// front view's figures can be given along the skin ([`crate::geometry::Profile`]).
    Profile,
}

/// A smooth curve through control points (Catmull-Rom), in photo pixels.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Curve {
    /// Unique within its view.
    #[serde(default)]
    pub id: CurveId,
    pub name: String,
    #[serde(default)]
    pub role: CurveRole,
    pub points: Vec<PhotoPoint>,
    /// The soft band behind a hairline where density builds up; used when `role` is hairline.
    #[serde(default)]
    pub transition: Transition,
}

/// The feathered front of a hairline: never a hard line (shared/domain.md, after Shapiro).
///
/// Across the band, from the line backwards, three things grade together on one ramp (a
/// smoothstep over `band_width_mm`): how many dots there are (from 12 % of the zone's density),
/// how large they are (from `front_size_share` of the zone's diameter) and how dark (from
/// `front_shade_share` of the shade's opacity), all reaching the zone's own at the back. Ahead of
/// the line, single leading dots thin out to none. The line itself wanders: broad waves plus a
/// fine jitter, both seeded noise (`follicles::edge_noise`). Every figure is a default to edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Transition {
    /// Depth of the band behind the line over which density rises from sparse to full.
    pub band_width_mm: f64,
    /// Macro-irregularity: the most the broad waves move the line, forwards or back.
    pub macro_amplitude_mm: f64,
    /// Macro-irregularity: the typical length of one broad wave along the line.
    pub macro_wavelength_mm: f64,
    /// Micro-irregularity: how far single leading dots reach ahead of the line.
    pub micro_lead_mm: f64,
    /// Micro-irregularity: the density of the leading dots just ahead of the line, as a share of
    /// the zone's density, 0 to 1; it falls evenly to none at `micro_lead_mm`. (Named for the
    /// clusters it once set; leading dots are now single, scattered dots.)
    pub micro_cluster_share: f64,
    /// Micro-irregularity: the most the fine jitter moves the line, forwards or back.
    pub jitter_amplitude_mm: f64,
    /// Micro-irregularity: the typical length of one jitter along the line.
    pub jitter_wavelength_mm: f64,
    /// Diameter of the dots at the front of the band (and of the leading dots), as a share of
    /// the zone's, 0 to 1; it grows to the zone's own at the back of the band.
    pub front_size_share: f64,
    /// Opacity of the dots at the front of the band (and of the leading dots), as a share of
    /// their shade's, 0 to 1; it rises to the shade's own at the back of the band.
    pub front_shade_share: f64,
}

impl Default for Transition {
    fn default() -> Self {
        Self {
            band_width_mm: 10.0,
            macro_amplitude_mm: 1.5,
            macro_wavelength_mm: 18.0,
            micro_lead_mm: 3.0,
            micro_cluster_share: 0.1,
            // Half a dot spacing or so: enough to break up any smooth wave, too little to read
            // as a wave itself.
            jitter_amplitude_mm: 0.5,
            jitter_wavelength_mm: 3.0,
            // The front of a natural hairline holds fine, single hairs: a 0.20 mm dot becomes
            // 0.14 mm, the healed size one trainer quotes (0.10 to 0.15 mm, shared/domain.md).
            front_size_share: 0.7,
            // Lighter at the front, so that the edge fades rather than stops, yet still a dot
            // (about the step from the 18:1 default shade to 40:1 in the colour model today).
            front_shade_share: 0.6,
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

    /// Whether the artist places this zone's dots one by one by eye, at the slower detail pace
    /// (`Timing::detail_dots_per_hour`): the hairline's transition and scars.
    pub fn is_detail_work(self) -> bool {
        matches!(self, Self::HairlineTransition | Self::ScarCamouflage)
    }

    /// Starting density in dots per cm²: [`ZoneKind::defaults`]'s.
    pub fn default_density_per_cm2(self) -> f64 {
        self.defaults().density_per_cm2
    }

    /// What a zone of this kind starts with. SMP clinics quote ~95 to ~310 dots/cm² (600 to
    /// 2,000 per square inch, shared/domain.md): a full shaved look starts near the middle of that
    /// range. These are the studio's guesses from trainers' descriptions, the artist's to change:
    /// - the hairline's transition starts full (its band thins the front) with finer dots and a
    ///   wider feather, a little lighter, so the front reads soft, never as a line;
    /// - temples are a little sparser and finer;
    /// - a scar follows the density of the scalp around it, with a narrow feather (a scar is a
    ///   defined area) and a lighter shade: scar tissue holds pigment differently and a dark dot
    ///   on it reads as a mark;
    /// - dots between existing hair (density zones) only add to the hair, finer, with a wide
    ///   feather into the hair around.
    pub fn defaults(self) -> ZoneDefaults {
        let defaults = |density_per_cm2, dot_diameter_mm, edge_feather_mm, lighter_by_water_parts| ZoneDefaults {
            density_per_cm2,
            dot_diameter_mm,
            edge_feather_mm,
            lighter_by_water_parts,
        };
        match self {
            Self::HairlineTransition => defaults(200.0, 0.20, 5.0, 4.0),
            Self::Frontal | Self::MidScalp | Self::Crown => defaults(200.0, 0.25, 3.0, 0.0),
            Self::Temple => defaults(160.0, 0.22, 4.0, 0.0),
            Self::ScarCamouflage => defaults(200.0, 0.25, 2.0, 6.0),
            Self::Density => defaults(100.0, 0.20, 6.0, 0.0),
        }
    }
}

/// The starting values of a kind of zone ([`ZoneKind::defaults`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZoneDefaults {
    pub density_per_cm2: f64,
    pub dot_diameter_mm: f64,
    pub edge_feather_mm: f64,
    /// Parts of water added to the design's shade; 0 uses the design's shade itself.
    pub lighter_by_water_parts: f64,
}

impl ZoneDefaults {
    /// The zone's own shade on a design whose shade is `design_water_parts`; `None` for the
    /// design's.
    pub fn water_parts(self, design_water_parts: f64) -> Option<f64> {
        (self.lighter_by_water_parts != 0.0).then_some(design_water_parts + self.lighter_by_water_parts)
    }
}

/// A polygon to fill with follicle dots, in photo pixels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Zone {
    /// Unique within its view.
    #[serde(default)]
    pub id: ZoneId,
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
    /// For a scar zone, the scar's age in months, when known: a scar younger than
    /// `SCAR_HEALING_MONTHS` is too fresh to treat without the doctor's word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scar_age_months: Option<u32>,
    /// Where the client's own hair is: dots there are left out (a zone between existing hair).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hair_mask: Option<super::HairMask>,
    /// Which part of the scalp the zone covers, so that two views of the same scalp are
    /// counted once in the dot totals and the session times.
    #[serde(default, skip_serializing_if = "ScalpPart::is_unstated")]
    pub scalp_part: ScalpPart,
}

/// The part of the scalp a zone covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScalpPart {
    /// Not said: the zone is counted on its own, as in designs from before parts were asked.
    #[default]
    Unstated,
    Front,
    Top,
    Crown,
    LeftSide,
    RightSide,
    /// The same scalp as a zone of another view: its dots are that zone's, counted there.
    SameAs {
        view: ViewId,
        zone: ZoneId,
    },
}

impl ScalpPart {
    /// The parts a zone can claim for itself, in the order offered.
    pub const CLAIMED: [Self; 5] = [Self::Front, Self::Top, Self::Crown, Self::LeftSide, Self::RightSide];

    pub fn is_unstated(&self) -> bool {
        *self == Self::Unstated
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Unstated => "not stated",
            Self::Front => "the front",
            Self::Top => "the top",
            Self::Crown => "the crown",
            Self::LeftSide => "the left side",
            Self::RightSide => "the right side",
            Self::SameAs { .. } => "a zone of another view",
        }
    }
}

impl Zone {
    /// A new zone of `kind` with its defaults, on a design whose shade is the default.
    pub fn new(kind: ZoneKind, name: impl Into<String>) -> Self {
        let defaults = kind.defaults();
        Self {
            id: ZoneId::default(),
            name: name.into(),
            kind,
            vertices: Vec::new(),
            density_per_cm2: defaults.density_per_cm2,
            dot_diameter_mm: defaults.dot_diameter_mm,
            size_variation: Self::default_size_variation(),
            edge_feather_mm: defaults.edge_feather_mm,
            water_parts: defaults.water_parts(super::Pigment::default().water_parts),
            hidden: false,
            scar_age_months: None,
            hair_mask: None,
            scalp_part: ScalpPart::Unstated,
        }
    }

    /// The settings that differ from its kind's defaults, by name: what the artist chose
    /// (on a design whose shade is `design_water_parts`).
    pub fn customised(&self, design_water_parts: f64) -> Vec<&'static str> {
        let defaults = self.kind.defaults();
        let differs = |a: f64, b: f64| (a - b).abs() > 1e-9;
        let mut changed = Vec::new();
        if differs(self.density_per_cm2, defaults.density_per_cm2) {
            changed.push("density");
        }
        if differs(self.dot_diameter_mm, defaults.dot_diameter_mm) {
            changed.push("dot size");
        }
        if differs(self.edge_feather_mm, defaults.edge_feather_mm) {
            changed.push("edge feather");
        }
        let shade = |parts: Option<f64>| parts.unwrap_or(design_water_parts);
        if differs(shade(self.water_parts), shade(defaults.water_parts(design_water_parts))) {
            changed.push("shade");
        }
        changed
    }

    /// Whether this is a scar zone on a scar too young to treat ([`super::SCAR_HEALING_MONTHS`]).
    pub fn is_recent_scar(&self) -> bool {
        self.kind == ZoneKind::ScarCamouflage
            && self.scar_age_months.is_some_and(|months| months < super::SCAR_HEALING_MONTHS)
    }

    /// Makes this a zone of `kind`, with that kind's defaults for every setting the artist has
    /// not changed, and for those too when `overwrite_customised`.
    pub fn set_kind(&mut self, kind: ZoneKind, design_water_parts: f64, overwrite_customised: bool) {
        let customised = self.customised(design_water_parts);
        let take = |name: &str| overwrite_customised || !customised.contains(&name);
        let defaults = kind.defaults();
        if take("density") {
            self.density_per_cm2 = defaults.density_per_cm2;
        }
        if take("dot size") {
            self.dot_diameter_mm = defaults.dot_diameter_mm;
        }
        if take("edge feather") {
            self.edge_feather_mm = defaults.edge_feather_mm;
        }
        if take("shade") {
            self.water_parts = defaults.water_parts(design_water_parts);
        }
        self.kind = kind;
    }

    fn default_size_variation() -> f64 {
        0.2
    }

    /// A few millimetres: enough that a zone never ends in a hard line.
    fn default_edge_feather_mm() -> f64 {
        3.0
    }
}
