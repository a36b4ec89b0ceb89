//! The roadmap's timeline drawn on the PDF page: the scale's ticks on top, a row per item (its
//! bar from start to due, the done share darker, overdue bars outlined in orange), a dashed
//! line for today and a legend under it. Part of the PDF writer (its `Layout`).

use super::{GREY, INK, Kind, LEFT, Layout, Op, SMALL, TEXT_W, ellipsize};
use crate::report::document::{Timeline, TimelineBar};

const DONE: (u8, u8, u8) = (0, 158, 115);
const PENDING: (u8, u8, u8) = (201, 214, 227);
const PROGRESS: (u8, u8, u8) = (0, 114, 178);
const LATE: (u8, u8, u8) = (213, 94, 0);
const TICK: (u8, u8, u8) = (215, 215, 215);
/// One row's height, in points.
const ROW: f32 = 14.0;
/// The scale's height above the rows.
const SCALE: f32 = 12.0;
/// The label column's share of the width, and the room after the bars for "100 %".
const LABEL_SHARE: f32 = 0.3;
const VALUE_W: f32 = 34.0;

/// Where the bars run: from `x` over `w` points.
#[derive(Clone, Copy)]
struct Track {
    x: f32,
    w: f32,
}

impl Track {
    fn at(self, position: f32) -> f32 {
        self.x + position.clamp(0.0, 1.0) * self.w
    }
}

impl Layout<'_> {
    /// Draws `timeline`, starting a new page when the whole of it does not fit (up to 30
    /// rows; a longer one flows on).
    pub(super) fn timeline(&mut self, timeline: &Timeline) {
        if timeline.bars.is_empty() {
            return;
        }
        let rows = timeline.bars.len() as f32;
        self.need(SMALL * 2.0 + SCALE + ROW * rows.min(30.0) + 24.0);
        let caption = timeline.caption.clone();
        self.tags.open(Kind::Paragraph);
        self.text(LEFT, self.y + SMALL, SMALL, false, GREY, &caption);
        self.tags.close();
        self.y += SMALL * 1.6;
        self.tags.open(Kind::Figure(caption));
        let label_w = TEXT_W * LABEL_SHARE;
        let track = Track {
            x: LEFT + label_w,
            w: TEXT_W - label_w - VALUE_W,
        };
        let top = self.y;
        self.scale(timeline, track);
        for bar in &timeline.bars {
            if self.remaining() < ROW {
                self.new_page();
                self.scale(timeline, track);
            }
            self.bar(bar, track, label_w);
        }
        if let Some((at, label)) = &timeline.today {
            self.today(track.at(*at), top + SCALE, label);
        }
        self.legend(timeline);
        self.tags.close();
        self.y += 8.0;
    }

    fn scale(&mut self, timeline: &Timeline, track: Track) {
        let size = SMALL * 0.8;
        let bottom = self.y + SCALE + ROW * timeline.bars.len() as f32;
        let bottom = bottom.min(self.y + SCALE + self.remaining());
        let mut last_end = f32::MIN;
        for (at, label) in &timeline.ticks {
            let x = track.at(*at);
            let y1 = self.y + SCALE - 2.0;
            self.ops().push(Op::Line {
                x1: x,
                y1,
                x2: x,
                y2: bottom,
                colour: TICK,
            });
            // Labels that would overlap the one before are left out.
            if x > last_end {
                self.text(x + 1.5, self.y + SCALE - 4.0, size, false, GREY, label);
                last_end = x + 1.5 + self.fonts.width(label, false, size) + 3.0;
            }
        }
        self.y += SCALE;
    }

    fn bar(&mut self, bar: &TimelineBar, track: Track, label_w: f32) {
        let size = SMALL * 0.85;
        let baseline = self.y + ROW / 2.0 + size * 0.35;
        let label = ellipsize(self.fonts, &bar.label, false, size, label_w - 6.0);
        self.text(LEFT, baseline, size, false, INK, &label);
        let x = track.at(bar.start);
        let w = (track.at(bar.end) - x).max(3.0);
        let (y, h) = (self.y + 3.0, ROW - 6.0);
        if bar.overdue {
            let colour = LATE;
            self.ops().push(Op::Rect {
                x: x - 1.2,
                y: y - 1.2,
                w: w + 2.4,
                h: h + 2.4,
                colour,
            });
        }
        let (base, filled) = if bar.done {
            (DONE, w)
        } else {
            (PENDING, w * f32::from(bar.progress.min(100)) / 100.0)
        };
        self.ops().push(Op::Rect {
            x,
            y,
            w,
            h,
            colour: base,
        });
        if filled > 0.0 && !bar.done {
            self.ops().push(Op::Rect {
                x,
                y,
                w: filled,
                h,
                colour: PROGRESS,
            });
        }
        let colour = if bar.overdue { LATE } else { INK };
        self.text(x + w + 3.0, baseline, size, false, colour, &bar.text);
        self.y += ROW;
    }

    /// A dashed vertical line from `from` down to the rows' end, its label under it.
    fn today(&mut self, x: f32, from: f32, label: &str) {
        let to = self.y;
        let mut y = from;
        while y < to {
            self.ops().push(Op::Line {
                x1: x,
                y1: y,
                x2: x,
                y2: (y + 3.0).min(to),
                colour: LATE,
            });
            y += 5.0;
        }
        let size = SMALL * 0.8;
        let half = self.fonts.width(label, false, size) / 2.0;
        self.text(x - half, to + size + 1.0, size, false, LATE, label);
    }

    fn legend(&mut self, timeline: &Timeline) {
        let size = SMALL * 0.8;
        let y = self.y + size + 10.0;
        let mut x = LEFT;
        for (colour, word) in [DONE, PROGRESS, LATE].iter().zip(&timeline.legend) {
            self.ops().push(Op::Rect {
                x,
                y: y - size * 0.8,
                w: 8.0,
                h: size * 0.8,
                colour: *colour,
            });
            self.text(x + 11.0, y, size, false, INK, word);
            x += 11.0 + self.fonts.width(word, false, size) + 14.0;
        }
        self.y = y + 4.0;
    }
}
