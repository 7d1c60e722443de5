// The first run. On an empty folder Today says what Trellis is for and gives the three first
// steps (add a report, record their mandate, add evidence), a way to look at the demo team and
// a way to bring an archive in. Once reports exist, the same steps stay on Today, ticked as they
// are done, until the first evidence is recorded.
import { Anchor, Card, Code, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconUserPlus } from "@tabler/icons-react";
import { useQueries } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "wouter";

import type { ReportGlance } from "../../bindings";
import { evidenceQuery, mandatesQuery } from "../../api/record";
import { ImportArchiveButton } from "../data/ImportArchive";
import { FirstSteps, type Progress } from "./FirstSteps";

/** Today on an empty folder: what Trellis is for, the three first steps, the demo, an archive. */
export function Welcome() {
  const heading = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={heading} data-testid="welcome">
      <Stack gap="md" maw={880}>
        <Stack gap={6}>
          <Title order={3} size="h2" id={heading}>
            Welcome to Trellis
          </Title>
          <Text size="lg" data-testid="welcome-purpose">
            Trellis helps you support staff-plus engineers so that nothing in a promotion packet
            surprises you, or them, at calibration.
          </Text>
          <Text>
            Keep each engineer’s archetype, their mandate, and the evidence of their work with who
            has seen it: the surprise radar warns you months ahead, and every 1:1 comes with a
            prep sheet. Nothing leaves this computer.
          </Text>
        </Stack>
        <FirstSteps progress={{ reports: 0 }} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <OtherWay title="Look around the demo team first" testId="welcome-demo">
            <Text size="sm">
              Start Trellis with <Code>trellis --demo</Code> (or <Code>scripts/run --demo</Code> in
              the source) to open an example team in a folder of its own, in a window of its own.
              Your data here is not touched.
            </Text>
          </OtherWay>
          <OtherWay title="Moving from another computer?" testId="welcome-import">
            <Text size="sm">
              Import the archive you exported there (Your data, Export everything). What is here
              is backed up first.
            </Text>
            <div>
              <ImportArchiveButton
                onImported={(o) =>
                  notifications.show({ color: "teal", message: `Imported ${o.summary.records} records from ${o.path}.` })
                }
              />
            </div>
          </OtherWay>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function OtherWay({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  const heading = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={heading} data-testid={testId}>
      <Title order={4} size="h5" id={heading}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * Today with a few reports and no evidence yet: the three steps, those done ticked. Nothing
 * while the answers come, and nothing once any evidence exists. Each report's evidence (and,
 * while there is none, its mandates) is asked for, as its page does: for a small roster only.
 */
export function GettingStarted({ roster }: { roster: ReportGlance[] }) {
  const heading = useId();
  const progress = useProgress(roster);
  if (!progress || progress.evidence) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={heading} data-testid="getting-started">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} size="h4" id={heading}>
            Getting started
          </Title>
          <Text size="sm" c="dimmed">
            Three steps before the radar has something to go on. This goes away once the first
            evidence is recorded.
          </Text>
        </Stack>
        <FirstSteps progress={progress} />
        <Text size="sm">
          <Anchor component={Link} href="/reports/new" inherit>
            <IconUserPlus size={14} aria-hidden style={{ verticalAlign: "-2px", marginRight: 4 }} />
            Add another report
          </Anchor>
        </Text>
      </Stack>
    </Card>
  );
}

/** Which steps are done; none while asking. */
function useProgress(roster: ReportGlance[]): Progress | null {
  const ids = roster.map((r) => r.reportId);
  const evidence = useQueries({ queries: ids.map((id) => evidenceQuery(id)) });
  const evidenceKnown = evidence.every((q) => q.data !== undefined);
  const anyEvidence = evidence.some((q) => (q.data?.length ?? 0) > 0);
  // Mandates are asked for only while no evidence exists: after that nothing here shows.
  const mandates = useQueries({
    queries: ids.map((id) => ({ ...mandatesQuery(id), enabled: evidenceKnown && !anyEvidence })),
  });
  if (!evidenceKnown) return null;
  if (anyEvidence) return { reports: roster.length, evidence: true };
  if (!mandates.every((q) => q.data !== undefined)) return null;
  const withMandate = roster.filter((_, i) => (mandates[i]?.data?.length ?? 0) > 0);
  const withoutMandate = roster.find((_, i) => (mandates[i]?.data?.length ?? 0) === 0);
  return {
    reports: roster.length,
    mandate: withMandate.length > 0,
    evidence: false,
    // Where each next step is done: the first report still without a mandate; the first with one.
    mandateFor: withoutMandate ?? roster[0],
    evidenceFor: withMandate[0] ?? roster[0],
  };
}
