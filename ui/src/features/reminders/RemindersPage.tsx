// Reminders: which desktop notifications Trellis raises, whether it keeps running in the tray
// while its window is closed, and whether it starts at login. Each switch saves at once.
import { Alert, Fieldset, Loader, Stack, Switch, Text, Title } from "@mantine/core";

import type { ReminderSettings } from "../../bindings";
import { useAppInfo } from "../../api/queries";
import { useReminderPreferences, useSetReminderSettings, useSetStartAtLogin } from "../../api/reminders";
import { ErrorNotice } from "../../components/ErrorNotice";

type Kind = Exclude<keyof ReminderSettings, "keepRunningInTray">;

/** Each kind of reminder, in the words of the screen. */
export const REMINDER_KINDS: { key: Kind; label: string; about: string }[] = [
  { key: "oneOnOnes", label: "1:1s", about: "A planned 1:1 today or tomorrow, with its prep one click away." },
  {
    key: "deadlines",
    label: "Packet deadlines",
    about: "A candidate's first packet draft, review round or packet due within a week, while it is still missing.",
  },
  { key: "mandateReviews", label: "Mandate reviews", about: "A mandate whose review is due within a week, or overdue." },
  { key: "highSignals", label: "New high signals", about: "A high signal the radar raised in the last week." },
];

export function RemindersPage() {
  const prefs = useReminderPreferences();
  const info = useAppInfo();
  const saveSettings = useSetReminderSettings();
  const saveLogin = useSetStartAtLogin();
  const error = saveSettings.error ?? saveLogin.error;
  const busy = saveSettings.isPending || saveLogin.isPending;

  return (
    <Stack gap="md" maw={760}>
      <Title order={2}>Reminders</Title>
      <Text>
        Trellis raises a desktop notification when something needs you soon, once for each thing. A
        notification stays on this computer: it goes to your desktop&apos;s notification area and
        nowhere else.
      </Text>
      {info.data?.demo && (
        <Alert color="yellow" title="This is the demo">
          Reminders start switched off here, so that trying Trellis out never interrupts you.
        </Alert>
      )}
      {prefs.isPending && <Loader aria-label="Loading the reminder settings" />}
      {prefs.isError && <ErrorNotice error={prefs.error} />}
      {error && <ErrorNotice error={error} />}
      {prefs.data && (
        <>
          <Fieldset legend="Remind me of" variant="filled">
            <Stack gap="sm">
              {REMINDER_KINDS.map((k) => (
                <Switch
                  key={k.key}
                  label={k.label}
                  description={k.about}
                  checked={prefs.data.settings[k.key]}
                  disabled={busy}
                  onChange={(e) => saveSettings.mutate({ ...prefs.data.settings, [k.key]: e.currentTarget.checked })}
                />
              ))}
            </Stack>
          </Fieldset>
          <Fieldset legend="While the window is closed" variant="filled">
            <Stack gap="sm">
              <Switch
                label="Keep running in the tray to remind me"
                description="Closing the window then hides it; Trellis's icon in the tray opens it again, opens the prep of the latest 1:1 reminder, or quits."
                checked={prefs.data.settings.keepRunningInTray}
                disabled={busy}
                onChange={(e) => saveSettings.mutate({ ...prefs.data.settings, keepRunningInTray: e.currentTarget.checked })}
              />
              {prefs.data.trayProblem && (
                <Alert color="orange" title="No tray on this desktop">
                  {prefs.data.trayProblem}
                </Alert>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend="When you log in" variant="filled">
            <Switch
              label="Start Trellis when I log in"
              description="Trellis opens with your desktop session, so reminders come without opening it yourself."
              checked={prefs.data.startAtLogin}
              disabled={busy}
              onChange={(e) => saveLogin.mutate(e.currentTarget.checked)}
            />
          </Fieldset>
        </>
      )}
    </Stack>
  );
}
