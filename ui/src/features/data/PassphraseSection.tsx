// Protecting the data with a passphrase (off by default): turn it on, change it, turn it off.
// Every change converts the database and every backup, after a checked backup.
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useId, useState, type FormEvent } from "react";

import { fieldErrors } from "../../api/ipc";
import { useChangePassphrase, useProtectWithPassphrase, useRemovePassphrase } from "../../api/data";
import { ErrorNotice } from "../../components/ErrorNotice";

export function PassphraseSection({ encrypted }: { encrypted: boolean }) {
  const heading = useId();
  return (
    <Stack gap="sm" component="section" aria-labelledby={heading}>
      <Title order={3} id={heading}>
        Passphrase
      </Title>
      {encrypted ? (
        <>
          <Text size="sm" data-testid="encryption-status">
            Your data and every backup are encrypted with your passphrase. Trellis asks for it at
            every start. Exported archives and notes are not encrypted.
          </Text>
          <ChangeForm />
          <RemoveForm />
        </>
      ) : (
        <>
          <Text size="sm" data-testid="encryption-status">
            Your data is not encrypted by Trellis. With a passphrase, the database, its journal and
            every backup are encrypted on disk, and Trellis asks for the passphrase at every start.
          </Text>
          <Alert color="orange" variant="light" title="If you forget the passphrase, nobody can recover your data">
            Trellis does not store it anywhere. Keep it somewhere safe.
          </Alert>
          <ProtectForm />
        </>
      )}
    </Stack>
  );
}

/** Two fields that must match; the mismatch is caught before anything is sent. */
function useNewPassphrase() {
  const [value, setValue] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  return {
    value,
    fields: (serverError?: string) => (
      <>
        <PasswordInput label="New passphrase" value={value} onChange={(e) => setValue(e.currentTarget.value)} error={serverError} autoComplete="new-password" />
        <PasswordInput
          label="Repeat the new passphrase"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={mismatch ? "The two passphrases differ." : undefined}
          autoComplete="new-password"
        />
      </>
    ),
    /** True when the two match (and says so when they do not). */
    check: () => {
      const differs = value !== repeat;
      setMismatch(differs);
      return !differs;
    },
  };
}

function ProtectForm() {
  const protect = useProtectWithPassphrase();
  const next = useNewPassphrase();
  const errors = protect.isError ? fieldErrors(protect.error) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!next.check()) return;
    protect.mutate(next.value, {
      onSuccess: () => notifications.show({ color: "teal", message: "Your data and every backup are now encrypted." }),
    });
  };
  return (
    <form aria-label="Protect with a passphrase" onSubmit={submit}>
      <Stack gap="xs" maw={420}>
        {next.fields(errors.passphrase)}
        {protect.isError && !errors.passphrase && <ErrorNotice error={protect.error} />}
        <Group>
          <Button type="submit" loading={protect.isPending}>
            Protect with this passphrase
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChangeForm() {
  const change = useChangePassphrase();
  const next = useNewPassphrase();
  const [current, setCurrent] = useState("");
  const errors = change.isError ? fieldErrors(change.error) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!next.check()) return;
    change.mutate(
      { current, passphrase: next.value },
      { onSuccess: () => notifications.show({ color: "teal", message: "The passphrase was changed for your data and every backup." }) },
    );
  };
  return (
    <form aria-label="Change the passphrase" onSubmit={submit}>
      <Stack gap="xs" maw={420}>
        <PasswordInput
          label="Current passphrase"
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.currentPassphrase}
          autoComplete="current-password"
        />
        {next.fields(errors.passphrase)}
        {change.isError && !errors.passphrase && !errors.currentPassphrase && <ErrorNotice error={change.error} />}
        <Group>
          <Button type="submit" variant="default" loading={change.isPending}>
            Change the passphrase
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RemoveForm() {
  const remove = useRemovePassphrase();
  const [current, setCurrent] = useState("");
  const errors = remove.isError ? fieldErrors(remove.error) : {};
  return (
    <form
      aria-label="Remove the passphrase"
      onSubmit={(e) => {
        e.preventDefault();
        remove.mutate(current, {
          onSuccess: () => notifications.show({ color: "teal", message: "Your data and every backup are no longer encrypted." }),
        });
      }}
    >
      <Stack gap="xs" maw={420}>
        <PasswordInput
          label="Current passphrase (to remove it)"
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.currentPassphrase}
          autoComplete="current-password"
        />
        {remove.isError && !errors.currentPassphrase && <ErrorNotice error={remove.error} />}
        <Group>
          <Button type="submit" color="red" variant="light" loading={remove.isPending}>
            Remove the passphrase
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
