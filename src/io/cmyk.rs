//! Four-channel JPEGs, as print shops and some scanners write them, turned into the RGB the rest
//! of the studio works in.
//!
//! A CMYK pixel says how much cyan, magenta, yellow and black ink to print, each from none to
//! full. This module uses the textbook conversion `R = 255 (1 - C)(1 - K)`, and likewise G from M
//! and B from Y (C, M, Y and K from 0 to 1). It is **not colour-managed**: a file made for a
//! particular press carries that press's ICC profile, which is ignored here, so a print-ready
//! file can look brighter and more saturated than Photoshop shows it. ImageMagick and Pillow
//! convert the same way unless asked for a profile, and `tests/cmyk.rs` checks that the studio
//! shows what ImageMagick shows. (moxcms, already built for the image crate, could apply the
//! embedded profile; photos of scalps are rarely CMYK, so that is left for when one is.)
//!
//! How the channels are stored. Adobe's applications, which made CMYK JPEGs common, store every
//! channel inverted (255 = no ink) and mark the file with an APP14 "Adobe" segment whose
//! transform flag says how: 0 = the four inverted channels as they are; 2 = YCCK, where the
//! cyan, magenta and yellow ink amounts are compressed like an RGB photo (as Y, Cb and Cr) and
//! the inverted black is kept as it is. A four-channel file without the segment is read as
//! inverted CMYK too: ImageMagick, Pillow and web browsers all do, and a file that means
//! otherwise cannot be told apart.
//!
//! zune-jpeg reads the segment and says which of the two a file is; it is asked for the raw
//! channels and they are converted here, because its own conversion to RGBA (0.5.15) writes 3
//! bytes per 4-byte pixel: grey stripes, with the right quarter of the photo left flat grey.

use zune_core::colorspace::ColorSpace;

use super::photo_format::jpeg_frame;

/// How a four-channel JPEG stores its ink.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InkChannels {
    /// Adobe-inverted cyan, magenta, yellow and black (transform 0, or no Adobe segment).
    Cmyk,
    /// Cyan, magenta and yellow ink as Y, Cb and Cr, then inverted black (transform 2).
    Ycck,
}

impl InkChannels {
    /// How a JPEG with `components` channels that zune-jpeg reads as `colorspace` stores ink, or
    /// `None` for a photo zune-jpeg turns into RGBA itself (grey, YCbCr, RGB).
    pub(crate) fn of(colorspace: Option<ColorSpace>, components: u8) -> Option<Self> {
        match (colorspace, components) {
            (Some(ColorSpace::YCCK), 4) => Some(Self::Ycck),
            (Some(ColorSpace::CMYK), 4) => Some(Self::Cmyk),
            _ => None,
        }
    }

    /// The colour space to ask zune-jpeg for: the file's own four channels, untouched.
    pub(crate) fn raw_colorspace(self) -> ColorSpace {
        match self {
            Self::Cmyk => ColorSpace::CMYK,
            Self::Ycck => ColorSpace::YCCK,
        }
    }
}

/// Turns raw four-channel `pixels` (as [`InkChannels::raw_colorspace`] gives them) into opaque
/// RGBA, in place: both take 4 bytes a pixel, so a 24 MP scan needs no second buffer.
pub(crate) fn ink_to_rgba(pixels: &mut [u8], channels: InkChannels) {
    for pixel in pixels.chunks_exact_mut(4) {
        let key = pixel[3];
        // The inverted cyan, magenta and yellow: 255 - ink, which is (1 - C) in 0-255.
        let inverted = match channels {
            InkChannels::Cmyk => [pixel[0], pixel[1], pixel[2]],
            InkChannels::Ycck => ycc_to_rgb(pixel[0], pixel[1], pixel[2]).map(|ink| 255 - ink),
        };
        for (channel, value) in pixel.iter_mut().zip(inverted) {
            *channel = times(value, key);
        }
        pixel[3] = u8::MAX;
    }
}

/// Whether a later channel of the JPEG's frame is sampled more finely than the first, as
/// jpeg-encoder writes CMYK at lower qualities (black at full resolution, cyan, magenta and
/// yellow halved). zune-jpeg 0.5 upsamples such a frame on the first channel's grid and gets
/// its colours wrong, so the file is refused rather than shown in the wrong colours.
pub(crate) fn has_channel_finer_than_first(jpeg: &[u8]) -> bool {
    let Some(frame) = jpeg_frame(jpeg) else { return false };
    let Some(&(first_h, first_v)) = frame.sampling.first() else { return false };
    frame.sampling.iter().any(|&(h, v)| h > first_h || v > first_v)
}

/// `a * b / 255`, rounded: `255 (1 - C)(1 - K)` from the inverted `(1 - C)` and `(1 - K)`.
fn times(a: u8, b: u8) -> u8 {
    let product = (u32::from(a) * u32::from(b) + 127) / 255;
    // At most (255 * 255 + 127) / 255 = 255.
    u8::try_from(product).unwrap_or(u8::MAX)
}

/// JFIF's YCbCr to RGB, in libjpeg's 16-bit fixed point and rounding, so that the result agrees
/// with libjpeg-based decoders to the level.
fn ycc_to_rgb(y: u8, cb: u8, cr: u8) -> [u8; 3] {
    const HALF: i32 = 1 << 15;
    let (y, cb, cr) = (i32::from(y), i32::from(cb) - 128, i32::from(cr) - 128);
    let red = y + ((91_881 * cr + HALF) >> 16);
    let green = y + ((-22_554 * cb - 46_802 * cr + HALF) >> 16);
    let blue = y + ((116_130 * cb + HALF) >> 16);
    [red, green, blue].map(|value| u8::try_from(value.clamp(0, 255)).unwrap_or(u8::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adobe_cmyk_is_inverted_ink() {
        // No ink at all is white; full black is black whatever else is printed.
        let mut pixels = [255, 255, 255, 255, 0, 0, 0, 0];
        ink_to_rgba(&mut pixels, InkChannels::Cmyk);
        assert_eq!(pixels, [255, 255, 255, 255, 0, 0, 0, 255]);
        // ImageMagick's ink for (200, 30, 30): C 0, M 217, Y 218, K 55, stored inverted.
        let mut red = [255, 38, 37, 200];
        ink_to_rgba(&mut red, InkChannels::Cmyk);
        assert_eq!(red, [200, 30, 29, 255]);
    }

    #[test]
    fn ycck_holds_the_ink_as_ycbcr() {
        // The same red's ink (0, 217, 218) as YCbCr, with the inverted black beside it.
        let mut red = [152, 165, 19, 200];
        ink_to_rgba(&mut red, InkChannels::Ycck);
        assert_eq!(red, [200, 30, 29, 255]);
    }

    #[test]
    fn a_black_channel_finer_than_cyan_is_noticed() {
        // SOI, then a frame header for 16 x 8 pixels in four channels.
        let frame = |black: u8| {
            [0xFF, 0xD8, 0xFF, 0xC0, 0, 20, 8, 0, 8, 0, 16, 4, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1, 4, black, 0]
        };
        assert!(has_channel_finer_than_first(&frame(0x22)));
        assert!(!has_channel_finer_than_first(&frame(0x11)));
        assert!(!has_channel_finer_than_first(&[0xFF, 0xD8, 0xFF]));
    }

    #[test]
    fn only_four_channel_cmyk_and_ycck_are_converted_here() {
        assert_eq!(InkChannels::of(Some(ColorSpace::YCCK), 4), Some(InkChannels::Ycck));
        assert_eq!(InkChannels::of(Some(ColorSpace::CMYK), 4), Some(InkChannels::Cmyk));
        assert_eq!(InkChannels::of(Some(ColorSpace::YCbCr), 3), None);
        assert_eq!(InkChannels::of(Some(ColorSpace::Luma), 1), None);
    }
}
