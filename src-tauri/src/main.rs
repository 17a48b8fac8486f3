//! The BriefDesk desktop app's entry point.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// mimalloc, as the command line uses (the root Cargo.toml says why).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    briefdesk_desktop::run();
}
