//! A declarative question: its words as the heading, then pictogram answers, yes/no, or a
//! postcode keypad. Always a way to skip.

use egui::{Ui, vec2};
use repere_engine::content::Question;
use repere_engine::profile::{AnswerValue, is_postcode};
use repere_engine::session::Command;
use repere_engine::vocabulary::AnswerShape;

use super::{View, first_frame_on_screen, grid_cell, reading_row};
use crate::app::AppCommand;
use crate::theme::{MIN_TARGET, TextKind};
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, choice_height, digits_field, keypad, text_block};

/// The question at `index`.
pub fn question_ui(ui: &mut Ui, view: &View<'_>, index: usize, commands: &mut Vec<AppCommand>) {
    let Some(question) = view.content.questions.get(index) else {
        return;
    };
    // The question itself is the heading: a visitor need not read the small caption to know
    // what is asked.
    text_block(ui, view.look, &view.tr(&question.title), TextKind::Title, LineAlign::Start);
    ui.add_space(12.0);
    // "Continue" and "Skip" stay on screen whatever the text size: when the answers need
    // more room than is left (larger text, a long language), they scroll above the buttons.
    let answers_height = (ui.available_height() - ACTIONS_HEIGHT - 16.0).max(MIN_TARGET);
    let mut answers_ui = ui.new_child(egui::UiBuilder::new().max_rect(ui.available_rect_before_wrap()));
    answers_ui.spacing_mut().scroll =
        egui::style::ScrollStyle { bar_width: 20.0, ..egui::style::ScrollStyle::solid() };
    let mut answers =
        egui::ScrollArea::vertical().id_salt("answers").max_height(answers_height).auto_shrink([false, true]);
    if first_frame_on_screen(ui, "answers", view.session.serial()) {
        answers = answers.vertical_scroll_offset(0.0);
    }
    answers.show(&mut answers_ui, |ui| match question.shape {
        AnswerShape::One => one_ui(ui, view, question, commands),
        AnswerShape::Many => many_ui(ui, view, question, commands),
        AnswerShape::YesNo => yes_no_ui(ui, view, commands),
        AnswerShape::Postcode => postcode_ui(ui, view, commands),
    });
    let used = answers_ui.min_rect().height();
    ui.allocate_space(vec2(ui.available_width(), used));
    ui.add_space(16.0);
    // "Continue" (several answers) and "Skip" share one row, in the reading direction.
    reading_row(ui, view.look, |ui| {
        if question.shape == AnswerShape::Many && continue_button(ui, view) {
            commands
                .push(AppCommand::Session(Command::Answer(AnswerValue::Many(view.ui_state.chosen.clone()))));
        }
        if big_button(
            ui,
            view.look,
            &view.tr("common.skip"),
            Some("⏭"),
            ButtonKind::Secondary,
            vec2(260.0, 80.0),
        )
        .clicked()
        {
            commands.push(AppCommand::Session(Command::SkipQuestion));
        }
    });
}

/// Height of the row of "Continue" and "Skip".
const ACTIONS_HEIGHT: f32 = 90.0;

fn answer_height(count: usize) -> f32 {
    if count > 6 { 84.0 } else { 110.0 }
}

fn one_ui(ui: &mut Ui, view: &View<'_>, question: &Question, commands: &mut Vec<AppCommand>) {
    let given = view.session.answers().values_of(&question.id).unwrap_or_default();
    let cell = grid_cell(ui, 2, answer_height(question.answers.len()));
    choices(
        ui,
        view,
        question,
        cell,
        |id| given.contains(&id),
        |id| {
            commands.push(AppCommand::Session(Command::Answer(AnswerValue::One(id.to_owned()))));
        },
    );
}

fn many_ui(ui: &mut Ui, view: &View<'_>, question: &Question, commands: &mut Vec<AppCommand>) {
    let chosen = &view.ui_state.chosen;
    let per_row = if question.answers.len() > 6 { 3 } else { 2 };
    let cell = grid_cell(ui, per_row, answer_height(question.answers.len()));
    choices(
        ui,
        view,
        question,
        cell,
        |id| chosen.iter().any(|c| c == id),
        |id| {
            commands.push(AppCommand::ToggleChoice(id.to_owned()));
        },
    );
}

/// "Continue" of a several-answers question: true when pressed.
fn continue_button(ui: &mut Ui, view: &View<'_>) -> bool {
    big_button(
        ui,
        view.look,
        &view.tr("common.continue"),
        Some(view.look.forward()),
        ButtonKind::Primary,
        vec2(320.0, 90.0),
    )
    .clicked()
}

fn choices(
    ui: &mut Ui,
    view: &View<'_>,
    question: &Question,
    cell: egui::Vec2,
    is_selected: impl Fn(&str) -> bool,
    mut on_click: impl FnMut(&str),
) {
    let layout = if view.look.rtl {
        egui::Layout::right_to_left(egui::Align::Min).with_main_wrap(true)
    } else {
        egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true)
    };
    // Every row as tall as the tallest answer needs, so the grid stays a grid in larger text.
    let tallest = question
        .answers
        .iter()
        .map(|a| choice_height(ui, view.look, &view.tr(&a.label), a.picture.as_deref(), cell.x))
        .fold(cell.y, f32::max);
    let cell = vec2(cell.x, tallest);
    ui.with_layout(layout, |ui| {
        for answer in &question.answers {
            let selected = is_selected(&answer.id);
            let label = view.tr(&answer.label);
            if big_button(
                ui,
                view.look,
                &label,
                answer.picture.as_deref(),
                ButtonKind::Choice { selected },
                cell,
            )
            .clicked()
            {
                on_click(&answer.id);
            }
        }
    });
}

fn yes_no_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    ui.add_space(24.0);
    let cell = grid_cell(ui, 2, 140.0);
    reading_row(ui, view.look, |ui| {
        if big_button(ui, view.look, &view.tr("common.yes"), Some("👍"), ButtonKind::Secondary, cell)
            .clicked()
        {
            commands.push(AppCommand::Session(Command::Answer(AnswerValue::YesNo(true))));
        }
        if big_button(ui, view.look, &view.tr("common.no"), Some("✋"), ButtonKind::Secondary, cell).clicked()
        {
            commands.push(AppCommand::Session(Command::Answer(AnswerValue::YesNo(false))));
        }
    });
}

fn postcode_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<AppCommand>) {
    let look = view.look;
    let typed = &view.ui_state.postcode;
    digits_field(ui, look, typed, 5, &view.tr("question.postcode.field"));
    ui.add_space(12.0);
    let label = |key: &str| match key {
        "⬅" => view.tr("question.postcode.erase"),
        "✔" => view.tr("common.continue"),
        digit => digit.to_owned(),
    };
    match keypad(ui, look, ["⬅", "✔"], label) {
        Some("⬅") => commands.push(AppCommand::PostcodeErase),
        Some("✔") if is_postcode(typed) => {
            commands.push(AppCommand::Session(Command::Answer(AnswerValue::Postcode(typed.clone()))));
        }
        Some("✔") | None => {}
        Some(digit) => commands.extend(digit.chars().next().map(AppCommand::PostcodeDigit)),
    }
}
