//! The protocol as a Word document (docx-rs): A4 with the margins of Russian office documents,
//! Times New Roman (present on every Windows and, as a metric twin, in LibreOffice), real
//! "heading 1–3" styles so Word's navigation pane and table of contents see them, real tables,
//! charts as shaded bars in a borderless table (editable, no pictures), and "page N of M" in the
//! footer. docx-rs escapes all text for XML.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, HeightRule, LineSpacing, NumPages, PageMargin, PageNum,
    Paragraph, Run, RunFonts, Shading, ShdType, SpecialIndentType, Style, StyleType, Table,
    TableBorders, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::ExportError;
use super::document::{self, Align, Block, Chart, Document, Item, Span, shorten};

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
/// Margins: 30 mm left, 15 mm right, 20 mm top and bottom.
const MARGIN_LEFT: i32 = 1_701;
const MARGIN_RIGHT: i32 = 850;
const MARGIN_TOP: i32 = 1_134;
const MARGIN_BOTTOM: i32 = 1_134;
/// The width text can use.
const TEXT_WIDTH: usize = (PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// Indent per list level (1 cm).
const INDENT: i32 = 567;
/// The font.
const FONT: &str = "Times New Roman";
/// The columns of a chart's bar area; the longest bar leaves [`VALUE_COLUMNS`] for its number.
const BAR_COLUMNS: usize = 40;
/// Columns kept for the number after the longest bar.
const VALUE_COLUMNS: usize = 12;
/// Height of a bar's row and of the gap between bars (twips).
const BAR_HEIGHT: f32 = 280.0;
const BAR_GAP: f32 = 70.0;
/// Longest bar name in characters before it is shortened (9 pt, one line in its column:
/// exact row heights cut off what wraps).
const LABEL_CHARS: usize = 24;
/// Longest number or grade name after a bar.
const VALUE_CHARS: usize = 18;

/// Renders the document as DOCX bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(708)
                .footer(567),
        )
        .default_fonts(fonts)
        .default_size(24)
        .default_line_spacing(LineSpacing::new().after(80).line(264))
        .footer(footer(doc));
    // The protocol's date rather than 1970 (docx-rs' default); the same session, the same file.
    if let Some(date) = doc.date {
        let stamp = format!("{}T00:00:00Z", date.format("%Y-%m-%d"));
        docx = docx.created_at(&stamp).updated_at(&stamp);
    }
    for style in styles() {
        docx = docx.add_style(style);
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        // A paragraph that introduces a list, table or chart stays on the page with it.
        let leads = matches!(
            doc.blocks.get(i + 1),
            Some(Block::List(_) | Block::Table(_) | Block::Chart(_))
        );
        docx = match block {
            Block::Heading { level, text } => docx.add_paragraph(heading(*level, text)),
            Block::Paragraph { line, align } => {
                docx.add_paragraph(paragraph(line, *align).keep_next(leads))
            }
            Block::List(items) => items
                .iter()
                .flat_map(list_item)
                .fold(docx, |d, p| d.add_paragraph(p)),
            Block::Table(t) => docx.add_table(table(t)).add_paragraph(spacer()),
            Block::Chart(chart) if chart.bars.is_empty() => docx,
            // The roadmap's table carries what the drawing shows.
            Block::Timeline(_) => docx,
            Block::Chart(chart) => {
                let caption = Paragraph::new()
                    .keep_next(true)
                    .add_run(Run::new().add_text(&chart.caption).italic().size(20));
                docx.add_paragraph(caption)
                    .add_table(chart_table(chart))
                    .add_paragraph(spacer())
            }
            Block::Signatures(signatures) => {
                let mut d = docx.add_paragraph(spacer());
                for s in signatures {
                    let text = format!("{}  ____________________  {}", s.role, s.name);
                    d = d.add_paragraph(
                        Paragraph::new()
                            .keep_lines(true)
                            .line_spacing(LineSpacing::new().before(360))
                            .add_run(Run::new().add_text(text)),
                    );
                }
                d
            }
        };
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| ExportError::Docx(e.to_string()))?;
    deflate(&bytes.into_inner(), doc).map_err(|e| ExportError::Docx(e.to_string()))
}

/// docx-rs cannot mark a table's header row to repeat on every page; header rows are the only
/// rows written with "can't split", so the mark is added there. (User text cannot contain this
/// element: docx-rs escapes `<` in text.)
const HEADER_ROW: &str = "<w:trPr><w:cantSplit /></w:trPr>";
const REPEATED_HEADER_ROW: &str = "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>";

/// docx-rs stores the package uncompressed; a protocol is mailed around, so the parts are
/// deflated (the large generated session: 2 MB → 63 KB), in the same order; table header rows
/// are marked to repeat on each page.
fn deflate(stored: &[u8], doc: &Document) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let name = part.name().to_owned();
        if part.is_dir() {
            writer.add_directory(name, options)?;
        } else if name == "word/document.xml"
            || name == "docProps/core.xml"
            || name == "word/styles.xml"
        {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut part, &mut xml)?;
            let xml = match name.as_str() {
                "word/document.xml" => xml.replace(HEADER_ROW, REPEATED_HEADER_ROW),
                "word/styles.xml" => proofing_language(&xml, doc),
                _ => core_properties(&xml, doc),
            };
            writer.start_file(name, options)?;
            std::io::Write::write_all(&mut writer, xml.as_bytes())?;
        } else {
            writer.start_file(name, options)?;
            std::io::copy(&mut part, &mut writer)?;
        }
    }
    Ok(writer.finish()?.into_inner())
}

/// The document's properties as Word shows them (File → Info): docx-rs writes "unknown" as the
/// author and has no title or language; the protocol's title and language go in, and stratboard
/// as the program that wrote it.
fn core_properties(xml: &str, doc: &Document) -> String {
    let title = super::html::escape(&doc.title);
    xml.replace(
        "<dc:creator>unknown</dc:creator>",
        "<dc:creator>stratboard</dc:creator>",
    )
    .replace(
        "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
        "<cp:lastModifiedBy>stratboard</cp:lastModifiedBy>",
    )
    .replace(
        "</cp:coreProperties>",
        &format!(
            "<dc:title>{title}</dc:title><dc:language>{}</dc:language></cp:coreProperties>",
            doc.language
        ),
    )
}

/// The text's language for Word's spelling and grammar check (docx-rs has no setting for it):
/// added to the document's default run properties.
fn proofing_language(xml: &str, doc: &Document) -> String {
    let tag = match doc.language {
        "ru" => "ru-RU",
        _ => "en-GB",
    };
    xml.replacen(
        "</w:rPr></w:rPrDefault>",
        &format!("<w:lang w:val=\"{tag}\" w:eastAsia=\"{tag}\" /></w:rPr></w:rPrDefault>"),
        1,
    )
}

/// The paragraph styles: three headings with Word's built-in names, and the footer.
fn styles() -> Vec<Style> {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .outline_lvl(level)
    };
    // docx-rs defines "Normal" itself (a second one would repeat its id).
    vec![
        heading("Heading1", "heading 1", 30, 0).align(AlignmentType::Center),
        heading("Heading2", "heading 2", 26, 1),
        heading("Heading3", "heading 3", 24, 2),
        Style::new("Footer", StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .size(18)
            .align(AlignmentType::Center),
    ]
}

fn footer(doc: &Document) -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(format!("{} ", doc.page_word)))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(format!(" {} ", doc.of_word)))
            .add_num_pages(NumPages::new()),
    )
}

fn heading(level: u8, text: &str) -> Paragraph {
    let (style, before) = match level {
        1 => ("Heading1", 120),
        2 => ("Heading2", 320),
        _ => ("Heading3", 200),
    };
    let text = if level == 1 {
        text.to_uppercase()
    } else {
        text.to_owned()
    };
    Paragraph::new()
        .style(style)
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(before).after(120))
        .add_run(Run::new().add_text(text))
}

/// An empty paragraph that takes no more height than the row gives it.
fn tiny_paragraph() -> Paragraph {
    Paragraph::new()
        .size(2)
        .line_spacing(LineSpacing::new().after(0).before(0).line(20))
}

fn spacer() -> Paragraph {
    Paragraph::new().line_spacing(LineSpacing::new().after(0).line(120))
}

/// Runs for spans; line breaks in user text become line breaks in Word.
fn runs(mut paragraph: Paragraph, line: &[Span], size: Option<usize>) -> Paragraph {
    for span in line {
        for (i, part) in span.text.split('\n').enumerate() {
            let mut run = Run::new();
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(part);
            if span.bold {
                run = run.bold();
            }
            if let Some(size) = size {
                run = run.size(size);
            }
            paragraph = paragraph.add_run(run);
        }
    }
    paragraph
}

fn paragraph(line: &[Span], align: Align) -> Paragraph {
    let p = match align {
        Align::Left => Paragraph::new().align(AlignmentType::Left),
        Align::Center => Paragraph::new().align(AlignmentType::Center),
    };
    runs(p, line, None)
}

fn list_item(item: &Item) -> Vec<Paragraph> {
    let left = INDENT * (i32::from(item.level) + 1);
    let mut first = Paragraph::new()
        .indent(
            Some(left),
            Some(SpecialIndentType::Hanging(INDENT)),
            None,
            None,
        )
        .add_run(Run::new().add_text(&item.marker).add_tab());
    first = runs(first, &item.line, None);
    let mut paragraphs = vec![first];
    for detail in &item.details {
        let p = Paragraph::new().indent(Some(left), None, None, None);
        paragraphs.push(runs(p, detail, None));
    }
    paragraphs
}

/// Column widths in twips from relative widths, filling the text width.
fn grid(table: &document::Table) -> Vec<usize> {
    table
        .fractions()
        .iter()
        .map(|f| (f * TEXT_WIDTH as f32) as usize)
        .collect()
}

fn cell(text: &str, width: usize, header: bool) -> TableCell {
    let span = if header {
        Span::bold(text)
    } else {
        Span::plain(text)
    };
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(runs(
            Paragraph::new().line_spacing(LineSpacing::new().after(0)),
            &[span],
            Some(20),
        ));
    if header {
        cell = cell.shading(Shading::new().shd_type(ShdType::Clear).fill("E8E8E8"));
    }
    cell
}

fn table(t: &document::Table) -> Table {
    let widths = grid(t);
    let row = |cells: &[String], header: bool| {
        let cells = cells
            .iter()
            .zip(&widths)
            .map(|(text, width)| cell(text, *width, header))
            .collect();
        let row = TableRow::new(cells);
        if header { row.cant_split() } else { row }
    };
    let mut rows = vec![row(&t.header, true)];
    rows.extend(t.rows.iter().map(|r| row(r, false)));
    Table::new(rows)
        .set_grid(widths.clone())
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

fn chart_table(chart: &Chart) -> Table {
    // The bar area is a grid of narrow columns: a bar is a shaded cell spanning as many of them
    // as its length, the number sits in the cell spanning the rest. Crisp in Word and
    // LibreOffice, and still an ordinary, editable table.
    let label_width = TEXT_WIDTH * 35 / 100;
    let unit = (TEXT_WIDTH - label_width) / BAR_COLUMNS;
    let mut widths = vec![label_width];
    widths.extend(std::iter::repeat_n(unit, BAR_COLUMNS));
    let max = chart.max_value();
    let mut rows = Vec::with_capacity(chart.bars.len() * 2);
    for (i, bar) in chart.bars.iter().enumerate() {
        if i > 0 {
            // A thin gap, so that bars do not touch.
            let gap = TableCell::new()
                .width(TEXT_WIDTH, WidthType::Dxa)
                .grid_span(BAR_COLUMNS + 1)
                .add_paragraph(tiny_paragraph());
            rows.push(
                TableRow::new(vec![gap])
                    .row_height(BAR_GAP)
                    .height_rule(HeightRule::Exact),
            );
        }
        let longest = (BAR_COLUMNS - VALUE_COLUMNS) as f64;
        let span = ((bar.value / max) * longest).round().clamp(0.0, longest) as usize;
        let fill = if bar.highlight { "0072B2" } else { "8FA8BD" };
        // One line per bar: a long name is shortened (the results table above has it whole).
        let label = Paragraph::new()
            .line_spacing(LineSpacing::new().after(0))
            .add_run(
                Run::new()
                    .add_text(shorten(&bar.label, LABEL_CHARS))
                    .size(18),
            );
        let mut cells = vec![
            TableCell::new()
                .width(label_width, WidthType::Dxa)
                .add_paragraph(label),
        ];
        if span > 0 {
            cells.push(
                TableCell::new()
                    .width(unit * span, WidthType::Dxa)
                    .grid_span(span)
                    .shading(Shading::new().shd_type(ShdType::Clear).fill(fill))
                    .add_paragraph(tiny_paragraph()),
            );
        }
        let rest = BAR_COLUMNS - span;
        let mut value = Run::new()
            .add_text(shorten(&bar.text, VALUE_CHARS))
            .size(18);
        if bar.highlight {
            value = value.bold();
        }
        cells.push(
            TableCell::new()
                .width(unit * rest, WidthType::Dxa)
                .grid_span(rest)
                .add_paragraph(
                    Paragraph::new()
                        .line_spacing(LineSpacing::new().after(0))
                        .add_run(value),
                ),
        );
        rows.push(
            TableRow::new(cells)
                .row_height(BAR_HEIGHT)
                .height_rule(HeightRule::Exact),
        );
    }
    Table::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::with_empty())
}
