//! Every screen, dialog and exercise laid out on the screens kiosks have — portrait
//! 1080×1920, 1280×800, 1366×768 and 1920×1080 — in normal and larger text, in French, Arabic,
//! Tigrinya and a pseudo-language 40 % longer than French (Romanian, Russian, Ukrainian and
//! Turkish run that long). Fails on anything a visitor presses that lies off screen, is
//! smaller than 64 points or overlaps another; on a line of text cut by its frame, spilling out
//! of its button or box, or drawn across a button. States are reached directly
//! ([`KioskApp::show_screen`]), not by replaying visits, so the whole matrix stays cheap.

use std::collections::BTreeSet;
use std::sync::Arc;

use egui::accesskit::{Action, Role};
use egui::{Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _, by};
use repere_engine::content::language::{Direction, LanguageInfo};
use repere_engine::content::{Content, Locale, TaskKind};
use repere_engine::session::Screen;
use repere_kiosk::KioskApp;
use repere_kiosk::layout_audit;
use repere_kiosk::screens::{OperatorPanel, Overlay};
use repere_kiosk::testing::harness_on_screen;
use repere_kiosk::theme::{DisplayModes, MIN_TARGET};

use super::{config, content};

/// The screens kiosks have, in pixels.
const SCREENS: [(f32, f32); 4] = [(1080.0, 1920.0), (1280.0, 800.0), (1366.0, 768.0), (1920.0, 1080.0)];

/// The pseudo-language: French with every word 40 % longer.
pub const PSEUDO: &str = "qps";

/// Points of slack for rounding (glyph boxes, pixel snapping).
const SLACK: f32 = 1.5;

/// `text` with every word 40 % longer (letters doubled along the word), placeholders kept.
pub fn lengthened(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    let mut word: Vec<char> = Vec::new();
    let mut in_placeholder = false;
    let flush = |word: &mut Vec<char>, out: &mut String| {
        let extra = (word.len() * 2).div_ceil(5);
        for (i, c) in word.iter().enumerate() {
            out.push(*c);
            // Spread the doubled letters along the word.
            if extra > 0 && (i * extra) / word.len() != ((i + 1) * extra) / word.len() {
                out.push(*c);
            }
        }
        word.clear();
    };
    for c in text.chars() {
        if in_placeholder {
            out.push(c);
            in_placeholder = c != '}';
        } else if c == '%' {
            flush(&mut word, &mut out);
            out.push(c);
            in_placeholder = true;
        } else if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The built-in content with the pseudo-language added (texts from French, 40 % longer).
pub fn content_with_pseudo() -> Arc<Content> {
    let mut content = (*content()).clone();
    let french = content.locales.get("fr").cloned().unwrap();
    let mut pseudo: Locale = french;
    for text in pseudo.strings.values_mut() {
        *text = lengthened(text);
    }
    pseudo.strings.insert("language.name.say".into(), "Pseudo".into());
    content.locales.insert(PSEUDO.into(), pseudo);
    content.languages.push(LanguageInfo {
        code: PSEUDO.into(),
        name: "Pseudo".into(),
        direction: Direction::Ltr,
        voice: None,
        voice_data: None,
    });
    Arc::new(content)
}

/// What a visitor can press, as the accessibility tree says.
#[derive(Debug)]
struct Target {
    label: String,
    rect: Rect,
}

/// The targets on show: a dialog's when one is open (what is under it cannot be pressed).
fn targets(harness: &Harness<'_, KioskApp>) -> Vec<Target> {
    let in_dialog = |node: &egui_kittest::kittest::AccessKitNode<'_>| {
        let mut parent = node.parent();
        while let Some(p) = parent {
            if p.role() == Role::Dialog {
                return true;
            }
            parent = p.parent();
        }
        false
    };
    let dialog_open = harness.query_all(by().role(Role::Dialog)).next().is_some();
    harness
        .query_all(by().predicate(|_| true))
        .filter_map(|node| {
            let ak = node.accesskit_node();
            // What takes a press (a field shown but typed on a keypad does not).
            let clickable = ak.data().supports_action(Action::Click);
            // A scroll bar is thin by nature; the wheel and a drag on the list scroll too.
            let pressable = clickable && ak.role() != Role::ScrollBar;
            if !pressable || ak.is_hidden() || (dialog_open && !in_dialog(&ak)) {
                return None;
            }
            let label = ak.label().unwrap_or_else(|| format!("{:?} without a name", ak.role()));
            Some(Target { label, rect: node.rect() })
        })
        .collect()
}

/// Areas that take a press anywhere on them, under the real targets (a tap beside an
/// exercise's target is counted as a miss; the attract screen starts on any touch).
fn is_background(target: &Target, screen: Rect) -> bool {
    target.rect.width() * target.rect.height() > screen.width() * screen.height() * 0.25
}

/// The viewports of the scroll areas on show, from their scroll bars (a bar runs the height
/// of its viewport, whose content lies on its left) and the lists that name themselves.
fn scroll_viewports(harness: &Harness<'_, KioskApp>, screen: Rect) -> Vec<Rect> {
    let bars = harness.query_all(by().role(Role::ScrollBar)).map(|bar| {
        let bar = bar.rect();
        Rect::from_min_max(egui::pos2(screen.min.x, bar.min.y), bar.max)
    });
    // A list the visitor scrolls (the exercise's fruit list) names its viewport itself.
    let lists = harness.query_all(by().role(Role::List)).map(|list| list.rect());
    bars.chain(lists).collect()
}

/// Partly or wholly scrolled out of sight (not cut: the visitor scrolls to it).
fn in_scroll(rect: Rect, viewports: &[Rect]) -> bool {
    viewports.iter().any(|v| rect.max.x <= v.max.x + SLACK && !v.expand(SLACK).contains_rect(rect))
}

fn clip_is_scroll(clip: Rect, viewports: &[Rect]) -> bool {
    viewports.iter().any(|v| (clip.min.y - v.min.y).abs() <= SLACK && (clip.max.y - v.max.y).abs() <= SLACK)
}

fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

/// The faults of the screen on show: what is wrong, then where it was measured.
/// `small_on_purpose`: the labels of targets a task makes small to measure aiming (the mouse
/// task "smaller targets" declares their size).
fn faults_on_show(harness: &mut Harness<'_, KioskApp>, small_on_purpose: &[String]) -> Vec<(String, String)> {
    let ctx = harness.ctx.clone();
    layout_audit::take(&ctx);
    harness.step();
    let audit = layout_audit::take(&ctx);
    let screen = ctx.content_rect();
    let all = targets(harness);
    let viewports = scroll_viewports(harness, screen);
    // What lies in a scrolling list counts where it can be seen: inside its viewport.
    let pressable: Vec<Target> = all
        .iter()
        .filter(|t| !is_background(t, screen))
        .filter_map(|t| {
            // Scrolled: what its viewport shows of it (nothing, when scrolled out of sight).
            let seen = if in_scroll(t.rect, &viewports) {
                viewports
                    .iter()
                    .map(|v| t.rect.intersect(*v))
                    .find(egui::Rect::is_positive)
                    .unwrap_or(Rect::NOTHING)
            } else {
                t.rect
            };
            seen.is_positive().then(|| Target { label: t.label.clone(), rect: seen })
        })
        .collect();
    let mut faults = Vec::new();
    for t in all.iter().filter(|t| !is_background(t, screen)) {
        if in_scroll(t.rect, &viewports) {
            continue;
        }
        if !screen.expand(SLACK).contains_rect(t.rect) {
            faults.push((format!("«{}» lies off screen", short(&t.label)), format!("{:?}", t.rect)));
        }
        if t.rect.width().min(t.rect.height()) < MIN_TARGET - SLACK && !small_on_purpose.contains(&t.label) {
            faults.push((
                format!("«{}» is smaller than {MIN_TARGET} points", short(&t.label)),
                format!("{:?}", t.rect.size()),
            ));
        }
    }
    for (i, a) in pressable.iter().enumerate() {
        for b in &pressable[i + 1..] {
            let overlap = a.rect.intersect(b.rect);
            if overlap.is_positive() && overlap.area() > 4.0 {
                faults.push((
                    format!("«{}» and «{}» overlap", short(&a.label), short(&b.label)),
                    format!("{overlap:?}"),
                ));
            }
        }
    }
    let top_layer = audit.texts.iter().map(|t| t.layer.order).max();
    for text in audit.texts.iter().filter(|t| Some(t.layer.order) == top_layer) {
        let name = short(&text.text);
        if name.trim().is_empty() {
            continue;
        }
        let scrolled = clip_is_scroll(text.clip, &viewports);
        if !scrolled && !text.clip.expand(SLACK).contains_rect(text.rect) {
            faults.push((
                format!("«{name}» is cut by its frame"),
                format!("{:?} in {:?}", text.rect, text.clip),
            ));
        } else if !scrolled && !screen.expand(SLACK).contains_rect(text.rect) {
            faults.push((format!("«{name}» lies off screen"), format!("{:?}", text.rect)));
        }
        if let Some(within) = text.within
            && !within.expand(SLACK).contains_rect(text.rect)
        {
            faults
                .push((format!("«{name}» spills out of its box"), format!("{:?} in {within:?}", text.rect)));
        }
        // Only what can be seen of the text: a line scrolled under the list's edge is hidden.
        let seen = text.rect.intersect(text.clip);
        if !seen.is_positive() {
            continue;
        }
        for t in &pressable {
            let overlap = t.rect.intersect(seen);
            let inside = t.rect.expand(SLACK).contains_rect(seen);
            if overlap.is_positive()
                && overlap.area() > 4.0
                && !inside
                && !text.within.is_some_and(|w| w.contains_rect(t.rect))
            {
                faults.push((
                    format!("«{name}» is drawn across «{}»", short(&t.label)),
                    format!("{overlap:?}"),
                ));
            }
        }
    }
    faults
}

/// A kiosk on `physical`, in `language`, larger text or not, past the language picker.
fn kiosk(
    content: &Arc<Content>,
    physical: Vec2,
    language: &str,
    large_text: bool,
) -> Harness<'static, KioskApp> {
    let mut harness = harness_on_screen(Arc::clone(content), config(), physical);
    harness.run();
    layout_audit::enable(&harness.ctx.clone());
    harness.state_mut().show_screen(Screen::Language, 0.0);
    harness.run();
    let name = content.language(language).unwrap().name.clone();
    harness.get_by_label(&name).click();
    harness.run();
    harness.state_mut().set_modes(DisplayModes { large_text, ..DisplayModes::default() });
    harness.run();
    harness
}

/// The labels of a task's targets when the task declares them smaller than a target.
fn small_targets(content: &Content, screen: Screen, language: &str) -> Vec<String> {
    let Screen::Task(index) = screen else {
        return Vec::new();
    };
    match content.tasks.get(index).map(|t| &t.kind) {
        Some(TaskKind::ClickTarget { size, target, .. }) if *size < MIN_TARGET => {
            vec![repere_kiosk::i18n::tr(language, &target.label)]
        }
        _ => Vec::new(),
    }
}

/// Every state a visitor can see, by name.
fn states(content: &Content) -> Vec<(String, Screen, Option<Overlay>)> {
    let mut states = vec![
        ("language".to_owned(), Screen::Language, None),
        ("welcome".to_owned(), Screen::Welcome, None),
        ("urgent".to_owned(), Screen::Urgent, None),
        ("urgent_help".to_owned(), Screen::UrgentHelp, None),
    ];
    for (i, q) in content.questions.iter().enumerate() {
        states.push((format!("question.{}", q.id), Screen::Question(i), None));
    }
    for (i, t) in content.tasks.iter().enumerate() {
        states.push((format!("task.{}", t.id), Screen::Task(i), None));
    }
    states.push(("result".to_owned(), Screen::Result, None));
    states.push(("result+stop".to_owned(), Screen::Result, Some(Overlay::StopConfirm)));
    states.push(("result+place_card".to_owned(), Screen::Result, Some(Overlay::PlaceCard(0))));
    states.push(("result+codes".to_owned(), Screen::Result, Some(Overlay::SlipCodes)));
    states.push(("result+room_name".to_owned(), Screen::Result, Some(Overlay::RoomName)));
    states.push((
        "welcome+operator".to_owned(),
        Screen::Welcome,
        Some(Overlay::Operator(OperatorPanel::default())),
    ));
    states.push(("goodbye".to_owned(), Screen::Goodbye, None));
    states
}

/// The faults of every state on one screen, in one language and text size: each fault's
/// words (without measures, so that they stay the same from one run to the next) and where.
fn faults_of(
    content: &Arc<Content>,
    physical: Vec2,
    language: &str,
    large_text: bool,
) -> Vec<(String, String)> {
    let mut harness = kiosk(content, physical, language, large_text);
    let mut faults = Vec::new();
    let where_ =
        format!("{}×{} {language}{}", physical.x, physical.y, if large_text { " large" } else { "" });
    // `LAYOUT_ONLY=task.mouse` checks only the states whose name starts so (while mending).
    let only = std::env::var("LAYOUT_ONLY").unwrap_or_default();
    for (name, screen, overlay) in states(content).into_iter().filter(|(n, _, _)| n.starts_with(&only)) {
        let now = harness.ctx.input(|i| i.time);
        harness.state_mut().show_screen(screen, now);
        if let Some(overlay) = overlay {
            harness.state_mut().open_overlay(overlay);
        }
        harness.run();
        let small_on_purpose = small_targets(content, screen, language);
        for (fault, measured) in faults_on_show(&mut harness, &small_on_purpose) {
            faults.push((format!("{where_} {name}: {fault}"), measured));
        }
        harness.state_mut().close_overlay();
    }
    faults
}

/// Checks the matrix in `languages` against the faults still known (`known`, a file under
/// `tests/layout/`): a new fault fails, and so does a known one that is gone (the list only
/// shrinks). `UPDATE_LAYOUT_FAULTS=1` rewrites the list.
fn check(languages: &[&str], known: &str) {
    let content = content_with_pseudo();
    let mut found = std::collections::BTreeMap::new();
    for &(w, h) in &SCREENS {
        for &language in languages {
            for large_text in [false, true] {
                found.extend(faults_of(&content, Vec2::new(w, h), language, large_text));
            }
        }
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/layout").join(known);
    if std::env::var_os("UPDATE_LAYOUT_FAULTS").is_some() {
        assert!(
            std::env::var_os("LAYOUT_ONLY").is_none(),
            "the lists are rewritten from the whole matrix only"
        );
        let list: Vec<&str> = found.keys().map(String::as_str).collect();
        std::fs::write(&path, list.join("\n") + "\n").unwrap();
        return;
    }
    let listed = std::fs::read_to_string(&path).unwrap_or_default();
    let listed: BTreeSet<&str> =
        listed.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).collect();
    let new: Vec<String> = found
        .iter()
        .filter(|(k, _)| !listed.contains(k.as_str()))
        .map(|(k, m)| format!("{k} [{m}]"))
        .collect();
    // While mending a few states (LAYOUT_ONLY), the others are not looked at: none is gone.
    let looked_at =
        |k: &str| std::env::var("LAYOUT_ONLY").map_or(true, |only| k.contains(&format!(" {only}")));
    let gone: Vec<&str> =
        listed.iter().filter(|k| looked_at(k) && !found.contains_key(**k)).copied().collect();
    assert!(new.is_empty(), "{} new layout faults (look at the screen):\n{}", new.len(), new.join("\n"));
    assert!(
        gone.is_empty(),
        "{} layout faults are mended: take them off {} (UPDATE_LAYOUT_FAULTS=1):\n{}",
        gone.len(),
        path.display(),
        gone.join("\n")
    );
}

#[test]
fn every_screen_fits_in_french_and_the_long_pseudo_language() {
    check(&["fr", PSEUDO], "known-faults-fr-pseudo.txt");
}

#[test]
fn every_screen_fits_in_arabic_and_tigrinya() {
    check(&["ar", "ti"], "known-faults-ar-ti.txt");
}

/// A representative subset as pictures: a question, an exercise with the keyboard and the
/// result, on a portrait kiosk and on a large landscape screen in larger text, in French and
/// Arabic, as `layout/<language>_<screen>_<state>`.
#[test]
fn snapshots_of_a_representative_subset() {
    let content = content_with_pseudo();
    let mut results = egui_kittest::SnapshotResults::new();
    let screens = [
        (Vec2::new(1080.0, 1920.0), false, "1080x1920"),
        (Vec2::new(1920.0, 1080.0), true, "1920x1080_large"),
    ];
    for language in ["fr", "ar"] {
        for (physical, large_text, screen_name) in screens {
            let mut harness = kiosk(&content, physical, language, large_text);
            let shown = states(&content).into_iter().filter(|(name, _, _)| {
                ["question.goals", "task.keyboard.accents", "result"].contains(&name.as_str())
            });
            for (name, screen, _) in shown {
                let now = harness.ctx.input(|i| i.time);
                harness.state_mut().show_screen(screen, now);
                harness.run();
                harness.snapshot_options(
                    format!("layout/{language}_{screen_name}_{}", name.replace('.', "_")),
                    &repere_kiosk::testing::snapshot_options(),
                );
            }
            results.extend_harness(&mut harness);
        }
    }
}

#[test]
fn the_pseudo_language_is_forty_percent_longer() {
    assert_eq!(lengthened("Terminer"), "Teermminnerr", "letters doubled along the word");
    let french = content().locales["fr"].strings.values().map(|t| t.chars().count()).sum::<usize>();
    let pseudo =
        content_with_pseudo().locales[PSEUDO].strings.values().map(|t| t.chars().count()).sum::<usize>();
    assert!(pseudo as f32 >= french as f32 * 1.3, "{pseudo} characters against {french} in French");
    assert_eq!(lengthened("%{name} a"), "%{name} aa", "placeholders kept");
}
