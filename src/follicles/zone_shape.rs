//! A zone's outline prepared for millions of queries: point-in-polygon and distance to the
//! edge, each checking only the few edges in the point's horizontal strip, and a coarse grid of
//! cells that answers at once for points well inside or well outside the zone.

use crate::design::PhotoPoint;

use super::{cell_index, clamped_cell_index};

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
        shape.cells = shape.classify_cells(half_diagonal);
        Some(shape)
    }

    /// The coarse cells, row by row: inside or outside by their centres, and near the edge where
    /// the centre lies within `reach` of an edge (inside) or within `half_diagonal` (outside), so
    /// that part of the cell may lie across the outline or within the distances asked for.
    fn classify_cells(&self, half_diagonal: f64) -> Vec<Cell> {
        let centre = |index: usize, origin: f64| {
            #[expect(clippy::cast_precision_loss, reason = "small cell counts")]
            let offset = (index as f64 + 0.5) * CELL_MM;
            origin + offset
        };
        // Inside or outside, a row at a time: like `contains`, a centre is inside when an odd
        // number of the outline's crossings of its row lie to its right.
        let mut inside = Vec::with_capacity(self.columns * self.rows);
        let mut crossings = Vec::new();
        for row in 0..self.rows {
            let y = centre(row, self.min[1]);
            crossings.clear();
            for &index in &self.strips[self.strip_of(y)] {
                let [a, b] = self.edges[index as usize];
                if (a[1] > y) != (b[1] > y) {
                    crossings.push((b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]);
                }
            }
            crossings.sort_by(f64::total_cmp);
            let mut passed = 0;
            for column in 0..self.columns {
                let x = centre(column, self.min[0]);
                while crossings.get(passed).is_some_and(|&crossing| crossing <= x) {
                    passed += 1;
                }
                inside.push((crossings.len() - passed) % 2 == 1);
            }
        }
        let mut cells: Vec<Cell> =
            inside.iter().map(|&inside| if inside { Cell::Inside } else { Cell::Outside }).collect();
        // Near the edge: each edge marks the cells within reach of it.
        for edge in &self.edges {
            let [a, b] = *edge;
            let columns = self.cell_span(a[0].min(b[0]) - self.reach, a[0].max(b[0]) + self.reach, 0);
            for row in self.cell_span(a[1].min(b[1]) - self.reach, a[1].max(b[1]) + self.reach, 1) {
                for column in columns.clone() {
                    let index = row * self.columns + column;
                    let within = if inside[index] { self.reach } else { half_diagonal };
                    if segment_distance([centre(column, self.min[0]), centre(row, self.min[1])], edge) < within {
                        cells[index] = Cell::Edge;
                    }
                }
            }
        }
        cells
    }

    /// The coarse cell `p` falls in.
    pub fn classify(&self, p: [f64; 2]) -> Cell {
        let column = cell_index((p[0] - self.min[0]) / CELL_MM, self.columns);
        let row = cell_index((p[1] - self.min[1]) / CELL_MM, self.rows);
        match (column, row) {
            (Some(column), Some(row)) => self.cells[row * self.columns + column],
            _ => Cell::Outside,
        }
    }

    /// Whether every point of the box from `min` to `max` (mm) is inside, away from the edge.
    pub fn is_inside_over(&self, min: [f64; 2], max: [f64; 2]) -> bool {
        let cell = |v: f64, origin: f64, count: usize| cell_index((v - origin) / CELL_MM, count);
        let (Some(x0), Some(y0), Some(x1), Some(y1)) = (
            cell(min[0], self.min[0], self.columns),
            cell(min[1], self.min[1], self.rows),
            cell(max[0], self.min[0], self.columns),
            cell(max[1], self.min[1], self.rows),
        ) else {
            return false;
        };
        (y0..=y1)
            .all(|row| self.cells[row * self.columns + x0..=row * self.columns + x1].iter().all(|&c| c == Cell::Inside))
    }

    /// Whether every point of the box from `min` to `max` (mm) is outside the zone.
    pub fn is_outside_over(&self, min: [f64; 2], max: [f64; 2]) -> bool {
        if self.misses_box(min, max) {
            return true;
        }
        // The cells the box overlaps; parts past the grid are outside anyway.
        let columns = self.cell_span(min[0], max[0], 0);
        self.cell_span(min[1], max[1], 1)
            .all(|row| self.cells[row * self.columns..][columns.clone()].iter().all(|&cell| cell == Cell::Outside))
    }

    /// The cells from `low` to `high` (mm) along `axis` (0 for x), clamped to the grid.
    fn cell_span(&self, low: f64, high: f64, axis: usize) -> std::ops::RangeInclusive<usize> {
        let count = if axis == 0 { self.columns } else { self.rows };
        let cell = |v: f64| clamped_cell_index((v - self.min[axis]) / CELL_MM, count);
        cell(low)..=cell(high)
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
        clamped_cell_index((y - self.min[1]) / self.strip_height, STRIPS)
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
            best = best.min(segment_distance(p, &[a, b]));
        }
        best
    }
}

/// The distance from `point` to the segment from `start` to `end`.
fn segment_distance(point: [f64; 2], [start, end]: &[[f64; 2]; 2]) -> f64 {
    let along = [end[0] - start[0], end[1] - start[1]];
    let from_start = [point[0] - start[0], point[1] - start[1]];
    let length_sq = (along[0] * along[0] + along[1] * along[1]).max(1e-12);
    // The nearest point of the segment, as a share of the way from start to end.
    let share = ((from_start[0] * along[0] + from_start[1] * along[1]) / length_sq).clamp(0.0, 1.0);
    let offset = [from_start[0] - share * along[0], from_start[1] - share * along[1]];
    // Millimetres on a photo: far from overflow, so no need for `hypot`'s care (and its cost).
    (offset[0] * offset[0] + offset[1] * offset[1]).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(points: &[(f64, f64)], reach_mm: f64) -> ZoneShape {
        let vertices: Vec<PhotoPoint> = points.iter().map(|&(x, y)| PhotoPoint::new(x, y)).collect();
        ZoneShape::new(&vertices, 1.0, reach_mm).expect("three or more vertices")
    }

    /// A disc, an L, and a comb whose teeth are narrower than a cell.
    fn outlines() -> Vec<Vec<(f64, f64)>> {
        let disc = (0..40)
            .map(|i| {
                let angle = f64::from(i) / 40.0 * std::f64::consts::TAU;
                (50.0 + 37.3 * angle.cos(), 50.0 + 37.3 * angle.sin())
            })
            .collect();
        let l_shape = vec![(0.0, 0.0), (30.0, 0.0), (30.0, 10.0), (10.0, 10.0), (10.0, 40.0), (0.0, 40.0)];
        let mut comb = vec![(0.0, 0.0), (41.0, 0.0)];
        for tooth in (0..10).rev() {
            let x = f64::from(tooth) * 4.1;
            comb.extend([(x + 1.5, 3.0), (x + 1.5, 20.0), (x + 0.3, 20.0), (x + 0.3, 3.0)]);
        }
        vec![disc, l_shape, comb]
    }

    #[test]
    fn coarse_cells_agree_with_exact_answers() {
        let half_diagonal = CELL_MM * std::f64::consts::FRAC_1_SQRT_2;
        for (index, outline) in outlines().iter().enumerate() {
            for feather in [0.5, 3.0] {
                let shape = shape(outline, feather);
                for row in 0..shape.rows {
                    for column in 0..shape.columns {
                        #[expect(clippy::cast_precision_loss, reason = "small cell counts")]
                        let centre = [
                            shape.min[0] + (column as f64 + 0.5) * CELL_MM,
                            shape.min[1] + (row as f64 + 0.5) * CELL_MM,
                        ];
                        let distance = shape.distance_to_edge(centre);
                        let expected = match (shape.contains(centre), distance) {
                            (true, d) if d >= shape.reach => Cell::Inside,
                            (false, d) if d >= half_diagonal => Cell::Outside,
                            _ => Cell::Edge,
                        };
                        assert_eq!(shape.classify(centre), expected, "outline {index}, cell ({column}, {row})");
                    }
                }
            }
        }
    }

    #[test]
    fn points_well_inside_and_outside_are_answered_by_the_cells() {
        let l_shape = shape(&outlines()[1], 0.5);
        assert_eq!(l_shape.classify([5.0, 30.0]), Cell::Inside);
        assert_eq!(l_shape.classify([25.0, 30.0]), Cell::Outside);
        assert_eq!(l_shape.classify([10.0, 25.0]), Cell::Edge);
        assert!(l_shape.contains([9.9, 25.0]) && !l_shape.contains([10.1, 25.0]));
        let far_reaching = shape(&outlines()[1], 10.0);
        assert!((far_reaching.distance_to_edge([5.0, 5.0]) - 5.0).abs() < 1e-9);
        assert!((l_shape.distance_to_edge([5.0, 5.0]) - l_shape.reach).abs() < 1e-9, "capped at the reach");
    }
}
