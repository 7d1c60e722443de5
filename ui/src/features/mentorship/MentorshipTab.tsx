// The report's mentees and what the mentees themselves say about being mentored. Mentorship is
// a ladder checkbox, so only the mentees' own words show whether it is real.
import { Button, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlant2, IconPlus } from "@tabler/icons-react";
import { useState } from "react";

import type { MentorshipDraft, Report } from "../../bindings";
import { useCreateMentorship, useMentorships } from "../../api/record";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { todayIso } from "../../lib/dates";
import { MentorshipCard } from "./MentorshipCard";
import { MentorshipForm } from "./MentorshipForm";
import { currentFirst } from "./shared";

export function MentorshipTab({ report }: { report: Report }) {
  const mentorships = useMentorships(report.id);
  const create = useCreateMentorship(report.id);
  const [adding, setAdding] = useState(false);
  const readOnly = report.archivedAt !== null;

  const save = async (draft: MentorshipDraft) => {
    const saved = await create.mutateAsync(draft);
    notifications.show({ message: `Added ${saved.mentee.name} as a mentee of ${report.name}.`, color: "teal" });
    setAdding(false);
  };

  if (mentorships.isError) return <ErrorNotice error={mentorships.error} />;
  if (!mentorships.data) return <Loader aria-label="Loading the mentorships" />;
  const list = currentFirst(mentorships.data);
  const current = list.filter((m) => m.endedOn === null).length;
  const firstName = report.name.split(" ")[0] ?? report.name;
  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} data-testid="add-mentorship">
      Add a mentee
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={3} size="h3">
            Mentees
          </Title>
          {list.length > 0 && (
            <Text size="sm" c="dimmed">
              {current} current, {list.length - current} past · current first
            </Text>
          )}
        </Stack>
        {!readOnly && !adding && list.length > 0 && addButton}
      </Group>
      {adding && (
        <MentorshipForm
          report={report}
          initial={{ menteeId: null, goals: "", startedOn: todayIso(), endedOn: "" }}
          title={`Add a mentee of ${report.name}`}
          submitLabel="Add mentee"
          onSubmit={save}
          onCancel={() => setAdding(false)}
        />
      )}
      {list.length === 0 && !adding && (
        <Empty
          icon={<IconPlant2 size={32} aria-hidden />}
          title={`No mentees recorded for ${firstName}`}
          next={`Add who ${firstName} mentors, then what each mentee says about being mentored.`}
          action={!readOnly && addButton}
          why={`Mentorship is a ladder checkbox, so some people “do mentorship” to get promoted while their mentees experience it badly. Only the mentees’ own words tell: negative feedback found early can be acted on, and quotable praise is at hand for calibration.`}
          testId="mentorship-empty"
        />
      )}
      {list.map((m) => (
        <MentorshipCard key={m.id} report={report} mentorship={m} readOnly={readOnly} />
      ))}
    </Stack>
  );
}
