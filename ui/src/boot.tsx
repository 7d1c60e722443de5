import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/spotlight/styles.css";
import "./app.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import type { AppInfo, Today, TrellisError } from "./bindings";
import { call } from "./api/ipc";
import { keys } from "./api/queries";
import { radarKeys } from "./api/radar";
import { App, preloadScreens } from "./App";
import { newQueryClient } from "./Providers";

type Answer<T> = Promise<{ status: "ok"; data: T } | { status: "error"; error: TrellisError }>;

/** How long after starting the other screens' scripts are loaded. */
const PRELOAD_AFTER_MS = 2000;

/** What the first script already asked for, before the app was loaded. */
export type FirstAsked = { info: Promise<AppInfo>; today?: Answer<Today> };

/** Renders the app, its cache holding the answers already on their way. */
export function boot(first: FirstAsked) {
  performance.mark("ui: app loaded");
  const client = newQueryClient();
  void client.prefetchQuery({ queryKey: keys.appInfo, queryFn: () => first.info });
  const today = first.today;
  if (today) void client.prefetchQuery({ queryKey: radarKeys.today, queryFn: () => call(today) });
  const root = document.getElementById("root");
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App client={client} />
      </StrictMode>,
    );
  }
  // The other screens' scripts, once the first screen has had its moment.
  setTimeout(() => void preloadScreens(), PRELOAD_AFTER_MS);
}
