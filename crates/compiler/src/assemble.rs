//! The control-flow graph the code generator writes into, its cleanup and
//! optimization passes, and the assembler that turns it into a code object
//! (CPython 3.11's flowgraph and `assemble()`): exception handlers are
//! labelled from the SETUP_*/POP_BLOCK pseudo instructions, jumps are
//! threaded, tuples of constants folded, unreachable code removed, line
//! numbers propagated, the stack depth computed, and jumps resolved into
//! forward or backward relative jumps with EXTENDED_ARG prefixes.

use crate::code::{encode_exception_table, ExceptionEntry, LineTableWriter, Location};
use crate::opcode::Opcode;

/// An instruction as the code generator writes it: a real opcode, or a
/// pseudo instruction the assembler resolves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    Real(Opcode),
    /// Unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD.
    Jump,
    /// Becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT.
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
    /// Pushes an exception handler (the target) for the following code.
    SetupFinally,
    /// As SetupFinally, and the handler also gets the raising offset (lasti).
    SetupCleanup,
    /// As SetupCleanup, for `with` (one more item on the stack).
    SetupWith,
    /// Pops the innermost exception handler.
    PopBlock,
}

impl Op {
    pub fn is_setup(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// Has a target block and transfers control there (not SETUP_*).
    pub fn is_jump(self) -> bool {
        match self {
            Op::Real(op) => op.has_jump(),
            Op::Jump
            | Op::JumpNoInterrupt
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone => true,
            _ => false,
        }
    }

    pub fn is_unconditional_jump(self) -> bool {
        match self {
            Op::Real(op) => op.is_unconditional_jump(),
            Op::Jump | Op::JumpNoInterrupt => true,
            _ => false,
        }
    }

    /// Control never continues to the next instruction.
    pub fn no_fallthrough(self) -> bool {
        match self {
            Op::Real(op) => op.is_unconditional_jump() || op.is_scope_exit(),
            Op::Jump | Op::JumpNoInterrupt => true,
            _ => false,
        }
    }

    fn is_scope_exit(self) -> bool {
        matches!(self, Op::Real(op) if op.is_scope_exit())
    }

    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        match self {
            Op::Real(op) => op.stack_effect(arg, jump),
            Op::Jump | Op::JumpNoInterrupt | Op::PopBlock => 0,
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
            Op::SetupFinally => jump as i32,
            Op::SetupCleanup => 2 * jump as i32,
            Op::SetupWith => jump as i32,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: Option<BlockId>,
    pub loc: Location,
    /// The handler covering this instruction (filled in by the assembler).
    pub except: Option<BlockId>,
}

impl Instr {
    fn size(&self) -> u32 {
        let Op::Real(op) = self.op else { return 0 };
        let ext = match self.arg {
            0..=0xFF => 0,
            0x100..=0xFFFF => 1,
            0x1_0000..=0xFF_FFFF => 2,
            _ => 3,
        };
        1 + ext + op.cache_entries() as u32
    }
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    except_handler: bool,
    preserve_lasti: bool,
    start_depth: Option<i32>,
    offset: u32,
    /// Handler stack at the block's entry (exception labelling).
    except_stack: Option<Vec<BlockId>>,
}

impl Block {
    fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    fn falls_through(&self) -> bool {
        self.last().is_none_or(|i| !i.op.no_fallthrough())
    }

    /// An exit block none of whose instructions has a line number.
    fn is_exit_without_lineno(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_scope_exit())
            && self.instrs.iter().all(|i| i.loc.is_none())
    }
}

/// The graph of one code object under construction.
#[derive(Clone, Debug)]
pub struct Cfg {
    pub blocks: Vec<Block>,
    /// Layout order: fallthrough goes to the next block of this list.
    pub order: Vec<BlockId>,
    pub current: BlockId,
    /// The block started right after the last RETURN_VALUE written.
    after_return: Option<BlockId>,
}

impl Default for Cfg {
    fn default() -> Self {
        Self::new()
    }
}

/// Where in the stack depth computation a constant `LOAD_CONST` folding
/// needs the constants: the assembler asks the caller to add a folded tuple.
pub trait ConstPool {
    /// The constant at `index`, if it can be folded into a tuple.
    fn tuple_item(&self, index: u32) -> Option<syntax::ast::Constant>;
    /// Add (or find) a constant tuple and return its index.
    fn add_tuple(&mut self, items: Vec<syntax::ast::Constant>) -> u32;
    /// Whether the constant at `index` is true, if it is a plain value.
    fn truthiness(&self, index: u32) -> Option<bool>;
    fn is_none(&self, index: u32) -> bool;
}

/// `Cfg::layout_positions` of a block outside the layout.
const NOT_LAID_OUT: u32 = u32::MAX;

/// CPython's limit on how many instructions an exit block may have to be
/// copied in place of a jump to it.
const MAX_COPY_SIZE: usize = 4;

impl Cfg {
    pub fn new() -> Self {
        Cfg {
            blocks: vec![Block::default()],
            order: vec![BlockId(0)],
            current: BlockId(0),
            after_return: None,
        }
    }

    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        BlockId(self.blocks.len() as u32 - 1)
    }

    /// Continue writing in `b`, placed next in the layout.
    pub fn use_block(&mut self, b: BlockId) {
        self.order.push(b);
        self.current = b;
    }

    pub fn block(&self, b: BlockId) -> &Block {
        &self.blocks[b.0 as usize]
    }

    fn block_mut(&mut self, b: BlockId) -> &mut Block {
        &mut self.blocks[b.0 as usize]
    }

    pub fn emit(&mut self, op: Op, arg: u32, target: Option<BlockId>, loc: Location) {
        let cur = self.current;
        self.block_mut(cur).instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            except: None,
        });
        // Jumps and exits end their basic block.
        if op.is_jump() || op.no_fallthrough() {
            let next = self.new_block();
            self.use_block(next);
            if op == Op::Real(Opcode::RETURN_VALUE) {
                self.after_return = Some(next);
            }
        }
    }

    /// The last instruction written in the current block.
    pub fn last_instr(&self) -> Option<&Instr> {
        self.block(self.current).last()
    }

    /// Whether the code written last is a return (so no implicit `return None` is needed).
    pub fn current_ends_in_return(&self) -> bool {
        self.after_return == Some(self.current) && self.block(self.current).instrs.is_empty()
    }

    fn next_in_layout(&self, pos: usize) -> Option<BlockId> {
        self.order.get(pos + 1).copied()
    }

    // ---------------------------------------------------------------------
    // Exception handler labelling.

    fn label_exception_targets(&mut self) {
        let entry = self.order[0];
        self.block_mut(entry).except_stack = Some(Vec::new());
        let mut todo = vec![entry];
        let positions = self.layout_positions();
        while let Some(b) = todo.pop() {
            let mut stack = self.block(b).except_stack.clone().unwrap_or_default();
            let n = self.block(b).instrs.len();
            for k in 0..n {
                let instr = self.block(b).instrs[k];
                if instr.op.is_setup() {
                    // As in CPython, the SETUP itself (later a NOP) is covered by no handler.
                    self.block_mut(b).instrs[k].except = None;
                    let target = instr.target.expect("setup has a target");
                    if self.block(target).except_stack.is_none() {
                        self.block_mut(target).except_stack = Some(stack.clone());
                        todo.push(target);
                    }
                    let t = self.block_mut(target);
                    t.except_handler = true;
                    if matches!(instr.op, Op::SetupCleanup | Op::SetupWith) {
                        t.preserve_lasti = true;
                    }
                    stack.push(target);
                    continue;
                } else if instr.op == Op::PopBlock {
                    stack.pop();
                    continue;
                } else if instr.op.is_jump() {
                    let target = instr.target.expect("jump has a target");
                    if self.block(target).except_stack.is_none() {
                        self.block_mut(target).except_stack = Some(stack.clone());
                        todo.push(target);
                    }
                }
                self.block_mut(b).instrs[k].except = stack.last().copied();
            }
            if self.block(b).falls_through() {
                if let Some(next) = self.next_of(&positions, b) {
                    if self.block(next).except_stack.is_none() {
                        self.block_mut(next).except_stack = Some(stack);
                        todo.push(next);
                    }
                }
            }
        }
        // The pseudo instructions have done their job; keep their lines as NOPs.
        for block in &mut self.blocks {
            for instr in &mut block.instrs {
                if instr.op.is_setup() || instr.op == Op::PopBlock {
                    instr.op = Op::Real(Opcode::NOP);
                    instr.target = None;
                    instr.arg = 0;
                }
            }
        }
    }

    /// Each block's index in the layout (`NOT_LAID_OUT` when it is not in it).
    fn layout_positions(&self) -> Vec<u32> {
        let mut positions = vec![NOT_LAID_OUT; self.blocks.len()];
        for (i, b) in self.order.iter().enumerate() {
            positions[b.0 as usize] = i as u32;
        }
        positions
    }

    /// The block laid out after `b`.
    fn next_of(&self, positions: &[u32], b: BlockId) -> Option<BlockId> {
        match positions[b.0 as usize] {
            NOT_LAID_OUT => None,
            p => self.next_in_layout(p as usize),
        }
    }

    // ---------------------------------------------------------------------
    // Optimizations.

    /// For each layout position, the first block with code at or after
    /// it (what following empty blocks leads to).
    fn first_nonempty_from(&self) -> Vec<Option<BlockId>> {
        let mut first = vec![None; self.order.len() + 1];
        for (p, b) in self.order.iter().enumerate().rev() {
            first[p] = if self.block(*b).instrs.is_empty() { first[p + 1] } else { Some(*b) };
        }
        first
    }

    /// Follow empty blocks to the first block with code (`first` from
    /// `first_nonempty_from`).
    fn skip_empty(&self, b: BlockId, positions: &[u32], first: &[Option<BlockId>]) -> Option<BlockId> {
        if !self.block(b).instrs.is_empty() {
            return Some(b);
        }
        match positions[b.0 as usize] {
            NOT_LAID_OUT => None,
            p => first[p as usize],
        }
    }

    fn eliminate_empty_blocks(&mut self) {
        let positions = self.layout_positions();
        let first = self.first_nonempty_from();
        // Where a jump (or handler) to each block ends up.
        let resolved: Vec<Option<BlockId>> =
            (0..self.blocks.len()).map(|i| self.skip_empty(BlockId(i as u32), &positions, &first)).collect();
        for block in &mut self.blocks {
            for instr in &mut block.instrs {
                for slot in [&mut instr.target, &mut instr.except] {
                    if let Some(t) = *slot {
                        if let Some(nt) = resolved[t.0 as usize] {
                            *slot = Some(nt);
                        }
                    }
                }
            }
        }
        let order: Vec<BlockId> = self
            .order
            .iter()
            .copied()
            .filter(|b| !self.block(*b).instrs.is_empty() || *b == self.order[0])
            .collect();
        self.order = order;
    }

    fn remove_unreachable(&mut self) {
        let positions = self.layout_positions();
        let mut reachable = vec![false; self.blocks.len()];
        let mut todo = vec![self.order[0]];
        reachable[self.order[0].0 as usize] = true;
        while let Some(b) = todo.pop() {
            let mut mark = |t: BlockId, todo: &mut Vec<BlockId>| {
                if !reachable[t.0 as usize] {
                    reachable[t.0 as usize] = true;
                    todo.push(t);
                }
            };
            for instr in &self.block(b).instrs {
                if let Some(t) = instr.target {
                    mark(t, &mut todo);
                }
                if let Some(h) = instr.except {
                    mark(h, &mut todo);
                }
            }
            if self.block(b).falls_through() {
                if let Some(next) = self.next_of(&positions, b) {
                    mark(next, &mut todo);
                }
            }
        }
        for (i, block) in self.blocks.iter_mut().enumerate() {
            if !reachable[i] {
                block.instrs.clear();
            }
        }
        self.order.retain(|b| reachable[b.0 as usize]);
    }

    /// Drop instructions after an unconditional exit within a block.
    fn truncate_after_exits(&mut self) {
        for block in &mut self.blocks {
            if let Some(pos) = block.instrs.iter().position(|i| i.op.no_fallthrough()) {
                block.instrs.truncate(pos + 1);
            }
        }
    }

    fn optimize_blocks(&mut self, consts: &mut dyn ConstPool) {
        for bi in 0..self.blocks.len() {
            let mut k = 0;
            while k < self.blocks[bi].instrs.len() {
                let instr = self.blocks[bi].instrs[k];
                let next = self.blocks[bi].instrs.get(k + 1).copied();
                match instr.op {
                    Op::Real(Opcode::SWAP) => {
                        if instr.arg == 1 {
                            self.blocks[bi].instrs[k].op = Op::Real(Opcode::NOP);
                        } else {
                            k = swaptimize(&mut self.blocks[bi].instrs, k);
                            apply_static_swaps(&mut self.blocks[bi].instrs, k);
                        }
                    }
                    Op::Real(Opcode::PUSH_NULL) => {
                        if let Some(nx) = next {
                            if nx.op == Op::Real(Opcode::LOAD_GLOBAL) && nx.arg & 1 == 0 {
                                self.blocks[bi].instrs[k].op = Op::Real(Opcode::NOP);
                                self.blocks[bi].instrs[k + 1].arg |= 1;
                            }
                        }
                    }
                    Op::Real(Opcode::BUILD_TUPLE) => {
                        let n = instr.arg as usize;
                        if k >= n {
                            let items: Option<Vec<_>> = self.blocks[bi].instrs[k - n..k]
                                .iter()
                                .map(|i| match i.op {
                                    Op::Real(Opcode::LOAD_CONST) => consts.tuple_item(i.arg),
                                    _ => None,
                                })
                                .collect();
                            if let Some(items) = items {
                                let idx = consts.add_tuple(items);
                                for i in &mut self.blocks[bi].instrs[k - n..k] {
                                    i.op = Op::Real(Opcode::NOP);
                                    i.arg = 0;
                                }
                                let i = &mut self.blocks[bi].instrs[k];
                                i.op = Op::Real(Opcode::LOAD_CONST);
                                i.arg = idx;
                            }
                        }
                        // `a, b = b, a`: no tuple needed.
                        if let Some(nx) = next {
                            if nx.op == Op::Real(Opcode::UNPACK_SEQUENCE)
                                && nx.arg == instr.arg
                                && self.blocks[bi].instrs[k].op == Op::Real(Opcode::BUILD_TUPLE)
                            {
                                match instr.arg {
                                    1 => {
                                        self.blocks[bi].instrs[k].op = Op::Real(Opcode::NOP);
                                        self.blocks[bi].instrs[k + 1].op = Op::Real(Opcode::NOP);
                                    }
                                    2 | 3 => {
                                        self.blocks[bi].instrs[k].op = Op::Real(Opcode::NOP);
                                        self.blocks[bi].instrs[k + 1].op = Op::Real(Opcode::SWAP);
                                    }
                                    _ => {}
                                }
                            }
                        }
                    }
                    Op::Real(Opcode::LOAD_CONST) => {
                        if let Some(nx) = next {
                            // Branch on a constant: decide it now.
                            let cond = match nx.op {
                                Op::PopJumpIfFalse => consts.truthiness(instr.arg).map(|t| !t),
                                Op::PopJumpIfTrue => consts.truthiness(instr.arg),
                                _ => None,
                            };
                            if let Some(jump) = cond {
                                self.blocks[bi].instrs[k].op = Op::Real(Opcode::NOP);
                                let j = &mut self.blocks[bi].instrs[k + 1];
                                if jump {
                                    j.op = Op::Jump;
                                } else {
                                    j.op = Op::Real(Opcode::NOP);
                                    j.target = None;
                                }
                            } else if consts.is_none(instr.arg) && nx.op == Op::Real(Opcode::IS_OP)
                            {
                                // `x is None` + branch: POP_JUMP_IF_NONE family.
                                if let Some(j) = self.blocks[bi].instrs.get(k + 2).copied() {
                                    let invert = nx.arg == 1;
                                    let new = match (j.op, invert) {
                                        (Op::PopJumpIfFalse, false) | (Op::PopJumpIfTrue, true) => {
                                            Some(Op::PopJumpIfNotNone)
                                        }
                                        (Op::PopJumpIfTrue, false) | (Op::PopJumpIfFalse, true) => {
                                            Some(Op::PopJumpIfNone)
                                        }
                                        _ => None,
                                    };
                                    if let Some(new) = new {
                                        self.blocks[bi].instrs[k].op = Op::Real(Opcode::NOP);
                                        self.blocks[bi].instrs[k + 1].op = Op::Real(Opcode::NOP);
                                        self.blocks[bi].instrs[k + 2].op = new;
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
        }
    }

    /// Jumps to jumps go straight to the final target, when both are on
    /// the same line (CPython 3.11's jump threading rules).
    fn thread_jumps(&mut self) {
        let positions = self.layout_positions();
        for bi in 0..self.blocks.len() {
            for k in 0..self.blocks[bi].instrs.len() {
                let mut hops = 0;
                loop {
                    let instr = self.blocks[bi].instrs[k];
                    let Some(target) = instr.target else { break };
                    if !instr.op.is_jump() {
                        break;
                    }
                    let Some(first) = self.block(target).instrs.first().copied() else {
                        break;
                    };
                    let same_line = instr.loc.lineno == first.loc.lineno;
                    let Some(ftarget) = first.target else { break };
                    use Opcode::{JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP};
                    let new: Option<(Op, BlockId)> = match (instr.op, first.op) {
                        (Op::Real(JUMP_IF_FALSE_OR_POP), Op::PopJumpIfFalse) => {
                            Some((Op::PopJumpIfFalse, ftarget))
                        }
                        (
                            Op::Real(JUMP_IF_FALSE_OR_POP),
                            Op::Jump | Op::Real(JUMP_IF_FALSE_OR_POP),
                        ) => Some((instr.op, ftarget)),
                        (Op::Real(JUMP_IF_TRUE_OR_POP), Op::PopJumpIfTrue) => {
                            Some((Op::PopJumpIfTrue, ftarget))
                        }
                        (
                            Op::Real(JUMP_IF_TRUE_OR_POP),
                            Op::Jump | Op::Real(JUMP_IF_TRUE_OR_POP),
                        ) => Some((instr.op, ftarget)),
                        (
                            Op::Real(JUMP_IF_FALSE_OR_POP),
                            Op::Real(JUMP_IF_TRUE_OR_POP) | Op::PopJumpIfTrue,
                        )
                        | (
                            Op::Real(JUMP_IF_TRUE_OR_POP),
                            Op::Real(JUMP_IF_FALSE_OR_POP) | Op::PopJumpIfFalse,
                        ) => {
                            // The second test's outcome is known: skip past it.
                            if !same_line {
                                break;
                            }
                            let Some(next) = self.next_of(&positions, target) else {
                                break;
                            };
                            let op = if instr.op == Op::Real(JUMP_IF_FALSE_OR_POP) {
                                Op::PopJumpIfFalse
                            } else {
                                Op::PopJumpIfTrue
                            };
                            self.blocks[bi].instrs[k].op = op;
                            self.blocks[bi].instrs[k].target = Some(next);
                            break;
                        }
                        (
                            Op::PopJumpIfFalse
                            | Op::PopJumpIfTrue
                            | Op::PopJumpIfNone
                            | Op::PopJumpIfNotNone
                            | Op::Jump,
                            Op::Jump,
                        ) => Some((instr.op, ftarget)),
                        _ => None,
                    };
                    let Some((op, t)) = new else { break };
                    // Forward-only jumps must stay forward.
                    if matches!(op, Op::Real(_)) {
                        let (a, b) = (positions[bi], positions[t.0 as usize]);
                        if a == NOT_LAID_OUT || b == NOT_LAID_OUT || b <= a {
                            break;
                        }
                    }
                    if !same_line || t == target {
                        break;
                    }
                    self.blocks[bi].instrs[k].op = op;
                    self.blocks[bi].instrs[k].target = Some(t);
                    hops += 1;
                    if hops > 100 {
                        break;
                    }
                }
            }
        }
    }

    /// An unconditional jump to a small exit block without line numbers
    /// (an implicit `return None`) becomes a copy of that block (CPython
    /// 3.11's extend_block: the jump turns into a NOP that keeps its line;
    /// blocks are visited newest first, so chains of such jumps collapse).
    /// `drop_unlocated`: a NOP without a line is dropped at once, as CPython
    /// cleans it away before its second copying pass.
    fn inline_small_exit_blocks(&mut self, drop_unlocated: bool) {
        let positions = self.layout_positions();
        for bi in (0..self.blocks.len()).rev() {
            let b = BlockId(bi as u32);
            if positions[bi] == NOT_LAID_OUT {
                continue;
            }
            let Some(last) = self.block(b).last().copied() else {
                continue;
            };
            if !last.op.is_unconditional_jump() {
                continue;
            }
            let target = last.target.expect("jump target");
            if target == b {
                continue;
            }
            let t = self.block(target);
            if t.instrs.len() <= MAX_COPY_SIZE && t.is_exit_without_lineno() {
                let copy = t.instrs.clone();
                let blk = self.block_mut(b);
                let j = blk.instrs.last_mut().expect("nonempty");
                if drop_unlocated && j.loc.is_none() {
                    blk.instrs.pop();
                } else {
                    j.op = Op::Real(Opcode::NOP);
                    j.target = None;
                }
                blk.instrs.extend(copy);
            }
        }
    }

    fn remove_redundant_jumps(&mut self) {
        let positions = self.layout_positions();
        // Only last instructions change here: which blocks are empty does not.
        let first = self.first_nonempty_from();
        for pi in 0..self.order.len() {
            let b = self.order[pi];
            let Some(last) = self.block(b).last().copied() else {
                continue;
            };
            if !last.op.is_unconditional_jump()
                && !matches!(
                    last.op,
                    Op::PopJumpIfFalse
                        | Op::PopJumpIfTrue
                        | Op::PopJumpIfNone
                        | Op::PopJumpIfNotNone
                )
            {
                continue;
            }
            let target = last.target.expect("jump target");
            let next = self
                .next_in_layout(pi)
                .and_then(|n| self.skip_empty(n, &positions, &first));
            if next == Some(target) {
                let blk = self.block_mut(b);
                let i = blk.instrs.last_mut().expect("nonempty");
                if last.op.is_unconditional_jump() {
                    i.op = Op::Real(Opcode::NOP);
                } else {
                    i.op = Op::Real(Opcode::POP_TOP);
                }
                i.target = None;
            }
        }
    }

    fn remove_redundant_nops(&mut self) {
        // The first line of the code after each layout position; blocks
        // later in the layout are not changed yet when it is needed.
        let mut next_first_line = vec![None; self.order.len() + 1];
        for (p, b) in self.order.iter().enumerate().rev() {
            next_first_line[p] = self.block(*b).instrs.first().map(|i| i.loc.lineno).or(next_first_line[p + 1]);
        }
        for pi in 0..self.order.len() {
            let b = self.order[pi];
            let next_first_line = next_first_line[pi + 1];
            let falls = self.block(b).falls_through();
            let instrs = &mut self.blocks[b.0 as usize].instrs;
            // Both passes only act at NOPs.
            if !instrs.iter().any(|i| i.op == Op::Real(Opcode::NOP)) {
                continue;
            }
            // Compacted in place: `w` instructions are kept so far.
            let n = instrs.len();
            let mut w = 0;
            let mut pending_loc: Option<Location> = None;
            for k in 0..n {
                let mut instr = instrs[k];
                if let Some(l) = pending_loc.take() {
                    if instr.loc.is_none() {
                        instr.loc = l;
                    }
                }
                let keep = if instr.op != Op::Real(Opcode::NOP) {
                    true
                } else {
                    let line = instr.loc.lineno;
                    if line < 0 || (w > 0 && instrs[w - 1].loc.lineno == line) {
                        false
                    } else if k + 1 < n {
                        // Decided when the next instruction is seen.
                        pending_loc = Some(instr.loc);
                        true
                    } else {
                        !(falls && next_first_line == Some(line))
                    }
                };
                if keep {
                    instrs[w] = instr;
                    w += 1;
                }
            }
            instrs.truncate(w);
            // Second pass: a NOP followed by an instruction of the same line is redundant.
            let n = instrs.len();
            let mut w = 0;
            for k in 0..n {
                let instr = instrs[k];
                if instr.op == Op::Real(Opcode::NOP) && k + 1 < n && instrs[k + 1].loc.lineno == instr.loc.lineno {
                    continue;
                }
                instrs[w] = instr;
                w += 1;
            }
            instrs.truncate(w);
        }
    }

    fn predecessors(&self) -> Vec<u32> {
        let mut preds = vec![0u32; self.blocks.len()];
        preds[self.order[0].0 as usize] += 1;
        for (pi, b) in self.order.iter().enumerate() {
            let blk = self.block(*b);
            for i in &blk.instrs {
                if let Some(t) = i.target {
                    preds[t.0 as usize] += 1;
                }
            }
            // Handlers are entered by unwinding: never a single plain predecessor.
            for h in blk.instrs.iter().filter_map(|i| i.except) {
                preds[h.0 as usize] += 2;
            }
            if blk.falls_through() {
                if let Some(n) = self.next_in_layout(pi) {
                    preds[n.0 as usize] += 1;
                }
            }
        }
        preds
    }

    /// Exit blocks without a line number reached by several jumps are
    /// duplicated so that each copy can take its predecessor's line
    /// (CPython 3.11 visits blocks newest first and places each copy right
    /// after the original).
    fn duplicate_exits_without_lineno(&mut self) {
        let mut preds = self.predecessors();
        // Blocks added here are laid out but visited no more.
        let positions = self.layout_positions();
        for bi in (0..positions.len()).rev() {
            let b = BlockId(bi as u32);
            if positions[bi] == NOT_LAID_OUT {
                continue;
            }
            let Some(last) = self.block(b).last().copied() else {
                continue;
            };
            let Some(target) = last.target else { continue };
            if !last.op.is_jump() {
                continue;
            }
            if self.block(target).is_exit_without_lineno() && preds[target.0 as usize] > 1 {
                let nb = self.new_block();
                preds.push(1);
                preds[target.0 as usize] -= 1;
                let mut instrs = self.block(target).instrs.clone();
                if let Some(f) = instrs.first_mut() {
                    f.loc = last.loc;
                }
                self.block_mut(nb).instrs = instrs;
                self.block_mut(b)
                    .instrs
                    .last_mut()
                    .expect("nonempty")
                    .target = Some(nb);
                let pos = self
                    .order
                    .iter()
                    .position(|x| *x == target)
                    .expect("target is laid out");
                self.order.insert(pos + 1, nb);
            }
        }
        // Remaining exits without a line are reached by falling through only.
        for pi in 0..self.order.len().saturating_sub(1) {
            let b = self.order[pi];
            let next = self.order[pi + 1];
            if self.block(b).falls_through() && self.block(next).is_exit_without_lineno() {
                if let Some(loc) = self.block(b).last().map(|i| i.loc) {
                    self.block_mut(next).instrs[0].loc = loc;
                }
            }
        }
    }

    fn propagate_line_numbers(&mut self) {
        let preds = self.predecessors();
        for pi in 0..self.order.len() {
            let b = self.order[pi];
            let mut prev = Location::NONE;
            for instr in &mut self.block_mut(b).instrs {
                if instr.loc.is_none() {
                    instr.loc = prev;
                } else {
                    prev = instr.loc;
                }
            }
            if prev.is_none() {
                continue;
            }
            let blk = self.block(b);
            let mut succs = Vec::new();
            if blk.falls_through() {
                if let Some(n) = self.next_in_layout(pi) {
                    succs.push(n);
                }
            }
            if let Some(last) = blk.last() {
                if last.op.is_jump() {
                    succs.push(last.target.expect("jump target"));
                }
            }
            for s in succs {
                if preds[s.0 as usize] == 1 {
                    if let Some(first) = self.block_mut(s).instrs.first_mut() {
                        if first.loc.is_none() {
                            first.loc = prev;
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------
    // Stack depth.

    fn compute_stack_depth(&mut self) -> Result<u32, String> {
        let positions = self.layout_positions();
        let entry = self.order[0];
        self.block_mut(entry).start_depth = Some(0);
        let mut todo = vec![entry];
        let mut max = 0i32;
        let push = |cfg: &mut Cfg,
                    b: BlockId,
                    depth: i32,
                    todo: &mut Vec<BlockId>|
         -> Result<(), String> {
            match cfg.block(b).start_depth {
                None => {
                    cfg.block_mut(b).start_depth = Some(depth);
                    todo.push(b);
                    Ok(())
                }
                Some(d) if d == depth => Ok(()),
                Some(d) => Err(format!("inconsistent stack depth {d} vs {depth}")),
            }
        };
        while let Some(b) = todo.pop() {
            let mut depth = self.block(b).start_depth.expect("set when queued");
            let mut falls = true;
            for k in 0..self.block(b).instrs.len() {
                let instr = self.block(b).instrs[k];
                let eff = instr.op.stack_effect(instr.arg, false);
                let jeff = instr.op.stack_effect(instr.arg, true);
                max = max.max(depth + eff.max(jeff));
                if let Some(t) = instr.target {
                    push(self, t, depth + jeff, &mut todo)?;
                }
                depth += eff;
                if depth < 0 {
                    return Err(format!(
                        "negative stack depth at {:?} (line {})",
                        instr.op, instr.loc.lineno
                    ));
                }
                if instr.op.no_fallthrough() {
                    falls = false;
                    break;
                }
            }
            if falls {
                if let Some(n) = self.next_of(&positions, b) {
                    push(self, n, depth, &mut todo)?;
                }
            }
        }
        Ok(max as u32)
    }

    // ---------------------------------------------------------------------
    // Final layout.

    /// Turn pseudo jumps into real ones and compute offsets, growing
    /// EXTENDED_ARG prefixes until every jump argument fits.
    fn resolve_jumps(&mut self) {
        let positions = self.layout_positions();
        // Direction by layout position, as CPython decides it.
        for pi in 0..self.order.len() {
            let b = self.order[pi];
            for k in 0..self.block(b).instrs.len() {
                let instr = self.block(b).instrs[k];
                let Some(t) = instr.target else { continue };
                let forward = positions[t.0 as usize] != NOT_LAID_OUT && positions[t.0 as usize] as usize > pi;
                use Opcode::*;
                let real = match instr.op {
                    Op::Jump => {
                        if forward {
                            JUMP_FORWARD
                        } else {
                            JUMP_BACKWARD
                        }
                    }
                    Op::JumpNoInterrupt => {
                        if forward {
                            JUMP_FORWARD
                        } else {
                            JUMP_BACKWARD_NO_INTERRUPT
                        }
                    }
                    Op::PopJumpIfFalse => {
                        if forward {
                            POP_JUMP_FORWARD_IF_FALSE
                        } else {
                            POP_JUMP_BACKWARD_IF_FALSE
                        }
                    }
                    Op::PopJumpIfTrue => {
                        if forward {
                            POP_JUMP_FORWARD_IF_TRUE
                        } else {
                            POP_JUMP_BACKWARD_IF_TRUE
                        }
                    }
                    Op::PopJumpIfNone => {
                        if forward {
                            POP_JUMP_FORWARD_IF_NONE
                        } else {
                            POP_JUMP_BACKWARD_IF_NONE
                        }
                    }
                    Op::PopJumpIfNotNone => {
                        if forward {
                            POP_JUMP_FORWARD_IF_NOT_NONE
                        } else {
                            POP_JUMP_BACKWARD_IF_NOT_NONE
                        }
                    }
                    Op::Real(op) => op,
                    _ => continue,
                };
                self.block_mut(b).instrs[k].op = Op::Real(real);
            }
        }
        loop {
            let mut offset = 0;
            for pi in 0..self.order.len() {
                let b = self.order[pi];
                self.block_mut(b).offset = offset;
                offset += self.block(b).instrs.iter().map(Instr::size).sum::<u32>();
            }
            let mut changed = false;
            for pi in 0..self.order.len() {
                let b = self.order[pi];
                let mut off = self.block(b).offset;
                for k in 0..self.block(b).instrs.len() {
                    let instr = self.block(b).instrs[k];
                    let size = instr.size();
                    if let (Some(t), Op::Real(op)) = (instr.target, instr.op) {
                        let target = self.block(t).offset;
                        let end = off + size;
                        let arg = if op.is_backward_jump() {
                            end.saturating_sub(target)
                        } else {
                            target.saturating_sub(end)
                        };
                        if arg != instr.arg {
                            self.block_mut(b).instrs[k].arg = arg;
                            let grown = self.block(b).instrs[k].size() != size;
                            changed |= grown;
                        }
                    }
                    off += size;
                }
            }
            if !changed {
                break;
            }
        }
    }
}

/// Replace a run of SWAPs (and NOPs) starting at `start` with the fewest
/// SWAPs that permute the stack the same way (CPython 3.11's swaptimize).
/// Returns the index of the run's last instruction.
fn swaptimize(instrs: &mut [Instr], start: usize) -> usize {
    const VISITED: i64 = -1;
    let mut depth = instrs[start].arg as usize;
    let mut len = 1;
    let mut more = false;
    while start + len < instrs.len() {
        match instrs[start + len].op {
            Op::Real(Opcode::SWAP) => {
                depth = depth.max(instrs[start + len].arg as usize);
                more = true;
            }
            Op::Real(Opcode::NOP) => {}
            _ => break,
        }
        len += 1;
    }
    if !more || depth == 0 {
        return start;
    }
    let mut stack: Vec<i64> = (0..depth as i64).collect();
    for instr in &instrs[start..start + len] {
        if instr.op == Op::Real(Opcode::SWAP) {
            let j = (instr.arg as usize).saturating_sub(1).min(depth - 1);
            stack.swap(0, j);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as i64 {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 && current >= 0 {
                let instr = &mut instrs[start + current as usize];
                instr.op = Op::Real(Opcode::SWAP);
                instr.arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next = stack[j] as usize;
            stack[j] = VISITED;
            j = next;
        }
    }
    while current >= 0 {
        instrs[start + current as usize].op = Op::Real(Opcode::NOP);
        current -= 1;
    }
    start + len - 1
}

fn swappable(op: Op) -> bool {
    matches!(op, Op::Real(Opcode::STORE_FAST | Opcode::POP_TOP))
}

fn stores_to(instr: &Instr) -> Option<u32> {
    (instr.op == Op::Real(Opcode::STORE_FAST)).then_some(instr.arg)
}

/// The next STORE_FAST or POP_TOP after `i` (skipping NOPs), staying on `lineno` if given.
fn next_swappable(instrs: &[Instr], mut i: usize, lineno: Option<i32>) -> Option<usize> {
    loop {
        i += 1;
        let instr = instrs.get(i)?;
        if lineno.is_some_and(|l| instr.loc.lineno != l) {
            return None;
        }
        if instr.op == Op::Real(Opcode::NOP) {
            continue;
        }
        return swappable(instr.op).then_some(i);
    }
}

/// Replace SWAPs followed by stores with reordered stores (CPython
/// 3.11's apply_static_swaps): `SWAP 2; STORE_FAST a; STORE_FAST b`
/// becomes `STORE_FAST b; STORE_FAST a`, unless the stores alias.
fn apply_static_swaps(instrs: &mut [Instr], last: usize) {
    let mut i = last as isize;
    while i >= 0 {
        let idx = i as usize;
        let swap = instrs[idx];
        if swap.op != Op::Real(Opcode::SWAP) {
            if swap.op == Op::Real(Opcode::NOP) || swappable(swap.op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, idx, None) else {
            return;
        };
        let lineno = instrs[j].loc.lineno;
        let mut k = j;
        for _ in 1..swap.arg {
            match next_swappable(instrs, k, Some(lineno)) {
                Some(n) => k = n,
                None => return,
            }
        }
        let (sj, sk) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if sj.is_some() || sk.is_some() {
            if sj == sk {
                return;
            }
            for m in j + 1..k {
                if let Some(s) = stores_to(&instrs[m]) {
                    if Some(s) == sj || Some(s) == sk {
                        return;
                    }
                }
            }
        }
        instrs[idx].op = Op::Real(Opcode::NOP);
        instrs.swap(j, k);
        i -= 1;
    }
}

/// What the assembler produces for the code object.
pub struct Assembled {
    pub code: Vec<u8>,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
    pub stacksize: u32,
}

/// Instructions placed before everything else (cells, free variables,
/// generator creation), as CPython 3.11's insert_prefix_instructions.
pub struct Prefix {
    pub make_cells: Vec<u32>,
    pub copy_free_vars: u32,
    pub generator_line: Option<i32>,
}

impl Cfg {
    pub fn assemble(
        mut self,
        consts: &mut dyn ConstPool,
        prefix: Prefix,
        firstlineno: i32,
    ) -> Result<Assembled, String> {
        // Prefix instructions go at the very start of the entry block.
        let entry = self.order[0];
        let mut pre = Vec::new();
        if prefix.copy_free_vars > 0 {
            pre.push(Instr {
                op: Op::Real(Opcode::COPY_FREE_VARS),
                arg: prefix.copy_free_vars,
                target: None,
                loc: Location::NONE,
                except: None,
            });
        }
        for cell in &prefix.make_cells {
            pre.push(Instr {
                op: Op::Real(Opcode::MAKE_CELL),
                arg: *cell,
                target: None,
                loc: Location::NONE,
                except: None,
            });
        }
        if let Some(line) = prefix.generator_line {
            let loc = Location {
                lineno: line,
                end_lineno: line,
                col: -1,
                end_col: -1,
            };
            pre.push(Instr {
                op: Op::Real(Opcode::RETURN_GENERATOR),
                arg: 0,
                target: None,
                loc,
                except: None,
            });
            pre.push(Instr {
                op: Op::Real(Opcode::POP_TOP),
                arg: 0,
                target: None,
                loc,
                except: None,
            });
        }
        let blk = self.block_mut(entry);
        let rest = std::mem::take(&mut blk.instrs);
        blk.instrs = pre;
        blk.instrs.extend(rest);

        self.truncate_after_exits();
        // CPython 3.11 copies small exit blocks twice: before and after
        // the per-block optimizations; the first pass can make a block an
        // exit that the second copies in turn.
        self.inline_small_exit_blocks(true);
        self.optimize_blocks(consts);
        self.eliminate_empty_blocks();
        self.thread_jumps();
        self.remove_unreachable();
        self.inline_small_exit_blocks(false);
        self.remove_unreachable();
        self.remove_redundant_jumps();
        self.eliminate_empty_blocks();
        self.remove_unreachable();
        self.duplicate_exits_without_lineno();
        self.propagate_line_numbers();
        self.remove_redundant_nops();
        self.eliminate_empty_blocks();
        // SETUP_* still say where handlers start and at which depth.
        let stacksize = self.compute_stack_depth()?;
        self.label_exception_targets();
        self.remove_redundant_nops();
        self.eliminate_empty_blocks();
        self.resolve_jumps();

        // Emit code, locations and exception ranges.
        let units: u32 = self.order.iter().flat_map(|b| &self.block(*b).instrs).map(Instr::size).sum();
        let mut code = Vec::with_capacity(2 * units as usize);
        let mut lines = LineTableWriter::with_capacity(firstlineno, 2 * units as usize);
        let mut entries: Vec<ExceptionEntry> = Vec::new();
        let mut cur: Option<(BlockId, u32)> = None;
        let mut offset = 0u32;
        let close = |cur: &mut Option<(BlockId, u32)>,
                     offset: u32,
                     cfg: &Cfg,
                     entries: &mut Vec<ExceptionEntry>| {
            if let Some((h, start)) = cur.take() {
                let hb = cfg.block(h);
                let lasti = hb.preserve_lasti;
                let depth = hb.start_depth.unwrap_or(1) - 1 - lasti as i32;
                if offset > start {
                    entries.push(ExceptionEntry {
                        start,
                        end: offset,
                        target: hb.offset,
                        depth: depth.max(0) as u32,
                        lasti,
                    });
                }
            }
        };
        for &b in &self.order {
            for &instr in &self.block(b).instrs {
                let Op::Real(op) = instr.op else { continue };
                if cur.map(|c| c.0) != instr.except {
                    close(&mut cur, offset, &self, &mut entries);
                    cur = instr.except.map(|h| (h, offset));
                }
                let size = instr.size();
                let arg = instr.arg;
                let ext = size - 1 - op.cache_entries() as u32;
                for s in (1..=ext).rev() {
                    code.push(Opcode::EXTENDED_ARG as u8);
                    code.push((arg >> (8 * s)) as u8);
                }
                code.push(op as u8);
                code.push(arg as u8);
                for _ in 0..op.cache_entries() {
                    code.push(Opcode::CACHE as u8);
                    code.push(0);
                }
                lines.push(instr.loc, size);
                offset += size;
            }
        }
        close(&mut cur, offset, &self, &mut entries);
        Ok(Assembled {
            code,
            linetable: lines.finish(),
            exceptiontable: encode_exception_table(&entries),
            stacksize,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntax::ast::Constant;

    struct Pool(Vec<Constant>);
    impl ConstPool for Pool {
        fn tuple_item(&self, index: u32) -> Option<Constant> {
            self.0.get(index as usize).cloned()
        }
        fn add_tuple(&mut self, items: Vec<Constant>) -> u32 {
            self.0.push(Constant::Tuple(items));
            self.0.len() as u32 - 1
        }
        fn truthiness(&self, _: u32) -> Option<bool> {
            None
        }
        fn is_none(&self, index: u32) -> bool {
            matches!(self.0.get(index as usize), Some(Constant::None))
        }
    }

    fn at(line: i32) -> Location {
        Location {
            lineno: line,
            end_lineno: line,
            col: 0,
            end_col: 1,
        }
    }

    fn real(cfg: &mut Cfg, op: Opcode, arg: u32, line: i32) {
        cfg.emit(Op::Real(op), arg, None, at(line));
    }

    fn prefix() -> Prefix {
        Prefix {
            make_cells: vec![],
            copy_free_vars: 0,
            generator_line: None,
        }
    }

    #[test]
    fn backward_and_forward_jumps() {
        // while x: pass
        let mut cfg = Cfg::new();
        let top = cfg.new_block();
        let exit = cfg.new_block();
        real(&mut cfg, Opcode::RESUME, 0, 1);
        cfg.use_block(top);
        real(&mut cfg, Opcode::LOAD_NAME, 0, 1);
        cfg.emit(Op::PopJumpIfFalse, 0, Some(exit), at(1));
        cfg.emit(Op::Jump, 0, Some(top), at(1));
        cfg.use_block(exit);
        real(&mut cfg, Opcode::LOAD_CONST, 0, 1);
        real(&mut cfg, Opcode::RETURN_VALUE, 0, 1);
        let out = cfg
            .assemble(&mut Pool(vec![Constant::None]), prefix(), 1)
            .unwrap();
        use Opcode::*;
        let expect = [
            RESUME as u8,
            0,
            LOAD_NAME as u8,
            0,
            POP_JUMP_FORWARD_IF_FALSE as u8,
            1,
            JUMP_BACKWARD as u8,
            3,
            LOAD_CONST as u8,
            0,
            RETURN_VALUE as u8,
            0,
        ];
        assert_eq!(out.code, expect);
        assert_eq!(out.stacksize, 1);
    }

    #[test]
    fn extended_args_grow_jumps() {
        let mut cfg = Cfg::new();
        let exit = cfg.new_block();
        real(&mut cfg, Opcode::LOAD_NAME, 0, 1);
        cfg.emit(Op::PopJumpIfFalse, 0, Some(exit), at(1));
        for _ in 0..300 {
            real(&mut cfg, Opcode::LOAD_NAME, 1, 2);
            real(&mut cfg, Opcode::POP_TOP, 0, 2);
        }
        cfg.use_block(exit);
        real(&mut cfg, Opcode::LOAD_CONST, 0, 3);
        real(&mut cfg, Opcode::RETURN_VALUE, 0, 3);
        let out = cfg
            .assemble(&mut Pool(vec![Constant::None]), prefix(), 1)
            .unwrap();
        assert_eq!(out.code[2], Opcode::EXTENDED_ARG as u8);
        assert_eq!(out.code[3], 2);
        assert_eq!(out.code[4], Opcode::POP_JUMP_FORWARD_IF_FALSE as u8);
        assert_eq!(out.code[5], 88);
    }

    #[test]
    fn tuple_folding_and_exception_table() {
        let mut cfg = Cfg::new();
        let handler = cfg.new_block();
        let body = cfg.new_block();
        let after = cfg.new_block();
        real(&mut cfg, Opcode::NOP, 0, 1);
        cfg.emit(Op::SetupFinally, 0, Some(handler), at(1));
        cfg.use_block(body);
        real(&mut cfg, Opcode::LOAD_CONST, 0, 2);
        real(&mut cfg, Opcode::LOAD_CONST, 1, 2);
        real(&mut cfg, Opcode::BUILD_TUPLE, 2, 2);
        real(&mut cfg, Opcode::STORE_NAME, 0, 2);
        cfg.emit(Op::PopBlock, 0, None, Location::NONE);
        cfg.emit(Op::Jump, 0, Some(after), at(2));
        cfg.use_block(handler);
        real(&mut cfg, Opcode::POP_TOP, 0, 3);
        cfg.use_block(after);
        real(&mut cfg, Opcode::LOAD_CONST, 2, 4);
        real(&mut cfg, Opcode::RETURN_VALUE, 0, 4);
        let mut pool = Pool(vec![Constant::Int(1), Constant::Int(2), Constant::None]);
        let out = cfg.assemble(&mut pool, prefix(), 1).unwrap();
        assert_eq!(
            pool.0[3],
            Constant::Tuple(vec![Constant::Int(1), Constant::Int(2)])
        );
        use Opcode::*;
        assert_eq!(
            out.code,
            [
                NOP as u8,
                0,
                LOAD_CONST as u8,
                3,
                STORE_NAME as u8,
                0,
                JUMP_FORWARD as u8,
                1,
                POP_TOP as u8,
                0,
                LOAD_CONST as u8,
                2,
                RETURN_VALUE as u8,
                0
            ]
        );
        let table = crate::code::decode_exception_table(&out.exceptiontable);
        assert_eq!(
            table,
            vec![ExceptionEntry {
                start: 1,
                end: 3,
                target: 4,
                depth: 0,
                lasti: false
            }]
        );
        assert_eq!(out.stacksize, 1);
    }
}
