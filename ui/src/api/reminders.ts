// Reminders: which kinds the manager wants, running in the tray, and starting at login. Each
// change is saved at once and answered with the preferences as they now stand.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { commands, type ReminderPreferences, type ReminderSettings } from "../bindings";
import { call } from "./ipc";

const KEY = ["reminderPreferences"] as const;

export const useReminderPreferences = () => useQuery({ queryKey: KEY, queryFn: () => call(commands.getReminderPreferences()) });

function useSaved<T>(save: (value: T) => Promise<ReminderPreferences>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (now) => client.setQueryData(KEY, now),
    // A refusal leaves the switches as they are stored.
    onError: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useSetReminderSettings = () => useSaved((s: ReminderSettings) => call(commands.setReminderSettings(s)));
export const useSetStartAtLogin = () => useSaved((on: boolean) => call(commands.setStartAtLogin(on)));
