//! Repère's kiosk: screens, exercise widgets, audio and the full-screen shell around the
//! engine. [`KioskApp`] is an `eframe::App` that another eframe application can host.

rust_i18n::i18n!("../../locales", fallback = "fr", backend = crate::i18n::ContentOverlay::new());

pub mod app;
pub mod audio;
pub mod bench;
pub mod cli;
pub mod exercises;
pub mod fonts;
pub mod i18n;
pub mod layout_audit;
pub mod logger;
pub mod replay;
pub mod room;
pub mod screens;
pub mod shell;
pub mod slip_printer;
pub mod testing;
pub mod theme;
pub mod widgets;

pub use app::KioskApp;
