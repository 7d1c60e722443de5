// Search every record by any word: results as you type, grouped by report and then by kind,
// the matched words marked. A result opens the record where it lives.
import { Alert, Box, Group, Loader, Mark, Stack, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { Link, useLocation, useSearch as useUrlSearch } from "wouter";

import type { SearchHit, SearchResults } from "../../bindings";
import { useSearch } from "../../api/record";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { SharedBadge } from "../oneonones/shared";
import { focusRecord } from "../../lib/focus";
import { groupHits } from "./group";
import { SEARCH_INPUT_ID, queryOf, searchPath } from "./query";
import { recordTarget } from "./recordTarget";
import classes from "./SearchPage.module.css";

export function SearchPage() {
  const q = queryOf(useUrlSearch());
  const [, navigate] = useLocation();
  const [text, setText] = useState(q);
  const [seen, setSeen] = useState(q);
  const [debounced] = useDebouncedValue(text, 150);
  // The URL changed from outside (the header box, Back): show its query in the field.
  if (q !== seen) {
    setSeen(q);
    if (q !== debounced) setText(q);
  }
  // Typing settled: keep the query in the URL (replacing, so Back leaves the search page).
  useEffect(() => {
    if (debounced === text && debounced !== q) navigate(searchPath(debounced), { replace: true });
  }, [debounced, text, q, navigate]);

  const results = useSearch(q);

  return (
    <Stack gap="md" maw={880}>
      <Title order={2}>Search</Title>
      <TextInput
        id={SEARCH_INPUT_ID}
        type="search"
        label="Search the staff record"
        description="Every word must match; the last one can be the start of a word"
        placeholder="ledger, calibration, Bob…"
        leftSection={<IconSearch size={16} aria-hidden />}
        autoFocus
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="search-input"
      />
      {q.trim() === "" ? (
        <Empty
          icon={<IconSearch size={32} aria-hidden />}
          title="Search the whole record"
          next="Type any word above: every note, evidence item, mandate and piece of feedback is searched."
          testId="search-empty"
        />
      ) : results.isError ? (
        <ErrorNotice error={results.error} />
      ) : !results.data ? (
        <Loader aria-label="Searching" />
      ) : (
        <Results results={results.data} stale={results.isPlaceholderData} />
      )}
    </Stack>
  );
}

function Results({ results, stale }: { results: SearchResults; stale: boolean }) {
  const { hits } = results;
  return (
    <Stack gap="lg" style={{ opacity: stale ? 0.6 : 1 }} aria-busy={stale}>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="search-summary">
        {hits.length === 0
          ? ""
          : `${hits.length} ${hits.length === 1 ? "result" : "results"} for “${results.query.trim()}”`}
      </Text>
      {hits.length === 0 && !stale && (
        <Empty
          title={`Nothing matches “${results.query.trim()}”`}
          next="Try fewer words, another spelling, or the start of a word."
          testId="search-nothing"
        />
      )}
      {results.truncated && (
        <Alert color="blue" variant="light" data-testid="search-truncated">
          Showing the first {hits.length} results. Add a word to narrow the search.
        </Alert>
      )}
      {groupHits(hits).map((group) => (
        <Box component="section" key={group.key} aria-labelledby={`results-${group.key}`}>
          <Title order={3} size="h4" id={`results-${group.key}`} mb="xs">
            {group.name}
          </Title>
          <Stack gap="sm" pl="md">
            {group.kinds.map((kind) => (
              <Box component="section" key={kind.kind} aria-label={`${group.name}: ${kind.label}`} data-testid={`results-${group.key}-${kind.kind}`}>
                <Title order={4} size="h6" c="dimmed" tt="uppercase" mb={4}>
                  {kind.label}
                </Title>
                <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: "none" }}>
                  {kind.hits.map((hit) => (
                    <li key={`${hit.kind}-${hit.recordId}`}>
                      <HitLink hit={hit} />
                    </li>
                  ))}
                </Stack>
              </Box>
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

function HitLink({ hit }: { hit: SearchHit }) {
  const target = recordTarget(hit);
  return (
    <UnstyledButton
      component={Link}
      href={target.path}
      onClick={() => focusRecord(target.focusId)}
      className={classes.hit}
      display="block"
      p="xs"
      data-testid={`hit-${hit.recordId}`}
    >
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {hit.title}
        </Text>
        {/* The same mark as on the 1:1s tab: the manager's eyes only. */}
        {hit.private && <SharedBadge shared={false} />}
      </Group>
      {hit.snippet.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="snippet">
          {hit.snippet.map((part, i) => (part.hit ? <Mark key={i}>{part.text}</Mark> : <span key={i}>{part.text}</span>))}
        </Text>
      )}
    </UnstyledButton>
  );
}
