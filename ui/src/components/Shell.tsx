import { Alert, AppShell, Badge, Group, NavLink, Text, Title } from "@mantine/core";
import {
  IconAddressBook,
  IconAdjustments,
  IconBook,
  IconDatabase,
  IconLadder,
  IconMessageQuestion,
  IconRadar,
  IconSearch,
  IconSun,
  IconUsers,
} from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { Link, useLocation } from "wouter";

import { useAppInfo } from "../api/queries";
import { RecoveryPanel } from "../features/data/RecoveryPanel";
import { UnlockPanel } from "../features/data/UnlockPanel";
import { SearchBox } from "../features/search/SearchBox";

const NAV = [
  { href: "/", label: "Today", icon: IconSun, match: (p: string) => p === "/" },
  { href: "/roster", label: "Roster", icon: IconUsers, match: (p: string) => p === "/roster" || p.startsWith("/reports") || p === "/archived" },
  { href: "/cycles", label: "Cycles", icon: IconRadar, match: (p: string) => p.startsWith("/cycles") || p.startsWith("/candidates") },
  { href: "/rules", label: "Rules of thumb", icon: IconBook, match: (p: string) => p.startsWith("/rules") },
  { href: "/questions", label: "Question bank", icon: IconMessageQuestion, match: (p: string) => p.startsWith("/questions") },
  { href: "/people", label: "People", icon: IconAddressBook, match: (p: string) => p.startsWith("/people") },
  { href: "/search", label: "Search", icon: IconSearch, match: (p: string) => p.startsWith("/search") },
  { href: "/ladder", label: "Ladder", icon: IconLadder, match: (p: string) => p === "/ladder" },
  { href: "/settings/radar", label: "Radar settings", icon: IconAdjustments, match: (p: string) => p.startsWith("/settings") },
  { href: "/data", label: "Your data", icon: IconDatabase, match: (p: string) => p === "/data" },
];

export function Shell({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const info = useAppInfo().data;
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 0 }} padding="lg">
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={1} size="h3">
              Trellis
            </Title>
            <Text size="sm" c="dimmed">
              no surprises at calibration
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SearchBox />
            {info?.demo && (
              <Badge color="yellow" variant="filled" data-testid="demo-badge">
                Demo data
              </Badge>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main" className="no-print">
        {NAV.map(({ href, label, icon: Icon, match }) => (
          <NavLink
            key={href}
            component={Link}
            href={href}
            label={label}
            leftSection={<Icon size={18} aria-hidden />}
            active={match(location)}
          />
        ))}
      </AppShell.Navbar>
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
