//! The speaking round in presentation mode: the clicker walks the speakers of an agenda item
//! before it walks the agenda, and each turn has its own countdown.
//!
//! On an item with a speaking round, PageDown (or → ↓, whatever the clicker sends as "next")
//! first starts the countdown of the speaker who has the floor; each further press ends that
//! turn (spoke, now) and gives the floor to the next speaker, whose countdown starts at once.
//! Once everyone has spoken the key moves to the next agenda item as usual. PageUp gives the
//! floor back to the previous speaker whose turn ended in this presentation (their countdown
//! resumes where it stopped); otherwise it moves to the previous item. S skips the speaker who has the floor. T, R and
//! E start/pause, reset and extend the speaker's countdown instead of the item's.
//!
//! Turns are edits of the agenda item (each its own undo step, saved with the session); the
//! countdowns are presentation state like the agenda timers, never saved. Items without
//! speakers keep every key as it was.
//!
//! The presentation (`present.rs`) holds a [`Speaking`], hands it the keys and applies the
//! turns it collects; this module knows nothing of the presentation or the app.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use chrono::{NaiveDateTime, Timelike};

use crate::ui::projector::{TimerDisplay, Urgency};
use crate::ui::sections::session::speaking::NoteState;
use stratboard_core::commands::{Command, Item};
use stratboard_core::model::{AgendaItem, AgendaItemId, SpeakerWho, TurnStatus};
use stratboard_core::timer::{AgendaTimer, Phase};

/// A key of the speaking round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Turn {
    /// The next speaker (or start the first turn).
    Next,
    /// Back to the previous speaker.
    Previous,
    /// Skip the speaker who has the floor.
    Skip,
    /// Start or pause the speaker's countdown.
    Timer,
    /// Reset the speaker's countdown.
    Reset,
    /// Add a minute to the speaker's time.
    Extend,
}

/// The presentation's state of speaking rounds (never saved).
#[derive(Debug, Default)]
pub struct Speaking {
    /// The countdown of each turn, by item and speaker.
    timers: HashMap<(AgendaItemId, SpeakerWho), AgendaTimer>,
    /// The turns ended (spoken or skipped) in this presentation: PageUp gives only those back.
    ended: HashSet<(AgendaItemId, SpeakerWho)>,
    /// Turn changes waiting to be applied to the document.
    pending: Vec<Command>,
    /// The secretary's key-point bar.
    pub notes: NoteState,
}

impl Speaking {
    /// The countdown of turn `index` of `item` (created on first use).
    fn timer_mut(&mut self, item: &AgendaItem, index: usize) -> Option<&mut AgendaTimer> {
        let speaker = item.speakers.get(index)?;
        let timer = self
            .timers
            .entry((item.id, speaker.who))
            .or_insert_with(|| AgendaTimer::new(speaker.minutes));
        timer.set_planned_minutes(speaker.minutes);
        Some(timer)
    }

    /// Whether `item` has a speaking round with someone to take notes about: a speaker who
    /// has the floor, or the last one, when their turn ended in this presentation (a round
    /// finished in the file has no bar).
    pub(super) fn takes_notes_on(&self, item: &AgendaItem) -> bool {
        item.current_speaker().is_some()
            || item
                .previous_speaker()
                .and_then(|p| item.speakers.get(p))
                .is_some_and(|s| self.ended.contains(&(item.id, s.who)))
    }

    /// The turn changes waiting to be applied to the document, taken.
    pub(super) fn take_pending(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.pending)
    }

    fn push(&mut self, item: Option<AgendaItem>) {
        if let Some(item) = item {
            self.pending.push(Command::Update(Item::AgendaItem(item)));
        }
    }

    /// Does `turn` on `item`; returns whether the round took the key (else the key does what
    /// it does on any item). `started` tells whether a countdown was started (the item's
    /// timer and the session clock start with the first turn).
    pub(super) fn act(
        &mut self,
        item: &AgendaItem,
        turn: Turn,
        now: Duration,
        wall: NaiveDateTime,
    ) -> Act {
        if !item.has_speakers() {
            return Act::NotMine;
        }
        let current = item.current_speaker();
        match turn {
            Turn::Next => {
                let Some(current) = current else {
                    return Act::NotMine;
                };
                let Some(timer) = self.timer_mut(item, current) else {
                    return Act::NotMine;
                };
                if !timer.is_started() {
                    timer.start(now);
                    return Act::Started;
                }
                timer.pause(now);
                self.ended.insert((item.id, item.speakers[current].who));
                self.push(item.with_turn_ended(current, TurnStatus::Spoke, Some(wall)));
                if let Some(next) = item.next_speaker()
                    && let Some(timer) = self.timer_mut(item, next)
                {
                    timer.start(now);
                }
                Act::Done
            }
            Turn::Previous => {
                // Only a turn ended in this presentation is given back (a round read from the
                // file, finished, is walked past like any item).
                let Some(previous) = item.previous_speaker().filter(|&p| {
                    item.speakers
                        .get(p)
                        .is_some_and(|s| self.ended.contains(&(item.id, s.who)))
                }) else {
                    return Act::NotMine;
                };
                self.ended.remove(&(item.id, item.speakers[previous].who));
                if let Some(current) = current
                    && let Some(timer) = self.timer_mut(item, current)
                {
                    timer.reset();
                }
                self.push(item.with_turn_reopened(previous));
                if let Some(timer) = self.timer_mut(item, previous)
                    && timer.is_started()
                {
                    timer.resume(now);
                }
                Act::Done
            }
            Turn::Skip => {
                let Some(current) = current else {
                    return Act::Done;
                };
                let running = self.timer_mut(item, current).is_some_and(|timer| {
                    let started = timer.is_started();
                    timer.reset();
                    started
                });
                self.ended.insert((item.id, item.speakers[current].who));
                self.push(item.with_turn_ended(current, TurnStatus::Skipped, None));
                if running
                    && let Some(next) = item.next_speaker()
                    && let Some(timer) = self.timer_mut(item, next)
                {
                    timer.start(now);
                }
                Act::Done
            }
            Turn::Timer | Turn::Reset | Turn::Extend => {
                let Some(timer) = current.and_then(|c| self.timer_mut(item, c)) else {
                    return Act::NotMine;
                };
                match turn {
                    Turn::Timer => timer.toggle(now),
                    Turn::Reset => timer.reset(),
                    _ => timer.extend(),
                }
                if timer.is_running() {
                    Act::Started
                } else {
                    Act::Done
                }
            }
        }
    }

    /// The countdown of the speaker who has the floor in `item`.
    pub(super) fn display(
        &self,
        item: &AgendaItem,
        now: Duration,
        session_secs: i64,
    ) -> Option<TimerDisplay> {
        let speaker = item.speakers.get(item.current_speaker()?)?;
        let mut timer = self
            .timers
            .get(&(item.id, speaker.who))
            .copied()
            .unwrap_or_else(|| AgendaTimer::new(speaker.minutes));
        timer.set_planned_minutes(speaker.minutes);
        Some(TimerDisplay {
            remaining_secs: timer.remaining_secs(now),
            urgency: urgency(timer.phase(now)),
            paused: timer.is_started() && !timer.is_running(),
            session_elapsed_secs: session_secs,
        })
    }

    /// Pauses the countdowns of `item` (the presentation moves to another item).
    pub(super) fn pause_item(&mut self, item: AgendaItemId, now: Duration) {
        for ((owner, _), timer) in &mut self.timers {
            if *owner == item {
                timer.pause(now);
            }
        }
    }

    /// When a running countdown's display changes next.
    pub(super) fn next_tick(&self, now: Duration) -> Option<Duration> {
        self.timers.values().filter_map(|t| t.next_tick(now)).min()
    }
}

/// What the round did with a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Act {
    /// Not a key of this round: it does what it does on any item.
    NotMine,
    /// Taken.
    Done,
    /// Taken, and a countdown runs.
    Started,
}

/// The room's wall-clock time, to the second (when a turn ended).
pub(super) fn wall_clock() -> NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

/// A timer's phase as the projector colours it.
pub(super) fn urgency(phase: Phase) -> Urgency {
    match phase {
        Phase::Calm => Urgency::Calm,
        Phase::Amber => Urgency::Amber,
        Phase::Red => Urgency::Red,
    }
}
