//! The skin and pigment section's two plots: how the contrast of a healed dot falls as the
//! pigment is diluted (with the suggested range shaded), and how it fades in the years after the
//! last session (with the touch-up threshold).

use egui_plot::{HLine, Line, Plot, PlotPoints, Span, VLine};

use crate::colour::{
    self, Lab, MAX_NATURAL_CONTRAST, MIN_READABLE_DELTA_E, PALETTE_WATER_PARTS, Stage, dot_colour, touch_up_after_years,
};

const PLOT_HEIGHT: f32 = 150.0;
/// The years the fading plot covers (domain notes: a touch-up after 1 to 5 years).
const YEARS_SHOWN: f64 = 5.0;
const DELTA_E_COLOUR: egui::Color32 = egui::Color32::from_rgb(90, 160, 230);
const CONTRAST_COLOUR: egui::Color32 = egui::Color32::from_rgb(230, 140, 60);
const TOUCH_UP_COLOUR: egui::Color32 = egui::Color32::from_rgb(220, 80, 60);

/// A plot that shows, and does not pan or zoom.
fn fixed_plot(id: &str) -> Plot<'_> {
    Plot::new(id)
        .height(PLOT_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

/// What the lines of a plot are, in a row above it: a legend inside the plot would cover them.
fn legend_ui(ui: &mut egui::Ui, entries: &[(String, egui::Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, colour) in entries {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 10.0), egui::Sense::hover());
            ui.painter().line_segment([rect.left_center(), rect.right_center()], egui::Stroke::new(2.5, *colour));
            ui.label(egui::RichText::new(name).color(*colour));
        }
    });
}

/// ΔE00 and lightness contrast of a healed dot against dilution, the suggested range shaded and
/// the design's shade marked.
pub fn contrast_by_dilution_ui(ui: &mut egui::Ui, skin: Lab, ink: Lab, design_shade: f64) {
    let lightest = PALETTE_WATER_PARTS[PALETTE_WATER_PARTS.len() - 1];
    let dilutions: Vec<f64> = (2..=2 * 30).map(|half| f64::from(half) / 2.0).collect();
    let healed = |w: f64| dot_colour(skin, ink, w, Stage::Healed);
    let delta_e: PlotPoints<'_> = dilutions.iter().map(|&w| [w, skin.delta_e_2000(healed(w))]).collect();
    let contrast: PlotPoints<'_> = dilutions.iter().map(|&w| [w, skin.l - healed(w).l]).collect();
    let range = colour::suggested_range(skin, ink);
    ui.label("Healed contrast by dilution (parts water : 1)");
    legend_ui(ui, &[("ΔE00".to_owned(), DELTA_E_COLOUR), ("ΔL*".to_owned(), CONTRAST_COLOUR)]);
    fixed_plot("contrast by dilution")
        .include_x(1.0)
        .include_x(lightest)
        .include_y(0.0)
        .x_axis_label("water : 1")
        .show(ui, |plot| {
            if let Some([darkest, lightest]) = range {
                plot.span(
                    Span::new("", darkest..=lightest).fill(egui::Color32::from_rgb(80, 170, 90).gamma_multiply(0.2)),
                );
            }
            plot.line(Line::new("ΔE00", delta_e).color(DELTA_E_COLOUR).width(2.0));
            plot.line(Line::new("ΔL*", contrast).color(CONTRAST_COLOUR).width(2.0));
            plot.hline(
                HLine::new("", MIN_READABLE_DELTA_E).color(DELTA_E_COLOUR).style(egui_plot::LineStyle::dashed_loose()),
            );
            plot.hline(
                HLine::new("", MAX_NATURAL_CONTRAST).color(CONTRAST_COLOUR).style(egui_plot::LineStyle::dashed_loose()),
            );
            plot.vline(VLine::new("", design_shade).color(egui::Color32::GRAY));
        });
    ui.weak(format!(
        "Shaded: the suggested range. Dashed: readable from ΔE00 {MIN_READABLE_DELTA_E:.0}, natural up to ΔL* {MAX_NATURAL_CONTRAST:.0}. Grey: the design's shade."
    ));
}

/// The ΔE00 of each shade's dot over the years after the last session, with the touch-up
/// threshold; and in words, when each shade needs its touch-up.
pub fn fading_ui(ui: &mut egui::Ui, skin: Lab, ink: Lab, shades: &[f64]) {
    ui.label(format!("Fading over {YEARS_SHOWN:.0} years after the last session (ΔE00)"));
    let palette = [DELTA_E_COLOUR, CONTRAST_COLOUR, egui::Color32::from_rgb(170, 110, 210), egui::Color32::GRAY];
    let entries: Vec<(String, egui::Color32)> =
        shades.iter().zip(palette.iter().cycle()).map(|(w, c)| (format!("{w:.0}:1"), *c)).collect();
    legend_ui(ui, &entries);
    fixed_plot("fading").include_x(0.0).include_x(YEARS_SHOWN).include_y(0.0).x_axis_label("years").show(ui, |plot| {
        for (&water_parts, colour) in shades.iter().zip(palette.iter().cycle()) {
            let points: PlotPoints<'_> = (0..=50)
                .map(|tenth| {
                    let years = f64::from(tenth) / 10.0;
                    [years, skin.delta_e_2000(dot_colour(skin, ink, water_parts, Stage::YearsLater(years)))]
                })
                .collect();
            plot.line(Line::new(format!("{water_parts:.0}:1"), points).color(*colour).width(2.0));
        }
        plot.hline(
            HLine::new("", MIN_READABLE_DELTA_E).color(TOUCH_UP_COLOUR).style(egui_plot::LineStyle::dashed_loose()),
        );
    });
    ui.weak(format!("Dashed: the touch-up threshold, ΔE00 {MIN_READABLE_DELTA_E:.0}."));
    for &water_parts in shades {
        let text = match touch_up_after_years(skin, ink, water_parts, YEARS_SHOWN) {
            None => format!("{water_parts:.0}:1 still reads after {YEARS_SHOWN:.0} years."),
            Some(years) if years <= 0.0 => format!("{water_parts:.0}:1 does not read even healed."),
            Some(years) => format!("{water_parts:.0}:1: touch-up due after about {years:.1} years."),
        };
        ui.label(text);
    }
}
