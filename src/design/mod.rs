//! The design document: plain serde data, the single source of truth of a consultation.
//!
//! Everything the studio shows is derived from a [`Design`]; nothing here knows about pixels,
//! textures or windows, so a snapshot for undo is a cheap clone. Coordinates are in the pixels of
//! the full-resolution, orientation-corrected photo ([`PhotoPoint`]), so a drawing stays registered
//! at any zoom and after reopening.

mod client;
mod hair_mask;
mod head;
mod health;
mod history;
mod ids;
mod landmarks;
mod load;
mod sessions;
mod shapes;
mod validate;
mod view;

/// Every drawn point is a [`PhotoPoint`]; the type belongs to geometry, the document uses it.
pub use crate::geometry::PhotoPoint;
pub use client::{
    Client, Contraindication, HairLoss, HairLossCause, NORWOOD_STAGES, PatchTestResult, SCAR_HEALING_MONTHS, Scar,
    ScarKind, add_days, is_iso_date, today_iso,
};
pub use hair_mask::{HairCells, HairMask, MAX_MASK_CELLS};
pub use head::HeadFit;
pub use health::{
    HealthAnswer, HealthAnswers, HealthQuestion, MAX_CLINIC_QUESTIONS, YesNo, built_in_questions, questions_for,
    unasked, validate_questions, yes_answers,
};
pub use history::Document;
pub use ids::{CurveId, FollowUpId, ViewId, ZoneId};
pub use landmarks::{Guides, Landmark, Landmarks};
pub use load::{DesignError, MAX_DESIGN_FILE_BYTES, ParsedDesign, parse_design, read_design};
pub use sessions::{CustomPigment, DayCheck, Pigment, Session, SessionRecord, Timing, parse_time};
pub use shapes::{Curve, CurveRole, ScalpPart, Transition, Zone, ZoneKind};
pub use validate::{Limits, Problem, validate};
pub use view::{
    Calibration, CalibrationSource, DEFAULT_INTERPUPILLARY_MM, FollowUp, NeutralSample, PhotoRef, SampleDoubt,
    SkinSample, View, ViewKind,
};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The value of [`Design::format`] in every design file.
pub const FORMAT_ID: &str = "hairline-studio/design";
/// The newest format version this build reads and writes. 2: health answers are three-state
/// (`client.health`), where 1 kept only the contraindications answered yes.
pub const FORMAT_VERSION: u32 = 2;

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
    /// How many dots the artist lays in an hour in open areas, for the sessions' estimated
    /// durations.
    #[serde(default = "default_dots_per_hour")]
    pub dots_per_hour: f64,
    /// The rest of a session's time: set-up, the slower pace at the hairline and scars, breaks.
    #[serde(default)]
    pub timing: Timing,
    /// The share of the first session's dots that do not take (0 to 0.9): the preview after
    /// session 1 shows them lost, and the next session lays them again.
    #[serde(default = "default_first_session_loss")]
    pub first_session_loss: f64,
    /// The artist's free notes on the design.
    #[serde(default)]
    pub notes: String,
    /// Seeds everything random (follicle placement), so that a reopened design renders identically.
    #[serde(default)]
    pub seed: u64,
}

/// About two dots a second with the pauses to reload and wipe, in open areas: a rule of thumb
/// that, with [`Timing`]'s set-up and breaks, puts the first session of a Norwood 6 scalp (about
/// 30,000 of its 60,000 dots) near the 4 to 5 hours artists quote (shared/domain.md). The artist
/// sets their own.
pub fn default_dots_per_hour() -> f64 {
    7_000.0
}

/// 20 to 30 % of the first session's dots do not take (shared/domain.md): the middle of that.
pub fn default_first_session_loss() -> f64 {
    0.25
}

impl Design {
    /// An empty design with a front view, the default pigment and session plan, and `seed`.
    pub fn new(seed: u64) -> Self {
        let mut design = Self {
            format: FORMAT_ID.to_owned(),
            version: FORMAT_VERSION,
            client: Client::default(),
            views: vec![View::new(ViewKind::Front)],
            pigment: Pigment::default(),
            sessions: Session::default_plan(),
            dots_per_hour: default_dots_per_hour(),
            timing: Timing::default(),
            first_session_loss: default_first_session_loss(),
            notes: String::new(),
            seed,
        };
        design.number_everything();
        design
    }

    pub fn view(&self, id: ViewId) -> Option<&View> {
        self.views.iter().find(|v| v.id == id)
    }

    pub fn view_mut(&mut self, id: ViewId) -> Option<&mut View> {
        self.views.iter_mut().find(|v| v.id == id)
    }

    /// Adds `view` under a fresh id, its contents numbered too; returns the id.
    pub fn add_view(&mut self, mut view: View) -> ViewId {
        view.number_everything();
        ViewId(ids::push_numbered(&mut self.views, view, |v| &mut v.id.0))
    }

    /// Brings a design read from an older format up to this one: contraindications answered yes
    /// become yes answers; every other question stays not asked (format 1 could not say).
    pub fn migrate(&mut self) {
        let client = &mut self.client;
        for contraindication in std::mem::take(&mut client.contraindications) {
            client.health.entry(contraindication.key().to_owned()).or_insert_with(|| HealthAnswer::yes(""));
        }
        self.version = FORMAT_VERSION;
    }

    /// Gives every view, curve, zone and follow-up photo an id of its own where it has none
    /// (files from before ids) or shares one (a hand-edited file). Ids already unique stay.
    pub fn number_everything(&mut self) {
        ids::number(&mut self.views, |v| &mut v.id.0);
        for view in &mut self.views {
            view.number_everything();
        }
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
