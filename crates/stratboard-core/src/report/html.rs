//! The protocol as one self-contained HTML file: inline CSS tuned for printing on A4, charts as
//! inline SVG, no scripts, no external resources. All text is escaped.

use std::fmt::Write as _;

use super::document::{Align, Block, Chart, Document, Item, Span, Table, Timeline};

/// Escapes `& < > " '` so text is shown literally in element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"@page { size: A4; margin: 20mm 18mm 20mm 25mm; }
html { color: #1a1a1a; background: #fff; }
body { font-family: "PT Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.4;
  max-width: 180mm; margin: 12mm auto; padding: 0 6mm; }
h1 { font-size: 16pt; text-align: center; text-transform: uppercase; letter-spacing: 0.04em;
  margin: 6pt 0; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #999; padding-bottom: 2pt;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 3pt 0; white-space: pre-line; }
p.center { text-align: center; }
p.lead { break-after: avoid; page-break-after: avoid; }
ul.items { list-style: none; padding-left: 0; margin: 4pt 0; }
ul.items li { margin: 2pt 0; display: flex; gap: 0.5em; break-inside: avoid; }
ul.items li .marker { flex: 0 0 auto; min-width: 1.6em; }
ul.items li .body { white-space: pre-line; }
ul.items li .detail { display: block; margin-top: 1pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 10pt; }
th, td { border: 1px solid #777; padding: 3pt 5pt; vertical-align: top; text-align: left;
  white-space: pre-line; }
th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
figure { margin: 6pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9.5pt; color: #444; margin-bottom: 2pt; }
svg text { font-family: "PT Sans", "Segoe UI", Arial, sans-serif; font-size: 13px; fill: #1a1a1a; }
.signatures { margin-top: 28pt; break-inside: avoid; page-break-inside: avoid; }
.signature { display: flex; align-items: flex-end; gap: 1em; margin: 18pt 0; }
.signature .role { min-width: 8em; }
.signature .line { flex: 1 1 auto; border-bottom: 1px solid #1a1a1a; max-width: 60mm; height: 1em; }
@media print { body { margin: 0; padding: 0; max-width: none; } }
"#;

/// Renders the document as a complete HTML page.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        doc.language,
        escape(&doc.title)
    );
    for (i, block) in doc.blocks.iter().enumerate() {
        // A paragraph that introduces a list, table or chart stays on the page with it.
        let leads = matches!(
            doc.blocks.get(i + 1),
            Some(Block::List(_) | Block::Table(_) | Block::Chart(_))
        );
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
            }
            Block::Paragraph { line, align } => {
                let class = match (align, leads) {
                    (Align::Left, false) => "",
                    (Align::Left, true) => " class=\"lead\"",
                    (Align::Center, _) => " class=\"center\"",
                };
                let _ = writeln!(out, "<p{class}>{}</p>", spans(line));
            }
            Block::List(items) => list(&mut out, items),
            Block::Table(table) => self::table(&mut out, table),
            Block::Chart(chart) => self::chart(&mut out, chart),
            Block::Timeline(timeline) => self::timeline(&mut out, timeline),
            Block::Signatures(signatures) => {
                out.push_str("<div class=\"signatures\">\n");
                for s in signatures {
                    let _ = writeln!(
                        out,
                        "<div class=\"signature\"><span class=\"role\">{}</span>\
                         <span class=\"line\"></span><span class=\"name\">{}</span></div>",
                        escape(&s.role),
                        escape(&s.name)
                    );
                }
                out.push_str("</div>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn spans(line: &[Span]) -> String {
    let mut out = String::new();
    for span in line {
        if span.bold {
            let _ = write!(out, "<strong>{}</strong>", escape(&span.text));
        } else {
            out.push_str(&escape(&span.text));
        }
    }
    out
}

fn list(out: &mut String, items: &[Item]) {
    out.push_str("<ul class=\"items\">\n");
    for item in items {
        let indent = f32::from(item.level) * 1.6;
        let style = if item.level > 0 {
            format!(" style=\"margin-left: {indent:.1}em\"")
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<li{style}><span class=\"marker\">{}</span><span class=\"body\">{}",
            escape(&item.marker),
            spans(&item.line)
        );
        for detail in &item.details {
            let _ = write!(out, "<span class=\"detail\">{}</span>", spans(detail));
        }
        out.push_str("</span></li>\n");
    }
    out.push_str("</ul>\n");
}

fn table(out: &mut String, table: &Table) {
    out.push_str("<table>\n<colgroup>");
    for fraction in table.fractions() {
        let _ = write!(out, "<col style=\"width: {:.1}%\">", fraction * 100.0);
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for title in &table.header {
        let _ = write!(out, "<th>{}</th>", escape(title));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Height of one bar row in the SVG chart, in px.
const ROW: f64 = 24.0;
/// Width of the SVG chart, in px (scales to the page width).
const WIDTH: f64 = 640.0;
/// Width of the label column, in px.
const LABEL: f64 = 230.0;
/// The least room for the number after the longest bar, in px.
const VALUE: f64 = 60.0;
/// Longest label in characters before it is shortened (the full text is in the tooltip).
const LABEL_CHARS: usize = 28;

fn chart(out: &mut String, chart: &Chart) {
    if chart.bars.is_empty() {
        return;
    }
    let height = ROW * chart.bars.len() as f64 + 4.0;
    let max = chart.max_value();
    let described: Vec<String> = chart
        .bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.text))
        .collect();
    let _ = write!(
        out,
        "<figure>\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
        escape(&chart.caption),
        escape(&format!("{}. {}", chart.caption, described.join("; ")))
    );
    // Room after the longest bar for its number or grade name (about 8 px a character).
    let longest = chart
        .bars
        .iter()
        .map(|b| b.text.chars().count())
        .max()
        .unwrap_or(0);
    let value = (longest as f64 * 8.0 + 12.0).clamp(VALUE, WIDTH * 0.3);
    let span = WIDTH - LABEL - value;
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = 2.0 + ROW * i as f64;
        let length = (bar.value / max * span).max(0.0);
        let fill = if bar.highlight { "#0072b2" } else { "#8fa8bd" };
        let label = super::document::shorten(&bar.label, LABEL_CHARS);
        let _ = writeln!(
            out,
            "<g><title>{}</title><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{:.1}\" width=\"{length:.1}\" height=\"{:.1}\" fill=\"{fill}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            escape(&bar.label),
            LABEL - 8.0,
            y + ROW * 0.68,
            escape(&label),
            y + 3.0,
            ROW - 6.0,
            LABEL + length + 6.0,
            y + ROW * 0.68,
            escape(&bar.text)
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

/// The timeline's colours: done, in progress (its progress darker), overdue, today's line.
const TIMELINE_DONE: &str = "#009e73";
const TIMELINE_BAR: &str = "#c9d6e3";
const TIMELINE_PROGRESS: &str = "#0072b2";
const TIMELINE_LATE: &str = "#d55e00";
/// Height of the timeline's scale above the bars, in px.
const SCALE: f64 = 18.0;
/// Height of one row of the timeline, in px.
const TIMELINE_ROW: f64 = 20.0;

/// The roadmap drawn as inline SVG: the scale on top, a row per item (its bar from start to
/// due, the done share darker, overdue bars outlined in orange), a dashed line for today.
fn timeline(out: &mut String, timeline: &Timeline) {
    if timeline.bars.is_empty() {
        return;
    }
    let height = SCALE + TIMELINE_ROW * timeline.bars.len() as f64 + 40.0;
    let span = WIDTH - LABEL - VALUE;
    let x = |at: f32| LABEL + f64::from(at) * span;
    let _ = write!(
        out,
        "<figure class=\"timeline\">\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\" font-size=\"11\">\n",
        escape(&timeline.caption),
        escape(&timeline.caption)
    );
    let bottom = SCALE + TIMELINE_ROW * timeline.bars.len() as f64;
    // A label closer than 52 px to the one before is left out (its line stays).
    let mut last_label = f64::MIN;
    for (at, label) in &timeline.ticks {
        let shown = x(*at) - last_label >= 52.0;
        if shown {
            last_label = x(*at);
        }
        let _ = writeln!(
            out,
            "<line x1=\"{0:.1}\" y1=\"{SCALE}\" x2=\"{0:.1}\" y2=\"{bottom:.1}\" stroke=\"#ddd\"/>{1}",
            x(*at),
            if shown {
                format!(
                    "<text x=\"{:.1}\" y=\"12\" fill=\"#555\">{}</text>",
                    x(*at) + 2.0,
                    escape(label)
                )
            } else {
                String::new()
            }
        );
    }
    for (i, bar) in timeline.bars.iter().enumerate() {
        timeline_bar(out, bar, SCALE + TIMELINE_ROW * i as f64, &x);
    }
    if let Some((at, label)) = &timeline.today {
        let _ = writeln!(
            out,
            "<line x1=\"{0:.1}\" y1=\"{SCALE}\" x2=\"{0:.1}\" y2=\"{bottom:.1}\" stroke=\"{TIMELINE_LATE}\" \
             stroke-dasharray=\"4 3\"/><text x=\"{1:.1}\" y=\"{2:.1}\" fill=\"{TIMELINE_LATE}\" \
             text-anchor=\"middle\">{3}</text>",
            x(*at),
            x(*at),
            bottom + 14.0,
            escape(label)
        );
    }
    let legend = [TIMELINE_DONE, TIMELINE_PROGRESS, TIMELINE_LATE];
    for (n, (colour, word)) in legend.iter().zip(&timeline.legend).enumerate() {
        let left = 8.0 + 120.0 * n as f64;
        let _ = writeln!(
            out,
            "<rect x=\"{left}\" y=\"{:.1}\" width=\"10\" height=\"8\" fill=\"{colour}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            bottom + 24.0,
            left + 14.0,
            bottom + 32.0,
            escape(word)
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

fn timeline_bar(
    out: &mut String,
    bar: &super::document::TimelineBar,
    top: f64,
    x: &impl Fn(f32) -> f64,
) {
    let (left, right) = (x(bar.start), x(bar.end).max(x(bar.start) + 3.0));
    let width = right - left;
    let label = super::document::shorten(&bar.label, LABEL_CHARS + 4);
    let (fill, done) = if bar.done {
        (TIMELINE_DONE, width)
    } else {
        (
            TIMELINE_BAR,
            width * f64::from(bar.progress.min(100)) / 100.0,
        )
    };
    let outline = if bar.overdue {
        format!(" stroke=\"{TIMELINE_LATE}\" stroke-width=\"2\"")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<g><title>{}</title><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
         <rect x=\"{left:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"12\" fill=\"{fill}\"{outline}/>\
         <rect x=\"{left:.1}\" y=\"{:.1}\" width=\"{done:.1}\" height=\"12\" fill=\"{}\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" fill=\"{}\">{}</text></g>",
        escape(&bar.label),
        LABEL - 6.0,
        top + 14.0,
        escape(&label),
        top + 4.0,
        top + 4.0,
        if bar.done {
            TIMELINE_DONE
        } else {
            TIMELINE_PROGRESS
        },
        right + 4.0,
        top + 14.0,
        if bar.overdue { TIMELINE_LATE } else { "#333" },
        escape(&bar.text)
    );
}
