//! One frame of the studio: jobs that finished, input that is not the canvas's, the panels
//! around the canvas, the windows, then the queued commands and the end-of-frame bookkeeping
//! (closing the undo step, autosave, the title).

use std::path::Path;

use super::{Command, StudioApp, inspector, menu, tool_strip, view_bar};

impl StudioApp {
    /// Draws one frame of the studio.
    pub fn studio_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let revision_at_start = self.open.document.revision();
        self.services.jobs.attach(&ctx);
        self.services.disk_watch.attach(&ctx);
        if self.services.disk_watch.changed() {
            self.open.changed_on_disk = true;
        }
        for result in self.services.jobs.finished() {
            self.apply_job_result(&ctx, result);
        }
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.read_shortcuts(&ctx);
        self.open.forget_missing();
        // Not during a drag or while typing: the figures catch up when the edit is done.
        if !ctx.input(|i| i.pointer.any_down()) && !ctx.egui_wants_keyboard_input() {
            self.open.refresh_report();
        }
        self.request_photos(&ctx);
        self.run_pending_measurement();

        if self.windows.presenting {
            self.presentation_ui(ui);
        } else {
            self.studio_panels_ui(ui);
        }
        let commands = self.windows.dialogs.show(&ctx, &self.open.document);
        self.commands.extend(commands);
        self.commands.extend(self.windows.shared_file.ui(&ctx));
        self.export_window(&ctx);
        self.library_window(&ctx);
        self.tool_windows(&ctx);
        if let Some(chosen) = self.windows.browser.as_mut().and_then(|browser| browser.ui(&ctx)) {
            self.windows.browser = None;
            self.picked(chosen.0, chosen.1);
        }

        self.run_queued_commands(&ctx);
        let mid_interaction = ctx.input(|i| i.pointer.any_down())
            || ctx.egui_wants_keyboard_input()
            || self.canvas.tools.active().in_progress();
        if !mid_interaction {
            self.open.document.settle();
        }
        self.services.autosave.tick(&ctx, &self.open.document, &mut self.services.jobs);
        self.update_title(&ctx);
        if self.open.document.revision() != revision_at_start {
            // Panels drawn before the edit show stale numbers: one more frame catches them up.
            ctx.request_repaint();
        }
    }

    /// The studio's menu, tool strip, inspector, status bar and canvas.
    fn studio_panels_ui(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            let commands = menu::menu_bar_ui(ui, &self.open.document, self.services.recent.paths());
            self.commands.extend(commands);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::left("tools").exact_size(52.0).resizable(false).show(ui, |ui| {
            let tools = &self.canvas.tools;
            let command = tool_strip::tool_strip_ui(ui, tools.chosen, tools.mirror, self.canvas.preview.enabled);
            self.commands.extend(command);
        });
        // As wide as the artist dragged it, whatever the sections hold: content wider than that
        // scrolls inside it rather than pushing the canvas aside.
        let inspector = egui::Panel::right("inspector")
            .default_size(self.windows.layout.inspector_width())
            .size_range(super::layout::INSPECTOR_WIDTHS)
            .show(ui, |ui| {
                let commands = inspector::inspector_ui(
                    ui,
                    &mut self.open,
                    &mut self.canvas,
                    &self.services.clinic_questions,
                    &self.services.healed,
                );
                self.commands.extend(commands);
            });
        if !ui.input(|i| i.pointer.any_down())
            && let Some(message) = self.windows.layout.set_inspector_width(inspector.response.rect.width())
        {
            self.status.say(message);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            self.commands.extend(view_bar::view_tabs_ui(ui, &mut self.open));
            let client = &self.open.document.design().client;
            super::health_panel::health_warning_ui(ui, client, &self.services.clinic_questions);
            self.commands.extend(view_bar::recheck_banner_ui(ui, &mut self.open));
            self.commands.extend(view_bar::changed_on_disk_banner_ui(ui, &self.open));
            view_bar::preview_bar_ui(ui, &mut self.canvas.preview, self.open.document.design().sessions.len());
            self.canvas_ui(ui);
        });
    }

    /// Presentation mode: the canvas and, below it, the result's controls in large type.
    fn presentation_ui(&mut self, ui: &mut egui::Ui) {
        let sessions = self.open.document.design().sessions.len();
        let preview = &mut self.canvas.preview;
        egui::Panel::bottom("presentation").show(ui, |ui| {
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().button_padding = egui::vec2(12.0, 6.0);
                view_bar::stage_ui(ui, preview, true);
                if sessions > 1 {
                    ui.separator();
                    view_bar::sessions_ui(ui, preview, sessions, true);
                }
                ui.separator();
                view_bar::seen_from_ui(ui, preview, true);
                ui.separator();
                view_bar::compare_ui(ui, preview, true);
                ui.separator();
                if ui.button(egui::RichText::new("Exit (Esc)").size(22.0)).clicked() {
                    self.commands.push(Command::TogglePresentation);
                }
            });
            ui.add_space(8.0);
        });
        egui::CentralPanel::default().show(ui, |ui| self.canvas_ui(ui));
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if self.services.jobs.busy() {
                ui.spinner();
                ui.label("Working…");
            }
            ui.label(format!("Zoom {:.0} %", self.canvas.view.zoom * 100.0));
            if self.canvas.preview.enabled {
                ui.separator();
                self.canvas.preview.dot_count_ui(ui, self.open.view());
            }
            ui.separator();
            let mm_per_px = self.open.view().and_then(crate::design::View::mm_per_px);
            match (self.canvas.cursor_in_photo, mm_per_px) {
                (Some(p), Some(scale)) => {
                    ui.label(format!("x {:.0}  y {:.0} px  ({:.1}, {:.1} mm)", p.x, p.y, p.x * scale, p.y * scale))
                }
                (Some(p), None) => ui.label(format!("x {:.0}  y {:.0} px", p.x, p.y)),
                (None, _) => ui.label("x –  y –"),
            };
            ui.separator();
            if self.open.document.is_dirty() {
                ui.label(egui::RichText::new("• Unsaved changes").color(ui.visuals().warn_fg_color));
                ui.separator();
            }
            if let Some((message, left)) = self.status.current() {
                ui.label(message);
                ui.ctx().request_repaint_after(left);
            }
        });
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<std::path::PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        for path in dropped {
            self.commands.push(if super::dispatch::is_design_path(&path) {
                Command::OpenDesign(Some(path))
            } else {
                Command::OpenPhoto(Some(path))
            });
        }
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            view_bar::drop_overlay_ui(ctx);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.open.document.is_dirty() && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.windows.dialogs.ask_unsaved(super::dialogs::Pending::Quit);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let document = &self.open.document;
        let name = document
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| self.open.untitled_name.clone(), |n| n.to_string_lossy().into_owned());
        let dirty = if document.is_dirty() { "● " } else { "" };
        let read_only = if document.read_only_reason.is_some() { " (read-only)" } else { "" };
        let title = format!("{dirty}{name}{read_only} — Hairline Studio");
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}
