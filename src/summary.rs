//! A machine-readable summary of a design, for `hairline-studio info` and scripts: each view's
//! calibration, hairline measurements and zones, in millimetres and square centimetres, its skin
//! samples, and how each of the design's shades shows on that skin.

use serde::Serialize;

use crate::colour::{ItaCategory, Lab, ShadeAdvice, advise};
use crate::design::{Design, SkinSample, View, ViewKind, ZoneKind};
use crate::geometry::{HairlineMeasures, measure_hairline, polygon_area_px2};

/// Square millimetres in a square centimetre.
const MM2_PER_CM2: f64 = 100.0;

#[derive(Debug, Serialize)]
pub struct DesignSummary {
    pub client: String,
    pub views: Vec<ViewSummary>,
    /// Sum of the zones' estimated dots over all calibrated views.
    pub total_estimated_dots: u64,
}

#[derive(Debug, Serialize)]
pub struct ViewSummary {
    pub kind: ViewKind,
    /// `None` until the view is calibrated.
    pub mm_per_px: Option<f64>,
    /// `None` without a hairline, a calibration and a glabella.
    pub hairline: Option<HairlineMeasures>,
    pub zones: Vec<ZoneSummary>,
    pub skin_samples: Vec<SkinSummary>,
    /// The mean of the samples; `None` until the skin is sampled.
    pub skin: Option<SkinSummary>,
    /// Each shade the design uses (its pigment and its sessions'), on this view's skin.
    pub shades: Vec<ShadeAdvice>,
}

#[derive(Debug, Serialize)]
pub struct SkinSummary {
    pub lab: Lab,
    pub ita_degrees: f64,
    pub ita_category: ItaCategory,
    /// The Fitzpatrick type the ITA category suggests; the artist's own is `client.fitzpatrick`.
    pub suggested_fitzpatrick: u8,
}

impl SkinSummary {
    fn of(lab: Lab) -> Self {
        let ita_degrees = lab.ita_degrees();
        let category = ItaCategory::of(ita_degrees);
        Self {
            lab: Lab::new(hundredths(lab.l), hundredths(lab.a), hundredths(lab.b)),
            ita_degrees: hundredths(ita_degrees),
            ita_category: category,
            suggested_fitzpatrick: category.suggested_fitzpatrick(),
        }
    }
}

/// The mean colour of a view's skin samples.
pub fn mean_skin(samples: &[SkinSample]) -> Option<Lab> {
    if samples.is_empty() {
        return None;
    }
    #[expect(clippy::cast_precision_loss, reason = "a handful of samples")]
    let n = samples.len() as f64;
    let sum = samples.iter().fold([0.0; 3], |s, c| [s[0] + c.l, s[1] + c.a, s[2] + c.b]);
    Some(Lab::new(sum[0] / n, sum[1] / n, sum[2] / n))
}

/// The shades a design uses, darkest first, each once: its pigment's and its sessions'.
pub fn design_shades(design: &Design) -> Vec<f64> {
    let mut shades: Vec<f64> = std::iter::once(design.pigment.water_parts)
        .chain(design.sessions.iter().filter_map(|s| s.water_parts))
        .collect();
    shades.sort_by(f64::total_cmp);
    shades.dedup();
    shades
}

fn rounded(advice: ShadeAdvice) -> ShadeAdvice {
    let lab = |c: Lab| Lab::new(hundredths(c.l), hundredths(c.a), hundredths(c.b));
    ShadeAdvice {
        fresh: lab(advice.fresh),
        healed: lab(advice.healed),
        delta_e_fresh: hundredths(advice.delta_e_fresh),
        delta_e_healed: hundredths(advice.delta_e_healed),
        contrast_fresh: hundredths(advice.contrast_fresh),
        contrast_healed: hundredths(advice.contrast_healed),
        ..advice
    }
}

#[derive(Debug, Serialize)]
pub struct ZoneSummary {
    pub name: String,
    pub kind: ZoneKind,
    pub hidden: bool,
    /// `None` until the view is calibrated.
    pub area_cm2: Option<f64>,
    pub density_per_cm2: f64,
    /// Area times density; `None` until calibrated.
    pub estimated_dots: Option<u64>,
}

/// Rounds to 0.01 (mm or cm²): far finer than a photo can resolve, and readable.
fn hundredths(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

pub fn summarize(design: &Design) -> DesignSummary {
    let shades = design_shades(design);
    let views: Vec<ViewSummary> = design
        .views
        .iter()
        .map(|view| {
            let mut summary = summarize_view(view);
            if let Some(skin) = mean_skin(&view.skin_samples) {
                summary.shades = shades.iter().map(|&w| rounded(advise(skin, design.pigment.ink(), w))).collect();
            }
            summary
        })
        .collect();
    let total_estimated_dots =
        views.iter().flat_map(|v| &v.zones).filter(|z| !z.hidden).filter_map(|z| z.estimated_dots).sum();
    DesignSummary { client: design.client.name.clone(), views, total_estimated_dots }
}

/// The summary of one view.
pub fn summarize_view(view: &View) -> ViewSummary {
    let mm_per_px = view.mm_per_px();
    let hairline = view.face_frame().zip(view.hairline()).map(|(frame, hairline)| {
        let measures = measure_hairline(&frame, view.canthi(), &hairline.points);
        HairlineMeasures {
            height_above_glabella_mm: measures.height_above_glabella_mm.map(hundredths),
            frontotemporal_heights_mm: measures.frontotemporal_heights_mm.map(|h| h.map(hundredths)),
            frontotemporal_offsets_mm: measures.frontotemporal_offsets_mm.map(hundredths),
            left_right_difference_mm: measures.left_right_difference_mm.map(hundredths),
            length_mm: hundredths(measures.length_mm),
        }
    });
    let zones = view
        .zones
        .iter()
        .map(|zone| {
            let area_cm2 =
                mm_per_px.map(|scale| hundredths(polygon_area_px2(&zone.vertices) * scale * scale / MM2_PER_CM2));
            // Areas and densities are bounded by validation, far inside u64.
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "bounded, non-negative")]
            let estimated_dots = area_cm2.map(|area| (area * zone.density_per_cm2).round() as u64);
            ZoneSummary {
                name: zone.name.clone(),
                kind: zone.kind,
                hidden: zone.hidden,
                area_cm2,
                density_per_cm2: zone.density_per_cm2,
                estimated_dots,
            }
        })
        .collect();
    let skin_samples = view.skin_samples.iter().map(|s| SkinSummary::of(Lab::new(s.l, s.a, s.b))).collect();
    let skin = mean_skin(&view.skin_samples).map(SkinSummary::of);
    ViewSummary { kind: view.kind, mm_per_px, hairline, zones, skin_samples, skin, shades: Vec::new() }
}
