//! Advisory lock files: while a studio has a design open for editing, a small file beside it
//! (`.~lock.NAME.json#`, as office suites write them) says who, on which machine and since when,
//! so a second artist opening it on a shared clinic folder is warned before two people edit one
//! client's design. Advisory only: nothing stops a program that does not look, and the save
//! itself checks that the file did not change ([`super::save_unless_changed`]).
//!
//! A lock left by a studio that crashed is recognised as stale when it names this machine and
//! its process is gone (on Linux, no `/proc/PID`); a lock from another machine cannot be checked
//! and is shown with its age, for the artist to judge.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Who holds a design.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since_unix_s: u64,
}

impl Holder {
    /// This studio, now.
    fn me() -> Self {
        let user = ["USER", "USERNAME", "LOGNAME"].iter().find_map(|v| std::env::var(v).ok()).unwrap_or_default();
        Self { user, host: host_name(), pid: std::process::id(), since_unix_s: now_unix_s() }
    }

    /// A studio on this machine whose process is gone: it crashed or was killed.
    pub fn is_stale(&self) -> bool {
        cfg!(target_os = "linux") && self.host == host_name() && !Path::new("/proc").join(self.pid.to_string()).exists()
    }

    /// "Jo on reception-pc, since 14:05 (2 h ago)" style, for a message.
    pub fn describe(&self) -> String {
        let who = if self.user.is_empty() { "Someone" } else { &self.user };
        let host = if self.host.is_empty() { "another computer" } else { &self.host };
        let minutes = now_unix_s().saturating_sub(self.since_unix_s) / 60;
        let ago = match minutes {
            0 => "just now".to_owned(),
            1..60 => format!("{minutes} min ago"),
            _ => format!("{} h ago", minutes / 60),
        };
        format!("{who} on {host} (opened {ago})")
    }
}

/// Why a design could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{} has this design open: {path}. Open it read-only, or open it anyway if you know they are not editing it.", holder.describe())]
    Held { path: PathBuf, holder: Holder },
    #[error("Could not write the lock file {path} ({source}); the design opens, but other artists will not be warned.")]
    Write { path: PathBuf, source: io::Error },
}

/// A lock this studio holds on a design; released (its file removed) when dropped.
#[derive(Debug)]
pub struct DesignLock {
    file: PathBuf,
}

/// The lock file of the design at `design`.
pub fn lock_path(design: &Path) -> PathBuf {
    let name = design.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    design.with_file_name(format!(".~lock.{name}#"))
}

impl DesignLock {
    /// Locks `design`, unless another studio holds it (a stale lock is taken over).
    pub fn acquire(design: &Path) -> Result<Self, LockError> {
        let file = lock_path(design);
        match write_lock(&file, true) {
            Ok(()) => return Ok(Self { file }),
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                return Err(LockError::Write { path: file, source: e });
            }
            Err(_) => {}
        }
        match read_holder(&file) {
            Some(holder) if !holder.is_stale() => Err(LockError::Held { path: design.to_owned(), holder }),
            // Stale, or not a lock we can read (half written by a crash): ours now.
            _ => Self::take_over(design),
        }
    }

    /// Locks `design` whoever holds it (the artist chose "Open anyway").
    pub fn take_over(design: &Path) -> Result<Self, LockError> {
        let file = lock_path(design);
        write_lock(&file, false).map_err(|source| LockError::Write { path: file.clone(), source })?;
        Ok(Self { file })
    }

    /// Who holds the lock now, if it is not this studio (someone took it over).
    pub fn taken_by_other(&self) -> Option<Holder> {
        read_holder(&self.file).filter(|holder| holder.pid != std::process::id() || holder.host != host_name())
    }
}

impl Drop for DesignLock {
    fn drop(&mut self) {
        // Only our own lock: another studio that took it over keeps theirs.
        if read_holder(&self.file).is_some_and(|h| h.pid == std::process::id() && h.host == host_name()) {
            let _ = std::fs::remove_file(&self.file);
        }
    }
}

fn write_lock(file: &Path, exclusive: bool) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true);
    if exclusive {
        options.create_new(true);
    } else {
        options.create(true).truncate(true);
    }
    let mut handle = options.open(file)?;
    let bytes = serde_json::to_vec(&Holder::me()).map_err(io::Error::other)?;
    handle.write_all(&bytes)?;
    handle.sync_all()
}

fn read_holder(file: &Path) -> Option<Holder> {
    // A lock file is a few hundred bytes; anything larger is not one of ours.
    let metadata = std::fs::symlink_metadata(file).ok()?;
    if !metadata.is_file() || metadata.len() > 4096 {
        return None;
    }
    serde_json::from_slice(&std::fs::read(file).ok()?).ok()
}

fn now_unix_s() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// This machine's name, as other artists' studios will show it.
fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_who_holds_it_and_released_on_drop() {
        let folder = tempfile::tempdir().unwrap();
        let design = folder.path().join("client.json");
        let lock = DesignLock::acquire(&design).unwrap();
        assert!(lock_path(&design).exists());
        let Err(LockError::Held { holder, .. }) = DesignLock::acquire(&design) else {
            panic!("a second studio is warned");
        };
        assert_eq!(holder.pid, std::process::id());
        assert!(holder.describe().contains("just now"), "{}", holder.describe());
        drop(lock);
        assert!(!lock_path(&design).exists(), "released");
        DesignLock::acquire(&design).unwrap();
    }

    #[test]
    fn a_lock_left_by_a_crash_on_this_machine_is_taken_over() {
        let folder = tempfile::tempdir().unwrap();
        let design = folder.path().join("client.json");
        let dead = Holder { user: "jo".into(), host: host_name(), pid: u32::MAX - 7, since_unix_s: 0 };
        std::fs::write(lock_path(&design), serde_json::to_vec(&dead).unwrap()).unwrap();
        if cfg!(target_os = "linux") {
            assert!(dead.is_stale());
            DesignLock::acquire(&design).unwrap();
        }
        std::fs::write(lock_path(&design), b"half writ").unwrap();
        DesignLock::acquire(&design).unwrap();
    }

    #[test]
    fn a_lock_taken_over_by_another_studio_is_noticed_and_left_to_it() {
        let folder = tempfile::tempdir().unwrap();
        let design = folder.path().join("client.json");
        let mine = DesignLock::acquire(&design).unwrap();
        let other = Holder { user: "sam".into(), host: "front-desk".into(), pid: 42, since_unix_s: now_unix_s() };
        std::fs::write(lock_path(&design), serde_json::to_vec(&other).unwrap()).unwrap();
        assert_eq!(mine.taken_by_other(), Some(other));
        drop(mine);
        assert!(lock_path(&design).exists(), "theirs stays");
    }
}
