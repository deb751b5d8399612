//! The sheet's typeface, `DejaVu` Sans (assets/fonts, Bitstream Vera licence), embedded in the
//! program so that a sheet looks the same on every machine.
//!
//! Text is laid out once, here, as glyphs with advances; the PDF and the PNG both draw those
//! glyphs, so the two outputs agree to the point. There is no kerning or shaping beyond the
//! character map: enough for the Latin, Greek and Cyrillic names and labels a sheet carries.

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider as _};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Which of the two faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Self::Regular => REGULAR,
            Self::Bold => BOLD,
        }
    }

    fn font(self) -> Option<FontRef<'static>> {
        FontRef::new(self.bytes()).ok()
    }
}

/// One placed glyph: its id, its advance in ems, and the bytes of the text it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub id: u32,
    pub advance_em: f32,
    pub text: std::ops::Range<usize>,
}

/// The glyphs of `text`, one per character (missing characters show the font's empty box).
pub fn glyphs(text: &str, weight: Weight) -> Vec<Glyph> {
    let Some(font) = weight.font() else {
        return Vec::new();
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    let units_per_em = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em.max(1));
    text.char_indices()
        .map(|(start, ch)| {
            let id = charmap.map(ch).unwrap_or(GlyphId::NOTDEF);
            let advance = metrics.advance_width(id).unwrap_or(0.0);
            Glyph { id: id.to_u32(), advance_em: advance / units_per_em, text: start..start + ch.len_utf8() }
        })
        .collect()
}

/// The width of `text` in points at `size` points.
pub fn width(text: &str, weight: Weight, size: f32) -> f32 {
    glyphs(text, weight).iter().map(|g| g.advance_em).sum::<f32>() * size
}

/// Draws glyph `id`'s outline at `size` pixels per em into `pen`, y pointing up.
pub fn outline(weight: Weight, id: u32, size: f32, pen: &mut impl OutlinePen) {
    let Some(font) = weight.font() else {
        return;
    };
    if let Some(glyph) = font.outline_glyphs().get(GlyphId::new(id)) {
        // An outline that fails to draw leaves a gap in one word, never a wrong sheet.
        let _ = glyph.draw(DrawSettings::unhinted(Size::new(size), LocationRef::default()), pen);
    }
}

/// `text` cut to fit `max_width` points, ending in "…" when cut.
pub fn fit(text: &str, weight: Weight, size: f32, max_width: f32) -> String {
    if width(text, weight, size) <= max_width {
        return text.to_owned();
    }
    let ellipsis = width("…", weight, size);
    let mut used = 0.0;
    let mut end = 0;
    for glyph in glyphs(text, weight) {
        used += glyph.advance_em * size;
        if used + ellipsis > max_width {
            break;
        }
        end = glyph.text.end;
    }
    format!("{}…", text[..end].trim_end())
}

/// `text` broken into lines no wider than `max_width` points, at spaces (and inside words
/// only when a single word is wider than a line). Existing line breaks are kept. Each word is
/// measured once, so a long text wraps in time proportional to its length.
pub fn wrap(text: &str, weight: Weight, size: f32, max_width: f32) -> Vec<String> {
    let space = width(" ", weight, size);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let (mut line, mut line_width) = (String::new(), 0.0);
        for word in paragraph.split_whitespace() {
            let word_width = width(word, weight, size);
            if !line.is_empty() && line_width + space + word_width <= max_width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line_width = 0.0;
            // A word wider than a line is cut where it reaches the edge (at least a character a line).
            for glyph in glyphs(word, weight) {
                let advance = glyph.advance_em * size;
                if !line.is_empty() && line_width + advance > max_width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push_str(&word[glyph.text]);
                line_width += advance;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_text_with_the_embedded_font() {
        let narrow = width("iiii", Weight::Regular, 10.0);
        let wide = width("MMMM", Weight::Regular, 10.0);
        assert!(narrow > 5.0 && wide > narrow * 2.0, "{narrow} {wide}");
        assert!(width("Name", Weight::Bold, 10.0) > width("Name", Weight::Regular, 10.0));
        assert!((width("ab", Weight::Regular, 20.0) - 2.0 * width("ab", Weight::Regular, 10.0)).abs() < 1e-3);
        assert!(glyphs("Δ²", Weight::Regular).iter().all(|g| g.id != 0), "the symbols a sheet uses exist");
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let text = "Wants a soft, natural hairline that suits his age and keeps the temples";
        let lines = wrap(text, Weight::Regular, 10.0, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, Weight::Regular, 10.0) <= 120.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        let long = wrap("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Weight::Regular, 10.0, 50.0);
        assert!(long.len() > 1 && long.iter().all(|l| width(l, Weight::Regular, 10.0) <= 50.0), "{long:?}");
        assert_eq!(fit("Short", Weight::Regular, 10.0, 100.0), "Short");
        let cut = fit("A rather long zone name", Weight::Regular, 10.0, 60.0);
        assert!(cut.ends_with('…') && width(&cut, Weight::Regular, 10.0) <= 60.0, "{cut}");
    }
}
