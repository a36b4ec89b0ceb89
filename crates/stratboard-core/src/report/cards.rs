//! Participant cards as PDF (krilla): A4 portrait, eight cards a page (2 columns × 4 rows)
//! with thin dashed cut lines. Each card carries the session's title, the participant's name,
//! position, organisation and group, their personal room code in two groups of four letters
//! (`ABCD EFGH`), the room's address, and a QR code of their own join link
//! (`http://ADDR:PORT/join/CODE`) drawn as vector squares, one per dark module, with the
//! standard quiet zone of four modules.
//!
//! Text uses the protocol's embedded fonts and glyph drawing (`pdf_text`, `pdf::draw_text`), so
//! Cyrillic names print as they are. Long names shrink (down to a floor) and then wrap; text
//! that still does not fit its box ends in "…" rather than running over the card.
//!
//! Cards follow the stakeholder groups in the session's order (participants without a group
//! last), and by name within a group, so they can be handed out table by table; participants
//! without a code get no card (the caller gives codes first).
//!
//! Layout runs first and produces pages of drawing operations; only then are they drawn.

use krilla::Document as PdfDocument;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::paint::{Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use qrcode::{Color, QrCode};

use super::ExportError;
use super::document::Span;
use super::pdf::{
    PlacedText, draw_pages, draw_placed, draw_text, embedded_fonts, fill, finish, metadata,
};
use super::pdf_text::{self, FontId, Fonts, ellipsize, wrap};
use crate::i18n::{Language, Tr};
use crate::model::{Participant, Session};

/// A4 in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
/// The margin around the grid of cards (10 mm), which most printers can print up to.
const MARGIN: f32 = 28.35;
/// Cards across and down a page.
const COLUMNS: usize = 2;
const ROWS: usize = 4;
/// Cards on one page.
pub const CARDS_PER_PAGE: usize = COLUMNS * ROWS;
/// One card: 95 × 69 mm.
const CARD_W: f32 = (PAGE_W - 2.0 * MARGIN) / COLUMNS as f32;
const CARD_H: f32 = (PAGE_H - 2.0 * MARGIN) / ROWS as f32;
/// Padding inside a card.
const PAD: f32 = 14.0;
/// The QR code's side with its quiet zone (about 37 mm).
const QR_SIDE: f32 = 104.0;
/// The QR code's distance from the card's right edge and top (its quiet zone adds to it).
const QR_INSET: f32 = 6.0;
const QR_TOP: f32 = 20.0;
/// Modules of white around a QR code, as the standard asks.
pub const QUIET_ZONE: usize = 4;
/// Type sizes.
const TITLE: f32 = 8.0;
const NAME: f32 = 15.0;
const NAME_MIN: f32 = 10.0;
const DETAILS: f32 = 8.5;
const HEADING: f32 = 8.5;
const CODE: f32 = 22.0;
const HINT: f32 = 7.0;
/// Line height as a multiple of the size.
const LEADING: f32 = 1.2;
/// Extra space after each letter of the code (a fraction of the size): letters stand apart
/// enough to read out one by one, yet close enough that text extraction keeps each half one
/// word (pdftotext splits words at gaps over about a tenth of the size).
const CODE_TRACKING: f32 = 0.06;
/// The gap between the code's two halves (a fraction of the size).
const CODE_GAP: f32 = 0.5;

// Colours (RGB): the protocol's ink and grey, and the cut lines and QR squares.
use super::pdf::{GREY, INK};
const CUT: (u8, u8, u8) = (150, 150, 150);
const QR_DARK: (u8, u8, u8) = (0, 0, 0);

/// What one card shows.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Card {
    name: String,
    /// Position and organisation, joined by a comma ("" when neither is known).
    details: String,
    group: Option<String>,
    /// The code as stored: eight letters.
    code: String,
    /// The personal join link the QR code encodes.
    link: String,
}

/// The words every card shares.
struct Words {
    title: String,
    heading: String,
    hint: String,
}

/// One drawing operation on a page.
#[derive(Clone, Debug, PartialEq)]
enum Op {
    /// Text from its left end at baseline `y`.
    Text(PlacedText),
    /// A code in fixed-width cells, bold, from its left end at baseline `y`.
    Code { x: f32, y: f32, text: String },
    /// A QR code: the square at (`x`, `y`) is `module` wide per module; `dark` lists the
    /// dark modules as (column, row), counted from the quiet zone's corner.
    Qr {
        x: f32,
        y: f32,
        module: f32,
        dark: Vec<(usize, usize)>,
    },
    /// A dashed cut line around a card.
    Cut { x: f32, y: f32, w: f32, h: f32 },
}

/// The personal join link for `code` on the room at `join_base` (`http://ADDR:PORT`, with or
/// without a trailing slash): `http://ADDR:PORT/join/CODE`.
pub fn join_link(join_base: &str, code: &str) -> String {
    format!("{}/join/{code}", join_base.trim_end_matches('/'))
}

/// The code as printed: two groups of four letters (`ABCD EFGH`).
pub fn spaced_code(code: &str) -> String {
    let half = code.chars().count() / 2;
    match code.char_indices().nth(half) {
        Some((at, _)) if half > 0 => format!("{} {}", &code[..at], &code[at..]),
        _ => code.to_owned(),
    }
}

/// The dark modules of the QR code of `text` as (column, row), counted from the corner of
/// the quiet zone, and the side of the whole square in modules (quiet zone included).
pub fn qr_modules(text: &str) -> Result<(Vec<(usize, usize)>, usize), ExportError> {
    let code = QrCode::new(text.as_bytes())
        .map_err(|e| ExportError::Pdf(format!("no QR code for {text}: {e}")))?;
    let width = code.width();
    let dark = code
        .to_colors()
        .iter()
        .enumerate()
        .filter(|(_, colour)| **colour == Color::Dark)
        .map(|(i, _)| (i % width + QUIET_ZONE, i / width + QUIET_ZONE))
        .collect();
    Ok((dark, width + 2 * QUIET_ZONE))
}

/// Every participant of `session` in the order cards are printed: by stakeholder group in the
/// session's order of groups (no group last), then by name (ignoring case), then by id. The
/// export dialog lists them so; those without a code get no card until they have one.
pub fn in_card_order(session: &Session) -> Vec<&Participant> {
    let group_rank = |p: &Participant| {
        p.group
            .and_then(|g| session.stakeholder_groups.iter().position(|sg| sg.id == g))
            .unwrap_or(usize::MAX)
    };
    let mut people: Vec<&Participant> = session.participants.iter().collect();
    people.sort_by(|a, b| {
        group_rank(a)
            .cmp(&group_rank(b))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    people
}

/// The participants that get a card, in card order: those with a code.
fn card_order(session: &Session) -> Vec<&Participant> {
    let mut people = in_card_order(session);
    people.retain(|p| p.code.as_deref().is_some_and(|c| !c.is_empty()));
    people
}

fn cards(session: &Session, join_base: &str) -> Vec<Card> {
    card_order(session)
        .into_iter()
        .map(|p| {
            let code = p.code.clone().unwrap_or_default();
            let details = [p.position.trim(), p.organisation.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            Card {
                name: p.name.trim().to_owned(),
                details,
                group: p
                    .group
                    .and_then(|g| session.group(g))
                    .map(|g| g.name.trim().to_owned())
                    .filter(|name| !name.is_empty()),
                link: join_link(join_base, &code),
                code,
            }
        })
        .collect()
}

/// Participant cards for everyone in `session` who has a personal code, in `language`, as PDF
/// bytes: eight cards to an A4 page, each with the participant's code and a QR code of their
/// join link on the room at `join_base` (`http://ADDR:PORT`). Cards follow the stakeholder
/// groups in the session's order (no group last), then names. Participants without a code
/// are left out; when nobody has one the result is [`ExportError::NoParticipantCodes`], not
/// an empty PDF.
pub fn participant_cards(
    session: &Session,
    join_base: &str,
    language: Language,
) -> Result<Vec<u8>, ExportError> {
    let cards = cards(session, join_base);
    if cards.is_empty() {
        return Err(ExportError::NoParticipantCodes);
    }
    let tr = Tr::new(language);
    let base = join_base.trim_end_matches('/');
    let words = Words {
        title: session.meta.title.trim().to_owned(),
        heading: tr.t("cards-heading"),
        hint: tr.with("cards-hint", "address", base),
    };
    let fonts = Fonts::new()
        .ok_or_else(|| ExportError::Pdf("an embedded font could not be loaded".into()))?;
    let pages = layout(&fonts, &cards, &words)?;
    let title = tr.with("cards-pdf-title", "title", &words.title);
    let language = match language {
        Language::Russian => "ru",
        Language::English => "en",
    };
    draw(&fonts, &pages, title, language)
}

/// Lines of `text` wrapped to `width`, at most `max` of them; the last one shown ends in "…"
/// when text is left over.
fn fit(fonts: &Fonts, text: &str, bold: bool, size: f32, width: f32, max: usize) -> Vec<String> {
    let lines: Vec<String> = wrap(
        fonts,
        &[Span {
            text: text.to_owned(),
            bold,
        }],
        width,
        size,
    )
    .into_iter()
    .map(|line| {
        line.pieces
            .iter()
            .map(|p| p.text.as_str())
            .collect::<String>()
    })
    .filter(|line| !line.is_empty())
    .collect();
    if lines.len() <= max || max == 0 {
        return lines.into_iter().take(max).collect();
    }
    let mut shown: Vec<String> = lines[..max - 1].to_vec();
    let rest = lines[max - 1..].join(" ");
    shown.push(ellipsize(fonts, &rest, bold, size, width));
    shown
}

/// The name at the largest size from [`NAME`] down to [`NAME_MIN`] at which it takes at most
/// two lines without cutting a word; else at the smallest size in up to three lines. A
/// hyphenated word too wide for the line breaks after a hyphen before it is cut anywhere else.
fn fit_name(fonts: &Fonts, name: &str, width: f32) -> (f32, Vec<String>) {
    let mut size = NAME;
    loop {
        let name = break_at_hyphens(fonts, name, size, width);
        let fits = wrap(fonts, &[Span::bold(name.as_str())], width, size).len() <= 2
            && name
                .split_whitespace()
                .all(|word| fonts.width(word, true, size) <= width);
        if fits || size <= NAME_MIN {
            return (size, fit(fonts, &name, true, size, width, 3));
        }
        size = (size - 0.5).max(NAME_MIN);
    }
}

/// `text` with every word wider than `width` (bold, at `size`) split after hyphens into
/// pieces as long as fit, so a double surname breaks as "Петрова-" / "Водкина". Two pieces
/// never fit one line together, so a split never shows as "Петрова- Водкина".
fn break_at_hyphens(fonts: &Fonts, text: &str, size: f32, width: f32) -> String {
    text.split(' ')
        .map(|word| {
            if !word.contains('-') || fonts.width(word, true, size) <= width {
                return word.to_owned();
            }
            let mut chunks: Vec<String> = Vec::new();
            for part in word.split_inclusive('-') {
                match chunks.last_mut() {
                    Some(last) if fonts.width(&format!("{last}{part}"), true, size) <= width => {
                        last.push_str(part);
                    }
                    _ => chunks.push(part.to_owned()),
                }
            }
            chunks.join(" ")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Places the cards on pages.
fn layout(fonts: &Fonts, cards: &[Card], words: &Words) -> Result<Vec<Vec<Op>>, ExportError> {
    let mut pages = Vec::new();
    for chunk in cards.chunks(CARDS_PER_PAGE) {
        let mut ops = Vec::new();
        for (i, card) in chunk.iter().enumerate() {
            let x = MARGIN + (i % COLUMNS) as f32 * CARD_W;
            let y = MARGIN + (i / COLUMNS) as f32 * CARD_H;
            ops.push(Op::Cut {
                x,
                y,
                w: CARD_W,
                h: CARD_H,
            });
            card_ops(fonts, card, words, x, y, &mut ops)?;
        }
        pages.push(ops);
    }
    Ok(pages)
}

/// The drawing of one card whose top left corner is (`x0`, `y0`).
fn card_ops(
    fonts: &Fonts,
    card: &Card,
    words: &Words,
    x0: f32,
    y0: f32,
    ops: &mut Vec<Op>,
) -> Result<(), ExportError> {
    let inner = CARD_W - 2.0 * PAD;
    let left = x0 + PAD;
    let text = |ops: &mut Vec<Op>, x, y, size, bold, colour, text: String| {
        if !text.is_empty() {
            ops.push(Op::Text(PlacedText {
                x,
                y,
                size,
                bold,
                colour,
                text,
            }));
        }
    };
    // The session's title, small, across the top.
    let title = ellipsize(fonts, &words.title, false, TITLE, inner);
    text(
        ops,
        left,
        y0 + PAD + TITLE * 0.75,
        TITLE,
        false,
        GREY,
        title,
    );

    // The QR code at the top right.
    let (dark, modules) = qr_modules(&card.link)?;
    let module = QR_SIDE / modules as f32;
    let qr_x = x0 + CARD_W - QR_INSET - QR_SIDE;
    let qr_y = y0 + QR_TOP;
    ops.push(Op::Qr {
        x: qr_x,
        y: qr_y,
        module,
        dark,
    });

    // The bottom, across the card, from the bottom up: the hint with the room's address, the
    // code, the heading over it.
    let hint = fit(fonts, &words.hint, false, HINT, inner, 2);
    let mut baseline = y0 + CARD_H - PAD - (hint.len().max(1) - 1) as f32 * HINT * LEADING;
    let hint_top = baseline - HINT;
    for line in hint {
        text(ops, left, baseline, HINT, false, GREY, line);
        baseline += HINT * LEADING;
    }
    let code_baseline = hint_top - 7.0;
    ops.push(Op::Code {
        x: left,
        y: code_baseline,
        text: spaced_code(&card.code),
    });
    let heading_baseline = code_baseline - CODE * 0.72 - 6.0;
    let heading = ellipsize(fonts, &words.heading, false, HEADING, inner);
    text(ops, left, heading_baseline, HEADING, false, GREY, heading);

    // The person, in the column left of the QR code's dark modules, down to the heading.
    let column = qr_x + QUIET_ZONE as f32 * module - 8.0 - left;
    let bottom = (heading_baseline - HEADING - 6.0).min(qr_y + QR_SIDE);
    let mut y = y0 + PAD + TITLE + 10.0;
    let (name_size, name) = fit_name(fonts, &card.name, column);
    for line in name {
        let line_bottom = y + name_size * LEADING;
        if line_bottom > bottom {
            break;
        }
        text(ops, left, y + name_size * 0.95, name_size, true, INK, line);
        y = line_bottom;
    }
    y += 3.0;
    let mut lines: Vec<(String, (u8, u8, u8))> = Vec::new();
    lines.extend(
        fit(fonts, &card.details, false, DETAILS, column, 3)
            .into_iter()
            .map(|l| (l, INK)),
    );
    if let Some(group) = &card.group {
        lines.extend(
            fit(fonts, group, false, DETAILS, column, 2)
                .into_iter()
                .map(|l| (l, GREY)),
        );
    }
    let room = ((bottom - y) / (DETAILS * LEADING)).floor().max(0.0) as usize;
    if lines.len() > room {
        lines.truncate(room);
        if let Some((last, _)) = lines.last_mut() {
            let cut = format!("{last}…");
            *last = ellipsize(fonts, &cut, false, DETAILS, column);
        }
    }
    for (line, colour) in lines {
        text(ops, left, y + DETAILS * 0.95, DETAILS, false, colour, line);
        y += DETAILS * LEADING;
    }
    Ok(())
}

fn draw(
    fonts: &Fonts,
    pages: &[Vec<Op>],
    title: String,
    language: &str,
) -> Result<Vec<u8>, ExportError> {
    let font = embedded_fonts()?;
    let mut pdf = PdfDocument::new();
    pdf.set_metadata(metadata(title, language));
    draw_pages(&mut pdf, pages, |surface, op| match op {
        Op::Text(placed) => draw_placed(surface, fonts, &font, placed),
        Op::Code { x, y, text } => {
            fill(surface, INK);
            draw_code(surface, fonts, &font, *x, *y, text);
        }
        Op::Qr { x, y, module, dark } => draw_qr(surface, *x, *y, *module, dark),
        Op::Cut { x, y, w, h } => draw_cut(surface, *x, *y, *w, *h),
    })?;
    finish(pdf)
}

/// The code, slightly letter-spaced and with a wide gap at the space between its halves, as
/// one run of glyphs so that text extraction reads it as written (`ABCD EFGH`).
fn draw_code(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    font: &dyn Fn(FontId) -> Font,
    x: f32,
    y: f32,
    text: &str,
) {
    let glyphs: Vec<(usize, char, pdf_text::Glyph)> = text
        .char_indices()
        .map(|(i, c)| (i, c, fonts.glyph(c, true)))
        .collect();
    let Some(first) = glyphs.first().map(|(_, _, g)| g.font) else {
        return;
    };
    if glyphs.iter().any(|(_, _, g)| g.font != first) {
        // Not letters of the code alphabet: draw it as plain text.
        draw_text(surface, fonts, font, x, y, CODE, true, text);
        return;
    }
    let run: Vec<KrillaGlyph> = glyphs
        .iter()
        .map(|(i, c, glyph)| {
            let advance = if *c == ' ' {
                CODE_GAP
            } else {
                glyph.advance + CODE_TRACKING
            };
            KrillaGlyph::new(
                GlyphId::new(u32::from(glyph.id)),
                advance,
                0.0,
                0.0,
                0.0,
                *i..*i + c.len_utf8(),
                None,
            )
        })
        .collect();
    surface.draw_glyphs(Point::from_xy(x, y), &run, font(first), text, CODE, false);
}

/// The QR code: one filled square per dark module, all in one path so that neighbouring
/// squares leave no hairline seams when a viewer smooths edges.
fn draw_qr(surface: &mut Surface<'_>, x: f32, y: f32, module: f32, dark: &[(usize, usize)]) {
    let mut path = PathBuilder::new();
    for (column, row) in dark {
        if let Some(rect) = Rect::from_xywh(
            x + *column as f32 * module,
            y + *row as f32 * module,
            module,
            module,
        ) {
            path.push_rect(rect);
        }
    }
    if let Some(path) = path.finish() {
        fill(surface, QR_DARK);
        surface.set_stroke(None);
        surface.draw_path(&path);
    }
}

/// A thin dashed rectangle to cut along.
fn draw_cut(surface: &mut Surface<'_>, x: f32, y: f32, w: f32, h: f32) {
    let Some(rect) = Rect::from_xywh(x, y, w, h) else {
        return;
    };
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(CUT.0, CUT.1, CUT.2).into(),
            width: 0.4,
            dash: Some(StrokeDash {
                array: vec![3.0, 2.5],
                offset: 0.0,
            }),
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::{GroupId, ParticipantId, StakeholderGroup};

    fn session() -> Session {
        let mut session = Session::new("Школа");
        session.stakeholder_groups.push(StakeholderGroup {
            id: GroupId(1),
            name: "Родители".into(),
            ..StakeholderGroup::default()
        });
        for (id, name, group, code) in [
            (2, "Яковлева Анна", Some(1), Some("ABCDEFGH")),
            (3, "Борисов Пётр", None, Some("JKMNPQRS")),
            (4, "Алексеев Иван", Some(1), Some("TUVWXYZA")),
            (5, "Без кода", Some(1), None),
        ] {
            session.participants.push(Participant {
                id: ParticipantId(id),
                name: name.into(),
                group: group.map(GroupId),
                code: code.map(str::to_owned),
                ..Participant::default()
            });
        }
        session
    }

    #[test]
    fn links_and_codes_are_written_as_phones_and_people_read_them() {
        assert_eq!(
            join_link("http://10.0.0.5:8080/", "ABCDEFGH"),
            "http://10.0.0.5:8080/join/ABCDEFGH"
        );
        assert_eq!(
            join_link("http://10.0.0.5:8080", "ABCDEFGH"),
            "http://10.0.0.5:8080/join/ABCDEFGH"
        );
        assert_eq!(spaced_code("ABCDEFGH"), "ABCD EFGH");
        assert_eq!(spaced_code(""), "");
    }

    #[test]
    fn cards_go_by_group_then_name_and_skip_people_without_a_code() {
        let names: Vec<String> = cards(&session(), "http://h:1")
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["Алексеев Иван", "Яковлева Анна", "Борисов Пётр"]);
    }

    #[test]
    fn a_long_double_surname_breaks_after_its_hyphen() {
        let fonts = Fonts::new().unwrap();
        let (size, lines) = fit_name(
            &fonts,
            "Константинопольская-Разумовская Александра Вячеславовна",
            148.0,
        );
        assert!(size >= NAME_MIN);
        assert_eq!(lines[0], "Константинопольская-", "{lines:?}");
        assert!(lines[1].starts_with("Разумовская"), "{lines:?}");
        let (size, lines) = fit_name(&fonts, "Иванов Иван", 148.0);
        assert!((size - NAME).abs() < f32::EPSILON);
        assert_eq!(lines, ["Иванов Иван"]);
    }

    #[test]
    fn nobody_with_a_code_is_an_error_not_an_empty_pdf() {
        let mut session = session();
        for p in &mut session.participants {
            p.code = None;
        }
        assert!(matches!(
            participant_cards(&session, "http://h:1", Language::English),
            Err(ExportError::NoParticipantCodes)
        ));
    }

    #[test]
    fn the_qr_squares_drawn_are_the_qr_code_of_the_exact_join_link() {
        let session = session();
        let base = "http://192.168.100.200:8080/";
        let cards = cards(&session, base);
        let fonts = Fonts::new().unwrap();
        let words = Words {
            title: "t".into(),
            heading: "h".into(),
            hint: "x".into(),
        };
        let pages = layout(&fonts, &cards, &words).unwrap();
        let drawn: Vec<_> = pages[0]
            .iter()
            .filter_map(|op| match op {
                Op::Qr { x, y, module, dark } => Some((*x, *y, *module, dark)),
                _ => None,
            })
            .collect();
        assert_eq!(drawn.len(), 3, "one QR code per card");
        for ((x, y, module, dark), card) in drawn.into_iter().zip(&cards) {
            let link = format!("http://192.168.100.200:8080/join/{}", card.code);
            // The matrix the qrcode crate makes for the link, module by module.
            let expected = QrCode::new(link.as_bytes()).unwrap();
            let width = expected.width();
            let side = width + 2 * QUIET_ZONE;
            assert!((module * side as f32 - QR_SIDE).abs() < 0.01);
            let mut grid = vec![false; side * side];
            for (column, row) in dark {
                grid[row * side + column] = true;
            }
            for row in 0..side {
                for column in 0..side {
                    let inside = (QUIET_ZONE..QUIET_ZONE + width).contains(&row)
                        && (QUIET_ZONE..QUIET_ZONE + width).contains(&column);
                    let want =
                        inside && expected[(column - QUIET_ZONE, row - QUIET_ZONE)] == Color::Dark;
                    assert_eq!(grid[row * side + column], want, "module {column},{row}");
                }
            }
            // The code sits inside its card, clear of the cut lines.
            assert!(x > MARGIN && x + QR_SIDE < PAGE_W - MARGIN);
            assert!(y > MARGIN);
        }
    }

    #[test]
    fn every_text_stays_inside_its_card() {
        let mut session = session();
        session.participants[0].name =
            "Константинопольская-Разумовская Александра Вячеславовна".into();
        session.participants[0].position =
            "Заместитель директора по учебно-воспитательной работе и инновационному развитию"
                .into();
        session.participants[0].organisation =
            "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 5»".into();
        session.meta.title = "Очень длинное название стратегической сессии ".repeat(5);
        let cards = cards(&session, "http://192.168.100.200:8080");
        let fonts = Fonts::new().unwrap();
        let tr = Tr::new(Language::Russian);
        let words = Words {
            title: session.meta.title.clone(),
            heading: tr.t("cards-heading"),
            hint: tr.with("cards-hint", "address", "http://192.168.100.200:8080"),
        };
        let pages = layout(&fonts, &cards, &words).unwrap();
        for op in &pages[0] {
            if let Op::Text(PlacedText {
                x,
                y,
                size,
                bold,
                text,
                ..
            }) = op
            {
                let column = ((x - MARGIN) / CARD_W).floor();
                let right = MARGIN + (column + 1.0) * CARD_W - PAD;
                let width = fonts.width(text, *bold, *size);
                assert!(x + width <= right + 0.01, "{text:?} runs over the card");
                let row = ((y - MARGIN) / CARD_H).floor();
                assert!(*y <= MARGIN + (row + 1.0) * CARD_H - PAD + 0.01, "{text:?}");
                // Clear of every QR code's dark modules.
                let (top, bottom) = (y - size * 0.8, y + size * 0.2);
                for qr in &pages[0] {
                    if let Op::Qr {
                        x: qx,
                        y: qy,
                        module,
                        ..
                    } = qr
                    {
                        let quiet = QUIET_ZONE as f32 * module;
                        let (l, t) = (qx + quiet, qy + quiet);
                        let (r, b) = (qx + QR_SIDE - quiet, qy + QR_SIDE - quiet);
                        let apart = x + width <= l || *x >= r || bottom <= t || top >= b;
                        assert!(apart, "{text:?} overlaps a QR code");
                    }
                }
            }
        }
    }
}
