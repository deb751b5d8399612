//! Reading files that must be ordinary files. A design or photo path may name a named pipe (a
//! FIFO), a device such as `/dev/zero`, or a socket; reading one either waits for a writer that
//! never comes or never ends, so each is refused with what it is before anything is read.
//!
//! The kind is checked twice: on the path, so that a device is never even opened, and on the
//! opened handle, so that a file swapped for a pipe between the two cannot hang the read. The
//! handle is opened non-blocking (and never as a controlling terminal), so opening a pipe with no
//! writer returns at once instead of waiting for one; reads of an ordinary file ignore the flag.
//! The size limit is checked on the handle before reading, and the read stops at it should the
//! file grow meanwhile. A file on a network share that stops answering can still stall a read in
//! the kernel; the window reads on worker threads, so it stays responsive meanwhile.

use std::fmt;
use std::fs::{self, File, FileType, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// What a path names when it is not an ordinary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    Pipe,
    Device,
    Socket,
    /// Anything else the system may have.
    Special,
}

impl FileKind {
    /// The kind of `file_type`; `None` for an ordinary file.
    pub fn of(file_type: FileType) -> Option<Self> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(Self::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(Self::Pipe);
            }
            if file_type.is_char_device() || file_type.is_block_device() {
                return Some(Self::Device);
            }
            if file_type.is_socket() {
                return Some(Self::Socket);
            }
        }
        Some(Self::Special)
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Folder => "a folder",
            Self::Pipe => "a named pipe (FIFO)",
            Self::Device => "a device",
            Self::Socket => "a socket",
            Self::Special => "a special file",
        })
    }
}

/// Why a file was not read. Callers turn it into their own error, which names the file.
#[derive(Debug)]
pub enum OpenError {
    Io(io::Error),
    NotAFile(FileKind),
    /// Larger than the limit; `size_bytes` is at least the limit plus one.
    TooLarge {
        size_bytes: u64,
    },
}

impl From<io::Error> for OpenError {
    fn from(error: io::Error) -> Self {
        Self::Io(error)
    }
}

/// For callers whose own errors carry an `io::Error`.
impl From<OpenError> for io::Error {
    fn from(error: OpenError) -> Self {
        match error {
            OpenError::Io(error) => error,
            OpenError::NotAFile(kind) => io::Error::new(io::ErrorKind::InvalidInput, format!("it is {kind}")),
            OpenError::TooLarge { size_bytes } => {
                io::Error::new(io::ErrorKind::FileTooLarge, format!("it is unexpectedly large ({size_bytes} bytes)"))
            }
        }
    }
}

/// Opens the ordinary file at `path` for reading, refusing anything else and anything larger
/// than `max_bytes`. Returns the file and its size.
pub fn open(path: &Path, max_bytes: u64) -> Result<(File, u64), OpenError> {
    refuse_unless_file(fs::metadata(path)?.file_type())?;
    let file = open_without_waiting(path)?;
    let metadata = file.metadata()?;
    refuse_unless_file(metadata.file_type())?;
    if metadata.len() > max_bytes {
        return Err(OpenError::TooLarge { size_bytes: metadata.len() });
    }
    Ok((file, metadata.len()))
}

/// The whole content of the ordinary file at `path`, at most `max_bytes` of it.
pub fn read(path: &Path, max_bytes: u64) -> Result<Vec<u8>, OpenError> {
    let (file, size_bytes) = open(path, max_bytes)?;
    // The size is only a hint (the file may change); the limit holds whatever happens.
    let mut bytes = Vec::with_capacity(usize::try_from(size_bytes).unwrap_or(0));
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(OpenError::TooLarge { size_bytes: bytes.len() as u64 });
    }
    Ok(bytes)
}

fn refuse_unless_file(file_type: FileType) -> Result<(), OpenError> {
    FileKind::of(file_type).map_or(Ok(()), |kind| Err(OpenError::NotAFile(kind)))
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn devices_and_folders_are_refused_and_files_read() {
        assert!(matches!(read(Path::new("/dev/zero"), 10), Err(OpenError::NotAFile(FileKind::Device))));
        assert!(matches!(read(Path::new("/"), 10), Err(OpenError::NotAFile(FileKind::Folder))));
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("f");
        fs::write(&file, b"twelve bytes").unwrap();
        assert_eq!(read(&file, 12).unwrap(), b"twelve bytes");
        assert!(matches!(read(&file, 11), Err(OpenError::TooLarge { size_bytes: 12 })));
    }
}
