//! Geometry of the drawing, in photo pixels: smooth curves through control points and polygon
//! measures. Curve maths is kurbo's; this module only maps the design's points onto it.

mod anatomy;
mod curve;
mod head;
mod point;
mod polygon;
mod shapes;
mod similarity;

pub use anatomy::{
    DEFAULT_CANTHUS_OFFSET_MM, FaceFrame, FacePoint, HairlineMeasures, height_at, measure_hairline, mirror_point,
    project_onto_line,
};
pub use curve::{FLATTEN_TOLERANCE_PX, curve_length_px, curve_path, distance_to_curve, sample_curve, span_near};
pub use head::{
    GLABELLA_REACH_MM, HeadShape, HeadSource, MAX_STRETCH, Profile, ProfileProblem, SkinMap, SkinPosition, average,
};
pub use point::PhotoPoint;
pub use polygon::{
    nearest_point_index, polygon_area_px2, polygon_contains, polygon_self_intersects, triangulate, vertex_mean,
};
pub use shapes::HairlineShape;
pub use similarity::Similarity;
