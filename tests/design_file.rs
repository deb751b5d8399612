//! The design file: round trips, bad files, and saves that are interrupted.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]

use std::fs;
use std::path::Path;

use hairline_studio::design::{
    Calibration, CalibrationSource, Curve, CurveId, CurveRole, Design, DesignError, FORMAT_VERSION, FollowUp,
    FollowUpId, Guides, Landmarks, NeutralSample, PhotoPoint, PhotoRef, SampleDoubt, SkinSample, Transition, View,
    ViewId, ViewKind, Zone, ZoneId, ZoneKind, parse_design, read_design,
};
use hairline_studio::io::{
    SaveError, SaveStep, open_design_file, save_design, save_design_file, save_design_with_checkpoints,
};
use proptest::prelude::*;

fn sample() -> Design {
    let mut design = Design::new(42);
    design.client.name = "Jo Example".into();
    let view = &mut design.views[0];
    view.calibration = Some(Calibration {
        source: CalibrationSource::Ruler,
        a: PhotoPoint::new(100.0, 200.0),
        b: PhotoPoint::new(400.0, 200.0),
        length_mm: 63.0,
    });
    view.curves.push(Curve {
        name: "Hairline".into(),
        role: CurveRole::Hairline,
        points: vec![PhotoPoint::new(10.0, 20.0), PhotoPoint::new(30.5, 15.25)],
        ..Curve::default()
    });
    let mut zone = Zone::new(ZoneKind::Crown, "Crown");
    zone.vertices = vec![PhotoPoint::new(0.0, 0.0), PhotoPoint::new(10.0, 0.0), PhotoPoint::new(5.0, 8.0)];
    view.zones.push(zone);
    design.number_everything();
    design
}

fn point() -> impl Strategy<Value = PhotoPoint> {
    (-1.0e5..1.0e5f64, -1.0e5..1.0e5f64).prop_map(|(x, y)| PhotoPoint::new(x, y))
}

/// One plain skin sample and one doubted, kept in every other view.
fn skin_samples(kind: usize) -> Vec<SkinSample> {
    let doubted = SkinSample {
        doubts: vec![SampleDoubt::Uneven, SampleDoubt::DarkerThanSurroundings],
        kept: kind.is_multiple_of(2),
        ..SkinSample::new(PhotoPoint::new(30.0, 40.0), 12.0, [35.5, 8.25, 11.0])
    };
    vec![SkinSample::new(PhotoPoint::new(10.0, 20.0), 12.0, [65.5, 12.25, 17.0]), doubted]
}

/// A warm grey card in every other view.
fn neutral(kind: usize) -> Option<NeutralSample> {
    (!kind.is_multiple_of(2)).then(|| NeutralSample {
        at: PhotoPoint::new(7.0, 8.0),
        radius_px: 10.0,
        linear_rgb: [0.25, 0.2, 0.125],
    })
}

fn design_strategy() -> impl Strategy<Value = Design> {
    let curve =
        ("\\PC{0,20}", any::<bool>(), prop::collection::vec(point(), 0..20)).prop_map(|(name, hairline, points)| {
            Curve {
                id: CurveId::default(),
                name,
                role: if hairline { CurveRole::Hairline } else { CurveRole::Outline },
                points,
                transition: Transition { band_width_mm: 7.5, ..Transition::default() },
            }
        });
    let zone = (
        "\\PC{0,20}",
        0..ZoneKind::ALL.len(),
        prop::collection::vec(point(), 0..12),
        0.0..1000.0f64,
        0.0..5.0f64,
        any::<bool>(),
        prop::option::of(0.0..100.0f64),
        prop::option::of(0..1200u32),
    )
        .prop_map(|(name, kind, vertices, density, dot, hidden, water_parts, scar_age_months)| Zone {
            id: ZoneId::default(),
            name,
            kind: ZoneKind::ALL[kind],
            vertices,
            density_per_cm2: density,
            dot_diameter_mm: dot,
            size_variation: 0.15,
            edge_feather_mm: 2.5,
            water_parts,
            hidden,
            scar_age_months,
            hair_mask: None,
            scalp_part: hairline_studio::design::ScalpPart::Top,
        });
    let photo = prop::option::of(
        // Up to 14,000 px a side: within the 200 MP a photo may have.
        ("[a-z/]{1,30}", "[0-9a-f]{64}", 1..14_000u32, 1..14_000u32).prop_map(|(path, sha256, w, h)| PhotoRef {
            path,
            sha256,
            width_px: w,
            height_px: h,
        }),
    );
    let calibration =
        prop::option::of((point(), point(), 0.0..10_000.0f64).prop_map(|(a, b, length_mm)| Calibration {
            source: CalibrationSource::Pupils,
            a,
            b,
            length_mm,
        }));
    let view = (
        0..ViewKind::ALL.len(),
        photo,
        calibration,
        prop::collection::vec(curve, 0..4),
        prop::collection::vec(zone, 0..4),
    )
        .prop_map(|(kind, photo, calibration, curves, zones)| View {
            id: ViewId::default(),
            kind: ViewKind::ALL[kind],
            photo,
            calibration,
            curves,
            zones,
            landmarks: Landmarks { glabella: Some(PhotoPoint::new(12.0, 34.5)), ..Landmarks::default() },
            guides: Guides { mid_frontal_height_mm: 72.5, transfer_every_point: true },
            skin_samples: skin_samples(kind),
            hair_samples: vec![SkinSample::new(PhotoPoint::new(5.0, 6.0), 9.0, [30.5, 3.25, 4.0])],
            neutral: neutral(kind),
            follow_ups: vec![FollowUp {
                id: FollowUpId(3),
                photo: PhotoRef {
                    path: "later visit.jpg".to_owned(),
                    sha256: "ab".repeat(32),
                    width_px: 3000,
                    height_px: 4000,
                },
                date: Some("2027-01-05".to_owned()),
                pairs: vec![
                    [PhotoPoint::new(410.0, 880.5), PhotoPoint::new(1230.0, 2641.5)],
                    [PhotoPoint::new(790.0, 880.5), PhotoPoint::new(2370.0, 2650.0)],
                ],
            }],
        });
    (prop::collection::vec(view, 0..4), "\\PC{0,40}", "\\PC{0,80}", any::<u64>(), 0.0..1000.0f64).prop_map(
        |(views, name, notes, seed, water)| {
            let mut design = Design::new(seed);
            design.views = views;
            design.client.name = name;
            design.notes = notes;
            design.pigment.water_parts = water;
            // As every design the studio holds: whatever has no id gets one (design::ids).
            design.number_everything();
            design
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_valid_design_saves_and_loads_back_equal(design in design_strategy()) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("design.json");
        save_design(&path, &design).unwrap();
        let loaded = read_design(&path).unwrap();
        prop_assert_eq!(loaded.design, design);
        prop_assert_eq!(loaded.newer_version, None);
    }
}

#[test]
fn saving_keeps_the_previous_version_as_bak() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("client.json");
    let first = sample();
    save_design(&path, &first).unwrap();
    let mut second = first.clone();
    second.client.name = "Changed".into();
    save_design(&path, &second).unwrap();
    assert_eq!(read_design(&path).unwrap().design, second);
    assert_eq!(read_design(&folder.path().join("client.json.bak")).unwrap().design, first);
    let leftovers: Vec<_> = fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "no temporary files are left behind: {leftovers:?}");
}

#[cfg(unix)]
#[test]
fn saved_designs_are_readable_only_by_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("private.json");
    save_design(&path, &sample()).unwrap();
    save_design(&path, &sample()).unwrap();
    for file in [path.clone(), folder.path().join("private.json.bak")] {
        assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600, "{}", file.display());
    }
}

#[test]
fn an_interrupted_save_leaves_the_old_file_loadable_at_every_step() {
    let old = sample();
    let mut new = old.clone();
    new.notes = "the new version".into();
    for failing in SaveStep::ALL {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("design.json");
        save_design(&path, &old).unwrap();
        let result = save_design_with_checkpoints(&path, &new, |step| {
            if step == failing { Err(std::io::Error::other("simulated failure")) } else { Ok(()) }
        });
        let on_disk = read_design(&path).unwrap().design;
        if failing == SaveStep::SyncFolder {
            // The rename already happened: the new file is complete, only its durability is unknown.
            assert!(result.is_err());
            assert_eq!(on_disk, new);
        } else {
            assert!(matches!(result, Err(SaveError::Io { .. })), "{failing:?}: {result:?}");
            assert_eq!(on_disk, old, "after a failure at {failing:?}");
        }
        let temporaries: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "tmp"))
            .collect();
        assert!(
            temporaries.is_empty(),
            "temporary files are cleaned up after a failure at {failing:?}: {temporaries:?}"
        );
    }
}

#[test]
fn non_finite_numbers_are_refused_before_anything_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("design.json");
    save_design(&path, &sample()).unwrap();
    let before = fs::read(&path).unwrap();
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut design = sample();
        design.views[0].curves[0].points[1].x = bad;
        let error = save_design(&path, &design).unwrap_err();
        assert!(matches!(error, SaveError::Invalid(_)), "{error}");
        assert!(error.to_string().contains("views[0].curves[0].points[1]"), "{error}");
    }
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn photos_are_stored_relative_to_the_design_and_found_after_moving_both() {
    let folder = tempfile::tempdir().unwrap();
    let photos = folder.path().join("clients/jo/photos");
    fs::create_dir_all(&photos).unwrap();
    let photo_path = photos.join("front.jpg");
    fs::write(&photo_path, b"pretend jpeg").unwrap();
    let mut design = sample();
    design.views[0].photo = Some(PhotoRef {
        path: photo_path.to_str().unwrap().to_owned(),
        sha256: hairline_studio::io::sha256_hex(b"pretend jpeg"),
        width_px: 10,
        height_px: 10,
    });
    let design_path = folder.path().join("clients/jo/design.json");
    save_design_file(&design_path, &design).unwrap();
    let text = fs::read_to_string(&design_path).unwrap();
    assert!(text.contains("\"path\": \"photos/front.jpg\""), "{text}");

    let moved = folder.path().join("archive");
    fs::rename(folder.path().join("clients"), &moved).unwrap();
    let reopened = open_design_file(&moved.join("jo/design.json")).unwrap().design;
    let photo = reopened.views[0].photo.as_ref().unwrap();
    assert_eq!(Path::new(&photo.path), moved.join("jo/photos/front.jpg"));
    let status = hairline_studio::io::locate_photo(photo, None);
    assert!(matches!(status, hairline_studio::io::PhotoStatus::Found(_)), "{status:?}");
}

#[test]
fn a_changed_or_missing_photo_is_reported_not_dropped() {
    let folder = tempfile::tempdir().unwrap();
    let photo_path = folder.path().join("front.jpg");
    fs::write(&photo_path, b"original").unwrap();
    let photo = PhotoRef {
        path: photo_path.to_str().unwrap().to_owned(),
        sha256: hairline_studio::io::sha256_hex(b"original"),
        width_px: 1,
        height_px: 1,
    };
    fs::write(&photo_path, b"replaced").unwrap();
    assert!(matches!(hairline_studio::io::locate_photo(&photo, None), hairline_studio::io::PhotoStatus::Changed(_)));
    fs::remove_file(&photo_path).unwrap();
    assert!(matches!(hairline_studio::io::locate_photo(&photo, None), hairline_studio::io::PhotoStatus::Missing(_)));
}

/// Writes `bytes` as a design file and tries to read it; the file must be left as it was.
fn read_bad(bytes: &[u8]) -> DesignError {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("bad.json");
    fs::write(&path, bytes).unwrap();
    let error = read_design(&path).expect_err("a bad file must not load");
    assert_eq!(fs::read(&path).unwrap(), bytes, "reading never changes the file");
    assert!(error.to_string().contains("bad.json"), "the message names the file: {error}");
    error
}

fn valid_json() -> String {
    serde_json::to_string_pretty(&sample()).unwrap()
}

#[test]
fn bad_files_give_errors_that_say_what_is_wrong() {
    let valid = valid_json();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "is empty"),
        ("whitespace", b"  \n ".to_vec(), "is empty"),
        ("not JSON", b"hello, I am a text file".to_vec(), "not valid JSON"),
        ("binary garbage", vec![0, 159, 146, 150, 255, 1, 2], "not valid JSON"),
        ("truncated", valid.as_bytes()[..valid.len() / 2].to_vec(), "not valid JSON"),
        ("NaN literal", valid.replacen("63.0", "NaN", 1).into_bytes(), "not valid JSON"),
        ("overflowing number", valid.replacen("63.0", "1e400", 1).into_bytes(), "not valid JSON"),
        ("an array", b"[1, 2, 3]".to_vec(), "not a Hairline Studio design"),
        ("another format", br#"{"format": "someone-else/v2", "version": 1}"#.to_vec(), "someone-else/v2"),
        ("no format", br#"{"version": 1}"#.to_vec(), "no \"format\""),
        ("wrong types", valid.replacen("\"Jo Example\"", "12", 1).into_bytes(), "not a Hairline Studio design"),
        ("huge coordinate", valid.replacen("30.5", "1e308", 1).into_bytes(), "not a position on a photo"),
        (
            "negative density",
            valid
                .replacen(
                    &format!("\"density_per_cm2\": {:?}", ZoneKind::Crown.default_density_per_cm2()),
                    "\"density_per_cm2\": -5.0",
                    1,
                )
                .into_bytes(),
            "density_per_cm2",
        ),
        ("deep nesting", format!("{}{}", "[".repeat(5000), "]".repeat(5000)).into_bytes(), "holds no JSON object"),
        (
            "future version with unknown shapes",
            valid
                .replacen(&format!("\"version\": {FORMAT_VERSION}"), "\"version\": 99", 1)
                .replacen("\"views\": [", "\"views\": 7, \"old_views\": [", 1)
                .into_bytes(),
            "newer Hairline Studio",
        ),
    ];
    for (name, bytes, expected) in cases {
        let error = read_bad(&bytes);
        assert!(error.to_string().contains(expected), "{name}: expected {expected:?} in {error}");
    }
}

#[test]
fn a_million_points_are_refused_with_the_limit() {
    let mut design = sample();
    design.views[0].curves[0].points = vec![PhotoPoint::new(1.0, 1.0); 1_000_000];
    let error = read_bad(serde_json::to_string(&design).unwrap().as_bytes());
    assert!(error.to_string().contains("at most 10000"), "{error}");
}

#[test]
fn photo_sizes_the_loader_would_refuse_are_refused_naming_the_field() {
    let photo = |width_px, height_px| PhotoRef { path: "p.jpg".into(), sha256: String::new(), width_px, height_px };
    let mut design = sample();
    design.views[0].photo = Some(photo(1_000_000_000, 1_000_000_000));
    design.views[0].follow_ups.push(FollowUp {
        id: FollowUpId::default(),
        photo: photo(20_001, 10_000),
        date: None,
        pairs: Vec::new(),
    });
    let bytes = serde_json::to_vec(&design).unwrap();
    let error = parse_design(&bytes, Path::new("absurd.json")).unwrap_err();
    let DesignError::Invalid { problems, .. } = &error else { panic!("{error}") };
    let at: Vec<&str> = problems.iter().map(|p| p.at.as_str()).collect();
    assert_eq!(at, ["views[0].photo", "views[0].follow_ups[0].photo"], "{error}");
    let message = error.to_string();
    assert!(message.contains("width_px") && message.contains("1000000000 x 1000000000"), "{message}");
    assert!(message.contains("200 MP"), "the limit the photo loader enforces: {message}");

    for (width_px, height_px) in [(0, 100), (100, 0)] {
        design.views[0].photo = Some(photo(width_px, height_px));
        design.views[0].follow_ups.clear();
        let error = parse_design(&serde_json::to_vec(&design).unwrap(), Path::new("empty.json")).unwrap_err();
        assert!(error.to_string().contains("views[0].photo"), "{error}");
    }
    // The largest photo that opens is a valid size.
    design.views[0].photo = Some(photo(20_000, 10_000));
    assert!(parse_design(&serde_json::to_vec(&design).unwrap(), Path::new("large.json")).is_ok());
}

#[test]
fn a_file_from_a_newer_version_opens_read_only() {
    let text = valid_json().replacen(&format!("\"version\": {FORMAT_VERSION}"), "\"version\": 7", 1).replacen(
        '{',
        "{\"added_later\": true,",
        1,
    );
    let parsed = parse_design(text.as_bytes(), Path::new("future.json")).unwrap();
    assert_eq!(parsed.newer_version, Some(7));
    assert_eq!(parsed.design.client.name, "Jo Example");
}

#[test]
fn missing_fields_take_their_defaults() {
    let text = r#"{"format": "hairline-studio/design", "version": 1}"#;
    let design = parse_design(text.as_bytes(), Path::new("minimal.json")).unwrap().design;
    assert!(design.views.is_empty());
    assert_eq!(design.sessions.len(), 3, "the default session plan");
    assert!((design.pigment.water_parts - 18.0).abs() < f64::EPSILON);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(valid_json().as_bytes());
    assert_eq!(parse_design(&bytes, Path::new("bom.json")).unwrap().design, sample());
}

#[test]
fn a_folder_is_not_a_design() {
    let folder = tempfile::tempdir().unwrap();
    let error = read_design(folder.path()).unwrap_err();
    assert!(error.to_string().contains("is a folder"), "{error}");
}

#[test]
fn the_checked_in_schema_matches_the_code() {
    let checked_in =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/design.schema.json")).unwrap_or_default();
    assert!(
        checked_in == hairline_studio::design_schema_json(),
        "schema/design.schema.json is out of date: run `cargo run -- schema > schema/design.schema.json`"
    );
}

#[test]
fn the_bundled_sample_design_is_valid_and_finds_its_photo() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-design.json");
    let design = open_design_file(&path).unwrap().design;
    let view = &design.views[0];
    assert!(view.hairline_index().is_some());
    assert!(!view.zones.is_empty());
    assert!((view.mm_per_px().unwrap() - 0.3).abs() < 1e-9);
    let status = hairline_studio::io::locate_photo(view.photo.as_ref().unwrap(), None);
    assert!(matches!(status, hairline_studio::io::PhotoStatus::Found(_)), "{status:?}");
}

#[test]
fn designs_from_before_ids_get_them_and_repeated_ids_are_renumbered() {
    let mut design = sample();
    let copy = design.views[0].zones[0].clone();
    design.views[0].zones.push(copy);
    let mut text = serde_json::to_value(&design).unwrap();
    // A file written before ids: no "id" anywhere.
    for view in text["views"].as_array_mut().unwrap() {
        view.as_object_mut().unwrap().remove("id");
        for zone in view["zones"].as_array_mut().unwrap() {
            zone.as_object_mut().unwrap().remove("id");
        }
    }
    let old = parse_design(text.to_string().as_bytes(), Path::new("old.json")).unwrap().design;
    let zone_ids: Vec<ZoneId> = old.views[0].zones.iter().map(|z| z.id).collect();
    assert!(zone_ids.iter().all(|id| !id.is_unset()), "{zone_ids:?}");
    assert_ne!(zone_ids[0], zone_ids[1], "each zone its own id");
    assert!(!old.views[0].id.is_unset());

    // Two zones claiming one id (a hand-edited file): the first keeps it, the second gets another.
    text["views"][0]["zones"][0]["id"] = 5.into();
    text["views"][0]["zones"][1]["id"] = 5.into();
    let edited = parse_design(text.to_string().as_bytes(), Path::new("edited.json")).unwrap().design;
    assert_eq!(edited.views[0].zones[0].id, ZoneId(5));
    assert_ne!(edited.views[0].zones[1].id, ZoneId(5));
}

/// Format 1 kept only the contraindications answered yes: they stay yes, and every other
/// question reads as not asked, never as no.
#[test]
fn a_format_1_design_keeps_its_yes_answers_and_the_rest_is_not_asked() {
    let mut text: serde_json::Value = serde_json::from_str(&valid_json()).unwrap();
    text["version"] = 1.into();
    text["client"]["contraindications"] = serde_json::json!(["diabetes", "blood_thinner_therapy"]);
    text["client"].as_object_mut().unwrap().remove("health");
    let design = parse_design(text.to_string().as_bytes(), Path::new("old.json")).unwrap().design;
    let yes: Vec<&str> = design.client.health.keys().map(String::as_str).collect();
    assert_eq!(yes, vec!["blood_thinner_therapy", "diabetes"]);
    assert!(design.client.health.values().all(|a| a.answer == hairline_studio::design::YesNo::Yes));
    assert!(!design.client.health.contains_key("epilepsy"), "not asked, not no");
    assert_eq!(design.version, FORMAT_VERSION);
    let saved = serde_json::to_string(&design).unwrap();
    assert!(!saved.contains("contraindications"), "written in the new form only");
}
