import { Alert, Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconArrowBackUp, IconPencil } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { Link, useLocation } from "wouter";

import type { Report, ReportId } from "../../bindings";
import { useOneOnOnes, usePrefetchOneOnOnes } from "../../api/oneOnOnes";
import { useArchiveReport, useReport, useRestoreReport } from "../../api/queries";
import { useReportRadar } from "../../api/radar";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { daysBetween, formatDate, timeSince, todayIso } from "../../lib/dates";
import { useFocusedRecord } from "../../lib/focus";
import { cadenceLabel, lapseDays } from "../../lib/cadence";
import { archetypeLabel, teamStrengthLabel } from "../../lib/labels";
import { AdvocatesTab } from "../advocates/AdvocatesTab";
import { EvidenceTab } from "../evidence/EvidenceTab";
import { VisibilityGapsCard } from "../evidence/VisibilityGapsCard";
import { MandateSection } from "../mandate/MandateSection";
import { MentorshipTab } from "../mentorship/MentorshipTab";
import { NegativeFeedbackCard } from "../mentorship/NegativeFeedbackCard";
import { ExportNotesButton } from "../export/ExportNotesButton";
import { OneOnOnesTab } from "../oneonones/OneOnOnesTab";
import { PrepTab } from "../prep/PrepTab";
import { ManagerHistoryCard } from "../radar/ManagerHistoryCard";
import { RadarTab } from "../radar/RadarTab";
import { SEVERITIES } from "../radar/signals";
import { TimelineTab } from "../timeline/TimelineTab";
import { ArchetypeFit, LevelToTarget } from "./RosterTable";
import { REPORT_TABS, type ReportTab } from "./reportTabs";

/** The tabs of a report's page, each at /reports/:id/<value>. */

/** A 1:1 this many days ahead or closer (today included) makes the prep the page's first tab. */
const PREP_AHEAD_DAYS = 2;

/**
 * The tab /reports/:id opens on: the 1:1 prep when the next 1:1 is today, tomorrow or the day
 * after; otherwise the overview. A record asked for by search or the timeline (whose cards
 * without a tab of their own live on the overview) always opens the overview.
 */
export function defaultTab(nextMeeting: string | null, today: string, focusing = false): ReportTab {
  if (focusing || !nextMeeting) return "overview";
  const days = daysBetween(today, nextMeeting);
  return days !== null && days >= 0 && days <= PREP_AHEAD_DAYS ? "prep" : "overview";
}

export function ReportPage({ id, tab }: { id: string; tab?: ReportTab }) {
  const report = useReport(id);
  // Only the bare /reports/:id needs the 1:1s first, to choose its tab.
  const ones = useOneOnOnes(id, tab === undefined);
  const focusing = useFocusedRecord() !== null;
  // Chosen once per report: the tab does not change under the user as 1:1s are edited.
  const [chosen, setChosen] = useState<{ id: string; tab: ReportTab } | null>(null);
  const settled = ones.isSuccess || ones.isError;
  if (tab === undefined && settled && chosen?.id !== id) {
    setChosen({ id, tab: defaultTab(ones.data?.nextMeeting ?? null, todayIso(), focusing) });
  }
  if (report.isError) return <ErrorNotice error={report.error} />;
  const shown = tab ?? (chosen?.id === id ? chosen.tab : undefined);
  if (!report.data || !shown) return <Loader aria-label="Loading the report" />;
  return <ReportDetail report={report.data} tab={shown} />;
}

function ReportDetail({ report, tab }: { report: Report; tab: ReportTab }) {
  const archive = useArchiveReport();
  const restore = useRestoreReport();
  const [, navigate] = useLocation();
  usePrefetchOneOnOnes(report.id);
  const archived = report.archivedAt !== null;
  useHotkeys([["e", () => !archived && navigate(`/reports/${report.id}/edit`)]]);

  const toggleArchive = async () => {
    if (archived) {
      await restore.mutateAsync(report.id);
      notifications.show({ message: `${report.name} is back on the active roster.`, color: "teal" });
    } else {
      await archive.mutateAsync(report.id);
      notifications.show({ message: `Archived ${report.name}. Find them under Roster → Archived.` });
    }
  };
  const failure = archive.error ?? restore.error;

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-start" className="no-print">
        <Stack gap={4}>
          <Title order={2} data-testid="report-name">
            {report.name}
          </Title>
          <Group gap="xs">
            <LevelToTarget report={report} />
            <ArchetypeFit report={report} />
          </Group>
        </Stack>
        <Group>
          <ExportNotesButton scope={{ kind: "report", reportId: report.id }} />
          {!archived && (
            <Button component={Link} href={`/reports/${report.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />} data-testid="edit-report">
              Edit
            </Button>
          )}
          <Button
            variant="default"
            onClick={() => void toggleArchive().catch(() => undefined)}
            loading={archive.isPending || restore.isPending}
            leftSection={archived ? <IconArrowBackUp size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
            data-testid={archived ? "restore-report" : "archive-report"}
          >
            {archived ? "Restore" : "Archive"}
          </Button>
        </Group>
      </Group>
      {failure && <ErrorNotice error={failure} />}
      {archived && report.archivedAt && (
        <Alert color="gray" title="Archived" data-testid="archived-banner">
          Archived on {formatDate(report.archivedAt)}. Everything recorded is kept; restore the
          report to edit it again.
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => navigate(`/reports/${report.id}/${value ?? "overview"}`)}
        keepMounted={false}
      >
        <Tabs.List className="no-print">
          {REPORT_TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} rightSection={t.value === "radar" ? <OpenSignals reportId={report.id} /> : undefined}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="prep" pt="md">
          <PrepTab report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="one-on-ones" pt="md">
          <OneOnOnesTab report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="radar" pt="md">
          <RadarTab report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          <EvidenceTab report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="mentorship" pt="md">
          <MentorshipTab report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="advocates" pt="md">
          <AdvocatesTab report={report} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab report={report} />
        </Tabs.Panel>
      </Tabs>
      <Text size="xs" c="dimmed" className="no-print">
        Added {formatDate(report.createdAt)} · last changed {formatDate(report.updatedAt)}
        {!archived && " · press E to edit"}
      </Text>
    </Stack>
  );
}

/** Facts, the mandate, what needs attention, and the private notes. */
function Overview({ report }: { report: Report }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Fact label="Current level">{report.currentLevel.name}</Fact>
        <Fact label="Target level">
          {report.targetLevel.id === report.currentLevel.id ? "No promotion target" : report.targetLevel.name}
        </Fact>
        <Fact label="Archetype they work as">{archetypeLabel(report.archetypeWorked)}</Fact>
        <Fact label="Archetype the organisation needs">
          {archetypeLabel(report.archetypeNeeded)}
          {report.archetypeWorked !== report.archetypeNeeded && (
            <Badge ml="xs" color="orange" variant="light">
              mismatch
            </Badge>
          )}
        </Fact>
        <Fact label="Team">
          {report.team} · {teamStrengthLabel(report.teamStrength)}
        </Fact>
        <Fact label="In role since">
          {formatDate(report.inRoleSince)} ({timeSince(report.inRoleSince)})
        </Fact>
        <Fact label="1:1 every" testId="fact-cadence">
          {cadenceLabel(report.oneOnOneEveryDays)}{" "}
          <Text span size="sm" c="dimmed">
            (the radar flags more than {lapseDays(report.oneOnOneEveryDays)} days without one)
          </Text>
        </Fact>
      </SimpleGrid>
      <MandateSection report={report} />
      <ManagerHistoryCard report={report} />
      <NegativeFeedbackCard report={report} />
      <VisibilityGapsCard report={report} />
      <Card withBorder>
        <Text size="sm" c="dimmed" mb={4}>
          Notes (private)
        </Text>
        {report.notes ? (
          <Text className="pre-wrap" data-testid="report-notes">
            {report.notes}
          </Text>
        ) : (
          <EmptyLine testId="report-notes-empty">
            No notes yet.{" "}
            {report.archivedAt === null && (
              <>
                <Anchor component={Link} href={`/reports/${report.id}/edit`} inherit>
                  Edit the report
                </Anchor>{" "}
                to add context you want at hand before a 1:1.
              </>
            )}
          </EmptyLine>
        )}
      </Card>
    </Stack>
  );
}

function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Card>
  );
}

/** The Radar tab's count of open signals, in the colour of the most severe (none: nothing). */
function OpenSignals({ reportId }: { reportId: ReportId }) {
  const radar = useReportRadar(reportId);
  const open = (radar.data?.signals ?? []).filter((s) => s.ack === null);
  const worst = SEVERITIES.find((sev) => open.some((s) => s.severity === sev.value));
  if (!worst) return null;
  return (
    <Badge size="sm" circle color={worst.color} variant="filled" aria-label={`${open.length} open signal${open.length === 1 ? "" : "s"}`} data-testid="radar-tab-count">
      {open.length}
    </Badge>
  );
}
