//! `hairline-studio`: opens the studio window, or checks designs from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hairline_studio::app::{LibraryPlaces, RecentFiles, StartOptions, StudioApp};
use hairline_studio::colour::Stage;
use hairline_studio::design::{Design, DesignError, FORMAT_VERSION};
use hairline_studio::render::Look;
use hairline_studio::sheet::{ExportRequest, Paper};

/// Hairline Studio: design scalp micropigmentation hairlines on client photos.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A design (.json) or a client photo to open; without one the sample design opens.
    path: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum StageArg {
    /// Just after the session.
    Fresh,
    /// About a month later.
    Healed,
    /// `--years` after the last session.
    Later,
}

#[derive(Subcommand)]
enum Cmd {
    /// Check a design file: exit 0 if it opens, non-zero with the problems listed.
    Validate {
        /// The design file to check.
        file: PathBuf,
    },
    /// Print a JSON summary of a design: each view's scale, hairline measurements and zones.
    Info {
        /// The design file to summarise.
        file: PathBuf,
    },
    /// Render a view's simulated result over its photo to a PNG, identically on every run.
    Render {
        /// The design file.
        file: PathBuf,
        /// Where to write the PNG.
        #[arg(short, long)]
        output: PathBuf,
        /// The view to render: front, top, left, right, crown or other (default: the first).
        #[arg(long)]
        view: Option<String>,
        /// Width of the image in pixels (default: the photo's, at most 8192).
        #[arg(long)]
        width: Option<u32>,
        /// When the result is looked at.
        #[arg(long, value_enum, default_value_t = StageArg::Healed)]
        stage: StageArg,
        /// Years after the last session, with `--stage later`.
        #[arg(long, default_value_t = 3.0)]
        years: f64,
        /// Show only the dots laid in the first N sessions of the plan (default: all).
        #[arg(long, value_name = "N")]
        after_session: Option<usize>,
        /// As a person with normal vision sees it from D metres (e.g. 0.3, 1 or 3): the eye's
        /// blur at that distance, from the view's calibration.
        #[arg(long, value_name = "D")]
        distance_m: Option<f64>,
        /// Render even if the photo is no longer the one the design was drawn on.
        #[arg(long)]
        allow_changed_photo: bool,
    },
    /// Export the printable design sheet: a PDF, and/or PNG pages at 300 dpi (page 1 to the
    /// given file, later pages beside it as NAME-2.png, NAME-3.png…).
    Export {
        /// The design file.
        file: PathBuf,
        /// Where to write the PDF.
        #[arg(long)]
        pdf: Option<PathBuf>,
        /// Where to write the PNG of page 1.
        #[arg(long)]
        png: Option<PathBuf>,
        /// The paper size.
        #[arg(long, value_enum, default_value_t = PaperArg::A4)]
        paper: PaperArg,
        /// Export even if a photo is no longer the one the design was drawn on; the sheet says so.
        #[arg(long)]
        allow_changed_photo: bool,
    },
    /// Print the JSON Schema of the design format.
    Schema,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Cmd::Validate { file }) => validate(&file),
        Some(Cmd::Info { file }) => info(&file),
        Some(Cmd::Render {
            file,
            output,
            view,
            width,
            stage,
            years,
            after_session,
            distance_m,
            allow_changed_photo,
        }) => {
            let stage = match stage {
                StageArg::Fresh => Stage::Fresh,
                StageArg::Healed => Stage::Healed,
                StageArg::Later => Stage::YearsLater(years),
            };
            let look = Look { after_session, stage, seen_from_m: distance_m };
            if !(0.0..=50.0).contains(&years) {
                eprintln!("hairline-studio: --years must be between 0 and 50");
                ExitCode::FAILURE
            } else if distance_m.is_some_and(|d| !(0.05..=100.0).contains(&d)) {
                eprintln!("hairline-studio: --distance-m must be between 0.05 and 100 metres");
                ExitCode::FAILURE
            } else {
                report(render(&file, &output, view.as_deref(), width, look, allow_changed_photo))
            }
        }
        Some(Cmd::Export { file, pdf, png, paper, allow_changed_photo }) => {
            let paper = match paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::Letter => Paper::Letter,
            };
            let text = plan_text();
            report(export(&file, &ExportRequest { paper, pdf, png, text }, allow_changed_photo))
        }
        Some(Cmd::Schema) => {
            print!("{}", hairline_studio::design_schema_json());
            ExitCode::SUCCESS
        }
        None => match run_window(cli.path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("hairline-studio: could not open the window: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

fn validate(file: &std::path::Path) -> ExitCode {
    match hairline_studio::io::open_design_file(file) {
        Ok(parsed) => {
            let mut ok = true;
            if let Some(version) = parsed.newer_version {
                println!(
                    "{}: format version {version} is newer than this program's ({FORMAT_VERSION}); it opens read-only.",
                    file.display()
                );
            }
            let mut unopenable = false;
            for (i, view) in parsed.design.views.iter().enumerate() {
                if let Some(photo) = &view.photo {
                    match hairline_studio::io::locate_photo(photo, None) {
                        // The photo the design was drawn on; but can this studio open it?
                        hairline_studio::io::PhotoStatus::Found(path) => {
                            if let Err(e) = hairline_studio::io::read_photo_header(&path) {
                                unopenable = true;
                                println!("views[{i}].photo: {e}");
                            }
                        }
                        status => {
                            ok = false;
                            println!("views[{i}].photo: {status}");
                        }
                    }
                }
            }
            let verdict = match (ok, unopenable) {
                (true, false) => "valid",
                (true, true) => "valid, but a photo cannot be opened",
                (false, _) => "valid, but photos need relinking",
            };
            println!("{}: {verdict}", file.display());
            if ok && !unopenable { ExitCode::SUCCESS } else { ExitCode::from(2) }
        }
        Err(e) => {
            println!("{e}");
            ExitCode::from(if matches!(e, DesignError::Read { .. }) { 3 } else { 1 })
        }
    }
}

fn info(file: &std::path::Path) -> ExitCode {
    match hairline_studio::io::open_design_file(file) {
        Ok(parsed) => {
            let summary = hairline_studio::report::report(&parsed.design);
            match serde_json::to_string_pretty(&summary) {
                Ok(json) => {
                    println!("{json}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("hairline-studio: could not write the summary: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// The exit code for a finished command, with its error on stderr: 2 for a changed photo, as
/// `validate` gives.
fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hairline-studio: {e:#}");
            if e.downcast_ref::<ChangedPhoto>().is_some() { ExitCode::from(2) } else { ExitCode::FAILURE }
        }
    }
}

/// A photo that is not the one the design was drawn on: drawing on it would put the design on
/// the wrong face. `line` is what `validate` prints for it.
#[derive(Debug, thiserror::Error)]
#[error("{line}. Relink it in the studio (Locate photo), or add --allow-changed-photo to use it anyway.")]
struct ChangedPhoto {
    line: String,
}

/// Checks that the photos of the views `indices` are the ones `design` was drawn on (by the
/// SHA-256 it keeps). A changed one is refused, or with `allow` used and said on stderr.
fn check_photos(design: &Design, indices: impl IntoIterator<Item = usize>, allow: bool) -> anyhow::Result<()> {
    use hairline_studio::io::{PhotoStatus, locate_photo};
    for index in indices {
        let Some(photo) = design.views.get(index).and_then(|view| view.photo.as_ref()) else { continue };
        let status = locate_photo(photo, None);
        if let PhotoStatus::Changed(_) = status {
            let line = format!("views[{index}].photo: {status}");
            anyhow::ensure!(allow, ChangedPhoto { line });
            eprintln!("hairline-studio: warning: {line}; used anyway (--allow-changed-photo).");
        }
    }
    Ok(())
}

fn render(
    file: &std::path::Path,
    output: &std::path::Path,
    view: Option<&str>,
    width: Option<u32>,
    look: Look,
    allow_changed_photo: bool,
) -> anyhow::Result<()> {
    use anyhow::Context as _;

    let design = hairline_studio::io::open_design_file(file)?.design;
    let index = match view {
        None => 0,
        Some(name) => design
            .views
            .iter()
            .position(|v| v.kind.label().eq_ignore_ascii_case(name))
            .with_context(|| format!("{} has no {name} view", file.display()))?,
    };
    let view = design.views.get(index).with_context(|| format!("{} has no views", file.display()))?;
    let photo_ref = view.photo.as_ref().with_context(|| format!("the {} view has no photo", view.kind.label()))?;
    check_photos(&design, [index], allow_changed_photo)?;
    anyhow::ensure!(
        look.seen_from_m.is_none() || view.mm_per_px().is_some(),
        "--distance-m needs the {} view calibrated: its millimetres are unknown",
        view.kind.label()
    );
    let photo = hairline_studio::io::decode_photo(std::path::Path::new(&photo_ref.path), 8192)?;
    let mut pixels = photo.display;
    if let Some(width) = width.filter(|&w| w != pixels.width()) {
        anyhow::ensure!((16..=16384).contains(&width), "--width must be between 16 and 16384 pixels");
        let height = (u64::from(pixels.height()) * u64::from(width) / u64::from(pixels.width())).max(1);
        let height = u32::try_from(height).context("the image would be too tall")?;
        pixels = image::imageops::resize(&pixels, width, height, image::imageops::FilterType::Triangle);
    }
    let image = hairline_studio::render::render_preview(&design, view, look, &pixels);
    let mut png = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .to_rgb8()
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .context("could not encode the PNG")?;
    // As a design is saved: a failure never leaves half a file, and a device is never replaced.
    hairline_studio::io::write_atomically(output, &png, hairline_studio::io::Backup::Skip, &mut |_| Ok(()))?;
    Ok(())
}

fn export(file: &std::path::Path, request: &ExportRequest, allow_changed_photo: bool) -> anyhow::Result<()> {
    use hairline_studio::sheet::{ChangedPhotos, SheetPhotos};
    let design = hairline_studio::io::open_design_file(file)?.design;
    check_photos(&design, 0..design.views.len(), allow_changed_photo)?;
    let changed = if allow_changed_photo { ChangedPhotos::UseAndSay } else { ChangedPhotos::LeaveOff };
    let photos = SheetPhotos::open_with(&design, changed);
    for (view, photo) in design.views.iter().zip(&photos.views) {
        if let (Some(_), Err(e)) = (&view.photo, photo) {
            eprintln!("hairline-studio: warning: the {} view is exported without its photo: {e}", view.kind.label());
        }
    }
    let today = hairline_studio::design::today_iso();
    // The error's own text already says everything its sources would repeat.
    let written = hairline_studio::sheet::export(&design, &photos, request, &today, &|_| ())
        .map_err(|e| anyhow::anyhow!(e.to_string()))?;
    for path in written {
        println!("{}", path.display());
    }
    Ok(())
}

/// The clinic's aftercare and longevity text, as the window finds it; the studio's own, with a
/// warning, when the clinic's file is not right.
fn plan_text() -> hairline_studio::sheet::PlanText {
    let path =
        hairline_studio::io::default_clinic_questions_path().map(|q| hairline_studio::io::plan_text_path_beside(&q));
    match path.as_deref().map(hairline_studio::io::load_plan_text) {
        Some(Ok(text)) => text,
        Some(Err(e)) => {
            eprintln!("hairline-studio: warning: {e}");
            hairline_studio::sheet::PlanText::default()
        }
        None => hairline_studio::sheet::PlanText::default(),
    }
}

fn run_window(path: Option<PathBuf>) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Hairline Studio")
            .with_app_id("hairline-studio")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let start = StartOptions {
        open: path,
        recent_store: RecentFiles::default_store(),
        recovery_folder: hairline_studio::io::RecoveryStore::default_folder(),
        autosave_delay: None,
        library: Some(LibraryPlaces::default_places()),
        file_dialogs: hairline_studio::app::FileDialogs::System,
        layout_store: hairline_studio::app::layout_store(),
        disk_poll_interval: None,
        clinic_questions: hairline_studio::io::default_clinic_questions_path(),
        calibration_store: hairline_studio::calibration::ClinicCalibration::default_path(),
    };
    eframe::run_native(
        "Hairline Studio",
        options,
        Box::new(|cc| {
            let app = StudioApp::new(start);
            app.attach(&cc.egui_ctx);
            hairline_studio::app::install_panic_recovery(app.crash_slot());
            Ok(Box::new(app))
        }),
    )
}
