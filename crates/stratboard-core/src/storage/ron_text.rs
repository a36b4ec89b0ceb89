//! Reading RON text with the session reader's options (a nesting limit) and positioned
//! error messages: the one reader under the current format ([`super::format`]), the older
//! formats ([`super::migrate`]) and recovery files ([`super::recovery`]).

use serde::Deserialize;

use super::LoadErrorKind;

/// How deep RON may nest before the reader gives up (a session needs about 8 levels).
const RECURSION_LIMIT: usize = 64;

/// Deserializes `text` as `T` with the session reader's options, turning errors into
/// positioned messages.
pub(super) fn read<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, LoadErrorKind> {
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .from_str(text)
        .map_err(syntax_error)
}

fn syntax_error(error: ron::error::SpannedError) -> LoadErrorKind {
    let message = match &error.code {
        ron::Error::ExceededRecursionLimit => format!(
            "the data is nested more than {RECURSION_LIMIT} levels deep; this is not a session file"
        ),
        ron::Error::Eof => "the file ends too early (is it cut off?)".to_owned(),
        code => code.to_string(),
    };
    LoadErrorKind::Syntax {
        line: error.span.start.line.max(1),
        col: error.span.start.col.max(1),
        message,
    }
}
