// An evidence item's links. https and mailto links open in the system browser or mail client
// (never in the app's own window); any other link (plain http) is shown as text to copy.
import { ActionIcon, Anchor, CopyButton, Group, List, Text } from "@mantine/core";
import { IconCheck, IconCopy, IconExternalLink, IconLink } from "@tabler/icons-react";

import type { Link } from "../../bindings";
import { opensOutside, useOpenLink } from "../../api/links";
import { ErrorNotice } from "../../components/ErrorNotice";

export function LinkList({ links, title }: { links: Link[]; title: string }) {
  const open = useOpenLink();
  if (links.length === 0) return null;
  return (
    <>
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
              {opensOutside(link.url) ? (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  ff="monospace"
                  ta="left"
                  style={{ wordBreak: "break-all" }}
                  title="Opens in your browser or mail app"
                  aria-label={`Open link ${link.label || link.url} in your browser`}
                  onClick={() => open.mutate(link.url)}
                  data-testid="open-link"
                >
                  {link.url}
                  <IconExternalLink size={12} aria-hidden style={{ marginLeft: 4, verticalAlign: "middle" }} />
                </Anchor>
              ) : (
                <Text
                  size="sm"
                  ff="monospace"
                  style={{ wordBreak: "break-all", userSelect: "all" }}
                  title="Only https and mailto links open from Trellis; copy this one to open it yourself"
                >
                  {link.url}
                </Text>
              )}
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
      {open.isError && <ErrorNotice error={open.error} />}
    </>
  );
}
