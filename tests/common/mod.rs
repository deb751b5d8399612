//! Helpers shared by the tests: the bundled assets, the command line, a studio on the sample
//! design and ways to drive it, how a test that cannot run here says so, and ImageMagick for
//! making and checking photo files (`magick`).

#![allow(dead_code, reason = "each test file uses a different subset")]
#![allow(clippy::unwrap_used, reason = "in a test, a failed unwrap is a failed test")]

use std::path::{Path, PathBuf};
use std::process::Output;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hairline_studio::app::{Command, FileDialogs, StartOptions, StudioApp, Tool};
use hairline_studio::design::{Design, PhotoPoint};

pub mod healed;
pub mod magick;

/// A file in the bundled `assets/` folder.
pub fn asset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join(name)
}

/// The bundled sample design, its photo found.
pub fn sample_design() -> Design {
    hairline_studio::io::open_design_file(&asset("sample-design.json")).unwrap().design
}

/// Runs the `hairline-studio` command line with `args`.
pub fn run_cli(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hairline-studio")).args(args).output().unwrap()
}

/// Runs the command line with `args`, as [`run_cli`] does, but for at most `limit`: a command
/// still running then is killed and the test fails, so that a command that would wait forever
/// (on a named pipe, say) fails the test instead of hanging it. Its address space is capped at
/// 4 GiB, so that one reading a device without end fails fast instead of taking the machine's
/// memory.
#[cfg(unix)]
pub fn run_cli_within(args: &[&str], limit: std::time::Duration) -> Output {
    use std::process::{Command, Stdio};
    let child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4194304 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_hairline-studio"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `exec` keeps the process id: it is the command line's own.
    let pid = child.id();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(child.wait_with_output()));
    if let Ok(output) = receiver.recv_timeout(limit) {
        return output.unwrap();
    }
    let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
    panic!("`hairline-studio {}` was still running after {} s", args.join(" "), limit.as_secs());
}

/// Makes a named pipe (FIFO) at `path`.
#[cfg(unix)]
pub fn make_fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

/// `jpeg` with an APP1 segment holding `payload` (an EXIF block) right after its start marker,
/// where cameras and phones write it.
pub fn with_app1(jpeg: &[u8], payload: &[u8]) -> Vec<u8> {
    let length = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
    let mut bytes = jpeg[..2].to_vec();
    bytes.extend([0xFF, 0xE1, length[0], length[1]]);
    bytes.extend(payload);
    bytes.extend(&jpeg[2..]);
    bytes
}

/// Says that a test (or part of one) did not run here, and why. On CI (the `CI` variable set),
/// which runs as root with every tool installed, nothing may be skipped: it fails instead, so a
/// check cannot pass there by not running.
pub fn skip(reason: &str) {
    assert!(std::env::var_os("CI").is_none(), "CI must not skip this: {reason}");
    eprintln!("skipped: {reason}");
}

/// The studio on the bundled sample design, with its photo loaded.
pub fn studio() -> Harness<'static, StudioApp> {
    studio_with(StartOptions::default())
}

/// The studio started with `options`, settled. Tests never open the system's file dialogs: a
/// pick asked with the default options is cancelled at once.
pub fn studio_with(options: StartOptions) -> Harness<'static, StudioApp> {
    let file_dialogs = match options.file_dialogs {
        FileDialogs::System => FileDialogs::Off,
        chosen => chosen,
    };
    let app = StudioApp::new(StartOptions { file_dialogs, ..options });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut StudioApp| app.studio_ui(ui), app);
    settle(&mut harness);
    harness
}

/// Runs frames and background jobs until the studio is idle.
pub fn settle(harness: &mut Harness<'static, StudioApp>) {
    for _ in 0..4 {
        harness.run_steps(2);
        let ctx = harness.ctx.clone();
        harness.state_mut().finish_background_work(&ctx);
    }
    harness.run_steps(2);
}

pub fn shows(harness: &Harness<'static, StudioApp>, text: &str) -> bool {
    harness
        .query_all_by(|node| {
            node.label().is_some_and(|l| l.contains(text)) || node.value().is_some_and(|v| v.contains(text))
        })
        .next()
        .is_some()
}

pub fn hairline(harness: &Harness<'static, StudioApp>) -> Vec<PhotoPoint> {
    let view = &harness.state().document().design().views[0];
    view.hairline_index().map(|i| view.curves[i].points.clone()).unwrap_or_default()
}

/// Clicks the canvas at a photo position.
pub fn click_photo(harness: &mut Harness<'static, StudioApp>, x: f64, y: f64) {
    let pos = harness.state().screen_position(PhotoPoint::new(x, y)).unwrap();
    harness.hover_at(pos);
    harness.run_steps(1);
    harness.drag_at(pos);
    harness.run_steps(1);
    harness.drop_at(pos);
    harness.run_steps(2);
}

/// Presses `key` with `modifiers` and lets the studio react.
pub fn press(harness: &mut Harness<'static, StudioApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

/// Replaces the text of the field labelled `label` with `text`: click it, select all, type.
pub fn replace_text(harness: &mut Harness<'static, StudioApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(2);
}

/// With the Zone tool, clicks `corners` (photo pixels) in turn; then presses `close` (Enter
/// closes the zone, V leaves the tool).
pub fn draw_zone(harness: &mut Harness<'static, StudioApp>, corners: &[(f64, f64)], close: Key) {
    select_tool(harness, Tool::Zone);
    for &(x, y) in corners {
        click_photo(harness, x, y);
    }
    harness.key_press(close);
    harness.run_steps(2);
}

pub fn select_tool(harness: &mut Harness<'static, StudioApp>, tool: Tool) {
    harness.state_mut().queue(Command::SelectTool(tool));
    harness.run_steps(2);
}
