//! The phone page: one self-contained HTML file (no external fonts, scripts or CDNs) that
//! joins with a code, shows the open votes with a ballot form for every method, and sends
//! ideas. All text from the session is put in with `textContent`, never as markup.

/// The page, served at `/` and `/join/{code}`.
pub const PHONE_PAGE: &str = include_str!("../assets/phone.html");

#[cfg(test)]
mod tests {
    use super::PHONE_PAGE;

    #[test]
    fn the_page_loads_nothing_from_elsewhere_and_never_writes_markup() {
        for outside in ["http://", "https://", "//cdn", "@import", "<link"] {
            assert!(!PHONE_PAGE.contains(outside), "{outside}");
        }
        assert!(!PHONE_PAGE.contains("innerHTML"));
        assert!(!PHONE_PAGE.contains("document.write"));
    }
}
