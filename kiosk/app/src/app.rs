//! The kiosk app: draws the screen of the engine's session, collects what the visitor did as
//! [`AppCommand`]s during the UI pass and runs them after it.

use std::sync::{Arc, OnceLock};

use egui::{Frame, Margin, Ui};
use repere_engine::config::{AudioOutput, Config};
use repere_engine::content::Content;
use repere_engine::orientation::{Orientation, Territory};
use repere_engine::profile::Home;
use repere_engine::result::Recommendation;
use repere_engine::session::{Command, IdleState, Screen, Session, TaskEvent};
use repere_engine::slip::Slip;
use repere_engine::slip::words::{ContentWords, card_lines, sentences};
use repere_stats::Recorder;
use repere_stats::record::VisitRecord;

use crate::audio::live_voice::Voice;
use crate::audio::{DEFAULT_VOLUME, Speaker};
use crate::exercises::ExerciseState;
use crate::room::facilitator::RoomApp;
use crate::room::{LinkState, RoomCheck, RoomLink};
use crate::screens::{self, CodeCheck, OperatorPanel, Overlay, RoomCodeDialog, View};
use crate::slip_printer::{PrintState, SlipPrinter};
use crate::theme::{DisplayModes, Look};

/// What the visitor or the operator asked for during a frame; run after the UI pass.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum AppCommand {
    /// Nothing.
    None,
    /// A change to the visit.
    Session(Command),
    /// Say the current prompt again.
    HearAgain,
    /// "Show me" on a task: show and say its hint (help asked, like "hear again").
    ShowMe,
    /// Read the result aloud (on open speakers only on request).
    HearResult,
    /// Print the visitor's slip (or show its codes when there is no printer).
    PrintSlip,
    /// Show the codes of the result's places, to photograph.
    ShowCodes,
    /// Show every recommended place in French, for the agent at the counter.
    ShowDeskCard,
    /// The operator's test print.
    TestPrint,
    /// Read a recommended place aloud (its index in the result).
    HearPlace(usize),
    /// Say a language's name in that language (its code): the picker's "listen" buttons.
    HearLanguageName(String),
    /// Show the bigger card of a recommended place, for the agent at the counter.
    ShowPlace(usize),
    /// Softer.
    VolumeDown,
    /// Louder.
    VolumeUp,
    /// Larger text on or off.
    ToggleLargeText,
    /// High contrast on or off.
    ToggleContrast,
    /// "Stop" pressed: ask to confirm.
    AskStop,
    /// Close the overlay on show.
    CloseOverlay,
    /// The exercise on screen changed (a target pressed, an item dragged).
    Exercise(ExerciseState),
    /// Say this spoken key (a form's error message as it comes back); its words are on screen.
    Say(String),
    /// Toggle an answer of a many-answers question.
    ToggleChoice(String),
    /// Show or hide the other places of a kind of help on the result (the kind's id).
    ToggleMorePlaces(String),
    /// A digit of the postcode keypad.
    PostcodeDigit(char),
    /// Erase the last postcode digit.
    PostcodeErase,
    /// A tap in the operator corner (five in three seconds open the PIN pad).
    CornerTap,
    /// Open the operator's PIN pad.
    OpenOperator,
    /// A digit of the PIN pad.
    PinDigit(char),
    /// Erase the PIN typed so far.
    PinErase,
    /// Check the PIN.
    PinSubmit,
    /// Play a prompt to test the audio output.
    AudioTest,
    /// Leave the kiosk (operator only).
    Exit,
    /// In a room: open the dialog to give a first name to the facilitator.
    AskRoomName,
    /// A key typed in that dialog.
    RoomNameKey(crate::widgets::keyboard::KeyPress),
    /// Send the result again with the name typed.
    SendRoomName,
    /// A learner kiosk: open the dialog to type the room's code (attract screen).
    AskRoomCode,
    /// A digit of the room's code.
    RoomCodeDigit(char),
    /// Erase the last digit of the room's code.
    RoomCodeErase,
    /// Check the code typed with the facilitator's kiosk, and join its room if it is right.
    JoinRoom,
    /// The operator opens a room on this kiosk: it becomes the facilitator's screen until
    /// the room is closed.
    OpenRoom,
}

impl AppCommand {
    /// True when the visitor acted on the screen itself (not on the sound controls).
    pub fn interrupts_speech(&self) -> bool {
        !matches!(
            self,
            Self::None
                | Self::HearAgain
                | Self::HearResult
                | Self::HearPlace(_)
                | Self::HearLanguageName(_)
                | Self::VolumeDown
                | Self::VolumeUp
                | Self::CornerTap
        )
    }
}

/// UI-local state: what the screen shows but the engine need not know. Reset at each visit.
#[derive(Debug, Default)]
pub struct UiState {
    /// The visitor's display modes.
    pub modes: DisplayModes,
    /// A dialog over the screen.
    pub overlay: Option<Overlay>,
    /// Answers ticked on a many-answers question, before "Continue".
    pub chosen: Vec<String>,
    /// Postcode digits typed so far.
    pub postcode: String,
    /// The exercise on screen.
    pub exercise: ExerciseState,
    /// The task's "Show me" hint is shown in the caption band (until the task ends or the
    /// instruction is heard again).
    pub hint_shown: bool,
    /// When "Show me" was last pressed: its pointer shows for a few seconds.
    pub show_me_since: Option<f64>,
    /// Session screen serial the state above belongs to.
    pub screen_serial: Option<u64>,
    /// Taps in the operator corner (times), for the secret gesture.
    pub corner_taps: Vec<f64>,
    /// The idle warning has been spoken.
    pub idle_spoken: bool,
    /// The nearest places helping with procedures today (the urgent-help screen).
    pub nearby: Vec<Recommendation>,
    /// The kinds of help whose other places the result shows (after "More places").
    pub more_places: Vec<String>,
    /// In a room: the first name typed for the facilitator.
    pub room_name: String,
    /// The name dialog's shift key.
    pub name_shift: bool,
}

/// The kiosk, as an `eframe::App`. Another eframe application can host it with
/// [`KioskApp::ui_inside`].
pub struct KioskApp {
    content: Arc<Content>,
    config: Config,
    session: Session,
    ui_state: UiState,
    speaker: Speaker,
    exit_allowed: bool,
    frame_commands: Vec<AppCommand>,
    last_spoken: Vec<String>,
    /// The language `last_spoken` was said in (the screen's at the time).
    spoken_language: String,
    /// What was being said was cut (the visitor acted) and nothing was said since.
    speech_interrupted: bool,
    applied_look: Option<Look>,
    territory: Option<Arc<Territory>>,
    printer: SlipPrinter,
    statistics: Option<Recorder>,
    /// What the statistics will record of the visit on show when it ends.
    visit_record: Option<VisitRecord>,
    /// The facilitator's room this kiosk sends results to (`[room] join` and `code`).
    room: Option<RoomLink>,
    /// When the visit on show left the attract screen (its time spent, for the room).
    visit_started: Option<f64>,
    /// What was sent to the room of the visit on show (sent again with a name).
    room_report: Option<repere_engine::room::LearnerReport>,
    /// A room code typed on the attract screen, being checked.
    room_check: Option<RoomCheck>,
    /// The day a typed room code was accepted (such a room does not outlive its day); `None`
    /// for a room fixed in the config.
    room_joined_on: Option<chrono::NaiveDate>,
    /// The room the operator opened on this kiosk: the screen is the facilitator's meanwhile.
    facilitator: Option<RoomApp>,
}

impl KioskApp {
    /// A kiosk on checked content and config, speaking through `speaker`.
    pub fn new(ctx: &egui::Context, content: Arc<Content>, config: Config, speaker: Speaker) -> Self {
        // Checked before start-up by the command line; a host that skipped it gets results
        // without places, and the log says why.
        let territory = match Territory::load(&config, &content) {
            Ok(territory) => Some(Arc::new(territory)),
            Err(problems) => {
                for problem in &problems {
                    log::error!("places: {problem}");
                }
                None
            }
        };
        Self::with_territory(ctx, content, config, speaker, territory)
    }

    /// The same kiosk over a territory (places, location, clock) already loaded, or none.
    pub fn with_territory(
        ctx: &egui::Context,
        content: Arc<Content>,
        config: Config,
        speaker: Speaker,
        territory: Option<Arc<Territory>>,
    ) -> Self {
        crate::i18n::install(&content);
        crate::fonts::install(ctx);
        ctx.options_mut(|options| {
            // Hesitant hands hold a press longer than egui's 0.8 s.
            options.input_options.max_click_duration = 3.0;
            options.zoom_with_keyboard = false;
        });
        let now = ctx.input(|i| i.time);
        let session = Session::new(&config.default_language, config.idle, now);
        let printer = SlipPrinter::new(
            config.printer.clone().map(repere_print::Printer::new),
            Arc::new(OnceLock::new()),
        );
        let room = match (config.room.join_address(), &config.room.code) {
            (Some(address), Some(code)) => Some(RoomLink::new(address, code)),
            _ => None,
        };
        Self {
            content,
            config,
            session,
            ui_state: UiState::default(),
            speaker,
            exit_allowed: false,
            frame_commands: Vec::new(),
            last_spoken: Vec::new(),
            spoken_language: String::new(),
            speech_interrupted: false,
            applied_look: None,
            territory,
            printer,
            statistics: None,
            visit_record: None,
            room,
            visit_started: None,
            room_report: None,
            room_check: None,
            room_joined_on: None,
            facilitator: None,
        }
    }

    /// Where the visitor's result is on its way to the facilitator's room, when this kiosk
    /// is in a room.
    pub fn room_state(&self) -> Option<LinkState> {
        self.room.as_ref().map(RoomLink::state)
    }

    /// The room the operator opened on this kiosk, while it is open (for tests).
    pub fn facilitator(&self) -> Option<&RoomApp> {
        self.facilitator.as_ref()
    }

    /// Records each visit's anonymous statistics with `recorder` (the kiosk does when the
    /// config turns them on; replays and hosts do not unless they ask).
    pub fn record_statistics(&mut self, recorder: Recorder) {
        self.statistics = Some(recorder);
    }

    /// The statistics recorder, if any.
    pub fn statistics(&self) -> Option<&Recorder> {
        self.statistics.as_ref()
    }

    /// The visit's state (read-only), for hosts and tests.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The content.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The UI-local state, for tests.
    pub fn ui_state(&self) -> &UiState {
        &self.ui_state
    }

    /// True once the operator chose to leave.
    pub fn exit_allowed(&self) -> bool {
        self.exit_allowed
    }

    /// Shows `screen` at once, as [`Session::show`] does: the layout test reaches every
    /// screen this way, without a visit.
    pub fn show_screen(&mut self, screen: Screen, now: f64) {
        self.session.show(screen, &self.content, now);
    }

    /// Opens a dialog over the screen (the layout test reaches every dialog this way).
    pub fn open_overlay(&mut self, overlay: Overlay) {
        self.ui_state.overlay = Some(overlay);
    }

    /// Closes the dialog over the screen, if any.
    pub fn close_overlay(&mut self) {
        self.ui_state.overlay = None;
    }

    /// Sets the visitor's display modes (larger text, contrast), as their buttons do.
    pub fn set_modes(&mut self, modes: DisplayModes) {
        self.ui_state.modes = modes;
    }

    /// Where the visitor's slip is (printing, printed, failed), for tests.
    pub fn print_state(&self) -> &PrintState {
        self.printer.state()
    }

    /// The keys of the last thing said (with or without an audio device), for tests.
    pub fn last_spoken(&self) -> &[String] {
        &self.last_spoken
    }

    /// The language of the screen when [`Self::last_spoken`] was said: its keys were played
    /// in it (but a `<code>:<key>`, said in that language), for tests.
    pub fn last_spoken_language(&self) -> &str {
        &self.spoken_language
    }

    /// True when the kiosk cut what it was saying because the visitor acted (or the visit
    /// ended) and has said nothing since, for tests.
    pub fn speech_interrupted(&self) -> bool {
        self.speech_interrupted
    }

    /// The volume of speech (0–1).
    pub fn volume(&self) -> f32 {
        self.speaker.volume()
    }

    /// The look of the current language and modes.
    pub fn look(&self) -> Look {
        let rtl = self
            .content
            .language(self.session.language())
            .is_some_and(repere_engine::content::LanguageInfo::is_rtl);
        Look::new(rtl, self.ui_state.modes)
    }

    /// Draws the kiosk inside `ui` and runs what the visitor did.
    pub fn ui_inside(&mut self, ui: &mut Ui) {
        if self.facilitator_ui(ui) {
            return;
        }
        let now = ui.input(|i| i.time);
        let acted = ui.input(|i| {
            i.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::PointerButton { .. }
                        | egui::Event::Key { .. }
                        | egui::Event::Text(_)
                        | egui::Event::Touch { .. }
                        | egui::Event::MouseWheel { .. }
                )
            })
        });
        if acted {
            self.session.touch(now);
        }
        self.enter_screen_if_new();
        let look = self.look().on_screen(ui.max_rect().size());
        // egui's visuals change only with the language's direction or the visitor's modes.
        if self.applied_look != Some(look) {
            look.apply(ui.ctx());
            self.applied_look = Some(look);
        }

        let mut commands = std::mem::take(&mut self.frame_commands);
        commands.clear();
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::CTRL | egui::Modifiers::ALT, egui::Key::O)) {
            commands.push(AppCommand::OpenOperator);
        }
        {
            let view = View {
                session: &self.session,
                content: &self.content,
                config: &self.config,
                look: &look,
                ui_state: &self.ui_state,
                now,
                audio_available: self.speaker.is_available(),
                volume: self.speaker.volume(),
                print_state: self.printer.state(),
                room_state: self.room_state(),
                room_code: self.room.as_ref().map(RoomLink::code),
                has_printer: self.printer.has_printer(),
                printer_status: self.printer.status(),
            };
            screens::kiosk_ui(ui, &view, &mut commands);
        }
        for command in commands.drain(..) {
            self.run(command, ui.ctx(), now);
        }
        self.frame_commands = commands;

        if let Command::Wipe = self.session.tick(now) {
            self.run(AppCommand::Session(Command::Wipe), ui.ctx(), now);
        }
        self.speak_idle_warning(now);
        self.follow_printing(ui.ctx());
        self.follow_room(ui.ctx());
        self.speaker.poll();
        if self.speaker.is_rendering() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
        }
        if self.session.screen() != Screen::Attract || self.ui_state.overlay.is_some() {
            // Timers (idle, goodbye) run without input.
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(500));
        }
    }

    /// Resets per-screen UI state and speaks the prompt when the session entered a screen.
    fn enter_screen_if_new(&mut self) {
        if self.ui_state.screen_serial == Some(self.session.serial()) {
            return;
        }
        self.ui_state.screen_serial = Some(self.session.serial());
        self.ui_state.exercise = ExerciseState::default();
        self.ui_state.hint_shown = false;
        self.ui_state.postcode = self.session.postcode().unwrap_or_default().to_owned();
        self.ui_state.chosen = match self.session.screen() {
            Screen::Question(index) => self
                .content
                .questions
                .get(index)
                .and_then(|q| self.session.answers().values_of(&q.id))
                .map(|values| values.into_iter().map(str::to_owned).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        self.ui_state.idle_spoken = false;
        self.ui_state.nearby.clear();
        if let Some(territory) = &self.territory {
            let orientation = Orientation::new(&self.content, territory);
            match self.session.screen() {
                Screen::Result => self.session.orient(&orientation),
                Screen::UrgentHelp => {
                    let home = self.session.postcode().map(|p| Home::Postcode { postcode: p.to_owned() });
                    self.ui_state.nearby = orientation
                        .help_today(self.session.language(), home.as_ref())
                        .into_iter()
                        .map(|place| Recommendation {
                            kind: "help_with_procedures".to_owned(),
                            // Why, on the bigger card shown at the desk.
                            reason: crate::i18n::tr(
                                self.session.language(),
                                "orientation.help_with_procedures.reason",
                            ),
                            place: Some(place),
                            offer: None,
                        })
                        .collect();
                }
                _ => {}
            }
        }
        self.note_visit_for_statistics();
        self.send_to_room();
        let attract_muted = self.session.screen() == Screen::Attract && !self.config.audio.attract_invitation;
        if attract_muted {
            self.stop_speech();
        } else {
            self.say_prompt();
        }
    }

    /// Keeps what the statistics record when the visit ends: its result once shown, else
    /// (from the welcome screen on) that a visit began.
    fn note_visit_for_statistics(&mut self) {
        if self.statistics.is_none() {
            return;
        }
        let today = || {
            repere_engine::orientation::KioskClock::new(&self.config.time_zone, self.config.now.as_deref())
                .map_or_else(|_| chrono::Utc::now().date_naive(), |clock| clock.now().date())
        };
        match self.session.screen() {
            Screen::Attract | Screen::Language => {}
            Screen::Result => {
                if let Some(result) = self.session.result() {
                    self.visit_record = Some(VisitRecord::finished(today(), &self.config.kiosk_id, result));
                }
            }
            _ => {
                if self.visit_record.is_none() {
                    let language = self.session.language();
                    self.visit_record =
                        Some(VisitRecord::not_finished(today(), &self.config.kiosk_id, language));
                }
            }
        }
    }

    /// In a room: notes when the visit began, and sends its result to the facilitator as
    /// soon as it is on screen (from a worker: the screen never waits).
    fn send_to_room(&mut self) {
        let Some(room) = &mut self.room else {
            return;
        };
        match self.session.screen() {
            Screen::Attract | Screen::Language => {}
            Screen::Result => {
                if let Some(result) = self.session.result() {
                    let started = self.visit_started.unwrap_or_else(|| self.session.entered_at());
                    let seconds = (self.session.entered_at() - started).max(0.0) as u32;
                    let visit = format!("{}{}", crate::room::new_code(), crate::room::new_code());
                    let report = repere_engine::room::LearnerReport::new(&visit, None, result, seconds);
                    room.send(report.clone());
                    self.room_report = Some(report);
                }
            }
            _ => {
                if self.visit_started.is_none() {
                    self.visit_started = Some(self.session.entered_at());
                }
            }
        }
    }

    /// The visit ends (goodbye over, or idle): its record goes to the recorder, which never
    /// makes the kiosk wait.
    fn end_visit_for_statistics(&mut self) {
        if let (Some(recorder), Some(mut record)) = (&self.statistics, self.visit_record.take()) {
            if record.outcome.is_none() {
                self.session.language().clone_into(&mut record.language);
            }
            recorder.record(record);
        }
    }

    /// The keys spoken for the current screen (`<code>:<key>`: a key said in another language).
    fn prompt_keys(&self) -> Vec<String> {
        let mut keys = vec![screens::prompt_key(&self.session, &self.content)];
        if self.session.screen() == Screen::Language {
            // Then each language's name in that language, in the picker's order: a visitor who
            // reads none of the names hears their own.
            keys.extend(
                self.config
                    .offered_languages(&self.content)
                    .into_iter()
                    .filter(|l| l.voice.is_some())
                    .map(|l| language_name_key(&l.code)),
            );
        }
        if let Screen::Task(index) = self.session.screen()
            && let Some(task) = self.content.tasks.get(index)
        {
            keys.extend(self.content.said_after_instruction(task));
        }
        if self.session.screen() == Screen::Result && self.config.audio.output == AudioOutput::Headset {
            keys.extend(self.result_keys());
        }
        keys
    }

    fn result_keys(&self) -> Vec<String> {
        self.session.result().map(|r| vec![format!("result.level.{}.say", r.level.id)]).unwrap_or_default()
    }

    /// Says `keys` in the screen's language (`<code>:<key>`: in that language).
    fn say(&mut self, keys: &[String]) {
        self.last_spoken = keys.to_vec();
        self.speech_interrupted = false;
        let language = self.session.language().to_owned();
        self.spoken_language.clone_from(&language);
        let prompts: Vec<&[u8]> = keys
            .iter()
            .filter_map(|key| {
                let (language, key) = key.split_once(':').unwrap_or((&language, key));
                let prompt = self.content.sounds.prompt(language, key);
                if prompt.is_none() {
                    log::debug!("no prompt for {key} in {language}: caption only");
                }
                prompt
            })
            .collect();
        self.speaker.say(&prompts);
    }

    /// Says `keys` (recorded prompts), then `text` (changing text) with the language's voice
    /// at run time; captions only for it when there is no voice.
    fn say_then_speak(&mut self, keys: &[String], text: &str) {
        self.last_spoken = keys.to_vec();
        self.speech_interrupted = false;
        if !text.is_empty() {
            self.last_spoken.push(format!("live:{text}"));
        }
        let language = self.session.language().to_owned();
        self.spoken_language.clone_from(&language);
        let voice = self.content.language(&language).and_then(|l| Voice::of(l, &self.config));
        let prompts: Vec<&[u8]> =
            keys.iter().filter_map(|key| self.content.sounds.prompt(&language, key)).collect();
        self.speaker.say_then_speak(&prompts, voice.as_ref(), text);
    }

    /// What is read aloud of the recommended places: one (`Some(index)`), or for the whole
    /// result each kind of help with its first place.
    /// The result read aloud: the whole slip, or one place.
    fn hear_result(&mut self, command: &AppCommand) {
        match command {
            AppCommand::HearResult => {
                // The slip read aloud (EN 301 549 5.1.3.16): the level's recorded prompt, then
                // the rest in the run-time voice.
                let keys = self.result_keys();
                let text = self.slip().map(|slip| slip.spoken_details()).unwrap_or_default();
                self.say_then_speak(&keys, &text);
            }
            AppCommand::HearPlace(index) => {
                let index = *index;
                let language = self.session.language();
                let words = ContentWords::new(&self.content, language);
                let text = place_on_show(&self.session, &self.ui_state, index)
                    .map(|r| sentences(&card_lines(&words, r)))
                    .unwrap_or_default();
                self.say_then_speak(&[], &text);
            }
            _ => {}
        }
    }

    /// Printing, the codes to photograph, the operator's test print.
    fn run_slip(&mut self, command: &AppCommand) {
        match command {
            AppCommand::PrintSlip => match self.slip() {
                Some(slip) if self.printer.has_printer() => {
                    self.printer.print(slip);
                    self.say(&["slip.printing.say".to_owned()]);
                }
                _ => self.show_codes(),
            },
            AppCommand::TestPrint => {
                if let Some(slip) = self.sample_slip() {
                    self.printer.print(slip);
                }
            }
            _ => self.show_codes(),
        }
    }

    /// The visitor's slip, from the result on screen.
    fn slip(&self) -> Option<Slip> {
        let result = self.session.result()?;
        Some(Slip::new(result, &self.content, &self.config, self.today()))
    }

    /// The kiosk's date (its configured clock, else the system's).
    fn today(&self) -> chrono::NaiveDate {
        self.territory
            .as_ref()
            .map_or_else(|| chrono::Local::now().date_naive(), |territory| territory.clock.now().date())
    }

    /// The operator's test print: the slip of a visitor who answered nothing, in French, on
    /// this kiosk's places.
    fn sample_slip(&self) -> Option<Slip> {
        let profile = repere_engine::profile::VisitorProfile::from_json(
            r#"{"language": "fr", "answers": {}, "domains": {"mouse": 1.0, "keyboard": 0.5}}"#,
            &[],
        )
        .map_err(|e| log::error!("test print: {e}"))
        .ok()?;
        let result = match &self.territory {
            Some(territory) => Orientation::new(&self.content, territory).simulate(&profile),
            None => repere_engine::result::simulate(&profile, &self.content.scoring),
        };
        Some(Slip::new(&result, &self.content, &self.config, self.today()))
    }

    /// The codes to photograph, said and shown.
    fn show_codes(&mut self) {
        self.ui_state.overlay = Some(Overlay::SlipCodes);
        self.say(&["slip.codes.say".to_owned()]);
    }

    /// Says how printing went when it changes; a slip that will not come out shows its codes.
    fn follow_printing(&mut self, ctx: &egui::Context) {
        if self.printer.poll() {
            match self.printer.state() {
                PrintState::Printed => self.say(&["slip.printed.say".to_owned()]),
                PrintState::Failed if self.session.screen() == Screen::Result => {
                    self.ui_state.overlay = Some(Overlay::SlipCodes);
                    self.say(&["slip.failed.say".to_owned()]);
                }
                PrintState::Failed | PrintState::Idle | PrintState::Printing => {}
            }
        }
        if *self.printer.state() == PrintState::Printing
            || *self.printer.status() == crate::slip_printer::PrinterStatus::Checking
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn say_prompt(&mut self) {
        let keys = self.prompt_keys();
        // With a headset the result is read at once: its places too, spoken at run time.
        if self.session.screen() == Screen::Result && self.config.audio.output == AudioOutput::Headset {
            let text = self.slip().map(|slip| slip.spoken_details()).unwrap_or_default();
            self.say_then_speak(&keys, &text);
        } else {
            self.say(&keys);
        }
    }

    fn speak_idle_warning(&mut self, now: f64) {
        let warning = matches!(self.session.idle_state(now), IdleState::Warning { .. });
        if warning && !self.ui_state.idle_spoken {
            self.ui_state.idle_spoken = true;
            self.say(&["idle.say".to_owned()]);
        } else if !warning && self.ui_state.idle_spoken {
            self.ui_state.idle_spoken = false;
        }
    }

    /// Runs one command.
    fn run(&mut self, command: AppCommand, ctx: &egui::Context, now: f64) {
        // Speech stops when the visitor acts (EN 301 549 5.1.3); what speaks again says so.
        if command.interrupts_speech() {
            self.stop_speech();
        }
        match command {
            AppCommand::None => {}
            AppCommand::Session(command) => {
                if matches!(command, Command::Stop | Command::Wipe) {
                    self.ui_state.overlay = None;
                }
                let wipe = command == Command::Wipe;
                if wipe {
                    self.end_visit_for_statistics();
                }
                self.session.apply(command, &self.content, now);
                if wipe {
                    self.wipe_ui();
                }
            }
            AppCommand::HearAgain => {
                if matches!(self.session.screen(), Screen::Task(_)) {
                    self.session.apply(Command::Task(TaskEvent::Help), &self.content, now);
                }
                // The instruction said again comes back in the caption, in the hint's place.
                self.ui_state.hint_shown = false;
                match &self.ui_state.overlay {
                    Some(Overlay::StopConfirm) => self.say(&["stop.say".to_owned()]),
                    _ => self.say_prompt(),
                }
            }
            AppCommand::ShowMe => {
                let hint = match self.session.screen() {
                    Screen::Task(index) => self.content.tasks.get(index).and_then(|t| t.show.clone()),
                    _ => None,
                };
                if let Some(hint) = hint {
                    // Help asked, exactly as "hear again": a success after it weighs less.
                    self.session.apply(Command::Task(TaskEvent::Help), &self.content, now);
                    self.ui_state.hint_shown = true;
                    self.ui_state.show_me_since = Some(now);
                    self.say(&[hint]);
                }
            }
            AppCommand::HearResult | AppCommand::HearPlace(_) => self.hear_result(&command),
            AppCommand::PrintSlip | AppCommand::ShowCodes | AppCommand::TestPrint => self.run_slip(&command),
            AppCommand::HearLanguageName(code) => self.say(&[language_name_key(&code)]),
            AppCommand::ShowPlace(index) => self.ui_state.overlay = Some(Overlay::PlaceCard(index)),
            AppCommand::ShowDeskCard => self.ui_state.overlay = Some(Overlay::DeskCard),
            AppCommand::VolumeDown => self.speaker.set_volume(self.speaker.volume() - 0.2),
            AppCommand::VolumeUp => self.speaker.set_volume(self.speaker.volume() + 0.2),
            AppCommand::ToggleLargeText => self.ui_state.modes.large_text = !self.ui_state.modes.large_text,
            AppCommand::ToggleContrast => {
                self.ui_state.modes.high_contrast = !self.ui_state.modes.high_contrast;
            }
            AppCommand::AskStop => {
                self.ui_state.overlay = Some(Overlay::StopConfirm);
                self.say(&["stop.say".to_owned()]);
            }
            AppCommand::CloseOverlay => self.ui_state.overlay = None,
            AppCommand::Exercise(state) => {
                // A confirmed answer that is not yet right is said kindly, not only shown.
                if state.tried && !self.ui_state.exercise.tried {
                    self.say(&["task.retry.say".to_owned()]);
                }
                if let Some(key) = state.mail.to_say(&self.ui_state.exercise.mail) {
                    self.say(&[key.to_owned()]);
                }
                self.ui_state.exercise = state;
            }
            AppCommand::Say(key) => self.say(&[key]),
            AppCommand::ToggleChoice(id) => toggle(&mut self.ui_state.chosen, id),
            AppCommand::ToggleMorePlaces(kind) => toggle(&mut self.ui_state.more_places, kind),
            AppCommand::PostcodeDigit(digit) => {
                if self.ui_state.postcode.len() < 5 {
                    self.ui_state.postcode.push(digit);
                }
            }
            AppCommand::PostcodeErase => {
                self.ui_state.postcode.pop();
            }
            AppCommand::AskRoomName | AppCommand::RoomNameKey(_) | AppCommand::SendRoomName => {
                self.run_room_name(command);
            }
            AppCommand::AskRoomCode
            | AppCommand::RoomCodeDigit(_)
            | AppCommand::RoomCodeErase
            | AppCommand::JoinRoom => self.run_room_code(&command),
            AppCommand::CornerTap
            | AppCommand::OpenOperator
            | AppCommand::PinDigit(_)
            | AppCommand::PinErase
            | AppCommand::PinSubmit
            | AppCommand::AudioTest
            | AppCommand::OpenRoom
            | AppCommand::Exit => self.run_operator(&command, ctx, now),
        }
    }

    /// Runs the commands of the name dialog (in a room).
    fn run_room_name(&mut self, command: AppCommand) {
        match command {
            AppCommand::AskRoomName => {
                self.ui_state.overlay = Some(Overlay::RoomName);
                self.say(&["room.learner.name.say".to_owned()]);
            }
            AppCommand::RoomNameKey(press) => {
                let effect = crate::widgets::typing::apply_key(
                    &press,
                    &mut self.ui_state.room_name,
                    &mut self.ui_state.name_shift,
                    repere_engine::room::report::NAME_MAX_CHARS,
                );
                // The keyboard's "confirm" (or Enter) sends, as the dialog's button does.
                if effect == crate::widgets::typing::KeyEffect::Confirm {
                    self.run_room_name(AppCommand::SendRoomName);
                }
            }
            AppCommand::SendRoomName => {
                if let (Some(room), Some(report)) = (&mut self.room, &self.room_report) {
                    let name = self.ui_state.room_name.trim();
                    let named = repere_engine::room::LearnerReport {
                        name: (!name.is_empty()).then(|| name.to_owned()),
                        ..report.clone()
                    };
                    room.send(named);
                }
                self.ui_state.overlay = None;
            }
            _ => {}
        }
    }

    /// The room the operator opened, drawn instead of the kiosk; true while there is one. Its
    /// closing brings the attract screen back.
    fn facilitator_ui(&mut self, ui: &mut Ui) -> bool {
        if self.facilitator.is_none() {
            return false;
        }
        let background = self.look().palette.background;
        let Some(room) = &mut self.facilitator else {
            return false;
        };
        Frame::new().fill(background).inner_margin(Margin::same(24)).show(ui, |ui| room.ui_inside(ui));
        if !room.is_open() {
            self.facilitator = None;
            // The room applied its own look; the kiosk's comes back.
            self.applied_look = None;
            ui.ctx().request_repaint();
        }
        true
    }

    /// The operator's "Open a room": this kiosk becomes the facilitator's screen, on the
    /// config's `[room] listen` address; the visit on show, if any, is wiped first.
    fn open_room(&mut self, ctx: &egui::Context) {
        let clock = self.territory.as_ref().map(|t| t.clock);
        let today: crate::room::facilitator::Today = Box::new(move || {
            clock.map_or_else(|| chrono::Local::now().date_naive(), |clock| clock.now().date())
        });
        let opened = RoomApp::start(
            ctx,
            Arc::clone(&self.content),
            self.config.clone(),
            &self.config.room.listen,
            today,
        );
        match opened {
            Ok(room) => {
                log::info!("operator opened a room");
                let now = ctx.input(|i| i.time);
                self.run(AppCommand::Session(Command::Wipe), ctx, now);
                self.facilitator = Some(room);
            }
            Err(problem) => {
                log::error!("{problem}");
                if let Some(Overlay::Operator(panel)) = &mut self.ui_state.overlay {
                    panel.room_problem = Some(problem);
                }
            }
        }
    }

    /// The code dialog of a learner kiosk (attract screen).
    fn run_room_code(&mut self, command: &AppCommand) {
        if *command == AppCommand::AskRoomCode {
            self.ui_state.overlay = Some(Overlay::RoomCode(RoomCodeDialog::default()));
            self.say(&["room.learner.code.say".to_owned()]);
            return;
        }
        // While the code is being checked it stays as it is.
        let Some(Overlay::RoomCode(dialog)) = &mut self.ui_state.overlay else {
            return;
        };
        if dialog.check == CodeCheck::Checking {
            return;
        }
        match command {
            AppCommand::RoomCodeDigit(digit) if dialog.digits.len() < repere_engine::room::CODE_DIGITS => {
                dialog.digits.push(*digit);
                dialog.check = CodeCheck::Typing;
            }
            AppCommand::RoomCodeErase => {
                dialog.digits.pop();
                dialog.check = CodeCheck::Typing;
            }
            AppCommand::JoinRoom => {
                if let Some(address) = self.config.room.join_address()
                    && repere_engine::room::is_room_code(&dialog.digits)
                {
                    dialog.check = CodeCheck::Checking;
                    self.room_check = Some(RoomCheck::start(address, &dialog.digits));
                }
            }
            _ => {}
        }
    }

    /// Takes in the room's answers: a typed code checked (joined, or said wrong or
    /// unreachable), a result that did not reach the facilitator (said), a typed room whose day
    /// is over (forgotten, back at the attract screen).
    fn follow_room(&mut self, ctx: &egui::Context) {
        if let Some(answer) = self.room_check.as_ref().and_then(RoomCheck::poll) {
            let code = self.room_check.take().map(|check| check.code().to_owned()).unwrap_or_default();
            self.code_checked(answer, &code);
        }
        if self.room_check.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let Some(room) = &mut self.room else {
            return;
        };
        if room.poll()
            && matches!(room.state(), LinkState::Refused | LinkState::Unreachable)
            && self.session.screen() == Screen::Result
        {
            self.say(&["room.learner.not_sent.say".to_owned()]);
        } else if room.state() == LinkState::Sending {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let over = self.room_joined_on.is_some_and(|day| day != self.today());
        if over && self.session.screen() == Screen::Attract {
            log::info!("room: the day is over; the typed room code is forgotten");
            self.room = None;
            self.room_joined_on = None;
        }
    }

    /// The facilitator's kiosk answered about the code typed.
    fn code_checked(&mut self, answer: Result<(), LinkState>, code: &str) {
        let Some(Overlay::RoomCode(dialog)) = &mut self.ui_state.overlay else {
            return; // the dialog was closed meanwhile: nothing is joined
        };
        match answer {
            Ok(()) => {
                if let Some(address) = self.config.room.join_address() {
                    log::info!("room: joined room {code} at {address}");
                    self.room = Some(RoomLink::new(address, code));
                    self.room_joined_on = Some(self.today());
                }
                self.ui_state.overlay = None;
            }
            Err(LinkState::Refused) => {
                dialog.check = CodeCheck::Wrong;
                dialog.digits.clear();
                self.say(&["room.learner.code_wrong.say".to_owned()]);
            }
            Err(_) => {
                dialog.check = CodeCheck::Unreachable;
                self.say(&["room.learner.code_unreachable.say".to_owned()]);
            }
        }
    }

    /// Runs one of the operator's commands.
    fn run_operator(&mut self, command: &AppCommand, ctx: &egui::Context, now: f64) {
        match command {
            AppCommand::CornerTap => {
                self.ui_state.corner_taps.retain(|t| now - t < 3.0);
                self.ui_state.corner_taps.push(now);
            }
            AppCommand::OpenOperator => {
                self.ui_state.corner_taps.clear();
                self.stop_speech();
                self.ui_state.overlay = Some(Overlay::Operator(OperatorPanel::default()));
            }
            AppCommand::PinDigit(digit) => {
                if let Some(Overlay::Operator(panel)) = &mut self.ui_state.overlay
                    && panel.pin.len() < 12
                {
                    panel.pin.push(*digit);
                    panel.wrong = false;
                }
            }
            AppCommand::PinErase => {
                if let Some(Overlay::Operator(panel)) = &mut self.ui_state.overlay {
                    panel.pin.clear();
                }
            }
            AppCommand::PinSubmit => {
                if let Some(Overlay::Operator(panel)) = &mut self.ui_state.overlay {
                    if self.config.pin_matches(&panel.pin) {
                        panel.unlocked = true;
                        log::info!("operator menu opened");
                        self.printer.check_status();
                    } else {
                        panel.wrong = true;
                        log::warn!("operator PIN refused");
                    }
                    panel.pin.clear();
                }
            }
            AppCommand::AudioTest => {
                if !self.speaker.is_available() {
                    self.speaker = Speaker::open();
                }
                self.say(&["welcome.say".to_owned()]);
            }
            AppCommand::OpenRoom => self.open_room(ctx),
            AppCommand::Exit => {
                if matches!(&self.ui_state.overlay, Some(Overlay::Operator(panel)) if panel.unlocked) {
                    log::info!("operator exit");
                    self.exit_allowed = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            _ => {}
        }
    }

    /// Stops speaking (what is playing and what is still being rendered).
    fn stop_speech(&mut self) {
        self.speaker.stop();
        self.speech_interrupted = true;
    }

    /// Forgets everything of the visit on screen: display modes, volume, typed digits.
    fn wipe_ui(&mut self) {
        self.stop_speech();
        self.printer.wipe();
        // A typed room that refused the result is closed (or reopened with another code).
        if self.room_joined_on.is_some() && self.room_state() == Some(LinkState::Refused) {
            log::info!("room: the room refused a result; its code is forgotten");
            self.room = None;
            self.room_joined_on = None;
        }
        if let Some(room) = &mut self.room {
            room.wipe();
        }
        self.room_check = None;
        self.visit_started = None;
        self.room_report = None;
        self.speaker.set_volume(DEFAULT_VOLUME);
        self.ui_state = UiState::default();
    }
}

/// Takes `item` out of `list` when it is in, else puts it in.
fn toggle(list: &mut Vec<String>, item: String) {
    if let Some(position) = list.iter().position(|i| *i == item) {
        list.remove(position);
    } else {
        list.push(item);
    }
}

/// The place at `index` of those on show: the result's recommendations, else (help today,
/// before any result) the nearby places.
pub fn place_on_show<'a>(
    session: &'a Session,
    ui_state: &'a UiState,
    index: usize,
) -> Option<&'a Recommendation> {
    match session.result() {
        Some(result) => result.recommendations.get(index),
        None => ui_state.nearby.get(index),
    }
}

/// The key of a language's own name, said in that language.
fn language_name_key(code: &str) -> String {
    format!("{code}:language.name.say")
}

impl eframe::App for KioskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // Visitors cannot close the kiosk; only the operator's exit lets the close through.
        if ctx.input(|i| i.viewport().close_requested()) && !self.exit_allowed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        crate::theme::fit_to_screen(ui.ctx());
        let look = self.look();
        egui::CentralPanel::default()
            .frame(Frame::new().fill(look.palette.background).inner_margin(Margin::ZERO))
            .show(ui, |ui| self.ui_inside(ui));
    }
}
