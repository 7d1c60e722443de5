import { QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";

import { newQueryClient } from "../Providers";
import { ok } from "../test/fixtures";
import { useBackups, useBackupsAfterStart } from "./data";

vi.mock("../bindings", async () => ({ commands: (await import("../test/commands")).commands }));

describe("useBackupsAfterStart", () => {
  it("lists the backups again once the day's backup, made after the first screen, is done", async () => {
    const { commands } = await import("../test/commands");
    const listBackups = vi.mocked(commands.listBackups);
    listBackups.mockImplementation(() => Promise.resolve(ok([])));
    const client = newQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const hook = renderHook(
      ({ pending }: { pending: boolean | undefined }) => {
        useBackupsAfterStart(pending);
        return useBackups();
      },
      { wrapper, initialProps: { pending: true as boolean | undefined } },
    );
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(listBackups).toHaveBeenCalledTimes(1);

    hook.rerender({ pending: true });
    expect(listBackups).toHaveBeenCalledTimes(1);
    hook.rerender({ pending: false });
    await waitFor(() => expect(listBackups).toHaveBeenCalledTimes(2));
    hook.rerender({ pending: false });
    expect(listBackups).toHaveBeenCalledTimes(2);
  });
});
