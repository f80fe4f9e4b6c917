//! Printing for real: a CUPS scheduler with a cups-pdf queue (an office printer that writes
//! PDFs) and raw `socket://` queues, and a listener in the test that plays a thermal printer.
//! `.ci/run` starts cupsd; on CI a missing scheduler fails these tests instead of skipping.

use std::io::{Read as _, Write as _};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use repere_engine::config::{PrinterConnection, PrinterSettings};
use repere_engine::slip::{Slip, SlipFormat};
use repere_print::escpos::{PAPER_STATUS_QUERY, escpos_bytes};
use repere_print::{PrintProblem, Printer};

use crate::{TYPESETTER, slip};

/// True when a CUPS scheduler answers and queues can be made (as root); on CI anything less
/// is a failure.
fn cups_running() -> bool {
    let running = Command::new("lpstat")
        .arg("-r")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("scheduler is running"));
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let usable = running && root;
    assert!(
        usable || std::env::var("CI").as_deref() != Ok("true"),
        "CUPS is not running as root's on CI (.ci/run starts it)"
    );
    if !usable {
        let mut stderr = std::io::stderr();
        std::io::Write::write_all(
            &mut stderr,
            b"no CUPS scheduler to administer here: CUPS printer tests skipped (they run on CI)\n",
        )
        .ok();
    }
    usable
}

/// Runs an administration command, failing the test when it fails.
fn admin(program: &str, args: &[&str]) {
    let output = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(output.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// A CUPS queue for one test, deleted when dropped.
struct Queue(String);

impl Queue {
    fn raw(name: &str, port: u16) -> Self {
        admin("lpadmin", &["-p", name, "-v", &format!("socket://127.0.0.1:{port}"), "-m", "raw", "-E"]);
        Self(name.to_owned())
    }

    fn pdf(name: &str) -> Self {
        admin(
            "lpadmin",
            &["-p", name, "-v", "cups-pdf:/", "-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd", "-E"],
        );
        Self(name.to_owned())
    }
}

impl Drop for Queue {
    fn drop(&mut self) {
        Command::new("cancel").args(["-a", &self.0]).output().ok();
        Command::new("lpadmin").args(["-x", &self.0]).output().ok();
    }
}

fn settings(connection: PrinterConnection, format: SlipFormat) -> PrinterSettings {
    PrinterSettings {
        connection,
        format,
        timeout_seconds: 10.0,
        max_waiting_jobs: 3,
        cupsd_conf: PathBuf::from("/etc/cups/cupsd.conf"),
    }
}

fn cups(queue: &Queue, format: SlipFormat) -> Printer {
    Printer::new(settings(PrinterConnection::Cups { queue: queue.0.clone() }, format))
}

/// A receipt printer on a free local port: it answers the paper query with `paper`, reads
/// at most `keep` bytes (then hangs up), and hands what it read to the test.
fn listener(paper: u8, keep: usize) -> (u16, mpsc::Receiver<Vec<u8>>) {
    let socket = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = socket.local_addr().expect("address").port();
    let (sender, received) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in socket.incoming() {
            let Ok(mut stream) = stream else { return };
            stream.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
            let mut bytes = Vec::new();
            let mut chunk = [0u8; 4096];
            loop {
                match stream.read(&mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        bytes.extend_from_slice(&chunk[..n]);
                        if bytes.ends_with(&PAPER_STATUS_QUERY) && bytes.len() == PAPER_STATUS_QUERY.len() {
                            stream.write_all(&[paper]).expect("answer");
                        }
                        if bytes.len() >= keep {
                            // Hang up with bytes unread: the sender sees a reset.
                            break;
                        }
                    }
                }
            }
            drop(stream);
            if sender.send(bytes).is_err() {
                return;
            }
        }
    });
    (port, received)
}

/// The slip of the printer tests: an Arabic visit, so paper carries both scripts.
fn arabic_slip() -> Slip {
    slip("allophone-smartphone-beginner", "ar")
}

/// The PDF cups-pdf wrote for a job submitted after `since`.
fn cups_pdf_output(since: SystemTime) -> PathBuf {
    let folders = [PathBuf::from("/root/PDF"), PathBuf::from("/var/spool/cups-pdf/ANONYMOUS")];
    let started = Instant::now();
    while started.elapsed() < Duration::from_mins(1) {
        for folder in &folders {
            let Ok(entries) = std::fs::read_dir(folder) else { continue };
            for entry in entries.flatten() {
                let modified = entry.metadata().and_then(|m| m.modified()).ok();
                if entry.path().extension().is_some_and(|e| e == "pdf")
                    && modified.is_some_and(|m| m >= since)
                {
                    // cups-pdf writes the file, then closes it: wait for it to settle.
                    std::thread::sleep(Duration::from_millis(500));
                    return entry.path();
                }
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("cups-pdf wrote no PDF within a minute in {folders:?}");
}

/// The first page rendered by poppler, as PNG bytes.
fn render_page(pdf: &Path) -> Vec<u8> {
    let output = Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .output()
        .expect("pdftoppm (poppler-utils)");
    assert!(output.status.success() && !output.stdout.is_empty(), "pdftoppm failed on {}", pdf.display());
    output.stdout
}

/// The texts of the codes zbarimg reads in a PNG.
fn read_codes(png: &[u8]) -> Vec<String> {
    let path = std::env::temp_dir().join(format!("repere-codes-{}.png", std::process::id()));
    std::fs::write(&path, png).expect("write png");
    let output =
        Command::new("zbarimg").args(["-q", "--raw"]).arg(&path).output().expect("zbarimg (zbar-tools)");
    std::fs::remove_file(&path).ok();
    String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect()
}

#[test]
fn a_slip_printed_on_the_cups_pdf_queue_is_ink_on_paper_with_codes_to_each_place() {
    if !cups_running() {
        return;
    }
    let queue = Queue::pdf("RepereTestPdf");
    let slip = arabic_slip();
    let since = SystemTime::now() - Duration::from_secs(1);
    let job = TYPESETTER.print(&slip, &cups(&queue, SlipFormat::PdfA4)).expect("job accepted");
    assert!(job.id.starts_with("RepereTestPdf-"), "{job:?}");
    let pdf = cups_pdf_output(since);
    let png = render_page(&pdf);
    let (width, height, pixels) = crate::decode(&png);
    let dark = pixels.chunks(4).filter(|p| p[0] < 128).count();
    assert!(dark > (width * height) as usize / 200, "the printed page is blank ({dark} dark pixels)");
    let mut codes = read_codes(&png);
    codes.sort();
    let mut links: Vec<String> = slip.links.iter().map(|l| l.url.clone()).collect();
    links.sort();
    assert_eq!(codes, links, "each code reads back to its place's link");
    std::fs::remove_file(pdf).ok();
}

#[test]
fn escpos_through_a_raw_cups_queue_reaches_the_printer_byte_for_byte() {
    if !cups_running() {
        return;
    }
    let (port, received) = listener(0x12, usize::MAX);
    let queue = Queue::raw("RepereTestRaw", port);
    let slip = arabic_slip();
    TYPESETTER.print(&slip, &cups(&queue, SlipFormat::Escpos)).expect("job accepted");
    let bytes = received.recv_timeout(Duration::from_mins(1)).expect("the printer received the job");
    let expected = escpos_bytes(&TYPESETTER.raster(&slip).expect("raster"));
    assert_eq!(bytes.len(), expected.len());
    assert!(bytes == expected, "the bytes differ from the slip's ESC/POS job");
}

#[test]
fn a_receipt_printer_on_the_network_gets_the_paper_query_then_the_job() {
    let (port, received) = listener(0x12, usize::MAX);
    let printer = Printer::new(settings(
        PrinterConnection::Raw { address: format!("socket://127.0.0.1:{port}") },
        SlipFormat::Escpos,
    ));
    let slip = arabic_slip();
    let job = TYPESETTER.print(&slip, &printer).expect("job accepted");
    assert_eq!(job.id, format!("socket://127.0.0.1:{port}"));
    let bytes = received.recv_timeout(Duration::from_secs(20)).expect("received");
    let mut expected = PAPER_STATUS_QUERY.to_vec();
    expected.extend(escpos_bytes(&TYPESETTER.raster(&slip).expect("raster")));
    assert!(bytes == expected, "{} bytes received, {} expected", bytes.len(), expected.len());
}

#[test]
fn a_printer_that_hangs_up_during_the_job_is_a_failed_job() {
    let (port, _received) = listener(0x12, 2000);
    let printer = Printer::new(settings(
        PrinterConnection::Raw { address: format!("socket://127.0.0.1:{port}") },
        SlipFormat::Escpos,
    ));
    match TYPESETTER.print(&arabic_slip(), &printer) {
        Err(PrintProblem::Failed(why)) => assert!(why.contains("closed the connection"), "{why}"),
        other => panic!("expected a failed job, got {other:?}"),
    }
}

#[test]
fn a_receipt_printer_out_of_paper_is_said_before_sending() {
    let (port, received) = listener(0x72, usize::MAX);
    let printer = Printer::new(settings(
        PrinterConnection::Raw { address: format!("socket://127.0.0.1:{port}") },
        SlipFormat::Escpos,
    ));
    assert_eq!(TYPESETTER.print(&arabic_slip(), &printer), Err(PrintProblem::PaperOut));
    // Only the query went: no half slip.
    assert_eq!(received.recv_timeout(Duration::from_secs(20)).expect("received"), PAPER_STATUS_QUERY);
}

#[test]
fn absent_printers_are_said_absent() {
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("address").port();
    let socket = Printer::new(settings(
        PrinterConnection::Raw { address: format!("socket://127.0.0.1:{closed}") },
        SlipFormat::Escpos,
    ));
    assert!(matches!(socket.send(b"x"), Err(PrintProblem::Absent(_))), "{:?}", socket.send(b"x"));
    let device = Printer::new(settings(
        PrinterConnection::Raw { address: "/dev/usb/lp9".to_owned() },
        SlipFormat::Escpos,
    ));
    assert!(matches!(device.send(b"x"), Err(PrintProblem::Absent(_))));
    if cups_running() {
        let missing = Printer::new(settings(
            PrinterConnection::Cups { queue: "RepereNoSuchQueue".to_owned() },
            SlipFormat::PdfA4,
        ));
        assert!(matches!(missing.send(b"%PDF-"), Err(PrintProblem::Absent(_))), "{:?}", missing.status());
    }
}

#[test]
fn a_stopped_queue_and_a_full_queue_are_said_before_sending() {
    if !cups_running() {
        return;
    }
    let (port, _received) = listener(0x12, usize::MAX);
    let queue = Queue::raw("RepereTestStopped", port);
    admin("cupsdisable", &[&queue.0]);
    let printer = cups(&queue, SlipFormat::Escpos);
    assert!(matches!(printer.status(), Err(PrintProblem::Stopped(_))), "{:?}", printer.status());
    assert!(matches!(printer.send(b"x"), Err(PrintProblem::Stopped(_))));

    let (port, _received) = listener(0x12, usize::MAX);
    let queue = Queue::raw("RepereTestFull", port);
    // A held job waits in the queue: one waiting job is "full" for this kiosk.
    admin("lp", &["-d", &queue.0, "-H", "hold", "-o", "raw", "/etc/hostname"]);
    let mut full = settings(PrinterConnection::Cups { queue: queue.0.clone() }, SlipFormat::Escpos);
    full.max_waiting_jobs = 1;
    assert_eq!(Printer::new(full).send(b"x"), Err(PrintProblem::QueueFull(1)));
}
