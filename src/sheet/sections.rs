//! The sheet's sections other than the views: the title, the client's details, the shades on
//! the client's skin, the session plan, the contraindications asked at consultation, the notes
//! and the signatures.

use super::flow::{BODY, Flow, LINE, MARGIN, SMALL, column};
use super::font::{self, Weight};
use super::page::{BLACK, Pen};
use crate::design::{Design, YesNo, questions_for};
use crate::report::DesignReport;

impl Flow {
    pub(super) fn title(&mut self, name: &str, today: &str) {
        let width = self.width();
        self.grey_text(MARGIN, self.y + 9.0, SMALL, "Hairline Studio · scalp micropigmentation design sheet");
        let printed = format!("Printed {today}");
        let printed_x = MARGIN + width - font::width(&printed, Weight::Regular, SMALL);
        self.grey_text(printed_x, self.y + 9.0, SMALL, printed);
        self.y += 12.0;
        let name = font::fit(name, Weight::Bold, 18.0, width);
        self.text(MARGIN, self.y + 18.0, 18.0, Weight::Bold, name);
        self.y += 24.0;
    }

    pub(super) fn client_details(&mut self, design: &Design) {
        let client = &design.client;
        let or_dash = |value: &Option<String>| value.clone().unwrap_or_else(|| "—".to_owned());
        let text_or_dash =
            |value: &str| if value.trim().is_empty() { "—".to_owned() } else { value.trim().to_owned() };
        let hair = match (client.hair_colour.trim(), client.grey_percent) {
            ("", None) => "—".to_owned(),
            (colour, None) => colour.to_owned(),
            ("", Some(grey)) => format!("{grey} % grey"),
            (colour, Some(grey)) => format!("{colour}, {grey} % grey"),
        };
        let patch = match &client.patch_test_date {
            Some(date) => format!("{date}: {}", client.patch_test_result.label()),
            None => client.patch_test_result.label().to_owned(),
        };
        let consent = client.consent_date.as_ref().map_or_else(|| "Not given".to_owned(), |d| format!("Given {d}"));
        self.heading("Client");
        self.pairs(&[
            ("Consultation", or_dash(&client.consultation_date)),
            ("Date of birth", or_dash(&client.date_of_birth)),
            ("Contact", text_or_dash(&client.contact)),
            ("Hair loss", client.hair_loss.as_ref().map_or_else(|| "—".to_owned(), crate::design::HairLoss::label)),
            ("Fitzpatrick", client.fitzpatrick.map_or_else(|| "—".to_owned(), roman)),
            ("Hair", hair),
            ("Patch test", patch),
            ("Consent", consent),
        ]);
        self.pairs(&[("Goals", text_or_dash(&client.goals))]);
    }

    /// Each shade of the design as a healed dot on the client's measured skin, with its
    /// contrast in numbers (the swatch alone is lost in black and white).
    pub(super) fn shades(&mut self, design: &Design, report: &DesignReport) {
        let Some((skin, shades, light)) =
            report.views.iter().find_map(|v| Some((v.skin.as_ref()?.lab, &v.shades, v.white_balance_summary.as_str())))
        else {
            return;
        };
        self.heading(&format!("Shades: {} on the client's skin (healed)", design.pigment.name()));
        // Whether the skin these shades are judged on was measured against a grey card.
        self.pairs(&[("Skin colour", format!("{light}."))]);
        for advice in shades {
            let water_parts = advice.water_parts;
            self.room(26.0);
            let top = self.y + 2.0;
            self.rect([MARGIN, top, 40.0, 20.0], Some(skin.to_srgb()), Some(Pen::solid(BLACK, 0.5)));
            self.disc([MARGIN + 20.0, top + 10.0], 6.5, advice.healed.to_srgb(), None);
            let verdict = match (&advice.warning, advice.suggested) {
                (Some(warning), _) => warning.clone(),
                (None, true) => "suggested for this skin".to_owned(),
                (None, false) => "outside the suggested range".to_owned(),
            };
            self.text(MARGIN + 50.0, top + 8.5, BODY, Weight::Bold, format!("{water_parts:.0}:1 (water:ink)"));
            let numbers = format!(
                "Healed ΔE00 {:.1}, lightness contrast ΔL* {:.1} (fresh: ΔE00 {:.1}, ΔL* {:.1}); {verdict}",
                advice.delta_e_healed, advice.contrast_healed, advice.delta_e_fresh, advice.contrast_fresh
            );
            let numbers = font::fit(&numbers, Weight::Regular, SMALL + 0.5, self.width() - 50.0);
            self.text(MARGIN + 50.0, top + 18.5, SMALL + 0.5, Weight::Regular, numbers);
            self.y += 26.0;
        }
    }

    /// Each zone's healed result from 1 m against the client's hair, what would make it blend,
    /// and the shade recommended for the hair; nothing without a hair target.
    pub(super) fn blend_with_hair(&mut self, report: &DesignReport) {
        let zones: Vec<(&crate::report::ZoneReport, &crate::hair_match::BlendCheck)> = report
            .views
            .iter()
            .flat_map(|v| &v.zones)
            .filter_map(|z| Some((z, z.seen_from_1m.as_ref()?.blend.as_ref()?)))
            .collect();
        if zones.is_empty() {
            return;
        }
        self.heading("Blend with the client's hair (healed, seen from 1 m)");
        let columns = [
            column("Zone", 0.0, false),
            column("Against", 64.0, false),
            column("ΔE00", 36.0, true),
            column("ΔL*", 36.0, true),
            column("Verdict", 56.0, false),
            column("To blend", 110.0, false),
        ];
        let rows: Vec<Vec<String>> = zones
            .iter()
            .map(|(zone, blend)| {
                let fixes: Vec<String> = blend
                    .blending_density_per_cm2
                    .map(|d| format!("{d:.0}/cm²"))
                    .into_iter()
                    .chain(blend.blending_water_parts.map(|w| format!("{w}:1")))
                    .collect();
                let to_blend = match (blend.verdict, fixes.is_empty()) {
                    (crate::hair_match::Verdict::Blends, _) => "—".to_owned(),
                    (_, true) => "another dot size or pigment".to_owned(),
                    (_, false) => fixes.join(" or "),
                };
                vec![
                    zone.name.clone(),
                    match blend.target.source {
                        crate::hair_match::TargetSource::HairSample => "hair sample".to_owned(),
                        crate::hair_match::TargetSource::ClientRecord => "record (est.)".to_owned(),
                    },
                    format!("{:.1}", blend.delta_e),
                    format!("{:+.1}", blend.delta_l),
                    blend.verdict.label().to_owned(),
                    to_blend,
                ]
            })
            .collect();
        self.table(&columns, &rows);
        if let Some(recommended) = report.views.iter().find_map(|v| v.recommended_shade.as_ref()) {
            self.small_paragraph(&format!("Recommended shade: {}.", recommended.why));
        }
        self.small_paragraph(&format!(
            "The model: from a metre the dots merge with the skin, which then looks mixed with the pigment by the \
             share the healed dots hide. Under ΔE00 {} the eye takes the result for the client's own stubble. A \
             density, or a shade for the whole zone, that would blend is given.",
            crate::hair_match::BLENDS_BELOW_DELTA_E
        ));
    }

    /// The plan, each session's time from the report: its share of the dots as simulated.
    pub(super) fn sessions(&mut self, design: &Design, report: &DesignReport) {
        if design.sessions.is_empty() {
            return;
        }
        self.heading("Session plan");
        let columns = [
            column("#", 16.0, true),
            column("Planned", 66.0, false),
            column("Done", 80.0, false),
            column("Shade", 40.0, true),
            column("Share", 40.0, true),
            column("Est. time", 64.0, true),
            column("Notes", 0.0, false),
        ];
        let rows: Vec<Vec<String>> = design
            .sessions
            .iter()
            .zip(&report.sessions)
            .enumerate()
            .map(|(i, (session, planned))| {
                let done = match (&session.actual_date, session.done) {
                    (Some(date), true) => format!("✓ {date}"),
                    (None, true) => "✓".to_owned(),
                    (_, false) => "☐".to_owned(),
                };
                let hours = planned.hours.map_or_else(|| "—".to_owned(), crate::format::duration);
                vec![
                    (i + 1).to_string(),
                    match (&session.planned_date, i) {
                        (Some(date), _) => date.clone(),
                        (None, 0) => "—".to_owned(),
                        (None, _) => format!("+{} days", session.days_after_previous),
                    },
                    done,
                    format!("{:.0}:1", planned.water_parts),
                    format!("{:.0} %", planned.share * 100.0),
                    hours,
                    session.notes.clone(),
                ]
            })
            .collect();
        self.table(&columns, &rows);
        let timing = &report.timing;
        let detail = if report.total_detail_dots > 0 {
            format!(
                " ({} of them in hairline-transition and scar zones at {})",
                crate::format::thousands(report.total_detail_dots),
                crate::format::thousands_f(timing.detail_dots_per_hour),
            )
        } else {
            String::new()
        };
        let note = format!(
            "Est. time: {} min of set-up and numbing per session, then {} dots as simulated at {} an hour{detail}, \
             with {} min of breaks per hour of needle work. A model: the artist's own figures are in the studio.",
            timing.setup_minutes.round(),
            crate::format::thousands(report.total_dots),
            crate::format::thousands_f(report.dots_per_hour),
            timing.break_minutes_per_hour.round(),
        );
        self.small_paragraph(&note);
        for note in &report.counting_notes {
            self.small_paragraph(note);
        }
        self.session_records(report);
    }

    /// What each session used and when, as recorded on the day; blank lines to fill in by hand
    /// where nothing is recorded yet.
    fn session_records(&mut self, report: &DesignReport) {
        self.subheading("Session record (pigment and needle lots)");
        let columns = [
            column("#", 16.0, true),
            column("Pigment", 0.0, false),
            column("Pigment lot", 70.0, false),
            column("Needle", 80.0, false),
            column("Needle lot", 70.0, false),
            column("Time", 70.0, false),
        ];
        let blank = "________";
        let or_blank = |text: &str| if text.trim().is_empty() { blank.to_owned() } else { text.trim().to_owned() };
        let rows: Vec<Vec<String>> = report
            .sessions
            .iter()
            .enumerate()
            .map(|(i, session)| {
                let record = &session.record;
                let time = match (&record.start_time, &record.end_time) {
                    (Some(start), Some(end)) => format!("{start}–{end}"),
                    (Some(start), None) => format!("{start}–"),
                    (None, Some(end)) => format!("–{end}"),
                    (None, None) => blank.to_owned(),
                };
                vec![
                    (i + 1).to_string(),
                    or_blank(&record.pigment),
                    or_blank(&record.pigment_lot),
                    or_blank(&record.needle),
                    or_blank(&record.needle_lot),
                    time,
                ]
            })
            .collect();
        self.table(&columns, &rows);
        for (i, session) in report.sessions.iter().enumerate() {
            self.small_paragraph(&format!("Session {}: {}", i + 1, day_check_line(session.day_check.as_ref())));
        }
    }

    /// The health part of the record as asked: every question with its answer, a question not
    /// asked printed as "not asked" (never as "no"); the causes, scars and medications.
    pub(super) fn health(&mut self, design: &Design) {
        let client = &design.client;
        self.heading("Health (asked at consultation)");
        let causes: Vec<&str> = client.hair_loss_causes.iter().map(|c| c.label()).collect();
        let scars: Vec<String> = client
            .scars
            .iter()
            .map(|scar| {
                let age = scar.age_months.map_or_else(String::new, |m| format!(", {m} months old"));
                let recent = if scar.is_recent() { " (recent: wait until healed)" } else { "" };
                format!("{} at {}{age}{recent}", scar.kind.label(), or_dash(&scar.location))
            })
            .collect();
        self.pairs(&[
            ("Hair loss cause", if causes.is_empty() { "not recorded".to_owned() } else { causes.join(", ") }),
            (
                "Medications",
                if client.medications.trim().is_empty() {
                    "none recorded".to_owned()
                } else {
                    client.medications.trim().to_owned()
                },
            ),
        ]);
        self.pairs(&[("Scars", if scars.is_empty() { "none recorded".to_owned() } else { scars.join("; ") })]);
        let questions = questions_for(&[], &client.health);
        let half = (self.width() - 12.0) / 2.0;
        for pair in questions.chunks(2) {
            self.room(LINE);
            for (column, question) in pair.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "0 or 1")]
                let x = MARGIN + column as f32 * (half + 12.0);
                let answer = client.health.get(&question.id);
                let (text, weight) = match answer.map(|a| a.answer) {
                    Some(YesNo::Yes) => ("YES", Weight::Bold),
                    Some(YesNo::No) => ("no", Weight::Regular),
                    None => ("not asked", Weight::Regular),
                };
                let label = match answer.filter(|a| a.answer == YesNo::Yes && !a.note.trim().is_empty()) {
                    Some(yes) => format!("{}: {}", question.label, yes.note.trim()),
                    None => question.label.clone(),
                };
                if answer.is_none() {
                    self.grey_text(x, self.y + BODY, BODY, text);
                } else {
                    self.text(x, self.y + BODY, BODY, weight, text);
                }
                let label = font::fit(&label, weight, BODY, half - 52.0);
                self.text(x + 50.0, self.y + BODY, BODY, weight, label);
            }
            self.y += LINE;
        }
    }

    pub(super) fn notes(&mut self, design: &Design) {
        let notes = [design.client.notes.trim(), design.notes.trim()]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if notes.is_empty() {
            return;
        }
        self.heading("Notes");
        self.paragraph(Weight::Regular, &notes);
    }

    /// Aftercare and what to expect over the years, in the clinic's words, and the line that the
    /// pictures are not a promise.
    pub(super) fn after_the_sessions(&mut self, text: &super::PlanText) {
        self.heading("After the sessions");
        self.subheading("Aftercare");
        self.paragraph(Weight::Regular, &text.aftercare);
        self.subheading("How long it lasts");
        self.paragraph(Weight::Regular, &text.longevity);
        // Kept on the page the client signs.
        let lines = font::wrap(super::SIMULATION_DISCLAIMER, Weight::Bold, BODY, self.width()).len();
        #[expect(clippy::cast_precision_loss, reason = "a few lines")]
        self.room(lines as f32 * LINE + SIGNATURES_HEIGHT + 6.0);
        self.y += 6.0;
        self.paragraph(Weight::Bold, super::SIMULATION_DISCLAIMER);
    }

    pub(super) fn signatures(&mut self) {
        self.room(SIGNATURES_HEIGHT);
        self.y += 14.0;
        self.text(
            MARGIN,
            self.y + BODY,
            BODY,
            Weight::Regular,
            "The client has seen this design and the simulated result, and agrees to the plan above.",
        );
        self.y += 40.0;
        let half = (self.width() - 24.0) / 2.0;
        for (column, who) in ["Artist", "Client"].into_iter().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "0 or 1")]
            let x = MARGIN + column as f32 * (half + 24.0);
            self.line(vec![[x, self.y], [x + half * 0.65, self.y]], Pen::solid(BLACK, 0.6));
            self.line(vec![[x + half * 0.72, self.y], [x + half, self.y]], Pen::solid(BLACK, 0.6));
            self.grey_text(x, self.y + 10.0, SMALL, format!("{who} signature"));
            self.grey_text(x + half * 0.72, self.y + 10.0, SMALL, "Date");
        }
        self.y += 16.0;
    }
}

/// What the health check on a session's day found, in a line.
fn day_check_line(check: Option<&crate::design::DayCheck>) -> String {
    let Some(check) = check else {
        return "health not checked on the day".to_owned();
    };
    let asked = format!("health checked on {} by {}", check.date, check.checked_by);
    let questions = questions_for(&[], &check.answers);
    let yes: Vec<String> = crate::design::yes_answers(&questions, &check.answers)
        .into_iter()
        .map(
            |(question, note)| {
                if note.trim().is_empty() { question.to_owned() } else { format!("{question} ({})", note.trim()) }
            },
        )
        .collect();
    let unasked = crate::design::unasked(&questions, &check.answers).len();
    let not_asked =
        if unasked > 0 { format!("; {} not asked", crate::format::count(unasked, "question")) } else { String::new() };
    match (yes.is_empty(), check.go_ahead_reason.trim()) {
        (true, _) => format!("{asked}: no yes answers{not_asked}"),
        (false, "") => format!("{asked}: YES to {}{not_asked}; no reason recorded to go ahead", yes.join(", ")),
        (false, reason) => format!("{asked}: YES to {}{not_asked}; went ahead because: {reason}", yes.join(", ")),
    }
}

/// The room the signature lines take.
const SIGNATURES_HEIGHT: f32 = 90.0;

fn roman(n: u8) -> String {
    ["I", "II", "III", "IV", "V", "VI"]
        .get(usize::from(n).wrapping_sub(1))
        .map_or_else(|| n.to_string(), |r| (*r).to_owned())
}

/// `text`, or a dash where it is empty.
fn or_dash(text: &str) -> String {
    if text.trim().is_empty() { "—".to_owned() } else { text.trim().to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitzpatrick_types_read_in_roman_numerals() {
        assert_eq!(roman(4), "IV");
    }
}
