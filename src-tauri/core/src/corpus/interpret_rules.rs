//! Entering the rules-of-thumb register (new and edited rules, the manager's own calls on
//! them) and ladder changes.

use chrono::NaiveDate;

use super::interpret::{why, ymd, Interpreter};
use super::step::{Action, RuleCheck, RuleFields, Step};
use crate::model::{LevelDraft, RuleDraft, RuleOfThumb, RuleSource};

impl Interpreter {
    pub(super) async fn run_rules(&mut self, step: &Step) -> Result<(), String> {
        let day = step.entered;
        match &step.action {
            Action::Rule {
                wording,
                update: false,
                fields,
            } => {
                let draft = self.rule_draft(wording, fields, None, day).await?;
                let r = self.store.create_rule(&draft).await.map_err(why)?;
                self.names.add_rule(wording, r.id);
                Ok(())
            }
            Action::Rule {
                wording,
                update: true,
                fields,
            } => {
                let id = self.names.rule(wording)?;
                let current = self
                    .store
                    .rules()
                    .await
                    .map_err(why)?
                    .into_iter()
                    .find(|r| r.id == id)
                    .ok_or_else(|| format!("the rule \u{201c}{wording}\u{201d} is gone"))?;
                let draft = self
                    .rule_draft(wording, fields, Some(&current), day)
                    .await?;
                self.store
                    .update_rule(&id, current.version, &draft)
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::RuleCheckedByHand {
                wording,
                report,
                cycle,
                status,
                note,
            } => {
                let id = self.names.candidate(report, cycle)?;
                let rule = self.names.rule(wording)?;
                self.store
                    .set_rule_check(&id, &rule, *status, note.as_deref().unwrap_or_default())
                    .await
                    .map_err(why)
            }
            Action::AddLevel { name, position } => {
                self.store
                    .add_level(LevelDraft {
                        name: name.clone(),
                        rank: *position,
                    })
                    .await
                    .map_err(why)?;
                Ok(())
            }
            Action::RenameLevel { old, new } => {
                let id = self.level(old).await?;
                self.store.rename_level(&id, new).await.map_err(why)?;
                Ok(())
            }
            Action::MoveLevel { name, position } => {
                let id = self.level(name).await?;
                self.store.move_level(&id, *position).await.map_err(why)?;
                Ok(())
            }
            Action::RemoveLevel { name } => {
                let id = self.level(name).await?;
                self.store.remove_level(&id).await.map_err(why)?;
                Ok(())
            }
            other => Err(format!("not a step for run_rules: {other:?}")),
        }
    }

    async fn rule_draft(
        &self,
        wording: &str,
        f: &RuleFields,
        current: Option<&RuleOfThumb>,
        day: NaiveDate,
    ) -> Result<RuleDraft, String> {
        let levels = match &f.levels {
            Some(names) => {
                let mut ids = Vec::new();
                for n in names {
                    ids.push(self.level(n).await?);
                }
                ids
            }
            None => current.map(|r| r.levels.clone()).unwrap_or_default(),
        };
        let check = match &f.check {
            Some(RuleCheck::Check(c)) => Some(c.clone()),
            Some(RuleCheck::LedAnyOf(kinds)) => Some(crate::model::Check::LedEvidenceOfKind {
                kinds: kinds.clone(),
            }),
            None => current.and_then(|r| r.check.clone()),
        };
        Ok(RuleDraft {
            wording: wording.to_owned(),
            said_by_id: match &f.said_by {
                Some(p) => Some(self.names.person(p)?),
                None => current.and_then(|r| r.said_by.as_ref().map(|p| p.id.clone())),
            },
            said_on: ymd(f.said_on.or(current.map(|r| r.said_on)).unwrap_or(day)),
            source: Some(
                f.source
                    .or(current.map(|r| r.source))
                    .unwrap_or(RuleSource::Conversation),
            ),
            source_detail: f
                .detail
                .clone()
                .or(current.map(|r| r.source_detail.clone()))
                .unwrap_or_default(),
            confirmed: f.confirmed.or(current.map(|r| r.confirmed)).unwrap_or(true),
            levels,
            archetypes: f
                .archetypes
                .clone()
                .or(current.map(|r| r.archetypes.clone()))
                .unwrap_or_default(),
            retired: f.retired.or(current.map(|r| r.retired)).unwrap_or(false),
            check,
        })
    }
}
