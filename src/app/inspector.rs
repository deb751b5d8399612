//! The inspector: properties of the client, the view, and the selected curve or zone.
//!
//! Widgets edit copies and write back through [`Document::set`], which records an edit only
//! when a value really changed.

use crate::design::{CurveRole, Design, Document, ZoneKind};
use crate::geometry::{curve_length_px, polygon_area_px2};

use super::anatomy_panel;
use super::command::Command;
use super::interaction::{Interaction, Selection, ShapeId};
use super::photos::PhotoView;

/// Square millimetres in a square centimetre.
const MM2_PER_CM2: f64 = 100.0;

/// Draws the inspector; returns commands for actions that are more than edits.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    view_index: usize,
    interaction: &mut Interaction,
    photo: Option<PhotoView<'_>>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::CollapsingHeader::new("Client").default_open(true).show(ui, |ui| client_ui(ui, document));
        egui::CollapsingHeader::new("View").default_open(true).show(ui, |ui| {
            commands.extend(view_ui(ui, document, view_index, photo));
        });
        egui::CollapsingHeader::new("Calibration").default_open(true).show(ui, |ui| {
            commands.extend(anatomy_panel::calibration_ui(ui, document, view_index));
        });
        egui::CollapsingHeader::new("Landmarks").default_open(false).show(ui, |ui| {
            commands.extend(anatomy_panel::landmarks_ui(ui, document, view_index, interaction.next_landmark));
        });
        egui::CollapsingHeader::new("Guides and starting shapes").default_open(false).show(ui, |ui| {
            anatomy_panel::guides_ui(ui, document, view_index);
        });
        egui::CollapsingHeader::new("Hairline measurements").default_open(true).show(ui, |ui| {
            anatomy_panel::measurements_ui(ui, document, view_index);
        });
        egui::CollapsingHeader::new("Curves and zones").default_open(true).show(ui, |ui| {
            shapes_list_ui(ui, document, view_index, interaction);
        });
        if let Some(selection) = interaction.selection {
            egui::CollapsingHeader::new("Selected").default_open(true).show(ui, |ui| {
                selected_ui(ui, document, view_index, selection);
            });
        }
        egui::CollapsingHeader::new("Notes").default_open(false).show(ui, |ui| {
            let mut notes = document.design().notes.clone();
            ui.add(egui::TextEdit::multiline(&mut notes).desired_rows(4).hint_text("Notes on this design"));
            document.set(|d| Some(&mut d.notes), notes);
        });
    });
    commands
}

fn client_ui(ui: &mut egui::Ui, document: &mut Document) {
    egui::Grid::new("client").num_columns(2).show(ui, |ui| {
        text_row(ui, document, "Name", "Client's name", |d| Some(&mut d.client.name));
        text_row(ui, document, "Contact", "Phone or e-mail", |d| Some(&mut d.client.contact));
        let mut date = document.design().client.consultation_date.clone().unwrap_or_default();
        ui.label("Consultation");
        ui.add(egui::TextEdit::singleline(&mut date).hint_text("YYYY-MM-DD"));
        ui.end_row();
        let date = Some(date.trim().to_owned()).filter(|d| !d.is_empty());
        document.set(|d| Some(&mut d.client.consultation_date), date);
    });
}

fn text_row(
    ui: &mut egui::Ui,
    document: &mut Document,
    label: &str,
    hint: &str,
    lens: impl Fn(&mut Design) -> Option<&mut String>,
) {
    let Some(mut text) = document.get(&lens) else {
        return;
    };
    ui.label(label);
    ui.add(egui::TextEdit::singleline(&mut text).hint_text(hint))
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    ui.end_row();
    document.set(lens, text);
}

fn view_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    view_index: usize,
    photo: Option<PhotoView<'_>>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(view) = document.design().views.get(view_index) else {
        return commands;
    };
    let mut kind = view.kind;
    let photo_ref = view.photo.clone();
    ui.horizontal(|ui| {
        let label = ui.label("Angle");
        egui::ComboBox::from_id_salt("angle")
            .selected_text(kind.label())
            .show_ui(ui, |ui| {
                for option in crate::design::ViewKind::ALL {
                    ui.selectable_value(&mut kind, option, option.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
    document.set(|d| d.views.get_mut(view_index).map(|v| &mut v.kind), kind);

    match (&photo_ref, photo) {
        (None, _) => {
            ui.label("No photo yet.");
            if ui.button("Open photo…").clicked() {
                commands.push(Command::OpenPhoto(None));
            }
        }
        (Some(photo_ref), state) => {
            let name = std::path::Path::new(&photo_ref.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            ui.label(format!("Photo: {name}")).on_hover_text(&photo_ref.path);
            ui.label(format!("{} x {} px", photo_ref.width_px, photo_ref.height_px));
            match state {
                Some(PhotoView::Loading) | None => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Loading…");
                    });
                }
                Some(PhotoView::Failed(_) | PhotoView::Changed(_)) => {
                    ui.colored_label(ui.visuals().warn_fg_color, "⚠ Photo not found or changed");
                }
                Some(PhotoView::Ready(_) | PhotoView::None) => {}
            }
        }
    }
    commands
}

fn shapes_list_ui(ui: &mut egui::Ui, document: &Document, view_index: usize, interaction: &mut Interaction) {
    let Some(view) = document.design().views.get(view_index) else {
        return;
    };
    if view.curves.is_empty() && view.zones.is_empty() {
        ui.weak("Nothing drawn yet: use the Hairline (L) or Zone (Z) tool.");
    }
    let shapes = view
        .curves
        .iter()
        .enumerate()
        .map(|(i, c)| (ShapeId::Curve(i), format!("〰 {}", c.name)))
        .chain(view.zones.iter().enumerate().map(|(i, z)| (ShapeId::Zone(i), format!("⬟ {}", z.name))));
    for (shape, label) in shapes {
        let selected = interaction.selection.is_some_and(|s| s.shape == shape);
        if ui.selectable_label(selected, label).clicked() {
            interaction.selection = Some(Selection { shape, point: None });
        }
    }
}

fn selected_ui(ui: &mut egui::Ui, document: &mut Document, view_index: usize, selection: Selection) {
    let Some(view) = document.design().views.get(view_index) else {
        return;
    };
    let mm_per_px = view.mm_per_px();
    match selection.shape {
        ShapeId::Curve(c) => {
            let Some(curve) = view.curves.get(c) else {
                return;
            };
            let length_px = curve_length_px(&curve.points);
            let points = curve.points.len();
            let mut role = curve.role;
            egui::Grid::new("curve").num_columns(2).show(ui, |ui| {
                text_row(ui, document, "Name", "Curve name", |d| {
                    d.views.get_mut(view_index)?.curves.get_mut(c).map(|c| &mut c.name)
                });
                let label = ui.label("Role");
                egui::ComboBox::from_id_salt("role")
                    .selected_text(role_label(role))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut role, CurveRole::Hairline, role_label(CurveRole::Hairline));
                        ui.selectable_value(&mut role, CurveRole::Outline, role_label(CurveRole::Outline));
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                ui.label("Points");
                ui.label(points.to_string());
                ui.end_row();
                ui.label("Length");
                ui.label(length_text(length_px, mm_per_px));
                ui.end_row();
            });
            document.set(|d| d.views.get_mut(view_index)?.curves.get_mut(c).map(|c| &mut c.role), role);
            if role == CurveRole::Hairline {
                ui.separator();
                ui.label(egui::RichText::new("Transition band").strong());
                anatomy_panel::transition_ui(ui, document, view_index, c);
            }
        }
        ShapeId::Zone(z) => {
            let Some(zone) = view.zones.get(z) else {
                return;
            };
            let area_px2 = polygon_area_px2(&zone.vertices);
            let (mut kind, mut density, mut dot_mm, mut hidden) =
                (zone.kind, zone.density_per_cm2, zone.dot_diameter_mm, zone.hidden);
            egui::Grid::new("zone").num_columns(2).show(ui, |ui| {
                text_row(ui, document, "Name", "Zone name", |d| {
                    d.views.get_mut(view_index)?.zones.get_mut(z).map(|z| &mut z.name)
                });
                let label = ui.label("Kind");
                egui::ComboBox::from_id_salt("kind")
                    .selected_text(kind.label())
                    .show_ui(ui, |ui| {
                        for option in ZoneKind::ALL {
                            ui.selectable_value(&mut kind, option, option.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                ui.label("Density");
                ui.add(egui::DragValue::new(&mut density).range(0.0..=1000.0).speed(1.0).suffix(" dots/cm²"));
                ui.end_row();
                ui.label("Dot size");
                ui.add(
                    egui::DragValue::new(&mut dot_mm).range(0.05..=1.0).speed(0.005).fixed_decimals(2).suffix(" mm"),
                );
                ui.end_row();
                ui.label("Hidden");
                ui.checkbox(&mut hidden, "Hide in preview");
                ui.end_row();
                ui.label("Area");
                ui.label(match mm_per_px {
                    Some(scale) => format!("{:.1} cm²", area_px2 * scale * scale / MM2_PER_CM2),
                    None => format!("{area_px2:.0} px² (not calibrated)"),
                });
                ui.end_row();
                if let Some(scale) = mm_per_px {
                    ui.label("Dots (estimate)");
                    ui.label(format!("{:.0}", area_px2 * scale * scale / MM2_PER_CM2 * density));
                    ui.end_row();
                }
            });
            document.set(|d| zone_mut(d, view_index, z).map(|z| &mut z.kind), kind);
            document.set(|d| zone_mut(d, view_index, z).map(|z| &mut z.density_per_cm2), density);
            document.set(|d| zone_mut(d, view_index, z).map(|z| &mut z.dot_diameter_mm), dot_mm);
            document.set(|d| zone_mut(d, view_index, z).map(|z| &mut z.hidden), hidden);
        }
    }
}

fn zone_mut(design: &mut Design, view_index: usize, zone: usize) -> Option<&mut crate::design::Zone> {
    design.views.get_mut(view_index)?.zones.get_mut(zone)
}

fn role_label(role: CurveRole) -> &'static str {
    match role {
        CurveRole::Hairline => "Hairline",
        CurveRole::Outline => "Outline (temple, scar…)",
    }
}

fn length_text(length_px: f64, mm_per_px: Option<f64>) -> String {
    match mm_per_px {
        Some(scale) => format!("{:.1} mm", length_px * scale),
        None => format!("{length_px:.0} px"),
    }
}
