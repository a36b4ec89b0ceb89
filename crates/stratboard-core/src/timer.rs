//! The agenda timer: a countdown for one agenda item, and the clock of the whole session.
//!
//! Pure logic: no egui and no clock reads. Every function takes `now`, a [`Duration`] since an
//! arbitrary epoch (the app passes egui's input time; tests pass whatever they like), so the
//! timer is tested with a mocked clock.
//!
//! The countdown shows whole seconds rounded up ("0:01" until the very end of the last
//! second, "0:00" the moment time is up); the display therefore changes exactly when the
//! remaining time crosses a whole second, and [`AgendaTimer::next_tick`] says when that is,
//! so the UI repaints once a second while the timer runs and never while it does not.

use std::time::Duration;

/// One minute: what "extend" adds.
pub const EXTENSION: Duration = Duration::from_secs(60);

/// The last stretch in which the timer turns amber.
pub const AMBER_FROM: Duration = Duration::from_secs(120);

const NANOS_PER_SEC: i128 = 1_000_000_000;

/// How urgent the countdown is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Phase {
    /// More than two minutes left, or no timebox.
    #[default]
    Calm,
    /// Two minutes or less left.
    Amber,
    /// Time is up (zero or less left).
    Red,
}

/// Whether the timer runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Run {
    /// Never started, or reset.
    #[default]
    Stopped,
    /// Running since `since`, after `before` of earlier running.
    Running { since: Duration, before: Duration },
    /// Paused after `elapsed` of running.
    Paused { elapsed: Duration },
}

/// The countdown of one agenda item: planned time plus extensions, minus the time it ran.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AgendaTimer {
    planned: Duration,
    extensions: u32,
    run: Run,
}

impl AgendaTimer {
    /// A stopped timer for an item planned for `planned_minutes` (0 = no timebox: the timer
    /// then only counts up and stays calm, until extended).
    pub fn new(planned_minutes: u32) -> Self {
        Self {
            planned: minutes(planned_minutes),
            extensions: 0,
            run: Run::Stopped,
        }
    }

    /// Follows a change of the item's planned minutes (the time already run is kept).
    pub fn set_planned_minutes(&mut self, planned_minutes: u32) {
        self.planned = minutes(planned_minutes);
    }

    /// Starts (or resumes) the countdown; does nothing while it runs.
    pub fn start(&mut self, now: Duration) {
        self.run = match self.run {
            Run::Stopped => Run::Running {
                since: now,
                before: Duration::ZERO,
            },
            Run::Paused { elapsed } => Run::Running {
                since: now,
                before: elapsed,
            },
            running @ Run::Running { .. } => running,
        };
    }

    /// Resumes a paused countdown (the same as [`Self::start`]).
    pub fn resume(&mut self, now: Duration) {
        self.start(now);
    }

    /// Freezes the countdown; does nothing unless it runs.
    pub fn pause(&mut self, now: Duration) {
        if let Run::Running { .. } = self.run {
            self.run = Run::Paused {
                elapsed: self.elapsed(now),
            };
        }
    }

    /// Pauses a running countdown, otherwise starts or resumes it (the clicker's one key).
    pub fn toggle(&mut self, now: Duration) {
        if self.is_running() {
            self.pause(now);
        } else {
            self.start(now);
        }
    }

    /// Back to the planned time, stopped, without extensions.
    pub fn reset(&mut self) {
        self.run = Run::Stopped;
        self.extensions = 0;
    }

    /// Adds one minute to the item's time.
    pub fn extend(&mut self) {
        self.extensions = self.extensions.saturating_add(1);
    }

    /// Whether the countdown runs.
    pub fn is_running(&self) -> bool {
        matches!(self.run, Run::Running { .. })
    }

    /// Whether the countdown was started since the last reset (running or paused).
    pub fn is_started(&self) -> bool {
        self.run != Run::Stopped
    }

    /// Whether the item has a timebox (planned minutes or extensions).
    pub fn is_timeboxed(&self) -> bool {
        self.budget() > Duration::ZERO
    }

    /// The item's time: planned plus extensions.
    pub fn budget(&self) -> Duration {
        self.planned + EXTENSION * self.extensions
    }

    /// How long the countdown has run (pauses not counted).
    pub fn elapsed(&self, now: Duration) -> Duration {
        match self.run {
            Run::Stopped => Duration::ZERO,
            Run::Paused { elapsed } => elapsed,
            Run::Running { since, before } => before + now.saturating_sub(since),
        }
    }

    fn remaining_nanos(&self, now: Duration) -> i128 {
        self.budget().as_nanos() as i128 - self.elapsed(now).as_nanos() as i128
    }

    /// The time left in whole seconds as displayed (rounded up; negative when over time).
    pub fn remaining_secs(&self, now: Duration) -> i64 {
        let nanos = self.remaining_nanos(now);
        let secs =
            nanos.div_euclid(NANOS_PER_SEC) + i128::from(nanos.rem_euclid(NANOS_PER_SEC) != 0);
        i64::try_from(secs).unwrap_or(if secs < 0 { i64::MIN } else { i64::MAX })
    }

    /// Calm, amber in the last two minutes, red when time is up. An item without a timebox
    /// is always calm.
    pub fn phase(&self, now: Duration) -> Phase {
        if !self.is_timeboxed() {
            return Phase::Calm;
        }
        let nanos = self.remaining_nanos(now);
        if nanos <= 0 {
            Phase::Red
        } else if nanos <= AMBER_FROM.as_nanos() as i128 {
            Phase::Amber
        } else {
            Phase::Calm
        }
    }

    /// While running: the time until the displayed seconds change next (at most one second),
    /// so the UI repaints about once a second. `None` while stopped or paused.
    pub fn next_tick(&self, now: Duration) -> Option<Duration> {
        if !self.is_running() {
            return None;
        }
        Some(until_next_second(self.remaining_nanos(now)))
    }
}

/// The overall session time: wall time since the first agenda timer was started, pauses and
/// the gaps between items included (what "we are 1 h 25 min in" means in the room).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SessionClock {
    started: Option<Duration>,
}

impl SessionClock {
    /// Starts the clock, unless it already runs.
    pub fn start(&mut self, now: Duration) {
        if self.started.is_none() {
            self.started = Some(now);
        }
    }

    /// Stops the clock and sets it back to zero.
    pub fn reset(&mut self) {
        self.started = None;
    }

    /// Whether the clock runs.
    pub fn is_started(&self) -> bool {
        self.started.is_some()
    }

    /// The time since the clock was started (zero if it was not).
    pub fn elapsed(&self, now: Duration) -> Duration {
        self.started
            .map_or(Duration::ZERO, |started| now.saturating_sub(started))
    }

    /// The elapsed time in whole seconds (rounded down).
    pub fn elapsed_secs(&self, now: Duration) -> i64 {
        i64::try_from(self.elapsed(now).as_secs()).unwrap_or(i64::MAX)
    }

    /// While the clock runs: the time until its displayed whole minutes change (the clock is
    /// shown in hours and minutes, so a paused agenda timer does not keep the UI awake).
    pub fn next_minute(&self, now: Duration) -> Option<Duration> {
        self.started?;
        let nanos = self.elapsed(now).as_nanos();
        let minute = 60 * NANOS_PER_SEC as u128;
        let into = nanos % minute;
        Some(Duration::from_nanos(
            u64::try_from(minute - into).unwrap_or(u64::MAX),
        ))
    }
}

/// The time until a value counting down in nanoseconds crosses the next whole second
/// (a full second when it sits exactly on one).
fn until_next_second(remaining_nanos: i128) -> Duration {
    let into = remaining_nanos.rem_euclid(NANOS_PER_SEC);
    let nanos = if into == 0 { NANOS_PER_SEC } else { into };
    Duration::from_nanos(u64::try_from(nanos).unwrap_or(1_000_000_000))
}

fn minutes(count: u32) -> Duration {
    Duration::from_secs(u64::from(count) * 60)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    fn millis(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    #[test]
    fn a_new_timer_is_stopped_at_the_planned_time() {
        let timer = AgendaTimer::new(10);
        assert!(!timer.is_running());
        assert!(!timer.is_started());
        assert_eq!(timer.remaining_secs(secs(500)), 600);
        assert_eq!(timer.phase(secs(500)), Phase::Calm);
        assert_eq!(timer.next_tick(secs(500)), None);
    }

    #[test]
    fn counts_down_while_running() {
        let mut timer = AgendaTimer::new(10);
        timer.start(secs(100));
        assert!(timer.is_running());
        assert_eq!(timer.remaining_secs(secs(100)), 600);
        assert_eq!(timer.remaining_secs(millis(100_500)), 600, "rounded up");
        assert_eq!(timer.remaining_secs(secs(101)), 599);
        assert_eq!(timer.remaining_secs(secs(400)), 300);
    }

    #[test]
    fn turns_amber_at_two_minutes_left() {
        let mut timer = AgendaTimer::new(10);
        timer.start(Duration::ZERO);
        assert_eq!(timer.phase(millis(479_999)), Phase::Calm);
        assert_eq!(timer.remaining_secs(secs(480)), 120);
        assert_eq!(timer.phase(secs(480)), Phase::Amber);
        assert_eq!(timer.phase(secs(599)), Phase::Amber);
        assert_eq!(timer.phase(millis(599_999)), Phase::Amber);
    }

    #[test]
    fn turns_red_when_time_is_up_and_counts_negative() {
        let mut timer = AgendaTimer::new(1);
        timer.start(Duration::ZERO);
        assert_eq!(timer.remaining_secs(secs(60)), 0);
        assert_eq!(timer.phase(secs(60)), Phase::Red);
        assert_eq!(timer.remaining_secs(millis(60_500)), 0);
        assert_eq!(timer.remaining_secs(secs(61)), -1);
        assert_eq!(timer.remaining_secs(secs(135)), -75);
        assert_eq!(timer.phase(secs(135)), Phase::Red);
    }

    #[test]
    fn pause_freezes_and_resume_continues() {
        let mut timer = AgendaTimer::new(5);
        timer.start(secs(10));
        timer.pause(secs(70));
        assert!(!timer.is_running());
        assert!(timer.is_started());
        assert_eq!(timer.remaining_secs(secs(70)), 240);
        assert_eq!(
            timer.remaining_secs(secs(1_000)),
            240,
            "frozen while paused"
        );
        assert_eq!(timer.next_tick(secs(1_000)), None);
        timer.resume(secs(1_000));
        assert!(timer.is_running());
        assert_eq!(timer.remaining_secs(secs(1_030)), 210);
        assert_eq!(timer.elapsed(secs(1_030)), secs(90));
    }

    #[test]
    fn toggle_starts_and_pauses() {
        let mut timer = AgendaTimer::new(5);
        timer.toggle(secs(0));
        assert!(timer.is_running());
        timer.toggle(secs(30));
        assert!(!timer.is_running());
        assert_eq!(timer.remaining_secs(secs(99)), 270);
        timer.start(secs(100));
        timer.start(secs(200)); // already running: no restart
        assert_eq!(timer.elapsed(secs(200)), secs(130));
    }

    #[test]
    fn extend_adds_a_minute() {
        let mut timer = AgendaTimer::new(2);
        timer.start(Duration::ZERO);
        assert_eq!(timer.phase(secs(130)), Phase::Red);
        timer.extend();
        assert_eq!(timer.budget(), secs(180));
        assert_eq!(timer.remaining_secs(secs(130)), 50);
        assert_eq!(timer.phase(secs(130)), Phase::Amber);
        timer.extend();
        assert_eq!(timer.remaining_secs(secs(130)), 110);
    }

    #[test]
    fn reset_goes_back_to_the_planned_time() {
        let mut timer = AgendaTimer::new(3);
        timer.start(Duration::ZERO);
        timer.extend();
        timer.reset();
        assert!(!timer.is_started());
        assert_eq!(timer.remaining_secs(secs(500)), 180);
        assert_eq!(timer.phase(secs(500)), Phase::Calm);
        assert_eq!(timer.next_tick(secs(500)), None);
    }

    #[test]
    fn next_tick_is_the_next_whole_second_while_running() {
        let mut timer = AgendaTimer::new(10);
        timer.start(secs(5));
        assert_eq!(timer.next_tick(secs(5)), Some(secs(1)));
        assert_eq!(timer.next_tick(millis(5_250)), Some(millis(750)));
        assert_eq!(timer.next_tick(millis(5_999)), Some(millis(1)));
        // Over time, the display keeps changing every second.
        assert_eq!(timer.next_tick(millis(700_400)), Some(millis(600)));
        // A pause at a fraction of a second keeps the phase of the display after resuming.
        timer.pause(millis(6_300));
        assert_eq!(timer.next_tick(secs(8)), None);
        timer.resume(secs(10));
        assert_eq!(timer.next_tick(secs(10)), Some(millis(700)));
    }

    #[test]
    fn next_tick_walks_once_a_second() {
        let mut timer = AgendaTimer::new(1);
        let mut now = millis(123);
        timer.start(now);
        let mut ticks = 0;
        let mut shown = timer.remaining_secs(now);
        while now < millis(123 + 10_000) {
            now += timer.next_tick(now).unwrap();
            let new = timer.remaining_secs(now);
            assert_eq!(
                new,
                shown - 1,
                "each tick changes the display by one second"
            );
            shown = new;
            ticks += 1;
        }
        assert_eq!(ticks, 10);
    }

    #[test]
    fn an_item_without_a_timebox_stays_calm() {
        let mut timer = AgendaTimer::new(0);
        assert!(!timer.is_timeboxed());
        timer.start(Duration::ZERO);
        assert_eq!(timer.phase(secs(3_000)), Phase::Calm);
        assert_eq!(timer.remaining_secs(secs(30)), -30);
        timer.extend();
        assert!(timer.is_timeboxed());
        assert_eq!(timer.remaining_secs(secs(30)), 30);
    }

    #[test]
    fn planned_minutes_follow_the_item() {
        let mut timer = AgendaTimer::new(10);
        timer.start(Duration::ZERO);
        timer.set_planned_minutes(5);
        assert_eq!(timer.remaining_secs(secs(60)), 240);
    }

    #[test]
    fn the_session_clock_counts_pauses_and_ticks_by_the_minute() {
        let mut clock = SessionClock::default();
        assert_eq!(clock.elapsed_secs(secs(50)), 0);
        assert_eq!(clock.next_minute(secs(50)), None);
        clock.start(secs(100));
        clock.start(secs(200)); // already running
        assert_eq!(clock.elapsed_secs(millis(3_700_900)), 3_600);
        assert_eq!(clock.next_minute(secs(130)), Some(secs(30)));
        assert_eq!(clock.next_minute(secs(160)), Some(secs(60)));
        clock.reset();
        assert!(!clock.is_started());
    }
}
