//! What surrounds the canvas: the view tabs, the photo status banner, and drop hints.

use crate::design::ViewKind;

use crate::colour::Stage;

use super::command::Command;
use super::photos::PhotoView;
use super::preview::{Compare, Preview};
use super::state::OpenDesign;

/// Tabs for the design's views (front, top, sides, crown), a menu to add one, and the way into
/// presentation mode. Returns the commands chosen.
pub fn view_tabs_ui(ui: &mut egui::Ui, open: &mut OpenDesign) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let shown = open.view_id();
        for view in &open.document.design().views {
            if ui.selectable_label(view.id == shown, view.kind.label()).on_hover_text("Show this view").clicked() {
                commands.push(Command::ShowView(view.id));
            }
        }
        ui.menu_button("+ Add view", |ui| {
            for kind in ViewKind::ALL {
                if ui.button(kind.label()).clicked() {
                    commands.push(Command::AddView(kind));
                }
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("▶ Present").on_hover_text("Full screen for the client, tools hidden (F5)").clicked() {
                commands.push(Command::TogglePresentation);
            }
        });
    });
    commands
}

/// The preview's controls, shown while it is on: the stage (fresh, healed, years later), the
/// sessions done, how far away it is seen from, and the before/after comparison. One line that
/// scrolls sideways when the window is narrow: a bar that wrapped would move the canvas under
/// the pointer.
pub fn preview_bar_ui(ui: &mut egui::Ui, preview: &mut Preview, sessions: usize) {
    if !preview.enabled {
        return;
    }
    ui.scope(|ui| {
        // A scroll bar of its own below the buttons: a floating one would lie over their lower
        // half and take their clicks.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal().id_salt("preview bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                stage_ui(ui, preview, false);
                if sessions > 1 {
                    ui.separator();
                    sessions_ui(ui, preview, sessions, false);
                }
                ui.separator();
                seen_from_ui(ui, preview, false);
                ui.separator();
                compare_ui(ui, preview, false);
            });
        });
    });
}

/// Text for the preview's controls: plain in the studio, large in presentation mode.
fn text(label: &str, large: bool) -> egui::RichText {
    let text = egui::RichText::new(label);
    if large { text.size(22.0) } else { text }
}

/// Fresh, healed, or years later.
pub fn stage_ui(ui: &mut egui::Ui, preview: &mut Preview, large: bool) {
    let look = &mut preview.look;
    let years = match look.stage {
        Stage::YearsLater(years) => years,
        _ => 3.0,
    };
    ui.label(text("Result:", large));
    if ui
        .selectable_label(look.stage == Stage::Fresh, text("Fresh", large))
        .on_hover_text("Just after the session")
        .clicked()
    {
        look.stage = Stage::Fresh;
    }
    if ui
        .selectable_label(look.stage == Stage::Healed, text("Healed", large))
        .on_hover_text("About a month later")
        .clicked()
    {
        look.stage = Stage::Healed;
    }
    let later = matches!(look.stage, Stage::YearsLater(_));
    if ui
        .selectable_label(later, text("Years later", large))
        .on_hover_text("Faded and spread, before a touch-up")
        .clicked()
    {
        look.stage = Stage::YearsLater(years);
    }
    if later {
        let mut years = years;
        let label = ui.label(text("after", large));
        let drag = egui::DragValue::new(&mut years).range(1.0..=10.0).speed(0.1).suffix(" years");
        ui.scope(|ui| {
            // Large in presentation, without enlarging the controls after it.
            if large {
                ui.style_mut().override_text_style = Some(egui::TextStyle::Heading);
            }
            ui.add(drag).labelled_by(label.id);
        });
        look.stage = Stage::YearsLater(years);
    }
}

/// Close up, or as a person sees the result from 30 cm, 1 m or 3 m (the eye's blur,
/// [`crate::render::seen_from`]): a drop-down in the studio's bar, buttons in presentation.
pub fn seen_from_ui(ui: &mut egui::Ui, preview: &mut Preview, large: bool) {
    let seen_from = &mut preview.look.seen_from_m;
    let name = |distance: Option<f64>| {
        crate::render::DISTANCES_M.iter().find(|&&(d, _)| Some(d) == distance).map_or("Close up", |&(_, name)| name)
    };
    let hover = |distance_m: f64| {
        format!(
            "As a person with normal vision sees the client from {}: detail finer than one minute of arc \
             ({:.2} mm there) blurs away. Needs a calibrated view.",
            name(Some(distance_m)),
            crate::render::blur_sigma_mm(distance_m) * 2.355
        )
    };
    let label = ui.label(text("Seen from:", large));
    let options = std::iter::once(None).chain(crate::render::DISTANCES_M.iter().map(|&(d, _)| Some(d)));
    if large {
        for option in options {
            let button = ui.selectable_label(*seen_from == option, text(name(option), large));
            let button = match option {
                Some(distance_m) => button.on_hover_text(hover(distance_m)),
                None => button.on_hover_text("Every dot as the photo and the zoom show it"),
            };
            if button.clicked() {
                *seen_from = option;
            }
        }
        return;
    }
    egui::ComboBox::from_id_salt("seen from")
        .selected_text(name(*seen_from))
        .width(80.0)
        .show_ui(ui, |ui| {
            for option in options {
                let item = ui.selectable_value(seen_from, option, name(option));
                if let Some(distance_m) = option {
                    item.on_hover_text(hover(distance_m));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// After session 1, 2, ... or the whole plan.
pub fn sessions_ui(ui: &mut egui::Ui, preview: &mut Preview, sessions: usize, large: bool) {
    ui.label(text("After session:", large));
    let after = &mut preview.look.after_session;
    for session in 1..sessions {
        let hover = format!("Only the dots laid in sessions 1 to {session}, each in its session's shade");
        if ui
            .selectable_label(*after == Some(session), text(&session.to_string(), large))
            .on_hover_text(hover)
            .clicked()
        {
            *after = Some(session);
        }
    }
    let all = after.is_none_or(|a| a >= sessions);
    if ui.selectable_label(all, text(&format!("{sessions} (all)"), large)).on_hover_text("The finished plan").clicked()
    {
        *after = None;
    }
}

/// Before and after: off, a split with a divider, or side by side.
pub fn compare_ui(ui: &mut egui::Ui, preview: &mut Preview, large: bool) {
    ui.label(text("Before/after:", large));
    for (compare, label, hover) in [
        (Compare::Off, "Off", "Only the result"),
        (Compare::Split, "Split", "The bare photo left of a divider you can drag across the photo"),
        (Compare::SideBySide, "Side by side", "The bare photo beside the result"),
    ] {
        if ui.selectable_label(preview.compare == compare, text(label, large)).on_hover_text(hover).clicked() {
            preview.compare = compare;
        }
    }
    if preview.compare == Compare::Split && !large {
        ui.spacing_mut().slider_width = 70.0;
        ui.add(egui::Slider::new(&mut preview.before_share, 0.0..=1.0).show_value(false))
            .on_hover_text("Where the divider is: drag it here or on the photo")
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Divider position"));
    }
}

/// A banner over the canvas after the view's photo was replaced under its drawing: until the
/// artist says it is checked, every figure may belong to the old photo.
pub fn recheck_banner_ui(ui: &mut egui::Ui, open: &mut OpenDesign) -> Vec<Command> {
    let mut commands = Vec::new();
    if open.to_recheck != Some(open.view_id()) {
        return commands;
    }
    egui::Frame::new().fill(ui.visuals().warn_fg_color.gamma_multiply(0.15)).inner_margin(8.0).corner_radius(4.0).show(
        ui,
        |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new("⚠").color(ui.visuals().warn_fg_color));
                ui.label("The drawing was made on another photo. Recalibrate and check the landmarks before trusting any figure.");
                if ui.button("Calibrate…").clicked() {
                    commands.push(Command::SelectTool(super::tools::Tool::Calibrate));
                }
                if ui.button("Landmarks…").clicked() {
                    commands.push(Command::SelectTool(super::tools::Tool::Landmarks));
                }
                if ui.button("Checked").on_hover_text("The calibration and landmarks fit this photo").clicked() {
                    open.to_recheck = None;
                }
            });
        },
    );
    commands
}

/// A banner while the design's file was changed by someone else since it was opened here.
pub fn changed_on_disk_banner_ui(ui: &mut egui::Ui, open: &OpenDesign) -> Option<Command> {
    if !open.changed_on_disk {
        return None;
    }
    let name = open.document.path.as_deref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
    let mut answer = None;
    egui::Frame::new().fill(ui.visuals().warn_fg_color.gamma_multiply(0.15)).inner_margin(8.0).corner_radius(4.0).show(
        ui,
        |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new("⚠").color(ui.visuals().warn_fg_color));
                ui.label(format!(
                    "{} was changed on disk by someone else since you opened it.",
                    name.as_deref().unwrap_or("The design's file")
                ));
                answer = super::shared_file::conflict_buttons_ui(ui);
            });
        },
    );
    answer
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
