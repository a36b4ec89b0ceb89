//! Positions: the groups' stances on the alternatives (the matrix), and how they converge.

pub mod board;
/// Positions → Convergence: how the groups' positions move between rounds.
pub mod convergence {
    pub mod board;
}
