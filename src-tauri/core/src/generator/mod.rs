//! One deterministic generator for both the demo and the benchmarks: `reports = 6` gives the
//! hand-written demo team; larger specs add synthetic reports (and, as the record grows,
//! years of history) from the same seed. It writes through the store's own insert code.

mod profiles;
mod rng;

use chrono::{Months, NaiveDate};

use crate::error::{Error, Result};
use crate::model::{Archetype, LevelRef, TeamStrength, ValidReport};
use crate::store::Store;
use profiles::{Profile, DEMO_TEAM, FIRST_NAMES, LAST_NAMES, TEAMS};
pub use rng::Rng;

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneratorSpec {
    pub reports: usize,
    /// How far back the history reaches.
    pub years: u32,
    pub seed: u64,
}

impl GeneratorSpec {
    /// The demo: the hand-written team of six.
    pub const DEMO: GeneratorSpec = GeneratorSpec {
        reports: DEMO_TEAM.len(),
        years: 5,
        seed: 2026,
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generated {
    pub reports: usize,
}

/// Writes a generated record into `store` in one transaction, as of the store's clock.
pub async fn generate(store: &Store, spec: GeneratorSpec) -> Result<Generated> {
    let mut tx = store.write().await?;
    let generated = generate_in(&mut tx, store, spec).await?;
    tx.commit().await?;
    Ok(generated)
}

/// Fills an empty store with the demo team; a store holding any report is left alone.
/// The check and the writes share one transaction. Returns whether it generated anything.
pub async fn seed_demo_if_empty(store: &Store) -> Result<bool> {
    let mut tx = store.write().await?;
    let count = sqlx::query_scalar!(r#"SELECT COUNT(*) AS "n!: i32" FROM reports"#)
        .fetch_one(&mut *tx)
        .await?;
    if count > 0 {
        return Ok(false);
    }
    generate_in(&mut tx, store, GeneratorSpec::DEMO).await?;
    tx.commit().await?;
    Ok(true)
}

async fn generate_in(
    tx: &mut sqlx::SqliteConnection,
    store: &Store,
    spec: GeneratorSpec,
) -> Result<Generated> {
    let mut rng = Rng::new(spec.seed);
    let today = store.clock().today();
    let now = store.clock().now();
    let ladder = crate::store::level_refs(tx).await?;
    if ladder.is_empty() {
        return Err(Error::conflict(
            "The ladder has no levels; add one before generating reports.",
        ));
    }
    for i in 0..spec.reports {
        let report = match DEMO_TEAM.get(i) {
            Some(profile) => from_profile(profile, &ladder, today),
            None => synthetic(i, &mut rng, &ladder, today, spec.years),
        };
        crate::store::insert_report(tx, &report, now).await?;
    }
    Ok(Generated {
        reports: spec.reports,
    })
}

fn level_at(ladder: &[LevelRef], index: usize) -> LevelRef {
    ladder[index.min(ladder.len() - 1)].clone()
}

fn months_before(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today)
}

fn from_profile(p: &Profile, ladder: &[LevelRef], today: NaiveDate) -> ValidReport {
    ValidReport {
        name: p.name.to_owned(),
        current_level: level_at(ladder, p.level),
        target_level: level_at(ladder, p.target.max(p.level)),
        team: p.team.to_owned(),
        in_role_since: months_before(today, p.months_in_role),
        archetype_worked: p.worked,
        archetype_needed: p.needed,
        team_strength: p.strength,
        notes: p.notes.to_owned(),
    }
}

fn synthetic(
    i: usize,
    rng: &mut Rng,
    ladder: &[LevelRef],
    today: NaiveDate,
    years: u32,
) -> ValidReport {
    let name = format!(
        "{} {} {}",
        rng.pick(&FIRST_NAMES),
        rng.pick(&LAST_NAMES),
        i + 1
    );
    // Most staff-plus reports sit at the lower levels of the ladder.
    let level = [0, 0, 1, 1, 1, 2, 2, 3][rng.below(8)];
    let target = if rng.chance(75) { level + 1 } else { level };
    let worked = *rng.pick(&Archetype::ALL);
    let needed = if rng.chance(70) {
        worked
    } else {
        *rng.pick(&Archetype::ALL)
    };
    let strength = if rng.chance(65) {
        TeamStrength::Strong
    } else {
        TeamStrength::Weak
    };
    let months = 3 + rng.below((years.max(1) * 12) as usize) as u32;
    ValidReport {
        name,
        current_level: level_at(ladder, level),
        target_level: level_at(ladder, target),
        team: rng.pick(&TEAMS).to_string(),
        in_role_since: months_before(today, months),
        archetype_worked: worked,
        archetype_needed: needed,
        team_strength: strength,
        notes: format!("Synthetic report {} for benchmarks.", i + 1),
    }
}
