//! The floor every projector screen stands on: the drawing context ([`Ctx`]: the board, the
//! colours, the size factor, what the presentation is at), its palette, and what several
//! screens share (the empty line, the count of hidden alternatives, the timer's display).
//!
//! The room reads the projector from its seats: large type scaled to the width of the screen
//! (about 1.8 × the board's sizes at 1920 pixels wide), calm colours or high contrast. What
//! must stay hidden never appears: hidden alternatives are shown as a count only.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Stroke, Ui};

use super::board::{Board, Spotlight};
use super::labels::Named;
use super::theme::{self, Theme};
use stratboard_core::model::{AgendaItemId, Alternative, AlternativeId};

/// How urgent the agenda timer is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Urgency {
    /// More than two minutes left (or no timebox).
    #[default]
    Calm,
    /// The last two minutes.
    Amber,
    /// Over time.
    Red,
}

/// The agenda timer as the projector shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimerDisplay {
    /// Seconds left in the current item (negative when over time).
    pub remaining_secs: i64,
    /// Calm, amber or red.
    pub urgency: Urgency,
    /// Whether the timer is paused.
    pub paused: bool,
    /// Seconds since the session's timer was first started.
    pub session_elapsed_secs: i64,
}

/// The countdown as the projector writes it: `mm:ss` left, or `+mm:ss` over time.
pub fn format_remaining(remaining_secs: i64) -> String {
    if remaining_secs < 0 {
        format!("+{}", format_clock(remaining_secs.unsigned_abs()))
    } else {
        format_clock(remaining_secs.unsigned_abs())
    }
}

/// `mm:ss` (minutes may exceed 59).
fn format_clock(secs: u64) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// An agenda item's kind and timebox: "Discussion · 45 min".
pub fn kind_line(
    tr: &stratboard_core::i18n::Tr,
    item: &stratboard_core::model::AgendaItem,
) -> String {
    let kind = item.kind.name(tr);
    if item.planned_minutes == 0 {
        return kind;
    }
    let minutes = tr.n("present-view-minutes", i64::from(item.planned_minutes));
    format!("{kind} · {minutes}")
}

/// The colours of the presentation.
///
/// The normal palette comes from the theme; the high-contrast one (black, white, yellow) is
/// made here because the theme has none yet — it belongs in `theme.rs`.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// The whole background.
    pub background: Color32,
    /// Card backgrounds.
    pub card: Color32,
    /// Card borders and grid lines.
    pub border: Color32,
    /// Main text.
    pub text: Color32,
    /// Secondary text.
    pub weak: Color32,
    /// Highlights (the current agenda item, bars, chips).
    pub accent: Color32,
    /// The timer's last two minutes.
    pub amber: Color32,
    /// Over time.
    pub red: Color32,
    /// Whether colours of statuses and stances are replaced by the accent.
    pub high_contrast: bool,
}

impl Palette {
    /// The palette for this theme and mode.
    pub fn new(ui: &Ui, theme: &Theme, high_contrast: bool) -> Self {
        if high_contrast {
            use theme::high_contrast as hc;
            Self {
                background: hc::BACKGROUND,
                card: hc::BACKGROUND,
                border: hc::TEXT,
                text: hc::TEXT,
                weak: hc::WEAK,
                accent: hc::ACCENT,
                amber: hc::AMBER,
                red: hc::RED,
                high_contrast,
            }
        } else {
            Self {
                background: ui.visuals().panel_fill,
                card: theme.card_fill(),
                border: theme.border(),
                text: ui.visuals().strong_text_color(),
                weak: theme.weak_text(),
                accent: theme.accent(),
                amber: theme.warning(),
                red: theme.error(),
                high_contrast,
            }
        }
    }

    /// A status colour, or the accent in high contrast.
    pub fn status(&self, colour: Color32) -> Color32 {
        if self.high_contrast {
            self.accent
        } else {
            colour
        }
    }
}

/// Everything a projector screen needs.
pub struct Ctx<'b, 'a> {
    /// The board (read only).
    pub board: &'b Board<'a>,
    /// Colours.
    pub pal: Palette,
    /// The size factor over the board's sizes.
    pub scale: f32,
    /// The room's address while phones can join (`http://192.168.1.23:8080/`).
    pub room: Option<&'b str>,
    /// The agenda item being run.
    pub item: Option<AgendaItemId>,
    /// One thing shown alone, big: its section's screen draws it instead of the section.
    pub spotlight: Option<Spotlight>,
    /// Positions shows how positions converge instead of the matrix.
    pub convergence: bool,
}

impl Ctx<'_, '_> {
    /// Body text.
    pub fn body(&self, text: impl Into<String>) -> RichText {
        RichText::new(text)
            .size(theme::BODY_SIZE * self.scale)
            .color(self.pal.text)
    }

    /// Secondary text.
    pub fn small(&self, text: impl Into<String>) -> RichText {
        RichText::new(text)
            .size(theme::SMALL_SIZE * self.scale)
            .color(self.pal.weak)
    }

    /// A card's title.
    pub fn title(&self, text: impl Into<String>) -> RichText {
        RichText::new(text)
            .size(theme::CARD_TITLE_SIZE * self.scale)
            .family(theme::bold())
            .color(self.pal.text)
    }

    /// A heading.
    pub fn heading(&self, text: impl Into<String>) -> RichText {
        RichText::new(text)
            .size(theme::HEADING_SIZE * self.scale)
            .family(theme::bold())
            .color(self.pal.text)
    }

    /// A spacing unit.
    pub fn gap(&self) -> f32 {
        (theme::CARD_GAP * self.scale / 2.0).round() * 2.0
    }

    /// The frame of a card.
    pub fn card(&self) -> Frame {
        let margin = (12.0 * self.scale).round().clamp(0.0, 100.0) as i8;
        Frame::new()
            .fill(self.pal.card)
            .stroke(Stroke::new(1.0_f32.max(self.scale * 0.8), self.pal.border))
            .corner_radius(CornerRadius::same(8))
            .inner_margin(Margin::same(margin))
    }

    /// The frame of a highlighted card.
    pub fn card_highlighted(&self) -> Frame {
        self.card()
            .stroke(Stroke::new(3.0 * self.scale, self.pal.accent))
    }

    /// A chip: coloured outline and text.
    pub fn chip(&self, ui: &mut Ui, text: impl Into<String>, colour: Color32) {
        let colour = self.pal.status(colour);
        Frame::new()
            .stroke(Stroke::new(1.5 * self.scale, colour))
            .corner_radius(CornerRadius::same(12))
            .inner_margin(Margin::symmetric(
                (8.0 * self.scale) as i8,
                (2.0 * self.scale) as i8,
            ))
            .show(ui, |ui| {
                ui.label(
                    RichText::new(text)
                        .color(colour)
                        .size(theme::SMALL_SIZE * self.scale),
                );
            });
    }

    /// The title of an alternative the room may see, or `None` while it is hidden (or gone).
    pub fn visible_alternative(&self, id: AlternativeId) -> Option<&Alternative> {
        self.board.session.alternative(id).filter(|a| !a.hidden)
    }
}

/// A calm line saying there is nothing to show.
pub fn empty(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    ui.add_space(cx.gap() * 2.0);
    ui.label(
        cx.body(cx.board.tr.t("present-view-empty"))
            .color(cx.pal.weak),
    );
}

/// The number of hidden alternatives, as a calm line (nothing when there is none).
pub fn hidden_count(ui: &mut Ui, cx: &Ctx<'_, '_>) {
    let hidden = cx
        .board
        .session
        .alternatives
        .iter()
        .filter(|a| a.hidden)
        .count();
    if hidden > 0 {
        ui.add_space(cx.gap());
        ui.label(
            cx.title(cx.board.tr.n(
                "present-view-not-revealed",
                i64::try_from(hidden).unwrap_or(i64::MAX),
            ))
            .color(cx.pal.weak),
        );
    }
}

/// Each of `items` as a card as wide as the screen, `gap` apart; the empty line when there is
/// none.
pub fn cards<T>(
    ui: &mut Ui,
    cx: &Ctx<'_, '_>,
    items: &[T],
    gap: f32,
    mut draw: impl FnMut(&mut Ui, &T),
) {
    if items.is_empty() {
        return empty(ui, cx);
    }
    for item in items {
        cx.card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            draw(ui, item);
        });
        ui.add_space(gap);
    }
}
