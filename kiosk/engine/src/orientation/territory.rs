//! The territory a kiosk serves: its places directory, where the kiosk stands and its clock.

use crate::config::Config;
use crate::content::offers::offer_place_problems;
use crate::content::{Content, ContentSource};
use crate::places::{Directory, LatLon, places_file};
use crate::problem::Problem;

use super::KioskClock;

/// The places, the kiosk's position and its clock.
#[derive(Clone, Debug)]
pub struct Territory {
    /// The places directory.
    pub directory: Directory,
    /// Where the kiosk stands (distances when the visitor gives no postcode).
    pub kiosk: LatLon,
    /// The local time, for opening hours.
    pub clock: KioskClock,
}

impl Territory {
    /// A territory from its parts.
    pub fn new(directory: Directory, kiosk: LatLon, clock: KioskClock) -> Self {
        Self { directory, kiosk, clock }
    }

    /// The territory of a config: its places file (or the content's demo territory), its
    /// location, time zone and `--now`. The local offers must name places of the directory.
    /// A places file of which no row is kept is a problem; skipped rows are not.
    pub fn load(config: &Config, content: &Content) -> Result<Self, Vec<Problem>> {
        let config_path = config.shown_path.clone().unwrap_or_else(|| "built-in demo config".to_owned());
        let clock = KioskClock::new(&config.time_zone, config.now.as_deref())
            .map_err(|message| vec![Problem::file(&config_path, message)])?;
        let kiosk = LatLon::new(config.location.lat, config.location.lon).ok_or_else(|| {
            vec![Problem::file(&config_path, "location: lat must be within ±90 and lon within ±180")]
        })?;
        let source = ContentSource::layered(config.content.as_deref()).map_err(|err| {
            let shown = config.content.as_deref().map_or_else(String::new, |f| f.display().to_string());
            vec![Problem::file(shown, err.to_string())]
        })?;
        let directory = match places_file(config.places.as_deref(), &source).map_err(|p| vec![p])? {
            None => Directory::default(),
            Some((shown, bytes)) => {
                let (directory, report) = Directory::import(&shown, &bytes);
                if directory.is_empty() {
                    let why = report
                        .error
                        .unwrap_or_else(|| format!("none of its {} rows can be shown", report.rows));
                    return Err(vec![Problem::file(shown, format!("no place kept: {why}"))]);
                }
                directory
            }
        };
        let problems = offer_place_problems(&content.offers, &directory);
        if problems.is_empty() { Ok(Self { directory, kiosk, clock }) } else { Err(problems) }
    }
}
