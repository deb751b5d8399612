//! Checks a design for values that could not be saved, drawn or trusted.
//!
//! JSON cannot hold `NaN` or infinity (`serde_json` would write `null`, which never reads back), and
//! absurd sizes would freeze the window long before they meant anything, so both are refused
//! here, on load and before every save.

use std::fmt;

use super::{Design, Landmark, PhotoPoint, PhotoRef, Transition, Zone};

/// The bounds a design must stay within.
pub struct Limits;

impl Limits {
    /// Photo coordinates beyond this (in pixels) are not on any photo.
    pub const MAX_COORDINATE_PX: f64 = 1.0e6;
    pub const MAX_VIEWS: usize = 64;
    pub const MAX_CURVES_PER_VIEW: usize = 256;
    pub const MAX_ZONES_PER_VIEW: usize = 256;
    pub const MAX_POINTS_PER_SHAPE: usize = 10_000;
    pub const MAX_DENSITY_PER_CM2: f64 = 1_000.0;
    pub const MAX_DOT_DIAMETER_MM: f64 = 5.0;
    pub const MAX_TEXT_CHARS: usize = 100_000;
    pub const MAX_SKIN_SAMPLES: usize = 64;
    /// A follow-up photo per visit, for years of touch-ups.
    pub const MAX_FOLLOW_UPS: usize = 32;
    /// Artists plan 2 to 4 sessions; a dozen leaves room for touch-ups.
    pub const MAX_SESSIONS: usize = 12;
    /// The photo loader (`io::decode_photo`) opens photos up to 200 megapixels, so no photo a
    /// design was drawn on is larger; a larger declared size is a damaged or hostile file, and
    /// would put the midline and every figure derived from it kilometres away.
    pub const MAX_PHOTO_PIXELS: u64 = 200_000_000;
}

/// A sample has at most one of each kind of doubt.
const MAX_DOUBTS: usize = 4;

/// One thing wrong with a design, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where in the design, e.g. `views[0].zones[2].density_per_cm2`.
    pub at: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Lists every problem in `design`; empty when it is fine to draw and save.
pub fn validate(design: &Design) -> Vec<Problem> {
    let mut problems = Problems::default();
    if design.views.len() > Limits::MAX_VIEWS {
        problems.push("views", format!("{} views; at most {}", design.views.len(), Limits::MAX_VIEWS));
    }
    for (i, view) in design.views.iter().enumerate().take(Limits::MAX_VIEWS) {
        let at = format!("views[{i}]");
        if let Some(photo) = &view.photo {
            problems.photo_size(&format!("{at}.photo"), photo);
        }
        if let Some(calibration) = &view.calibration {
            problems.point(&format!("{at}.calibration.a"), calibration.a);
            problems.point(&format!("{at}.calibration.b"), calibration.b);
            problems.range(&format!("{at}.calibration.length_mm"), calibration.length_mm, 0.0, 10_000.0);
        }
        problems.samples(&at, view);
        for landmark in Landmark::ALL {
            if let Some(point) = view.landmarks.get(landmark) {
                problems.point(&format!("{at}.landmarks.{}", landmark.key()), point);
            }
        }
        problems.range(&format!("{at}.guides.mid_frontal_height_mm"), view.guides.mid_frontal_height_mm, 0.0, 300.0);
        if view.curves.len() > Limits::MAX_CURVES_PER_VIEW {
            problems.push(format!("{at}.curves"), format!("more than {} curves", Limits::MAX_CURVES_PER_VIEW));
        }
        for (j, curve) in view.curves.iter().enumerate().take(Limits::MAX_CURVES_PER_VIEW) {
            problems.shape(&format!("{at}.curves[{j}].points"), &curve.points);
            problems.transition(&format!("{at}.curves[{j}].transition"), &curve.transition);
        }
        if view.zones.len() > Limits::MAX_ZONES_PER_VIEW {
            problems.push(format!("{at}.zones"), format!("more than {} zones", Limits::MAX_ZONES_PER_VIEW));
        }
        for (j, zone) in view.zones.iter().enumerate().take(Limits::MAX_ZONES_PER_VIEW) {
            problems.zone(&format!("{at}.zones[{j}]"), zone);
        }
        if view.follow_ups.len() > Limits::MAX_FOLLOW_UPS {
            problems.push(format!("{at}.follow_ups"), format!("more than {} follow-up photos", Limits::MAX_FOLLOW_UPS));
        }
        for (j, follow_up) in view.follow_ups.iter().enumerate().take(Limits::MAX_FOLLOW_UPS) {
            let at = format!("{at}.follow_ups[{j}]");
            problems.photo_size(&format!("{at}.photo"), &follow_up.photo);
            if follow_up.pairs.len() > 2 {
                problems.push(format!("{at}.pairs"), "more than two point pairs");
            }
            for (k, pair) in follow_up.pairs.iter().enumerate().take(2) {
                problems.point(&format!("{at}.pairs[{k}][0]"), pair[0]);
                problems.point(&format!("{at}.pairs[{k}][1]"), pair[1]);
            }
        }
    }
    problems.client(&design.client);
    problems.range("pigment.water_parts", design.pigment.water_parts, 0.0, 1_000.0);
    if let Some(custom) = &design.pigment.custom {
        problems.range("pigment.custom.lab[0]", custom.lab[0], 0.0, 100.0);
        problems.range("pigment.custom.lab[1]", custom.lab[1], -128.0, 127.0);
        problems.range("pigment.custom.lab[2]", custom.lab[2], -128.0, 127.0);
        if custom.name.chars().count() > Limits::MAX_TEXT_CHARS {
            problems.push("pigment.custom.name", format!("longer than {} characters", Limits::MAX_TEXT_CHARS));
        }
    }
    if design.sessions.len() > Limits::MAX_SESSIONS {
        problems.push("sessions", format!("more than {} sessions", Limits::MAX_SESSIONS));
    }
    for (i, session) in design.sessions.iter().enumerate().take(Limits::MAX_SESSIONS) {
        if let Some(water_parts) = session.water_parts {
            problems.range(&format!("sessions[{i}].water_parts"), water_parts, 0.0, 1_000.0);
        }
        problems.range(&format!("sessions[{i}].share_of_dots"), session.share_of_dots, 0.0, 1.0);
        if session.notes.chars().count() > Limits::MAX_TEXT_CHARS {
            problems.push(format!("sessions[{i}].notes"), format!("longer than {} characters", Limits::MAX_TEXT_CHARS));
        }
        problems.record(&format!("sessions[{i}].record"), &session.record);
        if let Some(check) = &session.day_check {
            problems.day_check(&format!("sessions[{i}].day_check"), check);
        }
    }
    problems.range("dots_per_hour", design.dots_per_hour, 1.0, 100_000.0);
    problems.range("first_session_loss", design.first_session_loss, 0.0, 0.9);
    problems.range("timing.setup_minutes", design.timing.setup_minutes, 0.0, 600.0);
    problems.range("timing.detail_dots_per_hour", design.timing.detail_dots_per_hour, 1.0, 100_000.0);
    problems.range("timing.break_minutes_per_hour", design.timing.break_minutes_per_hour, 0.0, 60.0);
    if design.notes.chars().count() > Limits::MAX_TEXT_CHARS {
        problems.push("notes", format!("longer than {} characters", Limits::MAX_TEXT_CHARS));
    }
    problems.0
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn push(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem { at: at.into(), message: message.into() });
    }

    /// Health answers at `at`: no more than there are questions, each id and text of a sane size.
    fn answers(&mut self, at: &str, answers: &super::HealthAnswers) {
        if answers.len() > super::MAX_CLINIC_QUESTIONS + super::built_in_questions().len() {
            self.push(at, format!("{} answers; more than there are questions", answers.len()));
        }
        for (id, answer) in answers.iter().take(200) {
            if id.is_empty() || id.len() > 64 {
                self.push(at, "a question id of 1 to 64 characters".to_owned());
            }
            for text in [&answer.note, &answer.question] {
                if text.chars().count() > Limits::MAX_TEXT_CHARS {
                    self.push(format!("{at}.{id}"), format!("longer than {} characters", Limits::MAX_TEXT_CHARS));
                }
            }
        }
    }

    fn day_check(&mut self, at: &str, check: &super::DayCheck) {
        self.answers(&format!("{at}.answers"), &check.answers);
        if !check.date.is_empty() && !super::is_iso_date(&check.date) {
            self.push(format!("{at}.date"), "not a date as YYYY-MM-DD".to_owned());
        }
        for (field, text) in [("checked_by", &check.checked_by), ("go_ahead_reason", &check.go_ahead_reason)] {
            if text.chars().count() > Limits::MAX_TEXT_CHARS {
                self.push(format!("{at}.{field}"), format!("longer than {} characters", Limits::MAX_TEXT_CHARS));
            }
        }
    }

    fn record(&mut self, at: &str, record: &super::SessionRecord) {
        let texts = [
            ("pigment", &record.pigment),
            ("pigment_lot", &record.pigment_lot),
            ("needle", &record.needle),
            ("needle_lot", &record.needle_lot),
        ];
        for (field, text) in texts {
            if text.chars().count() > Limits::MAX_TEXT_CHARS {
                self.push(format!("{at}.{field}"), format!("longer than {} characters", Limits::MAX_TEXT_CHARS));
            }
        }
        for (field, time) in [("start_time", &record.start_time), ("end_time", &record.end_time)] {
            if let Some(time) = time.as_deref().filter(|t| super::parse_time(t).is_none()) {
                let shown: String = time.chars().take(20).collect();
                self.push(format!("{at}.{field}"), format!("\"{shown}\" is not a time of day as HH:MM"));
            }
        }
    }

    fn client(&mut self, client: &super::Client) {
        if client.fitzpatrick.is_some_and(|t| !(1..=6).contains(&t)) {
            self.push("client.fitzpatrick", "a Fitzpatrick type is 1 to 6".to_owned());
        }
        match &client.hair_loss {
            Some(super::HairLoss::Norwood(stage)) if !super::NORWOOD_STAGES.contains(&stage.as_str()) => {
                self.push("client.hair_loss", format!("\"{stage}\" is not a Norwood stage"));
            }
            Some(super::HairLoss::Ludwig(grade)) if !(1..=3).contains(grade) => {
                self.push("client.hair_loss", "a Ludwig grade is 1 to 3".to_owned());
            }
            _ => {}
        }
        if client.grey_percent.is_some_and(|p| p > 100) {
            self.push("client.grey_percent", "a share of 0 to 100 %".to_owned());
        }
        if client.contraindications.len() > super::Contraindication::ALL.len() {
            self.push("client.contraindications", "listed more than once".to_owned());
        }
        self.answers("client.health", &client.health);
        if client.scars.len() > 64 {
            self.push("client.scars", "more than 64 scars".to_owned());
        }
        for (i, scar) in client.scars.iter().enumerate().take(64) {
            if scar.location.chars().count() > Limits::MAX_TEXT_CHARS {
                self.push(format!("client.scars[{i}].location"), "too long".to_owned());
            }
        }
        if client.hair_loss_causes.len() > super::HairLossCause::ALL.len() {
            self.push("client.hair_loss_causes", "listed more than once".to_owned());
        }
        let texts = [
            ("client.name", &client.name),
            ("client.contact", &client.contact),
            ("client.hair_colour", &client.hair_colour),
            ("client.goals", &client.goals),
            ("client.medications", &client.medications),
            ("client.notes", &client.notes),
        ];
        for (at, text) in texts {
            if text.chars().count() > Limits::MAX_TEXT_CHARS {
                self.push(at, format!("longer than {} characters", Limits::MAX_TEXT_CHARS));
            }
        }
    }

    fn range(&mut self, at: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() {
            self.push(at, format!("{value} is not a number that can be saved"));
        } else if !(min..=max).contains(&value) {
            self.push(at, format!("{value} is outside {min} to {max}"));
        }
    }

    fn photo_size(&mut self, at: &str, photo: &PhotoRef) {
        let pixels = u64::from(photo.width_px) * u64::from(photo.height_px);
        if pixels == 0 || pixels > Limits::MAX_PHOTO_PIXELS {
            let message = format!(
                "width_px x height_px is {} x {}, not the size of a photo the studio opens (at least one pixel each way, at most {} MP)",
                photo.width_px,
                photo.height_px,
                Limits::MAX_PHOTO_PIXELS / 1_000_000
            );
            self.push(at, message);
        }
    }

    /// A view's skin and hair samples and its neutral grey.
    fn samples(&mut self, at: &str, view: &super::View) {
        for (name, samples) in [("skin_samples", &view.skin_samples), ("hair_samples", &view.hair_samples)] {
            if samples.len() > Limits::MAX_SKIN_SAMPLES {
                self.push(format!("{at}.{name}"), format!("more than {}", Limits::MAX_SKIN_SAMPLES));
            }
            for (j, sample) in samples.iter().enumerate().take(Limits::MAX_SKIN_SAMPLES) {
                let at = format!("{at}.{name}[{j}]");
                self.point(&format!("{at}.at"), sample.at);
                self.range(&format!("{at}.radius_px"), sample.radius_px, 0.5, 10_000.0);
                self.range(&format!("{at}.l"), sample.l, 0.0, 100.0);
                self.range(&format!("{at}.a"), sample.a, -200.0, 200.0);
                self.range(&format!("{at}.b"), sample.b, -200.0, 200.0);
                if sample.doubts.len() > MAX_DOUBTS {
                    self.push(format!("{at}.doubts"), format!("more than {MAX_DOUBTS} doubts"));
                }
            }
        }
        if let Some(neutral) = &view.neutral {
            let at = format!("{at}.neutral");
            self.point(&format!("{at}.at"), neutral.at);
            self.range(&format!("{at}.radius_px"), neutral.radius_px, 0.5, 10_000.0);
            for (k, channel) in neutral.linear_rgb.iter().enumerate() {
                self.range(&format!("{at}.linear_rgb[{k}]"), *channel, 0.0, 1.0);
            }
        }
    }

    fn point(&mut self, at: &str, point: PhotoPoint) {
        let limit = Limits::MAX_COORDINATE_PX;
        let ok = |v: f64| v.is_finite() && v.abs() <= limit;
        if !(ok(point.x) && ok(point.y)) {
            self.push(at, format!("({}, {}) is not a position on a photo", point.x, point.y));
        }
    }

    fn shape(&mut self, at: &str, points: &[PhotoPoint]) {
        if points.len() > Limits::MAX_POINTS_PER_SHAPE {
            let message = format!("{} points; at most {}", points.len(), Limits::MAX_POINTS_PER_SHAPE);
            self.push(at, message);
            return;
        }
        // One message per shape is enough to point the artist at it.
        if let Some((k, &point)) = points.iter().enumerate().find(|(_, p)| {
            !(p.x.is_finite() && p.y.is_finite() && p.x.abs().max(p.y.abs()) <= Limits::MAX_COORDINATE_PX)
        }) {
            self.point(&format!("{at}[{k}]"), point);
        }
    }

    fn transition(&mut self, at: &str, transition: &Transition) {
        self.range(&format!("{at}.band_width_mm"), transition.band_width_mm, 0.0, 100.0);
        self.range(&format!("{at}.macro_amplitude_mm"), transition.macro_amplitude_mm, 0.0, 50.0);
        self.range(&format!("{at}.macro_wavelength_mm"), transition.macro_wavelength_mm, 1.0, 500.0);
        self.range(&format!("{at}.micro_lead_mm"), transition.micro_lead_mm, 0.0, 50.0);
        self.range(&format!("{at}.micro_cluster_share"), transition.micro_cluster_share, 0.0, 1.0);
        self.range(&format!("{at}.jitter_amplitude_mm"), transition.jitter_amplitude_mm, 0.0, 50.0);
        self.range(&format!("{at}.jitter_wavelength_mm"), transition.jitter_wavelength_mm, 0.5, 500.0);
        self.range(&format!("{at}.front_size_share"), transition.front_size_share, 0.0, 1.0);
        self.range(&format!("{at}.front_shade_share"), transition.front_shade_share, 0.0, 1.0);
    }

    fn zone(&mut self, at: &str, zone: &Zone) {
        self.shape(&format!("{at}.vertices"), &zone.vertices);
        self.range(&format!("{at}.density_per_cm2"), zone.density_per_cm2, 0.0, Limits::MAX_DENSITY_PER_CM2);
        self.range(&format!("{at}.dot_diameter_mm"), zone.dot_diameter_mm, 0.0, Limits::MAX_DOT_DIAMETER_MM);
        if let Some(problem) = zone.hair_mask.as_ref().and_then(super::HairMask::problem) {
            self.push(format!("{at}.hair_mask"), problem);
        }
        if zone.scar_age_months.is_some_and(|months| months > 1200) {
            self.push(format!("{at}.scar_age_months"), "more than 100 years".to_owned());
        }
        self.range(&format!("{at}.size_variation"), zone.size_variation, 0.0, 0.5);
        self.range(&format!("{at}.edge_feather_mm"), zone.edge_feather_mm, 0.0, 50.0);
        if let Some(water_parts) = zone.water_parts {
            self.range(&format!("{at}.water_parts"), water_parts, 0.0, 1_000.0);
        }
    }
}
