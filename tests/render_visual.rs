//! Visual regression: every built-in template rendered on fixture briefs, rasterised with
//! `pdftoppm -r 50`, kept as greyscale PNGs, and compared with the approved page images in
//! `tests/fixtures/render/approved/` with a tolerance (anti-aliasing may differ between
//! poppler versions; a moved line does not pass).
//!
//! Approve a change (after looking at the new images): `BRIEFDESK_BLESS=1 cargo test --test
//! render_visual`. On a mismatch the actual pages are written next to the test binary's
//! temporary folder and the failure names them.

use std::path::{Path, PathBuf};

use briefdesk::render::{render, PageSize, RenderOptions, Templates};
use briefdesk::{Brief, Source};
use common::{fixture_brief, water_talks};

use crate::common;
use crate::png;

/// A pixel counts as changed when its grey level moves by more than this.
const PIXEL_TOLERANCE: u8 = 64;
/// A page fails when more than this share of its pixels changed.
const PAGE_TOLERANCE: f64 = 0.004;

/// The fixture briefs: the long one as stored, a short one, one with many sources.
fn case(name: &str) -> Brief {
    let mut b = water_talks();
    match name {
        "long" => {}
        "short" => {
            b.key_points.truncate(2);
            b.speakers.truncate(1);
            b.sources.truncate(3);
        }
        "many-sources" => {
            let more: Vec<Source> = (0..3)
                .flat_map(|round| {
                    b.sources.iter().map(move |s| Source {
                        title: format!("{} (follow-up {})", s.title, round + 1),
                        ..s.clone()
                    })
                })
                .collect();
            b.sources.extend(more);
            for (i, s) in b.sources.iter_mut().enumerate() {
                s.number = i + 1;
            }
        }
        "mixed-scripts" => b = fixture_brief("mixed-scripts.json"),
        _ => panic!("unknown case {name}"),
    }
    b
}

/// (template, case, page size, expected pages)
const MATRIX: [(&str, &str, PageSize, usize); 6] = [
    ("policy-brief", "long", PageSize::A4, 2),
    ("policy-brief", "many-sources", PageSize::Letter, 3),
    ("one-pager", "long", PageSize::Letter, 1),
    ("one-pager", "short", PageSize::A4, 1),
    ("quote-sheet", "long", PageSize::A4, 2),
    ("policy-brief", "mixed-scripts", PageSize::A4, 1),
];

fn rasterise(pdf: &[u8], dir: &Path) -> Vec<PathBuf> {
    let file = common::write_file(dir, "brief.pdf", pdf);
    let prefix = dir.join("page");
    common::tool(
        "pdftoppm",
        &["-r", "50", "-png", &file, prefix.to_str().unwrap()],
    );
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pages.sort();
    pages
}

/// Share of pixels that differ by more than [`PIXEL_TOLERANCE`]; 1.0 for other sizes.
fn difference(a: &png::Gray, b: &png::Gray) -> f64 {
    if (a.width, a.height) != (b.width, b.height) {
        return 1.0;
    }
    let changed = a
        .pixels
        .iter()
        .zip(&b.pixels)
        .filter(|(x, y)| x.abs_diff(**y) > PIXEL_TOLERANCE)
        .count();
    changed as f64 / a.pixels.len() as f64
}

#[test]
fn templates_look_as_approved() {
    let bless = common::blessing();
    let approved = common::fixtures().join("render/approved");
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("render_visual");
    let _ = std::fs::remove_dir_all(&work);
    let mut failures = Vec::new();
    for (template, name, size, want_pages) in MATRIX {
        let opts = RenderOptions {
            template: template.into(),
            page_size: size,
        };
        let r = render(&case(name), &Templates::builtin(), &opts).unwrap();
        let size_name = format!("{size:?}").to_lowercase();
        let id = format!("{template}-{name}-{size_name}");
        assert_eq!(r.pages, want_pages, "{id}: page count");
        let dir = work.join(&id);
        std::fs::create_dir_all(&dir).unwrap();
        for (n, page) in rasterise(&r.pdf, &dir).iter().enumerate() {
            let target = approved.join(format!("{id}-{}.png", n + 1));
            let got = png::decode(&std::fs::read(page).unwrap()).unwrap();
            if bless {
                std::fs::create_dir_all(&approved).unwrap();
                std::fs::write(&target, png::encode(&got)).unwrap();
                continue;
            }
            let Ok(want) = std::fs::read(&target) else {
                failures.push(format!("{}: no approved image", target.display()));
                continue;
            };
            let want = png::decode(&want).unwrap();
            let d = difference(&got, &want);
            if d > PAGE_TOLERANCE {
                failures.push(format!(
                    "{id} page {}: {:.2} % of pixels differ; actual: {}",
                    n + 1,
                    d * 100.0,
                    page.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nLook at the pages; if the change is intended: BRIEFDESK_BLESS=1 cargo test --test suite render_visual",
        failures.join("\n")
    );
}

#[test]
fn the_comparison_catches_a_moved_line() {
    let r = render(
        &case("short"),
        &Templates::builtin(),
        &RenderOptions {
            template: "one-pager".into(),
            page_size: PageSize::A4,
        },
    )
    .unwrap();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("render_visual_shift");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let page = png::decode(&std::fs::read(&rasterise(&r.pdf, &dir)[0]).unwrap()).unwrap();
    assert_eq!(difference(&page, &page), 0.0);
    // The same page moved down by three pixels (a line shifted by ~4 pt) must not pass.
    let w = page.width as usize;
    let mut shifted = page.clone();
    shifted.pixels = vec![255; 3 * w];
    shifted
        .pixels
        .extend_from_slice(&page.pixels[..page.pixels.len() - 3 * w]);
    assert!(difference(&page, &shifted) > PAGE_TOLERANCE);
}
