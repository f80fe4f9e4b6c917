//! A WGS84 position and the great-circle distance between two of them.

/// A position in WGS84 degrees, as the schema's `latitude` and `longitude` give it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLon {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lon: f64,
}

impl LatLon {
    /// A position, or `None` when it is out of range, not finite or exactly (0, 0) — the
    /// "null island" a failed geocoding leaves behind.
    pub fn new(lat: f64, lon: f64) -> Option<Self> {
        let in_range = lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
        (in_range && !(lat == 0.0 && lon == 0.0)).then_some(Self { lat, lon })
    }
}

/// Mean Earth radius (IUGG), in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance between `a` and `b`, in kilometres (haversine formula; the
/// spherical approximation errs by under 0.5 %, far below what orientation needs).
pub fn haversine_km(a: LatLon, b: LatLon) -> f64 {
    let (lat_a, lat_b) = (a.lat.to_radians(), b.lat.to_radians());
    let d_lat = lat_b - lat_a;
    let d_lon = (b.lon - a.lon).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat_a.cos() * lat_b.cos() * (d_lon / 2.0).sin().powi(2);
    // min() guards asin against rounding just above 1 for antipodal points.
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}
