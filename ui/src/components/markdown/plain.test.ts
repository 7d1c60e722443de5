import { describe, expect, it } from "vitest";

import { plainText } from "./plain";

describe("plainText", () => {
  it("keeps the words and drops Markdown's markers", () => {
    expect(plainText("**Agreed**: she demos it at the *platform* review")).toBe("Agreed: she demos it at the platform review");
    expect(plainText("See [the design doc](https://docs.example.com) and ![graph](https://x/y.png)")).toBe("See the design doc and graph");
    expect(plainText("Run `make release`, ~~not~~ __now__")).toBe("Run make release, not now");
    expect(plainText("# Plan\n- [x] draft\n1. review\n> quoted")).toBe("Plan\ndraft\nreview\nquoted");
  });

  it("leaves text that only looks like Markdown as it is", () => {
    expect(plainText("rename user_id to account_id")).toBe("rename user_id to account_id");
    expect(plainText("2 * 3 * 4 = 24")).toBe("2 * 3 * 4 = 24");
    expect(plainText("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });
});
