//! Paths that do not name ordinary files: a named pipe (FIFO) or a device (`/dev/zero`) as a
//! design or as a photo. Reading one would wait for a writer forever or never end; every command
//! refuses it at once with a message that says what the path is. And a photo as large as the
//! studio accepts is checked without being held in memory.

#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::{make_fifo, run_cli_within, sample_design, skip};
use hairline_studio::design::PhotoRef;
use hairline_studio::io::save_design_file;

/// Far longer than any of these commands takes; a hung one is killed then.
const LIMIT: Duration = Duration::from_secs(20);

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// A named pipe and a device, with the words their message must contain.
fn not_files(folder: &Path) -> [(PathBuf, &'static str); 2] {
    let fifo = folder.join("pipe.json");
    make_fifo(&fifo);
    [(fifo, "named pipe"), (PathBuf::from("/dev/zero"), "a device")]
}

/// Every command that reads a design, writing what it makes into `folder`.
fn commands(design: &Path, folder: &Path) -> Vec<Vec<String>> {
    let design = design.to_string_lossy().into_owned();
    let out = |name: &str| folder.join(name).to_string_lossy().into_owned();
    vec![
        vec!["validate".into(), design.clone()],
        vec!["info".into(), design.clone()],
        vec!["render".into(), design.clone(), "-o".into(), out("render.png"), "--width".into(), "200".into()],
        vec!["export".into(), design, "--pdf".into(), out("sheet.pdf")],
    ]
}

fn run(args: &[String]) -> Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_cli_within(&args, LIMIT)
}

#[test]
fn a_pipe_or_a_device_as_the_design_is_refused_by_every_command() {
    let folder = tempfile::tempdir().unwrap();
    for (design, what) in not_files(folder.path()) {
        for args in commands(&design, folder.path()) {
            let output = run(&args);
            let message = text(&output);
            assert!(!output.status.success(), "{args:?} succeeded: {message}");
            assert!(message.contains(&design.to_string_lossy().into_owned()), "{args:?} names the file: {message}");
            assert!(message.contains(what) && message.contains("not a design file"), "{args:?}: {message}");
        }
    }
}

#[test]
fn a_pipe_or_a_device_as_the_photo_is_refused_by_every_command() {
    let folder = tempfile::tempdir().unwrap();
    for (photo, what) in not_files(folder.path()) {
        let mut design = sample_design();
        design.views[0].photo.as_mut().unwrap().path = photo.to_string_lossy().into_owned();
        let path = folder.path().join("client.json");
        save_design_file(&path, &design).unwrap();
        for args in commands(&path, folder.path()) {
            let output = run(&args);
            let message = text(&output);
            if args[0] == "info" {
                // The summary is the design's alone: it reads no photo.
                assert!(output.status.success(), "{message}");
                continue;
            }
            assert!(message.contains(&photo.to_string_lossy().into_owned()), "{args:?} names the photo: {message}");
            assert!(message.contains(what), "{args:?}: {message}");
            match args[0].as_str() {
                "validate" => assert_eq!(output.status.code(), Some(2), "{message}"),
                // The sheet is made without the photo, and says so.
                "export" => assert!(output.status.success() && message.contains("without its photo"), "{message}"),
                _ => assert!(!output.status.success(), "{args:?}: {message}"),
            }
        }
    }
}

/// What the window's background jobs call, on a pipe: each returns at once with a reason.
#[test]
fn opening_a_pipe_as_a_design_photo_or_recovery_copy_returns_at_once() {
    let folder = tempfile::tempdir().unwrap();
    let fifo = folder.path().join("pipe.json");
    make_fifo(&fifo);
    let (sender, receiver) = std::sync::mpsc::channel();
    let path = fifo.clone();
    let recovery = folder.path().to_owned();
    // A thread, so that a read that hangs fails the test instead of hanging it.
    std::thread::spawn(move || {
        let design = hairline_studio::io::open_design_file(&path).unwrap_err().to_string();
        let photo = hairline_studio::io::decode_photo(&path, 512).unwrap_err().to_string();
        let listed = hairline_studio::io::RecoveryStore::new(recovery).list();
        let copy = listed.into_iter().next().unwrap().unwrap_err().to_string();
        sender.send([design, photo, copy]).unwrap();
    });
    let messages = receiver.recv_timeout(LIMIT).expect("the readers returned");
    for message in &messages {
        assert!(message.contains(&fifo.to_string_lossy().into_owned()), "{message}");
    }
    assert!(messages[0].contains("named pipe"), "{}", messages[0]);
    assert!(messages[1].contains("named pipe"), "{}", messages[1]);
    assert!(messages[2].contains("not a Hairline Studio recovery copy"), "{}", messages[2]);
}

/// The SHA-256 of 1,000,000,000 zero bytes: the content of the sparse photo below.
const ZEROS_1GB_SHA256: &str = "bc17f06f9d9b5f6f79ca189a1772b1a3a38d6e40c45bec50f9c4f28144efddca";

/// The highest resident memory of `pid` so far (`VmHWM`), in KiB; `None` once it has exited.
fn peak_resident_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn validate_checks_a_1_gb_photo_in_little_memory() {
    if !Path::new("/proc/self/status").exists() {
        skip("peak memory is read from /proc, which this system lacks");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let photo = folder.path().join("huge.jpg");
    // Sparse: a gigabyte long, nearly nothing on disk, zeros when read.
    std::fs::File::create(&photo).unwrap().set_len(1_000_000_000).unwrap();
    let mut design = sample_design();
    design.views[0].photo = Some(PhotoRef {
        path: photo.to_string_lossy().into_owned(),
        sha256: ZEROS_1GB_SHA256.to_owned(),
        width_px: 1200,
        height_px: 1500,
    });
    let path = folder.path().join("huge.json");
    save_design_file(&path, &design).unwrap();

    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_hairline-studio"))
        .args(["validate", &path.to_string_lossy()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut highest_kib = 0;
    let status = loop {
        if let Some(kib) = peak_resident_kib(child.id()) {
            highest_kib = highest_kib.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("validate was still running after 120 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let peak_mib = highest_kib / 1024;
    eprintln!(
        "validate on a 1 GB photo: peak resident memory {peak_mib} MiB, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut report = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut report).unwrap();
    assert!(peak_mib > 0, "the child's memory was seen");
    assert!(peak_mib < 200, "validate held {peak_mib} MiB for a 1 GB photo");
    // The checksum matches; the header then shows it is no photo at all.
    assert_eq!(status.code(), Some(2), "{report}");
    assert!(report.contains("views[0].photo: ") && report.contains("not a photo format"), "{report}");
}
