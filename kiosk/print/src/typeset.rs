//! Typesetting the slip with typst: the engine's slip model goes in as data, a fixed template
//! lays it out (bidi, shaping, subset fonts come from typst), and out come a PDF or a
//! black-and-white raster for thermal printers.

use std::sync::Mutex;

use repere_engine::slip::{Slip, SlipFormat};
use serde::Serialize;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt as _, World};
use typst_layout::PagedDocument;

use crate::SlipError;
use crate::qr::qr_svg;

/// The template, built in.
const TEMPLATE: &str = include_str!("slip.typ");

/// The facilitator's group lists, built in.
const GROUPS_TEMPLATE: &str = include_str!("groups.typ");

/// Dots across a thermal receipt printer's 80 mm paper: 72 mm printable at 203 dpi.
pub const RECEIPT_DOTS: u32 = 576;

/// Printable width of a thermal printer, millimetres (576 dots at 203 dpi).
const RASTER_WIDTH_MM: f64 = 576.0 / 203.0 * 25.4;

/// A page size for the template.
#[derive(Clone, Copy, Serialize)]
struct PageSize {
    width_mm: f64,
    margin_mm: f64,
}

const A4: PageSize = PageSize { width_mm: 210.0, margin_mm: 12.0 };
const RECEIPT: PageSize = PageSize { width_mm: 80.0, margin_mm: 5.0 };
const RASTER: PageSize = PageSize { width_mm: RASTER_WIDTH_MM, margin_mm: 1.5 };

/// The template's data: the slip, the page, a code per link.
#[derive(Serialize)]
struct TemplateData<'a> {
    title: &'a str,
    page: PageSize,
    parts: &'a [repere_engine::slip::SlipPart],
    links: Vec<LinkData<'a>>,
}

#[derive(Serialize)]
struct LinkData<'a> {
    url: &'a str,
    /// The code as SVG, or an empty image when the link is too long for a code.
    qr: String,
}

/// A one-bit image, a row after another, 8 dots a byte, most significant first; 1 is black.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Raster {
    /// Dots across.
    pub width: u32,
    /// Rows.
    pub height: u32,
    /// `width / 8` bytes per row.
    pub bits: Vec<u8>,
}

impl Raster {
    /// Bytes per row.
    pub fn row_bytes(&self) -> usize {
        self.width.div_ceil(8) as usize
    }

    /// True when the dot at `x`, `y` is black.
    pub fn is_black(&self, x: u32, y: u32) -> bool {
        let index = y as usize * self.row_bytes() + (x / 8) as usize;
        self.bits.get(index).is_some_and(|byte| byte & (0x80 >> (x % 8)) != 0)
    }
}

/// Makes slips. Fonts are read once; typst's caches are trimmed after each slip so a kiosk
/// that runs for months does not grow.
pub struct SlipTypesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// One slip at a time: typst's file ids are global, the data file is ours.
    busy: Mutex<()>,
}

impl SlipTypesetter {
    /// A typesetter with these font files (TrueType or OpenType; the kiosk's bundled Noto).
    pub fn new(font_files: &[&'static [u8]]) -> Self {
        let fonts: Vec<Font> = font_files.iter().flat_map(|bytes| Font::iter(Bytes::new(*bytes))).collect();
        let book = FontBook::from_fonts(&fonts);
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            busy: Mutex::new(()),
        }
    }

    /// The slip as a PDF (`PdfA4` or `PdfReceipt`).
    ///
    /// # Errors
    /// The format is not a PDF, or typst refused the document (a bug of the template).
    pub fn pdf(&self, slip: &Slip, format: SlipFormat) -> Result<Vec<u8>, SlipError> {
        let page = match format {
            SlipFormat::PdfA4 => A4,
            SlipFormat::PdfReceipt => RECEIPT,
            SlipFormat::Escpos | SlipFormat::Text => return Err(SlipError::NotTypeset(format)),
        };
        let document = self.compile(slip, page)?;
        let options = typst_pdf::PdfOptions {
            ident: typst::foundations::Smart::Custom("repere-slip".to_owned()),
            ..typst_pdf::PdfOptions::default()
        };
        typst_pdf::pdf(&document, &options)
            .map(without_false_suspects)
            .map_err(|errors| SlipError::Typst(messages(&errors)))
    }

    /// The slip as a raster [`RECEIPT_DOTS`] wide, for a thermal printer.
    ///
    /// # Errors
    /// Typst refused the document (a bug of the template).
    pub fn raster(&self, slip: &Slip) -> Result<Raster, SlipError> {
        let document = self.compile(slip, RASTER)?;
        let pixel_per_pt = f64::from(RECEIPT_DOTS) / (RASTER_WIDTH_MM / 25.4 * 72.0);
        let mut raster = Raster { width: RECEIPT_DOTS, height: 0, bits: Vec::new() };
        for page in document.pages() {
            let pixmap = typst_render::render(
                page,
                &typst_render::RenderOptions { pixel_per_pt: pixel_per_pt.into(), render_bleed: false },
            );
            append_rows(&mut raster, &pixmap);
        }
        Ok(raster)
    }

    /// The slip as a PNG the size the thermal printer prints it (for the screen and the
    /// snapshot tests).
    ///
    /// # Errors
    /// Typst refused the document (a bug of the template).
    pub fn png(&self, slip: &Slip) -> Result<Vec<u8>, SlipError> {
        let document = self.compile(slip, RASTER)?;
        let pixel_per_pt = f64::from(RECEIPT_DOTS) / (RASTER_WIDTH_MM / 25.4 * 72.0);
        let page = document.pages().first().ok_or_else(|| SlipError::Typst("no page".to_owned()))?;
        let mut pixmap = typst_render::render(
            page,
            &typst_render::RenderOptions { pixel_per_pt: pixel_per_pt.into(), render_bleed: false },
        );
        // Paper is white: the page is rendered on transparency.
        let mut white = tiny_skia::Pixmap::new(pixmap.width(), pixmap.height())
            .ok_or_else(|| SlipError::Typst("empty page".to_owned()))?;
        white.fill(tiny_skia::Color::WHITE);
        white.draw_pixmap(
            0,
            0,
            pixmap.as_ref(),
            &tiny_skia::PixmapPaint::default(),
            tiny_skia::Transform::identity(),
            None,
        );
        pixmap = white;
        pixmap.encode_png().map_err(|e| SlipError::Typst(format!("png: {e}")))
    }

    /// The facilitator's group lists as an A4 PDF.
    ///
    /// # Errors
    /// Typst refused the document (a bug of the template).
    pub fn group_lists_pdf(&self, lists: &crate::groups::GroupLists) -> Result<Vec<u8>, SlipError> {
        let json = serde_json::to_vec(lists).map_err(|e| SlipError::Typst(format!("group data: {e}")))?;
        let document = self.compile_template(GROUPS_TEMPLATE, "groups", json)?;
        let options = typst_pdf::PdfOptions {
            ident: typst::foundations::Smart::Custom("repere-groups".to_owned()),
            ..typst_pdf::PdfOptions::default()
        };
        typst_pdf::pdf(&document, &options)
            .map(without_false_suspects)
            .map_err(|errors| SlipError::Typst(messages(&errors)))
    }

    fn compile(&self, slip: &Slip, page: PageSize) -> Result<PagedDocument, SlipError> {
        let data = TemplateData {
            title: slip.parts.first().map_or("Repère", |p| p.title.as_str()),
            page,
            parts: &slip.parts,
            links: slip
                .links
                .iter()
                .map(|l| LinkData { url: &l.url, qr: qr_svg(&l.url).unwrap_or_default() })
                .collect(),
        };
        let json = serde_json::to_vec(&data).map_err(|e| SlipError::Typst(format!("slip data: {e}")))?;
        self.compile_template(TEMPLATE, "slip", json)
    }

    /// Compiles `template` (`/<name>.typ`) reading its data from `/<name>.json`.
    fn compile_template(
        &self,
        template: &str,
        name: &str,
        json: Vec<u8>,
    ) -> Result<PagedDocument, SlipError> {
        let _one_at_a_time = self.busy.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let world = SlipWorld {
            typesetter: self,
            main: Source::new(file_id(&format!("/{name}.typ"))?, template.to_owned()),
            data_id: file_id(&format!("/{name}.json"))?,
            data: Bytes::new(json),
        };
        let result = typst::compile::<PagedDocument>(&world).output;
        // Keep typst's memo caches small: each document is different.
        comemo::evict(2);
        result.map_err(|errors| SlipError::Typst(messages(&errors)))
    }
}

/// The PDF without `/Suspects false` in its catalogue's `/MarkInfo`. Typst writes it for a
/// tagged PDF; it is the default and means the same when absent, but poppler (evince,
/// `pdfinfo`, cups-filters) reads any `false` there as the wrong type and warns "Suspects
/// object is wrong type" on every slip. The key is blanked with as many spaces, so every
/// object stays at the offset the cross-reference table gives.
fn without_false_suspects(mut pdf: Vec<u8>) -> Vec<u8> {
    const MARK_INFO: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
    const SUSPECTS: &[u8] = b"/Suspects false";
    if let Some(at) = pdf.windows(MARK_INFO.len()).position(|w| w == MARK_INFO) {
        let start = at + MARK_INFO.len() - b">>".len() - SUSPECTS.len();
        if let Some(key) = pdf.get_mut(start..start + SUSPECTS.len()) {
            key.fill(b' ');
        }
    }
    pdf
}

/// Typst's errors in one line each.
fn messages(errors: &[SourceDiagnostic]) -> String {
    errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; ")
}

/// The id typst knows a file of ours by.
fn file_id(path: &str) -> Result<FileId, SlipError> {
    VirtualPath::new(path)
        .map(|vpath| RootedPath::new(VirtualRoot::Project, vpath).intern())
        .map_err(|e| SlipError::Typst(format!("{path}: {e:?}")))
}

/// Appends a rendered page's rows, black where the ink is dark enough.
fn append_rows(raster: &mut Raster, pixmap: &tiny_skia::Pixmap) {
    let width = pixmap.width().min(raster.width);
    let row_bytes = raster.row_bytes();
    for y in 0..pixmap.height() {
        let mut row = vec![0u8; row_bytes];
        for x in 0..width {
            let Some(pixel) = pixmap.pixel(x, y) else { continue };
            // Premultiplied over white: darkness is alpha times (255 - colour).
            let pixel = pixel.demultiply();
            let luminance = (u32::from(pixel.red()) * 299
                + u32::from(pixel.green()) * 587
                + u32::from(pixel.blue()) * 114)
                / 1000;
            let ink = u32::from(pixel.alpha()) * (255 - luminance) / 255;
            if ink >= 110 {
                row[(x / 8) as usize] |= 0x80 >> (x % 8);
            }
        }
        raster.bits.extend_from_slice(&row);
        raster.height += 1;
    }
}

/// What typst sees: the template, the slip's data, the fonts.
struct SlipWorld<'a> {
    typesetter: &'a SlipTypesetter,
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl World for SlipWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.typesetter.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.typesetter.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.typesetter.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // The slip's date is in its data; the template never asks typst for one.
        None
    }
}
