//! The console of `stratboard.exe`. The program is built for the Windows GUI subsystem, so no
//! console window flashes when it is started from Explorer or the Start menu; such a program
//! has no console of its own, and its output would go nowhere. [`attach_to_parent_console`]
//! attaches it to the console of the terminal (cmd, PowerShell, Windows Terminal) that
//! started it, so the subcommands print there; output redirected to a file or a pipe stays
//! redirected. On other systems both functions do nothing.

#[cfg(windows)]
mod windows;

/// The terminal's console, while the program is attached to it.
#[derive(Debug)]
pub struct Attached {
    #[cfg(windows)]
    inner: windows::Attached,
}

/// Attaches the program to the console of the process that started it, and points standard
/// input, output and error at it where they were not redirected. `None` where there is no
/// such console (started from Explorer, or not on Windows).
pub fn attach_to_parent_console() -> Option<Attached> {
    #[cfg(windows)]
    {
        windows::attach().map(|inner| Attached { inner })
    }
    #[cfg(not(windows))]
    {
        None
    }
}

impl Attached {
    /// Leaves the console again and gives the standard streams back what they had before: the
    /// window runs on its own, and Ctrl+C in that terminal does not close it.
    pub fn detach(self) {
        #[cfg(windows)]
        self.inner.detach();
    }
}
