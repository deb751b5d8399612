//! Edits of a view's photos and what was measured on them: the photo itself, skin and hair samples and
//! the later photos of follow-up visits with their alignment.

use crate::design::{FollowUp, FollowUpId, Limits, NeutralSample, PhotoPoint, PhotoRef, SkinSample, View};

use super::{Made, Outcome, Refused};

/// Makes `photo` the view's photo (a new one, a relinked one, or the changed file accepted).
pub(super) fn set_photo(view: &mut View, photo: PhotoRef) -> Outcome {
    view.photo = Some(photo);
    Outcome::default()
}

pub(super) fn add_skin_sample(view: &mut View, sample: SkinSample) -> Result<Outcome, Refused> {
    if view.skin_samples.len() >= Limits::MAX_SKIN_SAMPLES {
        return Err(Refused::TooManySkinSamples);
    }
    view.skin_samples.push(sample);
    Ok(Outcome::default())
}

pub(super) fn remove_skin_sample(view: &mut View, index: usize) -> Result<Outcome, Refused> {
    if index >= view.skin_samples.len() {
        return Err(Refused::Gone);
    }
    view.skin_samples.remove(index);
    Ok(Outcome::default())
}

pub(super) fn keep_skin_sample(view: &mut View, index: usize) -> Result<Outcome, Refused> {
    let sample = view.skin_samples.get_mut(index).ok_or(Refused::Gone)?;
    sample.kept = true;
    Ok(Outcome::default())
}

/// Makes `sample` the view's neutral grey, if it is one: a colourful, dark or burnt-out patch
/// would turn every colour wrong, so it is refused and the old one stays.
pub(super) fn set_neutral(view: &mut View, sample: NeutralSample) -> Result<Outcome, Refused> {
    if view.photo.is_none() {
        return Err(Refused::NoPhoto);
    }
    if crate::colour::WhiteBalance::from_neutral(sample.linear_rgb).is_err() || !sample.radius_px.is_finite() {
        return Err(Refused::NotNeutral);
    }
    view.neutral = Some(sample);
    Ok(Outcome::default())
}

pub(super) fn add_hair_sample(view: &mut View, sample: SkinSample) -> Result<Outcome, Refused> {
    if view.hair_samples.len() >= Limits::MAX_SKIN_SAMPLES {
        return Err(Refused::TooManyHairSamples);
    }
    view.hair_samples.push(sample);
    Ok(Outcome::default())
}

pub(super) fn remove_hair_sample(view: &mut View, index: usize) -> Result<Outcome, Refused> {
    if index >= view.hair_samples.len() {
        return Err(Refused::Gone);
    }
    view.hair_samples.remove(index);
    Ok(Outcome::default())
}

/// Adds a later photo of the view, taken on `date`, not yet aligned.
pub(super) fn add_follow_up(view: &mut View, photo: PhotoRef, date: Option<String>) -> Result<Outcome, Refused> {
    if view.photo.is_none() {
        return Err(Refused::NoPhoto);
    }
    if view.follow_ups.len() >= Limits::MAX_FOLLOW_UPS {
        return Err(Refused::TooManyFollowUps);
    }
    let id = view.add_follow_up(FollowUp { id: FollowUpId::default(), photo, date, pairs: Vec::new() });
    Ok(Outcome { made: Some(Made::FollowUp(id)), ..Outcome::default() })
}

/// Aligns follow-up photo `id` to the view's photo by two features marked on both, `[on the
/// view's photo, on the later one]`. Features that coincide give no alignment and are refused.
pub(super) fn align_follow_up(
    view: &mut View,
    id: FollowUpId,
    pairs: [[PhotoPoint; 2]; 2],
) -> Result<Outcome, Refused> {
    let follow_up = view.follow_up_mut(id).ok_or(Refused::Gone)?;
    let aligned = FollowUp { pairs: pairs.to_vec(), ..follow_up.clone() };
    if aligned.alignment().is_none() {
        return Err(Refused::CoincidingFeatures);
    }
    *follow_up = aligned;
    Ok(Outcome::default())
}

pub(super) fn remove_follow_up(view: &mut View, id: FollowUpId) -> Result<Outcome, Refused> {
    let index = view.follow_ups.iter().position(|f| f.id == id).ok_or(Refused::Gone)?;
    view.follow_ups.remove(index);
    Ok(Outcome::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::pick::tests::view;

    fn later() -> PhotoRef {
        PhotoRef { path: "later.jpg".into(), sha256: String::new(), width_px: 2000, height_px: 2000 }
    }

    #[test]
    fn a_follow_up_is_added_aligned_and_removed_by_id() {
        let mut view = view();
        let Some(Made::FollowUp(id)) = add_follow_up(&mut view, later(), None).unwrap().made else { panic!() };
        let p = PhotoPoint::new;
        let same = [[p(10.0, 10.0), p(20.0, 20.0)], [p(10.0, 10.0), p(20.0, 20.0)]];
        assert_eq!(align_follow_up(&mut view, id, same), Err(Refused::CoincidingFeatures));
        assert!(view.follow_up(id).unwrap().pairs.is_empty(), "a refused alignment changes nothing");
        align_follow_up(&mut view, id, [[p(10.0, 10.0), p(20.0, 20.0)], [p(110.0, 10.0), p(220.0, 20.0)]]).unwrap();
        assert!((view.follow_up(id).unwrap().alignment().unwrap().scale() - 0.5).abs() < 1e-9);
        remove_follow_up(&mut view, id).unwrap();
        assert!(view.follow_ups.is_empty());
    }

    #[test]
    fn a_follow_up_needs_the_views_own_photo_first() {
        let mut view = view();
        view.photo = None;
        assert_eq!(add_follow_up(&mut view, later(), None), Err(Refused::NoPhoto));
    }
}
