//! User text taken in from outside — a phone's idea, a spreadsheet's cell — made safe where it
//! comes in: line breaks kept (as `\n`), a tab as a space, other control characters dropped,
//! and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) dropped, which
//! could otherwise turn the text around it backwards on the board and in the protocol
//! ("Trojan source"). The exports clean again ([`crate::report::document::clean`]), for text
//! that came in before.

/// Whether `c` overrides or isolates the direction of the text around it (U+202A–U+202E,
/// U+2066–U+2069). The marks U+200E/U+200F only hint and are kept.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with control characters other than line breaks and the bidirectional controls
/// dropped, `\r\n` and a lone `\r` as `\n`, a tab as a space.
pub fn clean_input(text: &str) -> String {
    normalise(text, |c, out| {
        if !c.is_control() {
            out.push(c);
        }
    })
}

/// The walk both [`clean_input`] and the exports' cleaning share: `\r\n` and a lone `\r`
/// become `\n`, a tab a space, the bidirectional controls go; every other character is left
/// to `other`, which pushes what it keeps of it.
pub fn normalise(text: &str, mut other: impl FnMut(char, &mut String)) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if is_bidi_control(c) => {}
            c => other(c, &mut out),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_overrides_and_controls_are_dropped_and_lines_kept() {
        let attack = "Парк\u{202e}ecnetnes\u{202c} и\u{2066}школа\u{2069}\u{7}\tдорога\r\nвторая";
        assert_eq!(clean_input(attack), "Паркecnetnes ишкола дорога\nвторая");
        assert_eq!(clean_input("обычный текст"), "обычный текст");
        assert!(!is_bidi_control('\u{200f}'));
    }
}
