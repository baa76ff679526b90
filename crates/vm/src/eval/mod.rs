//! Execution: frames on the thread's data stack and the evaluation loop.

pub mod ceval;
pub mod frame;
