//! Where in a JSON text a serde_json error happened, as a path:
//! `data.certificates[2].spec.brand`.
//!
//! This replaces `serde_path_to_error`, whose wrapping deserializer made a
//! second copy of every `Deserialize` impl in the wasm module (131 KB of the
//! 1,960 KB before wasm-opt). serde_json already says where it stopped (line
//! and column); a scan of the text up to there gives the path. It runs only
//! when reading failed, so its cost does not matter.

/// The error's message without serde_json's " at line L column C", and the
/// path in `text` where it happened (`"."` for the top level).
pub fn locate(text: &str, error: &serde_json::Error) -> (String, String) {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = message
        .strip_suffix(&position)
        .map(str::to_owned)
        .unwrap_or(message);
    let mut end = byte_offset(text, error.line(), error.column());
    // "missing field" is reported after the object's closing brace: the path
    // is that object's, not its last field's.
    let missing = message.starts_with("missing field");
    if missing {
        end = text[..end].rfind('}').unwrap_or(end);
    }
    (message, path_before(text, end, missing))
}

/// "spec.brand: unknown variant `Acme`, …", or the message alone when the
/// error is about the value itself.
pub fn describe(text: &str, error: &serde_json::Error) -> String {
    let (message, path) = locate(text, error);
    if path == "." {
        message
    } else {
        format!("{path}: {message}")
    }
}

/// serde_json counts lines from 1 and columns in bytes from 1; the offset is
/// just past the byte the column names, kept on a character boundary.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start = match line {
        0 | 1 => 0,
        n => text
            .match_indices('\n')
            .nth(n - 2)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    let mut end = (start + column).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    end
}

enum Frame {
    /// The key being read or last read, and whether a key comes next.
    Object(Option<String>, bool),
    Array(usize),
}

fn path_before(text: &str, end: usize, drop_last_key: bool) -> String {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key, expect_key)) = frames.last_mut()
                    && *expect_key
                {
                    let raw = &text[start..i.min(text.len())];
                    *key = Some(if raw.contains('\\') {
                        serde_json::from_str(&text[start - 1..(i + 1).min(text.len())])
                            .unwrap_or_else(|_| raw.to_owned())
                    } else {
                        raw.to_owned()
                    });
                    *expect_key = false;
                }
            }
            b'{' => frames.push(Frame::Object(None, true)),
            b'[' => frames.push(Frame::Array(0)),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object(_, expect_key)) => *expect_key = true,
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    if drop_last_key && let Some(Frame::Object(key, _)) = frames.last_mut() {
        *key = None;
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object(Some(key), _) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None, _) => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() { ".".into() } else { path }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Top {
        a: u32,
        b: Vec<Item>,
    }
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Item {
        x: Kind,
        y: String,
    }
    #[derive(Deserialize, Debug)]
    enum Kind {
        One,
    }

    fn at(text: &str) -> String {
        let error = serde_json::from_str::<Top>(text).expect_err(text);
        describe(text, &error)
    }

    #[test]
    fn names_the_field_of_the_item_that_failed() {
        assert_eq!(
            at(r#"{"a":1,"b":[{"x":"One","y":"é"},{"x":"Two","y":"q"}]}"#),
            "b[1].x: unknown variant `Two`, expected `One`"
        );
        assert_eq!(
            at(r#"{"a":1,"b":[{"x":"One","y":7}]}"#),
            "b[0].y: invalid type: integer `7`, expected a string"
        );
        assert_eq!(
            at(r#"{"a":"z","b":[]}"#),
            "a: invalid type: string \"z\", expected u32"
        );
    }

    #[test]
    fn a_missing_field_names_the_object_it_is_missing_from() {
        assert_eq!(
            at(r#"{"a":1,"b":[{"x":"One","y":"é"},{"x":"One"}]}"#),
            "b[1]: missing field `y`"
        );
        assert_eq!(at(r#"{"a":1}"#), "missing field `b`");
    }

    #[test]
    fn follows_lines_escaped_keys_and_nested_lists() {
        let text =
            "{\"a\":1,\n \"b\":[{\"x\":\"One\",\"y\":\"\\\"}{,\"},\n{\"x\":\"One\",\n\"y\":[]}]}";
        assert_eq!(
            at(text),
            "b[1].y: invalid type: sequence, expected a string"
        );
        let text = r#"{"a\"b":{"c":[[1,2],[3,{"d":true}]]}}"#;
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Deep {
            #[serde(rename = "a\"b")]
            ab: std::collections::HashMap<String, Vec<Vec<u32>>>,
        }
        let error = serde_json::from_str::<Deep>(text).unwrap_err();
        assert_eq!(locate(text, &error).1, "a\"b.c[1][1]");
    }
}
