//! The canvas: where the photo and the drawing are shown, zoomed and panned.
//!
//! The mapping between photo pixels and screen points lives here and only here
//! ([`CanvasView::screen_from_photo`]); the rest of the app speaks photo coordinates.

use egui::emath::TSTransform;
use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2};

use crate::design::{CurveRole, PhotoPoint, View, ZoneId};
use crate::edit::{Handle, Selection, ShapeRef};
use crate::geometry::{sample_curve, triangulate};

use super::overlay::{Overlay, paint_bands, paint_overlay};

/// Zoom bounds, in screen points per photo pixel.
const MIN_ZOOM: f32 = 0.01;
const MAX_ZOOM: f32 = 64.0;
/// One wheel notch or +/- key press zooms by this factor.
const ZOOM_STEP: f32 = 1.25;

/// How the photo sits in the canvas.
#[derive(Clone, Debug)]
pub struct CanvasView {
    /// Screen points per photo pixel.
    pub zoom: f32,
    /// Where the photo's origin is, relative to the canvas's top-left corner, in screen points.
    pub offset: Vec2,
    /// Fit the photo at the next frame (after opening one, or on request).
    pub fit_pending: bool,
    /// The canvas rectangle of the last frame, for zoom commands between frames.
    pub last_rect: Rect,
    /// Whether the anatomical guides are shown: a way of looking, not part of the design.
    pub guides_visible: bool,
    /// The photo is fitted to the canvas (not zoomed or panned since): it is fitted again when
    /// the window changes size.
    at_fit: bool,
}

impl Default for CanvasView {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            offset: Vec2::ZERO,
            fit_pending: true,
            last_rect: Rect::NOTHING,
            guides_visible: true,
            at_fit: false,
        }
    }
}

impl CanvasView {
    /// Notes the canvas's rectangle for this frame and fits the photo if asked to, or if the
    /// canvas changed size while the photo was fitted. Calling it again in the same frame
    /// changes nothing.
    pub fn prepare(&mut self, canvas: Rect, photo_size_px: Option<Vec2>) {
        if self.at_fit && self.last_rect.size() != canvas.size() {
            self.fit_pending = true;
        }
        self.last_rect = canvas;
        if let (true, Some(size)) = (self.fit_pending, photo_size_px) {
            self.fit(canvas, size);
        }
    }

    /// The one transform from photo pixels to screen points.
    pub fn screen_from_photo(&self, canvas: Rect) -> TSTransform {
        TSTransform::new(canvas.min.to_vec2() + self.offset, self.zoom)
    }

    pub fn to_screen(&self, canvas: Rect, point: PhotoPoint) -> Pos2 {
        // Photo coordinates are bounded by validation (1e6 px), well inside f32's exact range.
        #[expect(clippy::cast_possible_truncation, reason = "bounded photo coordinates")]
        self.screen_from_photo(canvas).mul_pos(Pos2::new(point.x as f32, point.y as f32))
    }

    pub fn to_photo(&self, canvas: Rect, pos: Pos2) -> PhotoPoint {
        let p = self.screen_from_photo(canvas).inverse().mul_pos(pos);
        PhotoPoint::new(f64::from(p.x), f64::from(p.y))
    }

    /// Zooms by `factor`, keeping the photo point under `anchor` (a screen position) still.
    pub fn zoom_about(&mut self, canvas: Rect, anchor: Pos2, factor: f32) {
        self.at_fit = false;
        let new_zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let anchor_in_canvas = anchor - canvas.min;
        let photo_anchor = (anchor_in_canvas - self.offset) / self.zoom;
        self.zoom = new_zoom;
        self.offset = anchor_in_canvas - photo_anchor * new_zoom;
    }

    pub fn zoom_step(&mut self, steps: i32) {
        let rect = self.last_rect;
        if rect.is_positive() {
            self.zoom_about(rect, rect.center(), ZOOM_STEP.powi(steps));
        }
    }

    /// Zooms so the whole photo (`size_px`) fits the canvas with a margin, centred.
    pub fn fit(&mut self, canvas: Rect, size_px: Vec2) {
        if !canvas.is_positive() || size_px.min_elem() <= 0.0 {
            return;
        }
        let margin = 16.0;
        let available = (canvas.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(1.0));
        self.zoom = (available / size_px).min_elem().clamp(MIN_ZOOM, MAX_ZOOM);
        self.offset = (canvas.size() - size_px * self.zoom) / 2.0;
        self.fit_pending = false;
        self.at_fit = true;
    }

    /// Zooms to one photo pixel per physical screen pixel, about the canvas centre.
    pub fn zoom_to_actual_pixels(&mut self, pixels_per_point: f32) {
        let rect = self.last_rect;
        if rect.is_positive() {
            self.zoom_about(rect, rect.center(), 1.0 / pixels_per_point / self.zoom);
        }
    }

    /// Wheel zoom and middle-button / Space panning, for every tool. Returns true while panning.
    pub fn navigate(&mut self, ui: &egui::Ui, response: &egui::Response, pan_tool: bool) -> bool {
        let canvas = response.rect;
        let (scroll, pinch, space, middle_down, delta) = ui.input(|i| {
            (
                i.smooth_scroll_delta.y,
                i.zoom_delta(),
                i.key_down(egui::Key::Space),
                i.pointer.middle_down(),
                i.pointer.delta(),
            )
        });
        if let Some(hover) = response.hover_pos() {
            if scroll != 0.0 {
                // A wheel notch is about 50 points on most systems; trackpads send smaller steps.
                self.zoom_about(canvas, hover, ZOOM_STEP.powf(scroll / 50.0));
            }
            if (pinch - 1.0).abs() > f32::EPSILON {
                self.zoom_about(canvas, hover, pinch);
            }
        }
        let panning = response.dragged() && (pan_tool || space || middle_down);
        if panning {
            self.offset += delta;
            self.at_fit = false;
        }
        panning
    }
}

/// The before/after divider over `photo_rect` at `share` of its width: a line with a handle to
/// drag and its two labels, all inside the `canvas` (never over the bars above it). Dragging it
/// (or the handle) moves `share`.
pub fn divider_ui(ui: &egui::Ui, photo_rect: Rect, canvas: Rect, share: &mut f32) -> egui::Response {
    let visible = photo_rect.intersect(canvas).intersect(ui.clip_rect());
    let x = photo_rect.left() + photo_rect.width() * share.clamp(0.0, 1.0);
    let grip = Rect::from_x_y_ranges(x - 10.0..=x + 10.0, visible.y_range());
    let response = ui.interact(grip, egui::Id::unique("before/after divider"), Sense::drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Before/after divider"));
    if let Some(pointer) = response.interact_pointer_pos().filter(|_| response.dragged()) {
        *share = ((pointer.x - photo_rect.left()) / photo_rect.width().max(1.0)).clamp(0.0, 1.0);
    }
    let x = photo_rect.left() + photo_rect.width() * *share;
    let painter = ui.painter_at(visible);
    let active = response.hovered() || response.dragged();
    painter.line_segment(
        [Pos2::new(x, visible.top()), Pos2::new(x, visible.bottom())],
        Stroke::new(if active { 3.0 } else { 2.0 }, Color32::WHITE),
    );
    let handle = Pos2::new(x, visible.center().y);
    painter.circle(handle, 14.0, Color32::from_black_alpha(150), Stroke::new(2.0, Color32::WHITE));
    painter.text(handle, egui::Align2::CENTER_CENTER, "◀▶", egui::FontId::proportional(12.0), Color32::WHITE);
    let y = visible.top() + 14.0;
    for (text, anchor, dx) in [("Before", egui::Align2::RIGHT_CENTER, -8.0), ("After", egui::Align2::LEFT_CENTER, 8.0)]
    {
        label(&painter, text, anchor.anchor_size(Pos2::new(x + dx, y), Vec2::ZERO).min, anchor);
    }
    response.on_hover_and_drag_cursor(egui::CursorIcon::ResizeHorizontal)
}

/// White text on a dark backdrop, readable over any photo.
fn label(painter: &egui::Painter, text: &str, at: Pos2, anchor: egui::Align2) {
    let galley = painter.layout_no_wrap(text.to_owned(), egui::FontId::proportional(15.0), Color32::WHITE);
    let rect = anchor.anchor_size(at, galley.size());
    painter.rect_filled(rect.expand(3.0), 3.0, Color32::from_black_alpha(120));
    painter.galley(rect.min, galley, Color32::WHITE);
}

/// Where the bare photo and the result go side by side in `area`, each fitted into half of it.
pub fn side_by_side_rects(area: Rect, photo_size_px: Vec2) -> [Rect; 2] {
    let (left, right) = area.shrink(8.0).split_left_right_at_fraction(0.5);
    [left, right].map(|half| {
        let half = half.shrink2(Vec2::new(4.0, 0.0));
        let scale = (half.width() / photo_size_px.x.max(1.0)).min(half.height() / photo_size_px.y.max(1.0));
        Rect::from_center_size(half.center(), photo_size_px * scale)
    })
}

/// The bare photo and the result side by side, each fitted into half of the space; `preview`
/// is the result's texture and where it goes.
pub fn side_by_side_ui(
    ui: &mut egui::Ui,
    photo: Option<&egui::TextureHandle>,
    preview: Option<(&egui::TextureHandle, Rect, Rect)>,
    photo_size_px: Vec2,
) -> egui::Response {
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Before and after, side by side"));
    painter.rect_filled(response.rect, 0.0, Color32::from_gray(38));
    let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
    let [before, after] = side_by_side_rects(response.rect, photo_size_px);
    for (rect, text) in [(before, "Before"), (after, "After")] {
        if let Some(texture) = photo {
            painter.image(texture.id(), rect, uv, Color32::WHITE);
        } else {
            painter.rect_filled(rect, 0.0, Color32::from_gray(60));
        }
        label(&painter, text, rect.center_top() + Vec2::new(0.0, 14.0), egui::Align2::CENTER_CENTER);
    }
    if let Some((texture, rect, part)) = preview {
        // Clipped: a blur still being worked out shows where the result was a moment ago.
        painter.with_clip_rect(after).image(texture.id(), rect, part, Color32::WHITE);
        label(&painter, "After", after.center_top() + Vec2::new(0.0, 14.0), egui::Align2::CENTER_CENTER);
    }
    response
}

/// The screen pixels that show the part `visible` (screen points) of a photo `photo_size_px`
/// large drawn at `photo_rect`, and the viewport that renders exactly them: whole physical
/// pixels, so the result's texels fall one to one on the screen's. `None` when nothing of the
/// photo is visible, or absurdly much.
pub fn viewport_for(
    photo_rect: Rect,
    photo_size_px: Vec2,
    visible: Rect,
    pixels_per_point: f32,
) -> Option<(Rect, crate::render::Viewport)> {
    /// A 8K screen's worth of pixels.
    const MOST_PIXELS: f32 = 7680.0 * 4320.0;
    let visible = visible.intersect(photo_rect);
    let ppp = pixels_per_point.max(0.1);
    let (min, max) = ((visible.min.to_vec2() * ppp).floor(), (visible.max.to_vec2() * ppp).ceil());
    let size = max - min;
    if !(size.x >= 1.0 && size.y >= 1.0 && size.x * size.y <= MOST_PIXELS) || photo_size_px.x < 1.0 {
        return None;
    }
    let rect = Rect::from_min_max((min / ppp).to_pos2(), (max / ppp).to_pos2());
    let points_per_photo_px = f64::from(photo_rect.width() / photo_size_px.x);
    let origin = rect.min - photo_rect.min;
    // Sizes checked above: whole, positive and at most 8K.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "checked above")]
    let viewport = crate::render::Viewport {
        origin_px: [f64::from(origin.x) / points_per_photo_px, f64::from(origin.y) / points_per_photo_px],
        scale: points_per_photo_px * f64::from(ppp),
        width: size.x as u32,
        height: size.y as u32,
    };
    Some((rect, viewport))
}

/// Everything needed to paint one view.
pub struct CanvasPaint<'a> {
    pub view: &'a View,
    /// The head the view is mapped onto, for the guides placed along the skin.
    pub head: &'a crate::design::HeadFit,
    pub texture: Option<&'a egui::TextureHandle>,
    /// The simulated result, drawn over the photo when the preview is on, and where it goes
    /// (see [`viewport_for`]).
    /// The texture, where to draw it and which part of it (its uv).
    pub preview: Option<(&'a egui::TextureHandle, Rect, Rect)>,
    /// Whether `preview` holds the simulated dots (it may be only the corrected photo).
    pub dots_shown: bool,
    /// With the split comparison, the share of the photo's width, from the left, shown bare
    /// ("before") beside the preview.
    pub before_share: Option<f32>,
    pub photo_size_px: Option<Vec2>,
    pub selection: Option<Selection>,
    pub hover: Option<Handle>,
    /// The zone being drawn, painted open.
    pub open_zone: Option<ZoneId>,
    /// Whether to draw the design's curves, zones, handles and guides over the photo; off in
    /// presentation, where the client sees only the photo and the result.
    pub drawing: bool,
    /// Whether the anatomical guides are shown.
    pub guides: bool,
    /// A later photo aligned onto this one, shown right of the divider (`before_share`).
    pub follow_up: Option<AlignedPhoto<'a>>,
}

/// A follow-up photo and where it goes on the view's photo.
pub struct AlignedPhoto<'a> {
    pub texture: &'a egui::TextureHandle,
    pub size_px: [f64; 2],
    pub to_view: crate::geometry::Similarity,
}

const HAIRLINE_COLOUR: Color32 = Color32::from_rgb(255, 140, 40);
const OUTLINE_COLOUR: Color32 = Color32::from_rgb(90, 200, 255);
const PROFILE_COLOUR: Color32 = Color32::from_rgb(255, 150, 210);
const ZONE_COLOUR: Color32 = Color32::from_rgb(120, 220, 120);
pub const SELECTED_COLOUR: Color32 = Color32::from_rgb(255, 230, 80);

/// Allocates the canvas and paints the photo and drawing.
pub fn canvas_ui(ui: &mut egui::Ui, view_state: &mut CanvasView, paint: &CanvasPaint<'_>) -> egui::Response {
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Design canvas"));
    let canvas = response.rect;
    view_state.prepare(canvas, paint.photo_size_px);
    painter.rect_filled(canvas, 0.0, Color32::from_gray(38));
    let transform = view_state.screen_from_photo(canvas);

    if let Some(size) = paint.photo_size_px {
        let photo_rect = transform.mul_rect(Rect::from_min_size(Pos2::ZERO, size));
        match paint.texture {
            Some(texture) => {
                let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
                painter.image(texture.id(), photo_rect, uv, Color32::WHITE);
            }
            None => {
                painter.rect_filled(photo_rect, 0.0, Color32::from_gray(60));
            }
        }
        if let Some(later) = &paint.follow_up {
            let share = paint.before_share.unwrap_or(0.5).clamp(0.0, 1.0);
            let divider = photo_rect.left() + photo_rect.width() * share;
            let to_screen = |p: PhotoPoint| view_state.to_screen(canvas, p);
            let clipped = painter.with_clip_rect(canvas);
            super::follow_up::paint_aligned(
                &clipped,
                later.texture,
                later.size_px,
                &later.to_view,
                &to_screen,
                divider,
            );
        }
        if let Some((preview, rect, uv)) = paint.preview {
            painter.with_clip_rect(canvas).image(preview.id(), rect, uv, Color32::WHITE);
        }
    }

    if !paint.drawing {
        return response;
    }
    let to_screen = |p: PhotoPoint| view_state.to_screen(canvas, p);
    let overlay = Overlay { view: paint.view, head: paint.head, guides: paint.guides, hover: paint.hover };
    if !paint.dots_shown {
        // With the dots shown, the band would only hide them.
        paint_bands(&painter, &overlay, &to_screen);
    }
    for zone in &paint.view.zones {
        let selected = matches!(paint.selection, Some(s) if s.shape == ShapeRef::Zone(zone.id));
        let points: Vec<Pos2> = zone.vertices.iter().map(|&p| to_screen(p)).collect();
        let drawing = paint.open_zone == Some(zone.id);
        if !zone.hidden && !drawing && points.len() >= 3 && !paint.dots_shown {
            painter.add(fill_mesh(&zone.vertices, &points, ZONE_COLOUR.gamma_multiply(0.18)));
        }
        let stroke =
            Stroke::new(if selected { 2.5 } else { 1.5 }, if selected { SELECTED_COLOUR } else { ZONE_COLOUR });
        let mut outline = points.clone();
        if !drawing && points.len() >= 3 {
            outline.push(points[0]);
        }
        if zone.hidden {
            painter.extend(egui::Shape::dashed_line(&outline, stroke, 6.0, 4.0));
        } else {
            painter.line(outline, stroke);
        }
        if let (true, Some(mask)) = (selected, &zone.hair_mask) {
            paint_hair_mask(&painter, zone.id, mask, &to_screen);
        }
    }

    for curve in &paint.view.curves {
        let selected = matches!(paint.selection, Some(s) if s.shape == ShapeRef::Curve(curve.id));
        let colour = match curve.role {
            CurveRole::Hairline => HAIRLINE_COLOUR,
            CurveRole::Outline => OUTLINE_COLOUR,
            CurveRole::Profile => PROFILE_COLOUR,
        };
        let width = if selected { 3.0 } else { 2.0 };
        let line: Vec<Pos2> = sample_curve(&curve.points).into_iter().map(to_screen).collect();
        painter.line(line, Stroke::new(width, if selected { SELECTED_COLOUR } else { colour }));
    }

    paint_handles(&painter, paint, &to_screen);
    paint_overlay(&painter, &overlay, &to_screen);
    response
}

/// What a selected zone's hair mask marked as hair, tinted amber over the photo, so the artist
/// sees what the threshold took. The texture is kept in egui's memory until the mask changes.
fn paint_hair_mask(
    painter: &egui::Painter,
    zone: ZoneId,
    mask: &crate::design::HairMask,
    to_screen: &impl Fn(PhotoPoint) -> Pos2,
) {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (&mask.runs, mask.columns, mask.rows, mask.cell_px.to_bits(), mask.origin.x.to_bits(), mask.origin.y.to_bits())
        .hash(&mut hasher);
    let fingerprint = hasher.finish();
    let id = egui::Id::unique(("hair mask texture", zone));
    let ctx = painter.ctx();
    let cached: Option<(u64, egui::TextureHandle)> = ctx.data(|d| d.get_temp(id));
    let texture = match cached {
        Some((kept, texture)) if kept == fingerprint => texture,
        _ => {
            let hair = Color32::from_rgba_unmultiplied(255, 170, 0, 120);
            let pixels: Vec<Color32> =
                mask.cells().into_iter().map(|is_hair| if is_hair { hair } else { Color32::TRANSPARENT }).collect();
            let size = [mask.columns, mask.rows].map(|side| usize::try_from(side).unwrap_or(0));
            // A mask that does not hold together has no cells (it is refused on saving).
            if pixels.is_empty() || pixels.len() != size[0] * size[1] {
                return;
            }
            let image = egui::ColorImage::new(size, pixels);
            let texture = ctx.load_texture("hair mask", image, egui::TextureOptions::NEAREST);
            ctx.data_mut(|d| d.insert_temp(id, (fingerprint, texture.clone())));
            texture
        }
    };
    let corner = |columns: u32, rows: u32| {
        to_screen(PhotoPoint::new(
            mask.origin.x + f64::from(columns) * mask.cell_px,
            mask.origin.y + f64::from(rows) * mask.cell_px,
        ))
    };
    let rect = Rect::from_min_max(corner(0, 0), corner(mask.columns, mask.rows));
    painter.image(texture.id(), rect, Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)), Color32::WHITE);
}

fn paint_handles(painter: &egui::Painter, paint: &CanvasPaint<'_>, to_screen: &impl Fn(PhotoPoint) -> Pos2) {
    let shapes = paint
        .view
        .curves
        .iter()
        .map(|c| (ShapeRef::Curve(c.id), &c.points))
        .chain(paint.view.zones.iter().map(|z| (ShapeRef::Zone(z.id), &z.vertices)));
    for (shape, points) in shapes {
        let shape_selected = paint.selection.is_some_and(|s| s.shape == shape);
        for (index, &point) in points.iter().enumerate() {
            let centre = to_screen(point);
            let hovered = paint.hover == Some(Handle::Point(shape, index));
            let selected = paint.selection.is_some_and(|s| s.shape == shape && s.point == Some(index));
            let radius = if hovered || selected { 6.0 } else { 4.0 };
            let fill = if selected {
                SELECTED_COLOUR
            } else if shape_selected || hovered {
                Color32::WHITE
            } else {
                Color32::from_white_alpha(180)
            };
            painter.circle(centre, radius, fill, Stroke::new(1.5, Color32::BLACK));
        }
    }
}

/// A filled, possibly concave polygon as a triangle mesh.
fn fill_mesh(vertices: &[PhotoPoint], points: &[Pos2], colour: Color32) -> egui::Shape {
    let mut mesh = egui::Mesh::default();
    for &p in points {
        mesh.colored_vertex(p, colour);
    }
    for [a, b, c] in triangulate(vertices) {
        // Zone vertex counts are capped by validation far below u32::MAX.
        #[expect(clippy::cast_possible_truncation, reason = "vertex counts are bounded")]
        mesh.add_triangle(a as u32, b as u32, c as u32);
    }
    egui::Shape::mesh(mesh)
}
