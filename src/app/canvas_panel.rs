//! The canvas in the middle of the window: which photo it shows (the view's, a follow-up being
//! aligned, or a follow-up under comparison), the preview over it, the before/after divider,
//! and the hand-off of the pointer to the active tool.

use std::path::PathBuf;

use egui::PointerButton;

use crate::design::{FollowUpId, PhotoPoint, PhotoRef};

use super::canvas::{self, CanvasPaint, CanvasView};
use super::follow_up::{self, Comparison};
use super::jobs::PhotoPurpose;
use super::photos::{LoadedPhoto, PhotoView, Photos};
use super::preview::{Compare, Preview};
use super::tools::{
    CanvasInput, GRAB_RADIUS_POINTS, REACH_POINTS, SNAP_RADIUS_POINTS, ToolBox, ToolContext, ToolPaint,
};
use super::{StudioApp, view_bar};

/// The canvas and what is shown on it.
pub struct CanvasState {
    /// Zoom, pan, the guides' visibility.
    pub view: CanvasView,
    pub tools: ToolBox,
    pub preview: Preview,
    pub photos: Photos,
    /// The follow-up photo under comparison and its divider.
    pub comparison: Comparison,
    /// The skin eyedropper's patch radius, in mm.
    pub skin_radius_mm: f64,
    /// The lightness (CIE L*) below which *Mark hair* takes the photo for hair.
    pub hair_lightness: f64,
    /// Where the pointer is on the photo, for the status bar.
    pub cursor_in_photo: Option<PhotoPoint>,
    /// The handle under the pointer.
    pub hover: Option<crate::edit::Handle>,
    /// The photo shown last frame: a different one is fitted to the window.
    shown_photo: Option<PathBuf>,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self {
            view: CanvasView::default(),
            tools: ToolBox::default(),
            preview: Preview::shown(),
            photos: Photos::default(),
            comparison: Comparison::default(),
            skin_radius_mm: 4.0,
            hair_lightness: super::inspector::HAIR_LIGHTNESS,
            cursor_in_photo: None,
            hover: None,
            shown_photo: None,
        }
    }
}

impl StudioApp {
    /// A context for the active tool: the open design, the status line and the command queue.
    pub(super) fn with_tools<R>(&mut self, f: impl FnOnce(&mut ToolBox, &mut ToolContext<'_>) -> R) -> R {
        let view = self.open.view_id();
        let photo = self.open.view().and_then(|v| ready(&self.canvas.photos, v.photo.as_ref()));
        let mut cx = ToolContext {
            document: &mut self.open.document,
            view,
            selection: &mut self.open.selection,
            hover: self.canvas.hover,
            mirror: self.canvas.tools.mirror,
            photo,
            skin_radius_mm: self.canvas.skin_radius_mm,
            status: &mut self.status,
            commands: &mut self.commands,
            finished: false,
        };
        let result = f(&mut self.canvas.tools, &mut cx);
        if cx.finished {
            self.canvas.tools.end_task(&mut cx);
        }
        result
    }

    /// The windows the active tool owns.
    pub(super) fn tool_windows(&mut self, ctx: &egui::Context) {
        self.with_tools(|tools, cx| tools.active_mut().window_ui(ctx, cx));
    }

    /// The follow-up photo the active tool works on, or else the one under comparison.
    fn active_follow_up(&self) -> Option<FollowUpId> {
        self.canvas.tools.active().follow_up().or(self.canvas.comparison.follow_up)
    }

    /// The photo the canvas shows: the view's, or a later one while features are marked on it.
    fn canvas_photo_ref(&self) -> Option<&PhotoRef> {
        let view = self.open.view()?;
        match self.canvas.tools.active().shown_follow_up() {
            Some(id) => view.follow_up(id).map(|f| &f.photo),
            None => view.photo.as_ref(),
        }
    }

    /// Starts loading the photos the canvas needs: the view's, and a follow-up photo being
    /// aligned or compared.
    pub(super) fn request_photos(&mut self, ctx: &egui::Context) {
        let view = self.open.view();
        let follow_up = self.active_follow_up().and_then(|id| view?.follow_up(id)).map(|f| &f.photo);
        let wanted: Vec<PathBuf> = [view.and_then(|v| v.photo.as_ref()), follow_up]
            .into_iter()
            .flatten()
            .map(|p| PathBuf::from(&p.path))
            .collect();
        for path in wanted {
            if self.canvas.photos.get(&path).is_none() {
                self.canvas.photos.set_loading(path.clone());
                self.services.jobs.decode_photo(path, PhotoPurpose::Show, super::dispatch::max_display_side(ctx));
            }
        }
    }

    /// Ends the alignment of a follow-up photo removed or undone meanwhile, and forgets the
    /// comparison with one.
    fn forget_gone_follow_ups(&mut self) {
        let task_follow_up = self.canvas.tools.active().follow_up();
        if task_follow_up.is_some_and(|id| self.open.view().and_then(|v| v.follow_up(id)).is_none()) {
            self.with_tools(super::tools::ToolBox::end_task);
        }
        self.canvas.comparison.forget_missing(self.open.view());
    }

    /// How the result is compared with the bare photo (or the follow-up photo, which always
    /// splits), and the share of the width shown bare when split.
    fn comparison(&self, comparing_follow_up: bool) -> (Compare, Option<f32>) {
        let compare = match (self.canvas.preview.enabled, comparing_follow_up) {
            (_, true) => Compare::Split,
            (true, false) => self.canvas.preview.compare,
            (false, false) => Compare::Off,
        };
        let before_share = match (comparing_follow_up, compare) {
            (true, _) => Some(self.canvas.comparison.before_share),
            (false, Compare::Split) => Some(self.canvas.preview.before_share),
            _ => None,
        };
        (compare, before_share)
    }

    /// The canvas: the photo, the preview or a follow-up photo over it, the drawing, the tool's
    /// marks, the divider; then the pointer goes to the tool.
    pub(super) fn canvas_ui(&mut self, ui: &mut egui::Ui) {
        let presenting = self.windows.presenting;
        self.forget_gone_follow_ups();
        let on_task_photo = self.canvas.tools.active().shown_follow_up().is_some();
        let photo_ref = self.canvas_photo_ref().cloned();
        if self.canvas.shown_photo.as_deref() != photo_ref.as_ref().map(|p| std::path::Path::new(&p.path)) {
            self.canvas.shown_photo = photo_ref.as_ref().map(|p| PathBuf::from(&p.path));
            self.canvas.view.fit_pending = true;
        }
        let photo_view = self.canvas.photos.view(photo_ref.as_ref());
        self.commands.extend(view_bar::photo_banner_ui(ui, photo_view.as_ref()));
        let (texture, size) = match (&photo_view, &photo_ref) {
            (Some(PhotoView::Ready(p) | PhotoView::Changed(p)), _) => {
                (Some(&p.texture), Some((p.width_px, p.height_px)))
            }
            (_, Some(r)) => (None, Some((r.width_px, r.height_px))),
            _ => (None, None),
        };
        // Photo sides are at most a few tens of thousands of pixels: exact in f32.
        #[expect(clippy::cast_precision_loss, reason = "photo sizes are far below 2^24")]
        let photo_size_px = size.map(|(w, h)| egui::vec2(w as f32, h as f32));
        let view = self.open.document.design().view(self.open.view_id());
        let follow_up = if self.canvas.tools.on_task() {
            None
        } else {
            follow_up::compared(view, &self.canvas.comparison, &self.canvas.photos)
        };
        let comparing_follow_up = follow_up.is_some();
        let preview_enabled = self.canvas.preview.enabled;
        let (compare, before_share) = self.comparison(comparing_follow_up);
        let preview = match (&photo_view, photo_size_px) {
            (Some(PhotoView::Ready(photo) | PhotoView::Changed(photo)), Some(size))
                if follow_up.is_none() && !on_task_photo =>
            {
                result_placement(ui, &mut self.canvas.view, size, compare, before_share).and_then(|(rect, viewport)| {
                    let (ctx, document, view) = (ui.ctx(), &self.open.document, self.open.view_id());
                    let (texture, shown) = self.canvas.preview.texture(ctx, document, view, &photo.levels, viewport)?;
                    let (rect, uv) = super::preview::placed(rect, &viewport, &shown);
                    Some((texture, rect, uv))
                })
            }
            _ => {
                self.canvas.preview.forget();
                None
            }
        };
        if let (Compare::SideBySide, Some(size)) = (compare, photo_size_px) {
            canvas::side_by_side_ui(ui, texture, preview, size);
            return;
        }
        let Some(view) = view else {
            ui.centered_and_justified(|ui| ui.label("This design has no views. Use + Add view above."));
            return;
        };
        let tool = self.canvas.tools.active();
        let head = self.open.document.design().head_fit(view);
        let paint = CanvasPaint {
            view,
            head: &head,
            texture,
            dots_shown: preview.is_some() && preview_enabled,
            preview,
            before_share,
            photo_size_px,
            selection: self.open.selection,
            hover: self.canvas.tools.dragging().or(self.canvas.hover),
            open_zone: tool.open_zone(),
            drawing: !presenting && !on_task_photo,
            guides: self.canvas.view.guides_visible,
            follow_up,
        };
        let response = canvas::canvas_ui(ui, &mut self.canvas.view, &paint);
        if !presenting {
            let to_screen = |p| self.canvas.view.to_screen(response.rect, p);
            let cursor = response.hover_pos().map(|p| self.canvas.view.to_photo(response.rect, p));
            let painter = ui.painter_at(response.rect);
            tool.paint(&ToolPaint { painter: &painter, to_screen: &to_screen, view, head: &head, cursor });
        }
        if photo_view.is_none() && photo_ref.is_none() {
            view_bar::empty_canvas_hint_ui(ui, response.rect);
        }
        let divider = before_share.zip(photo_size_px).map(|(_, size)| {
            let photo_rect = self
                .canvas
                .view
                .screen_from_photo(response.rect)
                .mul_rect(egui::Rect::from_min_size(egui::Pos2::ZERO, size));
            let share = if comparing_follow_up {
                &mut self.canvas.comparison.before_share
            } else {
                &mut self.canvas.preview.before_share
            };
            canvas::divider_ui(ui, photo_rect, response.rect, share)
        });
        let on_divider = divider.is_some_and(|d| d.hovered() || d.dragged());
        self.canvas_input(ui, &response, on_divider);
    }

    /// Panning and zooming for every tool; clicks, drags and keys to the active tool.
    fn canvas_input(&mut self, ui: &egui::Ui, response: &egui::Response, on_divider: bool) {
        let pan_tool = self.canvas.tools.chosen == super::Tool::Pan && !self.canvas.tools.on_task();
        let panning = self.canvas.view.navigate(ui, response, pan_tool);
        let input = self.canvas_input_of(ui, response);
        self.canvas.cursor_in_photo = input.cursor;
        if self.windows.presenting {
            // Looking, not editing: the photo pans and zooms, and nothing else moves.
            response.clone().on_hover_cursor(if panning { egui::CursorIcon::Grab } else { egui::CursorIcon::Default });
            return;
        }
        if self.canvas.tools.dragging().is_none() {
            self.canvas.hover = self
                .open
                .view()
                .zip(input.cursor)
                .and_then(|(v, c)| crate::edit::pick::handle_under(v, c, input.grab_px));
        }
        if !panning && !on_divider {
            self.with_tools(|tools, cx| tools.input(&input, cx));
        }
        let over_handle = self.canvas.hover.is_some();
        let cursor = if panning { egui::CursorIcon::Grab } else { self.canvas.tools.active().cursor(over_handle) };
        response.clone().on_hover_cursor(cursor);
    }

    /// This frame's pointer and keys on the canvas, in photo pixels.
    fn canvas_input_of(&self, ui: &egui::Ui, response: &egui::Response) -> CanvasInput {
        let view = &self.canvas.view;
        let to_photo = |p| view.to_photo(response.rect, p);
        let (enter, escape, press_origin) =
            ui.input(|i| (i.key_pressed(egui::Key::Enter), i.key_pressed(egui::Key::Escape), i.pointer.press_origin()));
        let photo_px = |points: f32| f64::from(points / view.zoom);
        CanvasInput {
            cursor: response.hover_pos().map(to_photo),
            press_origin: press_origin.map(to_photo),
            clicked: response.clicked_by(PointerButton::Primary),
            double_clicked: response.double_clicked(),
            drag_started: response.drag_started_by(PointerButton::Primary),
            dragging: response.dragged_by(PointerButton::Primary),
            // A middle-button pan ends in a drag stop too; it is no second click of a tool.
            drag_stopped: response.drag_stopped_by(PointerButton::Primary),
            enter,
            escape,
            grab_px: photo_px(GRAB_RADIUS_POINTS),
            snap_px: photo_px(SNAP_RADIUS_POINTS),
            reach_px: photo_px(REACH_POINTS),
        }
    }
}

/// The loaded photo of `photo`, changed or not.
pub fn ready<'a>(photos: &'a Photos, photo: Option<&PhotoRef>) -> Option<&'a LoadedPhoto> {
    match photos.view(photo)? {
        PhotoView::Ready(loaded) | PhotoView::Changed(loaded) => Some(loaded),
        _ => None,
    }
}

/// Where the simulated result goes on screen, worked out before the canvas is painted: the
/// screen pixels it covers (the photo, or with the split comparison the part right of the
/// divider, or the "after" half side by side) and the viewport that renders them.
fn result_placement(
    ui: &egui::Ui,
    view: &mut canvas::CanvasView,
    size: egui::Vec2,
    compare: Compare,
    before_share: Option<f32>,
) -> Option<(egui::Rect, crate::render::Viewport)> {
    let area = ui.available_rect_before_wrap();
    let (photo_rect, mut visible) = if compare == Compare::SideBySide {
        let [_, after] = canvas::side_by_side_rects(area, size);
        (after, after)
    } else {
        view.prepare(area, Some(size));
        (view.screen_from_photo(area).mul_rect(egui::Rect::from_min_size(egui::Pos2::ZERO, size)), area)
    };
    if let (Compare::Split, Some(share)) = (compare, before_share) {
        visible.min.x = visible.min.x.max(photo_rect.left() + photo_rect.width() * share.clamp(0.0, 1.0));
    }
    canvas::viewport_for(photo_rect, size, visible, ui.ctx().pixels_per_point())
}
