// The report's surprise radar: every risk signal as of a date (today by default), grouped by
// severity, each with why it fired, what to do and how long before calibration it appeared;
// acknowledged and snoozed signals apart; a timeline of when each first appeared; and the
// history of acknowledgements.
import { Box, Group, List, Loader, Stack, Text, Title } from "@mantine/core";
import { IconRadar } from "@tabler/icons-react";
import { useState } from "react";

import type { Report, ReportRadar, Severity, Signal } from "../../bindings";
import { fieldErrors, toUiError } from "../../api/ipc";
import { useReportRadar } from "../../api/radar";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { AckHistory } from "./AckHistory";
import { DriftHistory } from "./DriftHistory";
import { AsOfControl, JudgedAgainst } from "./RadarHeader";
import { SignalCard } from "./SignalCard";
import { SignalTimeline } from "./SignalTimeline";
import { RADAR_CHECKS, SEVERITIES } from "./signals";

export function RadarTab({ report }: { report: Report }) {
  const [asOf, setAsOf] = useState("");
  const radar = useReportRadar(report.id, asOf);
  const asOfError = radar.isError && toUiError(radar.error).kind === "validation" ? (fieldErrors(radar.error).asOf ?? toUiError(radar.error).message) : undefined;

  return (
    <Stack gap="md" data-testid="radar-tab">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={3} size="h4">
            Radar
          </Title>
          {radar.data && (
            <Text size="sm" c="dimmed" data-testid="radar-as-of">
              {asOf === "" ? `Today, ${formatDate(radar.data.asOf)}` : `Replayed as of ${formatDate(radar.data.asOf)}`}
            </Text>
          )}
        </Stack>
        <AsOfControl asOf={asOf} onApply={setAsOf} error={asOfError} replaying={radar.isFetching && radar.isPlaceholderData} />
      </Group>
      {radar.isPending && <Loader aria-label="Loading the radar" />}
      {radar.isError && asOfError === undefined && <ErrorNotice error={radar.error} />}
      {radar.data && !radar.isError && <RadarBody report={report} radar={radar.data} replaying={asOf !== ""} />}
      <AckHistory report={report} signals={radar.data?.signals ?? []} />
    </Stack>
  );
}

function RadarBody({ report, radar, replaying }: { report: Report; radar: ReportRadar; replaying: boolean }) {
  const candidate = radar.candidacy !== null && radar.cycle !== null && radar.candidacy.addedOn <= radar.asOf;
  const reference = candidate && radar.cycle ? radar.cycle.calibrationDate : radar.asOf;
  const open = radar.signals.filter((s) => !s.ack);
  const acked = radar.signals.filter((s) => s.ack);
  const canAck = !replaying && report.archivedAt === null;
  const card = (s: Signal) => (
    <SignalCard
      key={s.causeKey}
      report={report}
      signal={s}
      reference={reference}
      candidate={candidate}
      candidacyId={radar.candidacy?.id ?? null}
      canAck={canAck}
    />
  );

  return (
    <Stack gap="md">
      <JudgedAgainst radar={radar} candidate={candidate} />
      <DriftHistory report={report} drifted={radar.drifted} />
      {radar.signals.length === 0 ? (
        <Empty
          testId="radar-empty"
          icon={<IconRadar size={32} aria-hidden />}
          title="Nothing on the radar"
          next={`As of ${formatDate(radar.asOf)}, none of the radar's checks fired for ${report.name}: nothing to act on. Keep their record current, and replay an earlier date above to see what it showed then.`}
          why="It looks, every day, at:"
        >
          <List size="sm" ta="left" maw={560} mx="auto">
            {RADAR_CHECKS.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
        </Empty>
      ) : (
        <>
          <Text size="sm" data-testid="radar-summary">
            {summary(open)}
            {acked.length > 0 && `; ${acked.length} acknowledged or snoozed`}.
          </Text>
          {replaying && report.archivedAt === null && (
            <Text size="sm" c="dimmed">
              Replaying the past: acknowledge or snooze signals from today's radar.
            </Text>
          )}
          <SignalTimeline signals={radar.signals} reference={reference} candidate={candidate} asOf={radar.asOf} />
          {SEVERITIES.map(({ value, label, color }) => {
            const group = open.filter((s) => s.severity === value);
            if (group.length === 0) return null;
            return (
              <Box component="section" key={value} aria-labelledby={`radar-${value}`} data-testid={`severity-${value}`}>
                <Group gap={8} mb="xs">
                  <Box w={12} h={12} bg={`${color}.6`} style={{ borderRadius: 6 }} aria-hidden />
                  <Title order={4} size="h5" id={`radar-${value}`}>
                    {label} severity ({group.length})
                  </Title>
                </Group>
                <Stack gap="sm">{group.map(card)}</Stack>
              </Box>
            );
          })}
          {acked.length > 0 && (
            <Box component="section" aria-labelledby="radar-acked" data-testid="acknowledged">
              <Title order={4} size="h5" c="dimmed" id="radar-acked" mb={2}>
                Acknowledged or snoozed ({acked.length})
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                Still listed so nothing is forgotten; a snoozed signal comes back after its date.
              </Text>
              <Stack gap="sm">{acked.map(card)}</Stack>
            </Box>
          )}
        </>
      )}
    </Stack>
  );
}

function summary(open: Signal[]): string {
  if (open.length === 0) return "No open signals";
  const count = (s: Severity) => open.filter((x) => x.severity === s).length;
  const parts = SEVERITIES.filter((s) => count(s.value) > 0).map((s) => `${count(s.value)} ${s.value}`);
  return `${open.length} open ${open.length === 1 ? "signal" : "signals"}: ${parts.join(", ")}`;
}
