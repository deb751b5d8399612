//! The hairline's transition band as a density factor: nothing ahead of the line but a few
//! clusters of leading dots, a rise from sparse to full across the band behind it, and broad
//! waves along it so the front is never a straight, hard line (shared/domain.md, after Shapiro).

use crate::design::{Transition, View};
use crate::geometry::sample_curve;

use super::random::{hash, unit};

/// Density at the very front of the band, as a share of the full density.
const FRONT_DENSITY: f64 = 0.12;
/// Density of a leading cluster ahead of the line, as a share of the full density.
const CLUSTER_DENSITY: f64 = 0.5;
/// Size of the cells that are or are not leading clusters, in mm.
const CLUSTER_CELL_MM: f64 = 1.6;

/// A view's hairline prepared for density queries, in millimetres.
pub struct HairlineBand {
    /// The hairline as a polyline, with the distance along it at each point.
    line: Vec<[f64; 2]>,
    along_mm: Vec<f64>,
    /// Unit vector "up the head": the side of the line the band lies on.
    up: [f64; 2],
    /// The line's extent across the head (perpendicular to `up`) and up it, in mm.
    across_range: [f64; 2],
    up_range: [f64; 2],
    /// How far from the line the band and its leading dots reach.
    reach: f64,
    transition: Transition,
    phase: f64,
    seed: u64,
}

impl HairlineBand {
    /// The band of `view`'s hairline, if it has one of at least two points and a midline.
    pub fn new(view: &View, mm_per_px: f64, seed: u64) -> Option<Self> {
        let curve = &view.curves[view.hairline_index()?];
        if curve.points.len() < 2 {
            return None;
        }
        let [a, b] = view.midline()?;
        let (dx, dy) = if b.y <= a.y { (b.x - a.x, b.y - a.y) } else { (a.x - b.x, a.y - b.y) };
        let length = dx.hypot(dy).max(f64::EPSILON);
        let line: Vec<[f64; 2]> =
            sample_curve(&curve.points).iter().map(|p| [p.x * mm_per_px, p.y * mm_per_px]).collect();
        let mut along_mm = Vec::with_capacity(line.len());
        let mut total = 0.0;
        for (i, p) in line.iter().enumerate() {
            if i > 0 {
                total += (p[0] - line[i - 1][0]).hypot(p[1] - line[i - 1][1]);
            }
            along_mm.push(total);
        }
        let t = &curve.transition;
        let reach = t.band_width_mm + t.micro_lead_mm + t.macro_amplitude_mm + 1.0;
        let up = [dx / length, dy / length];
        let range = |direction: [f64; 2]| {
            line.iter()
                .map(|p| p[0] * direction[0] + p[1] * direction[1])
                .fold([f64::INFINITY, f64::NEG_INFINITY], |r, v| [r[0].min(v), r[1].max(v)])
        };
        let (across_range, up_range) = (range([-up[1], up[0]]), range(up));
        let phase = unit(hash(&[seed, 0xA11CE])) * std::f64::consts::TAU;
        Some(Self { line, along_mm, up, across_range, up_range, reach, transition: t.clone(), phase, seed })
    }

    /// The share of a zone's density kept at `p` (mm): 0 to 1. Beside the line's ends nothing
    /// changes; well behind it everything is kept, and well ahead of it nothing.
    pub fn factor(&self, p: [f64; 2]) -> f64 {
        let across = -p[0] * self.up[1] + p[1] * self.up[0];
        if across < self.across_range[0] || across > self.across_range[1] {
            return 1.0;
        }
        let up = p[0] * self.up[0] + p[1] * self.up[1];
        if up > self.up_range[1] + self.reach {
            return 1.0;
        }
        if up < self.up_range[0] - self.reach {
            return 0.0;
        }
        let Some((depth_mm, along_mm)) = self.depth(p) else {
            return 1.0;
        };
        let t = &self.transition;
        let wave = if t.macro_wavelength_mm > 0.0 {
            t.macro_amplitude_mm * (std::f64::consts::TAU * along_mm / t.macro_wavelength_mm + self.phase).sin()
        } else {
            0.0
        };
        let depth_mm = depth_mm + wave;
        if depth_mm >= t.band_width_mm {
            1.0
        } else if depth_mm >= 0.0 {
            let x = depth_mm / t.band_width_mm.max(f64::EPSILON);
            FRONT_DENSITY + (1.0 - FRONT_DENSITY) * x * x * (3.0 - 2.0 * x)
        } else if depth_mm >= -t.micro_lead_mm && self.in_cluster(p) {
            CLUSTER_DENSITY
        } else {
            0.0
        }
    }

    /// Signed distance behind the line (positive up the head) and the distance along it, or
    /// `None` when `p` lies beyond the line's ends (the band does not wrap around them).
    #[expect(clippy::many_single_char_names, reason = "p, q, a, b, t, i as in the geometry")]
    fn depth(&self, p: [f64; 2]) -> Option<(f64, f64)> {
        let mut best: Option<(f64, usize, f64)> = None;
        for (i, pair) in self.line.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let length_sq = (dx * dx + dy * dy).max(1e-12);
            let t = (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_sq).clamp(0.0, 1.0);
            let distance_sq = (p[0] - a[0] - t * dx).powi(2) + (p[1] - a[1] - t * dy).powi(2);
            if best.is_none_or(|(d, _, _)| distance_sq < d) {
                best = Some((distance_sq, i, t));
            }
        }
        let (_, i, t) = best?;
        let last = self.line.len() - 2;
        if (i == 0 && t <= 0.0) || (i == last && t >= 1.0) {
            return None;
        }
        let (a, b) = (self.line[i], self.line[i + 1]);
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let length = dx.hypot(dy).max(1e-12);
        let mut normal = [-dy / length, dx / length];
        if normal[0] * self.up[0] + normal[1] * self.up[1] < 0.0 {
            normal = [-normal[0], -normal[1]];
        }
        let q = [a[0] + t * dx, a[1] + t * dy];
        let depth = (p[0] - q[0]) * normal[0] + (p[1] - q[1]) * normal[1];
        Some((depth, self.along_mm[i] + t * length))
    }

    fn in_cluster(&self, p: [f64; 2]) -> bool {
        // Cell indices of positions within a photo's few hundred mm fit an i64 exactly.
        #[expect(clippy::cast_possible_truncation, reason = "bounded positions")]
        let cell = |v: f64| (v / CLUSTER_CELL_MM).floor() as i64;
        let key = hash(&[self.seed, cell(p[0]).cast_unsigned(), cell(p[1]).cast_unsigned(), 0xC1_u64]);
        unit(key) < (self.transition.micro_cluster_share * 2.0).min(1.0)
    }
}
