//! Stable identities for the things a design lists: views, curves, zones and follow-up photos.
//!
//! A selection, an undo step or a link from one view to another names a thing by its id, never
//! by its position in a list: deleting the first zone must not make a selection of the second
//! point at what used to be the third. Ids are unique within their list (a zone's within its
//! view), 0 means "not numbered yet", and [`super::Design::number_everything`] numbers whatever a
//! file from before ids, or a hand-written one, left unnumbered or numbered twice.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// Whether the id still has to be given (0).
            pub fn is_unset(self) -> bool {
                self.0 == 0
            }
        }
    };
}

id_type!(
    /// A view of the design, unique within the design.
    ViewId
);
id_type!(
    /// A curve of a view, unique within its view.
    CurveId
);
id_type!(
    /// A zone of a view, unique within its view.
    ZoneId
);
id_type!(
    /// A follow-up photo of a view, unique within its view.
    FollowUpId
);

/// Gives every item an id of its own: those unset (0) or repeating an earlier item's get a free
/// number. Items already numbered uniquely keep their ids, so links to them stay valid.
pub(super) fn number<T>(items: &mut [T], id: impl Fn(&mut T) -> &mut u32) {
    let mut seen = std::collections::HashSet::new();
    let mut unnumbered = Vec::new();
    for (index, item) in items.iter_mut().enumerate() {
        let slot = *id(item);
        if slot == 0 || !seen.insert(slot) {
            unnumbered.push(index);
        }
    }
    for index in unnumbered {
        let fresh = next_free(seen.iter().copied());
        seen.insert(fresh);
        *id(&mut items[index]) = fresh;
    }
}

/// The number after the largest id in use (what a new item gets), or the smallest free one once
/// a file has used up the numbers above.
pub(super) fn next_free(ids: impl IntoIterator<Item = u32>) -> u32 {
    let ids: std::collections::HashSet<u32> = ids.into_iter().collect();
    match ids.iter().max().copied().unwrap_or(0).checked_add(1) {
        Some(next) => next,
        None => (1..=u32::MAX).find(|candidate| !ids.contains(candidate)).unwrap_or(u32::MAX),
    }
}

/// Adds `item` to the end of `items` under the next free id, written through `id`; returns it.
pub(super) fn push_numbered<T>(items: &mut Vec<T>, mut item: T, id: impl Fn(&mut T) -> &mut u32) -> u32 {
    let fresh = next_free(items.iter_mut().map(|item| *id(item)));
    *id(&mut item) = fresh;
    items.push(item);
    fresh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_and_repeated_ids_get_fresh_numbers_and_unique_ones_are_kept() {
        let mut ids = vec![0, 7, 3, 7, 0, 3];
        number(&mut ids, |id| id);
        assert_eq!(ids, vec![8, 7, 3, 9, 10, 11]);
        let mut crowded = vec![u32::MAX, u32::MAX, 0];
        number(&mut crowded, |id| id);
        assert_eq!(crowded, vec![u32::MAX, 1, 2], "never wraps or overflows");
        let mut unique = vec![5, 2, 9];
        number(&mut unique, |id| id);
        assert_eq!(unique, vec![5, 2, 9], "already unique: untouched");
    }

    #[test]
    fn the_next_free_id_follows_the_largest() {
        assert_eq!(next_free([4, 1, 9]), 10);
        assert_eq!(next_free([]), 1);
        assert_eq!(next_free([u32::MAX, 1]), 2, "past the last number, the smallest free one");
    }
}
