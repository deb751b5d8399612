//! The inspector's skin and pigment section: the eyedropper's samples with their CIELAB and ITA°,
//! the artist's Fitzpatrick type, and each shade's colour on this skin with its advice.

use crate::colour::{self, ItaCategory, Lab, PALETTE_WATER_PARTS, ShadeAdvice};
use crate::design::{CustomPigment, Document, View, ViewId};
use crate::edit::Edit;
use crate::report::{corrected, design_shades, view_hair, view_skin, white_balance, white_balance_summary};

use super::command::Command;
use super::tools::Tool;

const FITZPATRICK: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];

/// Draws the section; returns the commands chosen (picking the eyedropper).
pub fn skin_ui(
    ui: &mut egui::Ui,
    document: &mut Document,
    view_id: ViewId,
    radius_mm: &mut f64,
    report: Option<&crate::report::ViewReport>,
    photo_corrected: &mut bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(view) = document.design().view(view_id) else {
        return commands;
    };
    let samples = view.skin_samples.clone();
    let balance = white_balance(view);
    ui.horizontal(|ui| {
        if ui.button("💧 Sample the skin").on_hover_text("Then click bare skin on the photo (I)").clicked() {
            commands.push(Command::SelectTool(Tool::Skin));
        }
        let label = ui.label("radius");
        ui.add(egui::DragValue::new(radius_mm).range(0.5..=30.0).speed(0.1).suffix(" mm")).labelled_by(label.id);
    });
    commands.extend(white_balance_ui(ui, view_id, view, photo_corrected));
    if samples.is_empty() {
        ui.weak(
            "No skin sampled yet: pick the eyedropper and click the forehead or temples, away from hair and shine.",
        );
    }
    let mut delete = None;
    let mut keep = None;
    egui::Grid::new("skin samples").num_columns(4).striped(true).show(ui, |ui| {
        for (index, sample) in samples.iter().enumerate() {
            let lab = corrected(balance.as_ref(), sample);
            let [r, g, b] = lab.to_srgb();
            swatch(ui, [r, g, b], &format!("Skin sample {}", index + 1));
            let numbers = ui.monospace(format!("L* {:.1} a* {:.1} b* {:.1}\nsRGB {r} {g} {b}", lab.l, lab.a, lab.b));
            if balance.is_some() {
                numbers.on_hover_text(format!(
                    "Corrected for the light; as the photo took it: L* {:.1} a* {:.1} b* {:.1}",
                    sample.l, sample.a, sample.b
                ));
            }
            ui.vertical(|ui| {
                let category = ItaCategory::of(lab.ita_degrees());
                ui.add(egui::Label::new(format!("ITA {:.0}° {}", lab.ita_degrees(), category.label())).extend());
                let why: Vec<&str> = sample.doubts.iter().map(|d| d.message()).collect();
                if !sample.counts() {
                    ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ Left out of the mean: {}", why.join("; ")));
                } else if sample.kept {
                    ui.weak("kept").on_hover_text(format!("Kept although {}", why.join("; ")));
                }
            });
            ui.horizontal(|ui| {
                if !sample.counts()
                    && ui.small_button("Keep").on_hover_text("It is skin: count it in the mean").clicked()
                {
                    keep = Some(index);
                }
                if ui.small_button("×").on_hover_text("Delete this sample").clicked() {
                    delete = Some(index);
                }
            });
            ui.end_row();
        }
    });
    if let Some(index) = delete {
        commands.push(Command::Apply(Edit::RemoveSkinSample { view: view_id, index }));
    }
    if let Some(index) = keep {
        commands.push(Command::Apply(Edit::KeepSkinSample { view: view_id, index }));
    }
    commands.extend(hair_samples_ui(ui, view_id, view));
    let skin = view_skin(view);
    fitzpatrick_ui(ui, document, skin);
    pigment_ui(ui, document);
    if let Some(recommended) = report.and_then(|r| r.recommended_shade.as_ref()) {
        commands.extend(ui.scope(|ui| recommendation_ui(ui, recommended)).inner);
    }
    if let Some(skin) = skin {
        commands.extend(shades_ui(ui, document, skin));
        let (ink, shade) = (document.design().pigment.ink(), document.design().pigment.water_parts);
        ui.add_space(6.0);
        super::shade_plots::contrast_by_dilution_ui(ui, skin, ink, shade);
        ui.add_space(6.0);
        super::shade_plots::fading_ui(ui, skin, ink, &design_shades(document.design()));
    }
    commands
}

/// The one shade to use for this client's hair, the runner-up, and why.
fn recommendation_ui(ui: &mut egui::Ui, recommended: &crate::hair_match::Recommendation) -> Option<Command> {
    let mut command = None;
    ui.add_space(4.0);
    // The section scrolls sideways for the shades' table: wrap to what is in sight instead.
    let in_sight = (ui.clip_rect().right() - ui.cursor().left() - 8.0).max(120.0);
    ui.set_max_width(in_sight);
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Recommended: {}:1", recommended.best.water_parts));
        if let Some(runner_up) = recommended.runner_up {
            ui.label(format!("(then {}:1, ΔE00 {:.1})", runner_up.water_parts, runner_up.delta_e));
        }
        let best = recommended.best.water_parts;
        if ui
            .small_button(format!("Use {best}:1"))
            .on_hover_text("Make it the design's shade (a session with a shade of its own keeps it)")
            .clicked()
        {
            command = Some(Command::Apply(Edit::UseShade(best)));
        }
    });
    ui.weak(&recommended.why);
    command
}

/// The light the colours are read in: the neutral grey's correction, or that there is none.
fn white_balance_ui(ui: &mut egui::Ui, view_id: ViewId, view: &View, photo_corrected: &mut bool) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        if ui.button("⬜ Sample a neutral grey").on_hover_text(NEUTRAL_HINT).clicked() {
            commands.push(Command::SelectTool(Tool::Neutral));
        }
        if view.neutral.is_some()
            && ui.small_button("Clear").on_hover_text("Read the colours as the photo took them").clicked()
        {
            commands.push(Command::Apply(Edit::ClearNeutral { view: view_id }));
        }
    });
    let summary = white_balance_summary(view);
    if view.neutral.is_some() && white_balance(view).is_some() {
        ui.label(summary);
        ui.checkbox(photo_corrected, "Show the photo corrected").on_hover_text(
            "The canvas shows the photo, and the result over it, as in daylight; unticked, as the camera took it",
        );
    } else {
        ui.weak(summary);
    }
    commands
}

/// Why a grey card, not the eye's white or teeth.
const NEUTRAL_HINT: &str = "Then click a grey card or white paper held beside the head (N). The white of the eye is a poor choice (bluish or yellowish, and shaded by the lids), and so are teeth (yellowish).";

/// The client's existing hair, sampled as seen from 1 m: what each zone's result should blend
/// with (the zone table's "from 1 m" column compares them).
fn hair_samples_ui(ui: &mut egui::Ui, view_id: ViewId, view: &View) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.add_space(4.0);
    if ui
        .button("✂ Sample the hair")
        .on_hover_text("Then click the client's existing hair or stubble on the photo (J): averaged as seen from 1 m")
        .clicked()
    {
        commands.push(Command::SelectTool(Tool::Hair));
    }
    let samples = view_hair(view);
    if samples.is_empty() {
        ui.weak("No hair sampled: the zones' results are not compared with the client's own hair.");
    }
    egui::Grid::new("hair samples").num_columns(3).striped(true).show(ui, |ui| {
        for (index, (_, lab)) in samples.iter().enumerate() {
            swatch(ui, lab.to_srgb(), &format!("Hair sample {}", index + 1));
            ui.monospace(format!("L* {:.1} a* {:.1} b* {:.1} from 1 m", lab.l, lab.a, lab.b));
            if ui.small_button("×").on_hover_text("Delete this hair sample").clicked() {
                commands.push(Command::Apply(Edit::RemoveHairSample { view: view_id, index }));
            }
            ui.end_row();
        }
    });
    commands
}

/// A small colour square, labelled for screen readers and tests.
fn swatch(ui: &mut egui::Ui, rgb: [u8; 3], label: &str) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 3.0, egui::Color32::from_rgb(rgb[0], rgb[1], rgb[2]));
    ui.painter().rect_stroke(rect, 3.0, ui.visuals().widgets.noninteractive.bg_stroke, egui::StrokeKind::Inside);
    let label = label.to_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Image, true, label.clone()));
    response
}

fn fitzpatrick_ui(ui: &mut egui::Ui, document: &mut Document, skin: Option<Lab>) {
    let mut chosen = document.design().client.fitzpatrick;
    let suggested = skin.map(|s| ItaCategory::of(s.ita_degrees()).suggested_fitzpatrick());
    ui.horizontal(|ui| {
        let label = ui.label("Fitzpatrick type");
        let name = |t: Option<u8>| t.and_then(|t| FITZPATRICK.get(usize::from(t) - 1)).copied().unwrap_or("not set");
        egui::ComboBox::from_id_salt("fitzpatrick")
            .selected_text(name(chosen))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, "not set");
                for t in 1..=6 {
                    ui.selectable_value(&mut chosen, Some(t), name(Some(t)));
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(suggested) = suggested {
            ui.weak(format!("the skin's ITA suggests {}", name(Some(suggested))));
        }
    });
    document.set("set the Fitzpatrick type", |d| Some(&mut d.client.fitzpatrick), chosen);
}

fn pigment_ui(ui: &mut egui::Ui, document: &mut Document) {
    let mut pigment = document.design().pigment.clone();
    ui.horizontal(|ui| {
        let label = ui.label("Pigment");
        egui::ComboBox::from_id_salt("pigment")
            .selected_text(pigment.name().to_owned())
            .show_ui(ui, |ui| {
                if ui.selectable_label(pigment.custom.is_none(), "Carbon black").clicked() {
                    pigment.custom = None;
                }
                if ui.selectable_label(pigment.custom.is_some(), "Custom pigment").clicked() && pigment.custom.is_none()
                {
                    pigment.custom = Some(CustomPigment::default());
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some(custom) = &mut pigment.custom {
        custom_pigment_ui(ui, custom);
    }
    ui.horizontal(|ui| {
        let label = ui.label("Design shade");
        ui.add(egui::DragValue::new(&mut pigment.water_parts).range(0.0..=100.0).speed(0.2).suffix(" : 1"))
            .labelled_by(label.id)
            .on_hover_text("Parts water to one part pigment");
    });
    document.set("change the pigment", |d| Some(&mut d.pigment), pigment);
}

/// A custom pigment's name and its colour in the skin, as sRGB or CIELAB.
fn custom_pigment_ui(ui: &mut egui::Ui, custom: &mut CustomPigment) {
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        ui.add(egui::TextEdit::singleline(&mut custom.name).hint_text("Brand and colour").desired_width(140.0))
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label("Colour in the skin");
        let [l, a, b] = custom.lab;
        let mut rgb = Lab::new(l, a, b).to_srgb();
        let before = rgb;
        ui.color_edit_button_srgb(&mut rgb).labelled_by(label.id).on_hover_text("Pick as sRGB");
        if rgb != before {
            let lab = Lab::from_srgb(rgb);
            custom.lab = [lab.l, lab.a, lab.b];
        }
        for (value, (name, range)) in
            custom.lab.iter_mut().zip([("L*", 0.0..=100.0), ("a*", -128.0..=127.0), ("b*", -128.0..=127.0)])
        {
            let label = ui.label(name);
            ui.add(egui::DragValue::new(value).range(range).speed(0.2).max_decimals(1)).labelled_by(label.id);
        }
    });
}

fn shades_ui(ui: &mut egui::Ui, document: &Document, skin: Lab) -> Option<Command> {
    let in_use = design_shades(document.design());
    let mut shades: Vec<f64> = PALETTE_WATER_PARTS.iter().copied().chain(in_use.iter().copied()).collect();
    shades.sort_by(f64::total_cmp);
    shades.dedup();
    let ink = document.design().pigment.ink();
    let advice: Vec<ShadeAdvice> = shades.iter().map(|&w| colour::advise(skin, ink, w)).collect();
    ui.add_space(4.0);
    match colour::suggested_range(skin, ink) {
        Some([darkest, lightest]) => ui.label(format!("Suggested for this skin: {darkest:.0}:1 to {lightest:.0}:1")),
        None => ui.colored_label(ui.visuals().warn_fg_color, "No palette shade reads naturally on this skin."),
    };
    let healed = colour::healed_model();
    if healed != colour::HealedModel::DEFAULT {
        ui.weak(format!(
            "Healed as this clinic's clients heal: strength {:.0} %, spread × {:.2} (the model: {:.0} %, × {:.2}; see Follow-up photos).",
            healed.retention * 100.0,
            healed.spread,
            colour::HEALED_RETENTION * 100.0,
            colour::HEALED_SPREAD,
        ));
    }
    let mut use_shade = None;
    egui::Grid::new("shades").num_columns(7).striped(true).show(ui, |ui| {
        for heading in ["Shade", "Skin · fresh · healed", "ΔE00 healed", "ΔL* healed", "", ""] {
            ui.strong(heading);
        }
        ui.end_row();
        let rgb = skin.to_srgb();
        for advice in &advice {
            let name = format!("{:.0}:1", advice.water_parts);
            let used = in_use.iter().any(|&w| (w - advice.water_parts).abs() < 1e-9);
            if used {
                ui.strong(format!("{name} •")).on_hover_text("Used in this design");
            } else {
                ui.label(&name);
            }
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 1.0;
                swatch(ui, rgb, &format!("Skin beside {name}"));
                swatch(ui, advice.fresh.to_srgb(), &format!("{name} fresh"));
                swatch(ui, advice.healed.to_srgb(), &format!("{name} healed"));
            });
            ui.monospace(format!("{:.1}", advice.delta_e_healed));
            ui.monospace(format!("{:.1}", advice.contrast_healed));
            match &advice.warning {
                Some(warning) => ui.colored_label(ui.visuals().warn_fg_color, "⚠").on_hover_text(warning),
                None => ui.colored_label(egui::Color32::from_rgb(80, 170, 90), "✔").on_hover_text("Suggested"),
            };
            if ui.small_button("Use").on_hover_text(format!("Make {name} the design's shade")).clicked() {
                use_shade = Some(advice.water_parts);
            }
            ui.end_row();
        }
    });
    for advice in advice.iter().filter(|a| in_use.iter().any(|&w| (w - a.water_parts).abs() < 1e-9)) {
        if let Some(warning) = &advice.warning {
            ui.colored_label(ui.visuals().warn_fg_color, format!("{:.0}:1 — {warning}", advice.water_parts));
        }
    }
    use_shade.map(|water_parts| Command::Apply(Edit::UseShade(water_parts)))
}
