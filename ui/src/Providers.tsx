import { Alert, MantineProvider, createTheme } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

export const theme = createTheme({
  primaryColor: "teal",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, sans-serif",
  defaultRadius: "md",
  components: {
    // Mantine clips an alert and its message with overflow:hidden (for ellipsis). WebKit's
    // WebDriver then reports their text as empty; our alerts wrap instead of clipping.
    Alert: Alert.extend({ styles: { root: { overflow: "visible" }, message: { overflow: "visible" } } }),
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
    <MantineProvider theme={theme} defaultColorScheme="auto" env={env}>
      <Notifications position="bottom-left" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
