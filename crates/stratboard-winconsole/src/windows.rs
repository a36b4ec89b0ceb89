//! The kernel32 calls behind [`crate::attach_to_parent_console`].

use std::os::windows::io::IntoRawHandle;

use windows_sys::Win32::Foundation::{HANDLE, INVALID_HANDLE_VALUE};
use windows_sys::Win32::System::Console::{
    ATTACH_PARENT_PROCESS, AttachConsole, FreeConsole, GetStdHandle, STD_ERROR_HANDLE, STD_HANDLE,
    STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, SetStdHandle,
};

/// The standard streams and the console device each is reopened on.
const STREAMS: [(STD_HANDLE, &str); 3] = [
    (STD_INPUT_HANDLE, "CONIN$"),
    (STD_OUTPUT_HANDLE, "CONOUT$"),
    (STD_ERROR_HANDLE, "CONOUT$"),
];

/// The standard handles as they were before attaching (null when the program was started
/// without any, as from Explorer).
#[derive(Debug)]
pub(crate) struct Attached {
    before: [HANDLE; 3],
}

fn std_handle(stream: STD_HANDLE) -> HANDLE {
    // SAFETY: GetStdHandle only reads the process's standard handle table.
    unsafe { GetStdHandle(stream) }
}

fn set_std_handle(stream: STD_HANDLE, handle: HANDLE) {
    // SAFETY: SetStdHandle only writes the process's standard handle table; the handle is one
    // the table held before or one this process opened and never closes.
    unsafe { SetStdHandle(stream, handle) };
}

/// A handle that refers to something: a file, a pipe or a console.
fn usable(handle: HANDLE) -> bool {
    !handle.is_null() && handle != INVALID_HANDLE_VALUE
}

/// The console device `name` (`CONIN$`, `CONOUT$`) opened for reading and writing.
fn open_console_device(name: &str) -> Option<HANDLE> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(name)
        .ok()?;
    // Kept open for the life of the process: the standard stream refers to it from now on.
    Some(file.into_raw_handle() as HANDLE)
}

pub(crate) fn attach() -> Option<Attached> {
    let before = STREAMS.map(|(stream, _)| std_handle(stream));
    // SAFETY: AttachConsole takes a plain number and fails harmlessly when the parent has no
    // console or this process already has one.
    if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
        return None;
    }
    for ((stream, device), old) in STREAMS.into_iter().zip(before) {
        if usable(old) {
            // Redirected to a file or a pipe: it stays so.
            set_std_handle(stream, old);
        } else if !usable(std_handle(stream))
            && let Some(handle) = open_console_device(device)
        {
            set_std_handle(stream, handle);
        }
    }
    Some(Attached { before })
}

impl Attached {
    pub(crate) fn detach(self) {
        for ((stream, _), old) in STREAMS.into_iter().zip(self.before) {
            set_std_handle(stream, old);
        }
        // SAFETY: FreeConsole only detaches this process from its console; no handle of it is
        // used afterwards, as the standard streams were given back their earlier handles.
        unsafe { FreeConsole() };
    }
}
