//! The canvas tools: one file per tool, each a small state machine behind [`CanvasTool`].
//!
//! A tool reads the frame's pointer and keys as a [`CanvasInput`] in photo pixels (never egui's
//! types, so a test can drive it directly), changes the design only by applying
//! [`crate::edit::Edit`]s through its [`ToolContext`], paints its own rubber bands and markers,
//! says what to do next, and gets an exit step when another tool is chosen, so that nothing is
//! left half done. Adding a tool is one new file and one line in [`tools!`] below.

mod align;
mod calibrate;
mod drag;
mod hair;
mod hairline;
mod landmarks;
mod neutral;
mod pan;
mod profile;
mod ruler;
mod select;
mod skin;
mod zone;

pub use align::AlignTool;
pub use landmarks::LandmarksTool;

use crate::design::{Document, Landmark, PhotoPoint, View, ViewId, ZoneId};
use crate::edit::{Edit, Handle, Outcome, Selection};

use super::command::Command;
use super::photos::LoadedPhoto;
use super::state::Status;

/// Grab radius around a point, in screen points.
pub const GRAB_RADIUS_POINTS: f32 = 9.0;
/// Hairline points closer than this to the midline snap onto it, in screen points.
pub const SNAP_RADIUS_POINTS: f32 = 10.0;
/// How far beyond a curve's first or last point a click still extends it, in screen points. At
/// the fitted zoom of a head-and-shoulders photo a hairline spans 300 to 400 points and its
/// points lie 40 to 100 apart, so this leaves room for a sparse line while a click on the
/// client's chin or suit (400 points and more away) adds nothing; the status bar then says how
/// to add a point.
pub const REACH_POINTS: f32 = 200.0;

/// What happened on the canvas this frame, in photo pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[expect(clippy::struct_excessive_bools, reason = "one flag per pointer event of the frame, as egui reports them")]
pub struct CanvasInput {
    /// Where the pointer is, if over the canvas.
    pub cursor: Option<PhotoPoint>,
    /// Where the primary button went down for the current press or drag.
    pub press_origin: Option<PhotoPoint>,
    pub clicked: bool,
    pub double_clicked: bool,
    pub drag_started: bool,
    /// The primary button is held and the pointer moved.
    pub dragging: bool,
    pub drag_stopped: bool,
    pub enter: bool,
    pub escape: bool,
    /// [`GRAB_RADIUS_POINTS`], [`SNAP_RADIUS_POINTS`] and [`REACH_POINTS`] at this zoom, in photo pixels.
    pub grab_px: f64,
    pub snap_px: f64,
    pub reach_px: f64,
}

impl CanvasInput {
    /// Where a plain click landed, if this frame's input was one.
    pub fn click(&self) -> Option<PhotoPoint> {
        self.cursor.filter(|_| self.clicked)
    }
}

/// What a tool may use and change while it handles input.
pub struct ToolContext<'a> {
    pub document: &'a mut Document,
    pub view: ViewId,
    pub selection: &'a mut Option<Selection>,
    /// The handle under the pointer (or being dragged).
    pub hover: Option<Handle>,
    /// Mirror every edit about the midline.
    pub mirror: bool,
    /// The view's photo, once loaded.
    pub photo: Option<&'a LoadedPhoto>,
    /// The skin eyedropper's patch radius, in mm.
    pub skin_radius_mm: f64,
    pub status: &'a mut Status,
    pub commands: &'a mut Vec<Command>,
    /// Set by a tool that is done (alignment): the studio returns to the tool chosen before.
    pub finished: bool,
}

impl ToolContext<'_> {
    pub fn view(&self) -> Option<&View> {
        self.document.design().view(self.view)
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status.say(text);
    }

    /// Applies `edit`, selects what it asks to and says what it has to say; a refusal is said in
    /// the status bar. Returns the outcome when it was applied.
    pub fn apply(&mut self, edit: Edit) -> Option<Outcome> {
        match self.document.apply(edit) {
            Ok(outcome) => {
                if outcome.deselect {
                    *self.selection = None;
                }
                if let Some(selection) = outcome.select {
                    *self.selection = Some(selection);
                }
                if let Some(message) = &outcome.message {
                    self.status.say(message.clone());
                }
                Some(outcome)
            }
            Err(refused) => {
                self.status.say(refused.to_string());
                None
            }
        }
    }

    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }
}

/// How a tool paints on the canvas.
pub struct ToolPaint<'a> {
    pub painter: &'a egui::Painter,
    pub to_screen: &'a dyn Fn(PhotoPoint) -> egui::Pos2,
    pub view: &'a View,
    /// The head the view is mapped onto, for lengths along the skin.
    pub head: &'a crate::design::HeadFit,
    pub cursor: Option<PhotoPoint>,
}

/// One canvas tool.
pub trait CanvasTool {
    /// Handles this frame's clicks, drags and keys on the canvas.
    fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>);

    /// Leaves the tool for another: finishes or drops what is half done.
    fn exit(&mut self, _cx: &mut ToolContext<'_>) {}

    /// What to do next, for the status bar when the tool is chosen.
    fn prompt(&self, view: Option<&View>) -> String;

    /// Paints the tool's own marks (rubber bands, measurements, markers) over the drawing.
    fn paint(&self, _paint: &ToolPaint<'_>) {}

    /// Windows the tool owns, such as the question for the calibration's length.
    fn window_ui(&mut self, _ctx: &egui::Context, _cx: &mut ToolContext<'_>) {}

    fn cursor(&self, over_handle: bool) -> egui::CursorIcon {
        if over_handle { egui::CursorIcon::PointingHand } else { egui::CursorIcon::Crosshair }
    }

    /// Whether a press on a drawn point, landmark or calibration end drags it (the toolbox does
    /// the dragging, the same for every tool); the tool then sees only the rest of the input.
    fn drags_handles(&self) -> bool {
        true
    }

    /// The zone being drawn corner by corner, painted open.
    fn open_zone(&self) -> Option<ZoneId> {
        None
    }

    /// Whether the tool is in the middle of one edit that takes several clicks (a zone drawn
    /// corner by corner): until it is done, the clicks are one undo step.
    fn in_progress(&self) -> bool {
        false
    }

    /// Takes back the last click of an edit in progress; false when there is none.
    fn undo(&mut self, _cx: &mut ToolContext<'_>) -> bool {
        false
    }

    /// The landmark the next click places in `view`, highlighted in the inspector.
    fn next_landmark(&self, _view: Option<&View>) -> Option<Landmark> {
        None
    }

    /// A follow-up photo the canvas shows instead of the view's own while the tool works on it.
    fn shown_follow_up(&self) -> Option<crate::design::FollowUpId> {
        None
    }

    /// A follow-up photo the tool is working on (its photo must be loaded).
    fn follow_up(&self) -> Option<crate::design::FollowUpId> {
        None
    }
}

/// What a tool is, for its button, menu item, shortcut and tooltip.
pub struct ToolInfo {
    pub label: &'static str,
    pub icon: &'static str,
    pub key: egui::Key,
    pub tooltip: &'static str,
}

impl ToolInfo {
    pub const fn new(label: &'static str, icon: &'static str, key: egui::Key, tooltip: &'static str) -> Self {
        Self { label, icon, key, tooltip }
    }
}

/// The registry: each line names a tool, its type (`Default`, in a module with its `TOOLTIP`),
/// its label, strip icon and shortcut key.
macro_rules! tools {
    ($($variant:ident => $module:ident::$tool:ident($label:literal, $icon:literal, $key:ident)),+ $(,)?) => {
        /// The tools on the strip, in its order.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub enum Tool {
            #[default]
            $($variant),+
        }

        impl Tool {
            pub const ALL: &[Self] = &[$(Self::$variant),+];

            pub fn info(self) -> ToolInfo {
                match self {
                    $(Self::$variant => ToolInfo::new($label, $icon, egui::Key::$key, $module::TOOLTIP)),+
                }
            }

            /// A fresh instance, in its starting state.
            pub fn start(self) -> Box<dyn CanvasTool> {
                match self {
                    $(Self::$variant => Box::new($module::$tool::default())),+
                }
            }
        }
    };
}

tools! {
    Select => select::SelectTool("Select", "⬉", V),
    Pan => pan::PanTool("Pan", "✋", H),
    Hairline => hairline::HairlineTool("Hairline", "〰", L),
    Zone => zone::ZoneTool("Zone", "⬟", Z),
    Calibrate => calibrate::CalibrateTool("Calibrate", "📐", C),
    Landmarks => landmarks::LandmarksTool("Landmarks", "📍", K),
    Ruler => ruler::RulerTool("Ruler", "📏", R),
    Skin => skin::SkinTool("Skin eyedropper", "💧", I),
    Neutral => neutral::NeutralTool("Neutral eyedropper", "⬜", N),
    Hair => hair::HairTool("Hair eyedropper", "✂", J),
    Profile => profile::ProfileTool("Profile", "👤", F),
}

impl Tool {
    pub fn label(self) -> &'static str {
        self.info().label
    }
}

/// The tool in use: one of the strip's, or for a while a task such as aligning a follow-up
/// photo, after which the strip's tool comes back.
pub struct ToolBox {
    /// The strip's tool.
    pub chosen: Tool,
    active: Box<dyn CanvasTool>,
    /// Whether `active` is a task rather than `chosen`.
    on_task: bool,
    /// A drag of a handle, for the tools that allow one.
    drag: drag::HandleDrag,
    /// Mirror every edit about the midline.
    pub mirror: bool,
}

impl Default for ToolBox {
    fn default() -> Self {
        Self {
            chosen: Tool::default(),
            active: Tool::default().start(),
            on_task: false,
            drag: drag::HandleDrag::default(),
            mirror: false,
        }
    }
}

impl ToolBox {
    pub fn active(&self) -> &dyn CanvasTool {
        self.active.as_ref()
    }

    pub fn active_mut(&mut self) -> &mut dyn CanvasTool {
        self.active.as_mut()
    }

    /// This frame's input: to a drag of a handle if one starts or goes on, else to the tool.
    pub fn input(&mut self, input: &CanvasInput, cx: &mut ToolContext<'_>) {
        if self.active.drags_handles() && self.drag.input(input, cx) {
            return;
        }
        self.active.input(input, cx);
    }

    /// The handle being dragged, which stays highlighted.
    pub fn dragging(&self) -> Option<Handle> {
        self.drag.handle()
    }

    /// Whether a task (alignment) has the canvas.
    pub fn on_task(&self) -> bool {
        self.on_task
    }

    /// Leaves the active tool (its exit step) and takes `tool`, saying what to do with it.
    pub fn choose(&mut self, tool: Tool, cx: &mut ToolContext<'_>) {
        self.choose_prepared(tool, tool.start(), cx);
    }

    /// Takes `tool` already set up (the Landmarks tool at a given landmark).
    pub fn choose_prepared(&mut self, tool: Tool, prepared: Box<dyn CanvasTool>, cx: &mut ToolContext<'_>) {
        let exit_said = self.switch(prepared, cx);
        self.chosen = tool;
        self.on_task = false;
        if !exit_said {
            let prompt = self.active.prompt(cx.view());
            cx.say(prompt);
        }
    }

    /// Hands the canvas to `task` until it finishes or is cancelled.
    pub fn start_task(&mut self, task: Box<dyn CanvasTool>, cx: &mut ToolContext<'_>) {
        self.switch(task, cx);
        self.on_task = true;
        let prompt = self.active.prompt(cx.view());
        cx.say(prompt);
    }

    /// Finishes or drops what the tool has half done, as another view is shown: a task ends, a
    /// tool starts afresh.
    pub fn leave(&mut self, cx: &mut ToolContext<'_>) {
        if self.on_task {
            self.end_task(cx);
        } else {
            self.switch(self.chosen.start(), cx);
        }
    }

    /// Undo goes to a tool in the middle of a several-click edit (a zone's last corner); returns
    /// whether the tool took it.
    pub fn undo_in_tool(&mut self, cx: &mut ToolContext<'_>) -> bool {
        self.active.in_progress() && self.active.undo(cx)
    }

    /// Ends a finished task, back to the chosen tool; what the task said last stays said.
    pub fn end_task(&mut self, cx: &mut ToolContext<'_>) {
        if self.on_task {
            self.switch(self.chosen.start(), cx);
            self.on_task = false;
        }
    }

    /// Replaces the active tool with `tool` without an exit step: another design was opened, so
    /// what was half done belongs to a design that is gone.
    pub fn reset(&mut self, tool: Tool) {
        self.active = tool.start();
        self.chosen = tool;
        self.on_task = false;
        self.drag = drag::HandleDrag::default();
    }

    /// Runs the active tool's exit step and makes `next` active; returns whether the exit step
    /// had something to say (which the new tool's prompt must not hide).
    fn switch(&mut self, next: Box<dyn CanvasTool>, cx: &mut ToolContext<'_>) -> bool {
        let said_before = cx.status.text().to_owned();
        self.active.exit(cx);
        let exit_said = cx.status.text() != said_before;
        self.active = next;
        self.drag = drag::HandleDrag::default();
        exit_said
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Drives tools without a window: a document on a simple view and canned input.

    use super::*;
    use crate::design::{Design, PhotoRef};

    /// A document with one front view on a 1000 px photo, and what a tool needs besides.
    pub struct Bench {
        pub document: Document,
        pub selection: Option<Selection>,
        pub status: Status,
        pub commands: Vec<Command>,
    }

    impl Bench {
        pub fn new() -> Self {
            let mut design = Design::new(1);
            design.views[0].photo =
                Some(PhotoRef { path: "p.jpg".into(), sha256: String::new(), width_px: 1000, height_px: 1000 });
            let document = Document::new(design, None);
            Self { document, selection: None, status: Status::default(), commands: Vec::new() }
        }

        pub fn cx(&mut self) -> ToolContext<'_> {
            let view = self.document.design().views[0].id;
            ToolContext {
                document: &mut self.document,
                view,
                selection: &mut self.selection,
                hover: None,
                mirror: false,
                photo: None,
                skin_radius_mm: 4.0,
                status: &mut self.status,
                commands: &mut self.commands,
                finished: false,
            }
        }

        pub fn view(&self) -> &View {
            &self.document.design().views[0]
        }

        /// Hands `tool` each of `inputs`, a frame each.
        pub fn send(&mut self, tool: &mut dyn CanvasTool, inputs: &[CanvasInput]) {
            for input in inputs {
                tool.input(input, &mut self.cx());
            }
        }

        /// Clicks at each of `points` (photo pixels) in turn.
        pub fn click(&mut self, tool: &mut dyn CanvasTool, points: &[(f64, f64)]) {
            let clicks: Vec<CanvasInput> = points.iter().map(|&(x, y)| click(PhotoPoint::new(x, y))).collect();
            self.send(tool, &clicks);
        }
    }

    fn base(at: PhotoPoint) -> CanvasInput {
        CanvasInput { cursor: Some(at), grab_px: 9.0, snap_px: 10.0, reach_px: 200.0, ..CanvasInput::default() }
    }

    pub fn click(at: PhotoPoint) -> CanvasInput {
        CanvasInput { clicked: true, press_origin: Some(at), ..base(at) }
    }

    pub fn key_enter(at: PhotoPoint) -> CanvasInput {
        CanvasInput { enter: true, ..base(at) }
    }

    pub fn key_escape(at: PhotoPoint) -> CanvasInput {
        CanvasInput { escape: true, ..base(at) }
    }

    /// The frames of a drag from `from` to `to`: start, move, stop.
    pub fn drag(from: PhotoPoint, to: PhotoPoint) -> [CanvasInput; 3] {
        [
            CanvasInput { drag_started: true, dragging: true, press_origin: Some(from), ..base(from) },
            CanvasInput { dragging: true, press_origin: Some(from), ..base(to) },
            CanvasInput { drag_stopped: true, press_origin: Some(from), ..base(to) },
        ]
    }
}
