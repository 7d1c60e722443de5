import { Alert, AppShell, Badge, Button, Group, Kbd, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { createSpotlight } from "@mantine/spotlight";
import { IconCommand } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";

import { useBackupsAfterStart } from "../api/data";
import { useAppInfo } from "../api/queries";
import { RecoveryPanel } from "../features/data/RecoveryPanel";
import { UnlockPanel } from "../features/data/UnlockPanel";
import { CommandPalette } from "../features/palette/CommandPalette";
import { SearchBox } from "../features/search/SearchBox";
import { SideNav, WIDE_NAV_QUERY } from "./SideNav";

/** "⌘" on a Mac, "Ctrl" elsewhere: the key Ctrl+K is pressed with. */
const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent) ? "⌘" : "Ctrl";

export function Shell({ children }: { children: ReactNode }) {
  const info = useAppInfo().data;
  useBackupsAfterStart(info?.dailyBackupPending);
  const wide = useMediaQuery(WIDE_NAV_QUERY, true, { getInitialValueInEffect: false });
  const [palette] = useState(() => createSpotlight());
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: wide ? 200 : 60, breakpoint: 0 }} padding="lg">
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={1} size="h3">
              Trellis
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              no surprises at calibration
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconCommand size={16} aria-hidden />}
              rightSection={<Kbd size="xs">{MOD} K</Kbd>}
              aria-label={`Go to… ${MOD} K`}
              aria-keyshortcuts="Control+K Meta+K"
              onClick={palette[1].open}
              data-testid="open-palette"
            >
              Go to…
            </Button>
            <SearchBox w={280} />
            {info?.demo && (
              <Badge color="yellow" variant="filled" data-testid="demo-badge">
                Demo data
              </Badge>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main" className="no-print">
        <SideNav wide={wide} />
      </AppShell.Navbar>
      <CommandPalette palette={palette} />
      <AppShell.Main>
        <StartupNotices notices={info?.notices ?? []} />
        {info?.locked ? (
          <UnlockPanel dataDir={info.dataDir} />
        ) : info?.damage ? (
          <RecoveryPanel damage={info.damage} />
        ) : info?.startupError ? (
          <Alert color="red" title="Trellis could not open its data" role="alert" data-testid="startup-error">
            <Text size="sm">{info.startupError}</Text>
            <Text size="sm" mt="xs">
              The data folder is {info.dataDir}. Nothing was changed or overwritten. Once the
              cause above is dealt with, quit Trellis and start it again (or start it with
              --data-dir pointing at another folder).
            </Text>
          </Alert>
        ) : (
          children
        )}
      </AppShell.Main>
    </AppShell>
  );
}

/** What opening the data had to say (checked after an unclean shutdown, upgraded…), until dismissed. */
function StartupNotices({ notices }: { notices: string[] }) {
  const [dismissed, setDismissed] = useState<string[]>([]);
  return notices
    .filter((n) => !dismissed.includes(n))
    .map((notice) => (
      <Alert
        key={notice}
        color="blue"
        mb="md"
        data-testid="startup-notice"
        withCloseButton
        closeButtonLabel="Dismiss"
        onClose={() => setDismissed((d) => [...d, notice])}
      >
        {notice}
      </Alert>
    ));
}
