//! The inspector's session plan: each session's dates, shade, share of the dots, estimated
//! duration, whether it is done, and notes. The preview's "after session" switch shows the plan.

use crate::design::{Document, Limits, Session, today_iso};
use crate::report::DesignReport;

use super::client_panel::date_row_named;

/// Draws the plan and writes edits back to the design; the durations come from the design's
/// `report` (its dots as simulated at the artist's pace).
pub fn sessions_ui(ui: &mut egui::Ui, document: &mut Document, report: Option<&DesignReport>) {
    let design = document.design();
    let design_shade = design.pigment.water_parts;
    let hours: Vec<Option<f64>> =
        (0..design.sessions.len()).map(|i| report.and_then(|r| r.sessions.get(i)).and_then(|s| s.hours)).collect();
    let mut sessions = design.sessions.clone();
    let mut dots_per_hour = design.dots_per_hour;
    let mut remove = None;
    for (index, session) in sessions.iter_mut().enumerate() {
        let name = format!("Session {}", index + 1);
        ui.group(|ui| {
            ui.horizontal(|ui| {
                let done = ui
                    .checkbox(&mut session.done, egui::RichText::new(&name).strong())
                    .on_hover_text("Ticked once the session is done");
                if done.changed() && session.done && session.actual_date.is_none() {
                    session.actual_date = Some(today_iso());
                }
                match hours[index] {
                    Some(hours) => ui.label(format!("≈ {}", crate::format::duration(hours))),
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
        });
    }
    if let Some(index) = remove {
        sessions.remove(index);
    }
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
            sessions = Session::default_plan();
        }
        let first_date = sessions.first().and_then(|s| s.planned_date.clone());
        if ui
            .add_enabled(first_date.is_some(), egui::Button::new("Schedule from session 1"))
            .on_hover_text("Plan each later session its days after the one before")
            .clicked()
        {
            crate::edit::schedule(&mut sessions);
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Dots per hour");
        ui.add(egui::DragValue::new(&mut dots_per_hour).range(100.0..=50_000.0).speed(50.0))
            .labelled_by(label.id)
            .on_hover_text("Your pace, for the estimated durations");
    });
    let total: f64 = sessions.iter().map(|s| s.share_of_dots).sum();
    if !sessions.is_empty() && (total - 1.0).abs() > 0.005 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("The shares add up to {:.0} %; the preview scales them to 100 %.", total * 100.0),
        );
    }
    document.set("edit the session plan", |d| Some(&mut d.sessions), sessions);
    document.set("change the dots per hour", |d| Some(&mut d.dots_per_hour), dots_per_hour);
}
