//! The facilitator's room (`kiosk room`): how learners join, the live table of those who
//! finished, sorted into the proposed groups, the split rule, moves between groups, and the
//! lists to print or export. A view of the room's table that pushes [`RoomCommand`]s.

use egui::{Ui, vec2};
use repere_engine::content::Content;
use repere_engine::room::{GroupRule, Learner, RoomTable};
use repere_engine::scoring::DomainStatus;
use repere_engine::vocabulary::Domain;

use super::reading_row;
use crate::i18n::{tr, tr_with};
use crate::theme::{Look, TextKind};
use crate::widgets::bidi_layout::LineAlign;
use crate::widgets::{ButtonKind, big_button, big_button_named, text_block};

/// What the facilitator asked for during a frame; run after the UI pass.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub enum RoomCommand {
    /// Split the room by this rule (Repère proposes the groups again).
    SetRule(GroupRule),
    /// Propose the groups again, forgetting the moves.
    Propose,
    /// Move a learner (id) to a group (index; the number of groups makes a new one).
    Move {
        /// The learner's id.
        learner: String,
        /// The group.
        to: usize,
    },
    /// Print the group lists.
    Print,
    /// Export the group lists (PDF and CSV) to the export folder.
    Export,
    /// Close the room: everything of it is forgotten.
    Close,
}

/// What the room screen reads.
pub struct RoomView<'a> {
    /// The room.
    pub table: &'a RoomTable,
    /// The address learners join (`http://192.168.1.10:7878`).
    pub address: &'a str,
    /// The facilitator's language.
    pub language: &'a str,
    /// Colours and direction.
    pub look: &'a Look,
    /// Language names.
    pub content: &'a Content,
    /// A printer is configured.
    pub has_printer: bool,
    /// An export folder is configured.
    pub can_export: bool,
    /// How the last print or export went.
    pub status: Option<&'a str>,
}

impl RoomView<'_> {
    fn tr(&self, key: &str) -> String {
        tr(self.language, key)
    }
}

/// A learner's name as the facilitator sees it (the number for those who gave none).
pub fn shown_name(language: &str, learner: &Learner) -> String {
    learner
        .report
        .name
        .clone()
        .unwrap_or_else(|| tr_with(language, "room.unnamed", &[("number", &learner.number.to_string())]))
}

/// The six domains in a few signs, in the order of the legend: • mastered, ½ partly,
/// ◌ not yet, – not reached (signs every bundled font and the PDF's draw).
pub fn domain_map(learner: &Learner) -> String {
    Domain::ALL
        .iter()
        .map(|d| match learner.report.domains.get(d).copied().unwrap_or(DomainStatus::NotReached) {
            DomainStatus::Mastered => '•',
            DomainStatus::Partial => '½',
            DomainStatus::NotYet => '◌',
            DomainStatus::NotReached => '–',
        })
        .collect()
}

/// The columns of a learner's row, in words (also the printed lists' rows).
pub fn row_cells(view_language: &str, content: &Content, learner: &Learner) -> [String; 5] {
    let report = &learner.report;
    let level = tr_with(
        view_language,
        "room.level",
        &[
            ("rank", &report.level.rank.to_string()),
            ("name", &tr(view_language, &format!("result.level.{}.name", report.level.id))),
        ],
    );
    let language =
        content.language(&report.language).map_or_else(|| report.language.clone(), |l| l.name.clone());
    let minutes =
        tr_with(view_language, "room.minutes", &[("minutes", &report.seconds.div_ceil(60).to_string())]);
    [shown_name(view_language, learner), level, language, domain_map(learner), minutes]
}

/// Widths of the table's columns (name, level, language, domains, obstacles, time).
const COLUMNS: [f32; 6] = [190.0, 230.0, 130.0, 130.0, 250.0, 80.0];

/// The room screen.
pub fn room_ui(ui: &mut Ui, view: &RoomView<'_>, commands: &mut Vec<RoomCommand>) {
    let look = view.look;
    let code = view.table.code();
    reading_row(ui, look, |ui| {
        let column = egui::Layout::top_down(if look.rtl { egui::Align::Max } else { egui::Align::Min });
        ui.allocate_ui_with_layout(vec2(ui.available_width() - 320.0, 0.0), column, |ui| {
            text_block(
                ui,
                look,
                &tr_with(view.language, "room.title", &[("code", code)]),
                TextKind::Title,
                LineAlign::Start,
            );
            let hint = tr_with(view.language, "room.join_hint", &[("address", view.address), ("code", code)]);
            text_block(ui, look, &hint, TextKind::Body, LineAlign::Start);
        });
        if big_button(ui, look, &view.tr("room.close"), Some("🚪"), ButtonKind::Secondary, vec2(300.0, 72.0))
            .clicked()
        {
            commands.push(RoomCommand::Close);
        }
    });
    ui.add_space(8.0);
    rule_ui(ui, view, commands);
    ui.add_space(8.0);
    let below = 100.0;
    egui::ScrollArea::vertical().auto_shrink([false, true]).max_height(ui.available_height() - below).show(
        ui,
        |ui| {
            if view.table.learners().is_empty() {
                text_block(ui, look, &view.tr("room.waiting"), TextKind::Body, LineAlign::Start);
                return;
            }
            header_ui(ui, view);
            let groups = view.table.groups();
            for (index, group) in groups.iter().enumerate() {
                ui.add_space(10.0);
                let title = tr_with(
                    view.language,
                    "room.group",
                    &[("number", &(index + 1).to_string()), ("count", &group.len().to_string())],
                );
                text_block(ui, look, &title, TextKind::Button, LineAlign::Start);
                for learner in group.iter().filter_map(|id| view.table.learner(id)) {
                    learner_row(ui, view, learner, index, groups.len(), commands);
                }
            }
        },
    );
    ui.add_space(8.0);
    reading_row(ui, look, |ui| {
        if view.has_printer
            && big_button(
                ui,
                look,
                &view.tr("room.print"),
                Some("🖶"),
                ButtonKind::Secondary,
                vec2(300.0, 72.0),
            )
            .clicked()
        {
            commands.push(RoomCommand::Print);
        }
        if view.can_export
            && big_button(
                ui,
                look,
                &view.tr("room.export"),
                Some("💾"),
                ButtonKind::Secondary,
                vec2(300.0, 72.0),
            )
            .clicked()
        {
            commands.push(RoomCommand::Export);
        }
        let status = view
            .status
            .map(str::to_owned)
            .or_else(|| (!view.has_printer && !view.can_export).then(|| view.tr("room.no_output")));
        if let Some(status) = status {
            ui.allocate_ui(vec2(ui.available_width(), 72.0), |ui| {
                text_block(ui, look, &status, TextKind::Small, LineAlign::Start)
            });
        }
    });
}

/// How the room is split: by number of groups or by largest size, with − and +.
fn rule_ui(ui: &mut Ui, view: &RoomView<'_>, commands: &mut Vec<RoomCommand>) {
    let look = view.look;
    let rule = view.table.rule();
    reading_row(ui, look, |ui| {
        let by_count = matches!(rule, GroupRule::Count(_));
        let learners = view.table.learners().len().max(1);
        if big_button(
            ui,
            look,
            &view.tr("room.by_count"),
            None,
            ButtonKind::Choice { selected: by_count },
            vec2(200.0, 64.0),
        )
        .clicked()
            && !by_count
        {
            commands.push(RoomCommand::SetRule(GroupRule::Count(view.table.groups().len().max(1))));
        }
        if big_button(
            ui,
            look,
            &view.tr("room.by_size"),
            None,
            ButtonKind::Choice { selected: !by_count },
            vec2(200.0, 64.0),
        )
        .clicked()
            && by_count
        {
            commands.push(RoomCommand::SetRule(GroupRule::MaxSize(
                learners.div_ceil(view.table.groups().len().max(1)),
            )));
        }
        let (value, text, make): (usize, String, fn(usize) -> GroupRule) = match rule {
            GroupRule::Count(n) => {
                (n, tr_with(view.language, "room.rule.count", &[("count", &n.to_string())]), GroupRule::Count)
            }
            GroupRule::MaxSize(n) => {
                (n, tr_with(view.language, "room.rule.size", &[("size", &n.to_string())]), GroupRule::MaxSize)
            }
        };
        if big_button_named(
            ui,
            look,
            "-",
            &view.tr("room.less"),
            None,
            ButtonKind::Secondary,
            vec2(64.0, 64.0),
        )
        .clicked()
            && value > 1
        {
            commands.push(RoomCommand::SetRule(make(value - 1)));
        }
        ui.allocate_ui(vec2(260.0, 64.0), |ui| {
            text_block(ui, look, &text, TextKind::Body, LineAlign::Center)
        });
        if big_button_named(
            ui,
            look,
            "+",
            &view.tr("room.more"),
            None,
            ButtonKind::Secondary,
            vec2(64.0, 64.0),
        )
        .clicked()
            && value < 40
        {
            commands.push(RoomCommand::SetRule(make(value + 1)));
        }
        if view.table.hand_adjusted()
            && big_button(
                ui,
                look,
                &view.tr("room.propose"),
                Some("🔄"),
                ButtonKind::Secondary,
                vec2(200.0, 64.0),
            )
            .clicked()
        {
            commands.push(RoomCommand::Propose);
        }
    });
}

fn cell(ui: &mut Ui, look: &Look, width: f32, text: &str) {
    let column = egui::Layout::top_down(if look.rtl { egui::Align::Max } else { egui::Align::Min });
    ui.allocate_ui_with_layout(vec2(width, 64.0), column, |ui| {
        ui.set_width(width);
        text_block(ui, look, text, TextKind::Small, LineAlign::Start);
    });
}

fn header_ui(ui: &mut Ui, view: &RoomView<'_>) {
    let look = view.look;
    text_block(ui, look, &view.tr("room.domains_legend"), TextKind::Small, LineAlign::Start);
    let keys = [
        "room.col.name",
        "room.col.level",
        "room.col.language",
        "room.col.domains",
        "room.col.obstacles",
        "room.col.time",
    ];
    reading_row(ui, look, |ui| {
        for (key, width) in keys.iter().zip(COLUMNS) {
            cell(ui, look, width, &view.tr(key));
        }
    });
}

fn learner_row(
    ui: &mut Ui,
    view: &RoomView<'_>,
    learner: &Learner,
    group: usize,
    groups: usize,
    commands: &mut Vec<RoomCommand>,
) {
    let look = view.look;
    let [name, level, language, domains, minutes] = row_cells(view.language, view.content, learner);
    let obstacles: Vec<String> =
        learner.report.obstacles.iter().map(|o| view.tr(&format!("question.obstacles.{o}"))).collect();
    reading_row(ui, look, |ui| {
        for (text, width) in
            [&name, &level, &language, &domains, &obstacles.join(" · "), &minutes].into_iter().zip(COLUMNS)
        {
            cell(ui, look, width, text);
        }
        let earlier = tr_with(view.language, "room.move_earlier", &[("name", &name)]);
        if group > 0
            && big_button_named(ui, look, "⬆", &earlier, None, ButtonKind::Secondary, vec2(64.0, 64.0))
                .clicked()
        {
            commands.push(RoomCommand::Move { learner: learner.report.learner.clone(), to: group - 1 });
        }
        // Past the last group, a new group.
        let later = tr_with(view.language, "room.move_later", &[("name", &name)]);
        if (group + 1 < groups || view.table.groups()[group].len() > 1)
            && big_button_named(ui, look, "⬇", &later, None, ButtonKind::Secondary, vec2(64.0, 64.0))
                .clicked()
        {
            commands.push(RoomCommand::Move { learner: learner.report.learner.clone(), to: group + 1 });
        }
    });
}
