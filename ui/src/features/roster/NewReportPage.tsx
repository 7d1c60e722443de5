import { Loader, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useLocation } from "wouter";

import { useCreateReport, useLadder } from "../../api/queries";
import { ErrorNotice } from "../../components/ErrorNotice";
import { EMPTY_FORM, draftFromForm } from "./draft";
import { ReportForm } from "./ReportForm";
import { useTeams } from "./useTeams";

export function NewReportPage() {
  const ladder = useLadder();
  const teams = useTeams();
  const create = useCreateReport();
  const [, navigate] = useLocation();

  return (
    <Stack gap="md">
      <Title order={2}>Add a report</Title>
      {ladder.isPending && <Loader aria-label="Loading the ladder" />}
      {ladder.isError && <ErrorNotice error={ladder.error} />}
      {ladder.data && (
        <ReportForm
          initial={EMPTY_FORM}
          ladder={ladder.data}
          teams={teams}
          submitLabel="Add report"
          onCancel={() => navigate("/roster")}
          onSubmit={async (values) => {
            const report = await create.mutateAsync(draftFromForm(values));
            notifications.show({ message: `Added ${report.name} to the roster.`, color: "teal" });
            navigate(`/reports/${report.id}`);
          }}
        />
      )}
    </Stack>
  );
}

