//! A small path glob: `*` matches any run of characters within one path
//! segment, `**` any run across segments (including none), `?` one character
//! other than `/`. Everything else matches itself.

/// Whether `path` matches `pattern` (both with `/` separators).
pub fn glob_match(pattern: &str, path: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = path.chars().collect();
    matches(&p, &s)
}

fn matches(p: &[char], s: &[char]) -> bool {
    // Iterative matcher with memoisation over (pattern index, path index).
    let mut memo = vec![None; (p.len() + 1) * (s.len() + 1)];
    go(p, s, 0, 0, &mut memo)
}

fn go(p: &[char], s: &[char], i: usize, j: usize, memo: &mut [Option<bool>]) -> bool {
    let slot = i * (s.len() + 1) + j;
    if let Some(v) = memo[slot] {
        return v;
    }
    let result = match p.get(i) {
        None => j == s.len(),
        Some('*') if p.get(i + 1) == Some(&'*') => {
            // `**/` also matches zero segments.
            let next = i + 2;
            let skip_slash = if p.get(next) == Some(&'/') {
                go(p, s, next + 1, j, memo)
            } else {
                false
            };
            skip_slash || (j..=s.len()).any(|k| go(p, s, next, k, memo))
        }
        Some('*') => {
            let mut k = j;
            loop {
                if go(p, s, i + 1, k, memo) {
                    break true;
                }
                if k >= s.len() || s[k] == '/' {
                    break false;
                }
                k += 1;
            }
        }
        Some('?') => j < s.len() && s[j] != '/' && go(p, s, i + 1, j + 1, memo),
        Some(c) => j < s.len() && s[j] == *c && go(p, s, i + 1, j + 1, memo),
    };
    memo[slot] = Some(result);
    result
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn star_stays_in_segment() {
        assert!(glob_match("a/*.bpmn", "a/x.bpmn"));
        assert!(glob_match("a/*.bpmn", "a/.bpmn"));
        assert!(!glob_match("a/*.bpmn", "a/b/x.bpmn"));
        assert!(!glob_match("a/*.bpmn", "b/x.bpmn"));
        assert!(glob_match("a/*-nip.bpmn", "a/bkn-penetapan-nip.bpmn"));
        assert!(!glob_match("a/*-nip.bpmn", "a/bkn-penetapan.bpmn"));
    }

    #[test]
    fn double_star_crosses_segments() {
        assert!(glob_match("**/x.bpmn", "x.bpmn"));
        assert!(glob_match("**/x.bpmn", "a/b/x.bpmn"));
        assert!(glob_match("a/**", "a/b/c.bpmn"));
        assert!(!glob_match("a/**/y.bpmn", "a/b/x.bpmn"));
    }

    #[test]
    fn question_mark_and_literals() {
        assert!(glob_match("a?.bpmn", "ab.bpmn"));
        assert!(!glob_match("a?.bpmn", "a/.bpmn"));
        assert!(glob_match("exact.bpmn", "exact.bpmn"));
        assert!(!glob_match("exact.bpmn", "exact.bpmn2"));
    }
}
