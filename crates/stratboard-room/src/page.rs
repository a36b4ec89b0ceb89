//! The phone page: one self-contained HTML file (no external fonts, scripts or CDNs) that
//! joins with a code, shows the open votes, each with the ballot form the core describes
//! (`/api/state` carries it; the page names no voting method), and sends ideas. All text from
//! the session is put in with `textContent`, never as markup.

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
