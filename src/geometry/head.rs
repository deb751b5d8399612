//! The head as a curved surface, so that what is measured on a flat front photo can be given as
//! it is on the skin: a tape laid up the midline, a ruler's distance across the forehead, a
//! square centimetre the needle fills.
//!
//! # The model (a stated guess)
//!
//! A front photo is taken as a parallel projection (a camera a metre or more away; at 1 m the
//! top of the head, some 10 cm behind the brow, shows about a tenth smaller than the scale
//! calibrated at the eyes says, which is not corrected): a point of
//! the photo at `x_mm` across and `y_mm` up from the glabella ([`super::FaceFrame`]) is the point
//! of the head's front surface straight behind it. The head above the glabella is described by
//! its **front outline** (the midline profile, as a side photo shows it: how far behind the
//! glabella the skin is at each height, up to the top of the head, the vertex) and by one
//! number, the **width ratio**. Each horizontal slice of the head is taken to be the front half
//! of an ellipse centred under the vertex: its depth half-axis `b(h)` is the distance from the
//! outline to the vertex's depth, its width half-axis is `a(h) = ratio * b(h)`. An ellipsoid
//! (the synthetic heads of the tests) is described exactly; a real skull is close to it over the
//! forehead and the front of the scalp, where hairlines are drawn, and less so at the sides,
//! where the temples flatten. Below the glabella, down to 40 mm (the eyes' line and the temples
//! beside it), the slice of the glabella's height is kept (the brow region is near-vertical).
//!
//! The outline comes from a profile traced on a calibrated side photo ([`Profile`]); without
//! one, from [`HeadShape::average`], a documented average adult head, and every figure it gives
//! is an estimate. The ratio comes from the head's width marked on the front photo, or from the
//! average head's proportions.
//!
//! Where the skin turns almost edge-on to the camera (near the top of the head in a front
//! photo, or at the sides) a photo says little about it: the stretch of skin per photo area is
//! capped at [`MAX_STRETCH`]; those parts belong to a top or side view. Beyond the head's
//! outline (the face beside the brows, the neck, or a head larger than the model) the model
//! cannot say what the photo shows, and the photo's own figures stand (a stretch of 1).

use super::{FaceFrame, FacePoint, PhotoPoint, polygon_contains, sample_curve};

/// The most skin one square millimetre of the photo stands for: 3 is skin turned about 70°
/// away from the camera. Beyond it a photo shows the skin too edge-on to plan on.
pub const MAX_STRETCH: f64 = 3.0;

/// How far below the glabella the head is modelled (with the glabella's slice): the eyes'
/// line and the temples beside it. Below, the face, the photo's own figures stand.
const REACH_BELOW_GLABELLA_MM: f64 = 40.0;

/// How far from the glabella landmark a traced profile may start and still count as starting
/// there, in mm.
pub const GLABELLA_REACH_MM: f64 = 10.0;

/// How far a profile may come forward again, or drop before its top, and still be read as
/// going one way (a hand's wobble while tracing), in mm.
const WOBBLE_MM: f64 = 3.0;

/// A profile whose top is lower than this above the glabella has not been traced over the head.
const LOWEST_TOP_MM: f64 = 40.0;

/// Why a traced profile cannot be used; the figures then come from the average head.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfileProblem {
    /// The side view has no scale, so the profile has no size.
    NotCalibrated,
    /// The side view has no glabella marked, so the profile has nowhere to start from.
    NoGlabella,
    /// Neither end of the profile is near the glabella.
    MissesGlabella { gap_mm: f64 },
    /// The profile comes forward again, or dips before the top: it folds back on itself.
    FoldsBack { height_mm: f64 },
    /// The profile ends while still climbing: it does not reach over the top of the head.
    StopsBeforeTop { top_mm: f64 },
    /// Fewer than three points.
    TooShort,
    /// A point of the profile, or the glabella, is not a number (a damaged file).
    NotANumber,
}

impl std::fmt::Display for ProfileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotCalibrated => write!(f, "the side view is not calibrated, so its profile has no size"),
            Self::NoGlabella => write!(f, "mark the glabella on the side view: the profile is measured from it"),
            Self::MissesGlabella { gap_mm } => {
                write!(f, "the profile does not reach the glabella (its nearest end is {gap_mm:.0} mm away)")
            }
            Self::FoldsBack { height_mm } => {
                write!(f, "the profile folds back on itself about {height_mm:.0} mm above the glabella")
            }
            Self::StopsBeforeTop { top_mm } => write!(
                f,
                "the profile stops {top_mm:.0} mm above the glabella, still climbing: trace it over the top of the head"
            ),
            Self::TooShort => write!(f, "the profile needs at least three points, from the glabella over the top"),
            Self::NotANumber => write!(f, "a point of the profile or the glabella is not a number; trace it again"),
        }
    }
}

/// A midline profile traced on a side photo, in mm: each point's depth behind the glabella and
/// height above it, from the glabella over the top of the head.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    points: Vec<[f64; 2]>,
}

impl Profile {
    /// The profile traced through `curve` on a side photo whose glabella is at `glabella` and
    /// whose scale is `mm_per_px`. The photo's vertical is taken as the head's (the client sits
    /// upright), and the face is on the side of the glabella away from the top of the head.
    pub fn from_side_view(
        curve: &[PhotoPoint],
        glabella: Option<PhotoPoint>,
        mm_per_px: Option<f64>,
    ) -> Result<Self, ProfileProblem> {
        if curve.len() < 3 {
            return Err(ProfileProblem::TooShort);
        }
        let mm_per_px = mm_per_px.filter(|s| s.is_finite() && *s > 0.0).ok_or(ProfileProblem::NotCalibrated)?;
        let glabella = glabella.ok_or(ProfileProblem::NoGlabella)?;
        let (first, last) = (curve[0], curve[curve.len() - 1]);
        let (to_first, to_last) = (first.distance_to(glabella), last.distance_to(glabella));
        let gap_mm = to_first.min(to_last) * mm_per_px;
        if !gap_mm.is_finite() {
            return Err(ProfileProblem::NotANumber);
        }
        if gap_mm > GLABELLA_REACH_MM {
            return Err(ProfileProblem::MissesGlabella { gap_mm });
        }
        let mut samples = sample_curve(curve);
        if to_last < to_first {
            samples.reverse();
        }
        // Height up the photo; depth away from the face, whichever side of the photo it faces.
        let top = samples.iter().copied().min_by(|a, b| a.y.total_cmp(&b.y)).unwrap_or(glabella);
        let backwards = if top.x >= glabella.x { 1.0 } else { -1.0 };
        let points = samples
            .iter()
            .map(|p| [(p.x - glabella.x) * backwards * mm_per_px, (glabella.y - p.y) * mm_per_px])
            .collect();
        Self::from_points(points)
    }

    /// A profile from points already in mm (depth behind the glabella, height above it), from
    /// the glabella onwards; checked as a traced one is.
    pub fn from_points(points: Vec<[f64; 2]>) -> Result<Self, ProfileProblem> {
        if points.len() < 3 {
            return Err(ProfileProblem::TooShort);
        }
        if points.iter().flatten().any(|v| !v.is_finite()) {
            return Err(ProfileProblem::NotANumber);
        }
        // Up to the top the profile climbs and goes back; past it, it only comes down (the
        // back of the head may curve forward under the crown). Anything else folds back.
        let top_index = top_index(&points);
        let (mut deepest, mut highest, mut lowest_since_top) = (f64::NEG_INFINITY, f64::NEG_INFINITY, f64::INFINITY);
        for (index, &[depth, height]) in points.iter().enumerate() {
            let folds = if index <= top_index {
                depth < deepest - WOBBLE_MM || height < highest - WOBBLE_MM
            } else {
                height > lowest_since_top + WOBBLE_MM
            };
            if folds {
                return Err(ProfileProblem::FoldsBack { height_mm: height });
            }
            deepest = deepest.max(depth);
            highest = highest.max(height);
            if index >= top_index {
                lowest_since_top = lowest_since_top.min(height);
            }
        }
        let top = points[top_index];
        if top[1] < LOWEST_TOP_MM || !turns_over(&points[..=top_index]) {
            return Err(ProfileProblem::StopsBeforeTop { top_mm: top[1] });
        }
        Ok(Self { points })
    }
}

/// The index of the highest point (the first, where several are as high).
fn top_index(points: &[[f64; 2]]) -> usize {
    (0..points.len()).fold(0, |top, i| if points[i][1] > points[top][1] { i } else { top })
}

/// Whether the climb ending at the last of `points` has levelled off: over its last 10 mm it
/// rises less than it goes back (steeper than 45° is still climbing the forehead).
fn turns_over(points: &[[f64; 2]]) -> bool {
    let Some(&[end_depth, end_height]) = points.last() else {
        return false;
    };
    let from = points.iter().rev().find(|p| (p[0] - end_depth).hypot(p[1] - end_height) >= 10.0);
    from.is_some_and(|&[depth, height]| end_height - height < end_depth - depth)
}

/// Where the head's front outline comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadSource {
    /// A profile traced on a side photo.
    Profile,
    /// [`HeadShape::average`]: the figures are estimates.
    AverageHead,
}

/// The head's shape above the glabella: see the module's documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadShape {
    /// The front outline from the glabella to the vertex: height above the glabella (strictly
    /// rising), depth behind it, and the length along the skin from the glabella, all in mm.
    outline: Vec<OutlinePoint>,
    /// How far behind the glabella the vertex is: the depth of every slice's centre.
    vertex_depth_mm: f64,
    /// A slice's width half-axis over its depth half-axis.
    width_ratio: f64,
    pub source: HeadSource,
    /// Whether the width ratio was measured (from the head's width on the front photo).
    pub width_measured: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct OutlinePoint {
    height: f64,
    depth: f64,
    arc: f64,
}

/// The average adult head, rounded from Pheasant and Haslegrave, *Bodyspace* (3rd ed., 2006),
/// head dimensions of British adults aged 19 to 65, 50th percentile, men and women averaged:
/// head length (glabella to the back of the head) about 190 mm, head breadth about 150 mm. The
/// height of the vertex above the glabella, about 100 mm, is derived from the same tables (head
/// height less the glabella's height above the chin) and is the roughest of the three. The
/// outline is a quarter ellipse through the glabella (forehead upright there) and the vertex.
pub mod average {
    /// Half the head's length: the vertex's depth behind the glabella.
    pub const HALF_LENGTH_MM: f64 = 95.0;
    /// Half the head's breadth.
    pub const HALF_BREADTH_MM: f64 = 75.0;
    /// The vertex's height above the glabella.
    pub const VERTEX_HEIGHT_MM: f64 = 100.0;
}

impl HeadShape {
    /// The average adult head ([`average`]).
    pub fn average() -> Self {
        let (c, b) = (average::HALF_LENGTH_MM, average::VERTEX_HEIGHT_MM);
        let points: Vec<[f64; 2]> = (0..=256)
            .map(|i| {
                let t = f64::from(i) / 256.0 * std::f64::consts::FRAC_PI_2;
                [c - c * t.cos(), b * t.sin()]
            })
            .collect();
        let mut shape = Self::from_outline(&points, average::HALF_BREADTH_MM / average::HALF_LENGTH_MM);
        shape.source = HeadSource::AverageHead;
        shape
    }

    /// The head of a traced profile, with the average head's width ratio until
    /// [`Self::with_width`] measures it.
    pub fn from_profile(profile: &Profile) -> Self {
        let top = top_index(&profile.points);
        Self::from_outline(&profile.points[..=top], average::HALF_BREADTH_MM / average::HALF_LENGTH_MM)
    }

    /// The outline through `points` (from the glabella to the vertex, the last point), with
    /// heights made strictly rising (a wobble back down is dropped).
    fn from_outline(points: &[[f64; 2]], width_ratio: f64) -> Self {
        let mut outline: Vec<OutlinePoint> = vec![OutlinePoint { height: 0.0, depth: 0.0, arc: 0.0 }];
        for &[depth, height] in points {
            let Some(&last) = outline.last() else { continue };
            if height <= last.height {
                continue;
            }
            // Capped as every length along the skin is (see `skin_length_mm`), so that the
            // midline's figures and the ruler's agree near the edge-on top.
            let rise = height - last.height;
            let arc = last.arc + (depth - last.depth).hypot(rise).min(rise * MAX_STRETCH);
            outline.push(OutlinePoint { height, depth, arc });
        }
        let vertex_depth_mm = points.last().map_or(0.0, |p| p[0]);
        Self { outline, vertex_depth_mm, width_ratio, source: HeadSource::Profile, width_measured: false }
    }

    /// The same head, as wide as `half_width_mm` at `height_mm` above the glabella (the widest
    /// part of the head as the front photo shows it). Ignored if the figures make no head.
    #[must_use]
    pub fn with_width(mut self, half_width_mm: f64, height_mm: f64) -> Self {
        let height = height_mm.clamp(0.0, self.top_mm() * 0.8);
        let depth_half_axis = self.vertex_depth_mm - self.front_depth(height);
        let ratio = half_width_mm / depth_half_axis;
        if ratio.is_finite() && ratio > 0.2 && ratio < 5.0 {
            self.width_ratio = ratio;
            self.width_measured = true;
        }
        self
    }

    /// The vertex's height above the glabella.
    pub fn top_mm(&self) -> f64 {
        self.outline.last().map_or(0.0, |p| p.height)
    }

    /// The outline's depth behind the glabella at `height` (0 below the glabella, the vertex's
    /// above the top).
    fn front_depth(&self, height: f64) -> f64 {
        self.along_outline(height, |p| p.depth)
    }

    /// `value` of the outline interpolated at `height`, held at the ends.
    fn along_outline(&self, height: f64, value: impl Fn(&OutlinePoint) -> f64) -> f64 {
        let next = self.outline.partition_point(|p| p.height < height);
        match (next.checked_sub(1).and_then(|i| self.outline.get(i)), self.outline.get(next)) {
            (Some(a), Some(b)) => {
                let t = (height - a.height) / (b.height - a.height);
                value(a) + t * (value(b) - value(a))
            }
            (None, Some(only)) | (Some(only), None) => value(only),
            (None, None) => 0.0,
        }
    }

    /// The length along the skin up the midline from the glabella to the point `height_mm`
    /// above it in the photo; past the vertex, the length to the vertex (the rest is out of the
    /// front photo's sight).
    pub fn midline_skin_mm(&self, height_mm: f64) -> f64 {
        if height_mm <= 0.0 {
            return height_mm;
        }
        self.along_outline(height_mm, |p| p.arc)
    }

    /// The photo height above the glabella of the point `skin_mm` up the midline along the
    /// skin: the inverse of [`Self::midline_skin_mm`], held at the vertex.
    pub fn midline_photo_mm(&self, skin_mm: f64) -> f64 {
        if skin_mm <= 0.0 {
            return skin_mm;
        }
        let next = self.outline.partition_point(|p| p.arc < skin_mm);
        match (next.checked_sub(1).and_then(|i| self.outline.get(i)), self.outline.get(next)) {
            (Some(a), Some(b)) => a.height + (skin_mm - a.arc) / (b.arc - a.arc) * (b.height - a.height),
            _ => self.top_mm(),
        }
    }

    /// How far behind the glabella the skin seen at `face` is; `None` beyond the head's outline.
    fn depth_at(&self, face: FacePoint) -> Option<f64> {
        let height = face.y_mm.max(0.0);
        if height > self.top_mm() || face.y_mm < -REACH_BELOW_GLABELLA_MM {
            return None;
        }
        let depth_half_axis = self.vertex_depth_mm - self.front_depth(height);
        if depth_half_axis <= 0.0 {
            return None;
        }
        let across = face.x_mm / (self.width_ratio * depth_half_axis);
        (across.abs() < 1.0).then(|| self.vertex_depth_mm - depth_half_axis * (1.0 - across * across).sqrt())
    }

    /// The skin's slope away from the camera at `face`: the change of depth per mm across and
    /// per mm up; `None` beyond the outline or where it is edge-on.
    fn slope_at(&self, face: FacePoint) -> Option<[f64; 2]> {
        const STEP: f64 = 0.25;
        let depth = |x_mm: f64, y_mm: f64| self.depth_at(FacePoint { x_mm, y_mm });
        let across = (depth(face.x_mm + STEP, face.y_mm)? - depth(face.x_mm - STEP, face.y_mm)?) / (2.0 * STEP);
        let up = if face.y_mm < 0.0 {
            0.0
        } else {
            (depth(face.x_mm, face.y_mm + STEP)? - depth(face.x_mm, (face.y_mm - STEP).max(0.0))?)
                / (face.y_mm + STEP - (face.y_mm - STEP).max(0.0))
        };
        Some([across, up])
    }

    /// The area of skin one square millimetre of the photo stands for at `face`, 1 to
    /// [`MAX_STRETCH`] (the cap where the skin is edge-on at the outline; 1 beyond it).
    pub fn stretch_at(&self, face: FacePoint) -> f64 {
        if self.depth_at(face).is_none() {
            return 1.0;
        }
        self.slope_at(face)
            .map_or(MAX_STRETCH, |[across, up]| (1.0 + across * across + up * up).sqrt().min(MAX_STRETCH))
    }

    /// The length along the skin of the path seen in the photo from `from` to `to` (a straight
    /// line in the photo), by steps of about half a millimetre; a step is at most
    /// [`MAX_STRETCH`] times its length in the photo, and past the head's outline its photo
    /// length.
    pub fn skin_length_mm(&self, from: FacePoint, to: FacePoint) -> f64 {
        let photo_mm = (to.x_mm - from.x_mm).hypot(to.y_mm - from.y_mm);
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a few thousand steps at most")]
        let steps = ((photo_mm * 2.0).ceil() as usize).clamp(1, 4096);
        #[expect(clippy::cast_precision_loss, reason = "a few thousand steps at most")]
        let at = |i: usize| {
            let t = i as f64 / steps as f64;
            FacePoint { x_mm: from.x_mm + t * (to.x_mm - from.x_mm), y_mm: from.y_mm + t * (to.y_mm - from.y_mm) }
        };
        (0..steps)
            .map(|i| {
                let (a, b) = (at(i), at(i + 1));
                let flat = (b.x_mm - a.x_mm).hypot(b.y_mm - a.y_mm);
                match (self.depth_at(a), self.depth_at(b)) {
                    (Some(da), Some(db)) => flat.hypot(db - da).min(flat * MAX_STRETCH),
                    _ => flat,
                }
            })
            .sum()
    }
}

/// A front view's photo mapped onto a head: its face frame and the head's shape.
#[derive(Clone, Debug, PartialEq)]
pub struct SkinMap {
    pub frame: FaceFrame,
    pub shape: HeadShape,
    /// The height of the line through the outer eye corners above the glabella, in the photo
    /// (mm); `None` until both are marked.
    pub canthus_line_mm: Option<f64>,
}

/// Cells per side of the grid a zone's skin area is summed over.
const CELLS: u32 = 160;

/// A key point of the hairline as an artist finds it on the head with a tape, in mm along the
/// skin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SkinPosition {
    /// Up the midline from the glabella to the height of the point (a level tape's height).
    pub up_midline_mm: f64,
    /// Across from the midline to the point, around the head at the point's height; negative
    /// to the photo's left.
    pub across_mm: f64,
    /// Up from the line of the outer eye corners to the point, straight up the head; `None`
    /// without both eye corners.
    pub above_eye_corners_mm: Option<f64>,
}

impl SkinMap {
    /// The area of skin one square millimetre of the photo stands for at `point` (photo px).
    pub fn stretch(&self, point: PhotoPoint) -> f64 {
        self.shape.stretch_at(self.frame.to_face(point))
    }

    /// Where `point` (photo px) is on the skin, measured as an artist measures.
    pub fn position(&self, point: PhotoPoint) -> SkinPosition {
        let face = self.frame.to_face(point);
        let level = face.y_mm;
        let across = self.shape.skin_length_mm(FacePoint { x_mm: 0.0, y_mm: level }, face);
        let above = self.canthus_line_mm.map(|line| {
            let up = self.shape.skin_length_mm(FacePoint { x_mm: face.x_mm, y_mm: line }, face);
            if level < line { -up } else { up }
        });
        SkinPosition {
            up_midline_mm: self.shape.midline_skin_mm(level),
            across_mm: across.copysign(face.x_mm),
            above_eye_corners_mm: above,
        }
    }

    /// Where the photo shows the point `skin_mm` along the skin straight up the head from
    /// `from` (photo px): found by halving, since the skin is never shorter than the photo.
    pub fn up_the_skin(&self, from: PhotoPoint, skin_mm: f64) -> PhotoPoint {
        let start = self.frame.to_face(from);
        let along = |photo_mm: f64| {
            self.shape.skin_length_mm(start, FacePoint { x_mm: start.x_mm, y_mm: start.y_mm + photo_mm })
        };
        let (mut low, mut high) = (0.0, skin_mm.max(0.0));
        for _ in 0..40 {
            let middle = f64::midpoint(low, high);
            if along(middle) < skin_mm { low = middle } else { high = middle }
        }
        self.frame.to_photo(FacePoint { x_mm: start.x_mm, y_mm: start.y_mm + f64::midpoint(low, high) })
    }

    /// The skin area of the polygon `vertices` (photo px), in mm², and its area in the photo:
    /// the stretch summed over a grid of up to 160 by 160 cells over the polygon's bounds.
    pub fn area_mm2(&self, vertices: &[PhotoPoint]) -> Option<(f64, f64)> {
        let photo_mm2 = super::polygon_area_px2(vertices) * self.frame.mm_per_px().powi(2);
        if vertices.len() < 3 || !photo_mm2.is_finite() || photo_mm2 <= 0.0 {
            return None;
        }
        let (mut min, mut max) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for p in vertices {
            min = [min[0].min(p.x), min[1].min(p.y)];
            max = [max[0].max(p.x), max[1].max(p.y)];
        }
        let size = [(max[0] - min[0]) / f64::from(CELLS), (max[1] - min[1]) / f64::from(CELLS)];
        let (mut inside, mut skin) = (0_u32, 0.0);
        for row in 0..CELLS {
            for column in 0..CELLS {
                let centre = PhotoPoint::new(
                    min[0] + (f64::from(column) + 0.5) * size[0],
                    min[1] + (f64::from(row) + 0.5) * size[1],
                );
                if polygon_contains(vertices, centre) {
                    inside += 1;
                    skin += self.stretch(centre);
                }
            }
        }
        // The grid's count of cells inside stands in for the exact photo area; the mean stretch
        // over them scales it.
        (inside > 0).then(|| (photo_mm2 * skin / f64::from(inside), photo_mm2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An ellipsoid head: half-width `a`, half-height `b`, half-depth `c` (mm), the glabella
    /// `glabella_above_centre` mm above its centre on the front.
    struct Ellipsoid {
        a: f64,
        b: f64,
        c: f64,
        glabella_above_centre: f64,
    }

    impl Ellipsoid {
        fn front_z(&self, y: f64) -> f64 {
            self.c * (1.0 - (y / self.b).powi(2)).max(0.0).sqrt()
        }

        /// The profile from the glabella over the top and down the back to the centre's height.
        fn profile(&self) -> Vec<[f64; 2]> {
            let (g, z_g) = (self.glabella_above_centre, self.front_z(self.glabella_above_centre));
            let start = (g / self.b).asin();
            (0..=400)
                .map(|i| {
                    let t = start + (std::f64::consts::PI - start) * f64::from(i) / 400.0;
                    let (y, z) = (self.b * t.sin(), self.c * t.cos());
                    [z_g - z, y - g]
                })
                .collect()
        }

        /// Length along the front midline from the glabella up to `h` above it (fine sums).
        fn midline_arc(&self, h: f64) -> f64 {
            let g = self.glabella_above_centre;
            let n = 20_000;
            (0..n)
                .map(|i| {
                    let (y0, y1) = (g + h * f64::from(i) / f64::from(n), g + h * f64::from(i + 1) / f64::from(n));
                    (y1 - y0).hypot(self.front_z(y1) - self.front_z(y0))
                })
                .sum()
        }
    }

    fn head() -> Ellipsoid {
        Ellipsoid { a: 76.0, b: 115.0, c: 98.0, glabella_above_centre: 15.0 }
    }

    fn shape_of(e: &Ellipsoid) -> HeadShape {
        let profile = Profile::from_points(e.profile()).expect("an ellipsoid's profile is a profile");
        let h = 10.0;
        let half_width = e.a * (1.0 - ((e.glabella_above_centre + h) / e.b).powi(2)).sqrt();
        HeadShape::from_profile(&profile).with_width(half_width, h)
    }

    #[test]
    fn the_midline_on_the_skin_is_the_ellipse_arc_and_maps_back() {
        let e = head();
        let shape = shape_of(&e);
        assert!(shape.width_measured);
        for h in [20.0, 60.0, 80.0, 95.0] {
            let (skin, truth) = (shape.midline_skin_mm(h), e.midline_arc(h));
            assert!((skin - truth).abs() < 0.01 * truth, "{h} mm: {skin} on the model, {truth} on the head");
            assert!((shape.midline_photo_mm(skin) - h).abs() < 0.05, "round trip at {h}");
        }
        assert!(shape.midline_skin_mm(80.0) > 85.0, "8 cm in the photo is longer on the skin");
    }

    #[test]
    fn the_average_head_makes_eight_centimetres_about_nine_on_the_skin() {
        let shape = HeadShape::average();
        assert_eq!(shape.source, HeadSource::AverageHead);
        let skin = shape.midline_skin_mm(80.0);
        assert!((87.0..96.0).contains(&skin), "{skin}");
        assert!((shape.stretch_at(FacePoint { x_mm: 0.0, y_mm: 2.0 }) - 1.0).abs() < 0.01);
        assert!(shape.stretch_at(FacePoint { x_mm: 0.0, y_mm: 80.0 }) > 1.4);
        let top = shape.stretch_at(FacePoint { x_mm: 0.0, y_mm: average::VERTEX_HEIGHT_MM - 0.1 });
        assert!((top - MAX_STRETCH).abs() < 1e-12, "edge-on at the top: {top}");
        let beyond = shape.stretch_at(FacePoint { x_mm: 0.0, y_mm: 130.0 });
        assert!((beyond - 1.0).abs() < 1e-12, "off the head, the photo's own: {beyond}");
    }

    #[test]
    fn going_up_the_skin_is_shorter_in_the_photo() {
        let frame = FaceFrame::new(
            [PhotoPoint::new(500.0, 0.0), PhotoPoint::new(500.0, 1000.0)],
            PhotoPoint::new(500.0, 800.0),
            0.2,
        )
        .expect("a frame");
        let map = SkinMap { frame, shape: shape_of(&head()), canthus_line_mm: None };
        let from = frame.to_photo(FacePoint { x_mm: 10.0, y_mm: 40.0 });
        let to = map.up_the_skin(from, 30.0);
        let (a, b) = (frame.to_face(from), frame.to_face(to));
        assert!((map.shape.skin_length_mm(a, b) - 30.0).abs() < 0.05, "{b:?}");
        assert!(b.y_mm - a.y_mm < 28.0, "shorter in the photo: {b:?}");
    }

    #[test]
    fn bad_profiles_are_named() {
        let e = head();
        let mut folded = e.profile();
        let at = folded.len() / 3;
        let [d, h] = folded[at];
        folded.insert(at + 1, [d - 20.0, h - 10.0]);
        assert!(matches!(Profile::from_points(folded), Err(ProfileProblem::FoldsBack { .. })));
        let short: Vec<[f64; 2]> = e.profile().into_iter().filter(|p| p[1] < 60.0 && p[0] < 30.0).collect();
        assert!(matches!(Profile::from_points(short), Err(ProfileProblem::StopsBeforeTop { .. })), "half a forehead");
        let line = [PhotoPoint::new(100.0, 500.0), PhotoPoint::new(120.0, 300.0), PhotoPoint::new(200.0, 200.0)];
        assert_eq!(Profile::from_side_view(&line, Some(line[0]), None), Err(ProfileProblem::NotCalibrated));
        assert_eq!(Profile::from_side_view(&line, None, Some(0.2)), Err(ProfileProblem::NoGlabella));
        let far = PhotoPoint::new(100.0, 800.0);
        assert!(matches!(
            Profile::from_side_view(&line, Some(far), Some(0.2)),
            Err(ProfileProblem::MissesGlabella { gap_mm }) if (gap_mm - 60.0).abs() < 1e-9
        ));
        assert!(ProfileProblem::FoldsBack { height_mm: 50.0 }.to_string().contains("folds back"));
        let mut damaged = e.profile();
        damaged[5][1] = f64::NAN;
        assert_eq!(Profile::from_points(damaged), Err(ProfileProblem::NotANumber));
        let nowhere = PhotoPoint::new(f64::NAN, 0.0);
        assert_eq!(Profile::from_side_view(&line, Some(nowhere), Some(0.2)), Err(ProfileProblem::NotANumber));
    }

    #[test]
    fn a_traced_side_photo_facing_either_way_gives_the_same_head() {
        let e = head();
        let mm_per_px = 0.25;
        let glabella = PhotoPoint::new(800.0, 900.0);
        for facing in [1.0, -1.0] {
            // The face toward the photo's left (facing -1) or right (+1): the head goes back
            // the other way. A dozen control points, as an artist would click.
            let profile = e.profile();
            let clicks: Vec<PhotoPoint> = profile
                .iter()
                .step_by(33)
                .map(|&[d, h]| PhotoPoint::new(glabella.x - facing * d / mm_per_px, glabella.y - h / mm_per_px))
                .collect();
            let traced = Profile::from_side_view(&clicks, Some(glabella), Some(mm_per_px)).expect("traced");
            let shape = HeadShape::from_profile(&traced);
            let truth = e.midline_arc(80.0);
            let skin = shape.midline_skin_mm(80.0);
            assert!((skin - truth).abs() < 0.03 * truth, "facing {facing}: {skin} vs {truth}");
        }
    }
}
