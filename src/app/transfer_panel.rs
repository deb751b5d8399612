//! The inspector's "On the skin" section: where the view's skin figures come from, the
//! hairline's centre and the mid-frontal guide along the skin, and the transfer table, each key
//! point of the hairline as an artist measures it on the head.

use crate::design::{Document, View, ViewId, ViewKind};
use crate::geometry::Profile;
use crate::report::{SkinScale, ViewReport};

/// The section for the view whose report is `report`.
pub fn transfer_ui(ui: &mut egui::Ui, document: &mut Document, view_id: ViewId, report: Option<&ViewReport>) {
    let Some(scale) = report.map(|r| &r.skin_scale) else {
        ui.weak("Working out the figures…");
        return;
    };
    if let Some(view) = document.design().view(view_id).filter(|v| matches!(v.kind, ViewKind::Left | ViewKind::Right)) {
        profile_ui(ui, view);
    }
    source_ui(ui, scale);
    let Some(figures) = &scale.figures else {
        return;
    };
    let cm = |mm: f64| format!("{:.1} cm", mm / 10.0);
    let estimate = if scale.estimated { " (est.)" } else { "" };
    if let Some(centre) = figures.hairline_centre {
        ui.label(format!(
            "Hairline centre above the glabella: in the photo {}; on the skin {}{estimate}",
            cm(centre.photo_mm),
            cm(centre.skin_mm)
        ));
    }
    let guide = figures.mid_frontal_guide;
    ui.label(format!(
        "Mid-frontal guide: {} on the skin{estimate}, {} in the photo",
        cm(guide.skin_mm),
        cm(guide.photo_mm)
    ));
    if figures.transfer.is_empty() {
        ui.weak("Draw the hairline to get the points to mark on the head.");
    } else {
        ui.label("Mark the head, in mm along the skin:");
        egui::Grid::new("transfer").num_columns(4).striped(true).show(ui, |ui| {
            ui.weak("Point").on_hover_text("L and R: the photo's left and right (the client's right and left)");
            ui.weak("Up").on_hover_text("From the glabella up the midline, to the point's height");
            ui.weak("Across").on_hover_text("From the midline around the head at that height");
            ui.weak("Above eyes").on_hover_text("Straight up from the line through the outer eye corners");
            ui.end_row();
            for row in &figures.transfer {
                ui.label(&row.name);
                ui.label(format!("{:.0}", row.up_midline_mm));
                ui.label(crate::format::across_mm(row.across_mm));
                ui.label(row.above_eye_corners_mm.map_or_else(|| "–".to_owned(), |mm| format!("{mm:.0}")));
                ui.end_row();
            }
        });
        let has_canthi = figures.transfer.iter().any(|r| r.above_eye_corners_mm.is_some());
        if !has_canthi {
            ui.weak("Place both outer eye corners (Landmarks) for the heights above them.");
        }
    }
    let mut every = document.design().view(view_id).is_some_and(|v| v.guides.transfer_every_point);
    ui.checkbox(&mut every, "List every control point").on_hover_text("Also on the design sheet's transfer table");
    document.set(
        "list every control point",
        |d| d.view_mut(view_id).map(|v| &mut v.guides.transfer_every_point),
        every,
    );
}

/// On a side view: whether the head's profile traced on it is in use, or what it lacks.
fn profile_ui(ui: &mut egui::Ui, view: &View) {
    let Some(profile) = view.profile() else {
        ui.label("Trace the head's profile here with the Profile tool (F), from the glabella over the top: the front view's figures then follow this head.");
        return;
    };
    match Profile::from_side_view(&profile.points, view.landmarks.glabella, view.mm_per_px()) {
        Ok(_) => {
            ui.label("This view's profile is in use: the front view's distances, areas and dots follow this head.");
        }
        Err(problem) => {
            ui.colored_label(ui.visuals().warn_fg_color, format!("This view's profile is not used: {problem}."));
        }
    }
}

/// Where the skin figures come from, the estimate flagged, and the profiles not used.
fn source_ui(ui: &mut egui::Ui, scale: &SkinScale) {
    let warn = ui.visuals().warn_fg_color;
    if scale.figures.is_none() {
        ui.weak(format!("This view's areas and distances are in the photo's plane: {}.", scale.source));
    } else if scale.estimated {
        ui.colored_label(
            warn,
            format!(
                "Skin figures {}: the dots and session times stay the photo's until a profile traced on a side view (Profile tool, F) measures this head.",
                scale.source
            ),
        )
        .on_hover_text(
            "The average head: Pheasant and Haslegrave, Bodyspace (2006), adults 19 to 65, 50th percentile, rounded",
        );
    } else {
        ui.label(format!("Skin figures {}.", scale.source));
    }
    for problem in &scale.profile_problems {
        ui.colored_label(warn, format!("Profile not used: {problem}."));
    }
}
