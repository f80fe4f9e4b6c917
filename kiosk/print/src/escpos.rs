//! Bytes for a thermal receipt printer (ESC/POS): the slip as a raster image, because the
//! printers' text modes cannot print Arabic or Ethiopic.

use crate::typeset::Raster;

/// Rows sent per raster command: small bands suit printers with little memory.
const BAND_ROWS: u32 = 128;

/// `DLE EOT 4`: asks the printer for its paper sensor.
pub const PAPER_STATUS_QUERY: [u8; 3] = [0x10, 0x04, 0x04];

/// True when the answer to [`PAPER_STATUS_QUERY`] says the paper is out (bits 5 and 6).
pub fn paper_out(status: u8) -> bool {
    status & 0x60 == 0x60
}

/// The job: initialise, the image in bands (`GS v 0`), feed past the cutter, cut.
pub fn escpos_bytes(raster: &Raster) -> Vec<u8> {
    let row_bytes = raster.row_bytes();
    let mut out = Vec::with_capacity(raster.bits.len() + 64);
    out.extend_from_slice(&[0x1B, 0x40]); // ESC @: initialise
    let mut top = 0;
    while top < raster.height {
        let rows = BAND_ROWS.min(raster.height - top);
        let [width_low, width_high, ..] = u32::try_from(row_bytes).unwrap_or(0).to_le_bytes();
        let [rows_low, rows_high, ..] = rows.to_le_bytes();
        out.extend_from_slice(&[0x1D, 0x76, 0x30, 0x00, width_low, width_high, rows_low, rows_high]);
        let start = top as usize * row_bytes;
        let end = (top + rows) as usize * row_bytes;
        out.extend_from_slice(raster.bits.get(start..end).unwrap_or_default());
        top += rows;
    }
    out.extend_from_slice(&[0x1B, 0x64, 0x04]); // ESC d 4: feed four lines
    out.extend_from_slice(&[0x1D, 0x56, 0x42, 0x00]); // GS V B 0: feed to the cutter and cut
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raster_becomes_bands_between_initialise_and_cut() {
        let raster = Raster { width: 16, height: 130, bits: (0..260).map(|i| (i % 251) as u8).collect() };
        let bytes = escpos_bytes(&raster);
        assert_eq!(&bytes[..2], &[0x1B, 0x40]);
        // First band: 128 rows of 2 bytes.
        assert_eq!(&bytes[2..10], &[0x1D, 0x76, 0x30, 0x00, 2, 0, 128, 0]);
        assert_eq!(&bytes[10..266], &raster.bits[..256]);
        // Second band: the 2 rows left.
        assert_eq!(&bytes[266..274], &[0x1D, 0x76, 0x30, 0x00, 2, 0, 2, 0]);
        assert_eq!(&bytes[274..278], &raster.bits[256..]);
        assert_eq!(&bytes[278..], &[0x1B, 0x64, 0x04, 0x1D, 0x56, 0x42, 0x00]);
    }

    #[test]
    fn paper_out_is_read_from_the_sensor_bits() {
        assert!(paper_out(0x72));
        assert!(!paper_out(0x12));
        assert!(!paper_out(0x12 | 0x20));
    }
}
