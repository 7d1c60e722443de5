// One saved packet version, read rather than edited: every section, its free text shown as
// Markdown (the editor's fields take Markdown); empty sections say so.
import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

import type { PacketSections } from "../../bindings";
import { EmptyLine } from "../../components/Empty";
import { Markdown } from "../../components/Markdown";

export function PacketView({ sections: s }: { sections: PacketSections }) {
  const projects = s.staffProjects ?? [];
  const gaps = s.knownGaps ?? [];
  return (
    <Stack gap="md" data-testid="packet-view">
      <Section title="Staff-level projects" empty={projects.length === 0}>
        {projects.map((p, i) => (
          <Row key={i} title={p.title || `Project ${i + 1}`} evidence={p.evidenceIds?.length}>
            <Field label="Goal" text={p.goal} />
            <Field label="Complexity" text={p.complexity} />
            <Field label="Impact" text={p.impact} />
            <Field label="Design docs" text={p.designDocs} />
          </Row>
        ))}
      </Section>
      <ItemsSection title="Improvements to the organisation" items={s.orgImprovements} />
      <TextSection title="Quantified impact" text={s.quantifiedImpact} />
      <TextSection title="Mentorship" text={s.mentorship} />
      <ItemsSection title="Glue work" items={s.glueWork} />
      <TextSection title="Advocates" text={s.advocates} />
      <Section title="Known gaps" empty={gaps.length === 0}>
        {gaps.map((g, i) => (
          <Card key={i} withBorder padding="sm" data-testid="packet-view-row">
            <Text size="sm" fw={600} component="div">
              <Markdown inline>{g.gap || `Gap ${i + 1}`}</Markdown>
            </Text>
            <Field label="Plan" text={g.plan} />
          </Card>
        ))}
      </Section>
    </Stack>
  );
}

function Section({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Title order={5}>{title}</Title>
      {empty ? (
        <EmptyLine>Nothing written in this version.</EmptyLine>
      ) : (
        children
      )}
    </Stack>
  );
}

function TextSection({ title, text }: { title: string; text?: string }) {
  return (
    <Section title={title} empty={!text?.trim()}>
      <Markdown>{text ?? ""}</Markdown>
    </Section>
  );
}

function ItemsSection({ title, items = [] }: { title: string; items?: { title?: string; body?: string; evidenceIds?: string[] }[] }) {
  return (
    <Section title={title} empty={items.length === 0}>
      {items.map((item, i) => (
        <Row key={i} title={item.title || `Item ${i + 1}`} evidence={item.evidenceIds?.length}>
          {item.body?.trim() && <Markdown>{item.body}</Markdown>}
        </Row>
      ))}
    </Section>
  );
}

function Row({ title, evidence = 0, children }: { title: string; evidence?: number; children: ReactNode }) {
  return (
    <Card withBorder padding="sm" data-testid="packet-view-row">
      <Group gap="xs" mb={4}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {evidence > 0 && (
          <Badge size="sm" variant="light" color="gray">
            {evidence} evidence {evidence === 1 ? "item" : "items"}
          </Badge>
        )}
      </Group>
      <Stack gap={6}>{children}</Stack>
    </Card>
  );
}

function Field({ label, text }: { label: string; text?: string }) {
  if (!text?.trim()) return null;
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Markdown>{text}</Markdown>
    </div>
  );
}
