//! The kiosk window: full screen, no decorations, cannot be closed by visitors.

use std::sync::Arc;

use repere_engine::config::Config;
use repere_engine::content::Content;
use repere_engine::orientation::Territory;
use repere_engine::problem::Problem;

use crate::KioskApp;
use crate::audio::Speaker;
use crate::theme::{DisplayModes, Look, TextKind};
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::text_block;

fn native_options(windowed: bool) -> eframe::NativeOptions {
    let viewport = if windowed {
        egui::ViewportBuilder::default().with_inner_size(crate::testing::SCREEN).with_title("Repère")
    } else {
        egui::ViewportBuilder::default()
            .with_fullscreen(true)
            .with_decorations(false)
            .with_close_button(false)
            .with_title("Repère")
    };
    eframe::NativeOptions { viewport, renderer: eframe::Renderer::Wgpu, ..eframe::NativeOptions::default() }
}

/// Runs the kiosk until the operator exits.
pub fn run_kiosk(
    content: Arc<Content>,
    config: Config,
    territory: Arc<Territory>,
    windowed: bool,
) -> Result<(), String> {
    eframe::run_native(
        "Repère",
        native_options(windowed),
        Box::new(move |cc| {
            let speaker = Speaker::open();
            let statistics = config.statistics.enabled.then(|| {
                let clock = territory.clock;
                repere_stats::start_recorder(&config.statistics, Box::new(move || clock.now().date()))
            });
            let mut kiosk = KioskApp::with_territory(&cc.egui_ctx, content, config, speaker, Some(territory));
            if let Some(recorder) = statistics {
                kiosk.record_statistics(recorder);
            }
            Ok(Box::new(kiosk))
        }),
    )
    .map_err(|err| format!("the kiosk window ended with an error (display or compositor gone?): {err}"))
}

/// Runs the facilitator's room window on `listen` until it is closed; the room goes with it.
pub fn run_room(
    content: Arc<Content>,
    config: Config,
    listen: &str,
    clock: repere_engine::orientation::KioskClock,
    windowed: bool,
) -> Result<(), String> {
    let listen = listen.to_owned();
    let mut options = native_options(true);
    if !windowed {
        options.viewport = options.viewport.with_maximized(true);
    }
    eframe::run_native(
        "Repère",
        options,
        Box::new(move |cc| {
            let today = Box::new(move || clock.now().date());
            let app = crate::room::facilitator::RoomApp::open(&cc.egui_ctx, content, config, &listen, today)?;
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| format!("the room window ended with an error: {err}"))
}

/// Shows why the kiosk cannot start (for the deployer), until the window is closed.
pub fn run_startup_failure(problems: Vec<Problem>, windowed: bool) -> Result<(), String> {
    eframe::run_native(
        "Repère",
        native_options(windowed),
        Box::new(move |cc| {
            crate::fonts::install(&cc.egui_ctx);
            Ok(Box::new(StartupFailure { problems }))
        }),
    )
    .map_err(|err| format!("the window could not open: {err}"))
}

/// The screen that lists the problems found at start-up.
struct StartupFailure {
    problems: Vec<Problem>,
}

impl eframe::App for StartupFailure {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let look = Look::new(false, DisplayModes::default());
        look.apply(ui.ctx());
        egui::CentralPanel::default().show(ui, |ui| {
            let lang = repere_engine::REFERENCE_LANGUAGE;
            text_block(ui, &look, &crate::i18n::tr(lang, "startup.title"), TextKind::Title, LineAlign::Start);
            text_block(
                ui,
                &look,
                &crate::i18n::tr(lang, "startup.explain"),
                TextKind::Body,
                LineAlign::Start,
            );
            ui.add_space(12.0);
            egui::ScrollArea::vertical().show(ui, |ui| {
                for problem in &self.problems {
                    ui.label(egui::RichText::new(problem.to_string()).monospace().size(18.0));
                }
            });
        });
    }
}
