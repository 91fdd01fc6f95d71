//! Tool calls in slices. On a large corpus a tool may work for seconds, and in the page it
//! runs on the worker's one thread, where nothing else (a newer request, a search) is
//! heard until it returns. So a tool is written as stages run through a [`Run`], which
//! the caller may give a work budget:
//! - a stage done in one go ([`Run::once`]: parsing, the sub-corpus, a final table) keeps
//!   its result;
//! - a stage that walks articles or positions ([`Run::pass`], [`Run::resume`]) keeps its
//!   state and stops when the slice's budget is spent: the call ends with
//!   [`Halt::Paused`] and the stage's progress.
//!
//! The next call replays the tool from the top with the kept [`Stages`]: finished stages
//! hand back their kept results at once, the paused one goes on where it stopped. A tool
//! is therefore deterministic in its stages (the same request on the same corpus revision
//! runs the same stages in the same order); the owner drops the stages when either
//! changes. A whole call (the CLI, tests) is the same code with no budget.
//!
//! Work is counted, not timed (wasm has no clock): a unit is about one word read from the
//! forward index.

use crate::error::Error;
use serde::Serialize;
use std::any::Any;
use std::rc::Rc;

/// Why a tool stopped before its answer.
#[derive(Debug)]
pub enum Halt {
    /// The slice's budget is spent; call again to go on.
    Paused,
    Failed(Error),
}

impl From<Error> for Halt {
    fn from(e: Error) -> Halt {
        Halt::Failed(e)
    }
}

/// What a paused tool was doing: a stage's name, its place among the tool's stages
/// (from 0), and how far it came in its own items (articles, positions), for a progress
/// bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Phase {
    pub stage: &'static str,
    pub step: usize,
    pub done: usize,
    pub total: usize,
}

enum Slot {
    /// A stage under way: its state, boxed as the stage's own type.
    Working(Box<dyn Any>),
    Done(Rc<dyn Any>),
}

/// The stages of one request kept between slices, in the order the tool runs them.
#[derive(Default)]
pub struct Stages {
    slots: Vec<Slot>,
}

impl std::fmt::Debug for Stages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Stages({})", self.slots.len())
    }
}

/// One slice (or a whole call) of a tool.
pub struct Run<'a> {
    stages: &'a mut Stages,
    next: usize,
    /// Units left in this slice.
    left: usize,
    /// Where the last resumable stage reached (what a pause reports).
    pub phase: Phase,
}

/// How far a resumable stage is after a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Done,
    /// `(done, total)` items.
    Partly(usize, usize),
}

impl<'a> Run<'a> {
    /// A slice of at most about `budget` units (`usize::MAX`: the whole call) over the
    /// stages kept so far.
    pub fn new(stages: &'a mut Stages, budget: usize) -> Run<'a> {
        Run {
            stages,
            next: 0,
            left: budget.max(1),
            phase: Phase::default(),
        }
    }

    /// A stage done in one go: `f`'s result, computed on the first slice that reaches the
    /// stage (a fresh one, if the slice's budget is spent) and kept for the slices after.
    pub fn once<T: 'static>(
        &mut self,
        f: impl FnOnce() -> Result<T, Error>,
    ) -> Result<Rc<T>, Halt> {
        let i = self.next;
        self.next += 1;
        if let Some(Slot::Done(kept)) = self.stages.slots.get(i) {
            return Ok(expect_kind(Rc::clone(kept)));
        }
        if self.left == 0 {
            return Err(Halt::Paused);
        }
        let value = Rc::new(f()?);
        self.stages
            .slots
            .push(Slot::Done(Rc::clone(&value) as Rc<dyn Any>));
        Ok(value)
    }

    /// A stage with its own cursor: `init()` makes its state; `step(state, budget)` does
    /// about `budget` units of work at most (some, if the budget is not 0), subtracts what
    /// it did and says how far the stage is; once done, `finish` turns the state into the
    /// stage's result.
    pub fn resume<S: 'static, T: 'static>(
        &mut self,
        stage: &'static str,
        init: impl FnOnce() -> S,
        mut step: impl FnMut(&mut S, &mut usize) -> Progress,
        finish: impl FnOnce(S) -> T,
    ) -> Result<Rc<T>, Halt> {
        let i = self.next;
        self.next += 1;
        if i == self.stages.slots.len() {
            self.stages.slots.push(Slot::Working(Box::new(init())));
        }
        let state: &mut S = match &mut self.stages.slots[i] {
            Slot::Done(kept) => return Ok(expect_kind(Rc::clone(kept))),
            Slot::Working(state) => state.downcast_mut().expect("a stage keeps its kind"),
        };
        match step(state, &mut self.left) {
            Progress::Partly(done, total) => {
                self.phase = Phase {
                    stage,
                    step: i,
                    done,
                    total,
                };
                Err(Halt::Paused)
            }
            Progress::Done => {
                let placeholder: Rc<dyn Any> = Rc::new(());
                let Slot::Working(state) =
                    std::mem::replace(&mut self.stages.slots[i], Slot::Done(placeholder))
                else {
                    unreachable!("a working stage was just stepped")
                };
                let state = *state.downcast::<S>().expect("a stage keeps its kind");
                let value = Rc::new(finish(state));
                self.stages.slots[i] = Slot::Done(Rc::clone(&value) as Rc<dyn Any>);
                Ok(value)
            }
        }
    }

    /// A stage that handles items `0..total` in order: `state` starts as `init()`,
    /// `each(state, i)` handles item `i` and returns its cost in units, and `finish` turns
    /// the final state into the stage's result.
    pub fn pass<S: 'static, T: 'static>(
        &mut self,
        stage: &'static str,
        total: usize,
        init: impl FnOnce() -> S,
        mut each: impl FnMut(&mut S, usize) -> usize,
        finish: impl FnOnce(S) -> T,
    ) -> Result<Rc<T>, Halt> {
        self.resume(
            stage,
            || (0usize, init()),
            |(at, state), budget| {
                while *at < total && *budget > 0 {
                    let cost = each(state, *at);
                    *at += 1;
                    *budget = budget.saturating_sub(cost.max(1));
                }
                if *at == total {
                    Progress::Done
                } else {
                    Progress::Partly(*at, total)
                }
            },
            |(_, state)| finish(state),
        )
    }

    /// The last stage, done in one go and not kept (its result is the answer): on a fresh
    /// slice if this one's budget is spent.
    pub fn last<T>(&mut self, f: impl FnOnce() -> Result<T, Error>) -> Result<T, Halt> {
        if self.left == 0 {
            return Err(Halt::Paused);
        }
        Ok(f()?)
    }
}

/// A kept result as its own type: a replay runs the same stages in the same order, so a
/// slot always holds what its stage made.
fn expect_kind<T: 'static>(kept: Rc<dyn Any>) -> Rc<T> {
    kept.downcast::<T>()
        .unwrap_or_else(|_| panic!("a replayed stage keeps its kind"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sums 0..n in a pass, then doubles it in a stage done once; counts how often each
    /// stage's work ran.
    fn tool(run: &mut Run, n: usize, calls: &mut (usize, usize)) -> Result<usize, Halt> {
        let sum = run.pass(
            "sum",
            n,
            || 0usize,
            |s, i| {
                calls.0 += 1;
                *s += i;
                1
            },
            |s| s,
        )?;
        let doubled = run.once(|| {
            calls.1 += 1;
            Ok(*sum * 2)
        })?;
        Ok(*doubled)
    }

    #[test]
    fn slices_replay_kept_stages_and_go_on_where_a_pass_stopped() {
        let mut stages = Stages::default();
        let mut calls = (0, 0);
        let mut pauses = Vec::new();
        let answer = loop {
            let mut run = Run::new(&mut stages, 3);
            match tool(&mut run, 10, &mut calls) {
                Ok(v) => break v,
                Err(Halt::Paused) => pauses.push((run.phase.done, run.phase.total)),
                Err(Halt::Failed(e)) => panic!("{e}"),
            }
        };
        assert_eq!(answer, 90);
        assert_eq!(pauses, vec![(3, 10), (6, 10), (9, 10)]);
        // Each item once, the final stage once: nothing is done twice by the replays.
        assert_eq!(calls, (10, 1));
        let mut whole = Stages::default();
        let mut calls = (0, 0);
        let v = tool(&mut Run::new(&mut whole, usize::MAX), 10, &mut calls);
        assert!(matches!(v, Ok(90)));
    }

    #[test]
    fn a_stage_done_once_waits_for_a_fresh_slice_when_the_budget_is_spent() {
        let mut stages = Stages::default();
        let mut calls = (0, 0);
        let mut run = Run::new(&mut stages, 4);
        assert!(matches!(tool(&mut run, 4, &mut calls), Err(Halt::Paused)));
        assert_eq!(calls, (4, 0));
        let mut run = Run::new(&mut stages, 4);
        assert!(matches!(tool(&mut run, 4, &mut calls), Ok(12)));
        assert_eq!(calls, (4, 1));
    }

    #[test]
    fn a_failed_stage_ends_the_call_with_its_error() {
        let mut stages = Stages::default();
        let mut run = Run::new(&mut stages, usize::MAX);
        let got: Result<Rc<u8>, Halt> = run.once(|| Err(super::super::invalid("bad".to_string())));
        assert!(matches!(got, Err(Halt::Failed(_))));
    }
}
