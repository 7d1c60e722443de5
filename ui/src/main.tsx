// The app's first script, kept small: it asks Rust for the first screen's data at once, then
// loads the rest of the app (./boot) while the answer comes. Rust has usually worked Today out
// already, while the window was starting (see src-tauri/src/startup.rs).
import { commands } from "./bindings";

// The trace of the start (scripts/bench-app --trace) reads when the app's script began to run.
performance.mark("ui: script running");

// A new window opens on Today ("/"); a page reloaded elsewhere asks for its own data.
const onToday = location.hash === "" || location.hash === "#/";
const first = { info: commands.appInfo(), today: onToday ? commands.getToday() : undefined };

import("./boot")
  .then((app) => app.boot(first))
  .catch((e: unknown) => {
    const root = document.getElementById("root");
    if (root) root.textContent = `Trellis could not load its window: ${e instanceof Error ? e.message : String(e)}`;
  });
