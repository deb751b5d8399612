//! The pigment and the session plan: which shade, how many sessions, each one's share of the
//! dots, its dates and its record (pigment and needle lots, times); what a session's time is
//! made of.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{HealthAnswers, YesNo};

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
    /// What was used and when, written down on the day.
    #[serde(skip_serializing_if = "SessionRecord::is_empty")]
    pub record: SessionRecord,
    /// The health questions asked again on the day, before the needle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_check: Option<DayCheck>,
}

/// The health questions asked again on a session's day: things change between sessions (a new
/// blood thinner, a pregnancy, an infection), and a clinic must show it asked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DayCheck {
    /// Who asked: the artist's name or initials.
    pub checked_by: String,
    /// ISO 8601 date of the check.
    pub date: String,
    /// The answers given that day; a question left out was not asked.
    pub answers: HealthAnswers,
    /// Why the session went ahead although an answer was yes (the doctor's clearance, say):
    /// without it, the session cannot be marked done.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub go_ahead_reason: String,
}

impl DayCheck {
    /// Whether any answer that day was yes.
    pub fn has_yes(&self) -> bool {
        self.answers.values().any(|a| a.answer == YesNo::Yes)
    }

    /// Whether the check stops the session being marked done: a yes with no reason given to go
    /// ahead.
    pub fn blocks_done(&self) -> bool {
        self.has_yes() && self.go_ahead_reason.trim().is_empty()
    }
}

/// A session's traceability record, as a clinic keeps it: which pigment and needle (by lot, so
/// that a reaction can be traced to a bottle or a batch of single-use needles) and when the
/// needle work started and ended. The shade laid is the session's `water_parts`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct SessionRecord {
    /// The pigment as the bottle names it (maker and product).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pigment: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pigment_lot: String,
    /// The needle's configuration and size, as its pack says: "1RL 0.25 mm", "3RL 0.30 mm".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub needle: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub needle_lot: String,
    /// Local time the session started, "HH:MM".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// Local time the session ended, "HH:MM".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
}

impl SessionRecord {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// The minutes from start to end, when both are set and valid and the end is later.
    pub fn minutes(&self) -> Option<u32> {
        let start = parse_time(self.start_time.as_deref()?)?;
        let end = parse_time(self.end_time.as_deref()?)?;
        (end > start).then(|| end - start)
    }
}

/// Minutes after midnight of a "HH:MM" time; `None` unless it is one.
pub fn parse_time(text: &str) -> Option<u32> {
    let (hours, minutes) = text.split_once(':')?;
    let well_formed = hours.len() == 2 && minutes.len() == 2;
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (well_formed && hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

/// What a session's time is made of besides the needle work at the artist's open-area pace
/// (`Design::dots_per_hour`). Sessions take 1 to 5 hours in practice (shared/domain.md), far
/// more than their dots at a steady pace: these parts are a model, guessed from how trainers
/// describe a session, and every figure is the artist's to correct.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Timing {
    /// Minutes per session before and after the needle work: the day's health check, photos,
    /// drawing the hairline in pencil, numbing cream taking effect (about 20 to 30 minutes on
    /// its own), setting up and cleaning up. Default 45.
    pub setup_minutes: f64,
    /// The pace in hairline-transition and scar zones, where each dot is placed by eye: dots per
    /// hour. Default 3,500, half the open-area default.
    pub detail_dots_per_hour: f64,
    /// Breaks for the artist's hand and the client: minutes per hour of needle work. Default 10.
    pub break_minutes_per_hour: f64,
}

impl Default for Timing {
    fn default() -> Self {
        Self { setup_minutes: 45.0, detail_dots_per_hour: 3_500.0, break_minutes_per_hour: 10.0 }
    }
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
            record: SessionRecord::default(),
            day_check: None,
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
    fn a_yes_on_the_day_blocks_done_until_a_reason_is_given() {
        let mut check = DayCheck { checked_by: "AB".to_owned(), ..DayCheck::default() };
        check.answers.insert("blood_thinners".to_owned(), super::super::HealthAnswer::no());
        assert!(!check.blocks_done(), "all no");
        check.answers.insert("infectious_disease".to_owned(), super::super::HealthAnswer::yes("a cold sore"));
        assert!(check.blocks_done(), "a yes");
        check.go_ahead_reason = "  ".to_owned();
        assert!(check.blocks_done(), "blank is no reason");
        check.go_ahead_reason = "Healed; the client's doctor agrees".to_owned();
        assert!(!check.blocks_done());
    }

    #[test]
    fn times_are_two_digit_hours_and_minutes() {
        assert_eq!(parse_time("09:30"), Some(570));
        assert_eq!(parse_time("23:59"), Some(1439));
        for bad in ["9:30", "24:00", "12:60", "12-30", "", "ab:cd", "12:3"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        let record = |start: &str, end: &str| SessionRecord {
            start_time: Some(start.to_owned()),
            end_time: Some(end.to_owned()),
            ..SessionRecord::default()
        };
        assert_eq!(record("09:30", "12:15").minutes(), Some(165));
        assert_eq!(record("12:15", "09:30").minutes(), None, "an end before the start is no duration");
    }
}
