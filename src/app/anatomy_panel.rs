//! The inspector's face sections: calibration, landmarks, guides with starting shapes, and the
//! hairline's measurements and transition band.

use crate::design::{CalibrationSource, CurveId, Document, Landmark, Transition, ViewId};
use crate::edit::Edit;
use crate::geometry::{HairlineShape, measure_hairline};

use super::command::Command;

/// Calibration: the scale, how it was set, and the ways to set it.
pub fn calibration_ui(ui: &mut egui::Ui, document: &Document, view_id: ViewId) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(view) = document.design().view(view_id) else {
        return commands;
    };
    let calibration = view.calibration.clone();
    let pupils = (view.landmarks.left_pupil, view.landmarks.right_pupil);
    match &calibration {
        Some(c) => {
            let how = match c.source {
                CalibrationSource::Ruler => "from a reference of known length",
                CalibrationSource::Pupils => "from the pupils",
            };
            ui.label(format!("Scale: {:.4} mm per pixel, {how}", c.mm_per_px().unwrap_or(f64::NAN)));
            let mut length_mm = c.length_mm;
            ui.horizontal(|ui| {
                ui.label(if c.source == CalibrationSource::Pupils { "Pupil distance" } else { "Reference length" });
                ui.add(egui::DragValue::new(&mut length_mm).range(1.0..=1000.0).speed(0.1).suffix(" mm"))
                    .on_hover_text("The true distance between the two calibration points");
            });
            if (length_mm - c.length_mm).abs() > f64::EPSILON {
                let edit = Edit::Calibrate { view: view_id, source: c.source, ends: [c.a, c.b], length_mm };
                commands.push(Command::Apply(edit));
            }
        }
        None => {
            ui.colored_label(ui.visuals().warn_fg_color, "Not calibrated: lengths are in pixels");
        }
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button("Calibrate with a ruler…").on_hover_text("Click both ends of something of known length").clicked()
        {
            commands.push(Command::SelectTool(super::tools::Tool::Calibrate));
        }
        let pupils_placed = matches!(pupils, (Some(_), Some(_)));
        let from_pupils = ui
            .add_enabled(pupils_placed, egui::Button::new("From the pupils (63 mm)"))
            .on_hover_text("Uses the adult mean inter-pupillary distance of 63 mm (50 to 75); edit it afterwards")
            .on_disabled_hover_text("Place both pupils with the Landmarks tool first");
        if from_pupils.clicked() {
            commands.push(Command::Apply(Edit::CalibrateFromPupils { view: view_id }));
        }
    });
    commands
}

/// The landmarks: which are placed, and buttons to place or clear each.
/// The landmarks: which are placed, and buttons to place or clear each; `next` (the one the
/// Landmarks tool places next) is in bold.
pub fn landmarks_ui(ui: &mut egui::Ui, document: &Document, view_id: ViewId, next: Option<Landmark>) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(view) = document.design().view(view_id) else {
        return commands;
    };
    let landmarks = view.landmarks.clone();
    egui::Grid::new("landmarks").num_columns(2).striped(true).show(ui, |ui| {
        for landmark in Landmark::ALL {
            let placed = landmarks.get(landmark).is_some();
            let text = if placed { format!("✔ {}", landmark.label()) } else { landmark.label().to_owned() };
            let text =
                if Some(landmark) == next { egui::RichText::new(text).strong() } else { egui::RichText::new(text) };
            ui.label(text);
            ui.horizontal(|ui| {
                if ui.small_button(if placed { "Move" } else { "Place" }).clicked() {
                    commands.push(Command::PlaceLandmark(landmark));
                }
                if placed && ui.small_button("Clear").clicked() {
                    commands.push(Command::Apply(Edit::ClearLandmark { view: view_id, landmark }));
                }
            });
            ui.end_row();
        }
    });
    if landmarks.midline_top.is_none() || landmarks.midline_bottom.is_none() {
        ui.weak("Without both midline points, the midline is the photo's vertical centre.");
    }
    commands
}

/// Guides: visibility, the planned mid-frontal height, and the starting shapes.
pub fn guides_ui(ui: &mut egui::Ui, document: &mut Document, view_id: ViewId, shown: &mut bool) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(view) = document.design().view(view_id) else {
        return commands;
    };
    let mut guides = view.guides.clone();
    let frame = view.face_frame();
    ui.checkbox(shown, "Show guides (G)");
    let mut height_cm = guides.mid_frontal_height_mm / 10.0;
    ui.add(egui::Slider::new(&mut height_cm, 6.0..=10.0).step_by(0.1).suffix(" cm").text("above the glabella, on the skin"))
        .on_hover_text("Mid-frontal point of the hairline: about 8 cm above the glabella (6 to 9 cm), measured along the skin with a tape; the guide is drawn where the photo shows that point");
    guides.mid_frontal_height_mm = (height_cm * 100.0).round() / 10.0;
    document.set("move the mid-frontal point", |d| d.view_mut(view_id).map(|v| &mut v.guides), guides);

    ui.label("Start the hairline from a shape:");
    ui.horizontal_wrapped(|ui| {
        for shape in HairlineShape::ALL {
            let button = ui
                .add_enabled(frame.is_some(), egui::Button::new(shape.label()))
                .on_hover_text("Replaces the hairline's points; undo brings them back")
                .on_disabled_hover_text("Calibrate the view and place the glabella first");
            if button.clicked() {
                commands.push(Command::Apply(Edit::ApplyShape { view: view_id, shape }));
            }
        }
    });
    if frame.is_none() {
        ui.weak("Guides and shapes need a calibration and the glabella.");
    }
    commands
}

/// The hairline's measurements in millimetres, or what is missing for them: in the photo's
/// plane, and the centre's height along the skin from `report`.
pub fn measurements_ui(
    ui: &mut egui::Ui,
    document: &Document,
    view_id: ViewId,
    report: Option<&crate::report::ViewReport>,
) {
    let Some(view) = document.design().view(view_id) else {
        return;
    };
    let Some(hairline) = view.hairline() else {
        ui.weak("No hairline yet: draw one with the Hairline tool (L), or start from a shape.");
        return;
    };
    let Some(frame) = view.face_frame() else {
        ui.weak("Calibrate the view and place the glabella to measure the hairline in millimetres.");
        return;
    };
    let measures = measure_hairline(&frame, view.canthi(), &hairline.points);
    let mm = |value: Option<f64>| value.map_or_else(|| "–".to_owned(), |v| format!("{v:.1} mm"));
    egui::Grid::new("measures").num_columns(2).striped(true).show(ui, |ui| {
        ui.label("Height on the midline").on_hover_text("In the photo's plane, above the glabella");
        ui.label(mm(measures.height_above_glabella_mm));
        ui.end_row();
        let scale = report.map(|r| &r.skin_scale);
        if let Some(centre) = scale.and_then(|s| s.figures.as_ref()).and_then(|f| f.hairline_centre) {
            let source = if scale.is_some_and(|s| s.estimated) { "estimated" } else { "side profile" };
            ui.label("  along the skin").on_hover_text(
                "A tape laid up the midline from the glabella; see \"On the skin\" for where it comes from",
            );
            ui.label(format!("{:.1} mm ({source})", centre.skin_mm));
            ui.end_row();
        }
        for (side, (height, offset)) in ["Frontotemporal, left", "Frontotemporal, right"]
            .iter()
            .zip(measures.frontotemporal_heights_mm.iter().zip(measures.frontotemporal_offsets_mm))
        {
            ui.label(*side)
                .on_hover_text(format!("Measured {:.0} mm from the midline, above the outer eye corner", offset.abs()));
            ui.label(mm(*height));
            ui.end_row();
        }
        ui.label("Left/right difference");
        ui.label(mm(measures.left_right_difference_mm));
        ui.end_row();
        ui.label("Length");
        ui.label(mm(Some(measures.length_mm)));
        ui.end_row();
    });
    if view.landmarks.left_canthus.is_none() || view.landmarks.right_canthus.is_none() {
        ui.weak("Frontotemporal heights are taken 45 mm from the midline until both outer eye corners are placed.");
    }
}

/// The transition band and irregularity of a hairline curve.
pub fn transition_ui(ui: &mut egui::Ui, document: &mut Document, view_id: ViewId, curve: CurveId) {
    let Some(mut transition) =
        document.design().view(view_id).and_then(|v| v.curve(curve)).map(|c| c.transition.clone())
    else {
        return;
    };
    egui::Grid::new("transition").num_columns(2).show(ui, |ui| {
        let row = |ui: &mut egui::Ui, label: &str, hover: &str, value: &mut f64, range, suffix: &str| {
            ui.label(label).on_hover_text(hover);
            ui.add(egui::DragValue::new(value).range(range).speed(0.1).suffix(suffix));
            ui.end_row();
        };
        row(
            ui,
            "Band width",
            "How deep the band is in which density builds from sparse to full",
            &mut transition.band_width_mm,
            0.0..=40.0,
            " mm",
        );
        row(
            ui,
            "Wave height",
            "Macro-irregularity: height of the broad waves along the line",
            &mut transition.macro_amplitude_mm,
            0.0..=10.0,
            " mm",
        );
        row(
            ui,
            "Wave length",
            "Macro-irregularity: length of one wave along the line",
            &mut transition.macro_wavelength_mm,
            2.0..=80.0,
            " mm",
        );
        row(
            ui,
            "Jitter",
            "Micro-irregularity: the most the fine jitter moves the line, forwards or back",
            &mut transition.jitter_amplitude_mm,
            0.0..=5.0,
            " mm",
        );
        row(
            ui,
            "Jitter length",
            "Micro-irregularity: the typical length of one jitter along the line",
            &mut transition.jitter_wavelength_mm,
            0.5..=20.0,
            " mm",
        );
        row(
            ui,
            "Leading dots reach",
            "Micro-irregularity: how far single, scattered dots reach ahead of the line (fewer the further)",
            &mut transition.micro_lead_mm,
            0.0..=10.0,
            " mm",
        );
        ui.label("Leading density").on_hover_text(
            "The leading dots' density just ahead of the line, as a share of the zone's; it falls to none at their reach",
        );
        ui.add(egui::Slider::new(&mut transition.micro_cluster_share, 0.0..=0.5).fixed_decimals(2));
        ui.end_row();
        let percent = |ui: &mut egui::Ui, label: &str, hover: &str, share: &mut f64| {
            ui.label(label).on_hover_text(hover);
            let mut value = *share * 100.0;
            ui.add(egui::Slider::new(&mut value, 10.0..=100.0).suffix(" %").fixed_decimals(0));
            *share = value / 100.0;
            ui.end_row();
        };
        percent(
            ui,
            "Front dot size",
            "Dot size at the front of the band, as a share of the zone's; full at the back",
            &mut transition.front_size_share,
        );
        percent(
            ui,
            "Front shade",
            "Dot opacity at the front of the band, as a share of the shade's; full at the back",
            &mut transition.front_shade_share,
        );
    });
    if ui.small_button("Reset to defaults").clicked() {
        transition = Transition::default();
    }
    let label = "change the transition band";
    document.set(label, |d| Some(&mut d.view_mut(view_id)?.curve_mut(curve)?.transition), transition);
}
