//! [`Document`]: the open design and the one path through which it changes.
//!
//! Every edit goes through [`Document::design_mut`]. The first mutable access opens a
//! transaction holding a snapshot of the design; [`Document::settle`] closes it once the user is no
//! longer mid-interaction (no button held, no text field focused), so a drag or a typed name is one
//! undo step however many frames it took. Because the transaction opens by itself, a new tool
//! cannot forget undo or the unsaved mark.

use std::collections::VecDeque;
use std::path::PathBuf;

use super::Design;

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
    /// The design as it was when the open transaction began.
    open_transaction: Option<Design>,
    undo: VecDeque<(Design, u64)>,
    redo: Vec<(Design, u64)>,
    /// Identifies the committed state; the saved state's id tells whether there are unsaved edits.
    state_id: u64,
    /// Counts every possible change, committed or not, so caches know when to recompute.
    revision: u64,
    next_state_id: u64,
    saved_state_id: Option<u64>,
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

    /// Mutable access for an edit. Opens a transaction if none is open.
    pub fn design_mut(&mut self) -> &mut Design {
        if self.open_transaction.is_none() {
            self.open_transaction = Some(self.design.clone());
        }
        self.revision = next_revision();
        &mut self.design
    }

    /// Changes whenever the design may have changed (edits, undo, redo); for caches of what is
    /// derived from it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Reads the field `lens` points at without opening a transaction. `lens` must only project
    /// (`|d| d.views.get_mut(0).map(|v| &mut v.kind)`), never modify.
    pub fn get<T: Clone>(&mut self, lens: impl Fn(&mut Design) -> Option<&mut T>) -> Option<T> {
        lens(&mut self.design).map(|value| value.clone())
    }

    /// Sets the field `lens` points at to `value`; an edit only if the value differs, so widgets
    /// can call this every frame without cloning the design for undo.
    pub fn set<T: PartialEq>(&mut self, lens: impl Fn(&mut Design) -> Option<&mut T>, value: T) {
        if lens(&mut self.design).is_some_and(|current| *current != value)
            && let Some(slot) = lens(self.design_mut())
        {
            *slot = value;
        }
    }

    /// Closes the open transaction: one undo step if the design changed, nothing otherwise.
    /// Call when the user is not mid-interaction.
    pub fn settle(&mut self) {
        let Some(before) = self.open_transaction.take() else {
            return;
        };
        if before == self.design {
            return;
        }
        if self.undo.len() == UNDO_DEPTH {
            self.undo.pop_front();
        }
        self.undo.push_back((before, self.state_id));
        self.redo.clear();
        self.state_id = self.next_state_id;
        self.next_state_id += 1;
    }

    /// Drops the open transaction's changes (Escape mid-drag).
    pub fn abort(&mut self) {
        if let Some(before) = self.open_transaction.take() {
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

    pub fn undo(&mut self) {
        self.settle();
        if let Some((design, id)) = self.undo.pop_back() {
            self.revision = next_revision();
            let current = std::mem::replace(&mut self.design, design);
            self.redo.push((current, self.state_id));
            self.state_id = id;
        }
    }

    pub fn redo(&mut self) {
        self.settle();
        if let Some((design, id)) = self.redo.pop() {
            self.revision = next_revision();
            let current = std::mem::replace(&mut self.design, design);
            self.undo.push_back((current, self.state_id));
            self.state_id = id;
        }
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
        self.open_transaction.as_ref().is_some_and(|before| *before != self.design)
    }
}

/// A revision no document of this process has had: caches keyed by revision never mistake a
/// newly opened design for the one it replaced.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}
