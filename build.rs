//! Build script: the English stop-word list of the `stop-words` crate written out as one text
//! file (a word a line), so the binary holds one string instead of the crate's tables of every
//! language (~22,000 pointers the loader relocates in every process).

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let words = stop_words::get("en").join("\n");
    std::fs::write(out.join("stop_words_en.txt"), words).expect("write the stop-word list");
    println!("cargo::rerun-if-changed=build.rs");
}
