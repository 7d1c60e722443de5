//! Free text the manager writes in Markdown (1:1 notes, evidence impact), read once into lines
//! of plain spans that each export writes its own way: HTML with a handful of safe tags, PDF
//! runs, Markdown re-written from the spans. Nothing typed reaches a file as markup: raw HTML
//! is kept as the text that was typed, a link keeps only an https, http or mailto target (any
//! other becomes its words), and an image becomes its description.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A run of text with the emphasis Markdown gave it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub emphasis: bool,
    pub code: bool,
    /// Where the words link to: an https, http or mailto address.
    pub link: Option<String>,
}

impl Span {
    /// The span's words as plain text: a link's address follows its words (unless they are
    /// the address).
    pub fn words(&self) -> String {
        match self.link.as_ref().filter(|url| **url != self.text) {
            Some(url) => format!("{} ({url})", self.text),
            None => self.text.clone(),
        }
    }
}

/// One line of the text: a paragraph's line, or a list item's (`depth` 1 and more).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// List nesting: 0 outside lists.
    pub depth: u8,
    /// The first line of a list item: "•", or its number ("2.") in a numbered list.
    pub marker: Option<String>,
    pub spans: Vec<Span>,
}

/// Reads Markdown into lines (a line break typed inside a paragraph starts a new line, as on
/// screen).
pub fn read(text: &str) -> Vec<Line> {
    let mut r = Reader::default();
    for event in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH) {
        r.event(event);
    }
    r.finish_line();
    r.lines
}

/// The text without its Markdown: words only, lines joined with `between`, list items after
/// their bullet or number, links followed by their address.
pub fn plain(lines: &[Line], between: &str) -> String {
    let mut out = String::new();
    for line in lines {
        if !out.is_empty() {
            out.push_str(between);
        }
        if let Some(marker) = &line.marker {
            out.push_str(marker);
            out.push(' ');
        }
        for span in &line.spans {
            out.push_str(&span.words());
        }
    }
    out
}

#[derive(Default)]
struct Reader {
    lines: Vec<Line>,
    current: Line,
    depth: u8,
    /// Per open list: the next item's number, or none for a bulleted list.
    numbers: Vec<Option<u64>>,
    strong: u8,
    emphasis: u8,
    link: Vec<Option<String>>,
    image: u8,
    /// Inside a fenced or indented code block: its text is code, line by line.
    code_block: bool,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                let code = self.code_block;
                self.push_lines(&t, code)
            }
            Event::Code(t) => self.push(&t, true),
            // Typed markup stays what was typed, line by line.
            Event::Html(t) | Event::InlineHtml(t) => self.push_lines(&t, false),
            Event::SoftBreak | Event::HardBreak => self.finish_line(),
            Event::Rule => {
                self.finish_line();
                self.push("—", false);
                self.finish_line();
            }
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }, false),
            Event::FootnoteReference(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.push(&t, false)
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            // A paragraph inside a list item continues the item's line.
            Tag::Paragraph | Tag::BlockQuote(_)
                if self.depth == 0
                    || self.current.marker.is_none()
                    || !self.current.spans.is_empty() =>
            {
                self.finish_line();
            }
            Tag::CodeBlock(_) => {
                self.finish_line();
                self.code_block = true;
            }
            Tag::Heading { .. } => {
                self.finish_line();
                self.strong += 1;
            }
            Tag::List(start) => {
                self.finish_line();
                self.depth = self.depth.saturating_add(1);
                self.numbers.push(start);
            }
            Tag::Item => {
                self.finish_line();
                let marker = match self.numbers.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}.");
                        *n = n.saturating_add(1);
                        marker
                    }
                    _ => "•".to_owned(),
                };
                self.current.marker = Some(marker);
            }
            Tag::Emphasis => self.emphasis += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link { dest_url, .. } => self.link.push(safe_link(&dest_url)),
            Tag::Image { .. } => self.image += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::CodeBlock => {
                self.code_block = false;
                self.finish_line();
            }
            TagEnd::Paragraph | TagEnd::BlockQuote(_) | TagEnd::Item => self.finish_line(),
            TagEnd::Heading(_) => {
                self.strong = self.strong.saturating_sub(1);
                self.finish_line();
            }
            TagEnd::List(_) => {
                self.finish_line();
                self.depth = self.depth.saturating_sub(1);
                self.numbers.pop();
            }
            TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link => {
                self.link.pop();
            }
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            _ => {}
        }
    }

    /// Text that may hold line breaks (a code block, an HTML block): one line each.
    fn push_lines(&mut self, text: &str, code: bool) {
        let text = text.strip_suffix('\n').unwrap_or(text);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.finish_line();
            }
            self.push(line, code);
        }
    }

    fn push(&mut self, text: &str, code: bool) {
        if text.is_empty() {
            return;
        }
        let span = Span {
            text: text.to_owned(),
            strong: self.strong > 0,
            emphasis: self.emphasis > 0,
            code,
            // An image's description is its words, never a link to load.
            link: if self.image > 0 {
                None
            } else {
                self.link.last().cloned().flatten()
            },
        };
        match self.current.spans.last_mut() {
            Some(last)
                if (last.strong, last.emphasis, last.code, &last.link)
                    == (span.strong, span.emphasis, span.code, &span.link) =>
            {
                last.text.push_str(&span.text)
            }
            _ => self.current.spans.push(span),
        }
    }

    fn finish_line(&mut self) {
        let depth = self.depth;
        let line = std::mem::take(&mut self.current);
        if !line.spans.is_empty() {
            self.lines.push(Line { depth, ..line });
        }
        self.current.depth = depth;
    }
}

/// The link's address if it is one a document may carry: https, http or mailto.
fn safe_link(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    let quiet = |c: char| c.is_control() || c.is_whitespace() || "<>\"'`\\".contains(c);
    (allowed && !url.chars().any(quiet)).then(|| url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> Span {
        Span {
            text: text.to_owned(),
            ..Span::default()
        }
    }

    #[test]
    fn markdown_becomes_lines_of_spans_and_typed_markup_stays_text() {
        let lines = read("Cut **p99** by *40%* with `batching`.\nSee [the RFC](https://rfc.example/7)\n\n- one\n- two <b>x</b>");
        assert_eq!(lines.len(), 4, "{lines:#?}");
        assert_eq!(
            lines[0].spans[1],
            Span {
                strong: true,
                ..span("p99")
            }
        );
        assert_eq!(
            lines[0].spans[3],
            Span {
                emphasis: true,
                ..span("40%")
            }
        );
        assert_eq!(
            lines[0].spans[5],
            Span {
                code: true,
                ..span("batching")
            }
        );
        assert_eq!(
            lines[1].spans[1],
            Span {
                link: Some("https://rfc.example/7".to_owned()),
                ..span("the RFC")
            }
        );
        assert!(lines[2].marker.as_deref() == Some("•") && lines[2].depth == 1);
        assert_eq!(plain(&lines[3..], " "), "• two <b>x</b>");
        let numbered = read("3. third\n4. fourth");
        assert_eq!(plain(&numbered, "\n"), "3. third\n4. fourth");
    }

    #[test]
    fn a_code_block_keeps_its_lines_as_code() {
        let lines = read("Run:\n\n```\nmake test\nmake bench\n```\n\nDone.");
        let code: Vec<_> = lines
            .iter()
            .filter(|l| l.spans.iter().all(|s| s.code))
            .map(|l| l.spans[0].text.as_str())
            .collect();
        assert_eq!(code, ["make test", "make bench"], "{lines:#?}");
        assert_eq!(
            plain(&lines, " | "),
            "Run: | make test | make bench | Done."
        );
    }

    #[test]
    fn only_web_and_mail_links_survive_and_images_are_their_words() {
        let lines = read("[a](javascript:alert(1)) [b](data:text/html,x) ![chart](https://x.example/p.png) [c](mailto:ada@example.com)");
        let links: Vec<_> = lines[0]
            .spans
            .iter()
            .filter_map(|s| s.link.clone())
            .collect();
        assert_eq!(links, ["mailto:ada@example.com"]);
        assert_eq!(plain(&lines, " "), "a b chart c (mailto:ada@example.com)");
    }
}
