//! Fuzzes the participant-list reader: `read_workbook` must never panic or abort on any bytes
//! (CSV, or anything in a ZIP archive taken for XLSX or ODS), and a list it reads must plan
//! without panicking against an empty session.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stratboard_core::model::Session;
use stratboard_core::participants_import::{Mapping, Table, plan, read_workbook};

fuzz_target!(|data: &[u8]| {
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
