// Every 1:1, at any scale: planned ones, then held ones newest first, ten at a time with
// "Show older", and a box that finds a 1:1 by anything written in it. A report with years of
// weekly 1:1s opens as fast as one with a few.
import { Button, Group, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";

import type { Meeting, Report } from "../../bindings";
import { useFocusedRecord } from "../../lib/focus";
import { matching, PAGE, shownCount } from "./history";
import { MeetingCard } from "./MeetingCard";

type Props = { report: Report; meetings: Meeting[]; today: string; readOnly: boolean; latestHeld: string | undefined };

export function MeetingHistory({ report, meetings, today, readOnly, latestHeld }: Props) {
  const [find, setFind] = useState("");
  const [pages, setPages] = useState(1);
  const focused = useFocusedRecord();
  const found = matching(meetings, find);
  const planned = found.filter((m) => m.heldOn > today);
  const held = found.filter((m) => m.heldOn <= today);
  const count = shownCount(held, pages, find ? null : focused);
  const shown = held.slice(0, count);
  const rest = held.length - shown.length;
  const card = (m: Meeting) => (
    <MeetingCard key={m.id} report={report} meeting={m} today={today} readOnly={readOnly} current={m.id === latestHeld} />
  );
  return (
    <>
      {(meetings.length > PAGE || find !== "") && (
        <Group gap="sm" align="flex-end" className="no-print">
          <TextInput
            label="Find in these 1:1s"
            placeholder="A word from the notes, agenda or actions"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={find}
            onChange={(e) => {
              setFind(e.currentTarget.value);
              setPages(1);
            }}
            w={{ base: "100%", sm: 360 }}
            data-testid="meetings-find"
          />
          {find && (
            <Text size="sm" c="dimmed" data-testid="meetings-found" aria-live="polite">
              {found.length === 0 ? "No 1:1 mentions that." : `${found.length} of ${meetings.length} 1:1s`}
            </Text>
          )}
        </Group>
      )}
      {planned.map(card)}
      {shown.map(card)}
      {rest > 0 && (
        <Button variant="default" onClick={() => setPages(Math.ceil(count / PAGE) + 1)} w="fit-content" data-testid="meetings-older">
          Show {Math.min(PAGE, rest)} older 1:1s ({rest} more)
        </Button>
      )}
    </>
  );
}
