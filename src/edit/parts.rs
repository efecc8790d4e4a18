//! A store taken apart into its lists (articles, actors, topics, statements) for edits to change, and built again.

use super::{Edit, EditError, actor_id, article_id, parse};
use crate::model::{Actor, ActorId, Article, ArticleId, Statement, TopicId};
use crate::store::Store;
use std::collections::HashMap;

pub struct Parts {
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    pub topics: Vec<String>,
    pub statements: Vec<Statement>,
    article_keys: HashMap<String, ArticleId>,
    actor_keys: HashMap<String, ActorId>,
    topic_keys: HashMap<String, TopicId>,
    /// Position in `statements` by (article, id); rebuilt after a removal.
    positions: HashMap<(ArticleId, String), usize>,
}

impl Parts {
    pub fn of(store: &Store) -> Parts {
        let articles: Vec<Article> = store
            .articles()
            .map(|a| Article {
                id: a.id.to_string(),
                title: a.title.map(str::to_string),
                outlet: a.outlet.map(str::to_string),
                author: a.author.map(str::to_string),
                url: a.url.map(str::to_string),
                published: a.published,
                language: a.language.map(str::to_string),
                text: a.text.to_string(),
                source: a.source.to_string(),
            })
            .collect();
        let mut parts = Parts {
            article_keys: HashMap::new(),
            actor_keys: HashMap::new(),
            topic_keys: HashMap::new(),
            positions: HashMap::new(),
            articles,
            actors: store.actors.clone(),
            topics: store.topics.clone(),
            statements: store.statements().collect(),
        };
        parts.article_keys = (parts.articles.iter().enumerate())
            .map(|(i, a)| (a.id.clone(), ArticleId(i as u32)))
            .collect();
        parts.topic_keys = (parts.topics.iter().enumerate())
            .map(|(i, t)| (t.clone(), TopicId(i as u32)))
            .collect();
        parts.index();
        parts
    }

    fn index(&mut self) {
        self.actor_keys = (self.actors.iter().enumerate())
            .map(|(i, a)| (a.id.clone(), ActorId(i as u32)))
            .collect();
        self.positions = (self.statements.iter().enumerate())
            .map(|(i, s)| ((s.article, s.key.to_string()), i))
            .collect();
    }

    pub fn build(self) -> Store {
        Store::build(self.articles, self.actors, self.topics, self.statements)
    }

    pub fn article(&self, key: &str) -> Option<ArticleId> {
        self.article_keys.get(key).copied()
    }

    pub fn actor(&self, key: &str) -> Option<ActorId> {
        self.actor_keys.get(key).copied()
    }

    /// The topic of that name, added if new.
    pub fn topic(&mut self, name: &str) -> TopicId {
        if let Some(&t) = self.topic_keys.get(name) {
            return t;
        }
        let t = TopicId(self.topics.len() as u32);
        self.topics.push(name.to_string());
        self.topic_keys.insert(name.to_string(), t);
        t
    }

    fn position(&self, article: ArticleId, key: &str) -> Option<usize> {
        self.positions.get(&(article, key.to_string())).copied()
    }

    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::Put { article, statement } => {
                let a = article_id(self, article)?;
                let s = parse::statement(self, a, statement)?;
                match self.position(a, &s.key) {
                    Some(i) => self.statements[i] = s,
                    None => {
                        self.positions
                            .insert((a, s.key.to_string()), self.statements.len());
                        self.statements.push(s);
                    }
                }
            }
            Edit::Delete { article, id } => {
                let a = article_id(self, article)?;
                let i = self.position(a, id).ok_or_else(|| EditError::NoStatement {
                    article: article.clone(),
                    id: id.clone(),
                })?;
                self.statements.remove(i);
                self.index();
            }
            Edit::PutActor { actor } => {
                let actor = parse::actor(actor)?;
                match self.actor(&actor.id) {
                    Some(i) => self.actors[i.index()] = actor,
                    None => {
                        self.actor_keys
                            .insert(actor.id.clone(), ActorId(self.actors.len() as u32));
                        self.actors.push(actor);
                    }
                }
            }
            Edit::DeleteActor { id } => {
                let a = actor_id(self, id)?;
                let count = self.statements.iter().filter(|s| names(s, a)).count();
                if count > 0 {
                    return Err(EditError::ActorUsed {
                        id: id.clone(),
                        count,
                    });
                }
                self.remove_actor(a);
            }
            Edit::Merge { from, into } => {
                let (f, t) = (actor_id(self, from)?, actor_id(self, into)?);
                if f == t {
                    return Err(EditError::Invalid(format!("{from:?} merged into itself")));
                }
                for s in &mut self.statements {
                    replace(s, f, t);
                }
                let gone = self.actors[f.index()].clone();
                let target = &mut self.actors[t.index()];
                for name in std::iter::once(&gone.name).chain(&gone.aliases) {
                    if *name != target.name && !target.aliases.contains(name) {
                        target.aliases.push(name.clone());
                    }
                }
                self.remove_actor(f);
            }
        }
        Ok(())
    }

    /// Removes actor `a` (no statement names it any more), renumbering those after it.
    fn remove_actor(&mut self, a: ActorId) {
        self.actors.remove(a.index());
        let shift = |x: &mut ActorId| {
            if x.0 > a.0 {
                x.0 -= 1;
            }
        };
        for s in &mut self.statements {
            shift(&mut s.speaker);
            if let Some(p) = &mut s.on_behalf_of {
                shift(p);
            }
            s.addressees.iter_mut().for_each(shift);
        }
        self.index();
    }
}

/// Whether statement `s` names actor `a` (as speaker, principal or addressee).
pub fn names(s: &Statement, a: ActorId) -> bool {
    s.speaker == a || s.on_behalf_of == Some(a) || s.addressees.contains(&a)
}

fn replace(s: &mut Statement, from: ActorId, into: ActorId) {
    let swap = |x: &mut ActorId| {
        if *x == from {
            *x = into;
        }
    };
    swap(&mut s.speaker);
    if let Some(p) = &mut s.on_behalf_of {
        swap(p);
    }
    s.addressees.iter_mut().for_each(swap);
    if s.on_behalf_of == Some(s.speaker) {
        s.on_behalf_of = None;
    }
    let mut seen = Vec::new();
    let kept: Vec<ActorId> = s
        .addressees
        .iter()
        .copied()
        .filter(|a| {
            let new = !seen.contains(a);
            seen.push(*a);
            new
        })
        .collect();
    s.addressees = kept.into_boxed_slice();
}
