//! A dialog over the screen (idle warning, stop confirmation, operator menu).

use crate::theme::Look;

/// Shows a modal dialog of `width` points with the look's colours.
pub fn dialog<R>(
    ctx: &egui::Context,
    look: &Look,
    name: &str,
    width: f32,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    egui::Modal::new(egui::Id::unique(name))
        .frame(egui::Frame::new().fill(look.palette.surface).inner_margin(32).corner_radius(16))
        .show(ctx, |ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
}
