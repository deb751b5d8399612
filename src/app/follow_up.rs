//! Follow-up photos: a later photo of the same view, aligned to the first by two features marked
//! on both (the alignment task is `tools::align`), and compared with it under the before/after
//! divider. The pairs are saved in the design, so the alignment is reopened exactly.

use egui::{Color32, Pos2, Rect, Stroke};

use crate::design::{Document, FollowUp, FollowUpId, PhotoPoint, View, ViewId, ZoneId};

use super::command::Command;

/// The follow-up photo under comparison, and where the divider is.
#[derive(Debug)]
pub struct Comparison {
    /// The follow-up photo (of the view shown) being compared, if any.
    pub follow_up: Option<FollowUpId>,
    /// The share of the photo, from the left, showing the earlier photo.
    pub before_share: f32,
}

impl Default for Comparison {
    fn default() -> Self {
        Self { follow_up: None, before_share: 0.5 }
    }
}

impl Comparison {
    /// Stops comparing a follow-up photo the view no longer has.
    pub fn forget_missing(&mut self, view: Option<&View>) {
        if self.follow_up.is_some_and(|id| view.and_then(|v| v.follow_up(id)).is_none()) {
            self.follow_up = None;
        }
    }
}

/// What the follow-up section shows beside the design.
pub struct FollowUpContext<'a> {
    /// The follow-up photo being aligned, and the alignment's prompt.
    pub aligning: Option<&'a (FollowUpId, String)>,
    /// The clinic's calibration of the healed look, and the last reading.
    pub healed: &'a super::healed::Healed,
    /// The selected zone, which "Measure the healed result" reads.
    pub zone: Option<ZoneId>,
}

/// The inspector's "Follow-up photos" section for view `view_id`.
pub fn follow_ups_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    view_id: ViewId,
    comparison: &Comparison,
    context: &FollowUpContext<'_>,
) -> Vec<Command> {
    let aligning = context.aligning;
    let mut actions = Vec::new();
    let Some(view) = document.design().view(view_id) else {
        return actions;
    };
    if view.photo.is_none() {
        ui.label("Open this view's photo first; later photos are compared with it.");
        return actions;
    }
    let follow_ups: Vec<FollowUp> = view.follow_ups.clone();
    if follow_ups.is_empty() {
        ui.label("At a later visit, add a photo taken from the same angle to compare the result with the start.");
    }
    for (index, follow_up) in follow_ups.iter().enumerate() {
        ui.group(|ui| {
            let file = std::path::Path::new(&follow_up.photo.path)
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            ui.horizontal(|ui| {
                ui.strong(format!("Photo {}", index + 1));
                ui.weak(file);
            });
            egui::Grid::new(("follow-up", index)).num_columns(2).show(ui, |ui| {
                let mut date = follow_up.date.clone();
                super::client_panel::date_row_named(ui, "Taken", &format!("Follow-up {} date", index + 1), &mut date);
                let id = follow_up.id;
                document.set(
                    "follow-up photo date",
                    |d| d.view_mut(view_id)?.follow_up_mut(id).map(|f| &mut f.date),
                    date,
                );
            });
            match follow_up.alignment() {
                Some(alignment) => ui.label(format!(
                    "Aligned: scaled × {:.2}, turned {:.1}°",
                    alignment.scale(),
                    alignment.rotation_degrees()
                )),
                None => ui.colored_label(ui.visuals().warn_fg_color, "Not aligned yet"),
            };
            ui.horizontal(|ui| {
                let comparing = comparison.follow_up == Some(follow_up.id);
                let can_compare = follow_up.alignment().is_some();
                let compare = ui
                    .add_enabled(
                        can_compare,
                        egui::Button::selectable(comparing, format!("Compare photo {}", index + 1)),
                    )
                    .on_hover_text("The earlier photo left of the divider, this one right of it")
                    .on_disabled_hover_text("Align it first");
                if compare.clicked() {
                    actions.push(Command::CompareFollowUp((!comparing).then_some(follow_up.id)));
                }
                let aligning = aligning.as_ref().is_some_and(|(id, _)| *id == follow_up.id);
                let label = if follow_up.pairs.is_empty() { "Align…" } else { "Align again…" };
                if ui.add_enabled(!aligning, egui::Button::new(label)).clicked() {
                    actions.push(Command::AlignFollowUp(follow_up.id));
                }
                if ui.button("Remove").on_hover_text("Forget this photo (the file stays)").clicked() {
                    actions.push(Command::RemoveFollowUp(follow_up.id));
                }
            });
            if follow_up.alignment().is_some() {
                actions.extend(super::healed::measure_ui(ui, context.healed, follow_up, context.zone));
            }
        });
    }
    if let Some((_, prompt)) = aligning {
        ui.colored_label(ui.visuals().warn_fg_color, prompt);
        if ui.button("Cancel alignment").clicked() {
            actions.push(Command::CancelAlignment);
        }
    }
    if ui.button("+ Add follow-up photo…").clicked() {
        actions.push(Command::AddFollowUp(None));
    }
    ui.separator();
    actions.extend(super::healed::calibration_ui(ui, context.healed));
    actions
}

/// Paints `texture` (a follow-up photo of `size_px`) where `to_view` puts it on the view's photo,
/// right of the divider at `divider_x` (screen), through `to_screen`.
pub fn paint_aligned(
    painter: &egui::Painter,
    texture: &egui::TextureHandle,
    size_px: [f64; 2],
    to_view: &crate::geometry::Similarity,
    to_screen: &dyn Fn(PhotoPoint) -> Pos2,
    divider_x: f32,
) {
    let [w, h] = size_px;
    let corners =
        [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)].map(|(x, y)| to_screen(to_view.apply(PhotoPoint::new(x, y))));
    let uvs = [Pos2::new(0.0, 0.0), Pos2::new(1.0, 0.0), Pos2::new(1.0, 1.0), Pos2::new(0.0, 1.0)];
    let mut mesh = egui::Mesh::with_texture(texture.id());
    for (pos, uv) in corners.into_iter().zip(uvs) {
        mesh.vertices.push(egui::epaint::Vertex { pos, uv, color: Color32::WHITE });
    }
    mesh.add_triangle(0, 1, 2);
    mesh.add_triangle(0, 2, 3);
    let clip = painter.clip_rect();
    let after = Rect::from_min_max(Pos2::new(divider_x.max(clip.left()), clip.top()), clip.max);
    painter.with_clip_rect(after).add(egui::Shape::mesh(mesh));
}

/// The lettered points of an alignment in progress.
pub fn paint_markers(painter: &egui::Painter, markers: &[(&str, PhotoPoint)], to_screen: &dyn Fn(PhotoPoint) -> Pos2) {
    for &(letter, point) in markers {
        let at = to_screen(point);
        painter.circle_stroke(at, 9.0, Stroke::new(2.5, Color32::BLACK));
        painter.circle_stroke(at, 9.0, Stroke::new(1.5, Color32::from_rgb(255, 230, 80)));
        painter
            .line_segment([at - egui::vec2(14.0, 0.0), at + egui::vec2(14.0, 0.0)], Stroke::new(1.0, Color32::WHITE));
        painter
            .line_segment([at - egui::vec2(0.0, 14.0), at + egui::vec2(0.0, 14.0)], Stroke::new(1.0, Color32::WHITE));
        painter.text(
            at + egui::vec2(12.0, -12.0),
            egui::Align2::LEFT_BOTTOM,
            letter,
            egui::FontId::proportional(16.0),
            Color32::from_rgb(255, 230, 80),
        );
    }
}

/// The follow-up photo of `view` under comparison, aligned and loaded.
pub fn compared<'a>(
    view: Option<&View>,
    comparison: &Comparison,
    photos: &'a super::photos::Photos,
) -> Option<super::canvas::AlignedPhoto<'a>> {
    let follow_up: &FollowUp = view?.follow_up(comparison.follow_up?)?;
    let to_view = follow_up.alignment()?;
    let texture = match photos.view(Some(&follow_up.photo))? {
        super::photos::PhotoView::Ready(loaded) | super::photos::PhotoView::Changed(loaded) => &loaded.texture,
        _ => return None,
    };
    let size_px = [f64::from(follow_up.photo.width_px), f64::from(follow_up.photo.height_px)];
    Some(super::canvas::AlignedPhoto { texture, size_px, to_view })
}
