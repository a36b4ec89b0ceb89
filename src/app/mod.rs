//! The eframe shell. For now a minimal window that opens a session and shows what it holds;
//! the facilitator's board is built on top of this.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::model::Session;
use crate::storage;

/// The sample session compiled into the binary, so that a fresh install opens a real board.
pub const EMBEDDED_SAMPLE: &str = include_str!("../../sessions/tos-support.ron");

/// What the window shows.
pub struct StratboardApp {
    session: Session,
    path: Option<PathBuf>,
    /// Validation problems of the open session, one line each.
    problems: Vec<String>,
    /// A load error, shown above the session (the sample stays open).
    error: Option<String>,
}

impl StratboardApp {
    /// Opens `file`, or the embedded sample when there is none or it fails to load.
    pub fn open(file: Option<PathBuf>) -> Self {
        let mut app = Self::sample();
        if let Some(path) = file {
            match storage::load(&path) {
                Ok(loaded) => {
                    app.problems = loaded.problems.iter().map(ToString::to_string).collect();
                    app.session = loaded.session;
                    app.path = Some(path);
                }
                Err(error) => app.error = Some(error.to_string()),
            }
        }
        app
    }

    fn sample() -> Self {
        let (session, error) = match storage::parse_session(EMBEDDED_SAMPLE.as_bytes()) {
            Ok(parsed) => (parsed.session, None),
            Err(kind) => (
                Session::new("stratboard"),
                Some(format!("embedded sample: {kind}")),
            ),
        };
        Self {
            session,
            path: None,
            problems: Vec::new(),
            error,
        }
    }

    /// The window title: file name (or "sample") and the session title.
    pub fn window_title(&self) -> String {
        let file = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "sample".to_owned(), |n| n.to_string_lossy().into_owned());
        format!("{file} — {} — stratboard", self.session.meta.title)
    }
}

impl eframe::App for StratboardApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.style_mut()
                .text_styles
                .insert(egui::TextStyle::Body, egui::FontId::proportional(18.0));
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
                ui.separator();
            }
            let meta = &self.session.meta;
            ui.label(egui::RichText::new(&meta.organisation).size(18.0));
            ui.heading(egui::RichText::new(&meta.title).size(32.0));
            if let Some(start) = meta.start {
                ui.label(format!("{start}  ·  {}", meta.venue));
            }
            ui.add_space(12.0);
            if !meta.purpose.is_empty() {
                ui.label(&meta.purpose);
            }
            ui.add_space(12.0);
            let s = &self.session;
            for (label, count) in [
                ("Stakeholder groups", s.stakeholder_groups.len()),
                ("Participants", s.participants.len()),
                ("Agenda items", s.agenda.len()),
                ("Goals", s.goals.len()),
                ("Situation analysis findings", s.findings.len()),
                ("Alternatives", s.alternatives.len()),
                ("Positions", s.positions.len()),
                ("Votes", s.votes.len()),
                ("Decisions", s.decisions.len()),
                ("Action items", s.actions.len()),
            ] {
                ui.label(format!("{label}: {count}"));
            }
            if !self.problems.is_empty() {
                ui.add_space(12.0);
                ui.colored_label(ui.visuals().warn_fg_color, "Problems found in this file:");
                for problem in &self.problems {
                    ui.label(problem);
                }
            }
        });
    }
}

/// Opens the window on `file` (or the sample) and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let app = StratboardApp::open(file);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.window_title())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 480.0]),
        ..Default::default()
    };
    match eframe::run_native("stratboard", options, Box::new(|_cc| Ok(Box::new(app)))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("stratboard: could not open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
