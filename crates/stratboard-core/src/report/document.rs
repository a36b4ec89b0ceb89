//! The protocol as a format-neutral document: headings, paragraphs, lists, tables, bar charts
//! and signature lines. [`super::protocol`] builds it from a session once; each writer
//! (Markdown, HTML, DOCX, PDF) renders the same blocks, so the formats never disagree.
//!
//! Every string here is plain user or translated text, never markup: writers escape it.

/// A run of text, bold or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Whether it is bold (labels such as "Rationale:").
    pub bold: bool,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: true,
        }
    }
}

/// A line of text made of spans.
pub type Line = Vec<Span>;

/// How a paragraph is aligned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    /// Flush left (the usual).
    #[default]
    Left,
    /// Centred (the header of an official protocol).
    Center,
}

/// One item of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The item's number or bullet as it is printed: "1.", "2.3.", "•".
    pub marker: String,
    /// Nesting depth (0 = top level).
    pub level: u8,
    /// The item's text.
    pub line: Line,
    /// Further lines under the item (a rationale, a description).
    pub details: Vec<Line>,
}

impl Item {
    /// A top-level item with a dash, as the protocol lists people, findings and arguments.
    pub fn bullet(line: Line) -> Self {
        Self {
            marker: "—".into(),
            level: 0,
            line,
            details: Vec::new(),
        }
    }

    /// A top-level item numbered `n` ("1.", "2.", …).
    pub fn numbered(n: usize, line: Line) -> Self {
        Self {
            marker: format!("{n}."),
            level: 0,
            line,
            details: Vec::new(),
        }
    }
}

/// A table with a header row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Column titles.
    pub header: Vec<String>,
    /// Relative column widths (same length as `header`).
    pub widths: Vec<u16>,
    /// The rows; each has as many cells as the header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Each column's share of the table's width (the relative widths, summing to 1).
    pub fn fractions(&self) -> Vec<f32> {
        let total: f32 = self
            .widths
            .iter()
            .map(|w| f32::from(*w))
            .sum::<f32>()
            .max(1.0);
        self.widths.iter().map(|w| f32::from(*w) / total).collect()
    }
}

/// One bar of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What the bar stands for.
    pub label: String,
    /// Its length (not negative).
    pub value: f64,
    /// The number printed next to the bar.
    pub text: String,
    /// Whether the bar is a winner (drawn in the accent colour).
    pub highlight: bool,
}

/// A horizontal bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// What the bars measure.
    pub caption: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// What a full-length bar stands for on a fixed scale (the consensus index's 1); `None`
    /// scales the bars to the longest.
    pub full: Option<f64>,
}

impl Chart {
    /// The value a full-length bar stands for: the longest bar's value (at least a tiny
    /// positive number, so it can divide), or [`Chart::full`] when that is larger.
    pub fn max_value(&self) -> f64 {
        let longest = self
            .bars
            .iter()
            .map(|bar| bar.value)
            .fold(f64::MIN_POSITIVE, f64::max);
        self.full.map_or(longest, |full| full.max(longest))
    }
}

/// One item's bar on a [`Timeline`]; positions run from 0.0 (the span's start) to 1.0 (its
/// end).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineBar {
    /// The item ("3. Провести конкурс").
    pub label: String,
    /// Where the bar starts.
    pub start: f32,
    /// Where it ends (equal to `start` for a point).
    pub end: f32,
    /// Progress, 0–100: the share of the bar filled.
    pub progress: u8,
    /// Pending and past due on the timeline's today.
    pub overdue: bool,
    /// Done.
    pub done: bool,
    /// The words after the bar ("60 %").
    pub text: String,
}

/// The roadmap drawn: bars from start to due with their progress, a line for today and the
/// scale's ticks (PDF and HTML draw it; Markdown and DOCX carry the table only).
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// What it shows.
    pub caption: String,
    /// The scale: where each unit starts, and its label.
    pub ticks: Vec<(f32, String)>,
    /// Today's line and its label, when today is in the span.
    pub today: Option<(f32, String)>,
    /// The bars, top to bottom.
    pub bars: Vec<TimelineBar>,
    /// Words for the legend: done, in progress, overdue.
    pub legend: [String; 3],
}

/// A signature line: role, blank, name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// "Ведущий", "Секретарь".
    pub role: String,
    /// The person's name (may be empty when nobody is set).
    pub name: String,
}

/// A block of the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading; level 1 is the document title, 2 a section, 3 a subsection.
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The heading text.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// The paragraph's spans.
        line: Line,
        /// Left or centred.
        align: Align,
    },
    /// A list of items.
    List(Vec<Item>),
    /// A table.
    Table(Table),
    /// A bar chart.
    Chart(Chart),
    /// A timeline (the roadmap drawn).
    Timeline(Timeline),
    /// Signature lines at the end.
    Signatures(Vec<Signature>),
}

impl Block {
    /// A left-aligned paragraph of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Paragraph {
            line: vec![Span::plain(text)],
            align: Align::Left,
        }
    }

    /// A paragraph "Label: value" with the label in bold.
    pub fn field(label: &str, value: impl Into<String>) -> Self {
        Self::Paragraph {
            line: labelled(label, value),
            align: Align::Left,
        }
    }

    /// A heading.
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Self::Heading {
            level,
            text: text.into(),
        }
    }
}

/// A line "Label: value" with the label in bold.
pub fn labelled(label: &str, value: impl Into<String>) -> Line {
    vec![Span::bold(format!("{label}: ")), Span::plain(value)]
}

/// The whole protocol.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The document's title (HTML `<title>`, PDF metadata).
    pub title: String,
    /// The language code of the text ("ru" or "en").
    pub language: &'static str,
    /// The protocol's date: the session's last day, else the latest decision's (metadata of
    /// paged formats).
    pub date: Option<chrono::NaiveDate>,
    /// "Page" in the document's language, for paged writers.
    pub page_word: String,
    /// "of" in the document's language, for "page N of M".
    pub of_word: String,
    /// The blocks in order.
    pub blocks: Vec<Block>,
}

/// `text` cut to `chars` characters, ending in "…" when cut (chart labels and values).
pub fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// The plain text of a line.
pub fn plain_text(line: &[Span]) -> String {
    line.iter().map(|span| span.text.as_str()).collect()
}

/// User text made safe for every format: line breaks as `\n` (`\r\n`, `\r`, vertical tab and
/// form feed become `\n`), a tab as a space, other control characters and non-characters
/// (U+FEFF, U+FFFE, U+FFFF) dropped — XML forbids them and PDF/A cannot map them —, the
/// bidirectional overrides and isolates dropped ([`crate::model::is_bidi_control`]: they would
/// turn the protocol's text around them backwards), and private-use characters (Word's list
/// bullets among them) shown as "•" or "□".
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    let needs = text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}')
            || crate::model::is_bidi_control(c)
            || is_private_use(c)
    });
    if !needs {
        return std::borrow::Cow::Borrowed(text);
    }
    let out = crate::model::text::normalise(text, |c, out| match c {
        '\u{b}' | '\u{c}' => out.push('\n'),
        '\u{f0b7}' | '\u{f0a7}' | '\u{f076}' | '\u{f0d8}' => out.push('•'),
        '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {}
        c if c.is_control() => {}
        c if is_private_use(c) => out.push('□'),
        c => out.push(c),
    });
    std::borrow::Cow::Owned(out)
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}')
}

impl Document {
    /// Cleans every string of the document with [`clean`].
    pub fn clean(&mut self) {
        let fix = |text: &mut String| {
            if let std::borrow::Cow::Owned(cleaned) = clean(text) {
                *text = cleaned;
            }
        };
        let fix_line = |line: &mut Line| line.iter_mut().for_each(|span| fix(&mut span.text));
        fix(&mut self.title);
        for block in &mut self.blocks {
            match block {
                Block::Heading { text, .. } => fix(text),
                Block::Paragraph { line, .. } => fix_line(line),
                Block::List(items) => {
                    for item in items {
                        fix(&mut item.marker);
                        fix_line(&mut item.line);
                        item.details.iter_mut().for_each(fix_line);
                    }
                }
                Block::Table(table) => {
                    table.header.iter_mut().for_each(fix);
                    table.rows.iter_mut().flatten().for_each(fix);
                }
                Block::Chart(chart) => {
                    fix(&mut chart.caption);
                    for bar in &mut chart.bars {
                        fix(&mut bar.label);
                        fix(&mut bar.text);
                    }
                }
                Block::Timeline(timeline) => {
                    fix(&mut timeline.caption);
                    timeline.ticks.iter_mut().for_each(|(_, t)| fix(t));
                    if let Some((_, t)) = &mut timeline.today {
                        fix(t);
                    }
                    timeline.legend.iter_mut().for_each(fix);
                    for bar in &mut timeline.bars {
                        fix(&mut bar.label);
                        fix(&mut bar.text);
                    }
                }
                Block::Signatures(signatures) => {
                    for signature in signatures {
                        fix(&mut signature.role);
                        fix(&mut signature.name);
                    }
                }
            }
        }
    }
}
