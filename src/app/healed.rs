//! Learning from healed clients: "Measure the healed result" on an aligned follow-up photo, and
//! the clinic's calibration beside the model's defaults, with its reset.
//!
//! The calibration is the clinic's, not the design's: it is kept in `calibration.json` in the
//! studio's config folder (no undo; a reset asks nothing, the measurements are gone) and put in
//! force for every preview and piece of advice ([`crate::colour::set_healed_model`]); the
//! preview and the report are keyed by the model's generation, so they follow at once. The
//! reading itself runs on a worker (`jobs.rs`): a large zone takes half a second.

use std::path::PathBuf;

use crate::calibration::{ClinicCalibration, HealedReading, MeasureRefused};
use crate::colour::HealedModel;
use crate::design::{FollowUp, FollowUpId, ZoneId};

use super::StudioApp;
use super::command::Command;
use super::jobs::HealedAt;
use super::photos::PhotoView;

/// The clinic's calibration, where it is kept, and the last reading shown.
#[derive(Debug, Default)]
pub struct Healed {
    calibration: ClinicCalibration,
    /// `None`: kept in memory only (tests, or no config folder).
    store: Option<PathBuf>,
    last: Option<LastReading>,
    /// A measurement asked for while its follow-up photo loads: it runs once the photo is in.
    pending: Option<(FollowUpId, ZoneId)>,
    /// A measurement is being read in the background.
    measuring: bool,
}

/// What the last "Measure the healed result" read, for the follow-up photo and zone it read.
#[derive(Debug)]
struct LastReading {
    follow_up: FollowUpId,
    zone: ZoneId,
    /// The reading in words, or why it was refused.
    outcome: Result<String, String>,
}

impl Healed {
    /// The calibration kept in `store`, put in force; with a message when the file is not right
    /// (the model's defaults are then used, and the file is moved aside, so that the next
    /// measurement saved does not overwrite what the clinic may want to mend).
    pub fn load(store: Option<PathBuf>) -> (Self, Option<String>) {
        let (calibration, message) = match store.as_deref().map(|file| (file, ClinicCalibration::load(file))) {
            None => (ClinicCalibration::default(), None),
            Some((_, Ok(calibration))) => (calibration, None),
            Some((file, Err(error))) => {
                let kept = ClinicCalibration::set_aside(file)
                    .map_or_else(String::new, |aside| format!(" It is kept as {}.", aside.display()));
                (ClinicCalibration::default(), Some(format!("{error}{kept}")))
            }
        };
        let healed = Self { calibration, store, last: None, pending: None, measuring: false };
        healed.put_in_force();
        (healed, message)
    }

    fn put_in_force(&self) {
        crate::colour::set_healed_model(self.calibration.model());
    }

    /// Writes the calibration and puts it in force; the message says if it could not be kept.
    fn changed(&self) -> Option<String> {
        self.put_in_force();
        let store = self.store.as_deref()?;
        self.calibration.save(store).err().map(|e| e.to_string())
    }

    pub fn calibration(&self) -> &ClinicCalibration {
        &self.calibration
    }
}

impl StudioApp {
    /// Measures `zone` of the view shown on its follow-up photo `follow_up` in the background;
    /// [`Self::healed_measured`] adds the reading to the clinic's calibration.
    pub(super) fn measure_healed(&mut self, follow_up: FollowUpId, zone: ZoneId) {
        let view_id = self.open.view_id();
        let Some(later) = self.open.view().and_then(|v| v.follow_up(follow_up)) else {
            return;
        };
        let refused = match self.canvas.photos.view(Some(&later.photo)) {
            Some(PhotoView::Ready(loaded) | PhotoView::Changed(loaded)) => {
                // A copy for the worker (the preview's finest level, 64 MB at most): a large zone
                // takes half a second to read, too long to hold the frame.
                let image = loaded.levels.finest().clone();
                let at = HealedAt { view: view_id, follow_up, zone };
                let design = self.open.document.design().clone();
                self.services.jobs.measure_healed(design, at, image, loaded.width_px);
                self.services.healed.measuring = true;
                self.status.say("Measuring the healed result…");
                return;
            }
            Some(PhotoView::Failed(message)) => format!("The follow-up photo could not be read: {message}"),
            _ => {
                // Comparing loads it (and shows it); the measurement runs once it is in.
                self.canvas.comparison.follow_up = Some(follow_up);
                self.services.healed.pending = Some((follow_up, zone));
                self.status.say("Loading the follow-up photo to measure it…");
                return;
            }
        };
        self.healed_measured_outcome(follow_up, zone, Err(refused));
    }

    /// A healed reading came back: added to the clinic's calibration, or refused with the reason
    /// (nothing stored).
    pub(super) fn healed_measured(
        &mut self,
        follow_up: FollowUpId,
        zone: ZoneId,
        result: Result<Box<HealedReading>, MeasureRefused>,
    ) {
        self.services.healed.measuring = false;
        let outcome = match result {
            Ok(reading) => {
                let summary = reading.summary();
                match self.services.healed.calibration.add(reading.measurement) {
                    Ok(()) => {
                        if let Some(message) = self.services.healed.changed() {
                            self.windows.dialogs.error(message);
                        }
                        let count = self.services.healed.calibration.count();
                        self.status
                            .say(format!("Measured the healed result; the clinic calibration rests on {count}."));
                        Ok(summary)
                    }
                    Err(refused) => Err(refused.to_string()),
                }
            }
            Err(refused) => Err(refused.to_string()),
        };
        self.healed_measured_outcome(follow_up, zone, outcome);
    }

    fn healed_measured_outcome(&mut self, follow_up: FollowUpId, zone: ZoneId, outcome: Result<String, String>) {
        if let Err(refused) = &outcome {
            self.status.say(refused.clone());
        }
        self.services.healed.last = Some(LastReading { follow_up, zone, outcome });
    }

    /// Runs the measurement asked for while its photo loaded, once it is loaded (or failed).
    pub(super) fn run_pending_measurement(&mut self) {
        let Some((follow_up, zone)) = self.services.healed.pending else {
            return;
        };
        let photo = self.open.view().and_then(|v| v.follow_up(follow_up)).map(|f| &f.photo);
        match photo.map(|photo| self.canvas.photos.view(Some(photo))) {
            // Gone meanwhile (undone, another design opened): nothing to measure.
            None => self.services.healed.pending = None,
            Some(Some(PhotoView::Ready(_) | PhotoView::Changed(_) | PhotoView::Failed(_))) => {
                self.services.healed.pending = None;
                self.measure_healed(follow_up, zone);
            }
            Some(_) => {}
        }
    }

    /// Forgets the clinic's measurements: back to the model's defaults.
    pub(super) fn reset_healed_calibration(&mut self) {
        let healed = &mut self.services.healed;
        healed.calibration.reset();
        healed.last = None;
        if let Some(message) = healed.changed() {
            self.windows.dialogs.error(message);
        }
        self.status.say("The healed look is the model's defaults again.");
    }
}

/// The "Measure the healed result" row of an aligned follow-up photo, with the last reading of
/// it and the selected zone.
pub fn measure_ui(ui: &mut egui::Ui, healed: &Healed, follow_up: &FollowUp, zone: Option<ZoneId>) -> Option<Command> {
    let mut command = None;
    let button = ui
        .add_enabled(zone.is_some() && !healed.measuring, egui::Button::new("Measure the healed result"))
        .on_hover_text(
            "Reads the selected zone's healed contrast on this photo against the untreated skin around it, \
             compares it with the model, and adds it to the clinic's calibration",
        )
        .on_disabled_hover_text(if healed.measuring { "Measuring…" } else { "Select a zone first" });
    if let Some(zone) = zone
        && button.clicked()
    {
        command = Some(Command::MeasureHealed { follow_up: follow_up.id, zone });
    }
    if let Some(last) = healed.last.as_ref().filter(|l| l.follow_up == follow_up.id && Some(l.zone) == zone) {
        match &last.outcome {
            Ok(summary) => ui.label(summary),
            Err(refused) => ui.colored_label(ui.visuals().warn_fg_color, refused),
        };
    }
    command
}

/// The clinic's calibration beside the model's defaults, with its reset.
pub fn calibration_ui(ui: &mut egui::Ui, healed: &Healed) -> Option<Command> {
    let calibration = &healed.calibration;
    let defaults = HealedModel::DEFAULT;
    ui.strong("Clinic calibration of the healed look");
    egui::Grid::new("healed calibration").num_columns(3).show(ui, |ui| {
        ui.label("");
        ui.weak("clinic");
        ui.weak("model");
        ui.end_row();
        ui.label("Healed strength").on_hover_text("The share of a fresh dot's darkness left once healed");
        ui.label(format!("{:.0} %", calibration.healed_retention * 100.0));
        ui.label(format!("{:.0} %", defaults.retention * 100.0));
        ui.end_row();
        ui.label("Healed spread").on_hover_text("How much wider than the needle a healed dot is");
        ui.label(format!("× {:.2}", calibration.healed_spread));
        ui.label(format!("× {:.2}", defaults.spread));
        ui.end_row();
    });
    let count = calibration.count();
    ui.label(match count {
        0 => "No healed client measured yet: previews and advice use the model's defaults.".to_owned(),
        1 => "Rests on 1 measurement; previews and advice use it.".to_owned(),
        n => format!("Rests on {n} measurements; previews and advice use it."),
    });
    if count > 0 && !calibration.strength_measured() {
        ui.weak("No photo resolved the dots yet, so the strength is the model's and the spread takes the difference.");
    }
    reset_ui(ui, count)
}

/// "Reset to the model's defaults", asked again before the clinic's `count` measurements are
/// forgotten: they took healed clients' visits to gather, and a reset cannot be undone.
fn reset_ui(ui: &mut egui::Ui, count: usize) -> Option<Command> {
    let asking_id = ui.scope_id().with("asking to reset the healed calibration");
    let asking = ui.data(|d| d.get_temp::<bool>(asking_id)).unwrap_or(false) && count > 0;
    if !asking {
        let reset = ui
            .add_enabled(count > 0, egui::Button::new("Reset to the model's defaults"))
            .on_hover_text("Forget every measurement of this clinic (asks first)");
        if reset.clicked() {
            ui.data_mut(|d| d.insert_temp(asking_id, true));
        }
        return None;
    }
    let mut command = None;
    ui.colored_label(
        ui.visuals().warn_fg_color,
        match count {
            1 => "Forget the clinic's one measurement? This cannot be undone.".to_owned(),
            n => format!("Forget all {n} of the clinic's measurements? This cannot be undone."),
        },
    );
    ui.horizontal(|ui| {
        if ui.button("Forget them").clicked() {
            command = Some(Command::ResetHealedCalibration);
            ui.data_mut(|d| d.insert_temp(asking_id, false));
        }
        if ui.button("Keep them").clicked() {
            ui.data_mut(|d| d.insert_temp(asking_id, false));
        }
    });
    command
}
