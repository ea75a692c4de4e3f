//! Escaping for text that goes into HTML/SVG markup and JSON inside `<script>`.

use std::io::{self, Write};

/// Escapes `& < > " '` so the result is safe in XML/HTML text and in quoted attributes.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab/newline are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes `s` HTML-escaped: `& < > " '` (enough for text and quoted
/// attributes; unlike minijinja's default, `/` stays as it is, which keeps
/// the many URLs of a page a third shorter).
pub fn write_html(out: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        out.write_str(&s[start..i])?;
        out.write_str(rep)?;
        start = i + 1;
    }
    out.write_str(&s[start..])
}

/// A writer for JSON placed inside `<script type="application/json">`: replaces
/// `<`, `>` and `&` by `\u003c`, `\u003e` and `\u0026`. In JSON text those
/// characters can only occur inside strings, where the escapes mean the same,
/// so the JSON stays valid and `</script>` can never appear.
pub struct ScriptJsonWriter<W: Write>(pub W);

impl<W: Write> Write for ScriptJsonWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, b) in buf.iter().enumerate() {
            let rep: &[u8] = match b {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                _ => continue,
            };
            self.0.write_all(&buf[start..i])?;
            self.0.write_all(rep)?;
            start = i + 1;
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            xml("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(xml("a\u{1}b"), "a b");
    }

    #[test]
    fn html_escapes_markup_and_quotes_only() {
        let mut out = String::new();
        write_html(&mut out, "<a href='x'>\"Tom\" & Jerry</a>/é").unwrap();
        assert_eq!(
            out,
            "&lt;a href=&#x27;x&#x27;&gt;&quot;Tom&quot; &amp; Jerry&lt;/a&gt;/é"
        );
    }

    #[test]
    fn script_json_never_closes_the_script() {
        let mut w = ScriptJsonWriter(Vec::new());
        serde_json::to_writer(&mut w, &vec!["</script><b>&"]).unwrap();
        let s = String::from_utf8(w.0).unwrap();
        assert!(!s.contains('<'));
        let back: Vec<String> = serde_json::from_str(&s).unwrap();
        assert_eq!(back, vec!["</script><b>&"]);
    }
}
