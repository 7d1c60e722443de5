// The rules-of-thumb checklist of the candidacy the radar judges: each rule, whether it is
// confirmed or hearsay, its machine check (or the manager's own call) and where it stands.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "wouter";

import type { Candidate, Cause, ChecklistItem, ManualStatus, ReportRadar } from "../../bindings";
import { useSetRuleCheck } from "../../api/radar";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { describeCheck } from "../../lib/checks";
import { focusRecord } from "../../lib/focus";
import { RECORD_KINDS, labelOf } from "../../lib/labels";
import { recordTarget } from "../search/recordTarget";
import { CHECK_STATUS } from "./format";
import { ManualCheckForm } from "./ManualCheckForm";

type Props = { candidate: Candidate; radar: ReportRadar; editable: boolean };

export function ChecklistSection({ candidate, radar, editable }: Props) {
  if (radar.candidacy?.id !== candidate.id) {
    return (
      <Alert color="gray" data-testid="checklist-elsewhere" title="The checklist follows the next cycle">
        {radar.candidacy && radar.cycle ? (
          <>
            The radar judges {candidate.reportName} against their next cycle,{" "}
            <Anchor component={Link} href={`/candidates/${radar.candidacy.id}`} inherit>
              {radar.cycle.name}
            </Anchor>
            : the rules-of-thumb checklist is kept there.
          </>
        ) : (
          `${candidate.reportName} is not a candidate in an upcoming cycle, so there is no checklist to follow.`
        )}
      </Alert>
    );
  }
  if (radar.checklist.length === 0) {
    return (
      <EmptyLine testId="checklist-empty">
        No rule of thumb in the register applies to {candidate.targetLevel.name} or to {candidate.reportName}'s archetype. When a review comment or a past
        calibration reveals an unwritten criterion, add it under{" "}
        <Anchor component={Link} href="/rules" inherit>
          Rules of thumb
        </Anchor>
        .
      </EmptyLine>
    );
  }
  const count = (s: string) => radar.checklist.filter((i) => i.status === s).length;
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="checklist-summary">
        {count("met")} met · {count("unmet")} unmet · {count("unknown")} unknown
      </Text>
      {radar.checklist.map((item) => (
        <ChecklistRow key={item.ruleId} candidate={candidate} item={item} editable={editable} />
      ))}
    </Stack>
  );
}

function ChecklistRow({ candidate, item, editable }: { candidate: Candidate; item: ChecklistItem; editable: boolean }) {
  const [marking, setMarking] = useState<ManualStatus | null>(null);
  const clear = useSetRuleCheck(candidate.id);
  const status = CHECK_STATUS[item.status];
  const manual = item.check === null;
  return (
    <Card withBorder padding="sm" component="article" aria-label={item.wording} data-testid="checklist-item">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>“{item.wording}”</Text>
              <Badge size="sm" variant="outline" color={item.confirmed ? "blue" : "gray"}>
                {item.confirmed ? "Confirmed" : "Hearsay"}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {item.check ? `Machine check: ${describeCheck(item.check)}` : "No machine check: your own call"}
            </Text>
          </Stack>
          <Badge color={status.color} variant="filled" autoContrast data-testid="check-status">
            {status.label}
          </Badge>
        </Group>
        {item.detail && (
          <Text size="sm" className="pre-wrap" data-testid="check-detail">
            {item.detail}
          </Text>
        )}
        {item.record && <CheckRecord candidate={candidate} record={item.record} met={item.status === "met"} />}
        {manual && editable && marking === null && (
          <Group gap="xs">
            <Button size="xs" variant="light" color="teal" onClick={() => setMarking("met")} aria-label={`Mark “${item.wording}” met`}>
              Met
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => setMarking("unmet")} aria-label={`Mark “${item.wording}” unmet`}>
              Unmet
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={item.status === "unknown"}
              loading={clear.isPending}
              onClick={() => clear.mutate({ ruleId: item.ruleId, status: null, note: "" })}
              aria-label={`Clear your call on “${item.wording}”`}
            >
              Clear
            </Button>
          </Group>
        )}
        {clear.error && <ErrorNotice error={clear.error} />}
        {marking && <ManualCheckForm candidateId={candidate.id} item={item} status={marking} onDone={() => setMarking(null)} />}
      </Stack>
    </Card>
  );
}

/** The record that met or failed the check, as a link that opens it. */
function CheckRecord({ candidate, record, met }: { candidate: Candidate; record: Cause; met: boolean }) {
  const target = recordTarget({ kind: record.kind, recordId: record.id, reportId: record.reportId ?? candidate.reportId });
  return (
    <Text size="sm" data-testid="check-record">
      <Text span c="dimmed" inherit>
        {met ? "Met by: " : "Falls short on: "}
      </Text>
      <Anchor component={Link} href={target.path} onClick={() => focusRecord(target.focusId)} inherit>
        {labelOf(RECORD_KINDS, record.kind)}: {record.title}
      </Anchor>
    </Text>
  );
}
