// The packet's review rounds, which of the key reviews (staff-level peer, manager, skip-level)
// are in, awaited or missing, and the form to add or edit a round.
import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconMessagePlus } from "@tabler/icons-react";
import { useState } from "react";

import type { Candidate, PacketReview, PacketVersion, ReviewerRole } from "../../bindings";
import { useReviews, useRules } from "../../api/radar";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { KEY_ROLES, roleLabel } from "./format";
import { ReviewCard } from "./ReviewCard";
import { ReviewForm } from "./ReviewForm";

/** Where a key role stands: received (when), requested and awaited, or missing. */
export function roleStatus(reviews: PacketReview[], role: ReviewerRole): { state: "received" | "awaited" | "missing"; on?: string } {
  const mine = reviews.filter((r) => r.reviewerRole === role);
  const received = mine.filter((r) => r.receivedOn).sort((a, b) => (b.receivedOn ?? "").localeCompare(a.receivedOn ?? ""))[0];
  if (received?.receivedOn) return { state: "received", on: received.receivedOn };
  const asked = mine[0];
  return asked ? { state: "awaited", on: asked.requestedOn } : { state: "missing" };
}

export function KeyRoles({ reviews }: { reviews: PacketReview[] }) {
  return (
    <Group gap="xs" data-testid="key-roles">
      {KEY_ROLES.map((role) => {
        const s = roleStatus(reviews, role);
        const color = s.state === "received" ? "teal" : s.state === "awaited" ? "yellow" : "red";
        const text =
          s.state === "received" ? `reviewed ${formatDate(s.on ?? "")}` : s.state === "awaited" ? `asked ${formatDate(s.on ?? "")}, awaited` : "missing";
        return (
          <Badge key={role} color={color} variant="light" size="lg" tt="none" data-testid={`key-role-${role}`} data-state={s.state}>
            {roleLabel(role)}: {text}
          </Badge>
        );
      })}
    </Group>
  );
}

type Props = { candidate: Candidate; versions: PacketVersion[]; editable: boolean };

export function ReviewsSection({ candidate, versions, editable }: Props) {
  const reviews = useReviews(candidate.id);
  const rules = useRules();
  const [editing, setEditing] = useState<string | null>(null);
  if (reviews.isPending) return <Loader aria-label="Loading reviews" />;
  if (reviews.isError) return <ErrorNotice error={reviews.error} />;
  const list = reviews.data;
  const done = () => setEditing(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm">Every packet needs a staff-level peer, the manager and the skip-level to have read it before calibration.</Text>
          <KeyRoles reviews={list} />
        </Stack>
        {editable && (
          <Button leftSection={<IconMessagePlus size={16} aria-hidden />} onClick={() => setEditing("new")} disabled={editing !== null}>
            Add review
          </Button>
        )}
      </Group>
      {editing === "new" && (
        <Card withBorder>
          <Title order={4} size="h5" mb="sm">
            Add a review round
          </Title>
          <ReviewForm candidate={candidate} versions={versions} onDone={done} />
        </Card>
      )}
      {list.length === 0 && editing !== "new" && (
        <EmptyLine testId="no-reviews">
          No reviews yet. Ask a staff-level peer first, then add the review round here: their comments are the surest way to hear the rules of thumb before the committee applies them.
        </EmptyLine>
      )}
      {list.map((r) =>
        editing === r.id ? (
          <Card withBorder key={r.id}>
            <Title order={4} size="h5" mb="sm">
              Edit the review by {r.reviewer.name}
            </Title>
            <ReviewForm key={r.version} candidate={candidate} versions={versions} review={r} onDone={done} />
          </Card>
        ) : (
          <ReviewCard key={r.id} review={r} rules={rules.data ?? []} editable={editable && editing === null} onEdit={() => setEditing(r.id)} />
        ),
      )}
    </Stack>
  );
}
