//! Work that must not block the frame: decoding photos, reading and saving designs, and native
//! file dialogs. Each job runs on its own thread and reports through a channel; the UI polls the
//! channel every frame and a finished job requests a repaint, so an idle window stays idle.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, OnceLock};

use crate::design::{Design, DesignError, ParsedDesign, ViewId};
use crate::io::{
    DesignLock, FileIdentity, LockError, PhotoError, SaveError, SharedSaveError, decode_photo, open_design_file,
    save_unless_changed,
};
use crate::sheet::ExportRequest;

use super::file_dialogs::{Pick, Picked, system_dialog};
use super::photos::ReadyPhoto;

/// Which zone of which view a healed measurement reads, on which follow-up photo.
#[derive(Clone, Copy, Debug)]
pub struct HealedAt {
    pub view: ViewId,
    pub follow_up: crate::design::FollowUpId,
    pub zone: crate::design::ZoneId,
}

/// Why a photo is being decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoPurpose {
    /// Show the photo a view already references.
    Show,
    /// Make it the photo of this view.
    UseForView(ViewId),
    /// Relink this view to it, keeping the drawing.
    Relink(ViewId),
    /// Make it this view's photo instead of another one, keeping the drawing to be checked.
    Replace(ViewId),
    /// Add it as a follow-up photo of this view.
    AddFollowUp(ViewId),
}

/// A design read from disk, what its file was, and the lock on it (`None`: read-only).
#[derive(Debug)]
pub struct OpenedDesign {
    pub parsed: ParsedDesign,
    pub identity: Option<FileIdentity>,
    pub lock: Option<Result<DesignLock, LockError>>,
}

/// Where and how to save.
#[derive(Debug)]
pub struct SaveJob {
    pub path: PathBuf,
    /// What the file was when last read or written; `None`: there was none.
    pub known: Option<FileIdentity>,
    /// Write whatever is there now (the artist chose to, or picked the file to replace).
    pub overwrite: bool,
    /// A file new to this design: lock it once written.
    pub lock_it: bool,
}

/// A finished job.
pub enum JobResult {
    Picked {
        pick: Pick,
        picked: Picked,
    },
    PhotoDecoded {
        path: PathBuf,
        purpose: PhotoPurpose,
        result: Result<ReadyPhoto, PhotoError>,
    },
    DesignOpened {
        path: PathBuf,
        /// Boxed: a design is far larger than the other results.
        result: Result<Box<OpenedDesign>, DesignError>,
    },
    Autosaved {
        result: Result<(), SaveError>,
    },
    LibraryScanned {
        folder: PathBuf,
        result: Result<Vec<crate::io::LibraryEntry>, String>,
    },
    ThumbnailMade {
        sha256: String,
        result: Result<image::RgbaImage, String>,
    },
    FollowUpOpened {
        path: PathBuf,
        result: Result<Box<ParsedDesign>, DesignError>,
    },
    /// A zone's healed result read on a follow-up photo (half a second for a large scalp).
    HealedMeasured {
        follow_up: crate::design::FollowUpId,
        zone: crate::design::ZoneId,
        result: Result<Box<crate::calibration::HealedReading>, crate::calibration::MeasureRefused>,
    },
    SheetExported {
        /// The files written, or why the export failed.
        result: Result<Vec<PathBuf>, String>,
    },
    Saved {
        path: PathBuf,
        /// The document state that was written.
        state_id: u64,
        /// What the file is now, and the lock on it when it is a new file for this design.
        result: Result<(FileIdentity, Option<Result<DesignLock, LockError>>), SharedSaveError>,
    },
}

/// Runs jobs on worker threads and collects their results.
pub struct Jobs {
    sender: Sender<JobResult>,
    receiver: Receiver<JobResult>,
    running: usize,
    /// Set by the first frame; finished jobs wake the UI through it.
    ctx: Arc<OnceLock<egui::Context>>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self { sender, receiver, running: 0, ctx: Arc::default() }
    }
}

impl Jobs {
    /// Lets finished jobs request a repaint of `ctx`'s window.
    pub fn attach(&self, ctx: &egui::Context) {
        let _ = self.ctx.set(ctx.clone());
    }

    /// True while any job is running: the UI shows a busy indicator.
    pub fn busy(&self) -> bool {
        self.running > 0
    }

    fn spawn(&mut self, name: &str, work: impl FnOnce() -> JobResult + Send + 'static) {
        let sender = self.sender.clone();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new().name(name.to_owned()).spawn(move || {
            // The receiver lives as long as the app; a send can only fail while it shuts down.
            let _ = sender.send(work());
            if let Some(ctx) = ctx.get() {
                ctx.request_repaint();
            }
        });
        if spawned.is_ok() {
            self.running += 1;
        }
    }

    /// Shows the system's file dialog for `pick` and reports what came of it.
    pub fn pick_file(&mut self, pick: Pick, start_in: Option<PathBuf>) {
        self.spawn("file dialog", move || JobResult::Picked { pick, picked: system_dialog(pick, start_in) });
    }

    pub fn decode_photo(&mut self, path: PathBuf, purpose: PhotoPurpose, max_display_side: u32) {
        self.spawn("photo decoder", move || {
            let result = decode_photo(&path, max_display_side).map(ReadyPhoto::new);
            JobResult::PhotoDecoded { path, purpose, result }
        });
    }

    /// Reads the design at `path`, what the file is, and locks it unless it opens read-only.
    pub fn open_design(&mut self, path: PathBuf) {
        self.spawn("design reader", move || {
            // The identity first: if the file changes while it is read, it reads as changed
            // since, and the artist is asked; never the other way round.
            let identity = FileIdentity::of(&path).ok().flatten();
            let result = open_design_file(&path).map(|parsed| {
                let lock = parsed.newer_version.is_none().then(|| DesignLock::acquire(&path));
                Box::new(OpenedDesign { parsed, identity, lock })
            });
            JobResult::DesignOpened { path, result }
        });
    }

    /// Saves `design` to `path` if the file there is still `known` (or `overwrite`), and locks
    /// it when it is a new file for this design (`lock_it`).
    pub fn save(&mut self, save: SaveJob, design: Design, state_id: u64) {
        self.spawn("design writer", move || {
            let SaveJob { path, known, overwrite, lock_it } = save;
            let result = save_unless_changed(&path, &design, known.as_ref(), overwrite)
                .map(|identity| (identity, lock_it.then(|| DesignLock::acquire(&path))));
            JobResult::Saved { path, state_id, result }
        });
    }

    pub fn scan_library(&mut self, folder: PathBuf) {
        self.spawn("library reader", move || {
            let result = crate::io::scan_library(&folder).map_err(|e| e.to_string());
            JobResult::LibraryScanned { folder, result }
        });
    }

    /// The thumbnail of `photo`, from `cache` (or made and put there).
    pub fn thumbnail(&mut self, cache: Option<PathBuf>, photo: PathBuf, sha256: String, side: u32) {
        self.spawn("thumbnail", move || {
            let result = match cache {
                Some(cache) => crate::io::thumbnail(&cache, &photo, &sha256, side).map_err(|e| e.to_string()),
                None => crate::io::decode_photo(&photo, side).map(|p| p.display).map_err(|e| e.to_string()),
            };
            JobResult::ThumbnailMade { sha256, result }
        });
    }

    pub fn open_follow_up(&mut self, path: PathBuf) {
        self.spawn("design reader", move || {
            let result = open_design_file(&path).map(Box::new);
            JobResult::FollowUpOpened { path, result }
        });
    }

    /// Measures `zone` of view `view` on `image`, the pixels of its follow-up photo
    /// `follow_up` (`photo_width_px` wide at full size).
    pub fn measure_healed(&mut self, design: Design, at: HealedAt, image: image::RgbaImage, photo_width_px: u32) {
        self.spawn("healed measurement", move || {
            let HealedAt { view, follow_up, zone } = at;
            let later = crate::calibration::LaterPhoto { image: &image, photo_width_px };
            let result = match design.view(view).and_then(|v| Some((v, v.follow_up(follow_up)?))) {
                Some((view, photo)) => {
                    crate::calibration::measure_healed(&design, view, photo, zone, later).map(Box::new)
                }
                None => Err(crate::calibration::MeasureRefused::NotAligned),
            };
            JobResult::HealedMeasured { follow_up, zone, result }
        });
    }

    /// Exports `design`'s sheet as `request` asks, opening the photos on the way; `progress`
    /// follows the share done (f32 bits).
    pub fn export_sheet(&mut self, design: Design, request: ExportRequest, progress: Arc<AtomicU32>) {
        self.spawn("sheet export", move || {
            let photos = crate::sheet::SheetPhotos::open(&design);
            let today = crate::design::today_iso();
            let report = |share: f32| progress.store(share.to_bits(), Ordering::Relaxed);
            let result = crate::sheet::export(&design, &photos, &request, &today, &report).map_err(|e| e.to_string());
            JobResult::SheetExported { result }
        });
    }

    /// Writes the recovery copy of `session`, unless autosave was `stopped` meanwhile (the
    /// artist chose not to keep the changes).
    pub fn autosave(&mut self, copy: super::autosave::CrashCopy, stopped: Arc<std::sync::atomic::AtomicBool>) {
        self.spawn("autosave", move || {
            let result = if stopped.load(Ordering::SeqCst) {
                Ok(())
            } else {
                crate::io::RecoveryStore::new(copy.folder).write(
                    &copy.session,
                    copy.original_path.as_deref(),
                    &copy.design,
                )
            };
            JobResult::Autosaved { result }
        });
    }

    /// The results that have arrived since the last call.
    pub fn finished(&mut self) -> Vec<JobResult> {
        let results: Vec<JobResult> = self.receiver.try_iter().collect();
        self.running = self.running.saturating_sub(results.len());
        results
    }

    /// Blocks until every running job has finished and returns their results. For tests and the
    /// command line, never for a frame.
    pub fn wait_all(&mut self) -> Vec<JobResult> {
        let mut results = Vec::new();
        while self.running > 0 {
            match self.receiver.recv() {
                Ok(result) => {
                    self.running -= 1;
                    results.push(result);
                }
                Err(_) => break,
            }
        }
        results
    }
}
