//! The photos a sheet shows, opened before it is laid out (the slow part, on a worker thread in
//! the app): each view's photo, and its latest aligned follow-up photo.

use std::path::Path;

use crate::design::{Design, PhotoRef, ViewKind};
use crate::io::{DecodedPhoto, PhotoError, decode_photo};

/// Photos are opened no larger than this on their long side: twice what a sheet prints.
pub const SHEET_PHOTO_SIDE: u32 = 2400;

/// Why a view's photo is not on the sheet.
#[derive(Debug, thiserror::Error)]
pub enum SheetPhotoError {
    #[error("The {} view has no photo; add one in the studio to put it on the sheet.", .view.label())]
    NoPhoto { view: ViewKind },
    /// The photo's own error names its file and says what to do.
    #[error(transparent)]
    Photo(#[from] PhotoError),
    /// The file at the photo's path is another picture than the one the design was drawn on:
    /// the drawing would land on the wrong face.
    #[error(
        "{} has changed since the design was drawn on it, so it is left off the sheet; relink the photo in the studio (Locate photo).",
        .path.display()
    )]
    Changed { path: std::path::PathBuf },
}

/// What to do with a photo whose file no longer matches the checksum the design keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangedPhotos {
    /// Leave it off the sheet ([`SheetPhotoError::Changed`]): the studio's only choice.
    LeaveOff,
    /// Use it anyway, and say so on the sheet (the command line's `--allow-changed-photo`).
    UseAndSay,
}

/// The photos a sheet shows, opened ([`SheetPhotos::open`]), at any resolution: the sheet
/// scales them.
#[derive(Debug, Default)]
pub struct SheetPhotos {
    /// Each view's photo, in the order of `design.views`; `Err` says why it is missing.
    pub views: Vec<Result<image::RgbaImage, SheetPhotoError>>,
    /// Each view's latest aligned follow-up photo, where there is one, it opened and it is the
    /// photo the follow-up was aligned on.
    pub follow_ups: Vec<Option<image::RgbaImage>>,
    /// For each view, whether its photo is on the sheet although it changed since the design
    /// was drawn on it ([`ChangedPhotos::UseAndSay`]); the sheet then says so.
    pub changed: Vec<bool>,
}

impl SheetPhotos {
    /// Opens the photos `design`'s sheet shows, leaving off any that changed since the design
    /// was drawn on them.
    pub fn open(design: &Design) -> Self {
        Self::open_with(design, ChangedPhotos::LeaveOff)
    }

    /// Opens the photos `design`'s sheet shows, with `changed` deciding about photos that are
    /// no longer the ones the design was drawn on (told by the SHA-256 the design keeps).
    pub fn open_with(design: &Design, changed: ChangedPhotos) -> Self {
        let mut photos = Self::default();
        for view in &design.views {
            let opened = match &view.photo {
                None => Err(SheetPhotoError::NoPhoto { view: view.kind }),
                Some(photo) => open(photo).map_err(SheetPhotoError::from),
            };
            let (opened, is_changed) = match opened {
                Ok((pixels, false)) => (Ok(pixels), false),
                Ok((pixels, true)) if changed == ChangedPhotos::UseAndSay => (Ok(pixels), true),
                Ok((_, true)) => {
                    let path = view.photo.as_ref().map(|p| p.path.clone().into()).unwrap_or_default();
                    (Err(SheetPhotoError::Changed { path }), false)
                }
                Err(e) => (Err(e), false),
            };
            photos.views.push(opened);
            photos.changed.push(is_changed);
            let later = view.latest_aligned_follow_up().and_then(|f| open(&f.photo).ok());
            photos.follow_ups.push(later.and_then(|(pixels, is_changed)| (!is_changed).then_some(pixels)));
        }
        photos
    }

    /// Whether view `index`'s photo is shown although it changed.
    pub(super) fn is_changed(&self, index: usize) -> bool {
        self.changed.get(index).copied().unwrap_or(false)
    }

    pub(super) fn view(&self, index: usize) -> Option<&image::RgbaImage> {
        self.views.get(index)?.as_ref().ok().filter(|p| p.width() > 0 && p.height() > 0)
    }

    pub(super) fn follow_up(&self, index: usize) -> Option<&image::RgbaImage> {
        self.follow_ups.get(index)?.as_ref().filter(|p| p.width() > 0 && p.height() > 0)
    }
}

/// The photo `photo` refers to, at sheet resolution, and whether it is another picture than the
/// one the design was drawn on. Read once: the checksum comes with the decoding.
fn open(photo: &PhotoRef) -> Result<(image::RgbaImage, bool), PhotoError> {
    let DecodedPhoto { display, sha256, .. } = decode_photo(Path::new(&photo.path), SHEET_PHOTO_SIDE)?;
    Ok((display, sha256 != photo.sha256))
}
