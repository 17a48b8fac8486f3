//! Fuzz target: any bytes named `note.md` through `briefdesk::ingest` (the markdown reader for
//! inputs shaped like the seed corpus), both the main article and every article of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = briefdesk::ingest::ingest("note.md", data);
    let _ = briefdesk::ingest::ingest_all("note.md", data);
});
