//! Line diffs (longest common subsequence), for comparing packet versions.

use crate::model::{DiffLine, DiffOp, PacketDiff, PacketSections, SectionDiff};

/// The most cells the comparison table may have (lines of one side × lines of the other):
/// 4 million cells is 32 MB. A free text may hold 20 000 lines, and two such versions would
/// need 3 GB; beyond this size the lines both ends share are set aside first, and a middle
/// still too large is shown as removed then added (correct, though not the shortest diff).
const MAX_CELLS: usize = 4_000_000;

/// The lines of `a` and `b` in order, each marked same, removed (only in `a`) or added.
pub fn lines(a: &[String], b: &[String]) -> Vec<DiffLine> {
    if a.len().saturating_mul(b.len()) <= MAX_CELLS {
        return shortest(a, b);
    }
    let same = |text: &String| DiffLine {
        op: DiffOp::Same,
        text: text.clone(),
    };
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut out: Vec<DiffLine> = a[..prefix].iter().map(same).collect();
    if a_mid.len().saturating_mul(b_mid.len()) <= MAX_CELLS {
        out.extend(shortest(a_mid, b_mid));
    } else {
        out.extend(a_mid.iter().map(|t| DiffLine {
            op: DiffOp::Removed,
            text: t.clone(),
        }));
        out.extend(b_mid.iter().map(|t| DiffLine {
            op: DiffOp::Added,
            text: t.clone(),
        }));
    }
    out.extend(a[a.len() - suffix..].iter().map(same));
    out
}

/// The shortest diff (longest common subsequence), with a table of `a.len() × b.len()` cells.
fn shortest(a: &[String], b: &[String]) -> Vec<DiffLine> {
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n.max(m));
    let line = |op, text: &String| DiffLine {
        op,
        text: text.clone(),
    };
    while i < n && j < m {
        if a[i] == b[j] {
            out.push(line(DiffOp::Same, &a[i]));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            out.push(line(DiffOp::Removed, &a[i]));
            i += 1;
        } else {
            out.push(line(DiffOp::Added, &b[j]));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|t| line(DiffOp::Removed, t)));
    out.extend(b[j..].iter().map(|t| line(DiffOp::Added, t)));
    out
}

/// Block-by-block comparison of two packet versions: blocks are matched by title; a block
/// only in `to` is added, only in `from` removed.
pub fn packet(
    from_number: i32,
    from: &PacketSections,
    to_number: i32,
    to: &PacketSections,
) -> PacketDiff {
    let old = from.blocks();
    let new = to.blocks();
    let mut sections = Vec::new();
    for (title, new_lines) in &new {
        match old.iter().find(|(t, _)| t == title) {
            // A block in both versions is kept; its lines show what changed inside it.
            Some((_, old_lines)) => sections.push(SectionDiff {
                title: title.clone(),
                change: DiffOp::Same,
                lines: lines(old_lines, new_lines),
            }),
            None => sections.push(SectionDiff {
                title: title.clone(),
                change: DiffOp::Added,
                lines: lines(&[], new_lines),
            }),
        }
    }
    for (title, old_lines) in old.iter().filter(|(t, _)| !new.iter().any(|(n, _)| n == t)) {
        sections.push(SectionDiff {
            title: title.clone(),
            change: DiffOp::Removed,
            lines: lines(old_lines, &[]),
        });
    }
    PacketDiff {
        from: from_number,
        to: to_number,
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn marks_kept_removed_and_added_lines_in_order() {
        let d = lines(&v(&["a", "b", "c"]), &v(&["a", "x", "c", "d"]));
        let ops: Vec<(DiffOp, &str)> = d.iter().map(|l| (l.op, l.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                (DiffOp::Same, "a"),
                (DiffOp::Removed, "b"),
                (DiffOp::Added, "x"),
                (DiffOp::Same, "c"),
                (DiffOp::Added, "d"),
            ]
        );
        assert!(lines(&[], &[]).is_empty());
    }

    #[test]
    fn long_texts_are_compared_without_a_table_of_every_pair_of_lines() {
        // Two versions of a 20 000-line text (the most a free text can hold) that differ in
        // the middle: the shared ends are kept, the middle compared line by line.
        let old: Vec<String> = (0..20_000).map(|i| format!("line {i}")).collect();
        let mut new = old.clone();
        new[10_000] = "changed".to_owned();
        let d = lines(&old, &new);
        assert_eq!(d.len(), 20_001);
        let changed: Vec<(DiffOp, &str)> = d
            .iter()
            .filter(|l| l.op != DiffOp::Same)
            .map(|l| (l.op, l.text.as_str()))
            .collect();
        assert_eq!(
            changed,
            [(DiffOp::Removed, "line 10000"), (DiffOp::Added, "changed")]
        );
        // Nothing in common: every old line removed, then every new line added.
        let other: Vec<String> = (0..20_000).map(|i| format!("other {i}")).collect();
        let d = lines(&old, &other);
        assert_eq!(d.len(), 40_000);
        assert!(d[..20_000].iter().all(|l| l.op == DiffOp::Removed));
        assert!(d[20_000..].iter().all(|l| l.op == DiffOp::Added));
    }
}
