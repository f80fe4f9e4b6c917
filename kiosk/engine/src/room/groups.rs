//! Repère's proposal of groups: learners ordered by level, then, within a level, along a
//! chain of nearest domain profiles; the order is then cut into groups of balanced sizes. A
//! group so holds neighbours in level and in what they can do. Deterministic: the same room
//! gives the same groups whatever the order results came in.

use super::LearnerReport;

/// How the facilitator wants the room split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupRule {
    /// This many groups (fewer when there are fewer learners).
    Count(usize),
    /// Groups of at most this many learners, as few groups as that allows.
    MaxSize(usize),
}

impl GroupRule {
    /// How many groups for `learners` learners.
    pub fn groups_for(self, learners: usize) -> usize {
        if learners == 0 {
            return 0;
        }
        match self {
            Self::Count(count) => count.clamp(1, learners),
            Self::MaxSize(size) => learners.div_ceil(size.max(1)),
        }
    }
}

/// Distance between two domain profiles (sum of the steps between statuses).
pub fn profile_distance(a: &LearnerReport, b: &LearnerReport) -> u32 {
    a.profile().iter().zip(b.profile()).map(|(x, y)| u32::from(x.abs_diff(y))).sum()
}

/// The order groups are cut from: by level, then a nearest-profile chain within each level
/// starting from the least advanced profile. Ties go by name, then id.
pub fn ordered(learners: &[LearnerReport]) -> Vec<usize> {
    let tie = |i: usize| {
        let l = &learners[i];
        let total: u32 = l.profile().iter().map(|v| u32::from(*v)).sum();
        (total, l.profile(), l.name.clone(), l.learner.clone())
    };
    let mut by_level: Vec<usize> = (0..learners.len()).collect();
    by_level.sort_by_key(|i| (learners[*i].level.rank, tie(*i)));
    let mut order = Vec::with_capacity(learners.len());
    for level in by_level.chunk_by(|a, b| learners[*a].level.rank == learners[*b].level.rank) {
        let mut left: Vec<usize> = level.to_vec();
        // `left` is sorted: its first is the least advanced profile of the level.
        let mut current = left.remove(0);
        order.push(current);
        while !left.is_empty() {
            let nearest = (0..left.len())
                .min_by_key(|k| (profile_distance(&learners[current], &learners[left[*k]]), *k))
                .unwrap_or(0);
            current = left.remove(nearest);
            order.push(current);
        }
    }
    order
}

/// The proposed groups, as indices into `learners`: groups in level order, sizes differing
/// by one at most (the larger ones first).
pub fn propose_groups(learners: &[LearnerReport], rule: GroupRule) -> Vec<Vec<usize>> {
    let count = rule.groups_for(learners.len());
    let order = ordered(learners);
    let mut groups = Vec::with_capacity(count);
    let mut rest = order.as_slice();
    for g in 0..count {
        let size = learners.len() / count + usize::from(g < learners.len() % count);
        let (group, after) = rest.split_at(size);
        groups.push(group.to_vec());
        rest = after;
    }
    groups
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::result::LevelRef;
    use crate::scoring::DomainStatus;
    use crate::vocabulary::Domain;

    /// A learner with a level and a profile written as six digits (0 not reached … 3 mastered).
    fn learner(id: &str, rank: u8, profile: &str) -> LearnerReport {
        let statuses =
            [DomainStatus::NotReached, DomainStatus::NotYet, DomainStatus::Partial, DomainStatus::Mastered];
        let domains: BTreeMap<Domain, DomainStatus> = Domain::ALL
            .into_iter()
            .zip(profile.bytes())
            .map(|(d, b)| (d, statuses[usize::from(b - b'0')]))
            .collect();
        LearnerReport {
            version: 1,
            learner: id.to_owned(),
            name: Some(id.to_owned()),
            language: "fr".to_owned(),
            level: LevelRef { rank, id: format!("level{rank}") },
            domains,
            obstacles: Vec::new(),
            seconds: 600,
        }
    }

    fn room() -> Vec<LearnerReport> {
        vec![
            learner("ana", 3, "333210"),
            learner("bob", 1, "100000"),
            learner("cem", 2, "320000"),
            learner("dia", 3, "332210"),
            learner("eli", 1, "200000"),
            learner("fox", 2, "231000"),
            learner("gus", 4, "333332"),
            learner("hal", 2, "321000"),
            learner("ivy", 3, "333100"),
            learner("jon", 1, "110000"),
        ]
    }

    fn names(room: &[LearnerReport], groups: &[Vec<usize>]) -> Vec<Vec<String>> {
        groups.iter().map(|g| g.iter().map(|i| room[*i].learner.clone()).collect()).collect()
    }

    #[test]
    fn groups_follow_levels_then_close_profiles() {
        let room = room();
        let groups = names(&room, &propose_groups(&room, GroupRule::Count(3)));
        assert_eq!(
            groups,
            vec![vec!["bob", "jon", "eli", "cem"], vec!["hal", "fox", "ivy"], vec!["ana", "dia", "gus"],],
            "level 1 together, then level 2, level 3 and the one level 4 with the closest level 3s"
        );
    }

    #[test]
    fn sizes_are_balanced_and_levels_never_cross_back() {
        let room = room();
        for rule in [
            GroupRule::Count(1),
            GroupRule::Count(3),
            GroupRule::Count(4),
            GroupRule::MaxSize(3),
            GroupRule::MaxSize(4),
        ] {
            let groups = propose_groups(&room, rule);
            let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
            let (min, max) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
            assert!(max - min <= 1, "{rule:?}: balanced sizes {sizes:?}");
            assert_eq!(sizes.iter().sum::<usize>(), room.len(), "{rule:?}: everyone placed once");
            if let GroupRule::MaxSize(size) = rule {
                assert!(*max <= size, "{rule:?}: {sizes:?}");
            }
            for pair in groups.windows(2) {
                let highest = pair[0].iter().map(|i| room[*i].level.rank).max().unwrap();
                let lowest = pair[1].iter().map(|i| room[*i].level.rank).min().unwrap();
                assert!(highest <= lowest, "{rule:?}: groups in level order");
            }
        }
    }

    #[test]
    fn the_same_room_gives_the_same_groups_in_any_arrival_order() {
        let room = room();
        let expected = names(&room, &propose_groups(&room, GroupRule::MaxSize(4)));
        let mut shuffled = room.clone();
        shuffled.reverse();
        shuffled.swap(1, 7);
        shuffled.swap(0, 4);
        assert_eq!(
            names(&shuffled, &propose_groups(&shuffled, GroupRule::MaxSize(4))),
            expected,
            "deterministic"
        );
    }

    #[test]
    fn within_a_level_neighbours_have_close_profiles() {
        let room = vec![
            learner("a", 2, "300000"),
            learner("b", 2, "000003"),
            learner("c", 2, "300001"),
            learner("d", 2, "000013"),
        ];
        let groups = names(&room, &propose_groups(&room, GroupRule::Count(2)));
        assert_eq!(
            groups,
            vec![vec!["b", "d"], vec!["c", "a"]],
            "procedure people together, mouse people together"
        );
    }

    #[test]
    fn small_rooms() {
        assert!(propose_groups(&[], GroupRule::Count(3)).is_empty(), "no learner, no group");
        let one = vec![learner("a", 2, "300000")];
        assert_eq!(propose_groups(&one, GroupRule::Count(3)), vec![vec![0]], "one learner, one group");
        assert_eq!(GroupRule::MaxSize(0).groups_for(3), 3, "a size of 0 counts as 1");
    }
}
