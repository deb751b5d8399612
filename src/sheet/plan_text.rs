//! The words a sheet says after the plan: aftercare, how long the result lasts, and that a
//! simulation is not a promise. A clinic words its own aftercare and longevity (a JSON file
//! beside its questions, `io::load_plan_text`); the line about the simulation is always printed.

use serde::Deserialize;

/// The most a clinic's paragraph may hold: a page of text.
pub const MAX_PARAGRAPH_CHARS: usize = 4_000;

/// Printed on every sheet, above the signatures: the pictures illustrate, they do not promise.
pub const SIMULATION_DISCLAIMER: &str = "The simulated results on this sheet illustrate the plan; they are not a guarantee. \
     Healed results vary with the skin, healing, sun and aftercare.";

/// The clinic's paragraphs after the plan.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlanText {
    pub aftercare: String,
    pub longevity: String,
}

impl Default for PlanText {
    /// From shared/domain.md: the first ~4 days without washing, sweating, sun, swimming or
    /// scrubbing; a slow fade with a touch-up after 1 to 5 years; fresh dots darker and larger
    /// than healed ones.
    fn default() -> Self {
        Self {
            aftercare: "For the first 4 days after each session: do not wash the scalp, and avoid sweating \
                        (sport, sauna), sun, swimming and scrubbing. Then wash gently and keep the scalp out of \
                        strong sun. Your artist's own instructions come first."
                .to_owned(),
            longevity: "Fresh dots look darker and larger than they will once healed. SMP fades slowly: expect a \
                        touch-up session after 1 to 5 years, depending on the skin, sun and aftercare. Carbon \
                        pigment stays grey to black as it fades."
                .to_owned(),
        }
    }
}

impl PlanText {
    /// What is wrong with a clinic's text, in words; `Ok` when it can be printed.
    pub fn check(&self) -> Result<(), String> {
        for (name, text) in [("aftercare", &self.aftercare), ("longevity", &self.longevity)] {
            let chars = text.chars().count();
            if chars > MAX_PARAGRAPH_CHARS {
                return Err(format!(
                    "its {name} text is {chars} characters; at most {MAX_PARAGRAPH_CHARS} fit a sheet"
                ));
            }
            if text.trim().is_empty() {
                return Err(format!("its {name} text is empty; leave the field out for the studio's own"));
            }
        }
        Ok(())
    }
}
