//! A panic writes the unsaved design to the recovery folder before the process goes.
//! In its own test binary, since the panic hook is global to the process.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

use hairline_studio::design::Design;
use hairline_studio::io::RecoveryStore;

#[test]
fn a_panic_writes_a_recovery_copy() {
    let folder = tempfile::tempdir().unwrap();
    let app = hairline_studio::app::StudioApp::new(hairline_studio::app::StartOptions::default());
    let slot = app.crash_slot();
    let mut design = Design::new(5);
    design.client.name = "Mid-consultation".into();
    *slot.lock().unwrap() = Some(hairline_studio::app::CrashCopy {
        folder: folder.path().to_owned(),
        session: "crashed".into(),
        original_path: None,
        design: design.clone(),
    });
    hairline_studio::app::install_panic_recovery(slot);
    let outcome = std::panic::catch_unwind(|| panic!("a bug in the UI"));
    assert!(outcome.is_err());
    let listed = RecoveryStore::new(folder.path().to_owned()).list();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].as_ref().unwrap().design, design);
}
