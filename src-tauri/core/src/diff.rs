//! Line diffs (longest common subsequence), for comparing packet versions.

use crate::model::{DiffLine, DiffOp, PacketDiff, PacketSections, SectionDiff};

/// The lines of `a` and `b` in order, each marked same, removed (only in `a`) or added.
pub fn lines(a: &[String], b: &[String]) -> Vec<DiffLine> {
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
}
