//! The phone page: one self-contained HTML file (no external fonts, scripts or CDNs) that
//! joins with a code, shows the open votes, each with the ballot form the core describes
//! (`/api/state` carries it; the page names no voting method), and sends ideas. All text from
//! the session is put in with `textContent`, never as markup.

/// The page, served at `/` and `/join/{code}`.
pub const PHONE_PAGE: &str = include_str!("../assets/phone.html");

/// The page compressed with gzip (made once, at the first request), for the phones that take
/// it: about a quarter of the bytes over a crowded Wi-Fi.
pub fn phone_page_gzip() -> &'static [u8] {
    static GZIPPED: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        use std::io::Write as _;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to memory cannot fail; should it, the page goes out uncompressed instead.
        match encoder.write_all(PHONE_PAGE.as_bytes()) {
            Ok(()) => encoder.finish().unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    });
    &GZIPPED
}

/// The text between `open` and `close` in the page: the one inline element of that kind.
fn inline(open: &str, close: &str) -> &'static str {
    let Some((_, after)) = PHONE_PAGE.split_once(open) else {
        return "";
    };
    after.split_once(close).map_or("", |(inside, _)| inside)
}

/// The page's inline script (the text between `<script>` and `</script>`).
pub fn inline_script() -> &'static str {
    inline("<script>", "</script>")
}

/// The page's inline style sheet (the text between `<style>` and `</style>`).
pub fn inline_style() -> &'static str {
    inline("<style>", "</style>")
}

/// `'sha256-…'`: the Content-Security-Policy source that allows exactly this inline text.
fn hash_source(text: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(text.as_bytes());
    let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
    format!("'sha256-{encoded}'")
}

/// The Content-Security-Policy of every answer: nothing but the room itself, the page's own
/// inline script and style by their SHA-256 (computed once from [`PHONE_PAGE`], so it stays
/// right when the page changes), no framing by another site, no form sent elsewhere.
pub fn content_security_policy() -> &'static str {
    static POLICY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "default-src 'self'; script-src {}; style-src {}; connect-src 'self'; \
             img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            hash_source(inline_script()),
            hash_source(inline_style())
        )
    });
    &POLICY
}

/// Whether a request's `Accept-Encoding` takes gzip (and does not refuse it with `q=0`).
pub fn accepts_gzip(accept_encoding: &str) -> bool {
    accept_encoding.split(',').any(|coding| {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|p| p.replace(' ', "").eq_ignore_ascii_case("q=0"));
        (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{PHONE_PAGE, accepts_gzip, phone_page_gzip};

    #[test]
    fn the_gzipped_page_is_the_page_and_smaller() {
        use std::io::Read as _;
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(phone_page_gzip())
            .read_to_string(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, PHONE_PAGE);
        assert!(phone_page_gzip().len() * 3 < PHONE_PAGE.len());
    }

    #[test]
    fn the_policy_allows_the_pages_one_inline_script_and_style_and_nothing_else() {
        use super::{content_security_policy, inline_script, inline_style};
        assert_eq!(
            PHONE_PAGE.matches("<script").count(),
            1,
            "one inline script"
        );
        assert_eq!(PHONE_PAGE.matches("<style").count(), 1, "one style sheet");
        assert!(inline_script().contains("function api("));
        assert!(inline_style().contains('{'));
        let policy = content_security_policy();
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        for part in [
            "default-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
        ] {
            assert!(policy.contains(part), "{policy}");
        }
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        // No inline handler or style attribute, which the policy would refuse.
        for refused in [" onclick=\"", " onload=\"", " style=\"", "javascript:"] {
            assert!(!PHONE_PAGE.contains(refused), "{refused}");
        }
    }

    #[test]
    fn gzip_is_sent_only_where_it_is_taken() {
        assert!(accepts_gzip("gzip, deflate, br"));
        assert!(accepts_gzip("br;q=1.0, gzip;q=0.8"));
        assert!(!accepts_gzip("gzip;q=0"));
        assert!(!accepts_gzip("identity"));
        assert!(!accepts_gzip(""));
    }

    #[test]
    fn the_page_loads_nothing_from_elsewhere_and_never_writes_markup() {
        for outside in ["http://", "https://", "//cdn", "@import", "<link"] {
            assert!(!PHONE_PAGE.contains(outside), "{outside}");
        }
        assert!(!PHONE_PAGE.contains("innerHTML"));
        assert!(!PHONE_PAGE.contains("document.write"));
    }

    /// The page draws the form `/api/state` describes: no method is named in it, except the
    /// three whose names are also kinds of ballot (`Consent`, `Approval`, `Matrix` are keys
    /// of the `Choice` JSON the page sends).
    #[test]
    fn the_page_names_no_voting_method() {
        let choices = ["Consent", "Approval", "Matrix"];
        let defaults = stratboard_core::model::MethodDefaults::default();
        let words: Vec<&str> = PHONE_PAGE
            .split(|c: char| !c.is_ascii_alphanumeric())
            .collect();
        for info in &stratboard_core::model::METHODS {
            let method = format!("{:?}", (info.new)(&defaults));
            let variant = method.split([' ', '{']).next().unwrap_or_default();
            if !choices.contains(&variant) {
                assert!(!words.contains(&variant), "{variant}");
            }
        }
        assert!(words.contains(&"Consent"), "the words are read");
    }
}
