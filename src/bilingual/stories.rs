//! Story clusters: the corpus grouped into stories told in both languages.
//!
//! The articles of the smaller language are paired ([`super::pairing`]) against the
//! other language, and so are the articles they choose (a link is mutual, so no other
//! article can be linked: at 4.4k shared articles 1,125 pairings instead of 4,447, the
//! same stories). Two articles are linked when each is among the other's `top` candidates
//! (a mutual link) with a score of at least `min_score` and `stand_out` times the third
//! candidate's both ways, and, when both carry a date, the dates lie at most `window_days`
//! apart. Near-duplicates (one report run by several outlets) count as one candidate, and
//! each joins the story its report is in. Links are then taken strongest first
//! and join their two clusters (single-link agglomeration, union–find) unless the joined
//! cluster would pass `max_size`: one popular article cannot chain the corpus into one
//! story. Every link is cross-lingual, so every cluster of two or more has both languages.
//!
//! A story is labelled with the lexicon entities most of its members share (in both
//! scripts), else with the evidence its strongest link shared, as each side wrote it.
//!
//! Work is counted, not timed (no clock in wasm): each query's candidates and name
//! alignments add to a count, and past `work` the clustering stops pairing and answers with
//! the articles paired so far (`partial: true`). [`stories_step`] does the pairing a slice
//! of work at a time (the page's worker answers searches between slices), and the finished
//! stories are kept for the same corpus and options.

use super::pairing::{fingerprint, with_index, Lang, Pairing, Signature};
use crate::index::DocId;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::cell::RefCell;

/// What [`stories_in`] is asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Stories with fewer articles are left out (at least 2).
    pub min_size: usize,
    /// Stories returned, largest first.
    pub limit: usize,
    /// A link needs each article among the other's first `top` candidates.
    pub top: usize,
    /// ... and a pairing score of at least this, both ways.
    pub min_score: f32,
    /// ... and a score this many times the background's, both ways (see [`STAND_OUT`]).
    pub stand_out: f32,
    /// No story grows past this many articles.
    pub max_size: usize,
    /// Dated articles more than this many days apart are never linked.
    pub window_days: i64,
    /// The work budget (candidates scored + names aligned).
    pub work: u64,
    /// The script entity names are shown in.
    pub names: Lang,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_size: 2,
            limit: 100,
            top: 1,
            min_score: MIN_SCORE,
            stand_out: STAND_OUT,
            max_size: 24,
            window_days: 7,
            work: 400_000_000,
            names: Lang::En,
        }
    }
}

/// The least pairing score of a link (both ways). Chosen on the corpus pairs
/// (`tests/stories.rs` prints pair recall and cluster sizes at other values).
pub const MIN_SCORE: f32 = 0.08;

/// How far a link's score must stand above the background: the third-best report's score
/// (the third, as a story is often told twice in one language by two outlets in their own
/// words; near-duplicates count once). In news of one war every article shares the same
/// places and parties with hundreds of others, and the best of those many is no story.
/// Measured on the shared corpus (`tests/stories.rs`): the 60 translation pairs found stand
/// 1.34–3.7 times above it, while 36 of the 41 other stories at 1.0 (read by eye, about 3
/// were one story) stood less than 1.3 times above it.
pub const STAND_OUT: f32 = 1.3;

/// One member article of a story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Member {
    pub id: DocId,
    pub file: String,
    pub title: String,
    pub date: Option<String>,
}

/// One story: its label in both scripts, its articles per language, its dates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Story {
    /// Up to four names or words, English (entities named in both scripts; else each
    /// side's own words).
    pub label_en: Vec<String>,
    /// The same in Arabic.
    pub label_ar: Vec<String>,
    /// Members, in corpus order.
    pub en: Vec<Member>,
    pub ar: Vec<Member>,
    /// The earliest and latest member date, when any member has one.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The strongest link's score.
    pub score: f32,
}

/// The clusters of a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stories {
    pub stories: Vec<Story>,
    /// Stories of at least `min_size` before `limit` cut them.
    pub total: usize,
    /// Articles paired (English and Arabic), and whether the work budget stopped it first.
    pub paired: usize,
    pub partial: bool,
    /// Work counted (candidates scored + names aligned).
    pub work: u64,
}

/// A clustering under way or done, kept (one per thread) between calls: what it is for
/// (the pairing index's fingerprint and the options), its pass, and its stories once
/// finished, which a later call with the same corpus and options answers at once.
struct Kept {
    fingerprint: u64,
    options: Options,
    pass: Pass,
    found: Option<Stories>,
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// How far [`stories_step`] has come: articles passed of all, and whether the stories are
/// ready for [`stories_in`] to give at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub done: usize,
    pub total: usize,
    pub ready: bool,
}

/// Calls `f` with the kept clustering of `corpus` under `options`, started anew when
/// either changed; `f` also gets the pairing index and the articles' dates.
fn with_pass<R>(
    corpus: &crate::Corpus,
    options: &Options,
    f: impl FnOnce(&mut Kept, &Pairing, &[DocId], &[Option<Signature>], &Around) -> R,
) -> R {
    with_index(corpus, |pairing, ids, sigs| {
        let fingerprint = fingerprint(corpus);
        KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            let kept = match kept.as_mut() {
                Some(k) if k.fingerprint == fingerprint && k.options == *options => k,
                _ => kept.insert(Kept {
                    fingerprint,
                    options: options.clone(),
                    pass: Pass::new(sigs),
                    found: None,
                }),
            };
            f(kept, pairing, ids, sigs, &Around::of(corpus, ids))
        })
    })
}

/// One slice of [`stories_in`]: pairs on until about `slice` more work is counted
/// (candidates scored + names aligned; 25,000 take some 30 ms in wasm) and stops between
/// two articles, so that the page's worker answers other requests meanwhile. Builds the
/// pairing index first if [`super::pairing::prepare`] has not.
pub fn stories_step(corpus: &crate::Corpus, options: &Options, slice: u64) -> Step {
    with_pass(corpus, options, |kept, pairing, _, sigs, around| {
        if kept.found.is_none() && !kept.pass.done() {
            kept.pass
                .advance(pairing, sigs, around, options, slice.max(1));
        }
        let (done, total) = match kept.found {
            Some(_) => (sigs.len(), sigs.len()),
            None => kept.pass.progress(),
        };
        Step {
            done,
            total,
            ready: kept.found.is_some() || kept.pass.done(),
        }
    })
}

/// The story clusters of `corpus`'s English and Arabic articles (see the module docs),
/// going on from where [`stories_step`] stopped, and kept for the next call.
pub fn stories_in(corpus: &crate::Corpus, options: &Options) -> Stories {
    with_pass(corpus, options, |kept, pairing, ids, sigs, around| {
        if let Some(found) = &kept.found {
            return found.clone();
        }
        let mut pass = std::mem::replace(&mut kept.pass, Pass::new(&[]));
        pass.advance(pairing, sigs, around, options, u64::MAX);
        let mut found = finish(pass, pairing, sigs, around, options);
        for story in &mut found.stories {
            for member in story.en.iter_mut().chain(story.ar.iter_mut()) {
                // Members were numbered by pairing; name them by corpus id.
                let Some(&id) = ids.get(member.id as usize) else {
                    continue;
                };
                if let Some(stored) = corpus.get(id) {
                    member.id = id;
                    member.file = stored.article.file.clone();
                    member.title = stored.article.title.clone();
                    member.date = stored.article.date.clone();
                }
            }
            let dates = story
                .en
                .iter()
                .chain(&story.ar)
                .filter_map(|m| m.date.clone());
            story.from = dates.clone().min();
            story.to = dates.max();
        }
        kept.found = Some(found.clone());
        found
    })
}

/// What clustering knows of each article besides its signature, by pairing number.
pub struct Around {
    /// Its date as a day number, when it has one.
    pub dates: Vec<Option<i64>>,
    /// Its near-duplicate group: the corpus id of the group's first article.
    pub families: Vec<u32>,
}

impl Around {
    fn of(corpus: &crate::Corpus, ids: &[DocId]) -> Around {
        let stored = |id: DocId| corpus.get(id);
        Around {
            dates: ids
                .iter()
                .map(|&id| day_number(stored(id)?.article.date.as_deref()?))
                .collect(),
            families: ids
                .iter()
                .map(|&id| stored(id).map_or(id, |s| s.family))
                .collect(),
        }
    }

    /// Whether articles `a` and `b` are one report (near-duplicates, or the same article).
    fn same_report(&self, a: u32, b: u32) -> bool {
        a == b
            || self
                .families
                .get(a as usize)
                .is_some_and(|f| self.families.get(b as usize) == Some(f))
    }
}

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (the civil calendar's day count).
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // March-based year, so the leap day ends it (Howard Hinnant's days_from_civil).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// One article's chosen candidate: its number, the pairing score, the evidence shared.
type Link = (u32, f32, Vec<String>);

/// The pairing a clustering has done so far: kept between slices ([`stories_step`]).
#[derive(Debug)]
pub struct Pass {
    /// Per article: its first candidates above the threshold, within the window (`None`:
    /// not paired yet).
    best: Vec<Option<Vec<Link>>>,
    /// Mutual links found, each once: (score, English, Arabic).
    links: Vec<(f32, u32, u32)>,
    /// The language whose articles are paired first, and the next of them to pair.
    first: Lang,
    next: usize,
    work: u64,
    paired: usize,
    partial: bool,
}

impl Pass {
    /// A clustering of the articles numbered as `sigs`, nothing paired yet. A link is
    /// mutual: the smaller language's articles are paired, then those they chose.
    pub fn new(sigs: &[Option<Signature>]) -> Pass {
        let count = |lang: Lang| {
            sigs.iter()
                .filter(|s| s.as_ref().is_some_and(|s| s.lang() == lang))
                .count()
        };
        let first = if count(Lang::En) <= count(Lang::Ar) {
            Lang::En
        } else {
            Lang::Ar
        };
        Pass {
            best: vec![None; sigs.len()],
            links: Vec::new(),
            first,
            next: 0,
            work: 0,
            paired: 0,
            partial: false,
        }
    }

    /// Whether every article that can be linked has been paired (or the budget ran out).
    pub fn done(&self) -> bool {
        self.next >= self.best.len() || self.partial
    }

    /// How far it is: articles of the first language passed, of how many articles.
    fn progress(&self) -> (usize, usize) {
        (self.next.min(self.best.len()), self.best.len())
    }

    /// Pairs on until `slice` more work is counted (or to the end), then stops between
    /// two articles.
    pub fn advance(
        &mut self,
        pairing: &Pairing,
        sigs: &[Option<Signature>],
        around: &Around,
        options: &Options,
        slice: u64,
    ) {
        let stop = self.work.saturating_add(slice);
        while self.next < sigs.len() && self.work < stop {
            let a = self.next;
            self.next += 1;
            if !sigs[a].as_ref().is_some_and(|s| s.lang() == self.first) {
                continue;
            }
            if self.work > options.work {
                self.partial = true;
                return;
            }
            let a = a as u32;
            self.rank(a, pairing, sigs, around, options);
            let chosen: Vec<(u32, f32)> = self.best[a as usize]
                .iter()
                .flatten()
                .map(|l| (l.0, l.1))
                .collect();
            for (b, score) in chosen {
                self.rank(b, pairing, sigs, around, options);
                // Mutual when `b` chose `a` or a near-duplicate of it: of several outlets'
                // copies of one report, each side may choose another copy.
                let back =
                    (self.best[b as usize].iter().flatten()).find(|l| around.same_report(l.0, a));
                if let Some(&(_, back, _)) = back {
                    let (en, ar) = if self.first == Lang::En {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    self.links.push((score.min(back), en, ar));
                }
            }
        }
    }

    /// Ranks article `doc`'s candidates once, keeping its first `top` within the
    /// threshold and the date window, near-duplicates counted once (at their best), that
    /// stand out above the third ([`STAND_OUT`]).
    fn rank(
        &mut self,
        doc: u32,
        pairing: &Pairing,
        sigs: &[Option<Signature>],
        around: &Around,
        options: &Options,
    ) {
        let dates = &around.dates;
        let (Some(sig), None) = (&sigs[doc as usize], &self.best[doc as usize]) else {
            return;
        };
        let top = options.top.max(1);
        let mut ranked = pairing.ranked(sig, Some(doc), options.names, 8 * top, &mut self.work);
        self.paired += 1;
        let near = |other: u32| match (
            dates.get(doc as usize).copied().flatten(),
            dates.get(other as usize).copied().flatten(),
        ) {
            (Some(a), Some(b)) => (a - b).abs() <= options.window_days,
            _ => true,
        };
        ranked.retain(|c| c.score >= options.min_score && near(c.doc));
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        let mut kept: Vec<u32> = Vec::new();
        ranked.retain(|c| {
            let first = !kept.iter().any(|&d| around.same_report(d, c.doc));
            if first {
                kept.push(c.doc);
            }
            first
        });
        let background = ranked.get(2).map_or(0.0, |c| c.score);
        ranked.truncate(top);
        ranked.retain(|c| c.score >= options.stand_out * background);
        self.best[doc as usize] = Some(
            ranked
                .into_iter()
                .map(|c| (c.doc, c.score, c.shared))
                .collect(),
        );
    }
}

/// Clusters the articles of `pairing` (numbered as `sigs` and `around`; members come back
/// numbered so, with empty file and title).
pub fn cluster(
    pairing: &Pairing,
    sigs: &[Option<Signature>],
    around: &Around,
    options: &Options,
) -> Stories {
    let mut pass = Pass::new(sigs);
    pass.advance(pairing, sigs, around, options, u64::MAX);
    finish(pass, pairing, sigs, around, options)
}

/// The stories of a finished [`Pass`]: links strongest first join clusters.
fn finish(
    pass: Pass,
    pairing: &Pairing,
    sigs: &[Option<Signature>],
    around: &Around,
    options: &Options,
) -> Stories {
    let Pass {
        best,
        mut links,
        work,
        paired,
        partial,
        ..
    } = pass;
    let best: Vec<Vec<Link>> = best.into_iter().map(Option::unwrap_or_default).collect();
    links.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut sets = Sets::new(sigs.len());
    let cap = options.max_size.max(2);
    // Each cluster's strongest link, by root.
    let mut strongest: FxHashMap<u32, (f32, u32, u32)> = FxHashMap::default();
    let mut join = |sets: &mut Sets, a: u32, b: u32, link: Option<(f32, u32, u32)>| {
        let (ra, rb) = (sets.root(a), sets.root(b));
        if sets.join(a, b, cap) {
            let keep = [strongest.remove(&ra), strongest.remove(&rb), link]
                .into_iter()
                .flatten()
                .reduce(|x, y| if y.0 > x.0 { y } else { x });
            if let Some(keep) = keep {
                strongest.insert(sets.root(a), keep);
            }
        }
    };
    for &(score, a, b) in &links {
        join(&mut sets, a, b, Some((score, a, b)));
    }
    // A member's near-duplicates (another outlet running the same report, found when the
    // articles were added) are the same story: each near-duplicate group with a member in a
    // story joins it, as far as `max_size` allows. A group in no story stays out: it has
    // one language only.
    let mut groups: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (doc, &family) in around.families.iter().enumerate() {
        groups.entry(family).or_default().push(doc as u32);
    }
    let mut groups: Vec<Vec<u32>> = groups.into_values().filter(|g| g.len() >= 2).collect();
    groups.sort_unstable();
    for group in &groups {
        if let Some(&member) = group.iter().find(|&&d| sets.size(d) >= 2) {
            for &doc in group {
                join(&mut sets, member, doc, None);
            }
        }
    }
    // Members per cluster, in link order.
    let mut members: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for doc in 0..sigs.len() as u32 {
        if sets.size(doc) >= 2 {
            members.entry(sets.root(doc)).or_default().push(doc);
        }
    }
    let mut stories: Vec<Story> = members
        .into_iter()
        .filter(|(_, m)| m.len() >= options.min_size.max(2))
        .filter_map(|(root, docs)| {
            let &(score, a, b) = strongest.get(&root)?;
            Some(story(pairing, &docs, sigs, &best, (score, a, b)))
        })
        .collect();
    stories.sort_by(|x, y| {
        (y.en.len() + y.ar.len())
            .cmp(&(x.en.len() + x.ar.len()))
            .then(y.score.total_cmp(&x.score))
            .then(x.en.first().map(|m| m.id).cmp(&y.en.first().map(|m| m.id)))
    });
    let total = stories.len();
    stories.truncate(options.limit);
    Stories {
        stories,
        total,
        paired,
        partial,
        work,
    }
}

/// A cluster's story: members per language, label, date span.
fn story(
    pairing: &Pairing,
    docs: &[u32],
    sigs: &[Option<Signature>],
    best: &[Vec<Link>],
    (score, a, b): (f32, u32, u32),
) -> Story {
    let mut en = Vec::new();
    let mut ar = Vec::new();
    let mut counts: FxHashMap<&str, (usize, &[String; 2])> = FxHashMap::default();
    for &doc in docs {
        let Some(sig) = sigs[doc as usize].as_ref() else {
            continue;
        };
        for (id, names) in sig.entity_names() {
            counts.entry(id).or_insert((0, names)).0 += 1;
        }
        let member = Member {
            id: doc,
            file: String::new(),
            title: String::new(),
            date: None,
        };
        match sig.lang() {
            Lang::En => en.push(member),
            Lang::Ar => ar.push(member),
        }
    }
    // Entities members share (at least two, and at least a third of them), those rare in
    // the corpus first: members × ln(1 + N / articles naming it).
    let n = pairing.len() as f32;
    let mut shared: Vec<(f32, &str, &[String; 2])> = counts
        .into_iter()
        .filter(|(_, (k, _))| *k >= 2 && 3 * k >= docs.len())
        .map(|(id, (k, names))| {
            let df = pairing.entity_count(id).max(1) as f32;
            (k as f32 * (1.0 + n / df).ln(), id, names)
        })
        .collect();
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(y.1)));
    shared.truncate(4);
    let (mut label_en, mut label_ar): (Vec<String>, Vec<String>) = shared
        .iter()
        .map(|(_, _, names)| (names[0].clone(), names[1].clone()))
        .unzip();
    // Else the strongest link's evidence, each side in its own words.
    let evidence = |from: u32, to: u32| -> Vec<String> {
        best[from as usize]
            .iter()
            .find(|l| l.0 == to)
            .map(|l| l.2.iter().take(4).cloned().collect())
            .unwrap_or_default()
    };
    if label_en.len() < 2 {
        label_en = evidence(a, b);
        label_ar = evidence(b, a);
    }
    Story {
        label_en,
        label_ar,
        en,
        ar,
        from: None,
        to: None,
        score,
    }
}

/// Union–find over article numbers, with sizes.
struct Sets {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    fn root(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }

    fn size(&mut self, x: u32) -> usize {
        let r = self.root(x);
        self.size[r as usize] as usize
    }

    /// Joins the sets of `a` and `b` unless they are one already or the joined set would
    /// pass `cap`; whether they were joined.
    fn join(&mut self, a: u32, b: u32, cap: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb || (self.size[ra as usize] + self.size[rb as usize]) as usize > cap {
            return false;
        }
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        true
    }
}
