//! The pigment and the session plan: which shade, how many sessions, each one's share of the
//! dots and its dates.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
