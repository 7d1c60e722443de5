// The "…" menu of a note, an agenda item or an action item: edit it, or promote it to evidence
// or to a mentee's feedback. What is made keeps a link back to the 1:1 it came from.
import { Alert, Anchor, Button, Group, Loader, Menu, Modal, NativeSelect, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots, IconLock, IconMessageHeart, IconPencil, IconTrophy } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { Link } from "wouter";

import type { FeedbackDraft, Report, SourceRef } from "../../bindings";
import { useEvidenceFromOneOnOne, useFeedbackFromOneOnOne } from "../../api/oneOnOnes";
import { useMentorships } from "../../api/record";
import { ErrorNotice } from "../../components/ErrorNotice";
import { IconButton } from "../../components/IconButton";
import { focusRecord } from "../../lib/focus";
import { EMPTY_EVIDENCE, evidenceDraft } from "../evidence/draft";
import { EvidenceForm } from "../evidence/EvidenceForm";
import { FeedbackForm } from "../mentorship/FeedbackForm";
import { newFeedback } from "../mentorship/MentorshipCard";
import { currentFirst } from "../mentorship/shared";
import { dayDate } from "./dates";
import { titleFrom } from "./shared";

/** 1:1 content that can become evidence or feedback. */
export type Source = {
  ref: SourceRef;
  text: string;
  /** The 1:1's date (or when the item was raised): the evidence's start, the feedback's date. */
  on: string;
  /** In words, for the menu's name: "the note “We agreed…”". */
  what: string;
  /** A private note, or an agenda item not shared with the report: the manager's eyes only. */
  private: boolean;
};

type Props = { report: Report; source: Source; onEdit?: () => void };

export function ItemMenu({ report, source, onEdit }: Props) {
  const [making, setMaking] = useState<"evidence" | "feedback" | null>(null);
  // The menu is built the first time it is opened: every note and item of every 1:1 has one,
  // and a Mantine Menu each made a report's 1:1s tab slow to open.
  const [built, setBuilt] = useState(false);
  const [opened, setOpened] = useState(false);
  const target = useRef<HTMLButtonElement>(null);
  // Once built, the menu's own button takes focus before the menu opens, so that closing the
  // menu (Escape, a choice) gives focus back to it.
  useEffect(() => {
    if (!built) return;
    target.current?.focus();
    const frame = window.requestAnimationFrame(() => setOpened(true));
    return () => window.cancelAnimationFrame(frame);
  }, [built]);
  const label = `More for ${source.what}`;
  const hint = onEdit ? "Edit, make evidence or mentee feedback" : "Make evidence or mentee feedback";
  return (
    <>
      {built ? (
        <Menu position="bottom-end" opened={opened} onChange={setOpened}>
          <Menu.Target>
            <IconButton ref={target} color="gray" label={label} hint={hint}>
              <IconDots size={18} />
            </IconButton>
          </Menu.Target>
          <Menu.Dropdown>
            {onEdit && (
              <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
                Edit
              </Menu.Item>
            )}
            <Menu.Item leftSection={<IconTrophy size={14} aria-hidden />} onClick={() => setMaking("evidence")}>
              Make evidence…
            </Menu.Item>
            <Menu.Item leftSection={<IconMessageHeart size={14} aria-hidden />} onClick={() => setMaking("feedback")}>
              Make mentee feedback…
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : (
        <IconButton color="gray" label={label} hint={hint} aria-haspopup="menu" aria-expanded={false} onClick={() => setBuilt(true)}>
          <IconDots size={18} />
        </IconButton>
      )}
      {making === "evidence" && <MakeEvidence report={report} source={source} onClose={() => setMaking(null)} />}
      {making === "feedback" && <MakeFeedback report={report} source={source} onClose={() => setMaking(null)} />}
    </>
  );
}

function Quote({ source, becomes }: { source: Source; becomes: string }) {
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        From the 1:1 on {dayDate(source.on)}. The form is filled in from it: check the rest before saving.
      </Text>
      {source.private && (
        <Alert color="orange" variant="light" icon={<IconLock aria-hidden />} title="This text is private" data-testid="private-source-warning">
          It was kept for your eyes only. As {becomes} it can be shared: it may appear in the committee brief, a packet draft and
          exports. Edit out what should stay private before saving.
        </Alert>
      )}
    </Stack>
  );
}

/** Evidence made from 1:1 content: title from its first line, the text as description. */
function MakeEvidence({ report, source, onClose }: { report: Report; source: Source; onClose: () => void }) {
  const derive = useEvidenceFromOneOnOne(report.id);
  const initial = { ...EMPTY_EVIDENCE, title: titleFrom(source.text), description: source.text, startedOn: source.on };
  return (
    // Leaving goes through the form's Cancel, which asks before typed values are thrown away.
    <Modal opened onClose={onClose} title="Make evidence from a 1:1" size="xl" closeOnEscape={false} closeOnClickOutside={false} withCloseButton={false}>
      <Stack gap="sm">
        <Quote source={source} becomes="evidence" />
        <EvidenceForm
          report={report}
          initial={initial}
          label="Make evidence"
          submitLabel="Add evidence"
          onCancel={onClose}
          onSubmit={async (values) => {
            const created = await derive.mutateAsync({ source: source.ref, draft: evidenceDraft(values) });
            notifications.show({
              color: "teal",
              message: (
                <>
                  Added “{created.title}” to {report.name}'s evidence.{" "}
                  <Anchor component={Link} href={`/reports/${report.id}/evidence`} onClick={() => focusRecord(created.id)} size="sm">
                    Open it
                  </Anchor>
                </>
              ),
            });
            onClose();
          }}
        />
      </Stack>
    </Modal>
  );
}

/** Feedback about one of the report's mentorships, in the words noted in the 1:1. */
function MakeFeedback({ report, source, onClose }: { report: Report; source: Source; onClose: () => void }) {
  const mentorships = useMentorships(report.id);
  const derive = useFeedbackFromOneOnOne(report.id);
  const list = currentFirst(mentorships.data ?? []);
  const current = list.filter((m) => m.endedOn === null);
  const [chosen, setChosen] = useState<string | null>(null);
  // With one current mentee, it is theirs unless the manager picks another.
  const mentorshipId = chosen ?? (current.length === 1 ? (current[0]?.id ?? "") : "");
  const mentorship = list.find((m) => m.id === mentorshipId);
  const initial: FeedbackDraft = { ...newFeedback(), source: null, words: source.text, receivedOn: source.on };
  return (
    <Modal opened onClose={onClose} title="Make mentee feedback from a 1:1" size="lg" closeOnEscape={false} closeOnClickOutside={false} withCloseButton={false}>
      <Stack gap="sm">
        <Quote source={source} becomes="mentee feedback" />
        {mentorships.isError && <ErrorNotice error={mentorships.error} />}
        {mentorships.isPending && <Loader size="sm" aria-label="Loading the mentorships" />}
        {mentorships.data && list.length === 0 && (
          <Text size="sm" data-testid="no-mentees">
            No mentees are recorded for {report.name}. Add the mentee on the{" "}
            <Anchor component={Link} href={`/reports/${report.id}/mentorship`}>
              Mentorship tab
            </Anchor>{" "}
            first, then make the feedback from here.
          </Text>
        )}
        {list.length > 0 && (
          <NativeSelect
            label="Whose mentoring is it about?"
            data={[
              { value: "", label: "Choose the mentee…" },
              ...list.map((m) => ({ value: m.id, label: m.endedOn ? `${m.mentee.name} (ended)` : m.mentee.name })),
            ]}
            value={mentorshipId}
            onChange={(e) => setChosen(e.currentTarget.value)}
          />
        )}
        {mentorship ? (
          <FeedbackForm
            key={mentorship.id}
            reportId={report.id}
            initial={initial}
            title={`Feedback from ${mentorship.mentee.name}`}
            submitLabel="Add feedback"
            onCancel={onClose}
            onSubmit={async (draft) => {
              await derive.mutateAsync({ source: source.ref, mentorshipId: mentorship.id, draft });
              notifications.show({ color: "teal", message: `Added feedback from ${mentorship.mentee.name} to ${report.name}'s mentorship record.` });
              onClose();
            }}
          />
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
