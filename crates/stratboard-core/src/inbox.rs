//! One way in for every edit, from any thread: a [`CommandSender`] that anyone may clone and
//! keep (a panel, the booth, a room server on its own thread), and the [`Inbox`] the owner of
//! the document drains once per frame.
//!
//! Sending wakes the owner (the window asks for a repaint), and a sender can wait for the
//! outcome — applied, or refused with a typed reason — so a remote caller can answer its
//! client. The inbox belongs to one document: when the window opens another file, the old
//! inbox is dropped and senders still holding it get [`Closed`] instead of editing the wrong
//! session.

use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
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
}

impl Envelope {
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
    /// dropped first, `on_reply` is dropped without being called.
    pub fn request_durable_then(
        &self,
        command: Command,
        on_reply: impl Fn(Reply) + Send + 'static,
    ) -> Result<(), Closed> {
        self.post(Envelope {
            command,
            durable: true,
            own_step: false,
            reply: ReplyTo::Call(Box::new(on_reply)),
        })
    }

    fn request_with(&self, command: Command, durable: bool) -> Result<PendingReply, Closed> {
        let (reply, answer) = mpsc::sync_channel(1);
        self.post(Envelope {
            command,
            durable,
            own_step: false,
            reply: ReplyTo::Channel(reply),
        })?;
        Ok(PendingReply { answer })
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
}

impl PendingReply {
    /// Waits for the outcome, at most `timeout`.
    pub fn wait(self, timeout: Duration) -> Result<Reply, Closed> {
        self.answer.recv_timeout(timeout).map_err(|_| Closed)
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
    /// the next drain).
    pub fn take(&self) -> Vec<Envelope> {
        self.from.try_iter().collect()
    }
}
