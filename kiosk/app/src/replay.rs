//! `kiosk replay`: runs the real UI headless from the attract screen, driven by a script
//! (CONTRACTS.md, "Replay script").

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use repere_engine::config::Config;
use repere_engine::content::Content;
use repere_engine::result::VisitResult;
use serde_json::Value;

use crate::KioskApp;
use crate::testing::{STEP_SECONDS, harness};

/// One step of a script.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Press a widget by its label.
    Click {
        /// The label, in the language on screen.
        label: String,
        /// Which one among several (from 1).
        nth: Option<usize>,
    },
    /// Press a widget by i18n key, whatever the language on screen.
    ClickKey {
        /// The i18n key.
        key: String,
        /// Which one among several (from 1).
        nth: Option<usize>,
    },
    /// Press twice quickly.
    DoubleClick {
        /// The label.
        label: String,
        /// Which one among several (from 1).
        nth: Option<usize>,
    },
    /// Press and hold.
    LongPress {
        /// The label.
        label: String,
        /// Which one among several (from 1).
        nth: Option<usize>,
    },
    /// Press at logical coordinates.
    ClickAt(Pos2),
    /// Send text to the focused widget.
    Type(String),
    /// Press a key or a chord (`Ctrl+Alt+O`).
    Press {
        /// The key.
        key: Key,
        /// Held modifiers.
        modifiers: Modifiers,
    },
    /// Drag from one widget to another.
    Drag {
        /// Label of the widget dragged.
        from: String,
        /// Label of the widget it is dropped on.
        to: String,
    },
    /// Scroll over a widget.
    Scroll {
        /// Label of the widget scrolled.
        on: String,
        /// Points; negative scrolls down.
        dy: f32,
    },
    /// Let simulated time pass.
    Wait(f64),
    /// A widget with this label appears within 5 simulated seconds.
    Expect(String),
    /// A widget with this key's text appears within 5 simulated seconds.
    ExpectKey(String),
    /// Save a PNG.
    Shot(String),
}

/// A parsed script.
#[derive(Clone, Debug, PartialEq)]
pub struct Script {
    /// Language the script starts in.
    pub language: Option<String>,
    /// Steps.
    pub steps: Vec<Step>,
}

/// How a replay ended.
#[derive(Debug)]
pub enum ReplayError {
    /// A step could not be done (exit 1).
    Step {
        /// 1-based step number.
        index: usize,
        /// What went wrong.
        message: String,
    },
    /// A screenshot could not be written (exit 1).
    Shot(String),
}

impl std::fmt::Display for ReplayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Step { index, message } => write!(f, "step {index}: {message}"),
            Self::Shot(message) => write!(f, "{message}"),
        }
    }
}

/// Parses a script; the message says what is wrong (exit 2).
pub fn parse_script(text: &str) -> Result<Script, String> {
    let value: Value = serde_json::from_str(text).map_err(|err| format!("invalid script: {err}"))?;
    let language = value.get("language").and_then(Value::as_str).map(str::to_owned);
    let steps = value.get("steps").and_then(Value::as_array).ok_or("the script needs a \"steps\" list")?;
    let steps = steps
        .iter()
        .enumerate()
        .map(|(i, step)| parse_step(step).map_err(|message| format!("step {}: {message}", i + 1)))
        .collect::<Result<_, _>>()?;
    Ok(Script { language, steps })
}

fn parse_step(step: &Value) -> Result<Step, String> {
    let object = step.as_object().ok_or("a step is an object")?;
    let nth = match object.get("nth") {
        None => None,
        Some(n) => Some(n.as_u64().filter(|n| *n >= 1).ok_or("nth counts from 1")? as usize),
    };
    let text = |key: &str| -> Result<String, String> {
        object.get(key).and_then(Value::as_str).map(str::to_owned).ok_or(format!("{key} takes a text"))
    };
    let kind = object.keys().find(|k| k.as_str() != "nth").ok_or("empty step")?;
    Ok(match kind.as_str() {
        "click" => Step::Click { label: text("click")?, nth },
        "click_key" => Step::ClickKey { key: text("click_key")?, nth },
        "double_click" => Step::DoubleClick { label: text("double_click")?, nth },
        "long_press" => Step::LongPress { label: text("long_press")?, nth },
        "click_at" => {
            let pair =
                object["click_at"].as_array().filter(|a| a.len() == 2).ok_or("click_at takes [x, y]")?;
            let x = pair[0].as_f64().ok_or("x must be a number")? as f32;
            let y = pair[1].as_f64().ok_or("y must be a number")? as f32;
            Step::ClickAt(Pos2::new(x, y))
        }
        "type" => Step::Type(text("type")?),
        "press" => {
            let (key, modifiers) = parse_chord(&text("press")?)?;
            Step::Press { key, modifiers }
        }
        "drag" => {
            let drag = &object["drag"];
            let from = drag.get("from").and_then(Value::as_str).ok_or("drag needs from")?;
            let to = drag.get("to").and_then(Value::as_str).ok_or("drag needs to")?;
            Step::Drag { from: from.to_owned(), to: to.to_owned() }
        }
        "scroll" => {
            let scroll = &object["scroll"];
            let on = scroll.get("on").and_then(Value::as_str).ok_or("scroll needs on")?;
            let dy = scroll.get("dy").and_then(Value::as_f64).ok_or("scroll needs dy")? as f32;
            Step::Scroll { on: on.to_owned(), dy }
        }
        "wait" => {
            let seconds = object["wait"]
                .as_f64()
                .filter(|s| (0.0..=3600.0).contains(s))
                .ok_or("wait takes seconds (0 to 3600)")?;
            Step::Wait(seconds)
        }
        "expect" => Step::Expect(text("expect")?),
        "expect_key" => Step::ExpectKey(text("expect_key")?),
        "shot" => Step::Shot(text("shot")?),
        other => return Err(format!("unknown step {other:?}")),
    })
}

/// Parses `Ctrl+Alt+O`.
fn parse_chord(chord: &str) -> Result<(Key, Modifiers), String> {
    let mut modifiers = Modifiers::NONE;
    let mut key = None;
    for part in chord.split('+') {
        match part {
            "Ctrl" => modifiers.ctrl = true,
            "Alt" => modifiers.alt = true,
            "Shift" => modifiers.shift = true,
            name => key = Some(Key::from_name(name).ok_or(format!("unknown key {name:?}"))?),
        }
    }
    key.map(|k| (k, modifiers)).ok_or(format!("no key in {chord:?}"))
}

/// A headless kiosk driven step by step (what `kiosk replay` and the UI tests use).
pub struct Replayer {
    harness: Harness<'static, KioskApp>,
    reached: Option<VisitResult>,
    presented: Vec<String>,
}

impl Replayer {
    /// A kiosk on the attract screen, in `language` when given.
    pub fn new(content: &Arc<Content>, config: Config, language: Option<&str>) -> Self {
        Self::on_screen(content, config, language, None)
    }

    /// A kiosk on the attract screen of a screen of `physical` pixels (the default 1280×800
    /// when `None`), in `language` when given.
    pub fn on_screen(
        content: &Arc<Content>,
        mut config: Config,
        language: Option<&str>,
        physical: Option<egui::Vec2>,
    ) -> Self {
        if let Some(language) = language {
            language.clone_into(&mut config.default_language);
        }
        let mut harness = match physical {
            Some(physical) => crate::testing::harness_on_screen(Arc::clone(content), config, physical),
            None => harness(Arc::clone(content), config),
        };
        settle(&mut harness);
        Self { harness, reached: None, presented: Vec::new() }
    }

    /// Does one step (shots go to `shots` when given).
    pub fn step(&mut self, step: &Step, shots: Option<&Path>) -> Result<(), String> {
        do_step(&mut self.harness, step, shots)?;
        let session = self.harness.state().session();
        if let Some(result) = session.result() {
            self.reached = Some(result.clone());
            self.presented = session.outcomes().iter().map(|o| o.task_id.clone()).collect();
        }
        Ok(())
    }

    /// Does several steps, naming the failing one.
    pub fn steps(&mut self, steps: &[Step]) -> Result<(), ReplayError> {
        for (i, step) in steps.iter().enumerate() {
            self.step(step, None).map_err(|message| ReplayError::Step { index: i + 1, message })?;
        }
        Ok(())
    }

    /// The harness, for queries.
    pub fn harness(&self) -> &Harness<'static, KioskApp> {
        &self.harness
    }

    /// The harness, for snapshots and events.
    pub fn harness_mut(&mut self) -> &mut Harness<'static, KioskApp> {
        &mut self.harness
    }

    /// The tasks the adaptive path presented, once the visit reached its result.
    pub fn presented_tasks(&self) -> &[String] {
        &self.presented
    }

    /// The kiosk.
    pub fn app(&self) -> &KioskApp {
        self.harness.state()
    }

    /// In a room, lets the result reach the facilitator (or fail to) before the replay ends:
    /// a real kiosk keeps running, a replayed one exits.
    pub fn finish_sending_to_room(&mut self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        while self.harness.state().room_state() == Some(crate::room::LinkState::Sending)
            && std::time::Instant::now() < deadline
        {
            std::thread::sleep(std::time::Duration::from_millis(20));
            self.harness.step();
        }
    }

    /// The result of the visit if it reached the result screen, else the screen it is on.
    pub fn outcome(&self) -> Result<VisitResult, String> {
        let app = self.harness.state();
        self.reached.clone().ok_or_else(|| app.session().screen().id(app.content()))
    }
}

/// Runs a script on a screen of `physical` pixels (1280×800 when `None`); returns the result
/// of the visit if it reached the result screen, else the id of the screen it ended on.
pub fn run(
    script: &Script,
    content: &Arc<Content>,
    config: Config,
    shots: Option<&Path>,
    physical: Option<egui::Vec2>,
) -> Result<Result<VisitResult, String>, ReplayError> {
    let mut replayer = Replayer::on_screen(content, config, script.language.as_deref(), physical);
    for (i, step) in script.steps.iter().enumerate() {
        replayer.step(step, shots).map_err(|message| ReplayError::Step { index: i + 1, message })?;
    }
    replayer.finish_sending_to_room();
    Ok(replayer.outcome())
}

fn settle(harness: &mut Harness<'_, KioskApp>) {
    for _ in 0..3 {
        harness.step();
    }
}

fn language(harness: &Harness<'_, KioskApp>) -> String {
    harness.state().session().language().to_owned()
}

/// The centre of the one widget with this label (or the `nth`). Labels-only nodes are
/// left out when `pressable` so that a caption never shadows its button.
/// Where to press a widget, after scrolling it into view the way a visitor would scroll to it
/// (a place card below the fold): nothing moves when it is already in view.
fn reveal_and_find(
    harness: &mut Harness<'_, KioskApp>,
    label: &str,
    nth: Option<usize>,
) -> Result<Pos2, String> {
    find(harness, label, nth, true)?;
    if let Some(node) = harness
        .query_all_by_label(label)
        .filter(|node| node.accesskit_node().role() != egui::accesskit::Role::Label)
        .nth(nth.unwrap_or(1) - 1)
    {
        node.scroll_to_me();
    }
    for _ in 0..3 {
        harness.step();
    }
    find(harness, label, nth, true)
}

fn find(
    harness: &Harness<'_, KioskApp>,
    label: &str,
    nth: Option<usize>,
    pressable: bool,
) -> Result<Pos2, String> {
    let nodes: Vec<_> = harness
        .query_all_by_label(label)
        .filter(|node| !pressable || node.accesskit_node().role() != egui::accesskit::Role::Label)
        .collect();
    let node = match (nth, nodes.len()) {
        (_, 0) => return Err(format!("no widget labelled {label:?}")),
        (None, 1) => &nodes[0],
        (None, n) => return Err(format!("{n} widgets labelled {label:?}: add \"nth\"")),
        (Some(k), n) => nodes.get(k - 1).ok_or(format!("nth {k} but only {n} widgets labelled {label:?}"))?,
    };
    Ok(node.rect().center())
}

fn press_at(harness: &mut Harness<'_, KioskApp>, pos: Pos2, hold_steps: usize) {
    harness.event(Event::PointerMoved(pos));
    harness.step();
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for _ in 0..hold_steps {
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
}

fn do_step(harness: &mut Harness<'_, KioskApp>, step: &Step, shots: Option<&Path>) -> Result<(), String> {
    match step {
        Step::Click { label, nth } => {
            let pos = reveal_and_find(harness, label, *nth)?;
            press_at(harness, pos, 0);
        }
        Step::ClickKey { key, nth } => {
            let label = crate::i18n::tr(&language(harness), key);
            let pos = reveal_and_find(harness, &label, *nth)?;
            press_at(harness, pos, 0);
        }
        Step::DoubleClick { label, nth } => {
            let pos = reveal_and_find(harness, label, *nth)?;
            harness.event(Event::PointerMoved(pos));
            for pressed in [true, false, true, false] {
                harness.event(Event::PointerButton {
                    pos,
                    button: PointerButton::Primary,
                    pressed,
                    modifiers: Modifiers::NONE,
                });
            }
            harness.step();
        }
        Step::LongPress { label, nth } => {
            let pos = reveal_and_find(harness, label, *nth)?;
            let hold = (3.5 / STEP_SECONDS).ceil() as usize;
            press_at(harness, pos, hold);
        }
        Step::ClickAt(pos) => press_at(harness, *pos, 0),
        Step::Type(text) => {
            harness.event(Event::Text(text.clone()));
            harness.step();
        }
        Step::Press { key, modifiers } => {
            for pressed in [true, false] {
                harness.event(Event::Key {
                    key: *key,
                    physical_key: None,
                    pressed,
                    repeat: false,
                    modifiers: *modifiers,
                });
            }
            harness.step();
        }
        Step::Drag { from, to } => drag(harness, from, to)?,
        Step::Scroll { on, dy } => scroll(harness, on, *dy)?,
        Step::Wait(seconds) => {
            let steps = (*seconds / f64::from(STEP_SECONDS)).ceil() as usize;
            for _ in 0..steps {
                harness.step();
            }
        }
        Step::Expect(label) => expect(harness, |_| label.clone())?,
        Step::ExpectKey(key) => expect(harness, |lang| crate::i18n::tr(lang, key))?,
        Step::Shot(name) => {
            let Some(dir) = shots else {
                return Ok(());
            };
            let image = harness.render().map_err(|err| format!("cannot render: {err}"))?;
            let path: PathBuf = dir.join(format!("{name}.png"));
            std::fs::create_dir_all(dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
            image.save(&path).map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        }
    }
    settle(harness);
    Ok(())
}

fn drag(harness: &mut Harness<'_, KioskApp>, from: &str, to: &str) -> Result<(), String> {
    let start = find(harness, from, None, true)?;
    let end = find(harness, to, None, false)?;
    harness.event(Event::PointerMoved(start));
    harness.step();
    harness.event(Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for i in 1..=8 {
        let t = i as f32 / 8.0;
        harness.event(Event::PointerMoved(start + (end - start) * t));
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos: end,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    Ok(())
}

fn scroll(harness: &mut Harness<'_, KioskApp>, on: &str, dy: f32) -> Result<(), String> {
    let pos = find(harness, on, None, false)?;
    harness.event(Event::PointerMoved(pos));
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    // Let the smooth scroll finish.
    for _ in 0..20 {
        harness.step();
    }
    Ok(())
}

fn expect(harness: &mut Harness<'_, KioskApp>, label: impl Fn(&str) -> String) -> Result<(), String> {
    let steps = (5.0 / STEP_SECONDS).ceil() as usize;
    for _ in 0..=steps {
        let wanted = label(&language(harness));
        if harness.query_all_by_label(&wanted).next().is_some() {
            return Ok(());
        }
        harness.step();
    }
    let wanted = label(&language(harness));
    let screen = harness.state().session().screen().id(harness.state().content());
    Err(format!("{wanted:?} did not appear within 5 s (screen: {screen})"))
}
