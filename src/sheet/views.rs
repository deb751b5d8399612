//! A view's part of the sheet: its photo with the design drawn over it beside the simulated
//! healed result, with scale bars; the aligned follow-up photo beside the first; and the zone
//! table with the dots as simulated.

use std::sync::Arc;

use super::flow::{BODY, Flow, LINE, MARGIN, SMALL, column};
use super::font::{self, Weight};
use super::framing::{Crop, place_badges};
use super::page::{BLACK, DPI, Item, Pen, WHITE};
use super::photos::SheetPhotos;
use crate::colour::Stage;
use crate::design::{Design, FollowUp, PhotoPoint, View};
use crate::follicles::Dot;
use crate::format::thousands;
use crate::geometry::sample_curve;
use crate::render::{Look, render_dots_on};
use crate::report::{PhotoAndSkin, ViewReport};

const PANEL_GAP: f32 = 12.0;
const PANEL_MAX_HEIGHT: f32 = 290.0;
/// A zone number's disc, in points.
const BADGE_RADIUS: f32 = 5.5;

impl Flow {
    /// View `index` of the design: its photo (from `photos`) with the design drawn, and the simulated healed result, side by side,
    /// with scale bars; then its zone table.
    pub(super) fn view(
        &mut self,
        design: &Design,
        view: &View,
        report: &ViewReport,
        dots: &[Dot],
        photos: &SheetPhotos,
        index: usize,
    ) {
        self.heading(&format!("{} view", view.kind.label()));
        if let Some(photo) = photos.view(index) {
            let crop = Crop::of(view);
            self.pictures(design, view, dots, photo, &crop);
            if photos.is_changed(index) {
                let note = "The photo was changed since the design was drawn on it; this sheet was made with --allow-changed-photo.";
                self.paragraph(Weight::Bold, note);
            }
            self.stages(design, view, photo, &crop);
            if let (Some(later), Some(follow_up)) = (photos.follow_up(index), view.latest_aligned_follow_up()) {
                self.follow_up_pictures(view, photo, &crop, follow_up, later);
            }
        } else if view.photo.is_some() {
            self.room(LINE);
            self.grey_text(MARGIN, self.y + BODY, BODY, "The photo of this view could not be opened.");
            self.y += LINE;
        }
        self.zone_table(design, view, report);
        self.measurements(report);
        self.transfer(report);
    }

    /// Where to put the pencil on the head: the hairline's key points as distances along the
    /// skin from landmarks an artist finds with a ruler, and where those figures come from.
    fn transfer(&mut self, report: &ViewReport) {
        let scale = &report.skin_scale;
        let Some(figures) = &scale.figures else {
            return;
        };
        self.subheading("Marking the head, along the skin");
        let both = |distance: PhotoAndSkin| {
            format!("{:.1} cm on the skin ({:.1} in the photo)", distance.skin_mm / 10.0, distance.photo_mm / 10.0)
        };
        let mut pairs = vec![("Mid-frontal", both(figures.mid_frontal_guide))];
        if let Some(centre) = figures.hairline_centre {
            pairs.push(("Hairline centre", both(centre)));
        }
        self.pairs(&pairs);
        if !figures.transfer.is_empty() {
            let columns = [
                column("Point", 0.0, false),
                column("Up the midline mm", 120.0, true),
                column("Across mm", 70.0, true),
                column("Above the eyes mm", 120.0, true),
            ];
            let rows: Vec<Vec<String>> = figures
                .transfer
                .iter()
                .map(|row| {
                    vec![
                        row.name.clone(),
                        format!("{:.0}", row.up_midline_mm),
                        crate::format::across_mm(row.across_mm),
                        row.above_eye_corners_mm.map_or_else(|| "—".to_owned(), |mm| format!("{mm:.0}")),
                    ]
                })
                .collect();
            self.table(&columns, &rows);
        }
        let mut note = format!(
            "Up the midline: a tape from the glabella up the middle of the forehead to the point's height. Across: from the midline around the head at that height (L: the photo's left, the client's right). Above the eyes: straight up from the line through the outer eye corners. Skin figures {}.",
            scale.source
        );
        if scale.estimated {
            note.push_str(" They are estimates: a profile traced on a side photo measures this client's head.");
        }
        self.small_paragraph(&note);
    }

    /// The hairline as measured on the photo, for the artist to check on the head.
    fn measurements(&mut self, report: &ViewReport) {
        let Some(hairline) = &report.hairline else {
            return;
        };
        let mm = |value: Option<f64>| value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1} mm"));
        let [left, right] = hairline.frontotemporal_heights_mm;
        let [left_at, right_at] = hairline.frontotemporal_offsets_mm.map(f64::abs);
        self.subheading("Hairline, measured on the photo");
        self.pairs(&[
            ("Centre", format!("{} above the glabella", mm(hairline.height_above_glabella_mm))),
            ("Length", format!("{:.1} mm along the curve", hairline.length_mm)),
            (
                "Temple corners",
                format!("{} and {} above the glabella's level, over the eye corners", mm(left), mm(right)),
            ),
            (
                "Measured at",
                format!("{left_at:.0} mm (photo left) and {right_at:.0} mm (photo right) from the midline"),
            ),
            ("Left–right", format!("{} difference", mm(hairline.left_right_difference_mm))),
        ]);
    }

    /// The size of each of `count` panels side by side across the page (or narrower for tall
    /// pictures) showing a crop of height over width `aspect`, in points and in pixels at [`DPI`].
    fn panels_size(&self, aspect: f64, count: usize) -> ([f32; 2], [u32; 2]) {
        #[expect(clippy::cast_possible_truncation, clippy::cast_precision_loss, reason = "a ratio; a few panels")]
        let (aspect, count) = (aspect as f32, count.max(1) as f32);
        let width = ((self.width() - PANEL_GAP * (count - 1.0)) / count).min(PANEL_MAX_HEIGHT / aspect);
        let size = [width, width * aspect];
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a few thousand pixels")]
        let pixels = size.map(|pt| ((pt / 72.0 * DPI).round() as u32).max(1));
        (size, pixels)
    }

    /// The view's photo with the design drawn, beside the simulated healed result, at `crop`.
    fn pictures(&mut self, design: &Design, view: &View, dots: &[Dot], photo: &image::RgbaImage, crop: &Crop) {
        let (size, px) = self.panels_size(crop.aspect(), 2);
        let photo_width_px = photo_width_px(view, photo);
        let frame = crop.frame_for(photo, photo_width_px, px[0]);
        let mut result = render_dots_on(design, view, dots, &frame);
        // The client meets people at conversational distance, not at the end of a needle.
        let at_1m = Look { seen_from_m: Some(1.0), ..Look::default() };
        at_1m.see(view, &mut result);
        let caption = if view.mm_per_px().is_some() {
            "Simulated result, healed, seen from 1 m"
        } else {
            "Simulated result, healed"
        };
        let panels = vec![
            ("Design".to_owned(), crop.cut(&frame, photo_width_px, px), true),
            (caption.to_owned(), crop.cut(&result, photo_width_px, px), false),
        ];
        self.panel_row(view, crop, size, panels);
    }

    /// The simulated result over time, small, side by side: fresh from the first session, healed
    /// after it, healed after the whole plan, and years later.
    fn stages(&mut self, design: &Design, view: &View, photo: &image::RgbaImage, crop: &Crop) {
        let looks = [
            ("Session 1, fresh", Look { after_session: Some(1), stage: Stage::Fresh, seen_from_m: None }),
            ("Session 1, healed", Look { after_session: Some(1), stage: Stage::Healed, seen_from_m: None }),
            ("All sessions, healed", Look { after_session: None, stage: Stage::Healed, seen_from_m: None }),
            ("3 years later", Look { after_session: None, stage: Stage::YearsLater(3.0), seen_from_m: None }),
        ];
        let (size, px) = self.panels_size(crop.aspect(), looks.len());
        let photo_width_px = photo_width_px(view, photo);
        let frame = crop.frame_for(photo, photo_width_px, px[0]);
        let panels = looks
            .into_iter()
            .map(|(caption, look)| {
                let dots = look.dots(design, view);
                let result = crop.cut(&render_dots_on(design, view, &dots, &frame), photo_width_px, px);
                (caption.to_owned(), result, false)
            })
            .collect();
        self.panel_row(view, crop, size, panels);
    }

    /// The view's photo beside the follow-up photo, turned and scaled onto it, the designed
    /// hairline over both.
    fn follow_up_pictures(
        &mut self,
        view: &View,
        photo: &image::RgbaImage,
        crop: &Crop,
        follow_up: &FollowUp,
        later: &image::RgbaImage,
    ) {
        let Some(to_view) = follow_up.alignment() else {
            return;
        };
        let (size, px) = self.panels_size(crop.aspect(), 2);
        let photo_width_px = photo_width_px(view, photo);
        let before = crop.cut(&crop.frame_for(photo, photo_width_px, px[0]), photo_width_px, px);
        let later_scale = f64::from(later.width()) / f64::from(follow_up.photo.width_px.max(1));
        let out_scale = f64::from(px[0]) / crop.width;
        let after = aligned_onto(later, later_scale, &to_view.inverse(), out_scale, [crop.x, crop.y], px);
        let when = follow_up.date.as_deref().map_or_else(|| "later".to_owned(), |date| format!("on {date}"));
        let captions = ["Before".to_owned(), format!("After: photographed {when}, aligned")];
        let [first, second] = captions;
        self.panel_row(view, crop, size, vec![(first, before, true), (second, after, true)]);
    }

    /// Pictures of the view's photo at `crop` side by side with captions, each with a scale bar,
    /// and the design drawn over those that ask for it.
    fn panel_row(
        &mut self,
        view: &View,
        crop: &Crop,
        [panel_width, panel_height]: [f32; 2],
        panels: Vec<(String, image::RgbaImage, bool)>,
    ) {
        // Captions wrap to two lines at most in narrow panels, the row's pictures below the longest.
        let captions: Vec<Vec<String>> = panels
            .iter()
            .map(|(caption, _, _)| {
                let mut lines = font::wrap(caption, Weight::Bold, BODY, panel_width);
                if lines.len() > 2 {
                    let rest = lines[1..].join(" ");
                    lines.truncate(1);
                    lines.push(font::fit(&rest, Weight::Bold, BODY, panel_width));
                }
                lines
            })
            .collect();
        #[expect(clippy::cast_precision_loss, reason = "one or two lines")]
        let caption_height = captions.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * (BODY + 2.0);
        self.room(panel_height + caption_height + 30.0);
        #[expect(clippy::cast_possible_truncation, reason = "pixel sizes")]
        let pt_per_photo_px = panel_width / crop.width as f32;
        let top = self.y + caption_height + 1.0;
        for (i, ((_, pixels, with_design), caption)) in panels.into_iter().zip(captions).enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "a few panels")]
            let left = MARGIN + i as f32 * (panel_width + PANEL_GAP);
            for (line, text) in caption.into_iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "one or two lines")]
                let baseline = self.y + 9.0 + line as f32 * (BODY + 2.0);
                self.text(left, baseline, BODY, Weight::Bold, text);
            }
            let rgb = image::DynamicImage::ImageRgba8(pixels).into_rgb8();
            self.page.items.push(Item::Image { rect: [left, top, panel_width, panel_height], pixels: Arc::new(rgb) });
            self.rect([left, top, panel_width, panel_height], None, Some(Pen::solid(BLACK, 0.5)));
            let to_page = |p: PhotoPoint| {
                #[expect(clippy::cast_possible_truncation, reason = "page coordinates")]
                let (x, y) = ((p.x - crop.x) as f32, (p.y - crop.y) as f32);
                [left + x * pt_per_photo_px, top + y * pt_per_photo_px]
            };
            if with_design {
                self.design_overlay(view, &to_page);
            }
            if let Some(mm_per_px) = view.mm_per_px() {
                #[expect(clippy::cast_possible_truncation, reason = "page lengths")]
                let pt_per_mm = pt_per_photo_px / mm_per_px as f32;
                self.scale_bar(left, top + panel_height + 6.0, pt_per_mm, panel_width);
            }
        }
        self.y = top + panel_height + 26.0;
    }

    /// The hairline and the zones, numbered, each with a white halo so it reads on any photo;
    /// the numbers placed clear of each other and of the curves.
    fn design_overlay(&mut self, view: &View, to_page: &dyn Fn(PhotoPoint) -> [f32; 2]) {
        let zones: Vec<Vec<[f32; 2]>> = view
            .zones
            .iter()
            .filter(|z| !z.hidden && z.vertices.len() >= 3)
            .map(|zone| zone.vertices.iter().map(|&p| to_page(p)).collect())
            .collect();
        let numbers: Vec<usize> = (1..=view.zones.len())
            .zip(&view.zones)
            .filter(|(_, z)| !z.hidden && z.vertices.len() >= 3)
            .map(|(number, _)| number)
            .collect();
        let curves: Vec<Vec<[f32; 2]>> = view
            .curves
            .iter()
            .map(|curve| sample_curve(&curve.points).into_iter().map(to_page).collect::<Vec<_>>())
            .filter(|points| points.len() >= 2)
            .collect();
        for points in &zones {
            let outline = Pen { colour: BLACK, width: 0.9, dash: Some([3.0, 2.0]) };
            self.outline(points.clone(), Pen::solid(WHITE, 2.2));
            self.outline(points.clone(), outline);
        }
        for points in &curves {
            self.line(points.clone(), Pen::solid(WHITE, 3.2));
            self.line(points.clone(), Pen::solid(BLACK, 1.4));
        }
        for (spot, number) in place_badges(&zones, &curves, BADGE_RADIUS).into_iter().zip(numbers) {
            self.badge(spot, &number.to_string());
        }
    }

    /// A zone's number in a white disc.
    fn badge(&mut self, [x, y]: [f32; 2], label: &str) {
        self.disc([x, y], BADGE_RADIUS, WHITE, Some(Pen::solid(BLACK, 0.6)));
        let width = font::width(label, Weight::Bold, SMALL);
        self.text(x - width / 2.0, y + SMALL * 0.36, SMALL, Weight::Bold, label);
    }

    /// A bar of a round number of millimetres, about a quarter of the panel wide.
    fn scale_bar(&mut self, left: f32, top: f32, pt_per_mm: f32, panel_width: f32) {
        if !(pt_per_mm.is_finite() && pt_per_mm > 0.0) {
            return;
        }
        let wanted_mm = panel_width * 0.25 / pt_per_mm;
        let Some(&mm) = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0].iter().rev().find(|&&mm| mm <= wanted_mm)
        else {
            return;
        };
        let length = mm * pt_per_mm;
        self.rect([left, top, length, 3.0], Some(BLACK), None);
        for x in [left, left + length] {
            self.line(vec![[x, top - 2.0], [x, top + 5.0]], Pen::solid(BLACK, 0.6));
        }
        self.text(left + length + 4.0, top + 4.5, SMALL, Weight::Regular, format!("{mm:.0} mm"));
    }

    /// The zones of `view` with their numbers, areas and dots from the report.
    fn zone_table(&mut self, design: &Design, view: &View, report: &ViewReport) {
        if report.zones.is_empty() {
            return;
        }
        let columns = [
            column("#", 16.0, true),
            column("Zone", 0.0, false),
            column("Kind", 72.0, false),
            column("Area cm²", 56.0, true),
            column(if report.skin_scale.estimated { "Skin est." } else { "Skin cm²" }, 56.0, true),
            column("Dots/cm²", 58.0, true),
            column("Dots", 52.0, true),
            column("Dot mm", 64.0, true),
            column("Shade", 40.0, true),
        ];
        let calibrated = report.mm_per_px.is_some();
        let total: u64 = report.zones.iter().filter(|z| z.counted_in.is_none()).filter_map(|z| z.dots).sum();
        let rows: Vec<Vec<String>> = view
            .zones
            .iter()
            .zip(&report.zones)
            .enumerate()
            .map(|(i, (zone, row))| {
                let shade = zone.water_parts.unwrap_or(design.pigment.water_parts);
                vec![
                    (i + 1).to_string(),
                    if row.hidden { format!("{} (hidden)", row.name) } else { row.name.clone() },
                    row.kind.label().to_owned(),
                    row.area_cm2.map_or_else(|| "—".to_owned(), |a| format!("{a:.1}")),
                    row.skin_area_cm2.map_or_else(|| "—".to_owned(), |a| format!("{a:.1}")),
                    format!("{:.0}", row.density_per_cm2),
                    match (row.dots, &row.counted_in) {
                        (Some(dots), None) if !row.hidden => thousands(dots),
                        // The same scalp as a zone of another view: counted there.
                        (Some(dots), Some(_)) if !row.hidden => format!("({})", thousands(dots)),
                        _ => "—".to_owned(),
                    },
                    format!("{:.2} ± {:.0} %", zone.dot_diameter_mm, zone.size_variation * 100.0),
                    format!("{shade:.0}:1"),
                ]
            })
            .collect();
        self.table(&columns, &rows);
        let footnote = if calibrated && report.simulated {
            format!(
                "Total: {} dots, as simulated (sparser in the hairline's transition band; where zones overlap, the upper zone's dots are used).",
                thousands(total)
            )
        } else if calibrated {
            format!(
                "Total: about {} dots, area times density: the zones are too large to simulate. Check the calibration.",
                thousands(total)
            )
        } else {
            "The view is not calibrated: areas and dot counts need a known length on the photo.".to_owned()
        };
        self.room(LINE);
        self.grey_text(MARGIN, self.y + SMALL + 2.0, SMALL, footnote);
        self.y += LINE;
        if report.zones.iter().any(|z| z.skin_area_cm2.is_some()) {
            self.small_paragraph(&format!(
                "Area is in the photo's plane; skin is along the curved head ({}). Densities are dots per cm² of skin.",
                report.skin_scale.source
            ));
        }
        let on_skin: u64 =
            report.zones.iter().filter(|z| z.counted_in.is_none()).filter_map(|z| z.dots_on_skin_estimate).sum();
        if on_skin > 0 {
            self.small_paragraph(&format!(
                "On an average adult head the zones' skin would take about {} dots (estimate). The dots and session times on this sheet are the photo's until a profile traced on a side photo measures this head.",
                thousands(on_skin)
            ));
        }
        for row in report.zones.iter().filter(|z| !z.hidden) {
            if let Some(other) = &row.counted_in {
                self.small_paragraph(&format!(
                    "{}: the same scalp as {other}, counted there; its dots in brackets are not added again.",
                    row.name
                ));
            }
        }
        for (i, (zone, row)) in view.zones.iter().zip(&report.zones).enumerate() {
            if let (Some(mask), Some(left)) = (&zone.hair_mask, row.left_on_hair) {
                let note = format!(
                    "Zone {}: {} left out where the client's own hair is (hair {}).",
                    i + 1,
                    crate::format::count(usize::try_from(left).unwrap_or(usize::MAX), "dot"),
                    mask.made_by
                );
                self.small_paragraph(&note);
            }
        }
    }
}

/// `later` (decoded at `later_scale` of its full size) resampled into an image of `size` pixels
/// of the view's photo frame from `origin` on (in view photo pixels; `out_scale` output pixels
/// per view photo pixel), through
/// `to_later`, the map from view photo pixels to later photo pixels. Outside it: mid grey.
fn aligned_onto(
    later: &image::RgbaImage,
    later_scale: f64,
    to_later: &crate::geometry::Similarity,
    out_scale: f64,
    [origin_x, origin_y]: [f64; 2],
    [width, height]: [u32; 2],
) -> image::RgbaImage {
    image::RgbaImage::from_fn(width, height, |x, y| {
        let in_view =
            PhotoPoint::new(origin_x + (f64::from(x) + 0.5) / out_scale, origin_y + (f64::from(y) + 0.5) / out_scale);
        let q = to_later.apply(in_view);
        #[expect(clippy::cast_possible_truncation, reason = "pixel positions")]
        let (u, v) = ((q.x * later_scale - 0.5) as f32, (q.y * later_scale - 0.5) as f32);
        image::imageops::interpolate_bilinear(later, u, v).unwrap_or(image::Rgba([128, 128, 128, 255]))
    })
}

/// The width in pixels of `view`'s whole photo, of which `photo` is a scaled copy.
fn photo_width_px(view: &View, photo: &image::RgbaImage) -> u32 {
    view.photo.as_ref().map_or(photo.width(), |p| p.width_px).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_photo_is_resampled_into_the_views_frame() {
        use crate::geometry::Similarity;
        // The later photo shows the head at half the size, moved by (10, 20): the view's pixels
        // (40..60, 40..60) are the later photo's (30..40, 40..50).
        let (black, white) = (image::Rgba([0, 0, 0, 255]), image::Rgba([255, 255, 255, 255]));
        let mut later = image::RgbaImage::from_pixel(100, 100, black);
        for x in 30..40 {
            for y in 40..50 {
                later.put_pixel(x, y, white);
            }
        }
        let p = PhotoPoint::new;
        let to_view = Similarity::from_pairs([p(10.0, 20.0), p(60.0, 20.0)], [p(0.0, 0.0), p(100.0, 0.0)]).unwrap();
        let out = aligned_onto(&later, 1.0, &to_view.inverse(), 1.0, [0.0, 0.0], [250, 250]);
        assert_eq!(*out.get_pixel(50, 50), white, "the square lands where it is on the view");
        assert_eq!(*out.get_pixel(45, 55), white);
        assert_eq!(*out.get_pixel(30, 50), black);
        assert_eq!(*out.get_pixel(240, 240), image::Rgba([128, 128, 128, 255]), "outside the later photo");
        // Half-resolution decoding of the later photo changes nothing but sharpness.
        let half = image::imageops::thumbnail(&later, 50, 50);
        let out = aligned_onto(&half, 0.5, &to_view.inverse(), 1.0, [0.0, 0.0], [100, 100]);
        assert!(out.get_pixel(50, 50)[0] > 200, "{:?}", out.get_pixel(50, 50));
    }
}
