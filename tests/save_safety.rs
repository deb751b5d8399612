//! Saving into a folder that others share: the save's temporary files cannot be planted or
//! redirected, a killed save's leftovers go at the next save, and a file keeps the mode and the
//! owner it was given.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;

mod common;

use common::skip;
use hairline_studio::design::{Design, read_design};
use hairline_studio::io::save_design;

fn design(name: &str) -> Design {
    let mut design = Design::new(42);
    design.client.name = name.to_owned();
    design
}

/// The permission bits of `path`, in octal as `ls` and `chmod` write them.
fn mode(path: &Path) -> String {
    format!("{:o}", fs::metadata(path).unwrap().permissions().mode() & 0o777)
}

#[test]
fn a_link_planted_at_a_temporary_name_is_never_written_through() {
    let (folder, elsewhere) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let path = folder.path().join("client.json");
    save_design(&path, &design("First")).unwrap();
    // The names earlier versions wrote to, and the links someone with write access to the
    // shared folder could plant there.
    let stolen = elsewhere.path().join("stolen.json");
    let stolen_backup = elsewhere.path().join("stolen.bak");
    symlink(&stolen, folder.path().join("client.json.tmp")).unwrap();
    symlink(&stolen_backup, folder.path().join("client.json.bak.tmp")).unwrap();

    save_design(&path, &design("Second")).unwrap();

    assert!(!stolen.exists(), "the design was written through the link");
    assert!(!stolen_backup.exists(), "the backup was written through the link");
    let kind = fs::symlink_metadata(&path).unwrap().file_type();
    assert!(kind.is_file(), "the design is still a file of its own, not a link: {kind:?}");
    assert_eq!(read_design(&path).unwrap().design, design("Second"));
    assert_eq!(read_design(&folder.path().join("client.json.bak")).unwrap().design, design("First"));
    assert!(fs::symlink_metadata(folder.path().join("client.json.tmp")).unwrap().file_type().is_symlink());
}

#[test]
fn leftovers_of_a_killed_save_go_at_the_next_save_of_that_design_only() {
    let (folder, elsewhere) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let path = folder.path().join("client.json");
    save_design(&path, &design("First")).unwrap();
    // What saves killed mid-way leave: temporaries of this design (today's names and the fixed
    // names of earlier versions), and of another design in the same folder.
    let ours = [".client.json.a1B2c3D4.tmp", ".client.json.ZZ99yy88.tmp", "client.json.tmp", "client.json.bak.tmp"];
    for name in ours {
        fs::write(folder.path().join(name), "half a design").unwrap();
    }
    let theirs = [".other.json.a1B2c3D4.tmp", ".client.json.old.a1B2c3D4.tmp", "client.json.notes"];
    for name in theirs {
        fs::write(folder.path().join(name), "someone else's").unwrap();
    }
    // A link with a leftover's name is not ours to delete, and nothing is deleted through it.
    let target = elsewhere.path().join("keep.txt");
    fs::write(&target, "keep").unwrap();
    symlink(&target, folder.path().join(".client.json.LiNk0000.tmp")).unwrap();

    save_design(&path, &design("Second")).unwrap();

    for name in ours {
        assert!(!folder.path().join(name).exists(), "{name} is left over");
    }
    for name in theirs {
        assert!(folder.path().join(name).exists(), "{name} was removed");
    }
    assert!(fs::symlink_metadata(folder.path().join(".client.json.LiNk0000.tmp")).is_ok());
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep");
}

#[test]
fn a_new_design_is_private_and_an_existing_one_keeps_its_mode() {
    let folder = tempfile::tempdir().unwrap();
    let new = folder.path().join("new.json");
    save_design(&new, &design("New")).unwrap();
    assert_eq!(mode(&new), "600", "a new design holds health answers: owner only");

    let shared = folder.path().join("shared.json");
    save_design(&shared, &design("Shared")).unwrap();
    // A colleague's group may read it: the studio must not take that away.
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o640)).unwrap();
    save_design(&shared, &design("Shared, edited")).unwrap();
    assert_eq!(mode(&shared), "640", "the design keeps the mode it was given");
    assert_eq!(mode(&folder.path().join("shared.json.bak")), "640", "and so does its backup");
    save_design(&shared, &design("Shared, edited again")).unwrap();
    assert_eq!(mode(&shared), "640");
}

#[test]
fn an_existing_design_keeps_its_owner_and_group() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("colleague.json");
    save_design(&path, &design("Theirs")).unwrap();
    // Only root may give a file away; elsewhere the studio can at most keep the group.
    if std::os::unix::fs::chown(&path, Some(4242), Some(4343)).is_err() {
        skip("giving a file to another account needs root");
        return;
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o660)).unwrap();
    save_design(&path, &design("Edited by root")).unwrap();
    let metadata = fs::metadata(&path).unwrap();
    assert_eq!((metadata.uid(), metadata.gid()), (4242, 4343), "the design keeps its owner and group");
    assert_eq!(mode(&path), "660");
    assert_eq!(read_design(&path).unwrap().design, design("Edited by root"));
}
