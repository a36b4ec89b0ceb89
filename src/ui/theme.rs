//! The only place colours and sizes are made. Panels ask the theme; they never write a colour or
//! a font size of their own.
//!
//! Stance colours follow the Okabe–Ito palette, which stays distinguishable for the common
//! kinds of colour blindness, and every colour comes with a text mark as well.

use egui::{Color32, CornerRadius, FontId, Frame, Margin, Stroke, TextStyle};
use serde::{Deserialize, Serialize};

use stratboard_core::model::{ActionStatus, AlternativeStatus, Quadrant, Stance};

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeKind {
    /// Dark text on light cards: best on projectors in lit rooms.
    #[default]
    Light,
    /// Light text on dark cards.
    Dark,
}

/// Colours and sizes of the board.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// Light or dark.
    pub kind: ThemeKind,
}

/// The dark squares of a QR code (black on white in every theme: cameras expect it).
pub const QR_DARK: Color32 = Color32::BLACK;
/// The field of a QR code.
pub const QR_LIGHT: Color32 = Color32::WHITE;
/// Agreement: a unifying alternative, a group moving toward agreement, stable positions.
pub const STABLE: Color32 = Color32::from_rgb(0x2e, 0x7d, 0x4f);

/// Body text size: readable from a few metres on a projector.
pub const BODY_SIZE: f32 = 17.0;
/// Size of section headings.
pub const HEADING_SIZE: f32 = 26.0;
/// Size of card titles.
pub const CARD_TITLE_SIZE: f32 = 19.0;
/// Size of small print (hints, captions).
pub const SMALL_SIZE: f32 = 13.5;
/// A chip's margin left and right of its text.
const CHIP_MARGIN_X: f32 = 8.0;
/// The width of a chip's outline.
const CHIP_STROKE: f32 = 1.5;
/// Space between cards.
pub const CARD_GAP: f32 = 10.0;
/// Width of the sections panel.
pub const SIDEBAR_WIDTH: f32 = 260.0;
/// Width of a text field in a card.
pub const FIELD_WIDTH: f32 = 420.0;

/// The presentation's high-contrast palette (H in presentation mode): white and yellow on
/// black, the same in both themes.
pub mod high_contrast {
    use egui::Color32;

    /// Background and card fill.
    pub const BACKGROUND: Color32 = Color32::BLACK;
    /// Text, borders and grid lines.
    pub const TEXT: Color32 = Color32::WHITE;
    /// Secondary text.
    pub const WEAK: Color32 = Color32::from_gray(0xdd);
    /// Highlights: the current item, bars, chips, every status.
    pub const ACCENT: Color32 = Color32::YELLOW;
    /// The timer's last two minutes.
    pub const AMBER: Color32 = Color32::from_rgb(0xff, 0xb0, 0x00);
    /// Over time.
    pub const RED: Color32 = Color32::from_rgb(0xff, 0x60, 0x60);
}

/// The blanked screen of the presentation (B or .).
pub const BLANK_SCREEN: egui::Color32 = egui::Color32::BLACK;

/// The font family of headings and card titles (PT Sans Bold).
pub const BOLD_FAMILY: &str = "bold";

/// Installs the embedded fonts: PT Sans (regular and bold; full Cyrillic, made for Russian
/// readers) with DejaVu Sans as the fallback for symbols (☰, ✓, −, arrows …). Call once per
/// context: rebuilding the font atlas is expensive.
pub fn install_fonts(ctx: &egui::Context) {
    use std::sync::Arc;

    use egui::{FontData, FontDefinitions, FontFamily};

    let mut fonts = FontDefinitions::default();
    let embedded: [(&str, &'static [u8]); 3] = [
        (
            "PTSans-Regular",
            include_bytes!("../../assets/fonts/PTSans-Regular.ttf"),
        ),
        (
            "PTSans-Bold",
            include_bytes!("../../assets/fonts/PTSans-Bold.ttf"),
        ),
        (
            "DejaVuSans",
            include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
        ),
    ];
    for (name, bytes) in embedded {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let defaults = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let chain = |first: &str| -> Vec<String> {
        let mut chain = vec![first.to_owned(), "DejaVuSans".to_owned()];
        chain.extend(defaults.iter().cloned());
        chain
    };
    fonts
        .families
        .insert(FontFamily::Proportional, chain("PTSans-Regular"));
    fonts
        .families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), chain("PTSans-Bold"));
    if let Some(mono) = fonts.families.get_mut(&FontFamily::Monospace) {
        mono.push("DejaVuSans".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// The bold font family.
pub fn bold() -> egui::FontFamily {
    egui::FontFamily::Name(BOLD_FAMILY.into())
}

impl Theme {
    /// The theme of this kind.
    pub fn new(kind: ThemeKind) -> Self {
        Self { kind }
    }

    fn dark(&self) -> bool {
        self.kind == ThemeKind::Dark
    }

    /// Applies the theme's visuals and text sizes to the whole context.
    pub fn apply(&self, ctx: &egui::Context) {
        // An explicit theme: following the system's would swap in egui's default visuals.
        let (theme, visuals) = if self.dark() {
            (egui::Theme::Dark, egui::Visuals::dark())
        } else {
            (egui::Theme::Light, egui::Visuals::light())
        };
        ctx.set_theme(theme);
        ctx.set_visuals_of(theme, visuals);
        ctx.all_styles_mut(|style| {
            style.text_styles = [
                (TextStyle::Heading, FontId::new(HEADING_SIZE, bold())),
                (TextStyle::Body, FontId::proportional(BODY_SIZE)),
                (TextStyle::Button, FontId::proportional(BODY_SIZE)),
                (TextStyle::Monospace, FontId::monospace(BODY_SIZE - 1.0)),
                (TextStyle::Small, FontId::proportional(SMALL_SIZE)),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(8.0, 6.0);
            style.spacing.button_padding = egui::vec2(8.0, 4.0);
            style.spacing.interact_size.y = 28.0;
        });
    }

    /// The background of a card.
    pub fn card_fill(&self) -> Color32 {
        if self.dark() {
            Color32::from_rgb(0x2a, 0x2d, 0x33)
        } else {
            Color32::from_rgb(0xfb, 0xfb, 0xf8)
        }
    }

    /// The frame of a card.
    pub fn card(&self) -> Frame {
        Frame::new()
            .fill(self.card_fill())
            .stroke(Stroke::new(1.0, self.border()))
            .corner_radius(CornerRadius::same(8))
            .inner_margin(Margin::same(12))
            .outer_margin(Margin::symmetric(0, (CARD_GAP / 2.0) as i8))
    }

    /// The frame of a key on the keyboard, as the shortcuts list draws it ("Ctrl+S").
    pub fn keycap(&self) -> Frame {
        Frame::new()
            .fill(self.card_fill())
            .stroke(Stroke::new(1.0, self.border()))
            .corner_radius(CornerRadius::same(4))
            .inner_margin(Margin::symmetric(7, 2))
    }

    /// The frame of a highlighted (selected) card.
    pub fn card_selected(&self) -> Frame {
        self.card().stroke(Stroke::new(2.0, self.accent()))
    }

    /// Lines around cards and cells.
    pub fn border(&self) -> Color32 {
        if self.dark() {
            Color32::from_gray(0x55)
        } else {
            Color32::from_gray(0xcc)
        }
    }

    /// The accent colour (selection, links).
    pub fn accent(&self) -> Color32 {
        Color32::from_rgb(0x00, 0x72, 0xb2)
    }

    /// Secondary text.
    pub fn weak_text(&self) -> Color32 {
        if self.dark() {
            Color32::from_gray(0xa8)
        } else {
            Color32::from_gray(0x5a)
        }
    }

    /// Error text (an empty title, an overdue item).
    pub fn error(&self) -> Color32 {
        if self.dark() {
            Color32::from_rgb(0xff, 0x7a, 0x6e)
        } else {
            Color32::from_rgb(0xb0, 0x1e, 0x12)
        }
    }

    /// Warning text (validation problems in a file).
    pub fn warning(&self) -> Color32 {
        if self.dark() {
            Color32::from_rgb(0xf0, 0xc0, 0x50)
        } else {
            Color32::from_rgb(0x8a, 0x5a, 0x00)
        }
    }

    /// The page of a document preview: paper is white in both themes, as in a word processor.
    pub fn paper(&self) -> Frame {
        Frame::new()
            .fill(Color32::WHITE)
            .stroke(Stroke::new(1.0, Color32::from_gray(0xb8)))
            .inner_margin(Margin::symmetric(36, 28))
    }

    /// Text on the paper of a preview.
    pub fn paper_text(&self) -> Color32 {
        Color32::from_gray(0x1a)
    }

    /// Rules and table lines on the paper of a preview.
    pub fn paper_rule(&self) -> Color32 {
        Color32::from_gray(0x88)
    }

    /// The shaded header row of a table on the paper of a preview.
    pub fn paper_header_fill(&self) -> Color32 {
        Color32::from_gray(0xe8)
    }

    /// A chart bar on paper: the winners' in the accent colour, the others' muted.
    pub fn paper_bar(&self, highlight: bool) -> Color32 {
        if highlight {
            self.accent()
        } else {
            Color32::from_rgb(0x8f, 0xa8, 0xbd)
        }
    }

    /// Text in a heading.
    pub fn heading(&self, text: impl Into<String>) -> egui::RichText {
        egui::RichText::new(text).size(HEADING_SIZE).family(bold())
    }

    /// Text of a card title.
    pub fn card_title(&self, text: impl Into<String>) -> egui::RichText {
        egui::RichText::new(text)
            .size(CARD_TITLE_SIZE)
            .family(bold())
    }

    /// Small secondary text.
    pub fn caption(&self, text: impl Into<String>) -> egui::RichText {
        egui::RichText::new(text)
            .size(SMALL_SIZE)
            .color(self.weak_text())
    }

    /// The fill of a position cell (Okabe–Ito: blue for, vermillion against, grey neutral).
    pub fn stance_fill(&self, stance: Stance) -> Color32 {
        match stance {
            Stance::StronglyFor => Color32::from_rgb(0x00, 0x72, 0xb2),
            Stance::For => Color32::from_rgb(0x56, 0xb4, 0xe9),
            Stance::Neutral => Color32::from_rgb(0xbb, 0xbb, 0xbb),
            Stance::Against => Color32::from_rgb(0xe6, 0x9f, 0x00),
            Stance::StronglyAgainst => Color32::from_rgb(0xd5, 0x5e, 0x00),
            Stance::Undecided => {
                if self.dark() {
                    Color32::from_gray(0x3a)
                } else {
                    Color32::from_gray(0xee)
                }
            }
        }
    }

    /// Text drawn on a stance fill.
    pub fn stance_text(&self, stance: Stance) -> Color32 {
        match stance {
            Stance::StronglyFor | Stance::StronglyAgainst => Color32::WHITE,
            Stance::Undecided if self.dark() => Color32::from_gray(0xdd),
            _ => Color32::BLACK,
        }
    }

    /// The text mark of a stance, so colour is never the only cue.
    pub fn stance_mark(stance: Stance) -> &'static str {
        match stance {
            Stance::StronglyFor => "++",
            Stance::For => "+",
            Stance::Neutral => "0",
            Stance::Against => "−",
            Stance::StronglyAgainst => "−−",
            Stance::Undecided => "?",
        }
    }

    /// The colour of an alternative's status chip.
    pub fn alternative_status(&self, status: AlternativeStatus) -> Color32 {
        match status {
            AlternativeStatus::Proposed => self.weak_text(),
            AlternativeStatus::Shortlisted => Color32::from_rgb(0x56, 0xb4, 0xe9),
            AlternativeStatus::Adopted => Color32::from_rgb(0x00, 0x9e, 0x73),
            AlternativeStatus::Rejected => Color32::from_rgb(0xd5, 0x5e, 0x00),
            AlternativeStatus::Postponed => Color32::from_rgb(0xe6, 0x9f, 0x00),
        }
    }

    /// The colour of an action item's status.
    pub fn action_status(&self, status: ActionStatus) -> Color32 {
        match status {
            ActionStatus::Open => self.weak_text(),
            ActionStatus::InProgress => Color32::from_rgb(0x56, 0xb4, 0xe9),
            ActionStatus::Done => Color32::from_rgb(0x00, 0x9e, 0x73),
            ActionStatus::Cancelled => Color32::from_gray(0x88),
        }
    }

    /// The tint of a SWOT quadrant's header.
    pub fn quadrant(&self, quadrant: Quadrant) -> Color32 {
        match quadrant {
            Quadrant::Strength => Color32::from_rgb(0x00, 0x9e, 0x73),
            Quadrant::Weakness => Color32::from_rgb(0xd5, 0x5e, 0x00),
            Quadrant::Opportunity => Color32::from_rgb(0x00, 0x72, 0xb2),
            Quadrant::Threat => Color32::from_rgb(0xcc, 0x79, 0xa7),
        }
    }

    /// The width [`Theme::chip`] takes for `text` on one line: its text, margins and stroke.
    /// A row of chips breaks before a chip that would not fit (see the Votes card's header).
    pub fn chip_width(&self, ui: &egui::Ui, text: &str) -> f32 {
        let font = egui::FontId::proportional(SMALL_SIZE + 1.0);
        let galley = ui
            .painter()
            .layout_no_wrap(text.to_owned(), font, Color32::PLACEHOLDER);
        galley.size().x + 2.0 * (CHIP_MARGIN_X + CHIP_STROKE)
    }

    /// A coloured chip (status, tag) with its text.
    pub fn chip(
        &self,
        ui: &mut egui::Ui,
        text: impl Into<String>,
        colour: Color32,
    ) -> egui::Response {
        Frame::new()
            .stroke(Stroke::new(CHIP_STROKE, colour))
            .corner_radius(CornerRadius::same(10))
            .inner_margin(Margin::symmetric(CHIP_MARGIN_X as i8, 2))
            .show(ui, |ui| {
                ui.label(
                    egui::RichText::new(text)
                        .color(colour)
                        .size(SMALL_SIZE + 1.0),
                )
            })
            .response
    }
}
