//! GEPADE detokenisation: a speech's tokens joined into one text, each token's exact character span kept.

/// Tokens written without a space before them: closing punctuation.
const NO_SPACE_BEFORE: &[&str] = &[",", ".", ";", ":", "!", "?", ")", "]", "}", "…", "%"];
/// Tokens written without a space after them: opening brackets.
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{"];

/// A speech's text and, for each sentence, each token's span in characters
/// (`[start, end)`, counted in Unicode code points from the start of the text).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detokenised {
    pub text: String,
    pub spans: Vec<Vec<(usize, usize)>>,
    /// The same spans in bytes of `text`.
    pub byte_spans: Vec<Vec<(usize, usize)>>,
}

/// Whether a quotation mark token opens or closes a quotation, given whether one is open.
fn quote(token: &str, open: bool) -> Option<bool> {
    match token {
        // German opening marks, and the guillemets as German prints them.
        "„" | "‚" => Some(true),
        // `“` closes a German `„…“` and opens an English `“…”`; `"` and `”` alternate.
        "“" | "”" | "\"" | "‘" | "’" => Some(!open),
        _ => None,
    }
}

/// Joins the tokens of every sentence, in order, into one text. The rule, applied
/// to the speech as one stream of tokens (sentences are not separated otherwise):
/// tokens are separated by one space, except that no space is written before a
/// closing punctuation token (`, . ; : ! ? ) ] } … %`) or a closing quotation mark,
/// nor after an opening bracket (`( [ {`) or an opening quotation mark. `„` and `‚`
/// always open; `“`, `”`, `"`, `‘` and `’` close a quotation when one is open and
/// open one otherwise. Every other token, dashes and slashes included, is spaced.
/// Tokens are copied verbatim, so each token's span in the text is exactly the token.
pub fn detokenise<S: AsRef<str>>(sentences: &[Vec<S>]) -> Detokenised {
    let mut out = Detokenised {
        text: String::with_capacity(
            sentences
                .iter()
                .flatten()
                .map(|t| t.as_ref().len() + 1)
                .sum(),
        ),
        spans: Vec::with_capacity(sentences.len()),
        byte_spans: Vec::with_capacity(sentences.len()),
    };
    let mut chars = 0;
    // No space before the very first token, nor after an opening token.
    let mut glue_next = true;
    let mut quoted = false;
    for sentence in sentences {
        let mut spans = Vec::with_capacity(sentence.len());
        let mut byte_spans = Vec::with_capacity(sentence.len());
        for token in sentence {
            let token = token.as_ref();
            let opens = quote(token, quoted);
            let closing = opens == Some(false) || NO_SPACE_BEFORE.contains(&token);
            if !glue_next && !closing {
                out.text.push(' ');
                chars += 1;
            }
            let len = token.chars().count();
            let byte = out.text.len();
            out.text.push_str(token);
            spans.push((chars, chars + len));
            byte_spans.push((byte, out.text.len()));
            chars += len;
            if let Some(opens) = opens {
                quoted = opens;
            }
            glue_next = opens == Some(true) || NO_SPACE_AFTER.contains(&token);
        }
        out.spans.push(spans);
        out.byte_spans.push(byte_spans);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(sentences: &[&[&str]]) -> String {
        let owned: Vec<Vec<&str>> = sentences.iter().map(|s| s.to_vec()).collect();
        detokenise(&owned).text
    }

    #[test]
    fn punctuation_and_quotation_marks_are_glued_to_their_words() {
        assert_eq!(
            text(&[
                &["Er", "sagte", ":", "„", "Wir", "gehen", ".", "“"],
                &[
                    "Dann", "(", "leider", ")", "nicht", "-", "oder", "doch", "?"
                ],
            ]),
            "Er sagte: „Wir gehen.“ Dann (leider) nicht - oder doch?"
        );
        assert_eq!(
            text(&[&[
                "Sie", "nannte", "es", "“", "gut", "”", "und", "\"", "klug", "\"", "."
            ]]),
            "Sie nannte es “gut” und \"klug\"."
        );
    }

    #[test]
    fn every_span_is_its_token() {
        let sentences = vec![vec!["„", "Grüße", "“", ","], vec!["CDU", "/", "CSU", "."]];
        let d = detokenise(&sentences);
        let chars: Vec<char> = d.text.chars().collect();
        for (sentence, spans) in sentences.iter().zip(&d.spans) {
            for (token, &(s, e)) in sentence.iter().zip(spans) {
                assert_eq!(chars[s..e].iter().collect::<String>(), *token);
            }
        }
        assert_eq!(d.text, "„Grüße“, CDU / CSU.");
    }
}
