//! Measuring a healed zone on an aligned follow-up photo, against the model's prediction.
//!
//! The zone is carried onto the later photo through the follow-up's alignment. Around it, a
//! ring of untreated skin ([`RING_INNER_MM`] to [`RING_OUTER_MM`] beyond its edge, leaving out
//! other zones) tells the skin's colour in that photo's light; the darkest and lightest fifth of
//! the ring are dropped, as the skin eyedropper does, so a stray hair or shine does not count.
//!
//! White balance: the later photo has no grey card of its own, so its light is matched by its
//! skin. Each linear channel is scaled so that the ring's skin becomes the skin measured on the
//! view's own photo (corrected by that photo's grey card, when it has one): a von Kries
//! correction that also evens out exposure. It assumes the skin's colour has not changed between
//! the visits (a summer's tan would read as a lighter result).
//!
//! Every pixel of the zone is then read as a cover: how far it lies from the skin towards the
//! pigment in linear light ([`crate::colour::mix`] solved by least squares over the three
//! channels). The zone's mean cover is what its dots hide from afar; their second moment over
//! the mean is the dots' own darkness (after the ring's unevenness, the skin's texture and the
//! camera's noise, is taken off). The prediction is read the same way from the model's healed
//! dots at its defaults, rendered by [`crate::render`] at the same pixels per millimetre as the
//! photo, so the renderer's soft rims count alike on both sides. A camera's blur, which the
//! renderer does not have, makes dots read less dark than they are; measure close-ups.

use image::RgbaImage;

use super::{CalibrationError, HealedMeasurement};
use crate::colour::{HealedModel, Lab, mix};
use crate::design::{Design, FollowUp, PhotoPoint, View, ZoneId};
use crate::follicles::{DotBuffer, Layering, generate_dots_on_skin};
use crate::geometry::{polygon_area_px2, polygon_contains};
use crate::render::{Mask, Place, cover_of_density, linear_of, render_dots_at};

/// The untreated ring starts this far beyond the zone's edge (clear of a misalignment of a
/// millimetre or two and of the zone's feathered edge)...
pub const RING_INNER_MM: f64 = 2.0;
/// ... and ends this far beyond it.
pub const RING_OUTER_MM: f64 = 8.0;
/// At least this share of the zone must lie inside the later photo.
pub const MIN_INSIDE_SHARE: f64 = 0.9;
/// Fewer pixels than this in the zone or the ring say nothing.
pub const MIN_PIXELS: usize = 100;
/// A dot at least this many pixels in radius in the photo read is resolved: its own darkness can
/// be told from its area.
pub const MIN_RESOLVED_RADIUS_PX: f64 = 3.0;
/// The share of the ring dropped at each end by lightness.
const RING_TRIM_SHARE: f64 = 0.2;

/// The follow-up photo's pixels as read.
#[derive(Clone, Copy, Debug)]
pub struct LaterPhoto<'a> {
    /// The photo (RGBA), at its full size or a scaled copy.
    pub image: &'a RgbaImage,
    /// The full photo's width in pixels, in which the alignment's points are given.
    pub photo_width_px: u32,
}

/// Why a zone cannot be measured. Nothing is stored from a refused sample.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MeasureRefused {
    #[error(
        "Align the follow-up photo first (two features marked on both photos): the zone is found on it through the alignment."
    )]
    NotAligned,
    #[error("Calibrate this view first (Calibrate tool, C): the model's dot sizes need millimetres.")]
    NotCalibrated,
    #[error("Sample the skin on this view's photo first (I): the later photo's light is matched to that skin.")]
    NoSkinSample,
    #[error("That zone is hidden or lays no dots, so the model predicts nothing to compare with.")]
    NoDots,
    #[error("The follow-up photo has no pixels to read.")]
    EmptyPhoto,
    #[error(
        "Only {inside_percent:.0} % of the zone lies on the follow-up photo (at least 90 % must): the photos do not overlap there. Check the alignment, or choose a zone the later photo shows."
    )]
    OutsidePhoto { inside_percent: f64 },
    #[error(
        "The zone covers only {pixels} pixels of the follow-up photo: too few to read. Use a larger zone or a closer photo."
    )]
    TooSmall { pixels: usize },
    #[error(
        "There is too little untreated skin around the zone on the follow-up photo ({pixels} pixels 2 to 8 mm beyond its edge, outside other zones). Measure a zone with bare skin beside it."
    )]
    NoUntreatedSkin { pixels: usize },
    #[error("The skin around the zone is too dark or burnt out on the follow-up photo to read its light.")]
    SkinUnreadable,
    #[error("The pigment's colour is too close to the skin's to tell how much of it there is.")]
    PigmentLikeSkin,
    #[error(transparent)]
    Refused(#[from] CalibrationError),
}

/// A zone measured on a follow-up photo.
#[derive(Clone, Debug, PartialEq)]
pub struct HealedReading {
    /// What the calibration keeps.
    pub measurement: HealedMeasurement,
    /// The untreated skin, in the view's light.
    pub skin: Lab,
    /// The zone's mean colour, measured and as the model's defaults predict it.
    pub measured: Lab,
    pub predicted: Lab,
    /// A dot's radius in the pixels read.
    pub dot_radius_px: f64,
}

impl HealedReading {
    /// How much darker than the skin the zone reads from afar: its luminance contrast, in %.
    pub fn measured_contrast_percent(&self) -> f64 {
        contrast_percent(self.skin, self.measured)
    }

    /// The same, as the model's defaults predict it.
    pub fn predicted_contrast_percent(&self) -> f64 {
        contrast_percent(self.skin, self.predicted)
    }

    /// The reading in words, for the inspector.
    pub fn summary(&self) -> String {
        let m = &self.measurement;
        let cover = format!(
            "Healed contrast {:.1} % vs {:.1} % predicted (the dots hide {:.1} % of the skin's light vs {:.1} %).",
            self.measured_contrast_percent(),
            self.predicted_contrast_percent(),
            m.measured_cover * 100.0,
            m.predicted_cover * 100.0,
        );
        let dots = match m.dot_darkness {
            Some([predicted, measured]) => format!(
                "Each dot hides {:.0} % where it lies vs {:.0} % predicted.",
                measured * 100.0,
                predicted * 100.0
            ),
            None => format!(
                "The dots are {:.1} pixels across on this photo, too small to tell their strength from their spread; this reading fits their product only. A close-up resolves them.",
                self.dot_radius_px * 2.0
            ),
        };
        format!("{cover} {dots}")
    }
}

fn luminance(lab: Lab) -> f64 {
    let [r, g, b] = lab.to_linear_rgb();
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

fn contrast_percent(skin: Lab, zone: Lab) -> f64 {
    (1.0 - luminance(zone) / luminance(skin).max(f64::EPSILON)) * 100.0
}

/// Measures zone `zone_id` of `view` on `later`, the pixels of `follow_up`'s photo, against the
/// model's healed dots at its defaults ([`HealedModel::DEFAULT`]), whatever calibration is in
/// force. Refused, with what to do, when it cannot be read.
pub fn measure_healed(
    design: &Design,
    view: &View,
    follow_up: &FollowUp,
    zone_id: ZoneId,
    later: LaterPhoto<'_>,
) -> Result<HealedReading, MeasureRefused> {
    let to_view = follow_up.alignment().ok_or(MeasureRefused::NotAligned)?;
    let mm_per_px = view.mm_per_px().ok_or(MeasureRefused::NotCalibrated)?;
    let skin = crate::report::view_skin(view).ok_or(MeasureRefused::NoSkinSample)?;
    let (zone_index, zone) =
        view.zones.iter().enumerate().find(|(_, z)| z.id == zone_id).ok_or(MeasureRefused::NoDots)?;
    if zone.hidden || zone.vertices.len() < 3 {
        return Err(MeasureRefused::NoDots);
    }
    let (width, height) = later.image.dimensions();
    if width == 0 || height == 0 || later.photo_width_px == 0 {
        return Err(MeasureRefused::EmptyPhoto);
    }
    let image_per_later = f64::from(width) / f64::from(later.photo_width_px);
    let image_per_view = image_per_later / to_view.scale();
    let mm_per_image_px = mm_per_px / image_per_view;
    if !mm_per_image_px.is_finite() || mm_per_image_px <= 0.0 {
        return Err(MeasureRefused::NotAligned);
    }
    let from_view = to_view.inverse();
    let to_image = |p: &PhotoPoint| {
        let q = from_view.apply(*p);
        PhotoPoint::new(q.x * image_per_later, q.y * image_per_later)
    };
    let polygon: Vec<PhotoPoint> = zone.vertices.iter().map(to_image).collect();
    let others: Vec<Vec<PhotoPoint>> = view
        .zones
        .iter()
        .filter(|z| z.id != zone_id && !z.hidden)
        .map(|z| z.vertices.iter().map(to_image).collect())
        .collect();

    let (zone_pixels, ring_pixels) = read_pixels(later.image, &polygon, &others, mm_per_image_px);
    #[expect(clippy::cast_precision_loss, reason = "pixel counts")]
    let inside_share = zone_pixels.len() as f64 / polygon_area_px2(&polygon).max(f64::EPSILON);
    if inside_share < MIN_INSIDE_SHARE {
        return Err(MeasureRefused::OutsidePhoto { inside_percent: (inside_share * 100.0).min(100.0) });
    }
    if zone_pixels.len() < MIN_PIXELS {
        return Err(MeasureRefused::TooSmall { pixels: zone_pixels.len() });
    }
    if ring_pixels.len() < MIN_PIXELS {
        return Err(MeasureRefused::NoUntreatedSkin { pixels: ring_pixels.len() });
    }
    let ring = trimmed(ring_pixels);
    let ring_mean = mean(&ring);
    if ring_mean.iter().any(|&c| !c.is_finite() || !(1e-3..0.99).contains(&c)) {
        return Err(MeasureRefused::SkinUnreadable);
    }
    let skin_linear = skin.to_linear_rgb();
    let gains: [f64; 3] = std::array::from_fn(|i| skin_linear[i] / ring_mean[i]);
    let ink = design.pigment.ink();
    let ink_linear = ink.to_linear_rgb();
    let towards_ink: [f64; 3] = std::array::from_fn(|i| skin_linear[i] - ink_linear[i]);
    let length2: f64 = towards_ink.iter().map(|c| c * c).sum();
    if length2 < 1e-4 {
        return Err(MeasureRefused::PigmentLikeSkin);
    }
    let cover_of = |p: &[f64; 3]| -> f64 {
        (0..3).map(|i| (skin_linear[i] - gains[i] * p[i]) * towards_ink[i]).sum::<f64>() / length2
    };
    let [ring_cover, ring_square] = moments(ring.iter().map(cover_of));
    let ring_variance = (ring_square - ring_cover * ring_cover).max(0.0);
    let [zone_cover, zone_square] = moments(zone_pixels.iter().map(cover_of));
    let zone_mean = mean(&zone_pixels);
    let measured = Lab::from_linear_rgb(std::array::from_fn(|i| gains[i] * zone_mean[i]));

    let [predicted_cover, predicted_square] =
        predicted_moments(design, view, zone_index, image_per_view).ok_or(MeasureRefused::NoDots)?;
    let dot_radius_px = zone.dot_diameter_mm / 2.0 / mm_per_image_px;
    let dot_darkness = (dot_radius_px >= MIN_RESOLVED_RADIUS_PX && zone_cover > 0.0)
        .then(|| [predicted_square / predicted_cover, (zone_square - ring_variance) / zone_cover])
        .filter(|[_, measured]| measured.is_finite() && *measured > 0.0);
    let measurement = HealedMeasurement {
        // No client name: the clinic's settings are no place for personal data.
        label: [view.kind.label(), zone.name.trim(), follow_up.date.as_deref().unwrap_or("").trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
        water_parts: zone.water_parts.unwrap_or(design.pigment.water_parts),
        density_per_cm2: zone.density_per_cm2,
        dot_diameter_mm: zone.dot_diameter_mm,
        predicted_cover,
        measured_cover: zone_cover,
        dot_darkness,
    };
    measurement.check()?;
    Ok(HealedReading { measurement, skin, measured, predicted: mix(skin, ink, predicted_cover), dot_radius_px })
}

/// The linear-light colours of the pixels of `image` inside `polygon`, and of those in the
/// untreated ring around it (outside `others`).
fn read_pixels(
    image: &RgbaImage,
    polygon: &[PhotoPoint],
    others: &[Vec<PhotoPoint>],
    mm_per_image_px: f64,
) -> (Vec<[f64; 3]>, Vec<[f64; 3]>) {
    let (inner_px, outer_px) = (RING_INNER_MM / mm_per_image_px, RING_OUTER_MM / mm_per_image_px);
    let (width, height) = image.dimensions();
    let bound = |v: f64, end: u32| {
        // Clamped to the image first.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to the image")]
        let index = v.clamp(0.0, f64::from(end)) as u32;
        index
    };
    let min_x = polygon.iter().map(|p| p.x).fold(f64::INFINITY, f64::min) - outer_px;
    let max_x = polygon.iter().map(|p| p.x).fold(f64::NEG_INFINITY, f64::max) + outer_px;
    let min_y = polygon.iter().map(|p| p.y).fold(f64::INFINITY, f64::min) - outer_px;
    let max_y = polygon.iter().map(|p| p.y).fold(f64::NEG_INFINITY, f64::max) + outer_px;
    let (mut zone, mut ring) = (Vec::new(), Vec::new());
    for y in bound(min_y.floor(), height)..bound(max_y.ceil(), height) {
        for x in bound(min_x.floor(), width)..bound(max_x.ceil(), width) {
            let centre = PhotoPoint::new(f64::from(x) + 0.5, f64::from(y) + 0.5);
            let [r, g, b, _] = image.get_pixel(x, y).0;
            let linear = [r, g, b].map(|c| f64::from(linear_of(c)) / f64::from(u16::MAX));
            if polygon_contains(polygon, centre) {
                zone.push(linear);
            } else if !others.iter().any(|other| polygon_contains(other, centre)) {
                let distance = distance_to_outline(polygon, centre);
                if (inner_px..=outer_px).contains(&distance) {
                    ring.push(linear);
                }
            }
        }
    }
    (zone, ring)
}

/// The cover's mean and second moment over the pixels of the model's dots (at its defaults)
/// inside zone `zone_index`, rendered at `mask_per_view_px` mask pixels per view photo pixel.
fn predicted_moments(design: &Design, view: &View, zone_index: usize, mask_per_view_px: f64) -> Option<[f64; 2]> {
    let zone = view.zones.get(zone_index)?;
    let done = design.sessions.iter().filter(|s| s.done).count();
    let layering = Layering::of(design, (done > 0).then_some(done))
        .with_first_session_loss(design.first_session_loss)
        .with_model(HealedModel::DEFAULT);
    let mut buffer = DotBuffer::default();
    let head = design.head_fit(view);
    generate_dots_on_skin(view, head.measured(), &layering, design.seed, &mut buffer);
    let dots = buffer.into_dots();
    if !dots.iter().any(|d| usize::from(d.zone) == zone_index) {
        return None;
    }
    let min_x = zone.vertices.iter().map(|p| p.x).fold(f64::INFINITY, f64::min);
    let max_x = zone.vertices.iter().map(|p| p.x).fold(f64::NEG_INFINITY, f64::max);
    let min_y = zone.vertices.iter().map(|p| p.y).fold(f64::INFINITY, f64::min);
    let max_y = zone.vertices.iter().map(|p| p.y).fold(f64::NEG_INFINITY, f64::max);
    let side = |span: f64| {
        // The zone's box at the photo's resolution: at most the photo read's size.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a bounded pixel count")]
        let pixels = (span * mask_per_view_px).ceil().clamp(1.0, 16_384.0) as u32;
        pixels
    };
    let mut mask = Mask::new(side(max_x - min_x), side(max_y - min_y));
    #[expect(clippy::cast_possible_truncation, reason = "photo coordinates and scales fit f32")]
    let place = Place { origin_px: [min_x as f32, min_y as f32], scale: mask_per_view_px as f32 };
    render_dots_at(&dots, place, &mut mask);
    let mut covers = Vec::new();
    for (index, &density) in mask.density.iter().enumerate() {
        let (x, y) = (index % mask.width as usize, index / mask.width as usize);
        #[expect(clippy::cast_precision_loss, reason = "pixel indices")]
        let centre =
            PhotoPoint::new(min_x + (x as f64 + 0.5) / mask_per_view_px, min_y + (y as f64 + 0.5) / mask_per_view_px);
        if polygon_contains(&zone.vertices, centre) {
            covers.push(f64::from(cover_of_density(density)) / 255.0);
        }
    }
    let [cover, square] = moments(covers.into_iter());
    (cover > 0.0).then_some([cover, square])
}

/// The distance from `p` to the nearest edge of the closed polygon `vertices`.
fn distance_to_outline(vertices: &[PhotoPoint], p: PhotoPoint) -> f64 {
    vertices
        .iter()
        .zip(vertices.iter().cycle().skip(1))
        .map(|(a, b)| {
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let length2 = dx * dx + dy * dy;
            let t = if length2 > 0.0 { (((p.x - a.x) * dx + (p.y - a.y) * dy) / length2).clamp(0.0, 1.0) } else { 0.0 };
            p.distance_to(PhotoPoint::new(a.x + t * dx, a.y + t * dy))
        })
        .fold(f64::INFINITY, f64::min)
}

/// `pixels` without the darkest and lightest [`RING_TRIM_SHARE`] by luminance.
fn trimmed(mut pixels: Vec<[f64; 3]>) -> Vec<[f64; 3]> {
    let luminance = |p: &[f64; 3]| 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
    pixels.sort_by(|p, q| luminance(p).total_cmp(&luminance(q)));
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a share of a pixel count"
    )]
    let trim = (pixels.len() as f64 * RING_TRIM_SHARE) as usize;
    pixels[trim..pixels.len() - trim].to_vec()
}

fn mean(pixels: &[[f64; 3]]) -> [f64; 3] {
    #[expect(clippy::cast_precision_loss, reason = "pixel counts")]
    let n = pixels.len().max(1) as f64;
    let sum = pixels.iter().fold([0.0; 3], |s, p| [s[0] + p[0], s[1] + p[1], s[2] + p[2]]);
    sum.map(|c| c / n)
}

/// The mean and the mean square of `values`.
fn moments(values: impl Iterator<Item = f64>) -> [f64; 2] {
    let (mut sum, mut square, mut count) = (0.0, 0.0, 0_u32);
    for value in values {
        sum += value;
        square += value * value;
        count += 1;
    }
    let n = f64::from(count.max(1));
    [sum / n, square / n]
}
