//! The inspector's session plan: each session's dates, shade, share of the dots, estimated
//! duration (and what it is made of), whether it is done, notes, and its record (pigment and
//! needle lots, start and end). The preview's "after session" switch shows the plan.

use crate::design::{Document, HealthQuestion, Limits, Session, SessionRecord, Timing, parse_time};
use crate::report::{DesignReport, SessionReport};

use super::client_panel::date_row_named;

/// Draws the plan and writes edits back to the design; the durations come from the design's
/// `report` (its dots as simulated at the artist's pace).
pub fn sessions_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    report: Option<&DesignReport>,
    clinic_questions: &[HealthQuestion],
) {
    let design = document.design();
    let design_shade = design.pigment.water_parts;
    let planned: Vec<Option<&SessionReport>> =
        (0..design.sessions.len()).map(|i| report.and_then(|r| r.sessions.get(i))).collect();
    let mut sessions = design.sessions.clone();
    let mut dots_per_hour = design.dots_per_hour;
    let mut timing = design.timing.clone();
    let mut first_session_loss = design.first_session_loss;
    let mut remove = None;
    for (index, session) in sessions.iter_mut().enumerate() {
        let name = format!("Session {}", index + 1);
        ui.group(|ui| {
            ui.horizontal(|ui| {
                let mut done = session.done;
                let ticked = ui
                    .checkbox(&mut done, egui::RichText::new(&name).strong())
                    .on_hover_text("Ticked once the session is done");
                if ticked.changed() {
                    super::day_check::set_done(ui, index, session, done);
                }
                match planned[index].and_then(|p| p.hours.map(|hours| (p, hours))) {
                    Some((planned, hours)) => {
                        ui.label(format!("≈ {}", crate::format::duration(hours))).on_hover_text(duration_parts(planned))
                    }
                    None => ui.weak("calibrate a view for its duration"),
                };
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.small_button("×").on_hover_text(format!("Remove {name}")).clicked() {
                        remove = Some(index);
                    }
                });
            });
            egui::Grid::new(("session", index)).num_columns(2).show(ui, |ui| {
                if index > 0 {
                    ui.label("Days after");
                    ui.add(egui::DragValue::new(&mut session.days_after_previous).range(1..=365).suffix(" days"))
                        .on_hover_text("7 to 14 days before session 2, 4 to 6 weeks before session 3");
                    ui.end_row();
                }
                date_row_named(ui, "Planned", &format!("{name} planned"), &mut session.planned_date);
                if session.done {
                    date_row_named(ui, "Done on", &format!("{name} done on"), &mut session.actual_date);
                }
                ui.label("Shade");
                ui.horizontal(|ui| {
                    let mut own = session.water_parts.is_some();
                    ui.checkbox(&mut own, "own").on_hover_text("Its own shade; unticked, the design's shade");
                    let mut parts = session.water_parts.unwrap_or(design_shade);
                    ui.add_enabled(own, egui::DragValue::new(&mut parts).range(0.0..=60.0).speed(0.5).suffix(":1"));
                    session.water_parts = own.then_some(parts);
                });
                ui.end_row();
                ui.label("Share of dots");
                let mut percent = session.share_of_dots * 100.0;
                ui.add(egui::DragValue::new(&mut percent).range(0.0..=100.0).speed(0.5).suffix(" %"));
                session.share_of_dots = percent / 100.0;
                ui.end_row();
                ui.label("Notes");
                ui.add(egui::TextEdit::singleline(&mut session.notes).desired_width(160.0))
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("{name} notes")));
                ui.end_row();
            });
            super::day_check::day_check_ui(ui, &name, index, session, clinic_questions);
            egui::CollapsingHeader::new("Record: pigment, needle, times")
                .id_salt(("session record", index))
                .default_open(session.done || !session.record.is_empty())
                .show(ui, |ui| record_ui(ui, &name, index, &mut session.record));
        });
    }
    if let Some(index) = remove {
        sessions.remove(index);
    }
    plan_buttons(ui, &mut sessions);
    ui.horizontal(|ui| {
        let label = ui.label("Not taken after session 1");
        let mut percent = first_session_loss * 100.0;
        ui.add(egui::DragValue::new(&mut percent).range(0.0..=90.0).speed(0.5).suffix(" %"))
            .labelled_by(label.id)
            .on_hover_text(
                "The share of the first session's dots that do not take (20 to 30 % usually): the preview after \
                 session 1 shows them lost, and the next session lays them again",
            );
        first_session_loss = percent / 100.0;
    });
    timing_ui(ui, &mut dots_per_hour, &mut timing);
    let total: f64 = sessions.iter().map(|s| s.share_of_dots).sum();
    if !sessions.is_empty() && (total - 1.0).abs() > 0.005 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("The shares add up to {:.0} %; the preview scales them to 100 %.", total * 100.0),
        );
    }
    document.set("edit the session plan", |d| Some(&mut d.sessions), sessions);
    document.set("change the dots per hour", |d| Some(&mut d.dots_per_hour), dots_per_hour);
    document.set("change the session time model", |d| Some(&mut d.timing), timing);
    document.set("change the first session's loss", |d| Some(&mut d.first_session_loss), first_session_loss);
}

/// Adding a session, the default plan, and dates for the later sessions from the first's.
fn plan_buttons(ui: &mut egui::Ui, sessions: &mut Vec<Session>) {
    ui.horizontal_wrapped(|ui| {
        let room = sessions.len() < Limits::MAX_SESSIONS;
        if ui.add_enabled(room, egui::Button::new("+ Add session")).clicked() {
            let days_after_previous = if sessions.is_empty() { 0 } else { 42 };
            sessions.push(Session { days_after_previous, share_of_dots: 0.1, ..Session::default() });
        }
        if ui
            .button("Default plan")
            .on_hover_text("A light foundation, then two layers in the design's shade")
            .clicked()
        {
            *sessions = Session::default_plan();
        }
        let first_date = sessions.first().and_then(|s| s.planned_date.clone());
        if ui
            .add_enabled(first_date.is_some(), egui::Button::new("Schedule from session 1"))
            .on_hover_text("Plan each later session its days after the one before")
            .clicked()
        {
            crate::edit::schedule(sessions);
        }
    });
}

/// What an estimated duration is made of, for its tooltip.
fn duration_parts(planned: &SessionReport) -> String {
    let minutes = |hours: f64| format!("{:.0} min", hours * 60.0);
    format!(
        "{} set-up and numbing\n{} needle work: {} dots, {} of them at the detail pace\n{} breaks",
        minutes(planned.setup_hours),
        minutes(planned.needle_hours),
        crate::format::thousands(planned.dots),
        crate::format::thousands(planned.detail_dots),
        minutes(planned.break_hours),
    )
}

/// The figures every session's estimated duration is made from.
fn timing_ui(ui: &mut egui::Ui, dots_per_hour: &mut f64, timing: &mut Timing) {
    ui.label(egui::RichText::new("Session times").strong())
        .on_hover_text("A model of a session's time, for planning: correct it to your own figures.");
    egui::Grid::new("session timing").num_columns(2).show(ui, |ui| {
        let row = |ui: &mut egui::Ui, label: &str, value: &mut f64, range, suffix: &str, hint: &str| {
            let label = ui.label(label);
            ui.add(egui::DragValue::new(value).range(range).speed(1.0).suffix(suffix))
                .labelled_by(label.id)
                .on_hover_text(hint);
            ui.end_row();
        };
        row(
            ui,
            "Set-up and numbing",
            &mut timing.setup_minutes,
            0.0..=600.0,
            " min",
            "Per session: health check, photos, pencil hairline, numbing cream, cleaning up",
        );
        row(ui, "Dots per hour", dots_per_hour, 100.0..=50_000.0, "", "Your pace in open areas");
        row(
            ui,
            "At hairline and scars",
            &mut timing.detail_dots_per_hour,
            100.0..=50_000.0,
            " dots/h",
            "Your pace where each dot is placed by eye: hairline-transition and scar zones",
        );
        row(
            ui,
            "Breaks",
            &mut timing.break_minutes_per_hour,
            0.0..=60.0,
            " min/h",
            "Minutes of breaks per hour of needle work",
        );
    });
}

/// A session's record, filled in on the day: pigment and needle with their lots, start and end.
fn record_ui(ui: &mut egui::Ui, name: &str, index: usize, record: &mut SessionRecord) {
    egui::Grid::new(("session record grid", index)).num_columns(2).show(ui, |ui| {
        let text_row = |ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str| {
            ui.label(label);
            ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(140.0))
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("{name} {label}")));
            ui.end_row();
        };
        text_row(ui, "Pigment", &mut record.pigment, "maker and product");
        text_row(ui, "Pigment lot", &mut record.pigment_lot, "as on the bottle");
        text_row(ui, "Needle", &mut record.needle, "e.g. 1RL 0.25 mm");
        text_row(ui, "Needle lot", &mut record.needle_lot, "as on the pack");
        time_row(ui, "Started", &format!("{name} started"), &mut record.start_time);
        time_row(ui, "Ended", &format!("{name} ended"), &mut record.end_time);
    });
    if let (Some(_), Some(_), None) = (&record.start_time, &record.end_time, record.minutes()) {
        ui.colored_label(ui.visuals().warn_fg_color, "The end is not after the start.");
    }
}

/// A time of day as "HH:MM", or none: a box to set it, then hours and minutes.
fn time_row(ui: &mut egui::Ui, label: &str, name: &str, time: &mut Option<String>) {
    ui.label(label);
    ui.horizontal(|ui| {
        let minutes = time.as_deref().and_then(parse_time);
        let mut set = minutes.is_some();
        ui.checkbox(&mut set, "").on_hover_text(format!("{name}: set a time"));
        let (mut hours, mut mins) = minutes.map_or((9, 0), |m| (m / 60, m % 60));
        ui.add_enabled_ui(set, |ui| {
            ui.add(egui::DragValue::new(&mut hours).range(0..=23).custom_formatter(|h, _| format!("{h:02}")));
            ui.label(":");
            ui.add(egui::DragValue::new(&mut mins).range(0..=59).custom_formatter(|m, _| format!("{m:02}")));
        });
        *time = set.then(|| format!("{hours:02}:{mins:02}"));
    });
    ui.end_row();
}
