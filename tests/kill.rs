//! Killing the studio mid-save never leaves a half-written design. A child process (this test
//! binary, run again) saves two versions of a design in turn through the real save path; the
//! test SIGKILLs it at a random moment, 200 times, and each time the file on disk must be exactly
//! one of the two versions. Likewise for the autosave's recovery copy.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use hairline_studio::design::{Design, PhotoPoint, View, ViewKind, Zone, ZoneKind, read_design};
use hairline_studio::io::{RecoveryStore, save_design};
use hairline_studio::random::splitmix64;

const KILLS: u64 = 200;
/// Tells a run of this binary that it is the child, and what to save where.
const CHILD_ENV: &str = "HAIRLINE_KILL_TEST_CHILD";
const SESSION: &str = "kill-test";

/// Two versions of a design, different in size so that a torn write cannot pass for either.
fn versions() -> [Design; 2] {
    let old = Design::new(7);
    let mut new = Design::new(7);
    new.client.name = "Version two".into();
    let mut view = View::new(ViewKind::Front);
    let mut zone = Zone::new(ZoneKind::Crown, "Crown");
    zone.vertices = (0..2_000)
        .map(|i| {
            let angle = f64::from(i) / 2_000.0 * std::f64::consts::TAU;
            PhotoPoint::new(1_000.0 + 500.0 * angle.cos(), 1_000.0 + 500.0 * angle.sin())
        })
        .collect();
    view.zones.push(zone);
    new.add_view(view);
    [old, new]
}

#[derive(Clone, Copy, Debug)]
enum Target {
    Save,
    Autosave,
}

impl Target {
    fn name(self) -> &'static str {
        match self {
            Self::Save => "save",
            Self::Autosave => "autosave",
        }
    }

    /// The file this target writes in `folder`.
    fn file(self, folder: &Path) -> PathBuf {
        match self {
            Self::Save => folder.join("client.json"),
            Self::Autosave => folder.join("recovery").join(format!("{SESSION}.json")),
        }
    }

    fn write(self, folder: &Path, design: &Design) {
        match self {
            Self::Save => save_design(&self.file(folder), design).unwrap(),
            Self::Autosave => {
                RecoveryStore::new(folder.join("recovery")).write(SESSION, None, design).unwrap();
            }
        }
    }

    /// The design in this target's file, which must read cleanly.
    fn read(self, folder: &Path) -> Design {
        match self {
            Self::Save => read_design(&self.file(folder)).expect("the design file reads").design,
            Self::Autosave => {
                let listed = RecoveryStore::new(folder.join("recovery")).list();
                assert_eq!(listed.len(), 1, "exactly one recovery copy");
                listed.into_iter().next().unwrap().expect("the recovery copy reads").design
            }
        }
    }
}

/// The child's side: when this binary runs as the child, save the two versions in turn until
/// killed, saying "ready" once the loop has started.
#[test]
fn child_saves_until_killed() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return; // an ordinary test run: nothing to do
    };
    let (target, folder) = spec.split_once(':').unwrap();
    let target = if target == "save" { Target::Save } else { Target::Autosave };
    let folder = Path::new(folder);
    let [old, new] = versions();
    target.write(folder, &new);
    println!("ready");
    loop {
        target.write(folder, &old);
        target.write(folder, &new);
    }
}

fn kill_repeatedly(target: Target) {
    let folder = tempfile::tempdir().unwrap();
    let [old, new] = versions();
    let mut random = 0x5EED_u64;
    let mut left_new = 0;
    for kill in 0..KILLS {
        target.write(folder.path(), &old);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_saves_until_killed", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, format!("{}:{}", target.name(), folder.path().display()))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("ready") {
            line.clear();
            assert_ne!(stdout.read_line(&mut line).unwrap(), 0, "the child ended before saving");
        }
        // A few milliseconds: somewhere inside one of the next saves.
        random = splitmix64(random);
        std::thread::sleep(Duration::from_micros(random % 8_000));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();

        let on_disk = target.read(folder.path());
        assert!(on_disk == old || on_disk == new, "kill {kill}: the {} file is neither version", target.name());
        if on_disk != old {
            left_new += 1;
        }
    }
    // Both outcomes happen, so the kills really did land during the saves.
    assert!(left_new > 0 && left_new < KILLS, "{left_new} of {KILLS} kills left the new version");
    // The temporary files of the killed saves go at the next save.
    target.write(folder.path(), &old);
    let file = target.file(folder.path());
    let leftovers: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| name.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left after the next {}: {leftovers:?}", target.name());
}

#[cfg(unix)]
#[test]
fn a_killed_save_leaves_the_old_or_the_new_design() {
    kill_repeatedly(Target::Save);
}

#[cfg(unix)]
#[test]
fn a_killed_autosave_leaves_the_old_or_the_new_copy() {
    kill_repeatedly(Target::Autosave);
}
