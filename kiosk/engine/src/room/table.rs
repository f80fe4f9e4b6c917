//! The facilitator's table of the room, in memory only: who finished, their level and
//! domains, and the groups (proposed, then adjusted by hand).

use chrono::NaiveDate;

use super::{GroupRule, LearnerReport, propose_groups};
use crate::vocabulary::Domain;

/// Learners a room takes at most (a computer room holds a few dozen; a flood is refused).
pub const MAX_LEARNERS: usize = 200;

/// A learner of the room: their report and their number in arrival order (the facilitator
/// calls the unnamed ones by it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Learner {
    /// 1 for the first result received, and so on.
    pub number: u32,
    /// What their kiosk sent last.
    pub report: LearnerReport,
}

/// The room: its code, the day it was opened, its learners and groups.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomTable {
    code: String,
    opened_on: NaiveDate,
    learners: Vec<Learner>,
    /// Learner ids per group.
    groups: Vec<Vec<String>>,
    rule: GroupRule,
    /// The facilitator moved someone: new learners no longer reshuffle the groups.
    hand_adjusted: bool,
    /// Changes with every change, for the screen.
    revision: u64,
}

impl RoomTable {
    /// An empty room with this code, opened on `opened_on`; groups of at most 6 until the
    /// facilitator says otherwise.
    pub fn new(code: &str, opened_on: NaiveDate) -> Self {
        Self {
            code: code.to_owned(),
            opened_on,
            learners: Vec::new(),
            groups: Vec::new(),
            rule: GroupRule::MaxSize(6),
            hand_adjusted: false,
            revision: 0,
        }
    }

    /// The room code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The day it was opened; it closes at the end of that day.
    pub fn opened_on(&self) -> NaiveDate {
        self.opened_on
    }

    /// The learners in arrival order.
    pub fn learners(&self) -> &[Learner] {
        &self.learners
    }

    /// A learner by id.
    pub fn learner(&self, id: &str) -> Option<&Learner> {
        self.learners.iter().find(|l| l.report.learner == id)
    }

    /// The groups, as learner ids.
    pub fn groups(&self) -> &[Vec<String>] {
        &self.groups
    }

    /// The group of a learner (its index).
    pub fn group_of(&self, id: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.iter().any(|m| m == id))
    }

    /// How the room is split.
    pub fn rule(&self) -> GroupRule {
        self.rule
    }

    /// True once the facilitator moved someone by hand.
    pub fn hand_adjusted(&self) -> bool {
        self.hand_adjusted
    }

    /// Changes with every change of the table.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Takes in a learner's result (a second one from the same visit replaces the first,
    /// e.g. once a name is given). Groups are proposed again unless the facilitator adjusted
    /// them; then a newcomer joins the group closest to their level. Returns false (and takes
    /// nothing) when the room is full ([`MAX_LEARNERS`]).
    pub fn add(&mut self, report: LearnerReport) -> bool {
        self.revision += 1;
        if let Some(known) = self.learners.iter_mut().find(|l| l.report.learner == report.learner) {
            known.report = report;
            if !self.hand_adjusted {
                self.propose();
            }
            return true;
        }
        if self.learners.len() >= MAX_LEARNERS {
            return false;
        }
        let number = self.learners.last().map_or(1, |l| l.number + 1);
        let id = report.learner.clone();
        let rank = report.level.rank;
        self.learners.push(Learner { number, report });
        if !self.hand_adjusted || self.groups.is_empty() {
            self.propose();
            return true;
        }
        let closest = (0..self.groups.len()).min_by_key(|g| {
            let ranks: Vec<u8> =
                self.groups[*g].iter().filter_map(|m| self.learner(m)).map(|l| l.report.level.rank).collect();
            let mean_gap = ranks.iter().map(|r| u32::from(r.abs_diff(rank))).sum::<u32>() * 100
                / (ranks.len().max(1) as u32);
            (mean_gap, ranks.len(), *g)
        });
        if let Some(group) = closest.and_then(|g| self.groups.get_mut(g)) {
            group.push(id);
        }
        true
    }

    /// Splits the room by `rule` (the facilitator's choice); hand moves are forgotten.
    pub fn set_rule(&mut self, rule: GroupRule) {
        self.rule = rule;
        self.propose();
    }

    /// Repère's proposal for the current rule; hand moves are forgotten.
    pub fn propose(&mut self) {
        let reports: Vec<LearnerReport> = self.learners.iter().map(|l| l.report.clone()).collect();
        self.groups = propose_groups(&reports, self.rule)
            .into_iter()
            .map(|g| g.into_iter().map(|i| reports[i].learner.clone()).collect())
            .collect();
        self.hand_adjusted = false;
        self.revision += 1;
    }

    /// Moves a learner to group `to` (`to` = the number of groups makes a new group). An
    /// emptied group goes away.
    pub fn move_learner(&mut self, id: &str, to: usize) {
        if self.learner(id).is_none() || to > self.groups.len() {
            return;
        }
        if to == self.groups.len() {
            self.groups.push(Vec::new());
        }
        for group in &mut self.groups {
            group.retain(|m| m != id);
        }
        self.groups[to].push(id.to_owned());
        self.groups.retain(|g| !g.is_empty());
        self.hand_adjusted = true;
        self.revision += 1;
    }

    /// True when the room's day is over (it closes then, whatever happens).
    pub fn is_over(&self, today: NaiveDate) -> bool {
        today != self.opened_on
    }

    /// The groups as CSV: one row per learner, group by group. Statuses and levels are the
    /// result's ids; a name that a spreadsheet would read as a formula is quoted out.
    pub fn to_csv(&self) -> String {
        let mut csv = String::from("group,number,name,language,level,level_id");
        for domain in Domain::ALL {
            csv.push(',');
            csv.push_str(domain.id());
        }
        csv.push_str(",obstacles,minutes\n");
        for (index, group) in self.groups.iter().enumerate() {
            for learner in group.iter().filter_map(|id| self.learner(id)) {
                let r = &learner.report;
                let mut fields = vec![
                    (index + 1).to_string(),
                    learner.number.to_string(),
                    csv_text(r.name.as_deref().unwrap_or_default()),
                    r.language.clone(),
                    r.level.rank.to_string(),
                    r.level.id.clone(),
                ];
                fields.extend(
                    Domain::ALL.iter().map(|d| r.domains.get(d).map_or("not_reached", |s| s.id()).to_owned()),
                );
                fields.push(r.obstacles.join(" "));
                fields.push(r.seconds.div_ceil(60).to_string());
                csv.push_str(&fields.iter().map(|f| csv_quote(f)).collect::<Vec<_>>().join(","));
                csv.push('\n');
            }
        }
        csv
    }
}

/// A cell that no spreadsheet runs as a formula.
fn csv_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

fn csv_quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::LevelRef;
    use crate::scoring::DomainStatus;

    fn report(id: &str, name: Option<&str>, rank: u8) -> LearnerReport {
        LearnerReport {
            version: 1,
            learner: id.to_owned(),
            name: name.map(str::to_owned),
            language: "fr".to_owned(),
            level: LevelRef { rank, id: format!("level{rank}") },
            domains: Domain::ALL.into_iter().map(|d| (d, DomainStatus::Partial)).collect(),
            obstacles: vec!["fear".to_owned()],
            seconds: 601,
        }
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn results_fill_the_table_and_a_later_name_replaces_the_row() {
        let mut room = RoomTable::new("123456", day());
        room.add(report("a", None, 2));
        room.add(report("b", None, 4));
        room.add(report("a", Some("Amina"), 2));
        assert_eq!(room.learners().len(), 2, "same visit, same row");
        assert_eq!(room.learners()[0].number, 1, "numbered in arrival order");
        assert_eq!(room.learners()[0].report.name.as_deref(), Some("Amina"), "name given later");
        assert_eq!(room.groups().len(), 1, "six at most per group by default");
    }

    #[test]
    fn hand_moves_are_kept_when_others_arrive() {
        let mut room = RoomTable::new("123456", day());
        room.set_rule(GroupRule::Count(2));
        for (id, rank) in [("a", 1), ("b", 1), ("c", 4), ("d", 4)] {
            room.add(report(id, None, rank));
        }
        assert_eq!(
            room.groups(),
            [vec!["a".to_owned(), "b".to_owned()], vec!["c".to_owned(), "d".to_owned()]]
        );
        room.move_learner("b", 1);
        assert!(room.hand_adjusted(), "moved by hand");
        room.add(report("e", None, 1));
        assert_eq!(room.group_of("b"), Some(1), "the move is kept");
        assert_eq!(room.group_of("e"), Some(0), "the newcomer joins the group of their level");
        room.move_learner("e", 2);
        assert_eq!(room.groups().len(), 3, "a new group");
        room.move_learner("a", 1);
        assert_eq!(room.groups().len(), 2, "an emptied group goes away");
        room.propose();
        assert!(!room.hand_adjusted(), "a new proposal forgets the moves");
    }

    #[test]
    fn the_csv_lists_every_learner_by_group_and_defuses_formulas() {
        let mut room = RoomTable::new("123456", day());
        room.add(report("a", Some("=HYPERLINK(\"x\")"), 2));
        room.add(report("b", Some("Jo, the second"), 2));
        let csv = room.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "group,number,name,language,level,level_id,mouse,keyboard,internet,search,email,procedure,obstacles,minutes"
        );
        assert!(lines[1].starts_with("1,1,\"'=HYPERLINK(\"\"x\"\")\",fr,2,level2,partial"), "{}", lines[1]);
        assert!(lines[2].starts_with("1,2,\"Jo, the second\""), "{}", lines[2]);
        assert!(lines[2].ends_with(",fear,11"), "minutes rounded up: {}", lines[2]);
    }

    #[test]
    fn a_full_room_takes_no_newcomer_but_still_takes_names() {
        let mut room = RoomTable::new("123456", day());
        for i in 0..MAX_LEARNERS {
            assert!(room.add(report(&i.to_string(), None, 2)), "room for {i}");
        }
        assert!(!room.add(report("late", None, 2)), "full");
        assert!(room.add(report("0", Some("Amina"), 2)), "a name for someone already in");
        assert_eq!(room.learners().len(), MAX_LEARNERS, "no more");
    }

    #[test]
    fn a_room_is_over_at_the_end_of_its_day() {
        let room = RoomTable::new("123456", day());
        assert!(!room.is_over(day()), "open all day");
        assert!(room.is_over(day().succ_opt().unwrap()), "over the next day");
    }
}
