//! Loading a list's window so that the record the user had selected stays selected.

use crate::store::StoreError;

/// The rows to fetch around `cursor`: a screen before it and two after.
fn span(cursor: usize, visible: usize) -> (usize, usize) {
    let visible = visible.max(10);
    (cursor.saturating_sub(visible), visible * 3)
}

/// Which window of a list of `total` rows to load: the one showing row `cursor` with `visible`
/// rows on screen, or the record `keep` wherever it now is; `anchor`: a record and its row.
pub(super) struct Want {
    pub total: usize,
    pub keep: Option<i64>,
    pub cursor: usize,
    pub visible: usize,
    pub anchor: Option<(i64, usize)>,
}

/// Loads a window with a keep-by-id rule: `rows(offset, limit, anchor)` fetches (from `anchor`, a
/// record known to stand at a position, when there is one), `position(id)` finds a record anywhere
/// in the list (or `None` if the list no longer holds it).
pub(super) fn window<T>(
    want: Want,
    key: impl Fn(&T) -> i64,
    rows: impl Fn(usize, usize, Option<(i64, usize)>) -> Result<Vec<T>, StoreError>,
    position: impl Fn(i64) -> Result<Option<usize>, StoreError>,
) -> Result<(usize, usize, Vec<T>), StoreError> {
    let Want {
        total,
        keep,
        cursor,
        visible,
        anchor,
    } = want;
    let cursor = cursor.min(total.saturating_sub(1));
    let (offset, limit) = span(cursor, visible);
    let loaded = rows(offset, limit, anchor)?;
    let Some(id) = keep else {
        return Ok((offset, cursor, loaded));
    };
    if let Some(i) = loaded.iter().position(|r| key(r) == id) {
        return Ok((offset, offset + i, loaded));
    }
    match position(id)? {
        Some(pos) => {
            let (offset, limit) = span(pos, visible);
            Ok((offset, pos, rows(offset, limit, Some((id, pos)))?))
        }
        None => Ok((offset, cursor, loaded)),
    }
}
