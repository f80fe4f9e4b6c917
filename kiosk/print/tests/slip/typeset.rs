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
fn a_slip_shows_at_most_three_places_each_with_the_link_of_its_code() {
    for profile in [
        "far-from-digital-urgent-wheelchair",
        "allophone-smartphone-beginner",
        "intermediate-hard-of-hearing",
    ] {
        let slip = slip(profile, "fr");
        let places: Vec<_> = slip.parts[0].help.iter().flat_map(|h| &h.places).collect();
        assert!(!places.is_empty() && places.len() <= 3, "{profile}: {} places", places.len());
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

/// An office printer gets one sheet: the A4 slip of every golden profile holds on one page in
/// every language (both parts, three places with their codes).
#[test]
fn an_a4_slip_is_one_page_in_every_language() {
    for language in &CONTENT.languages {
        for profile in GOLDEN_PROFILES {
            let pdf = TYPESETTER.render(&slip(profile, &language.code), SlipFormat::PdfA4).expect("pdf");
            let text = String::from_utf8_lossy(&pdf);
            // Page objects, not the page tree (`/Type /Pages`).
            let pages = text
                .match_indices("/Type")
                .filter(|(at, _)| {
                    let rest = text[at + "/Type".len()..].trim_start();
                    rest.starts_with("/Page") && !rest.starts_with("/Pages")
                })
                .count();
            assert_eq!(pages, 1, "{profile} in {}: {pages} pages", language.code);
        }
    }
}
