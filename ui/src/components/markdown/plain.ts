// Markdown as the words it shows, for the places that name a record in plain text: control names
// ("Delete the note “Agreed she demos it”"), notifications, a title made from a note.

/** The text without Markdown's markers: `**bold**` → "bold", `[doc](https://…)` → "doc". */
export function plainText(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line
        // Block markers at the start of a line: headings, quotes, list bullets, task boxes.
        .replace(/^\s{0,3}(#{1,6}\s+|>\s?)+/, "")
        .replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, "")
        // Images and links keep their words.
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
        // Emphasis, strike-through and code spans keep what they wrap.
        // (No look-behind: the app's oldest WebKit, Safari 15, cannot parse it.)
        .replace(/(\*\*|__)(\S(?:.*?\S)?)\1/g, "$2")
        .replace(/(^|[^\w*])([*_])(\S(?:.*?\S)?)\2(?![\w*])/g, "$1$3")
        .replace(/~~(\S(?:.*?\S)?)~~/g, "$1")
        .replace(/`([^`]+)`/g, "$1"),
    )
    .join("\n");
}
