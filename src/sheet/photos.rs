//! The photos a sheet shows, opened before it is laid out (the slow part, on a worker thread in
//! the app): each view's photo, and its latest aligned follow-up photo.

use std::path::Path;

use crate::design::{Design, ViewKind};
use crate::io::{PhotoError, decode_photo};

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
}

/// The photos a sheet shows, opened ([`SheetPhotos::open`]), at any resolution: the sheet
/// scales them.
#[derive(Debug, Default)]
pub struct SheetPhotos {
    /// Each view's photo, in the order of `design.views`; `Err` says why it is missing.
    pub views: Vec<Result<image::RgbaImage, SheetPhotoError>>,
    /// Each view's latest aligned follow-up photo, where there is one and it opened.
    pub follow_ups: Vec<Option<image::RgbaImage>>,
}

impl SheetPhotos {
    /// Opens the photos `design`'s sheet shows.
    pub fn open(design: &Design) -> Self {
        let open =
            |photo: &crate::design::PhotoRef| decode_photo(Path::new(&photo.path), SHEET_PHOTO_SIDE).map(|p| p.display);
        let views = design
            .views
            .iter()
            .map(|view| {
                let photo = view.photo.as_ref().ok_or(SheetPhotoError::NoPhoto { view: view.kind })?;
                Ok(open(photo)?)
            })
            .collect();
        let follow_ups =
            design.views.iter().map(|view| view.latest_aligned_follow_up().and_then(|f| open(&f.photo).ok())).collect();
        Self { views, follow_ups }
    }

    pub(super) fn view(&self, index: usize) -> Option<&image::RgbaImage> {
        self.views.get(index)?.as_ref().ok().filter(|p| p.width() > 0 && p.height() > 0)
    }

    pub(super) fn follow_up(&self, index: usize) -> Option<&image::RgbaImage> {
        self.follow_ups.get(index)?.as_ref().filter(|p| p.width() > 0 && p.height() > 0)
    }
}
