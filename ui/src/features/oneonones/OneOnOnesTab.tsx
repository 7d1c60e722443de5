// The report's 1:1s: the next one (its date, the agenda it carries, open action items), then
// every 1:1 newest first with its agenda, notes and action items. Notes are private by default;
// anything can be promoted to evidence or to a mentee's feedback.
import { Alert, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";

import type { Report } from "../../bindings";
import { useOneOnOnes } from "../../api/oneOnOnes";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { todayIso } from "../../lib/dates";
import { MeetingHistory } from "./MeetingHistory";
import { NextOneOnOne } from "./NextOneOnOne";

export function OneOnOnesTab({ report }: { report: Report }) {
  const ones = useOneOnOnes(report.id);
  const readOnly = report.archivedAt !== null;
  const today = todayIso();
  if (ones.isError) return <ErrorNotice error={ones.error} />;
  if (!ones.data) return <Loader aria-label="Loading the 1:1s" />;
  const { meetings } = ones.data;
  const planned = meetings.filter((m) => m.heldOn > today).length;
  // The latest 1:1 that took place is where notes are being written.
  const latestHeld = meetings.find((m) => m.heldOn <= today)?.id;
  return (
    <Stack gap="md">
      {readOnly && (
        <Alert color="gray" data-testid="one-on-ones-read-only">
          {report.name} is archived, so their 1:1s are read-only. Restore the report to record 1:1s again.
        </Alert>
      )}
      <NextOneOnOne report={report} ones={ones.data} today={today} readOnly={readOnly} />
      {meetings.length === 0 ? (
        <Empty
          icon={<IconMessages size={32} aria-hidden />}
          title="No 1:1s yet"
          next={readOnly ? "No 1:1 was recorded before the report was archived." : "Hold one today, or plan the next one, above."}
          why="Each 1:1 keeps its notes, agenda and action items; open agenda items carry over until done or dropped."
          testId="one-on-ones-empty"
        />
      ) : (
        <>
          <Group justify="space-between" align="baseline" mt="xs">
            <Title order={3} size="h4">
              All 1:1s
            </Title>
            <Text size="sm" c="dimmed" data-testid="meetings-summary">
              {meetings.length - planned} held{planned > 0 && ` · ${planned} planned`} · newest first
            </Text>
          </Group>
          <MeetingHistory report={report} meetings={meetings} today={today} readOnly={readOnly} latestHeld={latestHeld} />
        </>
      )}
    </Stack>
  );
}
