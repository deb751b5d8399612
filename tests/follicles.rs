//! The follicle simulation: counts, spacing, determinism, the transition band, overlaps.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

use hairline_studio::design::{
    Calibration, CalibrationSource, Curve, CurveRole, PhotoPoint, PhotoRef, Transition, View, ViewKind, Zone, ZoneKind,
};
use hairline_studio::follicles::{Dot, Layering, generate_dots};
use hairline_studio::geometry::polygon_area_px2;

/// 0.1 mm per pixel on a 3000 x 3000 px photo.
const MM_PER_PX: f64 = 0.1;

fn view() -> View {
    let mut view = View::new(ViewKind::Front);
    view.photo = Some(PhotoRef { path: String::new(), sha256: String::new(), width_px: 3000, height_px: 3000 });
    view.calibration = Some(Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(0.0, 0.0),
        b: PhotoPoint::new(1000.0, 0.0),
        length_mm: 100.0,
    });
    view
}

fn zone(kind: ZoneKind, density_per_cm2: f64, vertices: &[(f64, f64)]) -> Zone {
    let mut zone = Zone::new(kind, "test");
    zone.density_per_cm2 = density_per_cm2;
    zone.edge_feather_mm = 0.0;
    zone.vertices = vertices.iter().map(|&(x, y)| PhotoPoint::new(x, y)).collect();
    zone
}

fn area_cm2(zone: &Zone) -> f64 {
    polygon_area_px2(&zone.vertices) * MM_PER_PX * MM_PER_PX / 100.0
}

#[test]
fn each_zone_gets_its_area_times_density_within_five_percent() {
    let mut view = view();
    view.zones.push(zone(ZoneKind::Frontal, 100.0, &[(100.0, 100.0), (900.0, 100.0), (900.0, 700.0), (100.0, 700.0)]));
    view.zones.push(zone(ZoneKind::Crown, 300.0, &[(1200.0, 200.0), (2500.0, 400.0), (1500.0, 1500.0)]));
    view.zones.push(zone(
        ZoneKind::Temple,
        45.0,
        &[(100.0, 1000.0), (1100.0, 1000.0), (1100.0, 1300.0), (500.0, 1300.0), (500.0, 2200.0), (100.0, 2200.0)],
    ));
    let dots = generate_dots(&view, &Layering::single(18.0), 7);
    for (index, zone) in view.zones.iter().enumerate() {
        let count = dots.iter().filter(|d| usize::from(d.zone) == index).count();
        #[expect(clippy::cast_precision_loss, reason = "small counts")]
        let count = count as f64;
        let expected = area_cm2(zone) * zone.density_per_cm2;
        assert!((count - expected).abs() / expected < 0.05, "zone {index}: {count} dots, expected {expected:.0}");
    }
}

fn nearest_neighbour_mm(dots: &[Dot]) -> Vec<f64> {
    dots.iter()
        .enumerate()
        .map(|(i, a)| {
            dots.iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, b)| f64::from((a.x_px - b.x_px).hypot(a.y_px - b.y_px)))
                .fold(f64::INFINITY, f64::min)
                * MM_PER_PX
        })
        .collect()
}

#[test]
fn dots_are_blue_noise_neither_clumped_nor_on_a_grid() {
    let mut view = view();
    let density_per_cm2 = 150.0;
    view.zones.push(zone(
        ZoneKind::MidScalp,
        density_per_cm2,
        &[(0.0, 0.0), (400.0, 0.0), (400.0, 400.0), (0.0, 400.0)],
    ));
    let dots = generate_dots(&view, &Layering::single(18.0), 3);
    let distances = nearest_neighbour_mm(&dots);
    // Spacing of a perfect hexagonal packing at this density.
    let hex_mm = (2.0 / (3f64.sqrt() * density_per_cm2 / 100.0)).sqrt();
    #[expect(clippy::cast_precision_loss, reason = "small counts")]
    let mean = distances.iter().sum::<f64>() / distances.len() as f64;
    let min = distances.iter().copied().fold(f64::INFINITY, f64::min);
    #[expect(clippy::cast_precision_loss, reason = "small counts")]
    let spread = (distances.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / distances.len() as f64).sqrt() / mean;
    // Uniform random dots would have a mean of 0.47 and clumps down to 0; a grid a spread of 0.
    assert!(mean / hex_mm > 0.7, "mean nearest neighbour {:.2} of the hexagonal spacing", mean / hex_mm);
    assert!(min / hex_mm > 0.25, "closest pair {:.2} of the hexagonal spacing", min / hex_mm);
    assert!(spread > 0.05 && spread < 0.3, "relative spread of the distances {spread:.2}");
}

#[test]
fn the_same_design_gives_the_same_dots_and_another_seed_others() {
    let mut view = view();
    view.zones.push(zone(ZoneKind::Frontal, 120.0, &[(0.0, 0.0), (800.0, 0.0), (800.0, 500.0), (0.0, 500.0)]));
    let first = generate_dots(&view, &Layering::single(18.0), 11);
    assert_eq!(first, generate_dots(&view, &Layering::single(18.0), 11));
    assert_ne!(first, generate_dots(&view, &Layering::single(18.0), 12));
}

#[test]
fn density_rises_from_front_to_back_across_the_transition_band() {
    let mut view = view();
    // A straight hairline at y = 1500 px (150 mm); the head is above it (smaller y).
    view.curves.push(Curve {
        name: "Hairline".into(),
        role: CurveRole::Hairline,
        points: vec![PhotoPoint::new(200.0, 1500.0), PhotoPoint::new(1500.0, 1500.0), PhotoPoint::new(2800.0, 1500.0)],
        transition: Transition {
            macro_amplitude_mm: 0.0,
            jitter_amplitude_mm: 0.0,
            micro_cluster_share: 0.0,
            ..Transition::default()
        },
        ..Curve::default()
    });
    view.zones.push(zone(
        ZoneKind::HairlineTransition,
        200.0,
        &[(400.0, 1000.0), (2600.0, 1000.0), (2600.0, 1700.0), (400.0, 1700.0)],
    ));
    let dots = generate_dots(&view, &Layering::single(18.0), 5);
    // Count dots in 2 mm slices behind the line (depth = 150 mm - y).
    let slice = |from_mm: f64| {
        dots.iter()
            .filter(|d| {
                let depth = 150.0 - f64::from(d.y_px) * MM_PER_PX;
                depth >= from_mm && depth < from_mm + 2.0
            })
            .count()
    };
    let slices: Vec<usize> = [0.0, 2.0, 4.0, 6.0, 8.0, 12.0].iter().map(|&d| slice(d)).collect();
    assert!(slices.windows(2).all(|w| w[0] < w[1] || w[1] >= slices[5] * 95 / 100), "{slices:?}");
    assert!(slices[0] * 3 < slices[5], "sparse at the front: {slices:?}");
    let ahead = dots.iter().filter(|d| f64::from(d.y_px) * MM_PER_PX > 150.0).count();
    assert_eq!(ahead, 0, "no dots ahead of the line without leading clusters");
}

#[test]
fn where_zones_overlap_the_upper_one_decides() {
    let mut view = view();
    let square = [(0.0, 0.0), (1000.0, 0.0), (1000.0, 1000.0), (0.0, 1000.0)];
    view.zones.push(zone(ZoneKind::MidScalp, 100.0, &square));
    view.zones.push(zone(ZoneKind::Density, 40.0, &[(0.0, 0.0), (500.0, 0.0), (500.0, 1000.0), (0.0, 1000.0)]));
    let dots = generate_dots(&view, &Layering::single(18.0), 9);
    let left = dots.iter().filter(|d| d.x_px < 500.0).count();
    let right = dots.iter().filter(|d| d.x_px >= 500.0).count();
    // 50 cm² each side: 40/cm² on the left (the upper zone only), 100/cm² on the right.
    #[expect(clippy::cast_precision_loss, reason = "small counts")]
    let (left, right) = (left as f64, right as f64);
    assert!((left - 2000.0).abs() < 100.0, "{left}");
    assert!((right - 5000.0).abs() < 250.0, "{right}");
}

#[test]
fn hidden_zones_and_uncalibrated_views_have_no_dots() {
    let mut view = view();
    let mut hidden = zone(ZoneKind::Crown, 100.0, &[(0.0, 0.0), (500.0, 0.0), (500.0, 500.0)]);
    hidden.hidden = true;
    view.zones.push(hidden);
    assert!(generate_dots(&view, &Layering::single(18.0), 1).is_empty());
    view.zones[0].hidden = false;
    view.calibration = None;
    assert!(generate_dots(&view, &Layering::single(18.0), 1).is_empty());
}

#[test]
fn a_calibration_that_makes_the_zones_absurdly_large_simulates_nothing() {
    // Two points 1 px apart called 10 m: a 2000 px square is then 20 m across, 400 million dots.
    let mut view = view();
    view.calibration = Some(Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(0.0, 0.0),
        b: PhotoPoint::new(1.0, 0.0),
        length_mm: 10_000.0,
    });
    view.zones.push(zone(ZoneKind::Crown, 100.0, &[(0.0, 0.0), (2000.0, 0.0), (2000.0, 2000.0), (0.0, 2000.0)]));
    assert!(hairline_studio::follicles::estimated_dots(&view).unwrap() > 1e8);
    assert!(generate_dots(&view, &Layering::single(18.0), 7).is_empty());
}

#[test]
fn each_session_adds_its_share_of_the_dots_in_its_shade_and_keeps_the_earlier_ones() {
    use hairline_studio::design::{Design, Session};
    use hairline_studio::follicles::pigment_opacity;
    let mut view = view();
    view.zones.push(zone(
        ZoneKind::Frontal,
        200.0,
        &[(100.0, 100.0), (2100.0, 100.0), (2100.0, 1100.0), (100.0, 1100.0)],
    ));
    let mut design = Design::new(5);
    design.pigment.water_parts = 18.0;
    let session = |water_parts, share_of_dots| Session {
        days_after_previous: 10,
        water_parts,
        share_of_dots,
        ..Session::default()
    };
    design.sessions = vec![session(Some(24.0), 0.5), session(None, 0.3), session(Some(14.0), 0.2)];
    let after = |view: &View, design: &Design, done| generate_dots(view, &Layering::of(design, done), design.seed);
    let (first, second, all) =
        (after(&view, &design, Some(1)), after(&view, &design, Some(2)), after(&view, &design, None));
    #[expect(clippy::cast_precision_loss, reason = "small counts")]
    let share = |dots: &[Dot]| dots.len() as f64 / all.len() as f64;
    assert!((share(&first) - 0.5).abs() < 0.02, "{}", share(&first));
    assert!((share(&second) - 0.8).abs() < 0.02, "{}", share(&second));
    assert!(first.iter().all(|dot| second.contains(dot)) && second.iter().all(|dot| all.contains(dot)), "nested");
    #[expect(clippy::cast_possible_truncation, reason = "opacities are 0 to 1")]
    let opacity = |water_parts: f64| pigment_opacity(water_parts) as f32;
    assert!(first.iter().all(|dot| (dot.opacity - opacity(24.0)).abs() < 1e-6), "session 1 in its own shade");
    let in_design_shade = all.iter().filter(|dot| (dot.opacity - opacity(18.0)).abs() < 1e-6).count();
    #[expect(clippy::cast_precision_loss, reason = "small counts")]
    let in_design_shade = in_design_shade as f64 / all.len() as f64;
    assert!((in_design_shade - 0.3).abs() < 0.02, "session 2 takes the design's shade: {in_design_shade}");

    // A zone's own shade overrides every session's.
    view.zones[0].water_parts = Some(6.0);
    let own = after(&view, &design, None);
    assert!(own.iter().all(|dot| (dot.opacity - opacity(6.0)).abs() < 1e-6));
    // Shares that do not add up to 1 are scaled; no sessions means every dot in the design's shade.
    design.sessions = vec![session(None, 0.2), session(None, 0.2)];
    assert_eq!(after(&view, &design, None).len(), own.len());
    design.sessions.clear();
    assert_eq!(Layering::of(&design, Some(1)), Layering::single(18.0));
}
