//! The preview in the export dialog: the protocol [`Document`] drawn as a page (headings,
//! paragraphs, lists, tables, bar charts, signature lines), or the first rows of the CSV.
//! Only the blocks on screen are laid out, so the preview of a large session stays fast.

use egui::text::{LayoutJob, TextFormat};
use egui::{Align as EAlign, FontFamily, FontId, Id, Label, RichText, Sense, Ui, vec2};

use super::theme::{self, Theme};
use super::widgets::{LazyOptions, lazy_list_with};
use stratboard_core::report::document::{Align, Block, Chart, Document, Item, Span, Table};

/// Body text size on the preview page.
const BODY: f32 = 14.0;
/// Table text size.
const SMALL: f32 = 12.5;
/// The widest the page is drawn.
const PAGE_WIDTH: f32 = 820.0;
/// Indent per list level.
const INDENT: f32 = 24.0;

/// Draws the document as a page inside a scroll area of the given height. `key` changes when
/// the document does (so remembered block heights are not reused for other blocks).
pub fn preview(
    ui: &mut Ui,
    theme: &Theme,
    doc: &Document,
    key: impl std::hash::Hash + std::fmt::Debug,
    height: f32,
) {
    let id = Id::unique("export-preview").with(key);
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = ui.available_width().min(PAGE_WIDTH);
            ui.vertical_centered(|ui| {
                ui.set_max_width(width);
                theme.paper().show(ui, |ui| {
                    ui.set_width(width - 72.0);
                    let options = LazyOptions {
                        estimate: 40.0,
                        ..LazyOptions::default()
                    };
                    lazy_list_with(ui, id.with("blocks"), doc.blocks.len(), options, |ui, i| {
                        if let Some(block) = doc.blocks.get(i) {
                            ui.with_layout(egui::Layout::top_down(EAlign::Min), |ui| {
                                draw_block(ui, theme, block);
                            });
                        }
                    });
                });
            });
        });
}

/// Draws the first lines of a CSV file as a monospace listing.
pub fn csv_preview(ui: &mut Ui, theme: &Theme, text: &str, height: f32) {
    egui::ScrollArea::both()
        .id_salt("export-csv-preview")
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            theme.paper().show(ui, |ui| {
                ui.add(
                    Label::new(
                        RichText::new(text)
                            .monospace()
                            .size(SMALL)
                            .color(theme.paper_text()),
                    )
                    .extend(),
                );
            });
        });
}

fn draw_block(ui: &mut Ui, theme: &Theme, block: &Block) {
    let ink = theme.paper_text();
    match block {
        Block::Heading { level, text } => {
            let (size, before) = match level {
                1 => (20.0, 4.0),
                2 => (17.0, 14.0),
                _ => (15.0, 8.0),
            };
            ui.add_space(before);
            let text = if *level == 1 {
                text.to_uppercase()
            } else {
                text.clone()
            };
            let rich = RichText::new(text)
                .size(size)
                .family(theme::bold())
                .color(ink);
            if *level == 1 {
                ui.vertical_centered(|ui| ui.add(Label::new(rich).wrap()));
            } else {
                ui.add(Label::new(rich).wrap());
            }
            if *level == 2 {
                let rect = ui.max_rect();
                let y = ui.cursor().top();
                ui.painter().hline(
                    rect.x_range(),
                    y,
                    egui::Stroke::new(1.0, theme.paper_rule()),
                );
                ui.add_space(4.0);
            }
        }
        Block::Paragraph { line, align } => {
            let mut job = job(line, BODY, ink, ui.available_width());
            if *align == Align::Center {
                job.halign = EAlign::Center;
            }
            if *align == Align::Center {
                ui.vertical_centered(|ui| ui.add(Label::new(job)));
            } else {
                ui.add(Label::new(job));
            }
        }
        Block::List(items) => {
            for item in items {
                list_item(ui, theme, item);
            }
        }
        Block::Table(table) => self::table(ui, theme, table),
        Block::Chart(chart) => self::chart(ui, theme, chart),
        // The preview shows the roadmap's table; the PDF and HTML draw the timeline.
        Block::Timeline(_) => {}
        Block::Signatures(signatures) => {
            ui.add_space(16.0);
            for signature in signatures {
                ui.add_space(10.0);
                ui.label(
                    RichText::new(format!(
                        "{}   ____________________   {}",
                        signature.role, signature.name
                    ))
                    .size(BODY)
                    .color(ink),
                );
            }
        }
    }
}

/// Spans as one wrapped layout job (bold spans in PT Sans Bold).
fn job(line: &[Span], size: f32, colour: egui::Color32, width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    for span in line {
        let family = if span.bold {
            theme::bold()
        } else {
            FontFamily::Proportional
        };
        job.append(
            &span.text,
            0.0,
            TextFormat::simple(FontId::new(size, family), colour),
        );
    }
    job.wrap.max_width = width;
    job
}

fn list_item(ui: &mut Ui, theme: &Theme, item: &Item) {
    let ink = theme.paper_text();
    ui.horizontal_top(|ui| {
        ui.add_space(f32::from(item.level) * INDENT);
        let marker_width = (item.marker.chars().count() as f32 * BODY * 0.55).max(INDENT);
        ui.allocate_ui_with_layout(
            vec2(marker_width, 0.0),
            egui::Layout::top_down(EAlign::Min),
            |ui| {
                ui.set_width(marker_width);
                ui.label(RichText::new(&item.marker).size(BODY).color(ink));
            },
        );
        ui.vertical(|ui| {
            let width = ui.available_width();
            ui.add(Label::new(job(&item.line, BODY, ink, width)));
            for detail in &item.details {
                ui.add(Label::new(job(detail, BODY, ink, width)));
            }
        });
    });
}

fn table(ui: &mut Ui, theme: &Theme, table: &Table) {
    let width = ui.available_width();
    let widths: Vec<f32> = table.fractions().iter().map(|f| f * width).collect();
    let stroke = egui::Stroke::new(1.0, theme.paper_rule());
    let row = |ui: &mut Ui, cells: &[String], header: bool| {
        let top = ui.cursor().top();
        // The header's shading goes under its text: reserve the shape before the text.
        let fill = ui.painter().add(egui::Shape::Noop);
        let response = ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            for (text, w) in cells.iter().zip(&widths) {
                ui.allocate_ui_with_layout(
                    vec2(*w, 0.0),
                    egui::Layout::top_down(EAlign::Min),
                    |ui| {
                        ui.set_width(*w);
                        egui::Frame::new()
                            .inner_margin(egui::Margin::symmetric(5, 3))
                            .show(ui, |ui| {
                                ui.set_width(*w - 10.0);
                                let family = if header {
                                    theme::bold()
                                } else {
                                    FontFamily::Proportional
                                };
                                let rich = RichText::new(text)
                                    .size(SMALL)
                                    .family(family)
                                    .color(theme.paper_text());
                                ui.add(Label::new(rich).wrap());
                            });
                    },
                );
            }
        });
        let rect = response.response.rect;
        let bottom = rect.bottom();
        let left = rect.left();
        if header {
            let shaded =
                egui::Rect::from_min_max(egui::pos2(left, top), egui::pos2(left + width, bottom));
            ui.painter().set(
                fill,
                egui::Shape::rect_filled(shaded, 0.0, theme.paper_header_fill()),
            );
        }
        let painter = ui.painter();
        painter.hline(left..=left + width, top, stroke);
        painter.hline(left..=left + width, bottom, stroke);
        let mut x = left;
        painter.vline(x, top..=bottom, stroke);
        for w in &widths {
            x += w;
            painter.vline(x, top..=bottom, stroke);
        }
        ui.add_space(-ui.spacing().item_spacing.y);
    };
    row(ui, &table.header, true);
    for cells in &table.rows {
        row(ui, cells, false);
    }
    ui.add_space(8.0);
}

fn chart(ui: &mut Ui, theme: &Theme, chart: &Chart) {
    if chart.bars.is_empty() {
        return;
    }
    ui.label(
        RichText::new(&chart.caption)
            .size(SMALL)
            .color(theme.paper_rule()),
    );
    let width = ui.available_width();
    let row = 22.0;
    let label_w = width * 0.35;
    let value_w = 56.0;
    let span = (width - label_w - value_w - 12.0).max(10.0);
    let (rect, response) =
        ui.allocate_exact_size(vec2(width, row * chart.bars.len() as f32), Sense::hover());
    let described: Vec<String> = chart
        .bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.text))
        .collect();
    let label = format!("{}: {}", chart.caption, described.join("; "));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    let painter = ui.painter_at(rect);
    let font = FontId::new(SMALL, FontFamily::Proportional);
    let max = chart.max_value();
    for (i, bar) in chart.bars.iter().enumerate() {
        let top = rect.top() + row * i as f32;
        let mid = top + row / 2.0;
        let galley = painter.layout(
            bar.label.clone(),
            font.clone(),
            theme.paper_text(),
            f32::INFINITY,
        );
        let galley = if galley.size().x > label_w - 10.0 {
            let short = stratboard_core::report::document::shorten(&bar.label, 40);
            painter.layout_no_wrap(short, font.clone(), theme.paper_text())
        } else {
            galley
        };
        let x = rect.left() + label_w - 8.0 - galley.size().x.min(label_w - 8.0);
        painter.galley(
            egui::pos2(x, mid - galley.size().y / 2.0),
            galley,
            theme.paper_text(),
        );
        let length = (bar.value / max) as f32 * span;
        let bar_rect = egui::Rect::from_min_size(
            egui::pos2(rect.left() + label_w, top + 4.0),
            vec2(length.max(0.0), row - 8.0),
        );
        painter.rect_filled(bar_rect, 0.0, theme.paper_bar(bar.highlight));
        painter.text(
            egui::pos2(bar_rect.right() + 6.0, mid),
            egui::Align2::LEFT_CENTER,
            &bar.text,
            font.clone(),
            theme.paper_text(),
        );
    }
    ui.add_space(6.0);
}
