//! The places of a territory, with the postcode centres computed from them.

use std::collections::BTreeMap;

use super::{ImportReport, LatLon, Place, import};

/// The kept places of an imported file, and where each postcode's places are on average —
/// how a visitor's postcode becomes a position to measure distances from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Directory {
    /// Places in file order.
    places: Vec<Place>,
    /// Mean position of the places of each postcode (published coordinates only).
    centroids: BTreeMap<String, LatLon>,
}

impl Directory {
    /// Imports a places file (see [`super::import_places`]): the kept places and the report.
    pub fn import(path_shown: &str, bytes: &[u8]) -> (Self, ImportReport) {
        let (places, report) = import::import(path_shown, bytes);
        (Self::from_places(places), report)
    }

    /// A directory of places already built, its postcode centres computed.
    pub fn from_places(places: Vec<Place>) -> Self {
        let centroids = postcode_centroids(&places);
        Self { places, centroids }
    }

    /// The places, in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The places, in file order, by value.
    pub fn into_places(self) -> Vec<Place> {
        self.places
    }

    /// How many places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// No place at all.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place with this `id`.
    pub fn get(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|place| place.id == id)
    }

    /// The mean position of the places of `postcode` (the commune's centre, near enough), or
    /// `None` when no place of the directory has it.
    pub fn postcode_centroid(&self, postcode: &str) -> Option<LatLon> {
        self.centroids.get(postcode.trim()).copied()
    }

    /// The mean position of all places with published coordinates: the territory's centre,
    /// a default kiosk location for a demo.
    pub fn centre(&self) -> Option<LatLon> {
        mean(self.places.iter().filter(|place| !place.position_estimated).filter_map(|place| place.position))
    }
}

/// Mean position of the places of each postcode, from published coordinates only (estimated
/// ones are themselves such a mean).
pub(crate) fn postcode_centroids(places: &[Place]) -> BTreeMap<String, LatLon> {
    let mut by_postcode: BTreeMap<&str, Vec<LatLon>> = BTreeMap::new();
    for place in places.iter().filter(|place| !place.position_estimated && !place.postcode.is_empty()) {
        if let Some(position) = place.position {
            by_postcode.entry(place.postcode.as_str()).or_default().push(position);
        }
    }
    by_postcode
        .into_iter()
        .filter_map(|(postcode, positions)| Some((postcode.to_owned(), mean(positions)?)))
        .collect()
}

/// The arithmetic mean of positions (fine at the scale of a département), `None` for none.
fn mean(positions: impl IntoIterator<Item = LatLon>) -> Option<LatLon> {
    let (mut lat, mut lon, mut count) = (0.0, 0.0, 0_usize);
    for position in positions {
        lat += position.lat;
        lon += position.lon;
        count += 1;
    }
    (count > 0).then(|| LatLon { lat: lat / count as f64, lon: lon / count as f64 })
}
