//! The table of voting methods: each method's name (in files' messages and on the command
//! line), the translation key of its label, and how a new vote of it is set up. Menus, the
//! command line, validation messages and labels all read this one table.

use super::{Criterion, VoteMethod};

/// The settings a new vote of a method starts with, where the method has any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodDefaults {
    /// Consent: whether a participant may block.
    pub allow_block: bool,
    /// Dot voting: dots per participant.
    pub dots: u32,
    /// Score and matrix: the lowest score.
    pub min: i32,
    /// Score and matrix: the highest score.
    pub max: i32,
    /// Majority judgment: the grades, worst first.
    pub grades: Vec<String>,
    /// Matrix: the criteria.
    pub criteria: Vec<Criterion>,
}

impl Default for MethodDefaults {
    fn default() -> Self {
        Self {
            allow_block: false,
            dots: 3,
            min: 0,
            max: 5,
            grades: Vec::new(),
            criteria: Vec::new(),
        }
    }
}

/// One row of [`METHODS`].
#[derive(Clone, Copy, Debug)]
pub struct MethodInfo {
    /// The name `--method` takes and messages use ("ranked-pairs").
    pub name: &'static str,
    /// The translation key of the method's label.
    pub label_key: &'static str,
    /// A new vote's method with `defaults` applied.
    pub new: fn(&MethodDefaults) -> VoteMethod,
}

const fn row(
    name: &'static str,
    label_key: &'static str,
    new: fn(&MethodDefaults) -> VoteMethod,
) -> MethodInfo {
    MethodInfo {
        name,
        label_key,
        new,
    }
}

/// Every voting method, in the order pickers offer them.
pub const METHODS: [MethodInfo; 13] = [
    row("consent", "votes-method-consent", |d| VoteMethod::Consent {
        allow_block: d.allow_block,
    }),
    row("plurality", "votes-method-plurality", |_| {
        VoteMethod::Plurality
    }),
    row("approval", "votes-method-approval", |_| {
        VoteMethod::Approval
    }),
    row("dot", "votes-method-dot", |d| VoteMethod::Dot {
        dots: d.dots,
        cap: None,
    }),
    row("score", "votes-method-score", |d| VoteMethod::Score {
        min: d.min,
        max: d.max,
    }),
    row("majority-judgment", "votes-method-majority-judgment", |d| {
        VoteMethod::MajorityJudgment {
            grades: d.grades.clone(),
        }
    }),
    row("borda", "votes-method-borda", |_| VoteMethod::Borda),
    row("irv", "votes-method-irv", |_| VoteMethod::Irv),
    row("schulze", "votes-method-schulze", |_| VoteMethod::Schulze),
    row("ranked-pairs", "votes-method-ranked-pairs", |_| {
        VoteMethod::RankedPairs
    }),
    row("copeland", "votes-method-copeland", |_| {
        VoteMethod::Copeland
    }),
    row("condorcet", "votes-method-condorcet", |_| {
        VoteMethod::Condorcet
    }),
    row("matrix", "votes-method-matrix", |d| VoteMethod::Matrix {
        criteria: d.criteria.clone(),
        min: d.min,
        max: d.max,
    }),
];

impl MethodInfo {
    /// The row of the method called `name`, if there is one.
    pub fn by_name(name: &str) -> Option<&'static Self> {
        METHODS.iter().find(|info| info.name == name)
    }
}

impl VoteMethod {
    /// This method's row of [`METHODS`] (whatever its settings).
    pub fn info(&self) -> &'static MethodInfo {
        let kind = std::mem::discriminant(self);
        let defaults = MethodDefaults::default();
        METHODS
            .iter()
            .find(|info| std::mem::discriminant(&(info.new)(&defaults)) == kind)
            .unwrap_or(&METHODS[0])
    }

    /// The method's name as the command line spells it.
    pub fn cli_name(&self) -> &'static str {
        self.info().name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_method_has_one_row_and_its_row_names_it() {
        let defaults = MethodDefaults::default();
        for info in &METHODS {
            let method = (info.new)(&defaults);
            assert_eq!(method.info().name, info.name);
            assert_eq!(
                MethodInfo::by_name(info.name).map(|i| i.name),
                Some(info.name)
            );
            assert!(info.label_key.starts_with("votes-method-"), "{}", info.name);
            let same = METHODS
                .iter()
                .filter(|other| {
                    std::mem::discriminant(&(other.new)(&defaults))
                        == std::mem::discriminant(&method)
                })
                .count();
            assert_eq!(same, 1, "{}", info.name);
        }
        assert!(MethodInfo::by_name("instant-runoff").is_none());
    }

    #[test]
    fn defaults_reach_the_method() {
        let defaults = MethodDefaults {
            allow_block: true,
            min: 1,
            max: 10,
            ..MethodDefaults::default()
        };
        let new = |name| MethodInfo::by_name(name).map(|info| (info.new)(&defaults));
        assert_eq!(
            new("consent"),
            Some(VoteMethod::Consent { allow_block: true })
        );
        assert_eq!(new("score"), Some(VoteMethod::Score { min: 1, max: 10 }));
    }
}
