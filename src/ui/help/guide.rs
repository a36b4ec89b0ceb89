//! The user guide as Help → User guide shows it: a Markdown text (`docs/guide.ru.md`,
//! `docs/guide.en.md`, compiled into the program) read once with pulldown-cmark into blocks —
//! headings, paragraphs, list items, code blocks, tables, quotes, rules — and drawn with the
//! theme's fonts and colours. Inline text keeps its emphasis, bold, inline code and links
//! (shown in the accent colour; the guide works offline, so nothing is opened). Images are
//! shown as their description.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText, Ui};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::ui::theme::{self, BODY_SIZE, CARD_TITLE_SIZE, HEADING_SIZE, Theme};

/// How far a nested list item is indented per level.
const LIST_INDENT: f32 = 22.0;
/// The width of a list item's marker ("•", "12.").
const MARKER_WIDTH: f32 = 26.0;
/// The widest a line of text is drawn: longer lines are hard to read.
pub const TEXT_WIDTH: f32 = 820.0;

/// How a piece of inline text is set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Style {
    strong: bool,
    emphasis: bool,
    code: bool,
    link: bool,
}

/// A run of inline text in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Span {
    text: String,
    style: Style,
}

/// One block of the guide.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Span>),
    Item {
        depth: usize,
        marker: String,
        spans: Vec<Span>,
    },
    Code(String),
    Quote(Vec<Span>),
    Table {
        head: Vec<Vec<Span>>,
        rows: Vec<Vec<Vec<Span>>>,
    },
    Rule,
}

/// A chapter of the guide (a heading of level 2 or higher), for the table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chapter {
    /// The heading's text.
    pub title: String,
    /// Its level: 1 is the guide's title, 2 a chapter.
    pub level: u8,
    /// Where it is among the guide's blocks (what [`show`] scrolls to).
    pub block: usize,
}

/// A guide read from Markdown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Guide {
    blocks: Vec<Block>,
}

/// The reader's state while it walks the Markdown events.
#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    style: Style,
    /// One entry per open list: the next item's number, or `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The marker of the list item being read, until its text is flushed.
    item: Option<String>,
    code: Option<String>,
    quote: usize,
    table: Option<TableRows>,
}

/// A table being read: its header cells, its rows, and the row being read.
#[derive(Default)]
struct TableRows {
    head: Vec<Vec<Span>>,
    rows: Vec<Vec<Vec<Span>>>,
    row: Vec<Vec<Span>>,
}

impl Reader {
    /// Adds inline text in the current style, joining it to the previous run of that style.
    fn text(&mut self, text: &str, style: Style) {
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.spans.push(Span {
                text: text.to_owned(),
                style,
            }),
        }
    }

    /// The inline text read since the last block, trimmed of the whitespace around it.
    fn take_spans(&mut self) -> Vec<Span> {
        let mut spans = std::mem::take(&mut self.spans);
        if let Some(first) = spans.first_mut() {
            first.text = first.text.trim_start().to_owned();
        }
        if let Some(last) = spans.last_mut() {
            last.text = last.text.trim_end().to_owned();
        }
        spans.retain(|span| !span.text.is_empty());
        spans
    }

    /// Ends the list item's own text (before a nested list, or at its end).
    fn flush_item(&mut self) {
        let spans = self.take_spans();
        let Some(marker) = self.item.take() else {
            return;
        };
        if !spans.is_empty() {
            let depth = self.lists.len().saturating_sub(1);
            self.blocks.push(Block::Item {
                depth,
                marker,
                spans,
            });
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Strong => self.style.strong = true,
            Tag::Emphasis | Tag::Image { .. } => self.style.emphasis = true,
            Tag::Link { .. } => self.style.link = true,
            Tag::List(first) => {
                if self.item.is_some() {
                    self.flush_item();
                }
                self.lists.push(first);
            }
            Tag::Item => {
                let marker = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        format!("{}.", *number - 1)
                    }
                    _ => "•".to_owned(),
                };
                self.spans.clear();
                self.item = Some(marker);
            }
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::BlockQuote(_) => self.quote += 1,
            Tag::Table(_) => self.table = Some(TableRows::default()),
            Tag::Paragraph if self.item.is_some() && !self.spans.is_empty() => {
                // A loose list item's second paragraph: on a new line of the same item.
                self.text("\n", Style::default());
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Strong => self.style.strong = false,
            TagEnd::Emphasis | TagEnd::Image => self.style.emphasis = false,
            TagEnd::Link => self.style.link = false,
            TagEnd::Heading(level) => {
                let text: String = self.take_spans().into_iter().map(|s| s.text).collect();
                self.blocks.push(Block::Heading {
                    level: heading_level(level),
                    text,
                });
            }
            TagEnd::Paragraph if self.item.is_none() => {
                let spans = self.take_spans();
                self.blocks.push(if self.quote > 0 {
                    Block::Quote(spans)
                } else {
                    Block::Paragraph(spans)
                });
            }
            TagEnd::Item => self.flush_item(),
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                self.blocks
                    .push(Block::Code(code.trim_end_matches('\n').to_owned()));
            }
            TagEnd::BlockQuote(_) => self.quote = self.quote.saturating_sub(1),
            TagEnd::TableCell => {
                let cell = self.take_spans();
                if let Some(table) = &mut self.table {
                    table.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.head = std::mem::take(&mut table.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.blocks.push(Block::Table {
                        head: table.head,
                        rows: table.rows,
                    });
                }
            }
            _ => {}
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match &mut self.code {
                Some(code) => code.push_str(&text),
                None => self.text(&text, self.style),
            },
            Event::Code(text) => {
                let style = Style {
                    code: true,
                    ..self.style
                };
                self.text(&text, style);
            }
            Event::SoftBreak => self.text(" ", self.style),
            Event::HardBreak => self.text("\n", self.style),
            Event::Rule => self.blocks.push(Block::Rule),
            _ => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

impl Guide {
    /// Reads a guide from its Markdown text (CommonMark with tables).
    pub fn parse(markdown: &str) -> Self {
        let mut reader = Reader::default();
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for event in Parser::new_ext(markdown, options) {
            reader.event(event);
        }
        Self {
            blocks: reader.blocks,
        }
    }

    /// The headings of levels 1 to 3, in order: the table of contents.
    pub fn chapters(&self) -> Vec<Chapter> {
        self.blocks
            .iter()
            .enumerate()
            .filter_map(|(block, b)| match b {
                Block::Heading { level, text } if *level <= 3 => Some(Chapter {
                    title: text.clone(),
                    level: *level,
                    block,
                }),
                _ => None,
            })
            .collect()
    }

    /// The guide's plain text, block by block (what a search or a test reads).
    pub fn plain_text(&self) -> Vec<String> {
        self.blocks.iter().map(block_text).collect()
    }
}

fn spans_text(spans: &[Span]) -> String {
    spans.iter().map(|span| span.text.as_str()).collect()
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Heading { text, .. } | Block::Code(text) => text.clone(),
        Block::Paragraph(spans) | Block::Quote(spans) | Block::Item { spans, .. } => {
            spans_text(spans)
        }
        Block::Table { head, rows } => std::iter::once(head)
            .chain(rows)
            .map(|row| {
                row.iter()
                    .map(|c| spans_text(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Rule => String::new(),
    }
}

/// The heading's text size by level.
fn heading_size(level: u8) -> f32 {
    match level {
        1 => HEADING_SIZE + 2.0,
        2 => HEADING_SIZE - 2.0,
        3 => CARD_TITLE_SIZE + 1.0,
        _ => BODY_SIZE + 1.0,
    }
}

/// Inline text laid out in the theme's fonts: bold in the bold face, code in monospace on the
/// code background, links in the accent colour, emphasis slanted.
fn layout(ui: &Ui, theme: &Theme, spans: &[Span], size: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let text_color = ui.visuals().text_color();
    for span in spans {
        let font_id = if span.style.code {
            FontId::monospace(size - 1.5)
        } else if span.style.strong {
            FontId::new(size, theme::bold())
        } else {
            FontId::proportional(size)
        };
        let format = TextFormat {
            font_id,
            color: if span.style.link {
                theme.accent()
            } else {
                text_color
            },
            italics: span.style.emphasis,
            background: if span.style.code {
                ui.visuals().code_bg_color
            } else {
                egui::Color32::TRANSPARENT
            },
            ..TextFormat::default()
        };
        job.append(&span.text, 0.0, format);
    }
    job
}

fn paragraph(ui: &mut Ui, theme: &Theme, spans: &[Span]) {
    let job = layout(ui, theme, spans, BODY_SIZE);
    ui.add(egui::Label::new(job).wrap());
}

fn item(ui: &mut Ui, theme: &Theme, depth: usize, marker: &str, spans: &[Span]) {
    ui.horizontal_top(|ui| {
        ui.add_space(depth as f32 * LIST_INDENT);
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(MARKER_WIDTH, BODY_SIZE + 4.0),
            egui::Sense::hover(),
        );
        ui.painter().text(
            rect.right_top(),
            egui::Align2::RIGHT_TOP,
            marker,
            FontId::proportional(BODY_SIZE),
            ui.visuals().text_color(),
        );
        paragraph(ui, theme, spans);
    });
}

fn code_block(ui: &mut Ui, theme: &Theme, code: &str) {
    egui::Frame::new()
        .fill(ui.visuals().code_bg_color)
        .stroke(egui::Stroke::new(1.0, theme.border()))
        .corner_radius(egui::CornerRadius::same(4))
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(RichText::new(code).monospace()).wrap());
        });
}

fn quote(ui: &mut Ui, theme: &Theme, spans: &[Span]) {
    theme.card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        paragraph(ui, theme, spans);
    });
}

fn table(ui: &mut Ui, theme: &Theme, head: &[Vec<Span>], rows: &[Vec<Vec<Span>>], id: usize) {
    let columns = head.len().max(1);
    let spacing = 14.0;
    let column = ((ui.available_width() - spacing * columns as f32) / columns as f32).max(60.0);
    egui::Grid::new(("guide-table", id))
        .num_columns(columns)
        .striped(true)
        .spacing([spacing, 6.0])
        .min_col_width(column.min(160.0))
        .max_col_width(column)
        .show(ui, |ui| {
            for cell in head {
                let strong: Vec<Span> = cell
                    .iter()
                    .map(|span| Span {
                        text: span.text.clone(),
                        style: Style {
                            strong: true,
                            ..span.style
                        },
                    })
                    .collect();
                paragraph(ui, theme, &strong);
            }
            ui.end_row();
            for row in rows {
                for cell in row {
                    paragraph(ui, theme, cell);
                }
                ui.end_row();
            }
        });
}

/// Draws the guide. When `jump` names a block, `jump` is cleared and the block's distance from
/// the guide's top is returned: the scroll offset that puts it at the top of the scroll area.
pub fn show(ui: &mut Ui, theme: &Theme, guide: &Guide, jump: &mut Option<usize>) -> Option<f32> {
    ui.set_max_width(TEXT_WIDTH);
    let start = ui.cursor().top();
    let mut offset = None;
    for (index, block) in guide.blocks.iter().enumerate() {
        if *jump == Some(index) {
            offset = Some(ui.cursor().top() - start);
            *jump = None;
        }
        match block {
            Block::Heading { level, text } => {
                ui.add_space(if *level <= 2 { 14.0 } else { 8.0 });
                let size = heading_size(*level);
                ui.add(
                    egui::Label::new(RichText::new(text).size(size).family(theme::bold())).wrap(),
                );
            }
            Block::Paragraph(spans) => paragraph(ui, theme, spans),
            Block::Item {
                depth,
                marker,
                spans,
            } => item(ui, theme, *depth, marker, spans),
            Block::Code(code) => code_block(ui, theme, code),
            Block::Quote(spans) => quote(ui, theme, spans),
            Block::Table { head, rows } => table(ui, theme, head, rows, index),
            Block::Rule => {
                ui.separator();
            }
        }
    }
    offset
}

/// The table of contents: a link per chapter (level 2 and 3, the sub-chapters indented).
/// Returns the block of the chapter clicked, if any.
pub fn contents(ui: &mut Ui, theme: &Theme, chapters: &[Chapter]) -> Option<usize> {
    let mut clicked = None;
    for chapter in chapters.iter().filter(|c| c.level >= 2) {
        ui.horizontal_top(|ui| {
            ui.add_space(if chapter.level > 2 {
                LIST_INDENT - 8.0
            } else {
                0.0
            });
            let size = if chapter.level > 2 {
                theme::SMALL_SIZE + 1.0
            } else {
                BODY_SIZE - 1.0
            };
            let text = RichText::new(&chapter.title)
                .size(size)
                .color(theme.accent());
            let link = egui::Button::new(text).frame(false).wrap();
            if ui.add(link).clicked() {
                clicked = Some(chapter.block);
            }
        });
    }
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# Guide\n\nSome *slanted* and **bold** text with `code`.\n\n\
        ## First chapter\n\n- one\n- two\n  1. nested\n\n```\nstratboard check FILE\n```\n\n\
        | a | b |\n|---|---|\n| 1 | 2 |\n\n> a note\n\n### A part\n\n---\n";

    #[test]
    fn blocks_of_every_kind_are_read() {
        let guide = Guide::parse(SAMPLE);
        assert_eq!(
            guide.plain_text(),
            vec![
                "Guide",
                "Some slanted and bold text with code.",
                "First chapter",
                "one",
                "two",
                "nested",
                "stratboard check FILE",
                "a | b\n1 | 2",
                "a note",
                "A part",
                "",
            ]
        );
        let Block::Item { depth, marker, .. } = &guide.blocks[5] else {
            panic!("{:?}", guide.blocks[5]);
        };
        assert_eq!((*depth, marker.as_str()), (1, "1."));
    }

    #[test]
    fn inline_styles_are_kept() {
        let guide = Guide::parse(SAMPLE);
        let Block::Paragraph(spans) = &guide.blocks[1] else {
            panic!("{:?}", guide.blocks[1]);
        };
        let styled: Vec<(&str, Style)> = spans.iter().map(|s| (s.text.as_str(), s.style)).collect();
        assert!(styled.contains(&(
            "slanted",
            Style {
                emphasis: true,
                ..Style::default()
            }
        )));
        assert!(styled.contains(&(
            "bold",
            Style {
                strong: true,
                ..Style::default()
            }
        )));
        assert!(styled.contains(&(
            "code",
            Style {
                code: true,
                ..Style::default()
            }
        )));
    }

    #[test]
    fn chapters_are_the_headings_in_order() {
        let chapters = Guide::parse(SAMPLE).chapters();
        let titles: Vec<(&str, u8, usize)> = chapters
            .iter()
            .map(|c| (c.title.as_str(), c.level, c.block))
            .collect();
        assert_eq!(
            titles,
            vec![("Guide", 1, 0), ("First chapter", 2, 2), ("A part", 3, 9)]
        );
    }
}
