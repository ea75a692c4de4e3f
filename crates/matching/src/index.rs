//! Candidate generation: an inverted index over canonical tokens. Pairs that
//! share no token are never scored.

use std::collections::HashMap;

use crate::profile::Profile;

/// Token → indices of the profiles that hold it (ascending).
pub(crate) struct InvertedIndex<'a> {
    postings: HashMap<&'a str, Vec<usize>>,
    max_posting: usize,
}

impl<'a> InvertedIndex<'a> {
    pub fn build(profiles: &'a [Profile], max_posting: usize) -> Self {
        let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, p) in profiles.iter().enumerate() {
            for k in &p.keys {
                postings.entry(k.as_str()).or_default().push(i);
            }
        }
        InvertedIndex {
            postings,
            max_posting,
        }
    }

    /// Indices of indexed profiles that share a token with `p`, ascending and
    /// distinct. Tokens whose posting list is longer than `max_posting` are
    /// skipped; if every token of `p` is that frequent, the first
    /// `max_posting` entries of its rarest token are used.
    pub fn candidates(&self, p: &Profile) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut rarest: Option<&Vec<usize>> = None;
        for k in &p.keys {
            let Some(list) = self.postings.get(k.as_str()) else {
                continue;
            };
            if list.len() <= self.max_posting {
                out.extend_from_slice(list);
            } else if rarest.is_none_or(|r| list.len() < r.len()) {
                rarest = Some(list);
            }
        }
        if out.is_empty() {
            if let Some(list) = rarest {
                out.extend(list.iter().take(self.max_posting));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
