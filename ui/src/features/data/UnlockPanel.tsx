// Shown instead of the app when the data is protected by a passphrase: asks for it. A wrong
// one is refused and changes nothing; a manager who never set one is offered to set the
// (then damaged) file aside.
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useState } from "react";

import { fieldErrors } from "../../api/ipc";
import { useSetAsideUnreadable, useUnlock } from "../../api/data";
import { ErrorNotice } from "../../components/ErrorNotice";

export function UnlockPanel({ dataDir }: { dataDir: string }) {
  const unlock = useUnlock();
  const setAside = useSetAsideUnreadable();
  const [passphrase, setPassphrase] = useState("");
  const [neverSet, setNeverSet] = useState(false);
  const error = unlock.isError ? fieldErrors(unlock.error).passphrase : undefined;
  return (
    <Stack gap="md" maw={560} data-testid="unlock">
      <Title order={2}>
        <IconLock size={22} aria-hidden /> Your data is protected
      </Title>
      <Text size="sm">Type the passphrase that protects the data in {dataDir}.</Text>
      <form
        aria-label="Unlock"
        onSubmit={(e) => {
          e.preventDefault();
          unlock.mutate(passphrase);
        }}
      >
        <Stack gap="sm">
          <PasswordInput
            label="Passphrase"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={error}
            autoFocus
            autoComplete="current-password"
          />
          {unlock.isError && !error && <ErrorNotice error={unlock.error} />}
          <Group>
            <Button type="submit" loading={unlock.isPending} disabled={passphrase.length === 0}>
              Unlock
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack gap="xs">
        {neverSet ? (
          <Alert color="orange" title="Never set a passphrase?">
            <Text size="sm">
              Then the data file is damaged. Trellis can move it into the damaged folder, untouched,
              and offer the newest backup it can check.
            </Text>
            <Group mt="xs">
              <Button color="orange" loading={setAside.isPending} onClick={() => setAside.mutate()}>
                Set the file aside
              </Button>
              <Button variant="default" onClick={() => setNeverSet(false)}>
                Cancel
              </Button>
            </Group>
          </Alert>
        ) : (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setNeverSet(true)}>
              I never set a passphrase…
            </Button>
          </Group>
        )}
        {setAside.isError && <ErrorNotice error={setAside.error} />}
      </Stack>
    </Stack>
  );
}
