//! Noticing, within a few seconds, that the open design's file was changed by someone else: a
//! thread looks every few seconds (a `stat`, and a hash only when size or time moved) and wakes
//! the window only when the file changed, so an idle studio stays idle.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use crate::io::FileIdentity;

/// How often the file is looked at.
pub const DISK_POLL_INTERVAL: Duration = Duration::from_secs(2);

/// The file watched and what it should hold.
#[derive(Debug, Default)]
struct Watched {
    path: Option<PathBuf>,
    known: Option<FileIdentity>,
    /// A change was reported: not again until the studio says what the file is now.
    reported: bool,
}

/// The watching thread, and what it reports.
pub struct DiskWatch {
    watched: Arc<Mutex<Watched>>,
    changed: Receiver<PathBuf>,
    stop: Arc<AtomicBool>,
    ctx: Arc<OnceLock<egui::Context>>,
}

impl DiskWatch {
    pub fn new(interval: Duration) -> Self {
        let watched = Arc::new(Mutex::new(Watched::default()));
        let (sender, changed) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let ctx = Arc::new(OnceLock::new());
        let thread = Watcher { watched: Arc::clone(&watched), sender, stop: Arc::clone(&stop), ctx: Arc::clone(&ctx) };
        // Without the thread the studio only misses other people's changes until it saves,
        // where the save checks the file itself.
        let _ = std::thread::Builder::new().name("design file watch".into()).spawn(move || thread.run(interval));
        Self { watched, changed, stop, ctx }
    }

    /// Lets the thread wake `ctx`'s window when the file changed.
    pub fn attach(&self, ctx: &egui::Context) {
        let _ = self.ctx.set(ctx.clone());
    }

    /// Watches `path`, which holds `known` now (after opening or saving); `None`: nothing.
    pub fn watch(&self, path: Option<PathBuf>, known: Option<FileIdentity>) {
        if let Ok(mut watched) = self.watched.lock() {
            *watched = Watched { path, known, reported: false };
        }
    }

    /// The watched file changed on disk since the last [`Self::watch`].
    pub fn changed(&self) -> bool {
        let current = self.watched.lock().ok().and_then(|w| w.path.clone());
        self.changed.try_iter().any(|path| Some(path) == current)
    }
}

impl Drop for DiskWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

struct Watcher {
    watched: Arc<Mutex<Watched>>,
    sender: Sender<PathBuf>,
    stop: Arc<AtomicBool>,
    ctx: Arc<OnceLock<egui::Context>>,
}

impl Watcher {
    fn run(self, interval: Duration) {
        while !self.stop.load(Ordering::SeqCst) {
            std::thread::sleep(interval);
            let target = self.watched.lock().ok().and_then(|w| match (&w.path, &w.known, w.reported) {
                (Some(path), Some(known), false) => Some((path.clone(), known.clone())),
                _ => None,
            });
            let Some((path, known)) = target else {
                continue;
            };
            // A file that cannot be read right now (a share reconnecting) is looked at again.
            if known.still_at(&path).is_ok_and(|same| !same) {
                if let Ok(mut watched) = self.watched.lock()
                    && watched.path.as_ref() == Some(&path)
                {
                    watched.reported = true;
                }
                if self.sender.send(path).is_err() {
                    return;
                }
                if let Some(ctx) = self.ctx.get() {
                    ctx.request_repaint();
                }
            }
        }
    }
}
