//! True scale on a curved head: a synthetic head (an ellipsoid of known size) photographed from
//! the front and the side by a distant camera (a parallel projection at a known scale), its
//! profile traced on the side photo, and the front view's figures checked against the
//! ellipsoid's own: distances up the midline, zone areas, dot counts and the transfer table.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]
#![allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "dot counts and areas of a test head")]

use hairline_studio::design::{
    Calibration, CalibrationSource, Curve, CurveRole, Design, PhotoPoint, PhotoRef, View, ViewKind, Zone, ZoneKind,
};
use hairline_studio::follicles::{Layering, generate_dots};
use hairline_studio::geometry::polygon_area_px2;
use hairline_studio::report::{ViewReport, report};

/// The head: half-width `A`, half-height `B`, half-depth `C` (mm); the glabella is on the
/// front, `G` mm above the centre.
const A: f64 = 76.0;
const B: f64 = 115.0;
const C: f64 = 98.0;
const G: f64 = 15.0;

/// The front photo: 0.2 mm per pixel, the glabella at (1000, 1400).
const FRONT_MM_PER_PX: f64 = 0.2;
const FRONT_GLABELLA: (f64, f64) = (1000.0, 1400.0);
/// The side photo (face to the left): 0.25 mm per pixel, the glabella at (600, 1400).
const SIDE_MM_PER_PX: f64 = 0.25;
const SIDE_GLABELLA: (f64, f64) = (600.0, 1400.0);

/// The skin's depth towards the camera at `x` across and `h` above the glabella, seen from
/// the front; `None` off the head.
fn depth(x: f64, h: f64) -> Option<f64> {
    let y = h + G;
    let inside = 1.0 - (x / A).powi(2) - (y / B).powi(2);
    (inside > 0.0).then(|| C * inside.sqrt())
}

/// The length along the skin of the path seen in the front photo from `from` to `to` (face mm),
/// in fine steps.
fn skin_path(from: (f64, f64), to: (f64, f64)) -> f64 {
    let steps = 20_000;
    (0..steps)
        .map(|i| {
            let at = |t: f64| (from.0 + t * (to.0 - from.0), from.1 + t * (to.1 - from.1));
            let (a, b) = (at(f64::from(i) / f64::from(steps)), at(f64::from(i + 1) / f64::from(steps)));
            let dz = depth(b.0, b.1).unwrap() - depth(a.0, a.1).unwrap();
            (b.0 - a.0).hypot(b.1 - a.1).hypot(dz)
        })
        .sum()
}

/// The skin area over the front photo's polygon `corners` (face mm), by the surface element on
/// a 0.1 mm grid.
fn skin_area_mm2(corners: &[(f64, f64)]) -> f64 {
    let inside = |p: (f64, f64)| {
        let mut odd = false;
        for (i, &a) in corners.iter().enumerate() {
            let b = corners[(i + 1) % corners.len()];
            if (a.1 > p.1) != (b.1 > p.1) && p.0 < a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0) {
                odd = !odd;
            }
        }
        odd
    };
    let (min_x, max_x) = corners.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let (min_y, max_y) = corners.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let step = 0.1;
    let mut area = 0.0;
    let mut y = min_y + step / 2.0;
    while y < max_y {
        let mut x = min_x + step / 2.0;
        while x < max_x {
            if inside((x, y)) {
                let e = 1e-3;
                let zx = (depth(x + e, y).unwrap() - depth(x - e, y).unwrap()) / (2.0 * e);
                let zy = (depth(x, y + e).unwrap() - depth(x, y - e).unwrap()) / (2.0 * e);
                area += (1.0 + zx * zx + zy * zy).sqrt() * step * step;
            }
            x += step;
        }
        y += step;
    }
    area
}

fn front_px((x, h): (f64, f64)) -> PhotoPoint {
    PhotoPoint::new(FRONT_GLABELLA.0 + x / FRONT_MM_PER_PX, FRONT_GLABELLA.1 - h / FRONT_MM_PER_PX)
}

fn photo() -> PhotoRef {
    PhotoRef { path: "head.png".into(), sha256: String::new(), width_px: 2000, height_px: 2000 }
}

fn calibration(mm_per_px: f64) -> Calibration {
    Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(0.0, 0.0),
        b: PhotoPoint::new(400.0, 0.0),
        length_mm: 400.0 * mm_per_px,
    }
}

/// The profile as clicked on the side photo: 25 points from the glabella over the top and down
/// the back to the centre's height.
fn profile_clicks() -> Vec<PhotoPoint> {
    let start = (G / B).asin();
    let z_g = C * start.cos();
    (0..25)
        .map(|i| {
            let angle = start + (std::f64::consts::PI - start) * f64::from(i) / 24.0;
            let (height, depth) = (B * angle.sin() - G, z_g - C * angle.cos());
            PhotoPoint::new(SIDE_GLABELLA.0 + depth / SIDE_MM_PER_PX, SIDE_GLABELLA.1 - height / SIDE_MM_PER_PX)
        })
        .collect()
}

fn side_view(clicks: Vec<PhotoPoint>, calibrated: bool) -> View {
    let mut side = View::new(ViewKind::Left);
    side.photo = Some(photo());
    side.calibration = calibrated.then(|| calibration(SIDE_MM_PER_PX));
    side.landmarks.glabella = Some(PhotoPoint::new(SIDE_GLABELLA.0, SIDE_GLABELLA.1));
    side.curves.push(Curve { name: "Profile".into(), role: CurveRole::Profile, points: clicks, ..Curve::default() });
    side
}

/// The frontal zone and a lateral one, apart, in face mm (the photo's projection of the head):
/// the skin in them turns up to about 60° from the camera (a stretch of 2).
const FRONTAL: [(f64, f64); 4] = [(-30.0, 45.0), (30.0, 45.0), (30.0, 75.0), (-30.0, 75.0)];
const LATERAL: [(f64, f64); 4] = [(33.0, 20.0), (50.0, 20.0), (50.0, 42.0), (33.0, 44.0)];

/// The hairline's control points, in face mm.
const HAIRLINE: [(f64, f64); 5] = [(-50.0, 45.0), (-45.0, 52.0), (0.0, 60.0), (45.0, 52.0), (50.0, 45.0)];

/// A front view of the synthetic head with the two zones, the head's sides and the eye
/// corners marked, and (if asked) the hairline.
fn front_view(hairline: bool) -> View {
    let mut front = View::new(ViewKind::Front);
    front.photo = Some(photo());
    front.calibration = Some(calibration(FRONT_MM_PER_PX));
    front.landmarks.glabella = Some(front_px((0.0, 0.0)));
    front.landmarks.midline_top = Some(front_px((0.0, 150.0)));
    front.landmarks.midline_bottom = Some(front_px((0.0, -100.0)));
    front.landmarks.left_canthus = Some(front_px((-45.0, -12.0)));
    front.landmarks.right_canthus = Some(front_px((45.0, -12.0)));
    let half_width = A * (1.0 - ((G + 10.0) / B).powi(2)).sqrt();
    front.landmarks.left_head_side = Some(front_px((-half_width, 10.0)));
    front.landmarks.right_head_side = Some(front_px((half_width, 10.0)));
    for (name, corners) in [("Frontal", FRONTAL), ("Lateral", LATERAL)] {
        let mut zone = Zone::new(ZoneKind::Frontal, name);
        zone.vertices = corners.iter().map(|&c| front_px(c)).collect();
        zone.density_per_cm2 = 150.0;
        zone.edge_feather_mm = 0.0;
        front.zones.push(zone);
    }
    if hairline {
        let points = HAIRLINE.iter().map(|&c| front_px(c)).collect();
        front.curves.push(Curve { name: "Hairline".into(), role: CurveRole::Hairline, points, ..Curve::default() });
    }
    front
}

fn design(front: View, side: Option<View>) -> Design {
    let mut design = Design::new(7);
    design.views.clear();
    design.add_view(front);
    if let Some(side) = side {
        design.add_view(side);
    }
    design
}

fn front_report(design: &Design) -> ViewReport {
    report(design).views.into_iter().next().unwrap()
}

#[test]
fn the_profile_gives_distances_areas_and_dots_on_the_skin() {
    let design = design(front_view(false), Some(side_view(profile_clicks(), true)));
    let front = front_report(&design);
    let scale = &front.skin_scale;
    assert!(!scale.estimated, "{scale:?}");
    assert!(scale.source.contains("side profile"), "{}", scale.source);
    assert!(scale.profile_problems.is_empty(), "{:?}", scale.profile_problems);
    for (zone, corners) in front.zones.iter().zip([FRONTAL, LATERAL]) {
        let truth_cm2 = skin_area_mm2(&corners) / 100.0;
        let skin = zone.skin_area_cm2.expect("a skin area");
        let photo = zone.area_cm2.expect("the photo's area is still given");
        assert!((skin - truth_cm2).abs() < 0.05 * truth_cm2, "{}: {skin} cm² vs {truth_cm2}", zone.name);
        assert!((photo - 18.0).abs() < 0.05 || (photo - 3.91).abs() < 0.05, "{}: {photo} cm² in the photo", zone.name);
        #[expect(clippy::cast_precision_loss, reason = "a few thousand dots")]
        let dots = zone.dots.expect("simulated") as f64;
        let expected = truth_cm2 * 150.0;
        assert!((dots - expected).abs() < 0.05 * expected, "{}: {dots} dots vs {expected}", zone.name);
    }
}

#[test]
fn the_midline_and_the_transfer_table_match_the_head_within_2_mm() {
    let design = design(front_view(true), Some(side_view(profile_clicks(), true)));
    let front = front_report(&design);
    let figures = front.skin_scale.figures.as_ref().expect("figures on the skin");
    let centre = figures.hairline_centre.expect("the hairline crosses the midline");
    let truth = skin_path((0.0, 0.0), (0.0, centre.photo_mm));
    assert!((centre.skin_mm - truth).abs() < 0.03 * truth, "{} vs {truth}", centre.skin_mm);
    let guide_truth = skin_path((0.0, 0.0), (0.0, figures.mid_frontal_guide.photo_mm));
    assert!((guide_truth - 80.0).abs() < 0.03 * 80.0, "the guide is 8 cm along the skin: {guide_truth}");

    let names: Vec<&str> = figures.transfer.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names[0].contains("centre") && names[1].contains("Frontotemporal") && names[3].contains("Temple"));
    // Where each point is in the photo (face mm): the centre, the angles above the eye corners
    // and the ends; the angles' heights are read from the report's own hairline measures.
    let measures = front.hairline.as_ref().expect("measured");
    let [left, right] = measures.frontotemporal_heights_mm.map(Option::unwrap);
    let seen = [(0.0, centre.photo_mm), (-45.0, left), (45.0, right), HAIRLINE[0], HAIRLINE[4]];
    for (row, (x, h)) in figures.transfer.iter().zip(seen) {
        let up = skin_path((0.0, 0.0), (0.0, h));
        let across = skin_path((0.0, h), (x, h)).copysign(x);
        let above = skin_path((x, -12.0), (x, h));
        let got = (row.up_midline_mm, row.across_mm, row.above_eye_corners_mm.unwrap());
        for (what, value, truth) in [("up", got.0, up), ("across", got.1, across), ("above", got.2, above)] {
            assert!((value - truth).abs() <= 2.0, "{}: {what} {value:.1} mm vs {truth:.1}", row.name);
        }
    }
}

#[test]
fn without_a_side_view_the_average_head_gives_estimates_and_the_photo_figures_stay() {
    let design = design(front_view(true), None);
    let front = front_report(&design);
    let scale = &front.skin_scale;
    assert!(scale.estimated);
    assert!(scale.source.contains("estimated"), "{}", scale.source);
    let centre = scale.figures.as_ref().unwrap().hairline_centre.unwrap();
    assert!((centre.photo_mm - 60.0).abs() < 0.5, "{centre:?}");
    assert!(centre.skin_mm > centre.photo_mm, "{centre:?}");
    assert!(front.hairline.is_some());
    assert!(front.zones.iter().all(|z| z.area_cm2.is_some() && z.skin_area_cm2.is_some()));
    // An estimate is shown beside the plan, never in it: the dots are laid per cm² of photo.
    let flat = generate_dots(&design.views[0], &Layering::of(&design, None), design.seed);
    for (index, zone) in front.zones.iter().enumerate() {
        let laid = flat.iter().filter(|d| usize::from(d.zone) == index).count() as u64;
        assert_eq!(zone.dots, Some(laid), "{}", zone.name);
        let on_skin = zone.dots_on_skin_estimate.expect("the skin's estimate beside");
        let expected = (zone.skin_area_cm2.unwrap() * 150.0).round() as u64;
        assert_eq!(on_skin, expected, "{}", zone.name);
    }
}

#[test]
fn bad_profiles_are_named_and_the_figures_fall_back_to_the_average_head() {
    let mut folded = profile_clicks();
    folded.insert(8, PhotoPoint::new(folded[8].x - 200.0, folded[8].y + 40.0));
    let not_reaching: Vec<PhotoPoint> = profile_clicks().into_iter().skip(4).collect();
    let cases = [
        (side_view(folded, true), "folds back"),
        (side_view(not_reaching, true), "does not reach the glabella"),
        (side_view(profile_clicks(), false), "not calibrated"),
    ];
    for (side, problem) in cases {
        let design = design(front_view(true), Some(side));
        let front = front_report(&design);
        let scale = &front.skin_scale;
        assert!(scale.estimated, "{problem}");
        assert_eq!(scale.profile_problems.len(), 1, "{problem}: {:?}", scale.profile_problems);
        assert!(scale.profile_problems[0].contains(problem), "{:?}", scale.profile_problems);
        assert!(scale.profile_problems[0].starts_with("Left view"), "{:?}", scale.profile_problems);
        assert!(front.hairline.is_some() && front.zones.iter().all(|z| z.area_cm2.is_some()), "{problem}");
    }
}

#[test]
fn the_sample_design_keeps_its_figures_with_the_skin_estimate_beside_them() {
    let path = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample-design.json"));
    let design = hairline_studio::design::read_design(path).unwrap().design;
    let summary = report(&design);
    let front = summary.views.iter().find(|v| v.kind == ViewKind::Front).expect("a front view");
    assert!(front.hairline.is_some());
    assert!(front.skin_scale.estimated);
    // Its figures as they were: the dots as laid per cm² of photo, the area of the photo.
    let flat = generate_dots(&design.views[0], &Layering::of(&design, None), design.seed);
    let scale = front.mm_per_px.unwrap();
    for (index, zone) in front.zones.iter().enumerate() {
        let laid = flat.iter().filter(|d| usize::from(d.zone) == index).count() as u64;
        assert_eq!(zone.dots, Some(laid), "{}", zone.name);
        let photo_cm2 = polygon_area_px2(&design.views[0].zones[index].vertices) * scale * scale / 100.0;
        assert!((zone.area_cm2.unwrap() - photo_cm2).abs() < 0.01, "{}", zone.name);
        assert!(zone.skin_area_cm2.is_some() && zone.dots_on_skin_estimate.is_some(), "with the estimate beside");
    }
    let json = serde_json::to_string(&summary).unwrap();
    assert!(json.contains("\"skin_area_cm2\"") && json.contains("estimated from an average adult head"));
}
