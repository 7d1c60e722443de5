// What Markdown written in Trellis may become on screen, and nothing more. Three layers, each
// enough on its own for the worst cases:
// 1. HTML typed into the text is never parsed: `htmlAsText` turns it back into the literal
//    text the manager wrote before anything is rendered (so `<b>` shows as "<b>").
// 2. rehype-sanitize keeps only the elements and attributes Markdown itself produces (no
//    ids, classes, styles, event handlers or image sources), with http(s)/mailto hrefs only.
// 3. `safeUrl` blanks every URL that is not http(s) or mailto before the components see it,
//    and those components never render an <a href> or an <img> (see ./parts.tsx).
import type { Options as Schema } from "rehype-sanitize";

/** The elements Markdown (with GFM) produces that Trellis shows. */
const TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "del",
  "a",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "input",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "img",
  // GFM footnotes: the reference mark and the notes' section.
  "sup",
  "section",
];

export const SANITIZE_SCHEMA: Schema = {
  tagNames: TAGS,
  attributes: {
    a: ["href"],
    // Never `src`: images are not loaded (see parts.tsx), only their alt text is shown.
    img: ["alt"],
    // Task-list items ("- [x] done").
    input: [["type", "checkbox"], ["disabled", true], "checked"],
    ol: ["start"],
    th: [["align", "left", "center", "right"]],
    td: [["align", "left", "center", "right"]],
    code: [["className", /^language-[\w-]+$/]],
  },
  required: { input: { type: "checkbox", disabled: true } },
  protocols: { href: ["http", "https", "mailto"] },
  ancestors: { tbody: ["table"], thead: ["table"], tr: ["table"], th: ["table"], td: ["table"] },
  // Dropped with their content, should one ever get this far.
  strip: ["script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript"],
  allowComments: false,
  allowDoctypes: false,
};

/** Only absolute http(s) and mailto URLs survive; anything else (javascript:, data:, relative) is blanked. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : "";
}

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** Containers whose children are blocks: raw HTML there becomes a paragraph of text. */
const BLOCK_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

/**
 * A remark plugin: every piece of raw HTML in the Markdown becomes the text it was written as
 * (inline HTML a text node, an HTML block a paragraph), so it shows and never renders.
 */
export function htmlAsText() {
  return (tree: MdNode) => {
    const walk = (node: MdNode) => {
      node.children = node.children?.map((child) => {
        if (child.type !== "html") {
          walk(child);
          return child;
        }
        const text = { type: "text", value: child.value ?? "" };
        return BLOCK_PARENTS.has(node.type) ? { type: "paragraph", children: [text] } : text;
      });
    };
    walk(tree);
  };
}
