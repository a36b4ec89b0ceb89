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
