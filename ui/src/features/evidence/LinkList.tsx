// An evidence item's links as text with a copy button. Never anchors: following a link would
// navigate the app's own window away (opening them in the system browser comes later).
import { ActionIcon, CopyButton, Group, List, Text } from "@mantine/core";
import { IconCheck, IconCopy, IconLink } from "@tabler/icons-react";

import type { Link } from "../../bindings";

export function LinkList({ links, title }: { links: Link[]; title: string }) {
  if (links.length === 0) return null;
  return (
    <List listStyleType="none" spacing={2} aria-label={`Links for ${title}`}>
      {links.map((link, i) => (
        <List.Item key={i} data-testid="evidence-link">
          <Group gap={6} wrap="nowrap" align="center">
            <IconLink size={14} aria-hidden style={{ flexShrink: 0 }} />
            {link.label && (
              <Text size="sm" fw={500} style={{ flexShrink: 0 }}>
                {link.label}:
              </Text>
            )}
            <Text size="sm" ff="monospace" style={{ wordBreak: "break-all", userSelect: "all" }}>
              {link.url}
            </Text>
            <CopyButton value={link.url}>
              {({ copied, copy }) => (
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color={copied ? "teal" : "gray"}
                    aria-label={`Copy link ${link.label || link.url}`}
                    onClick={copy}
                  >
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                  <Text size="xs" c="teal" role="status">
                    {copied ? "Copied" : ""}
                  </Text>
                </Group>
              )}
            </CopyButton>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
