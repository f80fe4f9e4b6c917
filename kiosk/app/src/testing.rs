//! The one place that sets up a headless kiosk: harness size, step, fonts and snapshot
//! options. Tests and `kiosk replay` both go through here.

use std::sync::Arc;

use egui_kittest::{Harness, SnapshotOptions};
use repere_engine::config::Config;
use repere_engine::content::Content;

use crate::KioskApp;
use crate::audio::Speaker;

/// The kiosk screen's size in points (a common 1280×800 kiosk panel).
pub const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// Seconds of simulated time per frame: short enough for a double click, long enough for
/// replayed waits to stay quick.
pub const STEP_SECONDS: f32 = 0.05;

/// A headless kiosk on `content` and `config`, silent (what it would say is still recorded:
/// [`KioskApp::last_spoken`]).
pub fn harness(content: Arc<Content>, config: Config) -> Harness<'static, KioskApp> {
    Harness::builder()
        .with_size(SCREEN)
        .with_step_dt(STEP_SECONDS)
        .with_max_steps(200)
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, content, config, Speaker::silent()))
}

/// A headless kiosk on a screen of `physical` pixels (1080×1920, 1920×1080…), drawn at the
/// zoom the kiosk takes on such a screen ([`crate::theme::pixels_per_point_for`]), as on the
/// real screen: snapshots come out at the screen's own pixel size.
pub fn harness_on_screen(
    content: Arc<Content>,
    config: Config,
    physical: egui::Vec2,
) -> Harness<'static, KioskApp> {
    let pixels_per_point = crate::theme::pixels_per_point_for(physical);
    Harness::builder()
        .with_size(physical / pixels_per_point)
        .with_pixels_per_point(pixels_per_point)
        .with_step_dt(STEP_SECONDS)
        .with_max_steps(200)
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| KioskApp::new(&cc.egui_ctx, content, config, Speaker::silent()))
}

/// Snapshot options for every snapshot of the project (software rendering on lavapipe).
pub fn snapshot_options() -> SnapshotOptions {
    #[expect(clippy::disallowed_methods, reason = "this is the one place that builds snapshot options")]
    SnapshotOptions::new().threshold(0.6).max_failed_pixels(40)
}
