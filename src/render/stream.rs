//! PDF content-stream syntax: operators and their operands written straight into bytes, laid
//! out as lopdf writes a `Content` (operands each followed by a space, the operator, a line
//! break between operations; arrays and dictionaries with lopdf's separators).
//!
//! A brief has tens of thousands of glyphs: writing them here, rather than as printpdf
//! operations that become lopdf objects that become bytes, skips two intermediate copies of
//! every page (the tests compare the bytes with lopdf's encoding of the same operations).

use std::io::Write;

/// A content stream being written.
#[derive(Default)]
pub struct Stream {
    bytes: Vec<u8>,
    /// Whether an operation has been written (the next one starts on a new line).
    started: bool,
}

/// One element of a `TJ` array.
#[derive(Clone, Copy)]
pub enum Shown {
    /// A two-byte glyph code, written as a hexadecimal string.
    Code(u16),
    /// A position adjustment in thousandths of an em.
    Adjust(f32),
}

impl Stream {
    /// The bytes written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// Starts an operation: a line break after the previous one.
    fn start(&mut self) -> &mut Self {
        if std::mem::replace(&mut self.started, true) {
            self.bytes.push(b'\n');
        }
        self
    }

    /// A number operand (shortest decimal form, as lopdf writes reals).
    fn real(&mut self, value: f32) -> &mut Self {
        number_into(&mut self.bytes, value);
        self.bytes.push(b' ');
        self
    }

    /// A name operand (`/Name `).
    fn name(&mut self, name: &str) -> &mut Self {
        name_into(&mut self.bytes, name);
        self.bytes.push(b' ');
        self
    }

    fn operator(&mut self, op: &str) {
        self.bytes.extend_from_slice(op.as_bytes());
    }

    /// `op` with the numbers `operands`.
    pub fn numbers(&mut self, operands: &[f32], op: &str) {
        self.start();
        for &v in operands {
            self.real(v);
        }
        self.operator(op);
    }

    /// `op` without operands.
    pub fn bare(&mut self, op: &str) {
        self.start().operator(op);
    }

    /// `/font size Tf`.
    pub fn font(&mut self, resource: &str, size: f32) {
        self.start().name(resource).real(size).operator("Tf");
    }

    /// `[…] TJ`: glyph codes and adjustments.
    pub fn show(&mut self, items: &[Shown]) {
        self.start();
        self.bytes.push(b'[');
        for (i, item) in items.iter().enumerate() {
            match *item {
                Shown::Code(code) => {
                    const HEX: &[u8; 16] = b"0123456789ABCDEF";
                    let digit = |shift: u16| HEX[usize::from((code >> shift) & 0xF)];
                    self.bytes.extend_from_slice(&[
                        b'<',
                        digit(12),
                        digit(8),
                        digit(4),
                        digit(0),
                        b'>',
                    ]);
                }
                Shown::Adjust(v) => {
                    // Numbers are separated from what precedes them; strings are not.
                    if i > 0 {
                        self.bytes.push(b' ');
                    }
                    number_into(&mut self.bytes, v);
                }
            }
        }
        self.bytes.extend_from_slice(b"] TJ");
    }

    /// `/tag <<…>> BDC`: marked content with a property dictionary whose entries are names or
    /// integers, written in the order given.
    pub fn begin_marked(&mut self, tag: &str, properties: &[(&str, Property)]) {
        self.start().name(tag);
        self.bytes.extend_from_slice(b"<<");
        for (key, value) in properties {
            name_into(&mut self.bytes, key);
            match value {
                Property::Name(n) => name_into(&mut self.bytes, n),
                Property::Int(v) => write!(self.bytes, " {v}").expect("writing to a Vec"),
            }
        }
        self.bytes.extend_from_slice(b">> BDC");
    }
}

/// A value of a marked-content property dictionary.
#[derive(Clone, Copy)]
pub enum Property {
    /// A name (`/Layout`).
    Name(&'static str),
    /// An integer (a marked-content id).
    Int(usize),
}

/// Writes `value` as Rust (and lopdf) display an `f32`: whole numbers, the most common
/// operands (adjustments, sizes, the identity matrix), through integer formatting, which is
/// several times faster.
fn number_into(out: &mut Vec<u8>, value: f32) {
    let negative_zero = value == 0.0 && value.is_sign_negative();
    // Below 2^24 every whole number is exact and its shortest form is its digits.
    if value.fract() == 0.0 && value.abs() < 16_777_216.0 && !negative_zero {
        out.extend_from_slice(itoa::Buffer::new().format(value as i32).as_bytes());
    } else {
        write!(out, "{value}").expect("writing to a Vec");
    }
}

/// Writes `/name`, with the bytes a PDF name cannot hold as `#XX` (as lopdf does).
fn name_into(out: &mut Vec<u8>, name: &str) {
    out.push(b'/');
    for &b in name.as_bytes() {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            write!(out, "#{b:02X}").expect("writing to a Vec");
        } else {
            out.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::{Content, Operation};
    use lopdf::{Dictionary, Object, StringFormat};

    /// The operations of [`written`], as lopdf objects.
    fn lopdf_operations() -> Vec<Operation> {
        let reals = |v: &[f32]| v.iter().map(|&x| Object::Real(x)).collect::<Vec<_>>();
        let hex = |c: u16| Object::String(c.to_be_bytes().to_vec(), StringFormat::Hexadecimal);
        let mut mcid = Dictionary::new();
        mcid.set("MCID", Object::Integer(12));
        let mut artifact = Dictionary::new();
        artifact.set("Subtype", Object::Name(b"Header".to_vec()));
        artifact.set("Type", Object::Name(b"Pagination".to_vec()));
        vec![
            Operation::new("BDC", vec![Object::Name(b"P".to_vec()), mcid.into()]),
            Operation::new("BT", vec![]),
            Operation::new("rg", reals(&[0.12156863, 0.22745098, 1.0])),
            Operation::new("Tf", vec![Object::Name(b"F6".to_vec()), 12.5f32.into()]),
            Operation::new("Tm", reals(&[1.0, 0.0, 0.0, 1.0, 56.69, 760.2664])),
            Operation::new(
                "TJ",
                vec![Object::Array(vec![
                    hex(0x0d),
                    Object::Real(-1.0),
                    hex(0x16),
                    hex(0x1a2b),
                    Object::Real(12.5),
                ])],
            ),
            Operation::new("ET", vec![]),
            Operation::new("EMC", vec![]),
            Operation::new(
                "BDC",
                vec![Object::Name(b"Artifact".to_vec()), artifact.into()],
            ),
            Operation::new("re", reals(&[56.69, 573.3, 481.90002, 40.0])),
            Operation::new("f", vec![]),
            Operation::new("EMC", vec![]),
        ]
    }

    /// The same operations through [`Stream`].
    fn written() -> Vec<u8> {
        let mut s = Stream::default();
        s.begin_marked("P", &[("MCID", Property::Int(12))]);
        s.bare("BT");
        s.numbers(&[0.12156863, 0.22745098, 1.0], "rg");
        s.font("F6", 12.5);
        s.numbers(&[1.0, 0.0, 0.0, 1.0, 56.69, 760.2664], "Tm");
        s.show(&[
            Shown::Code(0x0d),
            Shown::Adjust(-1.0),
            Shown::Code(0x16),
            Shown::Code(0x1a2b),
            Shown::Adjust(12.5),
        ]);
        s.bare("ET");
        s.bare("EMC");
        let header = [
            ("Subtype", Property::Name("Header")),
            ("Type", Property::Name("Pagination")),
        ];
        s.begin_marked("Artifact", &header);
        s.numbers(&[56.69, 573.3, 481.90002, 40.0], "re");
        s.bare("f");
        s.bare("EMC");
        s.into_bytes()
    }

    #[test]
    fn bytes_are_lopdfs_encoding_of_the_same_operations() {
        let expected = Content {
            operations: lopdf_operations(),
        }
        .encode()
        .unwrap();
        assert_eq!(
            String::from_utf8(written()).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[test]
    fn numbers_read_as_rust_displays_them() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            12.5,
            760.2664,
            0.12156863,
            -3.0e-7,
            1.0e15,
            -2.5e14,
            123456789.0,
            16_777_215.0,
            16_777_216.0,
            -16_777_215.0,
            f32::MAX,
            f32::MIN_POSITIVE,
        ];
        for v in values {
            let mut out = Vec::new();
            number_into(&mut out, v);
            assert_eq!(String::from_utf8(out).unwrap(), format!("{v}"), "{v:?}");
        }
    }

    #[test]
    fn names_escape_delimiters() {
        let mut out = Vec::new();
        name_into(&mut out, "A B/C");
        assert_eq!(out, b"/A#20B#2FC");
    }
}
