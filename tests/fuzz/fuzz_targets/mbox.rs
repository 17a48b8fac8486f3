//! Fuzz target: any bytes named `alerts.mbox` through `briefdesk::ingest` (the mbox reader for
//! inputs shaped like the seed corpus), both the main article and every article of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = briefdesk::ingest::ingest("alerts.mbox", data);
    let _ = briefdesk::ingest::ingest_all("alerts.mbox", data);
});
