//! The people around the team: the skip-level, leaders, peers, partners and mentees that the
//! generated records refer to. Synthetic histories draw more mentees from name pools.

use crate::model::Relationship;

/// A person of the cast, by role in the stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cast {
    Skip,
    Vp,
    Cto,
    PeerManager,
    PrincipalPeer,
    ProductLead,
    DesignLead,
    /// One of the mentees, by index into [`MENTEES`].
    Mentee(usize),
    /// Another report (by index into the demo team), e.g. as co-owner.
    Report(usize),
}

pub struct Member {
    pub name: &'static str,
    pub title: &'static str,
    pub relationship: Relationship,
    pub notes: &'static str,
}

pub const LEADERS: [(Cast, Member); 7] = [
    (
        Cast::Skip,
        Member {
            name: "Morgan Avery",
            title: "Director of Engineering, Platform",
            relationship: Relationship::SkipLevel,
            notes: "My manager. Sits on the staff-plus calibration committee.",
        },
    ),
    (
        Cast::Vp,
        Member {
            name: "Samira Whitfield",
            title: "VP Engineering",
            relationship: Relationship::Leadership,
            notes: "Chairs calibration. Cares about reliability and cost this year.",
        },
    ),
    (
        Cast::Cto,
        Member {
            name: "Jonah Kessler",
            title: "CTO",
            relationship: Relationship::Leadership,
            notes: "",
        },
    ),
    (
        Cast::PeerManager,
        Member {
            name: "Lucia Ferreira",
            title: "Engineering Manager, Growth",
            relationship: Relationship::Peer,
            notes: "Peer manager; her team depends on payments work.",
        },
    ),
    (
        Cast::PrincipalPeer,
        Member {
            name: "Hiro Watanabe",
            title: "Principal Engineer, Infrastructure",
            relationship: Relationship::Peer,
            notes: "Reviews staff-plus packets; strong opinions on production time.",
        },
    ),
    (
        Cast::ProductLead,
        Member {
            name: "Grace Okonkwo",
            title: "Director of Product, Payments",
            relationship: Relationship::CrossFunctional,
            notes: "",
        },
    ),
    (
        Cast::DesignLead,
        Member {
            name: "Theo Lindgren",
            title: "Design Lead, Mobile",
            relationship: Relationship::CrossFunctional,
            notes: "",
        },
    ),
];

pub const MENTEES: [(&str, &str); 8] = [
    ("Jamie Chen", "Software Engineer II, Payments"),
    ("Ravi Menon", "Senior Engineer, Checkout"),
    ("Sofia Marchetti", "Software Engineer, Reliability"),
    ("Kofi Boateng", "Senior Engineer, Platform"),
    ("Mina Park", "Software Engineer II, Mobile"),
    ("Daniel Roth", "Senior Engineer, Data"),
    ("Ayesha Siddiqui", "Software Engineer, Identity"),
    ("Lars Nilsson", "Senior Engineer, Search"),
];
