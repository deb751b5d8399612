//! Skin and pigment colour: measuring the skin, predicting the colour a shade of diluted carbon
//! black shows on it, and advising which shades read as hair roots rather than ink.
//!
//! Conversions and colour differences come from the `palette` crate (sRGB with D65, CIELAB,
//! CIEDE2000). The pigment model is deliberately simple and stated here in full:
//!
//! - A shade is carbon black diluted `w` parts water to 1 part pigment; its pigment share is
//!   `c = 1 / (w + 1)`.
//! - In the skin, a dot's pigment hides a share `k` of the skin's light, growing with the pigment
//!   share like an absorbing layer (Beer–Lambert): `k = 1 − exp(−c / C_REF)`, with `C_REF` chosen
//!   so that a fresh 6:1 dot is nearly opaque and a 30:1 dot hides about half the light, the two
//!   ends of the range SMP trainers use (domain notes: artists dilute 6x to 30x, lighter
//!   dilutions on fair skin).
//! - Fresh, the dot is a scab of pigment on the surface: `k` as given, and the dot is a fifth wider.
//! - Healed, the epidermis has regrown over the pigment and part of it has been shed: the hidden
//!   share falls to [`HEALED_RETENTION`] of the fresh one (the healed *strength*), and the dot
//!   takes its needle's size times [`HEALED_SPREAD`] (the healed *spread*). A clinic can replace
//!   both by what its own healed clients show ([`crate::calibration`]); the studio then holds
//!   them as the process-wide [`HealedModel`] ([`set_healed_model`]), which every preview and
//!   every piece of advice reads.
//! - Years after the last session, it fades slowly: the hidden share falls by [`FADE_PER_YEAR`]
//!   a year and the dot spreads by [`SPREAD_PER_YEAR`] a year (domain notes: a touch-up after 1 to
//!   5 years; dots spread a little).
//! - The colour is a mix in linear light between the skin and the pigment, whose colour through
//!   the skin is a cool grey-black ([`CARBON_IN_SKIN`]): carbon under the dermis scatters blue
//!   back (the Tyndall effect), the "bluish cast" artists fear on fair skin. A custom pigment
//!   (another brand, a warmer black, an iron-oxide brown) replaces that colour with its own, as the
//!   artist measured or chose it; its dilutions hide light like carbon's.
//!
//! The numbers are a starting point for an artist's eye, not a measurement of any ink.
//!
//! Two measurements sit beside the model: whether a patch the skin eyedropper read is skin
//! ([`patch`]), and the white balance that takes the light's colour out of every reading
//! ([`white_balance`]).

pub mod patch;
pub mod white_balance;

pub use patch::{SkinReading, read_skin_patch};
pub use white_balance::{Cast, NotNeutral, WhiteBalance};

use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};

use palette::color_difference::Ciede2000;
use palette::white_point::D65;
use palette::{FromColor, LinSrgb, Srgb};

/// A colour in CIELAB (D65): `l` from 0 (black) to 100 (white), `a` green to red, `b` blue to
/// yellow.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Lab {
    pub l: f64,
    pub a: f64,
    pub b: f64,
}

type PaletteLab = palette::Lab<D65, f64>;

impl Lab {
    pub fn new(l: f64, a: f64, b: f64) -> Self {
        Self { l, a, b }
    }

    pub fn from_srgb(rgb: [u8; 3]) -> Self {
        let lab = PaletteLab::from_color(Srgb::new(rgb[0], rgb[1], rgb[2]).into_format::<f64>());
        Self { l: lab.l, a: lab.a, b: lab.b }
    }

    /// The nearest displayable sRGB colour.
    pub fn to_srgb(self) -> [u8; 3] {
        let rgb = Srgb::from_color(self.palette()).into_format::<f64>();
        [rgb.red, rgb.green, rgb.blue].map(|c| {
            // Clamped to 0..=255 first.
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to a byte")]
            let byte = (c.clamp(0.0, 1.0) * 255.0).round() as u8;
            byte
        })
    }

    fn palette(self) -> PaletteLab {
        PaletteLab::new(self.l, self.a, self.b)
    }

    fn linear(self) -> LinSrgb<f64> {
        LinSrgb::from_color(self.palette())
    }

    /// The colour in linear-light sRGB, each channel 0 to 1 (outside for colours sRGB cannot show).
    pub fn to_linear_rgb(self) -> [f64; 3] {
        let rgb = self.linear();
        [rgb.red, rgb.green, rgb.blue]
    }

    /// The colour of linear-light sRGB channels (0 to 1).
    pub fn from_linear_rgb(rgb: [f64; 3]) -> Self {
        Self::from_linear(LinSrgb::new(rgb[0], rgb[1], rgb[2]))
    }

    fn from_linear(rgb: LinSrgb<f64>) -> Self {
        let lab = PaletteLab::from_color(rgb);
        Self { l: lab.l, a: lab.a, b: lab.b }
    }

    /// The CIEDE2000 colour difference (ΔE00): about 1 is just noticeable, 2 to 3 visible at a glance.
    pub fn delta_e_2000(self, other: Self) -> f64 {
        self.palette().difference(other.palette())
    }

    /// The Individual Typology Angle in degrees: `atan2(L* − 50, b*)`.
    pub fn ita_degrees(self) -> f64 {
        (self.l - 50.0).atan2(self.b).to_degrees()
    }
}

/// Skin categories of the Individual Typology Angle (Chardon et al. 1991; Del Bino et al. 2006).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItaCategory {
    VeryLight,
    Light,
    Intermediate,
    Tan,
    Brown,
    Dark,
}

impl ItaCategory {
    pub fn of(ita_degrees: f64) -> Self {
        match ita_degrees {
            a if a > 55.0 => Self::VeryLight,
            a if a > 41.0 => Self::Light,
            a if a > 28.0 => Self::Intermediate,
            a if a > 10.0 => Self::Tan,
            a if a > -30.0 => Self::Brown,
            _ => Self::Dark,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::VeryLight => "very light",
            Self::Light => "light",
            Self::Intermediate => "intermediate",
            Self::Tan => "tan",
            Self::Brown => "brown",
            Self::Dark => "dark",
        }
    }

    /// The Fitzpatrick type this category most often goes with: a suggestion; the artist decides.
    pub fn suggested_fitzpatrick(self) -> u8 {
        match self {
            Self::VeryLight => 1,
            Self::Light => 2,
            Self::Intermediate => 3,
            Self::Tan => 4,
            Self::Brown => 5,
            Self::Dark => 6,
        }
    }
}

/// Share of the pixels dropped from each end (darkest and lightest) when sampling skin.
const TRIM_SHARE: f64 = 0.2;

/// The skin colour of a circular patch of `pixels` (row-major RGBA, `width` wide): the mean in
/// CIELAB of the pixels left after dropping the darkest and lightest fifth by L*, so highlights,
/// shadows, pores and stray hairs do not count. `None` when the patch holds no pixel.
pub fn sample_skin(pixels: &[u8], width: u32, centre: [f64; 2], radius_px: f64) -> Option<Lab> {
    let width = width as usize;
    if width == 0 || !centre[0].is_finite() || !centre[1].is_finite() || !radius_px.is_finite() {
        return None;
    }
    let height = pixels.len() / 4 / width;
    let radius = radius_px.max(0.5);
    let clamp = |v: f64, end: usize| {
        // Clamped to the image, so the conversion is in range.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "clamped to the image"
        )]
        let index = v.clamp(0.0, end as f64) as usize;
        index
    };
    let (x0, x1) = (clamp(centre[0] - radius, width), clamp(centre[0] + radius + 1.0, width));
    let (y0, y1) = (clamp(centre[1] - radius, height), clamp(centre[1] + radius + 1.0, height));
    let mut samples = Vec::new();
    for y in y0..y1 {
        for x in x0..x1 {
            #[expect(clippy::cast_precision_loss, reason = "pixel indices")]
            let (dx, dy) = (x as f64 + 0.5 - centre[0], y as f64 + 0.5 - centre[1]);
            if dx * dx + dy * dy <= radius * radius {
                let p = &pixels[(y * width + x) * 4..][..3];
                samples.push(Lab::from_srgb([p[0], p[1], p[2]]));
            }
        }
    }
    if samples.is_empty() {
        return None;
    }
    samples.sort_by(|p, q| p.l.total_cmp(&q.l));
    // A fifth of a pixel count: far inside usize.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a share of a pixel count"
    )]
    let trim = (samples.len() as f64 * TRIM_SHARE) as usize;
    let kept = &samples[trim..samples.len() - trim];
    #[expect(clippy::cast_precision_loss, reason = "pixel counts")]
    let n = kept.len() as f64;
    let sum = kept.iter().fold([0.0; 3], |s, c| [s[0] + c.l, s[1] + c.a, s[2] + c.b]);
    Some(Lab::new(sum[0] / n, sum[1] / n, sum[2] / n))
}

/// The colour of a circular patch of `pixels` (row-major RGBA, `width` wide) as a person sees
/// it from far enough away that its detail merges: the mean of its pixels in linear light, with
/// nothing dropped (hair and the skin between the hairs both count). `None` for an empty patch.
pub fn sample_seen_from_afar(pixels: &[u8], width: u32, centre: [f64; 2], radius_px: f64) -> Option<Lab> {
    let width = width as usize;
    if width == 0 || !centre[0].is_finite() || !centre[1].is_finite() || !radius_px.is_finite() {
        return None;
    }
    let height = pixels.len() / 4 / width;
    let radius = radius_px.max(0.5);
    let mut sum = [0.0; 3];
    let mut count = 0_u32;
    for (y, row) in pixels.chunks_exact(width * 4).enumerate().take(height) {
        #[expect(clippy::cast_precision_loss, reason = "pixel indices")]
        let dy = y as f64 + 0.5 - centre[1];
        if dy.abs() > radius {
            continue;
        }
        for (x, p) in row.chunks_exact(4).enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "pixel indices")]
            let dx = x as f64 + 0.5 - centre[0];
            if dx * dx + dy * dy <= radius * radius {
                let linear = Lab::from_srgb([p[0], p[1], p[2]]).linear();
                sum = [sum[0] + linear.red, sum[1] + linear.green, sum[2] + linear.blue];
                count += 1;
            }
        }
    }
    (count > 0).then(|| {
        let n = f64::from(count);
        Lab::from_linear(LinSrgb::new(sum[0] / n, sum[1] / n, sum[2] / n))
    })
}

/// When the result is looked at.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Just done: dark, wide scabs of pigment.
    Fresh,
    /// Healed, a month or so after the session.
    #[default]
    Healed,
    /// This many years after the last session.
    YearsLater(f64),
}

/// The pigment share at which a fresh dot hides `1 − 1/e` (63 %) of the skin's light: 6:1
/// hides 94 %, 18:1 65 %, 30:1 48 %.
const C_REF: f64 = 0.05;
/// The share of the fresh dot's hiding power left once healed.
pub const HEALED_RETENTION: f64 = 0.75;
/// The share of the hiding power lost each year after healing: 12 %, chosen so that the
/// default shade (18:1 carbon black) on the bundled sample's light-medium skin (L* 73) stops
/// reading, and a touch-up is due, after about 3.6 years: inside the 1 to 5 years the trade
/// quotes (shared/domain.md), nearer its middle than its ends. Darker shades last longer (6:1:
/// about 6.5 years), lighter ones less (24:1: about 2.3). A guess to be corrected from healed
/// clients, not a measurement.
pub const FADE_PER_YEAR: f64 = 0.12;
/// How much wider a dot becomes each year (a share of its healed diameter).
pub const SPREAD_PER_YEAR: f64 = 0.04;
/// How much wider a fresh dot (a scab) looks than the needle's size.
pub const FRESH_WIDENING: f64 = 0.2;
/// Carbon black seen through the skin: a cool grey-black.
pub const CARBON_IN_SKIN: [u8; 3] = [34, 36, 44];

/// The colour of carbon black in the skin, the default pigment ([`CARBON_IN_SKIN`]).
pub fn carbon_ink() -> Lab {
    Lab::from_srgb(CARBON_IN_SKIN)
}

/// How much wider a healed dot is than its needle's size, by the model's default: 1 (healing
/// shrinks the fresh scab back to the needle's impression).
pub const HEALED_SPREAD: f64 = 1.0;

/// What healing does to a dot: how much of the fresh hiding power stays (the strength) and how
/// much wider than the needle the healed dot is (the spread).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HealedModel {
    /// The share of a fresh dot's hiding power left once healed (0 to 1).
    pub retention: f64,
    /// The healed dot's diameter over the needle's.
    pub spread: f64,
}

impl HealedModel {
    /// The model's own figures, [`HEALED_RETENTION`] and [`HEALED_SPREAD`].
    pub const DEFAULT: Self = Self { retention: HEALED_RETENTION, spread: HEALED_SPREAD };
}

impl Default for HealedModel {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The healed model every preview and piece of advice reads. Process-wide rather than passed
/// down, a deliberate trade: it is one clinic's setting that changes rarely (when a healed
/// client is measured or the calibration reset), while [`hiding`] is called from the shade
/// advice, the hair match, the dots and the sheet, whose signatures would all have to carry it.
/// Code that must not follow the clinic (the measurement's prediction, which is always against
/// the model's defaults) passes a model explicitly: [`hiding_with`], [`widening_with`],
/// [`crate::follicles::Layering::with_model`]. Tests of the core never set it.
static HEALED: RwLock<HealedModel> = RwLock::new(HealedModel::DEFAULT);
/// Counts changes of [`HEALED`], so caches of derived pictures and reports know to redo them.
static HEALED_GENERATION: AtomicU64 = AtomicU64::new(0);

/// The healed model in force: the clinic's calibration, or the model's defaults.
pub fn healed_model() -> HealedModel {
    // A writer cannot panic while holding the lock (it copies two numbers), so a poisoned lock
    // still holds a whole value.
    *HEALED.read().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Puts `model` in force for every later preview and piece of advice (the app does, at start
/// and when its calibration changes). Non-finite or non-positive figures are ignored.
pub fn set_healed_model(model: HealedModel) {
    if !(model.retention.is_finite() && model.spread.is_finite() && model.retention > 0.0 && model.spread > 0.0) {
        return;
    }
    let mut current = HEALED.write().unwrap_or_else(std::sync::PoisonError::into_inner);
    if *current != model {
        *current = model;
        HEALED_GENERATION.fetch_add(1, Ordering::Relaxed);
    }
}

/// Changes each time [`set_healed_model`] changes the model: a cache key for derived results.
pub fn healed_model_generation() -> u64 {
    HEALED_GENERATION.load(Ordering::Relaxed)
}

/// The share of the skin's light a dot of this shade hides at this stage (0 to 1), by the
/// healed model in force ([`healed_model`]).
pub fn hiding(water_parts: f64, stage: Stage) -> f64 {
    hiding_with(healed_model(), water_parts, stage)
}

/// [`hiding`] by the healed model `model`.
pub fn hiding_with(model: HealedModel, water_parts: f64, stage: Stage) -> f64 {
    let pigment_share = 1.0 / (water_parts.max(0.0) + 1.0);
    let fresh = 1.0 - (-pigment_share / C_REF).exp();
    let healed = fresh * model.retention;
    let share = match stage {
        Stage::Fresh => fresh,
        Stage::Healed => healed,
        Stage::YearsLater(years) => healed * (1.0 - FADE_PER_YEAR).powf(years.max(0.0)),
    };
    share.clamp(0.0, 1.0)
}

/// How much wider a dot looks at this stage than the needle's size, by the healed model in
/// force.
pub fn widening(stage: Stage) -> f64 {
    widening_with(healed_model(), stage)
}

/// [`widening`] by the healed model `model`.
pub fn widening_with(model: HealedModel, stage: Stage) -> f64 {
    match stage {
        Stage::Fresh => 1.0 + FRESH_WIDENING,
        Stage::Healed => model.spread,
        Stage::YearsLater(years) => model.spread * (1.0 + SPREAD_PER_YEAR * years.max(0.0)),
    }
}

/// The colour the middle of a dot of pigment `ink` diluted `water_parts` to one shows on `skin`
/// at this stage.
pub fn dot_colour(skin: Lab, ink: Lab, water_parts: f64, stage: Stage) -> Lab {
    mix(skin, ink, hiding(water_parts, stage))
}

/// The studio's one pigment-over-skin model: pigment `ink` hiding a share `cover` (0 to 1) of
/// `skin`'s light, mixed in linear light (light adds linearly; gamma-encoded values do not). The
/// swatches, the canvas, `render` and the design sheet all come from it: pixels through
/// [`crate::render::PigmentBlend`], an area's mean through the area's mean cover.
pub fn mix(skin: Lab, ink: Lab, cover: f64) -> Lab {
    let k = cover.clamp(0.0, 1.0);
    let (skin, ink) = (skin.linear(), ink.linear());
    Lab::from_linear(LinSrgb::new(
        skin.red * (1.0 - k) + ink.red * k,
        skin.green * (1.0 - k) + ink.green * k,
        skin.blue * (1.0 - k) + ink.blue * k,
    ))
}

/// The least healed ΔE00 at which dots read at conversational distance (2 to 3 is "visible at
/// a glance" on a swatch; dots a quarter of a millimetre wide need more).
pub const MIN_READABLE_DELTA_E: f64 = 8.0;
/// The most healed lightness contrast (skin L* − dot L*) before dots read as ink rather than
/// hair roots. Both are rules of thumb for the artist's eye, not measurements.
pub const MAX_NATURAL_CONTRAST: f64 = 25.0;

/// How one shade does on one skin.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ShadeAdvice {
    pub water_parts: f64,
    pub fresh: Lab,
    pub healed: Lab,
    /// ΔE00 between the skin and the dot, fresh and healed.
    pub delta_e_fresh: f64,
    pub delta_e_healed: f64,
    /// Lightness contrast, skin L* minus dot L*, fresh and healed.
    pub contrast_fresh: f64,
    pub contrast_healed: f64,
    /// Whether the healed dot is readable ([`MIN_READABLE_DELTA_E`]) and natural
    /// ([`MAX_NATURAL_CONTRAST`]).
    pub suggested: bool,
    pub warning: Option<String>,
}

/// The advice for pigment `ink` diluted `water_parts` to one on `skin`.
pub fn advise(skin: Lab, ink: Lab, water_parts: f64) -> ShadeAdvice {
    let fresh = dot_colour(skin, ink, water_parts, Stage::Fresh);
    let healed = dot_colour(skin, ink, water_parts, Stage::Healed);
    let contrast_healed = skin.l - healed.l;
    let delta_e_healed = skin.delta_e_2000(healed);
    let category = ItaCategory::of(skin.ita_degrees());
    let warning = if contrast_healed > MAX_NATURAL_CONTRAST {
        let look = match category {
            ItaCategory::VeryLight | ItaCategory::Light | ItaCategory::Intermediate => "a harsh, bluish look",
            _ => "dots that read as ink",
        };
        Some(format!(
            "Too dark for {} skin: healed, {contrast_healed:.0} L* darker than the skin; expect {look}.",
            category.label()
        ))
    } else if delta_e_healed < MIN_READABLE_DELTA_E {
        Some(format!("Too faint to read on {} skin: healed, ΔE00 {delta_e_healed:.1} from the skin.", category.label()))
    } else {
        None
    };
    ShadeAdvice {
        water_parts,
        fresh,
        healed,
        delta_e_fresh: skin.delta_e_2000(fresh),
        delta_e_healed,
        contrast_fresh: skin.l - fresh.l,
        contrast_healed,
        suggested: warning.is_none(),
        warning,
    }
}

/// When dots of this shade stop reading on `skin` and a touch-up is due: the years after the
/// last session until the dot's ΔE00 from the skin falls below [`MIN_READABLE_DELTA_E`]; zero if
/// it never reads, `None` if it still reads after `horizon` years.
pub fn touch_up_after_years(skin: Lab, ink: Lab, water_parts: f64, horizon: f64) -> Option<f64> {
    let reads = |years: f64| {
        skin.delta_e_2000(dot_colour(skin, ink, water_parts, Stage::YearsLater(years))) >= MIN_READABLE_DELTA_E
    };
    if reads(horizon) {
        return None;
    }
    if !reads(0.0) {
        return Some(0.0);
    }
    // The dot only fades with time: bisect for the crossing, to about a day.
    let (mut still, mut faded) = (0.0, horizon);
    while faded - still > 1.0 / 365.0 {
        let middle = f64::midpoint(still, faded);
        if reads(middle) {
            still = middle;
        } else {
            faded = middle;
        }
    }
    Some(faded)
}

/// The dilutions artists use, darkest first (parts water to 1 part pigment).
pub const PALETTE_WATER_PARTS: [f64; 8] = [1.0, 3.0, 6.0, 10.0, 14.0, 18.0, 24.0, 30.0];

/// The suggested range of dilutions of `ink` for `skin`: the darkest and lightest palette shades
/// whose healed dots are readable and natural, or `None` if none is.
pub fn suggested_range(skin: Lab, ink: Lab) -> Option<[f64; 2]> {
    let suggested: Vec<f64> = PALETTE_WATER_PARTS.iter().copied().filter(|&w| advise(skin, ink, w).suggested).collect();
    Some([*suggested.first()?, *suggested.last()?])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula: implementation
    /// notes, supplementary test data, and mathematical observations", table 1 (a selection
    /// covering each term of the formula).
    const SHARMA: [([f64; 3], [f64; 3], f64); 12] = [
        ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
        ([50.0, 3.1571, -77.2803], [50.0, 0.0, -82.7485], 2.8615),
        ([50.0, 2.8361, -74.0200], [50.0, 0.0, -82.7485], 3.4412),
        ([50.0, -1.3802, -84.2814], [50.0, 0.0, -82.7485], 1.0000),
        ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
        ([50.0, 2.49, -0.001], [50.0, -2.49, 0.0009], 7.1792),
        ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
        ([50.0, 2.5, 0.0], [61.0, -5.0, 29.0], 22.8977),
        ([50.0, 2.5, 0.0], [56.0, -27.0, -3.0], 31.9030),
        ([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644),
        ([22.7233, 20.0904, -46.6940], [23.0331, 14.9730, -42.5619], 2.0373),
        ([2.0776, 0.0795, -1.1350], [0.9033, -0.0636, -0.5514], 0.9082),
    ];

    #[test]
    fn ciede2000_matches_sharma_wu_and_dalal() {
        for (first, second, expected) in SHARMA {
            let (p, q) = (Lab::new(first[0], first[1], first[2]), Lab::new(second[0], second[1], second[2]));
            let got = p.delta_e_2000(q);
            assert!((got - expected).abs() < 1e-4, "{first:?} {second:?}: {got} vs {expected}");
            assert!((q.delta_e_2000(p) - expected).abs() < 1e-4, "symmetric");
        }
    }

    #[test]
    fn srgb_converts_to_published_lab_values() {
        // sRGB white, black, and mid grey (L* 53.39 for 128, from the CIE formulas).
        let white = Lab::from_srgb([255, 255, 255]);
        assert!((white.l - 100.0).abs() < 0.01 && white.a.abs() < 0.01 && white.b.abs() < 0.01, "{white:?}");
        assert!(Lab::from_srgb([0, 0, 0]).l.abs() < 1e-9);
        assert!((Lab::from_srgb([128, 128, 128]).l - 53.585).abs() < 0.01);
        // Pure sRGB red: L* 53.24, a* 80.09, b* 67.20 (Lindbloom).
        let red = Lab::from_srgb([255, 0, 0]);
        assert!(
            (red.l - 53.24).abs() < 0.05 && (red.a - 80.09).abs() < 0.05 && (red.b - 67.20).abs() < 0.05,
            "{red:?}"
        );
        for rgb in [[200, 150, 120], [60, 40, 30], [1, 2, 3]] {
            assert_eq!(Lab::from_srgb(rgb).to_srgb(), rgb, "round trip");
        }
    }

    #[test]
    fn ita_follows_its_definition_and_categories() {
        assert!((Lab::new(50.0, 0.0, 10.0).ita_degrees()).abs() < 1e-12);
        assert!((Lab::new(60.0, 0.0, 10.0).ita_degrees() - 45.0).abs() < 1e-9);
        assert!((Lab::new(40.0, 0.0, 10.0).ita_degrees() + 45.0).abs() < 1e-9);
        assert_eq!(ItaCategory::of(60.0), ItaCategory::VeryLight);
        assert_eq!(ItaCategory::of(45.0), ItaCategory::Light);
        assert_eq!(ItaCategory::of(30.0), ItaCategory::Intermediate);
        assert_eq!(ItaCategory::of(20.0), ItaCategory::Tan);
        assert_eq!(ItaCategory::of(0.0), ItaCategory::Brown);
        assert_eq!(ItaCategory::of(-45.0), ItaCategory::Dark);
    }

    fn patch(side: u32, colour: [u8; 3]) -> Vec<u8> {
        (0..side * side).flat_map(|_| [colour[0], colour[1], colour[2], 255]).collect()
    }

    #[test]
    fn the_eyedropper_ignores_highlights_and_shadows() {
        let skin = [196, 150, 122];
        let mut pixels = patch(40, skin);
        // A tenth of the pixels blown-out highlight, a tenth deep shadow.
        for (i, pixel) in pixels.chunks_mut(4).enumerate() {
            match i % 10 {
                0 => pixel[..3].copy_from_slice(&[255, 255, 255]),
                5 => pixel[..3].copy_from_slice(&[10, 8, 8]),
                _ => {}
            }
        }
        let sampled = sample_skin(&pixels, 40, [20.0, 20.0], 15.0).unwrap();
        assert!(sampled.delta_e_2000(Lab::from_srgb(skin)) < 0.5, "{sampled:?}");
        assert_eq!(sample_skin(&pixels, 40, [500.0, 500.0], 5.0), None, "off the photo");
    }

    #[test]
    fn hair_seen_from_afar_is_the_linear_mean_of_hair_and_skin() {
        // Every fourth pixel a dark hair: a quarter of the light is the hair's.
        let (skin, hair) = ([196, 150, 122], [40, 30, 25]);
        let pixels: Vec<u8> = (0..40 * 40)
            .flat_map(|i| if i % 4 == 0 { [hair[0], hair[1], hair[2], 255] } else { [skin[0], skin[1], skin[2], 255] })
            .collect();
        let seen = sample_seen_from_afar(&pixels, 40, [20.0, 20.0], 15.0).unwrap();
        let expected = mix(Lab::from_srgb(skin), Lab::from_srgb(hair), 0.25);
        assert!(seen.delta_e_2000(expected) < 0.5, "{seen:?} vs {expected:?}");
        // The skin eyedropper's trimmed mean would drop the hairs; this one keeps them.
        let trimmed = sample_skin(&pixels, 40, [20.0, 20.0], 15.0).unwrap();
        assert!(trimmed.delta_e_2000(Lab::from_srgb(skin)) < seen.delta_e_2000(Lab::from_srgb(skin)) - 2.0);
        assert_eq!(sample_seen_from_afar(&pixels, 40, [500.0, 500.0], 5.0), None, "off the photo");
    }

    #[test]
    fn more_water_gives_a_lighter_dot_and_healing_and_years_lighten_it() {
        let skin = Lab::from_srgb([196, 150, 122]);
        let lightness: Vec<f64> =
            PALETTE_WATER_PARTS.iter().map(|&w| dot_colour(skin, carbon_ink(), w, Stage::Healed).l).collect();
        assert!(lightness.windows(2).all(|pair| pair[0] < pair[1]), "{lightness:?}");
        let at = |stage| dot_colour(skin, carbon_ink(), 18.0, stage).l;
        assert!(at(Stage::Fresh) < at(Stage::Healed));
        assert!(at(Stage::Healed) < at(Stage::YearsLater(3.0)));
        assert!(at(Stage::YearsLater(3.0)) < skin.l);
        assert!(widening(Stage::Fresh) > widening(Stage::Healed));
        assert!(widening(Stage::YearsLater(5.0)) > widening(Stage::Healed));
    }

    #[test]
    fn a_near_black_shade_on_very_light_skin_is_flagged_and_a_faint_one_on_dark_skin() {
        let very_light = Lab::from_srgb([242, 218, 204]);
        assert_eq!(ItaCategory::of(very_light.ita_degrees()), ItaCategory::VeryLight);
        let near_black = advise(very_light, carbon_ink(), 1.0);
        assert!(!near_black.suggested);
        assert!(near_black.warning.as_deref().is_some_and(|w| w.contains("Too dark")), "{near_black:?}");

        let dark = Lab::from_srgb([74, 50, 38]);
        assert_eq!(ItaCategory::of(dark.ita_degrees()), ItaCategory::Dark);
        let faint = advise(dark, carbon_ink(), 30.0);
        assert!(faint.warning.as_deref().is_some_and(|w| w.contains("Too faint")), "{faint:?}");

        // Fair skin takes the lighter dilutions, dark skin the darker ones.
        assert_eq!(suggested_range(very_light, carbon_ink()), Some([14.0, 30.0]));
        assert_eq!(suggested_range(dark, carbon_ink()), Some([1.0, 10.0]));
    }

    #[test]
    fn a_custom_brown_pigment_gives_a_warmer_dot_than_carbon() {
        let skin = Lab::from_srgb([196, 150, 122]);
        let brown = Lab::from_srgb([70, 45, 30]);
        let (carbon_dot, brown_dot) =
            (dot_colour(skin, carbon_ink(), 10.0, Stage::Healed), dot_colour(skin, brown, 10.0, Stage::Healed));
        assert!(brown_dot.b > carbon_dot.b + 3.0, "{brown_dot:?} vs {carbon_dot:?}");
        assert!(brown_dot.l > carbon_dot.l, "a brown lighter than carbon gives a lighter dot");
    }

    #[test]
    fn the_default_shade_on_light_medium_skin_needs_a_touch_up_within_one_to_five_years() {
        // The bundled sample's skin, as its eyedropper samples read it.
        let skin = Lab::new(72.7, 14.0, 22.4);
        let years = touch_up_after_years(skin, carbon_ink(), 18.0, 30.0).unwrap();
        assert!((3.0..4.2).contains(&years), "{years:.2} years");
        let darker = touch_up_after_years(skin, carbon_ink(), 6.0, 30.0).unwrap();
        assert!(darker > years + 2.0 && darker < 10.0, "{darker:.2} years for 6:1");
    }

    #[test]
    fn a_touch_up_comes_sooner_for_a_fainter_shade() {
        let skin = Lab::from_srgb([196, 150, 122]);
        let faint = touch_up_after_years(skin, carbon_ink(), 30.0, 20.0).unwrap();
        let strong = touch_up_after_years(skin, carbon_ink(), 14.0, 20.0).unwrap();
        assert!(faint < strong, "{faint} vs {strong}");
        // At the crossing the dot is just at the readable limit.
        let at = |years| skin.delta_e_2000(dot_colour(skin, carbon_ink(), 30.0, Stage::YearsLater(years)));
        assert!(at(faint - 0.01) >= MIN_READABLE_DELTA_E && at(faint) < MIN_READABLE_DELTA_E + 0.05);
        assert_eq!(touch_up_after_years(skin, carbon_ink(), 1.0, 1.0), None, "a dark shade still reads after a year");
    }
}
