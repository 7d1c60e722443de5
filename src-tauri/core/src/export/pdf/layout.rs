//! Page layout for the PDF: A4 pages with margins, words wrapped by glyph widths (a word wider
//! than the line is broken between characters), bullets with hanging indents, headings kept
//! with what follows them, groups kept on one page when they fit, forced page breaks, a small
//! privacy header from page 2 on and "Page n of m" in every footer.

use std::mem;

use unicode_normalization::UnicodeNormalization;

use super::fonts::{Fonts, Weight};

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_X: f32 = 56.0;
const MARGIN_TOP: f32 = 48.0;
const MARGIN_BOTTOM: f32 = 60.0;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 32.0;
/// How far each bullet level indents its text, and where its bullet sits before the text.
const INDENT: f32 = 14.0;
const BULLET_HANG: f32 = 10.0;

/// What a piece of text is, which decides its size, spacing and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Privacy,
    Title,
    Context,
    /// A report's name.
    Name,
    /// A section heading within a report.
    Section,
    Body,
    Header,
    Footer,
}

impl Style {
    pub fn size(self) -> f32 {
        match self {
            Self::Privacy => 10.0,
            Self::Title => 18.0,
            Self::Context => 9.5,
            Self::Name => 15.0,
            Self::Section => 11.5,
            Self::Body => 10.0,
            Self::Header | Self::Footer => 7.5,
        }
    }

    fn space_before(self) -> f32 {
        match self {
            Self::Title => 10.0,
            Self::Name => 16.0,
            Self::Section => 9.0,
            Self::Privacy | Self::Context | Self::Body => 2.0,
            Self::Header | Self::Footer => 0.0,
        }
    }

    fn line_height(self) -> f32 {
        self.size() * 1.35
    }

    pub fn rgb(self) -> (u8, u8, u8) {
        match self {
            Self::Privacy => (150, 20, 20),
            Self::Context | Self::Header | Self::Footer => (90, 90, 90),
            Self::Title | Self::Name | Self::Section | Self::Body => (0, 0, 0),
        }
    }
}

/// Text in one weight.
pub struct Run {
    pub text: String,
    pub weight: Weight,
}

/// What the document is made of, in reading order.
pub enum Block {
    /// A paragraph, heading or bullet (`depth` 1 and 2 are bullets, 0 is none).
    Text {
        style: Style,
        runs: Vec<Run>,
        depth: u8,
        keep_with_next: bool,
    },
    /// Blocks kept together on one page when they fit on one.
    Keep(Vec<Block>),
    /// What follows starts a new page (unless the page is still empty).
    PageBreak,
}

/// A piece of text in one weight, placed on a page (`baseline` measured from the top).
pub struct Placed {
    pub x: f32,
    pub baseline: f32,
    pub text: String,
    pub weight: Weight,
    pub style: Style,
}

#[derive(Default)]
pub struct Page {
    pub items: Vec<Placed>,
}

/// One laid-out line, before it is placed on a page.
struct Line {
    style: Style,
    /// Left edge of the text, from the left margin.
    indent: f32,
    bullet: Option<&'static str>,
    /// Pieces with their x from `indent`.
    pieces: Vec<(f32, String, Weight)>,
    space_before: f32,
    keep_with_next: bool,
    break_before: bool,
}

impl Line {
    fn height(&self) -> f32 {
        self.style.line_height()
    }
}

/// Lays the blocks out on pages, with `header` (the privacy line) small at the top of every
/// page after the first and page numbers at the bottom of all.
pub fn paginate(blocks: &[Block], header: &str, fonts: &Fonts) -> Vec<Page> {
    let mut lines = Vec::new();
    let mut pending_break = false;
    for block in blocks {
        flatten(block, fonts, &mut lines, &mut pending_break);
    }
    let header_lines = wrap(
        &[Run {
            text: header.to_owned(),
            weight: Weight::Regular,
        }],
        CONTENT_WIDTH,
        Style::Header,
        fonts,
    );
    let header_height = header_lines.len() as f32 * Style::Header.line_height() + 10.0;
    let mut pages = place(&lines, header_height);

    let total = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        if n > 0 {
            let mut y = MARGIN_TOP;
            for pieces in &header_lines {
                push_pieces(
                    page,
                    pieces,
                    MARGIN_X,
                    baseline(y, Style::Header),
                    Style::Header,
                );
                y += Style::Header.line_height();
            }
        }
        let footer = format!("Page {} of {total}", n + 1);
        let width = fonts.width(Weight::Regular, &footer, Style::Footer.size());
        page.items.push(Placed {
            x: (PAGE_WIDTH - width) / 2.0,
            baseline: FOOTER_BASELINE,
            text: footer,
            weight: Weight::Regular,
            style: Style::Footer,
        });
    }
    pages
}

fn flatten(block: &Block, fonts: &Fonts, out: &mut Vec<Line>, pending_break: &mut bool) {
    match block {
        Block::Text {
            style,
            runs,
            depth,
            keep_with_next,
        } => {
            let indent = f32::from(*depth) * INDENT;
            let bullet = match depth {
                0 => None,
                1 => Some("•"),
                _ => Some("–"),
            };
            for (i, pieces) in wrap(runs, CONTENT_WIDTH - indent, *style, fonts)
                .into_iter()
                .enumerate()
            {
                out.push(Line {
                    style: *style,
                    indent,
                    bullet: if i == 0 { bullet } else { None },
                    pieces,
                    space_before: if i == 0 { style.space_before() } else { 0.0 },
                    keep_with_next: *keep_with_next,
                    break_before: i == 0 && mem::take(pending_break),
                });
            }
        }
        Block::Keep(inner) => {
            let start = out.len();
            for b in inner {
                flatten(b, fonts, out, pending_break);
            }
            if out.len() > start + 1 {
                let last = out.len() - 1;
                for line in &mut out[start..last] {
                    line.keep_with_next = true;
                }
            }
        }
        Block::PageBreak => *pending_break = true,
    }
}

/// Puts the lines on pages: forced breaks, and a break before a chain of lines that must stay
/// together (a heading and what follows, a kept group) when the chain does not fit in what is
/// left of the page but would fit on an empty one.
fn place(lines: &[Line], header_height: f32) -> Vec<Page> {
    let top = |page: usize| {
        if page == 0 {
            MARGIN_TOP
        } else {
            MARGIN_TOP + header_height
        }
    };
    let bottom = PAGE_HEIGHT - MARGIN_BOTTOM;
    let mut pages = vec![Page::default()];
    let mut y = top(0);
    for (i, line) in lines.iter().enumerate() {
        let mut at_top = pages.last().is_none_or(|p| p.items.is_empty());
        let chain_end = lines[i..]
            .iter()
            .position(|l| !l.keep_with_next)
            .map_or(lines.len() - 1, |p| i + p);
        let chain: f32 = lines[i..=chain_end]
            .iter()
            .map(|l| l.space_before + l.height())
            .sum();
        let full_page = bottom - top(pages.len());
        let no_room = y + line.space_before + line.height() > bottom;
        let chain_no_room = y + chain > bottom && chain - line.space_before <= full_page;
        if !at_top && (line.break_before || no_room || chain_no_room) {
            pages.push(Page::default());
            y = top(pages.len() - 1);
            at_top = true;
        }
        if !at_top {
            y += line.space_before;
        }
        let Some(page) = pages.last_mut() else {
            break;
        };
        let base = baseline(y, line.style);
        let left = MARGIN_X + line.indent;
        if let Some(bullet) = line.bullet {
            page.items.push(Placed {
                x: left - BULLET_HANG,
                baseline: base,
                text: bullet.to_owned(),
                weight: Weight::Regular,
                style: line.style,
            });
        }
        if line.pieces.is_empty() && line.bullet.is_none() {
            // An empty line still takes the page, so that "at the top" stays true only for
            // a page that nothing has been put on.
            page.items.push(Placed {
                x: left,
                baseline: base,
                text: String::new(),
                weight: Weight::Regular,
                style: line.style,
            });
        }
        push_pieces(page, &line.pieces, left, base, line.style);
        y += line.height();
    }
    pages
}

fn push_pieces(
    page: &mut Page,
    pieces: &[(f32, String, Weight)],
    left: f32,
    base: f32,
    style: Style,
) {
    for (x, text, weight) in pieces {
        page.items.push(Placed {
            x: left + x,
            baseline: base,
            text: text.clone(),
            weight: *weight,
            style,
        });
    }
}

/// The baseline of a line whose box starts at `y`.
fn baseline(y: f32, style: Style) -> f32 {
    y + style.size() * 1.02
}

/// Wraps runs into lines no wider than `width`: each line a list of pieces (x, text, weight).
/// Spaces separate words; a line break in the text starts a new line; a word wider than a
/// whole line is broken between characters. Control characters are dropped.
fn wrap(runs: &[Run], width: f32, style: Style, fonts: &Fonts) -> Vec<Vec<(f32, String, Weight)>> {
    let size = style.size();
    let mut lines = Vec::new();
    let mut line = LineBuf::default();
    for run in runs {
        let text = clean(&run.text);
        let space = fonts.width(run.weight, " ", size);
        for (i, hard_line) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(line.take());
            }
            for (j, word) in hard_line.split(' ').enumerate() {
                if j > 0 && !line.is_empty() {
                    line.gap = Some((space, run.weight));
                }
                if word.is_empty() {
                    continue;
                }
                let w = fonts.width(run.weight, word, size);
                let gap = line.gap.map_or(0.0, |(g, _)| g);
                if !line.is_empty() && line.x + gap + w > width {
                    lines.push(line.take());
                }
                if line.x + line.gap.map_or(0.0, |(g, _)| g) + w <= width {
                    line.push_gap();
                    line.push(word, run.weight, w);
                    continue;
                }
                // Wider than a whole line: as many characters as fit on each line.
                for (at, c) in word.char_indices() {
                    let ch = &word[at..at + c.len_utf8()];
                    let cw = fonts.width(run.weight, ch, size);
                    if !line.is_empty() && line.x + cw > width {
                        lines.push(line.take());
                    }
                    line.push(ch, run.weight, cw);
                }
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.take());
    }
    lines
}

/// A line being filled: pieces merged by weight, its width so far, and the space owed
/// before the next word.
#[derive(Default)]
struct LineBuf {
    pieces: Vec<(f32, String, Weight)>,
    x: f32,
    gap: Option<(f32, Weight)>,
}

impl LineBuf {
    fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    fn take(&mut self) -> Vec<(f32, String, Weight)> {
        let pieces = mem::take(&mut self.pieces);
        *self = Self::default();
        pieces
    }

    fn push_gap(&mut self) {
        if let Some((width, weight)) = self.gap.take() {
            if !self.is_empty() {
                self.push(" ", weight, width);
            }
        }
    }

    fn push(&mut self, text: &str, weight: Weight, width: f32) {
        match self.pieces.last_mut() {
            Some((_, last, w)) if *w == weight => last.push_str(text),
            _ => self.pieces.push((self.x, text.to_owned(), weight)),
        }
        self.x += width;
    }
}

/// Text ready for wrapping: composed (NFC, so that an accent is drawn with its letter), line
/// breaks normalised to `\n`, tabs as spaces, other control characters dropped.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.nfc().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
