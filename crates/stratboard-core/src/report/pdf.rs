//! The protocol as PDF (krilla): A4, embedded and subset PT Sans (Cyrillic) with DejaVu Sans
//! for missing symbols, tables that continue on the next page with their header repeated,
//! charts as vector bars, "page N of M" in the footer, title and language in the metadata.
//!
//! Layout runs first and produces pages of drawing operations; only then are they drawn, so the
//! page count is known for the footer.

use chrono::Datelike;
use krilla::Document as PdfDocument;
use krilla::SerializeSettings;
use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::ExportError;
#[path = "pdf_timeline.rs"]
mod timeline;

use super::document::{Align, Block, Chart, Document, Item, Signature, Span, Table};
use super::pdf_tags::{Kind, Node, Structure, tag_tree};
use super::pdf_text::{self, FontId, Fonts, LaidLine, ellipsize, wrap};

/// A4 in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
/// Margins: 30 mm left, 15 mm right, 20 mm top, 22 mm bottom (the footer sits below).
const LEFT: f32 = 85.0;
const RIGHT: f32 = 42.5;
const TOP: f32 = 56.7;
const BOTTOM: f32 = 62.0;
const TEXT_W: f32 = PAGE_W - LEFT - RIGHT;
/// Body text size and line height.
const BODY: f32 = 11.0;
const LEADING: f32 = 1.32;
/// Table text size and cell padding.
const SMALL: f32 = 9.5;
const PAD: f32 = 3.5;
/// List indent per level.
const INDENT: f32 = 22.0;

/// Colours (RGB).
pub(super) const INK: (u8, u8, u8) = (26, 26, 26);
pub(super) const GREY: (u8, u8, u8) = (90, 90, 90);
const RULE: (u8, u8, u8) = (120, 120, 120);
const HEADER_FILL: (u8, u8, u8) = (232, 232, 232);
const BAR: (u8, u8, u8) = (143, 168, 189);
const BAR_WIN: (u8, u8, u8) = (0, 114, 178);

/// What a piece of text is in the logical structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TextRole {
    /// Content: this leaf of the structure.
    Content(usize),
    /// A table's header row repeated at the top of a page.
    RepeatedHeader,
    /// The page number.
    PageNumber,
}

/// A run of text on a page, from its left end `x` at baseline `y`; the protocol and the
/// participant cards both place text as this.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct PlacedText {
    /// The left end, in points from the page's left edge.
    pub x: f32,
    /// The baseline, in points from the page's top.
    pub y: f32,
    /// The font size in points.
    pub size: f32,
    /// Bold rather than regular.
    pub bold: bool,
    /// The colour (RGB).
    pub colour: (u8, u8, u8),
    /// The text.
    pub text: String,
}

/// One drawing operation on a page.
#[derive(Clone, Debug)]
enum Op {
    /// Text, and what it is to a reader.
    Text(PlacedText, TextRole),
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        colour: (u8, u8, u8),
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        colour: (u8, u8, u8),
    },
}

/// A heading's place, for the PDF outline (bookmarks).
struct Mark {
    level: u8,
    text: String,
    page: usize,
    y: f32,
}

/// Places blocks on pages.
struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    marks: Vec<Mark>,
    tags: Structure,
    /// The y of the next line's top on the current page.
    y: f32,
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            pages: vec![Vec::new()],
            marks: Vec::new(),
            tags: Structure::default(),
            y: TOP,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn remaining(&self) -> f32 {
        PAGE_H - BOTTOM - self.y
    }

    fn at_top(&self) -> bool {
        self.y <= TOP + 0.5
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `height` fits (or the page is still empty).
    fn need(&mut self, height: f32) {
        if height > self.remaining() && !self.at_top() {
            self.new_page();
        }
    }

    /// Places the pieces of one laid-out `line`, the line starting at `x`, on `baseline`, in
    /// text of `size` and `colour`.
    fn pieces(
        &mut self,
        line: &LaidLine,
        x: f32,
        baseline: f32,
        (size, colour): (f32, (u8, u8, u8)),
    ) {
        for piece in &line.pieces {
            self.text(x + piece.x, baseline, size, piece.bold, colour, &piece.text);
        }
    }

    fn text(
        &mut self,
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        colour: (u8, u8, u8),
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        let role = self
            .tags
            .leaf()
            .map_or(TextRole::RepeatedHeader, TextRole::Content);
        self.ops().push(Op::Text(
            PlacedText {
                x,
                y: baseline,
                size,
                bold,
                colour,
                text: text.to_owned(),
            },
            role,
        ));
    }

    /// Draws laid-out lines from `x`, one per line height, breaking pages between lines.
    fn lines(
        &mut self,
        lines: &[LaidLine],
        x: f32,
        width: f32,
        size: f32,
        align: Align,
        colour: (u8, u8, u8),
    ) {
        let height = size * LEADING;
        for line in lines {
            self.need(height);
            let offset = match align {
                Align::Left => 0.0,
                Align::Center => ((width - line.width) / 2.0).max(0.0),
            };
            let baseline = self.y + size;
            self.pieces(line, x + offset, baseline, (size, colour));
            self.y += height;
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let (size, before, after) = match level {
            1 => (15.0, 6.0, 6.0),
            2 => (13.0, 14.0, 4.0),
            _ => (11.5, 9.0, 3.0),
        };
        let text = if level == 1 {
            text.to_uppercase()
        } else {
            text.to_owned()
        };
        let lines = wrap(self.fonts, &[Span::bold(text.clone())], TEXT_W, size);
        // Keep the heading with at least three lines of what follows.
        let height = before + lines.len() as f32 * size * LEADING + after + 3.0 * BODY * LEADING;
        self.need(height);
        if !self.at_top() {
            self.y += before;
        }
        self.marks.push(Mark {
            level,
            text: text.clone(),
            page: self.pages.len().saturating_sub(1),
            y: self.y,
        });
        self.tags.open(Kind::Heading(level, text));
        let align = if level == 1 {
            Align::Center
        } else {
            Align::Left
        };
        self.lines(&lines, LEFT, TEXT_W, size, align, INK);
        self.tags.close();
        if level == 2 {
            let y = self.y + 1.0;
            self.ops().push(Op::Line {
                x1: LEFT,
                y1: y,
                x2: LEFT + TEXT_W,
                y2: y,
                colour: RULE,
            });
        }
        self.y += after;
    }

    fn paragraph(&mut self, line: &[Span], align: Align) {
        let lines = wrap(self.fonts, line, TEXT_W, BODY);
        self.tags.open(Kind::Paragraph);
        self.lines(&lines, LEFT, TEXT_W, BODY, align, INK);
        self.tags.close();
        self.y += 3.0;
    }

    fn list(&mut self, items: &[Item]) {
        self.tags.open(Kind::List);
        for item in items {
            let indent = f32::from(item.level) * INDENT;
            let marker_w = self.fonts.width(&item.marker, false, BODY) + 6.0;
            let hang = marker_w.max(INDENT);
            let x = LEFT + indent + hang;
            let width = TEXT_W - indent - hang;
            let lines = wrap(self.fonts, &item.line, width, BODY);
            self.need(BODY * LEADING);
            let baseline = self.y + BODY;
            self.tags.open(Kind::ListItem);
            self.tags.open(Kind::Label);
            self.text(LEFT + indent, baseline, BODY, false, INK, &item.marker);
            self.tags.close();
            self.tags.open(Kind::ListBody);
            self.lines(&lines, x, width, BODY, Align::Left, INK);
            for detail in &item.details {
                let lines = wrap(self.fonts, detail, width, BODY);
                self.tags.open(Kind::Paragraph);
                self.lines(&lines, x, width, BODY, Align::Left, INK);
                self.tags.close();
            }
            self.tags.close();
            self.tags.close();
            self.y += 1.5;
        }
        self.tags.close();
        self.y += 3.0;
    }

    fn table(&mut self, table: &Table) {
        let widths: Vec<f32> = table.fractions().iter().map(|f| f * TEXT_W).collect();
        let header = self.cells(&table.header, &widths, true);
        let header_h = row_height(&header);
        self.need(header_h + SMALL * LEADING + 2.0 * PAD);
        self.tags.open(Kind::Table);
        self.row(&header, &widths, true);
        for cells in &table.rows {
            let mut laid = self.cells(cells, &widths, false);
            // What a fresh page holds below the repeated header.
            let page_room = PAGE_H - BOTTOM - TOP - header_h;
            // Whether the row moved to a fresh page already (then it is split, never moved
            // again: every pass draws at least one line, so the loop ends).
            let mut fresh = false;
            loop {
                let height = row_height(&laid);
                if height <= self.remaining() {
                    self.row(&laid, &widths, false);
                    break;
                }
                // A row that fits on a page goes whole to the next one.
                if !fresh && height <= page_room {
                    self.new_page();
                    self.repeated_header(&header, &widths);
                    fresh = true;
                    continue;
                }
                // Taller than a page: draw the lines that fit, continue on the next page.
                let fit =
                    (((self.remaining() - 2.0 * PAD) / (SMALL * LEADING)).floor() as usize).max(1);
                let rest: Vec<Vec<LaidLine>> = laid
                    .iter_mut()
                    .map(|lines| lines.split_off(fit.min(lines.len())))
                    .collect();
                self.row(&laid, &widths, false);
                self.new_page();
                self.repeated_header(&header, &widths);
                fresh = true;
                laid = rest;
            }
        }
        self.tags.close();
        self.y += 8.0;
    }

    /// The header row again at the top of a page: an artifact, not a second header.
    fn repeated_header(&mut self, header: &[Vec<LaidLine>], widths: &[f32]) {
        self.tags.set_artifact(true);
        self.row(header, widths, true);
        self.tags.set_artifact(false);
    }

    fn cells(&self, cells: &[String], widths: &[f32], bold: bool) -> Vec<Vec<LaidLine>> {
        cells
            .iter()
            .zip(widths)
            .map(|(text, width)| {
                let span = Span {
                    text: text.clone(),
                    bold,
                };
                wrap(self.fonts, &[span], width - 2.0 * PAD, SMALL)
            })
            .collect()
    }

    fn row(&mut self, cells: &[Vec<LaidLine>], widths: &[f32], header: bool) {
        let height = row_height(cells);
        let top = self.y;
        if header {
            self.ops().push(Op::Rect {
                x: LEFT,
                y: top,
                w: TEXT_W,
                h: height,
                colour: HEADER_FILL,
            });
        }
        let mut x = LEFT;
        self.tags.open(Kind::Row);
        for (lines, width) in cells.iter().zip(widths) {
            self.tags
                .open(if header { Kind::HeaderCell } else { Kind::Cell });
            let mut baseline = top + PAD + SMALL;
            for line in lines {
                self.pieces(line, x + PAD, baseline, (SMALL, INK));
                baseline += SMALL * LEADING;
            }
            self.tags.close();
            x += width;
        }
        self.tags.close();
        // Grid: top, bottom and the vertical rules.
        let bottom = top + height;
        let mut edges = vec![LEFT];
        let mut edge = LEFT;
        for width in widths {
            edge += width;
            edges.push(edge);
        }
        let ops = self.ops();
        ops.push(Op::Line {
            x1: LEFT,
            y1: top,
            x2: LEFT + TEXT_W,
            y2: top,
            colour: RULE,
        });
        ops.push(Op::Line {
            x1: LEFT,
            y1: bottom,
            x2: LEFT + TEXT_W,
            y2: bottom,
            colour: RULE,
        });
        for x in edges {
            ops.push(Op::Line {
                x1: x,
                y1: top,
                x2: x,
                y2: bottom,
                colour: RULE,
            });
        }
        self.y = bottom;
    }

    fn chart(&mut self, chart: &Chart) {
        if chart.bars.is_empty() {
            return;
        }
        let row = SMALL * 1.9;
        self.need(SMALL * LEADING + row * (chart.bars.len().min(6) as f32));
        let caption = wrap(
            self.fonts,
            &[Span::plain(chart.caption.clone())],
            TEXT_W,
            SMALL,
        );
        self.tags.open(Kind::Paragraph);
        self.lines(&caption, LEFT, TEXT_W, SMALL, Align::Left, GREY);
        self.tags.close();
        self.y += 2.0;
        let described: Vec<String> = chart
            .bars
            .iter()
            .map(|bar| format!("{}: {}", bar.label, bar.text))
            .collect();
        self.tags.open(Kind::Figure(format!(
            "{}. {}",
            chart.caption,
            described.join("; ")
        )));
        let label_w = TEXT_W * 0.35;
        // Room after the longest bar for the longest number or grade name.
        let value_w = chart
            .bars
            .iter()
            .map(|bar| self.fonts.width(&bar.text, true, SMALL))
            .fold(24.0_f32, f32::max)
            .min(TEXT_W * 0.3)
            + 8.0;
        let span = TEXT_W - label_w - value_w - 8.0;
        let max = chart.max_value();
        for bar in &chart.bars {
            self.need(row);
            let label = ellipsize(self.fonts, &bar.label, false, SMALL, label_w - 8.0);
            let baseline = self.y + row / 2.0 + SMALL * 0.35;
            let label_x = LEFT + label_w - 8.0 - self.fonts.width(&label, false, SMALL);
            self.text(label_x, baseline, SMALL, false, INK, &label);
            let length = ((bar.value / max) as f32 * span).max(0.0);
            if length > 0.0 {
                let colour = if bar.highlight { BAR_WIN } else { BAR };
                let y = self.y + 3.0;
                self.ops().push(Op::Rect {
                    x: LEFT + label_w,
                    y,
                    w: length,
                    h: row - 6.0,
                    colour,
                });
            }
            let value = ellipsize(self.fonts, &bar.text, bar.highlight, SMALL, value_w - 4.0);
            self.text(
                LEFT + label_w + length + 4.0,
                baseline,
                SMALL,
                bar.highlight,
                INK,
                &value,
            );
            self.y += row;
        }
        self.tags.close();
        self.y += 8.0;
    }

    fn signatures(&mut self, signatures: &[Signature]) {
        self.need(signatures.len() as f32 * 36.0 + 24.0);
        self.y += 24.0;
        for signature in signatures {
            let baseline = self.y + BODY;
            self.tags.open(Kind::Paragraph);
            self.text(LEFT, baseline, BODY, false, INK, &signature.role);
            let line_x = LEFT + 120.0;
            self.ops().push(Op::Line {
                x1: line_x,
                y1: baseline + 2.0,
                x2: line_x + 150.0,
                y2: baseline + 2.0,
                colour: INK,
            });
            let name_x = line_x + 160.0;
            let name = ellipsize(
                self.fonts,
                &signature.name,
                false,
                BODY,
                LEFT + TEXT_W - name_x,
            );
            self.text(name_x, baseline, BODY, false, INK, &name);
            self.tags.close();
            self.y += 36.0;
        }
    }

    fn footer(&mut self, doc: &Document) {
        let count = self.pages.len();
        for (i, page) in self.pages.iter_mut().enumerate() {
            let text = format!("{} {} {} {}", doc.page_word, i + 1, doc.of_word, count);
            let width = self.fonts.width(&text, false, 9.0);
            page.push(Op::Text(
                PlacedText {
                    x: LEFT + (TEXT_W - width) / 2.0,
                    y: PAGE_H - 34.0,
                    size: 9.0,
                    bold: false,
                    colour: GREY,
                    text,
                },
                TextRole::PageNumber,
            ));
        }
    }
}

fn row_height(cells: &[Vec<LaidLine>]) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    lines as f32 * SMALL * LEADING + 2.0 * PAD - (LEADING - 1.0) * SMALL
}

/// Renders the document as PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let fonts =
        Fonts::new().ok_or_else(|| ExportError::Pdf("an embedded font is damaged".into()))?;
    let mut layout = Layout::new(&fonts);
    for (i, block) in doc.blocks.iter().enumerate() {
        // A short paragraph that introduces a table, list or chart stays with its start.
        if let (
            Block::Paragraph { line, .. },
            Some(Block::Table(_) | Block::List(_) | Block::Chart(_)),
        ) = (block, doc.blocks.get(i + 1))
        {
            let lines = wrap(&fonts, line, TEXT_W, BODY).len() as f32;
            layout.need((lines + 3.0) * BODY * LEADING + 3.0 * SMALL * LEADING);
        }
        // A heading right before another heading (a section and its first subsection) goes
        // with it and with the start of what follows.
        if let (Block::Heading { .. }, Some(Block::Heading { .. })) = (block, doc.blocks.get(i + 1))
        {
            layout.need(2.0 * 2.0 * 13.0 * LEADING + 30.0 + 3.0 * BODY * LEADING);
        }
        match block {
            Block::Heading { level, text } => layout.heading(*level, text),
            Block::Paragraph { line, align } => layout.paragraph(line, *align),
            Block::List(items) => layout.list(items),
            Block::Table(table) => layout.table(table),
            Block::Chart(chart) => layout.chart(chart),
            Block::Timeline(timeline) => layout.timeline(timeline),
            Block::Signatures(signatures) => layout.signatures(signatures),
        }
    }
    layout.footer(doc);
    let leaves = layout.tags.leaves();
    let structure = layout.tags.finish();
    draw(
        doc,
        &fonts,
        &layout.pages,
        &layout.marks,
        (structure, leaves),
    )
}

/// Bookmarks: the sections, with their subsections under them.
fn outline(marks: &[Mark]) -> Outline {
    let node = |mark: &Mark| {
        OutlineNode::new(
            mark.text.clone(),
            XyzDestination::new(mark.page, Point::from_xy(0.0, (mark.y - 8.0).max(0.0))),
        )
    };
    let mut outline = Outline::new();
    let mut section: Option<OutlineNode> = None;
    for mark in marks {
        match mark.level {
            1 => {}
            2 => {
                if let Some(done) = section.replace(node(mark)) {
                    outline.push_child(done);
                }
            }
            _ => match section.as_mut() {
                Some(parent) => parent.push_child(node(mark)),
                None => outline.push_child(node(mark)),
            },
        }
    }
    if let Some(done) = section {
        outline.push_child(done);
    }
    outline
}

fn draw(
    doc: &Document,
    fonts: &Fonts,
    pages: &[Vec<Op>],
    marks: &[Mark],
    (structure, leaves): (Vec<Node>, usize),
) -> Result<Vec<u8>, ExportError> {
    let font = embedded_fonts()?;
    let mut pdf = archival_pdf(doc)?;
    pdf.set_outline(outline(marks));
    let mut ids: Vec<Option<Identifier>> = vec![None; leaves];
    draw_pages(&mut pdf, pages, |surface, op| match op {
        Op::Text(placed, role) => {
            let id = surface.start_tagged(text_tag(*role));
            draw_placed(surface, fonts, &font, placed);
            surface.end_tagged();
            if let TextRole::Content(leaf) = role
                && let Some(slot) = ids.get_mut(*leaf)
            {
                *slot = Some(id);
            }
        }
        Op::Rect { x, y, w, h, colour } => draw_rect(surface, (*x, *y, *w, *h), *colour),
        Op::Line {
            x1,
            y1,
            x2,
            y2,
            colour,
        } => draw_line(surface, (*x1, *y1), (*x2, *y2), *colour),
    })?;
    pdf.set_tag_tree(tag_tree(structure, &mut ids));
    finish(pdf)
}

/// `placed` in its colour.
pub(super) fn draw_placed(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    font: &dyn Fn(FontId) -> Font,
    placed: &PlacedText,
) {
    fill(surface, placed.colour);
    let PlacedText {
        x, y, size, bold, ..
    } = *placed;
    draw_text(surface, fonts, font, x, y, size, bold, &placed.text);
}

/// The embedded fonts (`pdf_text`) loaded for krilla, by [`FontId`]; shared by the protocol
/// and the participant cards.
pub(super) fn embedded_fonts() -> Result<impl Fn(FontId) -> Font, ExportError> {
    let damaged = || ExportError::Pdf("an embedded font could not be loaded".into());
    let regular = Font::new(pdf_text::REGULAR.into(), 0).ok_or_else(damaged)?;
    let bold = Font::new(pdf_text::BOLD.into(), 0).ok_or_else(damaged)?;
    let fallback = Font::new(pdf_text::FALLBACK.into(), 0).ok_or_else(damaged)?;
    Ok(move |id: FontId| match id {
        FontId::Regular => regular.clone(),
        FontId::Bold => bold.clone(),
        FontId::Fallback => fallback.clone(),
    })
}

/// The document's metadata: its title and language, and stratboard as its creator.
pub(super) fn metadata(title: String, language: &str) -> Metadata {
    Metadata::new()
        .title(title)
        .language(language.to_owned())
        .creator(format!("stratboard {}", env!("CARGO_PKG_VERSION")))
}

/// Draws `pages` as A4 pages, each op by `draw_op` in order; shared by the protocol and the
/// participant cards.
pub(super) fn draw_pages<T>(
    pdf: &mut PdfDocument,
    pages: &[Vec<T>],
    mut draw_op: impl FnMut(&mut Surface<'_>, &T),
) -> Result<(), ExportError> {
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| ExportError::Pdf("bad page size".into()))?;
    for ops in pages {
        let mut page = pdf.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw_op(&mut surface, op);
        }
        surface.finish();
        page.finish();
    }
    Ok(())
}

/// The finished file.
pub(super) fn finish(pdf: PdfDocument) -> Result<Vec<u8>, ExportError> {
    pdf.finish().map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

/// An empty PDF/A-2a and PDF/UA-1 document with the protocol's metadata.
fn archival_pdf(doc: &Document) -> Result<PdfDocument, ExportError> {
    // PDF/A-2a: a self-contained archival PDF (fonts embedded, colours with an output intent,
    // XMP metadata, every glyph mapped to Unicode, the logical structure tagged), as archives
    // ask for; and PDF/UA-1, so screen readers read it as a document.
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| ExportError::Pdf(format!("{e:?}")))?;
    let mut pdf = PdfDocument::new_with(SerializeSettings {
        configuration,
        ..SerializeSettings::default()
    });
    // PDF/A needs a date: the session's (so the same session gives the same file), or today's
    // for a session without any date.
    let date = doc
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let created = DateTime::new(u16::try_from(date.year()).unwrap_or(2000))
        .month(date.month() as u8)
        .day(date.day() as u8);
    pdf.set_metadata(metadata(doc.title.clone(), doc.language).creation_date(created));
    Ok(pdf)
}

/// How a piece of text is tagged: content, or an artifact a screen reader skips.
fn text_tag(role: TextRole) -> ContentTag<'static> {
    match role {
        TextRole::Content(_) => ContentTag::Span(SpanTag::empty()),
        TextRole::RepeatedHeader => {
            ContentTag::Artifact(Artifact::new(ArtifactType::PaginationOther, None))
        }
        TextRole::PageNumber => ContentTag::Artifact(Artifact::new(ArtifactType::PageNumber, None)),
    }
}

/// A filled rectangle `(x, y, w, h)` (shading and bars: the figure's text says what they show).
fn draw_rect(surface: &mut Surface<'_>, (x, y, w, h): (f32, f32, f32, f32), colour: (u8, u8, u8)) {
    if let Some(rect) = Rect::from_xywh(x, y, w, h) {
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        if let Some(path) = path.finish() {
            surface.start_tagged(layout_artifact());
            fill(surface, colour);
            surface.set_stroke(None);
            surface.draw_path(&path);
            surface.end_tagged();
        }
    }
}

/// A thin rule from `from` to `to`.
fn draw_line(surface: &mut Surface<'_>, from: (f32, f32), to: (f32, f32), colour: (u8, u8, u8)) {
    let mut path = PathBuilder::new();
    path.move_to(from.0, from.1);
    path.line_to(to.0, to.1);
    if let Some(path) = path.finish() {
        surface.start_tagged(layout_artifact());
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
            width: 0.6,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
        surface.end_tagged();
    }
}

/// Rules, table lines, shading and chart bars: drawing, not content.
fn layout_artifact() -> ContentTag<'static> {
    ContentTag::Artifact(Artifact::new(ArtifactType::Layout, None))
}

pub(super) fn fill(surface: &mut Surface<'_>, colour: (u8, u8, u8)) {
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }));
}

/// Draws text as runs of glyphs from one font each (PT Sans, or DejaVu Sans where PT Sans has
/// no glyph), advancing exactly as [`Fonts::width`] measured.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_text(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    font: &dyn Fn(FontId) -> Font,
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    text: &str,
) {
    let mut start_x = x;
    let mut run: Vec<KrillaGlyph> = Vec::new();
    let mut run_font: Option<FontId> = None;
    let mut run_start = 0;
    let mut run_width = 0.0;
    let flush = |surface: &mut Surface<'_>,
                 run: &mut Vec<KrillaGlyph>,
                 id: Option<FontId>,
                 start: usize,
                 end: usize,
                 start_x: f32| {
        if let (Some(id), false, Some(slice)) = (id, run.is_empty(), text.get(start..end)) {
            // Glyph ranges are relative to the slice drawn.
            for glyph in run.iter_mut() {
                glyph.text_range = (glyph.text_range.start - start)..(glyph.text_range.end - start);
            }
            surface.draw_glyphs(
                Point::from_xy(start_x, y),
                run,
                font(id),
                slice,
                size,
                false,
            );
        }
        run.clear();
    };
    for (i, c) in text.char_indices() {
        let glyph = fonts.glyph(c, bold);
        if run_font != Some(glyph.font) {
            flush(surface, &mut run, run_font, run_start, i, start_x);
            start_x += run_width;
            run_width = 0.0;
            run_font = Some(glyph.font);
            run_start = i;
        }
        run.push(KrillaGlyph::new(
            GlyphId::new(u32::from(glyph.id)),
            glyph.advance,
            0.0,
            0.0,
            0.0,
            i..i + c.len_utf8(),
            None,
        ));
        run_width += glyph.advance * size;
    }
    flush(surface, &mut run, run_font, run_start, text.len(), start_x);
}
