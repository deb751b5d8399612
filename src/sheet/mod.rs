//! The printable design sheet: what the client takes home and the artist files.
//!
//! [`layout`] turns a design (and its views' photos) into pages of simple drawing items in
//! points, top-left origin; [`pdf`] writes them with real, embedded text, and [`raster`] paints
//! them to pixels for the PNG. Both draw the same items, so the PDF and the PNG are one sheet.
//!
//! Everything on the sheet reads in black and white: lines have white halos over photos, zones
//! carry their numbers, and every colour is also given as numbers.
//!
//! The layout is in pieces: `page.rs` the page model, `flow.rs` the placing of items down the
//! pages, `sections.rs` and `views.rs` what each part of the sheet shows, `photos.rs` the photos
//! it is made from.

pub mod export;
pub mod font;
pub mod pdf;
pub mod raster;

mod flow;
mod framing;
mod page;
mod photos;
mod plan_text;
mod sections;
mod views;

use crate::design::{Design, View};
pub use export::{ExportError, ExportRequest, export, png_page_paths};
use flow::Flow;
pub use page::{DPI, Item, PT_PER_MM, Page, Paper, Pen, Rgb, Sheet};
pub use photos::{ChangedPhotos, SheetPhotoError, SheetPhotos};
pub use plan_text::{PlanText, SIMULATION_DISCLAIMER};

/// Lays out the design sheet of `design`, dated `today` (ISO), on `paper`. `progress` hears
/// the share done (0 to 1) as each view's pictures are made, the slow part.
pub fn layout(
    design: &Design,
    photos: &SheetPhotos,
    paper: Paper,
    text: &PlanText,
    today: &str,
    progress: &dyn Fn(f32),
) -> Sheet {
    let name = if design.client.name.trim().is_empty() { "Unnamed client" } else { design.client.name.trim() };
    let mut flow = Flow::new(paper);
    flow.title(name, today);
    flow.client_details(design);
    // Every figure first, from the dots the pictures show; the pages only lay them out.
    let simulated = crate::report::simulate(design);
    let report = crate::report::report_from(design, &simulated);
    let views: Vec<(usize, &View)> =
        design.views.iter().enumerate().filter(|(_, v)| v.photo.is_some() || !v.zones.is_empty()).collect();
    for (done, &(index, view)) in views.iter().enumerate() {
        let dots = simulated.get(index).map_or(&[][..], Vec::as_slice);
        flow.view(design, view, &report.views[index], dots, photos, index);
        #[expect(clippy::cast_precision_loss, reason = "a handful of views")]
        progress((done + 1) as f32 / views.len() as f32);
    }
    flow.shades(design, &report);
    flow.blend_with_hair(&report);
    flow.sessions(design, &report);
    flow.health(design);
    flow.notes(design);
    flow.after_the_sessions(text);
    flow.signatures();
    let title = format!("SMP design sheet: {name}");
    flow.finish(&title, today)
}

#[cfg(test)]
mod tests {
    use super::flow::MARGIN;
    use super::*;
    use crate::design::PhotoPoint;

    /// A long design: every view, many zones and sessions, long names and notes.
    fn crowded_design() -> Design {
        use crate::design::{ViewKind, Zone, ZoneKind};
        let mut design = Design::new(7);
        design.client.name = "Maximilian Alexander Montgomery-Fitzgerald von Hohenstein-Lichtenberg".to_owned();
        design.client.goals = "A soft, natural, age-appropriate hairline ".repeat(200);
        design.notes = "Check the scar on the crown at every session. ".repeat(40);
        for kind in [ViewKind::Front, ViewKind::Top, ViewKind::Left, ViewKind::Crown] {
            let mut view = View::new(kind);
            for i in 0..14 {
                let mut zone = Zone::new(ZoneKind::Density, format!("Density zone with a long name {i}"));
                zone.vertices =
                    vec![PhotoPoint { x: 0.0, y: 0.0 }, PhotoPoint { x: 10.0, y: 0.0 }, PhotoPoint { x: 0.0, y: 10.0 }];
                view.zones.push(zone);
            }
            design.views.push(view);
        }
        design
    }

    #[test]
    fn nothing_runs_off_the_page() {
        for paper in [Paper::A4, Paper::Letter] {
            let sheet =
                layout(&crowded_design(), &SheetPhotos::default(), paper, &PlanText::default(), "2026-11-23", &|_| ());
            assert!(sheet.pages.len() >= 3, "{} pages", sheet.pages.len());
            let [width, height] = paper.size_pt();
            for (n, page) in sheet.pages.iter().enumerate() {
                for item in &page.items {
                    if let Item::Text { x, y, size, weight, text, .. } = item {
                        let right = x + font::width(text, *weight, *size);
                        assert!(
                            *x >= MARGIN - 0.01 && right <= width - MARGIN + 0.01,
                            "page {n}: {text:?} {x}..{right}"
                        );
                        assert!(*y > MARGIN && *y <= height - MARGIN + 5.0, "page {n}: {text:?} at {y}");
                    }
                }
            }
            let last = sheet.pages.last().unwrap();
            assert!(last.items.iter().any(|i| matches!(i, Item::Text { text, .. } if text == "Client signature")));
        }
    }

    #[test]
    fn progress_reaches_the_end() {
        let seen = std::cell::RefCell::new(Vec::new());
        let _ = layout(
            &crowded_design(),
            &SheetPhotos::default(),
            Paper::A4,
            &PlanText::default(),
            "2026-11-23",
            &|share| {
                seen.borrow_mut().push(share);
            },
        );
        let seen = seen.into_inner();
        assert_eq!(seen.len(), 4, "one step per view");
        assert!(seen.windows(2).all(|w| w[0] < w[1]) && (seen[3] - 1.0).abs() < 1e-6, "{seen:?}");
    }
}
