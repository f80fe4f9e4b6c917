//! `kiosk room`: the facilitator's window. It opens the room (server and table), shows the
//! room screen, runs what the facilitator asked, and closes the room when asked or when the
//! day is over. Printing and exporting run on a worker so the table keeps updating.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use egui::{Frame, Margin, Ui};
use repere_engine::config::Config;
use repere_engine::content::Content;
use repere_engine::room::RoomTable;
use repere_print::{GroupList, GroupLists, SlipTypesetter};

use super::RoomServer;
use crate::i18n::{tr, tr_with};
use crate::screens::room::{RoomCommand, RoomView, room_ui, row_cells};
use crate::theme::{DisplayModes, Look};

/// The day as the kiosk's clock says.
pub type Today = Box<dyn Fn() -> NaiveDate + Send>;

/// The facilitator's room, as an `eframe::App`.
pub struct RoomApp {
    server: Option<RoomServer>,
    address: String,
    content: Arc<Content>,
    config: Config,
    today: Today,
    status: Option<String>,
    done: (Sender<String>, Receiver<String>),
    typesetter: Arc<OnceLock<SlipTypesetter>>,
    applied: bool,
}

impl RoomApp {
    /// Opens a room on `listen` with a new code.
    ///
    /// # Errors
    /// The address cannot be listened on.
    pub fn open(
        ctx: &egui::Context,
        content: Arc<Content>,
        config: Config,
        listen: &str,
        today: Today,
    ) -> Result<Self, String> {
        crate::i18n::install(&content);
        crate::fonts::install(ctx);
        Self::start(ctx, content, config, listen, today)
    }

    /// Opens a room inside a running kiosk (its texts and fonts already installed): the
    /// operator menu's "Open a room".
    ///
    /// # Errors
    /// The address cannot be listened on.
    pub fn start(
        ctx: &egui::Context,
        content: Arc<Content>,
        config: Config,
        listen: &str,
        today: Today,
    ) -> Result<Self, String> {
        let repaint = ctx.clone();
        let table = RoomTable::new(&super::new_code(), today());
        let server = RoomServer::open(listen, table, Box::new(move || repaint.request_repaint()))?;
        let address = super::shown_address(server.address());
        Ok(Self {
            server: Some(server),
            address,
            content,
            config,
            today,
            status: None,
            done: channel(),
            typesetter: Arc::new(OnceLock::new()),
            applied: false,
        })
    }

    /// True until the facilitator closes the room (or its day ends).
    pub fn is_open(&self) -> bool {
        self.server.is_some()
    }

    /// The room's server while it is open (its address, its table), for tests.
    pub fn server(&self) -> Option<&RoomServer> {
        self.server.as_ref()
    }

    /// Shows learners another address than the one found (a port forwarded, a name in the
    /// local DNS; the snapshot tests' fixed one).
    pub fn set_shown_address(&mut self, address: &str) {
        address.clone_into(&mut self.address);
    }

    /// How the last print or export went.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    fn language(&self) -> &str {
        &self.config.default_language
    }

    fn look(&self) -> Look {
        let rtl =
            self.content.language(self.language()).is_some_and(repere_engine::content::LanguageInfo::is_rtl);
        Look::new(rtl, DisplayModes::default())
    }

    /// Draws the room inside `ui` and runs what the facilitator did.
    pub fn ui_inside(&mut self, ui: &mut Ui) {
        let look = self.look();
        if !self.applied {
            look.apply(ui.ctx());
            self.applied = true;
        }
        if let Ok(message) = self.done.1.try_recv() {
            self.status = Some(message);
        }
        // The room does not outlive its day.
        let over = self.server.as_ref().is_some_and(|s| s.table().is_over((self.today)()));
        if over {
            log::info!("room: the day is over");
            self.close(ui.ctx());
        }
        let Some(server) = &self.server else {
            let closed = tr(self.language(), "room.closed");
            crate::widgets::text_block(
                ui,
                &look,
                &closed,
                crate::theme::TextKind::Title,
                crate::widgets::bidi_layout::LineAlign::Center,
            );
            return;
        };
        let mut commands = Vec::new();
        {
            let table = server.table().clone();
            let view = RoomView {
                table: &table,
                address: &self.address,
                language: self.language(),
                look: &look,
                content: &self.content,
                has_printer: self.config.printer.is_some(),
                can_export: self.config.room.export_folder.is_some(),
                status: self.status.as_deref(),
            };
            room_ui(ui, &view, &mut commands);
        }
        for command in commands {
            self.run(command, ui.ctx());
        }
        // The clock's day ends even if no learner comes.
        ui.ctx().request_repaint_after(std::time::Duration::from_secs(30));
    }

    fn run(&mut self, command: RoomCommand, ctx: &egui::Context) {
        match command {
            RoomCommand::SetRule(rule) => self.with_table(|t| t.set_rule(rule)),
            RoomCommand::Propose => self.with_table(RoomTable::propose),
            RoomCommand::Move { learner, to } => self.with_table(|t| t.move_learner(&learner, to)),
            RoomCommand::Print => self.print(),
            RoomCommand::Export => self.export(),
            RoomCommand::Close => self.close(ctx),
        }
    }

    fn with_table(&self, change: impl FnOnce(&mut RoomTable)) {
        if let Some(server) = &self.server {
            change(&mut server.table());
        }
    }

    fn close(&mut self, ctx: &egui::Context) {
        if let Some(server) = self.server.take() {
            server.close();
        }
        self.status = None;
        ctx.request_repaint();
    }

    /// The group lists in the facilitator's words.
    fn lists(&self, table: &RoomTable) -> GroupLists {
        let language = self.language();
        let date = table.opened_on().format("%d/%m/%Y").to_string();
        GroupLists {
            title: tr_with(language, "room.lists_title", &[("code", table.code())]),
            subtitle: format!("{} — {date}", self.config.site_name),
            columns: [
                "room.col.name",
                "room.col.level",
                "room.col.language",
                "room.col.domains",
                "room.col.time",
            ]
            .map(|key| tr(language, key)),
            groups: table
                .groups()
                .iter()
                .enumerate()
                .map(|(index, group)| GroupList {
                    title: tr_with(
                        language,
                        "room.group",
                        &[("number", &(index + 1).to_string()), ("count", &group.len().to_string())],
                    ),
                    rows: group
                        .iter()
                        .filter_map(|id| table.learner(id))
                        .map(|learner| row_cells(language, &self.content, learner))
                        .collect(),
                })
                .collect(),
        }
    }

    fn print(&mut self) {
        let (Some(server), Some(settings)) = (&self.server, self.config.printer.clone()) else {
            return;
        };
        let lists = self.lists(&server.table());
        let (typesetter, done, language) =
            (Arc::clone(&self.typesetter), self.done.0.clone(), self.language().to_owned());
        self.status = Some(tr(&language, "room.printing"));
        let spawned = std::thread::Builder::new().name("room-print".to_owned()).spawn(move || {
            let typesetter = typesetter.get_or_init(|| SlipTypesetter::new(&repere_print::fonts::ALL));
            let message = match typesetter.print_group_lists(&lists, &repere_print::Printer::new(settings)) {
                Ok(_) => tr(&language, "room.printed"),
                Err(problem) => tr_with(&language, "room.failed", &[("problem", &problem.to_string())]),
            };
            done.send(message).ok();
        });
        if let Err(e) = spawned {
            self.status = Some(tr_with(self.language(), "room.failed", &[("problem", &e.to_string())]));
        }
    }

    fn export(&mut self) {
        let (Some(server), Some(folder)) = (&self.server, self.config.room.export_folder.clone()) else {
            return;
        };
        let (lists, csv, stem) = {
            let table = server.table();
            let stem = format!("groupes-{}-{}", table.code(), table.opened_on());
            (self.lists(&table), table.to_csv(), stem)
        };
        let (typesetter, done, language) =
            (Arc::clone(&self.typesetter), self.done.0.clone(), self.language().to_owned());
        self.status = Some(tr(&language, "room.exporting"));
        let spawned = std::thread::Builder::new().name("room-export".to_owned()).spawn(move || {
            let typesetter = typesetter.get_or_init(|| SlipTypesetter::new(&repere_print::fonts::ALL));
            let message = match write_exports(typesetter, &lists, &csv, &folder, &stem) {
                Ok(files) => tr_with(&language, "room.exported", &[("files", &files)]),
                Err(problem) => tr_with(&language, "room.failed", &[("problem", &problem)]),
            };
            done.send(message).ok();
        });
        if let Err(e) = spawned {
            self.status = Some(tr_with(self.language(), "room.failed", &[("problem", &e.to_string())]));
        }
    }
}

/// Writes `<stem>.pdf` and `<stem>.csv` in `folder`; their paths, or why not.
fn write_exports(
    typesetter: &SlipTypesetter,
    lists: &GroupLists,
    csv: &str,
    folder: &std::path::Path,
    stem: &str,
) -> Result<String, String> {
    let pdf = typesetter.group_lists_pdf(lists).map_err(|e| e.to_string())?;
    let paths: [PathBuf; 2] = [folder.join(format!("{stem}.pdf")), folder.join(format!("{stem}.csv"))];
    std::fs::write(&paths[0], pdf).map_err(|e| format!("{}: {e}", paths[0].display()))?;
    std::fs::write(&paths[1], csv).map_err(|e| format!("{}: {e}", paths[1].display()))?;
    log::info!("room: group lists exported to {}", folder.display());
    Ok(paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))
}

impl eframe::App for RoomApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let look = self.look();
        egui::CentralPanel::default()
            .frame(Frame::new().fill(look.palette.background).inner_margin(Margin::same(24)))
            .show(ui, |ui| self.ui_inside(ui));
    }
}
