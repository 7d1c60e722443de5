import { List, Text, Title } from "@mantine/core";

import { useLadderChanges } from "../../api/queries";
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
        <Text c="dimmed" size="sm">
          No changes yet: this is the default ladder. Changes you make are listed here with their date.
        </Text>
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
