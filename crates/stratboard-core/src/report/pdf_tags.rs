//! The logical structure of the PDF protocol (tagged PDF), so that screen readers and text
//! reflow read it as headings, paragraphs, lists, tables and figures in order — and so the file
//! meets PDF/A-2a and PDF/UA-1.
//!
//! Layout records the structure as it places text: it opens and closes groups and asks for a
//! leaf number for every piece of text it draws. Drawing marks each piece with the identifier
//! krilla gives it; [`tag_tree`] then hangs the identifiers in the tree. Page numbers, rules,
//! table lines and repeated table headers are artifacts, outside the structure.

use std::num::NonZeroU16;

use krilla::tagging::{
    Identifier, ListNumbering, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};

/// A structure element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A heading of this level, with its text as title.
    Heading(u8, String),
    /// A paragraph.
    Paragraph,
    /// A list.
    List,
    /// An item of a list.
    ListItem,
    /// An item's number or bullet.
    Label,
    /// An item's text.
    ListBody,
    /// A table.
    Table,
    /// A row.
    Row,
    /// A column header cell.
    HeaderCell,
    /// A data cell.
    Cell,
    /// A chart, described by its alternative text.
    Figure(String),
}

/// A node of the structure: a group of nodes, or a piece of drawn text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// An element and its children.
    Group(Kind, Vec<Node>),
    /// The drawn text with this leaf number.
    Leaf(usize),
}

/// Builds the structure while the layout runs.
#[derive(Debug, Default)]
pub struct Structure {
    roots: Vec<Node>,
    open: Vec<(Kind, Vec<Node>)>,
    leaves: usize,
    artifact: bool,
}

impl Structure {
    /// Opens an element; what follows goes into it until [`Self::close`].
    pub fn open(&mut self, kind: Kind) {
        self.open.push((kind, Vec::new()));
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        if let Some((kind, children)) = self.open.pop() {
            self.push(Node::Group(kind, children));
        }
    }

    fn push(&mut self, node: Node) {
        match self.open.last_mut() {
            Some((_, children)) => children.push(node),
            None => self.roots.push(node),
        }
    }

    /// While on, drawn text is an artifact (a repeated table header, a page number).
    pub fn set_artifact(&mut self, on: bool) {
        self.artifact = on;
    }

    /// The leaf number for the next piece of text, or `None` for an artifact.
    pub fn leaf(&mut self) -> Option<usize> {
        if self.artifact {
            return None;
        }
        let leaf = self.leaves;
        self.leaves += 1;
        self.push(Node::Leaf(leaf));
        Some(leaf)
    }

    /// How many leaves were handed out.
    pub fn leaves(&self) -> usize {
        self.leaves
    }

    /// The finished structure (any element left open is closed).
    pub fn finish(mut self) -> Vec<Node> {
        while !self.open.is_empty() {
            self.close();
        }
        self.roots
    }
}

fn tag_kind(kind: &Kind) -> TagKind {
    match kind {
        Kind::Heading(level, title) => {
            let level = NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN);
            Tag::Hn(level, Some(title.clone())).into()
        }
        Kind::Paragraph => Tag::P.into(),
        Kind::List => Tag::L(ListNumbering::None).into(),
        Kind::ListItem => Tag::LI.into(),
        Kind::Label => Tag::Lbl.into(),
        Kind::ListBody => Tag::LBody.into(),
        Kind::Table => Tag::Table.into(),
        Kind::Row => Tag::TR.into(),
        Kind::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
        Kind::Cell => Tag::TD.into(),
        Kind::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
    }
}

fn group(kind: &Kind, children: Vec<Node>, ids: &mut [Option<Identifier>]) -> TagGroup {
    let mut group = TagGroup::new(tag_kind(kind));
    for child in children {
        match child {
            Node::Group(kind, children) => group.push(self::group(&kind, children, ids)),
            Node::Leaf(leaf) => {
                if let Some(id) = ids.get_mut(leaf).and_then(Option::take) {
                    group.push(id);
                }
            }
        }
    }
    group
}

/// The tag tree: the structure with each leaf replaced by the identifier of its drawn text.
/// Each identifier is used once (taken out of `ids`).
pub fn tag_tree(nodes: Vec<Node>, ids: &mut [Option<Identifier>]) -> TagTree {
    let mut tree = TagTree::new();
    for node in nodes {
        match node {
            Node::Group(kind, children) => tree.push(group(&kind, children, ids)),
            Node::Leaf(leaf) => {
                if let Some(id) = ids.get_mut(leaf).and_then(Option::take) {
                    tree.push(id);
                }
            }
        }
    }
    tree
}
