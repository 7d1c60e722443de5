// The three first steps, numbered, each with the way to do it, those done ticked: add a report,
// record their mandate (the report's Overview tab), add evidence (its Evidence tab).
import { Anchor, Badge, Button, Group, Stack, Text, ThemeIcon, VisuallyHidden } from "@mantine/core";
import { IconCheck, IconUserPlus } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "wouter";

import type { ReportGlance } from "../../bindings";
import { plural } from "../../lib/dates";

/** What is done so far. `mandateFor`/`evidenceFor`: the report whose page the next step is on. */
export type Progress = {
  reports: number;
  mandate?: boolean;
  evidence?: boolean;
  mandateFor?: ReportGlance;
  evidenceFor?: ReportGlance;
};

type Step = { title: string; text: ReactNode; done: boolean; doneText?: string; action?: ReactNode };

export function FirstSteps({ progress: p }: { progress: Progress }) {
  const steps: Step[] = [
    {
      title: "Add a report",
      text: "Someone you support: their level and target, the archetype they work as and the one the organisation needs.",
      done: p.reports > 0,
      doneText: `${plural(p.reports, "report")} added`,
      action:
        p.reports === 0 ? (
          <Button component={Link} href="/reports/new" leftSection={<IconUserPlus size={16} aria-hidden />} data-testid="welcome-add-report">
            Add a report
          </Button>
        ) : undefined,
    },
    {
      title: "Record their mandate",
      text: "What the company values from them now: the problem they own, the priority it serves, who sponsors it. On the report’s page, Overview tab.",
      done: p.mandate === true,
      doneText: "a mandate is recorded",
      action: p.mandateFor && !p.mandate && (
        <Anchor component={Link} href={`/reports/${p.mandateFor.reportId}/overview`} data-testid="welcome-mandate-link">
          Set {p.mandateFor.reportName}’s mandate
        </Anchor>
      ),
    },
    {
      title: "Add evidence",
      text: "Their work as it happens: what, when, their role, the impact and who has seen it. On the report’s page, Evidence tab.",
      done: p.evidence === true,
      doneText: "evidence is recorded",
      action: p.evidenceFor && !p.evidence && (
        <Anchor component={Link} href={`/reports/${p.evidenceFor.reportId}/evidence`} data-testid="welcome-evidence-link">
          Add evidence for {p.evidenceFor.reportName}
        </Anchor>
      ),
    },
  ];
  return (
    // list-style none drops WebKit's list semantics: role="list" keeps them for screen readers.
    <Stack component="ol" role="list" gap="md" p={0} m={0} style={{ listStyle: "none" }} aria-label="First steps">
      {steps.map((s, i) => (
        <Group component="li" key={s.title} wrap="nowrap" align="flex-start" gap="md" data-testid="welcome-step" data-done={s.done || undefined}>
          <ThemeIcon radius="xl" size={34} variant={s.done ? "filled" : "light"} aria-hidden>
            {s.done ? <IconCheck size={20} /> : <Text fw={700}>{i + 1}</Text>}
          </ThemeIcon>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600} data-testid="step-title">
                <VisuallyHidden>Step {i + 1}: </VisuallyHidden>
                {s.title}
              </Text>
              {s.done && (
                <Badge variant="light" size="sm" data-testid="step-done">
                  Done: {s.doneText}
                </Badge>
              )}
            </Group>
            <Text size="sm" c={s.done ? "dimmed" : undefined}>
              {s.text}
            </Text>
            {s.action && <div>{s.action}</div>}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
