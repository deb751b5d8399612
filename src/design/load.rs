//! Reading a design file: size limit, JSON, format and version checks, then validation.
//!
//! Every failure names the file and says what is wrong in words an artist can act on. Nothing
//! here writes to disk, and only ordinary files are read (`crate::regular_file`): a pipe or a
//! device at a design's path is refused, not read forever.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{Design, FORMAT_ID, FORMAT_VERSION, Problem, validate};
use crate::regular_file::{self, FileKind, OpenError};

/// Design files are a few hundred kilobytes; anything far larger is not a design.
pub const MAX_DESIGN_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a design could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum DesignError {
    #[error("Could not read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path} is a folder, not a design file.")]
    IsDirectory { path: PathBuf },
    #[error("{path} is {kind}, not a design file, so it is not read. Choose the design's .json file itself.")]
    NotAFile { path: PathBuf, kind: FileKind },
    #[error("{path} is {size_mib} MiB; a design file is at most 64 MiB, so this is not a design.")]
    TooLarge { path: PathBuf, size_mib: u64 },
    #[error("{path} is empty.")]
    Empty { path: PathBuf },
    #[error("{path} is not valid JSON ({detail}). It may be damaged or truncated; try its .bak copy.")]
    NotJson { path: PathBuf, detail: String },
    #[error("{path} is not a Hairline Studio design ({detail}).")]
    NotADesign { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer Hairline Studio (format version {version}; this one reads up to {FORMAT_VERSION}) and cannot be read: {detail}. Update Hairline Studio to open it."
    )]
    TooNew { path: PathBuf, version: u32, detail: String },
    #[error("{path} has values that are not allowed:\n{}", list(problems))]
    Invalid { path: PathBuf, problems: Vec<Problem> },
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n")
}

/// A design read from disk, with what the reader should know about it.
#[derive(Debug)]
pub struct ParsedDesign {
    pub design: Design,
    /// `Some(version)` when the file comes from a newer format version: it opened, but fields this
    /// version does not know were dropped, so it must not be overwritten.
    pub newer_version: Option<u32>,
}

/// Reads and checks the design at `path`.
pub fn read_design(path: &Path) -> Result<ParsedDesign, DesignError> {
    let path_buf = path.to_owned();
    let bytes = regular_file::read(path, MAX_DESIGN_FILE_BYTES).map_err(|e| match e {
        OpenError::Io(source) => DesignError::Read { path: path_buf, source },
        OpenError::NotAFile(FileKind::Folder) => DesignError::IsDirectory { path: path_buf },
        OpenError::NotAFile(kind) => DesignError::NotAFile { path: path_buf, kind },
        OpenError::TooLarge { size_bytes } => {
            DesignError::TooLarge { path: path_buf, size_mib: size_bytes / (1024 * 1024) }
        }
    })?;
    parse_design(&bytes, path)
}

/// Parses and checks design bytes; `path` only names the file in messages.
pub fn parse_design(bytes: &[u8], path: &Path) -> Result<ParsedDesign, DesignError> {
    let path = path.to_owned();
    // Editors on Windows like to start UTF-8 files with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DesignError::Empty { path });
    }
    if bytes.len() as u64 > MAX_DESIGN_FILE_BYTES {
        let size_mib = bytes.len() as u64 / (1024 * 1024);
        return Err(DesignError::TooLarge { path, size_mib });
    }
    // A first pass keeps nothing, so any valid JSON costs no memory to check; serde_json refuses
    // nesting deeper than 128 levels, so hostile nesting cannot overflow the stack.
    serde_json::from_slice::<IgnoredAny>(bytes)
        .map_err(|e| DesignError::NotJson { path: path.clone(), detail: e.to_string() })?;
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        let detail = "the file holds no JSON object".to_owned();
        return Err(DesignError::NotADesign { path, detail });
    }
    let header: Header = serde_json::from_slice(bytes)
        .map_err(|e| DesignError::NotADesign { path: path.clone(), detail: e.to_string() })?;
    match header.format.text.as_deref() {
        Some(FORMAT_ID) => {}
        Some(other) => {
            let detail = format!("its format is \"{other}\", expected \"{FORMAT_ID}\"");
            return Err(DesignError::NotADesign { path, detail });
        }
        None => {
            let detail = format!("it has no \"format\": \"{FORMAT_ID}\" field");
            return Err(DesignError::NotADesign { path, detail });
        }
    }
    let version = header.version.whole.and_then(|v| u32::try_from(v).ok()).ok_or_else(|| DesignError::NotADesign {
        path: path.clone(),
        detail: "its \"version\" is missing or not a whole number".to_owned(),
    })?;
    let newer_version = (version > FORMAT_VERSION).then_some(version);

    // Straight into the typed design: a million points cost 16 bytes each, not a JSON tree.
    let mut design: Design = serde_json::from_slice(bytes).map_err(|e| match newer_version {
        // The first pass skips numbers unread, so one too large for any type surfaces here.
        _ if e.is_syntax() => DesignError::NotJson { path: path.clone(), detail: e.to_string() },
        Some(version) => DesignError::TooNew { path: path.clone(), version, detail: e.to_string() },
        None => DesignError::NotADesign { path: path.clone(), detail: e.to_string() },
    })?;
    let problems = validate(&design);
    if !problems.is_empty() {
        return Err(DesignError::Invalid { path, problems });
    }
    if newer_version.is_none() {
        design.migrate();
    }
    design.number_everything();
    Ok(ParsedDesign { design, newer_version })
}

/// The two fields that say what a file is, read without keeping anything else.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Scalar,
    #[serde(default)]
    version: Scalar,
}

/// A JSON value kept only if it is a string or a whole number; anything else (an array of a
/// million entries, say) is skipped without being stored.
#[derive(Default)]
struct Scalar {
    text: Option<String>,
    whole: Option<u64>,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar { text: Some(v.to_owned()), whole: None })
    }

    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar { text: None, whole: Some(v) })
    }

    fn visit_i64<E>(self, _: i64) -> Result<Scalar, E> {
        Ok(Scalar::default())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Scalar, E> {
        Ok(Scalar::default())
    }

    fn visit_bool<E>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::default())
    }

    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::default())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::default())
    }
}
