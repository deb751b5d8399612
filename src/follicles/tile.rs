//! A ranked blue-noise tile: points in the unit square, ordered so that every prefix is itself
//! evenly spread (no clumps, no grid). Keeping the first `n` points gives blue noise at density
//! `n` per tile, so any density is a rank threshold, with no search at run time.
//!
//! Built once by Mitchell's best-candidate algorithm (1991) on a torus, so tiles repeat
//! seamlessly: each new point is the best of [`CANDIDATES`] random candidates, the one farthest
//! from all points so far.

#![allow(clippy::cast_possible_wrap, reason = "grid indices are below 100")]

use std::sync::OnceLock;

use crate::random::SplitMix64;

/// Points in the tile.
pub const TILE_POINTS: usize = 8192;
/// Candidates tried per point: more gives a more even spread, and a slower first build.
const CANDIDATES: usize = 24;
/// Fixed, so the tile is the same everywhere; designs vary through their own seed.
const TILE_SEED: u64 = 0x5EED_0FB1_E000_0001;

/// The tile's points in [0, 1)², best-spread first.
pub fn ranked_tile() -> &'static [[f32; 2]] {
    static TILE: OnceLock<Vec<[f32; 2]>> = OnceLock::new();
    TILE.get_or_init(build)
}

/// Blocks per side of a [`BlockedTile`].
pub const BLOCKS_PER_SIDE: usize = 8;

/// The tile's points grouped by square block (row by row), each block's points in rank order.
/// Generating dots block by block keeps neighbouring dots together in memory order, so that
/// splatting them touches a few cache lines at a time instead of the whole tile.
pub struct BlockedTile {
    /// `(rank, point)`, block after block.
    pub points: Vec<(u16, [f32; 2])>,
    /// Where each block starts in `points`, with the end as a last entry.
    pub block_starts: Vec<usize>,
}

impl BlockedTile {
    /// Each block's corner (in tile units, 0 to 1) and its points whose rank is below
    /// `candidates`, block after block.
    pub fn below_rank(&self, candidates: usize) -> impl Iterator<Item = ([f64; 2], &[(u16, [f32; 2])])> {
        self.block_starts.windows(2).enumerate().map(move |(block, range)| {
            let points = &self.points[range[0]..range[1]];
            let below = points.partition_point(|&(rank, _)| usize::from(rank) < candidates);
            #[expect(clippy::cast_precision_loss, reason = "a few blocks")]
            let (column, row, blocks) =
                ((block % BLOCKS_PER_SIDE) as f64, (block / BLOCKS_PER_SIDE) as f64, BLOCKS_PER_SIDE as f64);
            ([column / blocks, row / blocks], &points[..below])
        })
    }
}

/// The ranked tile grouped by blocks (see [`BlockedTile`]).
pub fn blocked_tile() -> &'static BlockedTile {
    static TILE: OnceLock<BlockedTile> = OnceLock::new();
    TILE.get_or_init(|| {
        let block_of = |v: f32| {
            // v is in [0, 1): the product is below BLOCKS_PER_SIDE.
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "v in [0, 1)")]
            #[expect(clippy::cast_precision_loss, reason = "a small constant")]
            let block = (v * BLOCKS_PER_SIDE as f32) as usize;
            block.min(BLOCKS_PER_SIDE - 1)
        };
        let mut points: Vec<(usize, u16, [f32; 2])> = ranked_tile()
            .iter()
            .enumerate()
            .map(|(rank, &p)| {
                (block_of(p[1]) * BLOCKS_PER_SIDE + block_of(p[0]), u16::try_from(rank).unwrap_or(u16::MAX), p)
            })
            .collect();
        points.sort_by_key(|&(block, rank, _)| (block, rank));
        let block_starts = (0..=BLOCKS_PER_SIDE * BLOCKS_PER_SIDE)
            .map(|block| points.partition_point(|&(b, _, _)| b < block))
            .collect();
        BlockedTile { points: points.into_iter().map(|(_, rank, p)| (rank, p)).collect(), block_starts }
    })
}

/// A uniform grid over the torus for nearest-point queries while building.
struct Grid {
    cells_per_side: usize,
    cells: Vec<Vec<[f64; 2]>>,
}

impl Grid {
    fn new(cells_per_side: usize) -> Self {
        Self { cells_per_side, cells: vec![Vec::new(); cells_per_side * cells_per_side] }
    }

    fn cell_of(&self, v: f64) -> usize {
        // v is in [0, 1): the product is below cells_per_side.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "v in [0, 1)"
        )]
        let cell = (v * self.cells_per_side as f64) as usize;
        cell.min(self.cells_per_side - 1)
    }

    fn insert(&mut self, p: [f64; 2]) {
        let (cx, cy) = (self.cell_of(p[0]), self.cell_of(p[1]));
        self.cells[cy * self.cells_per_side + cx].push(p);
    }

    /// Squared toroidal distance to the nearest point, searching rings of cells outwards.
    fn nearest_sq(&self, p: [f64; 2]) -> f64 {
        let n = self.cells_per_side;
        let (cx, cy) = (self.cell_of(p[0]), self.cell_of(p[1]));
        #[expect(clippy::cast_precision_loss, reason = "small cell counts")]
        let cell_size = 1.0 / n as f64;
        let mut best = f64::INFINITY;
        for ring in 0..=n / 2 {
            // Once a point is found, one more ring guarantees it is the nearest.
            #[expect(clippy::cast_precision_loss, reason = "small ring counts")]
            let ring_reach = (ring as f64 - 1.0).max(0.0) * cell_size;
            if best.is_finite() && ring_reach * ring_reach > best {
                break;
            }
            for dy in -(ring as isize)..=ring as isize {
                for dx in -(ring as isize)..=ring as isize {
                    if dx.unsigned_abs() != ring && dy.unsigned_abs() != ring {
                        continue;
                    }
                    let x = (cx as isize + dx).rem_euclid(n as isize).unsigned_abs();
                    let y = (cy as isize + dy).rem_euclid(n as isize).unsigned_abs();
                    for q in &self.cells[y * n + x] {
                        best = best.min(torus_distance_sq(p, *q));
                    }
                }
            }
        }
        best
    }
}

fn torus_distance_sq(a: [f64; 2], b: [f64; 2]) -> f64 {
    let d = |u: f64, v: f64| {
        let d = (u - v).abs();
        d.min(1.0 - d)
    };
    let (dx, dy) = (d(a[0], b[0]), d(a[1], b[1]));
    dx * dx + dy * dy
}

fn build() -> Vec<[f32; 2]> {
    let mut random = SplitMix64::new(TILE_SEED);
    let mut grid = Grid::new(64);
    let mut points = Vec::with_capacity(TILE_POINTS);
    for i in 0..TILE_POINTS {
        let mut best = [random.next_unit(), random.next_unit()];
        if i > 0 {
            let mut best_distance = grid.nearest_sq(best);
            for _ in 1..CANDIDATES {
                let candidate = [random.next_unit(), random.next_unit()];
                let distance = grid.nearest_sq(candidate);
                if distance > best_distance {
                    (best, best_distance) = (candidate, distance);
                }
            }
        }
        grid.insert(best);
        #[expect(clippy::cast_possible_truncation, reason = "unit coordinates fit f32")]
        points.push([best[0] as f32, best[1] as f32]);
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Smallest toroidal nearest-neighbour distance among the first `n` points, relative to the
    /// spacing of a perfect hexagonal packing of `n` points.
    fn min_spacing_ratio(n: usize) -> f64 {
        let points: Vec<[f64; 2]> = ranked_tile()[..n].iter().map(|p| [f64::from(p[0]), f64::from(p[1])]).collect();
        let mut grid = Grid::new(32);
        let mut min = f64::INFINITY;
        for &p in &points {
            min = min.min(grid.nearest_sq(p));
            grid.insert(p);
        }
        #[expect(clippy::cast_precision_loss, reason = "small counts")]
        let hex_spacing = (2.0 / (3f64.sqrt() * n as f64)).sqrt();
        min.sqrt() / hex_spacing
    }

    #[test]
    fn every_prefix_keeps_its_points_apart() {
        for n in [64, 512, 2048, TILE_POINTS] {
            let ratio = min_spacing_ratio(n);
            assert!(ratio > 0.3, "prefix {n}: closest pair at {ratio:.2} of the hexagonal spacing");
        }
    }

    #[test]
    fn the_tile_is_the_same_every_time() {
        assert_eq!(build()[..16], ranked_tile()[..16]);
    }
}
