//! Autosave: while a design has unsaved edits, a copy goes to the recovery folder at most a few
//! seconds behind, in the background, and a panic writes one on its way out. The copy is deleted
//! once the design is saved or its changes are discarded.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::design::{Design, Document};
use crate::io::RecoveryStore;

use super::jobs::Jobs;

/// Quiet time after the last edit before a copy is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);
/// A copy is never more than this far behind, even while editing without pause.
pub const AUTOSAVE_MAX_DELAY: Duration = Duration::from_secs(5);

/// The latest state of the open design, for the panic hook to write.
#[derive(Clone)]
pub struct CrashCopy {
    pub folder: PathBuf,
    pub session: String,
    pub original_path: Option<PathBuf>,
    pub design: Design,
}

/// Shared with the panic hook.
pub type CrashSlot = Arc<Mutex<Option<CrashCopy>>>;

pub struct Autosave {
    store: Option<RecoveryStore>,
    /// Names this window's recovery file.
    pub session: String,
    delay: Duration,
    written_revision: Option<u64>,
    /// The revision last seen and when it was first seen.
    last_change: Option<(u64, Instant)>,
    first_unsaved: Option<Instant>,
    crash_slot: CrashSlot,
    crash_revision: Option<u64>,
    /// Set when the artist quits without saving: no copy is written from then on, and one
    /// being written is not kept.
    stopped: Arc<AtomicBool>,
}

impl Autosave {
    pub fn new(store: Option<RecoveryStore>, delay: Duration) -> Self {
        Self {
            store,
            session: new_session_id(),
            delay,
            written_revision: None,
            last_change: None,
            first_unsaved: None,
            crash_slot: CrashSlot::default(),
            crash_revision: None,
            stopped: Arc::default(),
        }
    }

    pub fn store(&self) -> Option<&RecoveryStore> {
        self.store.as_ref()
    }

    pub fn crash_slot(&self) -> CrashSlot {
        Arc::clone(&self.crash_slot)
    }

    /// Called every frame: writes a copy when one is due, or asks for a frame when it will be.
    pub fn tick(&mut self, ctx: &egui::Context, document: &Document, jobs: &mut Jobs) {
        let Some(store) = &self.store else {
            return;
        };
        if self.stopped.load(Ordering::SeqCst) {
            return;
        }
        if !document.is_dirty() {
            self.first_unsaved = None;
            return;
        }
        let revision = document.revision();
        if self.crash_revision != Some(revision) {
            self.crash_revision = Some(revision);
            if let Ok(mut slot) = self.crash_slot.lock() {
                *slot = Some(CrashCopy {
                    folder: store.folder().to_owned(),
                    session: self.session.clone(),
                    original_path: document.path.clone(),
                    design: document.design().clone(),
                });
            }
        }
        if self.written_revision == Some(revision) {
            return;
        }
        let now = Instant::now();
        if self.last_change.is_none_or(|(seen, _)| seen != revision) {
            self.last_change = Some((revision, now));
        }
        let first = *self.first_unsaved.get_or_insert(now);
        let changed_at = self.last_change.map_or(now, |(_, at)| at);
        let due = (changed_at + self.delay).min(first + AUTOSAVE_MAX_DELAY.max(self.delay));
        if now >= due {
            let copy = CrashCopy {
                folder: store.folder().to_owned(),
                session: self.session.clone(),
                original_path: document.path.clone(),
                design: document.design().clone(),
            };
            jobs.autosave(copy, Arc::clone(&self.stopped));
            self.written_revision = Some(revision);
            self.first_unsaved = None;
        } else {
            ctx.request_repaint_after(due - now);
        }
    }

    /// A copy could not be written: try again at the next change.
    pub fn failed(&mut self) {
        self.written_revision = None;
    }

    /// The design was saved or its changes discarded: its copy goes.
    pub fn discard(&mut self) {
        if let Some(store) = &self.store {
            store.remove(&self.session);
        }
        self.written_revision = None;
        self.first_unsaved = None;
        if let Ok(mut slot) = self.crash_slot.lock() {
            *slot = None;
        }
        self.crash_revision = None;
    }

    /// The artist quits without saving: the copy goes and none is written again, not even by
    /// a write already under way ([`Self::after_exit`] removes what it leaves).
    pub fn stop(&mut self) {
        self.stopped.store(true, Ordering::SeqCst);
        self.discard();
    }

    /// At the window's close, after a deliberate "Don't save": removes a copy that a write
    /// under way at [`Self::stop`] may have left.
    pub fn after_exit(&self) {
        if self.stopped.load(Ordering::SeqCst)
            && let Some(store) = &self.store
        {
            store.remove(&self.session);
        }
    }

    /// Starts a fresh session for another design (or adopts a recovered one's).
    pub fn start_session(&mut self, session: Option<String>) {
        self.session = session.unwrap_or_else(new_session_id);
        self.written_revision = None;
        self.last_change = None;
        self.first_unsaved = None;
        self.crash_revision = None;
    }
}

fn new_session_id() -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    format!("session-{}-{nanos}", std::process::id())
}

/// Makes a panic anywhere write the latest unsaved design to the recovery folder first.
pub fn install_panic_recovery(slot: CrashSlot) {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(guard) = slot.try_lock()
            && let Some(copy) = guard.as_ref()
        {
            let store = RecoveryStore::new(copy.folder.clone());
            // Nothing more can be done about a failure here; the default hook still reports.
            let _ = store.write(&copy.session, copy.original_path.as_deref(), &copy.design);
        }
        default_hook(info);
    }));
}
