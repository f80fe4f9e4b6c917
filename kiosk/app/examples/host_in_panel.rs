//! Hosting the Repère kiosk inside another eframe application: a library's public-PC portal
//! with its own side panel, and Repère in the rest of the window.
//!
//! `cargo run --example host_in_panel`

use std::sync::Arc;

use repere_engine::config::Config;
use repere_engine::content::Content;
use repere_kiosk::KioskApp;
use repere_kiosk::audio::Speaker;

struct Portal {
    kiosk: KioskApp,
}

impl eframe::App for Portal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::left("portal").show(ui, |ui| {
            ui.heading("Médiathèque");
            ui.label("Catalogue, horaires…");
        });
        egui::CentralPanel::default().show(ui, |ui| self.kiosk.ui_inside(ui));
    }
}

fn main() -> eframe::Result {
    let content = match Content::builtin() {
        Ok(content) => Arc::new(content),
        Err(problems) => {
            for problem in problems {
                log::error!("{problem}");
            }
            return Ok(());
        }
    };
    eframe::run_native(
        "Portail",
        eframe::NativeOptions::default(),
        Box::new(move |cc| {
            let kiosk = KioskApp::new(&cc.egui_ctx, content, Config::default(), Speaker::open());
            Ok(Box::new(Portal { kiosk }))
        }),
    )
}
