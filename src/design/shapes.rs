//! What the artist draws: curves (the hairline, outlines) and zones to fill with dots.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::PhotoPoint;
use super::ids::{CurveId, ZoneId};

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

    /// Whether the artist places this zone's dots one by one by eye, at the slower detail pace
    /// (`Timing::detail_dots_per_hour`): the hairline's transition and scars.
    pub fn is_detail_work(self) -> bool {
        matches!(self, Self::HairlineTransition | Self::ScarCamouflage)
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
}

impl Zone {
    pub fn new(kind: ZoneKind, name: impl Into<String>) -> Self {
        Self {
            id: ZoneId::default(),
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
