// The candidacy at a glance: readiness, packet, key reviews, rules of thumb and open signals.
import { Badge, Card, Group, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

import type { Candidate, PacketVersion, ReportRadar } from "../../bindings";
import { useReviews } from "../../api/radar";
import { formatDate } from "../../lib/dates";
import { ReadinessBadge } from "./DashboardTable";
import { SEVERITIES } from "./format";
import { KeyRoles } from "./ReviewsSection";

type Props = {
  candidate: Candidate;
  /** The saved versions; undefined while loading. */
  versions: PacketVersion[] | undefined;
  radar: ReportRadar | undefined;
};

export function CandidateSummary({ candidate, versions, radar }: Props) {
  const latest = versions?.reduce<PacketVersion | undefined>((best, v) => (!best || v.number > best.number ? v : best), undefined);
  const reviews = useReviews(candidate.id);
  const judged = radar?.candidacy?.id === candidate.id;
  const open = (radar?.signals ?? []).filter((s) => s.ack === null);
  const items = radar?.checklist ?? [];
  return (
    <Card withBorder data-testid="candidate-summary">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Fact label="Readiness">
          <ReadinessBadge readiness={candidate.readiness} />
        </Fact>
        <Fact label="Packet" testId="summary-packet">
          {!versions ? "…" : latest ? (
            <Text size="sm">
              Version {latest.number}, saved {formatDate(latest.savedOn)}
            </Text>
          ) : (
            <Badge color="orange" variant="light">
              no draft
            </Badge>
          )}
        </Fact>
        <Fact label="Rules of thumb">
          {!radar ? "…" : !judged ? "see the next cycle" : items.length === 0 ? "none apply" : (
            <Text size="sm">
              {items.filter((i) => i.status === "met").length} met ·{" "}
              <Text span c={items.some((i) => i.status === "unmet") ? "red" : undefined} inherit>
                {items.filter((i) => i.status === "unmet").length} unmet
              </Text>{" "}
              · {items.filter((i) => i.status === "unknown").length} unknown
            </Text>
          )}
        </Fact>
        <Fact label="Open signals">
          {!radar ? "…" : open.length === 0 ? "none" : (
            <Group gap={4}>
              {SEVERITIES.map((s) => {
                const n = open.filter((x) => x.severity === s.value).length;
                return n === 0 ? null : (
                  <Badge key={s.value} color={s.color} variant="filled" autoContrast>
                    {n} {s.label.toLowerCase()}
                  </Badge>
                );
              })}
            </Group>
          )}
        </Fact>
      </SimpleGrid>
      {reviews.data && (
        <Group gap="xs" mt="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Key reviews
          </Text>
          <KeyRoles reviews={reviews.data} />
        </Group>
      )}
    </Card>
  );
}

function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
