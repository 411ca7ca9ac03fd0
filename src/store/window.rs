//! A window of a long list read around a row whose place is known: by keyset from that row in
//! both directions, instead of skipping every row before the window.

use super::Result;

/// Which way from the anchor a read goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// The rows before the anchor in the list's order, nearest first (the list read backwards).
    Before,
    /// The anchor and the rows after it, in the list's order.
    From,
}

/// Whether a window at `offset` of a list of `total` rows is nearer the row at place `at` than
/// either end of the list: then reading around that row skips the fewest rows.
pub fn nearer_than_either_end(at: usize, offset: usize, total: usize) -> bool {
    at.abs_diff(offset) < offset.min(total.saturating_sub(offset))
}

/// Rows `offset..offset + limit` of a list whose row at place `at` is the anchor. `read(side, n,
/// skip)` reads `n` rows of `side` after skipping `skip` of them.
pub(super) fn around<T>(
    offset: usize,
    limit: usize,
    at: usize,
    mut read: impl FnMut(Side, usize, usize) -> Result<Vec<T>>,
) -> Result<Vec<T>> {
    let before = at.saturating_sub(offset);
    let take = before.min(limit);
    let mut rows = if take > 0 {
        read(Side::Before, take, before - take)?
    } else {
        Vec::new()
    };
    rows.reverse();
    if limit > take {
        rows.extend(read(Side::From, limit - take, offset.saturating_sub(at))?);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_window_around_every_anchor_is_the_lists_window() {
        let list: Vec<u32> = (0..30).collect();
        for at in 0..list.len() {
            let read = |side: Side, n: usize, skip: usize| -> Result<Vec<u32>> {
                Ok(match side {
                    Side::Before => list[..at]
                        .iter()
                        .rev()
                        .skip(skip)
                        .take(n)
                        .copied()
                        .collect(),
                    Side::From => list[at..].iter().skip(skip).take(n).copied().collect(),
                })
            };
            for offset in 0..=list.len() + 2 {
                for limit in [0, 1, 4, 11, 40] {
                    let want: Vec<u32> = list.iter().skip(offset).take(limit).copied().collect();
                    let got = around(offset, limit, at, read).unwrap();
                    assert_eq!(got, want, "at {at}, offset {offset}, limit {limit}");
                }
            }
        }
    }
}
