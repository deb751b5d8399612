//! One colour model everywhere: the pixels `render` and the canvas draw agree with the shade
//! advice's swatches and with the model's prediction for an area's coverage (CIEDE2000 ≤ 1).
//! And what the skin shows after session 1: a quarter of its dots did not take.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

use hairline_studio::colour::{Lab, Stage, advise, mix};
use hairline_studio::design::{
    Calibration, CalibrationSource, Design, PhotoPoint, PhotoRef, Session, View, ViewKind, Zone, ZoneKind,
};
use hairline_studio::render::{Look, render_preview};

/// 20 px per mm on a 1200 x 1200 px photo of uniform skin.
const PX_PER_MM: f64 = 20.0;
const SKIN: [u8; 3] = [196, 150, 122];

fn design(density_per_cm2: f64, dot_diameter_mm: f64) -> Design {
    let mut design = Design::new(11);
    let mut view = View::new(ViewKind::Top);
    view.photo = Some(PhotoRef { path: String::new(), sha256: String::new(), width_px: 1200, height_px: 1200 });
    view.calibration = Some(Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(0.0, 0.0),
        b: PhotoPoint::new(1000.0, 0.0),
        length_mm: 1000.0 / PX_PER_MM,
    });
    let mut zone = Zone::new(ZoneKind::MidScalp, "patch");
    zone.density_per_cm2 = density_per_cm2;
    zone.dot_diameter_mm = dot_diameter_mm;
    zone.size_variation = 0.0;
    zone.edge_feather_mm = 0.0;
    zone.vertices = [(100.0, 100.0), (1100.0, 100.0), (1100.0, 1100.0), (100.0, 1100.0)]
        .iter()
        .map(|&(x, y)| PhotoPoint::new(x, y))
        .collect();
    view.zones.push(zone);
    design.views = vec![view];
    design.sessions = vec![Session::default()];
    design.first_session_loss = 0.0;
    design
}

fn photo() -> image::RgbaImage {
    image::RgbaImage::from_pixel(1200, 1200, image::Rgba([SKIN[0], SKIN[1], SKIN[2], 255]))
}

/// The mean colour of a square of `image`, averaged in linear light as the eye averages what it
/// cannot resolve.
fn mean_colour(image: &image::RgbaImage, from: u32, side: u32) -> Lab {
    let mut sum = [0.0; 3];
    for y in from..from + side {
        for x in from..from + side {
            let [r, g, b, _] = image.get_pixel(x, y).0;
            let linear = Lab::from_srgb([r, g, b]).to_linear_rgb();
            for (total, channel) in sum.iter_mut().zip(linear) {
                *total += channel;
            }
        }
    }
    let n = f64::from(side * side);
    Lab::from_linear_rgb(sum.map(|s| s / n))
}

#[test]
fn the_mean_of_a_square_centimetre_is_the_models_colour_for_its_coverage() {
    for (density, diameter) in [(120.0, 0.3), (300.0, 0.25), (60.0, 0.5)] {
        let design = design(density, diameter);
        let view = &design.views[0];
        let image = render_preview(&design, view, Look::default(), &photo());
        // 1 cm² is 200 x 200 px; the square from 400 to 600 lies well inside the zone.
        let (from, side) = (400_u32, 200_u32);
        let measured = mean_colour(&image, from, side);
        // The model's coverage: each dot in the square hides its opacity over its disc.
        let dots = Look::default().dots(&design, view);
        let inside = |d: &&hairline_studio::follicles::Dot| {
            let (lo, hi) = (f64::from(from), f64::from(from + side));
            (lo..hi).contains(&f64::from(d.x_px)) && (lo..hi).contains(&f64::from(d.y_px))
        };
        let hidden: f64 = dots
            .iter()
            .filter(inside)
            .map(|d| std::f64::consts::PI * f64::from(d.radius_px).powi(2) * f64::from(d.opacity))
            .sum();
        let coverage = hidden / f64::from(side * side);
        let predicted = mix(Lab::from_srgb(SKIN), design.pigment.ink(), coverage);
        let difference = measured.delta_e_2000(predicted);
        assert!(
            difference <= 1.0,
            "{density}/cm², {diameter} mm: ΔE00 {difference:.2} ({measured:?} vs {predicted:?})"
        );
        assert!(coverage > 0.02, "the square holds pigment: {coverage}");
    }
}

#[test]
fn a_healed_dots_core_is_its_swatch() {
    // Sparse, wide dots: 1.2 mm across is 24 px, each with a core of full cover.
    let design = design(15.0, 1.2);
    let view = &design.views[0];
    let image = render_preview(&design, view, Look::default(), &photo());
    let swatch = advise(Lab::from_srgb(SKIN), design.pigment.ink(), design.pigment.water_parts).healed;
    let dots = Look::default().dots(&design, view);
    assert!(dots.len() > 50, "{} dots", dots.len());
    for dot in dots.iter().take(20) {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "pixel coordinates")]
        let [r, g, b, _] = image.get_pixel(dot.x_px as u32, dot.y_px as u32).0;
        let core = Lab::from_srgb([r, g, b]);
        let difference = core.delta_e_2000(swatch);
        assert!(
            difference <= 1.0,
            "dot at {:.0}, {:.0}: ΔE00 {difference:.2} ({core:?} vs {swatch:?})",
            dot.x_px,
            dot.y_px
        );
    }
    // And the stages move the core as the advice's fresh swatch says.
    let fresh = Look { stage: Stage::Fresh, ..Look::default() };
    let image = render_preview(&design, view, fresh, &photo());
    let swatch = advise(Lab::from_srgb(SKIN), design.pigment.ink(), design.pigment.water_parts).fresh;
    let dot = dots[0];
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "pixel coordinates")]
    let [r, g, b, _] = image.get_pixel(dot.x_px as u32, dot.y_px as u32).0;
    assert!(Lab::from_srgb([r, g, b]).delta_e_2000(swatch) <= 1.0);
}

#[test]
fn after_session_one_a_quarter_of_its_dots_are_lost_and_session_two_lays_them_again() {
    let mut design = design(200.0, 0.3);
    design.sessions = vec![
        Session { share_of_dots: 0.6, ..Session::default() },
        Session { share_of_dots: 0.4, days_after_previous: 30, ..Session::default() },
    ];
    let view = design.views[0].clone();
    let count = |design: &Design, after| Look { after_session: after, ..Look::default() }.dots(design, &view).len();
    let laid_in_first = {
        let mut kept = design.clone();
        kept.first_session_loss = 0.0;
        count(&kept, Some(1))
    };
    design.first_session_loss = 0.25;
    let shown_after_first = count(&design, Some(1));
    #[expect(clippy::cast_precision_loss, reason = "small counts")]
    let lost = 1.0 - shown_after_first as f64 / laid_in_first as f64;
    assert!((lost - 0.25).abs() < 0.02, "{lost} of session 1's dots lost");
    // Session 2 puts them back: the whole plan shows every dot the needle laid.
    let laid = Look::laid_dots(&design, &view).len();
    assert_eq!(count(&design, None), laid);
    // Seeded: the same dots are lost every time.
    assert_eq!(
        Look { after_session: Some(1), ..Look::default() }.dots(&design, &view),
        Look { after_session: Some(1), ..Look::default() }.dots(&design, &view)
    );
    // The dots the needle lays are counted whole, whatever takes.
    design.sessions.truncate(1);
    assert!(Look::default().dots(&design, &view).len() < Look::laid_dots(&design, &view).len());
}
