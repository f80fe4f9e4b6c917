//! Open a folder with a double click (or a double tap).

use egui::{FontId, Rect, Sense, Stroke, Ui, Vec2};
use repere_engine::content::task::Pictured;
use repere_engine::session::Command;

use super::{ExerciseState, at};
use crate::app::AppCommand;
use crate::screens::View;

/// Longest pause between the two presses of a double press (egui's mouse double click is
/// 0.3 s; fingers are slower).
const DOUBLE_PRESS_SECONDS: f64 = 0.6;

/// The double-click exercise. A single press does nothing: the folder opens on the second.
pub fn double_click_ui(
    ui: &Ui,
    view: &View<'_>,
    area: Rect,
    size: f32,
    target: &Pictured,
    state: &ExerciseState,
    commands: &mut Vec<AppCommand>,
) {
    let center = at(area, 0.5, 0.45, view.look.rtl);
    let rect = Rect::from_center_size(center, Vec2::splat(size));
    let response = ui.interact(rect, ui.scope_id().with("folder"), Sense::click());
    let palette = &view.look.palette;
    ui.painter().rect(
        rect,
        egui::CornerRadius::same(16),
        palette.surface,
        Stroke::new(if response.hovered() { 5.0 } else { 3.0 }, palette.border),
        egui::StrokeKind::Inside,
    );
    let picture = target.picture.as_deref().unwrap_or("📁");
    ui.painter().text(
        center,
        egui::Align2::CENTER_CENTER,
        picture,
        FontId::proportional(size * 0.6),
        palette.text,
    );
    let label = view.tr(&target.label);
    crate::widgets::caption_at(ui, view.look, rect.center_bottom() + egui::vec2(0.0, 8.0), &label);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    super::pointer::point_at(ui, view, Some(rect));
    // Two presses close together open it. egui's own double click is lost on touch screens
    // (the finger lifting makes the pointer vanish between the taps), so they are timed here.
    let second_press =
        response.clicked() && state.last_press.is_some_and(|t| view.now - t <= DOUBLE_PRESS_SECONDS);
    if response.double_clicked() || second_press {
        commands.push(AppCommand::Session(Command::TaskDone));
    } else if response.clicked() {
        // A lone press is a step on the way, not a miss.
        commands.push(AppCommand::Exercise(ExerciseState { last_press: Some(view.now), ..state.clone() }));
    }
}
