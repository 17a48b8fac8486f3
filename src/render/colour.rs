//! The colour type of everything drawn: an RGB triple, each channel 0–1.

/// A colour in RGB, each channel 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// A colour from 0–255 channels.
    pub const fn bytes(r: u8, g: u8, b: u8) -> Rgb {
        Rgb(r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0)
    }
}
