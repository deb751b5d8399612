//! [`Document`]: the open design and the one path through which it changes.
//!
//! Every edit goes through [`Document::apply`] (a named [`Edit`]) or [`Document::set`] (one
//! field, labelled). The first edit opens a transaction holding a snapshot of the design and the
//! edit's label; [`Document::settle`] closes it once the user is no longer mid-interaction (no
//! button held, no text field focused), so a drag or a typed name is one undo step however many
//! frames it took, and the step is called what its first edit was ("move hairline point").
//! Because the transaction opens by itself, a new tool cannot forget undo or the unsaved mark; and
//! as the design is handed out only for reading, it cannot change any other way.

use std::collections::VecDeque;
use std::path::PathBuf;

use super::Design;
use crate::edit::{Edit, Outcome, Refused};

/// How many undo steps are kept; older ones are dropped.
pub const UNDO_DEPTH: usize = 500;

/// A design being edited, with its undo history and where it is saved.
#[derive(Debug)]
pub struct Document {
    design: Design,
    /// Where the design is saved; `None` until the first "Save as".
    pub path: Option<PathBuf>,
    /// Set for files from a newer version: they are shown but never overwritten.
    pub read_only_reason: Option<String>,
    /// The design as it was when the open transaction began, and what the transaction does.
    open_transaction: Option<(Design, String)>,
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    /// Identifies the committed state; the saved state's id tells whether there are unsaved edits.
    state_id: u64,
    /// Counts every possible change, committed or not, so caches know when to recompute.
    revision: u64,
    next_state_id: u64,
    saved_state_id: Option<u64>,
}

/// A state to go back (or forward) to, and what going there undoes (or redoes).
#[derive(Debug)]
struct Step {
    design: Design,
    state_id: u64,
    label: String,
}

impl Document {
    /// A document for a design just read from `path` (or a new one when `path` is `None`).
    /// It has no unsaved changes until it is edited.
    pub fn new(mut design: Design, path: Option<PathBuf>) -> Self {
        // Selections and undo steps name things by id: a design built in code gets them here.
        design.number_everything();
        Self {
            design,
            path,
            read_only_reason: None,
            open_transaction: None,
            undo: VecDeque::new(),
            redo: Vec::new(),
            state_id: 0,
            revision: next_revision(),
            next_state_id: 1,
            saved_state_id: Some(0),
        }
    }

    pub fn design(&self) -> &Design {
        &self.design
    }

    /// Mutable access for an edit called `label`. Opens a transaction if none is open.
    fn design_mut(&mut self, label: &str) -> &mut Design {
        if self.open_transaction.is_none() {
            self.open_transaction = Some((self.design.clone(), label.to_owned()));
        }
        self.revision = next_revision();
        &mut self.design
    }

    /// Applies `edit` in the open transaction (or a new one). A refused edit changes nothing:
    /// not the design, not the revision, and it opens no transaction.
    pub fn apply(&mut self, edit: Edit) -> Result<Outcome, Refused> {
        let label = edit.label(&self.design);
        let (revision, opened_here) = (self.revision, self.open_transaction.is_none());
        let result = edit.apply(self.design_mut(&label));
        if result.is_err() {
            self.revision = revision;
            if opened_here {
                self.open_transaction = None;
            }
        }
        result
    }

    /// Changes whenever the design may have changed (edits, undo, redo); for caches of what is
    /// derived from it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Sets the field `lens` points at to `value`, an edit called `label` ("zone density"); an
    /// edit only if the value differs, so widgets can call this every frame without cloning the
    /// design for undo. `lens` only finds the field (`|d| Some(&mut d.notes)`).
    pub fn set<T: PartialEq>(&mut self, label: &str, lens: impl Fn(&mut Design) -> Option<&mut T>, value: T) {
        if lens(&mut self.design).is_some_and(|current| *current != value)
            && let Some(slot) = lens(self.design_mut(label))
        {
            *slot = value;
        }
    }

    /// Closes the open transaction: one undo step if the design changed, nothing otherwise.
    /// Call when the user is not mid-interaction.
    pub fn settle(&mut self) {
        let Some((before, label)) = self.open_transaction.take() else {
            return;
        };
        if before == self.design {
            return;
        }
        if self.undo.len() == UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.undo.push_back(Step { design: before, state_id: self.state_id, label });
        self.redo.clear();
        self.state_id = self.next_state_id;
        self.next_state_id += 1;
    }

    /// Drops the open transaction's changes (Escape mid-drag).
    pub fn abort(&mut self) {
        if let Some((before, _)) = self.open_transaction.take() {
            self.design = before;
            self.revision = next_revision();
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || self.has_pending_change()
    }

    pub fn can_redo(&self) -> bool {
        // A pending change would be committed first, which clears the redo stack.
        !self.redo.is_empty() && !self.has_pending_change()
    }

    /// Goes back one step; returns what it undid.
    pub fn undo(&mut self) -> Option<String> {
        self.settle();
        let step = self.undo.pop_back()?;
        let redo = self.step_to(step);
        let label = redo.label.clone();
        self.redo.push(redo);
        Some(label)
    }

    /// Goes forward one undone step; returns what it redid.
    pub fn redo(&mut self) -> Option<String> {
        self.settle();
        let step = self.redo.pop()?;
        let undo = self.step_to(step);
        let label = undo.label.clone();
        self.undo.push_back(undo);
        Some(label)
    }

    /// Makes `step` the current state; returns the way back to where it was.
    fn step_to(&mut self, step: Step) -> Step {
        self.revision = next_revision();
        let current = std::mem::replace(&mut self.design, step.design);
        let back = Step { design: current, state_id: self.state_id, label: step.label };
        self.state_id = step.state_id;
        back
    }

    /// What [`Self::undo`] would undo: the open transaction's edit, or the last step's.
    pub fn undo_label(&self) -> Option<&str> {
        match &self.open_transaction {
            Some((before, label)) if *before != self.design => Some(label),
            _ => self.undo.back().map(|step| step.label.as_str()),
        }
    }

    /// What [`Self::redo`] would redo.
    pub fn redo_label(&self) -> Option<&str> {
        if self.has_pending_change() { None } else { self.redo.last().map(|step| step.label.as_str()) }
    }

    /// Number of steps that [`Self::undo`] can go back.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// True when the design was edited since it was opened, created or last saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_state_id != Some(self.state_id) || self.has_pending_change()
    }

    /// Closes any open transaction and returns an id for the current state, to hand to
    /// [`Self::mark_saved`] once that state has been written (saving runs in the background, and
    /// the artist may edit meanwhile).
    pub fn checkpoint(&mut self) -> u64 {
        self.settle();
        self.state_id
    }

    /// Marks the design as having unsaved changes (a recovered copy, say).
    pub fn mark_unsaved(&mut self) {
        self.saved_state_id = None;
    }

    /// Records that the state `state_id` (from [`Self::checkpoint`]) is what `path` now holds.
    pub fn mark_saved(&mut self, path: PathBuf, state_id: u64) {
        self.path = Some(path);
        self.saved_state_id = Some(state_id);
    }

    fn has_pending_change(&self) -> bool {
        self.open_transaction.as_ref().is_some_and(|(before, _)| *before != self.design)
    }
}

/// A revision no document of this process has had: caches keyed by revision never mistake a
/// newly opened design for the one it replaced.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Landmark, PhotoPoint};
    use crate::edit::Refused;

    fn glabella(document: &Document, x: f64) -> Edit {
        let view = document.design().views[0].id;
        Edit::PlaceLandmark { view, landmark: Landmark::Glabella, at: PhotoPoint::new(x, 10.0) }
    }

    #[test]
    fn edits_until_settled_are_one_step_named_by_the_first() {
        let mut document = Document::new(Design::new(1), None);
        let opened = document.design().clone();
        for x in [1.0, 2.0, 3.0] {
            document.apply(glabella(&document, x)).unwrap();
        }
        document.set("edit the notes", |d| Some(&mut d.notes), "n".to_owned());
        assert_eq!(document.undo_label(), Some("place Glabella (between the brows)"));
        document.settle();
        assert_eq!(document.undo_depth(), 1);
        assert!(document.is_dirty());
        assert_eq!(document.undo().as_deref(), Some("place Glabella (between the brows)"));
        assert_eq!(document.design(), &opened);
        assert!(!document.is_dirty(), "back where it was opened");
        assert_eq!(document.redo_label(), Some("place Glabella (between the brows)"));
        document.redo();
        assert_eq!(document.design().notes, "n");
    }

    #[test]
    fn a_refused_edit_or_an_unchanged_field_leaves_no_undo_step() {
        let mut document = Document::new(Design::new(1), None);
        let gone = Edit::RemoveSkinSample { view: document.design().views[0].id, index: 3 };
        let revision = document.revision();
        assert_eq!(document.apply(gone), Err(Refused::Gone));
        assert_eq!(document.revision(), revision, "nothing to redraw");
        assert_eq!(document.undo_label(), None, "no transaction named after it");
        let notes = document.design().notes.clone();
        document.set("edit the notes", |d| Some(&mut d.notes), notes);
        document.settle();
        assert_eq!(document.undo_depth(), 0);
        assert!(!document.is_dirty());
    }

    #[test]
    fn abort_drops_the_open_transaction() {
        let mut document = Document::new(Design::new(1), None);
        let before = document.design().clone();
        document.apply(glabella(&document, 5.0)).unwrap();
        document.abort();
        assert_eq!(document.design(), &before);
        document.settle();
        assert_eq!(document.undo_depth(), 0);
    }
}
