//! Fuzz target: any bytes named `alert.eml` through `briefdesk::ingest` (the email reader for
//! inputs shaped like the seed corpus), both the main article and every article of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = briefdesk::ingest::ingest("alert.eml", data);
    let _ = briefdesk::ingest::ingest_all("alert.eml", data);
});
