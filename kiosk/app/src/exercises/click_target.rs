//! Press round targets, one after the other, each in a new place.

use egui::{FontId, Rect, Sense, Stroke, Ui, Vec2};
use repere_engine::content::task::Pictured;
use repere_engine::session::Command;

use super::{ExerciseState, at};
use crate::app::AppCommand;
use crate::screens::View;

/// Where the targets appear, as fractions of the area (the first alone in the middle).
const PLACES: [(f32, f32); 5] = [(0.5, 0.45), (0.2, 0.3), (0.8, 0.72), (0.35, 0.78), (0.7, 0.22)];

/// The click-target exercise.
#[expect(clippy::too_many_arguments, reason = "one exercise kind's parameters, passed as they are")]
pub fn click_target_ui(
    ui: &Ui,
    view: &View<'_>,
    area: Rect,
    targets: u32,
    size: f32,
    target: &Pictured,
    state: &ExerciseState,
    commands: &mut Vec<AppCommand>,
) {
    let place = if targets == 1 { PLACES[0] } else { PLACES[1 + state.hits as usize % 4] };
    let center = at(area, place.0, place.1, view.look.rtl);
    let rect = Rect::from_center_size(center, Vec2::splat(size));
    let response = ui.interact(rect, ui.scope_id().with(("target", state.hits)), Sense::click());
    let palette = &view.look.palette;
    let radius = size / 2.0;
    ui.painter().circle(
        center,
        radius,
        palette.target,
        Stroke::new(if response.hovered() { 5.0 } else { 3.0 }, palette.border),
    );
    if let Some(picture) = &target.picture {
        ui.painter().text(
            center,
            egui::Align2::CENTER_CENTER,
            picture,
            FontId::proportional(size * 0.55),
            palette.on_accent,
        );
    }
    super::pointer::point_at(ui, view, Some(rect));
    let label = view.tr(&target.label);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if response.clicked() {
        let hits = state.hits + 1;
        if hits >= targets {
            commands.push(AppCommand::Session(Command::TaskDone));
        } else {
            commands.push(AppCommand::Exercise(ExerciseState { hits, ..state.clone() }));
        }
    }
}
