//! Matching the client's own hair: what the healed result should look like from 1 m (the
//! target), whether each zone's result blends with it, the density or shade that would make it
//! blend (solved from the colour model), and the one shade to recommend.
//!
//! The question an artist really asks is not "which shade suits this skin" but "which shade and
//! density make the healed dots, seen from a metre, look like this client's stubble". The model
//! is [`crate::colour::mix`]: from afar a zone is its skin mixed with the pigment by the share of
//! the skin its healed dots hide (their coverage), which grows in proportion to the density and
//! to each dot's hiding power ([`crate::colour::hiding`]), as long as dots seldom overlap.

use serde::Serialize;

use crate::colour::{Lab, PALETTE_WATER_PARTS, Stage, hiding, mix};

/// Under this CIEDE2000 from the hair the eye takes the result for the same stubble; a common
/// threshold of acceptability in colour matching (1 is just noticeable side by side).
pub const BLENDS_BELOW_DELTA_E: f64 = 3.0;

/// The share of the scalp a freshly shaved head's stubble hides from 1 m, used to turn a hair
/// colour from the client record into a target when no hair could be sampled. A guess of this
/// studio (a one-to-two-day stubble; the sample's own stubble hides about a quarter to a third),
/// to be replaced by a hair sample whenever the client has any hair left.
pub const STUBBLE_COVER: f64 = 0.3;

/// Grey hair, as a hair colour (a light, nearly neutral grey).
const GREY_HAIR: Lab = Lab { l: 70.0, a: 0.0, b: 4.0 };

/// The colour of hair by the words of the client record, darkest first: rough CIELAB of hair
/// tresses in daylight, estimates of this studio from published hair-colour measurements, good
/// enough to rank shades and to be corrected by a sample of the client's own hair.
const HAIR_COLOURS: [(&str, Lab); 9] = [
    ("black", Lab { l: 16.0, a: 1.0, b: 2.0 }),
    ("dark brown", Lab { l: 22.0, a: 3.0, b: 6.0 }),
    ("light brown", Lab { l: 38.0, a: 7.0, b: 16.0 }),
    ("dark blond", Lab { l: 38.0, a: 7.0, b: 16.0 }),
    ("brown", Lab { l: 28.0, a: 5.0, b: 10.0 }),
    ("red", Lab { l: 36.0, a: 20.0, b: 26.0 }),
    ("blond", Lab { l: 56.0, a: 6.0, b: 24.0 }),
    ("grey", GREY_HAIR),
    ("white", Lab { l: 82.0, a: 0.0, b: 4.0 }),
];

/// Other words for the same colours, whole words.
const SYNONYMS: [(&str, &str); 6] =
    [("gray", "grey"), ("silver", "grey"), ("blonde", "blond"), ("auburn", "red"), ("ginger", "red"), ("salt", "grey")];

/// What the result should look like, and where that comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HairTarget {
    pub colour: Lab,
    pub source: TargetSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    /// A sample of the client's hair or stubble, seen from 1 m.
    HairSample,
    /// The client record's hair colour and share of grey, as stubble on the sampled skin.
    ClientRecord,
}

impl TargetSource {
    pub fn label(self) -> &'static str {
        match self {
            Self::HairSample => "the nearest hair sample",
            Self::ClientRecord => "the client record's hair colour (no hair sampled; an estimate)",
        }
    }
}

/// The hair colour the client record's words name, with its share of grey mixed in (in linear
/// light, as hairs side by side mix from afar); `None` when the words name no colour known here.
/// Words are matched whole ("coloured" is not "red"), two-word names first ("dark blond" is
/// not "blond"); a colour named beside grey ("black, going grey") is the colour, its greying
/// being the record's share of grey.
pub fn hair_colour_of_record(words: &str, grey_percent: Option<u8>) -> Option<Lab> {
    let lowered = words.to_lowercase();
    let words: Vec<&str> = lowered
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| SYNONYMS.iter().find(|(synonym, _)| *synonym == w).map_or(w, |&(_, name)| name))
        .collect();
    // Each colour named, in order, a two-word name ("dark brown") before its last word.
    let mut named = Vec::new();
    let mut at = 0;
    while let Some(word) = words.get(at) {
        let pair = words.get(at + 1).map(|next| format!("{word} {next}"));
        if let Some(&(_, lab)) = HAIR_COLOURS.iter().find(|(name, _)| Some(*name) == pair.as_deref()) {
            named.push(lab);
            at += 2;
            continue;
        }
        named.extend(HAIR_COLOURS.iter().filter(|(name, _)| name == word).map(|&(_, lab)| lab));
        at += 1;
    }
    let greyish = |lab: &Lab| lab.a.hypot(lab.b) < 5.0 && lab.l >= GREY_HAIR.l;
    let colour = named.iter().find(|lab| !greyish(lab)).or(named.first()).copied();
    let grey = f64::from(grey_percent.unwrap_or(0).min(100)) / 100.0;
    match colour {
        Some(colour) => Some(mix(colour, GREY_HAIR, grey)),
        None if grey > 0.0 => Some(GREY_HAIR),
        None => None,
    }
}

/// The target from the client record: its hair colour as stubble on `skin`.
pub fn target_of_record(skin: Lab, words: &str, grey_percent: Option<u8>) -> Option<HairTarget> {
    let hair = hair_colour_of_record(words, grey_percent)?;
    Some(HairTarget { colour: mix(skin, hair, STUBBLE_COVER), source: TargetSource::ClientRecord })
}

/// How a zone's result compares with the hair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Blends,
    TooLight,
    TooDark,
    /// Apart mostly in hue or chroma, not lightness: another pigment, not another density.
    OtherHue,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Self::Blends => "blends",
            Self::TooLight => "too light",
            Self::TooDark => "too dark",
            Self::OtherHue => "another hue",
        }
    }
}

/// A zone's healed result from 1 m against the hair, and what would make it blend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlendCheck {
    pub target: HairTarget,
    /// CIEDE2000 between the result and the target.
    pub delta_e: f64,
    /// The result's lightness minus the target's: above 0 the result is lighter.
    pub delta_l: f64,
    pub verdict: Verdict,
    /// The zone's density (dots per cm²) that would match the target's lightness with the same
    /// shade, when one between 20 and 400 would.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blending_density_per_cm2: Option<f64>,
    /// The shade (parts water to one of pigment) that would match it at the same density, when
    /// one between 0 and 60 would.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blending_water_parts: Option<f64>,
}

/// The densities and shades a fix may propose: beyond them the answer is another plan, not a
/// number.
const DENSITY_RANGE: [f64; 2] = [20.0, 400.0];
const WATER_PARTS_RANGE: [f64; 2] = [0.0, 60.0];

/// A zone whose healed dots at `density_per_cm2`, each hiding `hiding_now` of the light on
/// average (their sessions' shades, [`crate::follicles::Layering::mean_healed_hiding`]), hide
/// `coverage` of `skin` under `ink`, checked against `target`. The shade proposed is one for all
/// of the zone's dots (the zone's own shade).
pub fn check(
    skin: Lab,
    ink: Lab,
    coverage: f64,
    density_per_cm2: f64,
    hiding_now: f64,
    target: HairTarget,
) -> BlendCheck {
    let result = mix(skin, ink, coverage);
    let (delta_e, delta_l) = (result.delta_e_2000(target.colour), result.l - target.colour.l);
    let verdict = if delta_e < BLENDS_BELOW_DELTA_E {
        Verdict::Blends
    } else if delta_l.abs() < delta_e / 2.0 {
        // Mostly hue or chroma: more or fewer dots of this pigment will not match it.
        Verdict::OtherHue
    } else if delta_l > 0.0 {
        Verdict::TooLight
    } else {
        Verdict::TooDark
    };
    let (mut blending_density_per_cm2, mut blending_water_parts) = (None, None);
    if matches!(verdict, Verdict::TooLight | Verdict::TooDark)
        && let Some(wanted) = cover_for_lightness(skin, ink, target.colour.l)
        && coverage > 0.0
    {
        // Coverage grows with the density and with each dot's hiding power. A fix is offered
        // only if it does blend: matching the lightness may leave the hue apart.
        let blends = |cover: f64| mix(skin, ink, cover).delta_e_2000(target.colour) < BLENDS_BELOW_DELTA_E;
        let density = density_per_cm2 * wanted / coverage;
        blending_density_per_cm2 =
            ((DENSITY_RANGE[0]..=DENSITY_RANGE[1]).contains(&density) && blends(wanted)).then(|| density.round());
        blending_water_parts = water_parts_for_hiding(hiding_now * wanted / coverage)
            .map(|w| (w * 2.0).round() / 2.0)
            .filter(|&w| blends(coverage * hiding(w, Stage::Healed) / hiding_now));
    }
    BlendCheck { target, delta_e, delta_l, verdict, blending_density_per_cm2, blending_water_parts }
}

/// The coverage at which `ink` over `skin` has lightness `l`, by bisection (the mix darkens as
/// the coverage grows); `None` when no coverage reaches it (the target is lighter than the skin
/// or darker than the pigment itself).
pub fn cover_for_lightness(skin: Lab, ink: Lab, l: f64) -> Option<f64> {
    let lightness = |cover: f64| mix(skin, ink, cover).l;
    if !(l <= lightness(0.0) && l >= lightness(1.0)) {
        return None;
    }
    let (mut low, mut high) = (0.0, 1.0);
    for _ in 0..50 {
        let middle = f64::midpoint(low, high);
        if lightness(middle) > l {
            low = middle;
        } else {
            high = middle;
        }
    }
    Some(f64::midpoint(low, high))
}

/// The shade whose healed dot hides `wanted` of the light, by bisection (more water hides less);
/// `None` outside the shades offered.
fn water_parts_for_hiding(wanted: f64) -> Option<f64> {
    let [lightest_water, darkest_water] = [WATER_PARTS_RANGE[1], WATER_PARTS_RANGE[0]];
    let hides = |water: f64| hiding(water, Stage::Healed);
    if !(wanted >= hides(lightest_water) && wanted <= hides(darkest_water)) {
        return None;
    }
    let (mut darker, mut lighter) = (darkest_water, lightest_water);
    for _ in 0..50 {
        let middle = f64::midpoint(darker, lighter);
        if hides(middle) > wanted {
            darker = middle;
        } else {
            lighter = middle;
        }
    }
    Some(f64::midpoint(darker, lighter))
}

/// One shade of the palette and how its healed result looks from 1 m against the hair.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ShadeMatch {
    pub water_parts: f64,
    pub delta_e: f64,
    pub delta_l: f64,
}

/// The recommended shade and the runner-up, with a line on why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub best: ShadeMatch,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runner_up: Option<ShadeMatch>,
    /// The density the comparison is made at (the zone's).
    pub density_per_cm2: f64,
    pub why: String,
}

/// The palette shade whose healed dots, at the density and dot size that now give `coverage`
/// with dots hiding `hiding_now` on average, look from 1 m most like `target` if every dot were
/// in it; and the next best.
pub fn recommend(
    skin: Lab,
    ink: Lab,
    coverage: f64,
    density_per_cm2: f64,
    hiding_now: f64,
    target: HairTarget,
) -> Option<Recommendation> {
    if !(coverage > 0.0 && hiding_now > 0.0) {
        return None;
    }
    let mut matches: Vec<ShadeMatch> = PALETTE_WATER_PARTS
        .iter()
        .map(|&w| {
            let result = mix(skin, ink, (coverage * hiding(w, Stage::Healed) / hiding_now).min(1.0));
            ShadeMatch {
                water_parts: w,
                delta_e: result.delta_e_2000(target.colour),
                delta_l: result.l - target.colour.l,
            }
        })
        .collect();
    matches.sort_by(|p, q| p.delta_e.total_cmp(&q.delta_e));
    let best = *matches.first()?;
    let runner_up = matches.get(1).copied();
    let lean = if target.colour.l >= skin.l {
        "the hair is lighter than the skin: no pigment can match it, the lightest shade comes nearest"
    } else if target.colour.l > skin.l - 8.0 {
        "the stubble is only a little darker than the skin, so the dots must hide little of it"
    } else if target.colour.l < skin.l - 25.0 {
        "the stubble is much darker than the skin, so the dots must hide much of it"
    } else {
        "the stubble is clearly darker than the skin"
    };
    let hair = match target.source {
        TargetSource::HairSample => "the client's hair",
        TargetSource::ClientRecord => "the recorded hair colour",
    };
    let none_blends = if best.delta_e < BLENDS_BELOW_DELTA_E { "" } else { "No shade blends. " };
    let why = format!(
        "{none_blends}{}:1 at {density_per_cm2:.0}/cm² in every session comes closest to {hair} from 1 m \
         (ΔE00 {:.1}, ΔL* {:+.1}); {lean}",
        best.water_parts, best.delta_e, best.delta_l,
    );
    Some(Recommendation { best, runner_up, density_per_cm2, why })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colour::carbon_ink;

    fn skin() -> Lab {
        Lab::new(72.7, 14.0, 22.4)
    }

    fn healed(water_parts: f64) -> f64 {
        hiding(water_parts, Stage::Healed)
    }

    fn sample(colour: Lab) -> HairTarget {
        HairTarget { colour, source: TargetSource::HairSample }
    }

    #[test]
    fn the_cover_for_a_lightness_gives_that_lightness_back() {
        let (skin, ink) = (skin(), carbon_ink());
        for l in [70.0, 60.0, 45.0] {
            let cover = cover_for_lightness(skin, ink, l).unwrap();
            assert!((mix(skin, ink, cover).l - l).abs() < 1e-6, "{l}");
        }
        assert_eq!(cover_for_lightness(skin, ink, 80.0), None, "no pigment lightens the skin");
        assert_eq!(cover_for_lightness(skin, ink, 5.0), None, "darker than the pigment itself");
    }

    #[test]
    fn a_result_lighter_than_the_hair_is_told_to_add_dots_and_the_fix_does_blend() {
        let (skin, ink) = (skin(), carbon_ink());
        let target = sample(mix(skin, ink, 0.25));
        let check = check(skin, ink, 0.10, 100.0, healed(24.0), target);
        assert_eq!(check.verdict, Verdict::TooLight);
        assert!(check.delta_l > 3.0, "{check:?}");
        // Two and a half times the coverage is as many times the dots; no shade hides that much more.
        let density = check.blending_density_per_cm2.unwrap();
        assert!((density - 250.0).abs() <= 1.0, "{density}");
        assert_eq!(check.blending_water_parts, None);
        // A match blends, with no fix proposed.
        let blends = super::check(skin, ink, 0.25, 250.0, healed(24.0), target);
        assert_eq!((blends.verdict, blends.blending_density_per_cm2), (Verdict::Blends, None));
        // Three times the dots of a dense zone: beyond the densities on offer, so no number.
        let far = super::check(skin, ink, 0.15, 150.0, healed(14.0), sample(mix(skin, ink, 0.45)));
        assert_eq!((far.verdict, far.blending_density_per_cm2), (Verdict::TooLight, None));
    }

    #[test]
    fn a_result_darker_than_the_hair_is_told_a_lighter_shade_that_does_blend() {
        let (skin, ink) = (skin(), carbon_ink());
        let target = sample(mix(skin, ink, 0.15));
        let check = check(skin, ink, 0.30, 200.0, healed(6.0), target);
        assert_eq!(check.verdict, Verdict::TooDark);
        assert!(check.delta_l < -3.0, "{check:?}");
        assert_eq!(check.blending_density_per_cm2, Some(100.0), "half the coverage, half the dots");
        let water = check.blending_water_parts.unwrap();
        assert!(water > 6.0, "a lighter shade: {water}");
        let fixed = hiding(water, Stage::Healed) / hiding(6.0, Stage::Healed) * 0.30;
        assert!(mix(skin, ink, fixed).delta_e_2000(target.colour) < 1.0, "the shade found blends");
    }

    #[test]
    fn the_record_names_hair_colours_and_greys_them() {
        let dark = hair_colour_of_record("Dark brown", None).unwrap();
        let light = hair_colour_of_record("light brown, wavy", None).unwrap();
        assert!(dark.l < light.l, "{dark:?} {light:?}");
        assert_eq!(hair_colour_of_record("Blonde", None), hair_colour_of_record("blond", None));
        let greying = hair_colour_of_record("dark brown", Some(40)).unwrap();
        assert!(greying.l > dark.l + 10.0, "40 % grey is much lighter: {greying:?}");
        assert_eq!(hair_colour_of_record("", Some(100)).map(|c| c.l), Some(70.0));
        assert_eq!(hair_colour_of_record("chestnut-ish?", None), None, "unknown words give no target");
        // Whole words, two-word names first, and a colour named beside grey is the colour.
        assert_eq!(hair_colour_of_record("coloured", None), None, "not red");
        assert_eq!(hair_colour_of_record("Dark blonde", None), hair_colour_of_record("light brown", None));
        assert_eq!(hair_colour_of_record("black, going gray", None), hair_colour_of_record("black", None));
        assert!((hair_colour_of_record("silver", None).unwrap().l - 70.0).abs() < 1e-3);
    }

    #[test]
    fn the_recommended_shade_is_the_closest_and_grey_hair_asks_for_a_lighter_one() {
        let (skin, ink) = (skin(), carbon_ink());
        let dark = target_of_record(skin, "black", None).unwrap();
        let grey = target_of_record(skin, "black", Some(80)).unwrap();
        let for_dark = recommend(skin, ink, 0.2, 187.0, healed(14.0), dark).unwrap();
        let for_grey = recommend(skin, ink, 0.2, 187.0, healed(14.0), grey).unwrap();
        assert!(for_grey.best.water_parts > for_dark.best.water_parts, "{for_grey:?} vs {for_dark:?}");
        for (recommendation, target) in [(&for_dark, dark), (&for_grey, grey)] {
            // The figures are the model's for that shade at this density.
            let best = recommendation.best;
            let result = mix(skin, ink, 0.2 * healed(best.water_parts) / healed(14.0));
            assert!((result.delta_e_2000(target.colour) - best.delta_e).abs() < 1e-9);
            assert!((recommendation.runner_up.unwrap().water_parts - best.water_parts).abs() > 0.5);
            assert!(recommendation.why.contains(&format!("{}:1 at 187/cm²", best.water_parts)), "{recommendation:?}");
        }
        assert!(for_grey.why.contains("recorded hair colour"));
    }
}
