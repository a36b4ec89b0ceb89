//! The protocol as Markdown (CommonMark with pipe tables) that also reads well as plain text:
//! numbered lists keep their numbers, charts are text bars in a code block, and user text has
//! its Markdown punctuation escaped so it is never taken for markup.

use std::fmt::Write as _;

use super::document::{Block, Chart, Document, Item, Span, Table};

/// Renders the document as Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
                // "#" is escaped too: a trailing "#" would close the heading.
                let text = escape_inline(&one_line(text)).replace('#', "\\#");
                let _ = writeln!(out, "{hashes} {text}\n");
            }
            Block::Paragraph { line, .. } => {
                out.push_str(&spans(line, ""));
                out.push_str("\n\n");
            }
            Block::List(items) => list(&mut out, items),
            Block::Table(table) => self::table(&mut out, table),
            Block::Chart(chart) => self::chart(&mut out, chart),
            // The roadmap's table carries what the drawing shows.
            Block::Timeline(_) => {}
            Block::Signatures(signatures) => {
                for signature in signatures {
                    let _ = writeln!(
                        out,
                        "{} ____________________ {}\n",
                        escape_line(&one_line(&signature.role)),
                        escape_line(&one_line(&signature.name))
                    );
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Spans as Markdown; lines after the first (user text with line breaks) are indented by
/// `indent` and joined with hard breaks.
fn spans(line: &[Span], indent: &str) -> String {
    let mut out = String::new();
    for (i, span) in line.iter().enumerate() {
        // Only the first span starts the line; the others continue it.
        let text = escape(&span.text, indent, i == 0);
        if span.bold {
            let trimmed = text.trim_end();
            if trimmed.is_empty() {
                out.push_str(&text);
            } else {
                let _ = write!(out, "**{trimmed}**{}", &text[trimmed.len()..]);
            }
        } else {
            out.push_str(&text);
        }
    }
    out
}

/// Escapes text that may span several lines; its first line starts a Markdown line only when
/// `at_line_start`.
fn escape(text: &str, indent: &str, at_line_start: bool) -> String {
    text.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .enumerate()
        .map(|(i, line)| {
            if i == 0 && !at_line_start {
                escape_inline(line)
            } else {
                escape_line(line)
            }
        })
        .collect::<Vec<_>>()
        .join(&format!("  \n{indent}"))
}

/// Escapes Markdown punctuation in one line, and what would start a block at its beginning.
pub fn escape_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Leading spaces would let "  # x" become a heading or "    x" a code block: keep them as
    // no-break spaces, which Markdown does not count as indentation.
    let body = text.trim_start_matches([' ', '\t']);
    let indent = text.len() - body.len();
    out.extend(std::iter::repeat_n('\u{a0}', indent));
    let text = body;
    if text.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
    }
    out.push_str(&escape_inline(text));
    // "12. text" or "3) text" at the start would become a numbered list.
    let start = out.len() - out.trim_start_matches('\u{a0}').len();
    let digits = out[start..].bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(out.as_bytes().get(start + digits), Some(b'.' | b')')) {
        out.insert(start + digits, '\\');
    }
    out
}

/// Escapes Markdown punctuation inside a line (headings and table cells, where a line start
/// cannot begin a block).
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn list(out: &mut String, items: &[Item]) {
    // Content column of the last item at each depth, so nested items indent under it.
    let mut columns: Vec<usize> = Vec::new();
    for item in items {
        let level = usize::from(item.level);
        columns.truncate(level);
        let indent = columns.last().copied().unwrap_or(0);
        let numbered = level == 0 && is_number(&item.marker);
        let marker = if numbered {
            item.marker.clone()
        } else if item.marker == "—" || item.marker == "•" {
            "-".to_owned()
        } else {
            format!("- {}", item.marker)
        };
        let column = indent + marker.chars().count() + 1;
        let pad = " ".repeat(indent);
        let inner = " ".repeat(column);
        let _ = write!(out, "{pad}{marker} {}", spans(&item.line, &inner));
        for detail in &item.details {
            let _ = write!(out, "  \n{inner}{}", spans(detail, &inner));
        }
        out.push('\n');
        while columns.len() <= level {
            columns.push(column);
        }
        if let Some(last) = columns.get_mut(level) {
            *last = column;
        }
    }
    out.push('\n');
}

/// Whether a marker is a plain "N." number (a Markdown ordered-list marker).
fn is_number(marker: &str) -> bool {
    marker
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn cell(text: &str) -> String {
    let escaped = escape_inline(&one_line(text));
    if escaped.is_empty() {
        " ".to_owned()
    } else {
        escaped
    }
}

fn table(out: &mut String, table: &Table) {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&row(&table.header));
    let rule: Vec<&str> = table.header.iter().map(|_| "---").collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for cells in &table.rows {
        out.push_str(&row(cells));
    }
    out.push('\n');
}

/// Longest label shown in a text chart before it is shortened.
const CHART_LABEL: usize = 40;
/// Width of the longest bar in a text chart, in characters.
const CHART_BAR: f64 = 30.0;

fn chart(out: &mut String, chart: &Chart) {
    if chart.bars.is_empty() {
        return;
    }
    let _ = writeln!(out, "*{}*\n", escape_inline(&chart.caption));
    let labels: Vec<String> = chart
        .bars
        .iter()
        .map(|bar| super::document::shorten(&one_line(&bar.label), CHART_LABEL))
        .collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let max = chart.max_value();
    let mut body = String::new();
    for (bar, label) in chart.bars.iter().zip(&labels) {
        let cells = ((bar.value / max) * CHART_BAR).round().max(0.0) as usize;
        let pad = width - label.chars().count();
        let _ = writeln!(
            body,
            "{label}{}  {} {}{}",
            " ".repeat(pad),
            "█".repeat(cells),
            bar.text,
            if bar.highlight { " ◀" } else { "" }
        );
    }
    let fence = "`".repeat(longest_run(&body, '`').max(2) + 1);
    let _ = write!(out, "{fence}text\n{body}{fence}\n\n");
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}
