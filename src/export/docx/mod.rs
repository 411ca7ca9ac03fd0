//! Word documents in the form of official papers (公文, GB/T 9704-2012): the draft notice of a
//! criticism (R5.6), the feedback form on a meeting's minutes (R4.2's attachment) and the status
//! bulletin of a period (R5.4). The parts every document shares are in `layout`, the package
//! around the body (properties, fonts, language) in `package`.

mod bulletin;
mod criticism_notice;
mod feedback_form;
mod layout;
mod package;

pub use bulletin::bulletin;
pub use criticism_notice::criticism_notice;
pub use feedback_form::feedback_form;
pub use package::DocMeta;

pub(crate) use layout::*;
pub(crate) use package::save;
