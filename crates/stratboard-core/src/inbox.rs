//! One way in for every edit, from any thread: a [`CommandSender`] that anyone may clone and
//! keep (a panel, the booth, a room server on its own thread), and the [`Inbox`] the owner of
//! the document drains once per frame.
//!
//! Sending wakes the owner (the window asks for a repaint), and a sender can wait for the
//! outcome — applied, or refused with a typed reason — so a remote caller can answer its
//! client. The inbox belongs to one document: when the window opens another file, the old
//! inbox is dropped and senders still holding it get [`Closed`] instead of editing the wrong
//! session.
//!
//! A waiter may give up (a phone's request that waited too long): it withdraws its request
//! ([`Claim::withdraw`]), and the owner skips a withdrawn request instead of applying it, so
//! "not taken, try again" is true. If the owner took the request first, withdrawing fails and
//! the waiter waits on for the real answer.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::commands::{Command, CommandError, Outcome};

/// What a command came to: applied (with what it did) or refused (with why).
pub type Reply = Result<Outcome, CommandError>;

/// A function that wakes the owner of the inbox (the window: a repaint request).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// The document that the sender was for is gone (another file was opened, or the window
/// closed), or the reply did not come in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the session is no longer open")]
pub struct Closed;

/// A function called with a command's outcome, on the thread that drains the inbox.
pub type OnReply = Box<dyn Fn(Reply) + Send>;

/// Where a command's outcome goes.
enum ReplyTo {
    /// Nobody waits.
    Nobody,
    /// A [`PendingReply`] waits on a channel.
    Channel(SyncSender<Reply>),
    /// A function is called (an async server completes its own future with it).
    Call(OnReply),
}

/// Where a request a sender waits for stands, shared by the waiter and the owner: waiting in
/// the inbox, taken by the owner to be applied, or withdrawn by the waiter (and so never
/// applied). Each moves out of "waiting" once, whichever comes first.
#[derive(Clone, Debug, Default)]
pub struct Claim(Arc<AtomicU8>);

/// [`Claim`]'s states.
const WAITING: u8 = 0;
const TAKEN: u8 = 1;
const WITHDRAWN: u8 = 2;

impl Claim {
    /// The waiter gives up. `true`: the request was still waiting and now never will be
    /// applied (the waiter may say "not taken"); `false`: the owner has taken it (it is being
    /// applied, or was), so the waiter should wait for its real answer.
    pub fn withdraw(&self) -> bool {
        self.settle(WITHDRAWN) == WITHDRAWN
    }

    /// The owner takes the request to apply it; `false` when it was withdrawn.
    fn take(&self) -> bool {
        self.settle(TAKEN) == TAKEN
    }

    /// Moves from waiting to `to` if still waiting; the state it is in after.
    fn settle(&self, to: u8) -> u8 {
        match self
            .0
            .compare_exchange(WAITING, to, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => to,
            Err(now) => now,
        }
    }
}

/// A command on its way, with where to send its outcome.
pub struct Envelope {
    /// The command.
    pub command: Command,
    /// Whether the sender is answered only once the change is on disk (a phone's ballot).
    pub durable: bool,
    /// Whether the command is an undo step of its own, never merged with the edit before or
    /// after it (a speaking turn, a key point noted during a round).
    pub own_step: bool,
    reply: ReplyTo,
    /// Where a request a sender waits for stands (none for a plain send).
    claim: Option<Claim>,
}

impl Envelope {
    /// The owner takes the command to apply it: `false` when its waiter withdrew it first
    /// (then it must not be applied, nor answered).
    fn take(&self) -> bool {
        self.claim.as_ref().is_none_or(Claim::take)
    }

    /// Whether a sender waits for the outcome (a room's request). Nobody waits for a plain
    /// [`CommandSender::send`]: the owner itself tells its user of a refusal.
    pub fn is_awaited(&self) -> bool {
        !matches!(self.reply, ReplyTo::Nobody)
    }

    /// Tells the sender what became of the command (nothing happens if nobody waits).
    pub fn answer(&self, reply: &Reply) {
        match &self.reply {
            ReplyTo::Nobody => {}
            // The waiting side may have given up; then there is nobody to tell.
            ReplyTo::Channel(to) => {
                to.try_send(reply.clone()).ok();
            }
            ReplyTo::Call(call) => call(reply.clone()),
        }
    }
}

/// The wake-up function, shared by the inbox and every sender.
type WakerSlot = Arc<Mutex<Option<Waker>>>;

/// A cloneable handle that sends commands to one document's inbox.
#[derive(Clone)]
pub struct CommandSender {
    to: Sender<Envelope>,
    waker: WakerSlot,
}

impl std::fmt::Debug for CommandSender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CommandSender")
    }
}

impl CommandSender {
    /// Sends a command without waiting for its outcome (a refusal is shown by the window).
    pub fn send(&self, command: Command) -> Result<(), Closed> {
        self.post(Envelope {
            command,
            durable: false,
            own_step: false,
            reply: ReplyTo::Nobody,
            claim: None,
        })
    }

    /// [`CommandSender::send`] for a command that is an undo step of its own: the owner ends
    /// the current step before applying it and ends its step right after.
    pub fn send_own_step(&self, command: Command) -> Result<(), Closed> {
        self.post(Envelope {
            command,
            durable: false,
            own_step: true,
            reply: ReplyTo::Nobody,
            claim: None,
        })
    }

    /// Sends a command and waits until it has been applied or refused, at most `timeout`.
    /// Call it from another thread than the one that drains the inbox.
    pub fn send_and_wait(&self, command: Command, timeout: Duration) -> Result<Reply, Closed> {
        self.request(command)?.wait(timeout)
    }

    /// Sends a command and returns a handle to wait for its outcome later.
    pub fn request(&self, command: Command) -> Result<PendingReply, Closed> {
        self.request_with(command, false)
    }

    /// Sends `command` and returns a handle that gets the reply only once the change is
    /// durable: the owner saves the document to its file before answering, and takes the
    /// change back (answering [`CommandError::NotSaved`]) when the save fails. A room server
    /// tells a phone "accepted" only on this reply.
    pub fn request_durable(&self, command: Command) -> Result<PendingReply, Closed> {
        self.request_with(command, true)
    }

    /// [`CommandSender::request_durable`] without a thread waiting: `on_reply` is called
    /// with the outcome once the change is durable (or refused), on the thread that drains
    /// the inbox — keep it short (complete a future, send on a channel). If the document is
    /// dropped first, `on_reply` is dropped without being called. The returned [`Claim`]
    /// withdraws the request if the caller stops waiting before the owner takes it.
    pub fn request_durable_then(
        &self,
        command: Command,
        on_reply: impl Fn(Reply) + Send + 'static,
    ) -> Result<Claim, Closed> {
        let claim = Claim::default();
        self.post(Envelope {
            command,
            durable: true,
            own_step: false,
            reply: ReplyTo::Call(Box::new(on_reply)),
            claim: Some(claim.clone()),
        })?;
        Ok(claim)
    }

    fn request_with(&self, command: Command, durable: bool) -> Result<PendingReply, Closed> {
        let (reply, answer) = mpsc::sync_channel(1);
        let claim = Claim::default();
        self.post(Envelope {
            command,
            durable,
            own_step: false,
            reply: ReplyTo::Channel(reply),
            claim: Some(claim.clone()),
        })?;
        Ok(PendingReply { answer, claim })
    }

    fn post(&self, envelope: Envelope) -> Result<(), Closed> {
        self.to.send(envelope).map_err(|_| Closed)?;
        let waker = self
            .waker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some(wake) = waker {
            wake();
        }
        Ok(())
    }
}

/// The outcome of a command sent with [`CommandSender::request`], still to come.
#[derive(Debug)]
pub struct PendingReply {
    answer: Receiver<Reply>,
    claim: Claim,
}

impl PendingReply {
    /// Waits for the outcome, at most `timeout` while the command still waits in the inbox:
    /// then it is withdrawn (never applied) and the answer is [`Closed`]. A command the owner
    /// has already taken is waited for until its real answer comes.
    pub fn wait(self, timeout: Duration) -> Result<Reply, Closed> {
        match self.answer.recv_timeout(timeout) {
            Ok(reply) => Ok(reply),
            Err(RecvTimeoutError::Disconnected) => Err(Closed),
            Err(RecvTimeoutError::Timeout) if self.claim.withdraw() => Err(Closed),
            Err(RecvTimeoutError::Timeout) => self.answer.recv().map_err(|_| Closed),
        }
    }

    /// The outcome, if it has come.
    pub fn try_get(&self) -> Option<Reply> {
        self.answer.try_recv().ok()
    }
}

/// The receiving end: the owner of the document drains it.
pub struct Inbox {
    from: Receiver<Envelope>,
    to: Sender<Envelope>,
    waker: WakerSlot,
}

impl std::fmt::Debug for Inbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Inbox")
    }
}

impl Default for Inbox {
    fn default() -> Self {
        let (to, from) = mpsc::channel();
        Self {
            from,
            to,
            waker: Arc::new(Mutex::new(None)),
        }
    }
}

impl Inbox {
    /// A new sender to this inbox.
    pub fn sender(&self) -> CommandSender {
        CommandSender {
            to: self.to.clone(),
            waker: Arc::clone(&self.waker),
        }
    }

    /// Sets what sending calls to wake the owner.
    pub fn set_waker(&self, waker: Waker) {
        *self.waker.lock().unwrap_or_else(PoisonError::into_inner) = Some(waker);
    }

    /// Whether a waker is set.
    pub fn has_waker(&self) -> bool {
        self.waker
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// The commands waiting, in the order they were sent (those sent while draining wait for
    /// the next drain), each taken by the owner ([`Envelope::take`]); those whose waiter
    /// withdrew them are dropped unapplied.
    pub fn take(&self) -> Vec<Envelope> {
        self.from.try_iter().filter(Envelope::take).collect()
    }
}
