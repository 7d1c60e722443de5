import { Alert, MantineProvider, Notification, createTheme, type CSSVariablesResolver } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

import { Hints } from "./components/Hints";

export const theme = createTheme({
  primaryColor: "teal",
  // Readable at a glance: white on the primary colour and primary-coloured text on white
  // both reach WCAG AA contrast (checked by axe-core in the real window, tests/e2e).
  primaryShade: { light: 9, dark: 9 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, sans-serif",
  defaultRadius: "md",
  components: {
    // Mantine clips an alert and its message with overflow:hidden (for ellipsis). WebKit's
    // WebDriver then reports their text as empty; our alerts wrap instead of clipping.
    Alert: Alert.extend({ styles: { root: { overflow: "visible" }, message: { overflow: "visible" } } }),
    // A notification's close button is an icon: it needs a name for screen readers.
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { "aria-label": "Dismiss" } } }),
  },
});

/**
 * Text dark enough to read (WCAG AA on white and on the light tints, checked by axe-core in
 * the real window, tests/e2e): secondary ("dimmed") text, and the coloured text of light
 * badges, alerts, active navigation and `c="…"`, which Mantine draws in shade 6.
 */
const READABLE: Record<string, string> = {
  red: "#b02525",
  orange: "#b03a0c",
  yellow: "#8a5300",
  lime: "#4b7a09",
  green: "#237032",
  teal: "#066a4c",
  cyan: "#0a6575",
};

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#555b62",
    ...Object.fromEntries(
      Object.keys(t.colors).flatMap((c): [string, string][] => {
        const readable = READABLE[c] ?? `var(--mantine-color-${c}-9)`;
        const filled: [string, string][] = READABLE[c] ? [[`--mantine-color-${c}-filled`, READABLE[c]]] : [];
        return [[`--mantine-color-${c}-light-color`, readable], [`--mantine-color-${c}-text`, readable], ...filled];
      }),
    ),
  },
  // Dark: white on a filled colour needs the same dark shades as in the light scheme.
  dark: {
    "--mantine-color-dimmed": "#a6adb4",
    ...Object.fromEntries(Object.entries(READABLE).map(([c, v]): [string, string] => [`--mantine-color-${c}-filled`, v])),
  },
});

/** Data comes from the local database: no retries on failure, no refetch on focus. */
export function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/** `env="test"` turns off Mantine's transitions and portals (for component tests). */
export function Providers({
  children,
  client,
  env,
}: {
  children: ReactNode;
  client?: QueryClient;
  env?: "default" | "test";
}) {
  const [queryClient] = useState(() => client ?? newQueryClient());
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto" env={env}>
      <Notifications position="bottom-left" />
      <Hints />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
