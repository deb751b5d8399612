//! The inspector's face sections: calibration, landmarks, guides with starting shapes, and the
//! hairline's measurements and transition band.

use crate::design::{
    Calibration, CalibrationSource, CurveRole, DEFAULT_INTERPUPILLARY_MM, Design, Document, Landmark, Transition,
};
use crate::geometry::{HairlineShape, measure_hairline};

use super::command::Command;

/// Calibration: the scale, how it was set, and the ways to set it.
pub fn calibration_ui(ui: &mut egui::Ui, document: &mut Document, view_index: usize) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(view) = document.design().views.get(view_index) else {
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
            document.set(|d| d.views.get_mut(view_index)?.calibration.as_mut().map(|c| &mut c.length_mm), length_mm);
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
        if let (true, (Some(a), Some(b))) = (from_pupils.clicked(), pupils) {
            let view = &mut document.design_mut().views[view_index];
            view.calibration =
                Some(Calibration { source: CalibrationSource::Pupils, a, b, length_mm: DEFAULT_INTERPUPILLARY_MM });
        }
    });
    commands
}

/// The landmarks: which are placed, and buttons to place or clear each.
pub fn landmarks_ui(ui: &mut egui::Ui, document: &mut Document, view_index: usize, next: Landmark) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(view) = document.design().views.get(view_index) else {
        return commands;
    };
    let landmarks = view.landmarks.clone();
    egui::Grid::new("landmarks").num_columns(2).striped(true).show(ui, |ui| {
        for landmark in Landmark::ALL {
            let placed = landmarks.get(landmark).is_some();
            let text = if placed { format!("✔ {}", landmark.label()) } else { landmark.label().to_owned() };
            let text = if landmark == next { egui::RichText::new(text).strong() } else { egui::RichText::new(text) };
            ui.label(text);
            ui.horizontal(|ui| {
                if ui.small_button(if placed { "Move" } else { "Place" }).clicked() {
                    commands.push(Command::PlaceLandmark(landmark));
                }
                if placed && ui.small_button("Clear").clicked() {
                    *document.design_mut().views[view_index].landmarks.slot_mut(landmark) = None;
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
pub fn guides_ui(ui: &mut egui::Ui, document: &mut Document, view_index: usize, shown: &mut bool) {
    let Some(view) = document.design().views.get(view_index) else {
        return;
    };
    let mut guides = view.guides.clone();
    let frame = view.face_frame();
    ui.checkbox(shown, "Show guides (G)");
    let mut height_cm = guides.mid_frontal_height_mm / 10.0;
    ui.add(egui::Slider::new(&mut height_cm, 6.0..=10.0).step_by(0.1).suffix(" cm").text("above the glabella"))
        .on_hover_text("Mid-frontal point of the hairline: about 8 cm above the glabella (6 to 9 cm)");
    guides.mid_frontal_height_mm = (height_cm * 100.0).round() / 10.0;
    document.set(|d| d.views.get_mut(view_index).map(|v| &mut v.guides), guides.clone());

    ui.label("Start the hairline from a shape:");
    ui.horizontal_wrapped(|ui| {
        for shape in HairlineShape::ALL {
            let button = ui
                .add_enabled(frame.is_some(), egui::Button::new(shape.label()))
                .on_hover_text("Replaces the hairline's points; undo brings them back")
                .on_disabled_hover_text("Calibrate the view and place the glabella first");
            if let (true, Some(frame)) = (button.clicked(), frame) {
                apply_shape(document.design_mut(), view_index, shape.points(&frame, guides.mid_frontal_height_mm));
            }
        }
    });
    if frame.is_none() {
        ui.weak("Guides and shapes need a calibration and the glabella.");
    }
}

fn apply_shape(design: &mut Design, view_index: usize, points: Vec<crate::design::PhotoPoint>) {
    let view = &mut design.views[view_index];
    match view.hairline_index() {
        Some(i) => view.curves[i].points = points,
        None => {
            _ = view.add_curve(crate::design::Curve {
                name: "Hairline".to_owned(),
                role: CurveRole::Hairline,
                points,
                ..Default::default()
            });
        }
    }
}

/// The hairline's measurements in millimetres, or what is missing for them.
pub fn measurements_ui(ui: &mut egui::Ui, document: &Document, view_index: usize) {
    let Some(view) = document.design().views.get(view_index) else {
        return;
    };
    let Some(hairline) = view.hairline_index().map(|i| &view.curves[i]) else {
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
        ui.label("Height on the midline");
        ui.label(mm(measures.height_above_glabella_mm));
        ui.end_row();
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
pub fn transition_ui(ui: &mut egui::Ui, document: &mut Document, view_index: usize, curve_index: usize) {
    let Some(mut transition) =
        document.get(|d| Some(&mut d.views.get_mut(view_index)?.curves.get_mut(curve_index)?.transition))
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
            "Leading dots reach",
            "Micro-irregularity: how far clusters of dots reach ahead of the line",
            &mut transition.micro_lead_mm,
            0.0..=10.0,
            " mm",
        );
        ui.label("Leading share")
            .on_hover_text("Micro-irregularity: share of the band's dots placed as leading clusters");
        ui.add(egui::Slider::new(&mut transition.micro_cluster_share, 0.0..=0.5).fixed_decimals(2));
        ui.end_row();
    });
    if ui.small_button("Reset to defaults").clicked() {
        transition = Transition::default();
    }
    document.set(|d| Some(&mut d.views.get_mut(view_index)?.curves.get_mut(curve_index)?.transition), transition);
}
