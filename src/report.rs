//! One report per design: every figure the studio states about a design (scale, hairline
//! measurements, zone areas, dots, skin, shades, session times), computed once before anything
//! is drawn. The inspector, `hairline-studio info` and the design sheet only lay it out, so a
//! dot count or a duration reads the same wherever it appears.
//!
//! Dots are counted as simulated ([`simulate`]): the hairline's transition band is sparser than
//! its zone's density, edges are feathered, and where zones overlap the upper one's dots count
//! once. Area times density is kept beside it as `estimated_dots`, the count a view falls back
//! on when it is too large to simulate (a calibration gone wrong). Session times are the
//! simulated dots at the artist's pace.

mod colours;
mod counting;
mod skin_scale;

pub use skin_scale::{PhotoAndSkin, SkinFigures, SkinScale, TransferPoint};

pub use colours::{
    SampleReading, WhiteBalanceReport, corrected, view_hair, view_skin, white_balance, white_balance_summary,
};

use serde::Serialize;

use crate::colour::{ItaCategory, Lab, ShadeAdvice, advise};
use crate::design::{
    DayCheck, Design, SessionRecord, SkinSample, Timing, View, ViewId, ViewKind, YesNo, ZoneId, ZoneKind, questions_for,
};
use crate::follicles::Dot;
use crate::geometry::{HairlineMeasures, measure_hairline, polygon_area_px2};
use crate::render::Look;

/// Square millimetres in a square centimetre.
const MM2_PER_CM2: f64 = 100.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DesignReport {
    pub client: String,
    /// Every health question with its answer; `answer` is `None` for a question not asked.
    pub health: Vec<HealthLine>,
    pub views: Vec<ViewReport>,
    /// Dots of every view's visible zones, each part of the scalp once (see `counting_notes`):
    /// as simulated, or estimated for a view too large to simulate.
    pub total_dots: u64,
    /// Area times density over every calibrated view's visible zones.
    pub total_estimated_dots: u64,
    /// Of `total_dots`, those placed at the detail pace: in hairline-transition and scar zones.
    pub total_detail_dots: u64,
    /// Each session's share of the dots and how long it takes.
    pub sessions: Vec<SessionReport>,
    /// Zones whose claims on the scalp overlap or cannot be followed, in words.
    pub counting_notes: Vec<String>,
    /// The artist's open-area pace the session times assume.
    pub dots_per_hour: f64,
    /// The rest of the time model the session times assume.
    pub timing: Timing,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HealthLine {
    pub id: String,
    pub question: String,
    pub answer: Option<YesNo>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewReport {
    pub id: ViewId,
    pub kind: ViewKind,
    /// `None` until the view is calibrated.
    pub mm_per_px: Option<f64>,
    /// `None` without a hairline, a calibration and a glabella. Distances in the photo's
    /// plane; `skin_scale` gives them along the skin.
    pub hairline: Option<HairlineMeasures>,
    /// The view's figures on the skin (front views), and where they come from.
    pub skin_scale: SkinScale,
    pub zones: Vec<ZoneReport>,
    /// Whether the zones' `dots` are simulated (else estimated: the view is too large to simulate).
    pub simulated: bool,
    /// Each skin sample as the studio uses it: corrected for the light (see `white_balance`).
    pub skin_samples: Vec<SkinReport>,
    /// The mean of the counted samples, corrected for the light; `None` until the skin is
    /// sampled.
    pub skin: Option<SkinReport>,
    /// The correction for the light, from the view's neutral grey; `None`: colours as taken.
    pub white_balance: Option<WhiteBalanceReport>,
    /// The white balance in words, with or without a neutral grey.
    pub white_balance_summary: String,
    /// Each skin sample as read and as corrected, with the eyedropper's doubts.
    pub skin_readings: Vec<SampleReading>,
    /// Each hair sample as read and as corrected.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hair_readings: Vec<SampleReading>,
    /// Each shade the design uses (its pigment's and its sessions'), on this view's skin.
    pub shades: Vec<ShadeAdvice>,
    /// The palette shade whose healed result from 1 m best matches the client's hair, judged on
    /// the view's largest zone; `None` without skin, calibration or a hair target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended_shade: Option<crate::hair_match::Recommendation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneReport {
    pub id: ZoneId,
    pub name: String,
    pub kind: ZoneKind,
    pub hidden: bool,
    /// In the photo's plane; `None` until the view is calibrated.
    pub area_cm2: Option<f64>,
    /// On the skin, on a front view mapped onto the head (see the view's `skin_scale`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skin_area_cm2: Option<f64>,
    /// Dots per cm² of skin.
    pub density_per_cm2: f64,
    /// Area times density: the skin's area on a head measured from a traced profile, else the
    /// photo's (as the simulation lays them); `None` until calibrated.
    pub estimated_dots: Option<u64>,
    /// On the average head (no traced profile): the skin's estimated area times density, beside
    /// the photo's figures, which the plan keeps until a profile measures the head.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dots_on_skin_estimate: Option<u64>,
    /// The dots the zone holds: as simulated where the view is simulated, else the estimate;
    /// 0 for a hidden zone, `None` until calibrated.
    pub dots: Option<u64>,
    /// For a zone with a hair mask, the simulated dots left out because they fell on hair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_on_hair: Option<u64>,
    /// The healed result over the zone as a person sees it from a metre away, beside the
    /// client's nearest existing hair; `None` until the view is simulated and its skin sampled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seen_from_1m: Option<SeenFromAfar>,
    /// The part of the scalp the zone says it covers.
    pub scalp_part: crate::design::ScalpPart,
    /// When the zone's scalp is counted in another zone (a link, or a part a view before it
    /// claimed): that zone's name and view. Its dots are then left out of the totals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_in: Option<String>,
}

/// A zone's healed result where the eye no longer tells the dots apart (from a metre, dots a
/// third of a millimetre across merge): the skin mixed with the pigment by the share of the
/// zone's skin the dots hide ([`crate::colour::mix`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeenFromAfar {
    /// The share of the zone's light the healed dots hide: each dot's disc times its opacity,
    /// over the zone's area.
    pub coverage: f64,
    /// The mean colour of the zone's result.
    pub result: Lab,
    /// The hair sample nearest the zone, if the view has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hair: Option<Lab>,
    /// CIEDE2000 between the result and that hair: about 1 is just noticeable, under 3 blends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta_e_to_hair: Option<f64>,
    /// The result against the hair target (the nearest hair sample, or the client record's hair
    /// colour when no hair is sampled): the verdict and what would blend.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blend: Option<crate::hair_match::BlendCheck>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionReport {
    /// This session's part of the dots, 0 to 1, after the plan's shares are scaled to add up to 1.
    pub share: f64,
    pub dots: u64,
    /// Of `dots`, those at the detail pace (hairline transition and scar zones).
    pub detail_dots: u64,
    /// The whole session, `setup_hours + needle_hours + break_hours`; `None` until a view is
    /// calibrated (no dots to lay).
    pub hours: Option<f64>,
    pub setup_hours: f64,
    /// The dots at the open-area pace and the detail dots at the detail pace.
    pub needle_hours: f64,
    pub break_hours: f64,
    /// The shade laid, in parts water to one part pigment.
    pub water_parts: f64,
    pub planned_date: Option<String>,
    pub done: bool,
    pub actual_date: Option<String>,
    /// Pigment and needle lots, start and end, as recorded on the day.
    pub record: SessionRecord,
    /// The health questions asked again on the day; `None` until asked.
    pub day_check: Option<DayCheck>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkinReport {
    pub lab: Lab,
    pub ita_degrees: f64,
    pub ita_category: ItaCategory,
    /// The Fitzpatrick type the ITA category suggests; the artist's own is `client.fitzpatrick`.
    pub suggested_fitzpatrick: u8,
}

impl SkinReport {
    fn of(lab: Lab) -> Self {
        let ita_degrees = lab.ita_degrees();
        let category = ItaCategory::of(ita_degrees);
        Self {
            lab: Lab::new(hundredths(lab.l), hundredths(lab.a), hundredths(lab.b)),
            ita_degrees: hundredths(ita_degrees),
            ita_category: category,
            suggested_fitzpatrick: category.suggested_fitzpatrick(),
        }
    }
}

/// The dots of each view as the sheet shows them (healed, every session), in the order of
/// `design.views`. Empty for a view that is not calibrated or too large to simulate.
pub fn simulate(design: &Design) -> Vec<Vec<Dot>> {
    design.views.iter().map(|view| Look::laid_dots(design, view)).collect()
}

/// The report of `design`, simulating its dots.
pub fn report(design: &Design) -> DesignReport {
    report_from(design, &simulate(design))
}

/// The report of `design` whose views' dots, as [`simulate`] gives them, are `simulated`.
pub fn report_from(design: &Design, simulated: &[Vec<Dot>]) -> DesignReport {
    let shades = design_shades(design);
    let mut views: Vec<ViewReport> = design
        .views
        .iter()
        .enumerate()
        .map(|(index, view)| {
            let dots = simulated.get(index).map_or(&[][..], Vec::as_slice);
            let mut report = view_report(design, view, dots);
            count_left_on_hair(design, view, &mut report);
            if let Some(skin) = view_skin(view) {
                report.shades = shades.iter().map(|&w| rounded(advise(skin, design.pigment.ink(), w))).collect();
                if report.simulated {
                    seen_from_afar(design, view, dots, skin, &mut report);
                }
            }
            report
        })
        .collect();
    let counting_notes = counting::count_each_part_once(design, &mut views);
    // Each part of the scalp once: a zone counted in another is left out.
    let visible = || views.iter().flat_map(|v| &v.zones).filter(|z| !z.hidden && z.counted_in.is_none());
    let total_dots = visible().filter_map(|z| z.dots).sum();
    let total_estimated_dots = visible().filter_map(|z| z.estimated_dots).sum();
    let total_detail_dots = visible().filter(|z| z.kind.is_detail_work()).filter_map(|z| z.dots).sum();
    let sessions = session_reports(design, total_dots, total_detail_dots);
    let answers = &design.client.health;
    let health = questions_for(&[], answers)
        .into_iter()
        .map(|q| {
            let answer = answers.get(&q.id);
            HealthLine {
                answer: answer.map(|a| a.answer),
                note: answer.map(|a| a.note.clone()).unwrap_or_default(),
                id: q.id,
                question: q.label,
            }
        })
        .collect();
    DesignReport {
        client: design.client.name.clone(),
        health,
        views,
        total_dots,
        total_estimated_dots,
        total_detail_dots,
        sessions,
        counting_notes,
        dots_per_hour: design.dots_per_hour,
        timing: design.timing.clone(),
    }
}

/// Each session's share of `total_dots` (of which `detail_dots` at the detail pace) and its
/// time: the set-up, the needle work at the artist's paces, and breaks in proportion to it
/// ([`Timing`]).
fn session_reports(design: &Design, total_dots: u64, detail_dots: u64) -> Vec<SessionReport> {
    let shares: f64 = design.sessions.iter().map(|s| s.share_of_dots.max(0.0)).sum();
    let timing = &design.timing;
    design
        .sessions
        .iter()
        .map(|session| {
            let share = if shares > 0.0 { session.share_of_dots.max(0.0) / shares } else { 0.0 };
            // Whole dots of a bounded total.
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss,
                reason = "dot counts far below 2^52"
            )]
            let part = |dots: u64| (dots as f64 * share).round() as u64;
            let (dots, detail_dots) = (part(total_dots), part(detail_dots));
            #[expect(clippy::cast_precision_loss, reason = "dot counts far below 2^52")]
            let needle_hours = (dots - detail_dots) as f64 / design.dots_per_hour.max(1.0)
                + detail_dots as f64 / timing.detail_dots_per_hour.max(1.0);
            let setup_hours = timing.setup_minutes / 60.0;
            let break_hours = needle_hours * timing.break_minutes_per_hour / 60.0;
            SessionReport {
                share,
                dots,
                detail_dots,
                hours: (total_dots > 0).then_some(setup_hours + needle_hours + break_hours),
                setup_hours,
                needle_hours,
                break_hours,
                water_parts: session.water_parts.unwrap_or(design.pigment.water_parts),
                planned_date: session.planned_date.clone(),
                done: session.done,
                actual_date: session.actual_date.clone(),
                record: session.record.clone(),
                day_check: session.day_check.clone(),
            }
        })
        .collect()
}

/// How many of `dots` each of `zones` zones holds, by zone index.
fn dots_per_zone(dots: &[Dot], zones: usize) -> Vec<u64> {
    let mut counted = vec![0_u64; zones];
    for dot in dots {
        if let Some(count) = counted.get_mut(usize::from(dot.zone)) {
            *count += 1;
        }
    }
    counted
}

/// For each zone of `view` with a hair mask, how many of its simulated dots the mask left out:
/// the view simulated again without masks, counted zone by zone.
fn count_left_on_hair(design: &Design, view: &View, report: &mut ViewReport) {
    if !report.simulated || view.zones.iter().all(|z| z.hair_mask.is_none()) {
        return;
    }
    let mut unmasked = view.clone();
    for zone in &mut unmasked.zones {
        zone.hair_mask = None;
    }
    let counted = dots_per_zone(&Look::laid_dots(design, &unmasked), view.zones.len());
    for ((zone, row), all) in view.zones.iter().zip(&mut report.zones).zip(counted) {
        if zone.hair_mask.is_some() && !zone.hidden {
            row.left_on_hair = row.dots.map(|kept| all.saturating_sub(kept));
        }
    }
}

/// The report of one view whose dots, as simulated, are `dots`.
fn view_report(design: &Design, view: &View, dots: &[Dot]) -> ViewReport {
    let mm_per_px = view.mm_per_px();
    let fit = design.head_fit(view);
    let (skin_map, head_measured) = (fit.map.clone(), fit.measured().is_some());
    let hairline = view.face_frame().zip(view.hairline()).map(|(frame, hairline)| {
        let measures = measure_hairline(&frame, view.canthi(), &hairline.points);
        HairlineMeasures {
            height_above_glabella_mm: measures.height_above_glabella_mm.map(hundredths),
            frontotemporal_heights_mm: measures.frontotemporal_heights_mm.map(|h| h.map(hundredths)),
            frontotemporal_offsets_mm: measures.frontotemporal_offsets_mm.map(hundredths),
            left_right_difference_mm: measures.left_right_difference_mm.map(hundredths),
            length_mm: hundredths(measures.length_mm),
        }
    });
    let estimated = crate::follicles::estimated_dots(view);
    let simulated = estimated.is_some_and(|dots| dots <= crate::follicles::MAX_SIMULATED_DOTS);
    let counted = dots_per_zone(dots, view.zones.len());
    let zones = view
        .zones
        .iter()
        .zip(counted)
        .map(|(zone, counted)| {
            let area_cm2 =
                mm_per_px.map(|scale| hundredths(polygon_area_px2(&zone.vertices) * scale * scale / MM2_PER_CM2));
            let skin_area_cm2 = skin_map
                .as_ref()
                .and_then(|map| map.area_mm2(&zone.vertices))
                .map(|(skin_mm2, _)| hundredths(skin_mm2 / MM2_PER_CM2));
            // Areas and densities are bounded by validation, far inside u64.
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "bounded, non-negative")]
            let times_density = |area: f64| (area * zone.density_per_cm2).round() as u64;
            let plan_area = if head_measured { skin_area_cm2.or(area_cm2) } else { area_cm2 };
            let estimated_dots = plan_area.map(times_density);
            let dots_on_skin_estimate = skin_area_cm2.filter(|_| !head_measured && !zone.hidden).map(times_density);
            let dots = match (zone.hidden, simulated) {
                (true, _) => area_cm2.map(|_| 0),
                (false, true) => Some(counted),
                (false, false) => estimated_dots,
            };
            ZoneReport {
                id: zone.id,
                name: zone.name.clone(),
                kind: zone.kind,
                hidden: zone.hidden,
                area_cm2,
                skin_area_cm2,
                density_per_cm2: zone.density_per_cm2,
                estimated_dots,
                dots_on_skin_estimate,
                dots,
                left_on_hair: None,
                seen_from_1m: None,
                scalp_part: zone.scalp_part,
                counted_in: None,
            }
        })
        .collect();
    let balance = white_balance(view);
    let skin_samples = view.skin_samples.iter().map(|s| SkinReport::of(corrected(balance.as_ref(), s))).collect();
    let skin = view_skin(view).map(SkinReport::of);
    ViewReport {
        id: view.id,
        kind: view.kind,
        mm_per_px,
        hairline,
        skin_scale: skin_scale::skin_scale(view, fit),
        zones,
        simulated,
        skin_samples,
        skin,
        white_balance: colours::white_balance_report(view),
        white_balance_summary: white_balance_summary(view),
        skin_readings: colours::readings(view, &view.skin_samples),
        hair_readings: colours::readings(view, &view.hair_samples),
        shades: Vec::new(),
        recommended_shade: None,
    }
}

/// Each visible zone's healed result as a person sees it from afar, beside the nearest hair.
fn seen_from_afar(design: &Design, view: &View, dots: &[Dot], skin: Lab, report: &mut ViewReport) {
    let ink = design.pigment.ink();
    // How much a zone's dots hide on average: its own shade's, or the plan's sessions' shades.
    let plan_hiding = crate::follicles::Layering::of(design, None).mean_healed_hiding();
    let hiding_of = |zone: &crate::design::Zone| {
        zone.water_parts.map_or(plan_hiding, |w| crate::colour::hiding(w, crate::colour::Stage::Healed))
    };
    let record = crate::hair_match::target_of_record(skin, &design.client.hair_colour, design.client.grey_percent);
    let Some(mm_per_px) = view.mm_per_px() else {
        return;
    };
    let hair = view_hair(view);
    let mut hidden_mm2 = vec![0.0; view.zones.len()];
    for dot in dots {
        if let Some(hidden) = hidden_mm2.get_mut(usize::from(dot.zone)) {
            let radius_mm = f64::from(dot.radius_px) * mm_per_px;
            *hidden += std::f64::consts::PI * radius_mm * radius_mm * f64::from(dot.opacity);
        }
    }
    // The largest zone with a target: its area, coverage, density, mean hiding and target.
    let mut largest: Option<(f64, (f64, f64, f64, crate::hair_match::HairTarget))> = None;
    for ((zone, row), hidden) in view.zones.iter().zip(&mut report.zones).zip(hidden_mm2) {
        let area_mm2 = polygon_area_px2(&zone.vertices) * mm_per_px * mm_per_px;
        if zone.hidden || area_mm2 <= 0.0 {
            continue;
        }
        let coverage = (hidden / area_mm2).min(1.0);
        let result = crate::colour::mix(skin, ink, coverage);
        let centre = crate::geometry::vertex_mean(&zone.vertices);
        let hair =
            hair.iter().min_by(|p, q| p.0.distance_to(centre).total_cmp(&q.0.distance_to(centre))).map(|&(_, lab)| lab);
        let round = |lab: Lab| Lab::new(hundredths(lab.l), hundredths(lab.a), hundredths(lab.b));
        let target = hair
            .map(|colour| crate::hair_match::HairTarget { colour, source: crate::hair_match::TargetSource::HairSample })
            .or(record);
        let blend = target.map(|target| {
            let check = crate::hair_match::check(skin, ink, coverage, zone.density_per_cm2, hiding_of(zone), target);
            crate::hair_match::BlendCheck {
                target: crate::hair_match::HairTarget { colour: round(check.target.colour), ..check.target },
                delta_e: hundredths(check.delta_e),
                delta_l: hundredths(check.delta_l),
                ..check
            }
        });
        if let Some(target) = target
            && largest.is_none_or(|(area, _)| area_mm2 > area)
        {
            largest = Some((area_mm2, (coverage, zone.density_per_cm2, hiding_of(zone), target)));
        }
        row.seen_from_1m = Some(SeenFromAfar {
            coverage: (coverage * 10_000.0).round() / 10_000.0,
            result: round(result),
            hair: hair.map(round),
            delta_e_to_hair: hair.map(|hair| hundredths(result.delta_e_2000(hair))),
            blend,
        });
    }
    report.recommended_shade = largest.and_then(|(_, (coverage, density, hiding, target))| {
        let mut recommended = crate::hair_match::recommend(skin, ink, coverage, density, hiding, target)?;
        for shade in std::iter::once(&mut recommended.best).chain(recommended.runner_up.as_mut()) {
            (shade.delta_e, shade.delta_l) = (hundredths(shade.delta_e), hundredths(shade.delta_l));
        }
        Some(recommended)
    });
}

/// The mean colour of the skin samples that count (no doubts, or kept), as the photo took them;
/// [`view_skin`] is the same corrected for the light.
pub fn mean_skin(samples: &[SkinSample]) -> Option<Lab> {
    let counted: Vec<&SkinSample> = samples.iter().filter(|s| s.counts()).collect();
    if counted.is_empty() {
        return None;
    }
    #[expect(clippy::cast_precision_loss, reason = "a handful of samples")]
    let n = counted.len() as f64;
    let sum = counted.iter().fold([0.0; 3], |s, c| [s[0] + c.l, s[1] + c.a, s[2] + c.b]);
    Some(Lab::new(sum[0] / n, sum[1] / n, sum[2] / n))
}

/// The shades a design uses, darkest first, each once: its pigment's and its sessions'.
pub fn design_shades(design: &Design) -> Vec<f64> {
    let mut shades: Vec<f64> = std::iter::once(design.pigment.water_parts)
        .chain(design.sessions.iter().filter_map(|s| s.water_parts))
        .collect();
    shades.sort_by(f64::total_cmp);
    shades.dedup();
    shades
}

fn rounded(advice: ShadeAdvice) -> ShadeAdvice {
    let lab = |c: Lab| Lab::new(hundredths(c.l), hundredths(c.a), hundredths(c.b));
    ShadeAdvice {
        fresh: lab(advice.fresh),
        healed: lab(advice.healed),
        delta_e_fresh: hundredths(advice.delta_e_fresh),
        delta_e_healed: hundredths(advice.delta_e_healed),
        contrast_fresh: hundredths(advice.contrast_fresh),
        contrast_healed: hundredths(advice.contrast_healed),
        ..advice
    }
}

/// Rounds to 0.01 (mm or cm²): far finer than a photo can resolve, and readable.
fn hundredths(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Calibration, CalibrationSource, HairMask, PhotoPoint, PhotoRef, ScalpPart, Zone, ZoneId};

    /// A calibrated view (0.1 mm per pixel) with a 4 cm × 5 cm zone at 100 dots/cm².
    fn design() -> Design {
        let mut design = Design::new(3);
        let view = &mut design.views[0];
        view.photo = Some(PhotoRef { path: "p.jpg".into(), sha256: String::new(), width_px: 2000, height_px: 2000 });
        let p = PhotoPoint::new;
        view.calibration =
            Some(Calibration { source: CalibrationSource::Ruler, a: p(0.0, 0.0), b: p(1000.0, 0.0), length_mm: 100.0 });
        let mut zone = Zone::new(ZoneKind::Crown, "Crown");
        zone.density_per_cm2 = 100.0;
        zone.vertices = vec![p(500.0, 500.0), p(900.0, 500.0), p(900.0, 1000.0), p(500.0, 1000.0)];
        view.add_zone(zone);
        design
    }

    /// [`design`] with a second view of the same crown, from the top.
    fn two_views_of_one_crown() -> Design {
        let mut design = design();
        let mut top = design.views[0].clone();
        top.kind = crate::design::ViewKind::Top;
        design.add_view(top);
        design
    }

    #[test]
    fn a_crown_seen_in_two_views_is_counted_once_when_the_zones_say_so() {
        let mut design = two_views_of_one_crown();
        let once = report(&design).views[0].zones[0].dots.unwrap();
        // Unstated, as in designs from before: both counted, and a note says so.
        let unstated = report(&design);
        assert_eq!(unstated.total_dots, 2 * once);
        assert!(unstated.counting_notes.iter().any(|n| n.contains("counted twice")), "{:?}", unstated.counting_notes);
        // Linked: the top view's zone is the front view's, counted there.
        let (front, zone) = (design.views[0].id, design.views[0].zones[0].id);
        design.views[1].zones[0].scalp_part = ScalpPart::SameAs { view: front, zone };
        let linked = report(&design);
        assert_eq!(linked.total_dots, once);
        assert_eq!(linked.views[1].zones[0].counted_in.as_deref(), Some("Crown (Front view)"));
        assert!(linked.counting_notes.is_empty(), "{:?}", linked.counting_notes);
        assert!(linked.sessions[0].dots < unstated.sessions[0].dots, "the session times follow");
        // Both claiming the crown: counted once, in the first view, and named in a note.
        design.views[0].zones[0].scalp_part = ScalpPart::Crown;
        design.views[1].zones[0].scalp_part = ScalpPart::Crown;
        let claimed = report(&design);
        assert_eq!(claimed.total_dots, once);
        assert!(claimed.counting_notes[0].contains("both cover the crown"), "{:?}", claimed.counting_notes);
        // A link to a zone that is gone is counted on its own, with a note.
        design.views[1].zones[0].scalp_part = ScalpPart::SameAs { view: front, zone: ZoneId(99) };
        let dangling = report(&design);
        assert_eq!(dangling.total_dots, 2 * once);
        assert!(dangling.counting_notes[0].contains("a zone that is gone"), "{:?}", dangling.counting_notes);
    }

    #[test]
    fn dots_are_counted_as_simulated_and_sessions_share_them() {
        let design = design();
        let report = report(&design);
        let zone = &report.views[0].zones[0];
        assert_eq!(zone.area_cm2, Some(20.0));
        assert_eq!(zone.estimated_dots, Some(2000));
        let dots = zone.dots.unwrap();
        let simulated = Look::laid_dots(&design, &design.views[0]).len() as u64;
        assert_eq!(dots, simulated, "the count is the simulation's");
        assert!(dots < 2000 && dots > 1500, "the feathered edge thins it: {dots}");
        assert_eq!(report.total_dots, dots);
        let session_dots: u64 = report.sessions.iter().map(|s| s.dots).sum();
        assert!(session_dots.abs_diff(dots) <= 2, "the sessions lay the same dots: {session_dots}");
        let hours: f64 = report.sessions.iter().filter_map(|s| s.hours).sum();
        #[expect(clippy::cast_precision_loss, reason = "a small count")]
        let needle = dots as f64 / design.dots_per_hour;
        #[expect(clippy::cast_precision_loss, reason = "three sessions")]
        let setup = design.sessions.len() as f64 * design.timing.setup_minutes / 60.0;
        let expected = setup + needle * (1.0 + design.timing.break_minutes_per_hour / 60.0);
        assert!((hours - expected).abs() < 1e-3, "{hours} h, expected {expected} h");
    }

    #[test]
    fn hairline_and_scar_dots_take_the_detail_pace() {
        let mut design = design();
        design.timing.break_minutes_per_hour = 0.0;
        design.timing.setup_minutes = 0.0;
        let open = report(&design).sessions[0].needle_hours;
        design.views[0].zones[0].kind = ZoneKind::ScarCamouflage;
        let scar = report(&design);
        assert_eq!(scar.total_detail_dots, scar.total_dots);
        let ratio = scar.sessions[0].needle_hours / open;
        let expected = design.dots_per_hour / design.timing.detail_dots_per_hour;
        assert!((ratio - expected).abs() < 1e-9, "{ratio} times as long, expected {expected}");
    }

    #[test]
    fn a_large_scalps_first_session_takes_as_long_as_artists_say() {
        // A Norwood 6 scalp: about 250 cm² at 200 dots/cm² (16 cm x 15.6 cm at 0.1 mm/px).
        let mut design = design();
        let p = PhotoPoint::new;
        let zone = &mut design.views[0].zones[0];
        zone.density_per_cm2 = 200.0;
        zone.vertices = vec![p(200.0, 200.0), p(1800.0, 200.0), p(1800.0, 1760.0), p(200.0, 1760.0)];
        let report = report(&design);
        let first = &report.sessions[0];
        // shared/domain.md: sessions of 1 to 5 hours, 4 to 5 for large areas.
        let hours = first.hours.unwrap();
        assert!((3.5..=5.0).contains(&hours), "{hours} h for {} dots", first.dots);
        for session in &report.sessions {
            let parts = session.setup_hours + session.needle_hours + session.break_hours;
            assert!((session.hours.unwrap() - parts).abs() < 1e-12, "the parts add up");
            assert!(session.setup_hours > 0.0, "every session has its set-up");
        }
    }

    #[test]
    fn no_dot_between_existing_hair_lands_on_hair_and_the_count_says_how_many_were_left_out() {
        // A 2000 px photo seen at 500 px: dark hairs 8 px (0.8 mm) wide every 40 px on light skin.
        let is_hair_px = |x: f64| x.rem_euclid(40.0) < 8.0;
        let photo = image::RgbaImage::from_fn(500, 500, |x, _| {
            if is_hair_px(f64::from(x) * 4.0 + 2.0) {
                image::Rgba([35, 28, 22, 255])
            } else {
                image::Rgba([215, 175, 145, 255])
            }
        });
        let mut design = design();
        let without = report(&design).views[0].zones[0].dots.unwrap();
        let zone = &mut design.views[0].zones[0];
        zone.kind = ZoneKind::Density;
        zone.hair_mask = HairMask::by_threshold(&photo, 2000, &zone.vertices, 45.0);
        let report = report(&design);
        let row = &report.views[0].zones[0];
        let (kept, left) = (row.dots.unwrap(), row.left_on_hair.unwrap());
        assert_eq!(kept + left, without, "every dot is either laid or left on hair");
        // A fifth of the zone is hair.
        #[expect(clippy::cast_precision_loss, reason = "small counts")]
        let share = left as f64 / without as f64;
        assert!((share - 0.2).abs() < 0.03, "{share} of the dots left out");
        for dot in Look::laid_dots(&design, &design.views[0]) {
            assert!(!is_hair_px(f64::from(dot.x_px)), "a dot on hair at {}", dot.x_px);
        }
    }

    #[test]
    fn a_hidden_zone_lays_no_dots_and_an_uncalibrated_view_has_no_counts() {
        let mut design = design();
        design.views[0].zones[0].hidden = true;
        let report = report(&design);
        assert_eq!(report.views[0].zones[0].dots, Some(0));
        assert_eq!(report.total_dots, 0);
        design.views[0].calibration = None;
        let report = super::report(&design);
        assert_eq!(report.views[0].zones[0].dots, None);
        assert!(report.sessions.iter().all(|s| s.hours.is_none()));
    }
}
