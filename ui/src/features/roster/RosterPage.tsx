import { Button, Group, Kbd, Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconArchive, IconUserPlus } from "@tabler/icons-react";
import { Link, useLocation } from "wouter";

import type { RosterFilter } from "../../bindings";
import { useReports } from "../../api/queries";
import { useRosterGlance } from "../../api/radar";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { RosterTable } from "./RosterTable";

export function RosterPage({ filter }: { filter: RosterFilter }) {
  const reports = useReports(filter);
  // The radar's columns for the active roster; the table shows without them until they come.
  const glance = useRosterGlance(filter === "active");
  const [, navigate] = useLocation();
  useHotkeys([["n", () => navigate("/reports/new")]]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Roster</Title>
        <Button component={Link} href="/reports/new" leftSection={<IconUserPlus size={18} aria-hidden />} data-testid="add-report">
          Add report
        </Button>
      </Group>
      <Tabs value={filter} onChange={(v) => navigate(v === "archived" ? "/archived" : "/roster")}>
        <Tabs.List>
          <Tabs.Tab value="active">Active</Tabs.Tab>
          <Tabs.Tab value="archived" leftSection={<IconArchive size={16} aria-hidden />}>
            Archived
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {reports.isPending && <Loader aria-label="Loading reports" />}
      {reports.isError && <ErrorNotice error={reports.error} />}
      {reports.data?.length === 0 && <EmptyRoster filter={filter} />}
      {reports.data && reports.data.length > 0 && <RosterTable reports={reports.data} glance={filter === "active" ? (glance.data ?? []) : undefined} />}
    </Stack>
  );
}

/** What the roster shows with no reports (Today shows its welcome instead). */
function EmptyRoster({ filter }: { filter: RosterFilter }) {
  if (filter === "archived") {
    return (
      <Empty
        testId="roster-empty"
        icon={<IconArchive size={32} aria-hidden />}
        title="Nothing archived"
        next="When someone leaves your team or changes manager, archive their report from its page."
        why="It is kept here, with its history, and can be restored at any time."
      />
    );
  }
  return (
    <Empty
      testId="roster-empty"
      icon={<IconUserPlus size={32} aria-hidden />}
      title="No reports yet"
      next={
        <Text span inherit>
          Add the first staff-plus engineer you support: press <Kbd>N</Kbd>, or Add your first report.
        </Text>
      }
      action={
        <Button component={Link} href="/reports/new">
          Add your first report
        </Button>
      }
      why="Their level and target, the archetype they work as and the one the organisation needs, their team and how long they have been in role: their mandate, evidence and 1:1s hang off it."
    />
  );
}
