//! The inspector's session plan: each session's day, shade and share of the dots, as the
//! preview's "after session" switch shows them.

use crate::design::{Document, Limits, Session};

/// Draws the plan and writes edits back to the design.
pub fn sessions_ui(ui: &mut egui::Ui, document: &mut Document) {
    let design_shade = document.design().pigment.water_parts;
    let mut sessions = document.design().sessions.clone();
    let mut remove = None;
    egui::Grid::new("sessions").num_columns(5).striped(true).show(ui, |ui| {
        for heading in ["", "Days after", "Shade", "Share", ""] {
            ui.strong(heading);
        }
        ui.end_row();
        for (index, session) in sessions.iter_mut().enumerate() {
            let name = format!("Session {}", index + 1);
            ui.label(&name).on_hover_text(&session.notes);
            if index == 0 {
                ui.weak("first");
            } else {
                ui.add(egui::DragValue::new(&mut session.days_after_previous).range(1..=365).suffix(" d"))
                    .on_hover_text(format!(
                        "Days after session {index}: 7 to 14 before session 2, 4 to 6 weeks before session 3"
                    ));
            }
            ui.horizontal(|ui| {
                let mut own = session.water_parts.is_some();
                ui.checkbox(&mut own, "own").on_hover_text("Its own shade; unticked, the design's shade");
                let mut parts = session.water_parts.unwrap_or(design_shade);
                ui.add_enabled(own, egui::DragValue::new(&mut parts).range(0.0..=60.0).speed(0.5).suffix(":1"));
                session.water_parts = own.then_some(parts);
            });
            let mut percent = session.share_of_dots * 100.0;
            ui.add(egui::DragValue::new(&mut percent).range(0.0..=100.0).speed(0.5).suffix(" %"))
                .on_hover_text("Share of all the design's dots laid in this session");
            session.share_of_dots = percent / 100.0;
            if ui.small_button("×").on_hover_text(format!("Remove {name}")).clicked() {
                remove = Some(index);
            }
            ui.end_row();
        }
    });
    if let Some(index) = remove {
        sessions.remove(index);
    }
    ui.horizontal(|ui| {
        let room = sessions.len() < Limits::MAX_SESSIONS;
        if ui.add_enabled(room, egui::Button::new("+ Add session")).clicked() {
            let days_after_previous = if sessions.is_empty() { 0 } else { 42 };
            sessions.push(Session { days_after_previous, water_parts: None, share_of_dots: 0.1, notes: String::new() });
        }
        if ui
            .button("Default plan")
            .on_hover_text("A light foundation, then two layers in the design's shade")
            .clicked()
        {
            sessions = Session::default_plan();
        }
    });
    let total: f64 = sessions.iter().map(|s| s.share_of_dots).sum();
    if !sessions.is_empty() && (total - 1.0).abs() > 0.005 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("The shares add up to {:.0} %; the preview scales them to 100 %.", total * 100.0),
        );
    }
    document.set(|d| Some(&mut d.sessions), sessions);
}
