//! The printable design sheet: what the client takes home and the artist files.
//!
//! [`layout`] turns a design (and its views' photos) into pages of simple drawing items in
//! points, top-left origin; [`pdf`] writes them with real, embedded text, and [`raster`] paints
//! them to pixels for the PNG. Both draw the same items, so the PDF and the PNG are one sheet.
//!
//! Everything on the sheet reads in black and white: lines have white halos over photos, zones
//! carry their numbers, and every colour is also given as numbers.

pub mod export;
pub mod font;
pub mod pdf;
pub mod raster;

use std::sync::Arc;

use image::RgbImage;

use crate::colour::advise;
use crate::design::Contraindication;
use crate::design::{Design, FollowUp, PhotoPoint, View};
use crate::follicles::Dot;
use crate::format::thousands;
use crate::geometry::sample_curve;
use crate::render::{Look, render_dots_on};
use crate::summary::{design_shades, mean_skin, summarize_view};
pub use export::{ExportError, ExportRequest, export, png_page_paths};
use font::Weight;

/// Points per millimetre (a point is 1/72 inch).
pub const PT_PER_MM: f32 = 72.0 / 25.4;
/// The resolution of the PNG, and of the photos embedded in the PDF.
pub const DPI: f32 = 300.0;

/// The paper the sheet is laid out for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size_pt(self) -> [f32; 2] {
        match self {
            Self::A4 => [210.0 * PT_PER_MM, 297.0 * PT_PER_MM],
            Self::Letter => [612.0, 792.0],
        }
    }

    /// Width and height in pixels at [`DPI`]: 2480 × 3508 for A4, 2550 × 3300 for Letter.
    pub fn size_px(self) -> [u32; 2] {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a few thousand pixels")]
        self.size_pt().map(|pt| (pt / 72.0 * DPI).round() as u32)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "Letter",
        }
    }
}

/// An sRGB colour.
pub type Rgb = [u8; 3];
const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];
const GREY: Rgb = [90, 90, 90];
const RULE: Rgb = [170, 170, 170];

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pen {
    pub colour: Rgb,
    pub width: f32,
    /// Dash and gap lengths, in points.
    pub dash: Option<[f32; 2]>,
}

impl Pen {
    pub const fn solid(colour: Rgb, width: f32) -> Self {
        Self { colour, width, dash: None }
    }
}

/// One thing drawn on a page; positions in points from the page's top-left corner.
#[derive(Clone, Debug)]
pub enum Item {
    /// A line of text starting at `x` on the baseline `y`.
    Text { x: f32, y: f32, size: f32, weight: Weight, colour: Rgb, text: String },
    /// An open or closed polyline, stroked and optionally filled.
    Path { points: Vec<[f32; 2]>, closed: bool, fill: Option<Rgb>, pen: Option<Pen> },
    /// A picture filling the rectangle `[x, y, width, height]`.
    Image { rect: [f32; 4], pixels: Arc<RgbImage> },
}

/// One page's items, drawn in order.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

/// A laid-out sheet.
#[derive(Clone, Debug)]
pub struct Sheet {
    pub paper: Paper,
    pub title: String,
    pub pages: Vec<Page>,
}

/// The photos a sheet shows, opened ([`SheetPhotos::open`]), at any resolution: the sheet
/// scales them.
#[derive(Debug, Default)]
pub struct SheetPhotos {
    /// Each view's photo, in the order of `design.views`; `Err` says why it is missing.
    pub views: Vec<Result<image::RgbaImage, String>>,
    /// Each view's latest aligned follow-up photo, where there is one and it opened.
    pub follow_ups: Vec<Option<image::RgbaImage>>,
}

impl SheetPhotos {
    fn view(&self, index: usize) -> Option<&image::RgbaImage> {
        self.views.get(index)?.as_ref().ok().filter(|p| p.width() > 0 && p.height() > 0)
    }

    fn follow_up(&self, index: usize) -> Option<&image::RgbaImage> {
        self.follow_ups.get(index)?.as_ref().filter(|p| p.width() > 0 && p.height() > 0)
    }
}

const MARGIN: f32 = 15.0 * PT_PER_MM;
const BODY: f32 = 9.0;
const SMALL: f32 = 7.5;
const LINE: f32 = 12.5;
const PANEL_GAP: f32 = 12.0;
const PANEL_MAX_HEIGHT: f32 = 290.0;

/// Lays out the design sheet of `design`, dated `today` (ISO), on `paper`. `progress` hears
/// the share done (0 to 1) as each view's pictures are made, the slow part.
pub fn layout(design: &Design, photos: &SheetPhotos, paper: Paper, today: &str, progress: &dyn Fn(f32)) -> Sheet {
    let name = if design.client.name.trim().is_empty() { "Unnamed client" } else { design.client.name.trim() };
    let mut flow = Flow::new(paper);
    flow.title(name, today);
    flow.client_details(design);
    let views: Vec<(usize, &View)> =
        design.views.iter().enumerate().filter(|(_, v)| v.photo.is_some() || !v.zones.is_empty()).collect();
    for (done, &(index, view)) in views.iter().enumerate() {
        flow.view(design, view, photos.view(index), photos.follow_up(index));
        #[expect(clippy::cast_precision_loss, reason = "a handful of views")]
        progress((done + 1) as f32 / views.len() as f32);
    }
    flow.shades(design);
    flow.sessions(design);
    flow.contraindications(design);
    flow.notes(design);
    flow.signatures();
    let title = format!("SMP design sheet: {name}");
    flow.finish(&title, today)
}

/// A column of a table: title, width in points, and whether numbers align right.
struct Column {
    title: &'static str,
    width: f32,
    right: bool,
}

const fn column(title: &'static str, width: f32, right: bool) -> Column {
    Column { title, width, right }
}

/// Places items down the page, starting a new page when one is full.
struct Flow {
    paper: Paper,
    pages: Vec<Page>,
    page: Page,
    y: f32,
}

impl Flow {
    fn new(paper: Paper) -> Self {
        Self { paper, pages: Vec::new(), page: Page::default(), y: MARGIN }
    }

    fn width(&self) -> f32 {
        self.paper.size_pt()[0] - 2.0 * MARGIN
    }

    /// The lowest baseline content may use (the footer lives below it).
    fn bottom(&self) -> f32 {
        self.paper.size_pt()[1] - MARGIN - 14.0
    }

    /// Makes room for `height` points, on a new page if this one has too little left.
    fn room(&mut self, height: f32) {
        if self.y + height > self.bottom() && !self.page.items.is_empty() {
            self.pages.push(std::mem::take(&mut self.page));
            self.y = MARGIN;
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, text: impl Into<String>) {
        self.page.items.push(Item::Text { x, y, size, weight, colour: BLACK, text: text.into() });
    }

    fn grey_text(&mut self, x: f32, y: f32, size: f32, text: impl Into<String>) {
        self.page.items.push(Item::Text { x, y, size, weight: Weight::Regular, colour: GREY, text: text.into() });
    }

    /// An open polyline.
    fn line(&mut self, points: Vec<[f32; 2]>, pen: Pen) {
        self.page.items.push(Item::Path { points, closed: false, fill: None, pen: Some(pen) });
    }

    /// A closed outline, unfilled.
    fn outline(&mut self, points: Vec<[f32; 2]>, pen: Pen) {
        self.page.items.push(Item::Path { points, closed: true, fill: None, pen: Some(pen) });
    }

    fn rule(&mut self, y: f32, colour: Rgb, width: f32) {
        self.line(vec![[MARGIN, y], [MARGIN + self.width(), y]], Pen::solid(colour, width));
    }

    fn rect(&mut self, [x, y, w, h]: [f32; 4], fill: Option<Rgb>, pen: Option<Pen>) {
        let points = vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
        self.page.items.push(Item::Path { points, closed: true, fill, pen });
    }

    fn heading(&mut self, text: &str) {
        self.room(2.0 * LINE + 30.0);
        self.y += 10.0;
        self.text(MARGIN, self.y + 11.0, 11.0, Weight::Bold, text);
        self.y += 15.0;
        self.rule(self.y, BLACK, 0.8);
        self.y += 4.0;
    }

    fn title(&mut self, name: &str, today: &str) {
        let width = self.width();
        self.grey_text(MARGIN, self.y + 9.0, SMALL, "Hairline Studio · scalp micropigmentation design sheet");
        let printed = format!("Printed {today}");
        let printed_x = MARGIN + width - font::width(&printed, Weight::Regular, SMALL);
        self.grey_text(printed_x, self.y + 9.0, SMALL, printed);
        self.y += 12.0;
        let name = font::fit(name, Weight::Bold, 18.0, width);
        self.text(MARGIN, self.y + 18.0, 18.0, Weight::Bold, name);
        self.y += 24.0;
    }

    /// Label–value pairs in two columns; long values wrap within their column.
    fn pairs(&mut self, pairs: &[(&str, String)]) {
        let half = (self.width() - 12.0) / 2.0;
        let label_width = 78.0;
        for row in pairs.chunks(2) {
            // A pair alone on its row (goals) may use the whole width.
            let value_width = if row.len() == 1 { self.width() } else { half } - label_width;
            let wrapped: Vec<Vec<String>> =
                row.iter().map(|(_, value)| font::wrap(value, Weight::Regular, BODY, value_width)).collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            // Line by line, so that a long value (goals) runs on to the next page.
            for i in 0..lines {
                self.room(LINE);
                for (column, ((label, _), value_lines)) in row.iter().zip(&wrapped).enumerate() {
                    #[expect(clippy::cast_precision_loss, reason = "0 or 1")]
                    let x = MARGIN + column as f32 * (half + 12.0);
                    if i == 0 {
                        self.grey_text(x, self.y + BODY, BODY, *label);
                    }
                    if let Some(line) = value_lines.get(i) {
                        self.text(x + label_width, self.y + BODY, BODY, Weight::Regular, line.clone());
                    }
                }
                self.y += LINE;
            }
        }
    }

    fn client_details(&mut self, design: &Design) {
        let client = &design.client;
        let or_dash = |value: &Option<String>| value.clone().unwrap_or_else(|| "—".to_owned());
        let text_or_dash =
            |value: &str| if value.trim().is_empty() { "—".to_owned() } else { value.trim().to_owned() };
        let hair = match (client.hair_colour.trim(), client.grey_percent) {
            ("", None) => "—".to_owned(),
            (colour, None) => colour.to_owned(),
            ("", Some(grey)) => format!("{grey} % grey"),
            (colour, Some(grey)) => format!("{colour}, {grey} % grey"),
        };
        let patch = match &client.patch_test_date {
            Some(date) => format!("{date}: {}", client.patch_test_result.label()),
            None => client.patch_test_result.label().to_owned(),
        };
        let consent = client.consent_date.as_ref().map_or_else(|| "Not given".to_owned(), |d| format!("Given {d}"));
        self.heading("Client");
        self.pairs(&[
            ("Consultation", or_dash(&client.consultation_date)),
            ("Date of birth", or_dash(&client.date_of_birth)),
            ("Contact", text_or_dash(&client.contact)),
            ("Hair loss", client.hair_loss.as_ref().map_or_else(|| "—".to_owned(), crate::design::HairLoss::label)),
            ("Fitzpatrick", client.fitzpatrick.map_or_else(|| "—".to_owned(), roman)),
            ("Hair", hair),
            ("Patch test", patch),
            ("Consent", consent),
        ]);
        self.pairs(&[("Goals", text_or_dash(&client.goals))]);
    }

    /// A view: its photo with the design drawn, and the simulated healed result, side by side,
    /// with scale bars; then its zone table.
    fn view(
        &mut self,
        design: &Design,
        view: &View,
        photo: Option<&image::RgbaImage>,
        later: Option<&image::RgbaImage>,
    ) {
        self.heading(&format!("{} view", view.kind.label()));
        // Generated once for the picture and the zone table's counts.
        let dots = Look::default().dots(design, view);
        if let Some(photo) = photo {
            self.pictures(design, view, &dots, photo);
            if let (Some(later), Some(follow_up)) = (later, view.latest_aligned_follow_up()) {
                self.follow_up_pictures(view, photo, follow_up, later);
            }
        } else if view.photo.is_some() {
            self.room(LINE);
            self.grey_text(MARGIN, self.y + BODY, BODY, "The photo of this view could not be opened.");
            self.y += LINE;
        }
        self.zone_table(design, view, &dots);
    }

    /// Two panels' size in points for `photo`, side by side across the page (or narrower for a
    /// tall photo), and in pixels at [`DPI`].
    fn panel_size(&self, photo: &image::RgbaImage) -> ([f32; 2], [u32; 2]) {
        #[expect(clippy::cast_precision_loss, reason = "pixel sizes")]
        let aspect = photo.height() as f32 / photo.width() as f32;
        let width = ((self.width() - PANEL_GAP) / 2.0).min(PANEL_MAX_HEIGHT / aspect);
        let size = [width, width * aspect];
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a few thousand pixels")]
        let pixels = size.map(|pt| ((pt / 72.0 * DPI).round() as u32).max(1));
        (size, pixels)
    }

    /// The view's photo with the design drawn, beside the simulated healed result.
    fn pictures(&mut self, design: &Design, view: &View, dots: &[Dot], photo: &image::RgbaImage) {
        let (size, [px_w, px_h]) = self.panel_size(photo);
        let scaled = image::imageops::thumbnail(photo, px_w, px_h);
        let preview = render_dots_on(design, view, dots, &scaled);
        self.panel_pair(
            view,
            size,
            [("Design".to_owned(), scaled, true), ("Simulated result, healed".to_owned(), preview, false)],
        );
    }

    /// The view's photo beside the follow-up photo, turned and scaled onto it, the designed
    /// hairline over both.
    fn follow_up_pictures(
        &mut self,
        view: &View,
        photo: &image::RgbaImage,
        follow_up: &FollowUp,
        later: &image::RgbaImage,
    ) {
        let Some(to_view) = follow_up.alignment() else {
            return;
        };
        let (size, [px_w, px_h]) = self.panel_size(photo);
        let before = image::imageops::thumbnail(photo, px_w, px_h);
        let view_width_px = view.photo.as_ref().map_or(photo.width(), |p| p.width_px).max(1);
        let later_scale = f64::from(later.width()) / f64::from(follow_up.photo.width_px.max(1));
        let after = aligned_onto(
            later,
            later_scale,
            &to_view.inverse(),
            f64::from(px_w) / f64::from(view_width_px),
            [px_w, px_h],
        );
        let when = follow_up.date.as_deref().map_or_else(|| "later".to_owned(), |date| format!("on {date}"));
        let captions = ["Before".to_owned(), format!("After: photographed {when}, aligned")];
        let [first, second] = captions;
        self.panel_pair(view, size, [(first, before, true), (second, after, true)]);
    }

    /// Two pictures of the view's photo frame side by side with captions, each with a scale bar,
    /// and the design drawn over those that ask for it.
    fn panel_pair(
        &mut self,
        view: &View,
        [panel_width, panel_height]: [f32; 2],
        panels: [(String, image::RgbaImage, bool); 2],
    ) {
        self.room(panel_height + 40.0);
        let photo_width_px = view.photo.as_ref().map_or(1, |p| p.width_px).max(1);
        #[expect(clippy::cast_precision_loss, reason = "pixel sizes")]
        let pt_per_photo_px = panel_width / photo_width_px as f32;
        let top = self.y + 12.0;
        for (i, (caption, pixels, with_design)) in panels.into_iter().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "0 or 1")]
            let left = MARGIN + i as f32 * (panel_width + PANEL_GAP);
            let caption = font::fit(&caption, Weight::Bold, BODY, panel_width);
            self.text(left, self.y + 9.0, BODY, Weight::Bold, caption);
            let rgb = image::DynamicImage::ImageRgba8(pixels).into_rgb8();
            self.page.items.push(Item::Image { rect: [left, top, panel_width, panel_height], pixels: Arc::new(rgb) });
            self.rect([left, top, panel_width, panel_height], None, Some(Pen::solid(BLACK, 0.5)));
            let to_page = |p: PhotoPoint| {
                #[expect(clippy::cast_possible_truncation, reason = "page coordinates")]
                let (x, y) = (p.x as f32, p.y as f32);
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

    /// The hairline and the zones, numbered, each with a white halo so it reads on any photo.
    fn design_overlay(&mut self, view: &View, to_page: &dyn Fn(PhotoPoint) -> [f32; 2]) {
        for (number, zone) in view.zones.iter().enumerate().filter(|(_, z)| !z.hidden && z.vertices.len() >= 3) {
            let points: Vec<[f32; 2]> = zone.vertices.iter().map(|&p| to_page(p)).collect();
            let halo = Pen::solid(WHITE, 2.2);
            let outline = Pen { colour: BLACK, width: 0.9, dash: Some([3.0, 2.0]) };
            self.outline(points.clone(), halo);
            self.outline(points.clone(), outline);
            self.badge(centroid(&points), &(number + 1).to_string());
        }
        for curve in &view.curves {
            let points: Vec<[f32; 2]> = sample_curve(&curve.points).into_iter().map(to_page).collect();
            if points.len() < 2 {
                continue;
            }
            let halo = Pen::solid(WHITE, 3.2);
            self.line(points.clone(), halo);
            self.line(points, Pen::solid(BLACK, 1.4));
        }
    }

    /// A zone's number in a white disc.
    fn badge(&mut self, [x, y]: [f32; 2], label: &str) {
        self.disc([x, y], 5.5, WHITE, Some(Pen::solid(BLACK, 0.6)));
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

    /// The zones of `view` with their numbers, `dots` counted per zone as simulated.
    fn zone_table(&mut self, design: &Design, view: &View, dots: &[Dot]) {
        let summary = summarize_view(view);
        if summary.zones.is_empty() {
            return;
        }
        let columns = [
            column("#", 16.0, true),
            column("Zone", 0.0, false),
            column("Kind", 78.0, false),
            column("Area cm²", 56.0, true),
            column("Density /cm²", 70.0, true),
            column("Dots", 52.0, true),
            column("Dot size mm", 80.0, true),
            column("Shade", 40.0, true),
        ];
        // The dots as simulated, as the studio's inspector counts them: the hairline's
        // transition band is sparser than its zone's density, and overlaps are not doubled.
        let mut simulated = vec![0_u64; view.zones.len()];
        for dot in dots {
            if let Some(count) = simulated.get_mut(usize::from(dot.zone)) {
                *count += 1;
            }
        }
        let calibrated = summary.mm_per_px.is_some();
        let total: u64 = simulated.iter().sum();
        let rows: Vec<Vec<String>> = view
            .zones
            .iter()
            .zip(&summary.zones)
            .zip(&simulated)
            .enumerate()
            .map(|(i, ((zone, row), &dots))| {
                let shade = zone.water_parts.unwrap_or(design.pigment.water_parts);
                vec![
                    (i + 1).to_string(),
                    if row.hidden { format!("{} (hidden)", row.name) } else { row.name.clone() },
                    row.kind.label().to_owned(),
                    row.area_cm2.map_or_else(|| "—".to_owned(), |a| format!("{a:.1}")),
                    format!("{:.0}", row.density_per_cm2),
                    if calibrated && !row.hidden { thousands(dots) } else { "—".to_owned() },
                    format!("{:.2} ± {:.0} %", zone.dot_diameter_mm, zone.size_variation * 100.0),
                    format!("{shade:.0}:1"),
                ]
            })
            .collect();
        self.table(&columns, &rows);
        let footnote = if calibrated {
            format!(
                "Total: {} dots, as simulated (sparser in the hairline's transition band; where zones overlap, the upper zone's dots are used).",
                thousands(total)
            )
        } else {
            "The view is not calibrated: areas and dot counts need a known length on the photo.".to_owned()
        };
        self.room(LINE);
        self.grey_text(MARGIN, self.y + SMALL + 2.0, SMALL, footnote);
        self.y += LINE;
    }

    /// A table with a bold header, repeated on each page it runs onto. A column of width 0
    /// takes the remaining width.
    fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        let fixed: f32 = columns.iter().map(|c| c.width).sum();
        let rest = (self.width() - fixed).max(20.0);
        let widths: Vec<f32> = columns.iter().map(|c| if c.width > 0.0 { c.width } else { rest }).collect();
        let header = |flow: &mut Self| {
            flow.row(columns, &widths, &columns.iter().map(|c| c.title.to_owned()).collect::<Vec<_>>(), Weight::Bold);
            flow.rule(flow.y, BLACK, 0.5);
        };
        self.room(2.0 * LINE + 4.0);
        header(self);
        for row in rows {
            let before = self.pages.len();
            self.room(LINE);
            if self.pages.len() != before {
                header(self);
            }
            self.row(columns, &widths, row, Weight::Regular);
            self.rule(self.y, RULE, 0.3);
        }
    }

    fn row(&mut self, columns: &[Column], widths: &[f32], cells: &[String], weight: Weight) {
        let pad = 3.0;
        let mut x = MARGIN;
        for ((column, &width), cell) in columns.iter().zip(widths).zip(cells) {
            let text = font::fit(cell, weight, BODY, width - 2.0 * pad);
            let text_x = if column.right { x + width - pad - font::width(&text, weight, BODY) } else { x + pad };
            self.text(text_x, self.y + BODY + 1.5, BODY, weight, text);
            x += width;
        }
        self.y += LINE + 1.0;
    }

    /// Each shade of the design as a healed dot on the client's measured skin, with its
    /// contrast in numbers (the swatch alone is lost in black and white).
    fn shades(&mut self, design: &Design) {
        let Some(skin) = design.views.iter().find_map(|v| mean_skin(&v.skin_samples)) else {
            return;
        };
        self.heading(&format!("Shades: {} on the client's skin (healed)", design.pigment.name()));
        let ink = design.pigment.ink();
        for water_parts in design_shades(design) {
            let advice = advise(skin, ink, water_parts);
            self.room(26.0);
            let top = self.y + 2.0;
            self.rect([MARGIN, top, 40.0, 20.0], Some(skin.to_srgb()), Some(Pen::solid(BLACK, 0.5)));
            self.disc([MARGIN + 20.0, top + 10.0], 6.5, advice.healed.to_srgb(), None);
            let verdict = match (&advice.warning, advice.suggested) {
                (Some(warning), _) => warning.clone(),
                (None, true) => "suggested for this skin".to_owned(),
                (None, false) => "outside the suggested range".to_owned(),
            };
            self.text(MARGIN + 50.0, top + 8.5, BODY, Weight::Bold, format!("{water_parts:.0}:1 (water:ink)"));
            let numbers = format!(
                "Healed ΔE00 {:.1}, lightness contrast ΔL* {:.1} (fresh: ΔE00 {:.1}, ΔL* {:.1}); {verdict}",
                advice.delta_e_healed, advice.contrast_healed, advice.delta_e_fresh, advice.contrast_fresh
            );
            let numbers = font::fit(&numbers, Weight::Regular, SMALL + 0.5, self.width() - 50.0);
            self.text(MARGIN + 50.0, top + 18.5, SMALL + 0.5, Weight::Regular, numbers);
            self.y += 26.0;
        }
    }

    /// A filled circle, as a 32-sided polygon (finer than print shows at these sizes).
    fn disc(&mut self, [x, y]: [f32; 2], radius: f32, fill: Rgb, pen: Option<Pen>) {
        let points = (0..32)
            .map(|i| {
                #[expect(clippy::cast_precision_loss, reason = "small")]
                let angle = i as f32 / 32.0 * std::f32::consts::TAU;
                [x + radius * angle.cos(), y + radius * angle.sin()]
            })
            .collect();
        self.page.items.push(Item::Path { points, closed: true, fill: Some(fill), pen });
    }

    fn sessions(&mut self, design: &Design) {
        if design.sessions.is_empty() {
            return;
        }
        self.heading("Session plan");
        // As the studio's session plan estimates them.
        let total_dots: f64 = design.views.iter().filter_map(crate::follicles::estimated_dots).sum();
        let columns = [
            column("#", 16.0, true),
            column("Planned", 66.0, false),
            column("Done", 80.0, false),
            column("Shade", 40.0, true),
            column("Share", 40.0, true),
            column("Est. time", 64.0, true),
            column("Notes", 0.0, false),
        ];
        let rows: Vec<Vec<String>> = design
            .sessions
            .iter()
            .enumerate()
            .map(|(i, session)| {
                let done = match (&session.actual_date, session.done) {
                    (Some(date), true) => format!("✓ {date}"),
                    (None, true) => "✓".to_owned(),
                    (_, false) => "☐".to_owned(),
                };
                let shade = session.water_parts.unwrap_or(design.pigment.water_parts);
                let hours = design.session_hours(i, total_dots).map_or_else(|| "—".to_owned(), crate::format::duration);
                vec![
                    (i + 1).to_string(),
                    match (&session.planned_date, i) {
                        (Some(date), _) => date.clone(),
                        (None, 0) => "—".to_owned(),
                        (None, _) => format!("+{} days", session.days_after_previous),
                    },
                    done,
                    format!("{shade:.0}:1"),
                    format!("{:.0} %", session.share_of_dots * 100.0),
                    hours,
                    session.notes.clone(),
                ]
            })
            .collect();
        self.table(&columns, &rows);
        self.room(LINE);
        let note = format!("Times at {:.0} dots an hour.", design.dots_per_hour);
        self.grey_text(MARGIN, self.y + SMALL + 2.0, SMALL, note);
        self.y += LINE;
    }

    fn contraindications(&mut self, design: &Design) {
        self.heading("Contraindications (asked at consultation)");
        let ticked = &design.client.contraindications;
        let half = (self.width() - 12.0) / 2.0;
        for pair in Contraindication::ALL.chunks(2) {
            self.room(LINE);
            for (column, item) in pair.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "0 or 1")]
                let x = MARGIN + column as f32 * (half + 12.0);
                let (answer, weight) =
                    if ticked.contains(item) { ("YES", Weight::Bold) } else { ("no", Weight::Regular) };
                self.text(x, self.y + BODY, BODY, weight, answer);
                let label = font::fit(item.label(), weight, BODY, half - 30.0);
                self.text(x + 26.0, self.y + BODY, BODY, weight, label);
            }
            self.y += LINE;
        }
    }

    fn notes(&mut self, design: &Design) {
        let notes = [design.client.notes.trim(), design.notes.trim()]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if notes.is_empty() {
            return;
        }
        self.heading("Notes");
        for line in font::wrap(&notes, Weight::Regular, BODY, self.width()) {
            self.room(LINE);
            self.text(MARGIN, self.y + BODY, BODY, Weight::Regular, line);
            self.y += LINE;
        }
    }

    fn signatures(&mut self) {
        self.room(90.0);
        self.y += 14.0;
        self.text(
            MARGIN,
            self.y + BODY,
            BODY,
            Weight::Regular,
            "The client has seen this design and the simulated result, and agrees to the plan above.",
        );
        self.y += 40.0;
        let half = (self.width() - 24.0) / 2.0;
        for (column, who) in ["Artist", "Client"].into_iter().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "0 or 1")]
            let x = MARGIN + column as f32 * (half + 24.0);
            self.line(vec![[x, self.y], [x + half * 0.65, self.y]], Pen::solid(BLACK, 0.6));
            self.line(vec![[x + half * 0.72, self.y], [x + half, self.y]], Pen::solid(BLACK, 0.6));
            self.grey_text(x, self.y + 10.0, SMALL, format!("{who} signature"));
            self.grey_text(x + half * 0.72, self.y + 10.0, SMALL, "Date");
        }
        self.y += 16.0;
    }

    /// Closes the last page and puts "page n of m" at the foot of each.
    fn finish(mut self, title: &str, today: &str) -> Sheet {
        if !self.page.items.is_empty() || self.pages.is_empty() {
            self.pages.push(std::mem::take(&mut self.page));
        }
        let count = self.pages.len();
        let [width, height] = self.paper.size_pt();
        for (i, page) in self.pages.iter_mut().enumerate() {
            let y = height - MARGIN + 4.0;
            let number = format!("Page {} of {count} · {today}", i + 1);
            let number_width = font::width(&number, Weight::Regular, SMALL);
            let footer = font::fit(title, Weight::Regular, SMALL, width - 2.0 * MARGIN - number_width - 12.0);
            page.items.push(Item::Text {
                x: MARGIN,
                y,
                size: SMALL,
                weight: Weight::Regular,
                colour: GREY,
                text: footer,
            });
            let x = width - MARGIN - number_width;
            page.items.push(Item::Text { x, y, size: SMALL, weight: Weight::Regular, colour: GREY, text: number });
        }
        Sheet { paper: self.paper, title: title.to_owned(), pages: self.pages }
    }
}

/// `later` (decoded at `later_scale` of its full size) resampled into an image of `size` pixels
/// of the view's photo frame (`out_scale` output pixels per view photo pixel), through
/// `to_later`, the map from view photo pixels to later photo pixels. Outside it: mid grey.
fn aligned_onto(
    later: &image::RgbaImage,
    later_scale: f64,
    to_later: &crate::geometry::Similarity,
    out_scale: f64,
    [width, height]: [u32; 2],
) -> image::RgbaImage {
    image::RgbaImage::from_fn(width, height, |x, y| {
        let in_view = PhotoPoint::new((f64::from(x) + 0.5) / out_scale, (f64::from(y) + 0.5) / out_scale);
        let q = to_later.apply(in_view);
        #[expect(clippy::cast_possible_truncation, reason = "pixel positions")]
        let (u, v) = ((q.x * later_scale - 0.5) as f32, (q.y * later_scale - 0.5) as f32);
        image::imageops::interpolate_bilinear(later, u, v).unwrap_or(image::Rgba([128, 128, 128, 255]))
    })
}

/// The mean of a polygon's vertices: where its number goes.
fn centroid(points: &[[f32; 2]]) -> [f32; 2] {
    #[expect(clippy::cast_precision_loss, reason = "a few vertices")]
    let n = points.len().max(1) as f32;
    let [x, y] = points.iter().fold([0.0, 0.0], |[x, y], p| [x + p[0], y + p[1]]);
    [x / n, y / n]
}

fn roman(n: u8) -> String {
    ["I", "II", "III", "IV", "V", "VI"]
        .get(usize::from(n).wrapping_sub(1))
        .map_or_else(|| n.to_string(), |r| (*r).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_and_types_read_right() {
        assert_eq!(roman(4), "IV");
        assert_eq!(Paper::A4.size_px(), [2480, 3508]);
        assert_eq!(Paper::Letter.size_px(), [2550, 3300]);
    }

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
            let sheet = layout(&crowded_design(), &SheetPhotos::default(), paper, "2026-11-23", &|_| ());
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
        let out = aligned_onto(&later, 1.0, &to_view.inverse(), 1.0, [250, 250]);
        assert_eq!(*out.get_pixel(50, 50), white, "the square lands where it is on the view");
        assert_eq!(*out.get_pixel(45, 55), white);
        assert_eq!(*out.get_pixel(30, 50), black);
        assert_eq!(*out.get_pixel(240, 240), image::Rgba([128, 128, 128, 255]), "outside the later photo");
        // Half-resolution decoding of the later photo changes nothing but sharpness.
        let half = image::imageops::thumbnail(&later, 50, 50);
        let out = aligned_onto(&half, 0.5, &to_view.inverse(), 1.0, [100, 100]);
        assert!(out.get_pixel(50, 50)[0] > 200, "{:?}", out.get_pixel(50, 50));
    }

    #[test]
    fn progress_reaches_the_end() {
        let seen = std::cell::RefCell::new(Vec::new());
        let _ = layout(&crowded_design(), &SheetPhotos::default(), Paper::A4, "2026-11-23", &|share| {
            seen.borrow_mut().push(share);
        });
        let seen = seen.into_inner();
        assert_eq!(seen.len(), 4, "one step per view");
        assert!(seen.windows(2).all(|w| w[0] < w[1]) && (seen[3] - 1.0).abs() < 1e-6, "{seen:?}");
    }
}
