//! The client record's health part: why the hair is lost, scars, medications, and each health
//! question answered yes, no, or left not asked; and the warning shown while anything says to
//! wait (a yes, a patch-test reaction, a scar too young).

use crate::design::{
    Client, HairLossCause, HealthAnswer, HealthQuestion, PatchTestResult, SCAR_HEALING_MONTHS, Scar, ScarKind, YesNo,
    questions_for, yes_answers,
};

/// Causes, scars, medications and the health questions, edited in `client`.
pub fn health_ui(ui: &mut egui::Ui, client: &mut Client, clinic_questions: &[HealthQuestion]) {
    ui.strong("Cause of hair loss");
    ui.horizontal_wrapped(|ui| {
        for cause in HairLossCause::ALL {
            let mut ticked = client.hair_loss_causes.contains(&cause);
            if ui.checkbox(&mut ticked, cause.label()).changed() {
                client.hair_loss_causes.retain(|&c| c != cause);
                if ticked {
                    client.hair_loss_causes.push(cause);
                }
            }
        }
    });
    scars_ui(ui, &mut client.scars);
    ui.label("Medications");
    ui.add(
        egui::TextEdit::singleline(&mut client.medications)
            .hint_text("Which, and since when (blood thinners above all)")
            .desired_width(f32::INFINITY),
    )
    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Medications"));
    ui.add_space(4.0);
    ui.strong("Health questions");
    ui.weak("Not asked, no, or yes: a question left not asked is printed as not asked, never as no.");
    health_warning_ui(ui, client, clinic_questions);
    for question in &questions_for(clinic_questions, &client.health) {
        answer_ui(ui, question, &mut client.health);
    }
}

/// Not asked / No / Yes for one question (the choices first, so a long question never pushes
/// them out of a narrow inspector), and the note of a yes.
pub(super) fn answer_ui(ui: &mut egui::Ui, question: &HealthQuestion, answers: &mut crate::design::HealthAnswers) {
    ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| {
            let current = answers.get(&question.id).map(|a| a.answer);
            for (choice, text) in [(None, "not asked"), (Some(YesNo::No), "no"), (Some(YesNo::Yes), "yes")] {
                let button = ui.selectable_label(current == choice, text);
                let name = format!("{}: {text}", question.label);
                button.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, current == choice, &name));
                if button.clicked() && current != choice {
                    match choice {
                        None => _ = answers.remove(&question.id),
                        Some(answer) => {
                            let note = answers.get(&question.id).map(|a| a.note.clone()).unwrap_or_default();
                            let words = question.label.clone();
                            answers.insert(question.id.clone(), HealthAnswer { answer, note, question: words });
                        }
                    }
                }
            }
            let strong = answers.get(&question.id).is_some_and(|a| a.answer == YesNo::Yes);
            let text = egui::RichText::new(&question.label);
            ui.label(if strong { text.strong() } else { text });
        });
        if let Some(answer) = answers.get_mut(&question.id).filter(|a| a.answer == YesNo::Yes) {
            let name = format!("{}: note", question.label);
            ui.add(egui::TextEdit::singleline(&mut answer.note).hint_text("Which, since when, the doctor's word"))
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
        }
    });
}

fn scars_ui(ui: &mut egui::Ui, scars: &mut Vec<Scar>) {
    ui.strong("Scars");
    let mut remove = None;
    for (index, scar) in scars.iter_mut().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let number = index + 1;
            ui.add(egui::TextEdit::singleline(&mut scar.location).hint_text("Where").desired_width(110.0)).widget_info(
                || egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("Scar {number} location")),
            );
            egui::ComboBox::from_id_salt(("scar kind", index)).selected_text(scar.kind.label()).show_ui(ui, |ui| {
                for kind in ScarKind::ALL {
                    ui.selectable_value(&mut scar.kind, kind, kind.label());
                }
            });
            let mut months = scar.age_months.unwrap_or(0);
            let age = ui.add(egui::DragValue::new(&mut months).range(0..=1200).suffix(" months old"));
            age.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, format!("Scar {number} age")));
            if age.changed() || scar.age_months.is_some() {
                scar.age_months = Some(months);
            }
            if ui.small_button("×").on_hover_text("Remove this scar").clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        scars.remove(index);
    }
    if scars.len() < 64 && ui.small_button("+ Add scar").clicked() {
        scars.push(Scar::default());
    }
}

/// What says to wait before treating: yes answers, a patch-test reaction, scars too young.
pub fn reasons_to_wait(client: &Client, clinic_questions: &[HealthQuestion]) -> Vec<String> {
    let questions = questions_for(clinic_questions, &client.health);
    let mut reasons: Vec<String> = yes_answers(&questions, &client.health)
        .into_iter()
        .map(
            |(label, note)| {
                if note.trim().is_empty() { label.to_owned() } else { format!("{label} ({})", note.trim()) }
            },
        )
        .collect();
    if client.patch_test_result == PatchTestResult::Reaction {
        reasons.push("a reaction to the patch test".to_owned());
    }
    for scar in client.scars.iter().filter(|s| s.is_recent()) {
        let months = scar.age_months.unwrap_or(0);
        let place = if scar.location.trim().is_empty() { "a scar" } else { scar.location.trim() };
        reasons.push(format!(
            "{place}: a scar of {months} months (scars are usually left {SCAR_HEALING_MONTHS} months to heal)"
        ));
    }
    reasons
}

/// The warning over the canvas and in the record while anything says to wait; nothing else.
pub fn health_warning_ui(ui: &mut egui::Ui, client: &Client, clinic_questions: &[HealthQuestion]) {
    let reasons = reasons_to_wait(client, clinic_questions);
    if reasons.is_empty() {
        return;
    }
    egui::Frame::new().fill(ui.visuals().warn_fg_color.gamma_multiply(0.15)).inner_margin(6.0).corner_radius(4.0).show(
        ui,
        |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, "⚠ Before treating:");
                ui.label(format!("{}. Clear it with the client's doctor first.", reasons.join("; ")));
            });
        },
    );
}
