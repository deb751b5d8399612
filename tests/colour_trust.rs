//! Colour you can trust: the skin eyedropper doubts patches that are not skin and leaves them
//! out of the skin's mean until kept; a neutral grey in the photo takes the light's cast out of
//! every sample.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::{asset, run_cli, sample_design};
use hairline_studio::colour::{Lab, WhiteBalance, read_skin_patch, sample_seen_from_afar};
use hairline_studio::design::{Document, NeutralSample, PhotoPoint, SampleDoubt, SkinSample, validate};
use hairline_studio::edit::{Edit, Refused};
use hairline_studio::report::{mean_skin, report, view_skin};

/// The bundled sample photo: synthetic light-medium skin, stubble at the sides, brows, a
/// blue-grey studio background.
fn sample_photo() -> image::RgbaImage {
    image::open(asset("sample-front.jpg")).unwrap().to_rgba8()
}

/// The sample design's skin samples, as taken.
fn sample_skin() -> Vec<Lab> {
    sample_design().views[0].skin_samples.iter().map(|s| Lab::new(s.l, s.a, s.b)).collect()
}

/// The skin eyedropper's doubts about a 4 mm patch (13.3 px on the sample) at (x, y).
fn doubts_at(photo: &image::RgbaImage, x: f64, y: f64, others: &[Lab]) -> Vec<SampleDoubt> {
    read_skin_patch(photo.as_raw(), photo.width(), [x, y], 40.0 / 3.0, others).unwrap().doubts
}

#[test]
fn bare_skin_on_the_sample_photo_is_accepted() {
    let photo = sample_photo();
    let others = sample_skin();
    for (x, y) in [(600.0, 500.0), (470.0, 520.0), (450.0, 780.0), (600.0, 700.0)] {
        assert_eq!(doubts_at(&photo, x, y, &others), vec![], "forehead, temple, cheek, nose at ({x}, {y})");
        assert_eq!(doubts_at(&photo, x, y, &[]), vec![], "also as the first sample, at ({x}, {y})");
    }
}

#[test]
fn hair_background_and_edges_on_the_sample_photo_are_doubted() {
    let photo = sample_photo();
    let others = sample_skin();
    let brow = doubts_at(&photo, 490.0, 585.0, &others);
    for doubt in [SampleDoubt::DarkerThanSurroundings, SampleDoubt::Uneven, SampleDoubt::FarFromOtherSamples] {
        assert!(brow.contains(&doubt), "the brow: {brow:?}");
    }
    assert!(doubts_at(&photo, 380.0, 575.0, &others).contains(&SampleDoubt::Uneven), "stubble");
    let background = doubts_at(&photo, 100.0, 300.0, &others);
    assert!(background.contains(&SampleDoubt::NotSkinColoured), "{background:?}");
    assert!(background.contains(&SampleDoubt::FarFromOtherSamples), "{background:?}");
    assert_eq!(doubts_at(&photo, 100.0, 300.0, &[]), vec![SampleDoubt::NotSkinColoured], "even as the first sample");
    assert!(doubts_at(&photo, 600.0, 232.0, &others).contains(&SampleDoubt::Uneven), "across the top of the head");
}

#[test]
fn a_doubted_sample_is_left_out_of_the_mean_until_kept_and_keeping_is_undone() {
    let mut design = sample_design();
    let before = mean_skin(&design.views[0].skin_samples).unwrap();
    let brow = SkinSample {
        doubts: vec![SampleDoubt::DarkerThanSurroundings],
        ..SkinSample::new(PhotoPoint::new(490.0, 585.0), 13.3, [20.0, 4.0, 6.0])
    };
    design.views[0].skin_samples.push(brow);
    let view = design.views[0].id;
    let mut document = Document::new(design, None);
    let mean = |document: &Document| view_skin(&document.design().views[0]).unwrap();
    assert!(mean(&document).delta_e_2000(before) < 1e-9, "left out");
    let info = report(document.design());
    assert_eq!(info.views[0].skin_readings.last().map(|r| r.counted), Some(false));
    document.apply(Edit::KeepSkinSample { view, index: 3 }).unwrap();
    document.settle();
    assert!(mean(&document).l < before.l - 10.0, "kept, it counts: {:?}", mean(&document));
    assert_eq!(document.undo_label(), Some("keep skin sample"));
    document.undo();
    assert!(mean(&document).delta_e_2000(before) < 1e-9, "undone");
    assert_eq!(document.apply(Edit::KeepSkinSample { view, index: 9 }), Err(Refused::Gone));
}

/// The linear-sRGB white of a 3,400 K light (Planckian x 0.4053, y 0.3907), at luminance 1 so
/// that only the light's colour differs from daylight, not its brightness.
const LAMP_3400_K: [f64; 3] = [1.564, 0.8925, 0.4057];
/// A 5,000 K light (x 0.3450, y 0.3516), luminance 1: a moderate warm cast (warm-white
/// lamps, a camera whose white balance got it half right).
const WARM_5000_K: [f64; 3] = [1.2123, 0.9608, 0.763];
const SKIN: [u8; 3] = [196, 150, 122];

/// A photo under `light`: skin on the left half, a mid-grey card on the right.
fn photo_under(light: [f64; 3]) -> Vec<u8> {
    let cast = |rgb: [u8; 3]| {
        let [r, g, b] = Lab::from_srgb(rgb).to_linear_rgb();
        // Exposed so that the skin's brightest channel stays under 1.
        Lab::from_linear_rgb([r * light[0] * 0.55, g * light[1] * 0.55, b * light[2] * 0.55]).to_srgb()
    };
    let (skin, card) = (cast(SKIN), cast([128, 128, 128]));
    (0..100 * 100)
        .flat_map(|i| {
            let [r, g, b] = if i % 100 < 50 { skin } else { card };
            [r, g, b, 255]
        })
        .collect()
}

/// The skin as read under `light`, its correction by the grey card beside it, and the same skin
/// read in daylight (D65).
fn read_under(light: [f64; 3]) -> (Lab, WhiteBalance, Lab) {
    let pixels = photo_under(light);
    let raw = read_skin_patch(&pixels, 100, [25.0, 50.0], 10.0, &[]).unwrap();
    assert!(raw.doubts.is_empty(), "skin under a warm light is still skin: {:?}", raw.doubts);
    let neutral = sample_seen_from_afar(&pixels, 100, [75.0, 50.0], 10.0).unwrap().to_linear_rgb();
    let balance = WhiteBalance::from_neutral(neutral).unwrap();
    let daylight = photo_under([1.0, 1.0, 1.0]);
    let truth = read_skin_patch(&daylight, 100, [25.0, 50.0], 10.0, &[]).unwrap().lab;
    (raw.lab, balance, truth)
}

/// The cast is made by scaling linear sRGB channels (a von Kries model in sRGB's primaries);
/// the studio corrects by Bradford's sharpened cone space, as colour science does. The two
/// agree within ΔE00 2 for a moderate cast, and differ more for a strong one (lamp light with
/// the camera's white balance off), where the correction still takes out most of the error.
#[test]
fn skin_under_a_warm_light_reads_as_in_daylight_once_corrected_by_a_grey_card() {
    let (raw, balance, truth) = read_under(WARM_5000_K);
    assert!((4800.0..5200.0).contains(&balance.kelvin()), "{}", balance.kelvin());
    assert!(raw.delta_e_2000(truth) > 3.0, "the cast shows: {raw:?} vs {truth:?}");
    let corrected = balance.correct(raw);
    assert!(corrected.delta_e_2000(truth) < 2.0, "{corrected:?} vs {truth:?}: {}", corrected.delta_e_2000(truth));

    let (raw, balance, truth) = read_under(LAMP_3400_K);
    assert!((3300.0..3700.0).contains(&balance.kelvin()), "{}", balance.kelvin());
    assert!(balance.describe().starts_with("Corrected for a warm cast (about 3"), "{}", balance.describe());
    let (before, after) = (raw.delta_e_2000(truth), balance.correct(raw).delta_e_2000(truth));
    assert!(before > 10.0 && after < 4.5 && after < before / 2.0, "ΔE00 {before:.1} as taken, {after:.1} corrected");
}

#[test]
fn the_view_keeps_raw_readings_and_reads_them_corrected_by_its_neutral() {
    let pixels = photo_under(WARM_5000_K);
    let raw = read_skin_patch(&pixels, 100, [25.0, 50.0], 10.0, &[]).unwrap();
    let neutral = sample_seen_from_afar(&pixels, 100, [75.0, 50.0], 10.0).unwrap().to_linear_rgb();
    let (_, _, truth) = read_under(WARM_5000_K);
    let mut design = sample_design();
    let view = design.views[0].id;
    design.views[0].skin_samples =
        vec![SkinSample::new(PhotoPoint::new(25.0, 50.0), 10.0, [raw.lab.l, raw.lab.a, raw.lab.b])];
    let mut document = Document::new(design, None);
    let sample = NeutralSample { at: PhotoPoint::new(75.0, 50.0), radius_px: 10.0, linear_rgb: neutral };
    document.apply(Edit::SetNeutral { view, sample }).unwrap();
    let stored = &document.design().views[0];
    assert!((stored.skin_samples[0].l - raw.lab.l).abs() < 1e-12, "the raw reading is kept");
    assert!(view_skin(stored).unwrap().delta_e_2000(truth) < 2.0);
    let info = report(document.design());
    let balance_report = info.views[0].white_balance.as_ref().unwrap();
    assert!(balance_report.summary.contains("warm cast"), "{balance_report:?}");
    let reading = &info.views[0].skin_readings[0];
    assert!(reading.raw.delta_e_2000(reading.corrected) > 3.0, "{reading:?}");
    assert!(info.views[0].skin.as_ref().unwrap().lab.delta_e_2000(truth) < 2.0);
    // Clearing the neutral reads the colours as taken again.
    document.apply(Edit::ClearNeutral { view }).unwrap();
    assert!(view_skin(&document.design().views[0]).unwrap().delta_e_2000(raw.lab) < 1e-9);
}

#[test]
fn a_neutral_on_a_colour_or_without_a_photo_is_refused_and_nothing_is_stored() {
    let mut design = sample_design();
    let view = design.views[0].id;
    design.views[0].photo = None;
    let mut document = Document::new(design, None);
    let grey = NeutralSample { at: PhotoPoint::new(10.0, 10.0), radius_px: 5.0, linear_rgb: [0.2, 0.2, 0.2] };
    assert_eq!(document.apply(Edit::SetNeutral { view, sample: grey.clone() }), Err(Refused::NoPhoto));
    let mut document = Document::new(sample_design(), None);
    let red = NeutralSample { linear_rgb: Lab::from_srgb([200, 30, 40]).to_linear_rgb(), ..grey.clone() };
    assert_eq!(document.apply(Edit::SetNeutral { view, sample: red }), Err(Refused::NotNeutral));
    let nan = NeutralSample { linear_rgb: [f64::NAN, 0.2, 0.2], ..grey };
    assert_eq!(document.apply(Edit::SetNeutral { view, sample: nan.clone() }), Err(Refused::NotNeutral));
    assert!(document.design().views[0].neutral.is_none());
    // A file holding one that is not a number is refused by validation, by name.
    let mut design = sample_design();
    design.views[0].neutral = Some(nan);
    let problems = validate(&design);
    assert!(problems.iter().any(|p| p.at == "views[0].neutral.linear_rgb[0]"), "{problems:?}");
}

#[test]
fn info_reports_the_white_balance_and_each_samples_raw_and_corrected_colour() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(asset("sample-front.jpg"), folder.path().join("sample-front.jpg")).unwrap();
    let mut design = sample_design();
    design.views[0].neutral =
        Some(NeutralSample { at: PhotoPoint::new(100.0, 300.0), radius_px: 13.0, linear_rgb: [0.30, 0.25, 0.16] });
    let path = folder.path().join("warm.json");
    hairline_studio::io::save_design_file(&path, &design).unwrap();
    let output = run_cli(&["info", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let view = &json["views"][0];
    assert_eq!(view["white_balance"]["cast"], "warm", "{}", view["white_balance"]);
    assert!(view["white_balance"]["kelvin"].as_f64().is_some_and(|k| k < 5000.0));
    let reading = &view["skin_readings"][0];
    assert!(reading["raw"]["l"].is_number() && reading["corrected"]["b"].is_number(), "{reading}");
    assert!(reading["corrected"]["b"].as_f64() < reading["raw"]["b"].as_f64(), "a warm cast corrected is less yellow");
    assert!(view["skin"]["lab"].is_object(), "the old fields stay");
    assert_eq!(view["hair_readings"].as_array().map(Vec::len), Some(2));
    assert!(view["white_balance_summary"].as_str().is_some_and(|s| s.starts_with("Corrected for a warm cast")));

    let plain = run_cli(&["info", asset("sample-design.json").to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(json["views"][0]["white_balance"].is_null());
    assert_eq!(json["views"][0]["white_balance_summary"], "No neutral sample: colours are as the photo took them");
}
