//! Render stage: PDFs checked with qpdf and poppler (text, fonts, page sizes), templates,
//! markup errors and autoescaping. Set `BRIEFDESK_RENDER_OUT=/tmp/brief.pdf` (and
//! `BRIEFDESK_RENDER_LONG_OUT` for a Letter brief with a long sources table) to keep samples.

use crate::common;

use std::path::Path;
use std::time::Instant;

use briefdesk::files::TemplateFiles;
use briefdesk::render::{
    render, render_markup, render_pdf, PageSize, RenderOptions, TemplateFile, TemplateLoader,
    Templates,
};
use briefdesk::{
    Brief, BriefLine, BriefStatement, Provenance, RenderError, Source, Span, SpeakerGroup,
    StatementKind,
};
use chrono::NaiveDate;
use common::{pdftotext, tool, write_file};

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn prov(article: &str, paragraph: usize) -> Provenance {
    Provenance {
        article_id: article.into(),
        paragraph,
        span: Span::new(0, 10),
    }
}

fn line(text: &str, sources: &[usize]) -> BriefLine {
    BriefLine {
        text: text.into(),
        sources: sources.to_vec(),
        provenance: sources.iter().map(|n| prov(&format!("a{n}"), 0)).collect(),
    }
}

fn statement(
    kind: StatementKind,
    text: &str,
    outlet: &str,
    day: u32,
    source: usize,
) -> BriefStatement {
    BriefStatement {
        kind,
        text: text.into(),
        mention: None,
        outlet: Some(outlet.into()),
        date: Some(date(11, day)),
        source,
        sources: vec![source],
        single_source: true,
        edited: false,
        provenance: prov(&format!("a{source}"), 2),
    }
}

/// A fictional brief on fictional water-sharing talks, long enough for two or more pages.
fn sample_brief() -> Brief {
    use StatementKind::{DirectQuote as Q, Reported as R};
    let outlets = [
        (
            "Neue Zürcher Abendblatt",
            "Talks on Rhine flows resume in Zürich after a six-month pause",
            Some("Jürg Brändli"),
        ),
        (
            "The Lahore Courier",
            "Dār says the upstream proposal “falls short” of the 1998 accord",
            Some("Ayesha Dār"),
        ),
        (
            "Danube Review",
            "Šefčíková: Commission ready to mediate on drought allocations",
            None,
        ),
        (
            "Alpine Ledger",
            "Hydropower operators warn of 14% output cut in dry years",
            Some("Mara Lindqvist"),
        ),
        (
            "Courrier de Genève",
            "Observers doubt a deal before the spring thaw",
            Some("Élodie Marchand"),
        ),
        (
            "Baltic Wire",
            "Insurers price in longer droughts along the Rhine corridor",
            None,
        ),
        (
            "Gulf Standard",
            "Shipping firms reroute as Rhine levels fall to 40-year lows",
            Some("Omar Farouk"),
        ),
        (
            "Nordic Policy Digest",
            "What a water-sharing compact would mean for Europe’s industry",
            Some("Sven Åkesson"),
        ),
    ];
    let sources = outlets
        .iter()
        .enumerate()
        .map(|(i, (outlet, title, byline))| Source {
            number: i + 1,
            article_id: format!("a{}", i + 1),
            outlet: Some((*outlet).into()),
            title: (*title).into(),
            byline: byline.map(Into::into),
            date: Some(date(11, 20 + i as u32)),
            file_name: format!(
                "2026-11-{}-{}.html",
                20 + i,
                outlet.to_lowercase().replace(' ', "-")
            ),
            url: None,
        })
        .collect();
    let long = "The delegations met for nine hours on Thursday and agreed to publish a joint \
                 hydrological baseline — the first since 2019 — before the next round.";
    Brief {
        title: "Rhine water-sharing talks: a deal is possible before spring, but not on current terms".into(),
        subtitle: Some("Positions of the riparian states and the Commission after the Zürich round".into()),
        date: date(11, 28),
        author: Some("Policy Unit, Desk 3 (fictional)".into()),
        marking: "Official – Sensitive".into(),
        bottom_line: vec![
            line("The Zürich round produced a shared data baseline but no movement on drought allocations, the core dispute.", &[1, 3]),
            line("Dār’s rejection of the upstream proposal makes an agreement before the spring thaw unlikely unless the Commission tables a compromise.", &[2, 5]),
            line("Industry is already pricing in longer droughts, which raises the cost of delay.", &[4, 6, 7]),
        ],
        key_points: vec![
            line("Delegations agreed to publish a joint hydrological baseline — the first since 2019 — before the next round in January.", &[1]),
            line("The downstream bloc led by Ayesha Dār called the upstream offer “a step back from the 1998 accord”; its counter-proposal ties allocations to measured flows.", &[2]),
            line("Commissioner Šefčíková offered mediation and a €300 million fund for storage, conditional on a binding drought clause.", &[3]),
            line("Hydropower operators expect a 14% output cut in dry years; insurers and shippers are adjusting premiums and routes now.", &[4, 6, 7]),
            line("Most observers expect no deal before the spring thaw; a partial agreement on data sharing is the likeliest outcome.", &[5, 8]),
        ],
        speakers: vec![
            SpeakerGroup {
                name: "Ayesha Dār".into(),
                role: Some("Chief negotiator of the downstream states (fictional)".into()),
                statements: vec![
                    statement(Q, "This proposal is a step back from the 1998 accord, and we will not sign it in its present form.", "The Lahore Courier", 21, 2),
                    statement(Q, "We’re ready to talk about storage — but only once the drought clause is binding.", "Courrier de Genève", 24, 5),
                    statement(R, "She said the downstream bloc would table its own allocation formula, based on measured flows at Basel, before Christmas.", "The Lahore Courier", 21, 2),
                ],
            },
            SpeakerGroup {
                name: "Lena Šefčíková".into(),
                role: Some("European Commissioner for Environment (fictional)".into()),
                statements: vec![
                    statement(Q, "The Commission is ready to mediate, and ready to pay for storage, if the parties accept a binding drought clause.", "Danube Review", 22, 3),
                    BriefStatement {
                        edited: true,
                        ..statement(R, "According to her spokesperson, the €300 million fund could be disbursed from 2027 if a framework is signed in spring.", "Danube Review", 22, 3)
                    },
                ],
            },
            SpeakerGroup {
                name: "Jürg Brändli".into(),
                role: Some("Swiss federal water envoy (fictional)".into()),
                statements: vec![
                    statement(Q, "Zürich has shown that the data can be shared. The politics is harder, and it will take longer.", "Neue Zürcher Abendblatt", 20, 1),
                    statement(R, long, "Neue Zürcher Abendblatt", 20, 1),
                ],
            },
            SpeakerGroup {
                name: "Mara Lindqvist".into(),
                role: Some("Analyst, Alpine Energy Forum (fictional)".into()),
                statements: vec![
                    statement(Q, "A 14% cut in dry years is our central case, not the worst case – operators are planning for more.", "Alpine Ledger", 23, 4),
                    statement(R, "She said operators had begun to shift maintenance to the summer months to protect winter output.", "Alpine Ledger", 23, 4),
                ],
            },
            SpeakerGroup {
                name: "Unattributed".into(),
                role: None,
                statements: vec![
                    statement(R, "Shipping firms said barges on the middle Rhine were loading at a third of capacity, and that some cargo had moved to rail.", "Gulf Standard", 26, 7),
                    statement(R, "Insurers said premiums for river cargo had risen for a third consecutive quarter.", "Baltic Wire", 25, 6),
                ],
            },
        ],
        stories: Vec::new(),
        sources,
    }
}

fn templates() -> Templates {
    Templates::builtin()
}

fn opts(page_size: PageSize) -> RenderOptions {
    RenderOptions {
        template: "policy-brief".into(),
        page_size,
    }
}

#[test]
fn a4_and_letter_pdfs_pass_qpdf_and_poppler() {
    let dir = tempfile::tempdir().unwrap();
    let brief = sample_brief();
    for (size, expected) in [
        (PageSize::A4, "595.28 x 841.89 pts"),
        (PageSize::Letter, "612 x 792 pts"),
    ] {
        let bytes = render_pdf(&brief, &templates(), &opts(size)).unwrap();
        let path = write_file(dir.path(), &format!("{size:?}.pdf"), &bytes);
        tool("qpdf", &["--check", &path]);

        let info = tool("pdfinfo", &[&path]);
        assert!(info.contains(expected), "{size:?}: {info}");
        assert!(info.contains("Producer:        BriefDesk"), "{info}");
        assert!(
            info.contains("Title:           Rhine water-sharing talks"),
            "{info}"
        );

        let fonts = tool("pdffonts", &[&path]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(rows.len() >= 3, "{fonts}");
        for row in rows {
            let name = row.split_whitespace().next().unwrap();
            let (tag, base) = name
                .split_once('+')
                .unwrap_or_else(|| panic!("no subset tag: {row}"));
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "{row}"
            );
            assert!(base.starts_with("Liberation"), "{row}");
            assert!(row.contains(" yes yes "), "not embedded and subset: {row}");
        }

        let text = pdftotext(&path);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(
            pages.len() >= 2,
            "{size:?}: expected 2+ pages, got {}",
            pages.len()
        );
        for (i, page) in pages.iter().enumerate() {
            assert_eq!(
                page.matches("OFFICIAL – SENSITIVE").count(),
                2,
                "banner top and foot on page {}:\n{page}",
                i + 1
            );
            let footer = format!("Page {} of {}", i + 1, pages.len());
            assert!(page.contains(&footer), "missing {footer:?}:\n{page}");
        }
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for needle in [
            "“This proposal is a step back from the 1998 accord",
            "We’re ready to talk about storage",
            "Zürich",
            "Ayesha Dār",
            "Lena Šefčíková",
            "Sven Åkesson",
            "€300 million",
            "(edited)",
            "— the first since 2019 —",
            "Bottom line",
            "Key statements",
        ] {
            assert!(
                flat.contains(needle),
                "{size:?}: {needle:?} not in the text:\n{text}"
            );
        }
    }
}

#[test]
fn same_input_gives_the_same_text() {
    let dir = tempfile::tempdir().unwrap();
    let brief = sample_brief();
    let a = render_pdf(&brief, &templates(), &opts(PageSize::A4)).unwrap();
    let b = render_pdf(&brief, &templates(), &opts(PageSize::A4)).unwrap();
    let ta = pdftotext(write_file(dir.path(), "a.pdf", &a));
    let tb = pdftotext(write_file(dir.path(), "b.pdf", &b));
    assert_eq!(ta, tb);
    assert!(a == b, "the same brief must give the same bytes");
    if let Some(out) = std::env::var_os("BRIEFDESK_RENDER_OUT") {
        std::fs::write(out, &a).unwrap();
    }
}

#[test]
fn sources_table_header_repeats_and_nothing_is_substituted() {
    let mut brief = sample_brief();
    let mut more = brief.sources.clone();
    for round in 0..6 {
        for s in &brief.sources {
            more.push(Source {
                number: more.len() + 1,
                title: format!("{} (follow-up {})", s.title, round + 1),
                ..s.clone()
            });
        }
    }
    brief.sources = more;
    let rendered = render(&brief, &templates(), &opts(PageSize::Letter)).unwrap();
    assert!(
        rendered.missing_glyphs.is_empty(),
        "{:?}",
        rendered.missing_glyphs
    );
    if let Some(out) = std::env::var_os("BRIEFDESK_RENDER_LONG_OUT") {
        std::fs::write(out, &rendered.pdf).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let text = pdftotext(write_file(dir.path(), "long.pdf", &rendered.pdf));
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), rendered.pages);
    let with_table: Vec<&&str> = pages.iter().filter(|p| p.contains(".html")).collect();
    assert!(with_table.len() >= 2, "the sources table should span pages");
    for page in with_table {
        assert!(
            page.contains("No.") && page.contains("Outlet") && page.contains("Byline"),
            "header not repeated:\n{page}"
        );
    }
}

#[test]
fn missing_glyphs_are_substituted_not_dropped() {
    let mut brief = sample_brief();
    brief.key_points[0].text.push_str(" (漢字 ✓)");
    let rendered = render(&brief, &templates(), &opts(PageSize::A4)).unwrap();
    assert!(
        rendered.missing_glyphs.contains(&'漢'),
        "{:?}",
        rendered.missing_glyphs
    );
    let dir = tempfile::tempdir().unwrap();
    let text = pdftotext(write_file(dir.path(), "m.pdf", &rendered.pdf));
    assert!(text.contains('\u{fffd}') || text.contains('?'), "{text}");
}

#[test]
fn user_template_dir_overrides_a_block() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("desk.html"),
        "{# Desk variant: custom key points. #}\n{% extends \"policy-brief.html\" %}\n\
         {% block key_points %}<h2>Our view</h2><p>Custom block for {{ title }}.</p>{% endblock key_points %}",
    )
    .unwrap();
    let t = Templates::builtin()
        .with_user_templates(&TemplateFiles::in_dir(dir.path()))
        .unwrap();
    let listed = t.list();
    let desk = listed
        .iter()
        .find(|i| i.name == "desk")
        .expect("desk listed");
    assert_eq!(desk.description, "Desk variant: custom key points.");
    assert!(desk.origin.ends_with("desk.html"));
    assert!(listed
        .iter()
        .any(|i| i.name == "policy-brief" && i.origin == "built-in"));

    let brief = sample_brief();
    let markup = render_markup(&brief, &t, "desk").unwrap();
    assert!(markup.contains("<h2>Our view</h2>") && !markup.contains("Key points"));
    let pdf = render_pdf(
        &brief,
        &t,
        &RenderOptions {
            template: "desk.html".into(),
            page_size: PageSize::A4,
        },
    )
    .unwrap();
    let text = pdftotext(write_file(dir.path(), "desk.pdf", &pdf));
    assert!(
        text.contains("Our view") && text.contains("Key statements"),
        "{text}"
    );

    let unchanged = Templates::builtin()
        .with_user_templates(&TemplateFiles::in_dir(dir.path().join("missing")))
        .unwrap();
    assert_eq!(unchanged.list().len(), 3, "the three built-ins");
}

/// Issue 12: the render stage reads no file; a loader in memory gives it user templates.
#[test]
fn templates_come_from_the_callers_loader() {
    struct Memory;
    impl TemplateLoader for Memory {
        fn user_templates(&self) -> Result<Vec<TemplateFile>, RenderError> {
            Ok(vec![TemplateFile {
                name: "memo".into(),
                origin: "memory".into(),
                source: "{% extends \"policy-brief.html\" %}\n\
                         {% block key_points %}<h2>From memory</h2>{% endblock key_points %}"
                    .into(),
            }])
        }
        fn template_file(&self, template: &str) -> Option<Result<TemplateFile, RenderError>> {
            (template == "inline").then(|| {
                Ok(TemplateFile {
                    name: "inline".into(),
                    origin: "memory".into(),
                    source: "<h1>{{ title }}</h1>".into(),
                })
            })
        }
    }
    let (t, name) = Templates::load(&Memory, "memo").unwrap();
    assert_eq!(name, "memo");
    let markup = render_markup(&sample_brief(), &t, &name).unwrap();
    assert!(markup.contains("<h2>From memory</h2>"), "{markup}");
    let (t, name) = Templates::load(&Memory, "inline").unwrap();
    assert_eq!(t.list().len(), 5, "three built-ins, memo and inline");
    let markup = render_markup(&sample_brief(), &t, &name).unwrap();
    assert!(markup.starts_with("<h1>"), "{markup}");
}

#[test]
fn a_user_file_can_replace_a_builtin_and_still_extend_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("policy-brief.html"),
        "{% extends \"builtin/policy-brief.html\" %}\n\
         {% block sources %}<p class=\"note\">Sources withheld.</p>{% endblock sources %}",
    )
    .unwrap();
    let t = Templates::builtin()
        .with_user_templates(&TemplateFiles::in_dir(dir.path()))
        .unwrap();
    let listed = t.list();
    assert_eq!(listed.len(), 3);
    let replaced = listed.iter().find(|i| i.name == "policy-brief").unwrap();
    assert!(replaced.origin.ends_with("policy-brief.html"), "{listed:?}");
    let markup = render_markup(&sample_brief(), &t, "policy-brief.html").unwrap();
    assert!(markup.contains("Sources withheld.") && markup.contains("Key points"));
}

#[test]
fn a_minimal_brief_with_a_tlp_marking_renders_one_page() {
    let brief = Brief {
        title: "Short note".into(),
        subtitle: None,
        date: date(1, 2),
        author: None,
        marking: "TLP:AMBER".into(),
        bottom_line: vec![line("Nothing to report.", &[])],
        key_points: Vec::new(),
        speakers: Vec::new(),
        stories: Vec::new(),
        sources: Vec::new(),
    };
    let rendered = render(&brief, &templates(), &opts(PageSize::A4)).unwrap();
    assert_eq!(rendered.pages, 1);
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "tlp.pdf", &rendered.pdf);
    tool("qpdf", &["--check", &path]);
    let text = pdftotext(&path);
    assert_eq!(text.matches("TLP:AMBER").count(), 2, "{text}");
    assert!(
        text.contains("Page 1 of 1") && text.contains("2 January 2026"),
        "{text}"
    );
    if let Some(out) = std::env::var_os("BRIEFDESK_RENDER_TLP_OUT") {
        std::fs::write(out, &rendered.pdf).unwrap();
    }
}

/// The built-ins and the template file `path`, as `--template PATH` loads them.
fn with_file(path: &Path) -> Result<(Templates, String), RenderError> {
    Templates::builtin().with_template(&TemplateFiles::default(), path.to_str().unwrap())
}

fn render_with_file(path: &Path) -> RenderError {
    let (t, name) = with_file(path).unwrap();
    let opts = RenderOptions {
        template: name.clone(),
        page_size: PageSize::A4,
    };
    match render_pdf(&sample_brief(), &t, &opts) {
        Err(e) => e,
        Ok(_) => panic!(
            "expected an error, the markup was:\n{}",
            render_markup(&sample_brief(), &t, &name).unwrap()
        ),
    }
}

#[test]
fn template_file_with_unknown_tag_is_a_markup_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.html");
    std::fs::write(
        &path,
        "{# Desk note. #}\n<!-- briefdesk-theme: classic -->\n<h1>{{ title }}</h1>\n\
         {% if subtitle %}\n<p class=\"subtitle\">{{ subtitle }}</p>\n{% endif %}\n\
         <p>{{ date }} <blink>now</blink></p>\n",
    )
    .unwrap();
    let err = render_with_file(&path);
    let file = path.display().to_string();
    match &err {
        RenderError::Markup {
            name,
            line,
            message,
        } => {
            assert_eq!(name, &file);
            assert_eq!(*line, 7);
            assert!(message.contains("unknown tag <blink>"), "{message}");
        }
        other => panic!("expected a markup error, got {other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with(&format!("template {file}, line 7: unknown tag <blink>")),
        "{err}"
    );

    std::fs::write(&path, "<p>ok</p>\n\n<p class=\"fancy\">x</p>").unwrap();
    let err = render_with_file(&path);
    assert!(
        matches!(&err, RenderError::Markup { line: 3, message, .. } if message.contains("fancy")),
        "{err:?}"
    );
}

#[test]
fn markup_errors_in_an_extending_template_name_the_child_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.html");
    std::fs::write(
        &path,
        "{# Desk variant. #}\n{% extends \"policy-brief.html\" %}\n\n\
         {% block key_points %}\n<h2>Our view</h2>\n<ul>{% for p in key_points %}\n\
         <li class=\"hot\">{{ p.text }}</li>{% endfor %}</ul>\n{% endblock key_points %}\n",
    )
    .unwrap();
    let err = render_with_file(&path);
    let file = path.display().to_string();
    assert!(
        matches!(&err, RenderError::Markup { name, line: 7, message }
            if *name == file && message.contains("class=\"hot\"")),
        "{err:?}"
    );

    // An element left open in the child: the error points at where it was opened.
    std::fs::write(
        &path,
        "{% extends \"policy-brief.html\" %}\n{% block bottom_line %}\n\
         <div class=\"bottom-line\"><p>{{ title }}</p>\n{% endblock bottom_line %}",
    )
    .unwrap();
    let err = render_with_file(&path);
    assert!(
        matches!(&err, RenderError::Markup { name, line: 3, message }
            if *name == file && message.contains("never closed")),
        "{err:?}"
    );
}

#[test]
fn markup_errors_that_cannot_be_traced_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.html");
    std::fs::write(
        &path,
        "\n{% filter truncate(length=12) | safe %}<p><blink>xx</blink></p>{% endfilter %}",
    )
    .unwrap();
    let err = render_with_file(&path);
    let file = path.display().to_string();
    assert!(
        matches!(&err, RenderError::MarkupOutput { name, line: 2, message }
            if *name == file && message.contains("blink")),
        "{err:?}"
    );
    assert!(err.to_string().contains("could not be traced"), "{err}");
}

#[test]
fn template_syntax_and_name_errors_are_template_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.html");
    std::fs::write(
        &path,
        "<h1>{{ title }}</h1>\n\n<p>{% if title %}unclosed</p>",
    )
    .unwrap();
    let err = with_file(&path).unwrap_err();
    let file = path.display().to_string();
    assert!(
        matches!(&err, RenderError::Template { name, .. } if *name == file),
        "{err:?}"
    );
    let text = err.to_string();
    assert!(text.starts_with(&format!("template {file}: ")), "{text}");
    assert!(text.contains("3:"), "the line of the syntax error: {text}");
    let err = render_markup(&sample_brief(), &Templates::builtin(), "nope").unwrap_err();
    assert!(err.to_string().contains("policy-brief"), "{err}");
}

#[test]
fn imported_text_is_escaped_not_parsed() {
    let mut brief = sample_brief();
    brief.speakers[0].statements[0].text = "<script>alert('x')</script> & <b>not bold</b>".into();
    let markup = render_markup(&brief, &templates(), "policy-brief").unwrap();
    assert!(markup.contains("&lt;script&gt;"), "{markup}");
    let pdf = render_pdf(&brief, &templates(), &opts(PageSize::A4)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = pdftotext(write_file(dir.path(), "esc.pdf", &pdf));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("“<script>alert('x')</script> & <b>not bold</b>”"),
        "{text}"
    );
}

#[test]
fn renders_a_four_page_brief_quickly() {
    let mut brief = sample_brief();
    let extra = brief.speakers.clone();
    for round in ["second", "third"] {
        brief
            .speakers
            .extend(extra.iter().cloned().map(|g| SpeakerGroup {
                name: format!("{} ({round} round)", g.name),
                ..g
            }));
    }
    let sources = brief.sources.clone();
    brief.sources.extend(sources.into_iter().map(|s| Source {
        number: s.number + 8,
        ..s
    }));
    let t = templates();
    let first = render(&brief, &t, &opts(PageSize::A4)).unwrap();
    assert_eq!(first.pages, 4, "the timing brief should have four pages");
    let mut times: Vec<_> = (0..9)
        .map(|_| {
            let start = Instant::now();
            render_pdf(&brief, &t, &opts(PageSize::A4)).unwrap();
            start.elapsed()
        })
        .collect();
    times.sort();
    let each = times[times.len() / 2];
    eprintln!("render_pdf: median {each:?} per four-page brief");
    let limit = if cfg!(debug_assertions) { 3000 } else { 50 };
    assert!(each.as_millis() < limit, "render took {each:?}");
}
