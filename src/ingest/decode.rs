//! Decoding of file bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or the
//! zero-byte pattern of ASCII-range UTF-16), else Windows-1252 when that gives plausible text.

use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Why bytes could not be decoded as text.
pub const UNDECODABLE: &str =
    "looks like binary data: the bytes are not valid UTF-8, UTF-16 or Windows-1252 text";

/// The UTF-16 flavour of BOM-less bytes whose every other byte is zero (ASCII-range UTF-16),
/// or `None`.
pub fn bomless_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Latin text in UTF-16 has a zero high byte in nearly every unit and never a zero low byte
    // (that would be U+0000 or U+xx00 characters, rare in prose).
    if odd_zero * 10 >= pairs * 9 && even_zero == 0 {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 9 && odd_zero == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Counts valid multi-byte UTF-8 sequences and invalid bytes.
fn utf8_stats(bytes: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.chars().filter(|c| c.len_utf8() > 1).count();
                return (good, bad);
            }
            Err(e) => {
                let (ok, after) = rest.split_at(e.valid_up_to());
                // Safe by construction: `valid_up_to` bytes are valid UTF-8.
                good += std::str::from_utf8(ok)
                    .map(|s| s.chars().filter(|c| c.len_utf8() > 1).count())
                    .unwrap_or(0);
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                bad += skip;
                rest = &after[skip.min(after.len())..];
            }
        }
    }
}

/// Decodes `bytes` (non-empty, already checked for binary magic numbers and NUL bytes).
///
/// Order: a BOM decides (UTF-8, UTF-16 LE, UTF-16 BE); valid UTF-8 is taken as is; bytes that are
/// mostly valid UTF-8 with a few broken sequences are decoded with replacement characters;
/// anything else is read as Windows-1252 (a superset of Latin-1) when the result is plausible
/// text. Line ends become `\n`.
pub fn decode(bytes: &[u8]) -> Result<String, &'static str> {
    let text = if bytes.starts_with(b"\xEF\xBB\xBF") {
        UTF_8.decode_with_bom_removal(bytes).0.into_owned()
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        utf16(UTF_16LE, bytes)?
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        utf16(UTF_16BE, bytes)?
    } else if let Some(enc) = bomless_utf16(bytes) {
        utf16(enc, bytes)?
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_string()
    } else if let Some(enc) = declared_charset(bytes) {
        enc.decode_without_bom_handling(bytes).0.into_owned()
    } else {
        let (good, bad) = utf8_stats(bytes);
        if good >= 4 * bad {
            String::from_utf8_lossy(bytes).into_owned()
        } else {
            WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        }
    };
    if too_many_controls(&text) {
        return Err(UNDECODABLE);
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Whether decoded text has so many control characters that it cannot be an article.
pub fn too_many_controls(text: &str) -> bool {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(200_000) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            controls += 1;
        }
    }
    // Real text has next to none; random bytes read as Windows-1252 have ~13 %.
    total > 0 && controls * 100 > total
}

/// A single-byte or East Asian charset a page declares in its first 2 KiB
/// (`<meta charset=…>`, `content="text/html; charset=…"`, `<?xml encoding=…?>`), when
/// encoding_rs knows it. UTF-8 and UTF-16 labels are ignored: bytes that are not valid UTF-8
/// contradict them.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset=")
        .map(|p| (p, 8))
        .or_else(|| find(&lower[from..], b"encoding=").map(|p| (p, 9)))
    {
        let start = from + pos.0 + pos.1;
        let label: Vec<u8> = lower[start..]
            .iter()
            .skip_while(|&&c| c == b'"' || c == b'\'' || c == b' ')
            .take_while(|&&c| c.is_ascii_alphanumeric() || b"-_.:".contains(&c))
            .copied()
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(&label) {
            if enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE {
                return Some(enc);
            }
        }
        from = start;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes UTF-16, refusing input where many units are malformed.
fn utf16(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Result<String, &'static str> {
    let (text, _) = enc.decode_with_bom_removal(bytes);
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if replaced * 20 > text.chars().count().max(1) {
        return Err(UNDECODABLE);
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode("héllo “x”".as_bytes()).unwrap(), "héllo “x”");
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(
            decode(b"caf\xE9 \x93quoted\x94\r\nnext").unwrap(),
            "café “quoted”\nnext"
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é “x”".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap(), "é “x”");
        let be: Vec<u8> = "Plain words here"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap(), "Plain words here");
    }

    #[test]
    fn declared_charset_of_a_page() {
        let page = b"<html><head><meta charset=\"koi8-r\"></head><body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>";
        assert!(decode(page).unwrap().contains("Привет"));
        let xml = b"<?xml version='1.0' encoding='ISO-8859-1'?><p>caf\xe9</p>";
        assert!(decode(xml).unwrap().contains("café"));
    }

    #[test]
    fn mostly_utf8_keeps_utf8() {
        let mut b = "“Quote” — é à ü ".repeat(3).into_bytes();
        b.push(0xFF);
        let s = decode(&b).unwrap();
        assert!(s.starts_with("“Quote”"), "{s}");
    }

    #[test]
    fn random_bytes_refused() {
        let b: Vec<u8> = (0u32..2000)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 1)
            .collect();
        assert_eq!(decode(&b), Err(UNDECODABLE));
    }
}
