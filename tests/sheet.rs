//! The printable design sheet: `hairline-studio export`, read back with a real PDF reader
//! (poppler-utils; CI installs it, elsewhere the reader checks are skipped with a notice).

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

use common::{asset, run_cli, sample_design, skip, with_app1};
use hairline_studio::design::{Contraindication, HairLoss, HealthAnswer};
use hairline_studio::io::{open_design_file, save_design_file};

/// The sample photo with an EXIF block that carries a GPS position, as phones write them.
fn photo_with_gps() -> Vec<u8> {
    let jpeg = std::fs::read(asset("sample-front.jpg")).unwrap();
    let mut exif = b"Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x01\0\0\0\0\0\0\0".to_vec();
    exif.extend(b"GPSLatitude 48.858370 N GPSLongitude 2.294481 E");
    with_app1(&jpeg, &exif)
}

/// The sample design for a named client with a ticked contraindication, saved in `folder`
/// beside a copy of its photo that carries GPS data.
fn client_design(folder: &Path) -> PathBuf {
    let photo = folder.join("front.jpg");
    let bytes = photo_with_gps();
    std::fs::write(&photo, &bytes).unwrap();
    let mut design = sample_design();
    design.client.name = "Jordan Ávila".to_owned();
    design.client.hair_loss = Some(HairLoss::Norwood("3v".to_owned()));
    design.client.health.insert(Contraindication::ALL[3].key().to_owned(), HealthAnswer::yes(""));
    design.client.health.insert(Contraindication::ALL[4].key().to_owned(), HealthAnswer::no());
    let reference = design.views[0].photo.as_mut().unwrap();
    reference.path = photo.to_str().unwrap().to_owned();
    reference.sha256 = hairline_studio::io::sha256_hex(&bytes);
    let path = folder.join("jordan.json");
    save_design_file(&path, &design).unwrap();
    path
}

fn export(design: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["export", design.to_str().unwrap()];
    args.extend(extra);
    run_cli(&args)
}

/// Whether a poppler tool is installed; on CI it must be.
fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok();
    if !found {
        skip(&format!("the PDF reader checks need {tool} (poppler-utils), which is not installed"));
    }
    found
}

#[test]
fn a_pdf_reader_finds_the_client_and_the_zone_table() {
    let folder = tempfile::tempdir().unwrap();
    let design = client_design(folder.path());
    let pdf = folder.path().join("sheet.pdf");
    let output = export(&design, &["--pdf", pdf.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    if !have("pdftotext") {
        return;
    }
    let text = Command::new("pdftotext").args(["-layout", pdf.to_str().unwrap(), "-"]).output().unwrap();
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Jordan Ávila"), "{text}");
    assert!(text.contains("Norwood 3v") || text.contains("3v"), "{text}");
    let opened = open_design_file(&design).unwrap().design;
    let info = hairline_studio::report::report(&opened);
    let zone = &info.views[0].zones[0];
    let row = text.lines().find(|l| l.contains(&zone.name)).unwrap_or_else(|| panic!("no zone row in {text}"));
    assert!(row.contains(&format!("{:.1}", zone.area_cm2.unwrap())), "{row}");
    assert!(row.contains(&format!("{:.0}", zone.density_per_cm2)), "{row}");
    // The dots as simulated, as the inspector and `info` count them.
    let dots = zone.dots.unwrap();
    assert_eq!(dots, hairline_studio::render::Look::default().dots(&opened, &opened.views[0]).len() as u64);
    assert!(row.contains(&format!("{},{:03}", dots / 1000, dots % 1000)), "{row}");
    let ticked = Contraindication::ALL[3].label();
    assert!(text.lines().any(|l| l.contains("YES") && l.contains(ticked)), "{ticked} answered yes: {text}");
    let no = Contraindication::ALL[4].label();
    assert!(text.lines().any(|l| l.contains("no ") && l.contains(no)), "{no} answered no: {text}");
    let unasked = Contraindication::ALL[0].label();
    assert!(text.lines().any(|l| l.contains("not asked") && l.contains(unasked)), "{unasked} not asked: {text}");
    assert!(text.contains("Client signature") && text.contains("Artist signature"), "{text}");
    assert!(text.contains("colours are as the photo took them"), "the shades say whose light: {text}");
    // Zone by zone, the healed result from 1 m against the hair sample, and the shade for the hair.
    assert!(text.contains("Blend with the client's hair"), "{text}");
    let blend = zone.seen_from_1m.as_ref().and_then(|s| s.blend.as_ref()).unwrap();
    let blend_row = text.lines().filter(|l| l.contains(&zone.name)).find(|l| l.contains("hair sample"));
    let blend_row = blend_row.unwrap_or_else(|| panic!("no blend row in {text}"));
    assert!(blend_row.contains(&format!("{:.1}", blend.delta_e)) && blend_row.contains("blends"), "{blend_row}");
    assert!(text.contains("Recommended shade: 18:1 at 187/cm"), "{text}");
    // Where to put the pencil: the hairline's centre as mm along the skin, from the report.
    assert!(text.contains("Marking the head, along the skin"), "{text}");
    let figures = info.views[0].skin_scale.figures.as_ref().unwrap();
    let centre_row = text.lines().find(|l| l.contains("Hairline centre") && !l.contains("in the photo"));
    let centre_row = centre_row.unwrap_or_else(|| panic!("no transfer row in {text}"));
    assert!(centre_row.contains(&format!("{:.0}", figures.transfer[0].up_midline_mm)), "{centre_row}");
    assert!(text.contains("estimated from an average adult head"), "the estimate is named: {text}");
    assert!(row.contains(&format!("{:.1}", zone.skin_area_cm2.unwrap())), "the skin area beside the photo's: {row}");

    if have("pdftoppm") {
        let prefix = folder.path().join("page");
        let status = Command::new("pdftoppm")
            .args(["-r", "40", "-f", "1", "-l", "1", "-png", pdf.to_str().unwrap(), prefix.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(status.success());
        let rendered: Vec<_> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("page"))
            .collect();
        assert_eq!(rendered.len(), 1, "{rendered:?}");
        let page = image::open(&rendered[0]).unwrap();
        // A4 at 40 dpi.
        assert_eq!((page.width(), page.height()), (331, 468));
    }
}

#[test]
fn png_pages_are_the_paper_at_300_dpi() {
    let folder = tempfile::tempdir().unwrap();
    let design = client_design(folder.path());
    for (paper, size) in [("a4", (2480, 3508)), ("letter", (2550, 3300))] {
        let png = folder.path().join(format!("{paper}.png"));
        let output = export(&design, &["--png", png.to_str().unwrap(), "--paper", paper]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let written = String::from_utf8_lossy(&output.stdout).lines().map(PathBuf::from).collect::<Vec<_>>();
        assert!(written.len() >= 2, "the sheet runs onto a second page: {written:?}");
        assert_eq!(written[0], png);
        for page in &written {
            let image = image::open(page).unwrap();
            assert_eq!((image.width(), image.height()), size, "{}", page.display());
        }
        let first = image::open(&png).unwrap().to_luma8();
        let dark = first.pixels().filter(|p| p.0[0] < 100).count();
        assert!(dark > 50_000, "the page has text and pictures on it: {dark} dark pixels");
    }
}

#[test]
fn exports_carry_no_exif_or_gps_from_the_photo() {
    let folder = tempfile::tempdir().unwrap();
    let design = client_design(folder.path());
    let source = std::fs::read(folder.path().join("front.jpg")).unwrap();
    assert!(contains(&source, b"Exif") && contains(&source, b"GPSLatitude"), "the test photo carries them");
    let (pdf, png) = (folder.path().join("s.pdf"), folder.path().join("s.png"));
    let output = export(&design, &["--pdf", pdf.to_str().unwrap(), "--png", png.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for file in [pdf, png] {
        let bytes = std::fs::read(&file).unwrap();
        for marker in [&b"Exif"[..], b"GPS", b"48.858"] {
            assert!(!contains(&bytes, marker), "{} contains {}", file.display(), String::from_utf8_lossy(marker));
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_missing_photo_is_reported_and_the_sheet_still_exported() {
    let folder = tempfile::tempdir().unwrap();
    let design = client_design(folder.path());
    std::fs::remove_file(folder.path().join("front.jpg")).unwrap();
    let pdf = folder.path().join("s.pdf");
    let output = export(&design, &["--pdf", pdf.to_str().unwrap()]);
    assert!(output.status.success());
    let warning = String::from_utf8_lossy(&output.stderr);
    assert!(warning.contains("without its photo") && warning.contains("front.jpg"), "{warning}");
    assert!(pdf.exists());
}

#[test]
fn a_failed_export_says_why_and_leaves_no_file() {
    let folder = tempfile::tempdir().unwrap();
    let design = client_design(folder.path());
    let nowhere = folder.path().join("no such folder/s.pdf");
    let output = export(&design, &["--pdf", nowhere.to_str().unwrap()]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("no such folder"), "{message}");
    assert!(!nowhere.exists());

    let output = export(&design, &[]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("Nothing to export"));
}

#[test]
fn an_aligned_follow_up_photo_is_on_the_sheet() {
    let folder = tempfile::tempdir().unwrap();
    let design_path = client_design(folder.path());
    let mut design = open_design_file(&design_path).unwrap().design;
    let later = folder.path().join("later.jpg");
    std::fs::copy(asset("sample-front.jpg"), &later).unwrap();
    let mut photo = design.views[0].photo.clone().unwrap();
    photo.sha256 = hairline_studio::io::sha256_hex(&std::fs::read(&later).unwrap());
    let p = hairline_studio::design::PhotoPoint::new;
    design.views[0].follow_ups.push(hairline_studio::design::FollowUp {
        id: hairline_studio::design::FollowUpId::default(),
        photo: hairline_studio::design::PhotoRef { path: later.to_str().unwrap().to_owned(), ..photo },
        date: Some("2027-01-05".to_owned()),
        pairs: vec![[p(450.0, 880.0), p(450.0, 880.0)], [p(750.0, 880.0), p(750.0, 880.0)]],
    });
    save_design_file(&design_path, &design).unwrap();
    let pdf = folder.path().join("s.pdf");
    let output = export(&design_path, &["--pdf", pdf.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    if !have("pdftotext") {
        return;
    }
    let text = Command::new("pdftotext").args([pdf.to_str().unwrap(), "-"]).output().unwrap();
    // A narrow panel's caption wraps.
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("After: photographed on 2027-01-05, aligned"), "{text}");
}

/// `design`'s photo replaced by another picture (the same photo with an extra metadata block):
/// its checksum no longer matches.
fn replace_photo(folder: &Path) {
    let jpeg = std::fs::read(asset("sample-front.jpg")).unwrap();
    std::fs::write(folder.join("front.jpg"), with_app1(&jpeg, b"Exif\0\0another camera")).unwrap();
}

#[test]
fn a_changed_photo_stops_the_export_unless_allowed_and_then_the_sheet_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let design = client_design(folder.path());
    replace_photo(folder.path());
    let pdf = folder.path().join("s.pdf");
    let refused = export(&design, &["--pdf", pdf.to_str().unwrap()]);
    let message = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{message}");
    assert!(message.contains("views[0].photo: changed: ") && message.contains("front.jpg"), "{message}");
    assert!(message.contains("--allow-changed-photo"), "says how to go on: {message}");
    assert!(!pdf.exists(), "no sheet on the wrong face");

    let allowed = export(&design, &["--pdf", pdf.to_str().unwrap(), "--allow-changed-photo"]);
    let message = String::from_utf8_lossy(&allowed.stderr);
    assert!(allowed.status.success(), "{message}");
    assert!(message.contains("views[0].photo: changed: "), "said on stderr: {message}");
    if !have("pdftotext") {
        return;
    }
    let text = Command::new("pdftotext").args([pdf.to_str().unwrap(), "-"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(
            "The photo was changed since the design was drawn on it; this sheet was made with --allow-changed-photo."
        ),
        "said on the sheet: {text}"
    );
}

#[test]
fn the_studio_leaves_a_changed_photo_off_the_sheet() {
    let folder = tempfile::tempdir().unwrap();
    let design = open_design_file(&client_design(folder.path())).unwrap().design;
    replace_photo(folder.path());
    let photos = hairline_studio::sheet::SheetPhotos::open(&design);
    let error = photos.views[0].as_ref().unwrap_err().to_string();
    assert!(error.contains("front.jpg") && error.contains("changed"), "{error}");
}

/// The sheet tells the whole plan: the hairline as measured, the result at each stage, each
/// session's pigment and needle with their lots, the time model, the clinic's own aftercare
/// words, and that the pictures are not a promise.
#[test]
fn the_sheet_tells_the_whole_plan_in_the_clinics_words() {
    let folder = tempfile::tempdir().unwrap();
    let design_path = client_design(folder.path());
    let mut design = open_design_file(&design_path).unwrap().design;
    let record = &mut design.sessions[0].record;
    record.pigment = "Carbon Noir SMP".to_owned();
    record.pigment_lot = "LOT-P-2611".to_owned();
    record.needle = "1RL 0.25 mm".to_owned();
    record.needle_lot = "LOT-N-0442".to_owned();
    record.start_time = Some("09:30".to_owned());
    record.end_time = Some("11:45".to_owned());
    design.sessions[1].record.needle_lot = "LOT-N-0517".to_owned();
    let mut check = hairline_studio::design::DayCheck {
        checked_by: "AB".to_owned(),
        date: "2026-11-29".to_owned(),
        go_ahead_reason: "the GP cleared it".to_owned(),
        ..Default::default()
    };
    check.answers.insert("blood_thinner_therapy".to_owned(), HealthAnswer::yes("aspirin"));
    design.sessions[0].day_check = Some(check);
    save_design_file(&design_path, &design).unwrap();
    let config = folder.path().join("config");
    std::fs::create_dir_all(config.join("hairline-studio")).unwrap();
    let aftercare = "Keep the scalp dry for five days and call the clinic about any redness.";
    std::fs::write(config.join("hairline-studio/sheet-text.json"), format!(r#"{{"aftercare": "{aftercare}"}}"#))
        .unwrap();

    let pdf = folder.path().join("plan.pdf");
    let output = Command::new(env!("CARGO_BIN_EXE_hairline-studio"))
        .args(["export", design_path.to_str().unwrap(), "--pdf", pdf.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    if !have("pdftotext") {
        return;
    }
    let text = Command::new("pdftotext").args([pdf.to_str().unwrap(), "-"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in ["LOT-P-2611", "Carbon Noir SMP", "1RL 0.25 mm", "LOT-N-0442", "LOT-N-0517", "09:30–11:45"] {
        assert!(text.contains(expected), "the session record's {expected}: {text}");
    }
    assert!(
        text.contains("Session 1: health checked on 2026-11-29 by AB: YES to Blood-thinner therapy (aspirin)"),
        "the day's check: {text}"
    );
    assert!(text.contains("went ahead because: the GP cleared it"), "{text}");
    assert!(text.contains("Session 2: health not checked on the day"), "{text}");
    let report = hairline_studio::report::report(&design);
    let height = report.views[0].hairline.as_ref().unwrap().height_above_glabella_mm.unwrap();
    assert!(text.contains(&format!("{height:.1} mm above the glabella")), "the measurements: {text}");
    for caption in ["Session 1, fresh", "Session 1, healed", "All sessions, healed", "3 years later"] {
        assert!(text.contains(caption), "the stage {caption}: {text}");
    }
    assert!(text.contains("45 min of set-up and numbing per session"), "the time model: {text}");
    assert!(text.contains(aftercare), "the clinic's aftercare: {text}");
    let longevity = hairline_studio::sheet::PlanText::default().longevity;
    assert!(text.contains(&longevity), "the studio's longevity text where the clinic has none: {text}");
    let disclaimer = hairline_studio::sheet::SIMULATION_DISCLAIMER.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&disclaimer), "the disclaimer: {text}");
}
