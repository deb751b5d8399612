//! A session's day: the health questions asked again before the needle, recorded with who
//! asked and when; and marking the session done, which a yes that day blocks until the artist
//! gives the reason it went ahead.
//!
//! The check being filled in and the question about a reason are kept in egui's memory, keyed
//! by the session, until they are recorded or cancelled: nothing reaches the design half-asked.

use crate::design::{DayCheck, HealthQuestion, Session, questions_for, today_iso, yes_answers};

/// What the artist is in the middle of for one session.
#[derive(Clone, Default)]
enum Pending {
    #[default]
    Nothing,
    /// The day's check, being asked.
    Asking(DayCheck),
    /// "Done" was ticked after a yes that day: the reason to go ahead, being written.
    Reason(String),
}

fn pending_id(index: usize) -> egui::Id {
    egui::Id::unique(("session day", index))
}

/// The day's check of `session` (number `index`, called `name`): what it found, the button to
/// ask it, and its window while it is being asked.
pub fn day_check_ui(ui: &mut egui::Ui, name: &str, index: usize, session: &mut Session, clinic: &[HealthQuestion]) {
    ui.vertical(|ui| {
        match &session.day_check {
            None => ui.weak("Health not checked on the day"),
            Some(check) => {
                let questions = questions_for(clinic, &check.answers);
                let yes: Vec<&str> = yes_answers(&questions, &check.answers).into_iter().map(|(q, _)| q).collect();
                let who = format!("Checked {} by {}", check.date, check.checked_by);
                if yes.is_empty() {
                    ui.label(format!("{who}: no changes"))
                } else {
                    ui.colored_label(ui.visuals().warn_fg_color, format!("{who}: YES to {}", yes.join(", ")))
                }
            }
        };
        let button = if session.day_check.is_some() { "Check again…" } else { "Check health today…" };
        if ui.small_button(button).on_hover_text(format!("{name}: ask the health questions again")).clicked() {
            let checked_by = session.day_check.as_ref().map(|c| c.checked_by.clone()).unwrap_or_default();
            let draft = DayCheck { checked_by, date: today_iso(), ..DayCheck::default() };
            ui.data_mut(|d| d.insert_temp(pending_id(index), Pending::Asking(draft)));
        }
    });
    let pending = ui.data(|d| d.get_temp::<Pending>(pending_id(index))).unwrap_or_default();
    let next = match pending {
        Pending::Nothing => return,
        Pending::Asking(draft) => ask(ui.ctx(), name, draft, clinic, session),
        Pending::Reason(reason) => ask_reason(ui.ctx(), name, reason, session),
    };
    ui.data_mut(|d| d.insert_temp(pending_id(index), next));
}

/// Ticks or unticks `session` as done, as the artist asked; a yes on the day with no reason
/// given asks for the reason first.
pub fn set_done(ui: &egui::Ui, index: usize, session: &mut Session, done: bool) {
    if done && session.day_check.as_ref().is_some_and(DayCheck::blocks_done) {
        ui.data_mut(|d| d.insert_temp(pending_id(index), Pending::Reason(String::new())));
        return;
    }
    session.done = done;
    if done && session.actual_date.is_none() {
        session.actual_date = Some(today_iso());
    }
}

/// The check's window; what is pending after this frame.
fn ask(
    ctx: &egui::Context,
    name: &str,
    mut draft: DayCheck,
    clinic: &[HealthQuestion],
    session: &mut Session,
) -> Pending {
    let mut outcome = None;
    egui::Modal::new(egui::Id::unique(("day check window", name))).show(ctx, |ui| {
        ui.heading(format!("{name}: health today"));
        ui.label("Ask each question again: things change between sessions.");
        ui.horizontal(|ui| {
            let label = ui.label("Checked by");
            ui.add(egui::TextEdit::singleline(&mut draft.checked_by).hint_text("name or initials"))
                .labelled_by(label.id);
        });
        egui::ScrollArea::vertical().max_height(ctx.content_rect().height() * 0.6).show(ui, |ui| {
            for question in &questions_for(clinic, &draft.answers) {
                super::health_panel::answer_ui(ui, question, &mut draft.answers);
            }
        });
        let questions = questions_for(clinic, &draft.answers);
        let unasked = crate::design::unasked(&questions, &draft.answers).len();
        if unasked > 0 {
            ui.weak(format!("{} not asked; recorded as not asked.", crate::format::count(unasked, "question")));
        }
        if draft.has_yes() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "A yes: the session can be marked done only with the reason it went ahead.",
            );
        }
        ui.horizontal(|ui| {
            let ready = !draft.checked_by.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new("Record check"))
                .on_disabled_hover_text("Say who asked")
                .clicked()
            {
                outcome = Some(true);
            }
            if ui.button("Cancel").clicked() {
                outcome = Some(false);
            }
        });
    });
    match outcome {
        Some(true) => {
            draft.checked_by = draft.checked_by.trim().to_owned();
            session.day_check = Some(draft);
            Pending::Nothing
        }
        Some(false) => Pending::Nothing,
        None => Pending::Asking(draft),
    }
}

/// The question a yes on the day puts before "done"; what is pending after this frame.
fn ask_reason(ctx: &egui::Context, name: &str, mut reason: String, session: &mut Session) -> Pending {
    let mut outcome = None;
    egui::Modal::new(egui::Id::unique(("go ahead window", name))).show(ctx, |ui| {
        ui.heading(format!("{name}: a yes on the day"));
        let yes: Vec<String> = session
            .day_check
            .iter()
            .flat_map(|c| c.answers.iter())
            .filter(|(_, a)| a.answer == crate::design::YesNo::Yes)
            .map(|(id, a)| if a.question.is_empty() { id.replace('_', " ") } else { a.question.clone() })
            .collect();
        ui.label(format!("The health check that day answered yes to: {}.", yes.join(", ")));
        ui.label("Mark the session done only with the reason it went ahead (the doctor's clearance, say).");
        let label = ui.label("Reason");
        ui.add(egui::TextEdit::multiline(&mut reason).desired_rows(2)).labelled_by(label.id);
        ui.horizontal(|ui| {
            let ready = !reason.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new("Mark done")).clicked() {
                outcome = Some(true);
            }
            if ui.button("Cancel").clicked() {
                outcome = Some(false);
            }
        });
    });
    match outcome {
        Some(true) => {
            if let Some(check) = &mut session.day_check {
                check.go_ahead_reason = reason.trim().to_owned();
            }
            session.done = true;
            session.actual_date.get_or_insert_with(today_iso);
            Pending::Nothing
        }
        Some(false) => Pending::Nothing,
        None => Pending::Reason(reason),
    }
}
