//! Property: for any session, save → load gives an equal session, and saving it again gives
//! identical bytes. Texts are arbitrary Unicode (quotes, backslashes, newlines, `"#`, emoji…).

#![allow(clippy::unwrap_used)]

mod common;

use common::arbitrary::session;
use proptest::prelude::*;
use stratboard_core::storage::{parse_session, to_ron_string};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn save_load_save_is_stable(original in session()) {
        let first = to_ron_string(&original).unwrap();
        let parsed = parse_session(first.as_bytes()).unwrap();
        prop_assert_eq!(parsed.migrated_from, None);
        prop_assert!(parsed.session == original, "load(save(s)) == s");
        let second = to_ron_string(&parsed.session).unwrap();
        prop_assert_eq!(first, second);
    }
}
