// Add or edit a review round of the packet: who, in which role, which version, when it was
// asked for and received, what they said, and the rule of thumb the comments revealed.
import { Anchor, NativeSelect, SimpleGrid, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";

import type { Candidate, PacketReview, PacketVersion, ReviewDraft, ReviewerRole } from "../../bindings";
import { radarKeys, useAddReview, useRules, useUpdateReview } from "../../api/radar";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { PersonPicker } from "../../components/PersonPicker";
import { todayIso } from "../../lib/dates";
import { REVIEWER_ROLES } from "./format";

type Values = {
  reviewerId: string;
  reviewerRole: string;
  versionNumber: string;
  requestedOn: string;
  receivedOn: string;
  comments: string;
  revealedRuleId: string;
};

export function reviewDraft(v: Values): ReviewDraft {
  return {
    reviewerId: v.reviewerId || null,
    reviewerRole: (v.reviewerRole || null) as ReviewerRole | null,
    versionNumber: v.versionNumber ? Number(v.versionNumber) : null,
    requestedOn: v.requestedOn,
    receivedOn: v.receivedOn,
    comments: v.comments,
    revealedRuleId: v.revealedRuleId || null,
  };
}

function valuesOf(r: PacketReview | undefined, latest: number | undefined): Values {
  if (!r) {
    return { reviewerId: "", reviewerRole: "", versionNumber: latest ? String(latest) : "", requestedOn: todayIso(), receivedOn: "", comments: "", revealedRuleId: "" };
  }
  return {
    reviewerId: r.reviewer.id,
    reviewerRole: r.reviewerRole,
    versionNumber: r.versionNumber === null ? "" : String(r.versionNumber),
    requestedOn: r.requestedOn,
    receivedOn: r.receivedOn ?? "",
    comments: r.comments,
    revealedRuleId: r.revealedRuleId ?? "",
  };
}

type Props = {
  candidate: Candidate;
  versions: PacketVersion[];
  /** The review to edit; a new one when absent. */
  review?: PacketReview;
  onDone: () => void;
};

export function ReviewForm({ candidate, versions, review, onDone }: Props) {
  const add = useAddReview(candidate.id);
  const update = useUpdateReview();
  const rules = useRules();
  const client = useQueryClient();
  const latest = Math.max(0, ...versions.map((v) => v.number)) || undefined;
  const form = useRecordForm(valuesOf(review, latest), async (v) => {
    const draft = reviewDraft(v);
    const saved = review ? await update.mutateAsync({ id: review.id, expectedVersion: review.version, draft }) : await add.mutateAsync(draft);
    notifications.show({ message: review ? `Saved ${saved.reviewer.name}'s review.` : `Added a review by ${saved.reviewer.name}.`, color: "teal" });
    onDone();
  });
  const { text } = form;
  const ruleOptions = (rules.data ?? [])
    .filter((r) => !r.retired || r.id === form.values.revealedRuleId)
    .map((r) => ({ value: r.id, label: `${r.wording}${r.confirmed ? "" : " (hearsay)"}` }));

  return (
    <RecordForm
      form={form}
      label={review ? `Edit review by ${review.reviewer.name}` : "New review"}
      submitLabel={review ? "Save changes" : "Add review"}
      onCancel={onDone}
      onReload={review ? () => void client.invalidateQueries({ queryKey: radarKeys.reviews(candidate.id) }) : undefined}
      autoFocus
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PersonPicker
          label="Reviewer"
          required
          value={form.values.reviewerId || null}
          onChange={(id) => form.set("reviewerId", id ?? "")}
          newRelationship="my_org"
          {...form.field("reviewerId")}
        />
        <NativeSelect label="Reviewer's role" withAsterisk data={[{ value: "", label: "Choose…" }, ...REVIEWER_ROLES]} {...text("reviewerRole")} />
        <NativeSelect
          label="Version reviewed"
          data={[
            { value: "", label: versions.length ? "No particular version" : "No version saved yet" },
            ...[...versions].sort((a, b) => b.number - a.number).map((v) => ({ value: String(v.number), label: `Version ${v.number}` })),
          ]}
          {...text("versionNumber")}
        />
        <div />
        <DateInput label="Requested on" withAsterisk {...text("requestedOn")} />
        <DateInput label="Received on" description="Leave empty while the review is awaited" {...text("receivedOn")} />
      </SimpleGrid>
      <Textarea label="Comments" description="What they said, in their words" autosize minRows={3} maxRows={14} {...text("comments")} />
      <NativeSelect
        label="Rule of thumb it revealed"
        description={
          <>
            Comments are how unwritten criteria surface early. Not in the list? Add it to the{" "}
            <Anchor component={Link} href="/rules" inherit>
              rules of thumb
            </Anchor>{" "}
            first.
          </>
        }
        data={[{ value: "", label: "None" }, ...ruleOptions]}
        {...text("revealedRuleId")}
      />
    </RecordForm>
  );
}
