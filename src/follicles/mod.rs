//! The follicle simulation: where the dots of a design go, and how big and dark each one is.
//!
//! Dots are placed at true physical scale from a ranked blue-noise tile ([`tile`]): the tile is
//! laid over the photo in millimetres (offset by the design's seed), and a tile point becomes a
//! dot when its rank is below the local density times the tile's area. The local density is the
//! zone's, faded in over its edge feather and shaped by the hairline's transition band
//! ([`transition`]), which also makes the dots near the line's front smaller and lighter.
//! Where zones overlap, the later zone in the list (drawn on top) decides.
//! A zone's density is per cm² of skin: on a front view mapped onto a head measured from a
//! traced profile ([`crate::geometry::SkinMap`]) the dots are laid as the camera sees that skin, closer
//! together in the photo where the skin turns away (the density times the skin's stretch, taken
//! per block of the tile), and each dot drawn with the same area share of the skin (its radius
//! over the square root of the stretch), so that the coverage, and so the tone, stays the zone's.
//! The tile holds 10 dots per mm² of photo ([`TILE_SIDE_MM`]): a density times its stretch
//! beyond 1,000 per cm² of photo (over 333/cm² of skin turned 70° away) is laid at that ceiling.
//! Each dot belongs to one session of the plan ([`Layering`]), which gives its shade.
//! Everything random comes from `SplitMix64` hashes of the seed ([`crate::random`]), so a design
//! gives the same dots on every run and machine.

mod edge_noise;
mod tile;
mod transition;
mod zone_shape;

pub use tile::{TILE_POINTS, blocked_tile, ranked_tile};

use crate::design::{PhotoPoint, View};
use crate::random::{self, hash, unit};

use transition::{Grade, HairlineBand, Over};
use zone_shape::{Cell, ZoneShape};

/// Side of the tile in mm: 8192 points over (28.6 mm)² is 10 dots/mm², the 1,000 dots/cm²
/// ceiling that validation allows.
pub const TILE_SIDE_MM: f64 = 28.62;

/// Side of one block of the tile (see [`tile::BlockedTile`]), in mm.
#[expect(clippy::cast_precision_loss, reason = "a small constant")]
const BLOCK_SIDE_MM: f64 = TILE_SIDE_MM / tile::BLOCKS_PER_SIDE as f64;

/// Separates a leading dot's draw from the dot's other draws.
const LEAD_KEY: u64 = 0x1EAD_0000_0000_0000;

/// Square millimetres in a square centimetre.
const MM2_PER_CM2: f64 = 100.0;

/// One simulated follicle dot, in photo pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub x_px: f32,
    pub y_px: f32,
    pub radius_px: f32,
    /// How much of the skin the dot's pigment covers, 0 to 1.
    pub opacity: f32,
    /// The zone the dot belongs to, by index.
    pub zone: u16,
}

/// How much of the skin's light a healed dot of carbon black diluted `water_parts` to one hides
/// (0 to 1), from the colour model in [`crate::colour`] (the healed model in force).
pub fn pigment_opacity(water_parts: f64) -> f64 {
    crate::colour::hiding(water_parts, crate::colour::Stage::Healed)
}

/// Which session lays each dot, and in which shade: the design's session plan, up to the
/// session being previewed. A dot draws its session from its own hash, so the dots of session
/// 1 stay where they are when the preview moves on to session 2 or 3.
#[derive(Clone, Debug, PartialEq)]
pub struct Layering {
    /// Each session's upper bound on the cumulative share of the dots (the last is 1), and its
    /// shade in parts water to one part pigment.
    sessions: Vec<(f64, f64)>,
    /// How many sessions have been done; later sessions' dots are not laid.
    done: usize,
    /// The share of the first session's dots that did not take: lost until the next session
    /// lays them again (in its own shade). 0 for the dots the needle lays; a preview of what
    /// the skin shows sets it ([`Self::with_first_session_loss`]).
    first_session_loss: f64,
    /// What healing does to each dot's darkness and size: the model in force
    /// ([`crate::colour::healed_model`]) unless set ([`Self::with_model`]).
    model: crate::colour::HealedModel,
}

impl Layering {
    /// Every dot in one shade.
    pub fn single(water_parts: f64) -> Self {
        Self {
            sessions: vec![(1.0, water_parts)],
            done: 1,
            first_session_loss: 0.0,
            model: crate::colour::healed_model(),
        }
    }

    /// The design's plan after `done` sessions (`None`: after all of them). Shares that do not
    /// add up to 1 are scaled to; a plan without sessions (or without dots) lays every dot in the
    /// design's shade.
    pub fn of(design: &crate::design::Design, done: Option<usize>) -> Self {
        let total: f64 = design.sessions.iter().map(|s| s.share_of_dots.max(0.0)).sum();
        if total <= 0.0 {
            return Self::single(design.pigment.water_parts);
        }
        let mut cumulative = 0.0;
        let sessions: Vec<(f64, f64)> = design
            .sessions
            .iter()
            .map(|s| {
                cumulative += s.share_of_dots.max(0.0) / total;
                (cumulative, s.water_parts.unwrap_or(design.pigment.water_parts))
            })
            .collect();
        let mut sessions = sessions;
        if let Some(last) = sessions.last_mut() {
            last.0 = 1.0;
        }
        let done = done.unwrap_or(sessions.len()).min(sessions.len());
        Self { sessions, done, first_session_loss: 0.0, model: crate::colour::healed_model() }
    }

    /// The dots as healing by `model` leaves them, whatever model is in force: for comparing a
    /// healed photo with the model's own defaults.
    #[must_use]
    pub fn with_model(mut self, model: crate::colour::HealedModel) -> Self {
        self.model = model;
        self
    }

    /// What the skin shows rather than what the needle laid: `share` (0 to 1) of the first
    /// session's dots, drawn by each dot's own hash, did not take.
    #[must_use]
    pub fn with_first_session_loss(mut self, share: f64) -> Self {
        self.first_session_loss = if share.is_finite() { share.clamp(0.0, 1.0) } else { 0.0 };
        self
    }

    /// How much of the light the laid dots hide on average once healed (0 to 1): each
    /// session's share of the dots in its shade, the first session's lost share laid again by
    /// the second (or gone, with one session). A zone with a shade of its own is all in it.
    pub fn mean_healed_hiding(&self) -> f64 {
        let mut previous = 0.0;
        let mut shares: Vec<(f64, f64)> = self
            .laid()
            .iter()
            .map(|&(bound, water_parts)| {
                let share = bound - previous;
                previous = bound;
                (share, pigment_opacity(water_parts))
            })
            .collect();
        let lost = shares.first().map_or(0.0, |&(share, _)| share * self.first_session_loss);
        if let Some(first) = shares.first_mut() {
            first.0 -= lost;
        }
        if let Some(second) = shares.get_mut(1) {
            second.0 += lost;
        }
        let laid: f64 = shares.iter().map(|&(share, _)| share).sum();
        if laid <= 0.0 {
            return 0.0;
        }
        shares.iter().map(|&(share, hiding)| share * hiding).sum::<f64>() / laid
    }

    /// The shade of each session laid so far, first to last.
    fn laid(&self) -> &[(f64, f64)] {
        &self.sessions[..self.done]
    }
}

/// The most dots one view simulates: three times a dense full scalp (500 cm² at 1,000 dots/cm²
/// is 500,000). Beyond it the calibration is surely wrong (a pixel measured as centimetres), and
/// simulating would take seconds and gigabytes.
pub const MAX_SIMULATED_DOTS: f64 = 1_500_000.0;

/// About how many dots the visible zones of `view` hold (area times density, overlaps counted
/// twice); `None` until the view is calibrated.
pub fn estimated_dots(view: &View) -> Option<f64> {
    let mm_per_px = view.mm_per_px()?;
    let area_mm2 =
        |zone: &crate::design::Zone| crate::geometry::polygon_area_px2(&zone.vertices) * mm_per_px * mm_per_px;
    Some(view.zones.iter().filter(|z| !z.hidden).map(|z| area_mm2(z) / MM2_PER_CM2 * z.density_per_cm2).sum())
}

/// Room for a view's dots, kept from one frame to the next: regenerating a full scalp while
/// the artist drags would otherwise ask the system for megabytes of fresh memory every frame,
/// and the page faults cost more than placing the dots.
#[derive(Debug, Default)]
pub struct DotBuffer {
    dots: Vec<Dot>,
    /// The second thread's half, before it joins the first.
    second_half: Vec<Dot>,
}

impl DotBuffer {
    pub fn dots(&self) -> &[Dot] {
        &self.dots
    }

    pub fn dots_mut(&mut self) -> &mut [Dot] {
        &mut self.dots
    }

    pub fn into_dots(self) -> Vec<Dot> {
        self.dots
    }
}

/// The dots of one view; empty until the view is calibrated, or when the zones would hold more
/// than [`MAX_SIMULATED_DOTS`].
pub fn generate_dots(view: &View, layering: &Layering, seed: u64) -> Vec<Dot> {
    let mut buffer = DotBuffer::default();
    generate_dots_into(view, layering, seed, &mut buffer);
    buffer.into_dots()
}

/// [`generate_dots`] into `buffer`, replacing what it held and reusing its memory.
pub fn generate_dots_into(view: &View, layering: &Layering, seed: u64, buffer: &mut DotBuffer) {
    generate_dots_on_skin(view, None, layering, seed, buffer);
}

/// [`generate_dots_into`] with the view's photo mapped onto the head by `skin`: each zone's
/// density is then per cm² of skin (see the module's documentation); `None`: per cm² of photo.
pub fn generate_dots_on_skin(
    view: &View,
    skin: Option<&crate::geometry::SkinMap>,
    layering: &Layering,
    seed: u64,
    buffer: &mut DotBuffer,
) {
    let DotBuffer { dots, second_half } = buffer;
    dots.clear();
    let Some(mm_per_px) = view.mm_per_px() else {
        return;
    };
    if estimated_dots(view).is_none_or(|dots| dots > MAX_SIMULATED_DOTS) {
        return;
    }
    let band = HairlineBand::new(view, mm_per_px, seed);
    let shapes: Vec<Option<ZoneShape>> = view
        .zones
        .iter()
        .map(|z| if z.hidden { None } else { ZoneShape::new(&z.vertices, mm_per_px, z.edge_feather_mm.max(1e-6)) })
        .collect();
    let offset = [unit(hash(&[seed, 1])) * TILE_SIDE_MM, unit(hash(&[seed, 2])) * TILE_SIDE_MM];
    let context = Context { seed, offset, px_per_mm: 1.0 / mm_per_px, band: band.as_ref(), skin };
    for (zone_index, (zone, shape)) in view.zones.iter().zip(&shapes).enumerate() {
        let Some(shape) = shape else {
            continue;
        };
        let above: Vec<&ZoneShape> = shapes[zone_index + 1..].iter().flatten().collect();
        let tiles: Vec<(i32, i32)> = tiles_over(shape.min, shape.max, offset).collect();
        // Two cores, two halves of the tiles; joined in order, so the result does not depend on
        // which thread finishes first.
        let (first, second) = tiles.split_at(tiles.len() / 2);
        let zone_job = ZoneJob::new(zone, zone_index, shape, &above, layering);
        second_half.clear();
        let joined = std::thread::scope(|scope| {
            let worker = scope.spawn(|| zone_job.dots(second, &context, second_half));
            zone_job.dots(first, &context, dots);
            worker.join()
        });
        if joined.is_err() {
            // The worker only does arithmetic; should it fail anyway, do its half here.
            second_half.clear();
            zone_job.dots(second, &context, second_half);
        }
        dots.extend_from_slice(second_half);
    }
}

/// What every zone's generation shares.
struct Context<'a> {
    seed: u64,
    offset: [f64; 2],
    px_per_mm: f64,
    band: Option<&'a HairlineBand>,
    skin: Option<&'a crate::geometry::SkinMap>,
}

impl Context<'_> {
    /// The skin's stretch at `p` (photo mm): 1 on a flat photo.
    fn stretch(&self, p: [f64; 2]) -> f64 {
        self.skin.map_or(1.0, |skin| skin.stretch(PhotoPoint::new(p[0] * self.px_per_mm, p[1] * self.px_per_mm)))
    }

    /// The largest stretch over the box from `min` to `max` (photo mm) and half a block around
    /// it (where the centres of the blocks across its edge lie), sampled on a grid of blocks and
    /// a little over: how many of a tile's ranks the zone can need.
    fn largest_stretch(&self, min: [f64; 2], max: [f64; 2]) -> f64 {
        if self.skin.is_none() {
            return 1.0;
        }
        let half = BLOCK_SIDE_MM / 2.0;
        let (min, max) = ([min[0] - half, min[1] - half], [max[0] + half, max[1] + half]);
        let steps = |low: f64, high: f64| {
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to 64")]
            let n = ((high - low) / BLOCK_SIDE_MM).ceil().clamp(1.0, 64.0) as u32;
            (0..=n).map(move |i| low + (high - low) * f64::from(i) / f64::from(n))
        };
        let largest = steps(min[1], max[1])
            .flat_map(|y| steps(min[0], max[0]).map(move |x| [x, y]))
            .map(|p| self.stretch(p))
            .fold(1.0, f64::max);
        (largest * 1.1).min(crate::geometry::MAX_STRETCH)
    }
}

/// One zone's generation.
struct ZoneJob<'a> {
    zone: &'a crate::design::Zone,
    index: usize,
    shape: &'a ZoneShape,
    /// The visible zones above this one, which win where they overlap.
    above: &'a [&'a ZoneShape],
    tile: &'a tile::BlockedTile,
    /// The rank below which a tile point becomes a dot at the zone's full density.
    full_rank: f64,
    /// Each laid session's share bound and opacity here: the zone's own shade, if it has one,
    /// overrides the sessions'.
    sessions: Vec<(f64, f32)>,
    /// Where the client's own hair is: no dot is laid there.
    hair: Option<crate::design::HairCells<'a>>,
    /// See [`Layering::first_session_loss`].
    first_session_loss: f64,
    /// A healed dot's diameter over its needle's ([`crate::colour::HealedModel::spread`]).
    spread: f64,
}

impl<'a> ZoneJob<'a> {
    fn new(
        zone: &'a crate::design::Zone,
        index: usize,
        shape: &'a ZoneShape,
        above: &'a [&'a ZoneShape],
        layering: &Layering,
    ) -> Self {
        #[expect(clippy::cast_possible_truncation, reason = "opacities are 0 to 1")]
        let sessions = layering
            .laid()
            .iter()
            .map(|&(bound, water_parts)| {
                let water_parts = zone.water_parts.unwrap_or(water_parts);
                (bound, crate::colour::hiding_with(layering.model, water_parts, crate::colour::Stage::Healed) as f32)
            })
            .collect();
        let full_rank = zone.density_per_cm2 / MM2_PER_CM2 * TILE_SIDE_MM * TILE_SIDE_MM;
        let hair = zone.hair_mask.as_ref().map(crate::design::HairCells::new);
        let first_session_loss = layering.first_session_loss;
        let spread = layering.model.spread;
        Self { zone, index, shape, above, tile: blocked_tile(), full_rank, sessions, hair, first_session_loss, spread }
    }

    /// Appends the zone's dots in `tiles` to `dots`.
    fn dots(&self, tiles: &[(i32, i32)], context: &Context<'_>, dots: &mut Vec<Dot>) {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "bounded by TILE_POINTS")]
        let candidates = ((self.full_rank * context.largest_stretch(self.shape.min, self.shape.max)).ceil() as usize)
            .min(TILE_POINTS);
        let (shape, offset) = (self.shape, context.offset);
        let zone_key = u64::try_from(self.index).unwrap_or(u64::MAX);
        for &(tx, ty) in tiles {
            let base = [f64::from(tx) * TILE_SIDE_MM + offset[0], f64::from(ty) * TILE_SIDE_MM + offset[1]];
            let tile_key =
                hash(&[context.seed, zone_key, i64::from(tx).cast_unsigned(), i64::from(ty).cast_unsigned()]);
            for (corner, points) in self.tile.below_rank(candidates) {
                let block_min = [base[0] + corner[0] * TILE_SIDE_MM, base[1] + corner[1] * TILE_SIDE_MM];
                let block_max = [block_min[0] + BLOCK_SIDE_MM, block_min[1] + BLOCK_SIDE_MM];
                if shape.is_outside_over(block_min, block_max) {
                    continue;
                }
                let band = context.band.map_or(Over::Full, |band| band.over_box(block_min, block_max));
                if band == Over::Empty {
                    continue;
                }
                // Most blocks of a large zone lie wholly inside it, under no other zone and away
                // from the hairline: there every candidate is kept by its rank alone.
                let plain = band == Over::Full
                    && shape.is_inside_over(block_min, block_max)
                    && self.above.iter().all(|upper| upper.misses_box(block_min, block_max));
                let centre = [block_min[0] + BLOCK_SIDE_MM / 2.0, block_min[1] + BLOCK_SIDE_MM / 2.0];
                let stretch = context.stretch(centre);
                let block = Block { base, points, plain, band_varies: band == Over::Varies, key: tile_key, stretch };
                self.block_dots(&block, context, dots);
            }
        }
    }

    /// Appends the dots of one block of a tile.
    fn block_dots(&self, block: &Block<'_>, context: &Context<'_>, dots: &mut Vec<Dot>) {
        let (zone, shape, px_per_mm) = (self.zone, self.shape, context.px_per_mm);
        let Some(&(laid_share, _)) = self.sessions.last() else {
            return;
        };
        let radius_mm = zone.dot_diameter_mm / 2.0 * self.spread / block.stretch.sqrt();
        let full_rank = self.full_rank * block.stretch;
        for &(rank, point) in block.points {
            let p = [
                block.base[0] + f64::from(point[0]) * TILE_SIDE_MM,
                block.base[1] + f64::from(point[1]) * TILE_SIDE_MM,
            ];
            let mut density = 1.0;
            let mut grade = Grade::FULL;
            if !block.plain {
                match shape.classify(p) {
                    Cell::Outside => continue,
                    Cell::Inside => {}
                    Cell::Edge => {
                        if !shape.contains(p) {
                            continue;
                        }
                        if zone.edge_feather_mm > 0.0 {
                            density = (shape.distance_to_edge(p) / zone.edge_feather_mm).min(1.0);
                        }
                    }
                }
                if self.above.iter().any(|upper| upper.contains_fast(p)) {
                    continue;
                }
                if block.band_varies
                    && let Some(band) = context.band
                {
                    grade = band.grade(p);
                    density *= grade.density;
                }
            }
            if f64::from(rank) >= density * full_rank {
                continue;
            }
            // One hash per dot: its session from the low 12 bits, its size from two 26-bit draws.
            let [session_draw, size_a, size_b] = random::draws(random::splitmix64(block.key ^ u64::from(rank)));
            if session_draw >= laid_share {
                continue;
            }
            // A leading dot's own draw, from a second hash: only ahead of the hairline.
            if grade.keep < 1.0 && unit(random::splitmix64(block.key ^ u64::from(rank) ^ LEAD_KEY)) >= grade.keep {
                continue;
            }
            if let Some(hair) = &self.hair
                && hair.is_hair(PhotoPoint::new(p[0] * px_per_mm, p[1] * px_per_mm))
            {
                continue;
            }
            let mut laid_in = self.sessions.iter().position(|&(bound, _)| session_draw < bound).unwrap_or(0);
            if laid_in == 0
                && self.first_session_loss > 0.0
                && unit(random::splitmix64(block.key ^ u64::from(rank) ^ DID_NOT_TAKE)) < self.first_session_loss
            {
                // Lost from the first session; the second, if laid, puts it back.
                if self.sessions.len() < 2 {
                    continue;
                }
                laid_in = 1;
            }
            let opacity = self.sessions.get(laid_in).map_or(0.0, |&(_, o)| o);
            // A triangular spread in [-1, 1): most dots near the mean size, a few larger or smaller.
            let spread = size_a + size_b - 1.0;
            let radius = radius_mm * grade.size * (1.0 + zone.size_variation * spread);
            #[expect(clippy::cast_possible_truncation, reason = "photo coordinates and shares fit f32")]
            dots.push(Dot {
                x_px: (p[0] * px_per_mm) as f32,
                y_px: (p[1] * px_per_mm) as f32,
                radius_px: (radius * px_per_mm) as f32,
                opacity: opacity * grade.shade as f32,
                zone: u16::try_from(self.index).unwrap_or(u16::MAX),
            });
        }
    }
}

/// Keys the draw of whether a first-session dot took, apart from the dot's other draws.
const DID_NOT_TAKE: u64 = 0x00FA_11ED_0000_0001;

/// One block of a tile laid over the photo.
struct Block<'a> {
    /// The tile's corner, in mm.
    base: [f64; 2],
    /// The block's candidate points, in tile units.
    points: &'a [(u16, [f32; 2])],
    /// Whether the whole block is inside the zone, under no other zone and behind the
    /// hairline's transition, so that every candidate is kept by its rank alone.
    plain: bool,
    /// Whether the block lies across the hairline's transition band.
    band_varies: bool,
    /// The tile's hash, from which each dot draws its size and session.
    key: u64,
    /// The skin's stretch over the block (see [`Context::stretch`]): its density is the
    /// zone's times this.
    stretch: f64,
}

/// The cell `cells` (a distance from a grid's origin, in cells) falls in: `None` before the
/// origin, past `count` cells, or for NaN. It runs for every candidate dot, so it converts
/// through `i32`, one instruction where a conversion to `usize` takes a dozen.
fn cell_index(cells: f64, count: usize) -> Option<usize> {
    if cells.is_nan() || cells < 0.0 {
        return None;
    }
    // Non-negative; values past i32::MAX saturate and fail the count check.
    #[expect(clippy::cast_possible_truncation, reason = "saturates, then checked against count")]
    let index = cells as i32;
    usize::try_from(index).ok().filter(|&index| index < count)
}

/// Like [`cell_index`], but clamped into the grid's `count` cells (at least one): for the
/// span of cells a box or an edge touches, which may hang over the grid.
fn clamped_cell_index(cells: f64, count: usize) -> usize {
    // Truncating a non-negative value floors it; NaN becomes 0.
    #[expect(clippy::cast_possible_truncation, clippy::cast_precision_loss, reason = "clamped to the grid")]
    let index = cells.clamp(0.0, count.saturating_sub(1) as f64) as i32;
    usize::try_from(index).unwrap_or(0)
}

/// The tile indices whose tiles overlap the box from `min` to `max` (mm).
fn tiles_over(min: [f64; 2], max: [f64; 2], offset: [f64; 2]) -> impl Iterator<Item = (i32, i32)> {
    // Tile indices of a photo a few metres wide at most: far inside i32.
    #[expect(clippy::cast_possible_truncation, reason = "bounded tile indices")]
    let index = |v: f64, o: f64| ((v - o) / TILE_SIDE_MM).floor() as i32;
    let (x0, x1) = (index(min[0], offset[0]), index(max[0], offset[0]));
    let (y0, y1) = (index(min[1], offset[1]), index(max[1], offset[1]));
    (y0..=y1).flat_map(move |ty| (x0..=x1).map(move |tx| (tx, ty)))
}
