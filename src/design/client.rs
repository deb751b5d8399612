//! Who a design is for: the client's details, hair loss, health answers, patch test and consent
//! (shared/domain.md: contraindications asked at consultation, consent recorded).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The client's record, as taken at the consultation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Client {
    pub name: String,
    /// ISO 8601 date (YYYY-MM-DD), if the client gave it.
    pub date_of_birth: Option<String>,
    pub contact: String,
    /// ISO 8601 date (YYYY-MM-DD) of the consultation.
    pub consultation_date: Option<String>,
    /// Fitzpatrick skin type, 1 to 6, as the artist judges it (the skin samples' ITA suggests one).
    pub fitzpatrick: Option<u8>,
    /// The stage of hair loss on the Norwood (men) or Ludwig (women) scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hair_loss: Option<HairLoss>,
    /// The client's natural hair colour, in the artist's words ("dark brown").
    pub hair_colour: String,
    /// The share of grey hairs, 0 to 100 %.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grey_percent: Option<u8>,
    /// What the client wants: the look, the hairline, what to hide.
    pub goals: String,
    /// Why the client's hair is lost or thin; several may apply.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hair_loss_causes: Vec<HairLossCause>,
    /// The scars to treat or work around.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scars: Vec<Scar>,
    /// The medications the client takes, in their words (blood thinners above all).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub medications: String,
    /// The health questions asked at consultation and their answers; one not listed was not
    /// asked (see [`super::health`]).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub health: super::HealthAnswers,
    /// Files before format 2 kept only the contraindications answered yes; reading one moves them
    /// into [`Self::health`] ([`super::Design::migrate`]). Never written.
    #[serde(skip_serializing)]
    #[schemars(skip)]
    pub contraindications: Vec<Contraindication>,
    /// ISO 8601 date of the patch test, if one was done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patch_test_date: Option<String>,
    pub patch_test_result: PatchTestResult,
    /// ISO 8601 date on which the client gave written consent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_date: Option<String>,
    /// Free notes on the client.
    pub notes: String,
}

/// A stage of hair loss.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HairLoss {
    /// A Hamilton–Norwood stage, one of [`NORWOOD_STAGES`].
    Norwood(String),
    /// A Ludwig grade, 1 to 3.
    Ludwig(u8),
}

impl HairLoss {
    pub fn label(&self) -> String {
        match self {
            Self::Norwood(stage) => format!("Norwood {stage}"),
            Self::Ludwig(grade) => {
                format!("Ludwig {}", ["I", "II", "III"].get(usize::from(*grade).wrapping_sub(1)).unwrap_or(&"?"))
            }
        }
    }
}

/// The Hamilton–Norwood stages, with the anterior ("a") and vertex ("v") variants.
pub const NORWOOD_STAGES: [&str; 12] = ["1", "2", "2a", "3", "3a", "3v", "4", "4a", "5", "5a", "6", "7"];

/// Why hair is lost or thin (shared/domain.md: pattern baldness, thinning, scars, birthmarks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HairLossCause {
    PatternBaldness,
    AlopeciaAreata,
    Scars,
    Burns,
    Birthmark,
    MenopauseOrAfterPregnancy,
    Traction,
    Other,
}

impl HairLossCause {
    pub const ALL: [Self; 8] = [
        Self::PatternBaldness,
        Self::AlopeciaAreata,
        Self::Scars,
        Self::Burns,
        Self::Birthmark,
        Self::MenopauseOrAfterPregnancy,
        Self::Traction,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::PatternBaldness => "Pattern baldness",
            Self::AlopeciaAreata => "Alopecia areata",
            Self::Scars => "Scars",
            Self::Burns => "Burns",
            Self::Birthmark => "Birthmark",
            Self::MenopauseOrAfterPregnancy => "Menopause or after pregnancy",
            Self::Traction => "Traction (tight hairstyles)",
            Self::Other => "Other",
        }
    }
}

/// A scar on the scalp.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Scar {
    /// Where, in the artist's words ("crown, left of the whorl").
    pub location: String,
    pub kind: ScarKind,
    /// How old it is, in months, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_months: Option<u32>,
}

/// How many months a scar should heal before it is pigmented. Clinics quote 6 to 12 months
/// after a transplant or surgery (a scar keeps remodelling and can reject or spread pigment
/// until then); the studio warns below the cautious end, 12. A documented default, not a rule.
pub const SCAR_HEALING_MONTHS: u32 = 12;

impl Scar {
    /// Younger than [`SCAR_HEALING_MONTHS`]: too fresh to treat without the doctor's word.
    pub fn is_recent(&self) -> bool {
        self.age_months.is_some_and(|months| months < SCAR_HEALING_MONTHS)
    }
}

/// What made a scar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScarKind {
    /// A linear donor scar from a strip (FUT) transplant.
    TransplantStrip,
    /// The small round scars of an FUE transplant.
    TransplantDots,
    Surgery,
    Accident,
    Burn,
    #[default]
    Other,
}

impl ScarKind {
    pub const ALL: [Self; 6] =
        [Self::TransplantStrip, Self::TransplantDots, Self::Surgery, Self::Accident, Self::Burn, Self::Other];

    pub fn label(self) -> &'static str {
        match self {
            Self::TransplantStrip => "Transplant strip (FUT)",
            Self::TransplantDots => "Transplant dots (FUE)",
            Self::Surgery => "Surgery",
            Self::Accident => "Accident",
            Self::Burn => "Burn",
            Self::Other => "Other",
        }
    }
}

/// The contraindications asked at a consultation (shared/domain.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Contraindication {
    BloodClots,
    InfectiousDisease,
    Epilepsy,
    Diabetes,
    Albinism,
    HeartDisease,
    LiverDisease,
    HighBloodPressure,
    AntibioticTherapy,
    BloodThinnerTherapy,
    Chemotherapy,
    UnderTheInfluence,
}

impl Contraindication {
    pub const ALL: [Self; 12] = [
        Self::BloodClots,
        Self::InfectiousDisease,
        Self::Epilepsy,
        Self::Diabetes,
        Self::Albinism,
        Self::HeartDisease,
        Self::LiverDisease,
        Self::HighBloodPressure,
        Self::AntibioticTherapy,
        Self::BloodThinnerTherapy,
        Self::Chemotherapy,
        Self::UnderTheInfluence,
    ];

    /// The question's id among the health answers (as named in files before format 2).
    pub fn key(self) -> &'static str {
        match self {
            Self::BloodClots => "blood_clots",
            Self::InfectiousDisease => "infectious_disease",
            Self::Epilepsy => "epilepsy",
            Self::Diabetes => "diabetes",
            Self::Albinism => "albinism",
            Self::HeartDisease => "heart_disease",
            Self::LiverDisease => "liver_disease",
            Self::HighBloodPressure => "high_blood_pressure",
            Self::AntibioticTherapy => "antibiotic_therapy",
            Self::BloodThinnerTherapy => "blood_thinner_therapy",
            Self::Chemotherapy => "chemotherapy",
            Self::UnderTheInfluence => "under_the_influence",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::BloodClots => "Blood clots",
            Self::InfectiousDisease => "Infectious disease",
            Self::Epilepsy => "Epilepsy",
            Self::Diabetes => "Diabetes",
            Self::Albinism => "Albinism",
            Self::HeartDisease => "Heart disease",
            Self::LiverDisease => "Liver disease",
            Self::HighBloodPressure => "High blood pressure",
            Self::AntibioticTherapy => "Antibiotic therapy",
            Self::BloodThinnerTherapy => "Blood-thinner therapy",
            Self::Chemotherapy => "Chemotherapy",
            Self::UnderTheInfluence => "Under the influence of drugs or alcohol",
        }
    }
}

/// How the patch test went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PatchTestResult {
    #[default]
    NotDone,
    /// Done, not yet read.
    Pending,
    NoReaction,
    Reaction,
}

impl PatchTestResult {
    pub const ALL: [Self; 4] = [Self::NotDone, Self::Pending, Self::NoReaction, Self::Reaction];

    pub fn label(self) -> &'static str {
        match self {
            Self::NotDone => "not done",
            Self::Pending => "pending",
            Self::NoReaction => "no reaction",
            Self::Reaction => "reaction",
        }
    }
}

/// Whether `text` is a real calendar date written YYYY-MM-DD.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, digits: usize| {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The date `days` days after 1970-01-01, written YYYY-MM-DD (Hinnant's `civil_from_days`).
pub fn iso_date_from_unix_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The days from 1970-01-01 to a YYYY-MM-DD date (Hinnant's `days_from_civil`); `None` for
/// anything but a real date.
pub fn unix_days_from_iso(text: &str) -> Option<i64> {
    if !is_iso_date(text) {
        return None;
    }
    let mut parts = text.split('-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// The date `days` days after the YYYY-MM-DD date `text`.
pub fn add_days(text: &str, days: i64) -> Option<String> {
    Some(iso_date_from_unix_days(unix_days_from_iso(text)? + days))
}

/// Today's date in UTC, written YYYY-MM-DD.
pub fn today_iso() -> String {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    iso_date_from_unix_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days_become_calendar_dates() {
        assert_eq!(iso_date_from_unix_days(0), "1970-01-01");
        assert_eq!(iso_date_from_unix_days(59), "1970-03-01");
        assert_eq!(iso_date_from_unix_days(11_016), "2000-02-29");
        assert_eq!(iso_date_from_unix_days(20_414), "2025-11-22");
        assert!(is_iso_date(&today_iso()));
        for days in [-719_162, -1, 0, 59, 11_016, 20_414, 2_932_896] {
            assert_eq!(unix_days_from_iso(&iso_date_from_unix_days(days)), Some(days), "{days}");
        }
        assert_eq!(add_days("2026-11-23", 10).as_deref(), Some("2026-12-03"));
        assert_eq!(add_days("2024-02-20", 35).as_deref(), Some("2024-03-26"));
        assert_eq!(add_days("not a date", 1), None);
    }

    #[test]
    fn iso_dates_are_checked_against_the_calendar() {
        assert!(is_iso_date("2026-11-23"));
        assert!(is_iso_date("2024-02-29"), "a leap year");
        assert!(!is_iso_date("2026-02-29"));
        assert!(!is_iso_date("1900-02-29"), "centuries are not leap years");
        assert!(is_iso_date("2000-02-29"), "unless divisible by 400");
        for bad in ["", "23.11.2026", "2026-13-01", "2026-11-31", "2026-1-05", "year-11-23", "2026-11-23x"] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn a_client_record_round_trips_through_json() {
        let client = Client {
            name: "A. Client".into(),
            hair_loss: Some(HairLoss::Norwood("3v".into())),
            grey_percent: Some(20),
            health: [("diabetes".to_owned(), super::super::HealthAnswer::yes("type 2"))].into(),
            patch_test_date: Some("2026-11-01".into()),
            patch_test_result: PatchTestResult::NoReaction,
            consent_date: Some("2026-11-23".into()),
            ..Client::default()
        };
        let json = serde_json::to_string(&client).unwrap_or_default();
        assert!(json.contains(r#""hair_loss":{"norwood":"3v"}"#), "{json}");
        assert!(json.contains(r#""health":{"diabetes":{"answer":"yes","note":"type 2"}}"#), "{json}");
        assert!(!json.contains("contraindications"), "the old field is never written: {json}");
        assert_eq!(serde_json::from_str::<Client>(&json).ok(), Some(client));
        assert_eq!(HairLoss::Ludwig(2).label(), "Ludwig II");
    }
}
