//! Saving into a folder that others share: the save's temporary files cannot be planted or
//! redirected, and a killed save's leftovers go at the next save.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;

mod common;

use hairline_studio::design::{Design, read_design};
use hairline_studio::io::save_design;

fn design(name: &str) -> Design {
    let mut design = Design::new(42);
    design.client.name = name.to_owned();
    design
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
