//! Drag a letter into the letterbox: hold, move, let go.

use egui::{FontId, Rect, Sense, Stroke, Ui, Vec2};
use repere_engine::content::task::Pictured;
use repere_engine::session::{Command, TaskEvent};

use super::{ExerciseState, at};
use crate::app::AppCommand;
use crate::screens::View;

/// The drag-and-drop exercise. Let go beside the destination and the item goes back.
pub fn drag_drop_ui(
    ui: &Ui,
    view: &View<'_>,
    area: Rect,
    item: &Pictured,
    destination: &Pictured,
    state: &ExerciseState,
    commands: &mut Vec<AppCommand>,
) {
    let palette = &view.look.palette;
    let rtl = view.look.rtl;
    let side = 150.0;
    let home = Rect::from_center_size(at(area, 0.2, 0.45, rtl), Vec2::splat(side));
    let target = Rect::from_center_size(at(area, 0.78, 0.45, rtl), Vec2::splat(side * 1.4));

    let destination_label = view.tr(&destination.label);
    let destination_response = ui.interact(target, ui.scope_id().with("destination"), Sense::hover());
    ui.painter().rect(
        target,
        egui::CornerRadius::same(16),
        palette.caption,
        Stroke::new(3.0, palette.border),
        egui::StrokeKind::Inside,
    );
    if let Some(picture) = &destination.picture {
        ui.painter().text(
            target.center(),
            egui::Align2::CENTER_CENTER,
            picture,
            FontId::proportional(side * 0.6),
            palette.text,
        );
    }
    caption_below(ui, view, target, &destination_label);
    destination_response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &destination_label));

    let rect = home.translate(state.drag_offset);
    let response = ui.interact(rect, ui.scope_id().with("item"), Sense::drag());
    ui.painter().rect(
        rect,
        egui::CornerRadius::same(16),
        palette.surface,
        Stroke::new(if response.hovered() || response.dragged() { 5.0 } else { 3.0 }, palette.accent),
        egui::StrokeKind::Inside,
    );
    if let Some(picture) = &item.picture {
        ui.painter().text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            picture,
            FontId::proportional(side * 0.55),
            palette.text,
        );
    }
    let item_label = view.tr(&item.label);
    caption_below(ui, view, rect, &item_label);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &item_label));
    // What to take first; once it moves, where it goes.
    super::pointer::point_at(ui, view, Some(if state.drag_offset == Vec2::ZERO { rect } else { target }));

    if response.dragged() {
        let moved = ExerciseState { drag_offset: state.drag_offset + response.drag_delta(), ..state.clone() };
        commands.push(AppCommand::Exercise(moved));
    }
    if response.drag_stopped() {
        let dropped_at = ui.input(|i| i.pointer.interact_pos()).unwrap_or(rect.center());
        if target.contains(dropped_at) || target.contains(rect.center()) {
            commands.push(AppCommand::Session(Command::TaskDone));
        } else {
            commands.push(AppCommand::Session(Command::Task(TaskEvent::Miss)));
            commands.push(AppCommand::Exercise(ExerciseState { drag_offset: Vec2::ZERO, ..state.clone() }));
        }
    }
}

fn caption_below(ui: &Ui, view: &View<'_>, rect: Rect, text: &str) {
    crate::widgets::caption_at(ui, view.look, rect.center_bottom() + egui::vec2(0.0, 8.0), text);
}
