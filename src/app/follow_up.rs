//! Follow-up photos: a later photo of the same view, aligned to the first by two features marked
//! on both, and compared with it under the before/after divider.
//!
//! Aligning takes four clicks: features A and B on the earlier photo, then the same two on the
//! later one (the canvas switches photos in between). The pairs are saved in the design, so the
//! alignment is reopened exactly.

use egui::{Color32, Pos2, Rect, Stroke};

use crate::design::{Document, FollowUp, PhotoPoint};

use super::command::Command;

/// The follow-up photos' part of the studio's state.
#[derive(Debug, Default)]
pub struct FollowUps {
    /// The follow-up photo (of the current view) being compared, if any.
    pub comparing: Option<usize>,
    /// The share of the photo, from the left, showing the earlier photo.
    pub before_share: f32,
    pub aligning: Option<Aligning>,
}

/// An alignment in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Aligning {
    pub index: usize,
    /// Features A and B on the view's own (earlier) photo, then on the later one.
    pub earlier: Vec<PhotoPoint>,
    pub later: Vec<PhotoPoint>,
}

impl Aligning {
    pub fn new(index: usize) -> Self {
        Self { index, earlier: Vec::new(), later: Vec::new() }
    }

    /// Whether the clicks now go on the later photo.
    pub fn on_later_photo(&self) -> bool {
        self.earlier.len() == 2
    }

    /// Records a click; returns the two pairs once all four points are in.
    pub fn click(&mut self, at: PhotoPoint) -> Option<Vec<[PhotoPoint; 2]>> {
        if self.on_later_photo() {
            self.later.push(at);
        } else {
            self.earlier.push(at);
        }
        (self.later.len() == 2).then(|| vec![[self.earlier[0], self.later[0]], [self.earlier[1], self.later[1]]])
    }

    /// What to click next.
    pub fn prompt(&self) -> &'static str {
        match (self.earlier.len(), self.later.len()) {
            (0, _) => {
                "Align, 1 of 4: on the EARLIER photo, click a feature A you can find on both (a mole, a brow's peak, an eye's corner)."
            }
            (1, _) => "Align, 2 of 4: on the EARLIER photo, click a second feature B, far from A.",
            (_, 0) => "Align, 3 of 4: on the LATER photo, click the same feature A.",
            _ => "Align, 4 of 4: on the LATER photo, click the same feature B.",
        }
    }

    /// The points placed on the photo now shown, with their letters.
    pub fn markers(&self) -> Vec<(&'static str, PhotoPoint)> {
        let shown = if self.on_later_photo() { &self.later } else { &self.earlier };
        ["A", "B"].into_iter().zip(shown.iter().copied()).collect()
    }
}

/// The inspector's "Follow-up photos" section for view `view_index`.
pub fn follow_ups_ui(ui: &mut egui::Ui, document: &mut Document, view_index: usize, state: &FollowUps) -> Vec<Command> {
    let mut actions = Vec::new();
    let Some(view) = document.design().views.get(view_index) else {
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
                document.set(|d| d.views.get_mut(view_index)?.follow_ups.get_mut(index).map(|f| &mut f.date), date);
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
                let comparing = state.comparing == Some(index);
                let can_compare = follow_up.alignment().is_some();
                let compare = ui
                    .add_enabled(
                        can_compare,
                        egui::Button::selectable(comparing, format!("Compare photo {}", index + 1)),
                    )
                    .on_hover_text("The earlier photo left of the divider, this one right of it")
                    .on_disabled_hover_text("Align it first");
                if compare.clicked() {
                    actions.push(Command::CompareFollowUp((!comparing).then_some(index)));
                }
                let aligning = state.aligning.as_ref().is_some_and(|a| a.index == index);
                let label = if follow_up.pairs.is_empty() { "Align…" } else { "Align again…" };
                if ui.add_enabled(!aligning, egui::Button::new(label)).clicked() {
                    actions.push(Command::AlignFollowUp(index));
                }
                if ui.button("Remove").on_hover_text("Forget this photo (the file stays)").clicked() {
                    actions.push(Command::RemoveFollowUp(index));
                }
            });
        });
    }
    if let Some(aligning) = &state.aligning {
        ui.colored_label(ui.visuals().warn_fg_color, aligning.prompt());
        if ui.button("Cancel alignment").clicked() {
            actions.push(Command::CancelAlignment);
        }
    }
    if ui.button("+ Add follow-up photo…").clicked() {
        actions.push(Command::AddFollowUp(None));
    }
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

impl FollowUps {
    pub fn new() -> Self {
        Self { comparing: None, before_share: 0.5, aligning: None }
    }

    /// Stops comparing or aligning a follow-up photo the view no longer has.
    pub fn forget_missing(&mut self, view: Option<&crate::design::View>) {
        let count = view.map_or(0, |v| v.follow_ups.len());
        if self.comparing.is_some_and(|i| i >= count) {
            self.comparing = None;
        }
        if self.aligning.as_ref().is_some_and(|a| a.index >= count) {
            self.aligning = None;
        }
    }
}

impl super::StudioApp {
    /// The follow-up photo being aligned, or else compared, on the current view.
    pub(super) fn active_follow_up(&self) -> Option<&FollowUp> {
        let index = self.follow_ups.aligning.as_ref().map(|a| a.index).or(self.follow_ups.comparing)?;
        self.document.design().views.get(self.view_index)?.follow_ups.get(index)
    }

    /// The photo the canvas shows: the view's, or the later one while features are marked on it.
    pub(super) fn canvas_photo_ref(&self) -> Option<&crate::design::PhotoRef> {
        if self.follow_ups.aligning.as_ref().is_some_and(Aligning::on_later_photo) {
            self.active_follow_up().map(|f| &f.photo)
        } else {
            self.current_photo_ref()
        }
    }
}

/// The follow-up photo of `view` under comparison, aligned and loaded.
pub fn compared<'a>(
    view: Option<&crate::design::View>,
    state: &FollowUps,
    photos: &'a super::photos::Photos,
) -> Option<super::canvas::AlignedPhoto<'a>> {
    let follow_up = view?.follow_ups.get(state.comparing?)?;
    let to_view = follow_up.alignment()?;
    let texture = match photos.view(Some(&follow_up.photo))? {
        super::photos::PhotoView::Ready(loaded) | super::photos::PhotoView::Changed(loaded) => &loaded.texture,
        _ => return None,
    };
    let size_px = [f64::from(follow_up.photo.width_px), f64::from(follow_up.photo.height_px)];
    Some(super::canvas::AlignedPhoto { texture, size_px, to_view })
}

impl super::StudioApp {
    /// A decoded later photo becomes a follow-up of view `view_index`, and its alignment starts.
    pub(super) fn add_follow_up(
        &mut self,
        ctx: &egui::Context,
        view_index: usize,
        path: &std::path::Path,
        photo: crate::io::DecodedPhoto,
    ) {
        let (width_px, height_px, sha256) = (photo.width_px, photo.height_px, photo.sha256.clone());
        let Some(photo_ref) = crate::io::photo_ref_for(path, sha256, width_px, height_px) else {
            self.dialogs.error(super::unstorable_path_message(path));
            return;
        };
        let Some(view) = self.document.design().views.get(view_index) else {
            return;
        };
        if view.follow_ups.len() >= crate::design::Limits::MAX_FOLLOW_UPS {
            self.dialogs.error(format!(
                "This view already has {} follow-up photos; remove one to add another.",
                view.follow_ups.len()
            ));
            return;
        }
        let index = view.follow_ups.len();
        self.photos.set_loaded(ctx, std::path::PathBuf::from(&photo_ref.path), photo);
        let date = Some(crate::design::today_iso());
        if let Some(view) = self.document.design_mut().views.get_mut(view_index) {
            view.add_follow_up(FollowUp {
                id: crate::design::FollowUpId::default(),
                photo: photo_ref,
                date,
                pairs: Vec::new(),
            });
        }
        self.view_index = view_index;
        self.start_alignment(index);
    }

    pub(super) fn start_alignment(&mut self, index: usize) {
        self.follow_ups.comparing = None;
        let aligning = Aligning::new(index);
        self.status = aligning.prompt().to_owned();
        self.follow_ups.aligning = Some(aligning);
        self.canvas.fit_pending = true;
    }

    /// A click on the canvas while aligning.
    pub(super) fn alignment_click(&mut self, at: PhotoPoint) {
        let Some(aligning) = self.follow_ups.aligning.as_mut() else {
            return;
        };
        let was_on_later = aligning.on_later_photo();
        let index = aligning.index;
        let Some(pairs) = aligning.click(at) else {
            // After the second click the canvas switches to the later photo.
            self.canvas.fit_pending |= aligning.on_later_photo() != was_on_later;
            self.status = aligning.prompt().to_owned();
            return;
        };
        self.canvas.fit_pending = true;
        let view = self.view_index;
        let Some(mut aligned) = self.document.design().views.get(view).and_then(|v| v.follow_ups.get(index)).cloned()
        else {
            return;
        };
        aligned.pairs = pairs;
        if aligned.alignment().is_none() {
            self.status = "A and B must be different points on both photos: mark them again.".to_owned();
            self.follow_ups.aligning = Some(Aligning::new(index));
            return;
        }
        self.document.set(|d| d.views.get_mut(view)?.follow_ups.get_mut(index), aligned);
        self.follow_ups.aligning = None;
        self.follow_ups.comparing = Some(index);
        self.status = format!(
            "Follow-up photo {} aligned: drag the divider to compare the earlier photo (left) with the later one (right).",
            index + 1
        );
    }

    pub(super) fn remove_follow_up(&mut self, index: usize) {
        let removed = self
            .document
            .design_mut()
            .views
            .get_mut(self.view_index)
            .and_then(|view| (index < view.follow_ups.len()).then(|| view.follow_ups.remove(index)));
        if removed.is_some() {
            self.follow_ups = FollowUps { before_share: self.follow_ups.before_share, ..FollowUps::new() };
            self.status = format!("Removed follow-up photo {} from the design (the file stays).", index + 1);
        }
    }
}
