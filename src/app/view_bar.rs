//! What surrounds the canvas: the view tabs, the photo status banner, and drop hints.

use crate::design::{Document, View, ViewKind};

use super::command::Command;
use super::photos::PhotoView;

/// Tabs for the design's views (front, top, sides, crown) and a menu to add one.
pub fn view_tabs_ui(ui: &mut egui::Ui, document: &mut Document, view_index: &mut usize) {
    ui.horizontal(|ui| {
        let kinds: Vec<ViewKind> = document.design().views.iter().map(|v| v.kind).collect();
        for (index, kind) in kinds.iter().enumerate() {
            if ui.selectable_label(*view_index == index, kind.label()).on_hover_text("Show this view").clicked() {
                *view_index = index;
            }
        }
        ui.menu_button("+ Add view", |ui| {
            for kind in ViewKind::ALL {
                if ui.button(kind.label()).clicked() {
                    document.design_mut().views.push(View::new(kind));
                    *view_index = document.design().views.len() - 1;
                }
            }
        });
    });
}

/// The preview's controls, shown while it is on: the stage (fresh, healed, years later) and the
/// before/after divider.
pub fn preview_bar_ui(ui: &mut egui::Ui, preview: &mut super::preview::Preview) {
    use crate::colour::Stage;
    if !preview.enabled {
        return;
    }
    ui.horizontal(|ui| {
        ui.label("Result:");
        let years = match preview.stage {
            Stage::YearsLater(years) => years,
            _ => 3.0,
        };
        if ui.selectable_label(preview.stage == Stage::Fresh, "Fresh").on_hover_text("Just after the session").clicked()
        {
            preview.stage = Stage::Fresh;
        }
        if ui.selectable_label(preview.stage == Stage::Healed, "Healed").on_hover_text("About a month later").clicked()
        {
            preview.stage = Stage::Healed;
        }
        let later = matches!(preview.stage, Stage::YearsLater(_));
        if ui.selectable_label(later, "Years later").on_hover_text("Faded and spread, before a touch-up").clicked() {
            preview.stage = Stage::YearsLater(years);
        }
        if later {
            let mut years = years;
            let label = ui.label("after");
            ui.add(egui::DragValue::new(&mut years).range(1.0..=10.0).speed(0.1).suffix(" years"))
                .labelled_by(label.id);
            preview.stage = Stage::YearsLater(years);
        }
        ui.separator();
        let label = ui.label("Before | after");
        ui.add(egui::Slider::new(&mut preview.before_share, 0.0..=1.0).show_value(false))
            .labelled_by(label.id)
            .on_hover_text("Slide to show the bare photo on the left of the divider");
    });
}

/// A banner over the canvas when the photo is missing, changed or failed to load.
pub fn photo_banner_ui(ui: &mut egui::Ui, photo: Option<&PhotoView<'_>>) -> Vec<Command> {
    let mut commands = Vec::new();
    let (message, accept) = match photo {
        Some(PhotoView::Failed(message)) => (format!("{message} The drawing is kept; relink the photo to see it again."), false),
        Some(PhotoView::Changed(_)) => (
            "This photo file has changed since the design was drawn on it (different content). Locate the original, or use this one if it is the same picture."
                .to_owned(),
            true,
        ),
        _ => return commands,
    };
    egui::Frame::new().fill(ui.visuals().warn_fg_color.gamma_multiply(0.15)).inner_margin(8.0).corner_radius(4.0).show(
        ui,
        |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new("⚠").color(ui.visuals().warn_fg_color));
                ui.label(message);
                if ui.button("Locate photo…").clicked() {
                    commands.push(Command::LocatePhoto(None));
                }
                if accept && ui.button("Use this photo").clicked() {
                    commands.push(Command::AcceptChangedPhoto);
                }
            });
        },
    );
    commands
}

/// The hint over an empty canvas.
pub fn empty_canvas_hint_ui(ui: &egui::Ui, rect: egui::Rect) {
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "No photo for this view yet.\nFile > Open photo (Ctrl+Shift+O), or drop a photo here.",
        egui::FontId::proportional(18.0),
        ui.visuals().weak_text_color(),
    );
}

/// Darkens the window while files are dragged over it.
pub fn drop_overlay_ui(ctx: &egui::Context) {
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop overlay")));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a photo to use it for this view, or a design (.json) to open it",
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}
