//! Paper sizes: Letter is designed, not resized (same line length as A4, same page count for
//! the fixture brief), and a theme that fixes the paper overrides the caller with a warning.

use crate::common;

use briefdesk::files::TemplateFiles;
use briefdesk::render::{render, PageSize, RenderOptions, Rendered, Templates};
use common::{tool, water_talks, write_file};

fn rendered(templates: &Templates, template: &str, size: PageSize) -> Rendered {
    let opts = RenderOptions {
        template: template.into(),
        page_size: size,
    };
    render(&water_talks(), templates, &opts).unwrap()
}

/// The output of poppler's `cmd` (pdfinfo, pdftotext) on `pdf` with `extra` options first.
fn poppler(cmd: &str, pdf: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "brief.pdf", pdf);
    let mut args = extra.to_vec();
    args.push(&path);
    if cmd == "pdftotext" {
        args.push("-");
    }
    tool(cmd, &args)
}

/// The text lines of the body (no banner, footer or page numbers), in reading order.
fn body_lines(pdf: &[u8]) -> Vec<String> {
    poppler("pdftotext", pdf, &["-enc", "UTF-8"])
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("Page ") && !l.starts_with("OFFICIAL"))
        .map(String::from)
        .collect()
}

#[test]
fn letter_sets_the_same_lines_on_as_many_pages_as_a4() {
    let t = Templates::builtin();
    for template in ["policy-brief", "one-pager", "quote-sheet"] {
        let a4 = rendered(&t, template, PageSize::A4);
        let letter = rendered(&t, template, PageSize::Letter);
        assert_eq!(
            letter.pages, a4.pages,
            "{template}: Letter needs more pages"
        );
        assert!(letter.warnings.is_empty(), "{:?}", letter.warnings);
        let info = poppler("pdfinfo", &letter.pdf, &[]);
        assert!(info.contains("612 x 792 pts"), "{info}");
        // The same measure: the lines break at the same words.
        let (a, l) = (body_lines(&a4.pdf), body_lines(&letter.pdf));
        let differ: Vec<&String> = a.iter().filter(|line| !l.contains(line)).collect();
        assert!(
            differ.len() as f64 <= 0.05 * a.len() as f64,
            "{template}: {} of {} A4 lines are set differently on Letter: {differ:#?}",
            differ.len(),
            a.len()
        );
    }
}

#[test]
fn a_theme_that_fixes_the_paper_wins_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("us-desk.html");
    std::fs::write(
        &path,
        "{% extends \"policy-brief.html\" %}\n\
         {% block theme %}<!-- briefdesk-theme: classic; page-size=letter -->{% endblock theme %}",
    )
    .unwrap();
    let (t, name) = Templates::builtin()
        .with_template(&TemplateFiles::default(), path.to_str().unwrap())
        .unwrap();
    let r = rendered(&t, &name, PageSize::A4);
    let info = poppler("pdfinfo", &r.pdf, &[]);
    assert!(info.contains("612 x 792 pts"), "{info}");
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(
        r.warnings[0].contains("made for Letter paper") && r.warnings[0].contains("not A4"),
        "{}",
        r.warnings[0]
    );
    assert!(rendered(&t, &name, PageSize::Letter).warnings.is_empty());
}
