// The short hints under text fields whose text is shown as Markdown (see components/Markdown).

/** Under a multi-line field (a note, a description, a packet section). */
export const MARKDOWN_HINT = "Markdown: **bold**, - lists, [links](https://…)";

/** Under a one-line field whose text shows inline (an agenda or action item). */
export const INLINE_MARKDOWN_HINT = "Markdown: **bold**, *italics*, `code`, [links](https://…)";

/** The field's own description, then the Markdown hint. */
export const withMarkdownHint = (description?: string) => (description ? `${description}. ${MARKDOWN_HINT}` : MARKDOWN_HINT);
