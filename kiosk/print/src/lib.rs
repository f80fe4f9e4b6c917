//! Repère's slip on paper. The engine's [`Slip`] model is typeset with typst (right-to-left
//! lines, shaping and subset fonts included) into a PDF for A4 or 80 mm receipt paper, or a
//! raster image for thermal printers (ESC/POS), then sent to a CUPS queue or a raw printer.
//! No egui: the kiosk, `kiosk slip` and `kiosk print` share it.

pub mod escpos;
pub mod fonts;
pub mod groups;
pub mod printer;
pub mod qr;
pub mod typeset;

use repere_engine::slip::{Slip, SlipFormat};

pub use groups::{GroupList, GroupLists};
pub use printer::{JobAccepted, PrintProblem, Printer};
pub use typeset::{Raster, SlipTypesetter};

/// Why a slip could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlipError {
    /// This format is not typeset (text is written directly).
    NotTypeset(SlipFormat),
    /// Typst refused the document.
    Typst(String),
}

impl std::fmt::Display for SlipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotTypeset(format) => write!(f, "{} is not typeset", format.id()),
            Self::Typst(why) => write!(f, "the slip could not be typeset: {why}"),
        }
    }
}

impl SlipTypesetter {
    /// The slip in `format`, as the bytes of the file or of the printer job.
    ///
    /// # Errors
    /// Typst refused the document.
    pub fn render(&self, slip: &Slip, format: SlipFormat) -> Result<Vec<u8>, SlipError> {
        match format {
            SlipFormat::PdfA4 | SlipFormat::PdfReceipt => self.pdf(slip, format),
            SlipFormat::Escpos => self.raster(slip).map(|raster| escpos::escpos_bytes(&raster)),
            SlipFormat::Text => Ok(slip.to_text().into_bytes()),
        }
    }

    /// Makes the slip in the printer's format and sends it.
    ///
    /// # Errors
    /// Why it did not reach the printer.
    pub fn print(&self, slip: &Slip, printer: &Printer) -> Result<JobAccepted, PrintProblem> {
        let job =
            self.render(slip, printer.settings().format).map_err(|e| PrintProblem::Failed(e.to_string()))?;
        printer.send(&job)
    }

    /// Prints the facilitator's group lists: a PDF on a CUPS queue taking PDFs; a receipt
    /// printer (ESC/POS) cannot take A4 lists.
    ///
    /// # Errors
    /// Why they did not reach the printer.
    pub fn print_group_lists(
        &self,
        lists: &GroupLists,
        printer: &Printer,
    ) -> Result<JobAccepted, PrintProblem> {
        if printer.settings().format == SlipFormat::Escpos {
            return Err(PrintProblem::Failed(
                "the group lists are A4 pages: a receipt printer cannot take them".to_owned(),
            ));
        }
        let job = self.group_lists_pdf(lists).map_err(|e| PrintProblem::Failed(e.to_string()))?;
        printer.send(&job)
    }
}
