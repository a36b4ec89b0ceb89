//! Similar titles: alternatives from different sections that may be the same idea. They are
//! flagged, never joined by themselves.

use std::collections::BTreeSet;

use crate::model::Session;

/// Little words that say nothing about an idea.
const STOP_WORDS: &[&str] = &[
    "и", "в", "во", "на", "по", "с", "со", "о", "об", "к", "ко", "от", "до", "из", "за", "для",
    "при", "не", "а", "the", "of", "and", "for", "in", "to", "a", "an", "on", "with", "by",
];

/// The stems of a title's words: lower case, «ё» as «е», the first five letters of each word
/// that is not a little word (a crude stem that holds for Russian endings).
fn stems(title: &str) -> BTreeSet<String> {
    title
        .to_lowercase()
        .replace('ё', "е")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !STOP_WORDS.contains(word))
        .map(|word| word.chars().take(5).collect())
        .collect()
}

/// Whether two titles name similar ideas: the same words but for endings and little words, or
/// at least half their word stems in common, or every stem of the shorter in the longer.
pub fn similar_titles(a: &str, b: &str) -> bool {
    let (a, b) = (stems(a), stems(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let common = a.intersection(&b).count();
    let union = a.union(&b).count();
    let shorter = a.len().min(b.len());
    common * 2 >= union || (shorter >= 2 && common == shorter)
}

/// Pairs of alternatives that came from different sections with similar titles, each pair in
/// order of ids, the pairs in order.
pub fn similar_pairs(session: &Session) -> Vec<[u32; 2]> {
    let from_sections: Vec<_> = session
        .alternatives
        .iter()
        .filter(|a| !a.origins.is_empty())
        .map(|a| {
            let sections: BTreeSet<&str> = a.origins.iter().map(|o| o.section.0.as_str()).collect();
            (a.id.0, a.title.as_str(), sections)
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, (id_a, title_a, sections_a)) in from_sections.iter().enumerate() {
        for (id_b, title_b, sections_b) in &from_sections[i + 1..] {
            if sections_a.is_disjoint(sections_b) && similar_titles(title_a, title_b) {
                pairs.push([(*id_a).min(*id_b), (*id_a).max(*id_b)]);
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::similar_titles;

    #[test]
    fn similar_titles_are_found_and_different_ones_are_not() {
        assert!(similar_titles(
            "Создать ресурсный центр ТОС",
            "Ресурсный центр для ТОС"
        ));
        assert!(similar_titles(
            "Грантовый конкурс для ТОС",
            "Грантовые конкурсы ТОС"
        ));
        assert!(similar_titles("Youth council", "A youth council"));
        assert!(!similar_titles(
            "Обучение глав поселений",
            "Ремонт дорог в поселениях"
        ));
        assert!(!similar_titles("", "Ремонт дорог"));
        assert!(!similar_titles(
            "Ресурсный центр ТОС",
            "Портал для ТОС и НКО"
        ));
    }
}
