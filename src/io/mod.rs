//! Files: atomic saving of designs, decoding client photos, locating photos relative to a
//! design, and the library of saved designs.

mod clinic;
mod cmyk;
mod identity;
mod library;
mod lock;
mod paths;
mod photo;
mod photo_file;
mod photo_format;
pub mod places;
mod recovery;
mod save;
mod temporary;

pub use clinic::{
    ClinicQuestionsError, PlanTextError, default_clinic_questions_path, load_clinic_questions, load_plan_text,
    plan_text_path_beside,
};
pub use identity::{FileIdentity, SharedSaveError, save_unless_changed};
pub use library::{
    EntryError, EntrySummary, LibraryEntry, LibraryError, default_library_folder, scan_library, thumbnail,
    thumbnail_path,
};
pub use lock::{DesignLock, Holder, LockError, lock_path};
pub use paths::{
    PhotoStatus, locate_photo, make_photo_ref_relative, open_design_file, photo_ref_for, resolve_photo_path,
    save_design_file,
};
pub use photo::{DecodedPhoto, MAX_PHOTO_PIXELS, PhotoError, decode_photo, decode_photo_bytes, sha256_hex};
pub use photo_file::{MAX_PHOTO_FILE_BYTES, read_photo_header, sha256_hex_of};
pub use recovery::{Recovered, RecoveryError, RecoveryStore};
pub use save::{
    Backup, SaveError, SaveStep, save_design, save_design_with_checkpoints, write_all_atomically, write_atomically,
};
