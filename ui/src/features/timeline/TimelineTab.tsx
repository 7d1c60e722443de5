// Everything dated about a report in one view, newest first, by year and month; filterable by
// kind. Each entry opens the record it comes from.
import { Badge, Box, Button, Chip, Group, Loader, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { IconTimeline } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "wouter";

import type { Report, TimelineEntry, TimelineKind } from "../../bindings";
import { useTimeline } from "../../api/record";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { focusRecord } from "../../lib/focus";
import { TIMELINE_KINDS, labelOf } from "../../lib/labels";
import { FlagshipBadge, useFlagshipId } from "../evidence/Flagship";
import { recordTarget } from "../search/recordTarget";
import { dayAndMonth, groupByYearAndMonth } from "./group";
import classes from "./TimelineTab.module.css";

const KIND_COLORS: Record<TimelineKind, string> = {
  role_started: "gray",
  mandate_set: "violet",
  mandate_ended: "violet",
  evidence_started: "blue",
  evidence_ended: "blue",
  in_production: "cyan",
  seen: "indigo",
  advocate_checked: "grape",
  mentorship_started: "orange",
  mentorship_ended: "orange",
  feedback: "pink",
};

export function TimelineTab({ report }: { report: Report }) {
  const [selected, setSelected] = useState<TimelineKind[]>([]);
  // Always in the same order, so one choice is one query.
  const kinds = TIMELINE_KINDS.map((k) => k.value).filter((k) => selected.includes(k));
  const timeline = useTimeline(report.id, kinds);

  return (
    <Stack gap="md">
      <Title order={3} size="h3">
        Timeline
      </Title>
      <Box component="fieldset" m={0} p={0} style={{ border: "none" }} className="no-print">
        <Text component="legend" size="sm" fw={500} mb={6}>
          Show only (nothing chosen shows everything)
        </Text>
        <Group gap="xs">
          <Chip.Group multiple value={selected} onChange={setSelected}>
            {TIMELINE_KINDS.map((k) => (
              <Chip key={k.value} value={k.value} size="sm" color={KIND_COLORS[k.value]} data-testid={`kind-${k.value}`}>
                {k.label}
              </Chip>
            ))}
          </Chip.Group>
          {selected.length > 0 && (
            <Button variant="subtle" size="compact-sm" onClick={() => setSelected([])}>
              Show everything
            </Button>
          )}
        </Group>
      </Box>
      {timeline.isError && <ErrorNotice error={timeline.error} />}
      {timeline.isPending && <Loader aria-label="Loading the timeline" />}
      {timeline.data && (
        <Entries report={report} entries={timeline.data} filtered={kinds.length > 0} onShowAll={() => setSelected([])} />
      )}
    </Stack>
  );
}

function Entries({ report, entries, filtered, onShowAll }: { report: Report; entries: TimelineEntry[]; filtered: boolean; onShowAll: () => void }) {
  if (entries.length === 0 && filtered) {
    return (
      <Empty
        title="Nothing of these kinds"
        next="Choose other kinds, or show everything."
        action={
          <Button variant="light" onClick={onShowAll}>
            Show everything
          </Button>
        }
        testId="timeline-empty"
      />
    );
  }
  // A report's timeline starts with the role they hold; the rest comes as it is recorded.
  const nothingRecorded = !filtered && entries.every((e) => e.kind === "role_started");
  if (entries.length === 0) return <NothingRecorded report={report} />;
  return (
    <Stack gap="lg">
      <TimelineEntries report={report} entries={entries} />
      {nothingRecorded && <NothingRecorded report={report} />}
    </Stack>
  );
}

/** Nothing but the role: the mandate and the evidence are where dated records begin. */
function NothingRecorded({ report }: { report: Report }) {
  return (
    <Empty
      icon={<IconTimeline size={32} aria-hidden />}
      title="Nothing else dated yet"
      next={`Set ${report.name}'s mandate or add their evidence: it lands here, by date, as it is recorded.`}
      action={
        report.archivedAt === null && (
          <>
            <Button component={Link} href={`/reports/${report.id}/overview`} variant="light">
              Set the mandate
            </Button>
            <Button component={Link} href={`/reports/${report.id}/evidence`} variant="light">
              Add evidence
            </Button>
          </>
        )
      }
      why="Who saw the work, advocates and mentorship land here too."
      testId="timeline-empty"
    />
  );
}

function TimelineEntries({ report, entries }: { report: Report; entries: TimelineEntry[] }) {
  return (
    <Stack gap="lg" data-testid="timeline">
      {groupByYearAndMonth(entries).map((year) => (
        <Box component="section" key={year.year} aria-labelledby={`timeline-${year.year}`}>
          <Title order={4} size="h3" id={`timeline-${year.year}`} mb="xs">
            {year.year}
          </Title>
          <Stack gap="md">
            {year.months.map((month) => (
              <Box component="section" key={month.key} aria-labelledby={`timeline-${month.key}`} pl="md">
                <Title order={5} size="h5" c="dimmed" id={`timeline-${month.key}`} mb={4}>
                  {month.label} {year.year}
                </Title>
                <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
                  {month.entries.map((e, i) => (
                    <li key={`${e.kind}-${e.recordId}-${e.date}-${i}`}>
                      <EntryLink report={report} entry={e} />
                    </li>
                  ))}
                </Stack>
              </Box>
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

function EntryLink({ report, entry: e }: { report: Report; entry: TimelineEntry }) {
  const flagship = useFlagshipId(report.id);
  const target = recordTarget({ kind: e.recordKind, recordId: e.recordId, reportId: report.id });
  return (
    <UnstyledButton
      component={Link}
      href={target.path}
      onClick={() => focusRecord(target.focusId)}
      data-testid="timeline-entry"
      display="block"
      p="xs"
      w="100%"
      style={{
        border: "none",
        borderLeft: `3px solid var(--mantine-color-${KIND_COLORS[e.kind]}-5)`,
        borderRadius: "0 var(--mantine-radius-md) var(--mantine-radius-md) 0",
      }}
      className={classes.entry}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" w={56} style={{ flexShrink: 0 }} component="time" dateTime={e.date} title={formatDate(e.date)}>
          {dayAndMonth(e.date)}
        </Text>
        <Badge color={KIND_COLORS[e.kind]} variant="light" style={{ flexShrink: 0 }} miw={150}>
          {labelOf(TIMELINE_KINDS, e.kind)}
        </Badge>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600}>
              {e.title}
            </Text>
            {e.kind === "evidence_started" && e.recordId === flagship && <FlagshipBadge size="xs" />}
          </Group>
          {e.detail && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {e.detail}
            </Text>
          )}
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
