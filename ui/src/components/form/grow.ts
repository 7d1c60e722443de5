// A textarea that grows with what is typed, measured only while typing. Mantine's `autosize`
// measures the text as the field mounts, which makes the browser lay out the whole page there
// and then: the 1:1s tab, with a note box open in the latest 1:1, opened 60 ms slower for it.
// Fields that open one at a time (edit forms) keep `autosize`; a field on a long page uses this.
import type { CSSProperties, FormEvent } from "react";

/** Props for a Mantine Textarea that starts `rows` high and grows up to `maxRows`, then scrolls. */
export function growing(rows: number, maxRows: number) {
  return {
    rows,
    onInput: (e: FormEvent<HTMLTextAreaElement>) => {
      const field = e.currentTarget;
      field.style.height = "auto";
      field.style.height = `${field.scrollHeight + field.offsetHeight - field.clientHeight}px`;
    },
    styles: { input: { maxHeight: `calc(${maxRows} * 1.55em + 1rem)`, overflowY: "auto", resize: "none" } as CSSProperties },
  };
}
