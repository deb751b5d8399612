//! The figures of a front view on the skin ([`crate::geometry::SkinMap`]): the hairline's
//! centre and the mid-frontal guide along the midline, and the transfer table, the key points
//! of the hairline as an artist measures them on the head with a tape.

use serde::Serialize;

use crate::design::{HeadFit, View};
use crate::geometry::{FacePoint, SkinMap, height_at};

use super::hundredths;

/// A view's figures on the skin, and where they come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkinScale {
    /// Where the head's shape comes from, in words ("from the side profile (Left view)",
    /// "estimated from an average adult head"), or why the view has no skin figures.
    pub source: String,
    /// Whether the skin figures are estimates (the average head).
    pub estimated: bool,
    /// Each profile traced on a side view that could not be used, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profile_problems: Vec<String>,
    /// `None` for a view that is not a front view, or not calibrated with its glabella marked.
    pub figures: Option<SkinFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkinFigures {
    /// The hairline's centre above the glabella; `None` without a hairline crossing the midline.
    pub hairline_centre: Option<PhotoAndSkin>,
    /// The mid-frontal guide: set as a distance on the skin, shown where the photo has it.
    pub mid_frontal_guide: PhotoAndSkin,
    /// The key points of the hairline, as distances on the skin.
    pub transfer: Vec<TransferPoint>,
}

/// One distance up the midline from the glabella, as the photo shows it and along the skin.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PhotoAndSkin {
    pub photo_mm: f64,
    pub skin_mm: f64,
}

/// A key point of the hairline, where to put the pencil on the head. "L" and "R" in its name are
/// the photo's left and right (the client's right and left in a front view).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TransferPoint {
    pub name: String,
    /// Along the skin up the midline from the glabella, to the point's height.
    pub up_midline_mm: f64,
    /// Along the skin across from the midline at that height; negative to the photo's left
    /// (the client's right, in a front view).
    pub across_mm: f64,
    /// Along the skin straight up from the line of the outer eye corners; `None` until both
    /// eye corners are marked.
    pub above_eye_corners_mm: Option<f64>,
}

/// The skin scale of `view`, mapped onto the head by `fit`.
pub(super) fn skin_scale(view: &View, fit: HeadFit) -> SkinScale {
    let estimated = fit.estimated();
    let figures = fit.map.as_ref().map(|map| figures(view, map));
    SkinScale { source: fit.source, estimated, profile_problems: fit.problems, figures }
}

fn figures(view: &View, map: &SkinMap) -> SkinFigures {
    let hairline = view.hairline().filter(|c| c.points.len() >= 2);
    let centre_height = hairline.and_then(|c| height_at(&map.frame, &c.points, 0.0));
    let hairline_centre = centre_height.map(|photo_mm| PhotoAndSkin {
        photo_mm: hundredths(photo_mm),
        skin_mm: hundredths(map.shape.midline_skin_mm(photo_mm)),
    });
    let guide_skin = view.guides.mid_frontal_height_mm;
    let mid_frontal_guide =
        PhotoAndSkin { photo_mm: hundredths(map.shape.midline_photo_mm(guide_skin)), skin_mm: hundredths(guide_skin) };
    let transfer = hairline.map_or_else(Vec::new, |curve| transfer_points(view, map, &curve.points, centre_height));
    SkinFigures { hairline_centre, mid_frontal_guide, transfer }
}

/// The centre, both frontotemporal angles and the hairline's ends (the temple points), and
/// every control point when the view's guides ask for them.
fn transfer_points(
    view: &View,
    map: &SkinMap,
    points: &[crate::geometry::PhotoPoint],
    centre: Option<f64>,
) -> Vec<TransferPoint> {
    let frame = &map.frame;
    let row = |name: String, face: FacePoint| {
        let at = map.position(frame.to_photo(face));
        TransferPoint {
            name,
            up_midline_mm: hundredths(at.up_midline_mm),
            across_mm: hundredths(at.across_mm),
            above_eye_corners_mm: at.above_eye_corners_mm.map(hundredths),
        }
    };
    let mut rows = Vec::new();
    if let Some(height) = centre {
        rows.push(row("Hairline centre".to_owned(), FacePoint { x_mm: 0.0, y_mm: height }));
    }
    let measures = crate::geometry::measure_hairline(frame, view.canthi(), points);
    for (side, (offset, height)) in
        ["L", "R"].iter().zip(measures.frontotemporal_offsets_mm.iter().zip(measures.frontotemporal_heights_mm))
    {
        if let Some(height) = height {
            rows.push(row(format!("Frontotemporal {side}"), FacePoint { x_mm: *offset, y_mm: height }));
        }
    }
    let mut ends: Vec<FacePoint> =
        [points.first(), points.last()].into_iter().flatten().map(|&p| frame.to_face(p)).collect();
    ends.sort_by(|a, b| a.x_mm.total_cmp(&b.x_mm));
    for (side, end) in ["L", "R"].iter().zip(ends) {
        rows.push(row(format!("Temple end {side}"), end));
    }
    if view.guides.transfer_every_point {
        for (index, &point) in points.iter().enumerate() {
            rows.push(row(format!("Control point {}", index + 1), frame.to_face(point)));
        }
    }
    rows
}
