//! Fuzz target: any bytes named `page.mhtml` through `briefdesk::ingest` (the mhtml reader for
//! inputs shaped like the seed corpus), both the main article and every article of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = briefdesk::ingest::ingest("page.mhtml", data);
    let _ = briefdesk::ingest::ingest_all("page.mhtml", data);
});
