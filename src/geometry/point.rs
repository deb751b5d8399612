//! [`PhotoPoint`]: where something is on a photo. Every drawn point of a design is one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A point in the pixels of the full-resolution, orientation-corrected photo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PhotoPoint {
    pub x: f64,
    pub y: f64,
}

impl PhotoPoint {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    pub fn distance_to(self, other: Self) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

impl From<PhotoPoint> for kurbo::Point {
    fn from(p: PhotoPoint) -> Self {
        Self::new(p.x, p.y)
    }
}

impl From<kurbo::Point> for PhotoPoint {
    fn from(p: kurbo::Point) -> Self {
        Self::new(p.x, p.y)
    }
}
