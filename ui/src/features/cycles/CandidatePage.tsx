// A report's candidacy in a cycle: the readiness call, the packet and its versions, the review
// rounds, the rules-of-thumb checklist and the open signals.
import { Alert, Anchor, Group, Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useLocation } from "wouter";

import type { Candidate, PacketVersion } from "../../bindings";
import { useReport } from "../../api/queries";
import { useCandidate, useCycle, usePacketVersions, useReportRadar } from "../../api/radar";
import { DeleteButton } from "../../components/DeleteButton";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { CandidateSummary } from "./CandidateSummary";
import { ChecklistSection } from "./ChecklistSection";
import { countdown } from "./format";
import { PacketEditor } from "./PacketEditor";
import { PacketView } from "./PacketView";
import { ReadinessSection } from "./ReadinessSection";
import { ReviewsSection } from "./ReviewsSection";
import { SignalList } from "./SignalList";
import { VersionsSection } from "./VersionsSection";

export function CandidatePage({ id }: { id: string }) {
  const candidate = useCandidate(id);
  if (candidate.isError) return <ErrorNotice error={candidate.error} />;
  if (!candidate.data) return <Loader aria-label="Loading the candidacy" />;
  return <CandidateDetail candidate={candidate.data} />;
}

function CandidateDetail({ candidate: c }: { candidate: Candidate }) {
  const cycle = useCycle(c.cycleId);
  const report = useReport(c.reportId);
  const versions = usePacketVersions(c.id);
  const radar = useReportRadar(c.reportId);
  const [, navigate] = useLocation();
  const [resets, setResets] = useState(0);
  const editable = report.data ? report.data.archivedAt === null : true;
  const list: PacketVersion[] = versions.data ?? [];
  const latest = list.reduce<PacketVersion | undefined>((best, v) => (!best || v.number > best.number ? v : best), undefined);
  const open = (radar.data?.signals ?? []).filter((s) => s.ack === null);
  const acked = (radar.data?.signals.length ?? 0) - open.length;

  return (
    <Stack gap="md" maw={1040}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>
            <Anchor component={Link} href={`/reports/${c.reportId}`} inherit>
              {c.reportName}
            </Anchor>{" "}
            <Text span inherit c="dimmed" fw={400}>
              → {c.targetLevel.name}
            </Text>
          </Title>
          <Text data-testid="candidate-cycle">
            Candidate in{" "}
            <Anchor component={Link} href={`/cycles/${c.cycleId}`}>
              {cycle.data?.name ?? "the cycle"}
            </Anchor>
            {cycle.data && (
              <>
                {" "}
                · packet due {formatDate(cycle.data.packetDue)} ({countdown(cycle.data.packetDue)}) · calibration{" "}
                <b>{formatDate(cycle.data.calibrationDate)}</b> ({countdown(cycle.data.calibrationDate)})
              </>
            )}
          </Text>
        </Stack>
        {editable && (
          <DeleteButton
            kind="candidate"
            id={c.id}
            label={`${c.reportName}'s candidacy`}
            onDeleted={() => {
              navigate(`/cycles/${c.cycleId}`);
            }}
          />
        )}
      </Group>
      {!editable && (
        <Alert color="gray" title="Archived report">
          {c.reportName} is archived: this candidacy is kept as it was and cannot be changed.
        </Alert>
      )}
      {radar.isError && <ErrorNotice error={radar.error} />}
      <CandidateSummary candidate={c} versions={versions.data} radar={radar.data} />
      <Tabs defaultValue="readiness">
        <Tabs.List>
          <Tabs.Tab value="readiness">Readiness</Tabs.Tab>
          <Tabs.Tab value="packet">Packet</Tabs.Tab>
          <Tabs.Tab value="versions">Versions{list.length ? ` (${list.length})` : ""}</Tabs.Tab>
          <Tabs.Tab value="reviews">Reviews</Tabs.Tab>
          <Tabs.Tab value="checklist">Rules of thumb</Tabs.Tab>
          <Tabs.Tab value="signals">Signals{radar.data ? ` (${open.length})` : ""}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="readiness" pt="md">
          <ReadinessSection candidate={c} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="packet" pt="md">
          {versions.isError && <ErrorNotice error={versions.error} />}
          {versions.isPending && <Loader aria-label="Loading the packet" />}
          {versions.data && !editable && (
            <Stack gap="sm">
              <Text c="dimmed">
                The packet cannot be changed while the report is archived.{latest ? ` Version ${latest.number}, the latest:` : " No version was saved."}
              </Text>
              {latest && <PacketView sections={latest.sections} />}
            </Stack>
          )}
          {versions.data && editable && (
            <PacketEditor key={`${latest?.number ?? 0}-${resets}`} candidate={c} latest={latest} onReset={() => setResets((n) => n + 1)} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          {versions.data && <VersionsSection key={latest?.number ?? 0} candidateId={c.id} versions={list} />}
        </Tabs.Panel>
        <Tabs.Panel value="reviews" pt="md">
          <ReviewsSection candidate={c} versions={list} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="checklist" pt="md">
          {radar.data ? <ChecklistSection candidate={c} radar={radar.data} editable={editable} /> : <Loader aria-label="Loading the checklist" />}
        </Tabs.Panel>
        <Tabs.Panel value="signals" pt="md">
          {radar.data ? (
            <Stack gap="xs">
              <SignalList signals={open} reportId={c.reportId} reportName={c.reportName} />
              {acked > 0 && (
                <Text size="xs" c="dimmed">
                  {acked} acknowledged or snoozed {acked === 1 ? "signal is" : "signals are"} on the Radar tab.
                </Text>
              )}
            </Stack>
          ) : (
            <Loader aria-label="Loading the signals" />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
