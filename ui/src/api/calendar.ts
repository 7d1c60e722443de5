// Calendar import: pick an .ics file (native dialog), preview what it would plan, plan it.
// The preview is a query on the file's text and the manager's choices, so that changing the
// report for an invitation shows its effect at once; the import refreshes everything that
// shows 1:1s (the report's tab, Today, the roster's next-1:1 column, the radar).
import { notifications } from "@mantine/notifications";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { commands, type CalendarChoice } from "../bindings";
import { plural } from "../lib/dates";
import { call } from "./ipc";
import { refreshEverything } from "./record";

export const useOpenCalendarFile = () => useMutation({ mutationFn: () => call(commands.openCalendarFile()) });

/** The preview of one opened file (`opened` tells two openings apart; the text itself, up to
 * 2 MB, is not hashed into the cache key on every choice). */
export const useCalendarPreview = (file: { text: string; opened: number }, choices: CalendarChoice[]) =>
  useQuery({
    queryKey: ["calendarPreview", file.opened, choices],
    queryFn: () => call(commands.previewCalendar(file.text, choices)),
    placeholderData: keepPreviousData,
    // The preview is about "now": never served from an old visit.
    gcTime: 0,
  });

export function useImportCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { text: string; choices: CalendarChoice[] }) => call(commands.importCalendar(a.text, a.choices)),
    // Said here, not by the dialog: the refresh can re-render the page the dialog sits on.
    onSuccess: (done) => {
      notifications.show({
        color: "teal",
        message:
          done.planned === 0
            ? "Nothing new to plan: every 1:1 in the file is already planned."
            : `Planned ${plural(done.planned, "1:1")} with ${done.reports.join(", ")}.`,
      });
      refreshEverything(client);
    },
  });
}
