//! One clause of a step (`started 2026-03-02`, `impact "p99 −40%"`, `led`) and the ways a
//! step reads it; every misreading is an error naming the file, line and clause.

use chrono::NaiveDate;

use super::error::{CorpusError, CorpusResult, Place};
use super::tokens::{
    after_words, one_date, one_number, one_text, texts, tokenize, words_of, Token,
};

pub struct Clause<'a> {
    pub place: &'a Place,
    pub text: String,
    pub tokens: Vec<Token>,
}

impl<'a> Clause<'a> {
    pub fn all(place: &'a Place, clauses: &[String]) -> CorpusResult<Vec<Clause<'a>>> {
        clauses
            .iter()
            .map(|text| {
                Ok(Clause {
                    place,
                    text: text.clone(),
                    tokens: tokenize(text).map_err(|m| CorpusError::syntax(place, m))?,
                })
            })
            .collect()
    }

    fn error(&self, message: String) -> CorpusError {
        CorpusError::syntax(self.place, message)
    }

    /// Whether the clause is exactly these words.
    pub fn is(&self, words: &str) -> bool {
        after_words(&self.tokens, words).is_some_and(<[Token]>::is_empty)
    }

    /// `PREFIX DATE`.
    pub fn date(&self, prefix: &str) -> CorpusResult<Option<NaiveDate>> {
        match after_words(&self.tokens, prefix) {
            None => Ok(None),
            Some(rest) => one_date(rest).map(Some).ok_or_else(|| {
                self.error(format!(
                    "`{prefix}` takes a YYYY-MM-DD date: `{}`",
                    self.text
                ))
            }),
        }
    }

    /// `PREFIX "text"`.
    pub fn text(&self, prefix: &str) -> CorpusResult<Option<String>> {
        match after_words(&self.tokens, prefix) {
            None => Ok(None),
            Some(rest) => one_text(rest).map(Some).ok_or_else(|| {
                self.error(format!(
                    "`{prefix}` takes one \"quoted text\": `{}`",
                    self.text
                ))
            }),
        }
    }

    /// `PREFIX "a" "b" …`.
    pub fn texts(&self, prefix: &str) -> CorpusResult<Option<Vec<String>>> {
        match after_words(&self.tokens, prefix) {
            None => Ok(None),
            Some(rest) => texts(rest).map(Some).ok_or_else(|| {
                self.error(format!(
                    "`{prefix}` takes one or more \"quoted names\": `{}`",
                    self.text
                ))
            }),
        }
    }

    /// `PREFIX N`.
    pub fn number(&self, prefix: &str) -> CorpusResult<Option<i32>> {
        match after_words(&self.tokens, prefix) {
            None => Ok(None),
            Some(rest) => one_number(rest).map(Some).ok_or_else(|| {
                self.error(format!("`{prefix}` takes a whole number: `{}`", self.text))
            }),
        }
    }

    /// `PREFIX WORDS` read by `read` (a model choice); an unknown word is an error.
    pub fn choice_after<T>(
        &self,
        prefix: &str,
        read: fn(&str) -> Option<T>,
    ) -> CorpusResult<Option<T>> {
        match after_words(&self.tokens, prefix) {
            None => Ok(None),
            Some(rest) => words_of(rest)
                .and_then(|w| read(&w))
                .map(Some)
                .ok_or_else(|| {
                    self.error(format!("unknown value after `{prefix}`: `{}`", self.text))
                }),
        }
    }

    /// The whole clause as a choice (`led`, `snacking`, `skip-level`…), if it is one.
    pub fn choice<T>(&self, read: fn(&str) -> Option<T>) -> Option<T> {
        words_of(&self.tokens).and_then(|w| read(&w))
    }

    /// The whole clause as one quoted text.
    pub fn bare_text(&self) -> Option<String> {
        one_text(&self.tokens)
    }

    /// The error for a clause no reading accepted.
    pub fn unknown(&self, step: &str, expected: &str) -> CorpusError {
        self.error(format!(
            "`{}` is not something a {step} step understands; expected {expected}",
            self.text
        ))
    }
}
