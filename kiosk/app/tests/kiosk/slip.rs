//! The slip from the result screen: printed on a receipt printer without the screen waiting,
//! codes to photograph when there is no printer or it fails, and read aloud.

use std::io::Read as _;
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable as _;
use repere_engine::config::{Config, PrinterConnection, PrinterSettings};
use repere_engine::slip::SlipFormat;
use repere_kiosk::replay::{Replayer, Step};
use repere_kiosk::screens::Overlay;
use repere_kiosk::slip_printer::PrintState;

use super::{config, content};

fn key(key: &str) -> Step {
    Step::ClickKey { key: key.into(), nth: None }
}

/// A French visit skipped through to the result.
fn at_result(config: Config) -> Replayer {
    let mut replayer = Replayer::new(&content(), config, Some("fr"));
    replayer.steps(&[key("attract.touch"), Step::Click { label: "Français".into(), nth: None }]).unwrap();
    replayer.steps(&[key("welcome.start"), key("common.no")]).unwrap();
    while let repere_engine::session::Screen::Question(_) = replayer.app().session().screen() {
        replayer.steps(&[key("common.skip")]).unwrap();
    }
    replayer.steps(&[key("task.skip"), key("task.skip"), Step::ExpectKey("result.title".into())]).unwrap();
    replayer
}

/// A French visit of someone who never touched a mouse, at its result: several kinds of help.
fn at_a_result_with_several_kinds() -> Replayer {
    let path = format!("{}/tests/replays/fr-never-touched-a-mouse.json", env!("CARGO_MANIFEST_DIR"));
    let script = repere_kiosk::replay::parse_script(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut replayer = Replayer::new(&content(), config(), script.language.as_deref());
    replayer.steps(&script.steps).unwrap();
    replayer
}

fn receipt_printer(address: String) -> Config {
    Config {
        printer: Some(PrinterSettings {
            connection: PrinterConnection::Raw { address },
            format: SlipFormat::Escpos,
            timeout_seconds: 5.0,
            max_waiting_jobs: 3,
            cupsd_conf: "/etc/cups/cupsd.conf".into(),
        }),
        ..config()
    }
}

/// Frames run (real time passes for the printing worker) until the slip is no longer printing.
fn until_done(replayer: &mut Replayer) -> PrintState {
    let started = Instant::now();
    while *replayer.app().print_state() == PrintState::Printing && started.elapsed() < Duration::from_mins(1)
    {
        std::thread::sleep(Duration::from_millis(50));
        replayer.steps(&[Step::Wait(0.05)]).unwrap();
    }
    replayer.app().print_state().clone()
}

#[test]
fn without_a_printer_the_visitor_photographs_the_codes() {
    let mut replayer = at_a_result_with_several_kinds();
    replayer.steps(&[key("slip.show_codes")]).unwrap();
    assert_eq!(replayer.app().ui_state().overlay, Some(Overlay::SlipCodes));
    assert_eq!(replayer.app().last_spoken(), ["slip.codes.say"]);
    let result = replayer.app().session().result().unwrap().clone();
    // A code for every recommended place, of every kind of help.
    let places: Vec<_> = result.recommendations.iter().filter_map(|r| r.place.as_ref()).collect();
    let kinds: std::collections::BTreeSet<&str> =
        result.recommendations.iter().filter(|r| r.place.is_some()).map(|r| r.kind.as_str()).collect();
    assert!(places.len() > 1 && kinds.len() > 1, "{:?}", result.recommendations);
    for place in &places {
        replayer.steps(&[Step::Expect(format!("\u{2068}{}\u{2069}", place.name))]).unwrap();
    }
    replayer.steps(&[key("place.close")]).unwrap();
    assert_eq!(replayer.app().ui_state().overlay, None);
}

/// A visitor with no printer and no phone still leaves with somewhere to go: "Show at the
/// desk" is offered with the codes and lists every recommended place in French, with its
/// phone, for the agent at the counter.
#[test]
fn the_codes_offer_a_card_for_the_desk_with_every_place() {
    let mut replayer = at_a_result_with_several_kinds();
    let result = replayer.app().session().result().unwrap().clone();
    replayer.steps(&[key("slip.show_codes")]).unwrap();
    // The result's own cards have "Show at the desk" too, under the dialog: its is the last.
    let label = repere_kiosk::i18n::tr("fr", "place.show");
    let buttons = replayer.harness().query_all_by_label(&label).count();
    replayer.steps(&[Step::ClickKey { key: "place.show".into(), nth: Some(buttons) }]).unwrap();
    assert_eq!(replayer.app().ui_state().overlay, Some(Overlay::DeskCard));
    replayer.steps(&[Step::ExpectKey("slip.in_french".into())]).unwrap();
    for place in result.recommendations.iter().filter_map(|r| r.place.as_ref()) {
        replayer.steps(&[Step::Expect(format!("\u{2068}{}\u{2069}", place.name))]).unwrap();
        if let Some(phone) = &place.phone {
            let line = repere_kiosk::i18n::tr_with(
                "fr",
                "place.phone",
                &[("phone", &format!("\u{2068}{phone}\u{2069}"))],
            );
            // The facts of a place are one paragraph: the phone is in it.
            assert!(replayer.harness().query_all_by_label_contains(&line).next().is_some(), "{line}");
        }
    }
    replayer.steps(&[key("place.close")]).unwrap();
    assert_eq!(replayer.app().ui_state().overlay, None);
}

#[test]
fn a_receipt_printer_prints_while_the_result_stays_on_screen() {
    let socket = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = socket.local_addr().unwrap().port();
    let (sender, received) = mpsc::channel();
    std::thread::spawn(move || {
        let (mut stream, _) = socket.accept().unwrap();
        let mut bytes = Vec::new();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        stream.read_to_end(&mut bytes).ok();
        sender.send(bytes).unwrap();
    });
    let mut replayer = at_result(receipt_printer(format!("socket://127.0.0.1:{port}")));
    replayer.steps(&[key("slip.print")]).unwrap();
    // The screen came back at once: the slip is still being made and sent.
    assert_eq!(*replayer.app().print_state(), PrintState::Printing);
    assert_eq!(replayer.app().last_spoken(), ["slip.printing.say"]);
    assert_eq!(until_done(&mut replayer), PrintState::Printed);
    assert_eq!(replayer.app().last_spoken(), ["slip.printed.say"]);
    replayer
        .steps(&[Step::ExpectKey("slip.printed.say".into()), Step::ExpectKey("result.title".into())])
        .unwrap();
    let bytes = received.recv_timeout(Duration::from_secs(30)).unwrap();
    // ESC @ after the paper query, a cut at the end.
    assert_eq!(&bytes[3..5], &[0x1B, 0x40]);
    assert!(bytes.ends_with(&[0x1D, 0x56, 0x42, 0x00]));
}

#[test]
fn a_printer_that_is_not_there_is_said_and_the_codes_shown() {
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut replayer = at_result(receipt_printer(format!("socket://127.0.0.1:{closed}")));
    replayer.steps(&[key("slip.print")]).unwrap();
    assert_eq!(until_done(&mut replayer), PrintState::Failed);
    assert_eq!(replayer.app().ui_state().overlay, Some(Overlay::SlipCodes));
    assert_eq!(replayer.app().last_spoken(), ["slip.failed.say"]);
    // Goodbye forgets it: the next visitor starts with no slip.
    replayer.steps(&[Step::ExpectKey("slip.codes.say".into()), key("place.close"), Step::Wait(0.5)]).unwrap();
    assert_eq!(replayer.app().ui_state().overlay, None);
    replayer.steps(&[key("result.finish")]).unwrap();
    assert_eq!(replayer.app().session().screen(), repere_engine::session::Screen::Goodbye);
    replayer.steps(&[Step::Wait(30.0)]).unwrap();
    assert_eq!(replayer.app().session().screen(), repere_engine::session::Screen::Attract);
    assert_eq!(*replayer.app().print_state(), PrintState::Idle);
}

#[test]
fn hearing_the_result_reads_the_slip() {
    let mut replayer = at_result(config());
    replayer.steps(&[key("result.hear")]).unwrap();
    let spoken = replayer.app().last_spoken();
    let result = replayer.app().session().result().unwrap().clone();
    assert_eq!(spoken[0], format!("result.level.{}.say", result.level.id));
    let text = spoken[1].strip_prefix("live:").unwrap();
    let words = |key: &str| repere_kiosk::i18n::tr("fr", key);
    assert!(text.contains(&words("result.can_do.title")), "{text}");
    assert!(text.contains(&words("slip.learn_next")), "{text}");
    assert!(!text.contains('•') && !text.contains('\u{2068}'), "no bullets nor marks spoken: {text}");
}
