//! Counting each part of the scalp once. A front and a top view of the same client both show
//! the top of the head; a zone says which part of the scalp it covers ([`ScalpPart`]), or that
//! it is the same scalp as a zone of another view, and the totals (dots, session times, the
//! sheet) count each part once. What cannot be settled from what the zones say is named in a
//! note, never silently counted twice or dropped.

use crate::design::{Design, ScalpPart, ViewId, ZoneId};

use super::ViewReport;

/// Marks in `views` (the reports of `design`'s views, in order) which zones count in the
/// totals, and returns the notes on claims that overlap or cannot be followed.
pub(super) fn count_each_part_once(design: &Design, views: &mut [ViewReport]) -> Vec<String> {
    let mut notes = Vec::new();
    // The first view to claim each part counts it; a later view's claim is left out.
    let mut claimed: Vec<(ScalpPart, ViewId, String)> = Vec::new();
    let mut views_unstated = Vec::new();
    for (view, report) in design.views.iter().zip(views.iter_mut()) {
        let mut claims_here = Vec::new();
        for (zone, row) in view.zones.iter().zip(&mut report.zones) {
            row.scalp_part = zone.scalp_part;
            if zone.hidden {
                continue;
            }
            let name = format!("{} ({} view)", zone.name, view.kind.label());
            match zone.scalp_part {
                ScalpPart::Unstated => {
                    if !views_unstated.contains(&view.id) {
                        views_unstated.push(view.id);
                    }
                }
                ScalpPart::SameAs { view: other_view, zone: other_zone } => {
                    match linked(design, view.id, other_view, other_zone) {
                        Ok(other) => row.counted_in = Some(other),
                        Err(why) => notes.push(format!("{name} is linked to {why}: it is counted on its own.")),
                    }
                }
                part => match claimed.iter().find(|(p, v, _)| *p == part && *v != view.id) {
                    Some((_, _, first)) => {
                        notes.push(format!(
                            "{name} and {first} both cover {}: counted once, in {first}. If they are the same \
                             scalp, set {} to \"same as\" it; if not, say which part each covers.",
                            part.label(),
                            zone.name
                        ));
                        row.counted_in = Some(first.clone());
                    }
                    None => claims_here.push((part, view.id, name)),
                },
            }
        }
        claimed.extend(claims_here);
    }
    if views_unstated.len() > 1 {
        notes.push(format!(
            "Zones in {} views do not say which part of the scalp they cover (\"Covers\" in each zone's settings): \
             where two views show the same scalp, its dots are counted twice.",
            views_unstated.len()
        ));
    }
    notes
}

/// The zone a "same as" link of a zone in `from` leads to, by name, or why it leads nowhere.
fn linked(design: &Design, from: ViewId, view: ViewId, zone: ZoneId) -> Result<String, &'static str> {
    if view == from {
        return Err("a zone of its own view");
    }
    let other_view = design.view(view).ok_or("a view that is gone")?;
    let other = other_view.zone(zone).ok_or("a zone that is gone")?;
    if other.hidden {
        return Err("a hidden zone");
    }
    if matches!(other.scalp_part, ScalpPart::SameAs { .. }) {
        return Err("a zone that is itself linked to another");
    }
    Ok(format!("{} ({} view)", other.name, other_view.kind.label()))
}
