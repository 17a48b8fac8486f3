//! The integration tests, one module per feature (each beside its fixtures in
//! `tests/fixtures/`), built as one test binary: one link after a library change instead of one
//! per file. Run one feature with `cargo test --test suite cli::`.

mod common;
#[path = "render_support/png.rs"]
mod png;
#[path = "render_support/structure.rs"]
mod structure;

mod analyze;
mod cli;
mod compose;
mod export;
mod ingest;
mod ingest_batch;
mod ingest_formats;
mod ingest_robust;
mod pathological;
mod project;
mod quality;
mod render;
mod render_paper;
mod render_pdf;
mod render_tagged;
mod render_visual;
mod stories;
