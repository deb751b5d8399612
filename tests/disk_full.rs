//! Saving onto a full disk or into a read-only folder: a clear error, the old file intact, the
//! design still open and marked unsaved.
//!
//! The full disk is a real one: a 256 KiB tmpfs filled to the brim, which needs root (CI runs as
//! root). Without root the read-only folder is made with permissions instead, and the full-disk
//! tests say that they were skipped; with the `CI` variable set they fail instead of skipping.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "in a test, a failed unwrap is a failed test")]
#![cfg(target_os = "linux")]

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

mod common;

use common::{asset, click_photo, run_cli, select_tool, settle, skip, studio};
use hairline_studio::app::{Command, Tool};
use hairline_studio::io::save_design;

/// A small tmpfs mounted for the length of a test, unmounted when dropped (also on a panic).
struct SmallDisk {
    _folder: tempfile::TempDir,
    mount_point: PathBuf,
}

impl SmallDisk {
    /// `None` when this process may not mount (not root, or in a restricted container).
    fn mount() -> Option<Self> {
        Self::mount_sized(256)
    }

    /// [`SmallDisk::mount`] with room for `kib` KiB.
    fn mount_sized(kib: u64) -> Option<Self> {
        let folder = tempfile::tempdir().unwrap();
        let mount_point = folder.path().join("disk");
        std::fs::create_dir(&mount_point).unwrap();
        let mounted = Process::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={kib}k,mode=0700"),
                "hairline-test",
                &mount_point.to_string_lossy(),
            ])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(Self { _folder: folder, mount_point })
    }

    fn path(&self) -> &Path {
        &self.mount_point
    }

    fn remount_read_only(&self) {
        let status =
            Process::new("mount").args(["-o", "remount,ro", &self.mount_point.to_string_lossy()]).status().unwrap();
        assert!(status.success(), "remount read-only");
    }

    /// Fills the disk until writing fails for want of space.
    fn fill(&self) {
        let mut ballast = std::fs::File::create(self.mount_point.join("ballast")).unwrap();
        let block = vec![0xA5_u8; 4096];
        let error = loop {
            if let Err(error) = ballast.write_all(&block).and_then(|()| ballast.sync_all()) {
                break error;
            }
        };
        assert_eq!(error.raw_os_error(), Some(28), "ENOSPC: {error}");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Process::new("umount").arg("-l").arg(&self.mount_point).status();
    }
}

/// Saves the sample design to `path`, edits it in the studio, saves again (which must fail), and
/// checks what the artist is left with.
fn check_failed_save(folder: &Path, make_unwritable: impl FnOnce()) {
    let path = folder.join("client.json");
    let mut harness = studio();
    save_design(&path, harness.state().document().design()).unwrap();
    let old_bytes = std::fs::read(&path).unwrap();
    harness.state_mut().queue(Command::OpenDesign(Some(path.clone())));
    settle(&mut harness);
    // An edit: a hairline point added by a click.
    select_tool(&mut harness, Tool::Hairline);
    click_photo(&mut harness, 600.0, 500.0);
    settle(&mut harness);
    let edited = harness.state().document().design().clone();
    make_unwritable();

    harness.state_mut().queue(Command::Save);
    settle(&mut harness);
    let app = harness.state();
    let errors = app.errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("Not saved") && errors[0].contains("client.json"), "{}", errors[0]);
    assert!(errors[0].contains("previous file is untouched"), "{}", errors[0]);
    assert_eq!(std::fs::read(&path).unwrap(), old_bytes, "the old file is intact");
    assert_eq!(app.document().design(), &edited, "the edit is still open");
    assert!(app.document().is_dirty(), "and still marked unsaved");
    assert!(app.title().starts_with('●'), "the title shows it: {}", app.title());
    let leftovers: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left: {leftovers:?}");
}

#[test]
fn a_full_disk_refuses_the_save_and_keeps_everything() {
    let Some(disk) = SmallDisk::mount() else {
        skip("mounting a small tmpfs needs root");
        return;
    };
    check_failed_save(disk.path(), || disk.fill());
}

#[test]
fn a_read_only_folder_refuses_the_save_and_keeps_everything() {
    if let Some(disk) = SmallDisk::mount() {
        check_failed_save(disk.path(), || disk.remount_read_only());
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().to_owned();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o555)).unwrap();
    let permissions_bind = std::fs::File::create(path.join("probe")).is_err();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    if !permissions_bind {
        skip("root without mount rights ignores folder permissions");
        return;
    }
    check_failed_save(&path, || {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o555)).unwrap();
    });
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Exporting a design sheet onto a full disk: one clear message, no half-written PDF or PNG.
#[test]
fn a_full_disk_refuses_the_sheet_export_and_leaves_no_file() {
    let Some(disk) = SmallDisk::mount() else {
        skip("mounting a small tmpfs needs root");
        return;
    };
    disk.fill();
    let sample = asset("sample-design.json");
    let (pdf, png) = (disk.path().join("sheet.pdf"), disk.path().join("sheet.png"));
    let output = run_cli(&[
        "export",
        &sample.to_string_lossy(),
        "--pdf",
        &pdf.to_string_lossy(),
        "--png",
        &png.to_string_lossy(),
    ]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("No space left"), "{message}");
    assert_eq!(message.matches("No space left").count(), 1, "said once: {message}");
    let files: Vec<String> = std::fs::read_dir(disk.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, ["ballast"], "nothing but the ballast on the disk");
}

/// A sheet's PNG pages onto a disk with room for page 1 but not page 2: the old pages stay as
/// they were, both of them, rather than a new page 1 beside an old page 2.
#[test]
fn png_pages_are_all_written_or_none() {
    let sample = asset("sample-design.json");
    let export = |png: &Path| run_cli(&["export", &sample.to_string_lossy(), "--png", &png.to_string_lossy()]);
    // The pages' sizes, from an export where there is room.
    let roomy = tempfile::tempdir().unwrap();
    let output = export(&roomy.path().join("sheet.png"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let sizes: Vec<u64> =
        String::from_utf8_lossy(&output.stdout).lines().map(|line| std::fs::metadata(line).unwrap().len()).collect();
    assert!(sizes.len() >= 2, "the sample's sheet has several pages: {sizes:?}");

    let room_kib = (sizes[0] + sizes[1] / 2) / 1024;
    let Some(disk) = SmallDisk::mount_sized(room_kib) else {
        skip("mounting a small tmpfs needs root");
        return;
    };
    let png = disk.path().join("sheet.png");
    let pages = [png.clone(), disk.path().join("sheet-2.png")];
    for (page, path) in pages.iter().enumerate() {
        std::fs::write(path, format!("last week's page {}", page + 1)).unwrap();
    }
    let output = export(&png);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{message}");
    assert!(message.contains("No space left"), "{message}");
    for (page, path) in pages.iter().enumerate() {
        let content = std::fs::read_to_string(path).unwrap();
        assert_eq!(content, format!("last week's page {}", page + 1), "{} untouched", path.display());
    }
    let mut files: Vec<String> = std::fs::read_dir(disk.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["sheet-2.png", "sheet.png"], "no temporary left behind");
}
