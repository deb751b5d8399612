//! A zone's outline prepared for millions of queries: point-in-polygon and distance to the
//! edge, each checking only the few edges in the point's horizontal strip, and a coarse grid of
//! cells that answers at once for points well inside or well outside the zone.

use crate::design::PhotoPoint;

/// Horizontal strips per zone: enough that each holds a handful of edges.
const STRIPS: usize = 128;
/// Side of the coarse classification cells, in mm.
const CELL_MM: f64 = 2.0;

/// Where a coarse cell lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Entirely outside the zone.
    Outside,
    /// Entirely inside, and farther from the edge than the distances asked for.
    Inside,
    /// Near the edge: ask [`ZoneShape::contains`] and [`ZoneShape::distance_to_edge`].
    Edge,
}

/// A polygon in millimetres with per-strip edge lists.
pub struct ZoneShape {
    edges: Vec<[[f64; 2]; 2]>,
    pub min: [f64; 2],
    pub max: [f64; 2],
    strip_height: f64,
    /// Edges crossing each strip (for containment).
    strips: Vec<Vec<u32>>,
    /// Edges within `reach` of each strip (for distances up to `reach`).
    near_strips: Vec<Vec<u32>>,
    reach: f64,
    cells: Vec<Cell>,
    columns: usize,
    rows: usize,
}

impl ZoneShape {
    /// `vertices` in photo pixels, scaled by `mm_per_px`; distances are needed up to `reach_mm`.
    pub fn new(vertices: &[PhotoPoint], mm_per_px: f64, reach_mm: f64) -> Option<Self> {
        if vertices.len() < 3 {
            return None;
        }
        let points: Vec<[f64; 2]> = vertices.iter().map(|p| [p.x * mm_per_px, p.y * mm_per_px]).collect();
        let edges: Vec<[[f64; 2]; 2]> =
            points.iter().zip(points.iter().cycle().skip(1)).map(|(a, b)| [*a, *b]).collect();
        let fold = |f: fn(f64, f64) -> f64, axis: usize, start: f64| points.iter().map(|p| p[axis]).fold(start, f);
        let min = [fold(f64::min, 0, f64::INFINITY), fold(f64::min, 1, f64::INFINITY)];
        let max = [fold(f64::max, 0, f64::NEG_INFINITY), fold(f64::max, 1, f64::NEG_INFINITY)];
        #[expect(clippy::cast_precision_loss, reason = "STRIPS is small")]
        let strip_height = ((max[1] - min[1]) / STRIPS as f64).max(1e-9);
        // Distances are capped past the cells' half diagonal, which classifying them needs.
        let half_diagonal = CELL_MM * std::f64::consts::FRAC_1_SQRT_2;
        let reach_mm = reach_mm + half_diagonal;
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a validated zone's size in cells")]
        let (columns, rows) = (
            ((max[0] - min[0]) / CELL_MM).ceil().max(1.0) as usize,
            ((max[1] - min[1]) / CELL_MM).ceil().max(1.0) as usize,
        );
        let mut shape = Self {
            edges,
            min,
            max,
            strip_height,
            strips: vec![Vec::new(); STRIPS],
            near_strips: vec![Vec::new(); STRIPS],
            reach: reach_mm,
            cells: Vec::with_capacity(columns * rows),
            columns,
            rows,
        };
        for (index, edge) in shape.edges.iter().enumerate() {
            let (low, high) = (edge[0][1].min(edge[1][1]), edge[0][1].max(edge[1][1]));
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            for strip in shape.strip_range(low, high) {
                shape.strips[strip].push(index);
            }
            for strip in shape.strip_range(low - reach_mm, high + reach_mm) {
                shape.near_strips[strip].push(index);
            }
        }
        for row in 0..rows {
            for column in 0..columns {
                #[expect(clippy::cast_precision_loss, reason = "small cell counts")]
                let centre = [min[0] + (column as f64 + 0.5) * CELL_MM, min[1] + (row as f64 + 0.5) * CELL_MM];
                let distance = shape.distance_to_edge(centre);
                let cell = match (shape.contains(centre), distance) {
                    (true, d) if d >= reach_mm => Cell::Inside,
                    (false, d) if d >= half_diagonal => Cell::Outside,
                    _ => Cell::Edge,
                };
                shape.cells.push(cell);
            }
        }
        Some(shape)
    }

    /// The coarse cell `p` falls in.
    pub fn classify(&self, p: [f64; 2]) -> Cell {
        let (x, y) = ((p[0] - self.min[0]) / CELL_MM, (p[1] - self.min[1]) / CELL_MM);
        if x < 0.0 || y < 0.0 {
            return Cell::Outside;
        }
        // Non-negative and compared with the grid's size before use.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "non-negative, bounds-checked")]
        let (column, row) = (x as usize, y as usize);
        if column >= self.columns || row >= self.rows {
            return Cell::Outside;
        }
        self.cells[row * self.columns + column]
    }

    /// Whether every point of the box from `min` to `max` (mm) is inside, away from the edge.
    pub fn is_inside_over(&self, min: [f64; 2], max: [f64; 2]) -> bool {
        let (x0, y0) = ((min[0] - self.min[0]) / CELL_MM, (min[1] - self.min[1]) / CELL_MM);
        let (x1, y1) = ((max[0] - self.min[0]) / CELL_MM, (max[1] - self.min[1]) / CELL_MM);
        if x0 < 0.0 || y0 < 0.0 {
            return false;
        }
        // Non-negative and compared with the grid's size before use.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "non-negative, bounds-checked")]
        let (x0, y0, x1, y1) = (x0 as usize, y0 as usize, x1 as usize, y1 as usize);
        if x1 >= self.columns || y1 >= self.rows {
            return false;
        }
        (y0..=y1)
            .all(|row| self.cells[row * self.columns + x0..=row * self.columns + x1].iter().all(|&c| c == Cell::Inside))
    }

    /// Whether the box from `min` to `max` (mm) misses this zone's bounding box.
    pub fn misses_box(&self, min: [f64; 2], max: [f64; 2]) -> bool {
        max[0] < self.min[0] || max[1] < self.min[1] || min[0] > self.max[0] || min[1] > self.max[1]
    }

    /// Point-in-polygon, answered by the coarse cells where they can.
    pub fn contains_fast(&self, p: [f64; 2]) -> bool {
        match self.classify(p) {
            Cell::Inside => true,
            Cell::Outside => false,
            Cell::Edge => self.contains(p),
        }
    }

    fn strip_of(&self, y: f64) -> usize {
        // Clamped to the strips that exist.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "clamped to 0..STRIPS"
        )]
        let strip = ((y - self.min[1]) / self.strip_height).floor().clamp(0.0, (STRIPS - 1) as f64) as usize;
        strip
    }

    fn strip_range(&self, low: f64, high: f64) -> std::ops::RangeInclusive<usize> {
        self.strip_of(low)..=self.strip_of(high)
    }

    pub fn contains(&self, p: [f64; 2]) -> bool {
        if p[0] < self.min[0] || p[0] > self.max[0] || p[1] < self.min[1] || p[1] > self.max[1] {
            return false;
        }
        let mut inside = false;
        for &index in &self.strips[self.strip_of(p[1])] {
            let [a, b] = self.edges[index as usize];
            if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0] {
                inside = !inside;
            }
        }
        inside
    }

    /// Distance to the nearest edge, capped at the `reach` given when built.
    pub fn distance_to_edge(&self, p: [f64; 2]) -> f64 {
        let mut best = self.reach;
        for &index in &self.near_strips[self.strip_of(p[1])] {
            let [a, b] = self.edges[index as usize];
            // Most edges of the strip are on its far side: reject them by their x-extent.
            if p[0] < a[0].min(b[0]) - best || p[0] > a[0].max(b[0]) + best {
                continue;
            }
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let t = (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy).max(1e-12)).clamp(0.0, 1.0);
            let distance = (p[0] - a[0] - t * dx).hypot(p[1] - a[1] - t * dy);
            best = best.min(distance);
        }
        best
    }
}
