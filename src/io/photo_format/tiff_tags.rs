//! The few tags of a TIFF file's first picture that say how its pixels are stored, read
//! without trusting the file: every offset is checked, nothing is allocated, and a file that
//! does not parse gives `None` (its decoder then says what is wrong).

/// How the first picture of a TIFF stores its pixels, with TIFF's defaults for absent tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TiffTags {
    /// 1 = none, 5 = LZW, 7 = JPEG, 8 = Deflate, ...
    pub compression: u64,
    /// 0/1 = grey, 2 = RGB, 3 = palette, 5 = CMYK, 6 = YCbCr, 8 = CIE L*a*b*, ...
    pub photometric: Option<u64>,
    /// Of the first channel (the others are nearly always the same).
    pub bits_per_sample: u64,
    /// 1 = unsigned integer, 2 = signed integer, 3 = floating point.
    pub sample_format: u64,
    pub samples_per_pixel: u64,
    /// 1 = most significant bit first, 2 = least.
    pub fill_order: u64,
}

/// Entries read at most: real files have a few dozen; a hostile one must not keep us long.
const MAX_ENTRIES: u64 = 1024;

impl TiffTags {
    /// The tags of the first picture in `bytes` (classic TIFF or BigTIFF).
    pub(crate) fn read(bytes: &[u8]) -> Option<Self> {
        let little_endian = match bytes.get(..2)? {
            b"II" => true,
            b"MM" => false,
            _ => return None,
        };
        let read = |at: u64, size: u64| -> Option<u64> {
            let start = usize::try_from(at).ok()?;
            let field = bytes.get(start..start.checked_add(usize::try_from(size).ok()?)?)?;
            let fold = |value: u64, byte: &u8| (value << 8) | u64::from(*byte);
            Some(if little_endian { field.iter().rev().fold(0, fold) } else { field.iter().fold(0, fold) })
        };
        // Classic TIFF: 4-byte offsets, 12-byte entries; BigTIFF: 8-byte offsets, 20-byte entries.
        let (offset_size, count_size, entry_size, first) = match read(2, 2)? {
            42 => (4, 2, 12, read(4, 4)?),
            43 => (8, 8, 20, read(8, 8)?),
            _ => return None,
        };
        let mut tags = Self {
            compression: 1,
            photometric: None,
            bits_per_sample: 1,
            sample_format: 1,
            samples_per_pixel: 1,
            fill_order: 1,
        };
        let entries = read(first, count_size)?.min(MAX_ENTRIES);
        for index in 0..entries {
            let entry = first.checked_add(count_size)?.checked_add(index * entry_size)?;
            let value_size = match read(entry.saturating_add(2), 2)? {
                1 | 2 | 6 | 7 => 1,
                3 | 8 => 2,
                4 | 9 | 11 => 4,
                16 | 17 => 8,
                _ => continue,
            };
            let count = read(entry.saturating_add(4), offset_size)?;
            let field = entry.saturating_add(4 + offset_size);
            // A value that fits in the entry is stored there; a longer one where it points.
            let at = if count.checked_mul(value_size)? <= offset_size { field } else { read(field, offset_size)? };
            let first_value = read(at, value_size)?;
            match read(entry, 2)? {
                258 => tags.bits_per_sample = first_value,
                259 => tags.compression = first_value,
                262 => tags.photometric = Some(first_value),
                266 => tags.fill_order = first_value,
                277 => tags.samples_per_pixel = first_value,
                339 => tags.sample_format = first_value,
                _ => {}
            }
        }
        Some(tags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little-endian classic TIFF header whose first picture has `entries` (tag, type,
    /// count, value) and nothing else.
    fn tiff(entries: &[(u16, u16, u32, u32)]) -> Vec<u8> {
        let mut bytes = b"II*\0\x08\0\0\0".to_vec();
        bytes.extend(u16::try_from(entries.len()).unwrap().to_le_bytes());
        for &(tag, kind, count, value) in entries {
            bytes.extend(tag.to_le_bytes());
            bytes.extend(kind.to_le_bytes());
            bytes.extend(count.to_le_bytes());
            bytes.extend(value.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn tags_are_read_inline_and_through_offsets() {
        // Three 16-bit BitsPerSample values do not fit in 4 bytes: they are at offset 100.
        let mut bytes = tiff(&[(258, 3, 3, 100), (259, 3, 1, 34_925), (262, 3, 1, 2), (277, 3, 1, 3)]);
        bytes.resize(100, 0);
        bytes.extend([16, 0, 16, 0, 16, 0]);
        let tags = TiffTags::read(&bytes).unwrap();
        assert_eq!((tags.bits_per_sample, tags.compression, tags.photometric), (16, 34_925, Some(2)));
        assert_eq!((tags.samples_per_pixel, tags.sample_format, tags.fill_order), (3, 1, 1));
    }

    #[test]
    fn broken_headers_give_none_and_never_panic() {
        assert_eq!(TiffTags::read(b"II*\0"), None);
        assert_eq!(TiffTags::read(b"II*\0\xff\xff\xff\xff"), None);
        assert_eq!(TiffTags::read(b"XX*\0\x08\0\0\0"), None);
        let pointing_away = tiff(&[(258, 3, 3, u32::MAX)]);
        assert_eq!(TiffTags::read(&pointing_away), None);
        // Many entries claimed, few present: reading stops at the end of the file.
        let mut short = b"MM\0*\0\0\0\x08".to_vec();
        short.extend([0xFF, 0xFF, 0, 1]);
        assert_eq!(TiffTags::read(&short), None);
    }
}
