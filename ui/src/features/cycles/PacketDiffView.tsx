// A comparison of two packet versions, block by block: added lines green, removed lines red,
// unchanged lines grey; whole blocks that appeared or disappeared are marked as such.
import { Badge, Box, Card, Checkbox, Group, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";

import type { DiffOp, PacketDiff, SectionDiff } from "../../bindings";

const LINE: Record<DiffOp, { sign: string; color: string; bg?: string; label: string }> = {
  added: { sign: "+", color: "var(--mantine-color-green-light-color)", bg: "var(--mantine-color-green-light)", label: "added" },
  removed: { sign: "−", color: "var(--mantine-color-red-light-color)", bg: "var(--mantine-color-red-light)", label: "removed" },
  same: { sign: " ", color: "dimmed", label: "unchanged" },
};

const changed = (s: SectionDiff) => s.change !== "same" || s.lines.some((l) => l.op !== "same");

export function PacketDiffView({ diff }: { diff: PacketDiff }) {
  const [showSame, setShowSame] = useState(false);
  const unchanged = diff.sections.filter((s) => !changed(s));
  const shown = showSame ? diff.sections : diff.sections.filter(changed);
  return (
    <Stack gap="sm" aria-label={`Changes from version ${diff.from} to version ${diff.to}`} role="region">
      <Group justify="space-between">
        <Text size="sm" data-testid="diff-summary">
          {diff.sections.length - unchanged.length === 0
            ? `No changes between version ${diff.from} and version ${diff.to}.`
            : `${diff.sections.length - unchanged.length} of ${diff.sections.length} blocks changed from version ${diff.from} to version ${diff.to}.`}
        </Text>
        {unchanged.length > 0 && (
          <Checkbox
            label={`Show the ${unchanged.length} unchanged ${unchanged.length === 1 ? "block" : "blocks"}`}
            checked={showSame}
            onChange={(e) => setShowSame(e.currentTarget.checked)}
          />
        )}
      </Group>
      {shown.map((s, i) => (
        <DiffBlock key={`${s.title}-${i}`} section={s} />
      ))}
    </Stack>
  );
}

function DiffBlock({ section }: { section: SectionDiff }) {
  const border = section.change === "added" ? "green" : section.change === "removed" ? "red" : undefined;
  return (
    <Card withBorder padding="sm" data-testid="diff-block" style={border ? { borderColor: `var(--mantine-color-${border}-6)` } : undefined}>
      <Group gap="xs" mb={4}>
        <Text fw={600} size="sm">
          {section.title}
        </Text>
        {section.change === "added" && (
          <Badge color="green" variant="light" data-testid="block-added">
            New block
          </Badge>
        )}
        {section.change === "removed" && (
          <Badge color="red" variant="light" data-testid="block-removed">
            Removed block
          </Badge>
        )}
      </Group>
      {section.lines.length === 0 ? (
        <Text size="xs" c="dimmed" fs="italic">
          (empty)
        </Text>
      ) : (
        <Box component="ul" m={0} p={0} style={{ listStyle: "none", fontFamily: "var(--mantine-font-family-monospace)" }}>
          {section.lines.map((l, i) => {
            const look = LINE[l.op];
            return (
              <Box
                component="li"
                key={i}
                px={6}
                bg={look.bg}
                c={look.color}
                fz="sm"
                className="pre-wrap"
                data-testid={`diff-line-${l.op}`}
              >
                <span aria-hidden>{look.sign} </span>
                <VisuallyHidden>{look.label}: </VisuallyHidden>
                {l.text || " "}
              </Box>
            );
          })}
        </Box>
      )}
    </Card>
  );
}
