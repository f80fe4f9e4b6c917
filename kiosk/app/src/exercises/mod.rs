//! The exercise environments. Each task kind of the engine is implemented once here, drawn
//! from the task's parameters; this is the only place that matches on kinds.

mod browser;
mod browser_form;
mod click_target;
mod double_click;
mod drag_drop;
mod pointer;
mod scroll_find;
pub(crate) mod type_text;
mod webmail;

use egui::{Pos2, Rect, Sense, Ui, Vec2};
use repere_engine::content::{Task, TaskKind};
use repere_engine::session::{Command, TaskEvent};

pub use self::pointer::{POINTER_SECONDS, pointed};
pub use self::webmail::MailState;
use crate::app::AppCommand;
use crate::screens::View;

/// What the exercise on screen remembers between frames (reset for each task).
#[derive(Clone, Debug, Default, PartialEq)]
#[expect(clippy::struct_excessive_bools, reason = "each kind reads only its own fields of this flat state")]
pub struct ExerciseState {
    /// Targets pressed so far.
    pub hits: u32,
    /// How far the dragged item has moved.
    pub drag_offset: Vec2,
    /// What the visitor typed, once they started (memory only, gone with the task).
    pub typed: Option<String>,
    /// The on-screen keyboard's shift key is on.
    pub shift: bool,
    /// The visitor confirmed a text that is not the one asked: say "try again" kindly.
    pub tried: bool,
    /// The browser's page, once the visitor moved.
    pub page: Option<String>,
    /// The browser's history, once the visitor moved.
    pub history: Option<Vec<String>>,
    /// The cookie banner was closed.
    pub banner_closed: bool,
    /// The visitor is typing in the address bar.
    pub editing: bool,
    /// The visitor is typing in a search page's box.
    pub searching: bool,
    /// The words of the search made on the page, once made.
    pub query: Option<String>,
    /// When the item was last pressed (a double press by touch).
    pub last_press: Option<f64>,
    /// The login field being typed in: 0 the identifier, 1 the password.
    pub login_field: Option<u8>,
    /// The identifier typed.
    pub identifier: String,
    /// The password typed (masked on screen, never spoken).
    pub secret: String,
    /// The webmail's state (view, message being written, bin); boxed, as few tasks use it.
    pub mail: Box<MailState>,
    /// The page's form and downloads (behind a pointer: most exercises have none).
    pub form: Box<browser_form::FormState>,
}

/// Draws the task's environment in the available space.
pub fn exercise_ui(ui: &mut Ui, view: &View<'_>, task: &Task, commands: &mut Vec<AppCommand>) {
    let area = ui.available_rect_before_wrap();
    let state = &view.ui_state.exercise;
    // A press beside the targets counts as a miss; the area is named for screen readers.
    let background = ui.interact(area, ui.scope_id().with(("exercise_area", &task.id)), Sense::click());
    let label = view.tr("task.area");
    background.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Pane, true, &label));
    ui.painter().rect_stroke(
        area,
        egui::CornerRadius::same(12),
        egui::Stroke::new(1.0, view.look.palette.border),
        egui::StrokeKind::Inside,
    );
    let before = commands.len();
    match &task.kind {
        TaskKind::ClickTarget { targets, size, target } => {
            click_target::click_target_ui(ui, view, area, *targets, *size, target, state, commands);
        }
        TaskKind::DoubleClick { size, target } => {
            double_click::double_click_ui(ui, view, area, *size, target, state, commands);
        }
        TaskKind::DragDrop { item, destination } => {
            drag_drop::drag_drop_ui(ui, view, area, item, destination, state, commands);
        }
        TaskKind::ScrollFind { list, items, target } => {
            scroll_find::scroll_find_ui(ui, view, area, list, items, *target, commands);
        }
        TaskKind::Browser { site, start, history, banner, goal, searched, ask, returned } => {
            if let Some(site) = view.content.site(site) {
                let searched = searched.as_deref();
                let ask = ask.as_ref();
                let (banner, returned) = (*banner, *returned);
                let start =
                    browser::BrowserStart { site, start, history, banner, goal, searched, ask, returned };
                browser::browser_ui(ui, view, area, &start, state, commands);
            }
        }
        TaskKind::Webmail { mailbox, goal } => {
            if let Some(mailbox) = view.content.mailbox(mailbox) {
                let mail = webmail::Mail { mailbox, goal, language: view.session.language() };
                webmail::webmail_ui(ui, view, area, &mail, state, commands);
            }
        }
        TaskKind::TypeText { field, expected, prefilled } => {
            type_text::type_text_ui(ui, view, area, field, expected, prefilled, state, commands);
        }
    }
    if background.clicked() && commands.len() == before && task.kind.counts_presses_beside() {
        commands.push(AppCommand::Session(Command::Task(TaskEvent::Miss)));
    }
    ui.advance_cursor_after_rect(area);
}

/// A point of `area` given in fractions of its size, mirrored in right-to-left languages.
fn at(area: Rect, fx: f32, fy: f32, rtl: bool) -> Pos2 {
    let fx = if rtl { 1.0 - fx } else { fx };
    Pos2::new(area.min.x + area.width() * fx, area.min.y + area.height() * fy)
}
