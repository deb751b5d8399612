//! Everything a person can ask the studio to do from a menu, a shortcut or a button.
//!
//! One enum behind the menus, the keyboard shortcuts and the help window, so that the three
//! cannot disagree. UI code only queues commands; [`super::StudioApp::run_command`] applies them
//! after the frame's UI pass.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::design::{FollowUpId, Landmark, ViewId, ViewKind, ZoneId};
use crate::edit::Edit;

use super::tools::Tool;

/// A side effect requested by the UI.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    NewDesign,
    /// Open a design: from this path, or ask with a file dialog when `None`.
    OpenDesign(Option<PathBuf>),
    /// Open a photo: from this path, or ask when `None`. Into the current view when it has no
    /// photo; a new design when the welcome sample is open untouched; else the artist is asked.
    OpenPhoto(Option<PathBuf>),
    /// A new design on the photo at this path.
    NewDesignFromPhoto(PathBuf),
    /// This photo instead of the view's, keeping the drawing (to be recalibrated and checked).
    ReplacePhoto(PathBuf),
    /// Point the view at the photo's new location, keeping the drawing.
    LocatePhoto(Option<PathBuf>),
    /// Accept the file at the reference's path as the view's photo even though its content changed.
    AcceptChangedPhoto,
    /// Open the recovered design with this index in the recovery dialog.
    RestoreRecovered(usize),
    /// Delete the recovered design with this index.
    DiscardRecovered(usize),
    Save,
    /// Save under a new name: this path, or ask when `None`.
    SaveAs(Option<PathBuf>),
    /// Save over the design's file though someone else changed it since.
    OverwriteOnDisk,
    /// Drop the changes here and read the design's file as it is now.
    ReloadFromDisk,
    /// Edit a design another artist's studio has open (take its lock).
    OpenAnyway,
    Undo,
    Redo,
    DeleteSelection,
    /// An edit of the design from a panel's button.
    Apply(Edit),
    /// Add a view photographed from this angle, show it and ask for its photo.
    AddView(ViewKind),
    ShowView(ViewId),
    ZoomIn,
    ZoomOut,
    ZoomToFit,
    ZoomTo100,
    SelectTool(Tool),
    /// Switch to the Landmarks tool with this landmark next.
    PlaceLandmark(Landmark),
    ToggleMirror,
    ToggleGuides,
    TogglePreview,
    /// Enter or leave presentation mode (full screen, tools hidden).
    TogglePresentation,
    /// Add a later photo of the current view: from this path, or ask when `None`.
    AddFollowUp(Option<PathBuf>),
    /// Mark two features on the view's photo and on this follow-up photo.
    AlignFollowUp(FollowUpId),
    CancelAlignment,
    /// Compare the view's photo with this follow-up photo under the divider; `None` stops.
    CompareFollowUp(Option<FollowUpId>),
    RemoveFollowUp(FollowUpId),
    /// Measure a zone's healed result on an aligned follow-up photo of the view shown, and add
    /// it to the clinic's calibration.
    MeasureHealed {
        follow_up: FollowUpId,
        zone: ZoneId,
    },
    /// Forget the clinic's healed measurements: the model's defaults again.
    ResetHealedCalibration,
    /// Open the design-sheet export window.
    ExportSheet,
    /// Show the library of saved designs.
    ShowLibrary,
    /// Start a follow-up visit from the design at this path: a copy, not yet saved.
    FollowUp(PathBuf),
    ToggleHelp,
    Quit,
}

/// The commands that have a keyboard shortcut, every Ctrl+Shift one before any Ctrl one: egui
/// matches shortcuts logically, so Ctrl+O also fires on Ctrl+Shift+O and must come later.
pub fn shortcuts() -> Vec<(KeyboardShortcut, Command)> {
    let cmd = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
    let cmd_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
    let plain = |key| KeyboardShortcut::new(Modifiers::NONE, key);
    let mut table = vec![
        (cmd_shift(Key::S), Command::SaveAs(None)),
        (cmd_shift(Key::Z), Command::Redo),
        (cmd_shift(Key::O), Command::OpenPhoto(None)),
        (cmd(Key::S), Command::Save),
        (cmd(Key::Z), Command::Undo),
        (cmd(Key::Y), Command::Redo),
        (cmd(Key::N), Command::NewDesign),
        (cmd(Key::O), Command::OpenDesign(None)),
        (cmd(Key::E), Command::ExportSheet),
        (cmd(Key::L), Command::ShowLibrary),
        (cmd(Key::Q), Command::Quit),
        (plain(Key::Delete), Command::DeleteSelection),
        (plain(Key::Backspace), Command::DeleteSelection),
        (plain(Key::Plus), Command::ZoomIn),
        (plain(Key::Equals), Command::ZoomIn),
        (plain(Key::Minus), Command::ZoomOut),
        (plain(Key::Num0), Command::ZoomToFit),
        (plain(Key::Num1), Command::ZoomTo100),
        (plain(Key::M), Command::ToggleMirror),
        (plain(Key::G), Command::ToggleGuides),
        (plain(Key::P), Command::TogglePreview),
        (plain(Key::F1), Command::ToggleHelp),
        (plain(Key::F5), Command::TogglePresentation),
    ];
    table.extend(Tool::ALL.iter().map(|&tool| (plain(tool.info().key), Command::SelectTool(tool))));
    table
}

/// The shortcut of `command` as text for menus and the help window, if it has one.
pub fn shortcut_text(ctx: &egui::Context, command: &Command) -> Option<String> {
    shortcuts().into_iter().find(|(_, c)| c == command).map(|(shortcut, _)| ctx.format_shortcut(&shortcut))
}

/// What the help window lists, beyond the shortcuts: mouse gestures on the canvas.
pub const MOUSE_HELP: [(&str, &str); 8] = [
    ("Wheel", "Zoom about the cursor"),
    ("Middle-drag, or Space + drag", "Pan"),
    ("Hairline tool: click", "Add a point: on the curve to insert, near an end to extend"),
    ("Zone tool: click, then Enter or double-click", "Add vertices, then close the zone"),
    ("Drag a point (any tool but Pan)", "Move it; one undo step per drag"),
    ("Escape", "Finish the zone being drawn, or cancel a drag"),
    ("Near the midline", "Hairline points snap onto it"),
    ("Calibrate / Ruler tool: click, click", "Set the scale from a known length / measure a distance"),
];

/// A short description of `command` for menus and the help window.
pub fn describe(command: &Command) -> String {
    match command {
        Command::NewDesign => "New design".into(),
        Command::OpenDesign(_) => "Open design…".into(),
        Command::OpenPhoto(_) => "Open photo…".into(),
        Command::NewDesignFromPhoto(_) => "New design for this photo".into(),
        Command::ReplacePhoto(_) => "Replace this view's photo".into(),
        Command::LocatePhoto(_) => "Locate photo…".into(),
        Command::AcceptChangedPhoto => "Use the changed photo".into(),
        Command::RestoreRecovered(_) => "Restore".into(),
        Command::DiscardRecovered(_) => "Discard".into(),
        Command::Save => "Save".into(),
        Command::SaveAs(_) => "Save as…".into(),
        Command::OverwriteOnDisk => "Overwrite theirs".into(),
        Command::ReloadFromDisk => "Reload theirs".into(),
        Command::OpenAnyway => "Open anyway".into(),
        Command::Undo => "Undo".into(),
        Command::Redo => "Redo".into(),
        Command::DeleteSelection => "Delete the selected point or shape".into(),
        Command::Apply(_) => "Edit".into(),
        Command::AddView(kind) => format!("Add a {} view", kind.label().to_lowercase()),
        Command::ShowView(_) => "Show the view".into(),
        Command::ZoomIn => "Zoom in".into(),
        Command::ZoomOut => "Zoom out".into(),
        Command::ZoomToFit => "Fit the photo in the window".into(),
        Command::ZoomTo100 => "Zoom to 100 % (one photo pixel per screen pixel)".into(),
        Command::SelectTool(tool) => format!("{} tool", tool.label()),
        Command::PlaceLandmark(landmark) => format!("Place {}", landmark.label()),
        Command::ToggleMirror => "Mirror mode on or off".into(),
        Command::ToggleGuides => "Show or hide the anatomical guides".into(),
        Command::TogglePreview => "Show or hide the simulated dots".into(),
        Command::TogglePresentation => "Present to the client: full screen, tools hidden".into(),
        Command::ExportSheet => "Export design sheet (PDF, PNG)…".into(),
        Command::AddFollowUp(_) => "Add a follow-up photo of this view…".into(),
        Command::AlignFollowUp(_) => "Align the follow-up photo".into(),
        Command::CancelAlignment => "Cancel the alignment".into(),
        Command::CompareFollowUp(_) => "Compare with the follow-up photo".into(),
        Command::RemoveFollowUp(_) => "Remove the follow-up photo".into(),
        Command::MeasureHealed { .. } => "Measure the healed result".into(),
        Command::ResetHealedCalibration => "Reset the healed look to the model's defaults".into(),
        Command::ShowLibrary => "Library…".into(),
        Command::FollowUp(_) => "Follow-up session".into(),
        Command::ToggleHelp => "Show or hide this help".into(),
        Command::Quit => "Quit".into(),
    }
}
