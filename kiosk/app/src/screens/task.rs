//! A hands-on task: the exercise environment, "show me" and "skip / I don't know". No timer
//! is shown.

use egui::{Ui, vec2};
use repere_engine::session::Command;

use super::{View, reading_row};
use crate::app::AppCommand;
use crate::widgets::{ButtonKind, big_button};

/// The task at `index`.
pub fn task_ui(ui: &mut Ui, view: &View<'_>, index: usize, commands: &mut Vec<AppCommand>) {
    let Some(task) = view.content.tasks.get(index) else {
        return;
    };
    let skip_height = 68.0;
    let area = vec2(ui.available_width(), (ui.available_height() - skip_height - 16.0).max(200.0));
    ui.allocate_ui(area, |ui| {
        ui.set_min_size(area);
        crate::exercises::exercise_ui(ui, view, task, commands);
    });
    ui.add_space(16.0);
    reading_row(ui, view.look, |ui| {
        // Offered when the task file gives a hint; the hint shows in the caption band.
        if task.show.is_some()
            && big_button(
                ui,
                view.look,
                &view.tr("task.show_me"),
                Some("💡"),
                ButtonKind::Secondary,
                vec2(320.0, skip_height),
            )
            .clicked()
        {
            commands.push(AppCommand::ShowMe);
        }
        ui.add_space(24.0);
        if big_button(
            ui,
            view.look,
            &view.tr("task.skip"),
            Some("⏭"),
            ButtonKind::Secondary,
            vec2(380.0, skip_height),
        )
        .clicked()
        {
            commands.push(AppCommand::Session(Command::SkipTask));
        }
    });
}
