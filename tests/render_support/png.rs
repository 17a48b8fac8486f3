// Included by tests/render_visual.rs (as `mod png`): a decoder for the 8-bit, non-interlaced
// greyscale, RGB and RGBA PNGs `pdftoppm -png` writes (zlib via flate2, then the five PNG row
// filters), giving grey levels.

use std::io::Read;

/// A greyscale image.
#[derive(Debug, Clone, PartialEq)]
pub struct Gray {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// Decodes `data`; an error names what is not supported.
pub fn decode(data: &[u8]) -> Result<Gray, String> {
    let body = data.strip_prefix(b"\x89PNG\r\n\x1a\n").ok_or("not a PNG")?;
    let (width, height, bpp, idat) = chunks(body)?;
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&idat[..])
        .read_to_end(&mut raw)
        .map_err(|e| e.to_string())?;
    let stride = width as usize * bpp;
    if bpp == 0 || raw.len() != (stride + 1) * height as usize {
        return Err("unexpected image data size".into());
    }
    let bytes = unfilter(&raw, stride, height as usize, bpp)?;
    let pixels = bytes
        .chunks(bpp)
        .map(|p| match p {
            [g] => *g,
            [r, g, b, ..] => ((u16::from(*r) * 3 + u16::from(*g) * 6 + u16::from(*b)) / 10) as u8,
            _ => 0,
        })
        .collect();
    Ok(Gray {
        width,
        height,
        pixels,
    })
}

/// The chunks of a PNG's body: width, height, bytes per pixel and the joined image data.
fn chunks(body: &[u8]) -> Result<(u32, u32, usize, Vec<u8>), String> {
    let (mut width, mut height, mut bpp, mut idat) = (0, 0, 0usize, Vec::new());
    let mut at = 0;
    while at + 8 <= body.len() {
        let len = be32(&body[at..]) as usize;
        let kind = &body[at + 4..at + 8];
        let chunk = body.get(at + 8..at + 8 + len).ok_or("truncated chunk")?;
        match kind {
            b"IHDR" => {
                width = be32(chunk);
                height = be32(&chunk[4..]);
                bpp = match chunk[9] {
                    0 => 1,
                    2 => 3,
                    6 => 4,
                    _ => return Err("only greyscale, RGB and RGBA PNGs".into()),
                };
                if chunk[8] != 8 || chunk[12] != 0 {
                    return Err("only 8-bit, non-interlaced PNGs".into());
                }
            }
            b"IDAT" => idat.extend_from_slice(chunk),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    Ok((width, height, bpp, idat))
}

/// Undoes the row filters of inflated image data (`stride` bytes a row after its filter byte).
fn unfilter(raw: &[u8], stride: usize, height: usize, bpp: usize) -> Result<Vec<u8>, String> {
    let mut bytes = vec![0u8; stride * height];
    for y in 0..height {
        let filter = raw[y * (stride + 1)];
        let line = &raw[y * (stride + 1) + 1..(y + 1) * (stride + 1)];
        for x in 0..stride {
            let a = if x >= bpp {
                bytes[y * stride + x - bpp]
            } else {
                0
            };
            let b = if y > 0 {
                bytes[(y - 1) * stride + x]
            } else {
                0
            };
            let c = if x >= bpp && y > 0 {
                bytes[(y - 1) * stride + x - bpp]
            } else {
                0
            };
            let predicted = match filter {
                0 => 0,
                1 => a,
                2 => b,
                3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                4 => paeth(a, b, c),
                f => return Err(format!("unknown row filter {f}")),
            };
            bytes[y * stride + x] = line[x].wrapping_add(predicted);
        }
    }
    Ok(bytes)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// Encodes `img` as an 8-bit greyscale PNG (rows filtered "up", zlib at the best level), the
/// small form the approved images are kept in.
pub fn encode(img: &Gray) -> Vec<u8> {
    use std::io::Write;
    let w = img.width as usize;
    let mut raw = Vec::with_capacity((w + 1) * img.height as usize);
    for y in 0..img.height as usize {
        raw.push(2);
        for x in 0..w {
            let up = if y > 0 {
                img.pixels[(y - 1) * w + x]
            } else {
                0
            };
            raw.push(img.pixels[y * w + x].wrapping_sub(up));
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&raw).expect("writing to memory");
    let idat = z.finish().expect("writing to memory");
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&img.width.to_be_bytes());
    ihdr.extend_from_slice(&img.height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(&b"IHDR"[..], &ihdr[..]), (b"IDAT", &idat), (b"IEND", &[])] {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    out
}
