//! File > Export design sheet, driven like an artist: choose the formats and the file, export,
//! and keep working while it runs.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

mod common;

use common::{replace_text, settle, shows, studio};
use egui_kittest::kittest::Queryable;
use hairline_studio::app::Command;

#[test]
fn exporting_the_sheet_from_the_window_writes_the_pdf_and_png_pages() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = studio();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut harness);
    assert!(shows(&harness, "Sheet file"), "Ctrl+E opens the export window");

    let base = folder.path().join("J. Reyes sheet");
    replace_text(&mut harness, "Sheet file", base.to_str().unwrap());
    harness.get_by_label("PNG pages at 300 dpi").click();
    harness.run_steps(2);
    assert!(shows(&harness, "J. Reyes sheet.pdf and J. Reyes sheet.png"), "the window says what it will write");
    // The sample's client was asked nothing: the window says so before a sheet is signed.
    assert!(shows(&harness, "Not asked yet: Blood clots"));
    assert!(harness.query_by_label("Export").is_none(), "no export before the artist has seen it");
    harness.get_by_label("Export anyway").click();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    settle(&mut harness);

    let pdf = folder.path().join("J. Reyes sheet.pdf");
    let png = folder.path().join("J. Reyes sheet.png");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"), "the PDF is written");
    assert_eq!(image::image_dimensions(&png).unwrap(), (2480, 3508), "page 1 as an A4 PNG at 300 dpi");
    assert!(folder.path().join("J. Reyes sheet-2.png").exists(), "page 2 beside it");
    assert!(harness.state().status().contains("Design sheet written"), "{}", harness.state().status());
    assert!(!shows(&harness, "Sheet file"), "the window closes when done");
    assert!(!harness.state().document().is_dirty(), "exporting does not change the design");
}

#[test]
fn a_failed_export_says_why_and_keeps_the_window() {
    let mut harness = studio();
    harness.state_mut().queue(Command::ExportSheet);
    settle(&mut harness);
    replace_text(&mut harness, "Sheet file", "/nonexistent folder/sheet");
    harness.get_by_label("Export anyway").click();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    settle(&mut harness);
    let errors = harness.state().errors().join("\n");
    assert!(errors.contains("not exported") && errors.contains("nonexistent folder"), "{errors}");
    assert!(shows(&harness, "Sheet file"), "the window stays to choose another place");
}
