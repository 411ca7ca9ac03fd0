//! Where things go on screen. Shared by the views (to draw) and by `update` (to know how many rows a
//! list shows, so it can keep the cursor visible and fetch the right window).

use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal duban draws in: below 80×24 (an SSH window inside tmux or screen gives
/// 80×23) it degrades instead: the detail pane goes, the tabs shorten to numbers.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;
/// Below this many body rows (a terminal under 23 rows) the detail pane is hidden: the list
/// keeps the rows there are.
pub const DETAIL_MIN_BODY: u16 = 20;
/// From this width the detail pane stands beside the list instead of below it.
pub const WIDE: u16 = 120;

/// The header line, the body and the two footer lines.
pub fn frame(area: Rect) -> (Rect, Rect, Rect) {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    (header, body, footer)
}

/// A list and its detail pane: beside each other when wide, the detail below when narrow.
pub fn list_and_detail(body: Rect) -> (Rect, Rect) {
    if body.height < DETAIL_MIN_BODY {
        return (body, Rect { height: 0, ..body });
    }
    if body.width >= WIDE {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
                .areas(body);
        (list, detail)
    } else {
        let detail_h = (body.height * 2 / 5)
            .max(7)
            .min(body.height.saturating_sub(5));
        let [list, detail] =
            Layout::vertical([Constraint::Min(5), Constraint::Length(detail_h)]).areas(body);
        (list, detail)
    }
}

/// How many rows of a bordered table with a header row fit in `list`.
pub fn table_rows(list: Rect) -> usize {
    usize::from(list.height.saturating_sub(3)).max(1)
}

/// The number of list rows on screen for a terminal of `width` × `height`.
pub fn visible_rows(width: u16, height: u16) -> usize {
    let (_, body, _) = frame(Rect::new(0, 0, width, height));
    let (list, _) = list_and_detail(body);
    table_rows(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_keeps_most_of_a_small_screen_and_the_detail_moves_aside_when_wide() {
        assert_eq!(visible_rows(80, 24), 10);
        let (_, body, _) = frame(Rect::new(0, 0, 160, 48));
        let (list, detail) = list_and_detail(body);
        assert_eq!(list.y, detail.y);
        assert!(detail.x > list.x);
        let (_, body, _) = frame(Rect::new(0, 0, 80, 24));
        let (list, detail) = list_and_detail(body);
        assert!(detail.y > list.y);
        assert_eq!(list.width, 80);
    }

    #[test]
    fn tui_small_80x23_keeps_the_detail_pane_and_below_it_the_list_takes_the_body() {
        // 80×23 (80×24 less a tmux status line) works fully: list and detail.
        let (_, body, _) = frame(Rect::new(0, 0, 80, 23));
        let (list, detail) = list_and_detail(body);
        assert!(
            detail.height >= 7 && list.height >= 5,
            "{list:?} {detail:?}"
        );
        assert_eq!(visible_rows(80, 23), 9);
        // 60×20: no detail pane; the list has the body.
        let (_, body, _) = frame(Rect::new(0, 0, 60, 20));
        let (list, detail) = list_and_detail(body);
        assert_eq!((detail.height, list.height), (0, body.height));
        assert_eq!(visible_rows(60, 20), 14);
    }
}
