//! The demo team: six hand-written staff-plus reports of different archetypes, each with a
//! story a manager would recognise (and a 1:1 cadence). The synthetic generator starts from these.

use crate::model::{Archetype, TeamStrength};

pub struct Profile {
    pub name: &'static str,
    /// Index into the ladder (0 = lowest level), clamped to the ladder's length.
    pub level: usize,
    pub target: usize,
    pub team: &'static str,
    /// Months in the current role.
    pub months_in_role: u32,
    pub worked: Archetype,
    pub needed: Archetype,
    pub strength: TeamStrength,
    pub notes: &'static str,
    /// How often the manager means to meet them, in days.
    pub one_on_one_every_days: i32,
}

pub const DEMO_TEAM: [Profile; 6] = [
    Profile {
        name: "Priya Raman",
        level: 1,
        target: 2,
        team: "Payments Platform",
        months_in_role: 30,
        worked: Archetype::Architect,
        needed: Archetype::Architect,
        strength: TeamStrength::Strong,
        notes: "Owns the ledger consistency direction across three payments teams. \
                Wants Senior Staff next cycle; the migration has only run in production \
                for five months.",
        one_on_one_every_days: 14,
    },
    Profile {
        name: "Marcus Okafor",
        level: 0,
        target: 1,
        team: "Checkout",
        months_in_role: 26,
        worked: Archetype::TechLead,
        needed: Archetype::TechLead,
        strength: TeamStrength::Strong,
        notes: "Leads Checkout's re-platforming. Strong with his team; little of his work \
                is seen outside it. Weekly 1:1s; ask how the mentoring is going.",
        one_on_one_every_days: 7,
    },
    Profile {
        name: "Elena Sokolova",
        level: 1,
        target: 2,
        team: "Reliability",
        months_in_role: 41,
        worked: Archetype::Solver,
        needed: Archetype::Architect,
        strength: TeamStrength::Weak,
        notes: "Pulled into every incident since the re-org; incidents keep bumping our 1:1s. \
                The org now needs an owner for the observability direction, not another \
                fire-fighter.",
        one_on_one_every_days: 14,
    },
    Profile {
        name: "Tomás Herrera",
        level: 2,
        target: 3,
        team: "Office of the CTO",
        months_in_role: 22,
        worked: Archetype::RightHand,
        needed: Archetype::RightHand,
        strength: TeamStrength::Strong,
        notes: "Runs the architecture review forum for the CTO. Joined my team in the \
                summer re-org; I have not seen the vendor consolidation work first-hand, and \
                the committee will ask where his staff project is.",
        one_on_one_every_days: 7,
    },
    Profile {
        name: "Aiko Tanaka",
        level: 0,
        target: 1,
        team: "Mobile Foundations",
        months_in_role: 18,
        worked: Archetype::TechLead,
        needed: Archetype::TechLead,
        strength: TeamStrength::Weak,
        notes: "Tech Lead for the iOS build system, and helps other teams ship. Lots of \
                glue work, all of it seen; mentees speak highly of her. Ready for Staff.",
        one_on_one_every_days: 14,
    },
    Profile {
        name: "Dev Patel",
        level: 1,
        target: 1,
        team: "Data Infrastructure",
        months_in_role: 55,
        worked: Archetype::Architect,
        needed: Archetype::Architect,
        strength: TeamStrength::Strong,
        notes: "Happy at Staff and says so; not interested in promotion this year. \
                Monthly 1:1s. Keep his mandate fresh so the storage work stays visible.",
        one_on_one_every_days: 28,
    },
];

pub const FIRST_NAMES: [&str; 24] = [
    "Amara", "Bjorn", "Chen", "Dalia", "Emeka", "Farah", "Gustavo", "Hana", "Ines", "Jonas",
    "Kwame", "Leila", "Mateo", "Nadia", "Oskar", "Pooja", "Quinn", "Rosa", "Samir", "Tova", "Umar",
    "Vera", "Wen", "Yusuf",
];

pub const LAST_NAMES: [&str; 24] = [
    "Adeyemi",
    "Berg",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fujita",
    "Gallo",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Mensah",
    "Nakamura",
    "Ortiz",
    "Petrov",
    "Quraishi",
    "Rossi",
    "Schmidt",
    "Takahashi",
    "Uddin",
    "Varga",
    "Wright",
    "Zhang",
];

pub const TEAMS: [&str; 12] = [
    "Identity",
    "Search",
    "Billing",
    "Developer Productivity",
    "Storage",
    "Growth",
    "Security Engineering",
    "Maps",
    "Notifications",
    "ML Platform",
    "Edge Networking",
    "Ads",
];
