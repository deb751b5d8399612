//! The flow: places drawing items down the pages, starting a new page when one is full, with the
//! pieces every section is built from (text, lines, rectangles, discs, headings, label–value
//! pairs, tables), and finishes the pages with their footers.

use super::font::{self, Weight};
use super::page::{BLACK, GREY, Item, PT_PER_MM, Page, Paper, Pen, RULE, Rgb, Sheet};

pub(super) const MARGIN: f32 = 15.0 * PT_PER_MM;
pub(super) const BODY: f32 = 9.0;
pub(super) const SMALL: f32 = 7.5;
pub(super) const LINE: f32 = 12.5;

/// A column of a table: title, width in points, and whether numbers align right.
pub(super) struct Column {
    title: &'static str,
    width: f32,
    right: bool,
}

pub(super) const fn column(title: &'static str, width: f32, right: bool) -> Column {
    Column { title, width, right }
}

/// Places items down the page, starting a new page when one is full.
pub(super) struct Flow {
    pub(super) paper: Paper,
    pub(super) pages: Vec<Page>,
    pub(super) page: Page,
    pub(super) y: f32,
}

impl Flow {
    pub(super) fn new(paper: Paper) -> Self {
        Self { paper, pages: Vec::new(), page: Page::default(), y: MARGIN }
    }

    pub(super) fn width(&self) -> f32 {
        self.paper.size_pt()[0] - 2.0 * MARGIN
    }

    /// The lowest baseline content may use (the footer lives below it).
    pub(super) fn bottom(&self) -> f32 {
        self.paper.size_pt()[1] - MARGIN - 14.0
    }

    /// Makes room for `height` points, on a new page if this one has too little left.
    pub(super) fn room(&mut self, height: f32) {
        if self.y + height > self.bottom() && !self.page.items.is_empty() {
            self.pages.push(std::mem::take(&mut self.page));
            self.y = MARGIN;
        }
    }

    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, text: impl Into<String>) {
        self.page.items.push(Item::Text { x, y, size, weight, colour: BLACK, text: text.into() });
    }

    pub(super) fn grey_text(&mut self, x: f32, y: f32, size: f32, text: impl Into<String>) {
        self.page.items.push(Item::Text { x, y, size, weight: Weight::Regular, colour: GREY, text: text.into() });
    }

    /// An open polyline.
    /// `text` across the page in `weight`, wrapped within the margins, each line given room.
    pub(super) fn paragraph(&mut self, weight: Weight, text: &str) {
        for line in font::wrap(text, weight, BODY, self.width()) {
            self.room(LINE);
            self.text(MARGIN, self.y + BODY, BODY, weight, line);
            self.y += LINE;
        }
    }

    /// `text` in small grey type across the page, wrapped within the margins.
    pub(super) fn small_paragraph(&mut self, text: &str) {
        for line in font::wrap(text, Weight::Regular, SMALL, self.width()) {
            self.room(SMALL + 4.0);
            self.grey_text(MARGIN, self.y + SMALL + 2.0, SMALL, line);
            self.y += SMALL + 4.0;
        }
        self.y += 4.0;
    }

    /// A heading within a section, with no rule.
    pub(super) fn subheading(&mut self, text: &str) {
        self.room(2.0 * LINE + 20.0);
        self.y += 6.0;
        self.text(MARGIN, self.y + BODY + 1.0, BODY + 1.0, Weight::Bold, text);
        self.y += LINE + 2.0;
    }

    pub(super) fn line(&mut self, points: Vec<[f32; 2]>, pen: Pen) {
        self.page.items.push(Item::Path { points, closed: false, fill: None, pen: Some(pen) });
    }

    /// A closed outline, unfilled.
    pub(super) fn outline(&mut self, points: Vec<[f32; 2]>, pen: Pen) {
        self.page.items.push(Item::Path { points, closed: true, fill: None, pen: Some(pen) });
    }

    pub(super) fn rule(&mut self, y: f32, colour: Rgb, width: f32) {
        self.line(vec![[MARGIN, y], [MARGIN + self.width(), y]], Pen::solid(colour, width));
    }

    pub(super) fn rect(&mut self, [x, y, w, h]: [f32; 4], fill: Option<Rgb>, pen: Option<Pen>) {
        let points = vec![[x, y], [x + w, y], [x + w, y + h], [x, y + h]];
        self.page.items.push(Item::Path { points, closed: true, fill, pen });
    }

    pub(super) fn heading(&mut self, text: &str) {
        self.room(2.0 * LINE + 30.0);
        self.y += 10.0;
        self.text(MARGIN, self.y + 11.0, 11.0, Weight::Bold, text);
        self.y += 15.0;
        self.rule(self.y, BLACK, 0.8);
        self.y += 4.0;
    }

    /// Label–value pairs in two columns; long values wrap within their column.
    pub(super) fn pairs(&mut self, pairs: &[(&str, String)]) {
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

    /// A table with a bold header, repeated on each page it runs onto. A column of width 0
    /// takes the remaining width.
    pub(super) fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
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

    pub(super) fn row(&mut self, columns: &[Column], widths: &[f32], cells: &[String], weight: Weight) {
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

    /// A filled circle, as a 32-sided polygon (finer than print shows at these sizes).
    pub(super) fn disc(&mut self, [x, y]: [f32; 2], radius: f32, fill: Rgb, pen: Option<Pen>) {
        let points = (0..32)
            .map(|i| {
                #[expect(clippy::cast_precision_loss, reason = "small")]
                let angle = i as f32 / 32.0 * std::f32::consts::TAU;
                [x + radius * angle.cos(), y + radius * angle.sin()]
            })
            .collect();
        self.page.items.push(Item::Path { points, closed: true, fill: Some(fill), pen });
    }

    /// Closes the last page and puts "page n of m" at the foot of each.
    pub(super) fn finish(mut self, title: &str, today: &str) -> Sheet {
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
