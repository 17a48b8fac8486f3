//! Fuzz target: any bytes named `talks.epub` through `briefdesk::ingest` (the epub reader for
//! inputs shaped like the seed corpus), both the main article and every article of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = briefdesk::ingest::ingest("talks.epub", data);
    let _ = briefdesk::ingest::ingest_all("talks.epub", data);
});
