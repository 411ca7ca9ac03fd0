//! A section's breakdowns in columns, so a report on screen reads down as well as across.

use super::ReportLine;

/// Lines up the breakdowns of a section in columns: each " · " part of a run of breakdowns with
/// the same number of parts is padded before its figure to the widest of its column, so "leader  7"
/// sits under "leader 10" and "90.0%" under "100.0%" instead of every line ending ragged.
pub(super) fn align_breakdowns(lines: &mut [ReportLine]) {
    use unicode_width::UnicodeWidthStr;
    const SEP: &str = " · ";
    let mut start = 0;
    while start < lines.len() {
        let parts = |l: &ReportLine| l.wide.as_deref().map(|w| w.split(SEP).count());
        let Some(n) = parts(&lines[start]) else {
            start += 1;
            continue;
        };
        let end = start
            + lines[start..]
                .iter()
                .take_while(|l| parts(l) == Some(n))
                .count();
        let run = &mut lines[start..end];
        let mut widest = vec![0; n];
        for l in run.iter() {
            for (i, part) in l.wide.as_deref().unwrap_or("").split(SEP).enumerate() {
                widest[i] = widest[i].max(part.width());
            }
        }
        for l in run.iter_mut() {
            if let Some(w) = &l.wide {
                let padded: Vec<String> = w
                    .split(SEP)
                    .zip(&widest)
                    .map(|(part, &max)| {
                        // The pad goes before the figure, so words stay in step and numbers
                        // right-align: "compliance  77.8%" under "compliance 100.0%".
                        let pad = " ".repeat(max - part.width());
                        match part.rsplit_once(' ') {
                            Some((word, n)) => format!("{word} {pad}{n}"),
                            None => format!("{pad}{part}"),
                        }
                    })
                    .collect();
                l.wide = Some(padded.join(SEP));
            }
        }
        start = end;
    }
}
