// Free text the manager writes (1:1 notes, agenda and action items, evidence, packet sections)
// shown as Markdown. Rendered to React elements (never as HTML strings), sanitised, with raw HTML
// shown as the text it was typed as; see ./markdown/safety.ts for what may reach the page.
import { Box, type MantineFontSize } from "@mantine/core";
import ReactMarkdown, { type Options } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";

import classes from "./Markdown.module.css";
import { BLOCK_COMPONENTS, INLINE_COMPONENTS } from "./markdown/parts";
import { SANITIZE_SCHEMA, htmlAsText, safeUrl } from "./markdown/safety";

type PluggableList = NonNullable<Options["remarkPlugins"]>;

/**
 * GFM (bare URLs as links, task lists, tables, strike-through) needs RegExp look-behind, which
 * WebKit before Safari 16.4 lacks (the build targets Safari 15): there, plain CommonMark.
 */
export const GFM_SUPPORTED = (() => {
  try {
    return new RegExp("(?<!a)b").test("b");
  } catch {
    return false;
  }
})();

// Enter starts a new line, as it did when notes were plain text.
const remark = (inline: boolean, gfm: boolean): PluggableList => [...(gfm ? [remarkGfm] : []), ...(inline ? [] : [remarkBreaks]), htmlAsText];
const PLUGINS = {
  block: { gfm: remark(false, true), plain: remark(false, false) },
  inline: { gfm: remark(true, true), plain: remark(true, false) },
};
const REHYPE: PluggableList = [[rehypeSanitize, SANITIZE_SCHEMA]];

/** Blocks that an inline rendering replaces by their content. */
const BLOCKS = ["p", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "section"];

type Props = {
  children: string;
  /**
   * Within a line (an agenda item): bold, italics, links and code only, in a <span>; paragraphs,
   * lists and headings give up their layout and keep their words.
   */
  inline?: boolean;
  /** The font size of a block rendering (inline text takes its parent's). */
  size?: MantineFontSize;
  /** GFM on top of CommonMark; off where the webview cannot run it (tests turn it off too). */
  gfm?: boolean;
  "data-testid"?: string;
};

/**
 * Text in which no Markdown, GFM or HTML can start: no markup characters, no line breaks, no
 * leading list, heading or code marker, nothing GFM would turn into a link. It renders exactly as
 * the full pipeline renders it (a paragraph, or the words inline), without parsing: most agenda
 * and action items are such sentences, and a 1:1 history shows hundreds of them.
 */
export function isPlain(text: string): boolean {
  return (
    !/[*_`[\]#>!|~<&\\\n\r\t]/.test(text) &&
    !/^\s|\s$/.test(text) &&
    !/^([-+=]|\d+[.)])/.test(text) &&
    !/(:\/\/|www\.|@|mailto:|xmpp:)/i.test(text)
  );
}

export function Markdown(props: Props) {
  const { children, inline = false, size = "sm", "data-testid": testId } = props;
  if (!isPlain(children)) return <MarkdownParsed {...props} />;
  if (inline) {
    return (
      <span className={classes.inline} data-markdown="inline" data-testid={testId}>
        {children}
      </span>
    );
  }
  return (
    <Box className={classes.block} fz={size} data-markdown="block" data-testid={testId}>
      {children && <p>{children}</p>}
    </Box>
  );
}

/** The full pipeline: Markdown (and GFM) parsed, sanitised, rendered. */
export function MarkdownParsed({ children, inline = false, size = "sm", gfm = GFM_SUPPORTED, ...rest }: Props) {
  const remarkPlugins = PLUGINS[inline ? "inline" : "block"][gfm ? "gfm" : "plain"];
  if (inline) {
    return (
      <span className={classes.inline} data-markdown="inline" {...rest}>
        <ReactMarkdown
          remarkPlugins={remarkPlugins}
          rehypePlugins={REHYPE}
          urlTransform={safeUrl}
          components={INLINE_COMPONENTS}
          disallowedElements={BLOCKS}
          unwrapDisallowed
        >
          {children}
        </ReactMarkdown>
      </span>
    );
  }
  return (
    <Box className={classes.block} fz={size} data-markdown="block" {...rest}>
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={REHYPE} urlTransform={safeUrl} components={BLOCK_COMPONENTS}>
        {children}
      </ReactMarkdown>
    </Box>
  );
}
