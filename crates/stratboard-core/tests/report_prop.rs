//! Properties of the export for arbitrary sessions (arbitrary Unicode in every text, every
//! counting method, secret and anonymous votes): every format is produced without panicking,
//! user text never becomes markup (HTML has only the writer's own elements, the Markdown has no
//! raw HTML, links or images when parsed by a CommonMark parser, the DOCX XML is well formed),
//! and a vote whose results are hidden contributes no CSV rows.

#![allow(clippy::unwrap_used)]

mod common;

use common::arbitrary::session;
use proptest::prelude::*;
use stratboard_core::i18n::Language;
use stratboard_core::model::{ResultsVisibility, VoteStatus};
use stratboard_core::report::{self, Format};

/// The elements the HTML writer itself uses.
const HTML_ELEMENTS: [&str; 27] = [
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "strong",
    "ul",
    "li",
    "span",
    "table",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "svg",
    "div",
];
/// SVG elements inside charts (`line`: the roadmap timeline's scale and today).
const SVG_ELEMENTS: [&str; 4] = ["g", "text", "rect", "line"];

fn html_elements_are_the_writers_own(html: &str) -> Result<(), String> {
    for (i, _) in html.match_indices('<') {
        let name: String = html[i + 1..]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        let known = HTML_ELEMENTS.contains(&name.as_str()) || SVG_ELEMENTS.contains(&name.as_str());
        // `<title>` inside an SVG bar is its tooltip; anything else is user text escaping.
        if !known {
            let around: String = html[i..].chars().take(40).collect();
            return Err(format!("unexpected element <{name}> at {around:?}"));
        }
    }
    Ok(())
}

fn markdown_has_no_markup(md: &str) -> Result<(), String> {
    use pulldown_cmark::{Event, Parser, Tag};
    for event in Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                return Err(format!("raw HTML {html:?}"));
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                return Err("a link or an image".into());
            }
            _ => {}
        }
    }
    Ok(())
}

fn xml_is_well_formed(xml: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(error) => return Err(error.to_string()),
        }
    }
}

fn document_xml(docx: &[u8]) -> String {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut part = archive.by_name("word/document.xml").unwrap();
    let mut xml = String::new();
    part.read_to_string(&mut xml).unwrap();
    xml
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_format_is_produced_and_user_text_never_becomes_markup(
        mut session in session(),
        russian in any::<bool>(),
        closed in any::<bool>(),
    ) {
        let language = if russian { Language::Russian } else { Language::English };
        if closed {
            for vote in &mut session.votes {
                vote.status = VoteStatus::Closed;
            }
        }
        let html = String::from_utf8(report::export(&session, Format::Html, language).unwrap()).unwrap();
        prop_assert_eq!(html_elements_are_the_writers_own(&html), Ok(()));
        let md = String::from_utf8(report::export(&session, Format::Markdown, language).unwrap()).unwrap();
        prop_assert_eq!(markdown_has_no_markup(&md), Ok(()));
        let docx = report::export(&session, Format::Docx, language).unwrap();
        prop_assert_eq!(xml_is_well_formed(&document_xml(&docx)), Ok(()));
        let pdf = report::export(&session, Format::Pdf, language);
        prop_assert!(pdf.as_ref().is_ok_and(|b| b.starts_with(b"%PDF-")), "{:?}", pdf.err());
        let csv = String::from_utf8(report::export(&session, Format::Csv, language).unwrap()).unwrap();
        let hidden = session.votes.iter().all(|v| {
            v.status != VoteStatus::Closed && v.visibility == ResultsVisibility::AfterClose
        });
        if hidden {
            prop_assert_eq!(csv.lines().count(), 1, "only the header while results are hidden");
        }
    }
}
