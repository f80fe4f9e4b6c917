//! The slip typeset: snapshots, both parts, places and links, text, PDFs, ESC/POS.

use repere_engine::slip::SlipFormat;
use repere_print::escpos;

use crate::{CONTENT, GOLDEN_PROFILES, TYPESETTER, assert_snapshot, result, slip};

#[test]
fn every_language_has_its_slip_snapshot() {
    for language in &CONTENT.languages {
        let slip = slip("allophone-smartphone-beginner", &language.code);
        let png = TYPESETTER.png(&slip).expect("typeset");
        assert_snapshot(&format!("slip_{}", language.code), &png);
    }
}

#[test]
fn a_french_visit_has_one_part_and_another_language_has_french_below() {
    let french = slip("allophone-smartphone-beginner", "fr");
    assert_eq!(french.parts.len(), 1);
    let arabic = slip("allophone-smartphone-beginner", "ar");
    assert_eq!(arabic.parts.iter().map(|p| p.language.as_str()).collect::<Vec<_>>(), ["ar", "fr"]);
    assert!(arabic.parts[0].right_to_left && !arabic.parts[1].right_to_left);
    assert_eq!(arabic.parts[0].heading, None);
    assert_eq!(arabic.parts[1].heading.as_deref(), CONTENT.text("ar", "slip.in_french"));
    // The French half for the agent says the same as the visitor's, in French.
    assert_eq!(arabic.parts[1].level, french.parts[0].level);
    let result = result("allophone-smartphone-beginner", "ar");
    let mut kinds: Vec<String> = result.recommendations.iter().map(|r| r.kind.clone()).collect();
    kinds.dedup();
    for (part, language) in arabic.parts.iter().zip(["ar", "fr"]) {
        let shown: Vec<&str> = part.help.iter().map(|h| h.kind.as_str()).collect();
        let expected: Vec<&str> =
            kinds.iter().map(|k| CONTENT.text(language, &format!("help_kind.{k}")).expect("kind")).collect();
        assert_eq!(shown, expected, "{language}");
    }
}

#[test]
fn every_place_on_the_slip_has_the_link_of_its_code() {
    for profile in [
        "far-from-digital-urgent-wheelchair",
        "allophone-smartphone-beginner",
        "intermediate-hard-of-hearing",
    ] {
        let slip = slip(profile, "fr");
        let places: Vec<_> = slip.parts[0].help.iter().flat_map(|h| &h.places).collect();
        assert!(!places.is_empty(), "{profile}: no place");
        assert_eq!(places.len(), slip.links.len(), "{profile}: a code per place");
        for place in places {
            let link = &slip.links[place.link.expect("every demo place has a link")];
            assert!(place.lines[0].contains(&link.name), "{profile}: {:?} vs {}", place.lines[0], link.name);
            assert!(link.url.starts_with("https://"), "{}", link.url);
        }
    }
}

#[test]
fn what_to_learn_next_is_the_first_domains_not_mastered() {
    let slip = slip("allophone-smartphone-beginner", "fr");
    let words = |key: &str| CONTENT.text("fr", key).expect("key").to_owned();
    // Mouse mastered (0.8); the keyboard is not; the internet was not reached.
    assert_eq!(
        slip.parts[0].learn_next[..2],
        [words("result.can_do.keyboard"), words("result.can_do.internet")]
    );
    assert!(!slip.parts[0].learn_next.contains(&words("result.can_do.mouse")));
}

/// A thing is either done or to learn: a domain done only partly is to learn next and not
/// also ticked as done, and nothing is said twice (the email test passed and "I use email").
#[test]
fn nothing_is_both_done_and_to_learn_nor_said_twice() {
    for profile in GOLDEN_PROFILES {
        let part = &slip(profile, "fr").parts[0];
        for done in &part.can_do {
            assert!(!part.learn_next.contains(done), "{profile}: {done} both done and to learn");
            assert_eq!(part.can_do.iter().filter(|c| *c == done).count(), 1, "{profile}: {done} twice");
        }
    }
    // The advanced visitor did the online form only partly: it is to learn next.
    let part = &slip("advanced-fears-procedures", "fr").parts[0];
    let procedure = CONTENT.text("fr", "result.can_do.procedure").expect("key").to_owned();
    assert!(part.learn_next.contains(&procedure) && !part.can_do.contains(&procedure), "{part:?}");
}

#[test]
fn the_text_slip_has_both_parts_and_every_link() {
    let slip = slip("intermediate-hard-of-hearing", "es");
    let text = String::from_utf8(TYPESETTER.render(&slip, SlipFormat::Text).expect("text")).expect("utf-8");
    assert!(text.contains(CONTENT.text("es", "result.title").expect("key")));
    assert!(text.contains(CONTENT.text("fr", "result.title").expect("key")));
    for link in &slip.links {
        assert!(text.contains(&link.url));
    }
    // Nothing personal: no postcode the visitor typed, no answers.
    assert!(!text.contains("\"answers\""));
}

#[test]
fn pdfs_embed_subset_fonts_for_every_script() {
    for (language, format) in
        [("ar", SlipFormat::PdfA4), ("ti", SlipFormat::PdfReceipt), ("ru", SlipFormat::PdfA4)]
    {
        let pdf = TYPESETTER.render(&slip("allophone-smartphone-beginner", language), format).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"), "{language}");
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/FontFile2") || text.contains("/FontFile3"), "{language}: fonts embedded");
        // Subset fonts are named with a six-letter tag: ABCDEF+NotoSans.
        assert!(text.contains("+NotoSans"), "{language}: subset fonts");
    }
}

#[test]
fn a_receipt_pdf_is_80_mm_wide_and_an_a4_pdf_is_a4() {
    let slip = slip("allophone-smartphone-beginner", "fr");
    let media_box = |pdf: &[u8]| {
        let text = String::from_utf8_lossy(pdf).into_owned();
        let start = text.find("/MediaBox[").expect("media box") + "/MediaBox[".len();
        let numbers: Vec<f64> = text[start..]
            .split(']')
            .next()
            .expect("box")
            .split_whitespace()
            .map(|n| n.parse().expect("number"))
            .collect();
        (numbers[2] - numbers[0], numbers[3] - numbers[1])
    };
    let receipt = TYPESETTER.render(&slip, SlipFormat::PdfReceipt).expect("pdf");
    let (width, _) = media_box(&receipt);
    assert!((width - 80.0 / 25.4 * 72.0).abs() < 0.5, "receipt width {width} pt");
    let (width, height) = media_box(&TYPESETTER.render(&slip, SlipFormat::PdfA4).expect("pdf"));
    assert!((width - 595.3).abs() < 0.5 && (height - 841.9).abs() < 0.5, "A4 {width}×{height} pt");
}

#[test]
fn escpos_bytes_are_the_raster_576_dots_wide() {
    let slip = slip("allophone-smartphone-beginner", "ar");
    let raster = TYPESETTER.raster(&slip).expect("raster");
    assert_eq!(raster.width, 576);
    assert!(raster.height > 300, "a slip is long: {} rows", raster.height);
    let black = raster.bits.iter().map(|b| b.count_ones()).sum::<u32>();
    let all = raster.width * raster.height;
    assert!(black > all / 100 && black < all / 3, "ink on {black} of {all} dots");
    assert_eq!(TYPESETTER.render(&slip, SlipFormat::Escpos).expect("escpos"), escpos::escpos_bytes(&raster));
}

/// An office printer gets at most two sheets: the A4 slip of every golden profile, every kind
/// of help with its places, fits on two pages in every language, clean for poppler and qpdf,
/// with body text at 12 pt at least (the page footer alone is 10 pt) and the first page used
/// at least down to its middle (a French visit with one kind of help is the shortest).
#[test]
fn an_a4_slip_is_at_most_two_pages_of_large_text_in_every_language() {
    let Some(tools) = PdfTools::find() else { return };
    for language in &CONTENT.languages {
        for profile in GOLDEN_PROFILES {
            let pdf = TYPESETTER.render(&slip(profile, &language.code), SlipFormat::PdfA4).expect("pdf");
            let what = format!("{profile} in {}", language.code);
            tools.assert_clean(&pdf, &what);
            let pages = tools.pages(&pdf);
            assert!((1..=2).contains(&pages.len()), "{what}: {} pages", pages.len());
            let sizes = tools.font_sizes(&pdf);
            assert!(sizes.iter().all(|s| *s >= 10.0), "{what}: text under 10 pt: {sizes:?}");
            for page in &pages {
                // Above the footer (the bottom 12 mm margin) every word is 12 pt at least: its
                // box is the font's ascent plus descent, 1.362 em in Noto Sans (more in the
                // Arabic and Ethiopic fonts).
                for word in page.words.iter().filter(|w| w.bottom < page.footer()) {
                    let size = word.height / 1.362;
                    assert!(size >= 11.9, "{what}: {:?} is {size:.1} pt", word.text);
                }
            }
            // The lowest text of the first page above its footer.
            let first = &pages[0];
            let lowest =
                first.words.iter().map(|w| w.bottom).filter(|y| *y < first.footer()).fold(0.0, f64::max);
            let height = first.height;
            assert!(
                lowest > height * 0.5,
                "{what}: the first page's text ends at {lowest:.0} of {height:.0} pt"
            );
        }
    }
}

/// Every slip PDF, A4 and receipt, is clean for poppler (`pdfinfo`, what evince and CUPS's
/// filters read it with) and for `qpdf --check`: not a warning.
#[test]
fn pdfs_are_clean_under_pdfinfo_and_qpdf() {
    let Some(tools) = PdfTools::find() else { return };
    for language in ["fr", "ar", "ti"] {
        for profile in GOLDEN_PROFILES {
            for format in [SlipFormat::PdfA4, SlipFormat::PdfReceipt] {
                let pdf = TYPESETTER.render(&slip(profile, language), format).expect("pdf");
                tools.assert_clean(&pdf, &format!("{profile} in {language}, {}", format.id()));
            }
        }
    }
}

/// A page as `pdftotext -bbox` sees it: its height and its words (points, from the top).
struct Page {
    height: f64,
    words: Vec<Word>,
}

impl Page {
    /// The top of the bottom margin (12 mm), where the page footer is.
    fn footer(&self) -> f64 {
        self.height - 12.0 / 25.4 * 72.0
    }
}

/// A word on a page: the bottom and height of its box, and its text.
struct Word {
    bottom: f64,
    height: f64,
    text: String,
}

/// The PDF tools the checks run: poppler's `pdfinfo` and `pdftotext`, and `qpdf`. Without
/// them a check is skipped, except on CI (`CI=true`) where it fails.
struct PdfTools {
    dir: std::path::PathBuf,
}

impl PdfTools {
    fn find() -> Option<Self> {
        let present = ["pdfinfo", "pdftotext", "qpdf"].iter().all(|tool| {
            std::process::Command::new(tool)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty())
        });
        if !present {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "pdfinfo, pdftotext and qpdf are needed on CI"
            );
            // Skipped, as the printing tests are without CUPS (apt install poppler-utils qpdf).
            return None;
        }
        let dir = std::env::temp_dir().join(format!("repere-pdf-checks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temporary directory");
        Some(Self { dir })
    }

    fn write(&self, pdf: &[u8]) -> std::path::PathBuf {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = self.dir.join(format!("{n}.pdf"));
        std::fs::write(&path, pdf).expect("write pdf");
        path
    }

    fn run(tool: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
        std::process::Command::new(tool).args(args).output().unwrap_or_else(|e| panic!("{tool}: {e}"))
    }

    /// `pdfinfo` and `qpdf --check` succeed and say nothing on stderr nor any warning.
    fn assert_clean(&self, pdf: &[u8], what: &str) {
        let path = self.write(pdf);
        let info = Self::run("pdfinfo", &[path.as_os_str()]);
        let stderr = String::from_utf8_lossy(&info.stderr);
        assert!(info.status.success() && stderr.trim().is_empty(), "{what}: pdfinfo says {stderr}");
        let check = Self::run("qpdf", &["--check".as_ref(), path.as_os_str()]);
        let out =
            format!("{}{}", String::from_utf8_lossy(&check.stdout), String::from_utf8_lossy(&check.stderr));
        assert!(
            check.status.success()
                && !out.to_lowercase().contains("warning")
                && out.contains("No syntax or stream encoding errors"),
            "{what}: qpdf --check says {out}"
        );
        std::fs::remove_file(path).ok();
    }

    /// Each page's height and its words.
    fn pages(&self, pdf: &[u8]) -> Vec<Page> {
        let path = self.write(pdf);
        let output = Self::run("pdftotext", &["-bbox".as_ref(), path.as_os_str(), "-".as_ref()]);
        assert!(output.status.success(), "pdftotext failed");
        let html = String::from_utf8_lossy(&output.stdout).into_owned();
        let attribute = |line: &str, name: &str| -> f64 {
            let start = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
            line[start..].split('"').next().and_then(|n| n.parse().ok()).expect("number")
        };
        let mut pages = Vec::new();
        for line in html.lines().map(str::trim) {
            if line.starts_with("<page ") {
                pages.push(Page { height: attribute(line, "height"), words: Vec::new() });
            } else if line.starts_with("<word ")
                && let Some(page) = pages.last_mut()
            {
                let text = line.rsplit_once("\">").map_or("", |(_, w)| w.trim_end_matches("</word>"));
                let bottom = attribute(line, "yMax");
                page.words.push(Word {
                    bottom,
                    height: bottom - attribute(line, "yMin"),
                    text: text.to_owned(),
                });
            }
        }
        std::fs::remove_file(path).ok();
        pages
    }

    /// The font size of every run of text (`Tf`) in the content streams.
    fn font_sizes(&self, pdf: &[u8]) -> Vec<f64> {
        let path = self.write(pdf);
        let output = Self::run(
            "qpdf",
            &["--qdf".as_ref(), "--object-streams=disable".as_ref(), path.as_os_str(), "-".as_ref()],
        );
        assert!(output.status.success(), "qpdf --qdf failed");
        std::fs::remove_file(path).ok();
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        let words: Vec<&str> = text.split_ascii_whitespace().collect();
        words.windows(2).filter(|w| w[1] == "Tf").filter_map(|w| w[0].parse().ok()).collect()
    }
}

/// What the result recommends is on the slip, in every language and both parts: every kind
/// of help, up to three places for the first kind that has one and the best place of each
/// other, a kind with no place saying how to find one; the agent's French part has each
/// place's hours and phone; and paper never says "open now" nor "today" (false once it has
/// left the building) but the day's hours and the next opening with its date.
#[test]
fn every_kind_of_help_is_on_the_slip_with_its_hours_for_a_date() {
    for profile in GOLDEN_PROFILES {
        for language in &CONTENT.languages {
            let result = result(profile, &language.code);
            let slip = slip(profile, &language.code);
            let mut kinds: Vec<&str> = Vec::new();
            for r in &result.recommendations {
                if !kinds.contains(&r.kind.as_str()) {
                    kinds.push(&r.kind);
                }
            }
            let main = kinds
                .iter()
                .position(|k| result.recommendations.iter().any(|r| r.kind == *k && r.place.is_some()));
            for part in &slip.parts {
                let what = format!("{profile} in {}, part {}", language.code, part.language);
                let words = |key: &str| CONTENT.text(&part.language, key).expect(key).to_owned();
                let shown: Vec<String> = part.help.iter().map(|h| h.kind.clone()).collect();
                let expected: Vec<String> = kinds.iter().map(|k| words(&format!("help_kind.{k}"))).collect();
                assert_eq!(shown, expected, "{what}");
                for (index, (help, kind)) in part.help.iter().zip(&kinds).enumerate() {
                    let places: Vec<_> = result
                        .recommendations
                        .iter()
                        .filter(|r| r.kind == *kind && r.place.is_some())
                        .collect();
                    let room = if Some(index) == main { 3 } else { 1 };
                    assert_eq!(help.places.len(), places.len().min(room), "{what}: {kind}");
                    if places.is_empty() {
                        let rule = CONTENT.orientation.helps.iter().find(|h| h.kind == *kind).expect("rule");
                        assert!(
                            help.reason.contains(&words(&rule.none_found)),
                            "{what}: {kind} says how to find one"
                        );
                    }
                    for (place, recommendation) in help.places.iter().zip(&places) {
                        let summary = recommendation.place.as_ref().expect("place");
                        let lines = place.lines.join("\n");
                        if let Some(phone) = &summary.phone {
                            assert!(lines.contains(phone.as_str()), "{what}: {} has its phone", summary.name);
                        }
                        let parsed =
                            summary.opening_hours.as_deref().map(repere_engine::places::Hours::parse);
                        if parsed.is_some_and(|h| h.is_parsed()) && recommendation.offer.is_none() {
                            let on = words("slip.next_opening");
                            let label = on.split("%{").next().expect("label");
                            assert!(
                                lines.contains(label),
                                "{what}: {} has its next opening:\n{lines}",
                                summary.name
                            );
                        }
                    }
                }
                let moment: Vec<String> = [
                    "place.open_now",
                    "place.open_until",
                    "place.opens_today",
                    "place.opens_tomorrow",
                    "place.today_hours",
                    "place.closed_today",
                ]
                .iter()
                .map(|key| words(key).split("%{").next().expect("text").trim().to_owned())
                .collect();
                for line in part.lines() {
                    for words in &moment {
                        assert!(!line.contains(words.as_str()), "{what}: {line:?} says {words:?}");
                    }
                }
            }
        }
    }
}

/// The day's hours and the next opening are said with their dates, in words.
#[test]
fn paper_says_the_days_hours_and_the_next_opening_with_its_date() {
    let part = &slip("far-from-digital-urgent-wheelchair", "fr").parts[0];
    let lines: Vec<&String> = part.help.iter().flat_map(|h| &h.places).flat_map(|p| &p.lines).collect();
    // The test day is Monday 23 November 2026; the places open again on Tuesday.
    assert!(lines.iter().any(|l| l.starts_with("Horaires du lundi 23 novembre : ")), "{lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("Prochaine ouverture : mardi 24 novembre à ")), "{lines:#?}");
}
