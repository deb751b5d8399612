//! The inspector: properties of the client, the view, and the selected curve or zone.
//!
//! Widgets edit copies and write back through [`Document::set`], which records an edit only
//! when a value really changed.

use crate::design::{CurveRole, Design, Document, ZoneKind};
use crate::geometry::{curve_length_px, polygon_area_px2};
use crate::summary::summarize_view;

use super::anatomy_panel;
use super::command::Command;
use super::interaction::{Interaction, Selection, ShapeId};
use super::photos::PhotoView;

/// Square millimetres in a square centimetre.
const MM2_PER_CM2: f64 = 100.0;

/// What the inspector shows besides the design.
pub struct InspectorState<'a> {
    /// Dots per zone of the preview, when it is shown.
    pub simulated_dots: Option<&'a [usize]>,
    /// The skin eyedropper's patch radius, in mm.
    pub skin_radius_mm: &'a mut f64,
    pub follow_ups: &'a super::follow_up::FollowUps,
    /// Whether the canvas shows the anatomical guides.
    pub guides_visible: &'a mut bool,
}

/// Draws the inspector; returns commands for actions that are more than edits.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    view_index: usize,
    interaction: &mut Interaction,
    photo: Option<PhotoView<'_>>,
    state: InspectorState<'_>,
) -> Vec<Command> {
    let InspectorState { simulated_dots, skin_radius_mm, follow_ups, guides_visible } = state;
    let mut commands = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::CollapsingHeader::new("Client")
            .default_open(false)
            .show(ui, |ui| super::client_panel::client_ui(ui, document));
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
            anatomy_panel::guides_ui(ui, document, view_index, guides_visible);
        });
        egui::CollapsingHeader::new("Hairline measurements").default_open(true).show(ui, |ui| {
            anatomy_panel::measurements_ui(ui, document, view_index);
        });
        egui::CollapsingHeader::new("Curves and zones").default_open(true).show(ui, |ui| {
            shapes_list_ui(ui, document, view_index, interaction, simulated_dots);
        });
        egui::CollapsingHeader::new("Skin and pigment").default_open(true).show(ui, |ui| {
            commands.extend(super::skin_panel::skin_ui(ui, document, view_index, skin_radius_mm));
        });
        let has_follow_ups = document.design().views.get(view_index).is_some_and(|v| !v.follow_ups.is_empty());
        // Open while aligning, so the steps and "Cancel" are in view.
        let force_open = follow_ups.aligning.is_some().then_some(true);
        // Keyed by whether there are any, so a design with follow-ups opens with them shown.
        egui::CollapsingHeader::new("Follow-up photos")
            .id_salt(("follow-up photos", has_follow_ups))
            .default_open(has_follow_ups)
            .open(force_open)
            .show(ui, |ui| {
                commands.extend(super::follow_up::follow_ups_ui(ui, document, view_index, follow_ups));
            });
        egui::CollapsingHeader::new("Sessions").default_open(false).show(ui, |ui| {
            let total_dots = document.design().views.iter().filter_map(crate::follicles::estimated_dots).sum();
            super::sessions_panel::sessions_ui(ui, document, total_dots);
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

/// Curves, and zones with their areas and dot counts: the simulated counts while the preview is
/// on (after edge feathering and the hairline's band), else area times density.
fn shapes_list_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    view_index: usize,
    interaction: &mut Interaction,
    simulated_dots: Option<&[usize]>,
) {
    let Some(view) = document.design().views.get(view_index) else {
        return;
    };
    if view.curves.is_empty() && view.zones.is_empty() {
        ui.weak("Nothing drawn yet: use the Hairline (L) or Zone (Z) tool.");
    }
    let select = |interaction: &mut Interaction, shape| interaction.selection = Some(Selection { shape, point: None });
    for (i, curve) in view.curves.iter().enumerate() {
        let selected = interaction.selection.is_some_and(|s| s.shape == ShapeId::Curve(i));
        if ui.selectable_label(selected, format!("〰 {}", curve.name)).clicked() {
            select(interaction, ShapeId::Curve(i));
        }
    }
    if ui
        .small_button("+ New outline curve")
        .on_hover_text("A curve that is not the hairline: a temple point, a scar outline. Add its points with the Hairline tool (L) while it is selected.")
        .clicked()
    {
        let view = &mut document.design_mut().views[view_index];
        let name = format!("Outline {}", view.curves.len());
        view.add_curve(crate::design::Curve {
            name,
            role: CurveRole::Outline,
            ..Default::default()
        });
        select(interaction, ShapeId::Curve(view.curves.len() - 1));
        return;
    }
    if !view.zones.is_empty() {
        let summary = summarize_view(view);
        egui::Grid::new("zones").num_columns(4).striped(true).show(ui, |ui| {
            ui.weak("Zone");
            ui.weak("Area");
            ui.weak("Density");
            ui.weak(if simulated_dots.is_some() { "Dots" } else { "Dots (est.)" });
            ui.end_row();
            for (i, (zone, row)) in view.zones.iter().zip(&summary.zones).enumerate() {
                let selected = interaction.selection.is_some_and(|s| s.shape == ShapeId::Zone(i));
                let name =
                    if zone.hidden { format!("⬟ {} (hidden)", zone.name) } else { format!("⬟ {}", zone.name) };
                if ui.selectable_label(selected, name).clicked() {
                    select(interaction, ShapeId::Zone(i));
                }
                ui.label(row.area_cm2.map_or_else(|| "–".to_owned(), |a| format!("{a:.1} cm²")));
                ui.label(format!("{:.0}/cm²", zone.density_per_cm2));
                let count = match simulated_dots {
                    Some(counts) => counts.get(i).map(|&c| c as u64),
                    None => row.estimated_dots,
                };
                ui.label(count.map_or_else(|| "–".to_owned(), |d| d.to_string()));
                ui.end_row();
            }
            let total: u64 = match simulated_dots {
                Some(counts) => counts.iter().map(|&c| c as u64).sum(),
                None => summary.zones.iter().filter(|z| !z.hidden).filter_map(|z| z.estimated_dots).sum(),
            };
            ui.strong("Total");
            ui.label("");
            ui.label("");
            ui.strong(total.to_string());
            ui.end_row();
        });
        if view.zones.len() > 1 {
            ui.weak("Where zones overlap, the one lower in this list decides the density.");
        }
    }
    let hairline = view.hairline_index().is_some_and(|i| view.curves[i].points.len() >= 2);
    let calibrated = view.mm_per_px().is_some();
    ui.horizontal(|ui| {
        let id = ui.scope_id().with("fill depth");
        let mut depth_mm: f64 = ui.data_mut(|d| *d.get_temp_mut_or(id, 60.0));
        let button = ui
            .add_enabled(hairline && calibrated, egui::Button::new("Fill behind the hairline"))
            .on_hover_text(
                "A zone from the hairline back by this depth; drag its back corners to where the fill should end",
            )
            .on_disabled_hover_text("Needs a hairline and a calibrated view");
        ui.add(egui::DragValue::new(&mut depth_mm).range(10.0..=250.0).speed(1.0).suffix(" mm"));
        ui.data_mut(|d| d.insert_temp(id, depth_mm));
        if button.clicked()
            && let Some(index) = fill_behind_hairline(document, view_index, depth_mm)
        {
            select(interaction, ShapeId::Zone(index));
        }
    });
}

/// Adds a zone from the hairline back `depth_mm` up the head; returns its index.
fn fill_behind_hairline(document: &mut Document, view_index: usize, depth_mm: f64) -> Option<usize> {
    let view = document.design().views.get(view_index)?;
    let hairline = &view.curves[view.hairline_index()?].points;
    let (mm_per_px, [a, b]) = (view.mm_per_px()?, view.midline()?);
    let (dx, dy) = if b.y <= a.y { (b.x - a.x, b.y - a.y) } else { (a.x - b.x, a.y - b.y) };
    let length = dx.hypot(dy).max(f64::EPSILON);
    let shift = depth_mm / mm_per_px;
    let back = hairline
        .iter()
        .rev()
        .map(|p| crate::design::PhotoPoint::new(p.x + dx / length * shift, p.y + dy / length * shift));
    let mut zone = crate::design::Zone::new(ZoneKind::Frontal, "Behind the hairline");
    zone.vertices = hairline.iter().copied().chain(back).collect();
    let view = &mut document.design_mut().views[view_index];
    view.add_zone(zone);
    Some(view.zones.len() - 1)
}

fn selected_ui(ui: &mut egui::Ui, document: &mut Document, view_index: usize, selection: Selection) {
    match selection.shape {
        ShapeId::Curve(c) => curve_ui(ui, document, view_index, c),
        ShapeId::Zone(z) => zone_ui(ui, document, view_index, z),
    }
}

fn curve_ui(ui: &mut egui::Ui, document: &mut Document, view_index: usize, c: usize) {
    let Some(view) = document.design().views.get(view_index) else {
        return;
    };
    let mm_per_px = view.mm_per_px();
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

fn zone_ui(ui: &mut egui::Ui, document: &mut Document, view_index: usize, z: usize) {
    let Some(view) = document.design().views.get(view_index) else {
        return;
    };
    let mm_per_px = view.mm_per_px();
    let Some(zone) = view.zones.get(z) else {
        return;
    };
    let area_px2 = polygon_area_px2(&zone.vertices);
    let (mut kind, mut density, mut dot_mm, mut hidden) =
        (zone.kind, zone.density_per_cm2, zone.dot_diameter_mm, zone.hidden);
    let (mut variation, mut feather_mm, mut water_parts) =
        (zone.size_variation, zone.edge_feather_mm, zone.water_parts);
    let design_water_parts = document.design().pigment.water_parts;
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
        ui.add(egui::DragValue::new(&mut dot_mm).range(0.05..=1.0).speed(0.005).fixed_decimals(2).suffix(" mm"));
        ui.end_row();
        ui.label("Size variation").on_hover_text("How much dot sizes vary around the mean, like real follicles");
        let mut percent = variation * 100.0;
        ui.add(egui::Slider::new(&mut percent, 0.0..=50.0).suffix(" %").fixed_decimals(0));
        variation = percent / 100.0;
        ui.end_row();
        ui.label("Edge feather").on_hover_text("The zone's density fades in over this distance inside its outline");
        ui.add(egui::DragValue::new(&mut feather_mm).range(0.0..=20.0).speed(0.1).suffix(" mm"));
        ui.end_row();
        ui.label("Shade").on_hover_text("Parts of water to one part of carbon-black pigment");
        ui.horizontal(|ui| {
            let mut own = water_parts.is_some();
            ui.checkbox(&mut own, "own");
            let mut parts = water_parts.unwrap_or(design_water_parts);
            ui.add_enabled(own, egui::DragValue::new(&mut parts).range(0.0..=60.0).speed(0.5).suffix(":1"));
            water_parts = own.then_some(parts);
        });
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
    document.set(|d| zone_mut(d, view_index, z).map(|z| &mut z.size_variation), variation);
    document.set(|d| zone_mut(d, view_index, z).map(|z| &mut z.edge_feather_mm), feather_mm);
    document.set(|d| zone_mut(d, view_index, z).map(|z| &mut z.water_parts), water_parts);
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
