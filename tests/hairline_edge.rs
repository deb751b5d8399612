//! The hairline's natural edge, as the dots show it: across the transition band dots grow and
//! darken from front to back, and the leading dots ahead of the line are single and scattered.

#![allow(clippy::unwrap_used, clippy::print_stdout, reason = "a test fails loudly and reports what it measured")]

use hairline_studio::design::{
    Calibration, CalibrationSource, Curve, CurveRole, PhotoPoint, PhotoRef, Transition, View, ViewKind, Zone, ZoneKind,
};
use hairline_studio::follicles::{Dot, Layering, generate_dots};
use hairline_studio::random::SplitMix64;

/// 0.1 mm per pixel.
const MM_PER_PX: f64 = 0.1;
/// The straight hairline's height in the photo, in mm; the head lies above it (smaller y).
const LINE_MM: f64 = 150.0;
/// The zone's extent across the photo, in mm.
const ZONE_ACROSS_MM: [f64; 2] = [10.0, 590.0];

/// A 6000 x 3000 px photo with a straight hairline 600 mm long at [`LINE_MM`] and a
/// hairline-transition zone of 200 dots/cm² around it.
fn view(transition: Transition) -> View {
    let mut view = View::new(ViewKind::Front);
    view.photo = Some(PhotoRef { path: String::new(), sha256: String::new(), width_px: 6000, height_px: 3000 });
    view.calibration = Some(Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(0.0, 0.0),
        b: PhotoPoint::new(1000.0, 0.0),
        length_mm: 100.0,
    });
    let line_px = LINE_MM / MM_PER_PX;
    view.curves.push(Curve {
        name: "Hairline".into(),
        role: CurveRole::Hairline,
        points: vec![PhotoPoint::new(0.0, line_px), PhotoPoint::new(3000.0, line_px), PhotoPoint::new(6000.0, line_px)],
        transition,
        ..Curve::default()
    });
    let mut zone = Zone::new(ZoneKind::HairlineTransition, "front");
    zone.density_per_cm2 = 200.0;
    zone.edge_feather_mm = 0.0;
    let [left, right] = ZONE_ACROSS_MM.map(|mm| mm / MM_PER_PX);
    zone.vertices = [(left, 1000.0), (right, 1000.0), (right, 1700.0), (left, 1700.0)]
        .iter()
        .map(|&(x, y)| PhotoPoint::new(x, y))
        .collect();
    view.zones.push(zone);
    view
}

/// How far behind the drawn line a dot lies, in mm (negative ahead of it).
fn depth_mm(dot: &Dot) -> f64 {
    LINE_MM - f64::from(dot.y_px) * MM_PER_PX
}

#[test]
fn across_the_band_dots_grow_and_darken_from_front_to_back() {
    let view = view(Transition::default());
    let zone_diameter_mm = view.zones[0].dot_diameter_mm;
    let dots = generate_dots(&view, &Layering::single(18.0), 5);
    // The zone's own shade (its kind may set its own dilution).
    let full_opacity = dots.iter().map(|d| f64::from(d.opacity)).fold(0.0, f64::max);
    // 2 mm slices across the 10 mm band, then one well behind it.
    let slices = [0.0, 2.0, 4.0, 6.0, 8.0, 14.0];
    let means: Vec<(f64, f64)> = slices
        .iter()
        .map(|&from_mm| {
            let slice: Vec<&Dot> = dots.iter().filter(|d| (from_mm..from_mm + 2.0).contains(&depth_mm(d))).collect();
            assert!(slice.len() > 100, "{} dots {from_mm} mm behind the line", slice.len());
            #[expect(clippy::cast_precision_loss, reason = "a few thousand dots")]
            let count = slice.len() as f64;
            let diameter_mm = slice.iter().map(|d| 2.0 * f64::from(d.radius_px) * MM_PER_PX).sum::<f64>() / count;
            let opacity = slice.iter().map(|d| f64::from(d.opacity)).sum::<f64>() / count;
            (diameter_mm, opacity)
        })
        .collect();
    for ((diameter_mm, opacity), from_mm) in means.iter().zip(slices) {
        println!("{from_mm:>4} mm behind: mean diameter {diameter_mm:.3} mm, mean opacity {opacity:.3}");
    }
    for pair in means.windows(2) {
        assert!(pair[0].0 < pair[1].0, "diameters rise front to back: {means:?}");
        assert!(pair[0].1 < pair[1].1, "opacities rise front to back: {means:?}");
    }
    let (front, back) = (means[0], means[5]);
    assert!(front.0 < 0.85 * back.0 && front.1 < 0.8 * back.1, "a visible grade: {means:?}");
    // Behind the band, the zone's own dots; the size spread is symmetric about its diameter.
    assert!((back.0 / zone_diameter_mm - 1.0).abs() < 0.02, "{back:?}");
    assert!((back.1 - full_opacity).abs() < 1e-6, "{back:?}");
}

/// The mean distance from each point to its nearest neighbour among `points`.
fn mean_nearest_mm(points: &[[f64; 2]]) -> f64 {
    let nearest = |i: usize| {
        let p = points[i];
        points
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, q)| (p[0] - q[0]).hypot(p[1] - q[1]))
            .fold(f64::INFINITY, f64::min)
    };
    #[expect(clippy::cast_precision_loss, reason = "a few hundred points")]
    let count = points.len() as f64;
    (0..points.len()).map(nearest).sum::<f64>() / count
}

/// The Clark-Evans ratio of the leading dots (mean nearest-neighbour distance over what random
/// points would give), measured against random points of the same count and the same fall-off
/// with distance ahead, in the same strip. Simulating the reference, rather than using Clark and
/// Evans's 1/(2 sqrt(density)), takes in the strip's edges (a 3 mm strip is nearly all edge)
/// and the fall-off, both of which would make any pattern look more spread than it is.
fn clark_evans_in_lead_strip(leading: &[[f64; 2]], lead_mm: f64) -> f64 {
    let mut random = SplitMix64::new(99);
    let length_mm = ZONE_ACROSS_MM[1] - ZONE_ACROSS_MM[0];
    let runs = 40;
    let expected = (0..runs)
        .map(|_| {
            let points: Vec<[f64; 2]> = (0..leading.len())
                .map(|_| {
                    // Density falling evenly to none at the lead's reach: d = L (1 - sqrt(u)).
                    let ahead_mm = lead_mm * (1.0 - random.next_unit().sqrt());
                    [ZONE_ACROSS_MM[0] + length_mm * random.next_unit(), ahead_mm]
                })
                .collect();
            mean_nearest_mm(&points)
        })
        .sum::<f64>()
        / f64::from(runs);
    mean_nearest_mm(leading) / expected
}

#[test]
fn leading_dots_are_single_and_scattered_not_clustered() {
    // A straight edge, so that "ahead of the line" is exactly the lead strip.
    let transition = Transition { macro_amplitude_mm: 0.0, jitter_amplitude_mm: 0.0, ..Transition::default() };
    let lead_mm = transition.micro_lead_mm;
    for seed in [5, 6, 7] {
        let dots = generate_dots(&view(transition.clone()), &Layering::single(18.0), seed);
        let leading: Vec<[f64; 2]> =
            dots.iter().filter(|d| depth_mm(d) < 0.0).map(|d| [f64::from(d.x_px) * MM_PER_PX, -depth_mm(d)]).collect();
        assert!(leading.len() > 50, "seed {seed}: {} leading dots", leading.len());
        assert!(leading.iter().all(|p| p[1] < lead_mm), "seed {seed}: a dot beyond the lead");
        // Fewer the further ahead: the chance falls with the distance.
        let near = leading.iter().filter(|p| p[1] < lead_mm / 2.0).count();
        assert!(near > 2 * (leading.len() - near), "seed {seed}: {near} of {} in the nearer half", leading.len());
        let ratio = clark_evans_in_lead_strip(&leading, lead_mm);
        println!("seed {seed}: {} leading dots, Clark-Evans ratio {ratio:.2}", leading.len());
        assert!(ratio >= 1.0, "seed {seed}: leading dots clump (Clark-Evans ratio {ratio:.2})");
    }
}

#[test]
fn the_same_seed_gives_the_same_edge() {
    let view = view(Transition::default());
    assert_eq!(generate_dots(&view, &Layering::single(18.0), 3), generate_dots(&view, &Layering::single(18.0), 3));
}
