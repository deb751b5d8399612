//! The command line: `validate` and `schema`.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

use std::process::Output;

mod common;

use common::{asset, run_cli};

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn validate_accepts_the_sample_design() {
    let sample = asset("sample-design.json");
    let output = run_cli(&["validate", sample.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(stdout(&output).contains("valid"));
}

#[test]
fn validate_lists_the_problems_of_a_bad_design_and_fails() {
    let folder = tempfile::tempdir().unwrap();
    let bad = folder.path().join("bad.json");
    let text = r#"{"format": "hairline-studio/design", "version": 1,
        "views": [{"kind": "front", "zones": [{"name": "z", "vertices": [], "density_per_cm2": -3, "dot_diameter_mm": 9}]}]}"#;
    std::fs::write(&bad, text).unwrap();
    let output = run_cli(&["validate", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.contains("bad.json"), "{report}");
    assert!(report.contains("views[0].zones[0].density_per_cm2"), "{report}");
    assert!(report.contains("views[0].zones[0].dot_diameter_mm"), "{report}");
}

#[test]
fn validate_reports_a_missing_file() {
    let output = run_cli(&["validate", "/nonexistent/design.json"]);
    assert_eq!(output.status.code(), Some(3));
    assert!(stdout(&output).contains("/nonexistent/design.json"));
}

#[test]
fn validate_reports_a_photo_that_needs_relinking() {
    let folder = tempfile::tempdir().unwrap();
    let design = folder.path().join("moved.json");
    let sample = std::fs::read_to_string(asset("sample-design.json")).unwrap();
    std::fs::write(&design, sample).unwrap();
    let output = run_cli(&["validate", design.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("missing: no file at"), "{}", stdout(&output));
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let output = run_cli(&["schema"]);
    assert!(output.status.success());
    let checked_in =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/design.schema.json"))
            .unwrap();
    assert_eq!(stdout(&output), checked_in);
}

#[test]
fn info_reports_calibration_hairline_and_zones_in_millimetres() {
    let sample = asset("sample-design.json");
    let output = run_cli(&["info", sample.to_str().unwrap()]);
    assert!(output.status.success());
    let summary: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let view = &summary["views"][0];
    // Pupils 210 px apart at 63 mm.
    assert_eq!(view["mm_per_px"], 0.3);
    // The hairline's centre is 192 px above the glabella: 57.6 mm.
    assert_eq!(view["hairline"]["height_above_glabella_mm"], 57.6);
    assert_eq!(view["hairline"]["left_right_difference_mm"], 0.0, "the sample is symmetric");
    let area = view["zones"][0]["area_cm2"].as_f64().unwrap();
    assert!(area > 50.0 && area < 60.0, "{area}");
    // Healed and seen from a metre, the front and top blend with the stubble at the sides.
    let seen = &view["zones"][0]["seen_from_1m"];
    let (result, hair) = (seen["result"]["l"].as_f64().unwrap(), seen["hair"]["l"].as_f64().unwrap());
    assert!(seen["delta_e_to_hair"].as_f64().unwrap() <= 3.0, "{seen}");
    assert!(result < view["skin"]["lab"]["l"].as_f64().unwrap() - 2.0, "the result darkens the skin: {seen}");
    assert!((result - hair).abs() < 3.0, "{seen}");
    assert_eq!(seen["blend"]["verdict"], "blends", "{seen}");
    assert_eq!(seen["blend"]["target"]["source"], "hair_sample");
    // One shade recommended for the hair, with a runner-up: the sample's plan (a 24:1 first
    // session, then 14:1) averages to about 18:1 in every session, which blends.
    let recommended = &view["recommended_shade"];
    assert_eq!(recommended["best"]["water_parts"], 18.0, "{recommended}");
    assert!(recommended["best"]["delta_e"].as_f64().unwrap() < 3.0, "{recommended}");
    assert!(recommended["runner_up"]["water_parts"].as_f64().is_some(), "{recommended}");
    assert!(recommended["why"].as_str().unwrap().starts_with("18:1 at 187/cm² in every session"), "{recommended}");
    assert_eq!(summary["total_estimated_dots"], view["zones"][0]["estimated_dots"]);
}

#[test]
fn render_writes_the_same_png_every_time() {
    let sample = asset("sample-design.json");
    let folder = tempfile::tempdir().unwrap();
    let (first, second) = (folder.path().join("a.png"), folder.path().join("b.png"));
    for output in [&first, &second] {
        let result = run_cli(&["render", sample.to_str().unwrap(), "-o", output.to_str().unwrap(), "--width", "600"]);
        assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    }
    let bytes = std::fs::read(&first).unwrap();
    assert_eq!(bytes, std::fs::read(&second).unwrap(), "byte-identical");
    let image = image::load_from_memory(&bytes).unwrap();
    assert_eq!((image.width(), image.height()), (600, 750));
    // The dots darken the scalp inside the zone: compare with the bare photo there.
    let bare =
        image::open(asset("sample-front.jpg")).unwrap().resize_exact(600, 750, image::imageops::FilterType::Triangle);
    let luma = |img: &image::DynamicImage| {
        let grey = img.to_luma8();
        (280..320)
            .flat_map(|x| (170..190).map(move |y| (x, y)))
            .map(|(x, y)| u32::from(grey.get_pixel(x, y)[0]))
            .sum::<u32>()
    };
    assert!(luma(&image) < luma(&bare), "the zone is darker with the dots");
}

#[test]
fn render_shows_the_stage_and_the_sessions_done() {
    let sample = asset("sample-design.json");
    let folder = tempfile::tempdir().unwrap();
    let darkness = |extra: &[&str]| {
        let output = folder.path().join("look.png");
        let mut args = vec!["render", sample.to_str().unwrap(), "-o", output.to_str().unwrap(), "--width", "300"];
        args.extend_from_slice(extra);
        let result = run_cli(&args);
        assert!(result.status.success(), "{extra:?}: {}", String::from_utf8_lossy(&result.stderr));
        let grey = image::open(&output).unwrap().to_luma8();
        grey.pixels().map(|p| u64::from(255 - p[0])).sum::<u64>()
    };
    let healed = darkness(&[]);
    assert!(darkness(&["--stage", "fresh"]) > healed, "fresh dots are darker");
    assert!(darkness(&["--stage", "later", "--years", "5"]) < healed, "faded after five years");
    assert!(darkness(&["--after-session", "1"]) < healed, "half the dots after session 1");
    let refused =
        run_cli(&["render", sample.to_str().unwrap(), "-o", "/tmp/never.png", "--stage", "later", "--years", "NaN"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--years"));
}

#[test]
fn render_from_a_distance_blurs_the_dots_into_their_mean() {
    let sample = asset("sample-design.json");
    let folder = tempfile::tempdir().unwrap();
    let render = |extra: &[&str]| {
        let output = folder.path().join(format!("seen{}.png", extra.len()));
        let mut args = vec!["render", sample.to_str().unwrap(), "-o", output.to_str().unwrap()];
        args.extend_from_slice(extra);
        let result = run_cli(&args);
        assert!(result.status.success(), "{extra:?}: {}", String::from_utf8_lossy(&result.stderr));
        image::open(&output).unwrap().to_luma8()
    };
    // Inside the zone, 10 mm behind the hairline's centre: 60 x 30 px of the 1200 px photo.
    let patch = |grey: &image::GrayImage| -> Vec<f64> {
        (570..630)
            .flat_map(|x| (330..360).map(move |y| (x, y)))
            .map(|(x, y)| f64::from(grey.get_pixel(x, y)[0]))
            .collect()
    };
    // 1,800 pixels in a patch: exact in f64.
    let pixels = 60.0 * 30.0;
    let mean = |values: &[f64]| values.iter().sum::<f64>() / pixels;
    let spread = |values: &[f64]| (values.iter().map(|v| (v - mean(values)).powi(2)).sum::<f64>() / pixels).sqrt();
    let close = patch(&render(&[]));
    let far = patch(&render(&["--distance-m", "3"]));
    // From 3 m the eye's blur (0.37 mm, over a pixel here) smooths the dots away...
    assert!(spread(&far) < spread(&close) * 0.6, "{} vs {}", spread(&far), spread(&close));
    // ...but keeps their light: the means agree (gamma-encoded, so roughly).
    assert!((mean(&far) - mean(&close)).abs() < 3.0, "{} vs {}", mean(&far), mean(&close));
    for bad in ["0", "-1", "NaN", "1000"] {
        let flag = format!("--distance-m={bad}");
        let refused = run_cli(&["render", sample.to_str().unwrap(), "-o", "/tmp/never.png", &flag]);
        assert!(!refused.status.success(), "{bad}");
        assert!(String::from_utf8_lossy(&refused.stderr).contains("--distance-m"), "{bad}");
    }
}

#[test]
fn render_names_a_missing_view() {
    let sample = asset("sample-design.json");
    let output = run_cli(&["render", sample.to_str().unwrap(), "-o", "/tmp/never.png", "--view", "crown"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("has no crown view"));
}

#[test]
fn a_design_declaring_an_absurd_photo_size_is_refused_by_validate_and_info() {
    let folder = tempfile::tempdir().unwrap();
    let design = folder.path().join("absurd.json");
    let mut sample: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(asset("sample-design.json")).unwrap()).unwrap();
    sample["views"][0]["photo"]["width_px"] = 1_000_000_000.into();
    sample["views"][0]["photo"]["height_px"] = 1_000_000_000.into();
    std::fs::write(&design, serde_json::to_string(&sample).unwrap()).unwrap();
    let output = run_cli(&["validate", design.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("views[0].photo: ") && stdout(&output).contains("width_px"),
        "{}",
        stdout(&output)
    );
    // Before, `info` reported the midline half a million kilometres away.
    let output = run_cli(&["info", design.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("views[0].photo: "));
}

/// The sample design in `folder`, its photo replaced by `photo_bytes` under a matching checksum:
/// a photo that is the one the design was drawn on, as far as its checksum tells.
fn design_on_photo(folder: &std::path::Path, photo_bytes: &[u8]) -> std::path::PathBuf {
    let photo = folder.join("front.jpg");
    std::fs::write(&photo, photo_bytes).unwrap();
    let mut design = common::sample_design();
    let reference = design.views[0].photo.as_mut().unwrap();
    reference.path = photo.to_str().unwrap().to_owned();
    reference.sha256 = hairline_studio::io::sha256_hex(photo_bytes);
    let path = folder.join("client.json");
    hairline_studio::io::save_design_file(&path, &design).unwrap();
    path
}

#[test]
fn validate_reports_a_photo_that_matches_its_checksum_but_cannot_be_opened() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/photos");
    let cases: [(Vec<u8>, &str); 3] = [
        (b"a note saved as front.jpg, not a photo".to_vec(), "not a photo format the studio reads"),
        (std::fs::read(corpus.join("bomb-100000x100000.png")).unwrap(), "100000 x 100000"),
        (std::fs::read(corpus.join("zero-width.png")).unwrap(), "could not be decoded"),
    ];
    for (bytes, words) in cases {
        let folder = tempfile::tempdir().unwrap();
        let design = design_on_photo(folder.path(), &bytes);
        let output = run_cli(&["validate", design.to_str().unwrap()]);
        let report = stdout(&output);
        assert_eq!(output.status.code(), Some(2), "{report}");
        assert!(report.contains("views[0].photo: ") && report.contains(words), "{words}: {report}");
        assert!(report.contains("front.jpg"), "the message names the photo: {report}");
        assert!(!report.contains(": valid\n"), "{report}");
    }
    // The real photo still passes.
    let folder = tempfile::tempdir().unwrap();
    let design = design_on_photo(folder.path(), &std::fs::read(asset("sample-front.jpg")).unwrap());
    let output = run_cli(&["validate", design.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn render_refuses_a_changed_photo_unless_allowed() {
    let folder = tempfile::tempdir().unwrap();
    let design = design_on_photo(folder.path(), &std::fs::read(asset("sample-front.jpg")).unwrap());
    // Another picture in its place: the sample photo, upside down.
    let flipped = image::open(asset("sample-front.jpg")).unwrap().flipv();
    flipped.save(folder.path().join("front.jpg")).unwrap();
    let png = folder.path().join("render.png");
    let args = ["render", design.to_str().unwrap(), "-o", png.to_str().unwrap(), "--width", "200"];
    let refused = run_cli(&args);
    let message = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{message}");
    let validated = run_cli(&["validate", design.to_str().unwrap()]);
    let line = stdout(&validated).lines().next().unwrap().to_owned();
    assert!(line.starts_with("views[0].photo: changed: "), "{line}");
    assert!(message.contains(&line), "the message validate gives ({line}): {message}");
    assert!(!png.exists(), "nothing rendered on the wrong face");

    let allowed = run_cli(&[&args[..], &["--allow-changed-photo"]].concat());
    let message = String::from_utf8_lossy(&allowed.stderr);
    assert!(allowed.status.success(), "{message}");
    assert!(message.contains(&line), "said on stderr: {message}");
    assert!(png.exists());
}
