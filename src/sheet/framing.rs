//! What a view's pictures show on the sheet: the head and the design rather than the whole
//! photo (a studio portrait is mostly shoulders, desk and wall), every picture of a view at the
//! same crop; and where the zones' numbers go, clear of each other and of the curves.

use crate::design::{Landmark, PhotoPoint, View};
use crate::geometry::{polygon_contains, sample_curve};

/// Room around the design, as a share of its larger side: enough to see the head around it.
const MARGIN_SHARE: f64 = 0.3;

/// A rectangle of the view's photo, in its pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Crop {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Crop {
    /// The part of `view`'s photo that holds its landmarks, curves and zones, with a margin,
    /// within the photo; the whole photo when there is nothing drawn to frame.
    pub fn of(view: &View) -> Self {
        let (photo_w, photo_h) = view.photo.as_ref().map_or((1, 1), |p| (p.width_px.max(1), p.height_px.max(1)));
        let whole = Self { x: 0.0, y: 0.0, width: f64::from(photo_w), height: f64::from(photo_h) };
        let landmarks = Landmark::ALL.into_iter().filter_map(|l| view.landmarks.get(l));
        let curves = view.curves.iter().flat_map(|c| sample_curve(&c.points));
        let zones = view.zones.iter().filter(|z| !z.hidden).flat_map(|z| z.vertices.iter().copied());
        let points: Vec<PhotoPoint> =
            landmarks.chain(curves).chain(zones).filter(|p| p.x.is_finite() && p.y.is_finite()).collect();
        if points.len() < 2 {
            return whole;
        }
        let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in &points {
            (left, top, right, bottom) = (left.min(p.x), top.min(p.y), right.max(p.x), bottom.max(p.y));
        }
        let margin = (right - left).max(bottom - top) * MARGIN_SHARE;
        let (left, top) = ((left - margin).max(0.0), (top - margin).max(0.0));
        let (right, bottom) = ((right + margin).min(whole.width), (bottom + margin).min(whole.height));
        if right - left < 1.0 || bottom - top < 1.0 {
            return whole;
        }
        Self { x: left, y: top, width: right - left, height: bottom - top }
    }

    /// Height over width.
    pub fn aspect(&self) -> f64 {
        self.height / self.width
    }

    /// `photo` (the view's whole photo at any resolution) scaled so that this crop becomes
    /// `panel_px` wide, whole: the frame the design's dots are drawn on before [`Crop::cut`].
    pub fn frame_for(&self, photo: &image::RgbaImage, photo_width_px: u32, panel_px: u32) -> image::RgbaImage {
        let scale = f64::from(panel_px) / self.width;
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a few thousand pixels")]
        let size = |side: f64| (side * scale).round().clamp(1.0, 16_384.0) as u32;
        let full_height_px = f64::from(photo_width_px) * f64::from(photo.height()) / f64::from(photo.width().max(1));
        image::imageops::thumbnail(photo, size(f64::from(photo_width_px)), size(full_height_px))
    }

    /// This crop of `frame` (the whole photo as [`Crop::frame_for`] scaled it), at `size` pixels.
    pub fn cut(&self, frame: &image::RgbaImage, photo_width_px: u32, [width, height]: [u32; 2]) -> image::RgbaImage {
        let scale = f64::from(frame.width()) / f64::from(photo_width_px.max(1));
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "pixel positions in the frame")]
        let at = |value: f64, limit: u32| ((value * scale).round().max(0.0) as u32).min(limit.saturating_sub(1));
        let (x, y) = (at(self.x, frame.width()), at(self.y, frame.height()));
        let cut = image::imageops::crop_imm(frame, x, y, width.min(frame.width() - x), height.min(frame.height() - y));
        let cut = cut.to_image();
        if cut.dimensions() == (width, height) {
            cut
        } else {
            image::imageops::resize(&cut, width, height, image::imageops::FilterType::Triangle)
        }
    }
}

/// Where each zone's number goes, in page points: as near its zone's centre as can be, inside the
/// zone, and clear (by `radius` and a gap) of the numbers placed before it and of every curve.
/// A number with no clear place inside its zone stays at the centre.
pub(super) fn place_badges(zones: &[Vec<[f32; 2]>], curves: &[Vec<[f32; 2]>], radius: f32) -> Vec<[f32; 2]> {
    let clearance = radius * 2.0 + 2.0;
    let mut placed: Vec<[f32; 2]> = Vec::with_capacity(zones.len());
    for zone in zones {
        let centre = centroid(zone);
        let polygon: Vec<PhotoPoint> = zone.iter().map(|p| PhotoPoint::new(f64::from(p[0]), f64::from(p[1]))).collect();
        let is_clear = |p: [f32; 2]| {
            polygon_contains(&polygon, PhotoPoint::new(f64::from(p[0]), f64::from(p[1])))
                && placed.iter().all(|q| distance(p, *q) >= clearance)
                && curves.iter().all(|curve| distance_to_polyline(p, curve) >= radius + 1.5)
        };
        let candidates = std::iter::once(centre).chain((1..=12).flat_map(|ring| {
            #[expect(clippy::cast_precision_loss, reason = "a dozen rings")]
            let r = ring as f32 * radius;
            (0..12).map(move |k| {
                #[expect(clippy::cast_precision_loss, reason = "twelve directions")]
                let angle = k as f32 * std::f32::consts::TAU / 12.0;
                [centre[0] + r * angle.cos(), centre[1] + r * angle.sin()]
            })
        }));
        let spot = candidates.into_iter().find(|&p| is_clear(p)).unwrap_or(centre);
        placed.push(spot);
    }
    placed
}

/// The mean of a polygon's vertices.
pub(super) fn centroid(points: &[[f32; 2]]) -> [f32; 2] {
    #[expect(clippy::cast_precision_loss, reason = "a few vertices")]
    let n = points.len().max(1) as f32;
    let [x, y] = points.iter().fold([0.0, 0.0], |[x, y], p| [x + p[0], y + p[1]]);
    [x / n, y / n]
}

fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

fn distance_to_polyline(p: [f32; 2], line: &[[f32; 2]]) -> f32 {
    line.windows(2)
        .map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let length2 = dx * dx + dy * dy;
            let t =
                if length2 > 0.0 { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2).clamp(0.0, 1.0) } else { 0.0 };
            distance(p, [a[0] + t * dx, a[1] + t * dy])
        })
        .fold(f32::INFINITY, f32::min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Curve, PhotoRef, Zone, ZoneKind};

    #[test]
    fn a_view_is_framed_to_its_design_with_a_margin_within_the_photo() {
        let mut view = View::new(crate::design::ViewKind::Front);
        view.photo = Some(PhotoRef { path: "p.jpg".into(), sha256: String::new(), width_px: 4000, height_px: 3000 });
        assert_eq!(Crop::of(&view), Crop { x: 0.0, y: 0.0, width: 4000.0, height: 3000.0 }, "nothing drawn");
        let p = PhotoPoint::new;
        view.landmarks.left_pupil = Some(p(1800.0, 1200.0));
        view.landmarks.right_pupil = Some(p(2200.0, 1200.0));
        view.add_curve(Curve {
            points: vec![p(1700.0, 800.0), p(2000.0, 700.0), p(2300.0, 800.0)],
            ..Curve::default()
        });
        let crop = Crop::of(&view);
        // The design spans 1700..2300 x 700..1200; a margin of 30 % of 600 px on each side.
        assert_eq!(crop, Crop { x: 1520.0, y: 520.0, width: 960.0, height: 860.0 });
        let mut zone = Zone::new(ZoneKind::Crown, "edge");
        zone.vertices = vec![p(0.0, 0.0), p(100.0, 0.0), p(100.0, 100.0)];
        view.add_zone(zone);
        let crop = Crop::of(&view);
        assert_eq!((crop.x, crop.y), (0.0, 0.0), "held within the photo");
    }

    #[test]
    fn a_cut_of_the_frame_is_the_crop_at_the_panels_size() {
        // A 400 x 300 photo, its right half white: a crop of the right half is all white.
        let mut photo = image::RgbaImage::from_pixel(400, 300, image::Rgba([0, 0, 0, 255]));
        for (x, _, pixel) in photo.enumerate_pixels_mut() {
            if x >= 200 {
                *pixel = image::Rgba([255, 255, 255, 255]);
            }
        }
        // The photo as the sheet has it, at half its size (the view's photo is 800 px wide).
        let crop = Crop { x: 420.0, y: 0.0, width: 360.0, height: 600.0 };
        let frame = crop.frame_for(&photo, 800, 120);
        assert_eq!(frame.width(), 267, "the whole photo at 120 / 360 of its size");
        let cut = crop.cut(&frame, 800, [120, 200]);
        assert_eq!(cut.dimensions(), (120, 200));
        assert!(cut.pixels().all(|p| p[0] > 200), "only the white half");
    }

    #[test]
    fn numbers_keep_clear_of_each_other_and_of_the_curves() {
        // Two zones with the same centre, and a curve straight through it.
        let square = |half: f32| {
            vec![
                [100.0 - half, 100.0 - half],
                [100.0 + half, 100.0 - half],
                [100.0 + half, 100.0 + half],
                [100.0 - half, 100.0 + half],
            ]
        };
        let zones = [square(60.0), square(40.0)];
        let curve = vec![[0.0, 100.0], [200.0, 100.0]];
        let radius = 5.5;
        let spots = place_badges(&zones, std::slice::from_ref(&curve), radius);
        assert!(distance(spots[0], spots[1]) >= radius * 2.0, "{spots:?}");
        for spot in &spots {
            assert!(distance_to_polyline(*spot, &curve) >= radius, "{spot:?} clear of the curve");
        }
        assert!(spots[1][0] > 60.0 && spots[1][0] < 140.0, "inside its own zone: {spots:?}");
    }
}
