import { List, Title } from "@mantine/core";

import { useLadderChanges } from "../../api/queries";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";

export function LadderHistory() {
  const changes = useLadderChanges();
  return (
    <section aria-label="Ladder history">
      <Title order={3} size="h5" mb="xs">
        History
      </Title>
      {changes.isError && <ErrorNotice error={changes.error} />}
      {changes.data?.length === 0 && (
        <EmptyLine testId="ladder-history-empty">
          No changes yet: this is the default ladder. Rename, add or move a level above to match your company’s; each change is listed here with its date.
        </EmptyLine>
      )}
      <List size="sm" spacing={4}>
        {changes.data?.map((c) => (
          <List.Item key={c.id}>
            {formatDate(c.changedAt)} — {c.detail}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
