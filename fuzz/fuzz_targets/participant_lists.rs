//! Fuzzes the participant-list reader: `read_workbook` must never panic or abort on any bytes
//! (CSV, or anything in a ZIP archive taken for XLSX or ODS), and a list it reads must plan
//! without panicking against an empty session.
//!
//! `read_workbook` takes a panic inside the spreadsheet library (calamine 0.38 overflows on a
//! cell reference with too many column letters) for a damaged file. libFuzzer's panic hook
//! would abort before that recovery, so the hook here only prints: a panic that escapes
//! `read_workbook` still reaches libfuzzer-sys's own `catch_unwind` and aborts as a crash.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stratboard_core::model::Session;
use stratboard_core::participants_import::{Mapping, Table, plan, read_workbook};

static PRINTING_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    PRINTING_HOOK.call_once(|| std::panic::set_hook(Box::new(|info| eprintln!("{info}"))));
    for name in ["list.csv", "list.xlsx", "list.ods", "list"] {
        let Ok(workbook) = read_workbook(name, data) else {
            continue;
        };
        let session = Session::new("s");
        for sheet in &workbook.sheets {
            if let Ok(table) = Table::from_sheet(sheet) {
                let _ = plan(&table, &Mapping::recognise(&table), &session);
            }
        }
    }
});
