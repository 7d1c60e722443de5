import { Loader, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";

import { keys, useLadder, useReport, useUpdateReport } from "../../api/queries";
import { ErrorNotice } from "../../components/ErrorNotice";
import { draftFromForm, formFromReport } from "./draft";
import { ReportForm } from "./ReportForm";
import { useTeams } from "./useTeams";

export function EditReportPage({ id }: { id: string }) {
  const report = useReport(id);
  const ladder = useLadder();
  const teams = useTeams();
  const update = useUpdateReport();
  const client = useQueryClient();
  const [, navigate] = useLocation();

  if (report.isError) return <ErrorNotice error={report.error} />;
  if (ladder.isError) return <ErrorNotice error={ladder.error} />;
  if (!report.data || !ladder.data) return <Loader aria-label="Loading the report" />;
  const current = report.data;

  return (
    <Stack gap="md">
      <Title order={2}>Edit {current.name}</Title>
      <ReportForm
        // A reload after a conflict gives a fresh form on the latest version.
        key={current.version}
        initial={formFromReport(current)}
        ladder={ladder.data}
        teams={teams}
        submitLabel="Save changes"
        onCancel={() => navigate(`/reports/${id}`)}
        onSubmit={async (values) => {
          const saved = await update.mutateAsync({ id, expectedVersion: current.version, draft: draftFromForm(values) });
          notifications.show({ message: `Saved ${saved.name}.`, color: "teal" });
          navigate(`/reports/${id}`);
        }}
        onReload={() => void client.invalidateQueries({ queryKey: keys.report(id) })}
      />
    </Stack>
  );
}
