//! File > Export design sheet: paper, formats and file, then the export runs in the background
//! with a progress bar, the window free.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::sheet::{ExportRequest, Paper, png_page_paths};

/// The export window's state.
#[derive(Debug)]
pub struct ExportDialog {
    pub open: bool,
    paper: Paper,
    pdf: bool,
    png: bool,
    /// The file to write, without caring for its extension: the PDF gets `.pdf`, the PNG
    /// pages `.png`, `-2.png`…
    pub path: String,
    /// The share done of the export under way (f32 bits), written by its thread.
    progress: Option<Arc<AtomicU32>>,
    /// Whether the artist chose to export though health questions were not asked.
    unasked: Unasked,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            paper: Paper::A4,
            pdf: true,
            png: false,
            path: String::new(),
            progress: None,
            unasked: Unasked::NotSeen,
        }
    }
}

/// Health questions not asked, and the artist's answer to being told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unasked {
    NotSeen,
    ExportAnyway,
}

/// What the artist asked for in the window.
pub enum ExportAction {
    /// Choose the file with the system's dialog.
    Browse,
    Export(ExportRequest, Arc<AtomicU32>),
}

impl ExportDialog {
    /// Opens the window, suggesting `suggested` unless a file was already chosen.
    pub fn show_with(&mut self, suggested: &Path) {
        self.open = true;
        self.unasked = Unasked::NotSeen;
        if self.path.trim().is_empty() {
            self.path = suggested.to_string_lossy().into_owned();
        }
    }

    pub fn running(&self) -> bool {
        self.progress.is_some()
    }

    /// The export finished (either way): the window closes on success.
    pub fn finished(&mut self, ok: bool) {
        self.progress = None;
        if ok {
            self.open = false;
        }
    }

    fn request(&self) -> Result<ExportRequest, String> {
        let base = base_name(self.path.trim());
        if Path::new(base).file_name().is_none() {
            return Err("Choose a file name.".to_owned());
        }
        if !(self.pdf || self.png) {
            return Err("Choose PDF, PNG or both.".to_owned());
        }
        Ok(ExportRequest {
            paper: self.paper,
            pdf: self.pdf.then(|| PathBuf::from(format!("{base}.pdf"))),
            png: self.png.then(|| PathBuf::from(format!("{base}.png"))),
            text: crate::sheet::PlanText::default(),
        })
    }

    /// The window; `unasked` names the health questions not asked, which the sheet prints as
    /// "not asked": the artist is told before exporting a sheet for signature.
    pub fn ui(&mut self, ctx: &egui::Context, unasked: &[String]) -> Option<ExportAction> {
        let mut action = None;
        let mut open = self.open;
        egui::Window::new("Export design sheet").open(&mut open).resizable(false).collapsible(false).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.add_enabled_ui(!self.running(), |ui| {
                ui.horizontal(|ui| {
                    ui.label("Paper");
                    for paper in [Paper::A4, Paper::Letter] {
                        ui.radio_value(&mut self.paper, paper, paper.label());
                    }
                });
                ui.horizontal(|ui| {
                    ui.checkbox(&mut self.pdf, "PDF");
                    ui.checkbox(&mut self.png, "PNG pages at 300 dpi");
                });
                ui.horizontal(|ui| {
                    let label = ui.label("Sheet file");
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(330.0)).labelled_by(label.id);
                    if ui.button("Browse…").clicked() {
                        action = Some(ExportAction::Browse);
                    }
                });
            });
            match self.request() {
                Ok(request) => {
                    ui.weak(describe(&request));
                    ui.add_space(6.0);
                    if let Some(progress) = &self.progress {
                        let share = f32::from_bits(progress.load(Ordering::Relaxed));
                        ui.add(egui::ProgressBar::new(share).show_percentage().text("Exporting…"));
                        ctx.request_repaint_after(std::time::Duration::from_millis(100));
                    } else if !unasked.is_empty() && self.unasked == Unasked::NotSeen {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            format!(
                                "⚠ Not asked yet: {}. The sheet will say \"not asked\" for {}; the client signs it.",
                                unasked.join(", "),
                                if unasked.len() == 1 { "it" } else { "them" }
                            ),
                        );
                        ui.horizontal(|ui| {
                            if ui.button("Export anyway").clicked() {
                                self.unasked = Unasked::ExportAnyway;
                            }
                            if ui.button("Ask them first").on_hover_text("Close; the questions are in Client").clicked()
                            {
                                self.open = false;
                            }
                        });
                    } else if ui.button("Export").clicked() {
                        let progress = Arc::new(AtomicU32::new(0.0_f32.to_bits()));
                        self.progress = Some(progress.clone());
                        action = Some(ExportAction::Export(request, progress));
                    }
                }
                Err(problem) => {
                    ui.colored_label(ui.visuals().warn_fg_color, problem);
                }
            }
        });
        self.open = open || self.running();
        action
    }
}

/// The chosen file without a `.pdf` or `.png` ending: "a/J. Reyes.pdf" → "a/J. Reyes".
fn base_name(path: &str) -> &str {
    let ours =
        Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("png"));
    if ours { &path[..path.len() - 4] } else { path }
}

/// "Writes sheet.pdf and sheet.png (later pages as sheet-2.png…) in /folder".
fn describe(request: &ExportRequest) -> String {
    let name = |p: &Path| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut parts = Vec::new();
    if let Some(pdf) = &request.pdf {
        parts.push(name(pdf));
    }
    if let Some(png) = &request.png {
        let second = png_page_paths(png, 2).pop().map(|p| name(&p)).unwrap_or_default();
        parts.push(format!("{} (later pages as {second}…)", name(png)));
    }
    let folder = request.pdf.as_ref().or(request.png.as_ref()).and_then(|p| p.parent()).map(Path::display);
    match folder {
        Some(folder) if !folder.to_string().is_empty() => format!("Writes {} in {folder}", parts.join(" and ")),
        _ => format!("Writes {}", parts.join(" and ")),
    }
}

/// "Jordan Reyes" → "Jordan Reyes design sheet 2026-11-23", without characters file systems refuse.
pub fn suggested_file_name(client: &str, today: &str) -> String {
    let safe: String = client
        .trim()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' || c == '_' { c } else { '_' })
        .collect();
    let safe = safe.trim();
    if safe.is_empty() { format!("Design sheet {today}") } else { format!("{safe} design sheet {today}") }
}

impl super::StudioApp {
    /// File > Export design sheet: the window, suggesting a file beside the design.
    pub(super) fn open_export(&mut self) {
        let folder = self
            .document_folder()
            .or_else(|| directories::UserDirs::new().and_then(|d| d.document_dir().map(Path::to_owned)))
            .unwrap_or_default();
        let name = suggested_file_name(&self.open.document.design().client.name, &crate::design::today_iso());
        self.windows.export.show_with(&folder.join(name));
    }

    pub(super) fn export_window(&mut self, ctx: &egui::Context) {
        if !self.windows.export.open {
            return;
        }
        let client = &self.open.document.design().client;
        let questions = crate::design::questions_for(&self.services.clinic_questions, &client.health);
        let unasked: Vec<String> =
            crate::design::unasked(&questions, &client.health).into_iter().map(|q| q.label.clone()).collect();
        match self.windows.export.ui(ctx, &unasked) {
            Some(ExportAction::Browse) => {
                self.pick_in(super::file_dialogs::Pick::ExportSheet, self.document_folder());
            }
            Some(ExportAction::Export(mut request, progress)) => {
                request.text = self.services.plan_text.clone();
                self.status.say("Exporting the design sheet…");
                self.services.jobs.export_sheet(self.open.document.design().clone(), request, progress);
            }
            None => {}
        }
    }

    pub(super) fn sheet_exported(&mut self, result: Result<Vec<PathBuf>, String>) {
        self.windows.export.finished(result.is_ok());
        match result {
            Ok(files) => {
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                self.status.say(format!("Design sheet written: {}.", names.join(", ")));
            }
            Err(e) => {
                self.status.say("The design sheet was not exported.");
                self.windows.dialogs.error(format!("The design sheet was not exported: {e}"));
            }
        }
    }
}
