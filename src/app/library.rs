//! File > Library, also the start screen: the designs in the library folder with each client's
//! name, date, Norwood stage and photo; search, open, or start a follow-up visit from one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::io::{LibraryEntry, default_library_folder};

/// Thumbnails' longest side, in pixels.
pub const THUMBNAIL_SIDE: u32 = 128;
/// Thumbnails made at once: each decodes a whole photo (about 100 MB for 24 MP).
const THUMBNAIL_JOBS: usize = 2;
const ROW_HEIGHT: f32 = 72.0;

/// Where the artist's choice of library folder is remembered, and thumbnails are cached.
#[derive(Clone, Debug, Default)]
pub struct LibraryPlaces {
    /// A small JSON file holding the chosen folder; `None`: not remembered.
    pub settings: Option<PathBuf>,
    /// The thumbnail cache folder; `None`: thumbnails are made each time.
    pub cache: Option<PathBuf>,
}

impl LibraryPlaces {
    /// The per-user places.
    pub fn default_places() -> Self {
        Self {
            settings: crate::io::places::settings_file("library.json"),
            cache: crate::io::places::cache_folder("thumbnails"),
        }
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Settings {
    folder: PathBuf,
}

enum Thumbnail {
    Loading,
    Ready(egui::TextureHandle),
    Failed,
}

/// What the artist chose in the library window.
#[derive(Debug, PartialEq)]
pub enum LibraryAction {
    Scan(PathBuf),
    BrowseFolder,
    Open(PathBuf),
    FollowUp(PathBuf),
    /// Make the thumbnail of this photo (path, hash).
    Thumbnail(PathBuf, String),
}

/// The library window's state.
pub struct Library {
    pub open: bool,
    places: LibraryPlaces,
    folder: Option<PathBuf>,
    folder_text: String,
    /// `None` while the folder is being read.
    entries: Option<Result<Vec<LibraryEntry>, String>>,
    query: String,
    thumbnails: HashMap<String, Thumbnail>,
    /// Thumbnails asked for and not started yet (photo, hash), and how many are being made.
    thumbnail_queue: std::collections::VecDeque<(PathBuf, String)>,
    thumbnail_jobs: usize,
}

impl Library {
    /// The library at the remembered folder, or the default one.
    pub fn new(places: LibraryPlaces) -> Self {
        let remembered = places
            .settings
            .as_ref()
            .and_then(|file| std::fs::read(file).ok())
            .and_then(|bytes| serde_json::from_slice::<Settings>(&bytes).ok())
            .map(|s| s.folder);
        let folder = remembered.or_else(default_library_folder);
        let folder_text = folder.as_ref().map(|f| f.display().to_string()).unwrap_or_default();
        Self {
            open: false,
            places,
            folder,
            folder_text,
            entries: None,
            query: String::new(),
            thumbnails: HashMap::new(),
            thumbnail_queue: std::collections::VecDeque::new(),
            thumbnail_jobs: 0,
        }
    }

    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    pub fn cache(&self) -> Option<&Path> {
        self.places.cache.as_deref()
    }

    /// Whether the folder holds anything to list (known once scanned).
    pub fn has_designs(&self) -> bool {
        matches!(&self.entries, Some(Ok(entries)) if !entries.is_empty())
    }

    /// Points the library at `folder` and remembers it. Returns an error message if it could
    /// not be remembered (it is still used this time).
    pub fn set_folder(&mut self, folder: PathBuf) -> Option<String> {
        self.folder_text = folder.display().to_string();
        self.folder = Some(folder.clone());
        self.entries = None;
        let file = self.places.settings.as_ref()?;
        let bytes = serde_json::to_vec_pretty(&Settings { folder }).ok()?;
        let written = file.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| {
            crate::io::write_atomically(file, &bytes, crate::io::Backup::Skip, &mut |_| Ok(()))
                .map_err(std::io::Error::other)
        });
        written.err().map(|e| format!("The library folder is used but could not be remembered: {e}"))
    }

    pub fn scanned(&mut self, folder: &Path, result: Result<Vec<LibraryEntry>, String>) {
        if self.folder.as_deref() == Some(folder) {
            self.entries = Some(result);
        }
    }

    pub fn thumbnail_ready(&mut self, ctx: &egui::Context, sha256: String, result: Result<image::RgbaImage, String>) {
        let state = match result {
            Ok(image) => {
                let size = [image.width() as usize, image.height() as usize];
                let pixels = egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw());
                Thumbnail::Ready(ctx.load_texture(format!("thumbnail {sha256}"), pixels, egui::TextureOptions::LINEAR))
            }
            Err(_) => Thumbnail::Failed,
        };
        self.thumbnails.insert(sha256, state);
        self.thumbnail_jobs = self.thumbnail_jobs.saturating_sub(1);
    }

    /// The next thumbnail to make, if fewer than [`THUMBNAIL_JOBS`] are being made.
    fn next_thumbnail(&mut self) -> Option<(PathBuf, String)> {
        if self.thumbnail_jobs >= THUMBNAIL_JOBS {
            return None;
        }
        let next = self.thumbnail_queue.pop_front()?;
        self.thumbnail_jobs += 1;
        Some(next)
    }

    /// Opens the window and reads the folder afresh.
    pub fn show(&mut self) -> Vec<LibraryAction> {
        self.open = true;
        self.entries = None;
        self.folder.clone().map(LibraryAction::Scan).into_iter().collect()
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Vec<LibraryAction> {
        let mut actions = Vec::new();
        let mut open = self.open;
        egui::Window::new("Library")
            .open(&mut open)
            .default_size([760.0, 560.0])
            .collapsible(false)
            .show(ctx, |ui| self.contents_ui(ui, &mut actions));
        self.open = open && !actions.iter().any(|a| matches!(a, LibraryAction::Open(_) | LibraryAction::FollowUp(_)));
        actions
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<LibraryAction>) {
        ui.horizontal(|ui| {
            let label = ui.label("Library folder");
            let field =
                ui.add(egui::TextEdit::singleline(&mut self.folder_text).desired_width(380.0)).labelled_by(label.id);
            let typed = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Browse…").clicked() {
                actions.push(LibraryAction::BrowseFolder);
            }
            if typed || ui.button("Reload").clicked() {
                actions.push(LibraryAction::Scan(PathBuf::from(self.folder_text.trim())));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            ui.add(egui::TextEdit::singleline(&mut self.query).hint_text("client or file name").desired_width(260.0))
                .labelled_by(label.id);
        });
        ui.separator();
        let entries = match &self.entries {
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading the library…");
                });
                return;
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().warn_fg_color, format!("The library folder could not be read: {e}"));
                ui.label("Choose another folder, or save a design into this one to create it.");
                return;
            }
            Some(Ok(entries)) => entries,
        };
        let shown: Vec<&LibraryEntry> = entries.iter().filter(|e| e.matches(&self.query)).collect();
        let broken = entries.iter().filter(|e| e.summary.is_err()).count();
        ui.weak(match (entries.len(), broken) {
            (0, _) => "No designs here yet: designs you save in this folder are listed here.".to_owned(),
            (n, 0) => format!("{}, newest first", crate::format::count(n, "design")),
            (n, b) => format!(
                "{}, newest first; {b} could not be read (listed with the reason)",
                crate::format::count(n, "design")
            ),
        });
        if entries.is_empty() {
            return;
        }
        if shown.is_empty() {
            ui.label(format!("No client matches “{}”.", self.query.trim()));
            return;
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, ROW_HEIGHT, shown.len(), |ui, rows| {
            for entry in &shown[rows] {
                row_ui(ui, entry, &mut self.thumbnails, actions);
            }
        });
    }
}

fn row_ui(
    ui: &mut egui::Ui,
    entry: &LibraryEntry,
    thumbnails: &mut HashMap<String, Thumbnail>,
    actions: &mut Vec<LibraryAction>,
) {
    let file = entry.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT - 8.0);
        let thumb_size = egui::vec2(64.0, 64.0);
        match &entry.summary {
            Ok(summary) => {
                match summary.photo.as_ref().map(|(path, sha)| (path, sha, thumbnails.get(sha))) {
                    Some((_, _, Some(Thumbnail::Ready(texture)))) => {
                        ui.add(egui::Image::new(texture).fit_to_exact_size(thumb_size).maintain_aspect_ratio(true));
                    }
                    Some((path, sha, None)) => {
                        thumbnails.insert(sha.clone(), Thumbnail::Loading);
                        actions.push(LibraryAction::Thumbnail(path.clone(), sha.clone()));
                        ui.add_sized(thumb_size, egui::Spinner::new());
                    }
                    Some((_, _, Some(Thumbnail::Loading))) => {
                        ui.add_sized(thumb_size, egui::Spinner::new());
                    }
                    Some((_, _, Some(Thumbnail::Failed))) | None => {
                        ui.add_sized(thumb_size, egui::Label::new("no photo"));
                    }
                }
                ui.vertical(|ui| {
                    let name = if summary.client.is_empty() { "Unnamed client" } else { &summary.client };
                    ui.strong(name);
                    let mut facts = vec![summary.date.clone().unwrap_or_else(|| "no consultation date".to_owned())];
                    if !summary.hair_loss.is_empty() {
                        facts.push(summary.hair_loss.clone());
                    }
                    facts.push(crate::format::count(summary.views, "view"));
                    ui.label(facts.join(" · "));
                    ui.weak(&file);
                    if let Some(version) = summary.newer_version {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            format!("Written by a newer Hairline Studio (format {version}): opens read-only"),
                        );
                    }
                });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let follow_up = ui
                        .add_enabled(summary.newer_version.is_none(), egui::Button::new("Follow-up session"))
                        .on_hover_text("Start the next visit from this design, as a new file");
                    if follow_up.clicked() {
                        actions.push(LibraryAction::FollowUp(entry.path.clone()));
                    }
                    if ui.button("Open").clicked() {
                        actions.push(LibraryAction::Open(entry.path.clone()));
                    }
                });
            }
            Err(error) => {
                ui.add_sized(thumb_size, egui::Label::new(egui::RichText::new("⚠").size(28.0)));
                ui.vertical(|ui| {
                    ui.strong(&file);
                    ui.colored_label(ui.visuals().warn_fg_color, format!("Does not open: {error}"));
                });
            }
        }
    });
    ui.separator();
}

impl super::StudioApp {
    pub(super) fn library_window(&mut self, ctx: &egui::Context) {
        if self.windows.library.open {
            let actions = self.windows.library.ui(ctx);
            self.run_library_actions(actions);
        }
    }

    pub(super) fn run_library_actions(&mut self, actions: Vec<LibraryAction>) {
        for action in actions {
            match action {
                LibraryAction::Scan(folder) => {
                    let library = &mut self.windows.library;
                    if library.folder() != Some(folder.as_path())
                        && let Some(message) = library.set_folder(folder.clone())
                    {
                        self.status.say(message);
                    }
                    library.open = true;
                    self.services.jobs.scan_library(folder);
                }
                LibraryAction::BrowseFolder => {
                    let start = self.windows.library.folder().map(Path::to_owned);
                    self.pick_in(super::file_dialogs::Pick::LibraryFolder, start);
                }
                LibraryAction::Open(path) => self.commands.push(super::Command::OpenDesign(Some(path))),
                LibraryAction::FollowUp(path) => self.commands.push(super::Command::FollowUp(path)),
                LibraryAction::Thumbnail(photo, sha256) => {
                    self.windows.library.thumbnail_queue.push_back((photo, sha256));
                }
            }
        }
        self.start_thumbnails();
    }

    /// Starts making queued thumbnails, a few at a time.
    pub(super) fn start_thumbnails(&mut self) {
        while let Some((photo, sha256)) = self.windows.library.next_thumbnail() {
            let cache = self.windows.library.cache().map(Path::to_owned);
            self.services.jobs.thumbnail(cache, photo, sha256, THUMBNAIL_SIDE);
        }
    }

    /// A follow-up visit: the earlier design as a new, unsaved document, so that the earlier
    /// visit's file stays as it was.
    pub(super) fn start_follow_up(
        &mut self,
        path: &Path,
        result: Result<Box<crate::design::ParsedDesign>, crate::design::DesignError>,
    ) {
        match result {
            Ok(parsed) if parsed.newer_version.is_some() => {
                self.status.say("No follow-up started.");
                self.windows.dialogs.error(format!(
                    "{} was written by a newer Hairline Studio: a follow-up copy would lose what it stored. Update Hairline Studio first.",
                    path.display()
                ));
            }
            Ok(parsed) => {
                let client = parsed.design.client.name.trim().to_owned();
                let client = if client.is_empty() { "Unnamed client".to_owned() } else { client };
                let name = format!("{client}, follow-up {}", crate::design::today_iso());
                self.replace_document(crate::design::Document::new(parsed.design, None), &name);
                self.status.say(format!(
                    "Follow-up visit started from {}: save it as a new file (the earlier visit stays as it was).",
                    path.display()
                ));
            }
            Err(e) => {
                self.status.say(format!("Could not open {}.", path.display()));
                self.windows.dialogs.error(e.to_string());
            }
        }
    }
}
