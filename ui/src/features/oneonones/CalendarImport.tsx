// "Import from a calendar file…": the manager picks an .ics file (a single invitation or a
// recurring series, as calendar apps export them), sees which report each invitation is for and
// the 1:1s it would plan in the next quarter (new, already planned, cancelled in the calendar),
// changes the report or skips an invitation, and plans them. The same file imported again plans
// nothing new. Many companies forbid connecting a calendar: a file is the way in.
import { Alert, Badge, Button, Card, Group, List, Modal, Select, Stack, Text } from "@mantine/core";
import { IconCalendarPlus } from "@tabler/icons-react";
import { useState } from "react";

import type { CalendarChoice, CalendarFile, InvitationPreview } from "../../bindings";
import { useCalendarPreview, useImportCalendar, useOpenCalendarFile } from "../../api/calendar";
import { useReports } from "../../api/queries";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate, plural } from "../../lib/dates";

const SKIP = "skip";

export function CalendarImportButton({ size = "sm" }: { size?: "xs" | "sm" }) {
  const open = useOpenCalendarFile();
  const [file, setFile] = useState<CalendarFile | null>(null);
  return (
    <>
      <Button
        size={size}
        variant="default"
        leftSection={<IconCalendarPlus size={16} aria-hidden />}
        loading={open.isPending}
        onClick={() => open.mutate(undefined, { onSuccess: (picked) => picked && setFile(picked) })}
        data-testid="calendar-import"
      >
        Import from a calendar file…
      </Button>
      {open.isError && <ErrorNotice error={open.error} />}
      {file && <CalendarImportDialog file={file} onClose={() => setFile(null)} />}
    </>
  );
}

export function CalendarImportDialog({ file, onClose }: { file: CalendarFile; onClose: () => void }) {
  const [choices, setChoices] = useState<CalendarChoice[]>([]);
  const [opened] = useState(() => Date.now());
  const preview = useCalendarPreview({ text: file.text, opened }, choices);
  const reports = useReports("active").data ?? [];
  const doImport = useImportCalendar();
  const invitations = preview.data?.invitations ?? [];
  const toPlan = invitations.filter((i) => i.report).reduce((n, i) => n + i.toPlan.length, 0);

  const choose = (uid: string, value: string | null) =>
    setChoices((now) => [
      ...now.filter((c) => c.uid !== uid),
      { uid, reportId: value === SKIP || value === null ? null : value },
    ]);
  const submit = async () => {
    if (await doImport.mutateAsync({ text: file.text, choices }).catch(() => null)) onClose();
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={`Plan 1:1s from ${file.name}`} data-testid="calendar-preview">
      <Stack gap="md">
        {preview.isError && <ErrorNotice error={preview.error} />}
        {preview.data && (
          <Text size="sm" c="dimmed">
            The next quarter, {formatDate(preview.data.from)} to {formatDate(preview.data.until)}. Importing the file
            again later plans only what is new.
          </Text>
        )}
        {invitations.map((invitation) => (
          <InvitationCard
            key={invitation.uid}
            invitation={invitation}
            reports={reports.map((r) => ({ value: r.id, label: r.name }))}
            onChoose={(value) => choose(invitation.uid, value)}
          />
        ))}
        {doImport.isError && <ErrorNotice error={doImport.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} disabled={toPlan === 0 || preview.isFetching} loading={doImport.isPending} data-testid="calendar-plan">
            {toPlan === 0 ? "Nothing new to plan" : `Plan ${plural(toPlan, "1:1")}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function InvitationCard({
  invitation,
  reports,
  onChoose,
}: {
  invitation: InvitationPreview;
  reports: { value: string; label: string }[];
  onChoose: (value: string | null) => void;
}) {
  const title = invitation.title || "A meeting without a title";
  const chosen = invitation.report?.id ?? SKIP;
  return (
    <Card withBorder padding="sm" data-testid="calendar-invitation">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{title}</Text>
          <Badge variant="light" color="gray">
            {invitation.repeats ? "Recurring series" : "One meeting"}
          </Badge>
        </Group>
        {invitation.attendees.length > 0 && (
          <Text size="sm" c="dimmed">
            With {invitation.attendees.join(", ")}
          </Text>
        )}
        {invitation.problem ? (
          <Alert color="orange" p="xs" data-testid="calendar-unread">
            Not read, so nothing is planned from it: {invitation.problem} The other invitations in the file still plan.
          </Alert>
        ) : (
          <InvitationPlan invitation={invitation} reports={reports} chosen={chosen} onChoose={onChoose} />
        )}
      </Stack>
    </Card>
  );
}

function InvitationPlan({
  invitation,
  reports,
  chosen,
  onChoose,
}: {
  invitation: InvitationPreview;
  reports: { value: string; label: string }[];
  chosen: string;
  onChoose: (value: string | null) => void;
}) {
  return (
    <>
        <Select
          label="Plan 1:1s with"
          description={
            invitation.matched
              ? "Found from the names on the invitation; change it if it is someone else."
              : invitation.report
                ? undefined
                : "Nobody on your roster matched the names on it: choose the report, or skip it."
          }
          data={[...reports, { value: SKIP, label: "Nobody: skip this invitation" }]}
          value={chosen}
          onChange={onChoose}
          allowDeselect={false}
          maw={360}
        />
        {invitation.report ? (
          <DayList label={`New 1:1s to plan (${invitation.toPlan.length})`} days={invitation.toPlan} testId="calendar-to-plan" />
        ) : (
          <Text size="sm">{plural(invitation.toPlan.length, "meeting")} in the next quarter; nothing is planned while it is skipped.</Text>
        )}
        {invitation.alreadyPlanned.length > 0 && (
          <DayList label="Already planned (left as they are)" days={invitation.alreadyPlanned} testId="calendar-already" />
        )}
        {invitation.cancelled.length > 0 && (
          <DayList label="Cancelled in the calendar (not planned)" days={invitation.cancelled} testId="calendar-cancelled" />
        )}
        {invitation.cancelledButPlanned.length > 0 && (
          <Alert color="orange" p="xs">
            Cancelled in the calendar but planned in Trellis: {invitation.cancelledButPlanned.map(formatDate).join(", ")}. They stay;
            delete them from the 1:1s tab if they are off.
          </Alert>
        )}
        {invitation.unknownZones.length > 0 && (
          <Text size="sm" c="dimmed">
            The time zone {invitation.unknownZones.join(", ")} is not one Trellis knows: days are read as the file writes them.
          </Text>
        )}
    </>
  );
}

function DayList({ label, days, testId }: { label: string; days: string[]; testId: string }) {
  if (days.length === 0) return <Text size="sm">{label.replace(/ \(\d+\)$/, "")}: none</Text>;
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <List size="sm" spacing={0} style={{ columns: "10rem" }}>
        {days.map((d) => (
          <List.Item key={d}>{formatDate(d)}</List.Item>
        ))}
      </List>
    </div>
  );
}

