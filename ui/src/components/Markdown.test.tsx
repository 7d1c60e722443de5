import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import { Providers, newQueryClient } from "../Providers";
import { commands, resetCommands } from "../test/commands";
import { fail, ok } from "../test/fixtures";
import { Markdown, MarkdownParsed, isPlain } from "./Markdown";
import { safeUrl } from "./markdown/safety";

vi.mock("../bindings", async () => ({ commands: (await import("../test/commands")).commands }));

function show(text: string, inline = false, gfm?: boolean) {
  resetCommands({ openExternalLink: () => Promise.resolve(ok(null)) });
  const view = render(
    <Providers client={newQueryClient()} env="test">
      <Markdown inline={inline} gfm={gfm} data-testid="md">
        {text}
      </Markdown>
    </Providers>,
  );
  return { root: view.getByTestId("md"), user: userEvent.setup({ delay: null }) };
}

const DANGEROUS_TAGS = "script, iframe, frame, object, embed, svg, math, style, link, meta, base, form, img, video, audio, source, template, a";

/** Nothing in `root` can run code, load anything or navigate the app's window. */
function expectInert(root: HTMLElement) {
  // The only SVGs allowed are Trellis's own icons (the external-link and no-image marks).
  const found = [...root.querySelectorAll(DANGEROUS_TAGS)].filter((el) => !el.closest("svg.tabler-icon[aria-hidden='true']"));
  expect(found.map((el) => el.outerHTML)).toEqual([]);
  for (const el of [root, ...root.querySelectorAll("*")]) {
    for (const attr of el.attributes) {
      expect(attr.name, `${el.tagName} has ${attr.name}`).not.toMatch(/^on/i);
      expect(["href", "src", "srcset", "srcdoc", "action", "formaction", "xlink:href", "background", "poster"]).not.toContain(attr.name);
      expect(attr.value, `${el.tagName} ${attr.name}`).not.toMatch(/javascript:|vbscript:|data:text|data:image/i);
    }
  }
}

describe("Markdown rendering", () => {
  it("renders bold, italics, lists, code and modest headings", () => {
    const { root } = show("# Plan\n\nShip **the ledger** by *Friday*:\n\n- migrate `accounts`\n- cut over\n\n```\nmake release\n```");

    expect(within(root).getByText("the ledger").tagName).toBe("STRONG");
    expect(within(root).getByText("Friday").tagName).toBe("EM");
    expect(within(root).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["migrate accounts", "cut over"]);
    expect(within(root).getByText("accounts").tagName).toBe("CODE");
    expect(root.querySelector("pre code")).toHaveTextContent("make release");
    // "#" sits below the card's own headings.
    expect(within(root).getByRole("heading", { name: "Plan" }).tagName).toBe("H5");
    expectInert(root);
  });

  it("keeps each typed line on its own line", () => {
    const { root } = show("Talked about the migration\nNext: the staff project");
    expect(root.querySelectorAll("br")).toHaveLength(1);
    expect(root).toHaveTextContent("Talked about the migration Next: the staff project");
  });

  it("shows task lists as read-only checkboxes", () => {
    const { root } = show("- [x] draft the packet\n- [ ] ask for a staff review");
    expect(within(root).getByRole("checkbox", { name: "Done" })).toBeChecked();
    expect(within(root).getByRole("checkbox", { name: "Not done" })).not.toBeChecked();
    within(root).getAllByRole("checkbox").forEach((box) => expect(box).toBeDisabled());
  });

  it("opens an https link in the system browser, never in the app's window", async () => {
    const { root, user } = show("See [the design doc](https://docs.example.com/ledger) first.");
    const before = window.location.href;

    const link = within(root).getByRole("button", { name: "the design doc" });
    expect(link).toHaveAttribute("title", "https://docs.example.com/ledger (opens in your browser or mail app)");
    await user.click(link);

    await waitFor(() => expect(commands.openExternalLink).toHaveBeenCalledWith("https://docs.example.com/ledger"));
    expect(window.location.href).toBe(before);
    expectInert(root);
  });

  it("opens mailto links outside too, and reaches them by keyboard", async () => {
    const { root, user } = show("Ask <ada@example.com> or [Grace](mailto:grace@example.com)");
    await user.tab();
    expect(within(root).getByRole("button", { name: "ada@example.com" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(commands.openExternalLink).toHaveBeenLastCalledWith("mailto:ada@example.com"));
    await user.tab();
    await user.keyboard(" ");
    await waitFor(() => expect(commands.openExternalLink).toHaveBeenLastCalledWith("mailto:grace@example.com"));
  });

  it("shows a plain http link as its words and address, to copy", () => {
    const { root } = show("The [old wiki](http://intranet/wiki) and www.example.com");
    expect(within(root).queryByRole("button")).not.toBeInTheDocument();
    expect(root).toHaveTextContent("The old wiki (http://intranet/wiki) and www.example.com");
    expectInert(root);
  });

  it("says why a link could not be opened", async () => {
    const { root, user } = show("[the doc](https://docs.example.com)");
    commands.openExternalLink.mockImplementation(() => Promise.resolve(fail({ kind: "storage", message: "No browser to open it with" })));
    await user.click(within(root).getByRole("button", { name: "the doc" }));
    expect(await screen.findByText("No browser to open it with")).toBeInTheDocument();
  });

  it("shows a remote image's alt text and loads nothing", () => {
    const { root } = show("Before: ![latency graph](https://grafana.example.com/p99.png) and ![](http://x/y.png)");
    expect(within(root).getByText("latency graph")).toBeInTheDocument();
    expect(within(root).getAllByTestId("markdown-image")).toHaveLength(2);
    expect(document.querySelector("img[src]")).toBeNull();
    expectInert(root);
  });

  it("renders CommonMark without GFM where the webview cannot run it (Safari before 16.4)", async () => {
    const { root, user } = show("**Agreed**\n\n- [the doc](https://docs.example.com)\n- https://bare.example.com", false, false);
    expect(within(root).getByText("Agreed").tagName).toBe("STRONG");
    expect(within(root).getAllByRole("listitem")).toHaveLength(2);
    // A bare URL stays text there; a written link still opens outside.
    expect(within(root).queryByRole("button", { name: "https://bare.example.com" })).not.toBeInTheDocument();
    await user.click(within(root).getByRole("button", { name: "the doc" }));
    await waitFor(() => expect(commands.openExternalLink).toHaveBeenCalledWith("https://docs.example.com"));
  });

  it("renders inline text without blocks that would break a one-line row", () => {
    const { root } = show("Talk about **promo timing**\n\n- and [the doc](https://docs.example.com)", true);
    expect(root.tagName).toBe("SPAN");
    expect(root.querySelectorAll("p, ul, li, div, h1, h2, h3, h4, h5, h6, pre, table")).toHaveLength(0);
    expect(within(root).getByText("promo timing").tagName).toBe("STRONG");
    expect(within(root).getByRole("button", { name: "the doc" })).toBeInTheDocument();
    expect(root).toHaveTextContent("Talk about promo timing and the doc");
  });
});

describe("Markdown safety", () => {
  const cases: [string, string, string | null][] = [
    // [what, markdown, text that must stay visible (null: none required)]
    ["a script tag", "<script>alert(1)</script>", "<script>alert(1)</script>"],
    ["an image with onerror", "<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"],
    ["an iframe", '<iframe src="javascript:alert(1)"></iframe>', '<iframe src="javascript:alert(1)"></iframe>'],
    ["a raw HTML block", '<div onclick="alert(1)">\n\n**hi**\n\n</div>', '<div onclick="alert(1)">'],
    ["an inline HTML link", 'a <a href="javascript:alert(1)">link</a> b', '<a href="javascript:alert(1)">'],
    ["a javascript: link", "[click me](javascript:alert(1))", "click me"],
    ["an upper-case javascript: link", "[click me](JaVaScRiPt:alert(1))", "click me"],
    ["an entity-encoded javascript: link", "[click me](javascript&#58;alert(1))", "click me"],
    ["a javascript: link behind spaces", "[click me](<  javascript:alert(1)>)", "click me"],
    ["a vbscript: link", "[click me](vbscript:msgbox(1))", "click me"],
    ["a data: link", "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "click me"],
    ["a javascript: reference link", "[click me][x]\n\n[x]: javascript:alert(1)", "click me"],
    ["an autolinked javascript: URL", "<javascript:alert(1)>", "javascript:alert(1)"],
    ["a bare javascript: URL", "javascript:alert(1)", "javascript:alert(1)"],
    ["an SVG with onload", "<svg onload=alert(1)><circle r=1 /></svg>", "<svg onload=alert(1)>"],
    ["a script inside SVG", "<svg><script>alert(1)</script></svg>", "<script>alert(1)</script>"],
    ["an SVG data image", "![chart](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "chart"],
    ["a javascript: image", "![chart](javascript:alert(1))", "chart"],
    ["attributes injected through a link title", '[doc](https://example.com "x\\" onmouseover=\\"alert(1)")', "doc"],
    ["attributes injected through a link address", '[doc](https://example.com"onmouseover="alert(1))', "doc"],
    ["an HTML comment", "<!-- <script>alert(1)</script> -->", "<!-- <script>alert(1)</script> -->"],
    ["a style tag", "<style>body{background:url(javascript:alert(1))}</style>", "<style>"],
    ["an object tag", '<object data="javascript:alert(1)"></object>', "<object"],
    ["a form with formaction", '<form><button formaction="javascript:alert(1)">x</button></form>', "<button formaction"],
  ];

  it.each(cases)("makes %s inert", (_what, markdown, visible) => {
    for (const [inline, gfm] of [[false, true], [true, true], [false, false], [true, false]] as const) {
      const { root } = show(markdown, inline, gfm);
      expectInert(root);
      // A button appears only for a real https link, and opens only that.
      within(root).queryAllByRole("button").forEach((b) => expect(b.getAttribute("title")).toMatch(/^https:\/\/example\.com/));
      if (visible) expect(root.textContent).toContain(visible);
      cleanup();
    }
  });

  it("offers no button for a link that is not https or mailto", () => {
    const { root } = show("[a](javascript:alert(1)) [b](data:text/html,x) [c](file:///etc/passwd) [d](/reports/1) [e](#top)");
    expect(within(root).queryByRole("button")).not.toBeInTheDocument();
    expect(root).toHaveTextContent("a b c d e");
    expectInert(root);
  });

  it("passes only absolute http(s) and mailto URLs", () => {
    expect(safeUrl("https://example.com/x")).toBe("https://example.com/x");
    expect(safeUrl(" HTTP://example.com")).toBe("HTTP://example.com");
    expect(safeUrl("mailto:ada@example.com")).toBe("mailto:ada@example.com");
    for (const bad of ["javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///x", "/relative", "#top", "//evil.example", "https:evil"]) {
      expect(safeUrl(bad), bad).toBe("");
    }
  });
});

describe("Markdown's plain-text path", () => {
  const PLAIN = [
    "Send the RFC to the skip-level",
    "Ledger consistency: p99 down 40% (from 1.2 s) in Q3",
    "Is the migration plan ready? Ask Priya.",
    "Ada's 1:1 – the \"ledger\" talk, again",
    "",
  ];
  const MARKUP = [
    "**bold**",
    "a_b",
    "see https://example.com",
    "www.example.com",
    "ada@example.com",
    "- a list",
    "1. first",
    "# Heading",
    "> quote",
    "<b>x</b>",
    "a &amp; b",
    "two\nlines",
    "    code",
    "trailing ",
    "[x](https://e.com)",
    "~~gone~~",
    "=== ",
    "a | b",
  ];

  it("takes only text in which nothing can be markup", () => {
    for (const t of PLAIN) expect(isPlain(t), t).toBe(true);
    for (const t of MARKUP) expect(isPlain(t), t).toBe(false);
  });

  it("renders plain text exactly as the full pipeline does, block and inline", () => {
    for (const text of PLAIN) {
      for (const inline of [false, true]) {
        const fast = renderToStaticMarkup(
          <Providers env="test">
            <Markdown inline={inline}>{text}</Markdown>
          </Providers>,
        );
        const parsed = renderToStaticMarkup(
          <Providers env="test">
            <MarkdownParsed inline={inline}>{text}</MarkdownParsed>
          </Providers>,
        );
        expect(fast, JSON.stringify({ text, inline })).toBe(parsed);
      }
    }
  });
});
