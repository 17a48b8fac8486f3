//! The allocator the binaries ship with (mimalloc, see Cargo.toml), so in-process benchmarks
//! measure what a user runs; included with `#[path = "common/allocator.rs"] mod allocator;`.

/// mimalloc as this benchmark's global allocator, as in src/main.rs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
