//! A machine-readable summary of a design, for `hairline-studio info` and scripts: each view's
//! calibration, hairline measurements and zones, in millimetres and square centimetres.

use serde::Serialize;

use crate::design::{Design, View, ViewKind, ZoneKind};
use crate::geometry::{FaceFrame, HairlineMeasures, measure_hairline, polygon_area_px2};

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
    let views: Vec<ViewSummary> = design.views.iter().map(summarize_view).collect();
    let total_estimated_dots =
        views.iter().flat_map(|v| &v.zones).filter(|z| !z.hidden).filter_map(|z| z.estimated_dots).sum();
    DesignSummary { client: design.client.name.clone(), views, total_estimated_dots }
}

/// The summary of one view.
pub fn summarize_view(view: &View) -> ViewSummary {
    let mm_per_px = view.mm_per_px();
    let hairline = FaceFrame::of_view(view).zip(view.hairline_index()).map(|(frame, i)| {
        let measures = measure_hairline(&frame, view, &view.curves[i].points);
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
    ViewSummary { kind: view.kind, mm_per_px, hairline, zones }
}
