//! The protocol export: golden Markdown and HTML of every sample in both languages, escaping
//! of hostile text, DOCX package contents, PDF text, CSV ballots and privacy rules.

#![allow(clippy::unwrap_used)]

use std::io::Read as _;
use std::path::Path;

use stratboard_core::i18n::Language;
use stratboard_core::model::{
    Anonymity, Ballot, Choice, ConsentChoice, ResultsVisibility, Session, VoteStatus,
};
use stratboard_core::report::{self, Format};
use stratboard_core::storage;

mod common;

use common::{pdftotext, words};

fn sample(name: &str) -> Session {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("sessions")
        .join(name);
    storage::load(&path).unwrap().session
}

fn text(session: &Session, format: Format, language: Language) -> String {
    String::from_utf8(report::export(session, format, language).unwrap()).unwrap()
}

const SAMPLES: [&str; 5] = [
    "tos-support.ron",
    "tos-support-2018-q2.ron",
    "municipal-school.ron",
    "ngo-offsite.ron",
    "forum/plenary-merged.ron",
];

#[test]
fn markdown_and_html_of_every_sample_match_the_golden_files() {
    for name in SAMPLES {
        let session = sample(name);
        let stem = name.trim_end_matches(".ron").replace('/', "_");
        for (language, code) in [(Language::Russian, "ru"), (Language::English, "en")] {
            insta::assert_snapshot!(
                format!("protocol_{stem}_{code}_md"),
                text(&session, Format::Markdown, language)
            );
            insta::assert_snapshot!(
                format!("protocol_{stem}_{code}_html"),
                text(&session, Format::Html, language)
            );
        }
    }
}

#[test]
fn the_russian_protocol_has_the_parts_of_an_official_protocol() {
    let md = text(
        &sample("tos-support.ron"),
        Format::Markdown,
        Language::Russian,
    );
    let order = [
        "Совет муниципальных образований Томской области",
        "# Протокол стратегической сессии",
        "**Дата проведения:** 12 декабря 2017 г.",
        "**Председательствовал (ведущий):** Захарова Ольга Викторовна",
        "**Секретарь:** Белова Анна Сергеевна",
        // Nobody was registered: the list says who took part, not who was present.
        "## Участники",
        "15 человек",
        "## Повестка дня",
        "## Цели",
        "## Анализ состояния и внутренних возможностей",
        "## Стратегические альтернативы",
        "## Голосования",
        "**За — 14, Против — 0, Воздержались — 0**",
        "**Решение принято.**",
        "## РЕШИЛИ",
        "## План мероприятий (дорожная карта)",
        "Ведущий ____________________ Захарова Ольга Викторовна",
        "Секретарь ____________________ Белова Анна Сергеевна",
    ];
    let mut from = 0;
    for part in order {
        let at = md[from..]
            .find(part)
            .unwrap_or_else(|| panic!("`{part}` missing or out of order"));
        from += at + part.len();
    }
}

#[test]
fn the_protocol_language_does_not_depend_on_anything_but_the_argument() {
    let session = sample("tos-support.ron");
    let en = text(&session, Format::Markdown, Language::English);
    assert!(en.contains("# Minutes of the strategic session"));
    assert!(en.contains("## Decided"));
    assert!(en.contains("**For — 14, Against — 0, Abstain — 0**"));
    assert!(!en.contains("РЕШИЛИ"));
}

/// A session whose user text is hostile markup.
fn hostile() -> Session {
    let mut session = sample("tos-support.ron");
    let evil = "<script>alert(1)</script> &<>\"' **bold** [link](http://x) | # 1. `code`";
    session.meta.title = evil.to_owned();
    session.meta.organisation = evil.to_owned();
    session.alternatives[0].title = evil.to_owned();
    session.decisions[0].statement = evil.to_owned();
    session.participants[0].name = evil.to_owned();
    session.actions[0].what = evil.to_owned();
    session
}

#[test]
fn html_shows_hostile_text_literally() {
    let html = text(&hostile(), Format::Html, Language::Russian);
    assert!(!html.contains("<script>"), "no live script element");
    assert!(!html.contains("alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;&lt;&gt;&quot;&#39;"));
    // No scripts and no event handlers at all.
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.to_lowercase().contains("onerror"));
    assert!(
        !html.contains("src="),
        "self-contained: nothing loaded from outside"
    );
}

#[test]
fn markdown_escapes_hostile_text() {
    let md = text(&hostile(), Format::Markdown, Language::Russian);
    assert!(!md.contains("<script>"));
    assert!(md.contains(r"\<script\>alert(1)\</script\>"));
    assert!(md.contains(r"\*\*bold\*\*"));
    assert!(md.contains(r"\[link\](http://x)"));
    assert!(md.contains(r"\`code\`"));
}

/// A title with a right-to-left override (U+202E) and an isolate: no export carries them (they
/// would show the text around them backwards), and the text itself stays.
#[test]
fn direction_overrides_never_reach_an_export() {
    let mut session = sample("tos-support.ron");
    session.alternatives[0].title = "Парк\u{202e}ecnetnes\u{202c} \u{2066}у реки\u{2069}".into();
    session.participants[0].name = "Анна\u{202e}".into();
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let out = text(&session, format, Language::Russian);
        let bidi = [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2069}',
        ];
        assert!(!out.contains(bidi), "{format:?}");
        if format != Format::Csv {
            assert!(out.contains("Паркecnetnes у реки"), "{format:?}");
        }
    }
    let docx = report::export(&session, Format::Docx, Language::Russian).unwrap();
    assert!(!docx_part(&docx, "word/document.xml").contains('\u{202e}'));
}

fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut xml = String::new();
    part.read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn docx_shows_hostile_text_literally() {
    let bytes = report::export(&hostile(), Format::Docx, Language::Russian).unwrap();
    let xml = docx_part(&bytes, "word/document.xml");
    assert!(!xml.contains("<script>"));
    assert!(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;&lt;&gt;&quot;&apos;"));
}

#[test]
fn docx_has_heading_styles_tables_page_numbers_and_the_decisions() {
    let session = sample("tos-support.ron");
    let bytes = report::export(&session, Format::Docx, Language::Russian).unwrap();
    let document = docx_part(&bytes, "word/document.xml");
    let styles = docx_part(&bytes, "word/styles.xml");
    assert_eq!(
        styles.matches("w:styleId=\"Normal\"").count(),
        1,
        "one Normal style"
    );
    assert!(
        styles.contains("<w:lang w:val=\"ru-RU\""),
        "proofing language"
    );
    for level in 1..=3 {
        assert!(document.contains(&format!("<w:pStyle w:val=\"Heading{level}\" />")));
        assert!(styles.contains(&format!("<w:name w:val=\"heading {level}\" />")));
    }
    assert!(
        document.matches("<w:tbl>").count() >= 5,
        "tables are tables"
    );
    assert!(
        document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""),
        "A4"
    );
    for decision in &session.decisions {
        assert!(
            document.contains(&decision.statement),
            "{}",
            decision.statement
        );
    }
    let core = docx_part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:title>Протокол стратегической сессии — Меры поддержки"));
    assert!(core.contains("<dc:language>ru</dc:language>"));
    assert!(
        core.contains("2017-12-12T00:00:00Z"),
        "dated by the session"
    );
    let footer = docx_part(&bytes, "word/footer1.xml");
    assert!(footer.contains("PAGE"), "page number field");
    assert!(footer.contains("NUMPAGES"));
}

#[test]
fn pdf_text_contains_the_russian_decisions_exactly() {
    // The plain table of action items: a roadmap's narrow columns wrap an item's text between
    // its neighbours' (the roadmap's PDF text is checked in `report_plan.rs`).
    let session = without_plan(sample("tos-support.ron"));
    let pdf = report::export(&session, Format::Pdf, Language::Russian).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/Outlines"), "sections as bookmarks");
    assert!(has(b"<pdfaid:part>2</pdfaid:part>"), "PDF/A-2");
    assert!(
        has(b"<pdfaid:conformance>A</pdfaid:conformance>"),
        "PDF/A-2a"
    );
    assert!(has(b"<pdfuaid:part>1</pdfuaid:part>"), "PDF/UA-1");
    assert!(
        has(b"/StructTreeRoot"),
        "tagged: the logical structure is in the file"
    );
    let Some(extracted) = pdftotext(&pdf) else {
        return;
    };
    let extracted = words(&extracted);
    assert!(extracted.contains("ПРОТОКОЛ СТРАТЕГИЧЕСКОЙ СЕССИИ"));
    assert!(extracted.contains("РЕШИЛИ"));
    for decision in &session.decisions {
        assert!(
            extracted.contains(&words(&decision.statement)),
            "decision missing from the PDF text: {}",
            decision.statement
        );
    }
    for action in &session.actions {
        assert!(extracted.contains(&words(&action.what)), "{}", action.what);
    }
    assert!(extracted.contains("Страница 1 из"), "page numbers");
}

#[test]
fn pdf_of_hostile_text_and_symbols_is_built() {
    let mut session = hostile();
    session.decisions[1].statement = "Стрелки → ← ✓ ★ ∑ ≥ ≤ № «» — – 中文".to_owned();
    let pdf = report::export(&session, Format::Pdf, Language::Russian).unwrap();
    if let Some(extracted) = pdftotext(&pdf) {
        assert!(extracted.contains("<script>alert(1)</script>"));
        assert!(
            extracted.contains("→ ← ✓ ★ ∑ ≥ ≤ № «» — –"),
            "symbols from the fallback font"
        );
    }
}

#[test]
fn a_very_long_word_and_a_huge_cell_do_not_break_the_pdf() {
    // (Without the roadmap, whose timeline also names the item.)
    let mut session = without_plan(sample("tos-support.ron"));
    session.decisions[0].statement = "Ж".repeat(3000);
    session.actions[0].what = "очень длинное поручение ".repeat(400);
    let pdf = report::export(&session, Format::Pdf, Language::Russian).unwrap();
    if let Some(extracted) = pdftotext(&pdf) {
        // The word is cut over lines and pages; every letter is there.
        let markdown = text(&session, Format::Markdown, Language::Russian);
        assert!(markdown.matches('Ж').count() >= 3000);
        assert_eq!(
            extracted.matches('Ж').count(),
            markdown.matches('Ж').count()
        );
        // The huge cell continues over pages (its row is split); no word is lost.
        assert_eq!(
            extracted.matches("поручение").count(),
            markdown.matches("поручение").count()
        );
    }
}

#[test]
fn hidden_alternatives_and_hidden_results_stay_out_of_every_format() {
    let mut session = sample("tos-support.ron");
    session.alternatives[0].title = "СЕКРЕТНАЯ ИДЕЯ".into();
    session.alternatives[0].hidden = true;
    let vote = &mut session.votes[0];
    vote.status = VoteStatus::Open;
    vote.visibility = ResultsVisibility::AfterClose;
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let out = text(&session, format, Language::Russian);
        assert!(!out.contains("СЕКРЕТНАЯ ИДЕЯ"), "{format}");
        assert!(!out.contains("За — 14"), "{format}: hidden results");
    }
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains("1 идея ещё не раскрыта участникам и в протокол не включена."));
    assert!(md.contains("Итоги скрыты до завершения голосования."));
    let csv = text(&session, Format::Csv, Language::Russian);
    assert_eq!(csv.lines().count(), 1, "only the header: {csv}");
}

#[test]
fn open_votes_name_voters_anonymous_and_secret_never_do() {
    let session = sample("tos-support.ron");
    let voter = session.participants[0].name.clone();
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains("**Как голосовали участники:**"));
    assert!(md.contains(&format!("| {voter} | За |")));
    let csv = text(&session, Format::Csv, Language::Russian);
    assert!(csv.contains(&format!(",ballot,{voter},")));
    for anonymity in [Anonymity::Anonymous, Anonymity::Secret] {
        let mut hidden = session.clone();
        hidden.votes[0].anonymity = anonymity;
        if anonymity == Anonymity::Secret {
            for ballot in &mut hidden.votes[0].rounds[0].ballots {
                ballot.voter = None;
            }
        }
        let md = text(&hidden, Format::Markdown, Language::Russian);
        assert!(!md.contains("Как голосовали участники"), "{anonymity:?}");
        assert!(md.contains("**За — 14, Против — 0, Воздержались — 0**"));
        let csv = text(&hidden, Format::Csv, Language::Russian);
        let rows: Vec<&str> = csv.lines().skip(1).collect();
        assert_eq!(rows.len(), 14, "{anonymity:?}");
        for row in rows {
            assert!(row.contains(",ballot,,,1,За"), "{anonymity:?}: {row}");
        }
        for p in &hidden.participants {
            assert!(!csv.contains(&p.name), "{anonymity:?} names {}", p.name);
        }
    }
}

#[test]
fn csv_has_one_row_per_ballot_and_hand_count_and_defuses_formulas() {
    let mut session = sample("tos-support.ron");
    let round = &mut session.votes[0].rounds[0];
    round.ballots.push(Ballot {
        voter: None,
        count: 3,
        choice: Choice::Consent(ConsentChoice::Abstain),
    });
    session.votes[0].question = "=HYPERLINK(\"http://x\"), \"quoted\"".into();
    let csv = text(&session, Format::Csv, Language::English);
    assert!(csv.starts_with('\u{feff}'), "BOM for spreadsheets");
    let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
    assert_eq!(
        lines.next(),
        Some("vote,question,method,round,source,voter,group,count,choice")
    );
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 15);
    assert!(rows.iter().all(|r| {
        r.starts_with("1,\"'=HYPERLINK(\"\"http://x\"\"), \"\"quoted\"\"\",consent,1,ballot,")
    }));
    assert!(rows.last().unwrap().ends_with(",,,3,Abstain"));
}

#[test]
fn every_format_exports_the_empty_session() {
    let session = Session::new("Пусто");
    for format in Format::ALL {
        let bytes = report::export(&session, format, Language::Russian).unwrap();
        assert!(!bytes.is_empty(), "{format}");
    }
}

#[test]
fn every_format_exports_the_large_generated_session() {
    let session = stratboard_core::fixtures::generate(stratboard_core::fixtures::Size::LARGE);
    for format in Format::ALL {
        let bytes = report::export(&session, format, Language::English).unwrap();
        assert!(bytes.len() > 1000, "{format}");
    }
}

#[test]
fn participants_without_any_groups_are_listed_without_a_group_heading() {
    let mut session = Session::new("Без групп");
    session
        .participants
        .push(stratboard_core::model::Participant {
            id: stratboard_core::model::ParticipantId(1),
            name: "Иванов Иван".into(),
            position: "глава".into(),
            ..Default::default()
        });
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(md.contains("1 человек\n\n- Иванов Иван, глава\n"), "{md}");
    assert!(!md.contains("Вне групп"));
}

#[test]
fn ranked_methods_show_their_counts_rounds_and_pairwise_matrix() {
    let base = sample("ngo-offsite.ron");
    let ranked = base
        .votes
        .iter()
        .position(|v| v.method == stratboard_core::model::VoteMethod::Borda)
        .expect("the sample has a Borda vote");
    let md_for = |method: stratboard_core::model::VoteMethod| {
        let mut session = base.clone();
        session.votes[ranked].method = method;
        text(&session, Format::Markdown, Language::English)
    };
    let irv = md_for(stratboard_core::model::VoteMethod::Irv);
    assert!(irv.contains("- Count 1: "), "IRV counts listed");
    assert!(irv.contains("eliminated: "));
    assert!(irv.contains("*First preferences by alternative*"));
    let schulze = md_for(stratboard_core::model::VoteMethod::Schulze);
    assert!(schulze.contains("**Pairwise comparison (row beats column by that many ballots)**"));
    assert!(schulze.contains("*Pairwise wins by alternative*"));
    let borda = md_for(stratboard_core::model::VoteMethod::Borda);
    assert!(borda.contains("| 1 | Farm advisory service | 18 |"));
}

#[test]
fn majority_judgment_shows_grade_names_and_consent_shows_quorum_and_blocks() {
    use stratboard_core::model::{AlternativeId, Score, VoteMethod, VoteRound};
    let mut session = sample("tos-support.ron");
    let a = session.alternatives[0].id;
    let b = session.alternatives[1].id;
    let mut mj = session.votes[0].clone();
    mj.method = VoteMethod::MajorityJudgment {
        grades: vec!["Плохо".into(), "Хорошо".into(), "Отлично".into()],
    };
    mj.alternatives = vec![a, b];
    let grade = |x: AlternativeId, v: i32| Score {
        alternative: x,
        value: v,
    };
    mj.rounds = vec![VoteRound {
        ballots: (0..3)
            .map(|i| Ballot {
                voter: None,
                count: 1,
                choice: Choice::Scores(vec![grade(a, 2), grade(b, i % 2)]),
            })
            .collect(),
        ..VoteRound::default()
    }];
    mj.anonymity = Anonymity::Secret;
    session.votes.push(mj);
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(
        md.contains("| 1 | Субсидии из областного бюджета на поддержку ТОС | Отлично |"),
        "{md}"
    );

    let mut consent = sample("tos-support.ron");
    let vote = &mut consent.votes[0];
    vote.method = VoteMethod::Consent { allow_block: true };
    vote.quorum = Some(20);
    vote.rounds[0].ballots[0].choice = Choice::Consent(ConsentChoice::Block);
    let md = text(&consent, Format::Markdown, Language::Russian);
    assert!(
        md.contains("**За — 13, Против — 0, Воздержались — 0, Вето — 1**"),
        "{md}"
    );
    assert!(md.contains(
        "**Решение не принято. Кворум (20 бюллетеней) не набран. Решение заблокировано (вето).**"
    ));
}

/// Markdown rendered to HTML by a CommonMark parser (with GitHub tables).
fn commonmark(md: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[test]
fn markdown_user_text_never_becomes_structure_in_a_commonmark_renderer() {
    let nasty = [
        "  # heading?",
        " - item?",
        "    code?",
        "1. numbered?",
        "> quote?",
        "---",
        "***",
        "*em* and **strong** and `code`",
        "[link](http://x) <b>bold</b> &amp; <!-- c -->",
        "ends with #",
        "| a | b |",
        "line one\n  # second line heading?\n    code line?",
        "```",
        "~~~",
        "trailing backslash \\",
    ];
    let fill = |text: &str| {
        let mut s = sample("tos-support.ron");
        s.meta.title = text.to_owned();
        s.meta.purpose = text.to_owned();
        s.alternatives[0].title = text.to_owned();
        s.alternatives[0].description = text.to_owned();
        s.alternatives[0].pros[0] = text.to_owned();
        s.decisions[0].statement = text.to_owned();
        s.decisions[0].rationale = text.to_owned();
        s.participants[0].name = text.to_owned();
        s.notes[0].text = text.to_owned();
        s.actions[0].what = text.to_owned();
        s
    };
    let tags = |html: &str| -> Vec<(String, usize)> {
        [
            "<h1",
            "<h2",
            "<h3",
            "<h4",
            "<ul",
            "<ol",
            "<li",
            "<pre",
            "<code",
            "<blockquote",
            "<hr",
            "<a ",
            "<em",
            "<strong",
            "<b>",
            "<table",
            "<tr",
            "<!--",
        ]
        .iter()
        .map(|tag| (tag.to_string(), html.matches(tag).count()))
        .collect()
    };
    let benign = commonmark(&text(&fill("plain"), Format::Markdown, Language::Russian));
    for nasty in nasty {
        let md = text(&fill(nasty), Format::Markdown, Language::Russian);
        let html = commonmark(&md);
        assert_eq!(
            tags(&html),
            tags(&benign),
            "{nasty:?} changed the structure"
        );
    }
}

#[test]
fn a_hidden_alternative_is_never_named_even_in_a_closed_vote() {
    let mut session = sample("ngo-offsite.ron");
    let vote = session
        .votes
        .iter()
        .find(|v| v.status == VoteStatus::Closed)
        .expect("the sample has a closed vote")
        .clone();
    let hidden = vote.alternatives[0];
    let title = session.alternative(hidden).unwrap().title.clone();
    session
        .alternatives
        .iter_mut()
        .find(|a| a.id == hidden)
        .unwrap()
        .hidden = true;
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let out = text(&session, format, Language::English);
        assert!(!out.contains(&title), "{format} names the hidden idea");
    }
    let md = text(&session, Format::Markdown, Language::English);
    assert!(md.contains("Idea not revealed yet"));
    let pdf = report::export(&session, Format::Pdf, Language::English).unwrap();
    if let Some(extracted) = pdftotext(&pdf) {
        assert!(!words(&extracted).contains(&title));
    }
    let docx = report::export(&session, Format::Docx, Language::English).unwrap();
    assert!(!docx_part(&docx, "word/document.xml").contains(&title));
}

#[test]
fn control_and_private_use_characters_are_cleaned_for_every_format() {
    let mut session = sample("tos-support.ron");
    session.decisions[0].statement =
        "\u{f0b7} Первое\u{b}второе\r\nтретье\u{0}\u{feff} конец\u{e123}".to_owned();
    let md = text(&session, Format::Markdown, Language::Russian);
    assert!(
        md.contains("1. • Первое  \n   второе  \n   третье конец□"),
        "{md}"
    );
    let docx = report::export(&session, Format::Docx, Language::Russian).unwrap();
    let xml = docx_part(&docx, "word/document.xml");
    assert!(!xml.contains('\u{0}') && !xml.contains('\u{b}'));
    // PDF/A refuses private-use characters and controls: the export must still succeed.
    let pdf = report::export(&session, Format::Pdf, Language::Russian).unwrap();
    if let Some(extracted) = pdftotext(&pdf) {
        assert!(extracted.contains("• Первое"));
    }
    let csv = text(&session, Format::Csv, Language::Russian);
    assert!(!csv.contains('\u{0}'));
}

#[test]
fn a_participant_whose_group_is_gone_is_listed_with_those_in_no_group() {
    let mut session = sample("tos-support.ron");
    session.participants[2].group = Some(stratboard_core::model::GroupId(9999));
    let name = session.participants[2].name.clone();
    let md = text(&session, Format::Markdown, Language::Russian);
    let no_group = md
        .find("**Вне групп заинтересованных сторон (1)**")
        .expect("the no-group heading");
    assert!(md[no_group..].contains(&name));
    assert!(md.contains("15 человек"));
}

#[test]
fn a_chart_with_no_bars_leaves_no_empty_table_in_the_docx() {
    let mut session = sample("ngo-offsite.ron");
    let vote = session
        .votes
        .iter_mut()
        .find(|v| v.status == VoteStatus::Closed)
        .unwrap();
    vote.alternatives.clear();
    for round in &mut vote.rounds {
        round.ballots.clear();
    }
    let docx = report::export(&session, Format::Docx, Language::English).unwrap();
    let xml = docx_part(&docx, "word/document.xml");
    for table in xml.split("<w:tbl>").skip(1) {
        let table = table.split("</w:tbl>").next().unwrap();
        assert!(table.contains("<w:tr"), "a table without rows");
    }
}

/// `session` without the roadmap's fields of its action items: they are listed in the plain
/// table of action items.
fn without_plan(mut session: Session) -> Session {
    for action in &mut session.actions {
        action.start = None;
        action.co_groups.clear();
        action.expected_result.clear();
        action.indicators.clear();
        action.progress = 0;
        action.reports.clear();
    }
    session
}
