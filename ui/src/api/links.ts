// Opening a record's link outside the app. Rust checks the link (https and mailto only) and
// hands it to the system browser or mail client; the app's window never navigates away.
import { useMutation } from "@tanstack/react-query";

import { commands } from "../bindings";
import { call } from "./ipc";

/** Whether a link is one Trellis opens outside (the core has the final say). */
export function opensOutside(url: string): boolean {
  const lower = url.trim().toLowerCase();
  return /^https:\/\/[^/?#\s]+/.test(lower) || /^mailto:[^?\s]*@/.test(lower);
}

export const useOpenLink = () =>
  useMutation({ mutationFn: (url: string) => call(commands.openExternalLink(url)) });
