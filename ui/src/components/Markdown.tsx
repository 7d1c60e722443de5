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

// Enter starts a new line, as it did when notes were plain text.
const BLOCK_REMARK: PluggableList = [remarkGfm, remarkBreaks, htmlAsText];
const INLINE_REMARK: PluggableList = [remarkGfm, htmlAsText];
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
  "data-testid"?: string;
};

export function Markdown({ children, inline = false, size = "sm", ...rest }: Props) {
  if (inline) {
    return (
      <span className={classes.inline} data-markdown="inline" {...rest}>
        <ReactMarkdown
          remarkPlugins={INLINE_REMARK}
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
      <ReactMarkdown remarkPlugins={BLOCK_REMARK} rehypePlugins={REHYPE} urlTransform={safeUrl} components={BLOCK_COMPONENTS}>
        {children}
      </ReactMarkdown>
    </Box>
  );
}
