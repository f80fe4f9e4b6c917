//! Scroll a list to find an item hidden below, then press it.

use egui::{Rect, Sense, Ui, vec2};
use repere_engine::content::task::Pictured;
use repere_engine::session::{Command, TaskEvent};

use crate::app::AppCommand;
use crate::screens::View;
use crate::widgets::{ButtonKind, big_button};

/// The scroll-and-find exercise. Pressing another item is a miss.
pub fn scroll_find_ui(
    ui: &mut Ui,
    view: &View<'_>,
    area: Rect,
    list: &str,
    items: &[Pictured],
    target: usize,
    commands: &mut Vec<AppCommand>,
) {
    let width = (area.width() * 0.6).min(620.0);
    let height = (area.height() - 40.0).clamp(200.0, 420.0);
    let rect = Rect::from_center_size(area.center(), vec2(width, height));
    let mut list_ui = ui
        .new_child(egui::UiBuilder::new().max_rect(rect).layout(egui::Layout::top_down(egui::Align::Center)));
    let mut target_rect = None;
    let mut scroll =
        egui::ScrollArea::vertical().id_salt("scroll_find").max_height(height).auto_shrink([false, false]);
    // The list starts at its top for every visitor (the item to find is below).
    if crate::screens::first_frame_on_screen(ui, "scroll_find", view.session.serial()) {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    let output = scroll.show(&mut list_ui, |ui| {
        for (index, item) in items.iter().enumerate() {
            let label = view.tr(&item.label);
            let button = big_button(
                ui,
                view.look,
                &label,
                item.picture.as_deref(),
                ButtonKind::Secondary,
                vec2(width - 24.0, 84.0),
            );
            if index == target {
                target_rect = Some(button.rect);
            }
            if button.clicked() {
                let command =
                    if index == target { Command::TaskDone } else { Command::Task(TaskEvent::Miss) };
                commands.push(AppCommand::Session(command));
            }
        }
    });
    let named = ui.interact(output.inner_rect, ui.scope_id().with("scroll_find_list"), Sense::hover());
    let label = view.tr(list);
    named.widget_info(|| egui::WidgetInfo::labeled(egui::Role::List, true, &label));
    // The item when it is in sight, else the list to scroll.
    let in_sight = target_rect.filter(|r| output.inner_rect.contains_rect(*r));
    super::pointer::point_at(ui, view, Some(in_sight.unwrap_or(output.inner_rect)));
}
