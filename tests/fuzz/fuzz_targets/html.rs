//! Fuzz target: any bytes named `page.html` through `briefdesk::ingest` (the html reader for
//! inputs shaped like the seed corpus), both the main article and every article of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = briefdesk::ingest::ingest("page.html", data);
    let _ = briefdesk::ingest::ingest_all("page.html", data);
});
