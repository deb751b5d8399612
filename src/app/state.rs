//! The open design with what the artist is looking at in it (which view, what is selected), and
//! the status line.

use std::time::{Duration, Instant};

use crate::design::{Document, View, ViewId};
use crate::edit::Selection;
use crate::io::{DesignLock, FileIdentity};
use crate::report::DesignReport;

/// How long a message stays in the status bar.
pub const MESSAGE_LIFETIME: Duration = Duration::from_secs(12);

/// The design being edited, the view shown and the selection in it.
pub struct OpenDesign {
    pub document: Document,
    /// The title of a design that has no file yet.
    pub untitled_name: String,
    /// The view shown; when it is gone (an undone "Add view"), the first view is shown.
    view: ViewId,
    pub selection: Option<Selection>,
    /// The design's figures, and what they were made for: the design's revision and the healed model's
    /// generation (the clinic's calibration).
    pub report: Option<((u64, u64), DesignReport)>,
    /// The design is the bundled welcome sample.
    pub is_sample: bool,
    /// A view whose photo was replaced under its drawing: to be recalibrated and checked.
    pub to_recheck: Option<ViewId>,
    /// What the design's file was when last read or written here.
    pub on_disk: Option<FileIdentity>,
    /// This studio's lock on the design's file, released when the design is closed.
    pub lock: Option<DesignLock>,
    /// Someone else changed the file since it was read or written here.
    pub changed_on_disk: bool,
}

impl OpenDesign {
    pub fn new(document: Document, untitled_name: &str) -> Self {
        let view = document.design().views.first().map(|v| v.id).unwrap_or_default();
        Self {
            document,
            untitled_name: untitled_name.to_owned(),
            view,
            selection: None,
            report: None,
            is_sample: false,
            to_recheck: None,
            on_disk: None,
            lock: None,
            changed_on_disk: false,
        }
    }

    /// The welcome sample, not edited: nothing of it is worth keeping for a client's photo.
    pub fn is_untouched_sample(&self) -> bool {
        self.is_sample && !self.document.is_dirty()
    }

    /// Recomputes the design's figures if it changed since. Called between drags rather than
    /// during them: simulating every view on each frame of a drag would slow the drag, and the
    /// figures catch up when the button is let go.
    pub fn refresh_report(&mut self) {
        let made_for = (self.document.revision(), crate::colour::healed_model_generation());
        if self.report.as_ref().is_none_or(|(at, _)| *at != made_for) {
            self.report = Some((made_for, crate::report::report(self.document.design())));
        }
    }

    /// The id of the view shown; see [`Self::forget_missing`].
    pub fn view_id(&self) -> ViewId {
        self.view
    }

    pub fn view(&self) -> Option<&View> {
        self.document.design().view(self.view)
    }

    pub fn show_view(&mut self, view: ViewId) {
        if self.view != view {
            self.view = view;
            self.selection = None;
        }
    }

    /// After an undo or redo: the view shown falls back to the first one when it is gone, and a
    /// selection of something gone is dropped. Ids, not positions, so nothing points elsewhere.
    pub fn forget_missing(&mut self) {
        let design = self.document.design();
        if design.view(self.view).is_none() {
            self.view = design.views.first().map(|v| v.id).unwrap_or_default();
            self.selection = None;
        }
        if let Some(view) = self.view() {
            self.selection = self.selection.filter(|s| s.exists_in(view));
        }
    }
}

/// The status bar's message: what just happened or what to do next. Messages expire, so that
/// one about a deleted zone does not linger under the next design.
#[derive(Debug)]
pub struct Status {
    text: String,
    since: Instant,
}

impl Default for Status {
    fn default() -> Self {
        Self { text: String::new(), since: Instant::now() }
    }
}

impl Status {
    pub fn say(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.since = Instant::now();
    }

    /// The latest message, however old.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The message while it is fresh, and how long it has left.
    pub fn current(&self) -> Option<(&str, Duration)> {
        self.current_at(Instant::now())
    }

    fn current_at(&self, now: Instant) -> Option<(&str, Duration)> {
        let left = MESSAGE_LIFETIME.checked_sub(now.saturating_duration_since(self.since))?;
        (!self.text.is_empty()).then_some((self.text.as_str(), left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a deleted item's message stayed in the status bar under whatever came next.
    #[test]
    fn a_message_expires() {
        let mut status = Status::default();
        assert_eq!(status.current(), None, "nothing said yet");
        status.say("Deleted Zone 2.");
        assert_eq!(status.current().map(|(text, _)| text), Some("Deleted Zone 2."));
        let later = status.since + MESSAGE_LIFETIME + Duration::from_secs(1);
        assert_eq!(status.current_at(later), None);
        assert_eq!(status.text(), "Deleted Zone 2.", "still there for whoever asks what was said last");
    }
}
