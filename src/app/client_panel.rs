//! The inspector's client record: details, hair loss, the health part (`health_panel`), patch
//! test and consent.

use crate::design::{Document, HairLoss, NORWOOD_STAGES, PatchTestResult, is_iso_date, today_iso};

/// Draws the record and writes edits back to the design.
pub fn client_ui(ui: &mut egui::Ui, document: &mut Document, clinic_questions: &[crate::design::HealthQuestion]) {
    let mut client = document.design().client.clone();
    egui::Grid::new("client").num_columns(2).show(ui, |ui| {
        text_row(ui, "Name", "Client name", "Client's name", &mut client.name);
        date_row(ui, "Date of birth", &mut client.date_of_birth);
        text_row(ui, "Contact", "Contact", "Phone or e-mail", &mut client.contact);
        date_row(ui, "Consultation", &mut client.consultation_date);
        let label = ui.label("Hair loss");
        hair_loss_ui(ui, &mut client.hair_loss).labelled_by(label.id);
        ui.end_row();
        text_row(ui, "Hair colour", "Hair colour", "e.g. dark brown", &mut client.hair_colour);
        let label = ui.label("Grey hairs");
        let mut grey = client.grey_percent.unwrap_or(0);
        ui.add(egui::DragValue::new(&mut grey).range(0..=100).suffix(" %")).labelled_by(label.id);
        if client.grey_percent.is_some() || grey > 0 {
            client.grey_percent = Some(grey);
        }
        ui.end_row();
    });
    ui.label("Goals");
    ui.add(
        egui::TextEdit::multiline(&mut client.goals)
            .desired_rows(2)
            .hint_text("The look the client wants, what to hide")
            .desired_width(f32::INFINITY),
    )
    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Goals"));
    ui.add_space(4.0);
    super::health_panel::health_ui(ui, &mut client, clinic_questions);
    ui.add_space(4.0);
    egui::Grid::new("patch test and consent").num_columns(2).show(ui, |ui| {
        date_row(ui, "Patch test", &mut client.patch_test_date);
        let label = ui.label("Result");
        egui::ComboBox::from_id_salt("patch test result")
            .selected_text(client.patch_test_result.label())
            .show_ui(ui, |ui| {
                for result in PatchTestResult::ALL {
                    ui.selectable_value(&mut client.patch_test_result, result, result.label());
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
    });
    ui.horizontal(|ui| {
        let mut consent = client.consent_date.is_some();
        ui.checkbox(&mut consent, "Consent given");
        if consent {
            ui.label("on");
            let date = client.consent_date.get_or_insert_with(today_iso);
            date_edit(ui, "Consent date", date);
        } else {
            client.consent_date = None;
        }
    });
    ui.label("Notes on the client");
    ui.add(egui::TextEdit::multiline(&mut client.notes).desired_rows(2).desired_width(f32::INFINITY))
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Notes on the client"));
    document.set("edit the client record", |d| Some(&mut d.client), client);
}

fn text_row(ui: &mut egui::Ui, label: &str, accessible_name: &str, hint: &str, text: &mut String) {
    ui.label(label);
    ui.add(egui::TextEdit::singleline(text).hint_text(hint))
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, accessible_name));
    ui.end_row();
}

/// An optional date as a grid row, named `label` for screen readers: empty text clears it.
fn date_row(ui: &mut egui::Ui, label: &str, date: &mut Option<String>) {
    date_row_named(ui, label, label, date);
}

/// [`date_row`] with its own name for screen readers and tests, where the label repeats.
pub fn date_row_named(ui: &mut egui::Ui, label: &str, accessible_name: &str, date: &mut Option<String>) {
    ui.label(label);
    let mut text = date.clone().unwrap_or_default();
    date_edit(ui, accessible_name, &mut text);
    *date = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    ui.end_row();
}

/// A date field that says so when its text is not a YYYY-MM-DD date.
fn date_edit(ui: &mut egui::Ui, accessible_name: &str, text: &mut String) {
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(text).hint_text("YYYY-MM-DD").desired_width(100.0))
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, accessible_name));
        if !text.trim().is_empty() && !is_iso_date(text.trim()) {
            ui.colored_label(ui.visuals().warn_fg_color, "⚠").on_hover_text("Write the date as YYYY-MM-DD");
        }
    });
}

/// Norwood stages for men, Ludwig grades for women, or not set.
fn hair_loss_ui(ui: &mut egui::Ui, hair_loss: &mut Option<HairLoss>) -> egui::Response {
    let text = hair_loss.as_ref().map_or_else(|| "not set".to_owned(), HairLoss::label);
    egui::ComboBox::from_id_salt("hair loss")
        .selected_text(text)
        .show_ui(ui, |ui| {
            ui.selectable_value(hair_loss, None, "not set");
            for stage in NORWOOD_STAGES {
                let option = Some(HairLoss::Norwood(stage.to_owned()));
                let label = format!("Norwood {stage}");
                ui.selectable_value(hair_loss, option, label);
            }
            for grade in 1..=3 {
                let option = Some(HairLoss::Ludwig(grade));
                let label = option.as_ref().map(HairLoss::label).unwrap_or_default();
                ui.selectable_value(hair_loss, option, label);
            }
        })
        .response
}
