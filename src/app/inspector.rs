//! The inspector: properties of the client, the view, and the selected curve or zone.
//!
//! Widgets edit copies and write back through [`Document::set`], which records an edit only
//! when a value really changed; buttons queue [`crate::edit::Edit`]s.

use crate::design::ScalpPart;
use crate::design::{CurveId, CurveRole, Document, ViewId, ZoneId, ZoneKind};
use crate::edit::{Edit, Selection, ShapeRef};
use crate::geometry::{curve_length_px, polygon_area_px2};
use crate::hair_match::{TargetSource, Verdict};
use crate::report::{DesignReport, ViewReport};

use super::anatomy_panel;
use super::canvas_panel::CanvasState;
use super::command::Command;
use super::photos::PhotoView;
use super::state::OpenDesign;

/// Square millimetres in a square centimetre.
const MM2_PER_CM2: f64 = 100.0;

/// Draws the inspector; returns commands for actions that are more than field edits.
pub fn inspector_ui(
    ui: &mut egui::Ui,
    open: &mut OpenDesign,
    canvas: &mut CanvasState,
    clinic_questions: &[crate::design::HealthQuestion],
    healed: &super::healed::Healed,
) -> Vec<Command> {
    let view = open.view_id();
    let OpenDesign { document, selection, report, .. } = open;
    let report: Option<&DesignReport> = report.as_ref().map(|(_, report)| report);
    let view_report = report.and_then(|r| r.views.iter().find(|v| v.id == view));
    let photo = canvas.photos.view(document.design().view(view).and_then(|v| v.photo.as_ref()));
    // The photo's small copy, for marking hair by threshold: only the photo the design was drawn on.
    let sampling = match canvas.photos.view(document.design().view(view).and_then(|v| v.photo.as_ref())) {
        Some(PhotoView::Ready(loaded)) => Some((&loaded.sampling, loaded.width_px)),
        _ => None,
    };
    let tool = canvas.tools.active();
    let aligning = tool.follow_up().map(|id| (id, tool.prompt(document.design().view(view))));
    let next_landmark = tool.next_landmark(document.design().view(view));
    let mut commands = Vec::new();
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        egui::CollapsingHeader::new("Client")
            .default_open(false)
            .show(ui, |ui| super::client_panel::client_ui(ui, document, clinic_questions));
        egui::CollapsingHeader::new("View").default_open(true).show(ui, |ui| {
            commands.extend(view_ui(ui, document, view, photo));
        });
        egui::CollapsingHeader::new("Calibration").default_open(true).show(ui, |ui| {
            commands.extend(anatomy_panel::calibration_ui(ui, document, view));
        });
        egui::CollapsingHeader::new("Landmarks").default_open(false).show(ui, |ui| {
            commands.extend(anatomy_panel::landmarks_ui(ui, document, view, next_landmark));
        });
        egui::CollapsingHeader::new("Guides and starting shapes").default_open(false).show(ui, |ui| {
            commands.extend(anatomy_panel::guides_ui(ui, document, view, &mut canvas.view.guides_visible));
        });
        egui::CollapsingHeader::new("Hairline measurements").default_open(true).show(ui, |ui| {
            anatomy_panel::measurements_ui(ui, document, view, view_report);
        });
        egui::CollapsingHeader::new("On the skin: marking the head").default_open(false).show(ui, |ui| {
            super::transfer_panel::transfer_ui(ui, document, view, view_report);
        });
        egui::CollapsingHeader::new("Curves and zones").default_open(true).show(ui, |ui| {
            let counting_notes = report.map_or(&[][..], |r| r.counting_notes.as_slice());
            commands.extend(shapes_list_ui(ui, document, view, selection, view_report, counting_notes));
        });
        egui::CollapsingHeader::new("Skin and pigment").default_open(true).show(ui, |ui| {
            commands.extend(super::skin_panel::skin_ui(
                ui,
                document,
                view,
                &mut canvas.skin_radius_mm,
                view_report,
                &mut canvas.preview.photo_corrected,
            ));
        });
        let has_follow_ups = document.design().view(view).is_some_and(|v| !v.follow_ups.is_empty());
        // Open while aligning, so the steps and "Cancel" are in view.
        let force_open = aligning.is_some().then_some(true);
        // Keyed by whether there are any, so a design with follow-ups opens with them shown.
        egui::CollapsingHeader::new("Follow-up photos")
            .id_salt(("follow-up photos", has_follow_ups))
            .default_open(has_follow_ups)
            .open(force_open)
            .show(ui, |ui| {
                let zone = selection.and_then(|s| match s.shape {
                    ShapeRef::Zone(zone) => Some(zone),
                    ShapeRef::Curve(_) => None,
                });
                let context = super::follow_up::FollowUpContext { aligning: aligning.as_ref(), healed, zone };
                commands.extend(super::follow_up::follow_ups_ui(ui, document, view, &canvas.comparison, &context));
            });
        egui::CollapsingHeader::new("Sessions").default_open(false).show(ui, |ui| {
            super::sessions_panel::sessions_ui(ui, document, report, clinic_questions);
        });
        if let Some(selection) = *selection {
            egui::CollapsingHeader::new("Selected").default_open(true).show(ui, |ui| {
                selected_ui(ui, document, view, selection, sampling, view_report, &mut canvas.hair_lightness);
            });
        }
        egui::CollapsingHeader::new("Notes").default_open(false).show(ui, |ui| {
            let mut notes = document.design().notes.clone();
            ui.add(egui::TextEdit::multiline(&mut notes).desired_rows(4).hint_text("Notes on this design"));
            document.set("edit the notes", |d| Some(&mut d.notes), notes);
        });
    });
    commands
}

/// A name field as a grid row; `set` writes the edited text back.
fn name_row(ui: &mut egui::Ui, label: &str, hint: &str, current: &str, set: impl FnOnce(String)) {
    let mut text = current.to_owned();
    ui.label(label);
    ui.add(egui::TextEdit::singleline(&mut text).hint_text(hint))
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    ui.end_row();
    if text != current {
        set(text);
    }
}

fn view_ui(ui: &mut egui::Ui, document: &mut Document, view_id: ViewId, photo: Option<PhotoView<'_>>) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(view) = document.design().view(view_id) else {
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
    document.set("change the view's angle", |d| d.view_mut(view_id).map(|v| &mut v.kind), kind);

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

/// Curves, and zones with their areas and dot counts from the design's report: as simulated
/// (after edge feathering and the hairline's band), or estimated for a view too large to simulate.
fn shapes_list_ui(
    ui: &mut egui::Ui,
    document: &Document,
    view_id: ViewId,
    selection: &mut Option<Selection>,
    report: Option<&ViewReport>,
    counting_notes: &[String],
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(view) = document.design().view(view_id) else {
        return commands;
    };
    if view.curves.is_empty() && view.zones.is_empty() {
        ui.weak("Nothing drawn yet: use the Hairline (L) or Zone (Z) tool.");
    }
    for curve in &view.curves {
        let shape = ShapeRef::Curve(curve.id);
        let selected = selection.is_some_and(|s| s.shape == shape);
        if ui.selectable_label(selected, format!("〰 {}", curve.name)).clicked() {
            *selection = Some(Selection::shape(shape));
        }
    }
    if ui
        .small_button("+ New outline curve")
        .on_hover_text("A curve that is not the hairline: a temple point, a scar outline. Add its points with the Hairline tool (L) while it is selected.")
        .clicked()
    {
        commands.push(Command::Apply(Edit::AddOutlineCurve { view: view_id }));
    }
    if !view.zones.is_empty() {
        let simulated = report.is_none_or(|r| r.simulated);
        let row_of = |zone: &crate::design::Zone| report.and_then(|r| r.zones.iter().find(|z| z.id == zone.id));
        egui::Grid::new("zones").num_columns(4).striped(true).show(ui, |ui| {
            ui.weak("Zone");
            ui.weak("Area");
            ui.weak("Density");
            ui.weak(if simulated { "Dots" } else { "Dots (est.)" }).on_hover_text(
                "As simulated: sparser in the hairline's band and at feathered edges; overlaps count once",
            );
            ui.end_row();
            for zone in &view.zones {
                let row = row_of(zone);
                let shape = ShapeRef::Zone(zone.id);
                let selected = selection.is_some_and(|s| s.shape == shape);
                let name =
                    if zone.hidden { format!("⬟ {} (hidden)", zone.name) } else { format!("⬟ {}", zone.name) };
                if ui.selectable_label(selected, name).clicked() {
                    *selection = Some(Selection::shape(shape));
                }
                area_cell(ui, row, report.is_some_and(|r| r.skin_scale.estimated));
                ui.label(format!("{:.0}/cm²", zone.density_per_cm2))
                    .on_hover_text("Dots per cm² of skin, as the needle lays them: with a profile traced, the preview lays them closer together where the skin turns away");
                let count = row.and_then(|r| r.dots).map_or_else(|| "–".to_owned(), |d| d.to_string());
                match row.and_then(|r| r.counted_in.as_deref()) {
                    Some(other) => {
                        ui.weak(format!("{count} *")).on_hover_text(format!(
                            "The same scalp as {other}: counted there, left out of the totals and the session times"
                        ));
                    }
                    None => match row.and_then(|r| r.dots_on_skin_estimate) {
                        Some(on_skin) => {
                            ui.label(count).on_hover_text(format!(
                                "On an average head its skin would take about {} dots (estimate). Trace a profile on a side view to plan by the skin.",
                                crate::format::thousands(on_skin)
                            ));
                        }
                        None => {
                            ui.label(count);
                        }
                    },
                }
                ui.end_row();
            }
            let counted = |z: &&crate::report::ZoneReport| z.counted_in.is_none();
            let total: u64 = report.map_or(0, |r| r.zones.iter().filter(counted).filter_map(|z| z.dots).sum());
            ui.strong("Total");
            ui.label("");
            ui.label("");
            ui.strong(total.to_string()).on_hover_text("This view's zones, each part of the scalp once");
            ui.end_row();
        });
        for note in counting_notes {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        if view.zones.len() > 1 {
            ui.weak("Where zones overlap, the one lower in this list decides the density.");
        }
    }
    let hairline = view.hairline().is_some_and(|c| c.points.len() >= 2);
    let calibrated = view.mm_per_px().is_some();
    ui.horizontal(|ui| {
        let id = ui.scope_id().with("fill depth");
        let mut depth_mm: f64 = ui.data_mut(|d| *d.get_temp_mut_or(id, 60.0));
        let button = ui
            .add_enabled(hairline && calibrated, egui::Button::new("Fill behind the hairline"))
            .on_hover_text(
                "A zone from the hairline back by this depth along the skin (on a front view; in the photo's plane elsewhere); drag its back corners to where the fill should end",
            )
            .on_disabled_hover_text("Needs a hairline and a calibrated view");
        ui.add(egui::DragValue::new(&mut depth_mm).range(10.0..=250.0).speed(1.0).suffix(" mm"));
        ui.data_mut(|d| d.insert_temp(id, depth_mm));
        if button.clicked() {
            commands.push(Command::Apply(Edit::FillBehindHairline { view: view_id, depth_mm }));
        }
    });
    commands
}

/// A zone's area (on the skin where the view is mapped onto a head, with the photo's) and its
/// dots as simulated, as grid rows.
fn area_and_dots_rows(
    ui: &mut egui::Ui,
    mm_per_px: Option<f64>,
    (area_px2, density_per_cm2): (f64, f64),
    row: Option<&crate::report::ZoneReport>,
) {
    ui.label("Area");
    match (mm_per_px, row.and_then(|r| r.skin_area_cm2)) {
        (Some(scale), Some(skin)) => {
            let photo = area_px2 * scale * scale / MM2_PER_CM2;
            ui.label(format!("{skin:.1} cm² on the skin ({photo:.1} in the photo)"))
                .on_hover_text("Along the curved head; see \"On the skin\" for where the head's shape comes from");
        }
        (Some(scale), None) => {
            ui.label(format!("{:.1} cm²", area_px2 * scale * scale / MM2_PER_CM2));
        }
        (None, _) => {
            ui.label(format!("{area_px2:.0} px² (not calibrated)"));
        }
    }
    ui.end_row();
    if mm_per_px.is_some() {
        // The count every other place states: the dots as simulated (the feathered edge and
        // the hairline's band thin them; an upper zone takes its overlap).
        // Until the report has the zone (it was just drawn), the photo's area times density.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "bounded, non-negative")]
        let estimate = row.and_then(|r| r.estimated_dots).unwrap_or_else(|| {
            let scale = mm_per_px.unwrap_or(0.0);
            (area_px2 * scale * scale / MM2_PER_CM2 * density_per_cm2).round() as u64
        });
        ui.label("Dots");
        match row.and_then(|r| r.dots) {
            Some(dots) => ui.label(crate::format::thousands(dots)).on_hover_text(format!(
                "As simulated. Area times density would be {}: the feathered edge, the hairline's band and zones above thin it.",
                crate::format::thousands(estimate)
            )),
            None => ui.label(format!("about {}", crate::format::thousands(estimate))),
        };
        ui.end_row();
        if let Some(on_skin) = row.and_then(|r| r.dots_on_skin_estimate) {
            ui.label("On the skin");
            ui.label(format!("about {} (est.)", crate::format::thousands(on_skin))).on_hover_text(
                "On an average adult head; the dots and session times stay the photo's until a profile traced on a side view measures this head",
            );
            ui.end_row();
        }
    }
}

/// A zone's area: on the skin where the view is mapped onto a head (the photo's own on hover),
/// else in the photo's plane.
fn area_cell(ui: &mut egui::Ui, row: Option<&crate::report::ZoneReport>, estimated: bool) {
    match (row.and_then(|r| r.skin_area_cm2), row.and_then(|r| r.area_cm2)) {
        (Some(skin), photo) => {
            let text = if estimated { format!("{skin:.1} cm² est.") } else { format!("{skin:.1} cm²") };
            let photo = photo.map_or_else(String::new, |p| format!("; {p:.1} cm² in the photo"));
            let source = if estimated { "estimated from an average head" } else { "from the side profile" };
            ui.label(text).on_hover_text(format!("On the skin, {source}{photo}"));
        }
        (None, Some(photo)) => {
            ui.label(format!("{photo:.1} cm²")).on_hover_text("In the photo's plane");
        }
        (None, None) => {
            ui.label("–");
        }
    }
}

/// The photo's small copy on the CPU and the full photo's width in pixels.
type Sampling<'a> = Option<(&'a image::RgbaImage, u32)>;

fn selected_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    view: ViewId,
    selection: Selection,
    sampling: Sampling<'_>,
    report: Option<&crate::report::ViewReport>,
    hair_lightness: &mut f64,
) {
    match selection.shape {
        ShapeRef::Curve(c) => curve_ui(ui, document, view, c),
        ShapeRef::Zone(z) => {
            let row = report.and_then(|r| r.zones.iter().find(|row| row.id == z));
            zone_ui(ui, document, view, z, row);
            hair_mask_ui(ui, document, view, z, sampling, row.and_then(|row| row.left_on_hair), hair_lightness);
        }
    }
}

/// Which part of the scalp the zone covers, or the zone of another view it is the same scalp
/// as: so that two views of one scalp are counted once.
fn covers_ui(ui: &mut egui::Ui, design: &crate::design::Design, view_id: ViewId, part: &mut ScalpPart) {
    let name = |part: ScalpPart| match part {
        ScalpPart::SameAs { view, zone } => design
            .view(view)
            .and_then(|v| Some(format!("same as {} ({})", v.zone(zone)?.name, v.kind.label())))
            .unwrap_or_else(|| "same as a zone that is gone".to_owned()),
        part => part.label().to_owned(),
    };
    let label = ui.label("Covers").on_hover_text(
        "Which part of the scalp: two views of one scalp (a front and a top view) are then counted once in the dots and the session times",
    );
    egui::ComboBox::from_id_salt("covers")
        .selected_text(name(*part))
        .show_ui(ui, |ui| {
            for option in std::iter::once(ScalpPart::Unstated).chain(ScalpPart::CLAIMED) {
                ui.selectable_value(part, option, name(option));
            }
            for other in design.views.iter().filter(|v| v.id != view_id) {
                for zone in other.zones.iter().filter(|z| !matches!(z.scalp_part, ScalpPart::SameAs { .. })) {
                    let option = ScalpPart::SameAs { view: other.id, zone: zone.id };
                    ui.selectable_value(part, option, name(option));
                }
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}

/// The zone's healed result as seen from 1 m, and how it compares with the client's hair.
/// The "To blend" buttons set the zone's `density` or its shade (`water_parts`).
fn seen_from_afar_row(
    ui: &mut egui::Ui,
    seen: &crate::report::SeenFromAfar,
    density: &mut f64,
    water_parts: &mut Option<f64>,
) {
    ui.label("From 1 m").on_hover_text(
        "The healed result where the eye no longer tells dots apart: the skin mixed with the pigment by the share of the zone the dots hide.",
    );
    ui.label(format!("L* {:.1}, {:.1} % covered", seen.result.l, seen.coverage * 100.0));
    ui.end_row();
    // A row of its own: beside the result it was cut off at the inspector's usual width.
    let Some(blend) = &seen.blend else {
        ui.label("Against hair");
        ui.weak("no hair sampled, and no hair colour the studio knows in the client record");
        ui.end_row();
        return;
    };
    let against = match blend.target.source {
        TargetSource::HairSample => "Against hair",
        TargetSource::ClientRecord => "Against record",
    };
    ui.label(against).on_hover_text(format!(
        "Compared with {}, as seen from 1 m; under ΔE00 {} the eye takes them for one",
        blend.target.source.label(),
        crate::hair_match::BLENDS_BELOW_DELTA_E
    ));
    let text = format!("ΔE00 {:.1}, ΔL* {:+.1}: {}", blend.delta_e, blend.delta_l, blend.verdict.label());
    if blend.verdict == Verdict::Blends {
        ui.label(text);
    } else {
        ui.colored_label(ui.visuals().warn_fg_color, text);
    }
    ui.end_row();
    if blend.blending_density_per_cm2.is_none() && blend.blending_water_parts.is_none() {
        if blend.verdict != Verdict::Blends {
            ui.label("To blend");
            ui.weak("no density or shade on offer would: change the dot size or the pigment");
            ui.end_row();
        }
        return;
    }
    ui.label("To blend")
        .on_hover_text("Solved from the colour model: either change alone matches the hair's lightness");
    ui.horizontal_wrapped(|ui| {
        if let Some(blending) = blend.blending_density_per_cm2
            && ui.button(format!("{blending:.0}/cm²")).on_hover_text("Use this density").clicked()
        {
            *density = blending;
        }
        if let Some(blending) = blend.blending_water_parts
            && ui.button(format!("{blending}:1")).on_hover_text("Use this shade for the zone").clicked()
        {
            *water_parts = Some(blending);
        }
    });
    ui.end_row();
}

/// The lightness below which the photo reads as hair, until the artist picks another.
pub(super) const HAIR_LIGHTNESS: f64 = 35.0;

/// A zone's hair mask: made from the photo by a lightness threshold, cleared, and what it does.
fn hair_mask_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    view_id: ViewId,
    z: ZoneId,
    sampling: Sampling<'_>,
    left_on_hair: Option<u64>,
    lightness: &mut f64,
) {
    let Some(zone) = document.design().view(view_id).and_then(|v| v.zone(z)) else {
        return;
    };
    if zone.kind != ZoneKind::Density && zone.hair_mask.is_none() {
        return;
    }
    let vertices = zone.vertices.clone();
    let mask = zone.hair_mask.clone();
    ui.separator();
    ui.label(egui::RichText::new("Existing hair").strong())
        .on_hover_text("Dots that would land on the client's own hair are left out, as the needle goes between hairs");
    ui.horizontal(|ui| {
        let label = ui.label("Hair is darker than L*");
        ui.add(egui::Slider::new(lightness, 5.0..=80.0).fixed_decimals(0)).labelled_by(label.id);
    });
    let lightness = *lightness;
    let mut new_mask = None;
    ui.horizontal(|ui| {
        let button = ui
            .add_enabled(sampling.is_some() && vertices.len() >= 3, egui::Button::new("Mark hair"))
            .on_disabled_hover_text("Needs the view's photo, loaded, and a closed zone");
        if button.clicked()
            && let Some((photo, width_px)) = sampling
        {
            new_mask = Some(crate::design::HairMask::by_threshold(photo, width_px, &vertices, lightness));
        }
        if mask.is_some() && ui.button("Clear").clicked() {
            new_mask = Some(None);
        }
    });
    match &mask {
        Some(mask) => {
            let left = left_on_hair.map_or_else(String::new, |n| {
                format!("; {} left out", crate::format::count(usize::try_from(n).unwrap_or(usize::MAX), "dot"))
            });
            ui.label(format!("Hair {}: {:.0} % of the zone's box{left}.", mask.made_by, mask.hair_share() * 100.0));
        }
        None => _ = ui.weak("No hair marked: dots are laid everywhere in the zone."),
    }
    if let Some(mask) = new_mask {
        let label = if mask.is_some() { "mark the hair" } else { "clear the hair mask" };
        document.set(label, |d| d.view_mut(view_id)?.zone_mut(z).map(|z| &mut z.hair_mask), mask);
    }
}

fn curve_ui(ui: &mut egui::Ui, document: &mut Document, view_id: ViewId, c: CurveId) {
    let Some(view) = document.design().view(view_id) else {
        return;
    };
    let mm_per_px = view.mm_per_px();
    let Some(curve) = view.curve(c) else {
        return;
    };
    let name = curve.name.clone();
    let length_px = curve_length_px(&curve.points);
    let points = curve.points.len();
    let mut role = curve.role;
    egui::Grid::new("curve").num_columns(2).show(ui, |ui| {
        name_row(ui, "Name", "Curve name", &name, |text| {
            document.set("rename the curve", |d| d.view_mut(view_id)?.curve_mut(c).map(|c| &mut c.name), text);
        });
        let label = ui.label("Role");
        egui::ComboBox::from_id_salt("role")
            .selected_text(role_label(role))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut role, CurveRole::Hairline, role_label(CurveRole::Hairline));
                ui.selectable_value(&mut role, CurveRole::Outline, role_label(CurveRole::Outline));
                ui.selectable_value(&mut role, CurveRole::Profile, role_label(CurveRole::Profile));
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
    document.set("change the curve's role", |d| d.view_mut(view_id)?.curve_mut(c).map(|c| &mut c.role), role);
    if role == CurveRole::Hairline {
        ui.separator();
        ui.label(egui::RichText::new("Transition band").strong());
        anatomy_panel::transition_ui(ui, document, view_id, c);
    }
}

/// A zone's settings; `row` is its line of the design's report, for its dots as simulated.
fn zone_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    view_id: ViewId,
    z: ZoneId,
    row: Option<&crate::report::ZoneReport>,
) {
    let Some(view) = document.design().view(view_id) else {
        return;
    };
    let mm_per_px = view.mm_per_px();
    let Some(zone) = view.zone(z) else {
        return;
    };
    let name = zone.name.clone();
    let area_px2 = polygon_area_px2(&zone.vertices);
    let (mut kind, mut density, mut dot_mm, mut hidden) =
        (zone.kind, zone.density_per_cm2, zone.dot_diameter_mm, zone.hidden);
    let (mut variation, mut feather_mm, mut water_parts, mut scar_age) =
        (zone.size_variation, zone.edge_feather_mm, zone.water_parts, zone.scar_age_months);
    let design_water_parts = document.design().pigment.water_parts;
    let mut scalp_part = zone.scalp_part;
    egui::Grid::new("zone").num_columns(2).show(ui, |ui| {
        name_row(ui, "Name", "Zone name", &name, |text| {
            document.set("rename the zone", |d| d.view_mut(view_id)?.zone_mut(z).map(|z| &mut z.name), text);
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
        covers_ui(ui, document.design(), view_id, &mut scalp_part);
        ui.label("Density").on_hover_text("Dots per cm² of skin, as the needle lays them");
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
        if kind == ZoneKind::ScarCamouflage {
            scar_age_row(ui, &mut scar_age);
        }
        ui.label("Hidden");
        ui.checkbox(&mut hidden, "Hide in preview");
        ui.end_row();
        area_and_dots_rows(ui, mm_per_px, (area_px2, density), row);
        if let Some(seen) = row.and_then(|r| r.seen_from_1m.as_ref()) {
            seen_from_afar_row(ui, seen, &mut density, &mut water_parts);
        }
    });
    if kind_change_ui(ui, document, view_id, z, kind) {
        return;
    }
    document.set("change the zone's density", |d| zone_mut(d, view_id, z).map(|z| &mut z.density_per_cm2), density);
    document.set("say what the zone covers", |d| zone_mut(d, view_id, z).map(|z| &mut z.scalp_part), scalp_part);
    document.set("change the dot size", |d| zone_mut(d, view_id, z).map(|z| &mut z.dot_diameter_mm), dot_mm);
    document.set("hide or show the zone", |d| zone_mut(d, view_id, z).map(|z| &mut z.hidden), hidden);
    document.set("change the size variation", |d| zone_mut(d, view_id, z).map(|z| &mut z.size_variation), variation);
    document.set("change the edge feather", |d| zone_mut(d, view_id, z).map(|z| &mut z.edge_feather_mm), feather_mm);
    document.set("change the zone's shade", |d| zone_mut(d, view_id, z).map(|z| &mut z.water_parts), water_parts);
    document.set("change the scar's age", |d| zone_mut(d, view_id, z).map(|z| &mut z.scar_age_months), scar_age);
}

/// A scar zone's age in months, with the warning a recent scar gets.
fn scar_age_row(ui: &mut egui::Ui, age: &mut Option<u32>) {
    let label = ui.label("Scar age");
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let mut known = age.is_some();
            ui.checkbox(&mut known, "known").on_hover_text("Whether the scar's age is known");
            let mut months = age.unwrap_or(crate::design::SCAR_HEALING_MONTHS);
            ui.add_enabled(known, egui::DragValue::new(&mut months).range(0..=1200).suffix(" months"))
                .labelled_by(label.id);
            *age = known.then_some(months);
        });
        if age.is_some_and(|months| months < crate::design::SCAR_HEALING_MONTHS) {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "Under {} months: scars are usually left to heal that long; treat only with the doctor's word.",
                    crate::design::SCAR_HEALING_MONTHS
                ),
            );
        }
    });
    ui.end_row();
}

/// A new kind for zone `z`, as `kind` asks: with the kind's defaults for what the artist has
/// not set by hand, and, for what they have, only if they say so (a window asks). True when the
/// zone changed this frame (its other settings are then left alone until the next).
fn kind_change_ui(ui: &mut egui::Ui, document: &mut Document, view_id: ViewId, z: ZoneId, kind: ZoneKind) -> bool {
    let asking_id = egui::Id::unique(("zone kind question", z));
    let shade = document.design().pigment.water_parts;
    let Some(zone) = document.design().view(view_id).and_then(|v| v.zone(z)).cloned() else {
        return false;
    };
    let asking: Option<ZoneKind> = ui.data(|d| d.get_temp(asking_id)).flatten();
    let wanted = if kind == zone.kind { asking } else { Some(kind) };
    let Some(wanted) = wanted else {
        return false;
    };
    let customised = zone.customised(shade);
    let overwrite = if customised.is_empty() {
        Some(false)
    } else {
        let mut answer = None;
        egui::Modal::new(asking_id).show(ui.ctx(), |ui| {
            ui.heading(format!("Make {} a {} zone?", zone.name, wanted.label()));
            ui.label(format!(
                "Its {} {} set by hand. Use the {} defaults for {} as well, or keep yours?",
                customised.join(", "),
                if customised.len() == 1 { "was" } else { "were" },
                wanted.label(),
                if customised.len() == 1 { "it" } else { "them" },
            ));
            ui.horizontal(|ui| {
                if ui.button("Use the defaults").clicked() {
                    answer = Some(Some(true));
                }
                if ui.button("Keep mine").clicked() {
                    answer = Some(Some(false));
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(None);
                }
            });
        });
        let Some(answer) = answer else {
            ui.data_mut(|d| d.insert_temp(asking_id, Some(wanted)));
            return false;
        };
        answer
    };
    ui.data_mut(|d| d.remove::<Option<ZoneKind>>(asking_id));
    let Some(overwrite) = overwrite else {
        return false;
    };
    let mut changed = zone;
    changed.set_kind(wanted, shade, overwrite);
    // A scar follows the density of the scalp around it, unless the artist set its own.
    if wanted == ZoneKind::ScarCamouflage && !changed.customised(shade).contains(&"density") {
        let around = document.design().view(view_id).and_then(|v| v.density_around(z));
        changed.density_per_cm2 = around.unwrap_or(changed.density_per_cm2);
    }
    document.set("change the zone's kind", |d| zone_mut(d, view_id, z), changed);
    true
}

fn zone_mut(design: &mut crate::design::Design, view: ViewId, zone: ZoneId) -> Option<&mut crate::design::Zone> {
    design.view_mut(view)?.zone_mut(zone)
}

fn role_label(role: CurveRole) -> &'static str {
    match role {
        CurveRole::Hairline => "Hairline",
        CurveRole::Outline => "Outline (temple, scar…)",
        CurveRole::Profile => "Head profile (side view)",
    }
}

fn length_text(length_px: f64, mm_per_px: Option<f64>) -> String {
    match mm_per_px {
        Some(scale) => format!("{:.1} mm", length_px * scale),
        None => format!("{length_px:.0} px"),
    }
}
