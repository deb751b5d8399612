//! Reading a photo's file: only an ordinary file (never a pipe or a device, see
//! `crate::regular_file`), at most [`MAX_PHOTO_FILE_BYTES`], and hashed in blocks so that
//! checking a photo's checksum costs no more memory for a 1 GB file than for a 1 MB one. Its
//! header alone tells whether the studio can open it at all ([`read_photo_header`]).

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use image::ImageReader;
use sha2::{Digest, Sha256};

use super::photo::{PhotoError, check_pixel_count, decode_photo, is_heif, read_error};
use crate::regular_file::{self, FileKind, OpenError};

/// Larger files are refused unread: even an uncompressed 200 MP TIFF is 600 MB.
pub const MAX_PHOTO_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// The whole content of the photo file at `path`, for decoding.
pub(super) fn read(path: &Path) -> Result<Vec<u8>, PhotoError> {
    regular_file::read(path, MAX_PHOTO_FILE_BYTES).map_err(|e| photo_error(path, e))
}

/// The size of the photo at `path` as its header states it (before any EXIF rotation), read
/// without decoding its pixels: the format must be one the studio reads and the size within its
/// limit, or the error is the one opening the photo would give. HEIC/HEIF photos go through the
/// converter as when they are opened, since only it can tell.
pub fn read_photo_header(path: &Path) -> Result<(u32, u32), PhotoError> {
    let (file, _) = regular_file::open(path, MAX_PHOTO_FILE_BYTES).map_err(|e| photo_error(path, e))?;
    let mut reader = BufReader::new(file);
    let head = reader.fill_buf().map_err(|e| read_error(path, e))?;
    if head.is_empty() {
        return Err(PhotoError::Empty { path: path.to_owned() });
    }
    if is_heif(head) {
        let photo = decode_photo(path, 1)?;
        return Ok((photo.width_px, photo.height_px));
    }
    let reader = ImageReader::new(reader).with_guessed_format().map_err(|e| read_error(path, e))?;
    if reader.format().is_none() {
        return Err(PhotoError::Unsupported { path: path.to_owned() });
    }
    let (width, height) = reader.into_dimensions().map_err(|e| match e {
        image::ImageError::Unsupported(_) => PhotoError::Unsupported { path: path.to_owned() },
        other => PhotoError::Corrupt { path: path.to_owned(), detail: other.to_string() },
    })?;
    check_pixel_count(width, height, path)?;
    Ok((width, height))
}

fn photo_error(path: &Path, error: OpenError) -> PhotoError {
    let path = path.to_owned();
    match error {
        OpenError::Io(source) => read_error(&path, source),
        OpenError::NotAFile(FileKind::Folder) => PhotoError::IsDirectory { path },
        OpenError::NotAFile(kind) => PhotoError::NotAFile { path, kind },
        OpenError::TooLarge { size_bytes } => PhotoError::FileTooLarge { path, size_mib: size_bytes / (1024 * 1024) },
    }
}

/// Lowercase hex SHA-256 of everything `reader` holds, read a block at a time.
pub fn sha256_hex_of(mut reader: impl Read) -> io::Result<String> {
    let mut hasher = Sha256::new();
    io::copy(&mut reader, &mut hasher)?;
    Ok(to_hex(&hasher.finalize()))
}

/// `digest` as lowercase hex.
pub(super) fn to_hex(digest: &[u8]) -> String {
    use std::fmt::Write as _;
    digest.iter().fold(String::with_capacity(2 * digest.len()), |mut hex, byte| {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_in_blocks_gives_the_hash_of_the_whole() {
        let bytes: Vec<u8> = (0..300_000_u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(sha256_hex_of(&bytes[..]).unwrap(), super::super::sha256_hex(&bytes));
        assert_eq!(
            sha256_hex_of(&b""[..]).unwrap(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
