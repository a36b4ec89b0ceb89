//! The action plan as an Excel workbook (`--format xlsx`), because plans travel between
//! departments as spreadsheets: «План мероприятий» (one row per item, real dates, a frozen
//! and filtered header, overdue rows filled in a pale red), «Показатели» (target and actual
//! per year as numbers) and «Риски» (highest score first). Headers and sheet names follow
//! the protocol's language; "today" is the session's date, as in the protocol. A plenary's
//! plan holds its own items: a section's the plenary did not adopt are told only in the
//! protocol's «Итоги работы секций».

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::context::Ctx;
use super::plan;
use super::zone::Zone;
use crate::i18n::labels::Named;
use crate::i18n::{Language, Tr};
use crate::model::{ActionItem, Session};

/// The fill of an overdue item's row (pale red, dark red text).
pub const OVERDUE_FILL: u32 = 0xFF_C7_CE;

/// The cell formats the sheets share.
struct Styles {
    header: Format,
    text: Format,
    date: Format,
    late_text: Format,
    late_date: Format,
}

impl Styles {
    fn new(language: Language) -> Self {
        let date_pattern = match language {
            Language::Russian => "dd.mm.yyyy",
            Language::English => "yyyy-mm-dd",
        };
        let text = Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top);
        let late = |format: Format| {
            format
                .set_background_color(Color::RGB(OVERDUE_FILL))
                .set_font_color(Color::RGB(0x9C_00_06))
        };
        let date = text.clone().set_num_format(date_pattern);
        Self {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xDD_E4_EC))
                .set_border_bottom(FormatBorder::Thin),
            late_text: late(text.clone()),
            late_date: late(date.clone()),
            text,
            date,
        }
    }
}

fn fail(error: XlsxError) -> ExportError {
    ExportError::Xlsx(error.to_string())
}

/// The workbook of `session`'s action plan, indicators and risks in `language`.
pub fn render(session: &Session, language: Language) -> Result<Vec<u8>, ExportError> {
    // The plenary's plan, as the protocol's: without sections' decisions it did not adopt.
    let own = super::sections::plenary_own(session);
    let cx = Ctx::new(&own, language, Zone::Local);
    let styles = Styles::new(language);
    let mut book = Workbook::new();
    plan_sheet(&cx, &styles, book.add_worksheet()).map_err(fail)?;
    indicators_sheet(&cx, &styles, book.add_worksheet()).map_err(fail)?;
    risks_sheet(&cx, &styles, book.add_worksheet()).map_err(fail)?;
    book.save_to_buffer().map_err(fail)
}

/// Writes the header row with its widths, freezes it and puts a filter on it over `rows`.
fn header(
    sheet: &mut Worksheet,
    styles: &Styles,
    columns: &[(String, f64)],
    rows: usize,
) -> Result<(), XlsxError> {
    for (col, (title, width)) in columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, title, &styles.header)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, rows as u32, last)?;
    Ok(())
}

/// The widths of the plan sheet's columns, in characters.
const PLAN_WIDTHS: [f64; 12] = [
    5.0, 40.0, 30.0, 24.0, 28.0, 12.0, 12.0, 30.0, 26.0, 22.0, 12.0, 40.0,
];

/// The height of one line of wrapped text, in points.
const LINE_HEIGHT: f64 = 15.0;

/// How many lines `text` takes, wrapped in a column `width` characters wide.
fn lines_in(text: &str, width: f64) -> usize {
    let per_line = (width * 0.95).max(1.0);
    text.split('\n')
        .map(|line| (line.chars().count() as f64 / per_line).ceil().max(1.0) as usize)
        .sum()
}

fn columns(tr: &Tr, keys: &[(&'static str, f64)]) -> Vec<(String, f64)> {
    keys.iter().map(|(key, w)| (tr.t(key), *w)).collect()
}

fn excel_date(date: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// A cell that may be a date: a date cell, else the text "—".
fn write_date(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    date: Option<NaiveDate>,
    (date_format, text_format): (&Format, &Format),
    none: &str,
) -> Result<(), XlsxError> {
    match date.and_then(excel_date) {
        Some(value) => sheet.write_datetime_with_format(row, col, value, date_format)?,
        None => sheet.write_string_with_format(row, col, none, text_format)?,
    };
    Ok(())
}

fn plan_sheet(cx: &Ctx<'_>, styles: &Styles, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let tr = &cx.tr;
    sheet.set_name(tr.t("xlsx-sheet-plan"))?;
    let keys = [
        "report-column-number",
        "report-column-measure",
        "report-column-decision",
        "report-column-responsible",
        "report-column-co-executors",
        "report-column-start",
        "report-column-due",
        "report-column-expected",
        "xlsx-column-indicators",
        "report-column-status",
        "report-column-progress",
        "xlsx-column-last-report",
    ];
    let keyed: Vec<(&'static str, f64)> = keys.into_iter().zip(PLAN_WIDTHS).collect();
    let titles = columns(tr, &keyed);
    header(sheet, styles, &titles, cx.session.actions.len())?;
    // Printed: landscape A4, one page wide, the header row on every page.
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    for (i, action) in cx.session.actions.iter().enumerate() {
        plan_row(cx, styles, sheet, i, action)?;
    }
    Ok(())
}

fn plan_row(
    cx: &Ctx<'_>,
    styles: &Styles,
    sheet: &mut Worksheet,
    index: usize,
    action: &ActionItem,
) -> Result<(), XlsxError> {
    let (tr, session) = (&cx.tr, cx.session);
    let row = index as u32 + 1;
    let late = plan::days_late(action, plan::today(session)).is_some();
    let (text, date) = if late {
        (&styles.late_text, &styles.late_date)
    } else {
        (&styles.text, &styles.date)
    };
    let none = tr.t("report-none");
    let decision = action
        .decision
        .and_then(|id| session.decisions.iter().position(|d| d.id == id))
        .and_then(|n| Some((n, session.decisions.get(n)?)))
        .map_or_else(
            || none.clone(),
            |(n, d)| format!("{}. {}", n + 1, d.statement),
        );
    let indicators: Vec<String> = action
        .indicators
        .iter()
        .filter_map(|id| session.indicator(*id).map(|(_, i)| i.name.clone()))
        .collect();
    let report = action.last_report().map_or_else(
        || none.clone(),
        |r| format!("{} — {} ({} %)", cx.date(r.date), r.text, r.progress),
    );
    sheet.write_number_with_format(row, 0, f64::from(row), text)?;
    let strings = [
        (1, plan::what_text(cx, action)),
        (2, decision),
        (3, plan::responsible(cx, action)),
        (4, plan::co_executors(cx, action)),
        (7, plain_or(&action.expected_result, &none)),
        (8, plain_or(&indicators.join("; "), &none)),
        (9, status(cx, action)),
        (11, report),
    ];
    // Wrapped text makes a row as tall as its longest cell: spreadsheet programs do not all
    // fit a row's height on opening (LibreOffice keeps the default).
    let lines = strings
        .iter()
        .map(|(col, value)| lines_in(value, PLAN_WIDTHS[usize::from(*col)]))
        .max()
        .unwrap_or(1);
    sheet.set_row_height(row, LINE_HEIGHT * lines as f64)?;
    for (col, value) in strings {
        sheet.write_string_with_format(row, col, value, text)?;
    }
    write_date(sheet, (row, 5), action.start, (date, text), &none)?;
    write_date(sheet, (row, 6), action.due, (date, text), &none)?;
    sheet.write_number_with_format(row, 10, f64::from(action.progress_shown()), text)?;
    Ok(())
}

fn status(cx: &Ctx<'_>, action: &ActionItem) -> String {
    match plan::days_late(action, plan::today(cx.session)) {
        Some(_) => plan::status_text(cx, action),
        None => action.status.name(&cx.tr),
    }
}

fn plain_or(text: &str, none: &str) -> String {
    if text.trim().is_empty() {
        none.to_owned()
    } else {
        text.to_owned()
    }
}

fn indicators_sheet(cx: &Ctx<'_>, styles: &Styles, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let (tr, session) = (&cx.tr, cx.session);
    sheet.set_name(tr.t("xlsx-sheet-indicators"))?;
    let years = plan::indicator_years(session);
    let mut titles = columns(
        tr,
        &[
            ("report-column-indicator", 36.0),
            ("report-column-goal", 30.0),
            ("report-column-unit", 10.0),
            ("xlsx-column-baseline-year", 10.0),
            ("report-column-baseline", 12.0),
        ],
    );
    for year in &years {
        let year = year.to_string();
        titles.push((tr.with("xlsx-column-target-year", "year", &year), 11.0));
        titles.push((tr.with("xlsx-column-actual-year", "year", &year), 11.0));
    }
    titles.extend(columns(
        tr,
        &[
            ("report-column-status", 20.0),
            ("xlsx-column-source", 24.0),
            ("report-column-responsible", 24.0),
        ],
    ));
    header(sheet, styles, &titles, session.indicators().count())?;
    for (i, (goal, indicator)) in session.indicators().enumerate() {
        let row = i as u32 + 1;
        let text = &styles.text;
        sheet.write_string_with_format(row, 0, &indicator.name, text)?;
        sheet.write_string_with_format(row, 1, &goal.title, text)?;
        sheet.write_string_with_format(row, 2, &indicator.unit, text)?;
        if let Some(base) = indicator.baseline {
            sheet.write_number_with_format(row, 3, f64::from(base.year), text)?;
            sheet.write_number_with_format(row, 4, base.value.0, text)?;
        }
        let mut col = 5;
        for year in &years {
            for value in [indicator.target(*year), indicator.actual(*year)] {
                if let Some(value) = value {
                    sheet.write_number_with_format(row, col, value, text)?;
                }
                col += 1;
            }
        }
        let status = plan::indicator_status(tr, indicator.status());
        let responsible = indicator
            .responsible
            .map_or_else(|| tr.t("report-none"), |id| cx.person(id));
        sheet.write_string_with_format(row, col, status, text)?;
        sheet.write_string_with_format(row, col + 1, &indicator.source, text)?;
        sheet.write_string_with_format(row, col + 2, responsible, text)?;
    }
    Ok(())
}

fn risks_sheet(cx: &Ctx<'_>, styles: &Styles, sheet: &mut Worksheet) -> Result<(), XlsxError> {
    let tr = &cx.tr;
    sheet.set_name(tr.t("xlsx-sheet-risks"))?;
    let titles = columns(
        tr,
        &[
            ("report-column-number", 5.0),
            ("report-column-risk", 40.0),
            ("report-column-risk-of", 30.0),
            ("report-column-probability", 12.0),
            ("report-column-impact", 10.0),
            ("report-column-score", 8.0),
            ("report-column-response", 36.0),
            ("report-column-risk-owner", 24.0),
        ],
    );
    let risks = plan::risks(cx);
    header(sheet, styles, &titles, risks.len())?;
    let text = &styles.text;
    for (i, (of, risk)) in risks.iter().enumerate() {
        let row = i as u32 + 1;
        let owner = risk
            .owner
            .map_or_else(|| tr.t("report-none"), |id| cx.person(id));
        sheet.write_number_with_format(row, 0, f64::from(row), text)?;
        sheet.write_string_with_format(row, 1, &risk.description, text)?;
        sheet.write_string_with_format(row, 2, of, text)?;
        sheet.write_number_with_format(row, 3, f64::from(risk.probability), text)?;
        sheet.write_number_with_format(row, 4, f64::from(risk.impact), text)?;
        sheet.write_number_with_format(row, 5, f64::from(risk.score()), text)?;
        sheet.write_string_with_format(row, 6, &risk.response, text)?;
        sheet.write_string_with_format(row, 7, owner, text)?;
    }
    Ok(())
}
