//! Text for the PDF writer: the embedded fonts (PT Sans regular and bold, DejaVu Sans for
//! symbols PT Sans lacks), glyph lookup with fallback, measuring, and greedy line breaking of
//! mixed bold/plain spans. Measuring and drawing use the same glyphs and advances, so a line
//! never overflows the width it was broken for.

use std::cell::RefCell;
use std::collections::HashMap;

use super::document::Span;

/// PT Sans Regular (ParaType Free Font Licence).
pub const REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/PTSans-Regular.ttf");
/// PT Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/PTSans-Bold.ttf");
/// DejaVu Sans, for glyphs PT Sans does not have (arrows, block elements, rare symbols).
pub const FALLBACK: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");

/// What is drawn for a character no embedded font has: a white square.
const MISSING: char = '\u{25a1}';

/// Which embedded font a glyph comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FontId {
    /// PT Sans Regular.
    Regular,
    /// PT Sans Bold.
    Bold,
    /// DejaVu Sans.
    Fallback,
}

/// One glyph: its font, id and advance as a fraction of the font size.
#[derive(Clone, Copy, Debug)]
pub struct Glyph {
    /// The font.
    pub font: FontId,
    /// The glyph id in that font.
    pub id: u16,
    /// Advance width / units per em.
    pub advance: f32,
}

/// The parsed fonts and a cache of looked-up characters.
pub struct Fonts {
    faces: [ttf_parser::Face<'static>; 3],
    cache: RefCell<HashMap<(char, bool), Glyph>>,
}

impl Fonts {
    /// Parses the embedded fonts; `None` only if a font file were corrupt.
    pub fn new() -> Option<Self> {
        Some(Self {
            faces: [
                ttf_parser::Face::parse(REGULAR, 0).ok()?,
                ttf_parser::Face::parse(BOLD, 0).ok()?,
                ttf_parser::Face::parse(FALLBACK, 0).ok()?,
            ],
            cache: RefCell::new(HashMap::new()),
        })
    }

    fn face(&self, font: FontId) -> &ttf_parser::Face<'static> {
        let [regular, bold, fallback] = &self.faces;
        match font {
            FontId::Regular => regular,
            FontId::Bold => bold,
            FontId::Fallback => fallback,
        }
    }

    /// The glyph for a character: from PT Sans (bold or not), else DejaVu Sans, else DejaVu
    /// Sans' "□".
    pub fn glyph(&self, c: char, bold: bool) -> Glyph {
        if let Some(glyph) = self.cache.borrow().get(&(c, bold)) {
            return *glyph;
        }
        let c_shown = if c == '\t' || c == '\u{a0}' { ' ' } else { c };
        let main = if bold { FontId::Bold } else { FontId::Regular };
        let glyph = [main, FontId::Fallback]
            .into_iter()
            .find_map(|font| {
                let face = self.face(font);
                face.glyph_index(c_shown).map(|id| (font, face, id))
            })
            .map_or_else(
                // No embedded font has it (Chinese, say): a visible box stands in for it, the
                // text layer keeps the character itself. (PDF/A forbids the "missing glyph".)
                || {
                    let face = self.face(FontId::Fallback);
                    let id = face
                        .glyph_index(MISSING)
                        .or_else(|| face.glyph_index('?'))
                        .unwrap_or(ttf_parser::GlyphId(0));
                    self.make(FontId::Fallback, id)
                },
                |(font, _, id)| self.make(font, id),
            );
        self.cache.borrow_mut().insert((c, bold), glyph);
        glyph
    }

    fn make(&self, font: FontId, id: ttf_parser::GlyphId) -> Glyph {
        let face = self.face(font);
        let upem = f32::from(face.units_per_em().max(1));
        Glyph {
            font,
            id: id.0,
            advance: face
                .glyph_hor_advance(id)
                .map_or(0.5, |a| f32::from(a) / upem),
        }
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        text.chars()
            .map(|c| self.glyph(c, bold).advance)
            .sum::<f32>()
            * size
    }
}

/// A piece of a laid-out line.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// Bold or not.
    pub bold: bool,
    /// Offset from the line's start, in points.
    pub x: f32,
}

/// A laid-out line and its width.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaidLine {
    /// The pieces, left to right.
    pub pieces: Vec<Piece>,
    /// The width of the line, in points.
    pub width: f32,
}

/// Breaks spans into lines no wider than `width` at `size` points: at spaces, at `\n`, and
/// inside a word only when the word alone is wider than the line.
pub fn wrap(fonts: &Fonts, spans: &[Span], width: f32, size: f32) -> Vec<LaidLine> {
    let mut lines = Vec::new();
    let mut line = LaidLine::default();
    let mut pending_space: Option<(bool, f32)> = None;
    for span in spans {
        for (i, paragraph) in span.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(std::mem::take(&mut line));
                pending_space = None;
            }
            for (j, word) in paragraph.split(' ').enumerate() {
                if j > 0 {
                    let space = fonts.width(" ", span.bold, size);
                    pending_space = Some((span.bold, space));
                }
                if word.is_empty() {
                    continue;
                }
                place_word(
                    fonts,
                    &mut lines,
                    &mut line,
                    &mut pending_space,
                    word,
                    span.bold,
                    width,
                    size,
                );
            }
        }
    }
    if !line.pieces.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[allow(clippy::too_many_arguments)]
fn place_word(
    fonts: &Fonts,
    lines: &mut Vec<LaidLine>,
    line: &mut LaidLine,
    pending_space: &mut Option<(bool, f32)>,
    word: &str,
    bold: bool,
    width: f32,
    size: f32,
) {
    let word_width = fonts.width(word, bold, size);
    let space = if line.pieces.is_empty() {
        0.0
    } else {
        pending_space.map_or(0.0, |(_, w)| w)
    };
    if !line.pieces.is_empty() && line.width + space + word_width > width {
        lines.push(std::mem::take(line));
    }
    let space = if line.pieces.is_empty() {
        0.0
    } else {
        pending_space.map_or(0.0, |(_, w)| w)
    };
    *pending_space = None;
    if word_width <= width {
        push(line, word, bold, line.width + space, word_width);
        return;
    }
    // A word wider than the line: cut it at characters.
    let mut start = line.width + space;
    let mut chunk = String::new();
    let mut chunk_width = 0.0;
    for c in word.chars() {
        let w = fonts.glyph(c, bold).advance * size;
        if start + chunk_width + w > width && !chunk.is_empty() {
            push(line, &chunk, bold, start, chunk_width);
            lines.push(std::mem::take(line));
            start = 0.0;
            chunk.clear();
            chunk_width = 0.0;
        }
        chunk.push(c);
        chunk_width += w;
    }
    if !chunk.is_empty() {
        push(line, &chunk, bold, start, chunk_width);
    }
}

fn push(line: &mut LaidLine, text: &str, bold: bool, x: f32, width: f32) {
    // Join with the previous piece when it has the same weight (fewer draw calls).
    if let Some(last) = line.pieces.last_mut()
        && last.bold == bold
    {
        if x > line.width {
            last.text.push(' ');
        }
        last.text.push_str(text);
        line.width = x + width;
        return;
    }
    line.pieces.push(Piece {
        text: text.to_owned(),
        bold,
        x,
    });
    line.width = x + width;
}

/// `text` cut to fit `width`, ending in "…" when cut.
pub fn ellipsize(fonts: &Fonts, text: &str, bold: bool, size: f32, width: f32) -> String {
    if fonts.width(text, bold, size) <= width {
        return text.to_owned();
    }
    let ellipsis = fonts.width("…", bold, size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = fonts.glyph(c, bold).advance * size;
        if used + w + ellipsis > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}
