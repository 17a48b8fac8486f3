//! Fuzz target: any bytes named `talks.docx` through `briefdesk::ingest` (the docx reader for
//! inputs shaped like the seed corpus), both the main article and every article of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = briefdesk::ingest::ingest("talks.docx", data);
    let _ = briefdesk::ingest::ingest_all("talks.docx", data);
});
