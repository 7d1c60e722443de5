// How the elements of rendered Markdown look in Trellis. Links never navigate the app's window:
// https and mailto ones are buttons that hand the URL to the system browser or mail client (the
// same path as evidence links); others show as text to copy. Images are never loaded: their
// alt text stands in for them. Headings sit below the headings of the card they appear in.
import { Anchor, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconExternalLink, IconPhotoOff } from "@tabler/icons-react";
import type { ComponentProps, ReactNode } from "react";
import type { Components, ExtraProps } from "react-markdown";

import { toUiError } from "../../api/ipc";
import { opensOutside, useOpenLink } from "../../api/links";
import classes from "../Markdown.module.css";

type Props<Tag extends keyof React.JSX.IntrinsicElements> = ComponentProps<Tag> & ExtraProps;
type HastChild = NonNullable<ExtraProps["node"]>["children"][number];

/** The plain text of a rendered element (a link's words). */
function textOf(children: readonly HastChild[]): string {
  return children.map((c) => (c.type === "text" ? c.value : "children" in c ? textOf(c.children) : "")).join("");
}

function MarkdownLink({ href = "", children, node }: Props<"a">) {
  const open = useOpenLink();
  const words = node ? textOf(node.children) : "";
  if (href && opensOutside(href)) {
    return (
      <Anchor
        component="button"
        type="button"
        inherit
        className={classes.link}
        title={`${href} (opens in your browser or mail app)`}
        data-testid="markdown-link"
        onClick={() =>
          open.mutate(href, {
            onError: (e) => notifications.show({ color: "red", title: "The link could not be opened", message: toUiError(e).message }),
          })
        }
      >
        {children}
        <IconExternalLink size="0.85em" aria-hidden className={classes.linkIcon} />
      </Anchor>
    );
  }
  // Plain http, or a link that was blanked as unsafe: its words, and the address to copy.
  return (
    <Text span inherit data-testid="markdown-unopened-link" title={href ? "Only https and mailto links open from Trellis; copy this one to open it yourself" : undefined}>
      {children}
      {href && words !== href && <Text span inherit ff="monospace" className={classes.url}>{` (${href})`}</Text>}
    </Text>
  );
}

function MarkdownImage({ alt }: Props<"img">) {
  return (
    <Text span inherit c="dimmed" className={classes.image} title="Images are not loaded in Trellis" data-testid="markdown-image">
      <IconPhotoOff size="0.9em" aria-hidden className={classes.linkIcon} />
      {alt ? alt : "image"}
    </Text>
  );
}

function TaskCheckbox({ checked }: Props<"input">) {
  return <input type="checkbox" checked={Boolean(checked)} disabled readOnly aria-label={checked ? "Done" : "Not done"} className={classes.task} />;
}

/** A Markdown heading, as a heading below the card's own (h5 for "#", h6 below that). */
function heading(level: 5 | 6) {
  const Tag = `h${level}` as const;
  return function MarkdownHeading({ children }: { children?: ReactNode }) {
    return <Tag className={classes.heading}>{children}</Tag>;
  };
}

const h5 = heading(5);
const h6 = heading(6);

export const BLOCK_COMPONENTS: Components = {
  a: MarkdownLink,
  img: MarkdownImage,
  input: TaskCheckbox,
  h1: h5,
  h2: h6,
  h3: h6,
  h4: h6,
  h5: h6,
  h6: h6,
};

/** In one line: links, images and checkboxes as above; every block is unwrapped (see Markdown). */
export const INLINE_COMPONENTS: Components = { a: MarkdownLink, img: MarkdownImage, input: TaskCheckbox };
