//! Fuzzes the session-file loader: `parse_session` must never panic, overflow the stack or take
//! absurd time on any bytes. When it accepts the input, the session must survive a write/read
//! round trip unchanged, and `validate` must not panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stratboard_core::storage::{parse_session, to_ron_string};

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = parse_session(data) else {
        return;
    };
    let _problems = parsed.session.validate();

    let text = match to_ron_string(&parsed.session) {
        Ok(text) => text,
        Err(error) => panic!("to_ron_string failed on a parsed session: {error}\n{:#?}", parsed.session),
    };
    let parsed2 = match parse_session(text.as_bytes()) {
        Ok(parsed2) => parsed2,
        Err(error) => panic!("re-parsing the written session failed: {error:?}\n--- written text ---\n{text}"),
    };
    assert_eq!(parsed2.migrated_from, None, "written text was not in the current format:\n{text}");
    assert!(
        parsed2.session == parsed.session,
        "round trip changed the session\n--- written text ---\n{text}\n--- first ---\n{:#?}\n--- second ---\n{:#?}",
        parsed.session,
        parsed2.session,
    );
});
